"""The archive's domain model: plain, immutable dataclasses.

Names follow Popolo / Open Civic Data where they fit (Person, Organization-like Council, agenda
items with subjects). Every reader and renderer speaks in these types and nothing else.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import NamedTuple

from .danish import surname_first
from .text import Excerpt


@dataclass(frozen=True)
class Council:
    """A council (råd) whose meetings are archived, e.g. a police district's kredsråd."""

    id: str
    name: str
    police_district: str | None = None


@dataclass(frozen=True)
class Role:
    """A title a person is given in the minutes, with the organisation where the minutes state it.

    A fact the minutes do not state (which municipality a borgmester represents) needs its
    `source`: an address or a document, shown with it."""

    title: str | None
    organisation: str | None = None
    source: str | None = None
    line: int = field(default=0, compare=False)  # in people.yml, for the check's messages


@dataclass(frozen=True)
class Person:
    """Someone named in the minutes. `aliases` are other spellings the minutes use for them."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    note: str | None = None
    sort_as: str | None = None  # how the people index files the name; see danish.surname_first
    same_person: str | None = None  # why one id in several councils is one person (see validate)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name,) + self.aliases

    @property
    def filed_as(self) -> str:
        """'Andersen, Allan S.': the name as the people index lists and sorts it."""
        return self.sort_as or surname_first(self.name)


@dataclass(frozen=True)
class Theme:
    """A subject that runs through meetings. `words` mark it in text; 'stem*' matches a prefix."""

    id: str
    title: str
    description: str
    words: tuple[str, ...] = ()


@dataclass(frozen=True)
class UnknownDate:
    """What the source does say about a meeting whose date it does not give."""

    year: int
    note: str
    number_in_year: int | None = None
    after: dt.date | None = None
    before: dt.date | None = None


@dataclass(frozen=True)
class Attendance:
    """A person's place at one meeting (present or absent), with the title printed for them."""

    person: str
    title: str | None = None
    organisation: str | None = None  # where the list states it: »Borgmester X, Fiktiv Kommune«
    left_at: str | None = None       # left before the end: the time (»15.30«) …
    left_during: str | None = None   # … and the agenda item being discussed, where the referat says so

    @property
    def as_listed(self) -> str:
        """'Borgmester, Fiktiv Kommune': the title and organisation the list gives, or ''."""
        return ", ".join(x for x in (self.title, self.organisation) if x)


@dataclass(frozen=True)
class Substitution:
    """`person` attended in place of `instead_of` (»mødte i stedet for«)."""

    person: str
    instead_of: str


@dataclass(frozen=True)
class Presenter:
    """An invited speaker (oplægsholder) and the agenda items they presented."""

    person: str
    title: str | None = None
    organisation: str | None = None
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class MinutesRef:
    """The previous meeting whose minutes this meeting approved."""

    date: dt.date | None
    as_written: str
    meeting: str | None = None  # id of that meeting when it is in the archive


@dataclass(frozen=True)
class NextMeeting:
    date: dt.date | None
    as_written: str


@dataclass(frozen=True)
class AgendaEntry:
    """One line of the agenda (dagsorden): '3', '3.a', … with explicit themes and bullet points."""

    number: str
    title: str
    themes: tuple[str, ...] = ()
    points: tuple[str, ...] = ()

    @property
    def parent(self) -> str | None:
        return self.number.split(".")[0] if "." in self.number else None


@dataclass(frozen=True)
class Attachment:
    """A bilag. `published` says whether the archive holds it (then `url` points to it)."""

    title: str
    item: str | None = None
    published: bool = False
    url: str | None = None


@dataclass(frozen=True)
class Source:
    """The document the meeting file was made from."""

    kind: str
    file: str | None = None
    url: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Conclusion:
    """What the council concluded on an item, as the minutes write it (checked word for word)."""

    item: str  # the section: an agenda number ('3.c'), 'indledning' or 'skriftlig-orientering'
    text: str
    index: int = field(default=0, compare=False)  # its place in the file's list, for the check's lines


