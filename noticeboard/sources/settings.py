"""Where a folder's settings are: township.yaml and village.yaml, found without reading kinds.

The cascade is township → village → item: an item's folder may hold a village.yaml,
and the township.yaml is in that folder or the one above. Checking what the files
say is `checks/settings`; the models of what they may say are `kinds/settings`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

TOWNSHIP_FILE = "township.yaml"
VILLAGE_FILE = "village.yaml"
SETTINGS_FILES = frozenset({TOWNSHIP_FILE, VILLAGE_FILE})


@dataclass(frozen=True)
class SettingFolders:
    """The folders whose settings files apply to an item (either may be absent)."""

    township_dir: Path | None
    village_dir: Path | None

    @property
    def root(self) -> Path | None:
        """The folder whose files a poster may use (seal, logo, template overrides)."""
        return self.township_dir or self.village_dir

    def files(self) -> list[Path]:
        """The settings files that apply, village first, as they are read."""
        return [folder / name for folder, name in ((self.village_dir, VILLAGE_FILE),
                                                  (self.township_dir, TOWNSHIP_FILE)) if folder]


def settings_folders(item_dir: Path) -> SettingFolders:
    """The settings that apply to items in `item_dir`: its village.yaml, the township above."""
    village_dir = item_dir if (item_dir / VILLAGE_FILE).is_file() else None
    if (item_dir / TOWNSHIP_FILE).is_file():
        township_dir: Path | None = item_dir
    elif (item_dir.parent / TOWNSHIP_FILE).is_file():
        township_dir = item_dir.parent
    else:
        township_dir = None
    return SettingFolders(township_dir, village_dir)
