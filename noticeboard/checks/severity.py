"""Severity by source: a practice rule warns, unless the township raised it to an error.

A rule that rests on good practice or local procedure (noticeboard/kinds/practices.py)
calls `practice(code, setting, path, **params)` instead of `warning(...)`; the law and
the essay's demand for detail call `error(...)` directly. docs/severity.md lists both.
"""

from __future__ import annotations

from typing import Any

from noticeboard.errors import FieldPath, Finding, error, warning
from noticeboard.kinds.practices import BY_CODE
from noticeboard.kinds.settings import Setting


def practice(code: str, setting: Setting, path: FieldPath = (), **params: Any) -> Finding:
    """The finding of practice rule `code`: a warning, or an error where the township
    lists the code in `defaults.raise_to_error`."""
    if code not in BY_CODE:  # a rule that warns by practice is listed, so a clerk can raise it
        raise KeyError(f"practice rule {code!r} is not registered in kinds/practices.py")
    make = error if setting.defaults.raises(code) else warning
    return make(code, path, **params)
