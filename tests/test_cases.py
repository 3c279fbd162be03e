"""Every kind of bad input the check must catch: one case folder each in tests/cases/, holding
the file(s) that differ from the fictional base registries (tests/conftest.py), and the exact
messages asserted. Two meetings can never share an id: the id is the file name.
"""

import shutil
from pathlib import Path

import pytest

from arkiv.load import check_archive
from arkiv.source.yamlsource import MAX_FILE_BYTES
from conftest import FICTIONAL_MEETING, write_fictional

CASES = Path(__file__).parent / "cases"

EMAIL_HINT = ("slet den, eller skriv den under 'published_contacts:' med en begrundelse, hvis det er en offentlig "
              "myndigheds adresse, der må offentliggøres")
PHONE_HINT = ("slet det, eller skriv det under 'published_contacts:' med en begrundelse, hvis det er en offentlig "
              "myndigheds nummer, der må offentliggøres")
IMAGE_HINT = "sitet viser ingen billeder fra teksten; læg billedet som bilag i stedet"
HTML_HINT = "skriv teksten uden HTML; brug markdown til lister, fed skrift og links"
SCHEME_HINT = "link kun til adresser, der begynder med https://"
CPR = "teksten indeholder et CPR-nummer — slet CPR-nummeret: det må aldrig offentliggøres"
INVISIBLE_HINT = "slet tegnet (det ses ikke i en editor, men ændrer teksten)"

