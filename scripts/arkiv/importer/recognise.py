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
from . import dates
from .attendance import TITLE, TITLES, Departure, Person, is_none, is_person_line, split_people  # noqa: F401

WEEKDAYS = dates.WEEKDAYS
MONTH = dates.MONTH
ORDINALS = {"første": 1, "andet": 2, "anden": 2, "tredje": 3, "fjerde": 4, "femte": 5, "sjette": 6,
            "syvende": 7, "ottende": 8}

HEADER = re.compile(
    r"^referat\s+(?:fra|af)\s+(?:det\s+)?(?:mødet|møde)"
    r"(?:\s+nr\.?\s*(?P<number>\d+)\s*/\s*(?P<number_year>\d{4}))?"
    r"\s+i\s+(?P<council>.+?)"
    rf"(?:\s*,)?\s+(?:(?:{WEEKDAYS})(?:\s+d\.|\s+den)?\s+|den\s+|d\.\s*)?"
    rf"(?P<day>\d{{1,2}})\.\s*(?P<month>{MONTH})\s+(?P<year>\d{{4}})"
    r"(?:\s*,?\s*kl\.?\s*(?P<time>\d{1,2}(?:[.:]\d{2})?)(?:\s*-\s*\d{1,2}(?:[.:]\d{2})?)?)?"
    r"(?:\s*,?\s*(?P<prep>i|hos|på)\s+(?P<place>.+?))?\s*\.?$",
    re.IGNORECASE)
AGENDA_HEADER = re.compile(r"^dagsorden(?:\s+for\s+mødet)?\s*:?$", re.IGNORECASE)
# The head of an agenda set as a table (»Dagsordenpunkt | Emne | Beslutning | Status«).
TABLE_HEADER = re.compile(r"^(?:dagsordens?punkt|punkt|pkt\.?|nr\.?)\s*\t?\s*(?:emne|sag|overskrift|titel)\b", re.IGNORECASE)
TABLE_ROW = re.compile(r"^(?P<number>\d{1,2})\s*[.)]?(?:\t|\s+)(?P<rest>\S.*)$")
AGENDA_TOP = re.compile(r"^(?P<number>\d{1,2})\s*[.)]\s*(?P<title>\S.*)$")
AGENDA_SUB = re.compile(r"^(?P<letter>[a-zæøå])\s*[).]\s+(?P<title>\S.*)$")
POINT = re.compile(r"^[•\-–*·▪]\s*(?P<text>\S.*)$")
_PEOPLE_KINDS = (r"fast\s+deltagerkreds|deltagere|deltog|til\s*stede(?:\s+var)?|tilstede(?:\s+var)?|fremmødte|"
                 r"afbud(?:\s+fra)?|fraværende|fravær|forfald|meldt\s+afbud")
PEOPLE_HEADER = re.compile(
    rf"^(?P<kind>{_PEOPLE_KINDS})\s*:\s*(?P<rest>.*)$|^(?P<kind2>{_PEOPLE_KINDS})\s*$", re.IGNORECASE)
ABSENT_KINDS = ("afbud", "fravær", "forfald", "meldt")
SECTION = re.compile(
    r"^(?P<form>ad\.?\s*(?:pkt\.?\s*)?|punkt\s+|pkt\.?\s*)(?P<number>\d{1,2})(?:\s*\.?\s*(?P<letter>[a-zæøå])(?![\wæøå]))?"
    r"\s*[).:]?\s*(?P<title>.*?)\s*$", re.IGNORECASE)
NUMBERED_HEADING = re.compile(r"^(?P<number>\d{1,2})(?:\.(?P<letter>[a-z]))?\s*[.)]\s*(?P<title>\S.*?)\s*$")
WRITTEN = re.compile(r"^til\s+skriftlig\s+orientering\s*:?\s*$", re.IGNORECASE)
LIST_ITEM = re.compile(r"^(?:\d{1,2}[.)]|[•\-–*·▪])\s+\S")
NEXT_MEETING = re.compile(
    r"[^.]*\bnæste\s+(?:kredsråds)?møde\b[^.]*?\b(?:den\s+|d\.\s*)?(?:(?:" + WEEKDAYS + r")\s+(?:den\s+|d\.\s*)?)?"
    rf"(?P<day>\d{{1,2}})\.\s*(?P<month>{MONTH})(?:\s+(?P<year>\d{{4}}))?[^.]*\.", re.IGNORECASE)
