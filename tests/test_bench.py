"""A small-N smoke run of the scale benchmark, so that `make bench` cannot rot."""

import os
import subprocess
import sys

from conftest import ROOT


def test_bench_smoke_run(tmp_path):
    out = tmp_path / "results.md"
    env = dict(os.environ, BENCH_N="12", BENCH_OUT=str(out))
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "bench.py")], env=env,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    report = out.read_text(encoding="utf-8")
    row = next(line for line in report.splitlines() if line.startswith("| 12 |"))
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    header = next(line for line in report.splitlines() if line.startswith("| N |"))
    values = dict(zip([c.strip() for c in header.strip("|").split("|")], cells))
    assert values["gen_same_files"] == "0"  # an unchanged rerun writes nothing
    assert 0 < int(values["gen_edit_files"]) < int(values["gen_cold_files"])
    assert float(values["meeting_kb_max"]) < 60
    assert "Machine: Linux" in report
