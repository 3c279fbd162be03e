"""Themes found from tags and from words; people found by name and alias."""

import pytest

from arkiv.index.finder import NameFinder, WordFinder
from arkiv.model import MENTIONED, ON_AGENDA, PRESENTED
from arkiv.text import excerpt, sentences


def sections_on(archive, theme_id):
    return [(h.section.anchor, h.how) for h in archive.theme_hits[theme_id]]


def test_opioider_from_tag_and_words(archive):
    hits = dict(sections_on(archive, "opioider"))
    assert {"punkt-3", "punkt-3a", "punkt-3b", "punkt-3c"} <= set(hits)
    assert hits["punkt-3"] == ON_AGENDA  # tagged on the agenda; 3.a-c inherit the tag
    assert hits["punkt-3c"] == ON_AGENDA


def test_bander_from_compound_words(archive):
    hits = dict(sections_on(archive, "bander"))
    assert hits["punkt-4a"] == ON_AGENDA
    assert hits["punkt-5"] == "bandegruppering"
    # »bande- og rockeraktiviteter« only in a list of examples: not on the theme (issue 15).
    assert "skriftlig-orientering" not in hits


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
    assert katrine == {("punkt-3", MENTIONED), ("punkt-3b", PRESENTED)}
    allan = {h.section.anchor for h in archive.person_hits["allan-s-andersen"]}
    assert allan == {"punkt-3a", "punkt-3b", "punkt-5"}
    kari = {(h.section.anchor, h.how) for h in archive.person_hits["kari-grasaasen"]}
    assert kari == {("punkt-3", MENTIONED), ("punkt-3a", PRESENTED)}
    assert archive.person_hits["ida-soerensen"] == ()


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


# A word that occurs only in a list of examples does not put an item on a theme (issue 15).
@pytest.mark.parametrize("text, on_theme", [
    # The written orientation's list: three or more examples after 'fx' – not on the themes.
    ("Der tages udgangspunkt i problemer (det kan fx være bekæmpelse af bande- og rockeraktiviteter, "
     "utryghed, mistillid til politiet, narkotikakriminalitet, negativ social kontrol m.v.).", False),
    ("Politiet ser på mange områder, herunder bandekriminalitet, tyveri og vold.", False),
    ("Der er flere udfordringer, bl.a. cykeltyverier, indbrud, hærværk osv.", False),
    # The same word outside the list, or a list of one or two, or in the title: on the theme.
    ("Bandesituationen blev drøftet. Andre emner var fx bander, indbrud og vold.", True),
    ("Der tales fx om bandekonflikten.", True),
    ("Politiet prioriterer fx bander og narkotika.", True),
])
def test_a_word_only_in_a_list_of_examples_does_not_make_the_theme(text, on_theme):
    from arkiv.index.crossref import make_finders, theme_matches
    from arkiv.model import Theme

    finders = make_finders({"bander": Theme("bander", "Bander", "Fiktivt.", ("bande*",))}, {})
    assert ("bander" in theme_matches(text, finders.words)) is on_theme, text


def test_the_title_counts_even_when_the_text_lists_the_word_as_an_example():
    from arkiv.index.crossref import make_finders, section_text, theme_matches
    from arkiv.model import ITEM, Section, Theme

    finders = make_finders({"bander": Theme("bander", "Bander", "Fiktivt.", ("bande*",))}, {})
    section = Section(ITEM, "Ad 2) Bandesituationen", "Emner var fx bander, indbrud og vold.", 10, "2",
                      "Bandesituationen")
    assert "bander" in theme_matches(section_text(section), finders.words)


@pytest.mark.parametrize("text, spoke", [
    ("Aase Fiktiv oplyste, at cyklerne blev fundet.", True),
    ("Aase Fiktiv gennemgik tallene.", True),
    ("Som opfølgning på seneste møde gav Aase Fiktiv en status.", True),
    ("Det blev oplyst af Aase Fiktiv, at tallene er faldet.", True),
    ("Aase Fiktiv takkede oplægsholderne.", False),
    ("Aase Fiktiv bød velkommen.", False),
    ("Der var oplæg fra politiet (Aase Fiktiv) om cykler.", False),
])
def test_who_spoke_on_an_item_and_who_is_only_named(text, spoke):
    """A person is on an item's themes where they spoke on it or presented it; where they are only
    named (thanked the presenters, opened the meeting), the item is listed apart (issue 15)."""
    from arkiv.index.crossref import _speakers, make_finders
    from arkiv.model import Person

    finders = make_finders({}, {"aase-fiktiv": Person("aase-fiktiv", "Aase Fiktiv")})
    assert ("aase-fiktiv" in _speakers(text, finders.names)) is spoke, text
