"""The page of one meeting: facts, agenda, attendance, the minutes item by item, bilag, source."""

from __future__ import annotations

from ..danish import format_date
from ..index.crossref import listed_people
from ..model import ANSWERED, INTRO, ITEM, LAPSED, Archive, Meeting, Section
from . import search_marks as marks
from .blocks import block
from .common import (
    SOURCES,
    attr,
    council_name,
    escape,
    html_list,
    link,
    meeting_date_text,
    meeting_path,
    meeting_title,
    page_header,
    person_path,
    plural,
    search_attributes,
    theme_path,
)
from .common import html_link as _a
from .council import council_path
from .data import meeting_data_path
from .names import link_names
from .search_marks import data_attribute, mark


def source_copy_path(meeting: Meeting) -> str | None:
    """Where the source text is published, beside the pages, so readers can check the archive."""
    if not meeting.source.file:
        return None
    return f"{SOURCES}/{meeting.id}{_suffix(meeting.source.file)}"


def _suffix(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:] if dot > name.rfind("/") else ""


def render_meeting(archive: Archive, meeting: Meeting) -> str:
    """The page leads with the meeting – its council and date (or one line on what is known of
    an undated one, the full note a click away) and a line of links to the page's parts, which on
    a phone stands in for the table of contents – then the agenda, the facts, the attendance and
    the minutes."""
    page = meeting_path(meeting)
    council = council_name(archive, meeting)
    title = meeting_title(meeting)
    parts = [
        page_header(f"{title} – {council}", f"Referat af {council}s møde: {meeting_date_text(meeting)}.",
                    search="Møde"),
        f"# {escape(council)}: {escape(_short_title(meeting))}\n",
        _lead(archive, meeting, page),
        _search_data(archive, meeting),
        _contents(meeting),
        _agenda(meeting),
        _facts(archive, meeting, page),
        _attendance(archive, meeting, page),
        "## Referat\n",
        *(_item_mark(archive, meeting, s) + _section(archive, meeting, s, page) for s in meeting.sections),
        block(mark(marks.ITEMS_END)) if meeting.sections else "",
        _attachments(meeting),
        _source(meeting, page),
        _neighbours(archive, meeting, page),
    ]
    return "\n".join(p for p in parts if p)


def _short_title(meeting: Meeting) -> str:
    """The heading's part after the council: 'Møde 23. juni 2025', '1. møde i 2025' (the lead
    line says that the date is not given)."""
    return meeting_title(meeting).removesuffix(" (dato ikke oplyst)")


def _lead(archive: Archive, meeting: Meeting, page: str) -> str:
    """One line: when and where, as far as the minutes say."""
    council = _a(link(page, council_path(archive.councils[meeting.council])), council_name(archive, meeting))
    if meeting.date:
        when = format_date(meeting.date) + (f" kl. {attr(meeting.time)}" if meeting.time else "")
        where = f", {attr(meeting.place)}" if meeting.place else ""
        return block(f'<p class="arkiv-moede-lead">{council} · {attr(when)}{where}</p>')
    unknown = meeting.date_unknown
    known = meeting_date_text(meeting).removeprefix("Ikke oplyst i referatet, ")
    note_html = (f'<details class="arkiv-dato-note"><summary>Om datoen</summary><p>{attr(unknown.note)}</p></details>'
                 if unknown.note else "")
    return block(f'<div class="arkiv-moede-lead"><p>{council} · Datoen er ikke oplyst i referatet; mødet blev '
                 f'{attr(known)}.</p>{note_html}</div>')


# The parts of a meeting page, for the line of links under the lead.
_PARTS = (("dagsorden", "Dagsorden"), ("om-moedet", "Om mødet"), ("deltagere", "Deltagere"),
          ("referat", "Referat"), ("bilag", "Bilag"), ("kilde", "Kilde"))


