"""The last look before publishing: the built site itself, read as a browser would read it.

The check refuses unsafe input and the renderer escapes what it places; this reads the finished
HTML, whatever made it, and refuses to publish a site with anything that runs code, loads from
another host or shows personal data: event-handler attributes, `style` attributes, `javascript:`,
`vbscript:` or `data:` addresses, scripts, styles, images, frames and the like from other hosts,
`<base>` and refreshes, and CPR numbers, e-mail addresses and phone numbers in any text (the
allowed contacts of the meeting files aside). It also refuses a search index with empty files,
which is what a full disk left behind while Pagefind reported success.
"""

from __future__ import annotations

import html.parser
import re
from dataclasses import dataclass
from pathlib import Path

from ..check.personal import find_personal
from ..parallel import map_in_order

# Attributes whose value is an address the browser may follow or fetch.
_URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "poster", "data", "background",
                   "cite", "longdesc", "lowsrc", "ping", "manifest", "icon", "xlink:href", "codebase",
                   "archive", "imagesrcset"}
# Attributes that fetch on their own (a link is only followed when clicked).
_LOADS = {"src", "srcset", "poster", "data", "background", "lowsrc", "manifest", "icon", "codebase",
          "archive", "imagesrcset"}
_LOADING_LINKS = {"stylesheet", "icon", "preload", "prefetch", "preconnect", "dns-prefetch",
                  "modulepreload", "manifest", "apple-touch-icon", "mask-icon", "prerender"}
# Attributes whose value a reader sees or the search shows (not an SVG path's numbers).
_TEXT_ATTRIBUTES = {"title", "alt", "content", "aria-label", "aria-description", "placeholder", "value",
                    "label", "summary", "abbr"}
_BAD_SCHEME = re.compile(r"^(?:javascript|vbscript|data|file|blob):", re.IGNORECASE)
_OTHER_HOST = re.compile(r"^(?:[a-z][a-z0-9+.\-]*:|//)", re.IGNORECASE)
_CSS_LOAD = re.compile(r"url\s*\(\s*['\"]?\s*(?:[a-z][a-z0-9+.\-]*:|//)|@import", re.IGNORECASE)
# Text files of the site whose words come from the archive; the theme's and Pagefind's own
# scripts and styles are not (their digits are not phone numbers).
_TEXT_SUFFIXES = {".txt", ".json", ".xml", ".csv", ".ics", ".md", ".atom", ".rss"}
_MARKUP_SUFFIXES = {".html", ".htm", ".xhtml", ".svg"}
_OWN_CODE = ("assets/", "pagefind/")
# Elements that end a run of text for a reader (the rest, <em>, <a>, <span> …, join their text).
BLOCKS = {"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6",
          "table", "thead", "tbody", "tr", "td", "th", "caption", "blockquote", "pre", "section", "article",
          "header", "footer", "nav", "main", "aside", "form", "label", "button", "input", "select", "option",
          "textarea", "title", "head", "body", "html", "script", "style", "svg", "img", "figure", "figcaption",
          "details", "summary", "meta", "link", "noscript", "iframe", "object", "embed"}


@dataclass(frozen=True, order=True)
class Finding:
    path: str
    line: int
    what: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.what}"


def _url(value: str) -> str:
    # As a browser reads an address: leading and trailing white space and control characters
    # dropped, tabs and line breaks removed anywhere.
    return re.sub(r"[\t\n\r]", "", value).strip(" \x00-\x1f")


