"""Lists of hits (sections found for a theme or a person), grouped by year and meeting.

A theme or person page lists its newest years itself, up to INLINE_LIMIT hits; each earlier year
gets a page of its own. So no page grows with the archive (a theme over twenty years would run to
megabytes), and a short list stays on one page (a page per year for a few hits would only make
readers click, and make the build slower).
"""

from __future__ import annotations

from ..model import Archive, Hit
from .common import escape, excerpt_markdown, link, meeting_link, page_header, plural, section_link


def hits_by_year(archive: Archive, hits: list[Hit], page: str, heading: str, describe) -> str:
    """Markdown for hits, newest year and meeting first, each with its excerpt.

    `heading` is the markdown heading level of the year ('##'); meetings go one level below.
    `describe(hit)` says why the section is listed (e.g. 'på dagsordenen').
    """
    by_meeting: dict[str, list[Hit]] = {}
    for hit in sorted(hits, key=lambda h: -archive.position(h.meeting)):
        by_meeting.setdefault(hit.meeting, []).append(hit)
    lines, year = [], None
    for meeting_id, meeting_hits in by_meeting.items():
        meeting = archive.meeting(meeting_id)
        if meeting.year != year:
            year = meeting.year
            lines.append(f"{heading} {year}\n")
        council = escape(archive.councils[meeting.council].name)
        lines.append(f"{heading}# {meeting_link(archive, page, meeting)} – {council}\n")
        for hit in meeting_hits:
            lines.append(f"- {section_link(archive, page, meeting, hit.section)} – {describe(hit)}\n")
            if hit.excerpt.text:
                lines.append(f"    > {excerpt_markdown(hit.excerpt)}\n")
    return "\n".join(lines)


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
    for hit in hits:
        groups.setdefault(archive.meeting(hit.meeting).year, []).append(hit)
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
            hits_by_year(archive, hits, sub, "##", describe),
        ])
    return pages
