"""Clear errors for bad input: each case a fictional file, each message asserted to the letter."""

from arkiv.load import check_archive

from conftest import FICTIONAL_MEETING, FICTIONAL_PEOPLE, write_fictional


def problems_for(tmp_path, **overrides):
    archive, problems = check_archive(write_fictional(tmp_path / "meetings", **overrides))
    return archive, [str(p) for p in problems]


def test_the_fictional_archive_is_valid(tmp_path):
    archive, problems = problems_for(tmp_path)
    assert problems == []
    assert archive.meetings[0].id == "testraadet-2031-1"


def test_unknown_person_gets_did_you_mean(tmp_path):
    text = FICTIONAL_MEETING.replace("{person: oeje-paahit}", "{person: oeje-pahit}")
    _, problems = problems_for(tmp_path, **{"testraadet-2031-1.md": text})
    assert problems == ["testraadet-2031-1.md:9: participants[1].person: ukendt person 'oeje-pahit' "
                        "— mente du 'oeje-paahit'?"]


def test_unknown_theme_and_council(tmp_path):
    text = FICTIONAL_MEETING.replace("themes: [cykler]", "themes: [cykel]").replace(
        "council: testraadet", "council: testraad")
    _, problems = problems_for(tmp_path, **{"testraadet-2031-1.md": text})
    assert problems == [
        "testraadet-2031-1.md:2: council: ukendt råd 'testraad' — mente du 'testraadet'?",
        "testraadet-2031-1.md:15: agenda[1].themes: ukendt tema 'cykel' — mente du 'cykler'?",
    ]


def test_every_problem_in_one_run(tmp_path):
    text = (FICTIONAL_MEETING.replace("date: 2031-03-04", "date: 2031-02-30")
            .replace("council: testraadet\n", ""))
    _, problems = problems_for(tmp_path, **{"testraadet-2031-1.md": text})
    assert problems == [
        "testraadet-2031-1.md:2: date: '2031-02-30' er ikke en dato, der findes "
        "— tjek dag og måned (skrives ÅÅÅÅ-MM-DD)",
        "testraadet-2031-1.md:2: council: feltet mangler — tilføj 'council: …'",
    ]


def test_yaml_error_names_file_and_line(tmp_path):
    text = FICTIONAL_MEETING.replace("time: \"14.00\"", "time: [14.00")
    _, problems = problems_for(tmp_path, **{"testraadet-2031-1.md": text})
    assert len(problems) == 1
    assert problems[0].startswith("testraadet-2031-1.md:5: fil: YAML kan ikke læses")


def test_present_and_absent(tmp_path):
    text = FICTIONAL_MEETING.replace("{person: bent-opdigtet, title: Borgmester}", "{person: oeje-paahit}")
    _, problems = problems_for(tmp_path, **{"testraadet-2031-1.md": text})
    assert problems == ["testraadet-2031-1.md:11: absent[0].person: 'oeje-paahit' står både som deltager "
                        "og med afbud — slet personen fra enten 'participants' eller 'absent'"]


def test_agenda_gap_sub_item_without_parent_and_title_mismatch(tmp_path):
    text = (FICTIONAL_MEETING.replace('{number: "3", title: Eventuelt}', '{number: "4", title: Eventuelt}')
            .replace("## Ad 3) Eventuelt", "## Ad 4) Andet")
            .replace('{number: "2.a", title: Status}', '{number: "5.a", title: Status}')
            .replace("## Ad 2.a) Status", "## Ad 5.a) Status"))
    _, problems = problems_for(tmp_path, **{"testraadet-2031-1.md": text})
    assert problems == [
        "testraadet-2031-1.md:16: agenda[2].number: underpunkt 5.a har intet punkt 5 før sig "
        "— tilføj punkt 5 på dagsordenen før underpunktet",
        "testraadet-2031-1.md:17: agenda[3].number: punkt 4 følger efter punkt 2 "
        "— nummerér punkterne 1, 2, 3 … uden huller; forventede 3",
        "testraadet-2031-1.md:36: Ad 4) Andet: titlen passer ikke til dagsordenens punkt 4: 'Eventuelt' "
        "— skriv overskriften som på dagsordenen",
    ]


