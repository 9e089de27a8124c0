"""A run over many items: read and check everything first, then render what passed."""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from noticeboard.checks.item import CheckedItem, check_item
from noticeboard.checks.settings import check_setting, copied_villages
from noticeboard.errors import Finding, NoticeboardError, error, has_errors, os_reason
from noticeboard.kinds.settings import Setting
from noticeboard.run.outcomes import Outcome, RenderOptions, Status
from noticeboard.run.plan import check_output_folder, render_all, reserved_names
from noticeboard.sources.names import safe_name
from noticeboard.sources.settings import SettingFolders
from noticeboard.sources.workspace import (
    ItemSource,
    Workspace,
    discover,
    output_collisions,
    village_collisions,
)


def in_shard(source: ItemSource, shard: tuple[int, int] | None) -> bool:
    """A stable share of the items: the same item always lands in the same shard."""
    if shard is None:
        return True
    index, count = shard
    digest = hashlib.sha256(source.output_stem.as_posix().encode()).digest()
    return int.from_bytes(digest[:8], "big") % count == index - 1


@dataclass
class Build:
    """One run's state: the workspace, each item's check, and each render's outcome."""

    workspace: Workspace
    checked: list[CheckedItem] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    run_findings: list[Finding] = field(default_factory=list)  # writing state, report...
    settings: dict[SettingFolders, Setting] = field(default_factory=dict)  # checked once

    @classmethod
    def for_paths(cls, paths: list[Path]) -> Build:
        """The items below `paths`; a device, pipe or unreadable folder is a finding."""
        refused = [(path, code) for path in paths if (code := _unusable(path))]
        usable = [path for path in paths if not _unusable(path)]
        try:
            workspace = discover(usable) if usable else Workspace()
        except OSError as exc:  # a folder that vanished or became unreadable meanwhile
            workspace = Workspace(findings=[error(
                "path_unreadable", location=exc.filename or usable[0], reason=os_reason(exc))])
        workspace.findings[:0] = [error(code, location=str(path)) for path, code in refused]
        build = cls(workspace)
        build.settings = _checked_settings(workspace)
        return build

    def check(self) -> list[CheckedItem]:
        from noticeboard.checks.across import check_across

        self.checked = [check_item(src.path, self.settings[src.folders])
                        for src in self.workspace.items]
        for index, finding in output_collisions(self.workspace.items).items():
            self.checked[index].findings.append(finding)
        for index, finding in reserved_names(self.workspace.items).items():
            self.checked[index].findings.append(finding)
        for index, finding in village_collisions(self.workspace.items).items():
            self.checked[index].findings.append(finding)
        check_across(self.checked)
        for source, checked in zip(self.workspace.items, self.checked, strict=True):
            if source.poster is not None:  # name the poster, not the unpacked copy
                where = Path(f"{source.poster}#{source.path.name}")
                checked.findings = [replace(f, file=where) for f in checked.findings]
        return self.checked

    @property
    def findings(self) -> list[Finding]:
        return self.workspace.findings + [f for c in self.checked for f in c.findings]

    def render(self, options: RenderOptions | Path,
               progress: Callable[[Outcome], None] | None = None) -> list[Outcome]:
        """Render every item that passed its check; one failure never stops the others.

        NoticeboardError when the run cannot start: the output folder is a file or is where
        the items are, or another run holds it. Nothing is written then."""

        if isinstance(options, Path):
            options = RenderOptions(out_dir=options)
        if not self.checked:
            self.check()
        check_output_folder(options.out_dir, self.workspace.items)
        late: dict[int, Finding] = {}  # found now, after `check` was printed: said with the outcome
        if "png" in options.formats:  # `通知-1` would overwrite page 1 of a two-page `通知`
            for index, finding in output_collisions(self.workspace.items, images=True).items():
                if finding not in self.checked[index].findings:
                    self.checked[index].findings.append(finding)
                    late[index] = finding
        pairs = [(src, checked) for src, checked in zip(self.workspace.items, self.checked,
                                                         strict=True)
                 if in_shard(src, options.shard)]
        # Village folders read whole in this run: a poster there with no item is orphaned.
        whole = frozenset() if options.shard else frozenset(
            safe_name(folder.resolve().name) for folder in self.workspace.village_dirs)
        self.outcomes, self.run_findings = render_all(pairs, options, progress, whole,
                                                     self.checked)
        by_source = {id(src): index for index, src in enumerate(self.workspace.items)}
        for outcome in self.outcomes:
            if (late_finding := late.get(by_source.get(id(outcome.source), -1))) is not None:
                outcome.findings.insert(0, late_finding)
        return self.outcomes

    @property
    def failed(self) -> bool:
        return has_errors(self.workspace.findings + self.run_findings) or any(
            o.status is Status.FAILED for o in self.outcomes)


def _checked_settings(workspace: Workspace) -> dict[SettingFolders, Setting]:
    """Each folder's settings, checked once; the items of a folder whose settings are
    broken are left out (their findings stand for them)."""
    settings: dict[SettingFolders, Setting] = {}
    broken: set[SettingFolders] = set()
    for folders in workspace.setting_folders:
        setting, findings = check_setting(folders)
        workspace.findings.extend(f for f in findings if f not in workspace.findings)
        if findings:
            broken.add(folders)
        else:
            settings[folders] = setting
    workspace.items = [s for s in workspace.items if s.folders not in broken]
    workspace.findings += copied_villages(settings.values())
    return settings


def _unusable(path: Path) -> str | None:
    """Why a path given on the command line cannot be read as items, if it cannot.

    `/dev/null`, a FIFO or `/dev/stdin` would block or fail deep inside; a folder
    without read permission would fail while listing it.
    """
    try:
        mode = path.stat().st_mode
    except OSError:
        return None  # discover says it does not exist
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        return "path_not_regular"
    if stat.S_ISDIR(mode) and not os.access(path, os.R_OK | os.X_OK):
        return "path_folder_unreadable"
    return None


def render_item(path: Path, out_dir: Path | None = None, paper: str | None = None) -> Path:
    """Library entry point: check and render one item file; return the PDF's path."""
    build = Build.for_paths([path])
    build.check()
    if has_errors(build.findings):
        raise NoticeboardError(list(build.findings))
    options = RenderOptions(out_dir=out_dir or path.parent / "out", paper=paper, force=True)
    outcome = build.render(options)[0]
    if outcome.output is None:
        raise NoticeboardError(outcome.findings or build.findings)
    return outcome.output