NUMBER_IN_YEAR = re.compile(r"\bårets\s+(?P<ordinal>" + "|".join(ORDINALS) + r")\s+(?:kredsråds)?møde", re.IGNORECASE)
APPROVES = re.compile(rf"(?P<written>referat(?:et)?\s+(?:fra|af)\s+[^()]*?(?P<day>\d{{1,2}})\.\s*(?P<month>{MONTH})"
                      r"\s+(?P<year>\d{4}))", re.IGNORECASE)


@dataclass
class Item:
    number: str
    title: str
    points: list[str] = field(default_factory=list)


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
    lines: list[str] = field(default_factory=list)
    consumed: set[int] = field(default_factory=set)              # lines that are header, lists or agenda
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
    uncertain: list[str] = field(default_factory=list)             # what the report should ask about
    header_lines: list[tuple[int, str]] = field(default_factory=list)  # (line, text) left out of the body
    agenda_from_headings: bool = False
    agenda_table: list[tuple[str, list[str]]] = field(default_factory=list)  # (number, the row's other cells)
    duplicates: list[str] = field(default_factory=list)            # people listed twice


def recognise(lines: list[str]) -> Recognised:
    found = Recognised(lines=lines)
    _header(lines, found)
    # From the top: letterhead lines above the header line are header too, and the consumed
    # header lines are skipped wherever they are.
    body_start = _front_parts(lines, 0, found)
    _lists_elsewhere(lines, body_start, found)
    if not found.agenda:
        _agenda_from_headings(lines, body_start, found)
    _sections(lines, body_start, found)
    _dedupe(found)
    text = " ".join(p for part in found.parts for p in part.paragraphs)
    _next_meeting(text, found)
    ordinal = NUMBER_IN_YEAR.search(text)
    if ordinal:
        found.number_in_year = ORDINALS[ordinal["ordinal"].lower()]
    found.years_mentioned = sorted({int(m["year"]) for m in dates.WORD_DATE.finditer(" ".join(lines))})
    return found


def _first_list(lines: list[str]) -> int:
    """The line of the first list or agenda heading among the first lines (25 when none)."""
    for index, line in enumerate(lines[:25]):
        if AGENDA_HEADER.match(line) or PEOPLE_HEADER.match(line) or TABLE_HEADER.match(line):
            return index
    return 25


def _header(lines: list[str], found: Recognised) -> int:
    """The header line, in the first lines (a PDF may break it over two or three). Returns where to
    go on."""
    for index in range(min(len(lines), 15)):
        for span in (1, 2, 3):
            candidate = " ".join(x for x in lines[index:index + span] if x)
            match = HEADER.match(candidate)
            # A place that goes on over the next line (»… i mødelokale 3« / »på Politigården i Fiktivby.«).
            while match and index + span < len(lines) and not candidate.endswith(".") and \
                    re.match(r"^(?:[a-zæøå]|\(|på\b)", lines[index + span]) and len(lines[index + span].split()) <= 10:
                longer = HEADER.match(candidate + " " + lines[index + span])
                if not longer:
                    break
                candidate, match, span = candidate + " " + lines[index + span], longer, span + 1
            if match:
                found.header = candidate
                found.date = dates.date_of(match["day"], match["month"], match["year"])
                found.time = dates.clock(candidate[match.start("day"):]) if match["time"] else None
                found.place = match["place"]
                found.council_text = match["council"]
                if match["number"]:
                    found.meeting_number = f"{match['number']}/{match['number_year']}"
                _header_lines(lines, range(index, index + span), found)
                if not re.match(r"(?:kredsrådet|lokalrådet)\s+for\b", found.council_text, re.IGNORECASE):
                    _letterhead_council(lines, found, keep=found.council_text)
                return index + span
    return _loose_header(lines, found)


# When the minutes have no one-line header: the council from a letterhead line, and the meeting's
# date from the line that says so (see dates.py).
COUNCIL_LINE = re.compile(r"^(?:\d+\s+)?(?P<council>(?:kredsrådet|lokalrådet)\s+for\s+.+?)\s*$", re.IGNORECASE)
POLICE_LETTERHEAD = re.compile(r"^(?P<council>(?:[A-ZÆØÅ][\wæøå-]*\s+(?:og\s+)?){1,4}[Pp]oliti)\s*$")
MEETING_NUMBER = re.compile(r"\bmøde\s+nr\.?\s*(?P<number>\d+)\s*/\s*(?P<year>\d{4})", re.IGNORECASE)


