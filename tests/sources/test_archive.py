"""Posters carry their source: extract it, check it, years later."""

import logging
import random
import sys
import tempfile
import tracemalloc
import uuid
from pathlib import Path

import pytest
from typer.testing import CliRunner

from noticeboard.cli import app
from noticeboard.errors import NoticeboardError
from noticeboard.sources import archive
from tests.conftest import FINANCE_YAML, NOTICE_YAML, RELIEF_YAML, VILLAGE_YAML, write
from tests.hostile_pdfs import ITEM, absurd_startxref, crafted, fuzzed_trailer, zip_bomb
from tests.spies import audit_log, opened_outside

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


# ---- archived posters are untrusted input (issue 10, ask 1) ---------------------

VILLAGE = VILLAGE_YAML
DAMAGED = "无法读取这个 PDF：文件已损坏、被截断或被改动过，请找原来的海报文件"


@pytest.fixture
def corpus(tmp_path_factory):
    """A folder for crafted PDFs outside tmp_path (whose PDFs must all open cleanly)."""
    return tmp_path_factory.mktemp("hostile")


# The tool's own code and Python's: whatever else a command opens must be in the test's folders.
PROGRAM = (Path(archive.__file__).parent.parent, Path(sys.prefix), Path(sys.base_prefix))


@pytest.mark.parametrize("name", ["通知.yaml", "2026年第三季度通知.yaml", "2026-12-果园承包合同.yaml"])
def test_posters_named_with_common_words_extract_check_and_render(village, tmp_path, monkeypatch, name):
    """These names are stored as byte strings in the PDF's name tree, which crashed pypdf's reader."""
    text = FINANCE_YAML if "季度" in name else NOTICE_YAML
    item = write(village / name, text)
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["render", str(item), "-o", "out", "-j", "1"]).exit_code == 0
    poster = Path("out") / "双河村" / name.replace(".yaml", ".pdf")

    extracted = runner.invoke(app, ["extract", str(poster)])
    assert (extracted.exit_code, extracted.stdout) == (0, text)
    checked = runner.invoke(app, ["check", str(poster)])
    assert (checked.exit_code, checked.output) == (0, "检查了 1 个文件：0 个错误，0 个警告\n")
    again = runner.invoke(app, ["render", str(poster), "-o", "again", "-j", "1"])
    assert again.exit_code == 0, again.output
    assert (Path("again") / poster.name).stat().st_size > 10_000


def hostile_name_cases(tmp_path: Path) -> list[tuple[str | bytes, str]]:
    victim = tmp_path / "victim.yaml"
    loose = f"noticeboard-victim-{uuid.uuid4().hex}.yaml"
    return [
        (str(victim), str(victim)),                       # absolute, over an existing file
        (f"../../{loose}".encode(), f"../../{loose}"),    # `..`, as a byte string
        (f"..\\..\\{loose}", f"..\\..\\{loose}"),          # `..` with Windows separators
        (f"C:\\{loose}", f"C:\\{loose}"),                 # a Windows drive
        (f"sub/../../{loose}", f"sub/../../{loose}"),     # `..` after a harmless part
    ]


@pytest.mark.parametrize("command", ["check", "extract", "render"])
def test_attachment_names_pointing_elsewhere_are_refused_and_nothing_is_written(
        tmp_path, corpus, monkeypatch, command):
    victim = tmp_path / "victim.yaml"
    victim.write_text("original\n")
    private_tmp = corpus / "tmp"
    private_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(private_tmp))
    monkeypatch.chdir(corpus)
    for index, (name, shown) in enumerate(hostile_name_cases(tmp_path)):
        pdf = corpus / f"p{index}.pdf"
        pdf.write_bytes(crafted([(name, ITEM.encode()), ("village.yaml", VILLAGE.encode())]))
        args = [command, pdf.name] + (["-o", str(corpus / "out"), "-j", "1"] if command == "render" else [])
        with audit_log() as events:
            result = runner.invoke(app, args)
        assert result.exit_code == 1
        assert result.output.startswith(
            f"p{index}.pdf: 错误: 附带的文件名「{shown}」指向别的文件夹（绝对路径或含 ..），已拒绝，没有写入任何文件\n")
        assert victim.read_text() == "original\n"
        assert list(private_tmp.iterdir()) == []  # nothing, not even an empty temp folder
        assert opened_outside(events, corpus, *PROGRAM) == []  # the victim was not even opened
        assert list(corpus.rglob("*.yaml")) == []


