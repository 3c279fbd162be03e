"""The draft meeting file and the report, from what was recognised.

Facts come from the referat; where the referat is silent the draft says so (date null, place
null) and never fills in. What the importer inferred (a year, a near spelling) is marked
`# USIKKER` in the draft and listed in the report.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..danish import slugify
from ..load import meeting_files
from ..personal import INVISIBLE, find_personal
from ..problems import ProblemList
from ..reader import ITEM_HEADING
from ..registry import read_councils, read_people
from .cleanup import clean
from .extract import Extracted, UnreadableInput, extract
from .people import Match, PeopleMatcher
from .recognise import ORDINALS, Recognised, approves, recognise

EMPTY_ITEM = "*(Referatet har ingen tekst til dette punkt.)*"


@dataclass
class Report:
    meeting: Path | None = None
    source: Path | None = None
    recognised: list[str] = field(default_factory=list)
    uncertain: list[str] = field(default_factory=list)
    new_people: list[Match] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    marks: list[tuple[str, str]] = field(default_factory=list)  # (text of a draft line, why it is uncertain)

    def __str__(self) -> str:
        lines = [f"Udkast skrevet: {self.meeting}", f"Kildens tekst: {self.source}", "", "Genkendt:"]
        lines += [f"  - {x}" for x in self.recognised]
        if self.removed:
            lines += ["", "Fjernet som sidehoved, sidefod eller sidetal:"] + [f"  - »{x}«" for x in self.removed]
        lines += ["", "Usikkert – gennemgå i udkastet (markeret # USIKKER):" if self.uncertain else "Usikkert: intet."]
        lines += [f"  - {x}" for x in self.uncertain]
        if self.new_people:
            lines += ["", "Personer, der ikke er i people.yml – tilføj dem, eller ret navnet i udkastet:"]
            lines += [f"  - id: {m.person}\n    name: {m.as_written}" for m in self.new_people]
        lines += ["", "Tjek derefter udkastet med: make check"]
        return "\n".join(lines)


class ImportFailure(Exception):
    pass


def import_file(source: Path, meetings: Path, council: str | None = None, meeting_id: str | None = None,
                year: int | None = None, force: bool = False) -> Report:
    extracted = extract(source)
    problems = ProblemList()
    councils = read_councils(meetings, problems)
    people = read_people(meetings, problems)
    if problems.errors:
        raise ImportFailure("registrene i meetings/ har fejl; ret dem først (make check):\n"
                            + "\n".join(str(p) for p in problems.errors))
    report = Report()
    extracted = _visible(extracted, report)
    cleaned = clean(extracted.pages)
    found = recognise(cleaned.lines)
    report.removed = cleaned.removed
    if cleaned.joined:
        report.recognised.append("orddeling over linjeskift samlet: " + ", ".join(cleaned.joined[:8])
                                 + (" …" if len(cleaned.joined) > 8 else ""))
    council_id = _council(found, councils, council, report)
    data, body = build(found, PeopleMatcher(people), council_id, year, extracted, report)
    year_of = data["date"].year if data.get("date") else data["date_unknown"]["year"]
    same = _same_meeting(meetings, council_id, data.get("date"))
    if same and not meeting_id:
        if not force:
            raise ImportFailure(f"{same} er allerede rådets møde den {data['date'].isoformat()}; overskriv det med "
                                "--force, eller vælg et andet id med --id")
        meeting_id = same.stem
    meeting_id = meeting_id or _new_id(meetings, council_id, year_of, found.number_in_year)
    target, text_copy = meetings / f"{meeting_id}.md", meetings / "sources" / f"{meeting_id}.txt"
    for path in (target, text_copy):
        if path.exists() and not force:
            raise ImportFailure(f"{path} findes allerede; vælg et andet id med --id, eller overskriv med --force")
    data["source"]["file"] = f"sources/{meeting_id}.txt"
    _write(text_copy, extracted.text.rstrip("\n") + "\n")
    _write(target, render(data, body, source.name, report.marks))
    report.meeting, report.source = target, text_copy
    return report


_INVISIBLE = re.compile(f"[{INVISIBLE.replace(chr(9), '').replace(chr(10), '')}]")


def _visible(extracted: Extracted, report: Report) -> Extracted:
    """The referat without invisible characters (soft hyphens, zero-width spaces, controls), which
    PDFs and web pages carry and the check refuses; and a word in the report for every CPR
    number, e-mail address and phone number in it, which the check will refuse in the source
    text as well as in the draft."""
    removed = sum(len(_INVISIBLE.findall(page)) for page in extracted.pages)
    if removed:
        extracted = dataclasses.replace(extracted, pages=[_INVISIBLE.sub("", page) for page in extracted.pages])
        report.recognised.append(f"usynlige tegn fjernet: {removed}")
    text = extracted.text
    for finding in find_personal(text):
        what = {"cpr": "et CPR-nummer", "email": "en e-mailadresse", "phone": "et telefonnummer"}[finding.kind]
        line = text.count("\n", 0, finding.start) + 1
        report.uncertain.append(f"referatet indeholder {what} (kildens linje {line}): slet det i både udkastet og "
                                "kildens tekst, før mødet offentliggøres")
    return extracted


COUNCIL_NOISE = {"i", "for", "og", "kredsrådet", "kredsråd", "lokalrådet", "lokalråd", "politi", "politikreds",
                 "kommune", "fiktivt", "politikredsen"}


def _words(text: str) -> set[str]:
    """The distinctive words of a council's name, genitive s off: »Fiktivbys Politi« → {fiktivby}."""
    words = set(re.findall(r"[\wæøå-]+", text.lower())) - COUNCIL_NOISE
    return {w[:-1] if w.endswith("s") and len(w) > 4 else w for w in words}


