"""Lists of hits (sections found for a theme or a person), grouped by year and meeting."""

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