EXPECTED = {
    "agenda-duplicate": [
        'agenda-duplicate.md:17: agenda[3].number: punkt 2 står to gange — giv hvert punkt sit eget nummer',
        'agenda-duplicate.md:32: referat, punkt 2.a: punkt 2.a står efter et senere punkt — sæt afsnittene i dagsordenens rækkefølge',
        'agenda-duplicate.md:36: referat, punkt 2: punkt 2 har to afsnit i referatet — slå afsnittene sammen',
    ],
    "agenda-gap": [
        'agenda-gap.md:17: agenda[3].number: punkt 4 følger efter punkt 2 — nummerér punkterne 1, 2, 3 … uden huller; forventede 3',
    ],
    "agenda-title-mismatch": [
        "agenda-title-mismatch.md:28: referat, punkt 2: overskriften 'Biltyverier' passer ikke til dagsordenens titel 'Cykeltyverier' — skriv overskriften som på dagsordenen",
    ],
    "alias-of-two-people": [
        "people.yml:7: people[1].aliases[0]: navnet 'Aase Fiktiv' hører også til 'aase-fiktiv' (linje 2) — et navn eller alias må kun pege på én person",
    ],
    "bom-and-crlf": [
    ],
    "cpr-in-registry": [
        'people.yml:7: people[1].note: teksten indeholder et CPR-nummer — slet CPR-nummeret: det må aldrig offentliggøres',
    ],
    "cpr-number": [
        'cpr-number.md:38: referat: teksten indeholder et CPR-nummer — slet CPR-nummeret: det må aldrig offentliggøres',
    ],
    "data-link": [
        "data-link.md:38: referat: link med 'data:' er ikke tilladt — link kun til adresser, der begynder med https://",
    ],
    "duplicate-id": [
        "people.yml:10: people[3].id: 'aase-fiktiv' er allerede brugt (linje 1) — giv hver post sit eget id",
    ],
    "email-and-phone": [
        "email-and-phone.md:38: referat: teksten indeholder en e-mailadresse ('sekretariatet@example.org') — " + EMAIL_HINT,
        "email-and-phone.md:38: referat: teksten indeholder et telefonnummer ('12 34 56 78') — " + PHONE_HINT,
    ],
    "empty-item": [
        "empty-item.md:36: referat, punkt 3: punktet har ingen tekst — skriv referatets tekst under overskriften, fx 'Der var ingen bemærkninger.'",
    ],
    "event-attribute": [
        "event-attribute.md:38: referat: rå HTML er ikke tilladt ('<span') — skriv teksten uden HTML; brug markdown til lister, fed skrift og links",
    ],
    "image-from-other-host": [
        "image-from-other-host.md:38: referat: billeder er ikke tilladt ('![') — " + IMAGE_HINT,
        "image-from-other-host.md:40: referat: rå HTML er ikke tilladt ('<img') — skriv teksten uden HTML; brug markdown til lister, fed skrift og links",
    ],
    "impossible-date": [
        "impossible-date.md:3: date: '2031-02-30' er ikke en dato, der findes — tjek dag og måned (skrives ÅÅÅÅ-MM-DD)",
    ],
    "item-not-on-agenda": [
        "item-not-on-agenda.md:36: referat, punkt 5: punkt 5 står ikke på dagsordenen — tilføj punktet under 'agenda:' eller ret nummeret i overskriften",
        "item-not-on-agenda.md:17: agenda[3]: punkt 3 har intet afsnit i referatet — tilføj '## Ad 3) Eventuelt' med referatets tekst",
    ],
    "javascript-link": [
        "javascript-link.md:38: referat: link med 'javascript:' er ikke tilladt — link kun til adresser, der begynder med https://",
    ],
    "meeting-id-is-a-person-id": [
        "oeje-paahit.md: filnavn: møde-id'et 'oeje-paahit' er også id i people.yml (linje 8) — giv mødefilen et navn, der ikke er id for en person, et tema eller et råd",
    ],
    "missing-field": [
        "missing-field.md:2: council: feltet mangler — tilføj 'council: …'",
    ],
    "next-meeting-before-meeting": [
        'next-meeting-before-meeting.md:18: next_meeting.date: næste møde (2030-06-01) ligger ikke efter mødet (2031-03-04) — tjek årstallet',
    ],
    "no-front-matter": [
        "no-front-matter.md:1: fil: filen begynder ikke med front matter — sæt en linje med '---' først, så mødets felter, og '---' igen før referatet",
    ],
    "not-a-cpr-number": [
    ],
    "not-a-date": [
        "not-a-date.md:3: date: '4. marts 2031' er ikke en dato — skriv datoen som ÅÅÅÅ-MM-DD, fx 2025-06-23",
    ],
    "not-utf8": [
        'not-utf8.md:5: fil: filen er ikke gemt som UTF-8 — gem filen igen med tegnsættet UTF-8',
    ],
    "no-agenda-no-participants": [
        "no-agenda-no-participants.md:9: agenda: mødet har ingen dagsorden — skriv punkterne under 'agenda', eller skriv i 'agenda_note:' hvorfor referatet ingen har",
        "no-agenda-no-participants.md:7: participants: mødet har ingen deltagere — skriv deltagerne under 'participants', eller skriv i 'participants_note:' hvorfor referatet ikke nævner dem",
    ],
    "left-early": [
        "left-early.md:11: absent[0].left_at: 'kvart over tre' er ikke et klokkeslæt — skriv fx '15.30'",
        "left-early.md:11: absent[0].left_at: en person med afbud kan ikke forlade mødet — flyt personen til 'participants', eller slet 'left_at' og 'left_during'",
        "left-early.md:9: participants[1].left_during: punkt 4 er ikke på dagsordenen — skriv et af punkterne 1, 2, 2.a, 3, eller slet feltet",
    ],
    "draft-marks": [
        "advarsel: draft-marks.md:2: udkast: udkastets overskrift fra `arkiv import` står der endnu — gennemgå udkastet mod referatet, og slet så de to kommentarlinjer øverst",
        "advarsel: draft-marks.md:11: udkast: linjen er mærket 'USIKKER: skrevet »Øje Påhitt«' — tjek oplysningen mod referatet, ret den, og slet mærket '# USIKKER …'",
    ],
    "present-and-absent": [
        "present-and-absent.md:11: absent[0].person: 'oeje-paahit' står både som deltager og med afbud — slet personen fra enten 'participants' eller 'absent'",
    ],
    "previous-meeting-not-in-archive": [
        "previous-meeting-not-in-archive.md:18: approves_minutes.meeting: mødet 'testraadet-2030-4' findes ikke i arkivet — ret id'et, eller slet 'meeting:', når mødet ikke er i arkivet",
    ],
    "raw-html-iframe": [
        "raw-html-iframe.md:38: referat: rå HTML er ikke tilladt ('<iframe') — skriv teksten uden HTML; brug markdown til lister, fed skrift og links",
    ],
    "raw-html-object": [
        "raw-html-object.md:38: referat: rå HTML er ikke tilladt ('<object') — skriv teksten uden HTML; brug markdown til lister, fed skrift og links",
    ],
    "raw-html-script": [
        "raw-html-script.md:26: referat: rå HTML er ikke tilladt ('<script') — skriv teksten uden HTML; brug markdown til lister, fed skrift og links",
    ],
    "same-council-and-date": [
        'testraadet-2031-2.md:3: date: testraadet-2031-1.md er allerede et møde i samme råd samme dag — slet den ene fil, eller ret datoen',
    ],
    "sub-item-without-parent": [
        'sub-item-without-parent.md:15: agenda[1].number: underpunkt 2.a har intet punkt 2 før sig — tilføj punkt 2 på dagsordenen før underpunktet',
    ],
    "substitute-for-non-member": [
        "substitute-for-non-member.md:12: substitutes[0].for: 'zacharias-proeve' har ikke meldt afbud til mødet — en stedfortræder møder for et medlem, der står under 'absent'",
    ],
    "theme-id-is-a-person-id": [
        "themes.yml:1: themes[0].id: 'bent-opdigtet' er allerede brugt (people.yml, linje 5) — giv hver post sit eget id",
    ],
    "ugyldigt-navn": [
        "Ugyldigt navn.md: filnavn: 'Ugyldigt navn.md' giver ikke et gyldigt møde-id — brug kun a-z, 0-9 og bindestreg, fx 'soeren-thomassen' (æ→ae, ø→oe, å→aa)",
    ],
    "unknown-council": [
        "unknown-council.md:2: council: ukendt råd 'testraad' — mente du 'testraadet'?",
    ],
    "unknown-heading": [
        "unknown-heading.md:24: referat: overskriften '## Punkt et Godkendelse af dagsorden' er ikke et punkt — skriv punktets nummer og titel som i dagsordenen, fx '## Ad 3.a) Titel', eller '## Til skriftlig orientering:'",
        "unknown-heading.md:14: agenda[0]: punkt 1 har intet afsnit i referatet — tilføj '## Ad 1) Godkendelse af dagsorden' med referatets tekst",
    ],
    "unknown-person": [
        "unknown-person.md:9: participants[1].person: ukendt person 'oeje-pahit' — mente du 'oeje-paahit'? Ellers tilføj personen i people.yml",
    ],
    "unknown-theme": [
        "unknown-theme.md:15: agenda[1].themes: ukendt tema 'cykel' — mente du 'cykler'?",
    ],
    "unsafe-attachment-url": [
        "unsafe-attachment-url.md:18: attachments[0].url: 'javascript:alert(1)' er ikke en webadresse — skriv en adresse, der begynder med https://",
    ],
    "wrong-type": [
        "wrong-type.md:7: participants: skal være en liste, ikke tekst — skriv hvert element på sin egen linje, der begynder med '- '",
    ],
    "yaml-alias": [
        'yaml-alias.md:7: fil: YAML-aliaser (*navn) er ikke tilladt — skriv værdien ud i stedet for at henvise til et anker (&navn)',
    ],
    "yaml-error": [
        "yaml-error.md:5: fil: YAML kan ikke læses: did not find expected ',' or ']' — ret indrykning, kolon og anførselstegn på linjen",
    ],
    'attr-list-href-style': [
        'attr-list-href-style.md:39: referat: \'{: href="https://example.org/" }\' er ikke tilladt: markdown læser krøllede parenteser som HTML-attributter — skriv teksten uden { og }; arkivet sætter selv sidernes id\'er og klasser',
        'attr-list-href-style.md:41: referat: \'{: style="background:url(https://example.org/x.png)" }\' er ikke tilladt: markdown læser krøllede parenteser som HTML-attributter — skriv teksten uden { og }; arkivet sætter selv sidernes id\'er og klasser',
    ],
    'attr-list-in-front-matter': [
        "attr-list-in-front-matter.md:5: place: '{: onclick=alert(1) }' er ikke tilladt: markdown læser krøllede parenteser som HTML-attributter — skriv teksten uden { og }; arkivet sætter selv sidernes id'er og klasser",
    ],
    'attr-list-in-registries': [
        "councils.yml:2: councils[0].name: '{: onclick=alert(1) }' er ikke tilladt: markdown læser krøllede parenteser som HTML-attributter — skriv teksten uden { og }; arkivet sætter selv sidernes id'er og klasser",
        "people.yml:4: people[0].roles[0].title: '{: .x onmouseover=alert(1) }' er ikke tilladt: markdown læser krøllede parenteser som HTML-attributter — skriv teksten uden { og }; arkivet sætter selv sidernes id'er og klasser",
        "people.yml:9: people[2].name: '{#x onclick=alert(1)}' er ikke tilladt: markdown læser krøllede parenteser som HTML-attributter — skriv teksten uden { og }; arkivet sætter selv sidernes id'er og klasser",
        "themes.yml:2: themes[0].title: '{: onclick=alert(1) }' er ikke tilladt: markdown læser krøllede parenteser som HTML-attributter — skriv teksten uden { og }; arkivet sætter selv sidernes id'er og klasser",
        'themes.yml:3: themes[0].description: \'{: style="color:red" }\' er ikke tilladt: markdown læser krøllede parenteser som HTML-attributter — skriv teksten uden { og }; arkivet sætter selv sidernes id\'er og klasser',
    ],
    'attr-list-onclick': [
        'attr-list-onclick.md:39: referat: \'{: onclick="alert(1)" }\' er ikke tilladt: markdown læser krøllede parenteser som HTML-attributter — skriv teksten uden { og }; arkivet sætter selv sidernes id\'er og klasser',
    ],
    'backticks-by-the-thousand': [
        "backticks-by-the-thousand.md:38: referat: afsnittet har 2000 '`' (højst 20) — referater har ingen kode: fjern tegnene '`'",
    ],
    'brackets-by-the-thousand': [
        "brackets-by-the-thousand.md:38: referat: afsnittet har 20000 '[' (højst 100) — del afsnittet op, eller fjern de overflødige klammer",
    ],
    'contacts-published-by-exception': [
        "contacts-published-by-exception.md:22: published_contacts[1].reason: feltet mangler — tilføj 'reason: …'",
        "contacts-published-by-exception.md:41: referat: teksten indeholder et telefonnummer ('11 22 33 44') — slet det, eller skriv det under 'published_contacts:' med en begrundelse, hvis det er en offentlig myndigheds nummer, der må offentliggøres",
    ],
    'cpr-in-address': [
        'cpr-in-address.md:19: source.url: teksten indeholder et CPR-nummer — slet CPR-nummeret: det må aldrig offentliggøres',
    ],
    'cpr-in-ids': [
        'people.yml:12: people[4].id: teksten indeholder et CPR-nummer — slet CPR-nummeret: det må aldrig offentliggøres',
        '010190-1234.md: filnavn: teksten indeholder et CPR-nummer — slet CPR-nummeret: det må aldrig offentliggøres',
    ],
    'cpr-in-twelve-forms': [
        'cpr-in-twelve-forms.md:38: referat: teksten indeholder et CPR-nummer — slet CPR-nummeret: det må aldrig offentliggøres',
        'cpr-in-twelve-forms.md:40: referat: teksten indeholder et CPR-nummer — slet CPR-nummeret: det må aldrig offentliggøres',
        'cpr-in-twelve-forms.md:42: referat: teksten indeholder et CPR-nummer — slet CPR-nummeret: det må aldrig offentliggøres',
        'cpr-in-twelve-forms.md:44: referat: usynligt tegn U+200B er ikke tilladt — slet tegnet (det ses ikke i en editor, men ændrer teksten)',
        'cpr-in-twelve-forms.md:44: referat: teksten indeholder et CPR-nummer — slet CPR-nummeret: det må aldrig offentliggøres',
        "cpr-in-twelve-forms.md:46: referat: tegnkoden '&#45;' er ikke tilladt — skriv selve tegnet i stedet for tegnkoden",
        'cpr-in-twelve-forms.md:46: referat: teksten indeholder et CPR-nummer — slet CPR-nummeret: det må aldrig offentliggøres',
        'cpr-in-twelve-forms.md:48: referat: teksten indeholder et CPR-nummer — slet CPR-nummeret: det må aldrig offentliggøres',
        'cpr-in-twelve-forms.md:50: referat: teksten indeholder et CPR-nummer — slet CPR-nummeret: det må aldrig offentliggøres',
        'cpr-in-twelve-forms.md:52: referat: teksten indeholder et CPR-nummer — slet CPR-nummeret: det må aldrig offentliggøres',
        'cpr-in-twelve-forms.md:54: referat: teksten indeholder et CPR-nummer — slet CPR-nummeret: det må aldrig offentliggøres',
        'cpr-in-twelve-forms.md:56: referat: teksten indeholder et CPR-nummer — slet CPR-nummeret: det må aldrig offentliggøres',
        'cpr-in-twelve-forms.md:59: referat: teksten indeholder et CPR-nummer — slet CPR-nummeret: det må aldrig offentliggøres',
        'cpr-in-twelve-forms.md:61: referat: teksten indeholder et CPR-nummer — slet CPR-nummeret: det må aldrig offentliggøres',
    ],
    'duplicate-key': [
        "duplicate-key.md:10: fil: feltet 'participants' står to gange (linje 7 og 10) — slå de to felter sammen til ét, eller slet det ene",
    ],
    'entity-and-invisible-characters': [
        "entity-and-invisible-characters.md:38: referat: tegnkoden '&nbsp;' er ikke tilladt — skriv selve tegnet i stedet for tegnkoden",
        'entity-and-invisible-characters.md:38: referat: usynligt tegn U+00AD er ikke tilladt — slet tegnet (det ses ikke i en editor, men ændrer teksten)',
    ],
    'id-of-an-index-page': [
        "themes.yml:9: themes[2].id: 'aar' er navnet på en af arkivets egne sider — vælg et andet id",
        "index.md: filnavn: 'index' er navnet på en af arkivets egne sider — giv mødefilen et andet navn, fx '<råd>-<år>-<nr>.md'",
    ],
    'image-by-reference': [
        "image-by-reference.md:38: referat: billeder er ikke tilladt ('![') — sitet viser ingen billeder fra teksten; læg billedet som bilag i stedet",
    ],
    'javascript-as-entities': [
        "javascript-as-entities.md:38: referat: tegnkoden '&#x61;' er ikke tilladt — skriv selve tegnet i stedet for tegnkoden",
        "javascript-as-entities.md:38: referat: link med 'javascript:' er ikke tilladt — link kun til adresser, der begynder med https://",
    ],
    'javascript-autolink': [
        "javascript-autolink.md:38: referat: rå HTML er ikke tilladt ('<javascript:alert(1)') — skriv teksten uden HTML; brug markdown til lister, fed skrift og links",
        "javascript-autolink.md:38: referat: link med 'vbscript:' er ikke tilladt — link kun til adresser, der begynder med https://",
    ],
    'javascript-over-two-lines': [
        "javascript-over-two-lines.md:38: referat: link med 'javascript:' er ikke tilladt — link kun til adresser, der begynder med https://",
    ],
    'key-read-as-null': [
        'key-read-as-null.md:6: fil: feltnavnet \'~\' er ikke tekst for YAML — skriv feltnavnet i anførselstegn ("~":), eller ret det',
    ],
    'key-read-as-true': [
        'key-read-as-true.md:5: fil: feltnavnet \'yes\' er ikke tekst for YAML — skriv feltnavnet i anførselstegn ("yes":), eller ret det',
    ],
    'line-separator': [
        'line-separator.md:38: fil: usynligt tegn U+2028 er ikke tilladt — slet tegnet (det ses ikke i en editor, men ændrer teksten)',
    ],
    'list-nested-300-deep': [
        'list-nested-300-deep.md:40: referat: listen er indlejret for dybt — brug højst 10 niveauer og højst 40 tegns indrykning',
    ],
    'meeting-files-not-read': [
        '2031/testraadet-2031-3.md: fil: mødefilen ligger i en undermappe og læses ikke — læg mødefilen direkte i meetings/ med endelsen .md (små bogstaver)',
        "TESTRAADET-2031-2.MD: fil: mødefilen har endelsen '.MD' og læses ikke — læg mødefilen direkte i meetings/ med endelsen .md (små bogstaver)",
        "testraadet-2031-4.markdown: fil: mødefilen har endelsen '.markdown' og læses ikke — læg mødefilen direkte i meetings/ med endelsen .md (små bogstaver)",
    ],
    'nul-byte': [
        'nul-byte.md:38: fil: usynligt tegn U+0000 er ikke tilladt — slet tegnet (det ses ikke i en editor, men ændrer teksten)',
    ],
    'relative-links': [
        "relative-links.md:38: referat: linket '#punkt-9' peger på et punkt, der ikke findes i relative-links — brug et af: #indledning, #punkt-1, #punkt-2, #punkt-2a, #punkt-3",
        "relative-links.md:38: referat: linket 'testraadet-2030-1.md' peger på et møde, der ikke er i arkivet — mente du 'testraadet-2031-2.md'?",
        "relative-links.md:38: referat: linket '../../om/' peger ikke på et møde i arkivet — link til et punkt i mødet ('#punkt-3a') eller et møde i arkivet ('koebenhavn-2025-1.md' eller 'koebenhavn-2025-1.md#punkt-3a'), eller skriv en adresse med https://",
        "relative-links.md:39: referat: linket 'testraadet-2031-2.md#punkt-7' peger på et punkt, der ikke findes i testraadet-2031-2 — brug et af: #indledning, #punkt-1, #punkt-2, #punkt-2a, #punkt-3",
        "relative-links.md:41: referat: linket '../personer/aase-fiktiv.md' peger ikke på et møde i arkivet — link til et punkt i mødet ('#punkt-3a') eller et møde i arkivet ('koebenhavn-2025-1.md' eller 'koebenhavn-2025-1.md#punkt-3a'), eller skriv en adresse med https://",
    ],
    'snippet-in-minutes': [
        "snippet-in-minutes.md:40: referat: '--8<--' (indsæt en fil) er ikke tilladt — skriv teksten selv; kildens tekst offentliggøres af arkivet",
        "snippet-in-minutes.md:42: referat: '-8<-' (indsæt en fil) er ikke tilladt — skriv teksten selv; kildens tekst offentliggøres af arkivet",
    ],
    'source-not-plain-text': [
        "source-in-other-folder.md:19: source.file: 'people.yml' er ikke en tekstfil i sources/ — kilden offentliggøres som den er: læg referatets tekst som .txt i meetings/sources/, og skriv fx 'sources/koebenhavn-2025-1.txt'",
        "source-not-plain-text.md:19: source.file: 'sources/referat.html' er ikke en tekstfil i sources/ — kilden offentliggøres som den er: læg referatets tekst som .txt i meetings/sources/, og skriv fx 'sources/koebenhavn-2025-1.txt'",
    ],
    'source-with-personal-data': [
        "sources/source-with-personal-data.txt:2: kildetekst: teksten indeholder en e-mailadresse ('aase@example.org') — slet den, eller skriv den under 'published_contacts:' med en begrundelse, hvis det er en offentlig myndigheds adresse, der må offentliggøres",
        'sources/source-with-personal-data.txt:3: kildetekst: teksten indeholder et CPR-nummer — slet CPR-nummeret: det må aldrig offentliggøres',
        "sources/source-with-personal-data.txt:4: kildetekst: teksten indeholder et telefonnummer ('12 34 56 78') — slet det, eller skriv det under 'published_contacts:' med en begrundelse, hvis det er en offentlig myndigheds nummer, der må offentliggøres",
        'sources/source-with-personal-data.txt:5: kildetekst: usynligt tegn U+0007 er ikke tilladt — slet tegnet (det ses ikke i en editor, men ændrer teksten)',
    ],
    'year-out-of-range': [
        'year-out-of-range.md:4: date_unknown.year: 20255 ligger ikke mellem 1900 og 2100 — tjek tallet',
        'year-out-of-range.md:19: next_meeting.date: året 1 ligger ikke mellem 1900 og 2100 — tjek årstallet',
    ],
    "yaml-too-deep": [
        'yaml-too-deep.md:5: fil: YAML er indlejret for dybt — skriv felterne med højst få niveauers indrykning',
    ],
}


