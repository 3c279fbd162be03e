"""Conclusions and follow-ups (issue 21): what a council concluded and promised, followed from
meeting to meeting. A fictional archive of three meetings of »Testrådet (fiktivt)« with a promise
answered, one open and one lapsed; the check's messages; the pages, the data and `make follow-ups`."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from arkiv.load import check_archive, load_archive
from arkiv.render import render_one, render_shared
from arkiv.render.followups import FOLLOW_UPS_PAGE
from conftest import ROOT, write_fictional

FIRST = """\
---
council: testraadet
date: 2031-03-04
participants:
  - {person: aase-fiktiv, title: Formand}
agenda:
  - {number: "1", title: Godkendelse af dagsorden}
  - {number: "2", title: Cykeltyverier}
  - {number: "3", title: Eventuelt}
conclusions:
  - {item: "1", text: Dagsordenen blev godkendt.}
follow_ups:
  - id: cykelanalysen
    item: "2"
    promise: Analysen af cykeltyverierne vil blive fremlagt på et senere møde.
    expected: på et senere møde
    status: besvaret
    answer: {meeting: testraadet-2031-2, item: "1", text: Aase Fiktiv fremlagde analysen af cykeltyverierne.}
  - id: ladcykler
    item: "2"
    promise: Politiet vender tilbage om ladcyklerne.
    status: åben
  - id: aeblekrigen
    item: "3"
    promise: Æblekrigen tages op igen til foråret.
    status: bortfaldet
    note: Fiktivt – rådet opgav punktet.
source: {kind: Fiktivt testreferat}
---

Aase Fiktiv bød velkommen.

## Ad 1) Godkendelse af dagsorden

Dagsordenen blev godkendt.

## Ad 2) Cykeltyverier

Øje Påhit fortalte om cykeltyverier. Analysen af cykeltyverierne vil blive fremlagt på et senere møde. Politiet vender tilbage om ladcyklerne.

## Ad 3) Eventuelt

Æblekrigen tages op igen til foråret.
"""

SECOND = """\
---
council: testraadet
date: 2031-06-01
participants:
  - {person: aase-fiktiv, title: Formand}
approves_minutes: {date: 2031-03-04, as_written: referatet fra 4. marts, meeting: testraadet-2031-1}
agenda:
  - {number: "1", title: Cykeltyverier}
follow_ups:
  - id: tidligere-loefte
    item: "1"
    earlier: {date: 2030-11-01, as_written: mødet i november}
    status: besvaret
    answer: {meeting: testraadet-2031-2, item: "1", text: Som lovet på mødet i november kom status på cyklerne.}
source: {kind: Fiktivt testreferat}
---

## Ad 1) Cykeltyverier

Aase Fiktiv fremlagde analysen af cykeltyverierne. Som lovet på mødet i november kom status på cyklerne.
"""

THIRD = """\
---
council: testraadet
date: 2031-09-01
participants:
  - {person: aase-fiktiv, title: Formand}
agenda:
  - {number: "1", title: Eventuelt}
source: {kind: Fiktivt testreferat}
---

## Ad 1) Eventuelt

