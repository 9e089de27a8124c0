"""Pydantic's validation errors, turned into findings a clerk can read."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError

from noticeboard.errors import Finding, error
from noticeboard.models.keys import field_label

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
}


def validation_findings(exc: ValidationError, model: type[BaseModel]) -> list[Finding]:
    return [_finding(err, model) for err in exc.errors(include_url=False)]


def _finding(err: Any, model: type[BaseModel]) -> Finding:
    path = tuple(err["loc"])
    ctx = err.get("ctx") or {}
    code = _CODES.get(err["type"], "invalid_value")
    if err.get("input", "") is None and code != "missing_field":
        code = "value_empty"  # `posted:` with nothing after it
    params = {
        "value": _shown(err.get("input")),
        "limit": ctx.get("ge", ctx.get("le", "")),
        "expected": str(ctx.get("expected", "")).replace("'", ""),
        "detail": err["msg"],
        "key": field_label(model, path),
    }
    params.update({k: ctx[k] for k in ("char", "codepoint", "low", "high") if k in ctx})
    return error(code, path, **params)


def _shown(value: Any) -> str:
    if isinstance(value, dict | list):
        return type(value).__name__
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "…"
