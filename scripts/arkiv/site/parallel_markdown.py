"""MkDocs' Markdown step on every core: each page converted in a forked worker (issue 6).

MkDocs 1.x converts one page after another in one process; at 1,000 meetings that is some
25 seconds of the build, on one of the machine's cores. This converts the pages beforehand in
forked workers (`parallel.map_in_order`) and hands each page its result when MkDocs asks for it,
so MkDocs' own build runs unchanged around it: it still reads every page, runs the plugin events
and validates the links and anchors, and what the workers logged (a broken link, say) is logged
again in the build at the moment MkDocs renders that page, so `--strict` counts it as before.

It relies on what `Page.render` sets in MkDocs 1.6 (content, toc, title, anchors, links to
anchors); MkDocs is pinned below 2, and 1.6.1 is the last 1.x. A page whose conversion failed in
a worker is converted again by MkDocs itself, which reports the error as it always does. Nothing
is done where it could change a page: when a plugin changes the Markdown before conversion
(`on_pre_page`, `on_page_read_source`, `on_page_markdown`), when other threads run (as under
`mkdocs serve`), or when the work is too small to pay for the workers (see parallel.py).
"""

from __future__ import annotations

import logging
import os

from mkdocs.structure.files import InclusionLevel
from mkdocs.structure.pages import Page

from ..parallel import map_in_order

# Events through which a plugin could change a page's Markdown before MkDocs converts it.
_EVENTS_BEFORE_CONVERSION = ("pre_page", "page_read_source", "page_markdown")


class _Collect(logging.Handler):
    """In a worker: keeps what the conversion logs, to be logged again in the build itself."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record):
        self.records.append((record.name, record.levelno, record.getMessage()))


_parent = os.getpid()  # the build's own process; set again by each `convert_pages`
_worker: tuple[int, _Collect] | None = None  # (process id, its handler)


def _collector() -> _Collect | None:
    """The log collector of this worker process, installed on first use; None in the build itself."""
    global _worker
    if os.getpid() == _parent:
        return None
    if _worker is None or _worker[0] != os.getpid():
        handler = _Collect()
        logging.getLogger("mkdocs").handlers = [handler]  # a forked copy: the build's own is untouched
        _worker = (os.getpid(), handler)
    return _worker[1]


def _convert(index: int, pages: list[Page], config, files) -> tuple | None:
    """What `Page.render` sets on page `index`, as plain data, and what it logged; None if it failed."""
    collect = _collector()
    if collect is None:  # one process after all (see parallel.py): MkDocs converts as usual
        return None
    collect.records = []
    page = pages[index]
    try:
        page.read_source(config)
        page.render(config, files)
    except Exception:  # noqa: BLE001 – MkDocs converts the page again and reports the error
        return None
    links = page.links_to_anchors
    return (page.content, page.toc, page._title_from_render, page.present_anchor_ids,
            None if links is None else {target.src_uri: anchors for target, anchors in links.items()},
            collect.records)


def convert_pages(config, files) -> int:
    """Convert the Markdown of every page to be built, on all cores; how many pages were done."""
    global _parent
    if any(config.plugins.events[event] for event in _EVENTS_BEFORE_CONVERSION):
        return 0
    pages = []
    for file in files.documentation_pages(inclusion=InclusionLevel.is_included):
        if not file.is_modified():
            continue  # a dirty build leaves this page as it is (a full build has cleaned the site first)
        pages.append(file.page or Page(None, file, config))  # as MkDocs makes those not in the nav
    _parent = os.getpid()
    results = map_in_order(_convert, range(len(pages)), pages, config, files)
    done = 0
    for page, result in zip(pages, results, strict=True):
        if result is not None:
            page.render = _Converted(page, result)
            done += 1
    return done


class _Converted:
    """Stands in for a page's `render` method: sets what it would set, logs what it logged."""

    def __init__(self, page: Page, result: tuple):
        self.page, self.result = page, result

    def __call__(self, config, files) -> None:
        page = self.page
        content, toc, title, anchors, links, records = self.result
        for name, level, message in records:
            logging.getLogger(name).log(level, message)
        page.content, page.toc, page._title_from_render, page.present_anchor_ids = content, toc, title, anchors
        if links is not None:
            page.links_to_anchors = {files.get_file_from_path(uri): anchors for uri, anchors in links.items()}
        del page.render  # the page's own method again, should MkDocs render it once more
