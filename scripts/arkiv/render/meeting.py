"""The page of one meeting: facts, agenda, attendance, the minutes item by item, bilag, source."""

from __future__ import annotations

from ..danish import format_date
from ..model import INTRO, ITEM, Archive, Meeting, Section
from .common import (SOURCES, UNKNOWN, council_name, escape, link, meeting_date_text, meeting_link,
                     meeting_path, meeting_title, page_header, person_link, quote, search_attributes,
                     theme_link)
from .data import meeting_data_path
from .names import link_names


def source_copy_path(meeting: Meeting) -> str | None:
    """Where the source text is published, beside the pages, so readers can check the archive."""
    if not meeting.source.file:
        return None
    return f"{SOURCES}/{meeting.id}{_suffix(meeting.source.file)}"


def _suffix(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:] if dot > name.rfind("/") else ""


def render_meeting(archive: Archive, meeting: Meeting) -> str:
    page = meeting_path(meeting)
    council = council_name(archive, meeting)
    title = meeting_title(meeting)
    parts = [
        page_header(f"{title} – {council}", f"Referat af {council}s møde: {meeting_date_text(meeting)}.",
                    search="Møde"),
        f"# {escape(title)}\n\n{escape(council)}\n",
        _search_data(archive, meeting),
        _date_note(meeting),
        _facts(archive, meeting, page),
        _agenda(meeting),
        _attendance(archive, meeting, page),
        "## Referat\n",
        *(_section(archive, meeting, s, page) for s in meeting.sections),
        _attachments(meeting),
        _source(meeting, page),
        _neighbours(archive, meeting, page),
    ]
    return "\n".join(p for p in parts if p)


def _search_data(archive: Archive, meeting: Meeting) -> str:
    """What the search page filters and sorts by: themes, people, year, council, date.

    People are everyone recorded at the meeting or named in its text; themes are those of its
    items. An undated meeting sorts by its year alone, which places it first within that year
    when sorting oldest first – and no date is invented for it.
    """
    people = [a.person for a in (*meeting.participants, *meeting.absent, *meeting.presenters)]
    people += [p for s in meeting.substitutes for p in (s.person, s.instead_of)]
    themes = []
    for section in meeting.sections:
        people += archive.section_people.get((meeting.id, section.anchor), [])
        themes += archive.section_themes.get((meeting.id, section.anchor), [])
    council = council_name(archive, meeting)
    filters = [("tema", archive.themes[t].title) for t in dict.fromkeys(themes)]
    filters += [("person", archive.people[p].name) for p in dict.fromkeys(people)]
    filters += [("aar", str(meeting.year)), ("raad", council)]
    sort = meeting.date.isoformat() if meeting.date else str(meeting.year)
    meta = [("dato", meeting_date_text(meeting)), ("raad", council)]
    return ('<div class="arkiv-soegedata" hidden>'
            + search_attributes("filter", filters) + search_attributes("sort", [("dato", sort)])
            + search_attributes("meta", meta) + "</div>\n")


def _date_note(meeting: Meeting) -> str:
    if meeting.date:
        return ""
    note = escape(meeting.date_unknown.note)
    return f'!!! note "Datoen er ikke oplyst"\n\n    {note}\n'


def _facts(archive: Archive, meeting: Meeting, page: str) -> str:
    if meeting.chair:
        chair = person_link(archive, page, meeting.chair)
        if meeting.chair_note:
            chair += f". {escape(meeting.chair_note)}"
    else:
        chair = escape(meeting.chair_note) if meeting.chair_note else UNKNOWN.capitalize()
    rows = [
        ("Råd", escape(council_name(archive, meeting))),
        ("Dato", meeting_date_text(meeting)),
        ("Tidspunkt", escape(meeting.time) if meeting.time else UNKNOWN.capitalize()),
        ("Sted", escape(meeting.place) if meeting.place else UNKNOWN.capitalize()),
        ("Formand", chair),
        ("Godkendt referat", _approved(archive, meeting, page)),
        ("Næste møde", _next(archive, meeting, page)),
    ]
    lines = [f"- **{label}:** {value}" for label, value in rows]
    return "\n".join(lines) + "\n"


def _approved(archive: Archive, meeting: Meeting, page: str) -> str:
    ref = meeting.approves_minutes
    if ref is None:
        return "Ikke oplyst i referatet"
    text = quote(ref.as_written)
    if ref.meeting:
        return f"{text} – {meeting_link(archive, page, archive.meeting(ref.meeting))}"
    return f"{text} (mødet er ikke i arkivet)"


def _next(archive: Archive, meeting: Meeting, page: str) -> str:
    nxt = meeting.next_meeting
    if nxt is None:
        return "Ikke oplyst i referatet"
    when = format_date(nxt.date) if nxt.date else "dato ikke oplyst"
    text = f"{when} (referatet: {quote(nxt.as_written)})"
    held = next((m for m in archive.council_meetings(meeting.council) if nxt.date and m.date == nxt.date), None)
    if held:
        text += f" – {meeting_link(archive, page, held)}"
    return text


