"""`mkdocs serve` shows an edit in meetings/ without any other step."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.request

from conftest import MKDOCS, MKDOCS_ENV, ROOT, copy_project


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(condition, seconds: float = 30.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            value = condition()
            if value:
                return value
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError("timed out")


def test_serve_shows_each_save_after_one_rebuild_and_a_broken_save_in_the_browser(tmp_path):
    """As `make serve` runs it (mkdocs serve --dirty): a save is on the page after exactly one
    rebuild; a save that breaks the file keeps the last good page and shows the problem, with its
    file and line, at the top of every page; the next good save clears it."""
    copy_project(ROOT, tmp_path)
    port = free_port()
    log = tmp_path / "serve.log"
    server = subprocess.Popen([str(MKDOCS), "serve", "--dirty", "-a", f"127.0.0.1:{port}"], cwd=tmp_path,
                              env=MKDOCS_ENV, stdout=subprocess.DEVNULL, stderr=log.open("w"))
    url = f"http://127.0.0.1:{port}/arkiv/moeder/koebenhavn-2025-1/"
    front = f"http://127.0.0.1:{port}/"
    try:
        first = wait_for(lambda: fetch(url))
        assert "Nyt fra nærpolitiet" in first
        wait_for(lambda: "Reloading browsers" in log.read_text() or "Serving on" in log.read_text())
        builds = log.read_text().count("Building documentation")
        meeting = tmp_path / "meetings" / "koebenhavn-2025-1.md"
        good = meeting.read_text(encoding="utf-8")
        # Fictional edits, made only in this temporary copy.
        edited = good.replace("Der var ingen bemærkninger til dette punkt.", "FIKTIV ÆNDRING I TEST.")
        meeting.write_text(edited, encoding="utf-8")
        wait_for(lambda: "FIKTIV ÆNDRING I TEST." in fetch(url))
        time.sleep(4)  # a second rebuild, if the generated pages woke the watcher, would come now
        assert log.read_text().count("Building documentation") == builds + 1
        # A broken save: the server answers at once, with the last good page and the problem.
        meeting.write_text(edited.replace("council: koebenhavn", "council: ukendt-raad"), encoding="utf-8")
        wait_for(lambda: "arkiv-problemer" in fetch(front))
        page = fetch(url)
        assert "FIKTIV ÆNDRING I TEST." in page
        assert "<code>koebenhavn-2025-1.md:4: council: ukendt råd &#x27;ukendt-raad&#x27;" in page
        # Fixed: the problems go, the new text comes.
        meeting.write_text(edited.replace("FIKTIV ÆNDRING I TEST.", "RETTET I TEST."), encoding="utf-8")
        wait_for(lambda: "RETTET I TEST." in fetch(url))
        assert "arkiv-problemer" not in fetch(url) and "arkiv-problemer" not in fetch(front)
        assert "arkiv-problemer" not in (tmp_path / "docs" / "arkiv" / "moeder" / "koebenhavn-2025-1.md").read_text(encoding="utf-8")
    finally:
        server.terminate()
        server.wait(timeout=10)
