"""Helpers for tests that read the built HTML the way a browser would see it."""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class Page(HTMLParser):
    """Ids, links, resource URLs and the article's visible text of one HTML page."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.resources: list[tuple[str, str]] = []  # (tag, url) of things the browser loads
        self._article_depth = 0
        self._skip_depth = 0
        self._depth = 0
        self._text: list[str] = []
        self.feed(html)
        self.text = " ".join("".join(self._text).split())

    BLOCKS = {"p", "li", "div", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr", "br", "blockquote",
              "ul", "ol", "table", "section", "article", "dd", "dt"}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in self.BLOCKS:
            self._text.append(" ")  # block boundaries separate words; inline tags do not
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href") is not None:
            self.links.append(attrs["href"])
        for key in ("src", "srcset", "data"):
            if attrs.get(key):
                self.resources.append((tag, attrs[key]))
        if tag == "link" and attrs.get("href"):
            self.resources.append((tag, attrs["href"]))
        if tag in ("br", "img", "input", "meta", "link", "hr"):
            return
        self._depth += 1
        if tag == "article" and not self._article_depth:
            self._article_depth = self._depth
        if self._skip_depth == 0 and (tag in ("script", "style") or "headerlink" in (attrs.get("class") or "")):
            self._skip_depth = self._depth

    def handle_endtag(self, tag):
        if tag in self.BLOCKS:
            self._text.append(" ")
        if tag in ("br", "img", "input", "meta", "link", "hr"):
            return
        if self._skip_depth == self._depth:
            self._skip_depth = 0
        if self._article_depth == self._depth:
            self._article_depth = -1  # only the first article
        self._depth -= 1

    def handle_data(self, data):
        if self._article_depth > 0 and not self._skip_depth:
            self._text.append(data)


def page_file(site: Path, url_path: str) -> Path:
    path = site / url_path.lstrip("/")
    return path / "index.html" if url_path.endswith("/") or path.is_dir() else path


def resolve(site: Path, page: Path, href: str) -> tuple[Path | None, str]:
    """The file a relative link from `page` points to, and its fragment; None for external links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None, ""
    if not parts.path:
        return page, unquote(parts.fragment)
    # MkDocs writes root-absolute links only on the 404 page, which can be served at any depth.
    base = "" if parts.path.startswith("/") else posixpath.dirname(page.relative_to(site).as_posix())
    target = posixpath.normpath(posixpath.join(base, unquote(parts.path).lstrip("/")))
    file = site / target
    if parts.path.endswith("/") or file.is_dir():
        file = file / "index.html"
    return file, unquote(parts.fragment)


def source_sentences(text: str) -> list[str]:
    """The source's sentences, PDF line wraps and page breaks folded, list and bullet marks dropped.

    Splitting naively at every full stop gives more, shorter fragments than real sentences, which
    makes the check stricter, never looser.
    """
    lines = [re.sub(r"^\s*(?:•|\d+\.(?=\s+[A-ZÆØÅ]))\s*", "", line) for line in text.splitlines()]
    # An item heading ('Ad 3.a) Titel') has no full stop: it is a sentence of its own.
    lines = [line + "\0" if re.match(r"^Ad \d", line) else line for line in lines]
    pieces = "\n".join(lines).split("\0")
    joined = [" ".join(piece.split()) for piece in pieces]
    return [s for piece in joined for s in re.split(r"(?<=[.!?:])\s+", piece) if s.strip()]


def agenda_lines(text: str) -> list[str]:
    """The agenda's lines as printed ('1. Godkendelse af dagsorden (bilag)'), with a wrapped
    '(bilag)' joined to its line and bullets dropped."""
    lines: list[str] = []
    for raw in text.splitlines():
        line = " ".join(raw.replace("•", "").split())
        if not line:
            continue
        if line.startswith("(") and lines:
            lines[-1] += " " + line
        else:
            lines.append(line)
    return lines


def broken_links(site: Path, pages: dict[Path, Page]) -> list[str]:
    """Every internal link of the built site `site` whose file or anchor does not exist."""
    broken = []
    for path, page in pages.items():
        for href in page.links:
            target, fragment = resolve(site, path, href)
            if target is None:
                continue
            if not target.exists():
                broken.append(f"{path.relative_to(site)}: {href}")
            elif fragment and target.suffix == ".html" and fragment not in pages[target].ids:
                broken.append(f"{path.relative_to(site)}: {href} (no id '{fragment}')")
    return broken
