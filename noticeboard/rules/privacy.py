"""Personal data that must never reach a public poster (national de-identification rules)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from noticeboard.errors import FieldPath, Finding, error

# Keys a clerk might add to a list of people; each is refused with a privacy message.
SENSITIVE_KEYS = {
    "id", "id_number", "id_card", "idcard", "身份证", "身份证号", "身份证号码", "证件号", "证件号码",
    "phone", "mobile", "tel", "telephone", "手机", "手机号", "手机号码", "电话", "联系电话",
    "bank", "bank_account", "account", "card", "银行卡", "银行卡号", "银行账号", "账号", "卡号",
    "存折", "存折号", "address", "住址", "地址", "家庭住址", "门牌", "门牌号",
    "illness", "disease", "disability", "病情", "病因", "疾病", "残疾", "残疾情况", "残疾等级",
    "income", "收入情况", "家庭收入", "年收入",
}

_ID_RE = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
_PHONE_RE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
_BANK_RE = re.compile(r"(?<![\dXx])\d{16,19}(?![\dXx])")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"

# Lists of people whose rows must not carry phones or account numbers.
PERSON_LISTS = ("recipients", "voters", "candidates", "people", "members", "exemptions")


def is_id_number(text: str) -> bool:
    """An 18-character resident ID with a real birth date and a valid check digit."""
    if not re.fullmatch(r"\d{17}[\dXx]", text):
        return False
    try:
        date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        return False
    total = sum(int(d) * w for d, w in zip(text[:17], _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11] == text[17].upper()


def mask(text: str, keep_head: int = 4, keep_tail: int = 4) -> str:
    return text[:keep_head] + "*" * (len(text) - keep_head - keep_tail) + text[-keep_tail:]


def walk_strings(data: Any, path: FieldPath = ()) -> Iterator[tuple[FieldPath, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from walk_strings(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from walk_strings(value, (*path, index))
    elif isinstance(data, str):
        yield path, data


def check_privacy(data: dict[str, Any]) -> list[Finding]:
    findings = [
        error("privacy_id_number", path, masked=mask(match, 6, 4))
        for path, text in walk_strings(data)
        for match in _ID_RE.findall(text)
        if is_id_number(match)
    ]
    for list_name in PERSON_LISTS:
        for path, text in walk_strings(data.get(list_name), (list_name,)):
            findings += [error("privacy_phone", path, masked=mask(m, 3, 2))
                         for m in _PHONE_RE.findall(text)]
            findings += [error("privacy_bank_account", path, masked=mask(m))
                         for m in _BANK_RE.findall(text) if not is_id_number(m)]
    return findings
