"""The writer owns the generated folder: only changes are written, leftovers removed, nothing
outside the folder is touched."""

import pytest

from arkiv.build import generate
from arkiv.writer import MARKER, WriterError, write_tree

from conftest import write_fictional


def test_writes_only_what_changed_and_removes_leftovers(tmp_path):
    out = tmp_path / "gen"
    first = write_tree(out, {"a.md": b"A", "sub/b.md": b"B"})
    assert first.written == ["a.md", "sub/b.md"]
    again = write_tree(out, {"a.md": b"A", "sub/b.md": b"B"})
    assert again.written == [] and again.removed == [] and again.unchanged == 2
    changed = write_tree(out, {"a.md": b"A2"})
    assert changed.written == ["a.md"] and changed.removed == ["sub/b.md"]
    assert not (out / "sub").exists()
    assert (out / "a.md").read_bytes() == b"A2"


@pytest.mark.parametrize("bad", ["../evil.md", "/etc/evil.md", "a/../../evil.md", ""])
def test_refuses_paths_outside_the_folder(tmp_path, bad):
    with pytest.raises(WriterError):
        write_tree(tmp_path / "gen", {"ok.md": b"x", bad: b"x"})
    assert not (tmp_path / "evil.md").exists()
    assert not (tmp_path / "gen" / "ok.md").exists()  # every path is checked before any write


def test_refuses_a_folder_it_did_not_make(tmp_path):
    out = tmp_path / "gen"
    out.mkdir()
    (out / "handwritten.md").write_text("keep me")
    with pytest.raises(WriterError, match=MARKER):
        write_tree(out, {"a.md": b"A"})
    assert (out / "handwritten.md").read_text() == "keep me"


def test_symlink_out_of_the_folder_is_not_followed(tmp_path):
    out = tmp_path / "gen"
    write_tree(out, {"a.md": b"A"})
    outside = tmp_path / "outside"
    outside.mkdir()
    (out / "link").symlink_to(outside)
    with pytest.raises(WriterError):
        write_tree(out, {"a.md": b"A", "link/x.md": b"X"})
    assert list(outside.iterdir()) == []


def test_bad_input_leaves_generated_folder_and_docs_untouched(tmp_path):
    root = tmp_path
    write_fictional(root / "meetings")
    (root / "docs").mkdir()
    (root / "docs" / "om.md").write_text("håndskrevet")
    generate(root)
    before = {p: p.read_bytes() for p in (root / "docs").rglob("*") if p.is_file()}
    meeting = root / "meetings" / "testraadet-2031-1.md"
    meeting.write_text(meeting.read_text().replace("council: testraadet", "council: nope"))
    with pytest.raises(Exception):
        generate(root)
    after = {p: p.read_bytes() for p in (root / "docs").rglob("*") if p.is_file()}
    assert after == before


def test_removed_meeting_disappears_but_handwritten_docs_stay(tmp_path):
    root = tmp_path
    write_fictional(root / "meetings")
    (root / "docs").mkdir()
    (root / "docs" / "om.md").write_text("håndskrevet")
    generate(root)
    assert (root / "docs/arkiv/moeder/testraadet-2031-1.md").exists()
    (root / "meetings" / "testraadet-2031-1.md").unlink()
    report = generate(root)
    assert "moeder/testraadet-2031-1.md" in report.removed
    assert not (root / "docs/arkiv/moeder/testraadet-2031-1.md").exists()
    assert (root / "docs" / "om.md").read_text() == "håndskrevet"
    assert generate(root).written == []
