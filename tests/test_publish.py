"""Publishing is all or nothing (issue 14): `make site` (python -m arkiv site) on a full disk, two
runs at once, and two builds of the same input giving the same bytes."""

import contextlib
import gzip
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import cbor2
import pytest

from arkiv.site.audit import audit_site
from arkiv.site.build import generate
from arkiv.site.writer import WriterError
from conftest import FICTIONAL_MEETING, MKDOCS_ENV, ROOT, copy_project, write_fictional


def arkiv_site(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "arkiv", "--root", str(project), "site"], cwd=project,
                          env=dict(MKDOCS_ENV, PYTHONPATH=str(project / "scripts")), capture_output=True, text=True)


def fictional_project(folder: Path) -> Path:
    project = copy_project(ROOT, folder)
    shutil.rmtree(project / "meetings")
    write_fictional(project / "meetings")
    return project


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@contextlib.contextmanager
def small_disk(folder: Path, size: str):
    """A tmpfs of `size` at `folder`: a disk that can really be filled (needs root, as in CI)."""
    folder.mkdir(parents=True)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        message = f"cannot mount a tmpfs to fill ({mounted.stderr.strip()}); run as root"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(disk: Path, leave: int) -> Path:
    """Fill the disk so that `leave` bytes stay free."""
    filler = disk / "fyld"
    free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
    with filler.open("ab") as out:
        out.truncate(0)
        remaining = free - leave
        while remaining > 0:
            chunk = min(remaining, 1 << 20)
            out.write(b"\0" * chunk)
            remaining -= chunk
    return filler