def _council(found: Recognised, councils: dict, given: str | None, report: Report) -> str:
    if given:
        if given not in councils:
            raise ImportFailure(f"rådet '{given}' findes ikke i councils.yml (kendte: {', '.join(sorted(councils))}); "
                                "ret COUNCIL= (--council), eller tilføj rådet i meetings/councils.yml først")
        return given
    if found.council_text:
        wanted = _words(found.council_text)
        local = "lokalråd" in found.council_text.lower()
        scored = sorted(((len(wanted & _words(f"{c.name} {c.id} {c.police_district or ''}"))
                          + (0.5 if local == ("lokalråd" in c.name.lower()) else 0), c.id)
                         for c in councils.values()), reverse=True)
        if scored and scored[0][0] >= 1 and (len(scored) == 1 or scored[0][0] > scored[1][0]):
            report.recognised.append(f"råd: »{found.council_text}« → {scored[0][1]}")
            return scored[0][1]
        raise ImportFailure(f"rådet »{found.council_text}« er ikke i meetings/councils.yml. Tilføj det først, fx:\n\n"
                            + _council_entry(found.council_text) + "\n\nog kør så importen igen (eller angiv et "
                            "kendt råd med COUNCIL=…, --council …)")
    raise ImportFailure("rådet kan ikke genkendes (referatet har ingen mødeoverskrift eller brevhoved, der nævner det); "
                        f"angiv det med COUNCIL=… (--council …), fx COUNCIL={next(iter(sorted(councils)), 'koebenhavn')}")


def _council_entry(text: str) -> str:
    """The councils.yml entry for a council the referat names: »Kredsrådet for Nyby Politikreds«."""
    name = text.strip(" .,")
    if not re.match(r"(?:kredsrådet|lokalrådet)\b", name, re.IGNORECASE):
        district = re.sub(r"s?\s+[Pp]oliti$", "", name)
        name = f"Kredsrådet for {district} Politikreds"
    district = re.match(r"(?:kredsrådet|lokalrådet)\s+for\s+(.+)$", name, re.IGNORECASE)
    ident = slugify(re.sub(r"\s*(?:politikreds|kommune)$", "", district[1], flags=re.IGNORECASE) if district else name)
    if name.lower().startswith("lokalråd"):
        ident += "-lokalraad"
    entry = f"- id: {ident}\n  name: {name}"
    if district and name.lower().startswith("kredsråd"):
        entry += f"\n  police_district: {district[1]}"
    return entry


