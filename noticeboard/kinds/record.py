"""An item's canonical data: what its poster prints, as bytes whose hash names the version.

The poster's QR and 核验码 carry a short form of this hash, and the online board
publishes the same bytes, so a villager can tell which approved version a sheet on
the wall is. The record holds the checked item and the settings the poster prints
(who issued it, the phones, the end of the posting window): a change to any of them
is a new version.
"""

from __future__ import annotations

import base64
import hashlib
import json
from typing import Any

from noticeboard.kinds.common import Envelope
from noticeboard.kinds.settings import Setting

RECORD_FORMAT = "noticeboard-record-1"  # bumped when the record's shape changes
CODE_CHARACTERS = 8  # 40 bits: two versions of one township never share a code by chance
# Crockford's base32: no I, L, O or U, so a code read aloud or typed is not misread.
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_STANDARD = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


def printed_record(item: Envelope, setting: Setting) -> dict[str, Any]:
    """The facts a poster prints, as plain JSON values."""
    village, township = setting.village, setting.township
    return {
        "format": RECORD_FORMAT,
        "item": item.model_dump(mode="json"),
        "village": village.model_dump(mode="json") if village else None,
        "township": ({"name": township.name, "county": township.county,
                      "hotline": township.hotline} if township else None),
        "window_end": setting.defaults.window_end(item).isoformat(),
    }


def canonical_bytes(record: dict[str, Any]) -> bytes:
    """One spelling of the record: sorted keys, no spaces, UTF-8."""
    return json.dumps(record, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":")).encode("utf-8") + b"\n"


def record_sha256(item: Envelope, setting: Setting) -> str:
    return hashlib.sha256(canonical_bytes(printed_record(item, setting))).hexdigest()


def check_code(sha256_hex: str) -> str:
    """The 核验码: the hash's first 40 bits in Crockford base32 (`7Q2K9XMD`)."""
    standard = base64.b32encode(bytes.fromhex(sha256_hex)[:5]).decode("ascii")
    return standard.translate(str.maketrans(_STANDARD, _CROCKFORD))


def shown_code(code: str) -> str:
    """The code as printed beside the QR: two groups of four (`7Q2K-9XMD`)."""
    return f"{code[:4]}-{code[4:]}"


def read_code(typed: str) -> str:
    """A code as a villager may type it: any case, with dashes or spaces, O for 0, I/L for 1."""
    cleaned = "".join(ch for ch in typed.upper() if ch.isalnum())
    return cleaned.translate(str.maketrans("OIL", "011"))