def test_a_full_disk_leaves_the_site_as_it_was_and_says_so_in_one_line(tmp_path):
    with small_disk(tmp_path / "disk", "24m") as disk:
        project = fictional_project(disk / "project")
        first = arkiv_site(project)
        assert first.returncode == 0, first.stderr
        before = snapshot(project / "site")
        site_bytes = sum(len(data) for data in before.values())
        search_bytes = sum(len(data) for path, data in before.items() if path.startswith("pagefind/"))
        meeting = project / "meetings" / "testraadet-2031-1.md"
        # Free space for: nothing; part of the theme's files; all pages but not the search index.
        for n, leave in enumerate((0, 256 * 1024, site_bytes - search_bytes // 2)):
            meeting.write_text(FICTIONAL_MEETING.replace("Intet.", f"Intet, sagde nummer {n}."), encoding="utf-8")
            filler = fill(disk, leave)
            try:
                failed = arkiv_site(project)
            finally:
                filler.unlink()
            assert failed.returncode == 1, (leave, failed.stdout, failed.stderr)
            errors = [line for line in failed.stderr.splitlines() if line.strip()]
            assert errors == ["fejl: disken er fuld; intet er offentliggjort, site/ er uændret. "
                              "Frigør plads, og kør igen."], (leave, failed.stderr)
            assert "Offentliggjort" not in failed.stdout
            assert snapshot(project / "site") == before, leave
            assert not list(project.glob(".site-new-*"))
        again = arkiv_site(project)
        assert again.returncode == 0, again.stderr
        assert "sagde nummer 2" in (project / "site/arkiv/moeder/testraadet-2031-1/index.html").read_text("utf-8")


def test_two_runs_at_once_take_turns(tmp_path):
    project = fictional_project(tmp_path / "project")
    results = []
    runs = [threading.Thread(target=lambda: results.append(arkiv_site(project))) for _ in range(2)]
    for run in runs:
        run.start()
    for run in runs:
        run.join()
    assert [r.returncode for r in results] == [0, 0], [r.stderr for r in results]
    assert sum("venter: et andet 'make site' bygger sitet" in r.stdout for r in results) == 1
    assert audit_site(project / "site") == []
    reference = fictional_project(tmp_path / "reference")
    assert arkiv_site(reference).returncode == 0
    assert snapshot(project / "site") == snapshot(reference / "site")


def test_two_builds_of_the_same_input_are_the_same_bytes(tmp_path):
    sites = []
    for name in ("one", "two"):
        project = fictional_project(tmp_path / name)
        # Several values per filter, so that their order can differ.
        for n in (2, 3, 4):
            text = FICTIONAL_MEETING.replace("2031-", f"203{n}-")
            (project / "meetings" / f"testraadet-203{n}-1.md").write_text(text, encoding="utf-8")
        result = arkiv_site(project)
        assert result.returncode == 0, result.stderr
        sites.append(snapshot(project / "site"))
    one, two = sites
    assert sorted(one) == sorted(two)
    assert [path for path in one if one[path] != two[path]] == []
    filters = [path for path in one if path.startswith("pagefind/filter/")]
    assert len(filters) == 5
    values = cbor2.loads(gzip.decompress(one[next(p for p in filters if b"aar" in gzip.decompress(one[p]))])[12:])
    # Each year's records in one run: the meeting's own and one per section of its minutes.
    name, years = values
    assert name == "aar" and [year for year, _ in years] == ["2031", "2032", "2033", "2034"]
    records = [numbers for _, numbers in years]
    assert len({len(numbers) for numbers in records}) == 1 and len(records[0]) > 1
    assert sum(records, []) == list(range(records[0][0], records[0][0] + 4 * len(records[0])))


def test_the_canonical_order_keeps_what_pagefind_wrote(tmp_path):
    """The rewrite changes only the order: the filters decode to the same values, page by page."""
    import arkiv.site.search_index
    from arkiv.site.search_index import index_site

    project = fictional_project(tmp_path / "project")
    assert arkiv_site(project).returncode == 0
    site = project / "site"
    original = arkiv.site.search_index.canonical_order
    try:
        arkiv.site.search_index.canonical_order = lambda folder: None
        shutil.rmtree(site / "pagefind")
        index_site(site)
        raw = _decoded_filters(site / "pagefind")
    finally:
        arkiv.site.search_index.canonical_order = original
    original(site / "pagefind")
    ordered = _decoded_filters(site / "pagefind")
    assert {name: sorted(map(str, values)) for name, values in raw.items()} == \
           {name: sorted(map(str, values)) for name, values in ordered.items()}
    for values in ordered.values():
        assert values == sorted(values, key=lambda value: value[0])
    # cbor2 gives Pagefind's own bytes back: only the order can differ.
    for path in (site / "pagefind" / "filter").iterdir():
        data = gzip.decompress(path.read_bytes())
        assert data[12:] == cbor2.dumps(cbor2.loads(data[12:]))


def _decoded_filters(folder: Path) -> dict:
    found = {}
    for path in (folder / "filter").iterdir():
        name, values = cbor2.loads(gzip.decompress(path.read_bytes())[12:])
        found[name] = values
    return found


def test_the_writer_refuses_to_write_one_path_twice(tmp_path, monkeypatch):
    import arkiv.site.build

    root = tmp_path / "project"
    write_fictional(root / "meetings")
    tasks = arkiv.site.build.page_tasks
    monkeypatch.setattr(arkiv.site.build, "page_tasks", lambda archive: tasks(archive) + [("theme", "cykler")])
    with pytest.raises(WriterError) as refused:
        generate(root)
    assert str(refused.value) == ("temaer/cykler.md ville blive skrevet to gange, af temaet 'cykler' og af "
                                  "temaet 'cykler'; giv den ene et andet id")
    assert not (root / "docs" / "arkiv").exists()


def test_a_contact_the_meeting_file_allows_is_published(tmp_path):
    """The audit allows what the meeting files' `published_contacts:` allow (from the generated
    folder's manifest), and nothing else."""
    project = fictional_project(tmp_path / "project")
    meeting = project / "meetings" / "testraadet-2031-1.md"
    text = FICTIONAL_MEETING.replace("source: {kind: Fiktivt testreferat}", "source: {kind: Fiktivt testreferat}\n"
                                     "published_contacts: [{contact: kontakt@example.org, reason: Fiktiv postkasse}]")
    meeting.write_text(text.replace("Intet.", "Skriv til kontakt@example.org."), encoding="utf-8")
    result = arkiv_site(project)
    assert result.returncode == 0, result.stderr
    assert "kontakt@example.org" in (project / "site/arkiv/moeder/testraadet-2031-1/index.html").read_text("utf-8")
    # The same address on a hand-written page is allowed too (the audit reads the site as a whole),
    # another is not.
    (project / "docs" / "kontakt.md").write_text("# Kontakt (fiktiv)\n\nandet@example.org\n", encoding="utf-8")
    refused = arkiv_site(project)
    assert refused.returncode == 1 and "kontakt/index.html" in refused.stderr and "andet@example.org" in refused.stderr


def test_make_site_after_an_edit_builds_only_what_changed_and_the_same_bytes_as_from_nothing(tmp_path):
    """After one edit, `make site` copies the published site and lets MkDocs build again only the
    pages whose generated files changed (and indexes the rest from the copy, in its order); what it
    publishes is byte for byte what a build from nothing makes of the same files. A change to the
    configuration or the hand-written pages builds everything again."""
    edited = FICTIONAL_MEETING.replace("Øje Påhit fortalte om ladcykler.", "Øje Påhit fortalte om ladcykler og æblekrig.")
    project = fictional_project(tmp_path / "trin")
    assert arkiv_site(project).returncode == 0
    # What was published is recorded only when it is published: a refused run leaves it as it was.
    record = (project / ".site.json").read_text(encoding="utf-8")
    (project / "meetings" / "testraadet-2031-1.md").write_text(edited.replace("council: testraadet", "council: nej"),
                                                              encoding="utf-8")
    assert arkiv_site(project).returncode == 1
    assert (project / ".site.json").read_text(encoding="utf-8") == record
    (project / "meetings" / "testraadet-2031-1.md").write_text(edited, encoding="utf-8")
    meeting = project / "site" / "arkiv" / "moeder" / "testraadet-2031-1" / "index.html"
    untouched = project / "site" / "om" / "index.html"
    before = untouched.stat().st_mtime_ns
    result = arkiv_site(project)
    assert result.returncode == 0, result.stderr
    assert "æblekrig." in meeting.read_text(encoding="utf-8")
    assert untouched.stat().st_mtime_ns == before  # not built again: copied from the site before
    fresh = fictional_project(tmp_path / "fra-intet")
    (fresh / "meetings" / "testraadet-2031-1.md").write_text(edited, encoding="utf-8")
    assert arkiv_site(fresh).returncode == 0
    assert snapshot(project / "site") == snapshot(fresh / "site")
    # The hand-written pages changed: everything is built again.
    (project / "docs" / "om.md").write_text((project / "docs" / "om.md").read_text(encoding="utf-8") + "\nFiktiv linje.\n",
                                            encoding="utf-8")
    assert arkiv_site(project).returncode == 0
    assert untouched.stat().st_mtime_ns != before and "Fiktiv linje." in untouched.read_text(encoding="utf-8")