def _contents(meeting: Meeting) -> str:
    links = " · ".join(_a(f"#{anchor}", label) for anchor, label in _PARTS
                       if anchor != "referat" or meeting.sections)
    return block(f'<nav class="arkiv-paa-siden" aria-label="På siden"><p>På siden: {links}</p></nav>')


def _search_data(archive: Archive, meeting: Meeting) -> str:
    """What the search filters and sorts the meeting by, and what its items share (search_marks).

    The meeting's own record is filtered by council and year, and by the people in its lists
    (their links carry the filter); each item's record also by its themes and people. An undated
    meeting sorts by its year alone, which places it first within that year when sorting oldest
    first – and no date is invented for it.
    """
    council = council_name(archive, meeting)
    sort = meeting.date.isoformat() if meeting.date else str(meeting.year)
    shared = {"raad": council, "aar": str(meeting.year), "sort": sort, "dato": meeting_date_text(meeting),
              "moede": meeting_title(meeting)}
    if archive.site:
        shared["udgiver"] = archive.site.publisher  # for the citations (assets/citer.js)
    return block(f'<div class="arkiv-soegedata" hidden{data_attribute(marks.MEETING, shared)}>'
                 + search_attributes("filter", [("aar", str(meeting.year)), ("raad", council)])
                 + search_attributes("sort", [("dato", sort)])
                 + search_attributes("meta", [("dato", meeting_date_text(meeting))]) + "</div>")


def _item_mark(archive: Archive, meeting: Meeting, section: Section) -> str:
    """The search's mark before a section: its record's anchor, title, themes and people."""
    key = (meeting.id, section.anchor)
    data = {
        "id": section.anchor,
        "titel": section.heading or section.label,
        "tema": [archive.themes[t].title for t in archive.section_themes.get(key, ())],
        "person": [archive.people[p].name for p in archive.section_people.get(key, ())],
    }
    concluded = [c.text for c in meeting.conclusions if c.item == section.ref]
    if concluded:  # shown with the item's search result
        data["konklusion"] = " ".join(concluded)
    return block(mark(marks.ITEM, data))


# The meeting's facts and lists are HTML blocks (see blocks.py): a meeting page has some fifty
# links outside its text, which cost the build more as markdown. Headings stay markdown, so the
# page's table of contents and anchors are made as for any page.

def _person(archive: Archive, page: str, person_id: str, filtered: set[str] | None = None) -> str:
    """A link to a person's page. With `filtered` (the people already given it on this page),
    the link also gives the search its person filter, once per person (Pagefind takes the link's
    text, the registry name, as the value, and counted a person listed twice twice): cheaper in
    bytes than a hidden element per person, and a meeting page must stay under 60 KB."""
    person = archive.people[person_id]
    href = attr(link(page, person_path(person)))
    marker = ""
    if filtered is not None and person_id not in filtered:
        filtered.add(person_id)
        marker = ' data-pagefind-filter="person"'
    return f'<a href="{href}"{marker}>{attr(person.name)}</a>'


def _meeting(archive: Archive, page: str, meeting: Meeting) -> str:
    return _a(link(page, meeting_path(meeting)), meeting_title(meeting))


def _rows(rows: list[tuple[str, str]]) -> str:
    """A definition-like list: '<li><strong>Dato:</strong> …</li>'."""
    return html_list(f"<li><strong>{label}:</strong> {value}</li>" for label, value in rows)


def _facts(archive: Archive, meeting: Meeting, page: str) -> str:
    """What the minutes say of the meeting; what they do not say, in one line after it."""
    chair = None
    if meeting.chair:
        chair = _person(archive, page, meeting.chair)
        if meeting.chair_note:
            chair += f". {attr(meeting.chair_note)}"
    elif meeting.chair_note:
        chair = attr(meeting.chair_note)
    minutes = [
        ("Tidspunkt", attr(meeting.time) if meeting.time else None),
        ("Sted", attr(meeting.place) if meeting.place else None),
        ("Formand", chair),
        ("Godkendt referat", _approved(archive, meeting, page)),
        ("Næste møde", _next(archive, meeting, page)),
    ]
    missing = [label.lower() for label, value in minutes if not value]
    # Where these minutes were approved is known from a later meeting, not from these minutes:
    # shown beside the minutes they approved, never counted as missing.
    approved_at = archive.approved_at(meeting.id)
    derived = [("Referatet godkendt på", _meeting(archive, page, approved_at) if approved_at else None)]
    known = [(label, value) for label, value in minutes[:4] + derived + minutes[4:] if value]
    text = "## Om mødet\n\n" + (_rows(known) if known else "")
    if missing:
        text += block(f'<p class="arkiv-ikke-oplyst">Ikke oplyst i referatet: {", ".join(missing)}.</p>')
    return text


