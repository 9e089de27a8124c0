"""Posters carry their source: extract it, check it, years later."""

from typer.testing import CliRunner

from noticeboard.cli import app
from tests.conftest import RELIEF_YAML, write

runner = CliRunner()


def render(village, tmp_path, text):
    item = write(village / "低保.yaml", text)
    result = runner.invoke(app, ["render", str(item), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    return tmp_path / "out" / "双河村" / "低保.pdf"


def test_extract_gives_back_the_exact_bytes(village, tmp_path):
    poster = render(village, tmp_path, RELIEF_YAML)
    result = runner.invoke(app, ["extract", str(poster)])
    assert result.output == RELIEF_YAML
    target = tmp_path / "back.yaml"
    assert runner.invoke(app, ["extract", str(poster), "-o", str(target)]).exit_code == 0
    assert target.read_bytes() == (village / "低保.yaml").read_bytes()
    assert runner.invoke(app, ["extract", str(poster), "-o", str(target)]).exit_code == 1


def test_check_a_poster_uses_the_settings_it_was_made_with(village, tmp_path, monkeypatch):
    render(village, tmp_path, RELIEF_YAML.replace("days: 7", "days: 5"))
    (village / "village.yaml").unlink()  # years later the village folder is gone
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["check", "out/双河村/低保.pdf"])
    assert result.output == (
        "out/双河村/低保.pdf#低保.yaml:5: 警告 days: 公示期只有 5 天，少于本类事项要求的 7 天\n"
        "检查了 1 个文件：0 个错误，1 个警告\n")
    assert result.exit_code == 0


def test_a_pdf_that_is_not_a_poster(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.txt").write_text("not a pdf")
    result = runner.invoke(app, ["extract", "x.txt"])
    assert result.exit_code == 1
    assert result.output.startswith("x.txt: 错误: 无法读取这个 PDF：")