# A follow-up's status (FollowUp.status), as the meeting file writes it.
OPEN, ANSWERED, LAPSED = "åben", "besvaret", "bortfaldet"


@dataclass(frozen=True)
class Answer:
    """Where a promise was answered: the meeting, the item and the answering sentence (checked
    in that meeting)."""

    meeting: str
    item: str
    text: str


@dataclass(frozen=True)
class EarlierPromise:
    """A promise made at a meeting that is not in the archive, which this meeting answers."""

    date: dt.date | None
    as_written: str  # how the minutes refer to it: »Som opfølgning på seneste møde«


@dataclass(frozen=True)
class FollowUp:
    """Something the council promised (»vil blive fremlagt på et senere kredsrådsmøde«), followed
    to the meeting where it was answered."""

    id: str
    item: str  # the section the promise is in (as Conclusion.item)
    promise: str | None  # word for word from the item; None for an earlier promise
    expected: str | None  # what is expected and when, as the text says it
    status: str  # OPEN, ANSWERED or LAPSED
    answer: Answer | None = None
    earlier: EarlierPromise | None = None
    note: str | None = None
    index: int = field(default=0, compare=False)  # its place in the file's list, for the check's lines


INTRO, ITEM, WRITTEN = "intro", "item", "written"


@dataclass(frozen=True)
class Section:
    """A part of the minutes' text: the opening, an agenda item, or the written orientation."""

    kind: str
    heading: str | None  # as printed in the minutes, e.g. 'Ad 3.a) Det sundhedsfaglige …'
    body: str  # markdown
    line: int  # where the section starts in its file
    number: str | None = None
    title: str | None = None  # heading without the 'Ad 3.a)' prefix

    @property
    def anchor(self) -> str:
        """Stable fragment id: '#punkt-3a' for item 3.a. Links to agenda items rely on it."""
        if self.kind == ITEM:
            return "punkt-" + self.number.replace(".", "")
        return "indledning" if self.kind == INTRO else "skriftlig-orientering"

    @property
    def ref(self) -> str:
        """How a conclusion or follow-up names the section: '3.a', 'indledning', 'skriftlig-orientering'."""
        return self.number if self.kind == ITEM else self.anchor

    @property
    def field(self) -> str:
        """How problems name the section: 'referat, punkt 3.a'."""
        if self.kind == ITEM:
            return f"referat, punkt {self.number}"
        return "referat, indledning" if self.kind == INTRO else "referat, skriftlig orientering"

    @property
    def label(self) -> str:
        if self.kind == ITEM:
            return f"Punkt {self.number}: {self.title}"
        return "Indledning" if self.kind == INTRO else "Til skriftlig orientering"


@dataclass(frozen=True)
class Meeting:
    id: str
    path: str  # relative to the meetings folder, for messages
    council: str
    date: dt.date | None
    date_unknown: UnknownDate | None
    agenda: tuple[AgendaEntry, ...]
    sections: tuple[Section, ...]
    source: Source
    time: str | None = None
    place: str | None = None
    chair: str | None = None
    chair_note: str | None = None
    agenda_note: str | None = None        # why the meeting has no agenda (»Referatet har ingen dagsorden.«)
    participants_note: str | None = None  # why it lists no participants
    participants: tuple[Attendance, ...] = ()
    absent: tuple[Attendance, ...] = ()
    substitutes: tuple[Substitution, ...] = ()
    presenters: tuple[Presenter, ...] = ()
    approves_minutes: MinutesRef | None = None
    next_meeting: NextMeeting | None = None
    attachments: tuple[Attachment, ...] = ()
    conclusions: tuple[Conclusion, ...] = ()
    follow_ups: tuple[FollowUp, ...] = ()
    links: tuple = ()  # links.Link: the minutes' relative links, checked against the archive
    # E-mail addresses and phone numbers the file says may be published (personal.compact form)
    published_contacts: frozenset[str] = frozenset()

    @property
    def year(self) -> int:
        return self.date.year if self.date else self.date_unknown.year

    @property
    def sort_key(self) -> tuple:
        """Chronological order; an undated meeting sorts at the earliest day the source allows."""
        if self.date:
            return (self.date, 0, self.id)
        known = self.date_unknown
        earliest = known.after or dt.date(known.year, 1, 1)
        return (earliest, known.number_in_year or 0, self.id)

    @property
    def items(self) -> tuple[Section, ...]:
        return tuple(s for s in self.sections if s.kind == ITEM)

    def section(self, number: str) -> Section | None:
        return next((s for s in self.items if s.number == number), None)

    def part(self, ref: str) -> Section | None:
        """The section a conclusion or follow-up names: an agenda number, 'indledning' or
        'skriftlig-orientering'."""
        if ref in ("indledning", "skriftlig-orientering"):
            return next((s for s in self.sections if s.anchor == ref), None)
        return self.section(ref)

    def agenda_entry(self, number: str) -> AgendaEntry | None:
        return next((a for a in self.agenda if a.number == number), None)


