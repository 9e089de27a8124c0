"""A run over many items: read and check everything first, then render what passed."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from noticeboard.errors import Finding, NoticeboardError, error, has_errors
from noticeboard.items import CheckedItem, check_item
from noticeboard.workspace import ItemSource, Workspace, discover


class Status(StrEnum):
    RENDERED = "rendered"
    FAILED = "failed"


@dataclass
class Outcome:
    """What happened to one item in a render run."""

    source: ItemSource
    status: Status
    output: Path | None = None
    pages: int = 0
    findings: list[Finding] = field(default_factory=list)  # from rendering, not checking


@dataclass
class Build:
    """One run's state: the workspace, each item's check, and each render's outcome."""

    workspace: Workspace
    checked: list[CheckedItem] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)

    @classmethod
    def for_paths(cls, paths: list[Path]) -> Build:
        return cls(discover(paths))

    def check(self) -> list[CheckedItem]:
        from noticeboard.rules.continuity import check_across

        self.checked = [check_item(src.path, src.setting) for src in self.workspace.items]
        check_across(self.checked)
        return self.checked

    @property
    def findings(self) -> list[Finding]:
        return self.workspace.findings + [f for c in self.checked for f in c.findings]

    def render(self, out_dir: Path, paper: str | None = None) -> list[Outcome]:
        """Render every item that passed its check; one failure never stops the others."""
        from noticeboard.render import Renderer, write_atomic

        if not self.checked:
            self.check()
        renderer = Renderer()
        for source, checked in zip(self.workspace.items, self.checked, strict=True):
            if not checked.ok:  # its check findings are in self.findings
                self.outcomes.append(Outcome(source, Status.FAILED))
                continue
            target = out_dir / source.output_stem.with_suffix(".pdf")
            try:
                poster = renderer.render(checked, paper)
                write_atomic(target, poster.pdf)
            except NoticeboardError as exc:
                self.outcomes.append(Outcome(source, Status.FAILED, findings=exc.findings))
            except OSError as exc:
                finding = error("write_failed", location=str(target), reason=exc.strerror or exc)
                self.outcomes.append(Outcome(source, Status.FAILED,
                                             findings=[finding.located(source.path, {})]))
            except Exception as exc:  # a crash in one poster must not stop the others
                finding = error("render_failed", reason=f"{type(exc).__name__}: {exc}")
                self.outcomes.append(Outcome(source, Status.FAILED,
                                             findings=[finding.located(source.path, {})]))
            else:
                self.outcomes.append(Outcome(source, Status.RENDERED, target, poster.pages))
        return self.outcomes

    @property
    def failed(self) -> bool:
        return has_errors(self.workspace.findings) or any(
            o.status is Status.FAILED for o in self.outcomes)


def render_item(path: Path, out_dir: Path | None = None, paper: str | None = None) -> Path:
    """Library entry point: check and render one item file; return the PDF's path."""
    build = Build.for_paths([path])
    build.check()
    if has_errors(build.findings):
        raise NoticeboardError([f for f in build.findings])
    outcome = build.render(out_dir or path.parent / "out", paper)[0]
    if outcome.output is None:
        raise NoticeboardError(outcome.findings or build.findings)
    return outcome.output
