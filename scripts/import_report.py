"""`make import-report`: the importer over the corpus of referat layouts, against what a reader finds.

For each referat in tests/import_corpus/ (fictional, one per layout seen in real referater) and
the first real meeting's text (layout 7, with its curated meeting as what is expected), the
importer drafts a meeting into a temporary archive, and the draft is compared with the case's
`.expected.yml`: agenda items, participants and apologies recognised, the meeting's date, and how
many people were drafted that are not in the referat's lists (a sentence turned into a person is
one of them). Prints a table per layout and the totals; nothing in the project is written.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from arkiv.danish import slugify  # noqa: E402
from arkiv.importer.draft import ImportFailure, UnreadableInput, import_file  # noqa: E402
from arkiv.load import load_archive  # noqa: E402

CORPUS = ROOT / "tests" / "import_corpus"
FIXTURE = ROOT / "tests" / "fixture" / "meetings"
REGISTRIES = ("councils.yml", "people.yml", "themes.yml")


@dataclass
class Result:
    layout: str
    agenda: tuple[int, int]  # (recognised, expected)
    participants: tuple[int, int]
    absent: tuple[int, int]
    date: tuple[int, int]
    extra_people: int  # drafted people who are in neither of the referat's lists
    council: tuple[int, int] = (0, 1)  # recognised from the referat alone, without COUNCIL=
    titles: tuple[int, int] = (0, 0)   # agenda titles as the referat writes them, where the case lists them
    failure: str = ""
    drafted_council: str | None = None


def _ids(names) -> set[str]:
    return {slugify(name) for name in names}


def evaluate(referat: Path, expected: dict, registries: Path) -> Result:
    """Draft `referat` against the registries in `registries` and compare it with `expected`:
    once without the council (is it recognised?), then with it, as the secretariat would run
    `make import FILE=… COUNCIL=…` (what else is recognised?)."""
    alone = _draft(referat, {**expected, "council_given": None}, registries)
    given = _draft(referat, {**expected, "council_given": expected["council"]}, registries)
    given.council = (int(not alone.failure and alone.drafted_council == expected["council"]), 1)
    return given


def _draft(referat: Path, expected: dict, registries: Path) -> Result:
    layout = expected["layout"]
    want_agenda, want_present, want_absent = set(expected["agenda"]), _ids(expected["participants"]), \
        _ids(expected["absent"])
    none = Result(layout, (0, len(want_agenda)), (0, len(want_present)), (0, len(want_absent)), (0, 1), 0)
    with tempfile.TemporaryDirectory() as folder:
        meetings = Path(folder) / "meetings"
        meetings.mkdir()
        for name in REGISTRIES:
            shutil.copy(registries / name, meetings / name)
        try:
            report = import_file(referat, meetings, council=expected.get("council_given"),
                                 year=expected.get("year_given"))
        except (ImportFailure, UnreadableInput) as exc:
            none.failure = " ".join(str(exc).split())[:120]
            return none
        front = yaml.safe_load(report.meeting.read_text(encoding="utf-8").split("\n---", 1)[0].lstrip("-\n"))
    agenda = {str(entry.get("number")) for entry in front.get("agenda") or []}
    present = {entry.get("person") for entry in front.get("participants") or []}
    absent = {entry.get("person") for entry in front.get("absent") or []}
    date = front.get("date")
    date = date.isoformat() if isinstance(date, dt.date) else date
    wanted_date = expected.get("date")
    wanted_date = wanted_date.isoformat() if isinstance(wanted_date, dt.date) else wanted_date
    result = Result(layout, (len(agenda & want_agenda), len(want_agenda)),
                    (len(present & want_present), len(want_present)), (len(absent & want_absent), len(want_absent)),
                    (int(date == wanted_date), 1), len((present | absent) - want_present - want_absent))
    result.drafted_council = front.get("council")
    titles = [str(t) for t in expected.get("titles") or []]
    drafted = {str(entry.get("number")): entry.get("title") for entry in front.get("agenda") or []}
    # No titles listed for a case: nothing to count (zip stops at the shorter list on purpose).
    result.titles = (sum(drafted.get(n) == t for n, t in zip(expected["agenda"], titles, strict=False)), len(titles))
    return result


def seed_case() -> tuple[Path, dict, Path]:
    """The first real meeting (layout 7): its text, what its curated meeting holds, its registries."""
    curated = load_archive(FIXTURE).meeting("koebenhavn-2025-1")
    people = load_archive(FIXTURE).people
    expected = {
        "layout": "7: det første møde (to kolonner af »Titel Navn«)",
        "council": curated.council, "council_given": curated.council, "date": None,
        "agenda": [entry.number for entry in curated.agenda],
        "participants": [people[a.person].name for a in curated.participants],
        "absent": [people[a.person].name for a in curated.absent],
    }
    return FIXTURE / curated.source.file, expected, FIXTURE


def cases(pdf_folder: Path) -> list[tuple[Path, dict, Path]]:
    """Every referat of the corpus; a `.cells.txt` is made into a real PDF first (in `pdf_folder`),
    its cells set at their own positions so that only their places tell them apart."""
    found = []
    for path in sorted(CORPUS.glob("*.txt")):
        stem = path.name.removesuffix(".cells.txt").removesuffix(".txt")
        expected = yaml.safe_load((CORPUS / f"{stem}.expected.yml").read_text(encoding="utf-8"))
        if path.name.endswith(".cells.txt"):
            pdf = pdf_folder / f"{stem}.pdf"
            pdf.write_bytes(cells_pdf(path.read_text(encoding="utf-8")))
            path = pdf
        found.append((path, expected, CORPUS))
    return found + [seed_case()]


def cells_pdf(text: str) -> bytes:
    """A PDF of `text` where each tab-separated cell starts at its column's own position."""
    sys.path.insert(0, str(ROOT / "tests"))
    from pdfmaker import make_pdf

    rows = [line.split("\t") for line in text.rstrip("\n").split("\n")]
    widths: dict[int, int] = {}
    for row in rows:
        if len(row) > 1:
            for k, cell in enumerate(row):
                widths[k] = max(widths.get(k, 0), len(cell))
    xs = [50]
    for k in range(max(widths, default=0)):
        xs.append(xs[-1] + int(widths[k] * 5.6) + 24)
    lines = [[(xs[k], cell) for k, cell in enumerate(row)] if len(row) > 1 else row[0] for row in rows]
    return make_pdf([lines[i:i + 50] for i in range(0, len(lines), 50)])