# How a section is linked to a theme or a person (Hit.how), as codes; render/ says them in Danish.
ON_AGENDA = "@agenda"      # a theme: the item is on the theme by the agenda (or its parent item)
PRESENTED = "presented"    # a person: presented the item (presenters:)
SPOKE = "spoke"            # … spoke (»X orienterede …«, »X spurgte …«)
MENTIONED = "mentioned"    # … is only named


class Hit(NamedTuple):
    """A section of a meeting linked to a theme or a person, with a short excerpt of why.

    A named tuple for the reason Excerpt is one."""

    meeting: str
    section: Section
    excerpt: Excerpt
    how: str  # theme: ON_AGENDA or the matched word; person: PRESENTED, SPOKE or MENTIONED


# A person's place at a meeting (Appearance.role), as codes; render/ says them in Danish.
PRESENT, ABSENT, SUBSTITUTE, REPRESENTED, PRESENTER, CHAIR = (
    "present", "absent", "substitute", "represented", "presenter", "chair")


class Appearance(NamedTuple):
    """A person recorded at a meeting: present, absent, standing in for `other` (SUBSTITUTE) or
    stood in for by `other` (REPRESENTED), presenting `items`, or chairing."""

    meeting: Meeting
    role: str
    title: str                 # the title and organisation the list gives them there, or ''
    other: str | None = None   # the other person of a substitution
    items: tuple[str, ...] = ()


# Who publishes the site (mkdocs.yml, extra.arkiv; read by source/site_config.py).

@dataclass(frozen=True)
class Shortcoming:
    what: str
    why: str


@dataclass(frozen=True)
class Accessibility:
    status: str  # a key of STATUSES
    assessed: dt.date | None
    method: str | None
    shortcomings: tuple[Shortcoming, ...]
    statement_url: str | None  # the publisher's statement in Digitaliseringsstyrelsen's tool, if any


@dataclass(frozen=True)
class SiteInfo:
    publisher: str
    email: str | None
    phone: str | None
    web: str | None
    address: str | None
    licence: str
    licence_url: str | None
    updates: str | None  # how often the archive is updated, in the publisher's words
    accessibility: Accessibility
    updated: dt.date | None = None
    url: str | None = None  # mkdocs.yml's site_url: absolute addresses in feeds and calendars

    @property
    def contacts(self) -> tuple[str, ...]:
        """The e-mail address and phone number the site may publish (the audit allows them)."""
        return tuple(c for c in (self.email, self.phone) if c)



@dataclass(frozen=True)
class CrossIndex:
    """Which sections are on which theme, which name which person, and each person's place at
    each meeting: built once from every meeting (index/crossref.py), then only read."""

    theme_hits: dict[str, tuple[Hit, ...]]
    person_hits: dict[str, tuple[Hit, ...]]
    section_themes: dict[tuple[str, str], tuple[str, ...]]   # (meeting, section anchor) → themes
    section_people: dict[tuple[str, str], tuple[str, ...]]   # (meeting, section anchor) → people
    person_meetings: dict[str, tuple[Appearance, ...]]
    names: object  # finder.NameFinder for everyone's names, shared with the renderers
    words: dict[str, int] = field(default_factory=dict)  # the minutes' words (lower case) and how often


