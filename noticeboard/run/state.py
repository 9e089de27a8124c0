"""The state of the last runs (`.noticeboard-state.json` in the output folder): for every
poster, a digest of everything it was made from, so a re-run skips what has not changed."""

from __future__ import annotations

import hashlib
import json
from importlib.metadata import version
from pathlib import Path
from typing import Any

from noticeboard.checks.item import CheckedItem
from noticeboard.errors import Finding, display_path, warning
from noticeboard.run.atomic import write_atomic

STATE_FILE = ".noticeboard-state.json"


def format_of(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower()


class InputDigests:
    """Digests of the files posters are made from, each file read once per run."""

    def __init__(self) -> None:
        self._files: dict[Path, str] = {}
        self._folders: dict[Path, str] = {}
        self._versions = f"noticeboard {_version('noticeboard')}; weasyprint {_version('weasyprint')}"

    def item_key(self, checked: CheckedItem, paper: str | None) -> str:
        """Everything a poster is made from; the formats asked for are not part of it,
        so a PDF stays current when the next run asks for images only."""
        from noticeboard.poster.render import builtin_template_dir  # jinja2: not needed to read state

        setting = checked.setting
        assert checked.loaded is not None
        parts = [self._versions, f"paper={paper}",
                 hashlib.sha256(checked.loaded.raw).hexdigest(),
                 self.folder(builtin_template_dir())]
        # the checked bytes of each settings file (what the poster attaches), not a new read
        parts += [f"{name}={hashlib.sha256(raw).hexdigest()}" for name, raw in setting.checked_files()]
        if setting.root is not None and (setting.root / "templates").is_dir():
            parts.append(self.folder(setting.root / "templates"))
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()

    def file(self, path: Path) -> str:
        if path not in self._files:
            self._files[path] = hashlib.sha256(path.read_bytes()).hexdigest() \
                if path.is_file() else "-"
        return self._files[path]

    def folder(self, folder: Path) -> str:
        if folder not in self._folders:
            digest = hashlib.sha256()
            for path in sorted(p for p in folder.rglob("*") if p.is_file()):
                digest.update(path.relative_to(folder).as_posix().encode())
                digest.update(self.file(path).encode())
            self._folders[folder] = digest.hexdigest()
        return self._folders[folder]


def _version(package: str) -> str:
    try:
        return version(package)
    except Exception:
        return "?"


class RunState:
    """What the last runs wrote: for every PDF, its input key, digest, pages, and files."""

    def __init__(self, out_dir: Path, entries: dict[str, dict[str, Any]]):
        self.out_dir = out_dir
        self.entries = entries

    @classmethod
    def load(cls, out_dir: Path) -> tuple[RunState, list[Finding]]:
        """The state, or none (everything renders again) with a warning when it is damaged."""
        path = out_dir / STATE_FILE
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return cls(out_dir, {}), []
        except (OSError, ValueError):
            text = ""
        try:
            entries = json.loads(text)["outputs"]
        except (ValueError, LookupError, TypeError):
            entries = None
        if not (isinstance(entries, dict) and all(
                _sound_entry(name, entry) for name, entry in entries.items())):
            return cls(out_dir, {}), [warning("state_damaged", file=display_path(path))]
        return cls(out_dir, entries), []

    def _name(self, target: Path) -> str:
        return target.relative_to(self.out_dir).as_posix()

    def unchanged(self, target: Path, key: str, formats: frozenset[str]) -> dict[str, Any] | None:
        """The entry for a poster made from the same inputs, if it has every format asked
        for and all its files are as written."""
        entry = self.entries.get(self._name(target))
        if not entry or entry.get("key") != key or not isinstance(entry.get("files"), dict):
            return None
        if not formats <= {format_of(name) for name in entry["files"]}:
            return None
        if any(not self._intact(name, stamp) for name, stamp in entry["files"].items()):
            return None
        return entry

    def _intact(self, name: str, stamp: list[int]) -> bool:
        try:
            stat = (self.out_dir / name).stat()
        except OSError:
            return False
        return [stat.st_size, stat.st_mtime_ns] == list(stamp)

    def current_files(self, target: Path, key: str) -> list[Path]:
        """Files of the last poster from these same inputs that are still as written:
        a PDF stays current when this run writes only images, and the other way round."""
        entry = self.entries.get(self._name(target))
        if not entry or entry.get("key") != key:
            return []
        return [self.out_dir / name for name, stamp in entry.get("files", {}).items()
                if self._intact(name, stamp)]

    def record(self, target: Path, key: str, result: Any,
               kept: list[Path] | None = None) -> None:
        files = {}
        written = {self._name(p) for p in result.files}
        for path in [*result.files, *(p for p in kept or [] if self._name(p) not in written)]:
            stat = path.stat()
            files[self._name(path)] = [stat.st_size, stat.st_mtime_ns]
        self.entries[self._name(target)] = {
            "key": key, "sha256": result.sha256, "pages": result.pages, "files": files}

    def forget(self, target: Path) -> None:
        self.entries.pop(self._name(target), None)

    def save(self) -> None:
        if not self.out_dir.is_dir():
            return
        text = json.dumps({"outputs": self.entries}, ensure_ascii=False, indent=1, sort_keys=True)
        write_atomic(self.out_dir / STATE_FILE, text.encode("utf-8"))


def _sound_entry(name: Any, entry: Any) -> bool:
    """An entry as this module writes it, naming files inside the output folder only."""
    if not (_inside(name) and isinstance(entry, dict) and isinstance(entry.get("key"), str)):
        return False
    if "files" not in entry:  # a print file's entry (report._merge)
        return all(isinstance(entry.get(k), int) for k in ("size", "mtime_ns"))
    files = entry["files"]
    return (isinstance(files, dict) and bool(files)
            and isinstance(entry.get("pages"), int) and not isinstance(entry["pages"], bool)
            and isinstance(entry.get("sha256"), str | None)
            and all(_inside(n) and isinstance(v, list) and len(v) == 2
                    and all(isinstance(x, int) for x in v) for n, v in files.items()))


def _inside(name: Any) -> bool:
    if not isinstance(name, str) or not name or "\\" in name or "\0" in name:
        return False
    path = Path(name)
    return not path.is_absolute() and ".." not in path.parts