def build(found: Recognised, matcher: PeopleMatcher, council: str, year: int | None,
          extracted: Extracted, report: Report) -> tuple[dict, str]:
    data: dict = {"council": council}
    seen_matches: dict[str, Match] = {}

    def person(name: str) -> str:
        match = matcher.match(name)
        if name not in seen_matches:
            seen_matches[name] = match
            if match.how == "nær stavemåde":
                report.uncertain.append(f"»{name}« er sat til {match.person} ({match.registry_name}) – nær stavemåde")
                report.marks.append((f"person: {match.person}", f"skrevet »{name}«"))
            elif match.how == "ny":
                report.new_people.append(match)
        return match.person

    # Date: from the header, or left open with what the referat does say.
    # The item approving the previous minutes ('Godkendelse af referat fra … den 20. november 2024').
    reference = next((r for item in found.agenda if (r := approves(item.title))), None)
    if found.date:
        data["date"] = found.date
        report.recognised.append(f"dato: {found.date.isoformat()} (mødeoverskriften: »{found.header}«)")
        meeting_year = found.date.year
    else:
        data["date"] = None
        meeting_year = year or (max(found.years_mentioned) if found.years_mentioned else None)
        if year:
            report.recognised.append(f"år: {year} (angivet med --year)")
        elif meeting_year:
            report.marks.append((f"  year: {meeting_year}", "seneste årstal i referatets tekst"))
            report.uncertain.append(f"referatet angiver ingen dato; året {meeting_year} er det seneste årstal, "
                                    f"referatet nævner ({', '.join(map(str, found.years_mentioned))})")
        else:
            raise ImportFailure("referatet angiver hverken dato eller årstal; angiv året med --year")
        note = "Referatet angiver ingen dato for mødet."
        unknown: dict = {"year": meeting_year}
        if found.number_in_year:
            ordinal = next(k for k, v in ORDINALS.items() if v == found.number_in_year)
            unknown["number_in_year"] = found.number_in_year
            note += f" Det kaldes årets {ordinal} møde."
        if reference and reference[1]:
            unknown["after"] = reference[1]
        unknown["note"] = note
        data["date_unknown"] = unknown
    data["time"], data["place"] = found.time, found.place
    if found.time or found.place:
        report.recognised.append(f"tidspunkt: {found.time or 'ikke oplyst'}, sted: {found.place or 'ikke oplyst'}")
    if found.meeting_number:
        report.recognised.append(f"mødenummer: {found.meeting_number}")
    data["chair"] = None
    data["participants"] = [_attendance(person(p.name), p.title) for p in found.participants]
    data["absent"] = [_attendance(person(p.name), p.title) for p in found.absent]
    text = "\n".join(p for part in found.parts for p in part.paragraphs)
    data["substitutes"] = _substitutes(text, matcher, data, report)
    data["presenters"] = []
    report.recognised.append(f"deltagere: {len(data['participants'])}, afbud: {len(data['absent'])}, "
                             f"stedfortrædere: {len(data['substitutes'])}")
    report.uncertain.append("oplægsholdere og formand registreres ikke automatisk – tilføj dem under "
                            "'presenters' og 'chair', hvis referatet nævner dem")
    if reference:
        data["approves_minutes"] = {"date": reference[1], "as_written": reference[0]}
    else:
        data["approves_minutes"] = None
    data["next_meeting"] = _next(found, data, meeting_year, report)
    data["agenda"] = [_agenda_entry(item) for item in found.agenda]
    data["attachments"] = _attachments(found)
    report.recognised.append(f"dagsorden: {len(found.agenda)} punkter"
                             + (f" ({', '.join(i.number for i in found.agenda)})" if found.agenda else ""))
    if not found.agenda:
        report.uncertain.append("ingen dagsorden fundet – skriv den under 'agenda'")
    data["source"] = {"file": None, "kind": extracted.kind, "url": None,
                      "note": "Importeret fra referatets tekst. Linjeskift og sideskift fra PDF'en er samlet."}
    body = _body(found, report)
    return data, body


def _attendance(person_id: str, title: str | None) -> dict:
    return {"person": person_id, "title": title} if title else {"person": person_id}


def _substitutes(text: str, matcher: PeopleMatcher, data: dict, report: Report) -> list[dict]:
    """'Nina Eg Hansen, der mødte i stedet for borgmester Michael Vindfeldt'."""
    names = matcher.find_in(text)
    result = []
    for phrase in re.finditer(r"mødte\s+i\s+stedet\s+for", text, re.IGNORECASE):
        before = [n for n in names if n[1] <= phrase.start() and phrase.start() - n[1] < 40]
        after = [n for n in names if n[0] >= phrase.end() and n[0] - phrase.end() < 40]
        if before and after:
            result.append({"person": before[-1][2], "for": after[0][2]})
            report.recognised.append(f"stedfortræder: {before[-1][2]} for {after[0][2]}")
        else:
            report.uncertain.append(f"»{text[max(0, phrase.start() - 40):phrase.end() + 40]}« – stedfortræder "
                                    "ikke genkendt; skriv det under 'substitutes'")
    return result


def _next(found: Recognised, data: dict, meeting_year: int | None, report: Report) -> dict | None:
    if not found.next_meeting:
        return None
    written, day, month, year = found.next_meeting
    if year is None and data.get("date"):
        date = data["date"]
        year = date.year if (month, day) > (date.month, date.day) else date.year + 1
    elif year is None and meeting_year:
        year = meeting_year
        report.marks.append(("next_meeting:", f"året {year} er mødets år, som referatet ikke angiver"))
        report.uncertain.append(f"næste møde: året {year} er mødets formodede år")
    try:
        when = dt.date(year, month, day) if year else None
    except ValueError:
        when = None
    report.recognised.append(f"næste møde: {when.isoformat() if when else 'dato uklar'} (»{written}«)")
    if when and data.get("date_unknown") is not None:
        data["date_unknown"]["before"] = when
        data["date_unknown"]["note"] = data["date_unknown"].pop("note")  # keep the note last
    return {"date": when, "as_written": written}