Intet.
"""


def archive_folder(tmp_path, first=FIRST, second=SECOND):
    return write_fictional(tmp_path / "meetings", **{"testraadet-2031-1.md": first, "testraadet-2031-2.md": second,
                                                     "testraadet-2031-3.md": THIRD})


def test_the_fictional_promises_are_read_and_pass_the_check(tmp_path):
    archive, problems = check_archive(archive_folder(tmp_path), strict=True)
    assert archive is not None, "\n".join(map(str, problems))
    first = archive.meeting("testraadet-2031-1")
    assert [f.status for f in first.follow_ups] == ["besvaret", "åben", "bortfaldet"]
    assert first.conclusions[0].text == "Dagsordenen blev godkendt."
    assert archive.answers_in("testraadet-2031-2", "1")[0][1].id == "cykelanalysen"
    assert archive.approved_at("testraadet-2031-1").id == "testraadet-2031-2"


@pytest.mark.parametrize("change, message", [
    (("Dagsordenen blev godkendt.}", "Dagsordenen blev godkendt uden videre.}"),
     "testraadet-2031-1.md:11: conclusions[0].text: står ikke ordret i punkt 1"),
    (("promise: Politiet vender tilbage om ladcyklerne.", "promise: Politiet vender straks tilbage."),
     "testraadet-2031-1.md:21: follow_ups[1].promise: »Politiet vender straks tilbage.« står ikke ordret i punkt 2"),
    (("answer: {meeting: testraadet-2031-2,", "answer: {meeting: testraadet-2031-9,"),
     "testraadet-2031-1.md:18: follow_ups[0].answer.meeting: mødet 'testraadet-2031-9' findes ikke i arkivet"),
    (("text: Aase Fiktiv fremlagde analysen af cykeltyverierne.}", "text: Analysen blev aldrig fremlagt.}"),
     "testraadet-2031-1.md:18: follow_ups[0].answer.text: står ikke ordret i punkt 1 i 'testraadet-2031-2'"),
    (("    answer: {meeting: testraadet-2031-2, item: \"1\", text: Aase Fiktiv fremlagde analysen af cykeltyverierne.}",
      "    answer:\n      - {meeting: testraadet-2031-2, item: \"1\", text: Aase Fiktiv fremlagde analysen af cykeltyverierne.}\n"
      "      - {meeting: testraadet-2031-3, item: \"1\", text: Intet.}"),
     "testraadet-2031-1.md:18: follow_ups[0].answer: løftet er besvaret 2 gange"),
    (("    status: åben\n", "    status: besvaret\n"),
     "testraadet-2031-1.md:19: follow_ups[1].answer: løftet er 'besvaret', men 'answer' mangler"),
    (("  - {item: \"1\", text: Dagsordenen blev godkendt.}", "  - {item: \"7\", text: Dagsordenen blev godkendt.}"),
     "testraadet-2031-1.md:11: conclusions[0].item: mødet har intet punkt '7'"),
])
def test_the_check_names_file_line_and_field_of_a_wrong_follow_up(tmp_path, change, message):
    old, new = change
    assert old in FIRST
    archive, problems = check_archive(archive_folder(tmp_path, first=FIRST.replace(old, new)))
    assert archive is None
    shown = [str(p).split(" — ")[0] for p in problems]
    assert message in shown, shown


def test_a_promise_followed_in_two_places_is_refused(tmp_path):
    second = SECOND.replace("id: tidligere-loefte", "id: cykelanalysen")
    archive, problems = check_archive(archive_folder(tmp_path, second=second))
    assert archive is None
    assert any("follow_ups[0].id: løftet 'cykelanalysen' følges også i testraadet-2031-1.md" in str(p) for p in problems), \
        [str(p) for p in problems]


def test_the_pages_show_conclusions_promises_answers_and_the_approved_minutes_both_ways(tmp_path):
    archive = load_archive(archive_folder(tmp_path))
    first = render_one(("meeting", "testraadet-2031-1"), archive)["moeder/testraadet-2031-1.md"]
    second = render_one(("meeting", "testraadet-2031-2"), archive)["moeder/testraadet-2031-2.md"]
    assert '<div class="arkiv-konklusion"><p class="arkiv-konklusion__titel">Konklusion</p><p>Dagsordenen blev godkendt.</p></div>' in first
    assert ("<strong>Løfte:</strong> »Analysen af cykeltyverierne vil blive fremlagt på et senere møde.« – besvaret på "
            '<a href="testraadet-2031-2.md#punkt-1">punkt 1 på Testrådet (fiktivt)s møde 1. juni 2031</a>') in first
    assert "»Politiet vender tilbage om ladcyklerne.« – åben, 2 senere møder i arkivet" in first
    assert "»Æblekrigen tages op igen til foråret.« – bortfaldet: Fiktivt – rådet opgav punktet." in first
    # The answering item links back; an answer to a meeting that is not in the archive says so.
    assert ("<strong>Opfølgning</strong> på løftet »Analysen af cykeltyverierne vil blive fremlagt på et senere møde.« fra "
            '<a href="testraadet-2031-1.md#punkt-2">punkt 2 på Testrådet (fiktivt)s møde 4. marts 2031</a>') in second
    assert "et løfte fra mødet 1. november 2030 (referatet kalder det »mødet i november«; mødet er ikke i arkivet)" in second
    # The approved-minutes chain both ways.
    assert '<li><strong>Referatet godkendt på:</strong> <a href="testraadet-2031-2.md">Møde 1. juni 2031</a></li>' in first
    assert "»referatet fra 4. marts« – <a href=\"testraadet-2031-1.md\">Møde 4. marts 2031</a>" in second


def test_the_follow_up_page_lists_open_answered_and_lapsed_per_council_and_theme(tmp_path):
    archive = load_archive(archive_folder(tmp_path))
    page = render_shared(archive, "arkiv")[FOLLOW_UPS_PAGE]
    assert "I alt 4 løfter: 1 åbne, 2 besvarede, 1 bortfaldne." in page
    council = page[page.index("### Testrådet (fiktivt)"):page.index("## Pr. tema")]
    assert council.index("#### Åbne løfter") < council.index("#### Besvarede løfter") < council.index("#### Bortfaldne løfter")
    assert "»Politiet vender tilbage om ladcyklerne.« – " in council and ": åben i 2 senere møder i arkivet" in council
    assert "et løfte fra mødet 1. november 2030 (mødet er ikke i arkivet)" in council


def test_conclusions_and_follow_ups_are_in_the_meeting_data(tmp_path):
    archive = load_archive(archive_folder(tmp_path))
    data = json.loads(render_one(("meeting", "testraadet-2031-1"), archive)["data/moeder/testraadet-2031-1.json"])
    assert data["conclusions"] == [{"item": "1", "text": "Dagsordenen blev godkendt."}]
    answered = data["follow_ups"][0]
    assert answered["id"] == "cykelanalysen" and answered["status"] == "besvaret"
    assert answered["answer"] == {"meeting": "testraadet-2031-2", "item": "1",
                                  "text": "Aase Fiktiv fremlagde analysen af cykeltyverierne."}
    assert data["minutes_approved_at"] == "testraadet-2031-2"


def test_make_follow_ups_lists_promises_with_file_and_line_and_edits_nothing(tmp_path):
    folder = archive_folder(tmp_path)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    result = subprocess.run([sys.executable, "-m", "arkiv", "--root", str(tmp_path), "follow-ups"],
                            capture_output=True, text=True, env={"PYTHONPATH": str(ROOT / "scripts"), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    line = FIRST.split("\n").index(next(x for x in FIRST.split("\n") if x.startswith("Øje Påhit"))) + 1
    assert (f"testraadet-2031-1.md:{line}: »Analysen af cykeltyverierne vil blive fremlagt på et senere møde.« – "
            "vil blive fremlagt (registreret)") in lines
    assert f"testraadet-2031-1.md:{line}: »Politiet vender tilbage om ladcyklerne.« – vender tilbage (registreret)" in lines
    assert lines[-1].endswith("Intet er ændret.")
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_the_importer_proposes_conclusions_and_marks_them_uncertain(tmp_path):
    from arkiv.importer.draft import import_file

    meetings = write_fictional(tmp_path / "meetings")
    referat = tmp_path / "referat.txt"
    referat.write_text("Referat af møde i Testrådet (fiktivt) den 4. marts 2031\n\nDagsorden:\n1. Godkendelse af dagsorden\n"
                       "2. Cykler\n\nDeltagere:\nAase Fiktiv, Formand\n\nAd 1) Godkendelse af dagsorden\n"
                       "Dagsordenen blev godkendt uden bemærkninger.\n\nAd 2) Cykler\nØje Påhit fortalte om cykler.\n"
                       "Beslutning: Rådet følger sagen.\n", encoding="utf-8")
    import_file(referat, meetings, council="testraadet", meeting_id="testraadet-2031-9")
    draft = (meetings / "testraadet-2031-9.md").read_text(encoding="utf-8")
    conclusions = draft[draft.index("conclusions:"):draft.index("source:")]
    assert conclusions.split("\n")[0].startswith("conclusions:  # USIKKER: forslag fra importen")
    assert "Dagsordenen blev godkendt uden bemærkninger." in conclusions and "Rådet følger sagen." in conclusions
    archive, problems = check_archive(meetings)
    wrong = [str(p) for p in problems if "conclusions" in str(p)]
    assert wrong == []  # the proposals are quoted word for word: the check passes them


def test_a_sentence_does_not_end_at_the_minutes_abbreviations():
    from arkiv.text import SENTENCE

    text = ("Politiet arbejder bl.a. med kiosker, m.v. Sagen vil blive fremlagt på et senere møde, jf. "
            "aftalen d. 10. marts. Intet andet.")
    assert [s.strip() for s in SENTENCE.findall(text)] == [
        "Politiet arbejder bl.a. med kiosker, m.v. Sagen vil blive fremlagt på et senere møde, jf. aftalen d. 10. marts.",
        "Intet andet."]


def test_a_conclusion_is_on_the_theme_pages_of_its_item(archive):
    """The seed's conclusion on item 3.c (»Der var bred enighed …«) under the item on its themes."""
    page = render_one(("theme", "opioider"), archive)["temaer/opioider.md"]
    item = page[page.index("#punkt-3c"):]
    item = item[:item.index("</li>")]
    assert ('<div class="arkiv-konklusion"><p class="arkiv-konklusion__titel">Konklusion</p><p>Der var bred '
            "enighed i kredsrådet om at følge udviklingen tæt og samarbejde om indsatsen.</p></div>") in item