def test_names_with_separators_or_as_bytes_are_reduced_to_a_base_name(corpus, monkeypatch):
    monkeypatch.chdir(corpus)
    Path("a.pdf").write_bytes(crafted([("sub/dir/通知.yaml", ITEM.encode()),
                                       (b"village.yaml", VILLAGE.encode())]))
    Path("b.pdf").write_bytes(crafted([("通知.yaml".encode(), ITEM.encode())]))
    Path("c.pdf").write_bytes(crafted([("x\x1b]0;title\x07.yaml", ITEM.encode())]))
    assert archive.item_source(Path("a.pdf")) == ("通知.yaml", ITEM.encode())
    assert archive.item_source(Path("b.pdf")) == ("通知.yaml", ITEM.encode())
    assert archive.item_source(Path("c.pdf"))[0] == "x_]0;title_.yaml"  # no control characters
    with audit_log() as events:
        result = runner.invoke(app, ["check", "a.pdf"])
    assert (result.exit_code, result.output) == (0, "检查了 1 个文件：0 个错误，0 个警告\n")
    unpacked = {Path(target) for event, target in events if event == "open" and target.endswith(".yaml")}
    assert {p.name for p in unpacked} == {"通知.yaml", "village.yaml"}
    assert all(p.parent.parent.name.startswith("noticeboard-poster-") for p in unpacked)


@pytest.mark.parametrize(("make", "message"), [
    (lambda: b"not a pdf at all", "无法读取这个 PDF：它不是 PDF 文件"),
    (lambda: b"", "无法读取这个 PDF：它不是 PDF 文件"),
    (lambda: absurd_startxref(crafted([("item.yaml", ITEM.encode())])), DAMAGED),
    (lambda: fuzzed_trailer(crafted([("item.yaml", ITEM.encode())])), DAMAGED),
    (lambda: crafted([("item.yaml", ITEM.encode())])[:-40], DAMAGED),
    (lambda: crafted([("item.yaml", ITEM.encode())])[:700], DAMAGED),
    (lambda: crafted([("item.yaml", ITEM.encode())], password="secret"),
     "无法读取这个 PDF：文件已加密，本工具生成的海报不会加密"),
    (lambda: crafted([("item.yaml", zip_bomb(300))]),
     "附带的文件「item.yaml」解压后超过 2 兆字节，已拒绝，没有解压"),
    (lambda: crafted([("item.yaml", ITEM.encode())], pages=501),
     "无法读取这个 PDF：有 501 页，超过上限 500 页"),
    (lambda: crafted([("", ITEM.encode())]),
     "这个 PDF 里没有附带公开事项的源数据（不是用 noticeboard 生成的海报？）"),
    (lambda: crafted([("a.yaml", ITEM.encode()), ("b.yaml", ITEM.encode())]),
     "附带了多个公开事项文件（a.yaml、b.yaml），本工具生成的海报只带一个"),
    (lambda: crafted([("a.yaml", ITEM.encode()), ("x/a.yaml", ITEM.encode())]),
     "附带了两个同名文件「a.yaml」，无法判断用哪一个"),
], ids=["text", "empty", "startxref", "fuzzed-trailer", "truncated-end", "truncated-half",
        "encrypted", "zip-bomb", "pages", "empty-name", "two-items", "same-name"])
@pytest.mark.parametrize("command", ["check", "extract"])
def test_every_malformed_poster_gets_a_message_and_exit_1(corpus, monkeypatch, make, message, command):
    monkeypatch.chdir(corpus)
    Path("bad.pdf").write_bytes(make())
    with audit_log() as events:
        result = runner.invoke(app, [command, "bad.pdf"])
    assert isinstance(result.exception, SystemExit)  # no traceback
    assert result.exit_code == 1
    assert result.output.startswith(f"bad.pdf: 错误: {message}\n")
    assert opened_outside(events, corpus, *PROGRAM) == []


