"""Orchestration: meetings/ → model → pages → docs/<generated folder>/."""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
from pathlib import Path

from ..load import load_archive
from ..model import Archive
from ..parallel import map_in_order
from ..render import page_tasks, render_one, render_shared, source_copies
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


def fingerprint(meetings: Path, strict: bool) -> str:
    """A hash of every input file and of the pipeline's own code: equal hashes, equal output."""
    digest = hashlib.sha256(f"strict={strict}".encode())
    for folder in (meetings, CODE):
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


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
        archive = load_archive(root / MEETINGS_DIR, strict, warn)
        staging = Staging(target)
        try:
            return _write(archive, root / MEETINGS_DIR, staging, inputs)
        except BaseException:
            staging.discard()
            raise


def _write(archive: Archive, meetings: Path, staging: Staging, inputs: str) -> WriteReport:
    """Render every page and stage it, in the processes that render them (see writer.Staging),
    then put the new folder in place with its manifest."""
    shared = {rel: text.encode("utf-8") for rel, text in render_shared(archive, GENERATED).items()}
    shared.update({copy: (meetings / source).read_bytes() for copy, source in source_copies(archive).items()})
    staged = [(rel, staging.put(rel, data), len(data)) for rel, data in shared.items()]
    made_by = dict.fromkeys(shared, "arkivets oversigter")
    tasks = page_tasks(archive)
    for task, part in zip(tasks, map_in_order(_render_and_stage, tasks, archive, staging)):
        for rel, _, _ in part:
            # Two pages on one path would leave one of them unpublished without a word (an id
            # 'index' once replaced the meetings index): the check refuses such ids, and this
            # refuses whatever it did not foresee.
            if rel in made_by:
                raise WriterError(f"{rel} ville blive skrevet to gange, af {made_by[rel]} og af {_task_name(task)}; "
                                  "giv den ene et andet id")
            made_by[rel] = _task_name(task)
        staged.extend(part)
    sizes = {rel: size for rel, _, size in staged}
    # The contacts the meeting files allow are kept for the site audit (publish.py), which would
    # otherwise read and check the whole archive again.
    contacts = sorted(frozenset().union(*(m.published_contacts for m in archive.meetings)))
    manifest = json.dumps({"inputs": inputs, "files": dict(sorted(sizes.items())), "published_contacts": contacts},
                          sort_keys=True).encode()
    staged.append((MANIFEST, staging.put(MANIFEST, manifest), len(manifest)))
    return staging.commit([rel for rel, _, _ in staged], [rel for rel, changed, _ in staged if changed])


def _task_name(task: tuple[str, str]) -> str:
    kind, key = task
    return {"meeting": "mødet", "theme": "temaet", "person": "personen"}[kind] + f" '{key}'"


def _render_and_stage(task: tuple[str, str], archive: Archive, staging: Staging) -> list[tuple[str, bool, int]]:
    """(path, written, size) of each file of one task, rendered and staged in this process."""
    staged = []
    for rel, text in render_one(task, archive).items():
        data = text.encode("utf-8")
        staged.append((rel, staging.put(rel, data), len(data)))
    return staged
