"""The page of one theme: every agenda item on it, per meeting, with an excerpt."""

from __future__ import annotations

from ..danish import sort_key
from ..index.membership import councils_by_year
from ..model import ON_AGENDA, Archive, Theme
from .blocks import block
from .common import COUNCILS, SITE_FOLDER, attr, escape, link, page_header, plural, quote, subscribe, theme_path
from .counts import count_table
from .feeds import theme_feed_path
from .listing import by_year, hits_by_year, split_years, year_links, year_pages
from .search_marks import INDEX_END, mark

DESCRIPTION_WEIGHT = 0.3


def theme_counts(archive: Archive, theme_id: str) -> tuple[int, int]:
    """(sections, meetings) on a theme."""
    hits = archive.theme_hits.get(theme_id, [])
    return len(hits), len({h.meeting for h in hits})


def render_theme(archive: Archive, theme: Theme) -> dict[str, str]:
    """The theme's page (with its newest year) and a page for each earlier year."""
    page = theme_path(theme)
    sections, meetings = theme_counts(archive, theme.id)
    words = ", ".join(quote(w) for w in theme.words)
    parts = [
        page_header(f"Tema: {theme.title}", theme.description, search="Tema",
                    feed=f"{SITE_FOLDER}/{theme_feed_path(theme.id)}"),
        f"# {escape(theme.title)}\n",
        # The search finds the theme by its title and description only (INDEX_END), the
        # description's words weighing less than the minutes' own: »dumping« is to find the item
        # where the council spoke of it before the theme that mentions it in its description.
        block(f'<p data-pagefind-weight="{DESCRIPTION_WEIGHT}">{attr(theme.description)}</p>\n' + mark(INDEX_END)),
        f"Temaet findes i {plural(sections, 'punkt', 'punkter')} på {plural(meetings, 'møde', 'møder')}. "
        "Et punkt hører til temaet, når det er markeret på dagsordenen, eller når et af temaets ord "
        f"står i punktets titel eller tekst. Ord: {words} (\\* står for en vilkårlig endelse).\n",
        subscribe(page, theme_feed_path(theme.id), what="nye punkter om temaet"),
        "[Alle temaer](index.md)\n",
    ]
    years = by_year(archive, archive.theme_hits.get(theme.id, []))
    if not years:
        parts.append("Ingen punkter i arkivet handler endnu om dette tema.\n")
        return {page: "\n".join(parts)}
    parts.append(_councils(archive, theme, page))
    shown, paged = split_years(years)
    parts.append(hits_by_year(archive, [h for _, hits in shown for h in hits], page, 2, _why))
    if paged:
        parts.append(year_links(page, paged))
    pages = year_pages(archive, page, paged, theme.title, f"Tema: {theme.title}", "Temaet", _why)
    pages[page] = "\n".join(parts)
    return pages


def _councils(archive: Archive, theme: Theme, page: str) -> str:
    """Which councils took the theme up, and when: a council × year table and its drawing."""
    counts = councils_by_year(archive, theme.id)
    rows = [(archive.councils[c].name, link(page, f"{COUNCILS}/{c}.md"), counts[c])
            for c in sorted(counts, key=lambda c: sort_key(archive.councils[c].name))]
    return ("## Råd og år\n\nAntal punkter på temaet i hvert råd, år for år:\n\n"
            + count_table("Råd", rows, caption=f"Punkter om {theme.title} pr. råd og år") + "\n")


def _why(hit) -> str:
    if hit.how == ON_AGENDA:
        return "markeret på dagsordenen"
    return f"nævner {quote(hit.how)}"