def _agenda(meeting: Meeting) -> str:
    lines = ["## Dagsorden\n"]
    for entry in meeting.agenda:
        section = meeting.section(entry.number)
        anchor = section.anchor if section else None
        if entry.parent:
            label, indent = f"{entry.number.split('.')[1]})", "    "
        else:
            label, indent = f"{entry.number}.", ""
        text = f"{label} {escape(entry.title)}"
        lines.append(f"{indent}- [{text}](#{anchor})" if anchor else f"{indent}- {text}")
        lines.extend(f"{indent}    - {escape(point)}" for point in entry.points)
    return "\n".join(lines) + "\n"


def _attendance(archive: Archive, meeting: Meeting, page: str) -> str:
    def titled(entry):
        name = person_link(archive, page, entry.person)
        return f"- {escape(entry.title)} {name}" if entry.title else f"- {name}"

    blocks = ["## Deltagere\n"]
    if meeting.participants:
        blocks.append("### Fast deltagerkreds\n\n" + "\n".join(titled(a) for a in meeting.participants) + "\n")
    if meeting.absent:
        blocks.append("### Afbud\n\n" + "\n".join(titled(a) for a in meeting.absent) + "\n")
    if meeting.substitutes:
        rows = [f"- {person_link(archive, page, s.person)} mødte i stedet for "
                f"{person_link(archive, page, s.instead_of)}" for s in meeting.substitutes]
        blocks.append("### Stedfortrædere\n\n" + "\n".join(rows) + "\n")
    if meeting.presenters:
        rows = []
        for presenter in meeting.presenters:
            who = person_link(archive, page, presenter.person)
            if presenter.title:
                who = f"{escape(presenter.title)} {who}"
            if presenter.organisation:
                who += f", {escape(presenter.organisation)}"
            items = ", ".join(f"[{n}](#{meeting.section(n).anchor})" for n in presenter.items)
            rows.append(f"- {who}" + (f" – punkt {items}" if items else ""))
        blocks.append("### Oplægsholdere\n\n" + "\n".join(rows) + "\n")
    return "\n".join(blocks)


def _section(archive: Archive, meeting: Meeting, section: Section, page: str) -> str:
    body = link_names(section.body, archive, page)
    themes = archive.section_themes.get((meeting.id, section.anchor), [])
    labels = ""
    if themes:
        labels = "Temaer: " + ", ".join(theme_link(archive, page, t) for t in themes) + "\n{ .arkiv-temaer }\n\n"
    if section.kind == INTRO:
        return f'<span id="{section.anchor}"></span>\n\n{labels}{body}\n'
    level = "####" if section.kind == ITEM and "." in section.number else "###"
    return f"{level} {section.heading} {{ #{section.anchor} }}\n\n{labels}{body}\n"


def _attachments(meeting: Meeting) -> str:
    if not meeting.attachments:
        return "## Bilag\n\nReferatet nævner ingen bilag.\n"
    rows = []
    for attachment in meeting.attachments:
        title = escape(attachment.title)
        if attachment.published:
            title = f"[{title}]({attachment.url})"
        where = ""
        if attachment.item and meeting.section(attachment.item):
            where = f" (til punkt [{attachment.item}](#{meeting.section(attachment.item).anchor}))"
        status = "" if attachment.published else " – ikke offentliggjort i arkivet"
        rows.append(f"- {title}{where}{status}")
    return "## Bilag\n\n" + "\n".join(rows) + "\n"


def _source(meeting: Meeting, page: str) -> str:
    source = meeting.source
    rows = [f"- **Kilde:** {escape(source.kind)}"]
    copy = source_copy_path(meeting)
    if copy:
        rows.append(f"- **Kildens tekst:** [{copy.rsplit('/', 1)[1]}]({link(page, copy)})")
    if source.url:
        rows.append(f"- **Oprindelig adresse:** <{source.url}>")
    else:
        rows.append("- **Oprindelig adresse:** ikke registreret")
    if source.note:
        rows.append(f"- **Om gengivelsen:** {escape(source.note)}")
    rows.append(f"- **Data:** [mødet som JSON]({link(page, meeting_data_path(meeting))})"
                f" (alle møder: [moeder.json]({link(page, 'data/moeder.json')}))")
    rows.append(f"- **Mødefil i arkivet:** `meetings/{meeting.path}`")
    return "## Kilde\n\n" + "\n".join(rows) + "\n"


def _neighbours(archive: Archive, meeting: Meeting, page: str) -> str:
    same = archive.council_meetings(meeting.council)
    index = same.index(meeting)
    before = same[index - 1] if index > 0 else None
    after = same[index + 1] if index + 1 < len(same) else None
    rows = [
        "- **Forrige møde:** " + (meeting_link(archive, page, before) if before else "intet i arkivet"),
        "- **Næste møde:** " + (meeting_link(archive, page, after) if after else "intet i arkivet"),
    ]
    return "## Forrige og næste møde i arkivet\n\n" + "\n".join(rows) + "\n"
