"""When each meeting file last changed, from the archive's git history.

The feeds' »updated« and the calendars' DTSTAMP are dates of the data, never of the build's
clock, so that two builds of the same commit give the same bytes (issue 20). One `git log` over
meetings/ gives every file's last commit day. Outside a git checkout (a test's copy) there is no
history, and the callers fall back to the meeting's own date.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path


def file_dates(root: Path, folder: str = "meetings") -> dict[str, dt.date]:
    """Path inside `folder` (e.g. 'koebenhavn-2025-1.md') → the day of the last commit that
    changed it; {} without git or history."""
    try:
        result = subprocess.run(["git", "log", "--format=@%cs", "--name-only", "--no-renames", "--", folder],
                                cwd=root, capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.SubprocessError):
        return {}
    if result.returncode != 0:
        return {}
    dates: dict[str, dt.date] = {}
    day = None
    prefix = folder.rstrip("/") + "/"
    for line in result.stdout.splitlines():
        if line.startswith("@"):
            try:
                day = dt.date.fromisoformat(line[1:])
            except ValueError:
                day = None
        elif line.startswith(prefix) and day is not None:
            dates.setdefault(line[len(prefix):], day)  # newest first: the first seen is the last change
    return dates
