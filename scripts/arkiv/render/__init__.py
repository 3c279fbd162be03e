"""Pure render functions: the archive model in, page text out. Nothing here touches the disk."""

from __future__ import annotations

from ..model import Archive
from .calendar import render_calendars
from .common import FRONT_PAGE_INCLUDE, heading_ids, meeting_path
from .council import render_councils
from .data import meeting_data_path, render_meeting_data, render_registry_data
from .feeds import render_archive_feeds, render_person_feed, render_theme_feed
from .followups import render_follow_ups
from .indexes import THEMES_INDEX, render_front_page, render_meetings_index, render_people_index, render_themes_index
from .meeting import render_meeting, render_source_page, source_copy_path, source_page_path
from .opendata import DATA_PAGE, render_data_page, render_ocd_event, render_popolo, render_schemas
from .person import render_person
from .publisher import render_publisher
from .theme import render_theme
from .vocabulary import render_vocabulary


def _with_ids(pages: dict[str, str]) -> dict[str, str]:
    """Every Markdown page's headings with their Danish ids (common.heading_ids)."""
    return {rel: heading_ids(text) if rel.endswith(".md") else text for rel, text in pages.items()}


def render_shared(archive: Archive, folder: str) -> dict[str, str]:
    """The pages about the whole archive: indexes, the front page's list, the registries' data."""
    return _with_ids({
        **render_meetings_index(archive),
        THEMES_INDEX: render_themes_index(archive),
        **render_people_index(archive),
        **render_councils(archive),
        FRONT_PAGE_INCLUDE: render_front_page(archive, folder),
        **render_registry_data(archive),
        **render_vocabulary(archive),
        **render_publisher(archive),
        **render_archive_feeds(archive),
        **render_calendars(archive),
        **render_popolo(archive),
        **render_schemas(),
        DATA_PAGE: render_data_page(archive),
        **render_follow_ups(archive),
    })


def page_tasks(archive: Archive) -> list[tuple[str, str]]:
    """One task per meeting, theme and person: each is rendered by `render_one` on its own."""
    return ([("meeting", m.id) for m in archive.meetings] + [("theme", t) for t in archive.themes]
            + [("person", p) for p in archive.people])


def render_one(task: tuple[str, str], archive: Archive) -> dict[str, str]:
    """The pages of one task of `page_tasks`."""
    kind, key = task
    if kind == "meeting":
        meeting = archive.meeting(key)
        return {meeting_path(meeting): heading_ids(render_meeting(archive, meeting)),
                meeting_data_path(meeting): render_meeting_data(archive, meeting),
                **render_ocd_event(archive, meeting)}
    if kind == "theme":
        return {**_with_ids(render_theme(archive, archive.themes[key])), **render_theme_feed(archive, key)}
    return {**_with_ids(render_person(archive, archive.people[key])), **render_person_feed(archive, key)}


def source_copies(archive: Archive) -> dict[str, str]:
    """Published copies of the source documents: generated path → path inside meetings/."""
    return {source_copy_path(m): m.source.file for m in archive.meetings if source_copy_path(m)}


def render_source_pages(archive: Archive, texts: dict[str, str]) -> dict[str, str]:
    """The page of each source text (`texts`: meeting id → the text, read by the caller)."""
    return {source_page_path(m): heading_ids(render_source_page(archive, m, texts[m.id]))
            for m in archive.meetings if m.id in texts}
