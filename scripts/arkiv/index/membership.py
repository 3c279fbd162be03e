"""Who sat on a council over time, and how often they came: worked out from the meetings' lists.

A member is anyone listed as present (`participants`) or as having sent apologies (`absent`) at a
council's meetings; invited speakers are guests, not members. For each member: the titles printed
for them, each with the first and last meeting it was printed at; their first and last meeting;
how many meetings they attended, sent apologies for, and attended in someone's place. The rate
is attended ÷ (attended + apologies): the meetings where the minutes list them at all.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import ABSENT, PRESENT, Archive, Meeting


@dataclass(frozen=True)
class Title:
    title: str
    first: Meeting
    last: Meeting


@dataclass(frozen=True)
class Membership:
    person: str
    titles: tuple[Title, ...]
    first: Meeting
    last: Meeting
    attended: int
    absent: int
    stand_in: int  # attended in someone's place (»mødte i stedet for«)

    @property
    def rate(self) -> float | None:
        listed = self.attended + self.absent
        return self.attended / listed if listed else None


def members_over_time(archive: Archive, council: str) -> list[Membership]:
    """The council's members, in the order they first appear (and by name within a meeting's list)."""
    seen: dict[str, dict] = {}
    for meeting in archive.council_meetings(council):
        stand_ins = {s.person for s in meeting.substitutes}
        for entries, present in ((meeting.participants, True), (meeting.absent, False)):
            for entry in entries:
                member = seen.setdefault(entry.person, {"first": meeting, "titles": {}, "attended": 0,
                                                        "absent": 0, "stand_in": 0})
                member["last"] = meeting
                member["attended" if present else "absent"] += 1
                if present and entry.person in stand_ins:
                    member["stand_in"] += 1
                if entry.title:
                    first, _ = member["titles"].get(entry.title, (meeting, meeting))
                    member["titles"][entry.title] = (first, meeting)
    return [Membership(person, tuple(Title(t, first, last) for t, (first, last) in m["titles"].items()),
                       m["first"], m["last"], m["attended"], m["absent"], m["stand_in"])
            for person, m in seen.items()]


def themes_by_year(archive: Archive, council: str | None = None) -> dict[str, dict[int, int]]:
    """theme id → year → how many agenda items (and openings, written orientations) of the
    council's meetings (all councils' with None) are on the theme."""
    counts: dict[str, dict[int, int]] = {}
    meetings = archive.meetings if council is None else archive.council_meetings(council)
    for meeting in meetings:
        for section in meeting.sections:
            for theme in archive.section_themes.get((meeting.id, section.anchor), []):
                years = counts.setdefault(theme, {})
                years[meeting.year] = years.get(meeting.year, 0) + 1
    return counts


def councils_by_year(archive: Archive, theme: str) -> dict[str, dict[int, int]]:
    """council id → year → how many of the council's items that year are on `theme` (from the
    theme's hits: one per section on it)."""
    counts: dict[str, dict[int, int]] = {}
    for hit in archive.theme_hits.get(theme, []):
        years = counts.setdefault(archive.meeting(hit.meeting).council, {})
        year = archive.year_of(hit.meeting)
        years[year] = years.get(year, 0) + 1
    return counts


@dataclass(frozen=True)
class CouncilTitle:
    """A title (with the organisation, where the list gives it) a person was listed with at one
    council's meetings, from the first to the last meeting it was printed at."""

    council: str
    title: str
    first: Meeting
    last: Meeting
    meetings: int


def roles_over_time(archive: Archive, person: str) -> list[CouncilTitle]:
    """The person's titles at the meetings, per council, in the order they first appear."""
    found: dict[tuple[str, str], list] = {}
    for meeting, role, title, *_ in archive.person_meetings.get(person, ()):
        if role in (PRESENT, ABSENT) and title:
            entry = found.setdefault((meeting.council, title), [meeting, meeting, 0])
            entry[1], entry[2] = meeting, entry[2] + 1
    return [CouncilTitle(council, title, first, last, count) for (council, title), (first, last, count) in found.items()]
