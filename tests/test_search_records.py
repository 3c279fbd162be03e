"""The search's records (arkiv/site/search_records.py): a built meeting page cut into a record
per agenda item and one for the meeting's facts; theme and person pages cut to their own content."""

from __future__ import annotations

import re

from arkiv.render.search_marks import BODY_END, INDEX_END, ITEM, ITEMS_END, MEETING, data_attribute, mark
from arkiv.site.search_records import records

MEETING_URL = "/arkiv/moeder/koebenhavn-2025-1/"


def text(document: str) -> str:
    """The text Pagefind indexes: inside data-pagefind-body (which the page's header and menus are not)."""
    body = document[document.index("data-pagefind-body"):]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))


def test_the_seed_meeting_becomes_a_record_per_section_and_one_for_its_facts(site):
    page = (site / "arkiv/moeder/koebenhavn-2025-1/index.html").read_text(encoding="utf-8")
    found = dict(records(MEETING_URL, page))
    items = [url for url in found if "#" in url]
    assert items[0] == MEETING_URL + "#indledning" and items[-1] == MEETING_URL + "#skriftlig-orientering"
    assert len(items) == 14  # the opening, 12 agenda items and sub-items, the written orientation
    own = text(found[MEETING_URL])
    assert "Afbud" in own and "Michael Vindfeldt" in own and "Bilag" in own  # the meeting's facts
    assert "kiosker" not in own and "Pusher Street" not in own  # the minutes are in the items' records
    item = found[MEETING_URL + "#punkt-3c"]
    assert 'data-pagefind-filter="tema:Christiania"' in item and 'data-pagefind-filter="person:Gert Sejbak"' in item
    assert 'data-pagefind-meta="title:Ad 3.c) Det politifaglige perspektiv v/ LPI Gert Sejbak"' in item
    assert 'data-pagefind-filter="type:Punkt"' in item and 'data-pagefind-sort="dato:2025"' in item
    assert "Pusher Street" in text(item) and "Dagordenen blev godkendt" not in text(item)
    assert not re.search(r"\sid=", item)  # no anchors of its own: no sub-results inside an item
    assert len(re.findall(r"<h[1-6]", found[MEETING_URL + "#punkt-3"])) == 1  # 3.a–3.c are records of their own


def test_a_theme_page_is_indexed_only_up_to_its_mark(site):
    page = (site / "arkiv/temaer/opioider/index.html").read_text(encoding="utf-8")
    [(url, document)] = records("/arkiv/temaer/opioider/", page)
    assert url == "/arkiv/temaer/opioider/"
    assert "Misbrug af opioider" in document  # its description
    assert "Ord:" not in text(document) and "Råd og år" not in text(document)  # its rule, its lists


def test_a_page_without_marks_is_one_record_as_it_is():
    page = '<html lang="da"><body><div data-pagefind-body><h1>Om arkivet</h1></div></body></html>'
    assert records("/om/", page) == [("/om/", page)]


def test_values_from_the_files_cannot_break_out_of_a_record():
    """Titles, themes and names reach the record's HTML attributes: escaped, never markup."""
    hostile = '"><script>alert(1)</script><b x="\' onclick=\'x'
    page = ("<html><body><div data-pagefind-body>"
            f"<div class=\"arkiv-soegedata\" hidden{data_attribute(MEETING, {'raad': hostile, 'aar': '2030', 'sort': '2030', 'dato': hostile, 'moede': hostile})}></div>"
            + mark(ITEM, {"id": "punkt-1", "titel": hostile, "tema": [hostile], "person": [hostile]})
            + "<h3 id=\"punkt-1\">Ad 1) Fiktivt punkt</h3><p>Fiktiv tekst.</p>"
            + mark(ITEMS_END) + f"<div hidden {BODY_END}></div></div></body></html>")
    found = dict(records("/arkiv/moeder/fiktiv/", page))
    item = found["/arkiv/moeder/fiktiv/#punkt-1"]
    assert "<script>" not in item and "<b " not in item and "onclick='" not in item
    assert item.count("&lt;script&gt;") == 7  # <title>; filters raad, tema, person; meta title, moede, dato
    assert "Fiktiv tekst." in item


def test_an_index_end_mark_outside_the_indexed_part_is_not_used():
    page = (f"<div data-pagefind-body><h1>Fiktiv</h1><p>Med.</p><div hidden {BODY_END}></div></div>"
            f"<div hidden {INDEX_END}></div>")
    assert records("/x/", page) == [("/x/", page)]
