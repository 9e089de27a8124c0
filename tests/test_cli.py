"""The command line: exact output and exit codes."""

import json
import os

import pytest
import typer
from typer.testing import CliRunner

from noticeboard.cli import app
from noticeboard.kinds import KINDS
from noticeboard.messages import MESSAGES
from tests.conftest import FINANCE_YAML, NOTICE_YAML, RELIEF_YAML, ROOT, write

runner = CliRunner()
ASCII_KEY = __import__("re").compile(r"^\s*(- )?[a-z_]+:")


@pytest.fixture
def in_township(township, monkeypatch):
    monkeypatch.chdir(township.parent)
    return township


def test_check_clean_township(in_township):
    write(in_township / "双河村" / "财务.yaml", FINANCE_YAML)
    write(in_township / "双河村" / "低保.yaml", RELIEF_YAML)
    result = runner.invoke(app, ["check", "青山镇"])
    assert result.output == "检查了 2 个文件：0 个错误，0 个警告\n"
    assert result.exit_code == 0


def test_check_reports_every_finding_with_file_line_field(in_township):
    write(in_township / "双河村" / "财务.yaml",
          FINANCE_YAML.replace("closing_balance: 2700.25", "closing_balance: 2700.00"))
    write(in_township / "双河村" / "低保.yaml", RELIEF_YAML.replace("days: 7", "days: 2"))
    result = runner.invoke(app, ["check", "青山镇"])
    assert result.output == (
        "青山镇/双河村/低保.yaml:5: 警告 days: 公示期只有 2 天，少于本类事项要求的 7 天\n"
        "青山镇/双河村/财务.yaml:23: 错误 closing_balance: 账不平：期初 ¥1,000.00 + 收入 ¥2,000.50"
        " − 支出 ¥300.25 = ¥2,700.25，但期末余额写的是 ¥2,700.00（相差 -¥0.25）\n"
        "检查了 2 个文件：1 个错误，1 个警告\n")
    assert result.exit_code == 1


def test_check_in_english(in_township):
    write(in_township / "双河村" / "低保.yaml", RELIEF_YAML.replace("household_size: 2", "household_size: x"))
    result = runner.invoke(app, ["check", "青山镇", "--lang", "en"])
    assert result.output == (
        "青山镇/双河村/低保.yaml:11: error recipients[1].household_size: `x` is not a whole number\n"
        "checked 1 files: 1 errors, 0 warnings\n")
    assert result.exit_code == 1


def test_check_defaults_to_the_current_folder(in_township, monkeypatch):
    write(in_township / "双河村" / "通知.yaml", NOTICE_YAML)
    monkeypatch.chdir(in_township / "双河村")
    result = runner.invoke(app, ["check"])
    assert result.output == "检查了 1 个文件：0 个错误，0 个警告\n"


def test_missing_path(in_township):
    result = runner.invoke(app, ["check", "没有这个村"])
    assert result.output == "-: 错误: 找不到 没有这个村\n检查了 0 个文件：1 个错误，0 个警告\n"
    assert result.exit_code == 1


def test_broken_village_yaml_is_reported_once(in_township):
    write(in_township / "双河村" / "village.yaml", "name: 双河村\nname: 又一个\n")
    write(in_township / "双河村" / "a.yaml", NOTICE_YAML)
    write(in_township / "双河村" / "b.yaml", NOTICE_YAML)
    result = runner.invoke(app, ["check", "青山镇"])
    assert result.output == (
        "青山镇/双河村/village.yaml:2: 错误: 「name」写了两次（第 1 行和第 2 行），请删掉一处\n"
        "检查了 0 个文件：1 个错误，0 个警告\n")
    assert result.exit_code == 1


def test_misuse_exits_2(in_township):
    result = runner.invoke(app, ["check", "--lang", "fr"])
    assert result.exit_code == 2
    assert result.output == "--lang（或环境变量 NOTICEBOARD_LANG）只能是 zh 或 en，不能是「fr」\n"
    assert runner.invoke(app, ["render", "--paper", "A0"]).exit_code == 2


