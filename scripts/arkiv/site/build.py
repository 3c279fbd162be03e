"""Orchestration: meetings/ → model → pages → docs/<generated folder>/."""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
from pathlib import Path

from ..check.personal import compact
from ..load import load_archive, with_site
from ..model import Archive
from ..parallel import map_in_order
from ..render import page_tasks, render_one, render_shared, render_source_pages, source_copies
from ..render.common import FRONT_PAGE_INCLUDE
from ..render.data import DATA
from ..render.meeting import source_copy_path
from ..render.opendata import csv_tables, licence_file, readme, render_csv
from ..source.site_config import CONFIG, last_change
from ..source.yamlsource import decode_text
from .bulk import BUNDLE, DATABASE, bundle, database
from .writer import Staging, WriteReport, WriterError, exclusive

MEETINGS_DIR = "meetings"
DOCS_DIR = "docs"
GENERATED = "arkiv"  # docs/arkiv/ is generated, ignored by git, and owned by the writer
MANIFEST = ".inputs.json"  # what the generated folder was made from; see `up_to_date`
CODE = Path(__file__).resolve().parent.parent  # the whole arkiv package: its code makes the pages too


@contextlib.contextmanager
def _no_cycle_collection():
    # The model is a few million small objects that live to the end and form no reference
    # cycles; Python's cycle collector would only scan them again and again as more are made
    # (a tenth of the time at 1,000 meetings, more at 5,000). Workers inherit the setting.
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def fingerprint(meetings: Path, strict: bool, bulk: bool = True) -> str:
    """A hash of every input file, of the configuration (mkdocs.yml: who publishes, read by
    source/site_config.py) and of the pipeline's own code: equal hashes, equal output. `bulk`:
    whether the downloads are made (not by the preview), so that `make site` after `make serve`
    makes them again."""
    digest = hashlib.sha256(f"strict={strict} bulk={bulk}".encode())
    for folder in (meetings, CODE):
        hash_files(digest, folder, folder)
    config = meetings.parent / CONFIG
    if config.is_file():
        hash_files(digest, meetings.parent, config)
    digest.update(str(last_change(meetings.parent)).encode())  # the update date shown
    return digest.hexdigest()


def hash_files(digest, base: Path, under: Path, skip=lambda relative: False) -> None:
    """Add each file under `under` (a folder or one file) to `digest`, by its path from `base` and
    its bytes, in name order; Python's caches and what `skip` says of a relative path left out."""
    paths = [under] if under.is_file() else sorted(under.rglob("*"))
    for path in paths:
        relative = path.relative_to(base)
        if path.is_file() and "__pycache__" not in path.parts and not skip(relative):
            digest.update(relative.as_posix().encode() + b"\0" + path.read_bytes() + b"\0")


def _claim(made_by: dict[str, str], rel: str, task: tuple[str, str]) -> None:
    """Two pages on one path would leave one of them unpublished without a word (an id 'index'
    once replaced the meetings index): the check refuses such ids, and this refuses whatever it
    did not foresee."""
    if rel in made_by:
        raise WriterError(f"{rel} ville blive skrevet to gange, af {made_by[rel]} og af {_task_name(task)}; "
                          "giv den ene et andet id")
    made_by[rel] = _task_name(task)


# The published copy of a source text begins with a UTF-8 byte-order mark: a server that sends
# .txt without a charset (python3 -m http.server) otherwise has browsers read it as Latin-1.
BOM = "\ufeff".encode("utf-8")


def _shared_files(archive: Archive, meetings: Path) -> dict[str, bytes]:
    """The pages about the whole archive, and the source texts: each as a page and as a copy."""
    shared = {rel: text.encode("utf-8") for rel, text in render_shared(archive, GENERATED).items()}
    texts = {}
    copies = source_copies(archive)
    for meeting in archive.meetings:
        copy = source_copy_path(meeting)
        if copy in copies:
            data = (meetings / copies[copy]).read_bytes()
            shared[copy] = data if data.startswith(BOM) else BOM + data
            texts[meeting.id] = decode_text(meetings / copies[copy])
    shared.update({rel: text.encode("utf-8") for rel, text in render_source_pages(archive, texts).items()})
    return shared


def _manifest(archive: Archive, inputs: str, sizes: dict[str, int]) -> bytes:
    """What the folder was made from and holds. The contacts the meeting files allow are kept for
    the site audit (publish.py), which would otherwise read and check the whole archive again."""
    contacts = frozenset().union(*(m.published_contacts for m in archive.meetings))
    if archive.site:  # the publisher's own contact, shown in the footer and the statement
        contacts |= {compact(c) for c in archive.site.contacts}
    contacts = sorted(contacts)
    return json.dumps({"inputs": inputs, "files": dict(sorted(sizes.items())), "published_contacts": contacts},
                      sort_keys=True).encode()


