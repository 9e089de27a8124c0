"""Find the items a command works on: files, village folders or a township folder."""

from __future__ import annotations

import os
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from noticeboard.errors import Finding, NoticeboardError, display_path, error, warning
from noticeboard.sources.archive import unpack
from noticeboard.sources.names import ITEM_SUFFIXES, output_key, safe_name
from noticeboard.sources.settings import (
    SETTINGS_FILES,
    TOWNSHIP_FILE,
    VILLAGE_FILE,
    SettingFolders,
    settings_folders,
)


@dataclass(frozen=True)
class ItemSource:
    """An item file, the folders of its settings, and where its poster goes below the output."""

    path: Path
    folders: SettingFolders
    output_stem: Path
    poster: Path | None = None  # the archived poster this item was unpacked from


@dataclass
class Workspace:
    items: list[ItemSource] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    village_dirs: list[Path] = field(default_factory=list)  # including those with no items
    setting_folders: list[SettingFolders] = field(default_factory=list)  # to be checked


def discover(paths: list[Path]) -> Workspace:
    """Every item below `paths`, each with the folders of its settings (read by the checks).

    Nothing outside the folder being processed is read: an item, a village
    folder or a settings file whose real path (after symlinks) lies elsewhere
    is refused with a finding naming it, and the other items go on."""
    workspace = Workspace()
    settings: dict[Path, SettingFolders | None] = {}
    for path in paths:
        if not path.exists():
            workspace.findings.append(error("path_not_found", location=str(path)))
            continue
        if path.suffix.lower() == ".pdf":
            _add_poster(path, workspace, settings)
            continue
        root = Path(os.path.realpath(path if path.is_dir() else path.parent))
        if path.is_file() and not _contained(path, root, workspace):
            continue
        if path.is_file() and path.name in SETTINGS_FILES:  # checked as settings, not an item
            _folders_for(path.parent.resolve(), settings, workspace, root)
            continue
        files = [path] if path.is_file() else _item_files(path, root, workspace)
        if path.is_dir():
            workspace.village_dirs += _village_dirs(path, root)
        if not files and not _refused_below(path, workspace):
            workspace.findings.append(error("no_items", location=str(path)))
        for file in files:
            folders = _folders_for(file.parent.resolve(), settings, workspace, root)
            if folders is not None:
                workspace.items.append(ItemSource(file, folders, _output_stem(file, folders)))
    workspace.items = _once(workspace.items)
    return workspace


def _once(items: list[ItemSource]) -> list[ItemSource]:
    """Each item once when the paths given overlap (`青山镇 青山镇/双河村`): otherwise it is
    checked, counted and rendered twice, and its messages said twice."""
    seen: set[tuple[Path, Path]] = set()
    kept = []
    for source in items:
        key = (_real(source), source.output_stem)
        if key not in seen:
            seen.add(key)
            kept.append(source)
    return kept


def _contained(path: Path, root: Path, workspace: Workspace) -> bool:
    """Whether `path` really (after symlinks) lies in `root`; a finding naming it if not."""
    if _inside(path, root):
        return True
    _refuse(path, workspace)
    return False


def _inside(path: Path, root: Path) -> bool:
    return Path(os.path.realpath(path)).is_relative_to(root)  # realpath: no error on a loop


def _refuse(path: Path, workspace: Workspace) -> None:
    """A finding naming the link and where it really leads; the file itself is never opened."""
    finding = error("outside_folder", target=os.path.realpath(path)).located(path, {})
    if finding not in workspace.findings:
        workspace.findings.append(finding)


def _refused_below(path: Path, workspace: Workspace) -> bool:
    """Whether something below `path` was refused (then "no items" would mislead)."""
    return any(f.code == "outside_folder" and f.file is not None and f.file.is_relative_to(path)
               for f in workspace.findings)


