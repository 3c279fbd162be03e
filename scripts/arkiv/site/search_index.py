"""The search index: Pagefind, over the built pages.

Pagefind (a static search engine, the `pagefind_bin` wheel carries its binary) reads the built
HTML and writes `pagefind/` beside it: an index split into small chunks that the search page
fetches as needed, so a query loads a few hundred KB whatever the size of the archive, with Danish
stemming from the pages' `lang="da"`. What it indexes and how it filters is marked in the pages
(overrides/main.html, render/meeting.py).

Pagefind runs in its service mode (`LiveIndex`), given the records of each page
(search_records.py: a meeting page becomes a record per agenda item and one for its facts).
Two ways to feed it, which give the same records (tested; the hashes in the index's file names
can differ between the two). Either way the filter indexes are then put in one order
(search_order.py), so that two builds of the same input give the same bytes.

- During the build, by the MkDocs hook: each page as MkDocs renders it. Pagefind parses and
  indexes in its own process, on the other core, while MkDocs renders the next page; after the
  build only the writing of the index is left. Run after the build, the CLI took 7 s at 1,000
  meetings, which the build waited for (issue 6).
- `index_site`, over a built site: `python -m arkiv index site`, for a site built without the
  hook (a builder that runs no hooks, such as Zensical), and by `make serve` after a rebuild.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import queue
import signal
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from .search_order import canonical_order
from .search_records import records

# Material's »¶« links beside headings would otherwise end every item's title in the results.
EXCLUDE = ".headerlink"
# A page is indexed only inside this attribute (overrides/main.html); once any page has it,
# Pagefind skips pages without it, so the live index need not be sent them.
BODY = "data-pagefind-body"


class SearchIndexError(Exception):
    pass


def index_site(site: Path, output: Path | None = None) -> str:
    """Index the built site in `site` into `output` (standard: `site`/pagefind); returns a
    summary line. Raises SearchIndexError. The pages go through the same service and record
    splitting as during the build (LiveIndex), in the order of their paths."""
    if not (site / "index.html").is_file():
        raise SearchIndexError(f"{site} er ikke et bygget site (index.html mangler)")
    output = Path(output) if output is not None else site / "pagefind"
    index = LiveIndex()
    try:
        for path in sorted(site.rglob("*.html"), key=lambda p: p.relative_to(site).as_posix()):
            if output in path.parents:
                continue
            relative = path.relative_to(site).as_posix()
            url = "/" + (relative[:-len("index.html")] if relative.endswith("index.html") else relative)
            index.add(url, path.read_text(encoding="utf-8"))
        return index.write(output).replace(" under bygningen", "")
    except BaseException:
        index.close(stop=True)
        raise


class LiveIndex:
    """Pagefind's service mode (`pagefind --service`), fed page by page during the build.

    The service reads requests from stdin and answers on stdout, each a base64-encoded JSON
    message ended by a comma; this is the protocol of Pagefind's own Python and Node wrappers.
    Their Python wrapper reads one answer every 0.1 s, which for 1,600 pages is minutes, so this
    is a small client of its own: requests are queued without waiting for their answers, one
    thread writes them to the service (so MkDocs does not wait while the pipe is full), another
    collects the answers, and `write` waits only for the last one.
    """

    def __init__(self):
        import pagefind_bin  # only the build needs it

        self._log = tempfile.TemporaryFile()  # the service's own messages, for an error report
        # In a session of its own, so that stopping it stops whatever it started too: a child left
        # holding its stdout would keep the answer reader (and so `close`) waiting.
        self._process = subprocess.Popen([str(pagefind_bin.get_executable()), "--service"],
                                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._log,
                                         start_new_session=True)
        self._answers: dict[int, dict] = {}
        self._arrived = threading.Condition()
        self._sent = 0
        self._pages = 0
        self._records = 0
        self._outbox: queue.SimpleQueue = queue.SimpleQueue()
        self._broken = False  # the service stopped reading requests
        self._reading = True  # the service may still answer
        threading.Thread(target=self._read_answers, daemon=True, name="pagefind-answers").start()
        threading.Thread(target=self._write_requests, daemon=True, name="pagefind-requests").start()
        try:
            self._index = self._wait(self._send({"type": "NewIndex", "config": {"exclude_selectors": [EXCLUDE]}}),
                                     seconds=60)["index_id"]
        except SearchIndexError:
            self.close(stop=True)
            raise

    def add(self, url: str, html: str) -> None:
        """Index a rendered page (at `url`, e.g. '/arkiv/moeder/x/') if it has searchable content:
        its records (search_records.py), a meeting's items each as one."""
        if BODY in html:
            for address, document in records(url, html):
                self._send({"type": "AddFile", "index_id": self._index, "url": address, "file_path": None,
                            "file_contents": document})
                self._records += 1
            self._pages += 1

    def write(self, folder: Path) -> str:
        """Write the index into `folder` (site/pagefind) once every page is indexed; a summary."""
        self._wait(self._send({"type": "WriteFiles", "index_id": self._index, "output_path": str(folder)}))
        with self._arrived:
            failed = [answer for answer in self._answers.values() if answer.get("type") == "Error"]
        if failed:
            raise SearchIndexError(f"søgeindekset kunne ikke bygges (pagefind): {failed[0].get('message')}"
                                   + (f" og {len(failed) - 1} fejl mere" if len(failed) > 1 else ""))
        if not (folder / "pagefind.js").is_file():
            raise SearchIndexError(f"søgeindekset kunne ikke bygges: pagefind skrev ikke {folder / 'pagefind.js'}")
        # Pagefind answers before its last files are on disk (seen: empty files right after the
        # answer, under load), and a service told to end while a write is pending can exit
        # without finishing it (seen once in CI: one empty file after the exit). So the files are
        # first awaited, then the service is ended, and what it left is checked.
        _await_files(folder)
        self.close()
        _finish(folder)
        return f"{self._pages} sider indekseret under bygningen, {self._records} søgeposter"

    def close(self, stop: bool = False) -> None:
        """End the service: let it finish (after `write`), or `stop` it (the build failed)."""
        self._outbox.put(None)  # the writer closes stdin, which ends the service
        if stop:
            self._kill()
        if self._process.poll() is None:
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._kill()
                self._process.wait()
        self._process.stdout.close()
        self._log.close()

    def _kill(self) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self._process.pid, signal.SIGKILL)

    def _send(self, payload: dict) -> int:
        if self._broken:
            raise SearchIndexError(self._stopped())
        self._sent += 1
        message = json.dumps({"message_id": self._sent, "payload": payload}).encode("utf-8")
        self._outbox.put(base64.b64encode(message) + b",")
        return self._sent

    def _write_requests(self) -> None:
        stdin = self._process.stdin
        try:
            while (request := self._outbox.get()) is not None:
                stdin.write(request)
                stdin.flush()
            stdin.close()
        except (BrokenPipeError, ValueError, OSError):
            self._broken = True

    def _wait(self, message_id: int, seconds: float = 600) -> dict:
        """The answer to a request. An answer Pagefind could not tie to a request (it did not
        understand one) ends the wait too, as does a service that stops or stays silent."""
        deadline = time.monotonic() + seconds
        with self._arrived:
            while message_id not in self._answers and None not in self._answers:
                if not self._reading:
                    raise SearchIndexError(self._stopped())
                if time.monotonic() > deadline:
                    raise SearchIndexError(f"søgeindekset kunne ikke bygges: pagefind svarede ikke i {seconds:.0f} s")
                self._arrived.wait(timeout=1)
            answer = self._answers.get(message_id) or self._answers[None]
        if answer.get("type") == "Error":
            raise SearchIndexError(f"søgeindekset kunne ikke bygges (pagefind): {answer.get('message')}")
        return answer

    def _read_answers(self) -> None:
        pending = b""
        try:
            while chunk := self._process.stdout.read1(1 << 16):
                *messages, pending = (pending + chunk).split(b",")
                answers = [_decode(message) for message in messages if message]
                with self._arrived:
                    for message_id, payload in answers:
                        self._answers[message_id] = payload
                    self._arrived.notify_all()
        finally:  # whatever ended the reading, nobody waits for an answer that cannot come
            with self._arrived:
                self._reading = False
                self._arrived.notify_all()

    def _stopped(self) -> str:
        self._log.seek(0)
        said = self._log.read().decode("utf-8", "replace").strip()
        # A service that closed its pipes is exiting, but may not have been reaped yet: asking
        # poll() at once then took a crash for silence (a flaky test in CI).
        try:
            code = self._process.wait(timeout=5) if not self._reading or self._broken else self._process.poll()
        except subprocess.TimeoutExpired:
            code = None
        what = f"pagefind stoppede (kode {code})" if code is not None else "pagefind holdt op med at svare"
        return f"søgeindekset kunne ikke bygges: {what}" + (f":\n{said}" if said else "")


