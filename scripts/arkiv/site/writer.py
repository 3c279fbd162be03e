"""The one writer: it owns the generated folder and nothing else.

A run that changes nothing writes nothing (so `mkdocs serve` does not rebuild for nothing). A run
that changes something builds the complete new folder beside the old one — unchanged files are
hard links, not copies — and exchanges the two in one atomic step. Whatever happens during the
run (bad input, a full disk, a kill), the generated folder is the old one or the new one, whole.
It refuses paths that would land outside the folder, and a folder it did not create.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import fcntl
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

MARKER = ".generated-by-arkiv"  # proves the folder is ours before we replace it
MARKER_TEXT = b"Denne mappe laves af scripts/arkiv. Ret i meetings/, ikke her.\n"


class WriterError(Exception):
    pass


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0

    def __str__(self) -> str:
        return (f"{len(self.written)} filer skrevet, {len(self.removed)} fjernet, "
                f"{self.unchanged} uændrede")


class Targets:
    """Refuses absolute paths, '..' and paths that a symlink in `root` would lead outside it,
    remembering what it resolved.

    Each folder is resolved once, not once per file (3,000 files took half a second); a file is
    resolved only when it is itself a symlink."""

    def __init__(self, root: Path):
        self.root = root
        self.resolved_root = root.resolve()
        self.folders: dict[tuple[str, ...], Path] = {}

    def check(self, relative: str) -> None:
        path = PurePosixPath(relative)
        parts = path.parts
        if not parts or path.is_absolute() or any(p in ("..", ".", "") for p in parts):
            raise WriterError(f"ugyldig sti for en genereret fil: {relative!r}")
        if parts[:-1] not in self.folders:
            self.folders[parts[:-1]] = self.root.joinpath(*parts[:-1]).resolve()
        target = self.folders[parts[:-1]] / parts[-1]
        if target.is_symlink():
            target = target.resolve()
        if self.resolved_root not in target.parents:
            raise WriterError(f"{relative!r} ville blive skrevet uden for {self.root}")


class Staging:
    """The next state of the generated folder, made beside it and put in its place by `commit`.

    `put` may be called from forked worker processes, each writing the files it rendered, so the
    pages do not travel back to one process to be written (79 MB at 1,000 meetings: pickling them
    back and writing them in one process was a second of every generation, issue 6). A file equal
    to the current one is not written: `commit` links it in. Nothing touches the folder itself
    until `commit`; `discard` removes a staging left by a failed run.
    """

    def __init__(self, root: Path):
        self.root = Path(root)
        recover(self.root)
        _check_ownership(self.root)
        self.current = _current_files(self.root)
        self.path = _sibling(self.root, "new")
        shutil.rmtree(self.path, ignore_errors=True)  # a run killed before its exchange left it
        self.targets = Targets(self.root)
        self.made: set[Path] = set()  # folders this process has made in the staging

    def put(self, rel: str, data: bytes) -> bool:
        """Stage one file; True when it is new or changed (and so was written)."""
        self.targets.check(rel)
        old = self.current.get(rel)
        if old is not None and old.stat().st_size == len(data) and old.read_bytes() == data:
            return False
        self._staged(rel).write_bytes(data)
        return True

    def read(self, rel: str) -> bytes:
        """A file as this run leaves it: staged, or (unchanged) the current one."""
        staged = self.path.joinpath(*PurePosixPath(rel).parts)
        return staged.read_bytes() if staged.is_file() else self.current[rel].read_bytes()

    def _staged(self, rel: str) -> Path:
        """Where `rel` goes in the staging, its folder made (once per folder and process)."""
        target = self.path.joinpath(*PurePosixPath(rel).parts)
        if target.parent not in self.made:
            target.parent.mkdir(parents=True, exist_ok=True)
            self.made.add(target.parent)
        return target

    def commit(self, files, written) -> WriteReport:
        """Make the folder hold exactly `files` (their paths), of which `written` were staged by
        `put` and the rest are unchanged; nothing is done when nothing changed."""
        files = set(files) | {MARKER}
        report = WriteReport(written=sorted(set(written) - {MARKER}))
        report.unchanged = len(files) - 1 - len(report.written)
        report.removed = sorted(set(self.current) - files)
        if not report.written and not report.removed and MARKER in self.current:
            self.discard()
            return report
        unchanged = files - set(written) - {MARKER}
        for rel in sorted(unchanged):
            target = self._staged(rel)
            try:
                os.link(self.current[rel], target)  # same inode, same mtime, no copy
            except OSError:
                shutil.copyfile(self.current[rel], target)  # a file system without hard links
        self.path.mkdir(parents=True, exist_ok=True)
        (self.path / MARKER).write_bytes(MARKER_TEXT)
        exchange(self.path, self.root)
        self.discard()  # now holds the previous folder
        return report

    def discard(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


@contextlib.contextmanager
def exclusive(root: Path):
    """Hold the generated folder `root` for one run at a time: a second run (`make site` while
    `mkdocs serve` regenerates) waits here until the first is done, instead of removing the
    first's half-made staging folder, which both share. The lock is on the folder around `root`,
    which is neither renamed nor written, so nothing a file watcher sees changes."""
    root.parent.mkdir(parents=True, exist_ok=True)
    handle = os.open(root.parent, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)  # releases the lock


def _check_ownership(root: Path) -> None:
    if root.is_symlink():
        raise WriterError(f"{root} er et symbolsk link; arkivet skriver kun i en almindelig mappe")
    if root.exists() and any(root.iterdir()) and not (root / MARKER).is_file():
        raise WriterError(f"{root} findes og er ikke lavet af arkivet ({MARKER} mangler); "
                          "flyt eller slet mappen, så den ikke overskrives")


def _current_files(root: Path) -> dict[str, Path]:
    if not root.is_dir():
        return {}
    return {p.relative_to(root).as_posix(): p for p in root.rglob("*")
            if p.is_file() and not p.is_symlink()}


def _sibling(root: Path, suffix: str) -> Path:
    # A dot-folder beside the target: MkDocs ignores dot-folders, so a half-built one is never
    # taken for pages.
    return root.with_name(f".{root.name}.{suffix}")


_libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def exchange(new: Path, target: Path) -> None:
    """Put `new` in place of `target` in one atomic step; afterwards `new` holds the old folder.

    Linux's renameat2(RENAME_EXCHANGE) swaps two paths atomically. Where it is missing, two
    renames are used, and a folder left half-swapped by a kill between them is put back by
    `recover` on the next run.
    """
    if not target.exists():
        os.rename(new, target)
        new.mkdir()
        return
    renameat2 = getattr(_libc, "renameat2", None)
    if renameat2 is not None:
        result = renameat2(_AT_FDCWD, os.fsencode(new), _AT_FDCWD, os.fsencode(target), _RENAME_EXCHANGE)
        if result == 0:
            return
    old = _sibling(target, "old")
    shutil.rmtree(old, ignore_errors=True)
    os.rename(target, old)
    os.rename(new, target)
    os.rename(old, new)


def recover(target: Path) -> None:
    """Undo a two-rename exchange that was interrupted between its renames."""
    old = _sibling(target, "old")
    if old.exists() and not target.exists():
        os.rename(old, target)
