"""`make import-report` (issue 16): the importer over the corpus of referat layouts, measured."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import import_report  # noqa: E402


def test_the_report_covers_every_layout_and_adds_up(tmp_path):
    results = [import_report.evaluate(*case) for case in import_report.cases(tmp_path)]
    assert [r.layout[:2] for r in results] == ["1:", "2 ", "2:", "3:", "4:", "5 ", "5:", "6:", "7:"]
    # Two of them are real PDFs, made from the .cells.txt with each cell at its own position.
    assert sorted(p.name for p in tmp_path.glob("*.pdf")) == ["2-kolonner-pdf.pdf", "5-lokalraad-pdf.pdf"]
    # The first real meeting (layout 7) is drafted as curated: everything recognised.
    seed = results[-1]
    assert (seed.agenda, seed.participants, seed.absent, seed.date, seed.extra_people) == (
        (12, 12), (14, 14), (2, 2), (1, 1), 0)
    table = import_report.report(results)
    total = table.splitlines()[-1]
    agenda = sum(r.agenda[0] for r in results), sum(r.agenda[1] for r in results)
    assert f"{agenda[0]}/{agenda[1]}" in total
    assert len(table.splitlines()) == 2 + len(results) + 1


def test_the_report_runs_as_make_runs_it():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "import_report.py")], capture_output=True,
                            text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("| layout | råd uden COUNCIL= |") and "**i alt**" in result.stdout
