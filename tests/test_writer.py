"""The writer owns the generated folder: only changes are written, leftovers removed, nothing
outside the folder is touched."""

import pytest

from arkiv.problems import InputError
from arkiv.site.build import generate
from arkiv.site.writer import MARKER, WriterError
from conftest import write_fictional
from staged import write_tree


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
    with pytest.raises(InputError, match="ukendt råd 'nope'"):
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


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_a_run_killed_mid_write_leaves_the_previous_folder_whole(tmp_path):
    import subprocess
    import sys
    import time

    from conftest import ROOT

    root = tmp_path / "gen"
    write_tree(root, {f"side-{i}.md": b"gammel %d" % i for i in range(300)})
    before = snapshot(root)
    # A writer slowed down file by file, so that the kill lands in the middle of writing.
    script = f"""
import sys, time
sys.path.insert(0, {str(ROOT / 'scripts')!r})
sys.path.insert(0, {str(ROOT / 'tests')!r})
from pathlib import Path
from staged import write_tree
real = Path.write_bytes
def slow(self, data):
    time.sleep(0.005)
    return real(self, data)
Path.write_bytes = slow
write_tree(Path({str(root)!r}), {{f"side-{{i}}.md": b"ny %d" % i for i in range(300)}})
"""
    process = subprocess.Popen([sys.executable, "-c", script])
    staging = tmp_path / ".gen.new"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and len(list(staging.glob("*.md"))) < 50:
        time.sleep(0.01)
    assert len(list(staging.glob("*.md"))) >= 50, "the writer never got going"
    process.kill()
    process.wait()
    assert snapshot(root) == before
    report = write_tree(root, {f"side-{i}.md": b"ny %d" % i for i in range(300)})
    assert len(report.written) == 300
    assert snapshot(root)["side-7.md"] == b"ny 7"
    assert not staging.exists()


def test_exchange_falls_back_to_renames_and_recovers(tmp_path, monkeypatch):
    from arkiv.site import writer

    root = tmp_path / "gen"
    write_tree(root, {"a.md": b"A"})
    monkeypatch.setattr(writer._libc, "renameat2", None, raising=False)
    write_tree(root, {"a.md": b"B"})
    assert snapshot(root)["a.md"] == b"B"
    # A kill between the two renames leaves only '.gen.old'; the next run puts it back first.
    (root).rename(tmp_path / ".gen.old")
    report = write_tree(root, {"a.md": b"B"})
    assert report.written == [] and snapshot(root)["a.md"] == b"B"


def test_a_second_generation_waits_until_the_first_is_done(tmp_path):
    """Two runs at once (`make site` while `mkdocs serve` regenerates) would share the staging
    folder; the second waits for the first's lock on the folder around docs/arkiv."""
    import os
    import subprocess
    import sys
    import time

    from arkiv.site.writer import exclusive
    from conftest import ROOT

    write_fictional(tmp_path / "meetings")
    target = tmp_path / "docs" / "arkiv"
    env = dict(os.environ, PYTHONPATH=str(ROOT / "scripts"))
    with exclusive(target):  # held as a first run holds it
        second = subprocess.Popen([sys.executable, "-m", "arkiv", "--root", str(tmp_path), "generate"], env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(3)  # a generation of one fictional meeting takes well under a second
        assert second.poll() is None, second.communicate()
        assert not target.exists() and not (tmp_path / "docs" / ".arkiv.new").exists()
    out, err = second.communicate(timeout=60)
    assert second.returncode == 0, err
    assert "filer skrevet" in out and (target / "moeder" / "testraadet-2031-1.md").is_file()
