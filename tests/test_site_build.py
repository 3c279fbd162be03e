"""Build the real site with `mkdocs build --strict` in a temporary copy and read its HTML."""

from __future__ import annotations

import json
import re

import pytest

from conftest import ROOT, SEED, build_copy
from sitecheck import Page, agenda_lines, broken_links, page_file, resolve, source_sentences

MEETING_URL = "arkiv/moeder/koebenhavn-2025-1/"


@pytest.fixture(scope="session")
def pages(site):
    return {path: Page(path.read_text(encoding="utf-8")) for path in site.rglob("*.html")}


def test_every_internal_link_resolves(site, pages):
    assert broken_links(site, pages) == []
    assert sum(len(p.links) for p in pages.values()) > 500  # the check did look at links


def test_meeting_page_holds_every_sentence_of_the_source(site, pages):
    text = pages[page_file(site, MEETING_URL)].text
    seed = SEED.read_text(encoding="utf-8")
    body = seed[seed.index("Anne Tønnes bød velkommen"):]
    agenda = seed[seed.index("1. Godkendelse af dagsorden"): seed.index("Fast deltagerkreds:")]
    sentences = agenda_lines(agenda) + source_sentences(body)
    missing = [s for s in sentences if s not in text]
    assert missing == []
    assert len(sentences) > 100


def test_meeting_page_holds_every_participant_line_split_into_people(site, pages, archive):
    text = pages[page_file(site, MEETING_URL)].text
    seed = SEED.read_text(encoding="utf-8")
    block = seed[seed.index("Fast deltagerkreds:"): seed.index("Anne Tønnes bød velkommen")]
    titles = sorted({r.title for p in archive.people.values() for r in p.roles if r.title}, key=len, reverse=True)
    splitter = re.compile(r"\s+(?=(?:" + "|".join(map(re.escape, titles)) + r")\s)")
    entries = [e.strip() for line in block.splitlines()[1:] if line.strip() and not line.strip().endswith(":")
               for e in splitter.split(line.strip())]
    assert len(entries) == 16  # 14 present, 2 apologies
    assert [e for e in entries if e not in text] == []


def test_people_and_theme_pages_link_back_to_the_items(site, pages, archive):
    missing = []
    for kind, hits_by_id in (("personer", archive.person_hits), ("temaer", archive.theme_hits)):
        for ident, hits in hits_by_id.items():
            path = page_file(site, f"arkiv/{kind}/{ident}/")
            targets = {(resolve(site, path, href)[0], resolve(site, path, href)[1]) for href in pages[path].links}
            for hit in hits:
                want = (page_file(site, f"arkiv/moeder/{hit.meeting}/"), hit.section.anchor)
                if want not in targets:
                    missing.append(f"{kind}/{ident} → {hit.meeting}#{hit.section.anchor}")
    assert missing == []


def test_meeting_page_links_to_every_person_and_theme_it_names(site, pages, archive):
    path = page_file(site, MEETING_URL)
    linked = {resolve(site, path, href)[0] for href in pages[path].links}
    for person in ("anne-toennes", "michael-vindfeldt", "nina-eg-hansen", "kari-grasaasen", "ida-soerensen"):
        assert page_file(site, f"arkiv/personer/{person}/") in linked
    for theme in ("opioider", "christiania", "bander", "nattelivszoner", "miljoekriminalitet"):
        assert page_file(site, f"arkiv/temaer/{theme}/") in linked


def test_no_third_party_requests(site, pages):
    external = [(str(p.relative_to(site)), tag, url) for p, page in pages.items()
                for tag, url in page.resources if re.match(r"^(https?:)?//", url)]
    assert external == []
    for css in site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert not re.search(r"(@import|url\()\s*['\"]?(https?:)?//", text), css


def test_page_size_does_not_grow_with_the_archive(site, pages):
    # Only the five index pages are in the navigation; meetings, people and themes are not.
    front = (site / "index.html").read_text(encoding="utf-8")
    nav = front[front.index('class="md-tabs'): front.index("</nav>", front.index('class="md-tabs'))]
    assert "koebenhavn-2025-1" not in nav
    for path in pages:
        assert path.stat().st_size < 60_000, path


def test_search_index_is_danish_and_covers_only_content_pages(site):
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["da"]  # Danish stemming, from <html lang="da">
    # Meetings, themes, people and »Om arkivet« are indexed, inside their content only; the
    # indexes and the front page, which only repeat what they link to, are not.
    meeting = (site / "arkiv/moeder/koebenhavn-2025-1/index.html").read_text(encoding="utf-8")
    assert meeting.count("data-pagefind-body") == 1
    assert 'data-pagefind-filter="type:Møde"' in meeting
    assert 'data-pagefind-sort="dato:2025"' in meeting  # undated: its year, nothing invented
    for index in ("index.html", "arkiv/moeder/index.html", "arkiv/temaer/index.html", "soeg/index.html"):
        assert "data-pagefind-body" not in (site / index).read_text(encoding="utf-8"), index
    records = sum(language["page_count"] for language in entry["languages"].values())
    people, themes = (len(list((site / "arkiv" / kind).glob("*/index.html"))) for kind in ("personer", "temaer"))
    sections = meeting.count("data-arkiv-punkt=")  # a record per section of the minutes (search_records.py)
    assert sections == 14
    assert records == 1 + sections + people + themes + 1  # the meeting, its items, people, themes, »Om arkivet«


def test_generation_is_deterministic_and_idempotent(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    site_a, site_b = build_copy(ROOT, a), build_copy(ROOT, b)
    gen_a = {p.relative_to(a): p.read_bytes() for p in (a / "docs" / "arkiv").rglob("*") if p.is_file()}
    gen_b = {p.relative_to(b): p.read_bytes() for p in (b / "docs" / "arkiv").rglob("*") if p.is_file()}
    assert gen_a == gen_b and len(gen_a) > 30
    assert site_a.exists() and site_b.exists()
