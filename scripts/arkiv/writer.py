"""The one writer: it owns the generated folder and nothing else.

It writes a file only when its bytes change (so `mkdocs serve` does not rebuild for nothing),
replaces each file atomically, removes files that are no longer generated, and refuses any path
that would land outside the folder or a folder it did not create.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

MARKER = ".generated-by-arkiv"  # proves the folder is ours before we delete anything in it


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


def safe_target(root: Path, relative: str) -> Path:
    """The file `relative` inside `root`; refuses absolute paths, '..' and symlinked escapes."""
    parts = PurePosixPath(relative).parts
    if not parts or PurePosixPath(relative).is_absolute() or any(p in ("..", ".", "") for p in parts):
        raise WriterError(f"ugyldig sti for en genereret fil: {relative!r}")
    target = root.joinpath(*parts)
    resolved_root = root.resolve()
    if resolved_root not in target.resolve().parents:
        raise WriterError(f"{relative!r} ville blive skrevet uden for {root}")
    return target


def write_tree(root: Path, files: dict[str, bytes]) -> WriteReport:
    root = Path(root)
    if root.exists() and any(root.iterdir()) and not (root / MARKER).exists():
        raise WriterError(f"{root} findes og er ikke lavet af arkivet ({MARKER} mangler); "
                          "flyt eller slet mappen, så den ikke overskrives")
    targets = {rel: safe_target(root, rel) for rel in files}  # check every path before writing any
    root.mkdir(parents=True, exist_ok=True)
    if not (root / MARKER).exists():  # written once: a rewrite would wake `mkdocs serve` again
        (root / MARKER).write_text("Denne mappe laves af scripts/arkiv. Ret i meetings/, ikke her.\n")
    report = WriteReport()
    for rel in sorted(files):
        target, data = targets[rel], files[rel]
        if target.is_file() and target.read_bytes() == data:
            report.unchanged += 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        _atomic_write(target, data)
        report.written.append(rel)
    keep = {targets[rel].resolve() for rel in files} | {(root / MARKER).resolve()}
    for path in sorted(root.rglob("*"), reverse=True):
        if path.is_file() or path.is_symlink():
            if path.resolve() not in keep or path.is_symlink():
                path.unlink()
                report.removed.append(path.relative_to(root).as_posix())
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return report


def _atomic_write(target: Path, data: bytes) -> None:
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