def _empty_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.stat().st_size == 0)


def _await_files(folder: Path, seconds: float = 30) -> None:
    """Wait until no file in `folder` is empty and no new file has appeared for a moment."""
    deadline = time.monotonic() + seconds
    seen = -1
    while time.monotonic() < deadline:
        files = sum(1 for p in folder.rglob("*") if p.is_file())
        if files == seen and not _empty_files(folder):
            return
        seen = files
        time.sleep(0.05)


def _finish(folder: Path) -> None:
    """Check what Pagefind wrote and put its filters in order. On a full disk Pagefind 1.5.2
    reports success and leaves empty files; such an index is refused here."""
    empty = _empty_files(folder)
    if empty:
        raise SearchIndexError(f"søgeindekset blev ikke skrevet helt: {len(empty)} tomme filer i {folder}, "
                               f"fx {empty[0].relative_to(folder)} (er disken fuld?)")
    try:
        canonical_order(folder)
    except (OSError, ValueError, KeyError, IndexError) as exc:
        raise SearchIndexError(f"søgeindekset kunne ikke ordnes: {exc}") from None


def _decode(message: bytes) -> tuple[int | None, dict]:
    """(message id, payload) of one answer; anything that is not one becomes an error answer."""
    try:
        answer = json.loads(base64.b64decode(message, validate=True))
        return answer.get("message_id"), answer["payload"]
    except (ValueError, KeyError, TypeError, AttributeError):
        return None, {"type": "Error", "message": f"uforståeligt svar fra pagefind: {message[:200]!r}"}
