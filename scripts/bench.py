"""Scale benchmark: generation and build of fictional archives of N meetings.

    make bench                      # N = 100, 1000, 5000; writes bench/results.md
    BENCH_N="20" make bench         # any sizes, e.g. the smoke run the tests use
    BENCH_REPEAT=1 make bench       # one build of each site per size instead of two

For each N it measures, in one run on one machine (compare rows, not runs):
cold generation, an unchanged rerun and a one-meeting edit (time and files written), the MkDocs
build of the site and of N plain pages of the same text, site bytes, page sizes, and peak memory;
and what users wait for, each beside the cold `make site` of the same run: a save under `make serve`
until the page shows it (and how many rebuilds one save causes), and `make site` after one edit.
"""

from __future__ import annotations

import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from arkiv.tools.fiction import write_fictional_archive  # noqa: E402

BIN = Path(sys.executable).parent
REPEAT = int(os.environ.get("BENCH_REPEAT", "2"))  # builds of each site per N; the fastest counts
SETTLE = float(os.environ.get("BENCH_SETTLE", "5"))  # seconds after a save shows, for a second rebuild to begin
SAVES = int(os.environ.get("BENCH_SAVES", "3"))  # saves under `make serve`; the fastest counts
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT / "scripts"))


def run(args: list[str], cwd: Path) -> tuple[float, int, float, str]:
    """(seconds, peak memory in MB, CPU seconds, output) of a command, which must succeed. CPU time
    is user + system, on Linux including the processes it started and waited for.

    The disks are synced first: otherwise the write-back of what the previous step wrote (a
    fictional archive, a generated folder, a site) lands in this step's time (alternating cold
    generations of two versions of the code varied 5–9 s without it, 5–6 s with it)."""
    os.sync()
    start = time.perf_counter()
    process = subprocess.Popen(args, cwd=cwd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{output[-3000:]}")
    return seconds, usage.ru_maxrss // 1024, usage.ru_utime + usage.ru_stime, output


def written(output: str) -> int:
    return int(re.search(r"(\d+) filer skrevet", output).group(1))


def project(folder: Path, meetings: Path) -> Path:
    folder.mkdir(parents=True)
    for name in ("mkdocs.yml", "scripts", "docs", "overrides"):
        source = ROOT / name
        ignore = shutil.ignore_patterns("arkiv", "__pycache__") if name == "docs" else shutil.ignore_patterns("__pycache__")
        if source.is_dir():
            shutil.copytree(source, folder / name, ignore=ignore)
        else:
            shutil.copy2(source, folder / name)
    shutil.copytree(meetings, folder / "meetings")
    return folder


def bare_site(folder: Path, meetings: Path) -> Path:
    """N plain pages with the same text as the meetings, built with the same theme; the same search
    (Pagefind) is run over them in `measure`."""
    docs = folder / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("# Forside\n", encoding="utf-8")
    for path in sorted(meetings.glob("*.md")):
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
        (docs / path.name).write_text(f"# {path.stem}\n{body}", encoding="utf-8")
    (folder / "mkdocs.yml").write_text(
        "site_name: Bare\ntheme:\n  name: material\n  language: da\n  font: false\n"
        "nav:\n  - index.md\nplugins: []\n", encoding="utf-8")
    return folder


def measure(n: int, work: Path) -> dict:
    meetings = write_fictional_archive(work / "fiction" / "meetings", n)
    site = project(work / "site-project", meetings)
    python = str(BIN / "python")
    row: dict = {"N": n}
    # Cold generation, REPEAT times from nothing; the fastest counts, as for the builds below.
    # Each alternates with a cold generation without the cross-index, in a copy of the project
    # (its pages differ, but its input manifest would not).
    baseline = project(work / "no-xref-project", meetings)
    colds, no_xrefs, row["gen_mem_mb"] = [], [], 0
    for _ in range(REPEAT):
        shutil.rmtree(site / "docs" / "arkiv", ignore_errors=True)
        seconds, peak, _, out = run([python, "-m", "arkiv", "generate"], site)
        colds.append(seconds)
        row["gen_mem_mb"] = max(row["gen_mem_mb"], peak)  # the most any run needed, as for the build
        shutil.rmtree(baseline / "docs" / "arkiv", ignore_errors=True)
        no_xrefs.append(run([python, __file__, "no-xref", str(baseline)], baseline)[0])
    row["gen_cold_s"], row["gen_colds"] = min(colds), " / ".join(f"{s:.2f}" for s in colds)
    row["gen_cold_files"] = written(out)
    row["gen_no_xref_s"] = min(no_xrefs)
    row["gen_vs_no_xref"] = row["gen_cold_s"] / row["gen_no_xref_s"]
    _, _, _, out = run([python, __file__, "floor", str(site)], site)
    row["floor_s"] = float(re.search(r"floor ([\d.]+)", out).group(1))
    row["gen_vs_floor"] = row["gen_cold_s"] / row["floor_s"]
    row["gen_same_s"], _, _, out = run([python, "-m", "arkiv", "generate"], site)
    row["gen_same_files"] = written(out)
    edited = sorted((site / "meetings").glob("*.md"))[n // 2]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nEn fiktiv tilføjelse til benchmark.\n", encoding="utf-8")
    row["gen_edit_s"], _, _, out = run([python, "-m", "arkiv", "generate"], site)
    row["gen_edit_files"] = written(out)
    bare = bare_site(work / "bare-project", meetings)
    # The two builds alternate, REPEAT times each, and the fastest of each counts: on a shared
    # machine a slow spell can fall on either build of a single pair (one pair gave 1.91×, the
    # next 2.55×, for the same code).
    builds, bares, memory, cpu, bare_cpu = [], [], 0, [], []
    for _ in range(REPEAT):
        shutil.rmtree(site / "site", ignore_errors=True)
        seconds, peak, cpu_seconds, _ = run([str(BIN / "mkdocs"), "build", "--strict"], site)
        builds.append(seconds)
        cpu.append(cpu_seconds)
        memory = max(memory, peak)
        shutil.rmtree(bare / "site", ignore_errors=True)
        bare_build, _, build_cpu, _ = run([str(BIN / "mkdocs"), "build"], bare)
        bare_index, _, index_cpu, _ = run([python, "-m", "arkiv", "index", str(bare / "site")], bare)
        bares.append(bare_build + bare_index)
        bare_cpu.append(build_cpu + index_cpu)
    row["build_s"], row["build_mem_mb"], row["bare_build_s"] = min(builds), memory, min(bares)
    row["build_cpu_s"], row["bare_cpu_s"] = min(cpu), min(bare_cpu)
    row["cpu_vs_bare"] = row["build_cpu_s"] / row["bare_cpu_s"]
    row["builds"] = " / ".join(f"{a:.1f}÷{b:.1f}" for a, b in zip(builds, bares, strict=True))
    built = site / "site"
    files = [p for p in built.rglob("*") if p.is_file()]
    row["site_mb"] = sum(p.stat().st_size for p in files) / 1e6
    pages = {p.relative_to(built).as_posix(): p.stat().st_size for p in files if p.suffix == ".html"}
    meeting_pages = [size for path, size in pages.items() if path.startswith("arkiv/moeder/fiktivt")]
    row["meeting_kb_median"] = statistics.median(meeting_pages) / 1000
    row["meeting_kb_max"] = max(meeting_pages) / 1000
    largest = max(pages, key=pages.get)
    row["largest_kb"], row["largest"] = pages[largest] / 1000, largest
    row["gen_share_of_build"] = row["gen_cold_s"] / row["build_s"]
    row["build_vs_bare"] = row["build_s"] / row["bare_build_s"]
    waits(site, row)
    return row


def waits(site: Path, row: dict) -> None:
    """What a secretariat waits for, beside a cold `make site` (python -m arkiv site) in this run:
    `make site` after one edit, and under `make serve` a save until the page shows it (the
    fastest of three saves) and how many rebuilds each save caused."""
    python = str(BIN / "python")
    shutil.rmtree(site / "docs" / "arkiv", ignore_errors=True)
    shutil.rmtree(site / "site", ignore_errors=True)
    row["site_cold_s"] = run([python, "-m", "arkiv", "site"], site)[0]
    edited = sorted((site / "meetings").glob("*.md"))[len(list((site / "meetings").glob("*.md"))) // 3]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nEn anden fiktiv tilføjelse.\n", encoding="utf-8")
    row["site_edit_s"] = run([python, "-m", "arkiv", "site"], site)[0]
    row["site_edit_vs_cold"] = row["site_edit_s"] / row["site_cold_s"]
    saves, rebuilds = serve_saves(site, edited)
    row["serve_save_s"] = min(saves)
    row["serve_saves"] = " / ".join(f"{s:.2f}" for s in saves)
    row["serve_save_vs_cold"] = row["serve_save_s"] / row["site_cold_s"]
    row["serve_rebuilds_per_save"] = max(rebuilds)


def serve_saves(site: Path, meeting: Path, saves: int = SAVES) -> tuple[list[float], list[int]]:
    """`mkdocs serve --dirty` (make serve): for each save, the seconds until the page has the new
    text, and the rebuilds the save caused (counted SETTLE seconds after the page showed it)."""
    import urllib.request

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    log = site / "serve.log"
    server = subprocess.Popen([str(BIN / "mkdocs"), "serve", "--dirty", "-a", f"127.0.0.1:{port}"], cwd=site, env=ENV,
                              stdout=subprocess.DEVNULL, stderr=log.open("w"))
    url = f"http://127.0.0.1:{port}/arkiv/moeder/{meeting.stem}/"

    def page() -> str:
        try:
            with urllib.request.urlopen(url, timeout=120) as response:
                return response.read().decode("utf-8")
        except OSError:
            return ""
    try:
        deadline = time.monotonic() + 600
        while "Serving on" not in log.read_text() and time.monotonic() < deadline:
            time.sleep(0.2)
        times, rebuilds = [], []
        for number in range(saves):
            before = log.read_text().count("Building documentation")
            word = f"BENCHORD{number}"
            meeting.write_text(meeting.read_text(encoding="utf-8") + f"\n{word} i en fiktiv sætning.\n", encoding="utf-8")
            start = time.perf_counter()
            while word not in page():
                time.sleep(0.05)
            times.append(time.perf_counter() - start)
            time.sleep(SETTLE)  # a second rebuild, if the save set one off, has begun by now
            rebuilds.append(log.read_text().count("Building documentation") - before)
        return times, rebuilds
    finally:
        server.terminate()
        server.wait(timeout=30)


def floor(project: Path) -> None:
    """Print the seconds of the least work any generation of this archive does in Python: parse
    every meeting's YAML front matter (PyYAML's C parser, with no line map and no checks) and
    write the files the generator wrote (the same bytes), both on every core. Run in a fresh
    process after a generation; not counted: starting Python and reading the generated files,
    which are only this measurement's input."""
    import multiprocessing

    generated = project / "docs" / "arkiv"
    files = sorted((p.relative_to(generated).as_posix(), p.read_bytes()) for p in generated.rglob("*") if p.is_file())
    meetings = sorted((project / "meetings").glob("*.md"))
    out = project / ".floor"
    shutil.rmtree(out, ignore_errors=True)
    workers = len(os.sched_getaffinity(0))
    os.sync()
    start = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        assert all(pool.map(_parse_front_matter, meetings, chunksize=16))
        pool.map(_write_files, [(out, files[i::workers * 16]) for i in range(workers * 16)])
    print(f"floor {time.perf_counter() - start:.3f}")
    shutil.rmtree(out)


def no_xref(project: Path) -> None:
    """Generate the archive as `python -m arkiv generate` does, but with a cross-index that finds
    nothing: no theme's or person's list, no excerpt. What is left is everything else generation
    does (reading and checking, meeting pages, data, indexes, writing); the difference is what
    following themes and people costs."""
    from arkiv import load
    from arkiv.index import crossref
    from arkiv.site.build import generate

    def finds_nothing(meeting, finders):
        return crossref.MeetingIndex()

    load.index_meeting = crossref.index_meeting = finds_nothing  # before the workers are forked
    print(generate(project))


def _parse_front_matter(path: Path) -> bool:
    import yaml
    front = path.read_text(encoding="utf-8").split("\n---\n", 1)[0]
    return yaml.compose(front, Loader=yaml.CSafeLoader) is not None


def _write_files(task: tuple[Path, list[tuple[str, bytes]]]) -> None:
    out, files = task
    for rel, data in files:
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


COLUMNS = [
    ("N", "{}"), ("gen_cold_s", "{:.2f}"), ("gen_cold_files", "{}"), ("floor_s", "{:.2f}"), ("gen_vs_floor", "{:.1f}"),
    ("gen_no_xref_s", "{:.2f}"), ("gen_vs_no_xref", "{:.2f}"),
    ("gen_same_s", "{:.2f}"), ("gen_same_files", "{}"), ("gen_edit_s", "{:.2f}"), ("gen_edit_files", "{}"), ("gen_mem_mb", "{}"),
    ("build_s", "{:.1f}"), ("build_mem_mb", "{}"), ("bare_build_s", "{:.1f}"), ("build_vs_bare", "{:.2f}"),
    ("build_cpu_s", "{:.1f}"), ("bare_cpu_s", "{:.1f}"), ("cpu_vs_bare", "{:.2f}"),
    ("gen_share_of_build", "{:.0%}"), ("site_mb", "{:.1f}"), ("meeting_kb_median", "{:.1f}"),
    ("meeting_kb_max", "{:.1f}"), ("largest_kb", "{:.0f}"), ("largest", "{}"), ("gen_colds", "{}"), ("builds", "{}"),
    ("site_cold_s", "{:.1f}"), ("site_edit_s", "{:.1f}"), ("site_edit_vs_cold", "{:.0%}"),
    ("serve_save_s", "{:.2f}"), ("serve_save_vs_cold", "{:.0%}"), ("serve_rebuilds_per_save", "{}"), ("serve_saves", "{}"),
]


def table(rows: list[dict]) -> str:
    lines = ["| " + " | ".join(name for name, _ in COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    for row in rows:
        lines.append("| " + " | ".join(fmt.format(row[name]) for name, fmt in COLUMNS) + " |")
    return "\n".join(lines)


def growth(rows: list[dict]) -> str:
    by_n = {row["N"]: row for row in rows}
    if 1000 not in by_n or 5000 not in by_n:
        return ""
    a, b = by_n[1000], by_n[5000]
    keys = ["gen_cold_s", "build_s", "site_mb"]
    return "Growth 1,000 → 5,000 (bar ≤ 6×): " + ", ".join(f"{k} {b[k] / a[k]:.2f}×" for k in keys)


def machine() -> str:
    cpu = ""
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return (f"{platform.system()} {platform.release()}, {os.cpu_count()} CPUs ({cpu or platform.machine()}), "
            f"Python {platform.python_version()}")


def kept_notes(out: Path) -> str:
    """The notes written by hand below an earlier results table: everything from the file's
    first '## ' heading on, which a new run keeps under its own table."""
    try:
        text = out.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ""
    at = text.find("\n## ")
    return text[at + 1:] if at >= 0 else ""


def main() -> None:
    sizes = [int(n) for n in os.environ.get("BENCH_N", "100 1000 5000").split()]
    out = Path(os.environ.get("BENCH_OUT", ROOT / "bench" / "results.md"))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            rows.append(measure(n, Path(tmp) / str(n)))
            print(table(rows[-1:]), flush=True)
    report = "\n\n".join(x for x in [
        "# Benchmark results", f"Machine: {machine()}. Run: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.",
        "Times are wall-clock seconds of one run each; memory is peak RSS. `gen_*` is `python -m arkiv "
        "generate` (cold, unchanged rerun, after editing one meeting) with files written; the cold "
        f"generation runs {REPEAT} times from nothing and the fastest counts (`gen_colds` lists each); `build_s` is "
        "`mkdocs build --strict` of the generated site (with its Pagefind index, made by the hook), "
        "`floor_s` is the least work any generation does in Python (see `floor` in scripts/bench.py): "
        "parsing every meeting's YAML front matter and writing the generated files, on all cores. "
        "`gen_no_xref_s` is a cold generation whose cross-index finds nothing (no theme or person "
        "lists, no excerpts; `no_xref` in scripts/bench.py), run alternately with the cold "
        "generation, the fastest of each counting: what generation costs without following themes and people. "
        "`bare_build_s` `mkdocs build` of N plain pages of the same text plus their Pagefind index. "
        f"The two builds alternate {REPEAT} times and the fastest of each is shown; `builds` lists every "
        "pair (archive ÷ bare). `*_cpu_s` is the CPU time of the same builds (user + system, in all "
        "their processes: the build uses both cores, the bare build one), the least of the runs. "
        "`site_cold_s` is `make site` (python -m arkiv site: generation, build, search index, audit, "
        "swap) from nothing, `site_edit_s` the same after one meeting is edited; `serve_save_s` is the "
        "time from a save under `make serve` (mkdocs serve --dirty) until the meeting's page has the new "
        "text, the fastest of three saves (`BENCH_SAVES`; `serve_saves` lists each), and `serve_rebuilds_per_save` the "
        "most rebuilds one save caused; each ratio is to `site_cold_s` of the same run.",
        table(rows), growth(rows)] if x) + "\n"
    notes = kept_notes(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(report + ("\n" + notes if notes else ""), encoding="utf-8")
    print(f"\n{growth(rows)}\nwritten to {out}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["floor"]:
        floor(Path(sys.argv[2]))
    elif sys.argv[1:2] == ["no-xref"]:
        no_xref(Path(sys.argv[2]))
    else:
        main()
