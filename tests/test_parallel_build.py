"""The build's two speed-ups change nothing in what it builds (issue 6).

The Markdown of the pages is converted on all cores before MkDocs renders them
(arkiv/site/parallel_markdown.py), and the search index is made while the pages are rendered
(arkiv/site/search_index.py, LiveIndex). Built on a small fictional archive (enough pages for the
workers to start): the same site as one process builds, the same search index as Pagefind's CLI
makes of the finished site, and a broken link or anchor still fails `mkdocs build --strict`.
"""

import gzip
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from arkiv.site import search_index
from arkiv.site.build import generate
from arkiv.tools.fiction import write_fictional_archive
from conftest import MKDOCS, MKDOCS_ENV, ROOT, copy_project

N = 24  # two meetings of each of the twelve councils: some 200 pages


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    project = copy_project(ROOT, tmp_path_factory.mktemp("parallel") / "project")
    shutil.rmtree(project / "meetings")
    write_fictional_archive(project / "meetings", N)
    generate(project)
    return project


def build(project: Path, site: str, *options: str, jobs: str = "") -> subprocess.CompletedProcess:
    """`mkdocs build` into `site` with `options` (by default `--strict`)."""
    env = dict(MKDOCS_ENV, ARKIV_JOBS=jobs) if jobs else MKDOCS_ENV
    return subprocess.run([str(MKDOCS), "build", *(options or ["--strict"]), "--site-dir", site],
                          cwd=project, env=env, capture_output=True, text=True)


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*")
            if p.is_file() and "pagefind" not in p.parts}


def fragments(site: Path) -> dict[str, dict]:
    """The search index's record of each page (its text, title, filters), by address."""
    records = {}
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd")
        record = json.loads(data)
        records[record["url"]] = record
    return records


@pytest.fixture(scope="module")
def parallel_site(project):
    result = build(project, "site-parallel")
    assert result.returncode == 0, result.stderr
    assert "sider konverteret parallelt" in result.stderr  # the workers did run
    return project / "site-parallel"


def test_the_parallel_build_makes_the_same_site_as_one_process(project, parallel_site):
    serial = build(project, "site-serial", jobs="1")
    assert serial.returncode == 0, serial.stderr
    assert "parallelt" not in serial.stderr
    one, many = files(project / "site-serial"), files(parallel_site)
    assert len(many) > 200
    assert sorted(one) == sorted(many)
    assert [path for path in one if one[path] != many[path]] == []
    assert fragments(project / "site-serial") == fragments(parallel_site)


def test_the_index_made_during_the_build_is_the_one_pagefind_makes_of_the_finished_site(project, parallel_site, tmp_path):
    finished = tmp_path / "site"
    shutil.copytree(parallel_site, finished, ignore=shutil.ignore_patterns("pagefind"))
    indexed = subprocess.run([sys.executable, "-m", "arkiv", "index", str(finished)], cwd=project,
                             env=dict(MKDOCS_ENV, PYTHONPATH=str(ROOT / "scripts")), capture_output=True, text=True)
    assert indexed.returncode == 0, indexed.stderr
    live, cli = fragments(parallel_site), fragments(finished)
    assert len(live) > 100 and "/arkiv/moeder/" + sorted((project / "meetings").glob("*.md"))[0].stem + "/" in live
    assert live == cli
    entry = json.loads((parallel_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["da"] and entry["languages"]["da"]["page_count"] == len(cli)


def test_a_dirty_build_still_indexes_every_page(project, parallel_site):
    # `mkdocs build --dirty` renders only the pages whose source changed; the index must still
    # hold every page, not only those. (Not strict: MkDocs warns that a dirty build is one.)
    site = project / "site-dirty"
    shutil.copytree(parallel_site, site)  # a finished build (copied with its times)...
    shutil.rmtree(site / "pagefind")  # ...whose index is to be made again
    (project / "docs" / "om.md").touch()  # one changed page
    dirty = build(project, "site-dirty", "--dirty", "--no-strict")
    assert dirty.returncode == 0, dirty.stderr
    assert fragments(site) == fragments(parallel_site)


def test_a_broken_link_or_anchor_still_fails_the_strict_build(project):
    meeting = sorted((project / "meetings").glob("*.md"))[0].stem
    page = project / "docs" / "brudt.md"
    page.write_text(f"# Fiktiv side\n\n[Intet]({'findes-ikke.md'}) og [intet punkt](arkiv/moeder/{meeting}.md#punkt-99)\n",
                    encoding="utf-8")
    try:
        result = build(project, "site-broken")
    finally:
        page.unlink()
    assert result.returncode != 0
    assert "sider konverteret parallelt" in result.stderr
    assert "findes-ikke.md" in result.stderr  # logged by a worker, counted by the build
    assert "punkt-99" in result.stderr  # checked by MkDocs after the build, from the workers' anchors


def test_a_search_service_that_stops_is_reported(monkeypatch):
    import pagefind_bin

    monkeypatch.setattr(pagefind_bin, "get_executable", lambda: Path("/bin/false"))
    with pytest.raises(search_index.SearchIndexError, match="pagefind stoppede"):
        search_index.LiveIndex()


def test_a_search_service_that_answers_nonsense_is_reported(monkeypatch, tmp_path):
    import pagefind_bin

    service = tmp_path / "pagefind"
    service.write_text("#!/bin/sh\nprintf 'ikke et svar,'\nsleep 30\n", encoding="utf-8")
    service.chmod(0o755)
    monkeypatch.setattr(pagefind_bin, "get_executable", lambda: service)
    with pytest.raises(search_index.SearchIndexError, match="uforståeligt svar"):
        search_index.LiveIndex()


def test_an_index_with_an_empty_file_is_refused_and_the_file_named(tmp_path):
    """Pagefind can report success and leave a file empty (a full disk, or a service that ended
    before its last write): the build must then fail and say which file, not publish it."""
    (tmp_path / "fragment").mkdir()
    (tmp_path / "pagefind.js").write_text("// fiktiv")
    (tmp_path / "fragment" / "da_0001.pf_fragment").write_bytes(b"")
    search_index._await_files(tmp_path, seconds=0.2)  # gives up after its time, without raising
    with pytest.raises(search_index.SearchIndexError, match=r"1 tomme filer.*fragment/da_0001\.pf_fragment"):
        search_index._finish(tmp_path)
