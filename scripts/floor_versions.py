"""Print `name==floor` for every dependency the package and its tests import.

`make floors` installs exactly these, then runs the suite: a floor in pyproject.toml is
a claim that the package works with that release, and this is the proof. The linters
(ruff, mypy, import-linter, type stubs) check the code, not the product: they stay at
the tested versions in constraints.txt.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

LINTERS = {"ruff", "mypy", "types-pyyaml", "import-linter"}


def floors(pyproject: Path) -> list[str]:
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    pins = []
    for requirement in project["dependencies"] + project["optional-dependencies"]["test"]:
        name = re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0]
        if name.lower() in LINTERS:
            continue
        floor = re.search(r">=\s*([0-9][0-9a-zA-Z.]*)", requirement)
        if floor is None:
            sys.exit(f"{name} has no floor (>=) in pyproject.toml")
        pins.append(f"{name}=={floor[1]}")
    return pins


if __name__ == "__main__":
    print("\n".join(floors(Path(sys.argv[1] if len(sys.argv) > 1 else "pyproject.toml"))))
