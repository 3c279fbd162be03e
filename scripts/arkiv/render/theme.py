"""The page of one theme: every agenda item on it, per meeting, with an excerpt."""

from __future__ import annotations

from ..model import Archive, Theme
from .common import escape, page_header, plural, quote, theme_path
from .listing import hits_by_year


def theme_counts(archive: Archive, theme_id: str) -> tuple[int, int]:
    """(sections, meetings) on a theme."""
    hits = archive.theme_hits.get(theme_id, [])
    return len(hits), len({h.meeting for h in hits})


def render_theme(archive: Archive, theme: Theme) -> str:
    page = theme_path(theme)
    sections, meetings = theme_counts(archive, theme.id)
    words = ", ".join(quote(w) for w in theme.words)
    parts = [
        page_header(f"Tema: {theme.title}", theme.description),
        f"# {escape(theme.title)}\n",
        f"{escape(theme.description)}\n",
        f"Temaet findes i {plural(sections, 'punkt', 'punkter')} på {plural(meetings, 'møde', 'møder')}. "
        "Et punkt hører til temaet, når det er markeret på dagsordenen, eller når et af temaets ord "
        f"står i punktets titel eller tekst. Ord: {words} (\\* står for en vilkårlig endelse).\n",
        "[Alle temaer](index.md)\n",
    ]
    if sections:
        parts.append(hits_by_year(archive, archive.theme_hits[theme.id], page, "##", _why))
    else:
        parts.append("Ingen punkter i arkivet handler endnu om dette tema.\n")
    return "\n".join(parts)


def _why(hit) -> str:
    if hit.how == "dagsorden":
        return "markeret på dagsordenen"
    return f"nævner {quote(hit.how)}"
