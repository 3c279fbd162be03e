"""Pagefind's filter indexes in one order, so that two builds of the same input are the same bytes.

Pagefind 1.5.2 writes each filter's values, and the list of filters in its metadata file, in the
order of a Rust hash map, which changes from run to run (Pagefind's issue 638: the fragments were
made stable in 1.3, "other files will still change, such as the filter/metadata indexes"). The
files' names are hashes of their contents, so the metadata file and `pagefind-entry.json` change
with them. This rewrites those files with the values and filters sorted, names them by a hash of
the new content, and updates the references, exactly as Pagefind lays them out:

- `filter/<lang>_<7 hex>.pf_filter`: gzip of b"pagefind_dcd" + CBOR [name, [[value, [page…]], …]]
- `pagefind.<lang>_<10 hex>.pf_meta`: the same envelope around [version, pages, index chunks,
  [[filter name, filter file's hash], …], sorts, meta fields]
- `pagefind-entry.json`: {"languages": {lang: {"hash": the metadata file's hash, …}}, …}

Re-encoding Pagefind's own files with cbor2 gives their bytes back exactly (tested), so only the
order changes. The search page reads the index as before (the browser tests filter by year,
council and person on the rewritten index).
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import cbor2

SIGNATURE = b"pagefind_dcd"


def _read(path: Path):
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{path} er ikke en Pagefind-fil")
    return cbor2.loads(data[len(SIGNATURE):])


def _encode(value) -> tuple[bytes, str]:
    """(the file's bytes, the hex digest its name is made from)."""
    content = SIGNATURE + cbor2.dumps(value)
    return gzip.compress(content, compresslevel=9, mtime=0), hashlib.sha256(content).hexdigest()


def canonical_order(folder: Path) -> None:
    """Rewrite the filter and metadata files of the Pagefind index in `folder` in sorted order."""
    entry_path = folder / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language, about in entry["languages"].items():
        meta_path = folder / f"pagefind.{about['hash']}.pf_meta"
        meta = _read(meta_path)
        filters = []
        for name, old_hash in meta[3]:
            old = folder / "filter" / f"{old_hash}.pf_filter"
            filter_name, values = _read(old)
            data, digest = _encode([filter_name, sorted(values, key=lambda value: value[0])])
            new_hash = f"{language}_{digest[:7]}"
            old.unlink()
            (folder / "filter" / f"{new_hash}.pf_filter").write_bytes(data)
            filters.append([name, new_hash])
        meta[3] = sorted(filters)
        data, digest = _encode(meta)
        meta_path.unlink()
        about["hash"] = f"{language}_{digest[:10]}"
        (folder / f"pagefind.{about['hash']}.pf_meta").write_bytes(data)
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
