"""The councils' pages: each council's meetings by year, its members over time with their
attendance, and its themes over time; and the index of councils."""

from __future__ import annotations

from ..danish import sort_key
from ..index.membership import members_over_time, themes_by_year
from ..model import Archive, Council
from .blocks import block
from .calendar import council_calendar_path
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
    page_header,
    person_path,
    plural,
    short_meeting_link,
    subscribe,
    theme_path,
)
from .counts import count_table
from .feeds import council_feed_path

COUNCILS_INDEX = f"{COUNCILS}/index.md"


def council_path(council: Council) -> str:
    return f"{COUNCILS}/{council.id}.md"


def render_councils(archive: Archive) -> dict[str, str]:
    """The index of councils and a page per council."""
    pages = {COUNCILS_INDEX: _index(archive)}
    for council in archive.councils.values():
        pages[council_path(council)] = render_council(archive, council)
    return pages


def _index(archive: Archive) -> str:
    page = COUNCILS_INDEX
    rows = []
    for council in sorted(archive.councils.values(), key=lambda c: sort_key(c.name)):
        meetings = archive.council_meetings(council.id)
        span = f", {meetings[0].year}–{meetings[-1].year}" if meetings else ""
        rows.append(f"<li>{html_link(link(page, council_path(council)), council.name)} – "
                    f"{plural(len(meetings), 'møde', 'møder')}{span}</li>")
    return "\n".join([page_header("Råd", "Rådene i arkivet: kredsråd og andre råd."), "# Råd\n",
                      "Rådene, hvis referater arkivet rummer, med deres møder, medlemmer og temaer.\n",
                      html_list(rows)]) + "\n"


def render_council(archive: Archive, council: Council) -> str:
    page = council_path(council)
    meetings = archive.council_meetings(council.id)
    feed = council_feed_path(council.id)
    parts = [page_header(council.name, f"{council.name}: møder, medlemmer og temaer i referaterne.",
                         feed=f"{SITE_FOLDER}/{feed}"),
             f"# {escape(council.name)}\n"]
    if council.police_district:
        parts.append(f"Politikreds: {escape(council.police_district)}.\n")
    parts.append(f"Arkivet rummer {plural(len(meetings), 'møde', 'møder')} i rådet.\n")
    parts.append(subscribe(page, feed, council_calendar_path(council.id), "rådets møder"))
    parts.append("## Møder\n")
    years: dict[int, list] = {}
    for meeting in reversed(meetings):
        years.setdefault(meeting.year, []).append(meeting)
    for year, in_year in years.items():
        rows = [f"<li>{html_link(link(page, meeting_path(m)), meeting_title(m))} – "
                f"{plural(len(m.items), 'punkt', 'punkter')} på dagsordenen</li>" for m in in_year]
        parts.append(f"### {year}\n\n" + html_list(rows))
    parts.append(_members(archive, council, page))
    parts.append(_themes(archive, council, page))
    parts.append("[Alle råd](index.md)\n")
    return "\n".join(parts)


def _members(archive: Archive, council: Council, page: str) -> str:
    members = members_over_time(archive, council.id)
    if not members:
        return "## Medlemmer over tid\n\nReferaterne angiver ingen deltagere.\n"
    lines = ['<div class="arkiv-taelling-ramme"><table class="arkiv-tabel arkiv-medlemmer" data-pagefind-ignore>',
             "<thead><tr><th>Person</th><th>Titel i referaterne</th><th>Første møde</th><th>Seneste møde</th>"
             '<th>Deltog</th><th>Afbud</th><th>Heraf som stedfortræder</th><th>Fremmøde</th></tr></thead><tbody>']
    for member in members:
        person = archive.people[member.person]
        titles = "<br>".join(
            attr(t.title) + (f" ({_period(t.first, t.last)})" if len(member.titles) > 1 else "")
            for t in member.titles) or "–"
        rate = f"{round(100 * member.rate)} %" if member.rate is not None else "–"
        lines.append(f"<tr><td>{html_link(link(page, person_path(person)), person.name)}</td><td>{titles}</td>"
                     f"<td>{short_meeting_link(page, member.first)}</td><td>{short_meeting_link(page, member.last)}</td>"
                     f"<td>{member.attended}</td><td>{member.absent}</td><td>{member.stand_in}</td><td>{rate}</td></tr>")
    lines.append("</tbody></table></div>")
    return ("## Medlemmer over tid\n\nAlle, der står som deltagere eller med afbud i rådets referater. Fremmøde er "
            "de møder, personen deltog i, ud af dem, hvor referatet nævner personen som deltager eller med afbud.\n\n"
            + block("\n".join(lines)))


def _period(first, last) -> str:
    if first is last:
        return str(first.year)
    return f"{first.year}–{last.year}" if first.year != last.year else str(first.year)


def _themes(archive: Archive, council: Council, page: str) -> str:
    counts = themes_by_year(archive, council.id)
    if not counts:
        return "## Temaer over tid\n\nIngen punkter er endnu knyttet til et tema.\n"
    rows = [(archive.themes[t].title, link(page, theme_path(archive.themes[t])), counts[t])
            for t in sorted(counts, key=lambda t: sort_key(archive.themes[t].title))]
    return ("## Temaer over tid\n\nAntal punkter på hvert tema, år for år:\n\n"
            + count_table("Tema", rows, caption=f"Temaer i {council.name}s møder, antal punkter pr. år"))
