"""Index pages: meetings by year, themes and people in Danish alphabetical order, the front page."""

from __future__ import annotations

from ..danish import format_date, initial, slugify, sort_key
from ..index.membership import themes_by_year
from ..model import Archive
from .blocks import block
from .calendar import archive_calendar_path
from .common import (
    MEETINGS,
    PEOPLE,
    THEMES,
    attr,
    council_name,
    escape,
    html_link,
    html_list,
    link,
    meeting_date_text,
    meeting_path,
    meeting_title,
    page_header,
    person_path,
    plural,
    quote,
    theme_link,
)
from .council import COUNCILS_INDEX, council_path
from .counts import count_table
from .feeds import archive_feed_path
from .listing import split_years
from .theme import theme_counts

MEETINGS_INDEX, THEMES_INDEX, PEOPLE_INDEX = f"{MEETINGS}/index.md", f"{THEMES}/index.md", f"{PEOPLE}/index.md"


def _meeting_lines(archive: Archive, page: str, meetings) -> list[str]:
    """One HTML list (see blocks.py): the index of a year can hold a hundred meetings."""
    rows = [f"<li>{html_link(link(page, meeting_path(m)), meeting_title(m))} – "
            f"{attr(council_name(archive, m))} – {plural(len(m.items), 'punkt', 'punkter')} på dagsordenen</li>"
            for m in meetings]
    return [html_list(rows)]


def render_meetings_index(archive: Archive) -> dict[str, str]:
    """All meetings by year, newest first: the newest years on the index, earlier years on pages
    of their own (moeder/aar/2024.md), so the index does not grow with the archive."""
    page = MEETINGS_INDEX
    years: dict[int, list] = {}
    for meeting in reversed(archive.meetings):
        years.setdefault(meeting.year, []).append(meeting)
    ordered = sorted(years.items(), key=lambda item: -item[0])
    parts = [page_header("Møder", "Alle møder i arkivet, nyeste først."), "# Møder\n",
             f"Arkivet rummer {plural(len(archive.meetings), 'møde', 'møder')}, nyeste først.\n"]
    councils = sorted(archive.councils.values(), key=lambda c: sort_key(c.name))
    parts.append("Et råds møder alene, år for år: " + " · ".join(
        f"[{escape(c.name)}]({link(page, council_path(c))})" for c in councils) + "\n")
    pages = {}
    shown, paged = split_years(ordered)
    for year, meetings in shown:
        parts.append(f"## {year}\n")
        parts.extend(_meeting_lines(archive, page, meetings))
        parts.append("")
    for year, meetings in paged:
        sub = f"{MEETINGS}/aar/{year}.md"
        pages[sub] = "\n".join([page_header(f"Møder {year}", f"Møderne i {year}."), f"# Møder {year}\n",
                                f"[Alle møder]({link(sub, page)})\n", *_meeting_lines(archive, sub, meetings)]) + "\n"
    if paged:
        links = " · ".join(f"[{year}]({link(page, f'{MEETINGS}/aar/{year}.md')}) ({plural(len(m), 'møde', 'møder')})"
                           for year, m in paged)
        parts.append(f"\n## Tidligere år\n\n{links}")
    pages[page] = "\n".join(parts) + "\n"
    return pages


def render_themes_index(archive: Archive) -> str:
    page = THEMES_INDEX
    parts = [page_header("Temaer", "Temaer i kredsrådenes møder."), "# Temaer\n"]
    for theme in sorted(archive.themes.values(), key=lambda t: sort_key(t.title)):
        sections, meetings = theme_counts(archive, theme.id)
        parts.append(f"- {theme_link(archive, page, theme.id)} – {escape(theme.description)} "
                     f"({plural(sections, 'punkt', 'punkter')} på {plural(meetings, 'møde', 'møder')})")
    return "\n".join(parts) + "\n"


PEOPLE_PER_PAGE = 1000  # about 100 KB of list; above it the index gets a page per initial letter


def render_people_index(archive: Archive, limit: int | None = None) -> dict[str, str]:
    """Everyone in Danish alphabetical order by first name, grouped by initial letter.

    Up to `limit` people are listed on the index itself; beyond that each letter gets a page of its
    own (personer/bogstav/a.md) and the index links to them, so that no page grows without end
    with the archive (at 5,000 meetings the fictional archive has 2,700 people: 270 KB on one page).
    """
    page, limit = PEOPLE_INDEX, PEOPLE_PER_PAGE if limit is None else limit
    people = sorted(archive.people.values(), key=lambda p: sort_key(p.filed_as))
    groups: dict[str, list] = {}
    for person in people:
        groups.setdefault(initial(person.filed_as), []).append(person)
    parts = [page_header("Personer", "Personer nævnt i kredsrådenes referater."), "# Personer\n",
             "Alle personer, der er nævnt i referaterne, i alfabetisk orden efter efternavn "
             "(»Andersen, Allan S.«).\n"]
    if len(people) <= limit:
        for letter, members in groups.items():
            parts.append(f"\n## {letter}\n\n" + html_list(_person_lines(archive, page, members), ' class="arkiv-personer"'))
        return {page: "\n".join(parts) + "\n"}
    pages = {}
    links = []
    for letter, members in groups.items():
        sub = f"{PEOPLE}/bogstav/{slugify(letter) or 'andre'}.md"
        links.append(f"<li>{html_link(link(page, sub), letter)} ({plural(len(members), 'person', 'personer')})</li>")
        pages[sub] = "\n".join([
            page_header(f"Personer: {letter}", f"Personer, hvis efternavn begynder med {letter}."),
            f"# Personer: {letter}\n", f"[Alle personer]({link(sub, page)})\n",
            html_list(_person_lines(archive, sub, members))]) + "\n"
    parts.append(f"Arkivet nævner {plural(len(people), 'person', 'personer')}; vælg forbogstavet:\n")
    parts.append(html_list(links, ' class="arkiv-bogstaver"'))
    pages[page] = "\n".join(parts) + "\n"
    return pages