def front_page_changed(report: WriteReport) -> bool:
    """Whether the generated part of the front page was rewritten: docs/index.md includes it, so a
    dirty build (make serve, make site after an edit) must build the front page although its own
    file did not change."""
    return FRONT_PAGE_INCLUDE in report.written


def published_contacts(root: Path) -> frozenset[str]:
    """The e-mail addresses and phone numbers the meeting files allow (`published_contacts:`), as
    the last generation of `root`'s pages recorded them; empty when nothing was generated."""
    try:
        manifest = json.loads((Path(root) / DOCS_DIR / GENERATED / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return frozenset()
    return frozenset(manifest.get("published_contacts", ()))


def up_to_date(target: Path, inputs: str) -> dict[str, int] | None:
    """The files of the generated folder (path → size) when it was made from exactly these inputs
    and is still whole; None when it must be generated again.

    This is what lets `mkdocs serve` and a rerun skip the whole pipeline (reading, checking,
    rendering) when nothing changed; `make check` always runs it in full.
    """
    try:
        manifest = json.loads((target / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    files = manifest.get("files", {})
    whole = all((target / rel).is_file() and (target / rel).stat().st_size == size for rel, size in files.items())
    return files if manifest.get("inputs") == inputs and whole else None


def generate(root: Path, strict: bool = False, warn=None) -> WriteReport:
    """Read and check every meeting, then write the generated pages. Nothing is written on error.

    Warnings are passed to `warn`; with `strict` they are errors. When the inputs are those the
    generated folder was made from, nothing is read or written. A run that starts while another
    generates the same folder waits for it (see writer.exclusive).
    """
    root = Path(root)
    target = root / DOCS_DIR / GENERATED
    with exclusive(target):
        return _generate(root, target, strict, warn)


def _generate(root: Path, target: Path, strict: bool, warn) -> WriteReport:
    inputs = fingerprint(root / MEETINGS_DIR, strict)
    current = up_to_date(target, inputs)
    if current is not None:
        return WriteReport(unchanged=len(current))
    with _no_cycle_collection():
        archive = with_site(load_archive(root / MEETINGS_DIR, strict, warn), root, strict, warn)
        staging = Staging(target)
        try:
            return _write(archive, root / MEETINGS_DIR, staging, inputs)
        except BaseException:
            staging.discard()
            raise


def _write(archive: Archive, meetings: Path, staging: Staging, inputs: str) -> WriteReport:
    """Render every page and stage it, in the processes that render them (see writer.Staging),
    then put the new folder in place with its manifest."""
    shared = _shared_files(archive, meetings)
    staged = [(rel, staging.put(rel, data), len(data)) for rel, data in shared.items()]
    made_by = dict.fromkeys(shared, "arkivets oversigter")
    tasks = page_tasks(archive)
    for task, part in zip(tasks, map_in_order(_render_and_stage, tasks, archive, staging), strict=True):
        for rel, _, _ in part:
            _claim(made_by, rel, task)
        staged.extend(part)
    for rel, data in _bulk_files(archive, staging, [rel for rel, _, _ in staged], shared).items():
        _claim(made_by, rel, ("bulk", rel))
        staged.append((rel, staging.put(rel, data), len(data)))
    manifest = _manifest(archive, inputs, {rel: size for rel, _, size in staged})
    staged.append((MANIFEST, staging.put(MANIFEST, manifest), len(manifest)))
    return staging.commit([rel for rel, _, _ in staged], [rel for rel, changed, _ in staged if changed])


def _task_name(task: tuple[str, str]) -> str:
    kind, key = task
    return {"meeting": "mødet", "theme": "temaet", "person": "personen", "bulk": "dataudtrækket"}[kind] + f" '{key}'"


def _bulk_files(archive: Archive, staging: Staging, staged: list[str], shared: dict[str, bytes]) -> dict[str, bytes]:
    """The downloads made from the whole archive (render/opendata.py, site/bulk.py): the CSV
    tables, the SQLite database and the zip of all the data. Not under `make serve` (Preview).
    The zip takes the per-meeting JSON from the new folder, where the workers put it."""
    tables = csv_tables(archive)
    files = {rel: text.encode("utf-8") for rel, text in render_csv(archive, tables).items()}
    files[DATABASE] = database(tables)
    packed = {rel.removeprefix(f"{DATA}/"): data for rel, data in files.items()}
    for rel in staged:
        if rel.startswith(f"{DATA}/") and rel.endswith(".json"):
            packed[rel.removeprefix(f"{DATA}/")] = shared[rel] if rel in shared else staging.read(rel)
    packed["LAESMIG.md"] = readme(archive).encode("utf-8")
    packed["LICENS.txt"] = licence_file(archive).encode("utf-8")
    files[BUNDLE] = bundle(packed)  # every file of it is also published on its own
    return files


def _render_and_stage(task: tuple[str, str], archive: Archive, staging: Staging) -> list[tuple[str, bool, int]]:
    """(path, written, size) of each file of one task, rendered and staged in this process."""
    staged = []
    for rel, text in render_one(task, archive).items():
        data = text.encode("utf-8")
        staged.append((rel, staging.put(rel, data), len(data)))
    return staged


class Preview:
    """Generation for `mkdocs serve`: the same pages as `generate`, made again only where a save
    changed something.

    It keeps, between the server's rebuilds, what each meeting file gave when it was read (see
    load.check_archive) and every page it rendered. After a save it reads only the changed files,
    checks the whole archive as always, and renders again only the pages the changed meetings
    appear on (`affected`): their own, their council neighbours', those that approve them or name
    them as the next meeting, their themes' and their people's, and the pages about the whole
    archive. Every other page is the one rendered before. The result is byte for byte what a cold
    generation makes (tested); a changed registry, or the pipeline's code, renders everything.
    """

    def __init__(self):
        self.reads: dict = {}
        self.archive: Archive | None = None
        self.pages: dict[tuple[str, str], dict[str, bytes]] = {}

    def generate(self, root: Path, warn=None) -> WriteReport:
        root = Path(root)
        target = root / DOCS_DIR / GENERATED
        with exclusive(target), _no_cycle_collection():
            meetings = root / MEETINGS_DIR
            inputs = fingerprint(meetings, False, bulk=False)
            current = up_to_date(target, inputs)
            if current is not None and self.archive is not None:
                return WriteReport(unchanged=len(current))
            archive = with_site(load_archive(meetings, False, warn, cache=self.reads), root, False, warn)
            tasks = page_tasks(archive)
            again = set(tasks) if self.archive is None or not _same_registries(self.archive, archive) \
                else affected(self.archive, archive)
            self.pages = {task: self.pages[task] for task in tasks if task in self.pages and task not in again}
            for task in tasks:
                if task not in self.pages:
                    self.pages[task] = {rel: text.encode("utf-8") for rel, text in render_one(task, archive).items()}
            staging = Staging(target)
            try:
                report = _commit(archive, meetings, staging, inputs, self.pages, tasks, again)
            except BaseException:
                staging.discard()
                raise
            self.archive = archive
            return report


def _same_registries(old: Archive, new: Archive) -> bool:
    return old.councils == new.councils and old.people == new.people and old.themes == new.themes


def affected(old: Archive, new: Archive) -> set[tuple[str, str]]:
    """The page tasks to render again after `old` became `new` (the same registries): those of every
    meeting that changed, came or went, and of every meeting, theme and person whose page shows it."""
    before, after = {m.id: m for m in old.meetings}, {m.id: m for m in new.meetings}
    changed = {i for i in before.keys() | after.keys() if before.get(i) is not after.get(i)}
    tasks: set[tuple[str, str]] = set()
    for archive in (old, new):
        for meeting_id in changed:
            meeting = archive.meeting(meeting_id)
            if meeting is None:
                continue
            tasks.add(("meeting", meeting_id))
            tasks |= {("meeting", m.id) for m in archive.council_neighbours(meeting) if m is not None}
            for other in archive.council_meetings(meeting.council):
                approves = other.approves_minutes and other.approves_minutes.meeting
                if approves == meeting_id or (other.next_meeting and other.next_meeting.date == meeting.date):
                    tasks.add(("meeting", other.id))
            if meeting.approves_minutes and meeting.approves_minutes.meeting:
                tasks.add(("meeting", meeting.approves_minutes.meeting))
            for section in meeting.sections:
                tasks |= {("theme", t) for t in archive.section_themes.get((meeting_id, section.anchor), ())}
                tasks |= {("person", p) for p in archive.section_people.get((meeting_id, section.anchor), ())}
            people = [a.person for a in (*meeting.participants, *meeting.absent, *meeting.presenters)]
            people += [x for s in meeting.substitutes for x in (s.person, s.instead_of)] + [meeting.chair or ""]
            tasks |= {("person", p) for p in people if p in archive.people}
    return {task for task in tasks if task[0] != "meeting" or task[1] in after}


def _commit(archive: Archive, meetings: Path, staging: Staging, inputs: str,
            pages: dict[tuple[str, str], dict[str, bytes]], tasks, again) -> WriteReport:
    """Stage what may have changed – the pages about the whole archive, the source copies and the
    pages rendered again – and link every other file from the folder as it is."""
    shared = _shared_files(archive, meetings)
    files = dict(shared)
    made_by = dict.fromkeys(shared, "arkivets oversigter")
    for task in tasks:
        for rel in pages[task]:
            _claim(made_by, rel, task)
        files.update(pages[task])
    candidates = set(shared) | {rel for task in again if task in pages for rel in pages[task]}
    written = [rel for rel in sorted(candidates) if staging.put(rel, files[rel])]
    manifest = _manifest(archive, inputs, {rel: len(data) for rel, data in files.items()})
    if staging.put(MANIFEST, manifest):
        written.append(MANIFEST)
    return staging.commit(list(files) + [MANIFEST], written)

