"""`make new`: a new meeting file with the council's members, which the check will not pass until
every placeholder is replaced."""

import re
import shutil

from arkiv.cli import main
from arkiv.load import check_archive
from arkiv.tools.template import council_members
from conftest import FIXTURE


def test_members_are_the_standing_circle_of_the_latest_meeting(archive):
    members = council_members(archive, "koebenhavn")
    ids = [m.person for m in members]
    assert len(ids) == 15  # 14 present + 2 apologies − 1 who came in someone's place
    assert "nina-eg-hansen" not in ids and "michael-vindfeldt" in ids
    assert members[0].title == "Politidirektør"


def test_new_meeting_file_is_refused_until_filled_in(tmp_path, capsys):
    shutil.copytree(FIXTURE, tmp_path / "meetings")
    assert main(["--root", str(tmp_path), "new", "koebenhavn-2025-2", "--council", "koebenhavn",
                 "--date", "2025-06-23"]) == 0
    path = tmp_path / "meetings" / "koebenhavn-2025-2.md"
    text = path.read_text(encoding="utf-8")
    assert "  - {person: anne-toennes, title: Politidirektør}\n" in text
    _, problems = check_archive(tmp_path / "meetings")
    assert len(problems) == 8
    assert all("skabelonens 'UDFYLD' er ikke erstattet" in str(p) for p in problems)
    # Filled in with fictional text (this copy is thrown away), the file passes.
    filled = re.sub(r"UDFYLD(?: – [^\n]*)?", "Fiktiv testtekst", text)
    path.write_text(filled, encoding="utf-8")
    archive, problems = check_archive(tmp_path / "meetings")
    assert [str(p) for p in problems] == []
    assert archive.meeting("koebenhavn-2025-2").approves_minutes.meeting == "koebenhavn-2025-1"
    # Never overwrites.
    assert main(["--root", str(tmp_path), "new", "koebenhavn-2025-2", "--council", "koebenhavn"]) == 1
    assert "findes allerede" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == filled


def test_new_refuses_bad_id_and_unknown_council(tmp_path, capsys):
    shutil.copytree(FIXTURE, tmp_path / "meetings")
    assert main(["--root", str(tmp_path), "new", "Møde 2", "--council", "koebenhavn"]) == 1
    assert main(["--root", str(tmp_path), "new", "x-2025-1", "--council", "aarhus"]) == 1
    err = capsys.readouterr().err
    assert "'Møde 2' er ikke et gyldigt møde-id" in err
    assert "ukendt råd 'aarhus' — vælg et af: koebenhavn" in err
    assert not (tmp_path / "meetings" / "x-2025-1.md").exists()
