"""A built page as the search's records: one per agenda item of a meeting, and the page's own.

Pagefind makes one record of a page, so a meeting's items came in page order and a filter
narrowed whole meetings (issue 18). render/ marks the parts of a page (render/search_marks.py);
this cuts the built HTML at the marks into small HTML documents that Pagefind indexes as records:

- each section of the minutes becomes a record at the meeting's address with the section's
  anchor (`/arkiv/moeder/x/#punkt-3c`), titled by its heading, filtered by the meeting's council
  and year and by the section's own themes and people, sorted by the meeting's date; Pagefind
  indexes its HTML as it indexes a page (headings weigh more, `data-pagefind-ignore` holds);
- the meeting page keeps its facts (title, attendance, bilag, source) without the minutes;
- a theme's or person's page keeps only what comes before its INDEX_END mark.

A page without marks is one record, as before. Both the live index of the build and the index of
a finished site (search_index.py) go through here, so they give the same records.
"""

from __future__ import annotations

import html
import json
import re

from ..render.search_marks import BODY_END, INDEX_END, ITEM, ITEMS_END, MEETING

ITEM_TYPE = "Punkt"  # the `type` filter of an item's record, shown in the results

_MEETING = re.compile(rf"{MEETING}='([^']*)'")
_ITEM = re.compile(rf"<div hidden {ITEM}='([^']*)'></div>")
_ITEMS_END = f"<div hidden {ITEMS_END}></div>"
_INDEX_END = f"<div hidden {INDEX_END}></div>"
_BODY_END = f"<div hidden {BODY_END}></div>"
# Ids inside an item's record would make Pagefind split it into sub-results of its own.
_ID = re.compile(r'(<[a-zA-Z][^<>]*?)\sid="[^"]*"')

_DOCUMENT = ('<!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><title>{title}</title></head>'
             '<body><div data-pagefind-body>{data}\n{content}\n</div></body></html>')


def records(url: str, page: str) -> list[tuple[str, str]]:
    """The search records of the built page `page` at `url`: (address, HTML) pairs."""
    body_end = page.find(_BODY_END)
    if body_end < 0:
        return [(url, page)]
    items = list(_ITEM.finditer(page, 0, body_end))
    if not items:
        cut = page.find(_INDEX_END, 0, body_end)
        return [(url, page if cut < 0 else page[:cut] + page[body_end:])]
    end = page.find(_ITEMS_END, items[-1].end(), body_end)
    resume = end + len(_ITEMS_END) if end >= 0 else body_end
    end = end if end >= 0 else body_end
    shared = _meeting_data(page, items[0].start())
    found = [(url, page[:items[0].start()] + page[resume:])]  # the meeting's facts, without the minutes
    for here, after in zip(items, [*items[1:], None], strict=True):
        content = page[here.end():after.start() if after else end]
        found.append(_item_record(url, json.loads(html.unescape(here.group(1))), shared, content))
    return found


def _meeting_data(page: str, before: int) -> dict:
    match = _MEETING.search(page, 0, before)
    return json.loads(html.unescape(match.group(1))) if match else {}


def _item_record(url: str, item: dict, shared: dict, content: str) -> tuple[str, str]:
    title = item.get("titel") or ""
    filters = [("type", ITEM_TYPE)]
    filters += [(key, shared[key]) for key in ("raad", "aar") if shared.get(key)]
    filters += [("tema", value) for value in item.get("tema", [])]
    filters += [("person", value) for value in item.get("person", [])]
    meta = [("title", title)] + [(key, shared[key]) for key in ("moede", "dato") if shared.get(key)]
    if item.get("konklusion"):
        meta.append(("konklusion", item["konklusion"]))
    data = "".join(_hidden("filter", key, value) for key, value in filters)
    data += "".join(_hidden("meta", key, value) for key, value in meta)
    if shared.get("sort"):
        data += _hidden("sort", "dato", shared["sort"])
    document = _DOCUMENT.format(title=html.escape(title), data=data, content=_ID.sub(r"\1", content))
    return f"{url}#{item['id']}", document


def _hidden(kind: str, key: str, value: str) -> str:
    return f'<span hidden data-pagefind-{kind}="{html.escape(key)}:{html.escape(value)}"></span>'