def _loose_header(lines: list[str], found: Recognised) -> int:
    """The council and date of minutes without a header line; returns the line after the last
    header line used (0 when none)."""
    used = [_letterhead_council(lines, found)]
    date = dates.meeting_date(lines, _first_list(lines))
    if date:
        found.date, found.time, found.header = date.date, date.time, date.text
        number = MEETING_NUMBER.search(date.text)
        if number:
            found.meeting_number = f"{number['number']}/{number['year']}"
        _header_lines(lines, range(*date.lines), found)
        used.append(date.lines[1] - 1)
    last = max((index for index in used if index is not None), default=None)
    return last + 1 if last is not None and last < 8 else 0


def _letterhead_council(lines: list[str], found: Recognised, keep: str | None = None) -> int | None:
    """»Kredsrådet for Fiktivby Politikreds«, »Lokalrådet for Opdigtet Kommune« on a line of its own
    at the top; failing that a police district's letterhead (»Fiktivby Politi«). Returns the line
    of the council's own name line, when that was it."""
    letterhead = None
    for index, line in enumerate(lines[:15]):
        council = COUNCIL_LINE.match(line)
        if council:
            found.council_text = council["council"]
            _header_lines(lines, [index], found)
            return index
        police = POLICE_LETTERHEAD.match(line)
        if police and letterhead is None and len(line.split()) <= 6:
            letterhead = police["council"]
    if letterhead and not keep:
        found.council_text = letterhead
    if letterhead:
        # The district's name alone on a line is its letterhead, wherever a page break sets it.
        _header_lines(lines, [i for i, line in enumerate(lines) if line.strip() == letterhead], found)
    return None


def _header_lines(lines: list[str], indices, found: Recognised) -> None:
    for index in indices:
        if index not in found.consumed and lines[index]:
            found.consumed.add(index)
            found.header_lines.append((index + 1, lines[index]))


def _front_parts(lines: list[str], start: int, found: Recognised) -> int:
    """Agenda and attendance lists, in whichever order, and the letterhead lines before them;
    returns the line where the minutes begin."""
    index = start
    first_list = _first_list(lines)
    while index < len(lines):
        line = lines[index]
        if not line or index in found.consumed:
            index += 1
            continue
        if AGENDA_HEADER.match(line):
            found.consumed.add(index)
            index = _agenda(lines, index + 1, found)
            continue
        if TABLE_HEADER.match(line):
            found.consumed.add(index)
            index = _agenda_table(lines, index + 1, found)
            continue
        people = PEOPLE_HEADER.match(line)
        if people:
            found.consumed.add(index)
            index = _people(lines, index + 1, people, found)
            continue
        if not found.agenda and AGENDA_TOP.match(line) and index < 30 and _next_is_item(lines, index):
            index = _agenda(lines, index, found)  # an agenda without its heading
            continue
        if index < first_list and _letterhead_line(line):
            _header_lines(lines, [index], found)  # address, »Referat«, a date: before the first list
            index += 1
            continue
        return index
    return index


def _letterhead_line(line: str) -> bool:
    return len(line.split()) <= 12 and not SECTION.match(line) and not re.search(r"[a-zæøå]{3,}\.$", line)


def _next_is_item(lines: list[str], index: int) -> bool:
    """Whether the numbered line at `index` is followed by the next number: a list, not a heading."""
    following = next((line for line in lines[index + 1:] if line), "")
    top, this = AGENDA_TOP.match(following), AGENDA_TOP.match(lines[index])
    return bool(top) and int(top["number"]) == int(this["number"]) + 1


