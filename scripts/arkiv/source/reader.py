"""Reading one meeting file: YAML front matter + the minutes as markdown sections."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import re
from pathlib import Path

from ..check.links import relative_links
from ..check.personal import compact, find_personal
from ..check.safety import scan_personal, scan_text, scan_values
from ..model import (
    ANSWERED,
    INTRO,
    ITEM,
    LAPSED,
    OPEN,
    WRITTEN,
    AgendaEntry,
    Answer,
    Attachment,
    Attendance,
    Conclusion,
    EarlierPromise,
    FollowUp,
    Meeting,
    MinutesRef,
    NextMeeting,
    Presenter,
    Section,
    Source,
    Substitution,
    UnknownDate,
)
from ..problems import ProblemList
from .fields import MAX_YEAR, MIN_YEAR, Fields
from .format import (  # noqa: F401
    AGENDA_NUMBER,
    CLOCK,
    DRAFT_MARKS,
    FRONT_MATTER_FIELDS,
    ID_HINT,
    ID_PATTERN,
    ITEM_HEADING,
    WRITTEN_HEADING,
)
from .yamlsource import SourceError, decode_text, load_yaml, read_text, split_front_matter


def peek_front_matter(path: Path) -> dict:
    """A meeting file's front matter as plain values, without checking it; {} when it cannot be
    read (the check says why). For the tools that look at the archive before writing to it."""
    try:
        yaml_text, _, _ = split_front_matter(read_text(path))
        value = load_yaml(yaml_text, offset=1).value
    except (SourceError, OSError):
        return {}
    return value if isinstance(value, dict) else {}


def read_meeting(path: Path, folder: Path, problems: ProblemList) -> Meeting | None:
    """Read a meeting file and record every problem found in it.

    Returns None only when the file cannot be read at all (encoding, YAML, no front matter). A
    meeting with bad fields is still returned, with defaults in their place, so that the checks
    across files can report their problems in the same run; the problems list says it has errors.
    """
    name = path.relative_to(folder).as_posix()
    meeting_id = path.stem
    if not ID_PATTERN.match(meeting_id):
        problems.error(name, 0, "filnavn", f"'{path.name}' giver ikke et gyldigt møde-id", ID_HINT)
    if path.is_symlink():
        problems.error(name, 0, "fil", "mødefilen er et symbolsk link",
                       "læg selve filen i meetings/; arkivet læser ikke filer uden for mappen")
        return None
    try:
        text = read_text(path)
        yaml_text, body, body_line = split_front_matter(text)
        doc = load_yaml(yaml_text, offset=1)
    except SourceError as exc:
        problems.error(name, exc.line, "fil", exc.message, exc.hint)
        return None
    if not isinstance(doc.value, dict):
        problems.error(name, 2, "front matter", "skal være felter med navn og værdi",
                       "skriv fx 'council: koebenhavn' på hver linje")
        return None
    fm = Fields(doc, name, problems)
    allowed = _published_contacts(fm, doc, body, folder)
    # The id is the page's address and the data file's name: published too.
    scan_personal(meeting_id, name, 0, "filnavn", problems)
    scan_values(doc, name, problems, allowed)
    scan_text(body, name, body_line, "referat", problems, markdown=True, allowed=allowed)
    meeting = _meeting(meeting_id, name, fm, body, body_line, problems)
    _draft_marks(yaml_text, name, problems)
    meeting = dataclasses.replace(meeting, links=relative_links(body, body_line), published_contacts=allowed)
    _check_source_file(meeting, folder, fm, problems)
    return meeting


def _draft_marks(yaml_text: str, name: str, problems: ProblemList) -> None:
    """A draft's marks left in a file: a warning, so `make check --strict` (CI) refuses to publish a
    meeting nobody has gone through."""
    for number, text in enumerate(yaml_text.split("\n"), start=2):
        mark = DRAFT_MARKS.search(text)
        if not mark:
            continue
        if mark["mark"].startswith("USIKKER"):
            problems.warning(name, number, "udkast", f"linjen er mærket '{mark['mark'][:60]}'",
                             "tjek oplysningen mod referatet, ret den, og slet mærket '# USIKKER …'")
        else:
            problems.warning(name, number, "udkast", "udkastets overskrift fra `arkiv import` står der endnu",
                             "gennemgå udkastet mod referatet, og slet så de to kommentarlinjer øverst")


def _published_contacts(fm: Fields, doc, body: str, folder: Path) -> frozenset[str]:
    """The e-mail addresses and phone numbers this file may publish, each with its reason.

    An exception the file does not use is a warning: it would let the contact through unnoticed
    if it came back."""
    entries = list(fm.mappings("published_contacts"))
    if not entries:
        return frozenset()
    published = {key: value for key, value in doc.value.items() if key != "published_contacts"}
    texts = [body, json.dumps(published, ensure_ascii=False, default=str)]
    source = doc.value.get("source")
    if isinstance(source, dict) and isinstance(source.get("file"), str) and SOURCE_FILE.match(source["file"]):
        with contextlib.suppress(OSError, SourceError):
            texts.append(decode_text(folder / source["file"]))
    found = {compact(f.shown) for text in texts for f in find_personal(text)}
    allowed = set()
    for entry in entries:
        entry.unknown_keys({"contact", "reason"})
        contact, reason = entry.str("contact", required=True), entry.str("reason", required=True)
        if contact and reason:
            allowed.add(compact(contact))
            if compact(contact) not in found:
                entry.warning("contact", f"'{contact}' står ikke i mødet", "slet undtagelsen, når den ikke bruges")
    return frozenset(allowed)


SOURCE_FILE = re.compile(r"^sources/[a-z0-9][a-z0-9._-]*\.txt$")


def _check_source_file(meeting: Meeting, folder: Path, fm: Fields, problems: ProblemList) -> None:
    """The source text is published beside the meeting page as it is: it must be plain text in
    meetings/sources/, and it is scanned for personal data like the meeting file itself."""
    name = meeting.source.file
    if not name:
        return
    source = fm.mapping("source")
    if not SOURCE_FILE.match(name):
        source.error("file", f"'{name}' er ikke en tekstfil i sources/",
                     "kilden offentliggøres som den er: læg referatets tekst som .txt i meetings/sources/, "
                     "og skriv fx 'sources/koebenhavn-2025-1.txt'")
        return
    path = folder / name
    if path.is_symlink() or not path.is_file():
        source.error("file", f"filen '{name}' findes ikke" if not path.is_symlink() else f"'{name}' er et symbolsk link",
                     "tjek stavemåden, eller læg filen i meetings/sources/")
        return
    try:
        text = decode_text(path)
    except SourceError as exc:
        problems.error(name, exc.line, "fil", exc.message, exc.hint)
        return
    scan_personal(text, name, 1, "kildetekst", problems, meeting.published_contacts)


def _meeting(meeting_id, name, fm: Fields, body: str, body_line: int, problems) -> Meeting:
    fm.unknown_keys(FRONT_MATTER_FIELDS)
    date = fm.date("date")
    date_unknown = _unknown_date(fm) if date is None else None
    if date is not None and fm.has("date_unknown"):
        fm.error("date_unknown", "mødet har både 'date' og 'date_unknown'",
                 "slet 'date_unknown', når datoen kendes")
    return Meeting(
        id=meeting_id,
        path=name,
        council=fm.str("council", required=True, default=""),
        date=date,
        date_unknown=date_unknown,
        time=fm.str("time"),
        place=fm.str("place"),
        chair=fm.str("chair"),
        chair_note=fm.str("chair_note"),
        agenda_note=fm.str("agenda_note"),
        participants_note=fm.str("participants_note"),
        participants=_attendance(fm, "participants"),
        absent=_attendance(fm, "absent"),
        substitutes=tuple(_substitution(f) for f in fm.mappings("substitutes")),
        presenters=tuple(_presenter(f) for f in fm.mappings("presenters")),
        approves_minutes=_minutes_ref(fm.mapping("approves_minutes")),
        next_meeting=_next_meeting(fm.mapping("next_meeting")),
        agenda=tuple(_agenda_entry(f) for f in fm.mappings("agenda", required=True)),
        attachments=tuple(_attachment(f) for f in fm.mappings("attachments")),
        conclusions=tuple(c for c in (_conclusion(f) for f in fm.mappings("conclusions")) if c),
        follow_ups=tuple(x for x in (_follow_up(f) for f in fm.mappings("follow_ups")) if x),
        source=_source(fm.mapping("source", required=True)),
        sections=tuple(read_sections(body, body_line, name, problems)),
    )


def _unknown_date(fm: Fields) -> UnknownDate | None:
    if "date" not in fm.data and not fm.has("date_unknown"):
        fm.error("date", "feltet mangler",
                 "skriv 'date: ÅÅÅÅ-MM-DD', eller 'date: null' og 'date_unknown:' når referatet ikke har en dato")
        return None
    unknown = fm.mapping("date_unknown")
    if unknown is None:
        if "date" in fm.data and fm.data["date"] is None:
            fm.error("date_unknown", "datoen er ukendt, men 'date_unknown' mangler",
                     "tilføj 'date_unknown:' med 'year:' og 'note:' om hvad referatet siger")
        return None
    unknown.unknown_keys({"year", "number_in_year", "after", "before", "note"})
    year = unknown.int("year", required=True, low=MIN_YEAR, high=MAX_YEAR)
    note = unknown.str("note", required=True)
    after, before = unknown.date("after"), unknown.date("before")
    if after and before and after >= before:
        unknown.error("before", f"{before} ligger ikke efter {after}", "tjek 'after' og 'before'")
    if year is None or note is None:
        return None
    return UnknownDate(year, note, unknown.int("number_in_year", low=1, high=99), after, before)


def _attendance(fm: Fields, key: str) -> tuple[Attendance, ...]:
    result = []
    for entry in fm.mappings(key):
        entry.unknown_keys({"person", "title", "organisation", "left_at", "left_during"})
        left_at = entry.str("left_at")
        if left_at and not CLOCK.match(left_at):
            entry.error("left_at", f"'{left_at}' er ikke et klokkeslæt", "skriv fx '15.30'")
        if key == "absent" and (left_at or entry.has("left_during")):
            entry.error("left_at" if left_at else "left_during", "en person med afbud kan ikke forlade mødet",
                        "flyt personen til 'participants', eller slet 'left_at' og 'left_during'")
        result.append(Attendance(entry.str("person", required=True, default=""), entry.str("title"),
                                 entry.str("organisation"), left_at, entry.str("left_during")))
    return tuple(result)


def _part(entry: Fields, key: str = "item") -> str | None:
    """A section reference: an agenda number ('3.c'), 'indledning' or 'skriftlig-orientering'."""
    value = entry.str(key, required=True)
    if value is not None and not (AGENDA_NUMBER.match(value) or value in ("indledning", "skriftlig-orientering")):
        entry.error(key, f"'{value}' er ikke et punkt", "skriv punktets nummer, fx '3' eller '3.a', "
                    "eller 'indledning' eller 'skriftlig-orientering'")
        return None
    return value


def _conclusion(entry: Fields) -> Conclusion | None:
    entry.unknown_keys({"item", "text"})
    item, text = _part(entry), entry.str("text", required=True)
    return Conclusion(item, text, entry.at[-1]) if item and text else None


def _follow_up(entry: Fields) -> FollowUp | None:
    entry.unknown_keys({"id", "item", "promise", "expected", "status", "answer", "earlier", "note"})
    ident, item = entry.str("id", required=True), _part(entry)
    if ident and not ID_PATTERN.match(ident):
        entry.error("id", f"'{ident}' er ikke et gyldigt id", ID_HINT)
        ident = None
    status = entry.str("status", required=True)
    if status is not None and status not in (OPEN, ANSWERED, LAPSED):
        entry.error("status", f"'{status}' er ikke en status", f"skriv '{OPEN}', '{ANSWERED}' eller '{LAPSED}'")
        status = None
    earlier = None
    if entry.has("earlier"):
        made = entry.mapping("earlier")
        if made is not None:
            made.unknown_keys({"date", "as_written"})
            written = made.str("as_written", required=True)
            earlier = EarlierPromise(made.date("date"), written) if written else None
    promise = entry.str("promise", required=earlier is None)
    answer = None
    if isinstance(entry.data.get("answer"), list):
        entry.error("answer", f"løftet er besvaret {len(entry.data['answer'])} gange",
                    "et løfte besvares ét sted: skriv det møde og punkt, der besvarer det, som 'answer:'")
    elif entry.has("answer"):
        given = entry.mapping("answer")
        if given is not None:
            given.unknown_keys({"meeting", "item", "text"})
            meeting, answered_item, text = given.str("meeting", required=True), _part(given), given.str("text", required=True)
            answer = Answer(meeting, answered_item, text) if meeting and answered_item and text else None
    if status == ANSWERED and answer is None and not entry.has("answer"):
        entry.error("answer", "løftet er 'besvaret', men 'answer' mangler",
                    "skriv 'answer: {meeting: …, item: …, text: …}' med den sætning, der besvarer det")
    if status in (OPEN, LAPSED) and entry.has("answer"):
        entry.error("status", f"løftet har et svar, men status er '{status}'", f"skriv 'status: {ANSWERED}'")
    if not (ident and item and status):
        return None
    return FollowUp(ident, item, promise, entry.str("expected"), status, answer, earlier, entry.str("note"),
                    entry.at[-1])


def _substitution(entry: Fields) -> Substitution:
    entry.unknown_keys({"person", "for"})
    return Substitution(entry.str("person", required=True, default=""),
                        entry.str("for", required=True, default=""))


def _presenter(entry: Fields) -> Presenter:
    entry.unknown_keys({"person", "title", "organisation", "items"})
    return Presenter(entry.str("person", required=True, default=""), entry.str("title"),
                     entry.str("organisation"), entry.str_list("items"))


def _minutes_ref(entry: Fields | None) -> MinutesRef | None:
    if entry is None:
        return None
    entry.unknown_keys({"date", "as_written", "meeting"})
    return MinutesRef(entry.date("date"), entry.str("as_written", required=True, default=""),
                      entry.str("meeting"))


def _next_meeting(entry: Fields | None) -> NextMeeting | None:
    if entry is None:
        return None
    entry.unknown_keys({"date", "as_written"})
    return NextMeeting(entry.date("date"), entry.str("as_written", required=True, default=""))


def _agenda_entry(entry: Fields) -> AgendaEntry:
    entry.unknown_keys({"number", "title", "themes", "points"})
    number = entry.str("number", required=True, default="")
    if number and not AGENDA_NUMBER.match(number):
        entry.error("number", f"'{number}' er ikke et punktnummer",
                    "skriv fx \"3\" for et punkt og \"3.a\" for et underpunkt")
    return AgendaEntry(number, entry.str("title", required=True, default=""),
                       entry.str_list("themes"), entry.str_list("points"))


def _attachment(entry: Fields) -> Attachment:
    entry.unknown_keys({"title", "item", "published", "url"})
    published, url = entry.bool("published"), entry.str("url")
    if published and not url:
        entry.error("url", "et offentliggjort bilag skal have en adresse",
                    "tilføj 'url:' eller sæt 'published: false'")
    return Attachment(entry.str("title", required=True, default=""), entry.str("item"), published, url)


def _source(entry: Fields | None) -> Source:
    if entry is None:
        return Source(kind="")
    entry.unknown_keys({"kind", "file", "url", "note"})
    return Source(entry.str("kind", required=True, default=""), entry.str("file"),
                  entry.str("url"), entry.str("note"))


def read_sections(body: str, first_line: int, name: str, problems: ProblemList) -> list[Section]:
    """Split the minutes into the opening text, the agenda items and the written orientation."""
    sections: list[Section] = []
    kind, heading, number, title, start, lines = INTRO, None, None, None, first_line, []

    def close():
        text = "\n".join(lines).strip("\n")
        if kind == INTRO and not text.strip():
            return
        section = Section(kind, heading, text, start, number, title)
        if not text.strip():
            problems.error(name, start, section.field, "punktet har ingen tekst",
                           "skriv referatets tekst under overskriften, fx 'Der var ingen bemærkninger.'")
        sections.append(section)

    for offset, line in enumerate(body.split("\n")):
        lineno = first_line + offset
        item, written = ITEM_HEADING.match(line), WRITTEN_HEADING.match(line)
        if item or written:
            close()
            start, lines, heading = lineno, [], line[2:].strip()
            if item:
                kind, number, title = ITEM, item["number"].lower(), item["title"]
            else:
                kind, number, title = WRITTEN, None, None
        elif line.startswith("## "):
            problems.error(name, lineno, "referat", f"overskriften '{line.strip()}' er ikke et punkt",
                           "skriv punktets nummer og titel som i dagsordenen, fx '## Ad 3.a) Titel', "
                           "eller '## Til skriftlig orientering:'")
            lines.append(line)
        elif line.startswith("# "):
            problems.error(name, lineno, "referat", "referatet må ikke have en overskrift på niveau 1",
                           "sidens titel laves af arkivet; brug '## Ad 1) …' til punkterne")
            lines.append(line)
        else:
            lines.append(line)
    close()
    return sections
