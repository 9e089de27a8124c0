"""The example township: clean under check, every row on its poster, valid against the schemas."""

import json
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest
import yaml
from pydantic import BaseModel

from noticeboard.clerk.schema import all_schemas
from noticeboard.formatting import money_plain
from noticeboard.kinds import kind_for
from noticeboard.poster.context import paragraphs
from noticeboard.run.build import Build
from noticeboard.run.outcomes import Status
from noticeboard.sources.loader import load_yaml_file
from tests.conftest import EXAMPLES
from tests.pdftext import char_boxes, page_sizes, page_texts, pdfium_texts, squeezed


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    build = Build.for_paths([EXAMPLES])
    build.render(tmp_path_factory.mktemp("out"))
    return build


def test_examples_have_two_villages_with_every_kind():
    villages = [p for p in EXAMPLES.iterdir() if (p / "village.yaml").is_file()]
    assert len(villages) >= 2
    for village in villages:
        kinds = {kind_for(load_yaml_file(p).data.get("kind") or load_yaml_file(p).data["类型"])
                 for p in village.glob("*.yaml") if p.name != "village.yaml"}
        assert {"notice", "finance", "relief"} <= kinds, village.name


# The lenient forms real notices use (docs/severity.md): a ledger of spending only, a vote
# recorded as 一致同意. They pass, with the practice warnings a township may raise.
LENIENT = {
    "张家村/2026-10-村道维修支出.yaml": [
        "ledger_balance_missing", "ledger_row_voucher_missing", "ledger_row_category_missing",
        "ledger_row_handler_missing", "ledger_row_approver_missing"],
    "张家村/2026-11-第三村民小组会议决议.yaml": ["vote_counts_missing"],
}


def test_examples_check_clean_but_for_the_lenient_forms(built):
    warned: dict[str, list[str]] = {}
    for finding in built.findings:
        assert finding.severity.value == "warning", finding.format()
        assert finding.file is not None
        warned.setdefault(finding.file.relative_to(EXAMPLES).as_posix(), []).append(finding.code)
    assert warned == LENIENT


def test_every_example_renders_on_a3(built):
    assert all(o.status is Status.RENDERED for o in built.outcomes)
    for outcome in built.outcomes:
        assert set(page_sizes(outcome.output)) == {(841.89, 1190.55)}


def test_no_text_runs_off_the_sheet(built):
    for outcome in built.outcomes:
        for width, height, boxes in char_boxes(outcome.output):
            for left, bottom, right, top in boxes:
                assert left >= 0 and right <= width and bottom >= 0 and top <= height, outcome.output


def test_posters_are_small_enough_to_mail(built):
    for outcome in built.outcomes:
        size = outcome.output.stat().st_size
        assert size < 60_000 * outcome.pages + 40_000, (outcome.output, size)


def test_every_poster_passes_qpdf_and_opens_in_pdfium(built):
    assert shutil.which("qpdf"), "qpdf is installed by `make test`"
    for outcome in built.outcomes:
        result = subprocess.run(["qpdf", "--check", str(outcome.output)], capture_output=True,
                                text=True, check=False)
        assert result.returncode == 0, result.stdout + result.stderr
        assert len(pdfium_texts(outcome.output)) == outcome.pages


# Fields whose value is not printed as typed: the kind and board are shown by the
# band and title, `file` and `decision_file` name another YAML file, numbers are printed as figures.
NOT_PRINTED_AS_TYPED = {"kind", "board", "file", "decision_file", "stage", "member_type", "gender", "method",
                        "elected", "label"}


def expected_texts(item) -> list[str]:
    """Every text and every amount the clerk wrote, as the poster should show it."""
    texts: list[str] = []

    def walk(value, name=""):
        if name in NOT_PRINTED_AS_TYPED:
            return
        if isinstance(value, BaseModel):
            for field in type(value).model_fields:
                walk(getattr(value, field), field)
        elif isinstance(value, list):
            for entry in value:
                walk(entry, name)
        elif isinstance(value, Decimal) and name != "labour_days":
            texts.append(money_plain(value))
        elif isinstance(value, str):
            texts.extend(paragraphs(value) if "\n" in value else [value])

    walk(item)
    return texts


def test_every_row_is_on_the_poster(built):
    for checked, outcome in zip(built.checked, built.outcomes, strict=True):
        text = squeezed("".join(page_texts(outcome.output)))
        for needle in expected_texts(checked.item):
            assert squeezed(needle) in text, (outcome.output, needle)


def as_an_editor_reads_it(path: Path):
    """Plain YAML 1.1 as an editor's language server reads it, dates as strings."""
    return json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))


@pytest.mark.parametrize("path", sorted(EXAMPLES.rglob("*.yaml")), ids=lambda p: p.name)
def test_examples_validate_against_the_json_schema(path: Path):
    data = as_an_editor_reads_it(path)
    schemas = all_schemas()
    if path.name in ("township.yaml", "village.yaml"):
        schema = schemas[path.stem]
    else:
        schema = schemas[kind_for(data.get("kind") or data["类型"])]
    jsonschema.validate(data, schema)


def test_schema_rejects_an_unknown_key():
    data = as_an_editor_reads_it(next(EXAMPLES.rglob("2026-Q3-财务.yaml")))
    data["期末余数"] = "1"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, all_schemas()["finance"])
