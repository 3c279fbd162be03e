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

from ..check.personal import INVISIBLE, find_personal
from ..danish import slugify
from ..load import meeting_files
from ..problems import ProblemList
from ..source.format import DRAFT_HEADER, ITEM_HEADING, front_matter
from ..source.format import meeting_id as id_of
from ..source.reader import peek_front_matter
from ..source.registry import read_councils, read_people
from ..text import SENTENCE as _SENTENCE
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
    new_roles: dict = field(default_factory=dict)   # proposed id → the listed person (title, organisation)
    not_found: list[str] = field(default_factory=list)
    counts: dict = field(default_factory=dict)      # for the back catalogue's summary table
    removed: list[str] = field(default_factory=list)
    marks: list[tuple[str, str]] = field(default_factory=list)  # (text of a draft line, why it is uncertain)

    def __str__(self) -> str:
        lines = [f"Udkast skrevet: {self.meeting}", f"Kildens tekst: {self.source}", "", "Genkendt:"]
        lines += [f"  - {x}" for x in self.recognised]
        if self.removed:
            lines += ["", "Fjernet som sidehoved, sidefod eller sidetal:"] + [f"  - »{x}«" for x in self.removed]
        if self.not_found:
            lines += ["", "Ikke fundet i referatet:"] + [f"  - {x}" for x in self.not_found]
        lines += ["", "Usikkert – gennemgå i udkastet (markeret # USIKKER):" if self.uncertain else "Usikkert: intet."]
        lines += [f"  - {x}" for x in self.uncertain]
        if self.new_people:
            lines += ["", "Personer, der ikke er i people.yml – tilføj dem, eller ret navnet i udkastet:"]
            lines += [_person_entry(m, self.new_roles.get(m.person)) for m in self.new_people]
        lines += ["", "Tjek derefter udkastet med: make check"]
        return "\n".join(lines)


