"""Lists of hits (sections found for a theme or a person), grouped by year and meeting.

A theme or person page shows its newest year; each earlier year gets a page of its own, so that
no page grows with the archive (a theme over twenty years would otherwise run to megabytes).
"""

from __future__ import annotations

from ..model import Archive, Hit
from .common import escape, excerpt_markdown, meeting_link, section_link


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
    from .common import link, plural
    links = [f"[{year}]({link(page, year_page(page, year))}) ({plural(len(hits), *unit)})"
             for year, hits in years]
    return "Tidligere år: " + " · ".join(links) + "\n"
