"""Shared pieces of the page renderers: where pages live, links between them, and wording."""

from __future__ import annotations

import html
import json
import re

from ..danish import format_date, slugify
from ..model import Archive, Meeting, Person, Theme
from .blocks import BEGIN, END, block

MEETINGS, THEMES, PEOPLE, SOURCES, COUNCILS = "moeder", "temaer", "personer", "kilder", "raad"
# Where the generated pages are in the site (docs/arkiv/ → /arkiv/; site/build.py's GENERATED).
SITE_FOLDER = "arkiv"
FRONT_PAGE_INCLUDE = "_includes/forside.md"  # pulled into docs/index.md by pymdownx.snippets

UNKNOWN = "ikke oplyst i referatet"


def meeting_path(meeting: Meeting) -> str:
    return f"{MEETINGS}/{meeting.id}.md"


def theme_path(theme: Theme) -> str:
    return f"{THEMES}/{theme.id}.md"


def person_path(person: Person) -> str:
    return f"{PEOPLE}/{person.id}.md"


def link(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """Relative link between two generated pages (to the .md file), in Markdown and in the pages'
    raw HTML alike: any builder resolves it against the page's source file, as Zensical does for
    both; under MkDocs, which leaves raw HTML alone, the hook's extension does (site/rawhtml.py).

    Pure string work on the known page paths: posixpath.relpath asks the OS for the working
    directory on every call, which is slow at a hundred thousand links.
    """
    source, target = from_page.split("/")[:-1], to_page.split("/")
    common = 0
    while common < len(source) and common < len(target) - 1 and source[common] == target[common]:
        common += 1
    path = "/".join([".."] * (len(source) - common) + target[common:])
    return f"{path}#{anchor}" if anchor else path


# '{' and '}' too: at the end of a heading or paragraph, attr_list would read '{: onclick=… }' as
# attributes of the element (the check refuses them; this keeps a gap in the check harmless).
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;",
                          **{ch: "\\" + ch for ch in "\\`*_[]{}"}})
_SPECIAL = re.compile(r"[&<>\\`*_\[\]{}]")


def escape(text: str) -> str:
    """Text from the registries or front matter, made safe to place inside markdown."""
    return text.translate(_ESCAPES) if _SPECIAL.search(text) else text


def page_header(title: str, description: str, search: str | None = None, feed: str | None = None) -> str:
    """MkDocs page meta: the browser title and the description search engines show.

    `search` is the kind of page in the search's results (»Møde«, »Tema«, »Person«); None keeps
    the page out of the search index (lists and indexes would only repeat what they link to).
    The template overrides/main.html reads it. A JSON string is a valid YAML double-quoted
    scalar, and json writes it far faster than yaml.
    """
    kind = f"soeg: {json.dumps(search, ensure_ascii=False)}\n" if search else "soeg: false\n"
    if feed:  # the page's Atom feed (render/feeds.py), for <link rel="alternate"> (overrides/main.html)
        kind += f"feed: {json.dumps(feed)}\n"
    # HTML-escaped here: Material's templates place both as they are, in <title>, the header and
    # <meta name="description" content="…"> (found by the site audit: a name with '<b onclick>'
    # became an element with a handler).
    return (f"---\ntitle: {json.dumps(attr(title), ensure_ascii=False)}\n"
            f"description: {json.dumps(attr(description), ensure_ascii=False)}\n{kind}---\n\n")


_HTML_SPECIAL = re.compile(r"[&<>\"']")


def attr(text: str) -> str:
    """Text made safe for an HTML attribute or element (most text needs nothing done)."""
    return html.escape(text, quote=True) if _HTML_SPECIAL.search(text) else text


def html_link(href: str, text: str) -> str:
    """<a href="…">text</a>, both escaped: the generated pages' HTML links."""
    return f'<a href="{attr(href)}">{attr(text)}</a>'


def html_list(items, attributes: str = "") -> str:
    """A <ul> of ready <li> items as one HTML block of a generated page (see blocks.py)."""
    return block(f"<ul{attributes}>\n" + "\n".join(items) + "\n</ul>")


def search_attributes(kind: str, values: list[tuple[str, str]]) -> str:
    """Hidden elements that give the search engine (Pagefind) a page's filters, sort keys and
    result metadata: `kind` is filter, sort or meta. Empty elements, so nothing is indexed as
    text."""
    return "".join(f'<span data-pagefind-{kind}="{attr(key)}:{attr(value)}"></span>' for key, value in values)


def meeting_title(meeting: Meeting) -> str:
    """'Møde 23. juni 2025', or for an undated meeting what the source says ('1. møde i 2025')."""
    if meeting.date:
        return f"Møde {format_date(meeting.date)}"
    unknown = meeting.date_unknown
    if unknown.number_in_year:
        return f"{unknown.number_in_year}. møde i {unknown.year} (dato ikke oplyst)"
    return f"Møde i {unknown.year} (dato ikke oplyst)"