def _person_entry(match: Match, listed) -> str:
    """The people.yml entry for a new person, with the role the list gives them."""
    entry = f"  - id: {match.person}\n    name: {match.as_written}"
    if listed is not None and listed.initials:
        # Not proposed as an alias: an alias is found in every meeting's text, and »AF« is also
        # an abbreviation of other things in other councils' minutes.
        entry += f"  # omtales »{listed.initials}« i dette referat"
    if listed is not None and (listed.title or listed.organisation):
        role = ", ".join(f"{key}: {value}" for key, value in (("title", listed.title),
                                                              ("organisation", listed.organisation)) if value)
        entry += f"\n    roles:\n      - {{{role}}}"
    return entry


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
    report.recognised += [f"{what} (kildens layout)" for what in cleaned.layout]
    if found.header_lines:
        report.recognised.append("overskrift og brevhoved, ikke med i udkastets tekst: " + "; ".join(
            f"linje {cleaned.source_line(line)} »{text}«" for line, text in found.header_lines))
    council_id = _council(found, councils, council, report)
    archive = _archive(meetings)
    data, body = build(found, PeopleMatcher(people), council_id, year, extracted, report,
                       history=_history(archive), source_line=cleaned.source_line)
    year_of = data["date"].year if data.get("date") else data["date_unknown"]["year"]
    same = _same_meeting(archive, council_id, data.get("date"))
    if same and not meeting_id:
        if not force:
            raise ImportFailure(f"{same} er allerede rådets møde den {data['date'].isoformat()}; overskriv det med "
                                "FORCE=1 (--force), eller vælg et andet id med ID=… (--id …)")
        meeting_id = same.stem
    meeting_id = meeting_id or _new_id(archive, council_id, year_of, _number(found, year_of, archive,
                                                                              council_id, data.get("date")))
    target, text_copy = meetings / f"{meeting_id}.md", meetings / "sources" / f"{meeting_id}.txt"
    for path in (target, text_copy):
        if path.exists() and not force:
            raise ImportFailure(f"{path} findes allerede; vælg et andet id med ID=… (--id …), eller overskriv med FORCE=1 (--force)")
    data["source"]["file"] = f"sources/{meeting_id}.txt"
    report.counts = {"agenda": len(data["agenda"]), "participants": len(data["participants"]),
                     "absent": len(data["absent"]),
                     "date": data["date"].isoformat() if data.get("date") else f"ukendt ({year_of})"}
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
          extracted: Extracted, report: Report, history: dict | None = None,
          source_line=lambda line: line) -> tuple[dict, str]:
    data: dict = {"council": council}
    seen_matches: dict[str, Match] = {}
    history = history or {}
    meeting_year = found.date.year if found.date else year

    def person(listed) -> str:
        name = listed.name
        match = matcher.match(name)
        if name not in seen_matches:
            seen_matches[name] = match
            if match.how == "nær stavemåde":
                report.uncertain.append(f"»{name}« er sat til {match.person} ({match.registry_name}) – nær stavemåde")
                report.marks.append((f"person: {match.person}", f"skrevet »{name}«"))
            elif match.how == "ny":
                report.new_people.append(match)
                report.new_roles[match.person] = listed
            else:
                _other_person(listed, match, history.get(match.person, []), council, meeting_year, report)
        return match.person

    # Date: from the header, or left open with what the referat does say.
    # The item approving the previous minutes ('Godkendelse af referat fra … den 20. november 2024').
    reference = next((r for item in found.agenda if (r := approves(item.title))), None)
    if found.date:
        data["date"] = found.date
        at = next((line for line, text in found.header_lines if text in (found.header or "")), None)
        where = f"kildens linje {source_line(at)}: " if at else ""
        report.recognised.append(f"dato: {found.date.isoformat()} ({where}»{found.header}«)")
        meeting_year = found.date.year
    else:
        data["date"] = None
        meeting_year = year or (max(found.years_mentioned) if found.years_mentioned else None)
        if year:
            report.recognised.append(f"år: {year} (angivet med YEAR= / --year)")
        elif meeting_year:
            report.marks.append((f"  year: {meeting_year}", "seneste årstal i referatets tekst"))
            report.uncertain.append(f"referatet angiver ingen dato; året {meeting_year} er det seneste årstal, "
                                    f"referatet nævner ({', '.join(map(str, found.years_mentioned))})")
        else:
            raise ImportFailure("referatet angiver hverken dato eller årstal; angiv året med YEAR=… (--year …)")
        report.not_found.append("dato: referatet angiver ingen dato for mødet (udkastet har 'date: null' og "
                                "'date_unknown' med det, referatet siger)")
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
    missing = [what for what, value in (("tidspunkt", found.time), ("sted", found.place)) if not value]
    if missing:
        report.not_found.append(f"{' og '.join(missing)}: ikke i referatets overskrift (står som null i udkastet)")
    if found.meeting_number:
        report.recognised.append(f"mødenummer: {found.meeting_number}")
    data["chair"] = None
    numbers = {item.number for item in found.agenda}
    data["participants"] = [_attendance(person(p), p, numbers, report) for p in found.participants]
    data["absent"] = [_attendance(person(p), p, numbers, report) for p in found.absent]
    if found.participants or found.absent:
        report.recognised.append("deltagere: " + ", ".join(p.name for p in found.participants)
                                 + ("; afbud: " + ", ".join(p.name for p in found.absent) if found.absent else ""))
    for listed in found.absent:
        if listed.reason:
            report.recognised.append(f"afbud: {listed.name} – {listed.reason} (grunden står i kildens tekst)")
    for name in found.duplicates:
        report.recognised.append(f"»{name}« står to gange i listen; skrevet én gang")
    initials = {p.initials: p.name for p in found.participants + found.absent if p.initials}
    if initials:
        report.recognised.append("initialer: " + ", ".join(f"{k} = {v}" for k, v in initials.items())
                                 + " (referatet omtaler dem ved initialerne)")
    if not found.participants:
        report.not_found.append("deltagere: ingen liste over deltagere fundet – skriv dem under 'participants', "
                                "eller skriv i 'participants_note:' hvorfor referatet ikke nævner dem")
        report.marks.append(("participants:", "ingen deltagere fundet i referatet"))
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
    data["conclusions"] = _conclusions(found, report)
    report.recognised.append(f"dagsorden: {len(found.agenda)} punkter"
                             + (f" ({', '.join(i.number for i in found.agenda)})" if found.agenda else ""))
    if not found.agenda:
        report.not_found.append("dagsorden: ingen fundet – skriv punkterne under 'agenda', eller skriv i "
                                "'agenda_note:' hvorfor referatet ingen har")
        report.marks.append(("agenda:", "ingen dagsorden fundet i referatet"))
    elif found.agenda_from_headings:
        report.recognised.append("dagsordenen er læst af punkternes overskrifter i referatet (der er ingen "
                                 "liste over punkterne)")
    report.uncertain += found.uncertain
    data["source"] = {"file": None, "kind": extracted.kind, "url": None,
                      "note": "Importeret fra referatets tekst. Linjeskift og sideskift fra PDF'en er samlet."
                      if "PDF" in extracted.kind else "Importeret fra referatets tekst. Linjeskift er samlet til afsnit."}
    body = _body(found, report)
    return data, body


