"""Sharing: PNG images for phones and a vector QR code on the poster."""

import re

import pypdf
from PIL import Image
from typer.testing import CliRunner

from noticeboard.cli import app
from noticeboard.poster.context import qr_svg
from noticeboard.run.pool import IMAGE_WIDTH_PX
from tests.conftest import FINANCE_YAML, NOTICE_YAML, write
from tests.pdftext import page_texts, squeezed

runner = CliRunner()


def test_png_alongside_pdf_one_image_per_sheet(village, tmp_path):
    rows = "".join(f"  - {{date: 2026-08-02, voucher: 付-{n}, summary: 第{n}笔, category: 公益支出, "
                   f"amount: 10.00, handler: 刘洋, approver: 张建国}}\n" for n in range(2, 122))
    text = FINANCE_YAML.replace("expense:\n", "expense:\n" + rows).replace(
        "closing_balance: 2700.25", "closing_balance: 1500.25")
    item = write(village / "财务.yaml", text)
    out = tmp_path / "out"
    result = runner.invoke(app, ["render", str(item), "-o", str(out), "--format", "pdf", "--format", "png"])
    assert result.exit_code == 0, result.output
    pages = len(pypdf.PdfReader(out / "双河村" / "财务.pdf").pages)
    images = sorted((out / "双河村").glob("*.png"))
    assert [p.name for p in images] == [f"财务-{n}.png" for n in range(1, pages + 1)]
    for image in images:
        with Image.open(image) as picture:
            assert picture.width == IMAGE_WIDTH_PX
            assert round(picture.height / picture.width, 2) == round(420 / 297, 2)  # A3 portrait


def test_png_instead_of_pdf_and_the_rerun_skips_it(village, tmp_path):
    item = write(village / "通知.yaml", NOTICE_YAML)
    out = tmp_path / "out"
    assert runner.invoke(app, ["render", str(item), "-o", str(out), "--format", "png"]).exit_code == 0
    assert sorted(p.name for p in (out / "双河村").iterdir()) == ["通知.png"]
    again = runner.invoke(app, ["render", str(item), "-o", str(out), "--format", "png"])
    assert "未变化 1 项" in again.output
    (out / "双河村" / "通知.png").unlink()
    assert "生成 1 项" in runner.invoke(app, ["render", str(item), "-o", str(out), "--format", "png"]).output


def test_qr_code_is_vector_with_its_caption(township, tmp_path):
    write(township / "双河村" / "village.yaml",
          "name: 双河村\nphone: 1\nurl: https://qsz.example.gov.cn/feedback\n")
    item = write(township / "双河村" / "通知.yaml", NOTICE_YAML)
    out = tmp_path / "out"
    assert runner.invoke(app, ["render", str(item), "-o", str(out)]).exit_code == 0
    reader = pypdf.PdfReader(out / "双河村" / "通知.pdf")
    assert "扫码查看电子版、在线反馈" in squeezed(page_texts(out / "双河村" / "通知.pdf")[0])
    assert list(reader.pages[0].images) == []  # drawn as paths, not a picture


def test_qr_svg_has_one_square_per_dark_module():
    import segno

    url = "https://qsz.example.gov.cn/feedback"
    dark = sum(sum(row) for row in segno.make(url, error="m").matrix)
    assert len(re.findall(r"h1v1h-1z", str(qr_svg(url)))) == dark


def test_an_item_url_must_be_a_web_address(village):
    from tests.conftest import check_text

    checked = check_text(village, NOTICE_YAML + "url: javascript:alert(1)\n")
    assert [f.code for f in checked.findings] == ["bad_characters"]
