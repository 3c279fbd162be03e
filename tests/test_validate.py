"""Validation across a run: every problem of every file in one run. The individual kinds of bad
input are the case folders of test_cases.py."""

from arkiv.load import check_archive
from conftest import FICTIONAL_MEETING, write_fictional


def problems_for(tmp_path, **overrides):
    archive, problems = check_archive(write_fictional(tmp_path / "meetings", **overrides))
    return archive, [str(p) for p in problems]


def test_the_fictional_archive_is_valid(tmp_path):
    archive, problems = problems_for(tmp_path)
    assert problems == []
    assert archive.meetings[0].id == "testraadet-2031-1"


def test_every_problem_in_one_run(tmp_path):
    text = (FICTIONAL_MEETING.replace("date: 2031-03-04", "date: 2031-02-30")
            .replace("council: testraadet\n", ""))
    _, problems = problems_for(tmp_path, **{"testraadet-2031-1.md": text})
    assert problems == [
        "testraadet-2031-1.md:2: date: '2031-02-30' er ikke en dato, der findes "
        "— tjek dag og måned (skrives ÅÅÅÅ-MM-DD)",
        "testraadet-2031-1.md:2: council: feltet mangler — tilføj 'council: …'",
    ]


def test_source_file_must_exist_inside_the_folder(tmp_path):
    text = FICTIONAL_MEETING.replace("source: {kind: Fiktivt testreferat}",
                                     "source: {kind: Fiktivt, file: ../../etc/passwd}")
    _, problems = problems_for(tmp_path, **{"testraadet-2031-1.md": text})
    assert problems == ["testraadet-2031-1.md:19: source.file: '../../etc/passwd' er ikke en tekstfil i sources/ "
                        "— kilden offentliggøres som den er: læg referatets tekst som .txt i meetings/sources/, "
                        "og skriv fx 'sources/koebenhavn-2025-1.txt'"]
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
