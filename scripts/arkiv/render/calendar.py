"""Calendars (RFC 5545, .ics), written with icalendar: the meetings of each council and of all
councils, past and upcoming.

- A meeting whose date the minutes give is an event on that day: with its time where they give
  one (a floating local time, as the minutes say it: »14.00«), or a whole-day event where they do
  not; its place; the meeting page's address (absolute when mkdocs.yml sets `site_url`, else in
  the description as a path). An undated meeting is in no calendar.
- Upcoming: the next meeting a council's latest referat names (`next_meeting`), until a meeting
  on that day is in the archive; marked TENTATIVE.
- UID: the council and the day (`koebenhavn-2025-06-23@kredsraadsarkivet`), so that an upcoming
  meeting and the same meeting once archived are one event in a subscriber's calendar.
- DTSTAMP: the day the meeting's file last changed (Archive.last_changed), never the build's
  clock: two builds of the same commit give the same bytes.
"""

from __future__ import annotations

import datetime as dt

from ..danish import format_date
from ..model import Archive, Meeting
from .common import council_name, meeting_title
from .feeds import address, served

CALENDARS = "kalender"
DOMAIN = "kredsraadsarkivet"


def archive_calendar_path() -> str:
    return f"{CALENDARS}/moeder.ics"


def council_calendar_path(council_id: str) -> str:
    return f"{CALENDARS}/raad/{council_id}.ics"


def _stamp(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)


def _start(meeting_date: dt.date, time: str | None):
    if not time:
        return meeting_date
    hours, minutes = (int(x) for x in time.replace(":", ".").split("."))
    return dt.datetime(meeting_date.year, meeting_date.month, meeting_date.day, hours, minutes)  # floating


def _page(archive: Archive, path: str, meeting: Meeting) -> tuple[str | None, str]:
    """(the URL property, the address for the description)."""
    target = served(f"moeder/{meeting.id}.md")
    if archive.site and archive.site.url:
        url = address(archive, path, target)
        return url, url
    return None, "/" + target


def _events(archive: Archive, path: str, meetings: list[Meeting]):
    from icalendar import Event

    held = {(m.council, m.date) for m in meetings if m.date}
    upcoming: dict[tuple[str, dt.date], Meeting] = {}
    for meeting in meetings:
        if meeting.date:
            event = Event()
            event.add("uid", f"{meeting.council}-{meeting.date.isoformat()}@{DOMAIN}")
            event.add("dtstamp", _stamp(archive.last_changed(meeting)))
            event.add("dtstart", _start(meeting.date, meeting.time))
            event.add("summary", f"{council_name(archive, meeting)}: møde")
            if meeting.place:
                event.add("location", meeting.place)
            url, shown = _page(archive, path, meeting)
            if url:
                event.add("url", url)
            event.add("description", f"Referat: {meeting_title(meeting)}, {shown}")
            event.add("status", "CONFIRMED")
            yield meeting.sort_key, event
        nxt = meeting.next_meeting
        if nxt and nxt.date and (meeting.council, nxt.date) not in held:
            upcoming[(meeting.council, nxt.date)] = meeting  # the latest referat that names it
    for (council, day), announced in upcoming.items():
        event = Event()
        event.add("uid", f"{council}-{day.isoformat()}@{DOMAIN}")
        event.add("dtstamp", _stamp(archive.last_changed(announced)))
        event.add("dtstart", day)
        event.add("summary", f"{archive.councils[council].name}: næste møde")
        _, shown = _page(archive, path, announced)
        event.add("description", f"Varslet i referatet af {meeting_title(announced)} "
                                 f"(»{announced.next_meeting.as_written}«): {format_date(day)}. {shown}")
        event.add("status", "TENTATIVE")
        yield (day, 1, council), event


def _calendar(archive: Archive, path: str, name: str, meetings: list[Meeting]) -> str:
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", "-//Kredsrådsarkivet//Møder//DA")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for _, event in sorted(_events(archive, path, meetings), key=lambda pair: pair[0]):
        calendar.add_component(event)
    return calendar.to_ical().decode("utf-8")


def render_calendars(archive: Archive) -> dict[str, str]:
    calendars = {archive_calendar_path(): _calendar(archive, archive_calendar_path(), "Kredsrådenes møder",
                                                    list(archive.meetings))}
    for council in archive.councils.values():
        path = council_calendar_path(council.id)
        calendars[path] = _calendar(archive, path, f"{council.name}: møder", list(archive.council_meetings(council.id)))
    return calendars