def _approved(archive: Archive, meeting: Meeting, page: str) -> str | None:
    ref = meeting.approves_minutes
    if ref is None:
        return None
    text = f"»{attr(ref.as_written)}«"
    if ref.meeting:
        return f"{text} – {_meeting(archive, page, archive.meeting(ref.meeting))}"
    return f"{text} (mødet er ikke i arkivet)"


def _next(archive: Archive, meeting: Meeting, page: str) -> str | None:
    nxt = meeting.next_meeting
    if nxt is None:
        return None
    when = format_date(nxt.date) if nxt.date else "dato ikke oplyst"
    text = f"{when} (referatet: »{attr(nxt.as_written)}«)"
    held = next((m for m in archive.council_meetings(meeting.council) if nxt.date and m.date == nxt.date), None)
    if held:
        text += f" – {_meeting(archive, page, held)}"
    return text


def _agenda(meeting: Meeting) -> str:
    """The agenda as nested lists: items, their sub-items, and the points under an item."""
    if not meeting.agenda:
        return "## Dagsorden\n\n" + escape(meeting.agenda_note or "Referatet har ingen dagsorden.")
    # Left out of the meeting's search record: each item has a record of its own.
    html, open_sub = ["<ul data-pagefind-ignore>"], False
    for entry in meeting.agenda:
        section = meeting.section(entry.number)
        if entry.parent and not open_sub:
            html[-1] = html[-1].removesuffix("</li>") + "\n<ul>"
            open_sub = True
        elif not entry.parent and open_sub:
            html.append("</ul></li>")
            open_sub = False
        label = f"{entry.number.split('.')[1]})" if entry.parent else f"{entry.number}."
        text = f"{label} {entry.title}"
        item = _a(f"#{section.anchor}", text) if section else attr(text)
        if entry.points:
            item += "\n<ul>" + "".join(f"<li>{attr(point)}</li>" for point in entry.points) + "</ul>"
        html.append(f"<li>{item}</li>")
    if open_sub:
        html.append("</ul></li>")
    html.append("</ul>")
    return "## Dagsorden\n\n" + block("\n".join(html))


def _attendance(archive: Archive, meeting: Meeting, page: str) -> str:
    filtered: set[str] = set()

    def titled(entry):
        name = _person(archive, page, entry.person, filtered)
        if entry.title:
            name = f"{attr(entry.title)} {name}"
        if entry.organisation:
            name += f", {attr(entry.organisation)}"
        if entry.left_at or entry.left_during:
            name += " – gik" + (f" kl. {attr(entry.left_at)}" if entry.left_at else " før tid")
            if entry.left_during and meeting.section(entry.left_during):
                item = _a(f"#{meeting.section(entry.left_during).anchor}", f"punkt {entry.left_during}")
                name += f" under {item}"
        return f"<li>{name}</li>"

    blocks = ["## Deltagere\n"]
    if not meeting.participants and meeting.participants_note:
        blocks.append(escape(meeting.participants_note))
    if meeting.participants:
        blocks.append("### Fast deltagerkreds\n\n" + html_list(titled(a) for a in meeting.participants))
    if meeting.absent:
        blocks.append("### Afbud\n\n" + html_list(titled(a) for a in meeting.absent))
    if meeting.substitutes:
        rows = [f"<li>{_person(archive, page, s.person, filtered)} mødte i stedet for "
                f"{_person(archive, page, s.instead_of, filtered)}</li>"
                for s in meeting.substitutes]
        blocks.append("### Stedfortrædere\n\n" + html_list(rows))
    if meeting.presenters:
        rows = []
        for presenter in meeting.presenters:
            who = _person(archive, page, presenter.person, filtered)
            if presenter.title:
                who = f"{attr(presenter.title)} {who}"
            if presenter.organisation:
                who += f", {attr(presenter.organisation)}"
            items = ", ".join(_a(f"#{meeting.section(n).anchor}", n) for n in presenter.items)
            rows.append(f"<li>{who}" + (f" – punkt {items}" if items else "") + "</li>")
        blocks.append("### Oplægsholdere\n\n" + html_list(rows))
    return "\n".join(blocks)


