"""Orchestration: meetings/ → model → pages → docs/<generated folder>/."""

from __future__ import annotations

from pathlib import Path

from .load import load_archive
from .render import render_site, source_copies
from .writer import WriteReport, write_tree

MEETINGS_DIR = "meetings"
DOCS_DIR = "docs"
GENERATED = "arkiv"  # docs/arkiv/ is generated, ignored by git, and owned by the writer


def site_files(meetings: Path, folder: str = GENERATED, strict: bool = False, warn=None) -> dict[str, bytes]:
    """Every generated file's bytes, keyed by path inside the generated folder."""
    archive = load_archive(meetings, strict, warn)
    files = {path: text.encode("utf-8") for path, text in render_site(archive, folder).items()}
    for copy, source in source_copies(archive).items():
        files[copy] = (meetings / source).read_bytes()
    return files


def generate(root: Path, strict: bool = False, warn=None) -> WriteReport:
    """Read and check every meeting, then write the generated pages. Nothing is written on error.

    Warnings are passed to `warn`; with `strict` they are errors.
    """
    root = Path(root)
    files = site_files(root / MEETINGS_DIR, strict=strict, warn=warn)
    return write_tree(root / DOCS_DIR / GENERATED, files)
