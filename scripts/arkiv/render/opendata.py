"""Open data in standard forms (issue 20): Popolo, Open Civic Data style events, CSV, and JSON
Schemas of the archive's own JSON; the SQLite database and the zip are made from these in
site/bulk.py.

- Popolo (`data/popolo.json`): persons (with their other spellings), organizations (the councils,
  and the organisations the minutes say people represent), memberships (a person's title in a
  council from their first to their latest meeting with it, and the organisation they represent),
  and events (the meetings).
- Open Civic Data style events (`data/ocd/<id>.json`, one per meeting): the agenda with each
  item's subjects (themes) and people, the participants with their roles, the documents (bilag)
  and the source.
- CSV (`data/csv/…`): meetings, agenda items with their themes, attendance (person × meeting,
  with the role), people. UTF-8 with a header row, comma-separated, as Python's csv writes it.
- JSON Schemas (`data/schema/…`) for the meeting JSON, the lists, Popolo and the events; the
  tests validate every file against them.

No export has an e-mail address or a phone number: none is in the data (the check refuses them in
meeting files unless a file allows one, and the site audit refuses any it does not allow).
"""

from __future__ import annotations

import csv
import io
import json

from ..danish import slugify
from ..index.membership import roles_over_time
from ..model import ABSENT, CHAIR, PRESENT, PRESENTER, REPRESENTED, SUBSTITUTE, Archive, Meeting
from .common import meeting_title
from .data import DATA, _dump, _plain
from .feeds import served

CSV = f"{DATA}/csv"
SCHEMAS = f"{DATA}/schema"
POPOLO = f"{DATA}/popolo.json"
ROLE_NAMES = {PRESENT: "deltager", ABSENT: "afbud", SUBSTITUTE: "stedfortræder", REPRESENTED: "repræsenteret",
              PRESENTER: "oplægsholder", CHAIR: "formand"}


def ocd_path(meeting: Meeting) -> str:
    return f"{DATA}/ocd/{meeting.id}.json"


def _organisation_id(name: str) -> str:
    return "organisation-" + slugify(name)


def render_popolo(archive: Archive) -> dict[str, str]:
    persons = [{"id": p.id, "name": p.name, "sort_name": p.filed_as,
                "other_names": [{"name": a, "note": "anden stavemåde i referaterne"} for a in p.aliases]}
               for p in archive.people.values()]
    organizations = {c.id: {"id": c.id, "name": c.name, "classification": "kredsråd"} for c in archive.councils.values()}
    memberships = []
    for person in archive.people.values():
        for role in roles_over_time(archive, person.id):
            memberships.append({"person_id": person.id, "organization_id": role.council, "role": role.title,
                                "start_date": _day(role.first), "end_date": _day(role.last),
                                "note": f"titlen i referaterne, {role.meetings} møde(r)"})
        represented = {r.organisation for r in person.roles if r.organisation}
        for appearance in archive.person_meetings.get(person.id, ()):
            for attendance in (*appearance.meeting.participants, *appearance.meeting.absent):
                if attendance.person == person.id and attendance.organisation:
                    represented.add(attendance.organisation)
        for name in sorted(represented):
            organizations.setdefault(_organisation_id(name), {"id": _organisation_id(name), "name": name,
                                                              "classification": "organisation"})
            memberships.append({"person_id": person.id, "organization_id": _organisation_id(name),
                                "role": "repræsenterer"})
    events = [{"id": m.id, "name": f"{archive.councils[m.council].name}: {meeting_title(m)}",
               "organization_id": m.council, "start_date": _plain(m.date), "year": m.year,
               "location": m.place} for m in archive.meetings]
    data = {"persons": persons, "organizations": sorted(organizations.values(), key=lambda o: o["id"]),
            "memberships": memberships, "events": events}
    return {POPOLO: _dump(data)}


def _day(meeting: Meeting) -> str | None:
    return meeting.date.isoformat() if meeting.date else None


