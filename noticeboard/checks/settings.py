"""township.yaml and village.yaml checked like an item: keys, privacy, then the model."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from noticeboard.checks import fonts as fontcheck
from noticeboard.checks.privacy import (
    TOWNSHIP_CONTACT_FIELDS,
    VILLAGE_CONTACT_FIELDS,
    check_privacy,
    check_source,
    check_unparsed,
    walk_strings,
)
from noticeboard.checks.rules.placeholders import check_placeholders
from noticeboard.checks.stylesheets import check_township_stylesheets
from noticeboard.checks.validation import validation_findings
from noticeboard.errors import (
    Finding,
    NoticeboardError,
    display_path,
    error,
    format_field_path,
    warning,
)
from noticeboard.kinds.keys import normalize_keys
from noticeboard.kinds.settings import Setting, Township, Village
from noticeboard.sources.loader import LoadedYaml, decode_text, load_yaml_file
from noticeboard.sources.settings import (
    TOWNSHIP_FILE,
    VILLAGE_FILE,
    SettingFolders,
    settings_folders,
)


def load_settings_file(path: Path, model: type[BaseModel]) -> Any:
    """Load township.yaml or village.yaml; raise NoticeboardError with every finding."""
    return read_settings_file(path, model)[0]


def read_settings_file(path: Path, model: type[BaseModel]) -> tuple[Any, bytes]:
    """The checked settings and the very bytes that were checked (read once)."""
    try:
        loaded = load_yaml_file(path)
    except NoticeboardError as exc:  # still searched for personal numbers, line by line
        raise NoticeboardError(exc.findings + check_unparsed(path)) from None
    if not isinstance(loaded.data, dict):
        raise NoticeboardError([error("root_not_mapping").located(path, loaded.lines)])
    data, findings, lines = normalize_keys(model, loaded.data, loaded.lines)
    # Settings are printed on every poster and attached to it: the same privacy
    # checks as an item, only the official phone fields may hold a mobile.
    contacts = TOWNSHIP_CONTACT_FIELDS if model is Township else VILLAGE_CONTACT_FIELDS
    findings += check_privacy(data, contacts) + check_source(loaded, model) + settings_glyphs(loaded)
    findings += check_placeholders(data, decode_text(loaded.raw)[0], lines,
                                   skip=frozenset({("defaults", "placeholders")}))
    try:
        value = model.model_validate(data)
    except ValidationError as exc:
        findings += validation_findings(exc, model)
        value = None
    if findings:
        # the raw lines too: a setting's own keys (`posting_days: {relief: 9}`) are not re-keyed
        raise NoticeboardError([f.located(path, {**loaded.lines, **lines}) for f in findings])
    return value, loaded.raw


GLYPHS_LISTED = 5  # as for an item: past this, the machine lacks a font


def settings_glyphs(loaded: LoadedYaml) -> list[Finding]:
    """Characters of a settings file no installed font draws: its names are printed on
    every poster, and render blamed "模板" for them (issue 25). Named at their line."""
    text = loaded.raw.decode("utf-8", errors="replace")
    strings = list(walk_strings(loaded.data))
    findings = []
    for char in fontcheck.uncovered(value for _, value in strings)[:GLYPHS_LISTED]:
        paths = [path for path, value in strings if char in value]
        line = text.count("\n", 0, max(text.find(char), 0)) + 1
        finding = error("glyph_missing", paths[0], char=char, codepoint=f"{ord(char):04X}",
                        fields="、".join(format_field_path(p) for p in paths[:3]))
        findings.append(replace(finding, line=line))
    return findings


def find_setting(item_dir: Path) -> tuple[Setting, list[Finding]]:
    """The checked setting for items in `item_dir`: its village.yaml and the township above."""
    return check_setting(settings_folders(item_dir))


def check_setting(folders: SettingFolders) -> tuple[Setting, list[Finding]]:
    """The settings files of `folders`, checked; every finding of both files."""
    findings: list[Finding] = []
    township = village = township_raw = village_raw = None
    if folders.township_dir is not None:
        try:
            township, township_raw = read_settings_file(folders.township_dir / TOWNSHIP_FILE,
                                                        Township)
        except NoticeboardError as exc:
            findings += exc.findings
    if folders.village_dir is not None:
        try:
            village, village_raw = read_settings_file(folders.village_dir / VILLAGE_FILE, Village)
        except NoticeboardError as exc:
            findings += exc.findings
    findings += check_township_stylesheets(folders.township_dir)  # issue 25
    return Setting(township, village, folders.township_dir, folders.village_dir,
                   township_raw, village_raw), findings


# What no two villages share: a folder copied with its village.yaml signs as the other village.
_UNIQUE_FIELDS = ("name", "phone")


def copied_villages(settings: Iterable[Setting]) -> list[Finding]:
    """A warning on each village.yaml whose name or phone another village folder has too."""
    villages: dict[Path, tuple[Path, Village]] = {}
    for setting in settings:  # a folder reached twice (through a symlink) is one village
        if setting.village is not None and setting.village_dir is not None:
            villages.setdefault(_real(setting.village_dir), (setting.village_dir, setting.village))
    findings = []
    for field_name in _UNIQUE_FIELDS:
        holders: dict[str, list[Path]] = defaultdict(list)
        for folder, village in villages.values():
            value = getattr(village, field_name)
            if value:
                holders[value.strip()].append(folder)
        for value, folders in holders.items():
            for folder in folders if len(folders) > 1 else ():
                other = next(f for f in folders if f != folder)
                findings.append(warning(f"village_copied_{field_name}", (field_name,), value=value,
                                        other=display_path(other)).located(folder / VILLAGE_FILE, {}))
    return findings


def _real(folder: Path) -> Path:
    try:
        return folder.resolve()
    except OSError:  # a loop: only itself
        return folder
