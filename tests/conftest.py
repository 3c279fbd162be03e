"""Shared fixtures. Fictional data here is marked as such and never lives in meetings/."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import textwrap
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from arkiv.load import load_archive

ROOT = Path(__file__).resolve().parent.parent
MEETINGS = ROOT / "meetings"  # the live archive: only tests that hold for any archive read it
# A frozen copy of the archive as it was with its first meeting (the seed, real and unchanged):
# every test of exact output (pages, counts, search hits) runs on it, so that adding a meeting to
# meetings/ never turns a test red. Refreshed only on purpose (tests/fixture/README.md).
FIXTURE = ROOT / "tests" / "fixture" / "meetings"
SEED = FIXTURE / "sources" / "koebenhavn-2025-1.txt"


@pytest.fixture(scope="session")
def archive():
    """The frozen fixture archive (the seed meeting and its registries)."""
    return load_archive(FIXTURE)


@pytest.fixture(scope="session")
def live_archive():
    """The archive as it stands in meetings/: for tests that hold whatever it contains."""
    return load_archive(MEETINGS)


MKDOCS = Path(sys.executable).with_name("mkdocs")
MKDOCS_ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")


def copy_project(root: Path, target: Path, meetings: Path = FIXTURE) -> Path:
    """Copy what a fresh clone has to build the site – no generated folder, no site/ – with the
    meetings folder `meetings` (the frozen fixture unless a test asks for the live one)."""
    def ignore(folder, names):
        generated = {"arkiv"} if Path(folder) == root / "docs" else set()
        return generated | {n for n in names if n == "__pycache__"}

    target.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "meetings", "scripts", "docs", "overrides"):
        src = meetings if name == "meetings" else root / name
        if src.is_dir():
            shutil.copytree(src, target / name, ignore=ignore)
        else:
            shutil.copy2(src, target / name)
    return target


def build_copy(root: Path, target: Path, meetings: Path = FIXTURE) -> Path:
    """Build a fresh copy of the project with `mkdocs build --strict`; returns its site/."""
    copy_project(root, target, meetings)
    result = subprocess.run([str(MKDOCS), "build", "--strict"], cwd=target, env=MKDOCS_ENV,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return target / "site"


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    return build_copy(ROOT, tmp_path_factory.mktemp("clone"))



# The browser: Debian's chromium driven by Playwright, on a local server of the built site.
# In CI (CI=true) a missing chromium fails the run instead of skipping: a skipped test is not a
# passing one. `.ci/run` installs chromium with apt-get.

CHROMIUM = "/usr/bin/chromium"
# Without these, chromium phones home at start-up, which a closed network refuses.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # one line per request would bury the test output
        pass


@pytest.fixture(scope="session")
def server(site):
    handler = functools.partial(QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        message = f"{CHROMIUM} is not installed (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(locale="da-DK")
    page = context.new_page()
    page.requested_hosts = set()
    page.on("request", lambda request: page.requested_hosts.add(urlsplit(request.url).netloc))
    yield page
    context.close()


FICTIONAL_COUNCILS = """\
- id: testraadet
  name: Testrådet (fiktivt)
"""

FICTIONAL_PEOPLE = """\
- id: aase-fiktiv
  name: Aase Fiktiv
  aliases: [Aase F. Fiktiv]
  roles: [{title: Formand}]
- id: bent-opdigtet
  name: Bent Opdigtet
  roles: [{title: Borgmester, organisation: Fiktiv Kommune, source: Fiktiv kilde (testdata)}]
- id: oeje-paahit
  name: Øje Påhit
- id: zacharias-proeve
  name: Zacharias Prøve
"""

FICTIONAL_THEMES = """\
- id: cykler
  title: Cykler
  description: Fiktivt tema om cykeltyverier.
  words: ["cykel*", "ladcykler"]
- id: aeblekrig
  title: Æblekrig
  description: Fiktivt tema.
  words: ["æblekrig*"]
"""

FICTIONAL_MEETING = """\
---
council: testraadet
date: 2031-03-04
time: "14.00"
place: Mødelokale 2 (fiktivt)
chair: aase-fiktiv
participants:
  - {person: aase-fiktiv, title: Formand}
  - {person: oeje-paahit}
absent:
  - {person: bent-opdigtet, title: Borgmester}
substitutes: []
agenda:
  - {number: "1", title: Godkendelse af dagsorden}
  - {number: "2", title: Cykeltyverier, themes: [cykler]}
  - {number: "2.a", title: Status}
  - {number: "3", title: Eventuelt}
next_meeting: {date: 2031-06-01, as_written: Næste møde er den 1. juni.}
source: {kind: Fiktivt testreferat}
---

Aase Fiktiv bød velkommen.

## Ad 1) Godkendelse af dagsorden

Dagsordenen blev godkendt.

## Ad 2) Cykeltyverier

Øje Påhit fortalte om ladcykler.

## Ad 2.a) Status

Aase F. Fiktiv nævnte æblekrigen.

## Ad 3) Eventuelt

Intet.
"""


def write_fictional(folder: Path, **overrides: str) -> Path:
    """A small fictional meetings folder; `overrides` replace files by name (e.g. people_yml=...)."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "councils.yml": FICTIONAL_COUNCILS,
        "people.yml": FICTIONAL_PEOPLE,
        "themes.yml": FICTIONAL_THEMES,
        "testraadet-2031-1.md": FICTIONAL_MEETING,
    }
    for key, text in overrides.items():
        files[key.replace("_yml", ".yml").replace("_md", ".md")] = text
    for name, text in files.items():
        if text is not None:
            (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


# The downloads made from the whole archive (site/bulk.py), which the preview leaves out.
BULK_FILES = ("data/csv/", "data/kredsraadsarkivet.sqlite", "data/kredsraadsarkivet-data.zip")


def generated_files(meetings: Path, tmp: Path, bulk: bool = True) -> dict[str, bytes]:
    """What `make site` generates from `meetings` (site.build.generate, the production path, into a
    project under `tmp`): every generated file's bytes by its path in docs/arkiv/, less the
    manifest and the writer's marker; without `bulk`, less the downloads too."""
    from arkiv.site.build import generate

    project = Path(tmp) / "project"
    shutil.rmtree(project, ignore_errors=True)
    shutil.copytree(meetings, project / "meetings")
    generate(project)
    out = project / "docs" / "arkiv"
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.name not in (".inputs.json", ".generated-by-arkiv")
            and (bulk or not p.relative_to(out).as_posix().startswith(BULK_FILES))}


def rendered_pages(archive) -> dict[str, str]:
    """Every page of `archive` as generation renders it (render_shared and render_one over
    page_tasks, as site.build does), without writing: for tests of what one page says."""
    from arkiv.render import page_tasks, render_one, render_shared

    pages = render_shared(archive, "arkiv")
    for task in page_tasks(archive):
        pages.update(render_one(task, archive))
    return pages