@pytest.mark.parametrize(("limit", "value", "message"), [
    ("MAX_OBJECTS", 5, "无法读取这个 PDF：有 {count} 个对象，超过上限 5 个"),
    ("MAX_ATTACHMENTS", 1, "无法读取这个 PDF：附带了 2 个文件，超过上限 1 个"),
    ("MAX_PDF_BYTES", 1024 * 1024, "无法读取这个 PDF：文件超过 1 兆字节，不像是一张海报"),
])
def test_object_attachment_and_file_limits(corpus, monkeypatch, limit, value, message):
    monkeypatch.setattr(archive, limit, value)
    pdf = corpus / "many.pdf"
    padding = b"%" + b" " * (1024 * 1024) + b"\n" if limit == "MAX_PDF_BYTES" else b""
    pdf.write_bytes(crafted([("item.yaml", ITEM.encode()), ("village.yaml", VILLAGE.encode())]) + padding)
    with pytest.raises(NoticeboardError) as caught:
        archive.item_source(pdf)
    finding = caught.value.findings[0]
    assert finding.file == pdf
    count = finding.params.get("count")
    assert finding.message() == message.format(count=count)
    if limit == "MAX_OBJECTS":
        assert count > 5


def test_a_zip_bomb_is_refused_without_inflating_it(corpus):
    pdf = corpus / "bomb.pdf"
    pdf.write_bytes(crafted([("item.yaml", zip_bomb(300))]))
    assert pdf.stat().st_size < 1_000_000  # 300 MB when inflated
    with pytest.raises(NoticeboardError):  # warm up: imports are not the bomb's doing
        archive.item_source(pdf)
    tracemalloc.start()
    try:
        with pytest.raises(NoticeboardError) as caught:
            archive.item_source(pdf)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert caught.value.findings[0].code == "pdf_attachment_too_large"
    assert peak < 12 * 1024 * 1024, peak  # measured: about 5.5 MB (2 MB limit + the file)


def test_pypdf_logging_is_quiet_only_while_reading(corpus):
    logger = logging.getLogger("pypdf")
    logger.setLevel(logging.INFO)
    try:
        pdf = corpus / "x.pdf"
        pdf.write_bytes(absurd_startxref(crafted([("item.yaml", ITEM.encode())])))
        with pytest.raises(NoticeboardError):
            archive.item_source(pdf)
        assert logger.level == logging.INFO
    finally:
        logger.setLevel(logging.NOTSET)


def test_random_damage_to_a_real_poster_never_ends_in_a_traceback(village, tmp_path, corpus, monkeypatch):
    item = write(village / "2026年第三季度通知.yaml", NOTICE_YAML)
    assert runner.invoke(app, ["render", str(item), "-o", str(tmp_path / "out"), "-j", "1"]).exit_code == 0
    good = (tmp_path / "out" / "双河村" / "2026年第三季度通知.pdf").read_bytes()
    monkeypatch.chdir(corpus)
    rng = random.Random(10)
    outcomes: dict[str, int] = {}
    for trial in range(120):
        data = bytearray(good)
        for _ in range(rng.choice([1, 4, 32])):
            data[rng.randrange(len(data))] = rng.randrange(256)
        if trial % 4 == 0:
            data = data[:rng.randrange(len(data))]
        Path("fuzzed.pdf").write_bytes(bytes(data))
        result = runner.invoke(app, ["extract", "fuzzed.pdf"])
        assert isinstance(result.exception, SystemExit | type(None)), (trial, result.exception)
        if result.exit_code:
            assert result.output.startswith("fuzzed.pdf: 错误: "), result.output
        first = result.output.split("\n")[0].removeprefix("fuzzed.pdf: 错误: ")[:12]
        outcomes[first] = outcomes.get(first, 0) + 1
    assert len(outcomes) >= 2  # both readable (damage in a page) and refused ones


def test_a_poster_that_cannot_be_opened(corpus, monkeypatch):
    monkeypatch.chdir(corpus)
    Path("folder.pdf").mkdir()  # a folder named like a poster
    for command in ("check", "extract"):
        result = runner.invoke(app, [command, "folder.pdf"])
        assert result.exit_code == 1
        assert result.output.startswith("folder.pdf: 错误: 无法读取这个 PDF：文件打不开\n")
