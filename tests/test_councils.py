"""Council pages (issue 15): a council's meetings by year, its members over time with their
attendance, its themes over time; themes across councils on the theme pages and the front page.
On a fictional archive of two councils (written only into a temporary folder)."""

from __future__ import annotations

import re

from arkiv.index.membership import councils_by_year, members_over_time, themes_by_year
from arkiv.load import load_archive
from conftest import FICTIONAL_MEETING, rendered_pages, write_fictional

COUNCILS = """\
- id: testraadet
  name: Testrådet (fiktivt)
- id: andet-raad
  name: Andet Råd (fiktivt)
  police_district: Fiktiv Politikreds
"""


def meeting(council: str, day: str, participants: str, absent: str, substitutes: str = "[]") -> str:
    return (FICTIONAL_MEETING.replace("council: testraadet", f"council: {council}")
            .replace("date: 2031-03-04", f"date: {day}")
            .replace("next_meeting: {date: 2031-06-01, as_written: Næste møde er den 1. juni.}\n", "")
            .replace("participants:\n  - {person: aase-fiktiv, title: Formand}\n  - {person: oeje-paahit}\n",
                     f"participants:\n{participants}")
            .replace("absent:\n  - {person: bent-opdigtet, title: Borgmester}\n", f"absent:\n{absent}")
            .replace("substitutes: []", f"substitutes: {substitutes}"))


def archive_of_two_councils(tmp_path):
    folder = write_fictional(tmp_path / "meetings", councils_yml=COUNCILS, **{"testraadet-2031-1.md": None})
    files = {
        "testraadet-2030-1.md": meeting("testraadet", "2030-05-01", "  - {person: aase-fiktiv, title: Formand}\n"
                                        "  - {person: oeje-paahit}\n", "  - {person: bent-opdigtet, title: Borgmester}\n"),
        "testraadet-2031-1.md": meeting("testraadet", "2031-03-04", "  - {person: aase-fiktiv, title: Politidirektør}\n"
                                        "  - {person: zacharias-proeve}\n",
                                        "  - {person: bent-opdigtet, title: Borgmester}\n",
                                        "[{person: zacharias-proeve, for: bent-opdigtet}]"),
        "testraadet-2031-2.md": meeting("testraadet", "2031-09-09", "  - {person: aase-fiktiv, title: Politidirektør}\n"
                                        "  - {person: bent-opdigtet, title: Borgmester}\n", "  - {person: oeje-paahit}\n"),
        "andet-raad-2031-1.md": meeting("andet-raad", "2031-04-04", "  - {person: oeje-paahit, title: Formand}\n",
                                        "  - {person: aase-fiktiv}\n"),
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return load_archive(folder)


def test_members_over_time_with_their_attendance(tmp_path):
    archive = archive_of_two_councils(tmp_path)
    members = {m.person: m for m in members_over_time(archive, "testraadet")}
    assert list(members) == ["aase-fiktiv", "oeje-paahit", "bent-opdigtet", "zacharias-proeve"]
    aase = members["aase-fiktiv"]
    assert [(t.title, t.first.id, t.last.id) for t in aase.titles] == [
        ("Formand", "testraadet-2030-1", "testraadet-2030-1"),
        ("Politidirektør", "testraadet-2031-1", "testraadet-2031-2")]
    assert (aase.first.id, aase.last.id, aase.attended, aase.absent, aase.stand_in) == (
        "testraadet-2030-1", "testraadet-2031-2", 3, 0, 0)
    bent = members["bent-opdigtet"]
    assert (bent.attended, bent.absent, round(bent.rate, 2)) == (1, 2, 0.33)
    zacharias = members["zacharias-proeve"]
    assert (zacharias.attended, zacharias.stand_in, zacharias.rate) == (1, 1, 1.0)
    # The other council's lists do not count here.
    assert members["oeje-paahit"].attended == 1 and members["oeje-paahit"].absent == 1


def test_themes_by_council_and_year(tmp_path):
    archive = archive_of_two_councils(tmp_path)
    # Item 2 is tagged 'cykler' and says 'ladcykler'; 2.a mentions 'æblekrigen': in every meeting.
    assert councils_by_year(archive, "cykler") == {"testraadet": {2030: 2, 2031: 4}, "andet-raad": {2031: 2}}
    assert themes_by_year(archive, "andet-raad") == {"cykler": {2031: 2}, "aeblekrig": {2031: 1}}
    assert themes_by_year(archive)["aeblekrig"] == {2030: 1, 2031: 3}


def test_council_pages_and_links_to_them(tmp_path):
    archive = archive_of_two_councils(tmp_path)
    pages = rendered_pages(archive)
    assert {"raad/index.md", "raad/testraadet.md", "raad/andet-raad.md"} <= set(pages)
    index = pages["raad/index.md"]
    assert index.index("Andet Råd (fiktivt)") < index.index("Testrådet (fiktivt)")  # Danish order
    assert "Testrådet (fiktivt)</a> – 3 møder, 2030–2031" in index
    page = pages["raad/testraadet.md"]
    assert re.findall(r"^### (\d{4})(?: \{ #\d{4} \})?$", page, re.MULTILINE) == ["2031", "2030"]  # newest year first
    assert page.index("Møde 9. september 2031") < page.index("Møde 4. marts 2031")
    assert ('<td><a href="../personer/bent-opdigtet.md">Bent Opdigtet</a></td><td>Borgmester</td>'
            '<td><a href="../moeder/testraadet-2030-1.md" title="Møde 1. maj 2030">1.5.2030</a></td>'
            '<td><a href="../moeder/testraadet-2031-2.md" title="Møde 9. september 2031">9.9.2031</a></td>'
            '<td>1</td><td>2</td><td>0</td><td>33 %</td></tr>') in page
    assert "Formand (2030)<br>Politidirektør (2031)" in page
    assert "Politikreds: Fiktiv Politikreds." in pages["raad/andet-raad.md"]
    # Themes over time: the table, and the drawing of the same numbers with its label.
    assert '<th scope="row"><a href="../temaer/cykler.md">Cykler</a></th><td>2</td><td>4</td></tr>' in page
    assert 'role="img" aria-label="Temaer i Testrådet (fiktivt)s møder, antal punkter pr. år (tallene står i tabellen)"' in page
    # The theme page: which councils, when.
    theme = pages["temaer/cykler.md"]
    assert ('<th scope="row"><a href="../raad/andet-raad.md">Andet Råd (fiktivt)</a></th><td>–</td><td>2</td>'
            in theme)
    assert '<th scope="row"><a href="../raad/testraadet.md">Testrådet (fiktivt)</a></th><td>2</td><td>4</td>' in theme
    # A meeting names its council with a link; the meetings index links every council's page.
    assert '<a href="../raad/testraadet.md">Testrådet (fiktivt)</a>' in pages["moeder/testraadet-2031-1.md"]
    assert "[Andet Råd (fiktivt)](../raad/andet-raad.md) · [Testrådet (fiktivt)](../raad/testraadet.md)" in \
        pages["moeder/index.md"]
    # The front page: themes over time across the archive.
    assert '<th scope="row"><a href="arkiv/temaer/aeblekrig/">Æblekrig</a></th><td>1</td><td>3</td>' in \
        pages["_includes/forside.md"]
