"""`mkdocs serve` shows an edit in meetings/ without any other step."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from conftest import ROOT


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
    for name in ("mkdocs.yml", "meetings", "scripts", "docs"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, tmp_path / name)
    shutil.rmtree(tmp_path / "docs" / "arkiv", ignore_errors=True)
    port = free_port()
    mkdocs = Path(sys.executable).with_name("mkdocs")
    log = tmp_path / "serve.log"
    server = subprocess.Popen([str(mkdocs), "serve", "-a", f"127.0.0.1:{port}"],
                              cwd=tmp_path, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
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