def render_ocd_event(archive: Archive, meeting: Meeting) -> dict[str, str]:
    council = archive.councils[meeting.council]
    participants = []
    for appearance_role, entries in ((PRESENT, meeting.participants), (ABSENT, meeting.absent)):
        for entry in entries:
            participants.append({"entity_type": "person", "entity_id": entry.person,
                                 "name": archive.people[entry.person].name, "note": ROLE_NAMES[appearance_role],
                                 "title": entry.as_listed or None})
    for substitution in meeting.substitutes:
        participants.append({"entity_type": "person", "entity_id": substitution.person,
                             "name": archive.people[substitution.person].name, "note": ROLE_NAMES[SUBSTITUTE],
                             "title": None, "instead_of": substitution.instead_of})
    for presenter in meeting.presenters:
        participants.append({"entity_type": "person", "entity_id": presenter.person,
                             "name": archive.people[presenter.person].name, "note": ROLE_NAMES[PRESENTER],
                             "title": ", ".join(x for x in (presenter.title, presenter.organisation) if x) or None,
                             "items": list(presenter.items)})
    participants.append({"entity_type": "organization", "entity_id": council.id, "name": council.name, "note": "host"})
    agenda = []
    for order, section in enumerate(meeting.sections):
        key = (meeting.id, section.anchor)
        agenda.append({"order": order, "number": section.number, "description": section.heading or section.label,
                       "anchor": section.anchor,
                       "subjects": [archive.themes[t].title for t in archive.section_themes.get(key, ())],
                       "related_entities": [{"entity_type": "person", "entity_id": p, "name": archive.people[p].name}
                                            for p in archive.section_people.get(key, ())]})
    documents = [{"note": a.title, "item": a.item, "links": [{"url": a.url}] if a.url else []}
                 for a in meeting.attachments]
    sources = [{"note": meeting.source.kind, "url": meeting.source.url}] if meeting.source.url else \
        [{"note": meeting.source.kind, "url": None}]
    event = {"id": meeting.id, "name": f"{council.name}: {meeting_title(meeting)}", "classification": "meeting",
             "start_date": _plain(meeting.date), "year": meeting.year, "time": meeting.time,
             "location": {"name": meeting.place} if meeting.place else None, "status": "passed",
             "participants": participants, "agenda": agenda, "documents": documents, "sources": sources,
             "page": "/" + served(f"moeder/{meeting.id}.md")}
    return {ocd_path(meeting): _dump(event)}


def _csv(header: list[str], rows) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def csv_tables(archive: Archive) -> dict[str, tuple[list[str], list[list]]]:
    """The tables as (header, rows): written as CSV here, and into SQLite by site/bulk.py."""
    meetings = [[m.id, m.council, archive.councils[m.council].name, _plain(m.date) or "", m.year, m.time or "",
                 m.place or "", meeting_title(m), "/" + served(f"moeder/{m.id}.md")] for m in archive.meetings]
    items = []
    for m in archive.meetings:
        for order, s in enumerate(m.sections):
            key = (m.id, s.anchor)
            items.append([m.id, order, s.kind, s.number or "", s.anchor, s.heading or s.label,
                          ";".join(archive.section_themes.get(key, ())), ";".join(archive.section_people.get(key, ())),
                          s.body])
    attendance = []
    for person_id, appearances in archive.person_meetings.items():
        for a in appearances:
            attendance.append([a.meeting.id, person_id, ROLE_NAMES[a.role], a.title or "", a.other or "",
                               ";".join(a.items)])
    position = {m.id: i for i, m in enumerate(archive.meetings)}
    attendance.sort(key=lambda row: (position[row[0]], row[1], row[2]))
    people = [[p.id, p.name, ";".join(p.aliases), "; ".join(", ".join(x for x in (r.title, r.organisation) if x)
                                                             for r in p.roles)] for p in archive.people.values()]
    themes = [[t.id, t.title, t.description, ";".join(t.words)] for t in archive.themes.values()]
    conclusions = [[m.id, c.item, c.text] for m in archive.meetings for c in m.conclusions]
    follow_ups = [[f.id, m.id, f.item, f.promise or "", f.expected or "", f.status,
                   f.answer.meeting if f.answer else "", f.answer.item if f.answer else "",
                   f.answer.text if f.answer else "", _plain(f.earlier.date) or "" if f.earlier else ""]
                  for m in archive.meetings for f in m.follow_ups]
    return {
        "moeder": (["id", "raad", "raad_navn", "dato", "aar", "tidspunkt", "sted", "titel", "side"], meetings),
        "punkter": (["moede", "orden", "art", "nummer", "anker", "overskrift", "temaer", "personer", "tekst"], items),
        "deltagelse": (["moede", "person", "rolle", "titel", "anden_person", "punkter"], attendance),
        "personer": (["id", "navn", "andre_stavemaader", "titler"], people),
        "temaer": (["id", "titel", "beskrivelse", "ord"], themes),
        "konklusioner": (["moede", "punkt", "tekst"], conclusions),
        "opfoelgning": (["id", "moede", "punkt", "loefte", "ventet", "status", "svar_moede", "svar_punkt",
                         "svar_tekst", "tidligere_moede_dato"], follow_ups),
    }


