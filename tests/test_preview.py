"""The preview under `mkdocs serve` (site.build.Preview): after each save it renders only what the
save can have changed, and what it leaves in docs/arkiv/ is byte for byte what a cold generation
makes of the same files (less the downloads made from the whole archive) – after an edit of the text, a new date, a new meeting, a deleted one, a
renamed one, a changed registry and a broken file. All on a fictional archive."""

from __future__ import annotations

import re
import shutil

import pytest

from arkiv.problems import InputError
from arkiv.site.build import Preview
from arkiv.tools.fiction import write_fictional_archive
from conftest import generated_files


def folder(root):
    out = root / "docs" / "arkiv"
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.name not in (".inputs.json", ".generated-by-arkiv")}


@pytest.fixture
def project(tmp_path):
    root = tmp_path / "preview"
    write_fictional_archive(root / "meetings", 40)
    return root


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert re.search(old, text), old
    path.write_text(re.sub(old, new, text, count=1), encoding="utf-8")


def test_the_preview_makes_what_a_cold_generation_makes_after_every_kind_of_save(project, tmp_path):
    preview = Preview()
    meetings = project / "meetings"
    files = sorted(meetings.glob("*.md"))
    # Meetings no other meeting refers to (as the minutes it approved) can go without an error.
    text = "\n".join(f.read_text(encoding="utf-8") for f in files)
    loose = [f for f in files if f"meeting: {f.stem}" not in text]
    steps = [
        ("første generering", lambda: None),
        # A sentence naming another person and a theme's word: the person's and theme's pages change.
        ("ny tekst", lambda: files[3].write_text(files[3].read_text(encoding="utf-8").rstrip("\n")
                                                 + "\n\nAksel Fiktivsen 1 orienterede om svindel og narkotika.\n",
                                                 encoding="utf-8")),
        # A new date: the council's order of meetings, and the neighbours' previous/next links.
        ("ny dato", lambda: edit(files[5], r"date: '\d{4}-\d\d-\d\d'", "date: '2030-12-30'")),
        ("nyt møde", lambda: (shutil.copy(files[7], meetings / "fiktivt-raad-01-2031-01.md"),
                              edit(meetings / "fiktivt-raad-01-2031-01.md", r"date: '\d{4}-\d\d-\d\d'", "date: '2031-01-15'"))),
        ("slettet møde", lambda: loose[0].unlink()),
        ("omdøbt møde", lambda: loose[1].rename(meetings / "fiktivt-raad-03-2030-09.md")),
        ("ændret register", lambda: edit(meetings / "people.yml", r"name: Aksel Fiktivsen 1", "name: Aksel F. Fiktivsen 1")),
    ]
    for number, (what, change) in enumerate(steps):
        change()
        report = preview.generate(project)
        cold = generated_files(meetings, tmp_path / f"kold-{number}", bulk=False)
        assert folder(project) == cold, what
        if number:
            assert report.written, what  # something changed, and it was written
    # Nothing changed: nothing is read or written.
    assert preview.generate(project).written == []


def test_a_broken_save_writes_nothing_and_the_next_good_one_catches_up(project, tmp_path):
    preview = Preview()
    preview.generate(project)
    before = folder(project)
    meetings = project / "meetings"
    broken = sorted(meetings.glob("*.md"))[2]
    good = broken.read_text(encoding="utf-8")
    broken.write_text(good.replace("council: ", "council: ukendt-", 1), encoding="utf-8")
    with pytest.raises(InputError, match="ukendt råd"):
        preview.generate(project)
    assert folder(project) == before
    broken.write_text(good.replace("Intet.", "Intet nyt.") + "\nEn ny sætning.\n", encoding="utf-8")
    preview.generate(project)
    assert folder(project) == generated_files(meetings, tmp_path / "kold", bulk=False)


def test_after_a_save_only_the_pages_it_touches_are_rendered(project, monkeypatch):
    from arkiv.site import build

    preview = Preview()
    preview.generate(project)
    rendered = []
    real = build.render_one
    monkeypatch.setattr(build, "render_one", lambda task, archive: rendered.append(task) or real(task, archive))
    path = sorted((project / "meetings").glob("*.md"))[3]
    path.write_text(path.read_text(encoding="utf-8") + "\nEn ny sætning uden navne.\n", encoding="utf-8")
    preview.generate(project)
    everything = len(preview.pages)
    assert ("meeting", path.stem) in rendered and len(rendered) < everything / 5, (len(rendered), everything)


def test_make_site_after_the_preview_makes_the_downloads_it_left_out(project):
    """The preview leaves out the downloads (CSV, SQLite, zip: a save should not wait for them);
    `make site` after it must not take the preview's folder for a finished one."""
    from arkiv.site.build import generate

    Preview().generate(project)
    data = project / "docs" / "arkiv" / "data"
    assert not (data / "kredsraadsarkivet.sqlite").exists() and not (data / "csv").exists()
    report = generate(project)
    assert "data/kredsraadsarkivet.sqlite" in report.written and "data/csv/moeder.csv" in report.written
    assert (data / "kredsraadsarkivet-data.zip").is_file()
