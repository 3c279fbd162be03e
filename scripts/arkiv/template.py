"""A new meeting file, started from a template with the council's members filled in.

The members are the standing circle of the council's latest meeting in the archive: who was
present or sent apologies there, less those who only came in someone's place. Everything the
secretariat must write is marked UDFYLD, which the check refuses until it is replaced.
"""

from __future__ import annotations

import datetime as dt

import yaml

from .model import Archive, Attendance

PLACEHOLDER = "UDFYLD"


def council_members(archive: Archive, council: str) -> list[Attendance]:
    meetings = [m for m in archive.meetings if m.council == council]
    if not meetings:
        return []
    latest = meetings[-1]
    stand_ins = {s.person for s in latest.substitutes}
    return [a for a in latest.participants + latest.absent if a.person not in stand_ins]


def _flow(items: list[dict]) -> str:
    return "".join(f"  - {yaml.safe_dump(i, allow_unicode=True, default_flow_style=True, width=1000).strip()}\n"
                   for i in items)


def new_meeting_text(archive: Archive, council: str, date: dt.date | None) -> str:
    members = council_members(archive, council)
    previous = [m for m in archive.meetings if m.council == council]
    lines = ["---", f"council: {council}"]
    if date:
        lines.append(f"date: {date.isoformat()}")
    else:
        lines += ["date: null", "date_unknown:", f"  year: {PLACEHOLDER}",
                  f"  note: {PLACEHOLDER} – skriv, hvad referatet siger om tidspunktet"]
    lines += ["time: null            # fx \"14.00\", når referatet oplyser det",
              "place: null", "chair: null",
              "# Rådets faste deltagere fra seneste møde. Flyt dem, der meldte afbud, til 'absent'.",
              "participants:" + ("" if members else " []")]
    text = "\n".join(lines) + "\n" + _flow([{"person": a.person, "title": a.title} if a.title
                                             else {"person": a.person} for a in members])
    tail = ["absent: []", "substitutes: []       # fx {person: …, for: …}", "presenters: []"]
    if previous:
        last = previous[-1]
        tail += ["approves_minutes:", f"  as_written: {PLACEHOLDER} – som referatet skriver det",
                 f"  meeting: {last.id}"]
        if last.date:
            tail.append(f"  date: {last.date.isoformat()}")
    tail += ["next_meeting: null",
             "agenda:",
             f'  - {{number: "1", title: {PLACEHOLDER}}}',
             f'  - {{number: "2", title: {PLACEHOLDER}}}',
             "attachments: []",
             "source:",
             f"  kind: {PLACEHOLDER} – fx Referat (tekst udtrukket af PDF)",
             "---",
             "",
             f"## Ad 1) {PLACEHOLDER}",
             "",
             PLACEHOLDER,
             "",
             f"## Ad 2) {PLACEHOLDER}",
             "",
             PLACEHOLDER,
             ""]
    return text + "\n".join(tail)
