"""Running a pure function over many items on every core, with results in the items' order.

Generation is CPU-bound Python, and one process uses one core. Workers are forked, so they start
with the parent's state already built (the registries, the finders, the archive) instead of having
it copied through a pipe; only each item and its result travel. Results are gathered in item order,
so the output is the same bytes as one process would make.

One process does the work where forking is unavailable or unsafe: on systems without fork, when
other threads are running (`mkdocs serve` has its server's threads, and a fork copies their locks
in whatever state they are), when there is too little work to pay for the workers, or when
ARKIV_JOBS=1.
"""

from __future__ import annotations

import multiprocessing
import os
import threading

MIN_ITEMS = 64  # below this, starting the workers costs more than they save
CHUNKS_PER_JOB = 16  # small chunks even out items of uneven cost (a theme page, a meeting page)

_task: tuple | None = None  # (function, shared arguments), set in the parent before the fork


def jobs() -> int:
    """How many processes to use: ARKIV_JOBS, or the cores this process may run on."""
    setting = os.environ.get("ARKIV_JOBS", "").strip()
    if setting.isdigit() and int(setting) > 0:
        return int(setting)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def _run_chunk(chunk: list) -> list:
    function, shared = _task
    return [function(item, *shared) for item in chunk]


def map_in_order(function, items, *shared) -> list:
    """[function(item, *shared) for item in items], on all cores when it pays.

    `function` must be a module-level function; `shared` is passed to every call without being
    copied to the workers (they inherit it).
    """
    global _task
    items = list(items)
    workers = min(jobs(), len(items))
    if workers < 2 or len(items) < MIN_ITEMS or not _can_fork():
        return [function(item, *shared) for item in items]
    size = -(-len(items) // (workers * CHUNKS_PER_JOB))
    chunks = [items[start: start + size] for start in range(0, len(items), size)]
    _task = (function, shared)
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            results = pool.map(_run_chunk, chunks, chunksize=1)
    finally:
        _task = None
    return [result for chunk in results for result in chunk]
