"""A whole folder written through the writer's staging, as generation writes docs/arkiv/ (site.build):
put every file, then commit – or discard on failure. For the writer's own tests."""

from __future__ import annotations

from pathlib import Path

from arkiv.site.writer import Staging, Targets, WriteReport


def write_tree(root: Path, files: dict[str, bytes]) -> WriteReport:
    """Make `root` hold exactly `files` (path inside root → bytes), atomically."""
    root = Path(root)
    staging = Staging(root)
    targets = Targets(root)
    for relative in files:  # every path is checked before anything is written
        targets.check(relative)
    try:
        written = [rel for rel, data in files.items() if staging.put(rel, data)]
        return staging.commit(files, written)
    except BaseException:
        staging.discard()
        raise
