"""The marks in the generated pages that tell the search index what its records are.

Pagefind makes one record of a page. The search must find an agenda item, not a meeting page
whose items come in page order, so a meeting page is split into records after the build
(site/search_records.py): one per section of the minutes, with its own address (`…/#punkt-3c`),
title and filters, and one for the meeting's own facts (participants, afbud, bilag). The marks
are empty hidden elements with JSON in an attribute, placed by render/ around what they mark:

- MEETING, on the meeting's search data: what every item of the meeting shares (council, year,
  date, the meeting's title);
- ITEM, before each section: its anchor, title, themes and people; ITEMS_END after the last;
- INDEX_END, on a theme's or person's page after its own content: the lists after it are the
  meetings' text again, or counts, and would outrank the minutes (issue 18);
- BODY_END, at the end of the indexed part of every page (overrides/main.html), so that the
  splitter knows where INDEX_END's cut stops without parsing the page.

A meeting file cannot forge them: the check refuses HTML in the minutes.
"""

from __future__ import annotations

import html
import json

MEETING = "data-arkiv-moede"
ITEM = "data-arkiv-punkt"
ITEMS_END = "data-arkiv-punkter-slut"
INDEX_END = "data-arkiv-soeg-slut"
BODY_END = "data-arkiv-soeg-krop-slut"


def data_attribute(name: str, value: dict) -> str:
    """` name='{…}'`: a JSON object as an attribute's value, in single quotes, so that the JSON's
    own double quotes need no escaping (a meeting page carries fifteen of these)."""
    text = html.escape(json.dumps(value, ensure_ascii=False, separators=(",", ":")), quote=False)
    return f" {name}='{text.replace(chr(39), '&#x27;')}'"


def mark(name: str, value: dict | None = None) -> str:
    """An empty hidden block element carrying a mark (a div: Markdown leaves a block alone)."""
    return f"<div hidden{data_attribute(name, value) if value is not None else ' ' + name}></div>"