def test_render_writes_one_pdf_per_item_and_continues_past_failures(in_township, tmp_path):
    write(in_township / "双河村" / "财务.yaml", FINANCE_YAML)
    write(in_township / "双河村" / "坏.yaml", NOTICE_YAML.replace("posted: 2026-11-20", "posted: x"))
    out = tmp_path / "out"
    result = runner.invoke(app, ["render", "青山镇", "-o", str(out)])
    rel = os.path.relpath(out / "双河村" / "财务.pdf")
    assert result.output == (
        "青山镇/双河村/坏.yaml:4: 错误 posted: 「x」不是日期，请写成 2026-10-08 或 2026年10月8日\n"
        f"已生成 {rel}（1 页）\n"
        "共 2 项：生成 1 项，未变化 0 项，失败 1 项\n")
    assert result.exit_code == 1
    assert (out / "双河村" / "财务.pdf").read_bytes().startswith(b"%PDF-")
    assert not (out / "双河村" / "坏.pdf").exists()


def test_kinds_lists_chinese_names_aligned_without_repeats():
    result = runner.invoke(app, ["kinds"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == ("notice              通知公告（村务公开）                  "
                        "也可写作：通知公告、通知、公告")
    assert lines[-1] == ("contract            承包租赁合同公开（财务公开）          "
                         "也可写作：承包租赁合同、合同、承包合同、租赁合同")
    from noticeboard.formatting import display_width

    columns = {display_width(line.split("也可写作")[0]) for line in lines}
    assert columns == {58}  # the aliases start in one column, whatever the CJK width
    for line in lines:
        aliases = line.split("也可写作：")[1].split("、")
        assert len(aliases) == len(set(aliases)), line


def test_new_prints_a_commented_skeleton():
    result = runner.invoke(app, ["new", "财务公开"])
    assert result.exit_code == 0
    assert "\nkind: finance " in result.output
    assert "# 期初余额" in result.output


def test_new_refuses_to_overwrite(tmp_path):
    target = write(tmp_path / "x.yaml", "原来的内容\n")
    result = runner.invoke(app, ["new", "relief", "-o", str(target)])
    assert result.exit_code == 1
    assert target.read_text(encoding="utf-8") == "原来的内容\n"


def test_new_unknown_kind_is_misuse():
    result = runner.invoke(app, ["new", "会议纪要"])
    assert result.exit_code == 2
    assert "不认识的类型「会议纪要」" in result.output


def test_schema_writes_one_file_per_kind(tmp_path):
    result = runner.invoke(app, ["schema", "-o", str(tmp_path)])
    assert result.exit_code == 0
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted([f"{kind}.schema.json" for kind in KINDS]
                           + ["township.schema.json", "village.schema.json"])
    finance = json.loads((tmp_path / "finance.schema.json").read_text(encoding="utf-8"))
    assert finance["properties"]["期初余额"]["title"] == "期初余额"


def test_doctor_reports_the_essentials():
    result = runner.invoke(app, ["doctor"])
    assert result.exit_code == 0, result.output
    assert "✓ HarfBuzz 字体子集化已启用" in result.output
    assert "Noto Serif CJK SC" in result.output


def test_every_command_is_documented_in_the_readme():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in typer.main.get_command(app).commands:  # type: ignore[attr-defined]
        assert f"noticeboard {name}" in text, name


def test_every_message_has_both_languages_and_same_placeholders():
    import string
    for code, (zh, en) in MESSAGES.items():
        fields = lambda s: {f for _, f, _, _ in string.Formatter().parse(s) if f}  # noqa: E731
        assert fields(zh) == fields(en), code


def test_every_command_and_option_has_chinese_help():
    import re

    root = typer.main.get_command(app)
    cjk = re.compile(r"[\u4e00-\u9fff]")
    for name, command in root.commands.items():  # type: ignore[attr-defined]
        assert cjk.search(command.help or ""), name
        for param in command.params:
            if param.name in ("help",):
                continue
            assert cjk.search(getattr(param, "help", None) or ""), f"{name} {param.name}"


def test_help_frames_are_chinese_with_meaningful_placeholders():
    result = runner.invoke(app, ["check", "--help"], prog_name="noticeboard")
    assert result.output == (
        "用法：noticeboard check [选项] [<文件或文件夹>]...\n"
        "\n"
        "  检查公开事项：格式、账目、隐私、公示期、字体，一次列出全部问题。有错误时退出码\n"
        "  为 1。\n"
        "\n"
        "参数：\n"
        "  <文件或文件夹>...  事项文件、村文件夹、乡镇文件夹或海报 PDF；默认当前文件夹\n"
        "\n"
        "选项：\n"
        "  --summary   再按村和季度列出：决策、收支、公开了哪些事项，以及各公开事项之间哪\n"
        "              里对不上\n"
        "  -h, --help  显示本帮助并退出\n")
    result = runner.invoke(app, ["import", "--help"], prog_name="noticeboard")
    assert "用法：noticeboard import [选项] <表格文件>\n" in result.output
    assert "  --kind <类型>        事项类型：finance 财务（财务公开）、relief 救助补助（低保）\n" \
        "                       [必填]\n" in result.output
    result = runner.invoke(app, ["render", "--help"], prog_name="noticeboard")
    assert "  -o, --output <文件夹>  输出文件夹  [默认：out]\n" in result.output
    assert "  -j, --jobs <个数>" in result.output


def test_every_help_screen_is_chinese_by_default_and_english_on_request(monkeypatch):
    import re

    english = re.compile(r"\b(Usage|Options|Arguments|Commands|Show this|default:|\[required|"
                         r"list\[|<int|<str>|<path>)")
    root = typer.main.get_command(app)
    for words in [["--help"], *([name, "--help"] for name in root.commands)]:  # type: ignore[attr-defined]
        result = runner.invoke(app, words, prog_name="noticeboard")
        assert result.exit_code == 0, words
        assert not english.search(result.output), (words, result.output)
        result = runner.invoke(app, ["--lang", "en", *words], prog_name="noticeboard")
        assert result.output.startswith("Usage: noticeboard"), words
        assert not re.search(r"[\u4e00-\u9fff]", result.output.replace("--中文键", "").replace("--英文键", "")
                             .split("\n", 1)[1].replace("财务公开", "").replace("低保", "")), words
    monkeypatch.setenv("NOTICEBOARD_LANG", "en")
    assert runner.invoke(app, ["--help"]).output.startswith("Usage: ")


def test_usage_errors_are_chinese_and_suggest_the_nearest():
    result = runner.invoke(app, ["chek"], prog_name="noticeboard")
    assert result.output == (
        "用法：noticeboard [选项] <命令> [参数]...\n"
        "运行 noticeboard --help 查看帮助。\n\n"
        "错误：没有「chek」这个命令，是不是「check」？\n")
    assert result.exit_code == 2
    result = runner.invoke(app, ["render", "--forse"], prog_name="noticeboard")
    assert result.output.splitlines()[-1] == "错误：没有 --forse 这个选项，是不是 --force？"
    result = runner.invoke(app, ["render", "-j", "0"], prog_name="noticeboard")
    assert result.output.splitlines()[-1] == "错误：-j / --jobs 的值不对：「0」太小，至少为 1"
    result = runner.invoke(app, ["render", "--paper", "A0"], prog_name="noticeboard")
    assert result.output.splitlines()[-1] == "错误：--paper 的值不对：「A0」不是可选值，应为：A3、A4"
    result = runner.invoke(app, ["import"], prog_name="noticeboard")
    assert result.output.splitlines()[-1] == "错误：缺少 <表格文件>"
    result = runner.invoke(app, ["init", "a", "b"], prog_name="noticeboard")
    assert result.output.splitlines()[-1] == "错误：多余的参数：b"
    result = runner.invoke(app, ["render", "-o"], prog_name="noticeboard")
    assert result.output.splitlines()[-1] == "错误：-o 后面要写一个值"
    result = runner.invoke(app, ["--lang", "en", "chek"], prog_name="noticeboard")
    assert result.output.splitlines()[-1] == "Error: no such command `chek`; did you mean `check`?"


def test_lang_is_one_option_that_may_stand_anywhere(in_township, monkeypatch):
    write(in_township / "双河村" / "低保.yaml", RELIEF_YAML)
    expected = "checked 1 files: 0 errors, 0 warnings\n"
    assert runner.invoke(app, ["--lang", "en", "check", "青山镇"]).output == expected
    assert runner.invoke(app, ["check", "--lang=en", "青山镇"]).output == expected
    monkeypatch.setenv("NOTICEBOARD_LANG", "en")
    assert runner.invoke(app, ["check", "青山镇"]).output == expected
    assert runner.invoke(app, ["check", "青山镇", "--lang", "zh"]).output == \
        "检查了 1 个文件：0 个错误，0 个警告\n"


def test_version():
    from noticeboard import __version__

    result = runner.invoke(app, ["--version"])
    assert (result.output, result.exit_code) == (f"noticeboard {__version__}\n", 0)


def test_import_kind_takes_the_chinese_names(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.csv").write_text("姓名,村民小组,人数,类别,金额\n王,一组,1,低保,1\n",
                                    encoding="utf-8")
    for name in ("低保", "救助补助发放公示", "relief"):
        result = runner.invoke(app, ["import", "a.csv", "--kind", name, "-o", f"{name}.yaml"])
        assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["import", "a.csv", "--kind", "党费"], prog_name="noticeboard")
    assert result.output.splitlines()[-1] == (
        "错误：--kind 的值不对：「党费」不能从表格导入；可导入的类型：finance（财务收支公开）、"
        "relief（救助补助发放公示）")


@pytest.mark.parametrize("kind", list(KINDS))
def test_new_with_chinese_keys_checks_like_the_english_skeleton(in_township, kind):
    from tests.conftest import check_text, confirmed, filled_skeleton

    result = runner.invoke(app, ["new", kind, "--中文键"])
    assert result.exit_code == 0
    data_lines = [line for line in result.output.splitlines()
                  if line.strip() and not line.lstrip().startswith("#")]
    assert not any(re_key.match(line) for line in data_lines for re_key in [ASCII_KEY]), kind
    village = in_township / "双河村"
    chinese = check_text(village, confirmed(result.output), "中文.yaml")
    english = check_text(village, filled_skeleton(kind), "英文.yaml")
    assert [f.format() for f in chinese.findings] == []
    assert chinese.item == english.item


def test_shell_completion_is_offered():
    result = runner.invoke(app, ["--help"])
    assert "  --install-completion  为当前 shell 安装命令补全（按 Tab 补全命令和选项）\n" in result.output


def test_checking_a_settings_file_checks_it_as_settings(in_township):
    result = runner.invoke(app, ["check", "青山镇/双河村/village.yaml"])
    assert result.output == "检查了 0 个文件：0 个错误，0 个警告\n"
    write(in_township / "双河村" / "village.yaml", "name: 双河村\nphon: 1\n")
    result = runner.invoke(app, ["check", "青山镇/双河村/village.yaml"])
    assert result.output.startswith("青山镇/双河村/village.yaml:2: 错误 phon: 不认识的字段「phon」，是不是「phone」？")
    assert result.exit_code == 1


def test_report_json_counts_rows_from_one_as_the_console_does(in_township, tmp_path):
    from noticeboard.run.build import Build
    from noticeboard.run.outcomes import Outcome, Status
    from noticeboard.run.report import write_report

    write(in_township / "双河村" / "低保.yaml",
          RELIEF_YAML.replace("    household_size: 1\n", "    household_size: 一\n"))
    build = Build.for_paths([in_township])
    build.check()
    console = runner.invoke(app, ["check", "青山镇"]).output.splitlines()[0]
    pairs = list(zip(build.workspace.items, build.checked, strict=True))
    report = json.loads(write_report(tmp_path, pairs, [Outcome(s, Status.FAILED) for s, _ in pairs])
                        .read_text(encoding="utf-8"))
    [message] = report["items"][0]["messages"]
    assert console == "青山镇/双河村/低保.yaml:16: 错误 recipients[2].household_size: 「一」不是整数"
    assert (message["field"], message["line"]) == ("recipients[2].household_size", 16)


def test_a_wrong_value_for_any_option_is_refused_in_chinese(in_township):
    import re

    root = typer.main.get_command(app)
    for name, command in root.commands.items():  # type: ignore[attr-defined]
        for param in command.params:
            if param.param_type_name != "option" or getattr(param, "is_flag", False) \
                    or param.name in ("help",):
                continue
            words = [name, param.opts[0], "!!"]
            result = runner.invoke(app, words, prog_name="noticeboard")
            if result.exit_code != 2:
                continue  # a free-text option ("!!" is a valid --sheet or --host)
            last = result.output.splitlines()[-1]
            assert last.startswith("错误："), (words, result.output)
            words_left = re.findall(r"[A-Za-z]{3,}", re.sub(r"--?[\w-]+|noticeboard", "", last))
            assert set(words_left) <= {"pdf", "png", "PDF", "finance", "relief"}, (words, last)


def test_more_usage_errors():
    result = runner.invoke(app, ["preview", "--port", "abc"], prog_name="noticeboard")
    assert result.output.splitlines()[-1] == "错误：--port 的值不对：应写一个整数"
    result = runner.invoke(app, ["check", "--lang"], prog_name="noticeboard")
    assert (result.output, result.exit_code) == ("错误：--lang 后面要写一个值\n", 2)


def test_a_township_may_make_chinese_keys_the_default_for_new(in_township):
    write(in_township / "township.yaml",
          "name: 青山镇\nhotline: 1\ndefaults:\n  chinese_keys: true\n")
    target = in_township / "双河村" / "低保.yaml"
    assert runner.invoke(app, ["new", "relief", "-o", str(target)]).exit_code == 0
    assert "\n类型: 救助补助公示 " in target.read_text(encoding="utf-8")
    english = in_township / "双河村" / "英文.yaml"
    assert runner.invoke(app, ["new", "relief", "--英文键", "-o", str(english)]).exit_code == 0
    assert "\nkind: relief " in english.read_text(encoding="utf-8")
    assert "\nkind: relief " in runner.invoke(app, ["new", "relief"]).output  # no township here


# ---- values of options a careless clerk types (helper "output") ---------------------

@pytest.mark.parametrize(("value", "message"), [
    ("1_0/2_0", "应写成 I/N，例如 1/4"),  # int() reads 10/20
    ("١/٢", "应写成 I/N，例如 1/4"),  # Arabic-Indic digits: int() reads 1/2
    ("+1/2", "应写成 I/N，例如 1/4"),
    ("1/2/3", "应写成 I/N，例如 1/4"),
    ("0/1", "I 应在 1 到 N 之间，例如 1/4"),
    ("3/2", "I 应在 1 到 N 之间，例如 1/4"),
    ("1/1001", "N 最大为 1000，不是 1001"),
    ("1/" + "9" * 300, "N 最大为 1000，不是 " + "9" * 300),  # report-1of999….json: a name too long
])
def test_shard_values_are_read_strictly(value, message):
    result = runner.invoke(app, ["render", f"--shard={value}"], prog_name="noticeboard")
    assert result.output.splitlines()[-1] == f"错误：--shard 的值不对：{message}"
    assert result.exit_code == 2


def test_full_width_shard_digits_are_read_as_the_clerk_sees_them(monkeypatch):
    from noticeboard import cli

    assert cli._parse_shard("１／２") == (1, 2)
    assert cli._parse_shard(" 2 / 4 ") == (2, 4)


def test_jobs_beyond_the_cores_are_capped(in_township, monkeypatch):
    from noticeboard.run import build, pool

    write(in_township / "双河村" / "通知.yaml", NOTICE_YAML)
    seen = []
    monkeypatch.setattr(pool, "default_jobs", lambda: 2)
    monkeypatch.setattr(build.Build, "render", lambda self, options, progress=None: seen.append(
        options.jobs) or [])
    for jobs, expected in (("1", 1), ("2", 2), ("64", 2), ("99999999999999999999", 2)):
        assert runner.invoke(app, ["render", "青山镇", "-o", "out", "-j", jobs]).exit_code == 0
        assert seen.pop() == expected


@pytest.mark.parametrize("value", ["70000", "-1"])
def test_preview_port_out_of_range_is_misuse_not_an_internal_error(value):
    result = runner.invoke(app, ["preview", "--port", value], prog_name="noticeboard")
    assert result.output.splitlines()[-1] == f"错误：--port 的值不对：「{value}」不是端口号，应在 0 到 65535 之间"
    assert result.exit_code == 2


def test_preview_on_a_busy_port_says_why_in_chinese(in_township):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = runner.invoke(app, ["preview", "青山镇", "--port", str(port)])
        english = runner.invoke(app, ["preview", "青山镇", "--port", str(port), "--lang", "en"])
    assert result.output == f"无法在 127.0.0.1:{port} 启动预览：这个端口已被其他程序占用；可用 --port 换一个端口\n"
    assert result.exit_code == 1
    assert english.output == (f"cannot start the preview on 127.0.0.1:{port}: Address already in use; "
                              "try another --port\n")


def test_preview_on_a_host_that_does_not_resolve_says_so_in_chinese(in_township):
    result = runner.invoke(app, ["preview", "青山镇", "--host", "no-such-host.invalid"])
    assert result.output == ("无法在 no-such-host.invalid:8321 启动预览：找不到这个地址（主机名无法解析）；"
                             "可用 --port 换一个端口\n")
    assert result.exit_code == 1


@pytest.mark.parametrize(("args", "message"), [
    (["--township", "镇", "--village", "甲", "--village", "甲"],
     "错误：--village 的值不对：「甲」和「甲」会是同一个文件夹（同名，或只差大小写、符号），请只写一次或改名"),
    (["--township", "镇", "--village", "AB村", "--village", "ab村"],
     "错误：--village 的值不对：「AB村」和「ab村」会是同一个文件夹（同名，或只差大小写、符号），请只写一次或改名"),
    (["--township", "镇", "--village", "甲/乙", "--village", "甲:乙"],
     "错误：--village 的值不对：「甲/乙」和「甲:乙」会是同一个文件夹（同名，或只差大小写、符号），请只写一次或改名"),
    (["--township", " ", "--village", "甲"], "错误：--township 的值不对：名称不能为空"),
    (["--village", ""], "错误：--village 的值不对：名称不能为空"),
])
def test_init_refuses_names_before_writing_anything(tmp_path, args, message):
    result = runner.invoke(app, ["init", str(tmp_path / "新镇"), *args], prog_name="noticeboard")
    assert result.output.splitlines()[-1] == message
    assert result.exit_code == 2
    assert not (tmp_path / "新镇").exists()  # was: township.yaml and 甲/ written, then an error


@pytest.mark.parametrize("args", [["-h"], ["check", "-h"], ["render", "-h"]])
def test_dash_h_is_help(args):
    result = runner.invoke(app, args)
    assert result.exit_code == 0
    assert result.output.startswith("用法：")
    assert "\n  -h, --help " in result.output


@pytest.mark.parametrize(("typed", "meant"), [("——format", "--format"), ("－－paper", "--paper"),
                                              ("—h", "-h"), ("——format=png", "--format=png")])
def test_dashes_an_input_method_made_are_recognised(in_township, typed, meant):
    result = runner.invoke(app, ["render", "青山镇", typed, "png"])
    assert result.exit_code == 2
    assert result.output == (f"错误：你输入的是 {typed}，是不是 {meant}？"
                             "（中文输入法把两个减号变成了破折号，请切换到英文输入后再输入）\n")
    assert not (in_township.parent / "out").exists()


def test_choices_take_any_case(in_township):
    write(in_township / "双河村" / "通知.yaml", NOTICE_YAML)
    result = runner.invoke(app, ["render", "青山镇", "--format", "PNG", "--paper", "a4", "-o", "out"])
    assert result.exit_code == 0, result.output
    assert (in_township.parent / "out" / "双河村" / "通知.png").is_file()
    assert not (in_township.parent / "out" / "双河村" / "通知.pdf").exists()
