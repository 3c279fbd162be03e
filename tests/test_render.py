"""Rendering: what a reader sees on each page type, checked in the generated markdown."""

import re

from arkiv.load import load_archive
from arkiv.render.indexes import PEOPLE_INDEX, render_front_page, render_people_index, render_themes_index
from arkiv.render.meeting import render_meeting
from arkiv.render.names import link_names
from conftest import rendered_pages, write_fictional


def test_meeting_page_says_what_the_source_does_not(archive):
    page = render_meeting(archive, archive.meeting("koebenhavn-2025-1"))
    # The page leads with the council and what is known of the date, in one line, the full note
    # a click away; what the minutes do not give is said in one line, not as four »Ikke oplyst«.
    assert "# Københavns Politis kredsråd: 1. møde i 2025\n" in page
    assert ("Datoen er ikke oplyst i referatet; mødet blev holdt efter 10. februar 2025 og før 23. juni 2025."
            "</p><details class=\"arkiv-dato-note\"><summary>Om datoen</summary>") in page
    assert '<p class="arkiv-ikke-oplyst">Ikke oplyst i referatet: tidspunkt, sted.</p>' in page
    assert page.index("## Dagsorden") < page.index("## Om mødet") < page.index("## Deltagere")
    assert "»referat fra kredsrådsmøde den 20. november 2024« (mødet er ikke i arkivet)" in page
    assert "Mødefil i arkivet" not in page and "meetings/" not in page  # internal, not for the public
    assert "23. juni 2025 (referatet: »Næste møde er den 23. juni.«)" in page


def test_meeting_page_agenda_links_to_item_anchors(archive):
    page = render_meeting(archive, archive.meeting("koebenhavn-2025-1"))
    assert '<li><a href="#punkt-3">3. Tema: Opioider</a>\n<ul>' in page  # 3.a–c nested under 3
    assert '<li><a href="#punkt-3a">a) Det sundhedsfaglige perspektiv v/ Sundhedsstyrelsen</a></li>' in page
    assert "#### Ad 3.a) Det sundhedsfaglige perspektiv v/ Sundhedsstyrelsen { #punkt-3a }" in page
    assert "### Til skriftlig orientering: { #skriftlig-orientering }" in page


def test_meeting_page_links_people_and_themes(archive):
    page = render_meeting(archive, archive.meeting("koebenhavn-2025-1"))
    # Links in the attendance lists carry the search's person filter (the link text is its value).
    pf = 'data-pagefind-filter="person"'
    assert f'<li>Politidirektør <a href="../personer/anne-toennes.md" {pf}>Anne Tønnes</a></li>' in page
    # … once per person: both are in the lists above, so the substitutes' line has no filter (a
    # person listed twice was counted twice in the search's person list).
    assert ('<li><a href="../personer/nina-eg-hansen.md">Nina Eg Hansen</a> mødte i stedet for '
            '<a href="../personer/michael-vindfeldt.md">Michael Vindfeldt</a></li>') in page
    filtered = re.findall(rf'{pf}>([^<]+)</a>', page)
    assert len(filtered) == len(set(filtered)) > 15 and "Nina Eg Hansen" in filtered
    assert 'Herefter orienterede <a href="../personer/katrine-schjoenning.md">Katrine Schønning</a> om' in page
    # The »Temaer:« labels are shown, not searched: they outranked the minutes' own words.
    assert ('<p class="arkiv-temaer" data-pagefind-ignore>Temaer: <a href="../temaer/bander.md">Bander</a>, '
            '<a href="../temaer/christiania.md">Christiania</a>, ') in page


def test_first_mention_per_section_is_linked_once(archive):
    text = "Anne Tønnes sagde. Anne Tønnes sagde igen. [Lars Weiss](x.md) og `Lars Weiss`."
    linked = link_names(text, archive, "moeder/x.md")
    assert linked.count('<a href="../personer/anne-toennes.md">') == 1
    assert "[Lars Weiss](x.md)" in linked and "`Lars Weiss`" in linked
    assert "lars-weiss" not in linked


def test_indexes_in_danish_order(tmp_path):
    archive = load_archive(write_fictional(tmp_path / "meetings"))
    people = render_people_index(archive)[PEOPLE_INDEX]
    names = re.findall(r'<li><a href="[^"]+">([^<]+)</a>', people)
    # By surname, in Danish order: Æ Ø Å after Z ('Prøve' before 'Påhit'); see test_people for 'Aa'.
    assert names == ["Fiktiv, Aase", "Opdigtet, Bent", "Prøve, Zacharias", "Påhit, Øje"]
    assert "\n## F\n" in people and "\n## P\n" in people
    themes = re.findall(r"^- \[([^\]]+)\]", render_themes_index(archive), re.MULTILINE)
    assert themes == ["Cykler", "Æblekrig"]


def test_a_long_people_index_gets_a_page_per_letter(tmp_path):
    archive = load_archive(write_fictional(tmp_path / "meetings"))
    assert list(render_people_index(archive, limit=4)) == [PEOPLE_INDEX]  # four people fit
    pages = render_people_index(archive, limit=3)
    letters = {"personer/bogstav/f.md": ["Fiktiv, Aase"], "personer/bogstav/o.md": ["Opdigtet, Bent"],
               "personer/bogstav/p.md": ["Prøve, Zacharias", "Påhit, Øje"]}
    assert sorted(pages) == sorted([PEOPLE_INDEX, *letters])
    index = pages[PEOPLE_INDEX]
    assert re.findall(r'<li><a href="([^"]+)">([^<]+)</a> \((\d) (?:personer|person)\)</li>', index) == [
        ("bogstav/f.md", "F", "1"), ("bogstav/o.md", "O", "1"), ("bogstav/p.md", "P", "2")]
    for path, names in letters.items():
        person = re.findall(r'<li><a href="([^"]+)">([^<]+)</a>', pages[path])
        assert [n for _, n in person] == names  # everyone on exactly one letter page
        assert person[0][0].startswith("../") and person[0][0].endswith(".md") and "[Alle personer](../index.md)" in pages[path]


