"""`make setup` finds the system packages by Debian's names and by Ubuntu's."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT

SCRIPT = ROOT / "scripts" / "system-packages.sh"


def make_packages() -> list[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    value = re.search(r"^SYSTEM_PACKAGES := (.*?)(?<!\\)$", text, re.MULTILINE | re.DOTALL)[1]
    return value.replace("\\\n", " ").split()


def fake_system(tmp_path: Path, installed: set[str], known: set[str]) -> dict[str, str]:
    """dpkg-query, apt-cache and apt-get that answer from the two sets and log apt-get."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "apt-get.log"
    scripts = {
        "dpkg-query": f'for p in {" ".join(installed) or "-"}; do [ "$p" = "$3" ] && '
                      "{ printf 'install ok installed'; exit 0; }; done; exit 1",
        "apt-cache": f'for p in {" ".join(known)}; do [ "$p" = "$2" ] && exit 0; done; exit 100',
        "apt-get": f'echo "$*" >> {log}',
    }
    for name, body in scripts.items():
        path = bin_dir / name
        path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
        path.chmod(0o755)
    return {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "SUDO": ""}


def run(tmp_path: Path, installed: set[str], known: set[str]) -> tuple[int, list[str]]:
    env = fake_system(tmp_path, installed, known)
    result = subprocess.run(["sh", str(SCRIPT), *make_packages()], env=env, capture_output=True,
                            text=True, check=False)
    log = tmp_path / "apt-get.log"
    return result.returncode, log.read_text().splitlines() if log.exists() else []


UBUNTU = {"libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz-subset0", "fontconfig",
          "fonts-noto-cjk", "poppler-utils", "qpdf", "chromium-browser", "zbar-tools", "python3-venv"}
DEBIAN = UBUNTU - {"chromium-browser"} | {"chromium"}


@pytest.mark.parametrize(("known", "browser"), [(UBUNTU, "chromium-browser"), (DEBIAN, "chromium")])
def test_missing_packages_are_installed_by_the_names_apt_knows(tmp_path, known, browser):
    code, calls = run(tmp_path, {"fontconfig", "qpdf"}, known)
    assert code == 0
    assert calls == ["update", "install -y libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 "
                     f"fonts-noto-cjk poppler-utils {browser} zbar-tools python3-venv"]


def test_an_installed_alternative_counts_and_nothing_is_fetched(tmp_path):
    assert run(tmp_path, UBUNTU, set()) == (0, [])


def test_a_package_apt_does_not_know_stops_with_its_names(tmp_path):
    code, calls = run(tmp_path, UBUNTU - {"chromium-browser"}, {"firefox"})
    assert (code, calls) == (1, ["update"])
