"""People over time (issue 15): the index by surname in Danish order, roles with organisation and
period from the meetings' lists, and people of the same name kept apart. Fictional data in
temporary folders."""

from __future__ import annotations

from arkiv.danish import surname_first
from arkiv.load import check_archive, load_archive
from arkiv.model import SPOKE
from arkiv.render.indexes import render_people_index
from conftest import FICTIONAL_PEOPLE, rendered_pages, write_fictional


def test_surname_first():
    assert surname_first("Allan S. Andersen") == "Andersen, Allan S."
    assert surname_first("Carsten Kjær-Knudsen") == "Kjær-Knudsen, Carsten"
    assert surname_first("Anne von Holstein") == "von Holstein, Anne"
    assert surname_first("Cher") == "Cher"
    assert surname_first("Bodil Påhitsen 3") == "Påhitsen 3, Bodil"


def test_the_people_index_is_by_surname_in_danish_order(tmp_path):
    people = FICTIONAL_PEOPLE + (
        "- id: aase-aagaard\n  name: Aase Aagaard\n"  # 'Aa' files as 'Å', after Ø
        "- id: maja-baek-joergensen\n  name: Maja Bæk Jørgensen\n  sort_as: Bæk Jørgensen, Maja\n")
    archive = load_archive(write_fictional(tmp_path / "meetings", people_yml=people))
    page = render_people_index(archive)["personer/index.md"]
    # Å is the last letter: 'Prøve' before 'Påhit', 'Aagaard' (Å) last.
    order = ["Bæk Jørgensen, Maja", "Fiktiv, Aase", "Opdigtet, Bent", "Prøve, Zacharias", "Påhit, Øje",
             "Aagaard, Aase"]
    assert [page.index(name) for name in order] == sorted(page.index(name) for name in order)
    assert "\n## Å\n" in page and "\n## B\n" in page
    # Above the limit, a page per surname initial.
    pages = render_people_index(archive, limit=3)
    assert {"personer/bogstav/p.md", "personer/bogstav/aa.md"} <= set(pages)
    assert "Prøve, Zacharias" in pages["personer/bogstav/p.md"] and "Påhit, Øje" in pages["personer/bogstav/p.md"]


COUNCILS = "- {id: testraadet, name: Testrådet (fiktivt)}\n- {id: andet-raad, name: Andet Råd (fiktivt)}\n"


def two_councils(tmp_path, people=FICTIONAL_PEOPLE, later_title="Borgmester", later_year=2037):
    from test_councils import meeting

    folder = write_fictional(tmp_path / "meetings", councils_yml=COUNCILS, people_yml=people,
                             **{"testraadet-2031-1.md": None})
    (folder / "testraadet-2031-1.md").write_text(meeting(
        "testraadet", "2031-03-04", "  - {person: aase-fiktiv, title: Formand, organisation: Fiktiv Politikreds}\n",
        "  - {person: bent-opdigtet, title: Borgmester}\n"), encoding="utf-8")
    (folder / "testraadet-2032-1.md").write_text(meeting(
        "testraadet", "2032-03-04", "  - {person: aase-fiktiv, title: Politidirektør, organisation: Fiktiv Politikreds}\n",
        "  - {person: bent-opdigtet, title: Borgmester}\n"), encoding="utf-8")
    (folder / f"andet-raad-{later_year}-1.md").write_text(meeting(
        "andet-raad", f"{later_year}-05-05", f"  - {{person: aase-fiktiv, title: {later_title}}}\n",
        "  - {person: oeje-paahit}\n"), encoding="utf-8")
    return folder


def test_roles_over_time_with_organisation_and_period(tmp_path):
    from arkiv.index.membership import roles_over_time

    archive = load_archive(two_councils(tmp_path, later_title="Formand"))
    roles = [(r.council, r.title, r.first.id, r.last.id, r.meetings) for r in roles_over_time(archive, "aase-fiktiv")]
    assert roles == [("testraadet", "Formand, Fiktiv Politikreds", "testraadet-2031-1", "testraadet-2031-1", 1),
                     ("testraadet", "Politidirektør, Fiktiv Politikreds", "testraadet-2032-1", "testraadet-2032-1", 1),
                     ("andet-raad", "Formand", "andet-raad-2037-1", "andet-raad-2037-1", 1)]

    pages = rendered_pages(archive)
    assert "<li>Formand <a href=\"../personer/aase-fiktiv.md\" data-pagefind-filter=\"person\">Aase Fiktiv</a>, " \
           "Fiktiv Politikreds</li>" in pages["moeder/testraadet-2031-1.md"]
    person = pages["personer/aase-fiktiv.md"]
    assert "## Roller over tid" in person
    assert ('<tr><td data-label="Titel">Politidirektør, Fiktiv Politikreds</td><td data-label="Råd">'
            '<a href="../raad/testraadet.md">Testrådet (fiktivt)</a></td><td data-label="Fra">'
            '<a href="../moeder/testraadet-2032-1.md" title="Møde 4. marts 2032">4.3.2032</a></td>') in person


def test_one_id_in_two_councils_with_two_titles_years_apart_is_a_warning(tmp_path):
    archive, problems = check_archive(two_councils(tmp_path))
    assert [str(p) for p in problems] == [
        "advarsel: andet-raad-2037-1.md:8: participants[0].person: 'aase-fiktiv' står som Formand i Testrådet "
        "(fiktivt) (2031) og som Borgmester i Andet Råd (fiktivt) (2037): er det to personer med samme navn? — "
        "giv dem hver sit id (fx med rådets navn) og en note på begge i people.yml, eller skriv "
        "'same_person: <hvorfor>' på personen, når det er den samme"]
    # Close in time, or the same title: no warning.
    assert list(check_archive(two_councils(tmp_path / "a", later_year=2033))[1]) == []
    assert list(check_archive(two_councils(tmp_path / "b", later_title="Formand"))[1]) == []
    # Said to be one person: no warning, and the reason is on the person's page.
    people = FICTIONAL_PEOPLE.replace("  aliases: [Aase F. Fiktiv]\n",
                                      "  aliases: [Aase F. Fiktiv]\n  same_person: Skiftede til Andet Råd (fiktivt).\n")
    archive, problems = check_archive(two_councils(tmp_path / "c", people=people))
    assert list(problems) == []

    assert "Skiftede til Andet Råd (fiktivt)." in rendered_pages(archive)["personer/aase-fiktiv.md"]