def _attendance(person_id: str, listed, numbers: set[str], report: Report) -> dict:
    """The meeting's entry for a listed person: the title and organisation as the list gives them,
    and when they left, where the referat says so."""
    entry: dict = {"person": person_id}
    if listed.title:
        entry["title"] = listed.title
    if listed.organisation:
        entry["organisation"] = listed.organisation
    left = listed.left
    if left:
        if left.time:
            entry["left_at"] = left.time
        if left.item and left.item in numbers:
            entry["left_during"] = left.item
        elif left.item:
            report.uncertain.append(f"»{left.as_written}«: punkt {left.item} er ikke på dagsordenen – skriv "
                                    "'left_during' selv")
        report.recognised.append(f"gik før tid: {listed.name}" + (f" kl. {left.time}" if left.time else "")
                                 + (f" under punkt {left.item}" if left.item else "") + f" (»{left.as_written}«)")
    return entry


def _other_person(listed, match: Match, seen: list[tuple[str, int, str | None]], council: str,
                  year: int | None, report: Report) -> None:
    """A registry name met in another council, or years from when it was last met with another
    title: perhaps someone else with the same name. Marked, with a distinct id proposed."""
    if not seen:
        return
    councils = {c for c, _, _ in seen}
    years = [y for _, y, _ in seen if y]
    titles = {t.lower() for _, _, t in seen if t}
    elsewhere = council not in councils
    apart = bool(year and years and min(abs(year - y) for y in years) >= 6 and listed.title
                 and listed.title.lower() not in titles)
    if not (elsewhere or apart):
        return
    where = ", ".join(sorted(councils))
    when = (str(min(years)) if min(years) == max(years) else f"{min(years)}–{max(years)}") if years else "uden år"
    report.uncertain.append(
        f"»{listed.name}« er sat til {match.person}, som arkivet kender fra {where} ({when}"
        + (f", {', '.join(sorted(titles))}" if titles else "") + "): er det en anden person med samme navn, "
        f"så brug id'et {match.person}-2 og tilføj personen i people.yml med en 'note', der skiller dem ad")
    report.marks.append((f"person: {match.person}", "måske en anden person med samme navn"))


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


# Sentences that record what the council concluded (issue 21): proposed, never taken for certain.
CONCLUDED = re.compile(r"\b(?:blev godkendt|blev vedtaget|besluttede|besluttedes|var (?:bred |fuld )?enighed om|"
                       r"tog .{0,40}til efterretning|godkendte)\b", re.IGNORECASE)