def render_csv(archive: Archive, tables: dict | None = None) -> dict[str, str]:
    tables = tables or csv_tables(archive)
    return {f"{CSV}/{name}.csv": _csv(header, rows) for name, (header, rows) in tables.items()}


# --- JSON Schemas (draft 2020-12) of the archive's JSON -------------------------------------------

_TEXT = {"type": "string"}
_TEXT_OR_NULL = {"type": ["string", "null"]}
_DATE_OR_NULL = {"type": ["string", "null"], "pattern": r"^\d{4}-\d{2}-\d{2}$"}
_ID = {"type": "string", "pattern": r"^[a-z0-9][a-z0-9-]*$"}


def _object(properties: dict, required: list[str] | None = None, extra: bool = False) -> dict:
    return {"type": "object", "properties": properties, "required": required or list(properties),
            "additionalProperties": extra}


_SCHEMAS = {
    "moede.schema.json": {
        "title": "Et møde i Kredsrådsarkivet (arkiv/data/moeder/<id>.json)",
        **_object({
            "id": _ID, "council": _object({"id": _ID, "name": _TEXT}),
            "date": _DATE_OR_NULL, "date_unknown": {"type": ["object", "null"]},
            "time": _TEXT_OR_NULL, "place": _TEXT_OR_NULL, "chair": {"type": ["string", "null"]},
            "chair_note": _TEXT_OR_NULL, "agenda_note": _TEXT_OR_NULL, "participants_note": _TEXT_OR_NULL,
            "participants": {"type": "array", "items": {"type": "object", "required": ["person"]}},
            "absent": {"type": "array", "items": {"type": "object", "required": ["person"]}},
            "substitutes": {"type": "array", "items": _object({"person": _ID, "for": _ID})},
            "presenters": {"type": "array", "items": {"type": "object", "required": ["person", "items"]}},
            "approves_minutes": {"type": ["object", "null"]}, "next_meeting": {"type": ["object", "null"]},
            "agenda": {"type": "array", "items": {"type": "object", "required": ["number", "title"]}},
            "attachments": {"type": "array", "items": {"type": "object", "required": ["title"]}},
            "source": {"type": "object", "required": ["kind"]},
            "conclusions": {"type": "array", "items": _object({"item": _TEXT, "text": _TEXT})},
            "follow_ups": {"type": "array", "items": _object({
                "id": _ID, "item": _TEXT, "promise": _TEXT_OR_NULL, "expected": _TEXT_OR_NULL,
                "status": {"enum": ["åben", "besvaret", "bortfaldet"]},
                "answer": {"type": ["object", "null"], "required": ["meeting", "item", "text"]},
                "earlier": {"type": ["object", "null"], "required": ["date", "as_written"]},
                "note": _TEXT_OR_NULL})},
            "minutes_approved_at": {"type": ["string", "null"]},
            "sections": {"type": "array", "items": _object({
                "kind": {"enum": ["intro", "item", "written"]}, "number": _TEXT_OR_NULL, "heading": _TEXT_OR_NULL,
                "anchor": _TEXT, "text": _TEXT, "themes": {"type": "array", "items": _ID},
                "people": {"type": "array", "items": _ID}})},
        }, extra=True),
    },
    "moeder.schema.json": {
        "title": "Listen over møder (arkiv/data/moeder.json)",
        "type": "array",
        "items": _object({"id": _ID, "council": _ID, "date": _DATE_OR_NULL, "year": {"type": "integer"},
                          "data": _TEXT}),
    },
    "personer.schema.json": {
        "title": "Personregistret (arkiv/data/personer.json)",
        "type": "array",
        "items": _object({
            "id": _ID, "name": _TEXT, "aliases": {"type": "array", "items": _TEXT},
            "roles": {"type": "array", "items": _object({"title": _TEXT_OR_NULL, "organisation": _TEXT_OR_NULL,
                                                          "source": _TEXT_OR_NULL})},
            "note": _TEXT_OR_NULL, "same_person": _TEXT_OR_NULL, "sort_as": _TEXT_OR_NULL}),
    },
    "temaer.schema.json": {
        "title": "Temaregistret (arkiv/data/temaer.json)",
        "type": "array",
        "items": _object({"id": _ID, "title": _TEXT, "description": _TEXT, "words": {"type": "array", "items": _TEXT}}),
    },
    "raad.schema.json": {
        "title": "Rådene (arkiv/data/raad.json)",
        "type": "array",
        "items": _object({"id": _ID, "name": _TEXT, "police_district": _TEXT_OR_NULL}),
    },
    "popolo.schema.json": {
        "title": "Personer, organisationer, medlemskaber og møder i Popolo-form (arkiv/data/popolo.json)",
        **_object({
            "persons": {"type": "array", "items": _object({"id": _ID, "name": _TEXT, "sort_name": _TEXT,
                                                           "other_names": {"type": "array"}})},
            "organizations": {"type": "array", "items": _object({"id": _ID, "name": _TEXT,
                                                                 "classification": {"enum": ["kredsråd", "organisation"]}})},
            "memberships": {"type": "array", "items": _object(
                {"person_id": _ID, "organization_id": _ID, "role": _TEXT, "start_date": _DATE_OR_NULL,
                 "end_date": _DATE_OR_NULL, "note": _TEXT}, required=["person_id", "organization_id", "role"])},
            "events": {"type": "array", "items": _object({"id": _ID, "name": _TEXT, "organization_id": _ID,
                                                          "start_date": _DATE_OR_NULL, "year": {"type": "integer"},
                                                          "location": _TEXT_OR_NULL})},
        }),
    },
    "begivenhed.schema.json": {
        "title": "Et møde som Open Civic Data-begivenhed (arkiv/data/ocd/<id>.json)",
        **_object({
            "id": _ID, "name": _TEXT, "classification": {"const": "meeting"}, "start_date": _DATE_OR_NULL,
            "year": {"type": "integer"}, "time": _TEXT_OR_NULL, "location": {"type": ["object", "null"]},
            "status": {"const": "passed"},
            "participants": {"type": "array", "items": {"type": "object",
                                                        "required": ["entity_type", "entity_id", "name", "note"]}},
            "agenda": {"type": "array", "items": {"type": "object",
                                                  "required": ["order", "description", "anchor", "subjects", "related_entities"]}},
            "documents": {"type": "array"}, "sources": {"type": "array", "minItems": 1}, "page": _TEXT,
        }),
    },
}