def _agenda(lines: list[str], index: int, found: Recognised) -> int:
    """The agenda's items from `index`, with sub-items, bullet points and titles that go on over a
    line; at an interruption (a page's letterhead and the first section, set in the middle of the
    agenda by a PDF), the next item is looked for a few lines on, and the lines between are left to
    the minutes. Returns where the interruption, or the end of the agenda, is."""
    last, parent, after_blank = None, None, False
    resume_from = None
    while index < len(lines):
        line = lines[index]
        if not line:
            after_blank = True
            index += 1
            continue
        top, sub, point = AGENDA_TOP.match(line), AGENDA_SUB.match(line), POINT.match(line)
        if top and (not found.agenda or int(top["number"]) == _last_top(found) + 1):
            parent = top["number"]
            last = Item(parent, _cells(top["title"]))
            found.agenda.append(last)
        elif sub and parent:
            last = Item(f"{parent}.{sub['letter'].lower()}", _cells(sub["title"]))
            found.agenda.append(last)
        elif point and last:
            last.points.append(_cells(point["text"]))
        elif last and _continues(line, last, after_blank):
            if last.points:
                last.points[-1] += " " + line
            else:
                last.title += " " + line  # an item that goes on over the next line
        else:
            resumed = _resume(lines, index, found) if found.agenda else None
            if resumed is None:
                break
            resume_from = resume_from if resume_from is not None else index
            index = resumed
            after_blank = False
            continue
        found.consumed.add(index)
        after_blank = False
        index += 1
    return resume_from if resume_from is not None else index


def _last_top(found: Recognised) -> int:
    return int(found.agenda[-1].number.split(".")[0])


def _cells(text: str) -> str:
    return re.sub(r"\s*\t\s*", " ", text).strip()


def _continues(line: str, last: Item, after_blank: bool) -> bool:
    """A title that goes on: »(opfølgning af sidste møde)«, a line starting in lower case, or after
    a title that breaks off (»… og«, »…,«)."""
    if after_blank or PEOPLE_HEADER.match(line) or SECTION.match(line) or TABLE_HEADER.match(line):
        return False
    if len(line.split()) > 14 or re.search(r"[.!?]$", line) and len(line.split()) > 6:
        return False
    previous = last.points[-1] if last.points else last.title
    return line[:1] in "(" or line[:1].islower() or bool(re.search(r"(?:,|-|\bog|\bsamt|\bi|\baf|\bfor)$", previous))


def _resume(lines: list[str], index: int, found: Recognised) -> int | None:
    """The line of the agenda's next item within the next lines, past an interruption with no list
    heading in it; None when the agenda has ended."""
    want = _last_top(found) + 1
    for ahead in range(index, min(len(lines), index + 16)):
        line = lines[ahead]
        if PEOPLE_HEADER.match(line) or AGENDA_HEADER.match(line):
            return None
        top = AGENDA_TOP.match(line)
        if top and int(top["number"]) == want and not SECTION.match(line):
            has_section = any(SECTION.match(x) and x.lower().startswith("ad") for x in lines[index:ahead])
            return ahead if has_section or ahead - index <= 3 else None
    return None


def _agenda_table(lines: list[str], index: int, found: Recognised) -> int:
    """An agenda set as a table: one row a line, the number first; with the cells a PDF's positions
    give (tabs) the title is the second cell and the rest (decision, status) goes to the item's text;
    run together, the row is the title and the report says it may hold the decision."""
    header = [cell.strip() for cell in lines[index - 1].split("\t")]
    run_together = False
    while index < len(lines):
        line = lines[index]
        if not line:
            index += 1
            continue
        row = TABLE_ROW.match(line)
        if not row or (found.agenda and int(row["number"]) != _last_top(found) + 1):
            break
        cells = [cell.strip() for cell in row["rest"].split("\t")]
        found.agenda.append(Item(row["number"], cells[0]))
        other = [f"{header[k + 1]}: {cell}" if k + 1 < len(header) and len(header) > 1 else cell
                 for k, cell in enumerate(cells[1:], start=1) if cell]
        found.agenda_table.append((row["number"], other))
        run_together = run_together or len(cells) == 1
        found.consumed.add(index)
        index += 1
    if run_together and found.agenda_table:
        found.uncertain.append("dagsordenen er en tabel, hvis celler er løbet sammen i teksten: hvert punkts titel "
                               "kan rumme beslutningen og status – ret titlerne i udkastet (en PDF læses med "
                               "cellerne adskilt)")
    return index


