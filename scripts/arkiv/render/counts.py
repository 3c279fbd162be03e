"""Counts by year as a table and as an inline SVG drawn from the same numbers, for council and
theme pages and the front page: when was something taken up, and where.

The table is the text alternative (screen readers, search, copying); the SVG has `role="img"`
and a label that says so. No style attributes (the site audit refuses them): the shading is
SVG's own `fill-opacity`, the colours come from the stylesheet (`.arkiv-graf`).
"""

from __future__ import annotations

from .blocks import block
from .common import attr, html_link

CELL, GAP, LABEL, HEAD = 24, 3, 190, 22  # px: a year's cell, the gap, the row labels, the year labels


def count_table(label: str, rows: list[tuple[str, str | None, dict[int, int]]], caption: str) -> str:
    """A table with a row per (name, link or None, year → count) and a column per year (an empty
    cell is '–'), then the same numbers drawn as a grid."""
    years = list(range(min(y for *_, c in rows for y in c), max(y for *_, c in rows for y in c) + 1)) \
        if any(c for *_, c in rows) else []
    head = "".join(f'<th scope="col">{year}</th>' for year in years)
    lines = [f'<table class="arkiv-tabel arkiv-taelling" data-pagefind-ignore><caption>{attr(caption)}</caption>',
             f'<thead><tr><th scope="col">{attr(label)}</th>{head}</tr></thead><tbody>']
    for name, href, counts in rows:
        shown = html_link(href, name) if href else attr(name)
        cells = "".join(f"<td>{counts.get(year, '–')}</td>" for year in years)
        lines.append(f'<tr><th scope="row">{shown}</th>{cells}</tr>')
    lines.append("</tbody></table>")
    return block('<div class="arkiv-taelling-ramme">' + "\n".join(lines) + "\n" + _svg(rows, years, caption)
                 + "</div>")


def _svg(rows, years: list[int], caption: str) -> str:
    most = max((count for *_, counts in rows for count in counts.values()), default=0)
    if not most:
        return ""
    step = CELL + GAP
    width, height = LABEL + len(years) * step, HEAD + len(rows) * step
    parts = [f'<svg class="arkiv-graf" role="img" aria-label="{attr(caption)} (tallene står i tabellen)" '
             f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">']
    for column, year in enumerate(years):
        if len(years) <= 12 or column % 5 == 0 or column == len(years) - 1:
            parts.append(f'<text class="arkiv-graf-aar" x="{LABEL + column * step + CELL / 2:g}" y="{HEAD - 7}" '
                         f'text-anchor="middle">{year}</text>')
    for row, (name, _, counts) in enumerate(rows):
        y = HEAD + row * step
        short = name if len(name) <= 28 else name[:27] + "…"
        parts.append(f'<text class="arkiv-graf-navn" x="{LABEL - 6}" y="{y + CELL - 7}" text-anchor="end">'
                     f"{attr(short)}</text>")
        for column, year in enumerate(years):
            count = counts.get(year, 0)
            x = LABEL + column * step
            if count:
                parts.append(f'<rect class="arkiv-graf-fuld" x="{x}" y="{y}" width="{CELL}" height="{CELL}" '
                             f'fill-opacity="{0.25 + 0.75 * count / most:.2f}"><title>{attr(name)}, {year}: '
                             f"{count}</title></rect>")
            else:
                parts.append(f'<rect class="arkiv-graf-tom" x="{x}" y="{y}" width="{CELL}" height="{CELL}"/>')
    parts.append("</svg>")
    return "".join(parts)
