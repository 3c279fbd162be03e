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


def test_serve_rebuilds_after_editing_a_meeting(tmp_path):
    copy_project(ROOT, tmp_path)
    port = free_port()
    log = tmp_path / "serve.log"
    server = subprocess.Popen([str(MKDOCS), "serve", "-a", f"127.0.0.1:{port}"], cwd=tmp_path, env=MKDOCS_ENV,
                              stdout=subprocess.DEVNULL, stderr=log.open("w"))
    url = f"http://127.0.0.1:{port}/arkiv/moeder/koebenhavn-2025-1/"
    try:
        first = wait_for(lambda: fetch(url))
        assert "Nyt fra nærpolitiet" in first
        meeting = tmp_path / "meetings" / "koebenhavn-2025-1.md"
        # A fictional edit, made only in this temporary copy.
        meeting.write_text(meeting.read_text(encoding="utf-8").replace(
            "Der var ingen bemærkninger til dette punkt.", "FIKTIV ÆNDRING I TEST."), encoding="utf-8")
        wait_for(lambda: "FIKTIV ÆNDRING I TEST." in fetch(url))
        # The rebuild settles: regenerated pages wake the watcher once, unchanged pages do not.
        time.sleep(4)
        builds = log.read_text().count("Building documentation")
        time.sleep(4)
        assert log.read_text().count("Building documentation") == builds
    finally:
        server.terminate()
        server.wait(timeout=10)