def short_meeting_link(page: str, meeting: Meeting) -> str:
    """A meeting by its date in figures ('23.6.2025'), or what is known of an undated one, for
    tables; the full title is the link's tooltip."""
    if meeting.date:
        label = f"{meeting.date.day}.{meeting.date.month}.{meeting.date.year}"
    elif meeting.date_unknown.number_in_year:
        label = f"{meeting.date_unknown.number_in_year}. møde {meeting.year}"
    else:
        label = f"møde i {meeting.year}"
    return f'<a href="{link(page, meeting_path(meeting))}" title="{attr(meeting_title(meeting))}">{label}</a>'


def meeting_date_text(meeting: Meeting) -> str:
    if meeting.date:
        return format_date(meeting.date)
    unknown = meeting.date_unknown
    bounds = []
    if unknown.after:
        bounds.append(f"efter {format_date(unknown.after)}")
    if unknown.before:
        bounds.append(f"før {format_date(unknown.before)}")
    span = f", holdt {' og '.join(bounds)}" if bounds else f", holdt i {unknown.year}"
    return f"Ikke oplyst i referatet{span}"


def council_name(archive: Archive, meeting: Meeting) -> str:
    return archive.councils[meeting.council].name


def theme_link(archive: Archive, from_page: str, theme_id: str) -> str:
    theme = archive.themes[theme_id]
    return f"[{escape(theme.title)}]({link(from_page, theme_path(theme))})"


def excerpt_html(excerpt) -> str:
    """An excerpt with its matched word in bold, for raw HTML."""
    text, start, end = excerpt
    if _HTML_SPECIAL.search(text):
        if end <= start:
            return html.escape(text)
        return f"{attr(text[:start])}<strong>{attr(text[start:end])}</strong>{attr(text[end:])}"
    # Most excerpts need no escaping: one test of the whole text instead of one per part.
    return f"{text[:start]}<strong>{text[start:end]}</strong>{text[end:]}" if end > start else text


def note(title: str, text: str) -> str:
    """A boxed note (what Material shows for an admonition), as an HTML block: the admonition
    extension would test every block of every page for the one or two notes there are."""
    return block(f'<div class="admonition note">\n<p class="admonition-title">{attr(title)}</p>\n'
                 f'<p>{attr(text)}</p>\n</div>')


def quote(text: str) -> str:
    return f"»{escape(text)}«"


def plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


_HEADING = re.compile(r"^(#{1,6}) (.+?)[ \t]*$", re.MULTILINE)
_GIVEN_ID = re.compile(r"\{\s*#([A-Za-z0-9_-]+)[^}]*\}\s*$")
_MARKDOWN_ESCAPE = re.compile(r"\\(.)")


def heading_ids(page: str) -> str:
    """Every heading of a generated page with an id of its own, a Danish slug of its text
    (»Stedfortrædere« → #stedfortraedere; Python-Markdown's own drops æ, ø and å: #stedfortrdere),
    so that the anchors are the same whichever builder renders the page. A heading that has an id
    keeps it; a slug used twice on the page gets -2, -3."""
    taken = {match.group(1) for match in _GIVEN_ID.finditer(page)}
    # Only headings outside the HTML blocks (blocks.py), which hold no Markdown headings.
    parts = re.split(f"({re.escape(BEGIN)}.*?{re.escape(END)})", page, flags=re.DOTALL)

    def add(match: re.Match) -> str:
        level, text = match.groups()
        if _GIVEN_ID.search(text):
            return match.group(0)
        base = slugify(_MARKDOWN_ESCAPE.sub(r"\1", html.unescape(text))) or "afsnit"
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        return f"{level} {text} {{ #{slug} }}"

    return "".join(part if part.startswith(BEGIN) else _HEADING.sub(add, part) for part in parts)


def subscribe(from_page: str, feed: str | None, calendar: str | None = None, what: str = "") -> str:
    """The visible »Abonnér« line: the page's feed (and calendar), as HTML with their addresses
    in the generated folder (`feed`, `calendar`: paths like 'feeds/temaer/x.xml')."""
    links = []
    if feed:
        links.append(f'<a href="{attr(link(from_page, feed))}" type="application/atom+xml">nyhedsfeed (Atom)</a>')
    if calendar:
        links.append(f'<a href="{attr(link(from_page, calendar))}" type="text/calendar">kalender (.ics)</a>')
    return block(f'<p class="arkiv-abonner">Abonnér{" på " + attr(what) if what else ""}: ' + " · ".join(links)
                 + f' · {html_link(link(from_page, "abonnement.md"), "om abonnement og data")}</p>')
