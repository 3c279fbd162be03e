"""Themes found from tags and from words; people found by name and alias."""

import pytest

from arkiv.finder import NameFinder, WordFinder
from arkiv.text import excerpt, sentences


def sections_on(archive, theme_id):
    return [(h.section.anchor, h.how) for h in archive.theme_hits[theme_id]]


def test_opioider_from_tag_and_words(archive):
    hits = dict(sections_on(archive, "opioider"))
    assert {"punkt-3", "punkt-3a", "punkt-3b", "punkt-3c"} <= set(hits)
    assert hits["punkt-3"] == "dagsorden"  # tagged on the agenda; 3.a-c inherit the tag
    assert hits["punkt-3c"] == "dagsorden"


def test_bander_from_compound_words(archive):
    hits = dict(sections_on(archive, "bander"))
    assert hits["punkt-4a"] == "dagsorden"
    assert hits["punkt-5"] == "bandegruppering"
    assert hits["skriftlig-orientering"] == "bande-"


def test_christiania_from_pusher_street(archive):
    hits = dict(sections_on(archive, "christiania"))
    assert hits["punkt-3c"] == "Pusher Street"
    assert {"punkt-4a", "punkt-4b", "punkt-5"} <= set(hits)


@pytest.mark.parametrize("theme, anchor", [
    ("nattelivszoner", "punkt-4b"), ("online-narkotikasalg", "punkt-3c"),
    ("politiets-oekonomi", "punkt-4"), ("fotovogne-og-trafik", "punkt-4a"),
    ("trusselsvurdering", "punkt-4a"), ("boligomraader", "skriftlig-orientering"),
    ("utryghed", "punkt-5"), ("miljoekriminalitet", "punkt-5"),
])
def test_other_themes_of_the_first_meeting(archive, theme, anchor):
    assert anchor in dict(sections_on(archive, theme))


def test_people_found_under_every_spelling(archive):
    katrine = {(h.section.anchor, h.how) for h in archive.person_hits["katrine-schjoenning"]}
    assert katrine == {("punkt-3", "nævnt"), ("punkt-3b", "oplægsholder")}
    allan = {h.section.anchor for h in archive.person_hits["allan-s-andersen"]}
    assert allan == {"punkt-3a", "punkt-3b", "punkt-5"}
    kari = {(h.section.anchor, h.how) for h in archive.person_hits["kari-grasaasen"]}
    assert kari == {("punkt-3", "nævnt"), ("punkt-3a", "oplægsholder")}
    assert archive.person_hits["ida-soerensen"] == []


def test_word_finder():
    finder = WordFinder({"bander": ("bande*", "rocker*"), "christiania": ("christiania*", "pusher street"),
                         "opioider": ("heroin", "opioid*")})
    found = finder.first_matches
    assert found("herunder bandesituationen og") == {"bander": "bandesituationen"}
    assert found("bekæmpelse af bande- og rockeraktiviteter") == {"bander": "bande-"}
    assert found("forbandet") == {}
    assert found("af Pusher\nStreet helt") == {"christiania": "Pusher\nStreet"}
    assert found("heroinen, men opioid-piller") == {"opioider": "opioid-piller"}


def test_name_finder_takes_the_longest_name_and_whole_names_only():
    finder = NameFinder({"gert": ("Gert Sejbak", "LPI Gert Sejbak"), "allan": ("Allan S. Andersen", "Allan Andersen")})
    matches = [m.group(0) for m in finder.pattern.finditer("v/ LPI Gert Sejbak, Allan\nAndersen og Allan Andersens")]
    assert matches == ["LPI Gert Sejbak", "Allan\nAndersen"]


def test_sentences_respect_danish_abbreviations():
    text = "Oplæg fra h.h.v. Sundhedsstyrelsen og bl.a. Politiet. Næste sætning, fx. Noget."
    assert sentences(text) == ("Oplæg fra h.h.v. Sundhedsstyrelsen og bl.a. Politiet.", "Næste sætning, fx. Noget.")


def test_excerpt_keeps_the_match_in_view():
    long = "Indledning " * 40 + "her står Katrine Schønning og mere " + "tekst " * 40 + "."
    cut = excerpt(long, "Katrine\nSchønning")
    assert len(cut.text) <= 250
    assert cut.text[cut.start:cut.end] == "Katrine Schønning"
    assert cut.text.startswith("… ") and cut.text.endswith(" …")
