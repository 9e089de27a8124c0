"""No English reaches a clerk reading Chinese: every message code, and every pydantic
error the models can raise, read in zh, holds no English word but a field name."""

from __future__ import annotations

import inspect
import re
import string
from typing import Annotated, Any

import pytest
from pydantic import BaseModel, TypeAdapter, ValidationError

from noticeboard.checks.validation import validation_findings
from noticeboard.kinds import KINDS
from noticeboard.kinds import settings as config
from noticeboard.kinds.keys import nested_model
from noticeboard.messages import MESSAGES


def all_models() -> list[type[BaseModel]]:
    seen: dict[type[BaseModel], None] = {}

    def walk(model: type[BaseModel]) -> None:
        if model in seen:
            return
        seen[model] = None
        for info in model.model_fields.values():
            inner, _ = nested_model(info.annotation)
            if inner is not None:
                walk(inner)

    for model in KINDS.values():
        walk(model)
    for obj in vars(config).values():
        if inspect.isclass(obj) and issubclass(obj, BaseModel) and obj is not BaseModel:
            walk(obj)
    return list(seen)


MODELS = all_models()
FIELD_NAMES = {name for model in MODELS for name in model.model_fields}
# Words a Chinese message may hold: file and tool names, formats, a font package.
ALLOWED = FIELD_NAMES | set(KINDS) | {
    "township", "village", "yaml", "noticeboard", "doctor", "YAML", "UTF", "GBK", "GB18030",
    "PDF", "xlsx", "csv", "Tab", "fonts", "noto", "cjk", "extra", "defaults", "true",
    "false", "Excel", "WPS", "Q3", "I", "N", "U", "lang", "NOTICEBOARD_LANG", "zh", "en",
    "kind", "period", "today", "jobs", "port", "help", "debug", "http", "Ctrl",
    "C", "shell", "¥", "templates", "rules", "docs", "severity", "md",
    # what a clerk types or installs, named as written: commands, a package, a setting
    "Windows", "chcp", "PYTHONUTF8", "fontconfig", "fc", "list", "make", "setup", "xa5",
}
# Values fed to every field: each type of wrong input a clerk's file can hold.
PROBES: list[Any] = [None, "", "x", "两", -1, 0, 10**12, 1.5, True, [], {}, [1], {"a": 1},
                     "2026-13-45", "2026-02-30", "1e400", "a" * 5000, "1.005", "-3",
                     "男 女", "Q9"]


def english_words(text: str, allowed: set[str]) -> list[str]:
    return [w for w in re.findall(r"[A-Za-z][A-Za-z_]*[A-Za-z0-9]*", text) if w not in allowed]


def test_every_message_code_reads_in_chinese():
    for code, (zh, _) in MESSAGES.items():
        fields = {f for _, f, _, _ in string.Formatter().parse(zh) if f}
        text = zh.format(**{name: "某值" for name in fields})
        assert english_words(text, ALLOWED) == [], code


def pydantic_errors() -> dict[str, tuple[str, str, Any]]:
    """Every pydantic error type the models raise for the probes: type → (model, field, input)."""
    found: dict[str, tuple[str, str, Any]] = {}
    for model in MODELS:
        for name, info in model.model_fields.items():
            adapter = TypeAdapter(Annotated[info.annotation, info])
            for probe in PROBES:
                try:
                    adapter.validate_python(probe)
                except ValidationError as exc:
                    for err in exc.errors():
                        found.setdefault(err["type"], (model.__name__, name, probe))
    return found


ERRORS = pydantic_errors()


def test_the_walk_reaches_the_errors_clerks_meet():
    assert {"missing", "enum", "literal_error", "count_format", "decimal_parsing", "money",
            "date_format", "date_invalid", "string_too_short", "list_type",
            "greater_than_equal", "less_than_equal"} <= set(ERRORS)


@pytest.mark.parametrize("error_type", sorted(ERRORS))
def test_every_pydantic_error_reads_in_chinese(error_type):
    model_name, field, probe = ERRORS[error_type]
    model = next(m for m in MODELS if m.__name__ == model_name)
    data = {field: probe}
    try:
        model.model_validate(data)
    except ValidationError as exc:
        findings = validation_findings(exc, model)
    allowed = ALLOWED | set(re.findall(r"[A-Za-z_]+", str(probe)))
    for finding in findings:
        assert english_words(finding.message("zh"), allowed) == [], (error_type, finding.code)
        assert finding.code != "invalid_value", error_type  # every type has its own message


def test_choices_are_joined_in_the_readers_language():
    from noticeboard.kinds.election import Candidate

    try:
        Candidate.model_validate({"gender": "未知"})
    except ValidationError as exc:
        finding = next(f for f in validation_findings(exc, Candidate) if f.code == "not_one_of")
    assert finding.message("zh") == "「未知」不是可选值，应为：男、女"
    assert finding.message("en") == "`未知` must be one of: 男 or 女"


def test_a_decimal_field_says_number_in_chinese():
    from noticeboard.kinds.one_matter import OneMatter

    try:
        OneMatter.model_validate({"labour_days": "三天"})
    except ValidationError as exc:
        finding = next(f for f in validation_findings(exc, OneMatter)
                       if f.field_path == ("labour_days",))
    assert finding.message("zh") == "「三天」不是数字"
    assert finding.message("en") == "`三天` is not a number"


def test_a_list_where_a_number_belongs_is_named_in_chinese():
    from noticeboard.kinds.relief import Recipient

    try:
        Recipient.model_validate({"household_size": [1, 2]})
    except ValidationError as exc:
        finding = next(f for f in validation_findings(exc, Recipient)
                       if f.field_path == ("household_size",))
    assert finding.message("zh") == "「一个列表」不是整数"


def test_a_yaml_problem_without_a_hint_is_said_in_chinese(tmp_path):
    from noticeboard.errors import NoticeboardError
    from noticeboard.sources.loader import load_yaml_file

    path = tmp_path / "x.yaml"
    path.write_text("%YAML 9.9\n---\na: 1\n", encoding="utf-8")
    try:
        load_yaml_file(path)
    except NoticeboardError as exc:
        [finding] = exc.findings
    assert finding.message("zh") == "YAML 格式错误：这里的写法读不懂，请检查冒号、引号、括号和缩进"
    assert finding.message("en").startswith("YAML syntax error: found incompatible YAML document")