def test_an_organisation_the_minutes_do_not_state_needs_its_source(tmp_path):
    people = FICTIONAL_PEOPLE.replace(
        "  roles: [{title: Borgmester, organisation: Fiktiv Kommune, source: Fiktiv kilde (testdata)}]",
        "  roles: [{title: Borgmester, organisation: Opdigtet Kommune}]")
    archive, problems = check_archive(write_fictional(tmp_path / "meetings", people_yml=people))
    assert [str(p) for p in problems] == [
        "people.yml:7: people[1].roles[0].organisation: 'Opdigtet Kommune' står ikke i et referat, der nævner "
        "Bent Opdigtet — tilføj 'source:' med adressen eller dokumentet, der siger det, eller slet organisationen"]
    # With its source it is allowed, and shown with it.
    sourced = people.replace("organisation: Opdigtet Kommune}", "organisation: Opdigtet Kommune, "
                                                               "source: 'https://example.org/fiktiv-kommune'}")
    archive, problems = check_archive(write_fictional(tmp_path / "b" / "meetings", people_yml=sourced))
    assert list(problems) == []

    page = rendered_pages(archive)["personer/bent-opdigtet.md"]
    assert "Borgmester, Opdigtet Kommune (kilde: https://example.org/fiktiv-kommune)" in page
    # Stated in a meeting that names the person: no source needed (the fictional base says
    # »Fiktiv Kommune« nowhere, so it is written into the minutes here).
    folder = write_fictional(tmp_path / "c" / "meetings", people_yml=people)
    meeting = (folder / "testraadet-2031-1.md").read_text(encoding="utf-8")
    (folder / "testraadet-2031-1.md").write_text(
        meeting.replace("Intet.", "Bent Opdigtet fra Opdigtet Kommune havde intet."), encoding="utf-8")
    assert list(check_archive(folder)[1]) == []


HOMONYMS = FICTIONAL_PEOPLE + """\
- id: anne-hansen-testraadet
  name: Anne Hansen
  note: Fiktiv formand for Testrådet; ikke den Anne Hansen, der sidder i Andet Råd.
- id: anne-hansen-andet-raad
  name: Anne Hansen
  note: Fiktivt medlem af Andet Råd; ikke den Anne Hansen, der er formand for Testrådet.
"""


def test_two_people_of_the_same_name_are_kept_apart(tmp_path):
    from test_councils import meeting


    folder = write_fictional(tmp_path / "meetings", councils_yml=COUNCILS, people_yml=HOMONYMS,
                             **{"testraadet-2031-1.md": None})
    for council, person, day in (("testraadet", "anne-hansen-testraadet", "2031-03-04"),
                                 ("andet-raad", "anne-hansen-andet-raad", "2031-04-04")):
        text = meeting(council, day, f"  - {{person: {person}}}\n  - {{person: aase-fiktiv}}\n",
                       "  - {person: oeje-paahit}\n").replace("Intet.", "Anne Hansen oplyste, at der intet var.")
        (folder / f"{council}-2031-1.md").write_text(text, encoding="utf-8")
    archive, problems = check_archive(folder)
    assert list(problems) == []
    pages = rendered_pages(archive)
    assert '<a href="../personer/anne-hansen-testraadet.md">Anne Hansen</a> oplyste' in pages["moeder/testraadet-2031-1.md"]
    assert '<a href="../personer/anne-hansen-andet-raad.md">Anne Hansen</a> oplyste' in pages["moeder/andet-raad-2031-1.md"]
    assert [h.meeting for h in archive.person_hits["anne-hansen-testraadet"]] == ["testraadet-2031-1"]
    assert [h.how for h in archive.person_hits["anne-hansen-andet-raad"]] == [SPOKE]
    for person in ("anne-hansen-testraadet", "anne-hansen-andet-raad"):  # the note on both pages
        assert archive.people[person].note in pages[f"personer/{person}.md"]
    # A meeting that lists neither (or both) cannot tell them apart: the name is not linked.
    text = meeting("testraadet", "2031-09-09", "  - {person: aase-fiktiv}\n", "  - {person: oeje-paahit}\n")
    (folder / "testraadet-2031-2.md").write_text(text.replace("Intet.", "Anne Hansen havde intet."), encoding="utf-8")
    archive, problems = check_archive(folder)
    page = rendered_pages(archive)["moeder/testraadet-2031-2.md"]
    assert "Anne Hansen havde intet." in page and 'Anne Hansen</a> havde' not in page
    # Without a note on each, the same name is an error.
    folder = write_fictional(tmp_path / "b" / "meetings", people_yml=HOMONYMS.replace(
        "  note: Fiktivt medlem af Andet Råd; ikke den Anne Hansen, der er formand for Testrådet.\n", ""))
    assert [str(p) for p in check_archive(folder)[1]] == [
        "people.yml:16: people[5].name: navnet 'Anne Hansen' hører også til 'anne-hansen-testraadet' (linje 13) — "
        "et navn eller alias må kun pege på én person; hedder to personer det samme, så giv dem hver en 'note:', "
        "der siger, hvem de er"]
