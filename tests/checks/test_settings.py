"""The settings files checked like an item, and across villages."""

from noticeboard.errors import display_path
from noticeboard.run.build import Build
from tests.conftest import NOTICE_YAML, VILLAGE_YAML, write


def test_a_village_folder_copied_with_its_village_yaml_is_warned(township):
    write(township / "双河村" / "通知.yaml", NOTICE_YAML)
    write(township / "李家村" / "village.yaml", VILLAGE_YAML)  # copied, not changed
    write(township / "李家村" / "通知.yaml", NOTICE_YAML)
    build = Build.for_paths([township])
    build.check()
    copied = [(f.file.parent.name, f.field_path, f.message()) for f in build.findings
              if f.code.startswith("village_copied")]
    name = VILLAGE_YAML.split("name:")[1].split("\n")[0].strip()
    assert copied[0] == ("双河村", ("name",), f"村名「{name}」和 {display_path(township / '李家村')} 的 village.yaml 一样："
                         "是不是复制了别村的文件夹，没改 village.yaml？两个村的海报会署同一个村名")
    assert {c[0] for c in copied} == {"双河村", "李家村"}
    assert not build.failed  # a warning: the clerk decides


def test_villages_with_their_own_names_and_phones_are_not_warned(township):
    write(township / "李家村" / "village.yaml", "name: 李家村\nphone: 0571-63811999\n")
    write(township / "李家村" / "通知.yaml", NOTICE_YAML)
    build = Build.for_paths([township])
    build.check()
    assert [f.code for f in build.findings if f.code.startswith("village_copied")] == []
