"""`make serve` at archive scale: one rebuild per save, only what changed, problems in the browser.

Used by the MkDocs hook when MkDocs serves (`mkdocs serve --dirty`):

- Generation is the `Preview` (build.py), which keeps the model and the pages between rebuilds and
  renders again only what a save touched; MkDocs' `--dirty` then renders only the pages whose
  files generation rewrote.
- The generated folder lies inside docs/, which MkDocs watches: each generation would set off a
  second rebuild. `rewatch` watches docs/ without it (and meetings/ is watched through `watch:`).
- A save that breaks the archive writes nothing (the last good pages stay), and every page served
  shows the problems at its top, file and line, until the file is fixed: they are added as the
  server sends a page (`show_problems`), never written into the built pages.
- The search index of a dirty rebuild is made after the rebuild, in the background, and put in
  place whole; until then search answers from the previous one.
"""

from __future__ import annotations

import logging
import shutil
import threading
from pathlib import Path

from ..render.common import attr
from .search_index import SearchIndexError, index_site
from .writer import exchange

log = logging.getLogger("mkdocs.hooks.arkiv")


def rewatch(server, docs_dir: str, generated: str) -> None:
    """Watch each entry of docs/ but the generated folder and the writer's staging beside it."""
    docs = Path(docs_dir)
    server.unwatch(str(docs))
    for entry in sorted(docs.iterdir()):
        if entry.name != generated and not entry.name.startswith("."):
            server.watch(str(entry))


BANNER_START = '<div class="arkiv-problemer" role="alert" data-pagefind-ignore>'


def with_problems(html: str, problems) -> str:
    """The page with the archive's problems at the top of its body (a preview only: never built)."""
    if not problems:
        return html
    items = "".join(f"<li><code>{attr(str(problem))}</code></li>" for problem in problems[:50])
    more = f"<p>… og {len(problems) - 50} til.</p>" if len(problems) > 50 else ""
    banner = (f'{BANNER_START}<p><strong>Mødefilerne har {len(problems)} fejl; siderne er som før den sidste '
              f"gemning.</strong> Ret filen, og gem igen:</p><ul>{items}</ul>{more}</div>")
    head, tag, rest = html.partition("<body")
    if not tag:
        return banner + html
    close = rest.index(">") + 1
    return head + tag + rest[:close] + banner + rest[close:]


def show_problems(server, problems: list) -> None:
    """Add `problems` (as they are when a page is sent) to every page the server sends. MkDocs'
    live-reload server adds its script to each HTML page it sends; this goes in beside it."""
    inject = server._inject_js_into_html  # MkDocs 1.6's LiveReloadServer (pinned below 2)

    def with_banner(content: bytes, epoch):
        if problems:
            content = with_problems(content.decode("utf-8", "replace"), problems).encode("utf-8")
        return inject(content, epoch)
    server._inject_js_into_html = with_banner


_indexing = threading.Lock()


def index_in_background(site: Path) -> threading.Thread:
    """Index the served site for search in a thread, into a folder of its own, then swap it in."""
    def work():
        with _indexing:
            fresh = site / ".pagefind-ny"
            shutil.rmtree(fresh, ignore_errors=True)
            try:
                index_site(site, output=fresh)
            except (SearchIndexError, OSError) as exc:
                log.warning("søgeindekset blev ikke opdateret: %s", exc)
                shutil.rmtree(fresh, ignore_errors=True)
                return
            target = site / "pagefind"
            if target.exists():
                exchange(fresh, target)
                shutil.rmtree(fresh, ignore_errors=True)
            else:
                fresh.rename(target)
    thread = threading.Thread(target=work, daemon=True, name="arkiv-soegeindeks")
    thread.start()
    return thread
