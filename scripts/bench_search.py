"""Search benchmark: what a visitor's browser fetches and waits for, Pagefind against Material.

    make bench-search                            # N = 1000 and 5000; writes bench/search-results.md
    SEARCH_BENCH_N="100" make bench-search       # any sizes
    MATERIAL_N="1000"                            # sizes that also get Material's search (default 1000)

For each N it builds a fictional archive twice – as the archive is built (Pagefind) and with
Material's own search plugin in its place – serves each on localhost, and for every query opens a
fresh headless chromium (empty cache) at a page with the search box, types the query as a person
would and records:

- bytes transferred from the page load to the first results (all requests, workers included:
  HTML, CSS, scripts, index), and the part of them fetched after the page had loaded;
- milliseconds from the last keystroke to the first results on screen.

Both sites are served by the same local server, which gzips text as static hosts do; the bytes
are what went over the wire.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from arkiv.tools.fiction import write_fictional_archive  # noqa: E402
from bench import BIN, ROOT, machine, project, run  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
# Words of the fictional archive (arkiv/tools/fiction.py): themes, an inflected form, a compound, a name.
QUERIES = ["opioider", "bandekonflikten", "fristaden", "nødopkald", "Fiktivsen"]

# How each search is driven: the page with the search box, how to reach the box, what a result is.
ENGINES = {
    "pagefind": {"path": "soeg/", "open": None, "box": "#arkiv-q", "result": "#arkiv-resultater > li"},
    "material": {"path": "", "open": None, "box": "input.md-search__input",
                 "result": ".md-search-result__item"},
}

WATCH = """(selector) => {
    window.__lastKey = 0; window.__first = 0;
    document.addEventListener('keyup', () => { window.__lastKey = performance.now(); window.__first = 0; }, true);
    new MutationObserver(() => {
        if (window.__lastKey && !window.__first && document.querySelector(selector))
            window.__first = performance.now();
    }).observe(document.body, {childList: true, subtree: true});
}"""


COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".txt", ".xml"}


class Gzipping(http.server.SimpleHTTPRequestHandler):
    """A static server as a host would be: text gzipped when the browser asks for it. Pagefind's
    index files are compressed by Pagefind itself and go out as they are."""

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix not in COMPRESSED or "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().do_GET()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def serve(folder: Path) -> tuple[str, http.server.HTTPServer]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Gzipping, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{httpd.server_address[1]}/", httpd


def material_config(site: Path) -> Path:
    """The archive's mkdocs.yml with Material's search plugin instead of Pagefind's header field."""
    text = (site / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("  custom_dir: overrides", "")
    text = text.replace("plugins: []", "plugins:\n  - search:\n      lang: da")
    text = text.replace("site_dir: site\n", "site_dir: site-material\n")
    config = site / "mkdocs-material.yml"
    config.write_text(text, encoding="utf-8")
    return config


def query(browser, base: str, engine: dict, words: str) -> dict:
    context = browser.new_context()
    page = context.new_page()
    sizes: list[tuple[float, int]] = []

    def finished(request):
        size = request.sizes()
        sizes.append((time.perf_counter(), size["responseBodySize"] + size["responseHeadersSize"]))

    page.on("requestfinished", finished)
    page.goto(base + engine["path"])
    page.wait_for_load_state("networkidle")
    loaded = time.perf_counter()
    page.evaluate(WATCH, engine["result"])
    if engine["open"]:
        page.locator(engine["open"]).first.click()
    page.locator(engine["box"]).press_sequentially(words, delay=60)
    page.wait_for_function("window.__first > 0", timeout=60_000)
    ms = page.evaluate("window.__first - window.__lastKey")
    page.wait_for_timeout(100)  # let the last responses of the first results report their sizes
    context.close()
    return {"bytes": sum(b for _, b in sizes), "after_load": sum(b for t, b in sizes if t > loaded), "ms": ms}


def measure(n: int, work: Path, with_material: bool, browser) -> list[dict]:
    meetings = write_fictional_archive(work / "fiction" / "meetings", n)
    site = project(work / "site-project", meetings)
    builds = {"pagefind": ([str(BIN / "mkdocs"), "build", "--strict"], site / "site")}
    if with_material:
        builds["material"] = ([str(BIN / "mkdocs"), "build", "-f", str(material_config(site))], site / "site-material")
    rows = []
    for name, (command, folder) in builds.items():
        seconds, _, _, _ = run(command, site)
        index_kb = sum(p.stat().st_size for p in (folder / ("pagefind" if name == "pagefind" else "search")).rglob("*")
                       if p.is_file()) / 1000
        base, httpd = serve(folder)
        try:
            results = [query(browser, base, ENGINES[name], q) for q in QUERIES]
        finally:
            httpd.shutdown()
        rows.append({
            "N": n, "engine": name, "build_s": seconds, "index_kb": index_kb,
            "kb_median": statistics.median(r["bytes"] for r in results) / 1000,
            "kb_max": max(r["bytes"] for r in results) / 1000,
            "query_kb_max": max(r["after_load"] for r in results) / 1000,
            "ms_median": statistics.median(r["ms"] for r in results),
            "ms_max": max(r["ms"] for r in results),
        })
        print(table(rows[-1:]), flush=True)
    return rows


COLUMNS = [("N", "{}"), ("engine", "{}"), ("build_s", "{:.1f}"), ("index_kb", "{:,.0f}"),
           ("kb_median", "{:,.0f}"), ("kb_max", "{:,.0f}"), ("query_kb_max", "{:,.0f}"),
           ("ms_median", "{:.0f}"), ("ms_max", "{:.0f}")]


def table(rows: list[dict]) -> str:
    lines = ["| " + " | ".join(name for name, _ in COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    lines += ["| " + " | ".join(fmt.format(row[name]) for name, fmt in COLUMNS) + " |" for row in rows]
    return "\n".join(lines)


def verdict(rows: list[dict]) -> str:
    """The bars of issue 5, checked on this run's figures."""
    ours = {row["N"]: row for row in rows if row["engine"] == "pagefind"}
    lines = []
    for n, row in sorted(ours.items()):
        lines.append(f"- N = {n:,}: first results in ≤ {row['ms_max']:.0f} ms (bar 1,000 ms: "
                     f"{'met' if row['ms_max'] <= 1000 else 'MISSED'}), ≤ {row['kb_max']:,.0f} KB from page load "
                     f"(bar 500 KB: {'met' if row['kb_max'] <= 500 else 'MISSED'}).")
    if 1000 in ours and 5000 in ours:
        ratio = ours[5000]["kb_max"] / ours[1000]["kb_max"]
        lines.append(f"- Growth of bytes per query 1,000 → 5,000: {ratio:.2f}× (bar 2×: {'met' if ratio <= 2 else 'MISSED'}).")
    for row in rows:
        if row["engine"] == "material" and row["N"] in ours:
            mine = ours[row["N"]]
            lines.append(f"- N = {row['N']:,}, Material's search against Pagefind: {row['kb_max'] / mine['kb_max']:.1f}× "
                         f"the bytes, {row['ms_median'] / mine['ms_median']:.1f}× the median time to first results.")
    return "\n".join(lines)


def main() -> None:
    from playwright.sync_api import sync_playwright

    sizes = [int(n) for n in os.environ.get("SEARCH_BENCH_N", "1000 5000").split()]
    material = {int(n) for n in os.environ.get("MATERIAL_N", "1000").split()}
    out = Path(os.environ.get("BENCH_OUT", ROOT / "bench" / "search-results.md"))
    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for n in sizes:
            rows += measure(n, Path(tmp) / str(n), n in material, browser)
        browser.close()
    report = "\n\n".join([
        "# Search benchmark results",
        f"Machine: {machine()}, Chromium headless. Run: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.",
        f"Queries, each in a fresh browser with an empty cache: {', '.join(QUERIES)}. `kb_*`: bytes "
        "transferred from page load to first results (all requests, text gzipped as a host serves it); `query_kb_max`: the part "
        "fetched after the page had loaded; `ms_*`: from the last keystroke to the first results on screen "
        "(Pagefind's page waits 150 ms after a keystroke before it searches; that is included). `index_kb`: "
        "the search index on disk; `build_s`: `mkdocs build` of that variant of the site.",
        table(rows), verdict(rows)]) + "\n"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(report, encoding="utf-8")
    print(f"\n{verdict(rows)}\nwritten to {out}")


if __name__ == "__main__":
    main()