def _section(archive: Archive, meeting: Meeting, section: Section, page: str) -> str:
    body = link_names(section.body, archive, page, listed_people(meeting))
    themes = archive.section_themes.get((meeting.id, section.anchor), [])
    labels = ""
    if themes:
        links = ", ".join(_a(link(page, theme_path(archive.themes[t])), archive.themes[t].title) for t in themes)
        labels = block(f'<p class="arkiv-temaer" data-pagefind-ignore>Temaer: {links}</p>') + "\n"
    after = _outcome(archive, meeting, section, page)
    if section.kind == INTRO:
        return f'<span id="{section.anchor}"></span>\n\n{labels}{body}\n{after}'
    level = "####" if section.kind == ITEM and "." in section.number else "###"
    return f"{level} {section.heading} {{ #{section.anchor} }}\n\n{labels}{body}\n{after}"


def _item_link(archive: Archive, page: str, meeting: Meeting, ref: str) -> str:
    section = meeting.part(ref)
    label = f"punkt {ref}" if section is not None and section.kind == ITEM else (section.label.lower() if section else ref)
    return _a(link(page, meeting_path(meeting), section.anchor if section else None),
              f"{label} på {council_name(archive, meeting)}s {meeting_title(meeting)[0].lower()}{meeting_title(meeting)[1:]}")


def _outcome(archive: Archive, meeting: Meeting, section: Section, page: str) -> str:
    """Under an item: its conclusion (a marked box), the promises made in it and where they were
    answered, and the promises it answers, with the way back (render/followups.py lists them all)."""
    parts = []
    for conclusion in (c for c in meeting.conclusions if c.item == section.ref):
        parts.append(f'<div class="arkiv-konklusion"><p class="arkiv-konklusion__titel">Konklusion</p>'
                     f"<p>{attr(conclusion.text)}</p></div>")
    for follow_up in (f for f in meeting.follow_ups if f.item == section.ref and f.promise):
        parts.append(f'<div class="arkiv-opfoelgning"><p><strong>Løfte:</strong> »{attr(follow_up.promise)}«'
                     f" – {_status(archive, page, meeting, follow_up)}</p></div>")
    answered = [(m, f) for m, f in archive.answers_in(meeting.id, section.ref)]
    for made_at, follow_up in answered:
        if follow_up.earlier:
            when = format_date(follow_up.earlier.date) if follow_up.earlier.date else "et tidligere møde"
            origin = f"et løfte fra mødet {when} (referatet kalder det »{attr(follow_up.earlier.as_written)}«; mødet er ikke i arkivet)"
        else:
            origin = f"løftet »{attr(follow_up.promise)}« fra {_item_link(archive, page, made_at, follow_up.item)}"
        parts.append(f'<div class="arkiv-opfoelgning"><p><strong>Opfølgning</strong> på {origin}: '
                     f"»{attr(follow_up.answer.text)}«</p></div>")
    return block("\n".join(parts)) if parts else ""


