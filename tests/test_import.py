"""`arkiv import`: a referat (text or PDF) → a draft meeting file that passes the check.

The seed is the real referat; every other input here is fictional (Fiktivby, »Aase Fiktiv«) and
laid out in one of the ways Danish councils write minutes.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from arkiv.importer.draft import ImportFailure, import_file
from arkiv.importer.extract import UnreadableInput
from arkiv.load import check_archive, load_archive
from conftest import FIXTURE, ROOT, SEED
from pdfmaker import make_pdf

COUNCILS = """\
- id: testraadet
  name: Testrådet (fiktivt)
- id: fiktivby
  name: Fiktivby Politis kredsråd (fiktivt)
"""
PEOPLE = """\
- id: aase-fiktiv
  name: Aase Fiktiv
  aliases: [Aase F. Fiktiv]
- id: bent-opdigtet
  name: Bent Opdigtet
- id: oeje-paahit
  name: Øje Påhit
- id: zacharias-proeve
  name: Zacharias Prøve
"""
THEMES = """\
- id: cykler
  title: Cykler
  description: Fiktivt tema.
  words: ["cykel*"]
"""

LETTERHEAD = "Fiktivby Politi – fiktivt testreferat"

# Header form 1, »Dagsorden:« with an item going on over a line, »Til stede:« one a line,
# »Afbud fra:«, sections »Ad 1:«, a numbered heading alone, page breaks with letterhead and page
# number, and words hyphenated over a line.
INPUT_A = f"""{LETTERHEAD}
Referat fra mødet i Kredsrådet for Fiktivby Politikreds tirsdag den 4. marts 2031 kl. 14.00 i mødelokale 2 på Politigården

Dagsorden:
1. Godkendelse af dagsorden
2. Orientering om cykeltyverier i
byens østlige del
3. Eventuelt

Til stede:
Politidirektør Aase Fiktiv
Borgmester Bent Opdigtet
Chefanklager Zacharias Prøwe

Afbud fra: Øje Påhit

Ad 1: Godkendelse af dagsorden
Dagsordenen blev godkendt.

Ad 2: Orientering om cykeltyverier i byens østlige del
Aase Fiktiv orienterede om forebyggel-
sesindsatsen mod cykeltyverier. Antallet af
Side 1 af 2
\f{LETTERHEAD}
anmeldelser er faldet. Indsatsen mod bande-
og rockerkriminalitet fortsætter.

Bent Opdigtet takkede.

3. Eventuelt
Næste møde er den 9. juni.
Side 2 af 2
"""
BODY_A = """
## Ad 1: Godkendelse af dagsorden
Dagsordenen blev godkendt.
## Ad 2: Orientering om cykeltyverier i byens østlige del
Aase Fiktiv orienterede om forebyggelsesindsatsen mod cykeltyverier. Antallet af anmeldelser er faldet.
Indsatsen mod bande- og rockerkriminalitet fortsætter.
Bent Opdigtet takkede.
## 3. Eventuelt
Næste møde er den 9. juni.
"""

# Header form 2 (meeting number, »hos«), »DAGSORDEN« with sub-items, »Deltagere:« separated by
# commas, »Afbud:«, a substitute, »Ad. pkt. 1.« and »Punkt 3« sections, the written orientation,
# and a December meeting whose next meeting is in January.
INPUT_B = """Referat af møde nr. 4/2030 i Kredsrådet for Fiktivby Politikreds den 9. december 2030 hos Fiktivby Kommune

DAGSORDEN
1. Godkendelse af referat fra kredsrådsmøde den 2. september 2030 (bilag)
2. Status
a) Cykler
b) Æbler
3. Eventuelt

Deltagere: Politidirektør Aase Fiktiv, Chefanklager Zacharias Prøve, Kommunaldirektør Øje Påhit

Afbud: Borgmester Bent Opdigtet

Aase Fiktiv bød velkommen, også til kommunaldirektør Øje Påhit, der mødte i stedet for borgmester
Bent Opdigtet.

Ad. pkt. 1. Godkendelse af referat fra kredsrådsmøde den 2. september 2030
Referatet blev godkendt.