def _person_lines(archive: Archive, page: str, people) -> list[str]:
    """'Name – titles (n møder)' for each person, linked from `page`."""
    rows = []
    for person in people:
        titles = "; ".join(attr(", ".join(x for x in (r.title, r.organisation) if x)) for r in person.roles)
        count = len({entry[0].id for entry in archive.person_meetings.get(person.id, [])})
        line = f"<li>{html_link(link(page, person_path(person)), person.filed_as)}"
        if titles:
            line += f" – {titles}"
        rows.append(line + f" ({plural(count, 'møde', 'møder')})</li>")
    return rows


FRONT_PAGE_PEOPLE = 60  # more names than this, and the front page points to the people index


FRONT_PAGE_MEETINGS = 4  # the meetings listed after the latest
NBSP = "\u00a0"


def render_front_page(archive: Archive, folder: str, people_limit: int | None = None) -> str:
    """The generated part of the front page, included into docs/index.md by pymdownx.snippets.

    Its links are relative to docs/index.md, the page that includes it; `folder` is the generated
    folder's name inside docs/ (e.g. 'arkiv'). Everyone is named on it only while they are few
    (`people_limit`): at 5,000 meetings the names alone made it a 210 KB page.
    """
    people_limit = FRONT_PAGE_PEOPLE if people_limit is None else people_limit
    def href(target: str, anchor: str | None = None) -> str:
        return f"{folder}/{target}" + (f"#{anchor}" if anchor else "")

    parts = []
    if archive.meetings:
        latest = archive.meetings[-1]
        parts.append("## Seneste møder\n")
        parts.append(f"**[{escape(meeting_title(latest))}]({href(meeting_path(latest))})** – "
                     f"{escape(council_name(archive, latest))}. Dato: {meeting_date_text(latest)}.\n")
        parts.append("\n".join(f"- [{escape(s.label)}]({href(meeting_path(latest), s.anchor)})"
                               for s in latest.items if "." not in s.number) + "\n")
        before = archive.meetings[-1 - FRONT_PAGE_MEETINGS:-1][::-1]
        if before:
            parts.append("Før det:\n\n" + "\n".join(
                f"- [{escape(meeting_title(m))}]({href(meeting_path(m))}) – {escape(council_name(archive, m))}"
                for m in before) + "\n")
        parts.append("## Næste møde\n")
        nxt = latest.next_meeting
        if nxt and nxt.date:
            parts.append(f"Ifølge det seneste referat: **{format_date(nxt.date)}** "
                         f"(referatet: {quote(nxt.as_written)}).\n")
        else:
            parts.append("Det seneste referat oplyser ikke datoen for næste møde.\n")
    parts.append("## Temaer\n")
    rows = []
    for theme in sorted(archive.themes.values(), key=lambda t: sort_key(t.title)):
        sections, meetings = theme_counts(archive, theme.id)
        rows.append(f"- [{escape(theme.title)}]({href(f'{THEMES}/{theme.id}.md')}) – "
                    f"{plural(sections, 'punkt', 'punkter')} på {plural(meetings, 'møde', 'møder')}")
    parts.append("\n".join(rows) + "\n")
    over_time = themes_by_year(archive)
    if over_time:
        rows = [(archive.themes[t].title, href(f"{THEMES}/{t}/"), over_time[t])
                for t in sorted(over_time, key=lambda t: sort_key(archive.themes[t].title))]
        parts.append("### Temaerne over tid\n\n" + count_table("Tema", rows, "Punkter på hvert tema pr. år, alle råd"))
    parts.append("## Personer\n")
    people = sorted(archive.people.values(), key=lambda p: sort_key(p.filed_as))
    if len(people) <= people_limit:
        # A name is not broken across two lines: its spaces do not break.
        parts.append(" · ".join(f"[{escape(p.name).replace(' ', NBSP)}]({href(f'{PEOPLE}/{p.id}.md')})"
                                for p in people) + "\n")
    else:
        parts.append(f"Referaterne nævner {plural(len(people), 'person', 'personer')}; "
                     f"se dem alle i [personregistret]({href(PEOPLE_INDEX)}).\n")
    parts.append(block(f'<p class="arkiv-abonner">Abonnér på nye møder: <a href="{href(archive_feed_path())}" '
                       f'type="application/atom+xml">nyhedsfeed (Atom)</a> · <a href="{href(archive_calendar_path())}" '
                       f'type="text/calendar">kalender over alle rådenes møder (.ics)</a> · '
                       f'<a href="{href("abonnement/")}">data og abonnement</a></p>'))
    parts.append(f"[Alle møder]({href(MEETINGS_INDEX)}) · [Alle råd]({href(COUNCILS_INDEX)}) · "
                 f"[Alle temaer]({href(THEMES_INDEX)}) · [Alle personer]({href(PEOPLE_INDEX)})\n")
    return "\n".join(parts)
