"""A small township with a site address, built into a site once per module."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from noticeboard.site.build import SiteOptions, SiteResult, build_site
from noticeboard.site.manifest import Keys, new_key
from tests.conftest import FINANCE_YAML, NOTICE_YAML, RELIEF_YAML, TOWNSHIP_YAML, VILLAGE_YAML, write

BASE = "https://qingshan.example.cn/board"
WITHDRAWN_ON = date(2026, 12, 8)


def make_township(root: Path) -> Path:
    township = root / "青山镇"
    write(township / "township.yaml", TOWNSHIP_YAML + f"site: {BASE}\n")
    write(township / "双河村" / "village.yaml", VILLAGE_YAML)
    write(township / "双河村" / "2026-Q3-财务.yaml", FINANCE_YAML)
    write(township / "双河村" / "2026-10-低保.yaml", RELIEF_YAML)
    write(township / "双河村" / "2026-11-通知.yaml", NOTICE_YAML)
    return township


def build(township: Path, site: Path, keys: Keys, posters: Path | None = None) -> SiteResult:
    options = SiteOptions(site=site, posters=posters or site.parent / "out", keys=keys,
                          today=WITHDRAWN_ON)
    return build_site(township, options)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Keys, SiteResult]:
    """(township, site, keys, result) of a first build; copy the site before changing it."""
    root = tmp_path_factory.mktemp("built")
    township = make_township(root)
    keys = new_key(root / "keys" / "site.key")
    site = root / "site"
    return township, site, keys, build(township, site, keys)


@pytest.fixture
def site_copy(built, tmp_path: Path) -> Path:
    """A copy of the built site to tamper with."""
    copy = tmp_path / "site"
    shutil.copytree(built[1], copy)
    return copy