def test_front_page_names_everyone_only_while_they_are_few(tmp_path):
    archive = load_archive(write_fictional(tmp_path / "meetings"))
    few = render_front_page(archive, "arkiv", people_limit=4)
    assert "[Aase\u00a0Fiktiv](arkiv/personer/aase-fiktiv.md)" in few and "personregistret" not in few  # not broken
    many = render_front_page(archive, "arkiv", people_limit=3)
    assert "aase-fiktiv" not in many
    assert "Referaterne nævner 4 personer; se dem alle i [personregistret](arkiv/personer/index.md)." in many


def test_fictional_meeting_with_known_date(tmp_path):
    archive = load_archive(write_fictional(tmp_path / "meetings"))
    pages = rendered_pages(archive)
    page = pages["moeder/testraadet-2031-1.md"]
    assert "# Testrådet (fiktivt): Møde 4. marts 2031" in page
    assert '<p class="arkiv-moede-lead"><a href="../raad/testraadet.md">Testrådet (fiktivt)</a> · 4. marts 2031 kl. 14.00' in page
    assert '<li><strong>Formand:</strong> <a href="../personer/aase-fiktiv.md">Aase Fiktiv</a></li>' in page
    assert "<li><strong>Tidspunkt:</strong> 14.00</li>" in page
    person = pages["personer/aase-fiktiv.md"]
    # Hit lists are raw HTML with the built site's directory URLs (render/listing.py).
    # »Aase F. Fiktiv nævnte æblekrigen«: she spoke on the item.
    assert '<a href="../moeder/testraadet-2031-1.md#punkt-2a">Punkt 2.a: Status</a> – tog ordet' in person
    assert "<strong>Aase F. Fiktiv</strong> nævnte æblekrigen." in person
    theme = pages["temaer/aeblekrig.md"]
    assert "nævner »æblekrigen«" in theme


def test_text_from_files_is_escaped(tmp_path):
    folder = write_fictional(tmp_path / "meetings")
    people = (folder / "people.yml").read_text().replace("name: Bent Opdigtet", "name: Bent *Opdigtet* & <3 [x]")
    (folder / "people.yml").write_text(people)
    pages = rendered_pages(load_archive(folder))
    body = pages["personer/bent-opdigtet.md"].split("\n---\n", 1)[1]  # after the page meta
    assert "# Bent \\*Opdigtet\\* &amp; &lt;3 \\[x\\]" in body


def test_meeting_data_as_json(archive):
    import json

    pages = rendered_pages(archive)
    data = json.loads(pages["data/moeder/koebenhavn-2025-1.json"])
    assert data["date"] is None and data["date_unknown"]["after"] == "2025-02-10"
    assert len(data["participants"]) == 14
    assert data["substitutes"] == [{"person": "nina-eg-hansen", "for": "michael-vindfeldt"}]
    item_5 = next(s for s in data["sections"] if s["number"] == "5")
    assert {"bander", "christiania", "utryghed", "miljoekriminalitet"} <= set(item_5["themes"])
    assert {"allan-s-andersen", "lars-weiss", "soeren-thomassen", "gert-sejbak"} == set(item_5["people"])
    listing = json.loads(pages["data/moeder.json"])
    assert listing == [{"id": "koebenhavn-2025-1", "council": "koebenhavn", "date": None, "year": 2025,
                        "data": "moeder/koebenhavn-2025-1.json"}]
    people = json.loads(pages["data/personer.json"])
    assert {"id": "katrine-schjoenning", "name": "Katrine Schjønning", "aliases": ["Katrine Schønning"]}.items() \
        <= next(p for p in people if p["id"] == "katrine-schjoenning").items()


def test_split_years_keeps_newest_years_within_the_limit():
    from arkiv.render.listing import split_years

    years = [(2025, [1] * 100), (2024, [1] * 40), (2023, [1] * 30), (2022, [1] * 5)]
    assert split_years(years, 150) == (years[:2], years[2:])
    assert split_years([(2025, [1] * 500), (2024, [1])], 150) == ([(2025, [1] * 500)], [(2024, [1])])
    assert split_years([], 150) == ([], [])


def test_the_search_vocabulary_has_the_minutes_words_and_the_registries_names(archive):
    """What »Mente du …?« chooses from (render/vocabulary.py): the minutes' words with how often
    they are used, and names and titles as written, weighted above the minutes' words."""
    import json

    from arkiv.render.vocabulary import NAME_WEIGHT, VOCABULARY, render_vocabulary

    words = dict(json.loads(render_vocabulary(archive)[VOCABULARY])["ord"])
    assert words["Gøtterup"] == NAME_WEIGHT + 1  # a person's surname, once in the minutes
    assert words["Christiania"] > NAME_WEIGHT and words["opioid-piller"] == 1
    assert "af" not in words and "2025" not in words  # short words and numbers are never suggested
    keys = [word.lower() for word in words]
    assert keys == sorted(keys) and len(keys) == len(set(keys))