Ad. pkt. 2. Status
Aase F. Fiktiv gav en status.

Ad 2.a) Cykler
Der er stjålet færre cykler.

Ad 2.b) Æbler
Ingen bemærkninger.

Punkt 3 Eventuelt
Næste møde er den 12. januar.

Til skriftlig orientering:
Der er kommet nye ladcykler.
"""
BODY_B = """
Aase Fiktiv bød velkommen, også til kommunaldirektør Øje Påhit, der mødte i stedet for borgmester Bent Opdigtet.
## Ad. pkt. 1. Godkendelse af referat fra kredsrådsmøde den 2. september 2030
Referatet blev godkendt.
## Ad. pkt. 2. Status
Aase F. Fiktiv gav en status.
## Ad 2.a) Cykler
Der er stjålet færre cykler.
## Ad 2.b) Æbler
Ingen bemærkninger.
## Punkt 3 Eventuelt
Næste møde er den 12. januar.
## Til skriftlig orientering:
Der er kommet nye ladcykler.
"""

# No header (no date): two columns run together under »Tilstede var:«, numbered headings alone, a
# numbered list in the text that is not a heading, and »Eventuelt« alone as a heading.
INPUT_C = """Dagsorden:
1. Velkomst
2. Cykler og ladcykler
3. Eventuelt

Tilstede var:
Politidirektør Aase Fiktiv Borgmester Bent Opdigtet
Chefanklager Zacharias Prøve Kommunaldirektør Øje Påhit

Aase Fiktiv bød velkommen til årets anden kredsrådsmøde.

1. Velkomst
Der var ingen bemærkninger.

2. Cykler og ladcykler
Der er aftalt to tiltag:
1. Flere cykelstativer.
2. Bedre lys ved
stationen.
Tiltagene træder i kraft 1. april 2031.

