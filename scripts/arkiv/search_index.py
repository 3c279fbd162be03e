"""The search index: Pagefind, run over the built site.

Pagefind (a static search engine, the `pagefind_bin` wheel carries its binary) reads the built
HTML and writes `pagefind/` beside it: an index split into small chunks that the search page
fetches as needed, so a query loads a few hundred KB whatever the size of the archive, with Danish
stemming from the pages' `lang="da"`. What it indexes and how it filters is marked in the pages
(overrides/main.html, render/meeting.py).

Run after `mkdocs build` by the MkDocs hook, or alone: `python -m arkiv index site`.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

# Material's »¶« links beside headings would otherwise end every item's title in the results.
EXCLUDE = ".headerlink"


class SearchIndexError(Exception):
    pass


def index_site(site: Path) -> str:
    """Index the built site in `site`; returns Pagefind's summary line. Raises SearchIndexError."""
    import pagefind_bin  # imported here: only the build needs it, not `arkiv check`

    if not (site / "index.html").is_file():
        raise SearchIndexError(f"{site} er ikke et bygget site (index.html mangler)")
    command = [str(pagefind_bin.get_executable()), "--site", str(site), "--exclude-selectors", EXCLUDE]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0 or not (site / "pagefind" / "pagefind.js").is_file():
        raise SearchIndexError(f"søgeindekset kunne ikke bygges (pagefind, kode {result.returncode}):\n"
                               f"{result.stderr or result.stdout}")
    summary = [line.strip() for line in result.stdout.splitlines() if "Indexed" in line]
    return "; ".join(summary) or "indekseret"