def _agenda_entry(item) -> dict:
    entry: dict = {"number": item.number, "title": item.title}
    if item.points:
        entry["points"] = list(item.points)
    return entry


def _attachments(found: Recognised) -> list[dict]:
    """Every '(bilag)' on the agenda: an attachment of that item, not published in the archive."""
    result = []
    for item in found.agenda:
        for text in [item.title, *item.points]:
            if re.search(r"\(bilag\)", text, re.IGNORECASE):
                title = re.sub(r"\s*\(bilag\)\s*", " ", text, flags=re.IGNORECASE).strip()
                title = re.sub(r"^(godkendelse af|skriftlig orientering:)\s*", "", title, flags=re.IGNORECASE)
                result.append({"title": title[:1].upper() + title[1:], "item": item.number, "published": False})
    return result


def _body(found: Recognised, report: Report) -> str:
    titles = {item.number: item.title for item in found.agenda}
    blocks = []
    sections = 0
    for part in found.parts:
        if part.kind != "intro":
            heading = f"## {part.heading}"
            if part.kind == "item" and not ITEM_HEADING.match(heading):
                # A heading without its title ('Ad 3)'), or in a form the archive does not read:
                # the agenda's title is added, and the report says so.
                title = titles.get(part.number, "")
                if re.match(r"\d", part.heading) is None and title and part.heading.lower().startswith(title.lower()[:5]):
                    heading = f"## {part.number}. {part.heading}"          # 'Eventuelt' alone
                else:
                    heading = f"## {part.heading.rstrip(' .:)')}) {title}".rstrip()  # 'Ad 3)' alone
                if not ITEM_HEADING.match(heading):
                    heading = f"## Ad {part.number}) {title or part.heading}"
                report.uncertain.append(f"linje {part.line}: overskriften »{part.heading}« er skrevet som »{heading[3:]}«")
            blocks.append(heading)
            sections += 1
        if part.paragraphs:
            blocks.extend(part.paragraphs)
        elif part.kind != "intro":
            blocks.append(EMPTY_ITEM)
            report.uncertain.append(f"punkt {part.number or 'skriftlig orientering'} har ingen tekst i referatet")
    report.recognised.append(f"afsnit i referatet: {sections} ({sum(p.kind == 'written' for p in found.parts)} "
                             "til skriftlig orientering)")
    return "\n\n".join(blocks) + "\n"


class _Dumper(yaml.SafeDumper):
    """No anchors and aliases: the archive refuses them (one date used twice would get one)."""

    def ignore_aliases(self, data):
        return True


def _yaml(value, flow: bool) -> str:
    return yaml.dump(value, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=flow, width=100000 if flow else 100).strip()


def render(data: dict, body: str, source_name: str, marks: list[tuple[str, str]] = ()) -> str:
    """The front matter in the archive's house style: one field a line, lists of people and agenda
    items one entry a line, as in the README's example."""
    lines = []
    for key, value in data.items():
        if isinstance(value, list) and value:
            lines.append(f"{key}:")
            lines += [f"  - {_yaml(entry, flow=True)}" for entry in value]
        else:
            lines.append(_yaml({key: value}, flow=False))
    lines = "\n".join(lines).split("\n")
    for needle, why in marks:
        at = next((i for i, line in enumerate(lines) if needle in line and "# USIKKER" not in line), None)
        if at is not None:
            lines[at] += f"  # USIKKER: {why}"
    comment = (f"# Udkast fra `arkiv import` af {source_name}. Gennemgå det mod referatet; linjer mærket\n"
               "# USIKKER er slutninger, ikke referatets ord. Slet disse to linjer, når udkastet er gennemgået.\n")
    return f"---\n{comment}" + "\n".join(lines) + f"\n---\n\n{body}"


def _same_meeting(meetings: Path, council: str, date: dt.date | None) -> Path | None:
    """The meeting file already in the archive for this council and date (a second import)."""
    if date is None:
        return None
    for path in meeting_files(meetings):
        head = path.read_text(encoding="utf-8", errors="replace")[:4000]
        if re.search(rf"^council:\s*{re.escape(council)}\s*$", head, re.MULTILINE) and \
                re.search(rf"^date:\s*['\"]?{date.isoformat()}", head, re.MULTILINE):
            return path
    return None


def _new_id(meetings: Path, council: str, year: int, number: int | None) -> str:
    if number:
        return f"{council}-{year}-{number}"
    taken = {p.stem for p in meeting_files(meetings)}
    n = 1
    while f"{council}-{year}-{n}" in taken:
        n += 1
    return f"{council}-{year}-{n}"


def _write(path: Path, text: str) -> None:
    """Whole or not at all: a temporary file beside the target, renamed over it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


__all__ = ["import_file", "ImportFailure", "UnreadableInput", "Report"]