class _Reader(html.parser.HTMLParser):
    def __init__(self, path: str, allowed: frozenset[str], findings: list[Finding]):
        super().__init__(convert_charrefs=True)
        self.path, self.allowed, self.findings = path, allowed, findings
        self.raw_text: str | None = None  # inside <script> or <style>
        # The text of the current block, as a reader sees it: inline elements (<em>, <a>) join
        # their neighbours' text, a block element (<p>, <li>, <br>) ends it.
        self.block: list[str] = []
        self.block_line = 1

    def _find(self, what: str, line: int | None = None) -> None:
        self.findings.append(Finding(self.path, line or self.getpos()[0], what))

    def handle_starttag(self, tag, attrs):
        if tag in BLOCKS:
            self._end_block()
        self._element(tag, attrs)
        if tag in ("script", "style"):
            self.raw_text = tag

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCKS:
            self._end_block()
        self._element(tag, attrs)

    def handle_endtag(self, tag):
        if tag in BLOCKS:
            self._end_block()
        if tag == self.raw_text:
            self.raw_text = None

    def close(self):
        super().close()
        self._end_block()

    def _end_block(self) -> None:
        if self.block:
            self._personal("".join(self.block), self.block_line)
        self.block = []

    def _element(self, tag, attrs):
        values = dict(attrs)
        if tag == "base":
            self._find("<base> er ikke tilladt")
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            self._find("<meta http-equiv=refresh> er ikke tilladt")
        if tag in ("iframe", "frame", "object", "embed", "applet"):
            self._find(f"<{tag}> er ikke tilladt")
        rel = set((values.get("rel") or "").lower().split())
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self._find(f"<{tag} {name}=…>: hændelsesattributter er ikke tilladt")
            elif name == "style":
                self._find(f"<{tag} style=…>: style-attributter er ikke tilladt")
            elif name == "srcdoc":
                self._find(f"<{tag} srcdoc=…> er ikke tilladt")
            elif name in _URL_ATTRIBUTES:
                address = _url(value)
                if _BAD_SCHEME.match(address):
                    self._find(f"<{tag} {name}=\"{address[:40]}\">: adressens skema er ikke tilladt")
                elif _OTHER_HOST.match(address) and (name in _LOADS or (tag == "link" and rel & _LOADING_LINKS)
                                                     or name in ("action", "formaction")):
                    self._find(f"<{tag} {name}=\"{address[:60]}\"> henter fra eller sender til en anden vært")
            if value and (name in _TEXT_ATTRIBUTES or name.startswith("data-")):
                self._personal(value)

    def handle_data(self, data):
        if self.raw_text == "style" and _CSS_LOAD.search(data):
            self._find("et stylesheet henter fra en anden vært")
        elif self.raw_text is None:
            if not self.block:
                self.block_line = self.getpos()[0]
            self.block.append(data)

    def _personal(self, text: str, line: int | None = None) -> None:
        for finding in find_personal(text, self.allowed):
            shown = "et CPR-nummer" if finding.kind == "cpr" else f"'{' '.join(finding.shown.split())}'"
            self._find(f"siden viser {shown}", line)


def audit_file(path: str, data: bytes, allowed: frozenset[str] = frozenset()) -> list[Finding]:
    """What is unsafe in one file of a built site (`path` relative to the site)."""
    suffix = Path(path).suffix.lower()
    findings: list[Finding] = []
    if suffix in _MARKUP_SUFFIXES:
        reader = _Reader(path, allowed, findings)
        reader.feed(data.decode("utf-8", errors="replace"))
        reader.close()
        if suffix == ".svg" and not path.startswith(_OWN_CODE) and b"<script" in data.lower():
            findings.append(Finding(path, 1, "SVG med <script> er ikke tilladt"))
    elif suffix == ".zip" and not path.startswith(_OWN_CODE):
        findings += _audit_zip(path, data, allowed)
    elif suffix == ".sqlite" and not path.startswith(_OWN_CODE):
        findings += _audit_database(path, data, allowed)
    elif suffix in _TEXT_SUFFIXES and not path.startswith(_OWN_CODE):
        text = _readable(suffix, data.decode("utf-8", errors="replace"))
        for finding in find_personal(text, allowed):
            shown = "et CPR-nummer" if finding.kind == "cpr" else f"'{' '.join(finding.shown.split())}'"
            findings.append(Finding(path, text.count("\n", 0, finding.start) + 1, f"filen viser {shown}"))
    elif suffix in (".css",) and not path.startswith(_OWN_CODE) and _CSS_LOAD.search(data.decode("utf-8", "replace")):
        findings.append(Finding(path, 1, "et stylesheet henter fra en anden vært"))
    return findings


