"""Open data: each meeting, and the registries, as JSON beside the pages.

Journalists and researchers should not have to scrape the HTML. The JSON mirrors the meeting file
(ids as in `meetings/`), adds the names, and adds what the archive derived: themes and people per
section. Keys are sorted and dates ISO 8601, so that two builds give the same bytes. The JSON is
compact: Python's fast C encoder is used only without indentation.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json

from ..model import Archive, Meeting

DATA = "data"


def meeting_data_path(meeting: Meeting) -> str:
    return f"{DATA}/moeder/{meeting.id}.json"


@functools.cache
def _field_names(kind: type) -> tuple[str, ...]:
    # Asked once per class, not per value. Fields that do not take part in comparisons are the
    # pipeline's own bookkeeping (a registry line), not data.
    return tuple(f.name for f in dataclasses.fields(kind) if f.compare)


def _plain(value):
    if isinstance(value, (str, int, type(None))):
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if dataclasses.is_dataclass(value):
        return {name: _plain(getattr(value, name)) for name in _field_names(type(value))}
    return value


def _dump(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def render_meeting_data(archive: Archive, meeting: Meeting) -> str:
    sections = []
    for section in meeting.sections:
        sections.append({
            "kind": section.kind, "number": section.number, "heading": section.heading,
            "anchor": section.anchor, "text": section.body,
            "themes": archive.section_themes.get((meeting.id, section.anchor), []),
            "people": archive.section_people.get((meeting.id, section.anchor), []),
        })
    data = {
        "id": meeting.id,
        "council": {"id": meeting.council, "name": archive.councils[meeting.council].name},
        "date": _plain(meeting.date),
        "date_unknown": _plain(meeting.date_unknown),
        "time": meeting.time, "place": meeting.place,
        "chair": meeting.chair, "chair_note": meeting.chair_note,
        "agenda_note": meeting.agenda_note, "participants_note": meeting.participants_note,
        "participants": _plain(meeting.participants), "absent": _plain(meeting.absent),
        "substitutes": [{"person": s.person, "for": s.instead_of} for s in meeting.substitutes],
        "presenters": _plain(meeting.presenters),
        "approves_minutes": _plain(meeting.approves_minutes), "next_meeting": _plain(meeting.next_meeting),
        "agenda": _plain(meeting.agenda), "attachments": _plain(meeting.attachments),
        "conclusions": _plain(meeting.conclusions), "follow_ups": _plain(meeting.follow_ups),
        "minutes_approved_at": (archive.approved_at(meeting.id).id if archive.approved_at(meeting.id) else None),
        "source": _plain(meeting.source),
        "sections": sections,
    }
    return _dump(data)


def render_registry_data(archive: Archive) -> dict[str, str]:
    """People, themes, councils and the list of meetings, one JSON file each."""
    meetings = [{"id": m.id, "council": m.council, "date": _plain(m.date), "year": m.year,
                 "data": f"moeder/{m.id}.json"} for m in archive.meetings]
    return {
        f"{DATA}/personer.json": _dump([_plain(p) for p in archive.people.values()]),
        f"{DATA}/temaer.json": _dump([_plain(t) for t in archive.themes.values()]),
        f"{DATA}/raad.json": _dump([_plain(c) for c in archive.councils.values()]),
        f"{DATA}/moeder.json": _dump(meetings),
    }