Eventuelt
Intet.
"""
BODY_C = """
Aase Fiktiv bød velkommen til årets anden kredsrådsmøde.
## 1. Velkomst
Der var ingen bemærkninger.
## 2. Cykler og ladcykler
Der er aftalt to tiltag:
1. Flere cykelstativer.
2. Bedre lys ved stationen.
Tiltagene træder i kraft 1. april 2031.
## 3. Eventuelt
Intet.
"""


def registry(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in (("councils.yml", COUNCILS), ("people.yml", PEOPLE), ("themes.yml", THEMES)):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def words(text: str) -> list[str]:
    return text.split()


def draft_body(path: Path) -> str:
    return path.read_text(encoding="utf-8").split("\n---\n", 1)[1]


def imported(tmp_path, text: str, **options):
    meetings = registry(tmp_path / "meetings")
    source = tmp_path / "referat.txt"
    source.write_text(text, encoding="utf-8")
    report = import_file(source, meetings, **options)
    return report, checked_draft(meetings), meetings


def checked_draft(meetings: Path):
    """The draft passes `make check`; `--strict` refuses it for its draft marks and nothing else,
    and passes once an editor has removed them."""
    archive, problems = check_archive(meetings)
    assert archive is not None, "\n".join(map(str, problems))
    _, strict = check_archive(meetings, strict=True)
    assert strict and all(p.field == "udkast" for p in strict), "\n".join(map(str, strict))
    cleaned = meetings.parent / f"{meetings.name}-gennemgaaet"
    shutil.rmtree(cleaned, ignore_errors=True)
    shutil.copytree(meetings, cleaned)
    for path in cleaned.glob("*.md"):
        text = path.read_text(encoding="utf-8")
        head, body = text.split("\n---\n", 1)
        head = "\n".join(re.sub(r"\s*# USIKKER:.*$", "", line) for line in head.split("\n") if not line.startswith("# "))
        path.write_text(head + "\n---\n" + body, encoding="utf-8")
    archive, problems = check_archive(cleaned, strict=True)
    assert archive is not None, "\n".join(map(str, problems))
    return archive.meetings[0]


def test_header_agenda_people_pages_and_hyphens(tmp_path):
    report, meeting, _ = imported(tmp_path, INPUT_A)
    assert meeting.council == "fiktivby" and meeting.date == dt.date(2031, 3, 4)
    assert (meeting.time, meeting.place) == ("14.00", "mødelokale 2 på Politigården")
    assert [(e.number, e.title) for e in meeting.agenda] == [
        ("1", "Godkendelse af dagsorden"), ("2", "Orientering om cykeltyverier i byens østlige del"),
        ("3", "Eventuelt")]
    assert [(a.person, a.title) for a in meeting.participants] == [
        ("aase-fiktiv", "Politidirektør"), ("bent-opdigtet", "Borgmester"), ("zacharias-proeve", "Chefanklager")]
    assert [a.person for a in meeting.absent] == ["oeje-paahit"]
    assert meeting.next_meeting.date == dt.date(2031, 6, 9)
    # Letterhead and page numbers are gone and reported; every word of the body is kept, in order.
    assert report.removed == [LETTERHEAD, "Side 1 af 2", LETTERHEAD, "Side 2 af 2"]
    assert words(draft_body(report.meeting)) == words(BODY_A)
    assert "forebyggel-sesindsatsen" in str(report)
    # A near spelling is matched, marked in the draft and named in the report.
    assert "»Zacharias Prøwe« er sat til zacharias-proeve" in str(report)
    assert "person: zacharias-proeve, title: Chefanklager}  # USIKKER: skrevet »Zacharias Prøwe«" in \
        report.meeting.read_text(encoding="utf-8")


def test_meeting_number_sub_items_commas_substitute_and_next_year(tmp_path):
    report, meeting, _ = imported(tmp_path, INPUT_B)
    assert meeting.date == dt.date(2030, 12, 9) and meeting.place == "Fiktivby Kommune"
    assert "mødenummer: 4/2030" in str(report)
    assert [e.number for e in meeting.agenda] == ["1", "2", "2.a", "2.b", "3"]
    assert [(a.person, a.title) for a in meeting.participants] == [
        ("aase-fiktiv", "Politidirektør"), ("zacharias-proeve", "Chefanklager"), ("oeje-paahit", "Kommunaldirektør")]
    assert [(a.person, a.title) for a in meeting.absent] == [("bent-opdigtet", "Borgmester")]
    assert [(s.person, s.instead_of) for s in meeting.substitutes] == [("oeje-paahit", "bent-opdigtet")]
    assert meeting.next_meeting.date == dt.date(2031, 1, 12)  # December meeting: next year
    assert meeting.approves_minutes.date == dt.date(2030, 9, 2)
    assert [(a.title, a.item) for a in meeting.attachments] == [
        ("Referat fra kredsrådsmøde den 2. september 2030", "1")]
    assert [s.number for s in meeting.sections if s.number] == ["1", "2", "2.a", "2.b", "3"]
    assert meeting.sections[-1].kind == "written"
    assert words(draft_body(report.meeting)) == words(BODY_B)


def test_no_header_two_columns_and_headings_alone(tmp_path):
    with pytest.raises(ImportFailure, match="--council"):
        imported(tmp_path / "a", INPUT_C)
    report, meeting, _ = imported(tmp_path / "b", INPUT_C, council="testraadet")
    assert meeting.date is None
    assert (meeting.date_unknown.year, meeting.date_unknown.number_in_year) == (2031, 2)
    assert "året 2031 er det seneste årstal" in str(report)
    assert "year: 2031  # USIKKER" in report.meeting.read_text(encoding="utf-8")
    assert [(a.person, a.title) for a in meeting.participants] == [
        ("aase-fiktiv", "Politidirektør"), ("bent-opdigtet", "Borgmester"),
        ("zacharias-proeve", "Chefanklager"), ("oeje-paahit", "Kommunaldirektør")]
    assert [s.number for s in meeting.sections if s.number] == ["1", "2", "3"]
    assert words(draft_body(report.meeting)) == words(BODY_C)
    assert report.meeting.name == "testraadet-2031-2.md"


def test_comma_list_with_title_after_name(tmp_path):
    from arkiv.importer.recognise import split_people

    people = split_people("Aase Fiktiv, politidirektør, Bent Opdigtet og Øje Påhit")
    assert [(p.name, p.title) for p in people] == [
        ("Aase Fiktiv", "Politidirektør"), ("Bent Opdigtet", None), ("Øje Påhit", None)]


def test_unknown_people_are_proposed_not_added(tmp_path):
    text = INPUT_A.replace("Borgmester Bent Opdigtet", "Borgmester Hugo Ukendtsen")
    meetings = registry(tmp_path / "meetings")
    source = tmp_path / "referat.txt"
    source.write_text(text, encoding="utf-8")
    report = import_file(source, meetings)
    assert [(m.person, m.as_written) for m in report.new_people] == [("hugo-ukendtsen", "Hugo Ukendtsen")]
    assert "id: hugo-ukendtsen\n    name: Hugo Ukendtsen" in str(report)
    assert (meetings / "people.yml").read_text(encoding="utf-8") == PEOPLE  # not silently added
    archive, problems = check_archive(meetings)
    assert archive is None and any("hugo-ukendtsen" in str(p) for p in problems)


# --- The real referat -----------------------------------------------------------------------------

def seed_import(tmp_path, source: Path):
    meetings = tmp_path / "meetings"
    meetings.mkdir()
    for name in ("councils.yml", "people.yml", "themes.yml"):
        (meetings / name).write_bytes((FIXTURE / name).read_bytes())
    report = import_file(source, meetings, council="koebenhavn")
    return report, checked_draft(meetings)


def assert_matches_curated(draft):
    curated = load_archive(FIXTURE).meeting("koebenhavn-2025-1")
    assert draft.id == curated.id and draft.date is None
    assert (draft.date_unknown.year, draft.date_unknown.number_in_year) == (2025, 1)
    assert [(e.number, e.title, e.points) for e in draft.agenda] == [
        (e.number, e.title, e.points) for e in curated.agenda]
    for role in ("participants", "absent", "substitutes"):
        assert getattr(draft, role) == getattr(curated, role), role
    assert draft.next_meeting.date == curated.next_meeting.date
    assert draft.next_meeting.as_written == curated.next_meeting.as_written
    assert draft.approves_minutes.date == curated.approves_minutes.date
    assert [(s.kind, s.number, s.heading) for s in draft.sections] == [
        (s.kind, s.number, s.heading) for s in curated.sections]
    for mine, theirs in zip(draft.sections, curated.sections, strict=True):
        assert words(mine.body) == words(theirs.body), mine.heading


def test_seed_text_gives_the_curated_meeting(tmp_path):
    report, draft = seed_import(tmp_path, SEED)  # meetings/sources/: the seed, byte for byte
    assert_matches_curated(draft)
    # Every word of the referat's body is in the draft, in order, and nothing else but '##'.
    source = SEED.read_text(encoding="utf-8")
    body = words(source[source.index("Anne Tønnes bød velkommen"):])
    draft = words(draft_body(report.meeting))
    assert [w for w in draft if w != "##"] == body


def test_seed_as_a_real_pdf_gives_the_same_meeting(tmp_path):
    lines = SEED.read_text(encoding="utf-8").split("\n")
    pdf = tmp_path / "referat.pdf"
    pdf.write_bytes(make_pdf([lines[i:i + 55] for i in range(0, len(lines), 55)]))
    report, draft = seed_import(tmp_path, pdf)
    assert_matches_curated(draft)
    assert draft.source.kind == "Referat (tekst udtrukket af PDF)"


# --- Unreadable input: a clear message, a non-zero exit, nothing written ------------------------

def encrypted_pdf(path: Path) -> Path:
    from pypdf import PdfReader, PdfWriter

    plain = path.with_name("plain.pdf")
    plain.write_bytes(make_pdf([["Referat fra et fiktivt møde med nok ord til et tekstlag her"]]))
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt("hemmelig")
    with open(path, "wb") as out:
        writer.write(out)
    return path


@pytest.mark.parametrize("name, make, message", [
    ("tom.txt", lambda p: p.write_bytes(b""), "filen er tom"),
    ("blank.txt", lambda p: p.write_bytes(b"  \n\n "), "filen er tom"),
    ("junk.txt", lambda p: p.write_bytes(bytes(range(256)) * 40), "ikke tekst i UTF-8"),
    ("nuller.txt", lambda p: p.write_bytes(b"\x00\x01\x02abc" * 300), "binære data"),
    ("scannet.pdf", lambda p: p.write_bytes(make_pdf([[]])), "intet tekstlag"),
    ("krypteret.pdf", encrypted_pdf, "krypteret"),
    ("i-stykker.pdf", lambda p: p.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 10), "kan ikke læses som PDF"),
])
def test_unreadable_input_is_refused_with_a_clear_message(tmp_path, name, make, message):
    meetings = registry(tmp_path / "meetings")
    before = sorted(p.name for p in meetings.rglob("*"))
    source = tmp_path / name
    make(source)
    result = subprocess.run([sys.executable, "-m", "arkiv", "--root", str(tmp_path), "import", str(source),
                             "--council", "testraadet"], capture_output=True, text=True, cwd=ROOT,
                            env={"PYTHONPATH": str(ROOT / "scripts"), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 1
    assert message in result.stderr and str(source) in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in meetings.rglob("*")) == before
    with pytest.raises(UnreadableInput):
        import_file(source, meetings, council="testraadet")


def test_an_existing_meeting_is_not_overwritten_unless_asked(tmp_path):
    report, _, meetings = imported(tmp_path, INPUT_A)
    edited = report.meeting.read_text(encoding="utf-8") + "\nRettet af sekretariatet.\n"
    report.meeting.write_text(edited, encoding="utf-8")
    source = tmp_path / "referat.txt"
    with pytest.raises(ImportFailure, match="er allerede rådets møde den 2031-03-04"):
        import_file(source, meetings)  # the same referat again: recognised by council and date
    with pytest.raises(ImportFailure, match="findes allerede"):
        import_file(source, meetings, meeting_id=report.meeting.stem)
    assert report.meeting.read_text(encoding="utf-8") == edited
    again = import_file(source, meetings, force=True)
    assert again.meeting == report.meeting and "Rettet af" not in report.meeting.read_text(encoding="utf-8")


def test_cli_prints_the_report(tmp_path):
    registry(tmp_path / "meetings")
    source = tmp_path / "referat.txt"
    source.write_text(INPUT_B, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "arkiv", "--root", str(tmp_path), "import", str(source)],
                            capture_output=True, text=True, cwd=ROOT, env={"PYTHONPATH": str(ROOT / "scripts")})
    assert result.returncode == 0, result.stderr
    assert re.search(r"Udkast skrevet: .*fiktivby-2030-4\.md", result.stdout)  # »møde nr. 4/2030«
    assert "stedfortræder: oeje-paahit for bent-opdigtet" in result.stdout
    assert (tmp_path / "meetings" / "sources" / "fiktivby-2030-4.txt").read_text(encoding="utf-8") == INPUT_B


@pytest.mark.parametrize("header, expected", [
    ("Referat fra mødet i Kredsrådet tirsdag den 3. marts 2020 kl. 14.00 i mødelokale 2 på Politigården",
     (dt.date(2020, 3, 3), "14.00", "mødelokale 2 på Politigården", "Kredsrådet", None)),
    ("Referat af møde nr. 2/2019 i Kredsrådet for Nordjyllands Politikreds den 9. september 2019 hos Aalborg Kommune",
     (dt.date(2019, 9, 9), None, "Aalborg Kommune", "Kredsrådet for Nordjyllands Politikreds", "2/2019")),
    ("Referat fra møde i Kredsrådet for Fiktivby Politikreds onsdag d. 1. oktober 2031, kl. 9",
     (dt.date(2031, 10, 1), "09.00", None, "Kredsrådet for Fiktivby Politikreds", None)),
])
def test_header_lines(header, expected):
    from arkiv.importer.recognise import recognise

    found = recognise([header, "", "Dagsorden:", "1. Eventuelt"])
    assert (found.date, found.time, found.place, found.council_text, found.meeting_number) == expected


def test_a_header_broken_over_two_lines():
    from arkiv.importer.recognise import recognise

    found = recognise(["Referat fra mødet i Kredsrådet tirsdag den 3. marts", "2020 kl. 14.00 i mødelokale 2"])
    assert (found.date, found.place) == (dt.date(2020, 3, 3), "mødelokale 2")


def test_invisible_characters_are_removed_and_personal_data_reported(tmp_path):
    """PDFs and web pages carry soft hyphens and zero-width spaces, which the check refuses; the
    draft and the source text come without them. A CPR number in the referat is named in the
    report (with its line, never the number), and the check then refuses the draft's source."""
    text = INPUT_C.replace("Flere cykelstativer", "Flere cykel\u00adstativer\u200b").replace(
        "stationen.", "stationen (CPR 010190-1234).")
    meetings = registry(tmp_path / "meetings")
    source = tmp_path / "referat.txt"
    source.write_text(text, encoding="utf-8")
    report = import_file(source, meetings, council="fiktivby", year=2031)
    assert "usynlige tegn fjernet: 2" in report.recognised
    line = text.split("\n").index("stationen (CPR 010190-1234).") + 1
    assert (f"referatet indeholder et CPR-nummer (kildens linje {line}): slet det i både udkastet og kildens "
            "tekst, før mødet offentliggøres") in report.uncertain
    assert "010190" not in "\n".join(report.uncertain)
    for written in (report.meeting, report.source):
        assert "\u00ad" not in written.read_text(encoding="utf-8") and "\u200b" not in written.read_text(encoding="utf-8")
    assert "Flere cykelstativer." in report.source.read_text(encoding="utf-8")
    archive, problems = check_archive(meetings)
    messages = [str(p) for p in problems]
    assert archive is None
    assert f"sources/{report.meeting.stem}.txt:{line}: kildetekst: teksten indeholder et CPR-nummer — slet " \
           "CPR-nummeret: det må aldrig offentliggøres" in messages