def _add_poster(pdf: Path, workspace: Workspace,
                settings: dict[Path, SettingFolders | None]) -> None:
    """An archived poster: check the YAML it carries, with the settings it was made with."""
    try:
        item = unpack(pdf)
    except NoticeboardError as exc:
        workspace.findings.extend(exc.findings)
        return
    folders = _folders_for(item.parent, settings, workspace, item.parent.parent)
    if folders is not None:
        workspace.items.append(ItemSource(item, folders, Path(safe_name(pdf.stem)), poster=pdf))


def _village_dirs(folder: Path, root: Path) -> list[Path]:
    if (folder / TOWNSHIP_FILE).is_file():
        return sorted(p for p in folder.iterdir()
                      if (p / VILLAGE_FILE).is_file() and _inside(p, root))
    return [folder] if (folder / VILLAGE_FILE).is_file() else []


def _item_files(folder: Path, root: Path, workspace: Workspace) -> list[Path]:
    if (folder / TOWNSHIP_FILE).is_file():
        villages = sorted(p for p in folder.iterdir() if p.is_dir() and not _hidden(p))
        if not (folder / VILLAGE_FILE).is_file():  # a township folder holds villages only
            _name_skipped([p for p in sorted(folder.iterdir()) if p.is_file()
                           and _looks_like_item(p) and p.name not in SETTINGS_FILES],
                          "skipped_in_township", workspace)
        return [file for village in villages if _contained(village, root, workspace)
                for file in _items_in(village, root, workspace)]
    return _items_in(folder, root, workspace)


def _items_in(folder: Path, root: Path, workspace: Workspace) -> list[Path]:
    entries = sorted(p for p in folder.iterdir() if not p.name.startswith("."))
    candidates = [p for p in entries if p.is_file() and p.suffix.lower() in ITEM_SUFFIXES
                  and p.name not in SETTINGS_FILES and not _hidden(p)]
    _name_skipped([p for p in entries if p.is_file() and _looks_like_item(p)
                   and p.name not in SETTINGS_FILES and p not in candidates], "", workspace)
    for sub in (p for p in entries if p.is_dir() and _inside(p, root)):
        _name_skipped(_yaml_below(sub), "skipped_in_subfolder", workspace, village=folder.name)
    return [p for p in candidates if _contained(p, root, workspace)]


# A YAML file by its name, whatever Windows did to it: `财务.yaml.txt`, `财务.yml.bak`.
_YAML_NAME = re.compile(r"\.ya?ml(\.[^.]*)?$", re.IGNORECASE)
MAX_NAMED = 20  # a folder of hundreds of copies is named by count, not line by line


def _looks_like_item(path: Path) -> bool:
    return _YAML_NAME.search(path.name) is not None


def _yaml_below(folder: Path) -> list[Path]:
    """YAML-looking files anywhere below `folder`, symlinked folders not followed."""
    found: list[Path] = []
    for top, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [Path(top) / f for f in sorted(files)
                  if not f.startswith(".") and _looks_like_item(Path(f))]
        if len(found) > MAX_NAMED:
            break
    return found


def _name_skipped(files: list[Path], code: str, workspace: Workspace, **params: str) -> None:
    """A warning naming each file that is neither an item nor a setting, and why."""
    for file in files[:MAX_NAMED]:
        workspace.findings.append(_skipped(file, code, params))
    if len(files) > MAX_NAMED:
        workspace.findings.append(warning("skipped_many", folder=display_path(files[0].parent),
                                          count=str(len(files) - MAX_NAMED)))


def _skipped(file: Path, code: str, params: dict[str, str]) -> Finding:
    if not code:  # a draft, or a name that only looks like YAML
        if file.suffix.lower() in ITEM_SUFFIXES:
            return warning("skipped_draft").located(file, {})
        suffix = file.name[_YAML_NAME.search(file.name).start():]  # type: ignore[union-attr]
        proper = file.name[: len(file.name) - len(suffix)] + ".yaml"
        return warning("skipped_suffix", suffix=suffix, name=proper).located(file, {})
    return warning(code, (), **params).located(file, {})


