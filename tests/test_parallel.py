"""Generation on several cores gives exactly what one process gives: the same pages, byte for
byte, and the same problems with the same lines.

Each check runs in a fresh Python process: the test session has threads of its own (the browser
tests' web server), and with other threads running map_in_order rightly refuses to fork.
"""

import json
import os
import subprocess
import sys

from arkiv.parallel import MIN_ITEMS
from conftest import ROOT

N = 80  # above parallel.MIN_ITEMS, so the workers are used


def in_fresh_process(code: str, jobs: str = "2"):
    env = dict(os.environ, PYTHONPATH=f"{ROOT / 'scripts'}{os.pathsep}{ROOT / 'tests'}", ARKIV_JOBS=jobs)
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


PIDS = f"""
import json, os, time
from arkiv.parallel import map_in_order
import test_parallel as t
print(json.dumps({{"parent": os.getpid(), "ordered": map_in_order(t._scaled, range(500), 3),
                  "workers": sorted({{pid for _, pid in map_in_order(t._pid, range({MIN_ITEMS}))}})}}))
"""


def _pid(item):
    import time
    time.sleep(0.002)  # long enough that one worker cannot take every chunk before the other starts
    return item, os.getpid()


def _scaled(item, factor):
    return item * factor


def test_results_come_in_order_from_forked_workers():
    result = in_fresh_process(PIDS)
    assert result["ordered"] == [3 * i for i in range(500)]
    assert len(result["workers"]) == 2 and result["parent"] not in result["workers"]


SERIAL = f"""
import json, os, threading
from arkiv.parallel import map_in_order
import test_parallel as t
small = {{pid for _, pid in map_in_order(t._pid, range({MIN_ITEMS} - 1))}}
stop = threading.Event()
server = threading.Thread(target=stop.wait)  # as mkdocs serve's threads would be
server.start()
threaded = {{pid for _, pid in map_in_order(t._pid, range(200))}}
stop.set()
server.join()
print(json.dumps({{"parent": os.getpid(), "small": sorted(small), "threaded": sorted(threaded)}}))
"""


def test_one_process_when_asked_when_small_and_when_threads_run():
    one = in_fresh_process(PIDS, jobs="1")
    assert one["workers"] == [one["parent"]]
    serial = in_fresh_process(SERIAL, jobs="2")
    assert serial["small"] == serial["threaded"] == [serial["parent"]]


SAME = f"""
import hashlib, json, os, sys, tempfile
from pathlib import Path
from arkiv.site.build import generate
from arkiv.tools.fiction import write_fictional_archive
from arkiv.load import check_archive
from arkiv.parallel import map_in_order

def digest(files):
    return hashlib.sha256(b"".join(k.encode() + b"\\0" + v + b"\\0" for k, v in sorted(files.items()))).hexdigest()

def problems(folder):
    archive, found = check_archive(folder)
    return [str(p) for p in found]

def folder_files(out):
    return {{p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*")
            if p.is_file() and p.name not in (".inputs.json", ".generated-by-arkiv")}}

with tempfile.TemporaryDirectory() as tmp:
    folder = write_fictional_archive(Path(tmp) / "project" / "meetings", {N})
    # One process (ARKIV_JOBS=1) beside the workers: the same files either way.
    import shutil
    alone = Path(tmp) / "alone"
    shutil.copytree(folder, alone / "meetings")
    os.environ["ARKIV_JOBS"] = "1"
    generate(alone)
    del os.environ["ARKIV_JOBS"]
    files = folder_files(alone / "docs" / "arkiv")
    result = {{"pages": digest(files), "files": len(files)}}
    report = generate(folder.parent)
    result["generated"] = digest(folder_files(folder.parent / "docs" / "arkiv"))
    result["written"] = len(report.written)
    names = sorted(p for p in folder.glob("*.md"))
    text = names[10].read_text(encoding="utf-8").replace("council: fiktivt-raad", "council: fiktiv-raad", 1)
    names[10].write_text(text, encoding="utf-8")
    text = names[60].read_text(encoding="utf-8").replace("\\nplace:", "\\nplace: [", 1)
    names[60].write_text(text, encoding="utf-8")
    result["problems"] = problems(folder)
    result["names"] = [names[10].name, names[60].name]
print(json.dumps(result))
"""


def test_pages_and_problems_are_the_same_on_one_core_and_on_two():
    alone, together = in_fresh_process(SAME, jobs="1"), in_fresh_process(SAME, jobs="2")
    assert together == alone
    assert together["files"] > 3 * N
    assert together["generated"] == together["pages"] and together["written"] == together["files"] + 1  # + manifest
    council, yaml = together["names"]
    assert any(line.startswith(f"{council}:2: council: ukendt råd 'fiktiv-raad") for line in together["problems"])
    assert any(line.startswith(f"{yaml}:") and "YAML" in line for line in together["problems"])


FAILING = f"""
import json, os
from pathlib import Path
import tempfile
import arkiv.site.build
from arkiv.site.build import generate
from arkiv.tools.fiction import write_fictional_archive

real = arkiv.site.build.render_one
def render_one(task, archive):
    if task == ("person", "gorm-fiktivsen-7"):  # far into the tasks: the workers have written pages
        raise RuntimeError("render failed")
    return real(task, archive)

with tempfile.TemporaryDirectory() as tmp:
    project = Path(tmp)
    write_fictional_archive(project / "meetings", {N})
    generate(project)
    out = project / "docs" / "arkiv"
    before = {{p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}}
    (project / "meetings" / "fiktivt-raad-01-2006-02.md").write_text(
        (project / "meetings" / "fiktivt-raad-01-2006-02.md").read_text(encoding="utf-8") + "Tilføjet.\\n",
        encoding="utf-8")
    arkiv.site.build.render_one = render_one
    try:
        generate(project)
        error = None
    except Exception as failure:
        error = str(failure)
    after = {{p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}}
    print(json.dumps({{"error": error, "same": after == before, "files": len(after),
                      "left": sorted(p.name for p in (project / "docs").iterdir())}}))
"""


def test_a_page_that_fails_in_a_worker_leaves_the_folder_as_it_was():
    result = in_fresh_process(FAILING, jobs="2")
    assert result["error"] and "render failed" in result["error"]
    assert result["same"] and result["files"] > 3 * N
    assert result["left"] == ["arkiv"]  # no half-made staging folder beside it
