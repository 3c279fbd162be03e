"""Lists of hits (sections found for a theme or a person), grouped by year and meeting.

A theme or person page lists its newest years itself, up to INLINE_LIMIT hits; each earlier year
gets a page of its own. So no page grows with the archive (a theme over twenty years would run to
megabytes), and a short list stays on one page (a page per year for a few hits would only make
readers click, and make the build slower).
"""

from __future__ import annotations

import functools

from ..model import Archive, Hit
from .blocks import block
from .common import attr, escape, excerpt_html, html_link, link, meeting_path, meeting_title, page_header, plural


def hits_by_year(archive: Archive, hits: list[Hit], page: str, level: int, describe) -> str:
    """Hits, newest year and meeting first, each with its excerpt.

    `level` is the heading level of the years (2 for `##`); meetings go one level below.
    `describe(hit)` says why the section is listed (e.g. 'markeret på dagsordenen'); it may
    depend only on `hit.how`, and is asked once per value.

    The year headings are markdown (they make the page's table of contents); each year's list is
    one raw HTML block (see blocks.py), which costs the build far less than a markdown list of a
    hundred linked excerpts (issue 6). The block is
    `data-pagefind-ignore`: the excerpts are the meetings' text, which the search finds on the
    meeting pages themselves.
    """
    # Newest meeting first; a meeting's hits keep their order (the sections' order in the minutes).
    by_meeting: dict[str, list[Hit]] = {}
    for hit in hits:
        by_meeting.setdefault(hit.meeting, []).append(hit)
    position = archive.position
    # Per hit, only what differs between hits is worked out: a section's link text, a reason's
    # HTML and each meeting's link are made once (issue 6: 100,000 rows at 1,000 meetings).
    reasons: dict[str, str] = {}
    years: dict[int, list[str]] = {}
    for meeting_id in sorted(by_meeting, key=lambda m: -position(m)):
        meeting = archive.meeting(meeting_id)
        council = attr(archive.councils[meeting.council].name)
        rows = years.setdefault(meeting.year, [])
        # Page paths and anchors are made of checked ids and agenda numbers: nothing to escape.
        meeting_url = link(page, meeting_path(meeting))
        rows.append(f"<h{level + 1}>{html_link(meeting_url, meeting_title(meeting))}"
                    f" – {council}</h{level + 1}>\n<ul>")
        for hit in by_meeting[meeting_id]:
            anchor, label = _section_link(hit.section)
            reason = reasons.get(hit.how)
            if reason is None:
                reason = reasons[hit.how] = attr(describe(hit))
            excerpt = hit.excerpt
            quoted = f"<blockquote>{excerpt_html(excerpt)}</blockquote>" if excerpt.text else ""
            # The council's conclusion on the item, where the file records one (issue 21).
            concluded = [c.text for c in meeting.conclusions if c.item == hit.section.ref] if meeting.conclusions else ()
            if concluded:
                quoted += (f'<div class="arkiv-konklusion"><p class="arkiv-konklusion__titel">Konklusion</p>'
                           f'<p>{attr(" ".join(concluded))}</p></div>')
            rows.append(f'<li><a href="{meeting_url}#{anchor}">{label}</a> – {reason}{quoted}</li>')
        rows.append("</ul>")
    blocks = []
    for year, rows in years.items():
        blocks.append(f"{'#' * level} {year}\n\n"
                      + block('<div class="arkiv-hits" data-pagefind-ignore>\n' + "\n".join(rows) + "\n</div>"))
    return "\n".join(blocks)


@functools.lru_cache(maxsize=65536)
def _section_link(section) -> tuple[str, str]:
    """(anchor, link text as HTML) of a section: each section is listed under each of its themes
    and people. Sections are hashed by their content; equal sections give equal links."""
    return section.anchor, attr(section.label)


INLINE_LIMIT = 150


def split_years(years: list[tuple[int, list]], limit: int = INLINE_LIMIT) -> tuple[list, list]:
    """(years shown on the main page, years given pages of their own): the newest years while
    their items fit within `limit` — always at least the newest year."""
    shown, total = 0, 0
    for _, items in years:
        if shown and total + len(items) > limit:
            break
        shown, total = shown + 1, total + len(items)
    return years[:shown], years[shown:]


def by_year(archive: Archive, hits: list[Hit]) -> list[tuple[int, list[Hit]]]:
    """Hits grouped by the year of their meeting, newest year first."""
    groups: dict[int, list[Hit]] = {}
    year = archive.year_of
    for hit in hits:
        groups.setdefault(year(hit.meeting), []).append(hit)
    return sorted(groups.items(), key=lambda item: -item[0])


def year_page(page: str, year: int) -> str:
    """'temaer/opioider.md' → 'temaer/opioider/2024.md'."""
    return f"{page[:-3]}/{year}.md"


def year_links(page: str, years: list[tuple[int, list[Hit]]], unit=("punkt", "punkter")) -> str:
    """'Tidligere år: 2024 (12 punkter) · 2023 (3 punkter)' linking the year pages."""
    links = [f"[{year}]({link(page, year_page(page, year))}) ({plural(len(hits), *unit)})"
             for year, hits in years]
    return "Tidligere år: " + " · ".join(links) + "\n"


def year_pages(archive: Archive, page: str, years: list[tuple[int, list[Hit]]], name: str,
               meta_title: str, back: str, describe) -> dict[str, str]:
    """A page for each earlier year of a theme or person: `name` heads it, `back` (e.g. »Temaet«)
    introduces the link back to the main page."""
    pages = {}
    for year, hits in years:
        sub = year_page(page, year)
        pages[sub] = "\n".join([
            page_header(f"{meta_title} – {year}", f"{name}: punkter fra {year}."),
            f"# {escape(name)}: {year}\n",
            f"{back} [{escape(name)}]({link(sub, page)}) i {year}: {plural(len(hits), 'punkt', 'punkter')}.\n",
            hits_by_year(archive, hits, sub, 2, describe),
        ])
    return pages
