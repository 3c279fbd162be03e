"""Every internal link and anchor of a built site, checked as a browser follows them.

Builder-neutral: it reads the HTML that MkDocs or Zensical wrote, resolves each `href` against the
page's own address (a page `a/b/index.html` is served as `/a/b/`), and checks that the target file
exists (a folder by its `index.html`) and, for `#anchor`, that the target page has that id.
Links to other hosts, `mailto:` and the search's own assets are not its business.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass(frozen=True)
class Broken:
    page: str      # the page's path in the site, e.g. 'arkiv/moeder/x/index.html'
    href: str
    why: str

    def __str__(self) -> str:
        return f"{self.page}: {self.href} – {self.why}"


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"])
        if tag in ("a", "link") and values.get("href") is not None:
            if tag == "link" and values.get("rel") not in ("stylesheet", "alternate", "icon", "canonical"):
                return
            self.links.append(values["href"])


def _url_of(relative: str) -> str:
    """The address a file is served at: 'a/b/index.html' → '/a/b/', 'a/x.html' → '/a/x.html'."""
    if relative == "index.html":
        return "/"
    if relative.endswith("/index.html"):
        return "/" + relative[: -len("index.html")]
    return "/" + relative


def _resolve(base: str, href: str) -> str | None:
    """`href` followed from the page served at `base`: the site path, or None above the site's root
    (posixpath.normpath would quietly stop at the root)."""
    folder = base if base.endswith("/") else posixpath.dirname(base) + "/"
    segments = [s for s in folder.split("/") if s] if not href.startswith("/") else []
    for segment in href.split("/"):
        if segment == "..":
            if not segments:
                return None
            segments.pop()
        elif segment not in ("", "."):
            segments.append(segment)
    return "/" + "/".join(segments) + ("/" if href.endswith("/") and segments else "")


def _file_of(site: Path, path: str) -> Path | None:
    target = site / path.lstrip("/")
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None


def check_links(site: Path, skip_prefixes: tuple[str, ...] = ("/pagefind/",)) -> list[Broken]:
    """Every broken internal link and anchor of the site in `site`."""
    site = Path(site)
    pages: dict[str, _Page] = {}
    for path in sorted(site.rglob("*.html")):
        parser = _Page()
        parser.feed(path.read_text(encoding="utf-8", errors="replace"))
        pages[path.relative_to(site).as_posix()] = parser
    broken = []
    for relative, page in pages.items():
        base = _url_of(relative)
        for href in page.links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:")):
                continue
            if not parts.path:
                target_page, fragment = relative, parts.fragment
            else:
                path = _resolve(base, unquote(parts.path))
                if path is None:
                    broken.append(Broken(relative, href, "fører uden for sitet"))
                    continue
                if path.startswith(skip_prefixes):
                    continue
                file = _file_of(site, path)
                if file is None:
                    broken.append(Broken(relative, href, "siden findes ikke"))
                    continue
                target_page, fragment = file.relative_to(site).as_posix(), parts.fragment
            if fragment and target_page in pages and unquote(fragment) not in pages[target_page].ids:
                broken.append(Broken(relative, href, f"ankeret #{fragment} findes ikke på {target_page}"))
    return broken
