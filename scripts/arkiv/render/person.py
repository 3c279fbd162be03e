"""The page of one person: titles, meetings and role at each, the items they appear in, themes."""

from __future__ import annotations

from ..crossref import themes_of_person
from ..danish import sort_key
from ..model import Archive, Meeting, Person
from .common import (escape, meeting_link, page_header, person_link, person_path, plural, quote,
                     theme_link)
from .listing import by_year, hits_by_year, split_years, year_links, year_pages


def meeting_roles(archive: Archive, person: Person) -> list[tuple[Meeting, str, str]]:
    """(meeting, role, title at that meeting) for every meeting the person is recorded at."""
    page = person_path(person)
    rows = []
    for meeting, role, title, other in archive.person_meetings.get(person.id, []):
        if other:
            role = f"{role} {person_link(archive, page, other)}"
        rows.append((meeting, role, title))
    return rows


def _how(hit) -> str:
    return "oplægsholder" if hit.how == "oplægsholder" else "nævnt"


def render_person(archive: Archive, person: Person) -> dict[str, str]:
    """The person's page (with the newest year they are named in) and a page per earlier year."""
    page = person_path(person)
    facts = []
    titles = [escape(", ".join(x for x in (r.title, r.organisation) if x)) for r in person.roles]
    if titles:
        facts.append("- **Titler i referaterne:** " + "; ".join(titles))
    if person.aliases:
        facts.append("- **Også skrevet:** " + ", ".join(quote(a) for a in person.aliases))
    parts = [page_header(person.name, f"{person.name} i kredsrådenes referater."),
             f"# {escape(person.name)}\n", "\n".join(facts) + "\n" if facts else ""]
    if person.note:
        parts.append(f'!!! note "Bemærkning"\n\n    {escape(person.note)}\n')
    parts.append(_meetings_table(archive, person, page))
    years = by_year(archive, archive.person_hits.get(person.id, []))
    parts.append("## Nævnt i referaterne\n")
    shown, paged = split_years(years)
    if shown:
        parts.append(hits_by_year(archive, [h for _, hits in shown for h in hits], page, "###", _how))
        if paged:
            parts.append(year_links(page, paged))
    else:
        parts.append("Personen er ikke nævnt i referaternes tekst.\n")
    pages = year_pages(archive, page, paged, person.name, person.name, "Referaterne, der nævner", _how)
    parts.append(_themes(archive, person, page))
    parts.append("[Alle personer](index.md)\n")
    pages[page] = "\n".join(p for p in parts if p)
    return pages


def _meetings_table(archive: Archive, person: Person, page: str) -> str:
    rows = meeting_roles(archive, person)
    if not rows:
        return "## Møder\n\nPersonen er ikke registreret som deltager ved noget møde.\n"
    lines = ["## Møder\n", "| Møde | Råd | Rolle | Titel ved mødet |", "| --- | --- | --- | --- |"]
    for meeting, role, title in reversed(rows):
        council = escape(archive.councils[meeting.council].name)
        lines.append(f"| {meeting_link(archive, page, meeting)} | {council} | {role} | {escape(title)} |")
    return "\n".join(lines) + "\n"


def _themes(archive: Archive, person: Person, page: str) -> str:
    counts = themes_of_person(archive, person)
    if not counts:
        return "## Temaer\n\nIngen temaer endnu.\n"
    ordered = sorted(counts, key=lambda t: sort_key(archive.themes[t].title))
    rows = [f"- {theme_link(archive, page, t)} – {plural(counts[t], 'punkt', 'punkter')}" for t in ordered]
    return "## Temaer\n\nTemaer i de punkter, hvor personen er nævnt eller holdt oplæg:\n\n" + "\n".join(rows) + "\n"