def render_schemas() -> dict[str, str]:
    return {f"{SCHEMAS}/{name}": json.dumps({"$schema": "https://json-schema.org/draft/2020-12/schema", **schema},
                                            ensure_ascii=False, indent=2, sort_keys=True) + "\n"
            for name, schema in _SCHEMAS.items()}


# --- What every field means, in Danish: the zip's LAESMIG.md and the »Data og abonnement« page ----

FIELDS = {
    "moeder": ("Ét møde pr. række.", {
        "id": "mødets id i arkivet (også filnavnet i meetings/)", "raad": "rådets id", "raad_navn": "rådets navn",
        "dato": "mødets dato (ÅÅÅÅ-MM-DD); tom, hvor referatet ikke oplyser den", "aar": "mødets år",
        "tidspunkt": "klokkeslæt som referatet skriver det, ellers tomt", "sted": "mødested, ellers tomt",
        "titel": "mødets titel i arkivet", "side": "mødets side i arkivet (adresse fra sitets rod)"}),
    "punkter": ("Ét afsnit af referatet pr. række: indledningen, hvert punkt og underpunkt, den skriftlige orientering.", {
        "moede": "mødets id", "orden": "afsnittets plads i referatet (0 = første)",
        "art": "intro (indledning), item (punkt) eller written (skriftlig orientering)",
        "nummer": "punktets nummer (»3.a«), tomt for indledning og skriftlig orientering",
        "anker": "afsnittets anker på mødets side (»punkt-3a«)", "overskrift": "overskriften som i referatet",
        "temaer": "temaernes id'er, adskilt af »;«", "personer": "id'er på de personer, der nævnes eller holdt oplæg, adskilt af »;«",
        "tekst": "afsnittets tekst ordret (Markdown)"}),
    "deltagelse": ("Én persons rolle ved ét møde pr. række.", {
        "moede": "mødets id", "person": "personens id",
        "rolle": "deltager, afbud, stedfortræder, repræsenteret (en anden mødte i stedet), oplægsholder eller formand",
        "titel": "titel og organisation, som listen angiver dem", "anden_person": "ved stedfortræder/repræsenteret: den anden persons id",
        "punkter": "oplægsholderens punkter, adskilt af »;«"}),
    "personer": ("Én person pr. række.", {
        "id": "personens id", "navn": "navnet, som arkivet fører det", "andre_stavemaader": "andre stavemåder i referaterne, adskilt af »;«",
        "titler": "titler og organisationer, adskilt af »; «"}),
    "konklusioner": ("Én konklusion pr. række, ordret fra punktet.", {
        "moede": "mødets id", "punkt": "punktets nummer (eller indledning/skriftlig-orientering)",
        "tekst": "konklusionen, som referatet skriver den"}),
    "opfoelgning": ("Ét løfte pr. række: noget rådet lovede at vende tilbage til, og hvor det blev besvaret.", {
        "id": "løftets id", "moede": "mødet, hvor løftet står", "punkt": "punktet, hvor løftet står",
        "loefte": "løftet ordret fra punktet (tomt, når det blev givet på et møde, der ikke er i arkivet)",
        "ventet": "hvad der ventes og hvornår, som teksten siger det", "status": "åben, besvaret eller bortfaldet",
        "svar_moede": "mødet, der besvarer løftet", "svar_punkt": "punktet, der besvarer det",
        "svar_tekst": "den sætning, der besvarer det, ordret",
        "tidligere_moede_dato": "datoen for mødet, hvor løftet blev givet, når det ikke er i arkivet"}),
    "temaer": ("Ét tema pr. række.", {
        "id": "temaets id", "titel": "temaets titel", "beskrivelse": "hvad temaet dækker",
        "ord": "de ord, der knytter et punkt til temaet (»*« = vilkårlig endelse), adskilt af »;«"}),
}


