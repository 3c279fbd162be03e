"""A new meeting file, started from a template with the council's members filled in.

The members are the standing circle of the council's latest meeting in the archive: who was
present or sent apologies there, less those who only came in someone's place. Everything the
secretariat must write is marked UDFYLD, which the check refuses until it is replaced.
"""

from __future__ import annotations

import datetime as dt

from ..model import Archive, Attendance
from ..source.format import PLACEHOLDER, front_matter, item_heading


def council_members(archive: Archive, council: str) -> list[Attendance]:
    meetings = [m for m in archive.meetings if m.council == council]
    if not meetings:
        return []
    latest = meetings[-1]
    stand_ins = {s.person for s in latest.substitutes}
    return [a for a in latest.participants + latest.absent if a.person not in stand_ins]


def new_meeting_text(archive: Archive, council: str, date: dt.date | None) -> str:
    members = council_members(archive, council)
    previous = [m for m in archive.meetings if m.council == council]
    data: dict = {"council": council, "date": date}
    if not date:
        data["date_unknown"] = {"year": PLACEHOLDER, "note": f"{PLACEHOLDER} – skriv, hvad referatet siger om tidspunktet"}
    data.update({"time": None, "place": None, "chair": None,
                 "participants": [{"person": a.person, "title": a.title} if a.title else {"person": a.person}
                                  for a in members],
                 "absent": [], "substitutes": [], "presenters": []})
    if previous:
        last = previous[-1]
        data["approves_minutes"] = {"as_written": f"{PLACEHOLDER} – som referatet skriver det", "meeting": last.id}
        if last.date:
            data["approves_minutes"]["date"] = last.date
    data.update({"next_meeting": None,
                 "agenda": [{"number": "1", "title": PLACEHOLDER}, {"number": "2", "title": PLACEHOLDER}],
                 "attachments": [], "source": {"kind": f"{PLACEHOLDER} – fx Referat (tekst udtrukket af PDF)"}})
    comments = {"time": 'fx "14.00", når referatet oplyser det', "substitutes": "fx {person: …, for: …}",
                "participants": "rådets faste deltagere fra seneste møde; flyt dem, der meldte afbud, til 'absent'"}
    body = "\n\n".join(f"{item_heading(n, PLACEHOLDER)}\n\n{PLACEHOLDER}" for n in ("1", "2"))
    return front_matter(data, comments) + "\n" + body + "\n"
