"""The page of one person: titles, meetings and role at each, the items they appear in, themes."""

from __future__ import annotations

from ..danish import sort_key
from ..index.crossref import themes_of_person
from ..index.membership import roles_over_time
from ..model import (
    ABSENT,
    CHAIR,
    PRESENT,
    PRESENTED,
    PRESENTER,
    REPRESENTED,
    SPOKE,
    SUBSTITUTE,
    Appearance,
    Archive,
    Meeting,
    Person,
)
from .blocks import block
from .common import (
    COUNCILS,
    SITE_FOLDER,
    attr,
    escape,
    html_link,
    html_list,
    link,
    meeting_path,
    meeting_title,
    note,
    page_header,
    person_path,
    plural,
    quote,
    short_meeting_link,
    subscribe,
    theme_path,
)
from .feeds import person_feed_path
from .listing import by_year, hits_by_year, split_years, year_links, year_pages
from .search_marks import INDEX_END, mark

ROLES = {PRESENT: "Deltager", ABSENT: "Afbud", SUBSTITUTE: "Stedfortræder for", REPRESENTED: "Repræsenteret af",
         PRESENTER: "Oplægsholder", CHAIR: "Formand"}


def role_label(appearance: Appearance) -> str:
    """'Deltager', 'Oplægsholder (punkt 3.a, 3.b)', … as the person's page says it."""
    label = ROLES[appearance.role]
    return f"{label} (punkt {', '.join(appearance.items)})" if appearance.items else label


def meeting_roles(archive: Archive, person: Person) -> list[tuple[Meeting, str, Person | None, str]]:
    """(meeting, role, the other person of the role, title at that meeting) for every meeting the
    person is recorded at; the other person is whom they stood in for, or who stood in for them."""
    return [(a.meeting, role_label(a), archive.people[a.other] if a.other else None, a.title)
            for a in archive.person_meetings.get(person.id, ())]


def _how(hit) -> str:
    return {PRESENTED: "holdt oplæg", SPOKE: "tog ordet"}.get(hit.how, "kun nævnt")


def render_person(archive: Archive, person: Person) -> dict[str, str]:
    """The person's page (with the newest year they are named in) and a page per earlier year."""
    page = person_path(person)
    facts = []
    titles = [escape(", ".join(x for x in (r.title, r.organisation) if x))
              + (f" (kilde: {escape(r.source)})" if r.source else "") for r in person.roles]
    # Text, not a list: most people have one title and no other spelling.
    if titles:
        label = "Titel i referaterne" if len(titles) == 1 else "Titler i referaterne"
        facts.append(f"**{label}:** " + "; ".join(titles) + ".")
    if person.aliases:
        facts.append("**Også skrevet:** " + ", ".join(quote(a) for a in person.aliases) + ".")
    parts = [page_header(person.name, f"{person.name} i kredsrådenes referater.", search="Person",
                         feed=f"{SITE_FOLDER}/{person_feed_path(person.id)}"),
             f"# {escape(person.name)}\n", "\n\n".join(facts) + "\n" if facts else ""]
    if person.note:
        parts.append(note("Bemærkning", person.note))
    if person.same_person:
        parts.append(note("Samme person i flere råd", person.same_person))
    # The search finds a person by their name, titles and notes; what follows lists meetings.
    parts.append(block(mark(INDEX_END)))
    parts.append(subscribe(page, person_feed_path(person.id), what="nye punkter med personen"))
    parts.append(_roles(archive, person, page))
    parts.append(_meetings_table(archive, person, page))
    years = by_year(archive, archive.person_hits.get(person.id, []))
    parts.append("## Nævnt i referaterne\n")
    shown, paged = split_years(years)
    if shown:
        parts.append(hits_by_year(archive, [h for _, hits in shown for h in hits], page, 3, _how))
        if paged:
            parts.append(year_links(page, paged))
    else:
        parts.append("Personen er ikke nævnt i referaternes tekst.\n")
    pages = year_pages(archive, page, paged, person.name, person.name, "Referaterne, der nævner", _how)
    parts.append(_themes(archive, person, page))
    parts.append("[Alle personer](index.md)\n")
    pages[page] = "\n".join(p for p in parts if p)
    return pages