def _conclusions(found: Recognised, report: Report) -> list[dict]:
    """Proposed conclusions: a sentence saying what was approved or agreed, or the text under a
    »Beslutning« heading, each quoted as the referat has it (the check compares them)."""
    proposed = []
    for part in found.parts:
        ref = part.number if part.kind == "item" else ("indledning" if part.kind == "intro" else "skriftlig-orientering")
        paragraphs = list(part.paragraphs)
        for index, paragraph in enumerate(paragraphs):
            text = paragraph.strip()
            # »Beslutning« as a heading of its own, or run into the paragraph (»… Beslutning: …«).
            decision = re.search(r"(?:^|(?<=[.!?] ))beslutning\s*:?\s*(.*)$", text, re.IGNORECASE | re.DOTALL)
            if decision:
                before = text[:decision.start()].strip()
                for sentence in _SENTENCE.findall(before):
                    if CONCLUDED.search(sentence) and len(sentence.split()) >= 3:
                        proposed.append({"item": ref, "text": " ".join(sentence.split())})
                rest = decision.group(1).strip() or (paragraphs[index + 1].strip() if index + 1 < len(paragraphs) else "")
                if rest:
                    proposed.append({"item": ref, "text": " ".join(rest.split())})
                continue
            for sentence in _SENTENCE.findall(text):
                if CONCLUDED.search(sentence) and len(sentence.split()) >= 3:
                    proposed.append({"item": ref, "text": " ".join(sentence.split())})
    proposed = [dict(t) for t in dict.fromkeys(tuple(c.items()) for c in proposed)]
    if proposed:
        report.marks.append(("conclusions:", "forslag fra importen: behold de konklusioner, referatet giver, slet resten"))
        report.uncertain.append(f"{len(proposed)} konklusioner er foreslået (»blev godkendt«, »besluttede«, »Beslutning« …) "
                                "– gennemgå dem under 'conclusions'")
    return proposed


def _body(found: Recognised, report: Report) -> str:
    titles = {item.number: item.title for item in found.agenda}
    blocks, completed = [], []  # headings without their title, given the agenda's (a certain step)
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
                else:
                    completed.append(f"»{part.heading}« → »{heading[3:]}«")
            blocks.append(heading)
            sections += 1
        if part.paragraphs:
            blocks.extend(part.paragraphs)
        elif part.kind != "intro":
            blocks.append(EMPTY_ITEM)
            report.uncertain.append(f"punkt {part.number or 'skriftlig orientering'} har ingen tekst i referatet")
    report.recognised.append(f"afsnit i referatet: {sections} ({sum(p.kind == 'written' for p in found.parts)} "
                             "til skriftlig orientering)")
    if completed:
        report.recognised.append(f"{len(completed)} overskrifter uden titel har fået dagsordenens titel, fx "
                                 + "; ".join(completed[:2]) + (" …" if len(completed) > 2 else ""))
    return "\n\n".join(blocks) + "\n"


def render(data: dict, body: str, source_name: str, marks: list[tuple[str, str]] = ()) -> str:
    """The draft: the front matter in the house style (source/format.py), marks and all, then the
    minutes."""
    header = (f"{DRAFT_HEADER} af {source_name}. Gennemgå det mod referatet; linjer mærket\n"
              "# USIKKER er slutninger, ikke referatets ord. Slet disse to linjer, når udkastet er gennemgået.\n")
    return front_matter(data, header=header, marks=marks) + f"\n{body}"


def _archive(meetings: Path) -> dict[Path, dict]:
    """Each meeting file already in the archive, with its front matter (read once per import)."""
    return {path: peek_front_matter(path) for path in meeting_files(meetings)}


def _same_meeting(archive: dict[Path, dict], council: str, date: dt.date | None) -> Path | None:
    """The meeting file already in the archive for this council and date (a second import)."""
    if date is None:
        return None
    for path, front in archive.items():
        if front.get("council") == council and _date_of(front.get("date")) == date:
            return path
    return None


def _number(found: Recognised, year: int, archive: dict[Path, dict], council: str, date: dt.date | None) -> int | None:
    """The meeting's number in its year: as the referat states it (»møde nr. 1/2011«, »årets første
    møde«), or from its date among the council's meetings of that year already in the archive."""
    if found.meeting_number:
        number, of_year = found.meeting_number.split("/")
        if int(of_year) == year and int(number) >= 1:
            return int(number)
    if found.number_in_year:
        return found.number_in_year
    if date is None:
        return None
    earlier = [d for c, d in _dates(archive) if c == council and d.year == year and d < date]
    return len(earlier) + 1