EMPTY_INDEX = CrossIndex({}, {}, {}, {}, {}, None)


@dataclass(frozen=True)
class Archive:
    """Everything the renderers need: registries, meetings in date order, and the cross-index."""

    councils: dict[str, Council]
    people: dict[str, Person]
    themes: dict[str, Theme]
    meetings: tuple[Meeting, ...]
    index: CrossIndex = EMPTY_INDEX
    site: SiteInfo | None = None  # added by the callers that know the project (load.with_site)
    # meeting file (path in meetings/) → the day it last changed in git; {} without history
    changed: dict[str, dt.date] = field(default_factory=dict, compare=False)

    def last_changed(self, meeting: Meeting) -> dt.date:
        """When the meeting's record last changed: its file's last commit, or (without history)
        its date, or the earliest day an undated one can have been held."""
        return self.changed.get(meeting.path) or meeting.sort_key[0]

    def __post_init__(self):
        # Lookups by id and by council, made once: renderers ask for them per page.
        by_council: dict[str, list[Meeting]] = {}
        for meeting in self.meetings:
            by_council.setdefault(meeting.council, []).append(meeting)
        answers: dict[tuple[str, str], list[tuple[Meeting, FollowUp]]] = {}
        approved_at: dict[str, Meeting] = {}
        for meeting in self.meetings:
            for follow_up in meeting.follow_ups:
                if follow_up.answer:
                    answers.setdefault((follow_up.answer.meeting, follow_up.answer.item), []).append((meeting, follow_up))
            if meeting.approves_minutes and meeting.approves_minutes.meeting:
                approved_at.setdefault(meeting.approves_minutes.meeting, meeting)
        lookups = {
            "_answers": answers, "_approved_at": approved_at,
            "_by_id": {m.id: m for m in self.meetings}, "_by_council": by_council,
            "_position": {m.id: i for i, m in enumerate(self.meetings)},
            "_year": {m.id: m.year for m in self.meetings},
            "_council_position": {m.id: i for same in by_council.values() for i, m in enumerate(same)},
        }
        for name, value in lookups.items():
            object.__setattr__(self, name, value)

    def answers_in(self, meeting_id: str, item: str) -> list[tuple[Meeting, FollowUp]]:
        """The promises (with the meeting they were made at) that the item answers."""
        return self._answers.get((meeting_id, item), [])

    def approved_at(self, meeting_id: str) -> Meeting | None:
        """The meeting that approved this meeting's minutes, when it is in the archive."""
        return self._approved_at.get(meeting_id)

    # The cross-index's parts, read as the archive's own (render/ asks for them on every page).
    @property
    def theme_hits(self) -> dict[str, tuple[Hit, ...]]:
        return self.index.theme_hits

    @property
    def person_hits(self) -> dict[str, tuple[Hit, ...]]:
        return self.index.person_hits

    @property
    def section_themes(self) -> dict[tuple[str, str], tuple[str, ...]]:
        return self.index.section_themes

    @property
    def section_people(self) -> dict[tuple[str, str], tuple[str, ...]]:
        return self.index.section_people

    @property
    def person_meetings(self) -> dict[str, tuple[Appearance, ...]]:
        return self.index.person_meetings

    @property
    def names(self):
        return self.index.names

    def meeting(self, meeting_id: str) -> Meeting | None:
        return self._by_id.get(meeting_id)

    def council_meetings(self, council: str) -> list[Meeting]:
        """The council's meetings in date order."""
        return self._by_council.get(council, [])

    def council_neighbours(self, meeting: Meeting) -> tuple[Meeting | None, Meeting | None]:
        """The council's meetings before and after this one in date order (None at either end)."""
        same, index = self.council_meetings(meeting.council), self._council_position[meeting.id]
        return (same[index - 1] if index > 0 else None), (same[index + 1] if index + 1 < len(same) else None)

    def year_of(self, meeting_id: str) -> int:
        """The meeting's year (a list of hits groups by it a hundred thousand times)."""
        return self._year[meeting_id]

    def position(self, meeting_id: str) -> int:
        """The meeting's place in date order across the archive."""
        return self._position[meeting_id]