def _people(lines: list[str], index: int, header: re.Match, found: Recognised) -> int:
    kind = (header["kind"] or header["kind2"]).lower()
    target = found.absent if kind.startswith(ABSENT_KINDS) else found.participants
    rest = (header["rest"] or "").strip()
    if rest and not is_none(rest):
        target.extend(split_people(rest))
    while index < len(lines):
        line = lines[index]
        if not line:
            # A list goes on past a blank line only when a person entry follows at once.
            following = lines[index + 1] if index + 1 < len(lines) else ""
            if target and following and is_person_line(following) and not PEOPLE_HEADER.match(following):
                index += 1
                continue
            break
        if PEOPLE_HEADER.match(line) or AGENDA_HEADER.match(line) or SECTION.match(line) or TABLE_HEADER.match(line):
            break
        if is_none(line):
            found.consumed.add(index)
            index += 1
            continue
        if not is_person_line(line):
            break  # a list of people ends at the first line that is not one: never a sentence
        target.extend(split_people(line))
        found.consumed.add(index)
        index += 1
    return index


def _lists_elsewhere(lines: list[str], start: int, found: Recognised) -> None:
    """A list of people set after the first lines of the minutes (»Afbud:« below the agenda's first
    section at a page break): read where it stands, and left out of the minutes' text."""
    for index in range(start, len(lines)):
        if index in found.consumed:
            continue
        people = PEOPLE_HEADER.match(lines[index])
        if people and (people["rest"] == "" or people["rest"] is None or is_person_line(people["rest"])):
            found.consumed.add(index)
            _people(lines, index + 1, people, found)


def _agenda_from_headings(lines: list[str], start: int, found: Recognised) -> None:
    """Minutes with no agenda list but numbered item headings (»1. Godkendelse af referat«): the
    headings, numbered 1, 2, 3 … in order and each followed by text, are the agenda."""
    want = 1
    for index in range(start, len(lines)):
        match = NUMBERED_HEADING.match(lines[index]) if index not in found.consumed else None
        if not match or match["letter"] or int(match["number"]) != want or len(match["title"].split()) > 12:
            continue
        if match["title"].endswith(".") and len(match["title"].split()) > 6:
            continue  # a numbered sentence in the text
        found.agenda.append(Item(match["number"], match["title"].rstrip(":")))
        want += 1
    if found.agenda:
        found.agenda_from_headings = True


def _dedupe(found: Recognised) -> None:
    """One entry per person: a portal page may list someone twice; an apology wins over nothing,
    but someone both present and absent is left for the editor."""
    for people in (found.participants, found.absent):
        seen: dict[str, Person] = {}
        kept = []
        for person in people:
            key = person.name.lower()
            if key in seen:
                first = seen[key]
                first.title = first.title or person.title
                first.organisation = first.organisation or person.organisation
                first.left = first.left or person.left
                found.duplicates.append(person.name)
            else:
                seen[key] = person
                kept.append(person)
        people[:] = kept
    present = {p.name.lower() for p in found.participants}
    for person in found.absent:
        if person.name.lower() in present:
            found.uncertain.append(f"»{person.name}« står både blandt deltagerne og afbuddene – ret det i udkastet")


SUBHEADING = re.compile(r"^(?:beslutning|indstilling|sagsfremstilling|resumé|baggrund|bilag|referat|"
                        r"drøftelse|konklusion|opfølgning)\s*:?$", re.IGNORECASE)


def _sections(lines: list[str], start: int, found: Recognised) -> None:
    agenda = {item.number: item for item in found.agenda}
    current = Part("intro", "", None, [], start + 1)
    chunks: list[list[str]] = [[]]
    parts = [current]
    seen: set[str] = set()
    for index in range(start, len(lines)):
        if index in found.consumed:
            continue
        line = lines[index]
        heading = _heading(line, agenda, seen) if line else None
        if heading:
            kind, number = heading
            seen.add(number or "written")
            current = Part(kind, line, number, [], index + 1)
            parts.append(current)
            chunks.append([])
            continue
        if SUBHEADING.match(line):
            # »Beslutning« on a line of its own heads what follows; it is not the first words of it.
            chunks[-1] += ["", f"**{line.strip()}**", ""]
            continue
        chunks[-1].append(_cells(line) if "\t" in line else line)
    for part, chunk in zip(parts, chunks, strict=True):
        part.paragraphs = paragraphs(chunk)
    for number, cells in found.agenda_table:
        if number not in seen:
            item = agenda[number]
            parts.append(Part("item", f"{number}. {item.title}", number, cells, 0))
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
        if line.startswith("**") and line.endswith("**"):
            if current:
                result.append(" ".join(current))
            result.append(line)
            current, blank = [], False
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
    return match["written"], dates.date_of(match["day"], match["month"], match["year"])
