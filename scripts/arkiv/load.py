"""Read and validate the whole meetings folder into one Archive, or fail with every problem."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from .check.validate import validate
from .index.crossref import Finders, build_crossref, index_meeting, make_finders
from .model import Archive
from .parallel import map_in_order
from .problems import InputError, ProblemList
from .source.history import file_dates
from .source.reader import read_meeting
from .source.registry import RESERVED_IDS, read_councils, read_people, read_themes
from .source.site_config import read_site_config
from .source.yamlsource import Located, load_yaml, read_text, split_front_matter


def meeting_files(folder: Path, problems: ProblemList | None = None) -> list[Path]:
    """Meeting files in name order: every *.md directly in the folder (README.md excluded).

    A file that looks like a meeting but would not be read – '.MD', '.markdown', a meeting in a
    subfolder – is named in an error instead of being left out without a word.
    """
    found = []
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if relative.parts[0] == SOURCES or not path.is_file() or path.name.lower() == "readme.md":
            continue
        looks_like_meeting = path.suffix.lower() in (".md", ".markdown", ".mdown")
        if looks_like_meeting and len(relative.parts) == 1 and path.suffix == ".md":
            found.append(path)
        elif looks_like_meeting and problems is not None:
            where = "ligger i en undermappe" if len(relative.parts) > 1 else f"har endelsen '{path.suffix}'"
            problems.error(relative.as_posix(), 0, "fil", f"mødefilen {where} og læses ikke",
                           "læg mødefilen direkte i meetings/ med endelsen .md (små bogstaver)")
    return found


def check_archive(folder: Path, strict: bool = False, cache: dict | None = None) -> tuple[Archive | None, ProblemList]:
    """Read everything, collect every problem; the archive is None when there are errors.

    With `strict`, warnings count as errors (CI runs this way). With a `cache` (kept by the caller
    between runs, as the preview under `mkdocs serve` does), a meeting file whose file and source
    text are as they were when it was last read is not read again – unless a registry changed.
    """
    folder = Path(folder)
    problems = ProblemList()
    ids: dict[str, tuple[str, int]] = {}  # every id in use → (file, line): one namespace for all
    councils = read_councils(folder, problems, ids)
    people = read_people(folder, problems, ids)
    themes = read_themes(folder, problems, ids)
    registries_ok = not problems.errors
    finders = make_finders(themes, people) if registries_ok else None
    meetings, indexes = [], {}
    for meeting, found, index in _read_all(meeting_files(folder, problems), folder, finders, cache):
        problems.extend(found)
        if meeting:
            meetings.append(meeting)
        if index:
            indexes[meeting.id] = index
    for meeting in meetings:
        if meeting.id in RESERVED_IDS:
            problems.error(meeting.path, 0, "filnavn", f"'{meeting.id}' er navnet på en af arkivets egne sider",
                           "giv mødefilen et andet navn, fx '<råd>-<år>-<nr>.md'")
        elif meeting.id in ids:
            file, line = ids[meeting.id]
            problems.error(meeting.path, 0, "filnavn", f"møde-id'et '{meeting.id}' er også id i {file} (linje {line})",
                           "giv mødefilen et navn, der ikke er id for en person, et tema eller et råd")
    # Cross-file checks run on every meeting that could be read, so one run shows as much as it
    # can; but not against a broken registry, where every reference would look unknown.
    if registries_ok:
        validate(meetings, councils, people, themes, folder, FrontMatter(folder), problems)
    if strict:
        problems = ProblemList(dataclasses.replace(p, severity="error") for p in problems)
    if problems.errors:
        return None, problems
    meetings.sort(key=lambda m: m.sort_key)
    archive = Archive(councils, people, themes, tuple(meetings))
    return build_crossref(archive, finders, indexes), problems


def _stamp(path: Path) -> tuple | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_size, info.st_ino)


def _registries(folder: Path) -> bytes:
    return b"\0".join(_read_bytes(folder / name) for name in ("councils.yml", "people.yml", "themes.yml"))


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


def _read_all(paths: list[Path], folder: Path, finders: Finders | None, cache: dict | None) -> list:
    """`read_and_index` of every file, in order: from `cache` where the file, its source text and
    the registries are unchanged, read (on all cores) where not."""
    if cache is None:
        return list(map_in_order(read_and_index, paths, folder, finders))
    registries = _registries(folder)
    if cache.get("registries") != registries or finders is None:
        cache.clear()
        cache["registries"] = registries
    files: dict[Path, tuple] = cache.setdefault("files", {})
    fresh = [path for path in paths if path not in files or any(_stamp(p) != s for p, s in files[path][0])]
    before = {path: _stamp(path) for path in fresh}  # taken before reading: an edit meanwhile is read next time
    for path, result in zip(fresh, map_in_order(read_and_index, fresh, folder, finders), strict=True):
        meeting = result[0]
        source = folder / meeting.source.file if meeting and meeting.source.file else None
        files[path] = (((path, before[path]),) + (((source, _stamp(source)),) if source else ()), result)
    for gone in set(files) - set(paths):
        del files[gone]
    return [files[path][1] for path in paths]


def read_and_index(path: Path, folder: Path, finders: Finders | None):
    """(meeting or None, its file's problems, its part of the cross-index or None): the work of
    one file, which needs no other file, so that the files can be read on all cores.

    The index is made only for a meeting without errors of its own; if other files have errors,
    no archive is built and it goes unused.
    """
    problems = ProblemList()
    meeting = read_meeting(path, folder, problems)
    index = index_meeting(meeting, finders) if meeting and finders and not problems.errors else None
    return meeting, problems, index


SOURCES = "sources"  # meetings/sources/: the source texts, published beside the meeting pages


class FrontMatter(dict):
    """A meeting file's located front matter by path, read again only when a check across files
    needs the line of a field, i.e. only for a problem (the readers run in other processes and
    sending every file's line map back would cost more than this)."""

    def __init__(self, folder: Path):
        super().__init__()
        self.folder = folder

    def __missing__(self, name: str) -> Located:
        yaml_text = split_front_matter(read_text(self.folder / name))[0]
        self[name] = load_yaml(yaml_text, offset=1)
        return self[name]


def load_archive(folder: Path, strict: bool = False, warn=None, cache: dict | None = None) -> Archive:
    """The archive, or InputError carrying every problem found; `warn` receives each warning."""
    archive, problems = check_archive(folder, strict, cache)
    if archive is None:
        raise InputError(problems)
    for problem in problems:
        if warn:
            warn(problem)
    return archive


def with_site(archive: Archive, root: Path, strict: bool = False, warn=None) -> Archive:
    """The archive with who publishes it (mkdocs.yml, extra.arkiv), read and checked; InputError
    with mkdocs.yml's lines when the configuration is wrong."""
    problems = ProblemList()
    site = read_site_config(Path(root), problems)
    if problems.errors or (strict and list(problems)):
        raise InputError(problems)
    for problem in problems:
        if warn:
            warn(problem)
    return dataclasses.replace(archive, site=site, changed=file_dates(Path(root)))