@pytest.mark.parametrize("lines, council, date", [
    (["4. marts 2031", "Referat af kredsrådsmøde den 3. marts 2031", "Til stede:"], None, dt.date(2031, 3, 3)),
    (["Fiktivby, den 20-05-2031", "", "Referat af kredsrådsmødet den 12-05-2031"], None, dt.date(2031, 5, 12)),
    (["1 Kredsrådet for Fiktivby Politikreds", "1 Referat af møde nr. 1/2031 den 10. februar 2031"],
     "Kredsrådet for Fiktivby Politikreds", dt.date(2031, 2, 10)),
    (["Kredsrådet for Fiktivby Politikreds", "Mødedato: 11. november 2031"], "Kredsrådet for Fiktivby Politikreds",
     dt.date(2031, 11, 11)),
    (["Lokalrådet for Opdigtet Kommune", "Referat"], "Lokalrådet for Opdigtet Kommune", None),
    # A publication date, a letter date or the approved minutes' date is not the meeting's.
    (["4. marts 2031", "Til stede:"], None, None),
    (["1. Godkendelse af referat fra mødet den 2. december 2030"], None, None),
])
def test_the_council_and_date_of_minutes_without_a_header_line(lines, council, date):
    from arkiv.importer.recognise import Recognised, _header

    found = Recognised()
    _header(lines, found)
    assert (found.council_text, found.date) == (council, date)


@pytest.mark.parametrize("line, person", [
    ("Politidirektør Aase Fiktiv", True),
    ("Aase Fiktiv, politidirektør", True),
    ("Politidirektør Aase Fiktiv Borgmester Bent Opdigtet", True),
    ("Borgmester Bent Opdigtet, Fiktivby Kommune", True),
    ("Allan S. Andersen", True),
    # In a list, the sentence of someone leaving is that person's entry (see the departures test).
    ("Borgmester Bent Opdigtet forlod mødet kl. 15.30 under behandling af pkt. 2.", True),
    ("Dagsordenpunkt Emne Beslutning Status", False),
    ("Bent Opdigtet\tFiktivby Kommune", True),
    ("Ingen bemærkninger til referatet", False),
    ("Aase Fiktiv bød velkommen til mødet og takkede for fremmødet.", False),
    ("1. Godkendelse af referat", False),
])
def test_a_sentence_or_an_agenda_item_never_becomes_a_person(line, person):
    from arkiv.importer.recognise import is_person_line

    assert is_person_line(line) is person, line