def _roles(archive: Archive, person: Person, page: str) -> str:
    """The titles the meetings' lists give the person, per council and period."""
    roles = roles_over_time(archive, person.id)
    if not roles:
        return ""
    lines = ['<div class="arkiv-taelling-ramme"><table class="arkiv-tabel arkiv-roller" data-pagefind-ignore>',
             "<thead><tr><th>Titel i referatet</th><th>Råd</th><th>Fra</th><th>Til</th><th>Møder</th></tr></thead><tbody>"]
    for role in roles:
        council = archive.councils[role.council]
        lines.append(f'<tr><td data-label="Titel">{attr(role.title)}</td>'
                     f'<td data-label="Råd">{html_link(link(page, f"{COUNCILS}/{council.id}.md"), council.name)}</td>'
                     f'<td data-label="Fra">{short_meeting_link(page, role.first)}</td>'
                     f'<td data-label="Til">{short_meeting_link(page, role.last)}</td>'
                     f'<td data-label="Møder">{role.meetings}</td></tr>')
    lines.append("</tbody></table></div>")
    return "## Roller over tid\n\nTitlerne i rådenes deltagerlister, med det første og seneste møde:\n\n" + block("\n".join(lines))


def _meetings_table(archive: Archive, person: Person, page: str) -> str:
    """Every meeting the person attended, as one raw HTML table (see listing.hits_by_year)."""
    rows = meeting_roles(archive, person)
    if not rows:
        return "## Møder\n\nPersonen er ikke registreret som deltager ved noget møde.\n"
    lines = ['<div class="arkiv-taelling-ramme"><table class="arkiv-tabel arkiv-moeder" data-pagefind-ignore>',
             "<thead><tr><th>Møde</th><th>Råd</th><th>Rolle</th><th>Titel ved mødet</th></tr></thead><tbody>"]
    for meeting, role, other, title in reversed(rows):
        role = attr(role)
        if other:
            role += " " + html_link(link(page, person_path(other)), other.name)
        lines.append(f'<tr><td data-label="Møde">{html_link(link(page, meeting_path(meeting)), meeting_title(meeting))}</td>'
                     f'<td data-label="Råd">{attr(archive.councils[meeting.council].name)}</td>'
                     f'<td data-label="Rolle">{role}</td><td data-label="Titel">{attr(title)}</td></tr>')
    lines.append("</tbody></table></div>")
    return "## Møder\n\n" + block("\n".join(lines))


def _themes(archive: Archive, person: Person, page: str) -> str:
    """The themes of the person's items; left out of the search index, where every theme's name
    would make the person a hit for it."""
    def listed(counts):
        ordered = sorted(counts, key=lambda t: sort_key(archive.themes[t].title))
        rows = [f"<li>{html_link(link(page, theme_path(archive.themes[t])), archive.themes[t].title)}"
                f" – {plural(counts[t], 'punkt', 'punkter')}</li>" for t in ordered]
        return html_list(rows, ' class="arkiv-temaliste" data-pagefind-ignore')

    active, mentioned = themes_of_person(archive, person), themes_of_person(archive, person, mentioned=True)
    parts = ["## Temaer\n"]
    if active:
        parts.append("Temaer i de punkter, hvor personen tog ordet eller holdt oplæg:\n\n" + listed(active))
    else:
        parts.append("Personen tog ikke ordet og holdt ikke oplæg i punkter med et tema.\n")
    only_named = {t: n for t, n in mentioned.items() if t not in active}
    if only_named:
        parts.append("Kun nævnt i punkter om:\n\n" + listed(only_named))
    return "\n".join(parts)