def readme(archive: Archive) -> str:
    """LAESMIG.md of the zip: what each file and field holds, the licence, the names."""
    site = archive.site
    lines = ["# Kredsrådsarkivets data", "",
             f"Udgivet af {site.publisher if site else 'Kredsrådsarkivet'}. Alle filer er UTF-8. Datoer er ÅÅÅÅ-MM-DD.", "",
             "## Filer", "",
             "- `csv/*.csv`: tabellerne nedenfor, kommasepareret, med overskriftsrække.",
             "- `kredsraadsarkivet.sqlite`: de samme tabeller i én SQLite-database, plus `punkt_temaer` (ét punkt og ét tema "
             "pr. række) og `punkter_fts`, en fuldtekstsøgning (FTS5) i punkternes overskrifter og tekst, fx "
             "`SELECT moede, overskrift FROM punkter_fts WHERE punkter_fts MATCH 'opioider'`.",
             "- `popolo.json`: personer, organisationer (rådene og de organisationer, personer repræsenterer), "
             "medlemskaber med rolle og periode, og møderne, i Popolo-formen (https://www.popoloproject.com).",
             "- `ocd/<id>.json`: hvert møde som en Open Civic Data-begivenhed: dagsordenen med hvert punkts temaer og personer, "
             "deltagerne med roller, bilag og kilde.",
             "- `moeder.json`, `moeder/<id>.json`, `personer.json`, `temaer.json`, `raad.json`: arkivets egen JSON.",
             "- `schema/*.schema.json`: JSON Schemas for arkivets JSON, Popolo-filen og begivenhederne.", ""]
    for name, (what, fields) in FIELDS.items():
        lines += [f"## {name}.csv", "", what, ""]
        lines += [f"- `{field}`: {meaning}" for field, meaning in fields.items()]
        lines.append("")
    lines += ["## Licens", "", _licence_text(archive), "",
              "## Navne og kontaktoplysninger", "",
              "Navnene er navne på personer i deres offentlige roller: medlemmer af rådene og de gæster, referaterne "
              "nævner. Ingen fil rummer e-mailadresser eller telefonnumre.", ""]
    return "\n".join(lines)


