"""The command line as the secretariat uses it: messages on stderr, one non-zero exit."""

from arkiv.cli import main
from conftest import FICTIONAL_MEETING, write_fictional


def test_check_ok(tmp_path, capsys):
    write_fictional(tmp_path / "meetings")
    assert main(["--root", str(tmp_path), "check"]) == 0
    assert capsys.readouterr().out == "OK: 1 møder, 4 personer, 2 temaer.\n"


def test_check_lists_every_problem_then_exits_once(tmp_path, capsys):
    folder = write_fictional(tmp_path / "meetings")
    bad = FICTIONAL_MEETING.replace("{person: oeje-paahit}", "{person: oeje-pahit}").replace(
        "date: 2031-03-04", "date: 2031-13-01")
    (folder / "testraadet-2031-1.md").write_text(bad, encoding="utf-8")
    assert main(["--root", str(tmp_path), "check"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "testraadet-2031-1.md:3: date: '2031-13-01' er ikke en dato, der findes — tjek dag og måned (skrives ÅÅÅÅ-MM-DD)",
        "testraadet-2031-1.md:9: participants[1].person: ukendt person 'oeje-pahit' — mente du 'oeje-paahit'? Ellers tilføj personen i people.yml",
        "2 fejl fundet.",
    ]


def test_generate_writes_nothing_on_error(tmp_path, capsys):
    folder = write_fictional(tmp_path / "meetings")
    (tmp_path / "docs").mkdir()
    assert main(["--root", str(tmp_path), "generate"]) == 0
    before = sorted(p.read_bytes() for p in (tmp_path / "docs").rglob("*") if p.is_file())
    (folder / "testraadet-2031-1.md").write_text("ingen front matter\n", encoding="utf-8")
    assert main(["--root", str(tmp_path), "generate"]) == 1
    assert "1 fejl fundet; intet er skrevet." in capsys.readouterr().err
    assert sorted(p.read_bytes() for p in (tmp_path / "docs").rglob("*") if p.is_file()) == before


def test_publish_swaps_a_finished_build_and_refuses_an_unfinished_one(tmp_path, capsys):
    site, built = tmp_path / "site", tmp_path / ".site-new"
    site.mkdir()
    (site / "index.html").write_text("gammel")
    built.mkdir()
    (built / "half.html").write_text("halvt")
    assert main(["publish", str(built), str(site)]) == 1
    assert (site / "index.html").read_text() == "gammel"
    (built / "index.html").write_text('<p onclick="alert(1)">ny</p>')
    assert main(["publish", str(built), str(site)]) == 1
    assert "index.html:1: <p onclick=…>: hændelsesattributter er ikke tilladt" in capsys.readouterr().err
    assert (site / "index.html").read_text() == "gammel"
    (built / "index.html").write_text("ny")
    assert main(["publish", str(built), str(site)]) == 0
    assert (site / "index.html").read_text() == "ny" and not built.exists()


def test_strict_turns_warnings_into_errors(tmp_path, capsys):
    folder = write_fictional(tmp_path / "meetings")
    text = FICTIONAL_MEETING.replace("source: {kind: Fiktivt testreferat}", "source: {kind: Fiktivt testreferat}\n"
                                     "published_contacts: [{contact: 12 34 56 78, reason: Fiktiv hovedtelefon}]")
    (folder / "testraadet-2031-1.md").write_text(text, encoding="utf-8")
    warning = ("testraadet-2031-1.md:20: published_contacts[0].contact: '12 34 56 78' står ikke i mødet "
               "— slet undtagelsen, når den ikke bruges")
    assert main(["--root", str(tmp_path), "check"]) == 0
    assert capsys.readouterr().err == f"advarsel: {warning}\n"
    assert main(["--root", str(tmp_path), "check", "--strict"]) == 1
    assert capsys.readouterr().err == f"{warning}\n1 fejl fundet.\n"
    assert main(["--root", str(tmp_path), "generate"]) == 0
    assert capsys.readouterr().err == f"advarsel: {warning}\n"
    assert main(["--root", str(tmp_path), "generate", "--strict"]) == 1