def test_unknown_heading_and_empty_item(tmp_path):
    text = FICTIONAL_MEETING.replace("Intet.\n", "").replace("## Ad 1) Godkendelse", "## Punkt et Godkendelse")
    _, problems = problems_for(tmp_path, **{"testraadet-2031-1.md": text})
    assert problems == [
        "testraadet-2031-1.md:24: referat: overskriften '## Punkt et Godkendelse af dagsorden' er ikke et punkt "
        "— skriv punktets nummer og titel som i dagsordenen, fx '## Ad 3.a) Titel', "
        "eller '## Til skriftlig orientering:'",
        "testraadet-2031-1.md:36: Ad 3) Eventuelt: punktet har ingen tekst "
        "— skriv referatets tekst under overskriften, fx 'Der var ingen bemærkninger.'",
        "testraadet-2031-1.md:14: agenda[0]: punkt 1 har intet afsnit i referatet "
        "— tilføj '## Ad 1) Godkendelse af dagsorden' med referatets tekst",
    ]


def test_alias_of_two_people(tmp_path):
    people = FICTIONAL_PEOPLE.replace("name: Bent Opdigtet", "name: Bent Opdigtet\n  aliases: [Aase Fiktiv]")
    _, problems = problems_for(tmp_path, people_yml=people)
    assert problems == ["people.yml:7: aliases[0]: navnet 'Aase Fiktiv' hører også til 'aase-fiktiv' "
                        "(linje 2) — et navn eller alias må kun pege på én person"]


def test_substitute_for_someone_not_absent(tmp_path):
    text = FICTIONAL_MEETING.replace("substitutes: []", "substitutes: [{person: oeje-paahit, for: aase-fiktiv}]")
    _, problems = problems_for(tmp_path, **{"testraadet-2031-1.md": text})
    assert problems == ["testraadet-2031-1.md:12: substitutes[0].for: 'aase-fiktiv' har ikke meldt afbud "
                        "til mødet — en stedfortræder møder for et medlem, der står under 'absent'"]


def test_next_meeting_before_meeting(tmp_path):
    text = FICTIONAL_MEETING.replace("date: 2031-06-01", "date: 2030-06-01")
    _, problems = problems_for(tmp_path, **{"testraadet-2031-1.md": text})
    assert problems == ["testraadet-2031-1.md:18: next_meeting.date: næste møde (2030-06-01) ligger ikke "
                        "efter mødet (2031-03-04) — tjek årstallet"]


def test_source_file_must_exist_inside_the_folder(tmp_path):
    text = FICTIONAL_MEETING.replace("source: {kind: Fiktivt testreferat}",
                                     "source: {kind: Fiktivt, file: ../../etc/passwd}")
    _, problems = problems_for(tmp_path, **{"testraadet-2031-1.md": text})
    assert problems == ["testraadet-2031-1.md:19: source.file: '../../etc/passwd' ligger uden for mappen "
                        "meetings/ — læg kildens tekst i meetings/sources/ og skriv 'sources/<fil>'"]
    text = FICTIONAL_MEETING.replace("source: {kind: Fiktivt testreferat}",
                                     "source: {kind: Fiktivt, file: sources/mangler.txt}")
    _, problems = problems_for(tmp_path, **{"testraadet-2031-1.md": text})
    assert problems == ["testraadet-2031-1.md:19: source.file: filen 'sources/mangler.txt' findes ikke "
                        "— tjek stavemåden, eller læg filen i meetings/sources/"]


def test_problems_of_several_files_in_one_run(tmp_path):
    folder = write_fictional(tmp_path / "meetings")
    broken = FICTIONAL_MEETING.replace("time: \"14.00\"", "time: [14.00")
    (folder / "testraadet-2031-2.md").write_text(broken, encoding="utf-8")
    unknown = FICTIONAL_MEETING.replace("date: 2031-03-04", "date: 2031-05-06").replace(
        "{person: oeje-paahit}", "{person: oeje-pahit}")
    (folder / "testraadet-2031-3.md").write_text(unknown, encoding="utf-8")
    archive, problems = check_archive(folder)
    assert archive is None
    assert [p.path for p in problems] == ["testraadet-2031-2.md", "testraadet-2031-3.md"]
