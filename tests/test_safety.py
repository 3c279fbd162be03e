"""Unsafe content in a meeting file can never reach site/: the build stops, and the site that was
there before stays byte for byte as it was."""

import shutil
import subprocess

from conftest import MKDOCS, MKDOCS_ENV, ROOT, copy_project, write_fictional
from test_cases import CASES, EXPECTED

UNSAFE = ["raw-html-script", "raw-html-iframe", "raw-html-object", "event-attribute", "javascript-link",
          "data-link", "image-from-other-host", "unsafe-attachment-url", "cpr-number"]


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_unsafe_meetings_never_reach_the_site(tmp_path):
    project = copy_project(ROOT, tmp_path / "project")
    shutil.rmtree(project / "meetings")
    meetings = write_fictional(project / "meetings")
    built = subprocess.run([str(MKDOCS), "build", "--strict"], cwd=project, env=MKDOCS_ENV,
                           capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    before = snapshot(project / "site")

    for case in UNSAFE:
        for file in (CASES / case).iterdir():
            shutil.copy(file, meetings / file.name)
    failed = subprocess.run([str(MKDOCS), "build", "--strict"], cwd=project, env=MKDOCS_ENV,
                            capture_output=True, text=True)
    assert failed.returncode != 0
    for case in UNSAFE:
        for message in EXPECTED[case]:
            assert message in failed.stderr
    after = snapshot(project / "site")
    assert after == before
    # Where meeting text would land: the archive's pages and the search index.
    site_text = b"".join(data for path, data in after.items()
                         if path.startswith("arkiv/") or path.startswith("search/"))
    assert b"Cykeltyverier" in site_text
    for needle in (b"alert(", b"<iframe", b"<object", b"javascript:", b"010190-1234", b"example.org/kort"):
        assert needle not in site_text