# What a reader sees of a calendar or a feed: not the dates and ids of its machinery, whose digits
# (DTSTAMP:20261130T000000Z, a UUID's 87198119) read as phone numbers. Blanked, lines kept.
_MACHINE_LINES = re.compile(r"^(?:DTSTAMP|DTSTART|DTEND|UID|CREATED|LAST-MODIFIED|PRODID)[;:].*$", re.MULTILINE)
_MACHINE_ELEMENTS = re.compile(r"<(id|updated|published)>[^<]*</\1>")


def _readable(suffix: str, text: str) -> str:
    if suffix == ".ics":
        return _MACHINE_LINES.sub("", text)
    if suffix in (".xml", ".atom") and "http://www.w3.org/2005/Atom" in text[:500]:
        return _MACHINE_ELEMENTS.sub(lambda m: f"<{m.group(1)}></{m.group(1)}>", text)
    return text


def _audit_zip(path: str, data: bytes, allowed: frozenset[str], beside: Path | None = None) -> list[Finding]:
    """A download's members, each as the file it is (the zip of all the data, site/bulk.py). A
    member that is byte for byte the file of the same name beside the zip in the site (`beside`)
    is audited as that file, and not read twice."""
    import io
    import zipfile

    findings = []
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as bundle:
            for name in bundle.namelist():
                member = bundle.read(name)
                twin = beside / name if beside is not None and ".." not in Path(name).parts else None
                if twin is not None and twin.is_file() and not twin.is_symlink() and \
                        twin.stat().st_size == len(member) and twin.read_bytes() == member:
                    continue
                findings += audit_file(f"{path}!{name}", member, allowed)
    except zipfile.BadZipFile:
        findings.append(Finding(path, 0, "zip-filen kan ikke læses"))
    return findings


def _audit_database(path: str, data: bytes, allowed: frozenset[str]) -> list[Finding]:
    """Every text value of a SQLite download's own tables (not the full-text index's shadow tables)."""
    import sqlite3
    import tempfile

    findings = []
    with tempfile.NamedTemporaryFile(suffix=".sqlite") as copy:
        copy.write(data)
        copy.flush()
        try:
            connection = sqlite3.connect(f"file:{copy.name}?mode=ro", uri=True)
            tables = [row[0] for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' "
                "AND name NOT LIKE '%fts_%'")]
            for table in tables:
                for row in connection.execute(f'SELECT * FROM "{table}"'):
                    for value in row:
                        if isinstance(value, str):
                            for finding in find_personal(value, allowed):
                                shown = "et CPR-nummer" if finding.kind == "cpr" else f"'{' '.join(finding.shown.split())}'"
                                findings.append(Finding(f"{path}!{table}", 0, f"databasen viser {shown}"))
            connection.close()
        except sqlite3.Error as exc:
            findings.append(Finding(path, 0, f"databasen kan ikke læses: {exc}"))
    return findings


def _audit_path(path: Path, site: Path, allowed: frozenset[str]) -> list[Finding]:
    relative = path.relative_to(site).as_posix()
    if path.is_symlink():
        return [Finding(relative, 0, "symbolske links offentliggøres ikke")]
    data = path.read_bytes()
    if relative.startswith("pagefind/") and not data:
        return [Finding(relative, 0, "søgeindeksets fil er tom (var disken fuld?)")]
    if path.suffix.lower() == ".zip" and not relative.startswith(_OWN_CODE):
        return _audit_zip(relative, data, allowed, beside=path.parent)
    return audit_file(relative, data, allowed)


def audit_site(site: Path, allowed: frozenset[str] = frozenset(), only: set[str] | None = None) -> list[Finding]:
    """Every unsafe thing in the built site `site`, in path and line order; [] when it may be
    published. `only`: the files to read (those a dirty build changed), when the rest was audited
    as it is before."""
    site = Path(site)
    paths = sorted(p for p in site.rglob("*") if (p.is_file() or p.is_symlink())
                   and (only is None or p.relative_to(site).as_posix() in only))
    # Every file on its own, on all cores (at 1,000 meetings, 130 MB of pages: 14 s on one).
    findings = [finding for found in map_in_order(_audit_path, paths, site, allowed) for finding in found]
    if (site / "soeg").is_dir() and not (site / "pagefind" / "pagefind.js").is_file():
        findings.append(Finding("pagefind/pagefind.js", 0, "søgeindekset mangler"))
    return sorted(findings)