def _licence_text(archive: Archive) -> str:
    site = archive.site
    licence = site.licence if site else "CC BY 4.0"
    url = f" ({site.licence_url})" if site and site.licence_url else ""
    return (f"Arkivets data (opdelingen i møder, punkter, personer, temaer og råd) må bruges under licensen "
            f"{licence}{url}; angiv Kredsrådsarkivet som kilde. Referaternes tekst er rådenes egen og gengives ordret.")


def licence_file(archive: Archive) -> str:
    return _licence_text(archive) + "\n"


DATA_PAGE = "abonnement.md"


def render_data_page(archive: Archive) -> str:
    """»Data og abonnement«: what each file holds, how to subscribe, the licence, the names."""
    from ..danish import sort_key
    from .blocks import block
    from .calendar import archive_calendar_path, council_calendar_path
    from .common import html_link, link, page_header
    from .feeds import archive_feed_path, council_feed_path, theme_feed_path

    page = DATA_PAGE
    a = lambda target, text: html_link(link(page, target), text)  # noqa: E731
    councils = sorted(archive.councils.values(), key=lambda c: sort_key(c.name))
    themes = sorted(archive.themes.values(), key=lambda t: sort_key(t.title))
    council_rows = "\n".join(f"<tr><td>{html_link(link(page, f'raad/{c.id}.md'), c.name)}</td>"
                             f"<td>{a(council_feed_path(c.id), 'nyhedsfeed')}</td>"
                             f"<td>{a(council_calendar_path(c.id), 'kalender')}</td></tr>" for c in councils)
    theme_items = " · ".join(a(theme_feed_path(t.id), t.title) for t in themes)
    files = [
        (a("data/moeder.json", "moeder.json"), "alle møder med id, råd, dato og henvisning til mødets egen fil"),
        ("moeder/&lt;id&gt;.json", "ét møde: dagsorden, deltagere, afbud, stedfortrædere, oplægsholdere, bilag, kilde og "
                                   "referatets tekst punkt for punkt med temaer og personer (linket fra mødets side)"),
        (a("data/personer.json", "personer.json") + ", " + a("data/temaer.json", "temaer.json") + ", "
         + a("data/raad.json", "raad.json"), "registrene over personer, temaer og råd"),
        (a(POPOLO, "popolo.json"), "personer, organisationer, medlemskaber med rolle og periode, og møder (Popolo)"),
        ("ocd/&lt;id&gt;.json", "hvert møde som Open Civic Data-begivenhed: punkter med temaer og personer, deltagere, bilag, kilde"),
        (" · ".join(a(f"{CSV}/{name}.csv", f"{name}.csv") for name in FIELDS), "tabellerne: møder, punkter med tekst "
                                                                              "og temaer, deltagelse, personer, temaer"),
    ]
    files += [(a("data/kredsraadsarkivet.sqlite", "kredsraadsarkivet.sqlite"),
                   "hele arkivet i én SQLite-database med fuldtekstsøgning (FTS5) i punkterne – til Datasette og andre "
                   "SQL-værktøjer"),
              (a("data/kredsraadsarkivet-data.zip", "kredsraadsarkivet-data.zip"),
               "alt ovenfor i én fil, med en beskrivelse af hvert felt (LAESMIG.md) og licensen")]
    files.append((" · ".join(a(f"{SCHEMAS}/{name}", name) for name in _SCHEMAS), "JSON Schemas for arkivets JSON"))
    file_rows = "\n".join(f"<tr><td>{name}</td><td>{what}</td></tr>" for name, what in files)
    field_lists = []
    for name, (what, fields) in FIELDS.items():
        field_lists.append(f"### {name}.csv\n\n{what}\n\n" + "\n".join(f"- `{f}`: {m}" for f, m in fields.items()) + "\n")
    return "\n".join([
        page_header("Data og abonnement", "Følg arkivet med nyhedsfeeds og kalendere, og hent dets data."),
        "# Data og abonnement\n",
        "## Abonnér\n",
        "Nyhedsfeeds (Atom) fortæller, når et møde kommer ind i arkivet eller ændres. Kopiér feedets adresse ind i en "
        "feedlæser. Kalenderne (.ics) rummer rådenes møder, både de afholdte og det næste møde, som det seneste "
        "referat varsler; abonnér på adressen i din kalender (»Tilføj kalender fra URL« eller »Abonnér på "
        "kalender«), så kommer nye møder med af sig selv. Datoer og tidspunkter er referaternes egne; et møde uden "
        "oplyst dato er ikke i kalenderen.\n",
        block(f"<p>Hele arkivet: {a(archive_feed_path(), 'nyhedsfeed over nye og ændrede møder')} · "
              f"{a(archive_calendar_path(), 'kalender over alle rådenes møder')}</p>"),
        "### Hvert råd\n",
        block('<div class="arkiv-taelling-ramme"><table class="arkiv-tabel"><thead><tr><th>Råd</th><th>Nyhedsfeed</th>'
              f"<th>Kalender</th></tr></thead><tbody>\n{council_rows}\n</tbody></table></div>"),
        "### Hvert tema og hver person\n",
        "Hvert tema og hver person har et nyhedsfeed med de nye punkter, de er med i; linket står på temaets og "
        "personens side. Temaerne:\n",
        block(f"<p>{theme_items}</p>"),
        "## Hent data\n",
        block('<div class="arkiv-taelling-ramme"><table class="arkiv-tabel"><thead><tr><th>Fil</th><th>Indhold</th>'
              f"</tr></thead><tbody>\n{file_rows}\n</tbody></table></div>"),
        "Alle filer er UTF-8; datoer skrives ÅÅÅÅ-MM-DD. To bygninger af det samme arkiv giver de samme filer, byte for byte.\n",
        "## Felterne\n",
        *field_lists,
        "## Licens\n",
        _licence_text(archive) + "\n",
        "## Navne og kontaktoplysninger\n",
        "Navnene i arkivet er navne på personer i deres offentlige roller: medlemmer af rådene og de gæster, "
        "referaterne nævner. Ingen af filerne rummer e-mailadresser eller telefonnumre.\n",
    ])