def _status(archive: Archive, page: str, meeting: Meeting, follow_up) -> str:
    if follow_up.status == ANSWERED and follow_up.answer:
        target = archive.meeting(follow_up.answer.meeting)
        return f"besvaret på {_item_link(archive, page, target, follow_up.answer.item)}"
    if follow_up.status == LAPSED:
        return "bortfaldet" + (f": {attr(follow_up.note)}" if follow_up.note else "")
    later = sum(1 for m in archive.council_meetings(meeting.council) if m.sort_key > meeting.sort_key)
    return "åben" + (f", {plural(later, 'senere møde', 'senere møder')} i arkivet" if later else ", intet senere møde i arkivet endnu")


def _attachments(meeting: Meeting) -> str:
    if not meeting.attachments:
        return "## Bilag\n\nReferatet nævner ingen bilag.\n"
    rows = []
    for attachment in meeting.attachments:
        title = attr(attachment.title)
        if attachment.published:
            title = _a(attachment.url, attachment.title)
        where = ""
        if attachment.item and meeting.section(attachment.item):
            where = f" (til punkt {_a('#' + meeting.section(attachment.item).anchor, attachment.item)})"
        status = "" if attachment.published else " – ikke offentliggjort i arkivet"
        rows.append(f"<li>{title}{where}{status}</li>")
    return "## Bilag\n\n" + html_list(rows)


def source_page_path(meeting: Meeting) -> str | None:
    """The page that shows the source text readably, beside the text file itself."""
    return f"{SOURCES}/{meeting.id}.md" if meeting.source.file else None


def _source(meeting: Meeting, page: str) -> str:
    source = meeting.source
    rows = [("Kilde", attr(source.kind))]
    copy = source_copy_path(meeting)
    if copy:
        text_page = source_page_path(meeting)
        rows.append(("Kildens tekst", f"{_a(link(page, text_page), 'læs den som side')} eller hent "
                                      f"{_a(link(page, copy), copy.rsplit('/', 1)[1])}"))
    rows.append(("Det officielle referat", _a(source.url, source.url) if source.url else "adressen er ikke registreret"))
    if source.note:
        rows.append(("Om gengivelsen", attr(source.note)))
    rows.append(("Data", f"{_a(link(page, meeting_data_path(meeting)), 'mødet som JSON')}"
                         f" (alle møder: {_a(link(page, 'data/moeder.json'), 'moeder.json')})"))
    return "## Kilde\n\n" + _rows(rows)


def render_source_page(archive: Archive, meeting: Meeting, text: str) -> str:
    """The source text as a page: readable in any browser from any server (a .txt served without
    a charset showed »kredsrÃ¥dsmÃ¸de«), with where it came from and the way back to the meeting.
    Kept out of the search, which finds the same words in the meeting's items."""
    page = source_page_path(meeting)
    council = council_name(archive, meeting)
    title = meeting_title(meeting)
    copy = source_copy_path(meeting)
    source = meeting.source
    rows = [("Mødet", _a(link(page, meeting_path(meeting)), f"{council}: {title}")),
            ("Kilde", attr(source.kind)),
            ("Det officielle referat", _a(source.url, source.url) if source.url else "adressen er ikke registreret"),
            ("Som tekstfil", _a(link(page, copy), copy.rsplit("/", 1)[1]))]
    if source.note:
        rows.append(("Om gengivelsen", attr(source.note)))
    return "\n".join([
        page_header(f"Kilde: {title} – {council}", f"Kildens tekst til {council}s møde: {meeting_date_text(meeting)}."),
        f"# Kilde: {escape(council)}, {escape(_short_title(meeting))}\n",
        _rows(rows),
        "## Kildens tekst\n",
        block(f'<pre class="arkiv-kildetekst">{attr(text)}</pre>'),
    ])


def _neighbours(archive: Archive, meeting: Meeting, page: str) -> str:
    before, after = archive.council_neighbours(meeting)
    return "## Forrige og næste møde i arkivet\n\n" + _rows([
        ("Forrige møde", _meeting(archive, page, before) if before else "intet i arkivet"),
        ("Næste møde", _meeting(archive, page, after) if after else "intet i arkivet"),
    ])
