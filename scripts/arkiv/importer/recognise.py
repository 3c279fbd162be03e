"""The parts of a Danish referat, found in its cleaned lines.

Header line (date, time, place, council, meeting number), the agenda, the participants and
apologies (titles from a lexicon split two columns run together), the item sections in the forms
councils use, the written orientation, and the next meeting. Pure functions of the lines: no
registry, no files.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..danish import MONTHS

WEEKDAYS = "mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag"
MONTH = "|".join(MONTHS)
ORDINALS = {"første": 1, "andet": 2, "anden": 2, "tredje": 3, "fjerde": 4, "femte": 5, "sjette": 6,
            "syvende": 7, "ottende": 8}

# Titles in Danish councils' minutes, longest first so that »Ledende politiinspektør« wins over
# »Politiinspektør«. A participant line is split at each title.
TITLES = sorted([
    "Politidirektør", "Vicepolitidirektør", "Overborgmester", "Borgmester", "Viceborgmester", "Rådmand",
    "Chefanklager", "Vicechefanklager", "Statsadvokat", "Chefpolitiinspektør", "Ledende politiinspektør",
    "Politiinspektør", "Vicepolitiinspektør", "Politikommissær", "Kommunaldirektør", "Direktør",
    "Sekretariatschef", "Chefkonsulent", "Specialkonsulent", "Konsulent", "Souschef", "Centerchef",
    "Afdelingsleder", "Afdelingschef", "Chefjurist", "Stabschef", "Kontorchef", "Områdechef",
    "Sektionsleder", "Formand", "Næstformand", "Byrådsmedlem", "Kommunalbestyrelsesmedlem",
    "Lokalpolitichef", "Politiassistent", "Sekretær", "Referent",
], key=len, reverse=True)
TITLE = re.compile(r"(?<![\w])(" + "|".join(re.escape(t) for t in TITLES) + r")(?![\w])", re.IGNORECASE)

HEADER = re.compile(
    r"^referat\s+(?:fra|af)\s+(?:det\s+)?(?:mødet|møde)"
    r"(?:\s+nr\.?\s*(?P<number>\d+)\s*/\s*(?P<number_year>\d{4}))?"
    r"\s+i\s+(?P<council>.+?)"
    rf"(?:\s*,)?\s+(?:(?:{WEEKDAYS})(?:\s+d\.|\s+den)?\s+|den\s+|d\.\s*)?"
    rf"(?P<day>\d{{1,2}})\.\s*(?P<month>{MONTH})\s+(?P<year>\d{{4}})"
    r"(?:\s*,?\s*kl\.?\s*(?P<time>\d{1,2}(?:[.:]\d{2})?)(?:\s*-\s*\d{1,2}(?:[.:]\d{2})?)?)?"
    r"(?:\s*,?\s*(?P<prep>i|hos|på)\s+(?P<place>.+?))?\s*\.?$",
    re.IGNORECASE)
AGENDA_HEADER = re.compile(r"^dagsorden\s*:?$", re.IGNORECASE)
AGENDA_TOP = re.compile(r"^(?P<number>\d{1,2})\s*[.)]\s*(?P<title>\S.*)$")
AGENDA_SUB = re.compile(r"^(?P<letter>[a-zæøå])\s*[).]\s+(?P<title>\S.*)$")
POINT = re.compile(r"^[•\-–*·▪]\s*(?P<text>\S.*)$")
PEOPLE_HEADER = re.compile(
    r"^(?P<kind>fast\s+deltagerkreds|deltagere|til\s*stede(?:\s+var)?|tilstede(?:\s+var)?|afbud(?:\s+fra)?)"
    r"\s*:\s*(?P<rest>.*)$|^(?P<kind2>fast\s+deltagerkreds|deltagere|til\s*stede|afbud)\s*$", re.IGNORECASE)
SECTION = re.compile(
    r"^(?P<form>ad\.?\s*(?:pkt\.?\s*)?|punkt\s+|pkt\.?\s*)(?P<number>\d{1,2})(?:\s*\.?\s*(?P<letter>[a-zæøå])(?![\wæøå]))?"
    r"\s*[).:]?\s*(?P<title>.*?)\s*$", re.IGNORECASE)
NUMBERED_HEADING = re.compile(r"^(?P<number>\d{1,2})(?:\.(?P<letter>[a-z]))?\s*[.)]\s*(?P<title>\S.*?)\s*$")
WRITTEN = re.compile(r"^til\s+skriftlig\s+orientering\s*:?\s*$", re.IGNORECASE)
LIST_ITEM = re.compile(r"^(?:\d{1,2}[.)]|[•\-–*·▪])\s+\S")
NEXT_MEETING = re.compile(
    r"[^.]*\bnæste\s+(?:kredsråds)?møde\b[^.]*?\b(?:den\s+|d\.\s*)?(?:(?:" + WEEKDAYS + r")\s+(?:den\s+|d\.\s*)?)?"
    rf"(?P<day>\d{{1,2}})\.\s*(?P<month>{MONTH})(?:\s+(?P<year>\d{{4}}))?[^.]*\.", re.IGNORECASE)
FULL_DATE = re.compile(rf"\b(?P<day>\d{{1,2}})\.\s*(?P<month>{MONTH})\s+(?P<year>\d{{4}})\b", re.IGNORECASE)
NUMBER_IN_YEAR = re.compile(r"\bårets\s+(?P<ordinal>" + "|".join(ORDINALS) + r")\s+(?:kredsråds)?møde", re.IGNORECASE)
APPROVES = re.compile(rf"(?P<written>referat(?:et)?\s+(?:fra|af)\s+[^()]*?(?P<day>\d{{1,2}})\.\s*(?P<month>{MONTH})"
                      r"\s+(?P<year>\d{4}))", re.IGNORECASE)


@dataclass
class Item:
    number: str
    title: str
    points: list[str] = field(default_factory=list)


@dataclass
class Person:
    name: str
    title: str | None = None


@dataclass
class Part:
    """A section of the minutes: `number` of its item, or None for the opening / written part."""
    kind: str                 # 'intro', 'item', 'written'
    heading: str              # the heading as the source writes it ('' for the opening text)
    number: str | None
    paragraphs: list[str]
    line: int                 # 1-based line of the heading in the cleaned text


@dataclass
class Recognised:
    date: dt.date | None = None
    time: str | None = None
    place: str | None = None
    council_text: str | None = None
    meeting_number: str | None = None
    header: str | None = None
    agenda: list[Item] = field(default_factory=list)
    participants: list[Person] = field(default_factory=list)
    absent: list[Person] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)
    next_meeting: tuple[str, int, int, int | None] | None = None   # (as written, day, month, year)
    number_in_year: int | None = None
    years_mentioned: list[int] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)                 # what the report should say


def _date(day: str, month: str, year: str) -> dt.date | None:
    try:
        return dt.date(int(year), MONTHS.index(month.lower()) + 1, int(day))
    except ValueError:
        return None


def recognise(lines: list[str]) -> Recognised:
    found = Recognised()
    index = _header(lines, found)
    body_start = _front_parts(lines, index, found)
    _sections(lines, body_start, found)
    text = " ".join(p for part in found.parts for p in part.paragraphs)
    _next_meeting(text, found)
    ordinal = NUMBER_IN_YEAR.search(text)
    if ordinal:
        found.number_in_year = ORDINALS[ordinal["ordinal"].lower()]
    found.years_mentioned = sorted({int(m["year"]) for m in FULL_DATE.finditer(" ".join(lines))})
    return found


def _header(lines: list[str], found: Recognised) -> int:
    """The header line, in the first lines (a PDF may break it over two). Returns where to go on."""
    for index in range(min(len(lines), 15)):
        for span in (1, 2, 3):
            candidate = " ".join(x for x in lines[index:index + span] if x)
            match = HEADER.match(candidate)
            if match:
                found.header = candidate
                found.date = _date(match["day"], match["month"], match["year"])
                found.time = match["time"].replace(":", ".") if match["time"] else None
                if found.time and "." not in found.time:
                    found.time += ".00"
                found.place = match["place"]
                found.council_text = match["council"]
                if match["number"]:
                    found.meeting_number = f"{match['number']}/{match['number_year']}"
                return index + span
    return _loose_header(lines, found)


# When the minutes have no one-line header: the council from a letterhead line, and the meeting's
# date from a line that says it is the meeting's (»Referat af kredsrådsmøde den 3. marts 2031«,
# »Mødedato: 11. november 2031«, »… den 12-05-2031«), never from a publication or letter date
# alone (»4. marts 2031«, »Fiktivby, den 20-05-2031«).
COUNCIL_LINE = re.compile(r"^(?:\d+\s+)?(?P<council>(?:kredsrådet|lokalrådet)\s+for\s+.+?)\s*$", re.IGNORECASE)
MEETING_DATE_LINE = re.compile(  # at the line's start: not »Godkendelse af referat fra mødet den …«
    r"^(?:referat\s+(?:af|fra)\s+(?:\S+\s+){0,4}?(?:kredsrådsmødet?|mødet?)|mødedato\s*:)", re.IGNORECASE)
NUMERIC_DATE = re.compile(r"\b(?P<day>\d{1,2})-(?P<month>\d{1,2})-(?P<year>\d{4})\b")
MEETING_NUMBER = re.compile(r"\bmøde\s+nr\.?\s*(?P<number>\d+)\s*/\s*(?P<year>\d{4})", re.IGNORECASE)


def _loose_header(lines: list[str], found: Recognised) -> int:
    """The council and date of minutes without a header line; returns the line after the last
    header line used (0 when none)."""
    used = -1
    for index, raw in enumerate(lines[:12]):
        line = re.sub(r"^\d{1,3}\s+(?=\D)", "", raw)  # a page number before every line (PDF text)
        council = COUNCIL_LINE.match(line)
        if council and not found.council_text:
            found.council_text, used = council["council"], index
        if found.date is None and MEETING_DATE_LINE.match(line):
            day = FULL_DATE.search(line) or NUMERIC_DATE.search(line)
            if day:
                found.date = _date_any(day["day"], day["month"], day["year"])
                found.header, used = line, index
                number = MEETING_NUMBER.search(line)
                if number:
                    found.meeting_number = f"{number['number']}/{number['year']}"
    return used + 1 if 0 <= used < 6 else 0


def _date_any(day: str, month: str, year: str) -> dt.date | None:
    if month.isdigit():
        try:
            return dt.date(int(year), int(month), int(day))
        except ValueError:
            return None
    return _date(day, month, year)


def _front_parts(lines: list[str], start: int, found: Recognised) -> int:
    """Agenda and attendance lists, in whichever order; returns the line where the minutes begin."""
    index = start
    while index < len(lines):
        line = lines[index]
        if not line:
            index += 1
            continue
        if AGENDA_HEADER.match(line):
            index = _agenda(lines, index + 1, found)
            continue
        people = PEOPLE_HEADER.match(line)
        if people:
            kind = (people["kind"] or people["kind2"]).lower()
            target = found.absent if kind.startswith("afbud") else found.participants
            index = _people(lines, index + 1, people["rest"] or "", target)
            continue
        if not found.agenda and AGENDA_TOP.match(line) and index < 25:
            index = _agenda(lines, index, found)  # an agenda without its heading
            continue
        return index
    return index


def _agenda(lines: list[str], index: int, found: Recognised) -> int:
    last, parent, after_blank = None, None, False
    while index < len(lines):
        line = lines[index]
        if not line:
            after_blank = True
            index += 1
            continue
        top, sub, point = AGENDA_TOP.match(line), AGENDA_SUB.match(line), POINT.match(line)
        if top and (not found.agenda or int(top["number"]) == int(found.agenda[-1].number.split(".")[0]) + 1):
            parent = top["number"]
            last = Item(parent, top["title"].strip())
            found.agenda.append(last)
        elif sub and parent:
            last = Item(f"{parent}.{sub['letter'].lower()}", sub["title"].strip())
            found.agenda.append(last)
        elif point and last:
            last.points.append(point["text"].strip())
        elif last and not after_blank and not PEOPLE_HEADER.match(line) and not SECTION.match(line):
            if last.points:
                last.points[-1] += " " + line
            else:
                last.title += " " + line  # an item that goes on over the next line
        else:
            break
        after_blank = False
        index += 1
    return index


def _people(lines: list[str], index: int, rest: str, target: list[Person]) -> int:
    if rest:
        target.extend(split_people(rest))
    while index < len(lines) and lines[index]:
        line = lines[index]
        if PEOPLE_HEADER.match(line) or AGENDA_HEADER.match(line) or SECTION.match(line):
            break
        if not is_person_line(line):
            break  # a list of people ends at the first line that is not one: never a sentence
        target.extend(split_people(line))
        index += 1
    return index


def is_person_line(line: str) -> bool:
    """Whether a line can be an entry of a list of people (»Politidirektør Aase Fiktiv«, »Aase
    Fiktiv, politidirektør«, two columns run together) rather than a sentence or an agenda item."""
    words = line.split()
    if AGENDA_TOP.match(line) or len(words) > 14:
        return False
    if line.rstrip().endswith(".") and len(words) >= 5 and not re.search(r"\b\w\.$", line.rstrip()):
        return False  # a sentence (»… forlod mødet kl. 15.30 under behandling af pkt. 2.«)
    return all(len(person.name.split()) <= 5 for person in split_people(line))


def split_people(line: str) -> list[Person]:
    """'Politidirektør Anne Tønnes Overborgmester Lars Weiss' → two people with their titles;
    also 'A, B og C' and 'Anne Tønnes, politidirektør'."""
    people: list[Person] = []
    for chunk in re.split(r"\s*[,;]\s*|\s+og\s+(?=[A-ZÆØÅ])", line.strip().rstrip(".")):
        if not chunk:
            continue
        titles = list(TITLE.finditer(chunk))
        if not titles:
            people.append(Person(chunk.strip()))
            continue
        if titles[0].start() > 0:
            before = chunk[:titles[0].start()].strip()
            if before:
                people.append(Person(before))
        for i, match in enumerate(titles):
            end = titles[i + 1].start() if i + 1 < len(titles) else len(chunk)
            name = chunk[match.end():end].strip()
            title = _title_case(match.group(1))
            if name:
                people.append(Person(name, title))
            elif people and people[-1].title is None:
                people[-1].title = title  # 'Anne Tønnes, politidirektør'
    return people


def _title_case(title: str) -> str:
    canonical = next(t for t in TITLES if t.lower() == title.lower())
    return canonical


def _sections(lines: list[str], start: int, found: Recognised) -> None:
    agenda = {item.number: item for item in found.agenda}
    current = Part("intro", "", None, [], start + 1)
    chunks: list[list[str]] = [[]]
    parts = [current]
    seen: set[str] = set()
    for index in range(start, len(lines)):
        line = lines[index]
        heading = _heading(line, agenda, seen) if line else None
        if heading:
            kind, number = heading
            seen.add(number or "written")
            current = Part(kind, line, number, [], index + 1)
            parts.append(current)
            chunks.append([])
            continue
        chunks[-1].append(line)
    for part, chunk in zip(parts, chunks):
        part.paragraphs = paragraphs(chunk)
    found.parts = [p for p in parts if p.kind != "intro" or p.paragraphs]


def _heading(line: str, agenda: dict[str, Item], seen: set[str]) -> tuple[str, str | None] | None:
    if WRITTEN.match(line):
        return "written", None
    match = SECTION.match(line)
    if match:
        number = match["number"] + (f".{match['letter'].lower()}" if match["letter"] else "")
        if match["form"].lower().startswith("ad"):
            return "item", number  # 'Ad 7)' is a heading even off the agenda: the check will say so
        # 'Punkt 3 blev udsat' is text; 'Punkt 3 Eventuelt' / 'Punkt 3' alone is a heading.
        item = agenda.get(number)
        if item and (not match["title"] or _same_title(match["title"], item.title)):
            return "item", number
    # A numbered heading alone ('3. Tema: Opioider'), only where it is the agenda's next item
    # with its title: a numbered list in the text is not a heading.
    match = NUMBERED_HEADING.match(line)
    if match:
        number = match["number"] + (f".{match['letter']}" if match["letter"] else "")
        item = agenda.get(number)
        if item and number not in seen and _same_title(match["title"], item.title):
            return "item", number
    # 'Eventuelt' alone, when the agenda has it and it has no section yet.
    for number, item in agenda.items():
        if number not in seen and _same_title(line, item.title) and len(line.split()) <= 3:
            return "item", number
    return None


def _same_title(a: str, b: str) -> bool:
    norm = lambda s: re.sub(r"\W+", " ", s.lower()).strip()  # noqa: E731
    a, b = norm(a), norm(re.sub(r"\(bilag\)", "", b, flags=re.IGNORECASE))
    return bool(a) and bool(b) and (a.startswith(b) or b.startswith(a))


def paragraphs(lines: list[str]) -> list[str]:
    """Lines broken by the PDF joined into paragraphs.

    A blank line ends a paragraph only where the text before it ends a sentence (or the next line
    starts a list): a page break in the middle of a sentence leaves blank lines too. Items of a
    numbered or bulleted list stay on lines of their own.
    """
    result: list[str] = []
    current: list[str] = []
    blank = False
    for line in lines:
        if not line:
            blank = True
            continue
        if current:
            ends = re.search(r"[.:!?;”\")]$", current[-1]) is not None
            starts_new = line[:1].isupper() or line[:1].isdigit() or line[:1] in "”\"•-–(*"
            if LIST_ITEM.match(line):
                result.append(" ".join(current))
                current = [line]
                blank = False
                continue
            if (blank or LIST_ITEM.match(current[0])) and ends and starts_new:
                result.append(" ".join(current))
                current = []
        current.append(line)
        blank = False
    if current:
        result.append(" ".join(current))
    return result


def _next_meeting(text: str, found: Recognised) -> None:
    match = NEXT_MEETING.search(text)
    if match:
        written = match.group(0).strip()
        year = int(match["year"]) if match["year"] else None
        found.next_meeting = (written, int(match["day"]), MONTHS.index(match["month"].lower()) + 1, year)


def approves(item_title: str) -> tuple[str, dt.date | None] | None:
    """'Godkendelse af referat fra kredsrådsmøde den 20. november 2024 (bilag)' → the reference."""
    match = APPROVES.search(item_title)
    if not match:
        return None
    return match["written"], _date(match["day"], match["month"], match["year"])