def _hidden(path: Path) -> bool:
    return path.name.startswith((".", "_"))


def _folders_for(folder: Path, cache: dict[Path, SettingFolders | None],
                 workspace: Workspace, root: Path) -> SettingFolders | None:
    """The folder's settings folders; None (items skipped) when a settings file leads
    outside: it must really lie in the folder being processed or, for the township
    above a village, in its own folder. What the files say is checked later, once."""
    if folder not in cache:
        folders = settings_folders(folder)
        refused = [f for f in folders.files() if not (
            _inside(f, root) or _inside(f, f.parent.resolve()))]
        for file in refused:
            _refuse(file, workspace)
        cache[folder] = None if refused else folders
        if not refused and folders not in workspace.setting_folders:
            workspace.setting_folders.append(folders)
    return cache[folder]


def _output_stem(file: Path, folders: SettingFolders) -> Path:
    """`<village folder>/<item name>` so output mirrors the township's folders."""
    if folders.village_dir is not None:
        return Path(safe_name(folders.village_dir.name)) / safe_name(file.stem)
    return Path(safe_name(file.stem))


def _real(source: ItemSource) -> Path:
    try:
        return (source.poster or source.path).resolve()
    except OSError:  # a loop: not the same file as anything else
        return source.poster or source.path


_PAGE_SUFFIX = re.compile(r"^(.*)-[0-9]+$")


def output_collisions(items: list[ItemSource], images: bool = False) -> dict[int, Finding]:
    """Items whose outputs would overwrite each other, by index, each naming every file.

    With `images`, `通知-1` also collides with the first page image of a
    two-page `通知` (`通知-1.png`).
    """
    groups: dict[str, list[int]] = defaultdict(list)
    for index, source in enumerate(items):
        groups[output_key(source.output_stem)].append(index)
    if images:
        for index, source in enumerate(items):
            match = _PAGE_SUFFIX.match(source.output_stem.name)
            if match:
                parent = output_key(source.output_stem.with_name(match[1]))
                if parent in groups and index not in groups[parent]:
                    groups[parent].append(index)
    found: dict[int, Finding] = {}
    for indexes in groups.values():
        if len({_real(items[i]) for i in indexes}) < 2:
            continue  # one file reached twice (a symlinked village folder): one poster
        files = "、".join(display_path(items[i].poster or items[i].path) for i in indexes)
        output = f"{items[indexes[0]].output_stem.as_posix()}.pdf"
        code = "output_collision_images" if images and len(
            {output_key(items[i].output_stem) for i in indexes}) > 1 else "output_collision"
        for i in indexes:
            found[i] = error(code, files=files, output=output).located(
                items[i].poster or items[i].path, {})
    return found


def village_collisions(items: list[ItemSource]) -> dict[int, Finding]:
    """Items of village folders that would share one output folder (`双河村` and `双河村.`,
    or `A村` and `a村` where case does not count): their posters would mix, and the
    village's print file would hold another village's notices."""
    folders: dict[str, dict[Path, list[int]]] = defaultdict(lambda: defaultdict(list))
    for index, source in enumerate(items):
        village = source.folders.village_dir
        if village is not None and source.output_stem.parent.name:
            folders[output_key(source.output_stem.parent)][_real_folder(village)].append(index)
    found: dict[int, Finding] = {}
    for by_folder in folders.values():
        if len(by_folder) < 2:
            continue
        names = "、".join(display_path(folder) for folder in by_folder)
        first = next(iter(by_folder.values()))[0]
        for indexes in by_folder.values():
            for i in indexes:
                found[i] = error("village_collision", folders=names,
                                 output=items[first].output_stem.parent.as_posix()).located(
                    items[i].poster or items[i].path, {})
    return found


def _real_folder(folder: Path) -> Path:
    try:
        return folder.resolve()
    except OSError:  # a loop
        return folder