def _cell(pair: tuple[int, int]) -> str:
    return f"{pair[0]}/{pair[1]}"


def report(results: list[Result]) -> str:
    lines = ["| layout | råd uden COUNCIL= | dagsorden | titler | deltagere | afbud | dato | personer uden for listerne |",
             "|---|---|---|---|---|---|---|---|"]
    for r in results:
        note = f" (fejl: {r.failure})" if r.failure else ""
        lines.append(f"| {r.layout}{note} | {_cell(r.council)} | {_cell(r.agenda)} | {_cell(r.titles) if r.titles[1] else '–'} | {_cell(r.participants)} | "
                     f"{_cell(r.absent)} | {_cell(r.date)} | {r.extra_people} |")
    totals = [tuple(map(sum, zip(*(getattr(r, key) for r in results), strict=True))) for key in
              ("council", "agenda", "titles", "participants", "absent", "date")]
    percent = [f"{_cell(t)} ({100 * t[0] / t[1]:.0f} %)" if t[1] else _cell(t) for t in totals]
    lines.append(f"| **i alt** | {' | '.join(percent)} | {sum(r.extra_people for r in results)} |")
    return "\n".join(lines)


PAIRS = ROOT / "tests" / "name_pairs.yml"


def name_pairs() -> str:
    """The near-spelling rule on tests/name_pairs.yml, beside the rule it replaced (a difflib ratio
    of 0.85 over the whole name): spellings of one name found, different people's names confused."""
    import difflib

    from arkiv.danish import similar_names

    pairs = yaml.safe_load(PAIRS.read_text(encoding="utf-8"))
    rules = {"samme navn (danish.similar_names)": similar_names,
             "hele navnet, difflib ≥ 0.85 (før)": lambda a, b: difflib.SequenceMatcher(None, a.lower(), b.lower()).ratio() >= 0.85}
    lines = ["| regel for »nær stavemåde« | samme navn genkendt | forskellige personer forvekslet |", "|---|---|---|"]
    for name, rule in rules.items():
        same = sum(rule(a, b) for a, b in pairs["same"])
        wrong = sum(rule(a, b) for a, b in pairs["different"])
        lines.append(f"| {name} | {same}/{len(pairs['same'])} | {wrong}/{len(pairs['different'])} |")
    return "\n".join(lines)


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        results = [evaluate(*case) for case in cases(Path(folder))]
    print(report(results))
    print()
    print(name_pairs())
    return 0


if __name__ == "__main__":
    sys.exit(main())
