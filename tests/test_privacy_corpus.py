"""The hostile privacy corpus (tests/privacy_corpus, written by its make_corpus.py): every
way of writing a personal number listed in issue 10, in item fields, comments, file
names, village.yaml and township.yaml. Each file gives exactly its expected findings,
and no message shows the number as written."""

import json
import re
import shutil
import unicodedata
from pathlib import Path

import pytest

from noticeboard.checks.item import check_item
from noticeboard.checks.settings import find_setting
from tests.conftest import ROOT

CORPUS = ROOT / "tests" / "privacy_corpus"
CASES = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))


def test_the_corpus_is_complete():
    files = {p.relative_to(CORPUS).as_posix() for p in CORPUS.rglob("*.yaml")}
    assert files == {case["file"] for case in CASES}
    assert len(CASES) == 628


def _findings(case, township: Path):
    source = CORPUS / case["file"]
    village = township / "双河村"
    if case["as"] == "item":
        target = village / source.name
        shutil.copyfile(source, target)
        setting, problems = find_setting(village)
        assert problems == []
        return check_item(target, setting).findings
    shutil.copyfile(source, (township if case["as"] == "township.yaml" else village) / case["as"])
    return find_setting(village)[1]


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_corpus_file(case, township):
    findings = _findings(case, township)
    assert [{"code": f.code, "line": f.line} for f in findings] == [
        {"code": e["code"], "line": e["line"]} for e in case["findings"]]
    for finding, wanted in zip(findings, case["findings"], strict=True):
        if "message" in wanted:
            assert finding.message() == wanted["message"]
        if "field" in wanted:  # a value's finding names its field
            assert ".".join(str(p) for p in finding.field_path) == wanted["field"]
    digits = re.sub(r"[^0-9X]", "", unicodedata.normalize("NFKC", case["written"]).upper())
    for finding in findings:
        for shown in (finding.format(), finding.format("en")):
            assert case["written"] not in shown
            assert digits not in re.sub(r"[^0-9X]", "", shown.upper()) or len(digits) < 11
