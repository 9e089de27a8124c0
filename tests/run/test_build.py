"""The library entry point and the run over many items."""

import pytest

from noticeboard import render_item
from noticeboard.errors import NoticeboardError
from noticeboard.run.build import Build
from noticeboard.run.outcomes import Status
from tests.conftest import FINANCE_YAML, NOTICE_YAML, write
from tests.pdftext import page_texts, squeezed


def test_render_item_returns_the_pdf_path(village, tmp_path):
    path = write(village / "通知.yaml", NOTICE_YAML)
    output = render_item(path, tmp_path / "out")
    assert output == tmp_path / "out" / "双河村" / "通知.pdf"
    assert "关于召开村民代表会议的通知" in squeezed(page_texts(output)[0])


def test_render_item_raises_with_findings_for_a_bad_item(village, tmp_path):
    path = write(village / "通知.yaml", NOTICE_YAML.replace("posted: 2026-11-20\n", ""))
    with pytest.raises(NoticeboardError) as caught:
        render_item(path, tmp_path / "out")
    assert [f.code for f in caught.value.findings] == ["missing_field"]


def test_a_crash_in_one_render_fails_alone(township, tmp_path, monkeypatch):
    write(township / "双河村" / "a.yaml", NOTICE_YAML)
    write(township / "双河村" / "b.yaml", FINANCE_YAML)
    from noticeboard.poster import render as render_module

    original = render_module.Renderer.render

    def flaky(self, checked, paper=None):
        if checked.path.name == "a.yaml":
            raise RuntimeError("boom")
        return original(self, checked, paper)

    monkeypatch.setattr(render_module.Renderer, "render", flaky)
    build = Build.for_paths([township])
    outcomes = build.render(tmp_path / "out")
    assert [o.status for o in outcomes] == [Status.FAILED, Status.RENDERED]
    assert outcomes[0].findings[0].message() == "生成海报失败：RuntimeError: boom"
    assert build.failed


def test_output_mirrors_village_folders(township, tmp_path):
    write(township / "李家村" / "village.yaml", "name: 李家村\nphone: 0571-1\n")
    write(township / "李家村" / "通知.yaml", NOTICE_YAML)
    write(township / "双河村" / "通知.yaml", NOTICE_YAML)
    build = Build.for_paths([township])
    outcomes = build.render(tmp_path / "out")
    assert sorted(str(o.output.relative_to(tmp_path / "out")) for o in outcomes) == [
        "双河村/通知.pdf", "李家村/通知.pdf"]


def test_one_file_reached_through_a_symlinked_folder_is_no_collision_but_a_copy_is(township):
    from noticeboard.sources.workspace import discover, output_collisions

    write(township / "张家村" / "village.yaml", "name: 张家村\nphone: 1\n")
    write(township / "张家村" / "通知.yaml", NOTICE_YAML)
    (township / "李家村").symlink_to(township / "张家村", target_is_directory=True)
    items = discover([township]).items
    assert len(items) == 1 and output_collisions(items) == {}  # one file, one poster: listed once
    write(township / "张家村" / "通知.yml", NOTICE_YAML)  # a second file: a real collision
    items = discover([township]).items
    assert sorted(output_collisions(items)) == [0, 1]


def _attached(pdf) -> dict[str, bytes]:
    from pypdf import PdfReader

    return {name: data[0] for name, data in PdfReader(pdf).attachments.items()}


def test_each_settings_file_is_read_once_and_its_checked_bytes_are_attached(township, tmp_path):
    """A village.yaml saved while the run renders (here: between check and render) is
    neither attached nor counted: the poster carries exactly the bytes that were checked."""
    village = township / "双河村"
    write(village / "a.yaml", NOTICE_YAML)
    write(village / "b.yaml", NOTICE_YAML)
    checked_bytes = (village / "village.yaml").read_bytes()
    build = Build.for_paths([township])
    build.check()
    write(village / "village.yaml", "name: 双河村\n# 会计 身份证 110105194912310025\n")
    outcomes = build.render(tmp_path / "out")
    assert [o.status for o in outcomes] == [Status.RENDERED, Status.RENDERED]
    for outcome in outcomes:
        assert _attached(outcome.output)["village.yaml"] == checked_bytes
    assert len(build.settings) == 1  # one folder's settings, read and checked once


def test_settings_of_a_folder_are_checked_once_for_all_its_items(township, monkeypatch):
    from noticeboard.checks import settings as settings_module

    reads = []
    original = settings_module.read_settings_file
    monkeypatch.setattr(settings_module, "read_settings_file",
                        lambda path, model: reads.append(path.name) or original(path, model))
    for name in ("a", "b", "c"):
        write(township / "双河村" / f"{name}.yaml", NOTICE_YAML)
    Build.for_paths([township]).check()
    assert sorted(reads) == ["township.yaml", "village.yaml"]
