"""Pydantic's validation errors, turned into findings a clerk can read."""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ValidationError

from noticeboard.errors import Finding, Localized, clipped, error
from noticeboard.kinds.keys import field_label

# pydantic error type → our message code; the rest fall back to "invalid_value".
_CODES = {
    "missing": "missing_field",
    "money": "money_format",
    "money_cents": "money_cents",
    "money_absurd": "money_absurd",
    "money_negative": "money_negative",
    "money_minus_zero": "money_minus_zero",
    "digits_foreign": "digits_foreign",
    "date_absurd": "date_absurd",
    "date_format": "date_format",
    "date_invalid": "date_invalid",
    "period_format": "period_format",
    "period_order": "period_order",
    "int_parsing": "int_format",
    "int_type": "int_format",
    "int_from_float": "int_format",
    "decimal_parsing": "number_format",
    "decimal_type": "number_format",
    "float_parsing": "number_format",
    "float_type": "number_format",
    "finite_number": "number_format",
    "greater_than": "too_small_strict",
    "less_than": "too_large_strict",
    "bool_type": "not_bool",
    "greater_than_equal": "too_small",
    "less_than_equal": "too_large",
    "string_too_short": "empty_text",
    "string_type": "not_text",
    "list_type": "not_list",
    "model_type": "not_mapping",
    "model_attributes_type": "not_mapping",
    "dict_type": "not_mapping",
    "enum": "not_one_of",
    "literal_error": "not_one_of",
    "bool_parsing": "not_bool",
    "extra_forbidden": "key_unknown_plain",
    "string_pattern_mismatch": "bad_characters",
    "string_too_long": "text_too_long",
    "practice_unknown": "practice_unknown",
    "vote_text_unknown": "vote_text_unknown",
    "money_unit_fen": "money_unit_fen",
}


def validation_findings(exc: ValidationError, model: type[BaseModel]) -> list[Finding]:
    return [_finding(err, model) for err in exc.errors(include_url=False)]


def _finding(err: Any, model: type[BaseModel]) -> Finding:
    path = tuple(err["loc"])
    ctx = err.get("ctx") or {}
    code = _CODES.get(err["type"], "invalid_value")
    if err.get("input", "") is None and code != "missing_field":
        code = "value_empty"  # `posted:` with nothing after it
    choices = _choices(str(ctx.get("expected", "")))
    params = {
        "value": _shown(err.get("input")),
        "limit": next((ctx[k] for k in ("ge", "le", "gt", "lt") if k in ctx), ""),
        "expected": Localized("、".join(choices), _or(choices)),
        "detail": Localized("请核对", err["msg"]),
        "key": field_label(model, path),
    }
    params.update({k: ctx[k] for k in ("char", "codepoint", "low", "high", "name", "known", "word")
                   if k in ctx})
    return error(code, path, **params)


def _choices(expected: str) -> list[str]:
    """pydantic's "'男' or '女'" as ["男", "女"], to be joined in the reader's language."""
    quoted = re.findall(r"'((?:[^']|'')*)'", expected)
    return [q.replace("''", "'") for q in quoted] if quoted else ([expected] if expected else [])


def _or(choices: list[str]) -> str:
    return " or ".join([", ".join(choices[:-1]), choices[-1]]) if len(choices) > 1 else "".join(choices)


def _shown(value: Any) -> str | Localized:
    if isinstance(value, list):
        return Localized("一个列表", "a list")
    if isinstance(value, dict):
        return Localized("一组「键: 值」", "a mapping")
    return clipped(str(value), 40)  # masked before it is cut: no ID's first digits alone
