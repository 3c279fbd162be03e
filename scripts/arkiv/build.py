"""Orchestration: meetings/ → model → pages → docs/<generated folder>/."""

from __future__ import annotations

import gc
import hashlib
import json
from pathlib import Path

from .load import load_archive
from .render import render_site, source_copies
from .writer import WriteReport, write_tree

MEETINGS_DIR = "meetings"
DOCS_DIR = "docs"
GENERATED = "arkiv"  # docs/arkiv/ is generated, ignored by git, and owned by the writer
MANIFEST = ".inputs.json"  # what the generated folder was made from; see `up_to_date`
CODE = Path(__file__).resolve().parent


def site_files(meetings: Path, folder: str = GENERATED, strict: bool = False, warn=None) -> dict[str, bytes]:
    """Every generated file's bytes, keyed by path inside the generated folder."""
    # The model is a few million small objects that live to the end and form no reference
    # cycles; Python's cycle collector would only scan them again and again as more are made
    # (a tenth of the time at 1,000 meetings, more at 5,000). Workers inherit the setting.
    collecting = gc.isenabled()
    gc.disable()
    try:
        archive = load_archive(meetings, strict, warn)
        files = {path: text.encode("utf-8") for path, text in render_site(archive, folder).items()}
        for copy, source in source_copies(archive).items():
            files[copy] = (meetings / source).read_bytes()
        return files
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
    generated folder was made from, nothing is read or written.
    """
    root = Path(root)
    target = root / DOCS_DIR / GENERATED
    inputs = fingerprint(root / MEETINGS_DIR, strict)
    current = up_to_date(target, inputs)
    if current is not None:
        return WriteReport(unchanged=len(current))
    files = site_files(root / MEETINGS_DIR, strict=strict, warn=warn)
    manifest = {"inputs": inputs, "files": {rel: len(data) for rel, data in sorted(files.items())}}
    files[MANIFEST] = json.dumps(manifest, sort_keys=True).encode()
    return write_tree(target, files)
