"""A small-N smoke run of the scale benchmark, so that `make bench` cannot rot."""

import os
import re
import subprocess
import sys

from conftest import ROOT


def test_bench_smoke_run(tmp_path):
    out = tmp_path / "results.md"
    out.write_text("# Benchmark results\n\n| N | old row |\n\n## Notes\n\nWritten by hand.\n", encoding="utf-8")
    env = dict(os.environ, BENCH_N="12", BENCH_OUT=str(out), BENCH_SETTLE="2", BENCH_SAVES="1")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "bench.py")], env=env,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    report = out.read_text(encoding="utf-8")
    row = next(line for line in report.splitlines() if line.startswith("| 12 |"))
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    header = next(line for line in report.splitlines() if line.startswith("| N |"))
    values = dict(zip([c.strip() for c in header.strip("|").split("|")], cells, strict=True))
    assert values["gen_same_files"] == "0"  # an unchanged rerun writes nothing
    assert 0 < int(values["gen_edit_files"]) < int(values["gen_cold_files"])
    assert float(values["meeting_kb_max"]) < 60
    assert float(values["build_cpu_s"]) > 0 and float(values["bare_cpu_s"]) > 0
    assert 0 < float(values["floor_s"]) and float(values["gen_vs_floor"]) > 0
    assert 0 < float(values["gen_no_xref_s"]) and float(values["gen_vs_no_xref"]) > 0
    # What users wait for, measured in the same run: one rebuild per save, the page shown.
    assert values["serve_rebuilds_per_save"] == "1"
    assert 0 < float(values["serve_save_s"]) and 0 < float(values["site_edit_s"]) and float(values["site_cold_s"]) > 0
    assert "Machine: Linux" in report
    assert report.endswith("\n## Notes\n\nWritten by hand.\n") and "old row" not in report  # notes kept


def test_search_bench_smoke_run(tmp_path, browser):
    # `browser` only for its check that chromium is there (and a failure in CI when it is not).
    out = tmp_path / "search.md"
    env = dict(os.environ, SEARCH_BENCH_N="12", MATERIAL_N="12", BENCH_OUT=str(out), SEARCH_QUALITY_LIMIT="3")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "bench_search.py")], env=env,
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    report = out.read_text(encoding="utf-8")
    rows = {line.split("|")[2].strip(): [c.strip() for c in line.strip("|").split("|")]
            for line in report.splitlines() if line.startswith("| 12 |")}
    assert set(rows) == {"pagefind", "material"}
    header = [c.strip() for c in next(line for line in report.splitlines() if line.startswith("| N |")).strip("|").split("|")]
    pagefind, material = (dict(zip(header, rows[name], strict=True)) for name in ("pagefind", "material"))
    # Something was fetched and something was found, in both engines.
    for values in (pagefind, material):
        assert float(values["kb_max"].replace(",", "")) > 0 and float(values["ms_max"]) > 0
    assert float(pagefind["query_kb_max"].replace(",", "")) > 0  # Pagefind fetches its index as needed
    # The quality part asked its queries over the fixture and reported where the results came.
    assert re.search(r"- Right result first: \d of 3 queries", report), report
    assert re.search(r"- Misspellings leading to the result meant \(in the first five\): \d of 3", report), report
    assert "N = 12: first results " in report
