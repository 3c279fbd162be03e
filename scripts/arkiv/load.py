"""Read and validate the whole meetings folder into one Archive, or fail with every problem."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from .crossref import build_crossref
from .model import Archive
from .problems import InputError, ProblemList
from .reader import read_meeting
from .registry import read_councils, read_people, read_themes
from .validate import validate


def meeting_files(folder: Path) -> list[Path]:
    """Meeting files in name order: every *.md directly in the folder (README.md excluded)."""
    return sorted(p for p in folder.glob("*.md") if p.name.lower() != "readme.md")


def check_archive(folder: Path, strict: bool = False) -> tuple[Archive | None, ProblemList]:
    """Read everything, collect every problem; the archive is None when there are errors.

    With `strict`, warnings count as errors (CI runs this way).
    """
    folder = Path(folder)
    problems = ProblemList()
    ids: dict[str, tuple[str, int]] = {}  # every id in use → (file, line): one namespace for all
    councils = read_councils(folder, problems, ids)
    people = read_people(folder, problems, ids)
    themes = read_themes(folder, problems, ids)
    registries_ok = not problems.errors
    front_matter: dict = {}
    meetings = [m for p in meeting_files(folder) if (m := read_meeting(p, folder, problems, front_matter))]
    for meeting in meetings:
        if meeting.id in ids:
            file, line = ids[meeting.id]
            problems.error(meeting.path, 0, "filnavn", f"møde-id'et '{meeting.id}' er også id i {file} (linje {line})",
                           "giv mødefilen et navn, der ikke er id for en person, et tema eller et råd")
    # Cross-file checks run on every meeting that could be read, so one run shows as much as it
    # can; but not against a broken registry, where every reference would look unknown.
    if registries_ok:
        validate(meetings, councils, people, themes, folder, front_matter, problems)
    if strict:
        problems = ProblemList(dataclasses.replace(p, severity="error") for p in problems)
    if problems.errors:
        return None, problems
    meetings.sort(key=lambda m: m.sort_key)
    archive = Archive(councils, people, themes, meetings)
    return build_crossref(archive), problems


def load_archive(folder: Path, strict: bool = False, warn=None) -> Archive:
    """The archive, or InputError carrying every problem found; `warn` receives each warning."""
    archive, problems = check_archive(folder, strict)
    if archive is None:
        raise InputError(problems)
    for problem in problems:
        if warn:
            warn(problem)
    return archive