def run_case(tmp_path, files):
    folder = write_fictional(tmp_path / "meetings", **{"testraadet-2031-1.md": None})
    for name, source in files:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, folder / name)
    return check_archive(folder)


def case_files(case: str):
    """(path inside meetings/, file) of every file of a case folder, subfolders included."""
    return [(f.relative_to(CASES / case).as_posix(), f) for f in sorted((CASES / case).rglob("*")) if f.is_file()]


def test_every_case_folder_has_an_expectation():
    assert sorted(p.name for p in CASES.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_case(tmp_path, case):
    archive, problems = run_case(tmp_path, case_files(case))
    assert [str(p) for p in problems] == EXPECTED[case]
    assert (archive is None) == any(p.severity == "error" for p in problems)


def test_too_large_file_is_refused(tmp_path):
    huge = tmp_path / "src.md"
    huge.write_text(FICTIONAL_MEETING.replace("Intet.", "Intet. " * (MAX_FILE_BYTES // 7)), encoding="utf-8")
    _, problems = run_case(tmp_path, [("stor.md", huge)])
    size = huge.stat().st_size
    assert [str(p) for p in problems] == [
        f"stor.md: fil: filen er {size:,} bytes, grænsen er {MAX_FILE_BYTES:,} — del referatet op, eller fjern indlejrede data"]


def test_symlinked_meeting_file_is_refused(tmp_path):
    outside = tmp_path / "outside.md"
    outside.write_text(FICTIONAL_MEETING, encoding="utf-8")
    folder = write_fictional(tmp_path / "meetings", **{"testraadet-2031-1.md": None})
    (folder / "link.md").symlink_to(outside)
    _, problems = check_archive(folder)
    assert [str(p) for p in problems] == [
        "link.md: fil: mødefilen er et symbolsk link — læg selve filen i meetings/; arkivet læser ikke filer uden for mappen"]


def test_a_draft_with_its_marks_is_refused_by_strict_and_explained_lists_pass(tmp_path):
    """`make check --strict` (CI) refuses a draft nobody has gone through; a meeting whose referat
    really has no agenda or no list of participants passes when the file says so."""
    archive, problems = run_case(tmp_path / "a", case_files("draft-marks"))
    assert archive is not None
    folder = tmp_path / "a" / "meetings"
    archive, problems = check_archive(folder, strict=True)
    assert archive is None and [p.field for p in problems] == ["udkast", "udkast"]
    explained = (CASES / "no-agenda-no-participants" / "no-agenda-no-participants.md").read_text(encoding="utf-8")
    explained = explained.replace("agenda: []", "agenda: []\nagenda_note: Referatet har ingen dagsorden.").replace(
        "participants: []", "participants: []\nparticipants_note: Referatet nævner ikke, hvem der deltog.")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "explained.md").write_text(explained, encoding="utf-8")
    archive, problems = run_case(tmp_path / "b", [("no-agenda-no-participants.md", tmp_path / "b" / "explained.md")])
    assert archive is not None and [str(p) for p in problems] == []
