"""Every place a clerk's text reaches besides messages: `status --json`, the preview's
pages, report.json and a stylesheet's quoted line show no personal number in full."""

import json
import threading
import urllib.request

from typer.testing import CliRunner

from noticeboard.clerk.preview import make_server
from noticeboard.cli import app
from tests.conftest import NOTICE_YAML, RELIEF_YAML, VILLAGE_YAML, write

runner = CliRunner()
NAMED = "通知（王桂英13812345678）.yaml"


def test_status_json_masks_an_item_file_name(township, monkeypatch):
    """`status` masked its table but printed `--json` as it was: the file name in full."""
    write(township / "township.yaml", "name: 青山镇\nhotline: 1\nrequired:\n  relief: 月\n")
    write(township / "双河村" / "低保（王桂英13812345678）.yaml", RELIEF_YAML)
    monkeypatch.chdir(township.parent)
    result = runner.invoke(app, ["status", "青山镇", "--period", "2026-10", "--today", "2026-10-12",
                                 "--json"])
    assert "13812345678" not in result.output
    sources = [p["source"] for r in json.loads(result.output)["requirements"] for p in r["parts"]]
    assert sources == ["青山镇/双河村/低保（王桂英138****5678）.yaml"]


def _get(url):
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.read().decode("utf-8")


def test_the_preview_pages_mask_a_file_name(village):
    write(village / NAMED, NOTICE_YAML)
    write(village / "另一个通知.yaml", NOTICE_YAML)
    server = make_server([village], port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_port}"
        index = _get(base + "/")
        item = _get(base + "/item/1")
    finally:
        server.shutdown()
        server.server_close()
    assert "通知（王桂英138****5678）.yaml" in index and "13812345678" not in index
    assert "<h1>通知（王桂英138****5678）.yaml</h1>" in item and "13812345678" not in item


def test_report_json_masks_a_village_folder_name(township, tmp_path, monkeypatch):
    folder = township / "双河村-110105194912310021"
    write(folder / "village.yaml", VILLAGE_YAML)
    write(folder / "通知.yaml", NOTICE_YAML)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["render", str(folder), "-o", "out"])
    assert result.exit_code == 1
    report = (tmp_path / "out" / "report.json").read_text(encoding="utf-8")
    assert "1949" not in report and "1949" not in result.output
    [entry] = json.loads(report)["items"]
    assert [m["code"] for m in entry["messages"]] == ["privacy_folder_name"]
    assert entry["village"] in ("", "双河村-110105********0021")


def test_a_township_stylesheet_line_is_masked_before_it_is_cut(township, tmp_path, monkeypatch):
    """A line WeasyPrint ignores is quoted, cut at 80 characters: cut first, an ID across
    the cut showed its region and birth date."""
    from noticeboard.poster.render import Renderer

    builtin = Renderer().environment(None).loader.get_source(Renderer().environment(None), "poster.css")[0]
    line = "p { colr: red } /* 经办人" + "。" * 43 + "身份证 110105194912310021 */"
    assert "1101051949" in line[:80] and "110105194912310021" not in line[:80]
    write(township / "templates" / "poster.css", builtin + "\n" + line + "\n")
    write(township / "双河村" / "通知.yaml", NOTICE_YAML)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["render", str(township), "-o", "out"])
    report = (tmp_path / "out" / "report.json").read_text(encoding="utf-8")
    quoted = [m["message"] for i in json.loads(report)["items"] for m in i["messages"]
              if m["code"] == "stylesheet_ignored"]
    assert quoted == ["本镇样式表这一行有排版引擎不认识的写法，会被忽略：「p { colr: red } /* 经办人"
                      + "。" * 43 + "身份证…」；请改正或删除它"]
    assert "1949" not in result.output and "1949" not in report


def test_an_archived_poster_named_with_an_id_is_refused_and_nothing_holds_the_id(village, tmp_path,
                                                                                monkeypatch):
    """Issue 25: `render 通知-<ID>.pdf` wrote `通知-<ID>.pdf` and a report.json entry naming it
    in full, and `check` said nothing."""
    write(village / "通知.yaml", NOTICE_YAML)
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["render", str(village / "通知.yaml"), "-o", "first"]).exit_code == 0
    archived = tmp_path / "通知-11010519491231002X.pdf"
    archived.write_bytes(next((tmp_path / "first").rglob("通知.pdf")).read_bytes())
    message = ("归档海报的文件名里有完整的身份证号（110105********002X）：重新生成的海报会用这个文件名，"
               "运行报告也会记下它，请给这个 PDF 文件改名后再检查或生成")
    checked = runner.invoke(app, ["check", archived.name])
    assert checked.exit_code == 1 and message in checked.output
    rendered = runner.invoke(app, ["render", archived.name, "-o", "again"])
    assert rendered.exit_code == 1 and message in rendered.output
    written = [p for p in (tmp_path / "again").rglob("*") if p.is_file()]
    assert [p.name for p in written if p.suffix == ".pdf"] == []
    for path in written:
        assert "11010519491231002X" not in path.name
        assert "11010519491231002X" not in path.read_text(encoding="utf-8", errors="replace")
    assert "11010519491231002X" not in checked.output + rendered.output