def _date_of(value) -> dt.date | None:
    """A front-matter date as the archive's YAML reader gives it (text), or None."""
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _dates(archive: dict[Path, dict]) -> list[tuple[str, dt.date]]:
    found = []
    for front in archive.values():
        if _date_of(front.get("date")) and isinstance(front.get("council"), str):
            found.append((front["council"], _date_of(front["date"])))
    return found


def _history(archive: dict[Path, dict]) -> dict[str, list[tuple[str, int, str | None]]]:
    """Where each person has been listed in the archive: (council, year, title)."""
    seen: dict[str, list] = {}
    for front in archive.values():
        date, unknown = _date_of(front.get("date")), front.get("date_unknown")
        year = date.year if date else unknown.get("year") if isinstance(unknown, dict) else None
        year = year if isinstance(year, int) else None
        for key in ("participants", "absent"):
            for entry in front.get(key) or []:
                if isinstance(entry, dict) and isinstance(entry.get("person"), str):
                    seen.setdefault(entry["person"], []).append((front.get("council"), year, entry.get("title")))
    return seen


def _new_id(archive: dict[Path, dict], council: str, year: int, number: int | None) -> str:
    taken = {p.stem for p in archive}
    if number and id_of(council, year, number) not in taken:
        return id_of(council, year, number)
    n = 1
    while id_of(council, year, n) in taken:
        n += 1
    return id_of(council, year, n)


def _write(path: Path, text: str) -> None:
    """Whole or not at all: a temporary file beside the target, renamed over it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


REFERAT_SUFFIXES = (".pdf", ".txt")


def import_folder(folder: Path, meetings: Path, council: str | None = None, year: int | None = None):
    """Every referat in `folder` (PDF and text files, in name order), each drafted as `import_file`
    does and never over an existing file. Yields (file, Report or the error's message)."""
    files = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")
                   and p.suffix.lower() in REFERAT_SUFFIXES)
    if not files:
        raise ImportFailure(f"{folder} har ingen referater (.pdf eller .txt)")
    for path in files:
        try:
            yield path, import_file(path, meetings, council=council, year=year)
        except (ImportFailure, UnreadableInput) as exc:
            yield path, " ".join(str(exc).split())


def summary(results) -> str:
    """The back catalogue's table: one line a referat, the draft's id, what was found, what is uncertain."""
    rows = ["| fil | udkast | dato | dagsorden | deltagere | afbud | usikkert |", "|---|---|---|---|---|---|---|"]
    problems = []
    for path, result in results:
        if isinstance(result, str):
            rows.append(f"| {path.name} | – ikke importeret | | | | | {result.replace(str(path), path.name)[:240]} |")
            continue
        c = result.counts
        uncertain = len(result.uncertain) + len(result.not_found) + len(result.new_people)
        rows.append(f"| {path.name} | {result.meeting.stem} | {c['date']} | {c['agenda']} | {c['participants']} | "
                    f"{c['absent']} | {uncertain} |")
        items = [*result.not_found, *result.uncertain] + ([f"nye personer: {', '.join(m.as_written for m in result.new_people)}"]
                                                          if result.new_people else [])
        if items:
            problems.append(f"\n{result.meeting.name} (fra {path.name}):\n" + "\n".join(f"  - {x}" for x in items))
    done = sum(1 for _, r in results if not isinstance(r, str))
    text = "\n".join(rows) + f"\n\n{done} af {len(results)} referater er skrevet som udkast."
    if problems:
        text += "\n\nGennemgå i udkastene (linjer mærket # USIKKER):" + "".join(problems)
    return text + "\n\nTjek derefter udkastene med: make check"


__all__ = ["import_file", "import_folder", "summary", "ImportFailure", "UnreadableInput", "Report"]
