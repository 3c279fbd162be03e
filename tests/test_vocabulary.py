"""The base vocabulary of themes (issue 15, scripts/arkiv/tools/base_themes.yml) on fictional sentences,
both ways: what must put an item on a theme, and what must not (a short stem would catch other
words)."""

from __future__ import annotations

import pytest

from arkiv.index.crossref import make_finders
from arkiv.problems import ProblemList
from arkiv.source.registry import read_themes
from arkiv.tools.fiction import BASE_THEMES


@pytest.fixture(scope="module")
def themes_of(tmp_path_factory):
    folder = tmp_path_factory.mktemp("vocabulary")
    (folder / "themes.yml").write_bytes(BASE_THEMES.read_bytes())
    problems = ProblemList()
    themes = read_themes(folder, problems)
    assert not problems.errors and len(themes) == 13
    finders = make_finders(themes, {})
    return lambda text: set(finders.words.first_matches(text))


@pytest.mark.parametrize("text, theme", [
    ("Der har været en stigning i antallet af indbrud i villaer i den fiktive by.", "indbrud-og-tyveri"),
    ("Tyverierne fra bilerne er faldet.", "indbrud-og-tyveri"),
    ("Færdselsindsatsen i sommerhalvåret blev gennemgået.", "faerdsel"),
    ("Trafiksikkerheden omkring skolerne skal forbedres.", "faerdsel"),
    ("Der er fundet flere tilfælde af spirituskørsel.", "faerdsel"),
    ("Kredsrådet godkendte samarbejdsplanen for 2031.", "samarbejdsplan"),
    ("Planen er udarbejdet efter retsplejelovens § 113.", "samarbejdsplan"),
    ("Politiet gennemgik kriminalitetsstatistikken for kvartalet.", "kriminalitet-i-tal"),
    ("Opklaringsprocenten er steget.", "kriminalitet-i-tal"),
    ("SSP-samarbejdet fortsætter, og nabohjælp udbredes.", "forebyggelse"),
    ("Der blev holdt en tryghedsvandring i området.", "forebyggelse"),
    ("Borgernes tryghed er høj ifølge målingen.", "tryghed"),
    ("Ungdomskriminaliteten er faldende.", "ungdomskriminalitet"),
    ("Politiet følger en ungegruppe i bydelen.", "ungdomskriminalitet"),
    ("Der har været flere episoder med vold i nattelivet.", "vold"),
    ("Partnervold er et fokusområde.", "vold"),
    ("Nattelivet i midtbyen var roligt.", "nattelivet"),
    ("Udskænkningen stopper kl. 02.", "nattelivet"),
    ("Trusselsbilledet er uændret.", "beredskab-og-trusselsbillede"),
    ("Beredskabet ved store arrangementer blev drøftet.", "beredskab-og-trusselsbillede"),
    ("Politiets ressourcer er presset, og bemandingen er lav.", "politiets-ressourcer"),
    ("Nærpolitiet har fået en ny politistation.", "naerpoliti"),
    ("Lokalpolitiet er til stede på torvet.", "naerpoliti"),
    ("Cyberkriminalitet og svindel mod ældre er stigende.", "cyber-og-svindel"),
    ("Bedrageri via telefonen, fx phishing, rammer mange.", "cyber-og-svindel"),
])
def test_a_sentence_on_the_theme_is_found(themes_of, text, theme):
    assert theme in themes_of(text), text


@pytest.mark.parametrize("text, theme", [
    ("Der var en voldsom stigning i antallet af henvendelser.", "vold"),
    ("Kommunen vil rekruttere flere unge til foreningslivet.", "politiets-ressourcer"),
    ("Mødet blev holdt i en tryghedsskabende atmosfære af fiktive grunde.", "vold"),
    ("Utrygheden i området er steget.", "tryghed"),  # a theme of its own: Utryghed
    ("Trafikanter i bus og tog.", "faerdsel"),
    ("Politiet har anmeldt sagen.", "kriminalitet-i-tal"),
    ("Der var ingen bemærkninger.", "forebyggelse"),
])
def test_a_sentence_off_the_theme_is_not(themes_of, text, theme):
    assert theme not in themes_of(text), text
