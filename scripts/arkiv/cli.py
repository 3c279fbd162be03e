"""Command line: `python -m arkiv check | generate | site | new | import | index | publish`."""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
from pathlib import Path

from .load import check_archive, load_archive
from .problems import InputError
from .site.audit import audit_site
from .site.build import MEETINGS_DIR, generate, published_contacts
from .site.search_index import SearchIndexError, index_site
from .site.writer import WriterError, exchange, recover
from .source.format import ID_HINT, ID_PATTERN
from .source.site_config import read_site_config
from .tools.followups import candidates
from .tools.template import new_meeting_text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="arkiv", description="Kredsrådsarkivets byggeværktøj.")
    parser.add_argument("--root", type=Path, default=Path("."), help="projektets rodmappe (standard: .)")
    commands = parser.add_subparsers(dest="command", required=True)
    strict_help = "advarsler tæller som fejl (bruges i CI)"
    check = commands.add_parser("check", help="tjek alle mødefiler uden at bygge")
    check.add_argument("--strict", action="store_true", help=strict_help)
    generate_cmd = commands.add_parser("generate", help="tjek mødefilerne og generér siderne i docs/arkiv/")
    generate_cmd.add_argument("--strict", action="store_true", help=strict_help)
    new = commands.add_parser("new", help="start en ny mødefil med rådets faste deltagere udfyldt")
    new.add_argument("meeting_id", help="mødets id = filnavn, fx koebenhavn-2025-2")
    new.add_argument("--council", required=True, help="rådets id fra councils.yml, fx koebenhavn")
    new.add_argument("--date", type=dt.date.fromisoformat, help="mødets dato, ÅÅÅÅ-MM-DD, hvis den kendes")
    publish = commands.add_parser("publish", help="sæt et færdigbygget site på plads i ét atomart skridt")
    publish.add_argument("built", type=Path, help="den nybyggede mappe, fx .site-new")
    publish.add_argument("site", type=Path, help="mappen, der offentliggøres, fx site")
    importer = commands.add_parser("import", help="lav et udkast til en mødefil ud fra et referat (PDF eller tekst)")
    importer.add_argument("file", type=Path, help="referatet, fx referat.pdf eller referat.txt, eller en mappe med referater")
    importer.add_argument("--council", help="rådets id fra councils.yml, hvis referatet ikke navngiver det")
    importer.add_argument("--id", dest="meeting_id", help="mødets id = filnavn (standard: <råd>-<år>-<nr>)")
    importer.add_argument("--year", type=int, help="mødets år, hvis referatet ikke angiver dato")
    importer.add_argument("--force", action="store_true", help="overskriv en eksisterende mødefil")
    site = commands.add_parser("site", help="tjek, generér, byg, kontrollér og offentliggør sitet (make site)")
    site.add_argument("site", type=Path, nargs="?", default=Path("site"), help="mappen, der offentliggøres (standard: site)")
    site.add_argument("--builder", choices=("mkdocs", "zensical"), default="mkdocs",
                      help="byggeværktøjet: MkDocs (standard) eller Zensical")
    index = commands.add_parser("index", help="byg søgeindekset (Pagefind) i et bygget site")
    index.add_argument("site", type=Path, help="det byggede site, fx site")
    commands.add_parser("follow-ups", help="vis sætninger i referaterne, der lover noget (make follow-ups); ændrer intet")
    args = parser.parse_args(argv)

    if args.command == "follow-ups":
        found = candidates(args.root / MEETINGS_DIR)
        for candidate in found:
            print(candidate)
        open_ = sum(1 for c in found if not c.recorded)
        print(f"{len(found)} sætninger ligner løfter; {open_} er ikke registreret under 'follow_ups:'. "
              "Intet er ændret.")
        return 0

    if args.command == "import":
        return _import(args, args.root / MEETINGS_DIR)
    if args.command == "index":
        return _index(args.site)
    if args.command == "site":
        from .site.publish import build_site

        return build_site(args.root, args.site, say=_say, builder=args.builder)
    if args.command == "publish":
        return _publish(args.built, args.site, args.root)
    if args.command == "new":
        return _new(args.root / MEETINGS_DIR, args.meeting_id, args.council, args.date)

    if args.command == "check":
        archive, problems = check_archive(args.root / MEETINGS_DIR, strict=args.strict)
        read_site_config(args.root, problems)  # who publishes: mkdocs.yml, extra.arkiv
        if problems.errors or (args.strict and len(problems)):
            archive = None
        for problem in problems:
            print(problem, file=sys.stderr)
        if archive is None:
            print(f"{len(problems.errors)} fejl fundet.", file=sys.stderr)
            return 1
        print(f"OK: {len(archive.meetings)} møder, {len(archive.people)} personer, "
              f"{len(archive.themes)} temaer.")
        return 0
    try:
        report = generate(args.root, strict=args.strict, warn=lambda p: print(p, file=sys.stderr))
    except InputError as exc:
        print(exc, file=sys.stderr)
        print(f"{len(exc.problems)} fejl fundet; intet er skrevet.", file=sys.stderr)
        return 1
    except WriterError as exc:
        print(f"fejl: {exc}", file=sys.stderr)
        return 1
    print(f"Genereret: {report}.")
    return 0


def _say(text: str, error: bool = False) -> None:
    print(text, file=sys.stderr if error else sys.stdout, flush=True)


def _import(args, meetings: Path) -> int:
    from .importer.draft import ImportFailure, UnreadableInput, import_file

    if args.meeting_id and not ID_PATTERN.match(args.meeting_id):
        print(f"fejl: '{args.meeting_id}' er ikke et gyldigt møde-id — {ID_HINT}", file=sys.stderr)
        return 2
    if args.file.is_dir():
        return _import_folder(args, meetings)
    try:
        report = import_file(args.file, meetings, council=args.council, meeting_id=args.meeting_id,
                             year=args.year, force=args.force)
    except (UnreadableInput, ImportFailure) as exc:
        print(f"fejl: {exc}", file=sys.stderr)
        return 1
    print(report)
    return 0


def _import_folder(args, meetings: Path) -> int:
    """`make import FILE=mappe/`: a back catalogue at once; nothing existing is overwritten."""
    from .importer.draft import ImportFailure, import_folder, summary

    if args.meeting_id or args.force:
        print("fejl: ID= (--id) og FORCE=1 (--force) gælder ét referat ad gangen, ikke en mappe; importér det "
              "referat for sig", file=sys.stderr)
        return 2
    try:
        results = list(import_folder(args.file, meetings, council=args.council, year=args.year))
    except ImportFailure as exc:
        print(f"fejl: {exc}", file=sys.stderr)
        return 1
    print(summary(results))
    return 1 if any(isinstance(result, str) for _, result in results) else 0


def _index(site: Path) -> int:
    try:
        print(f"Søgeindeks: {index_site(site)}.")
    except SearchIndexError as exc:
        print(f"fejl: {exc}", file=sys.stderr)
        return 1
    return 0


def _publish(built: Path, site: Path, root: Path) -> int:
    """Swap a finished build in place of site/, so a failed build never leaves site/ half-written;
    a build the site audit finds unsafe is refused (`make site` does all of this itself)."""
    if not (built / "index.html").is_file():
        print(f"fejl: {built} er ikke et færdigt site (index.html mangler)", file=sys.stderr)
        return 1
    findings = audit_site(built, published_contacts(root))
    if findings:
        for finding in findings:
            print(finding, file=sys.stderr)
        print(f"fejl: {built} har {len(findings)} usikre steder og offentliggøres ikke", file=sys.stderr)
        return 1
    recover(site)
    exchange(built, site)
    shutil.rmtree(built, ignore_errors=True)
    print(f"Offentliggjort: {site}/")
    return 0


def _new(meetings: Path, meeting_id: str, council: str, date) -> int:
    path = meetings / f"{meeting_id}.md"
    if not ID_PATTERN.match(meeting_id):
        print(f"fejl: '{meeting_id}' er ikke et gyldigt møde-id — {ID_HINT}", file=sys.stderr)
        return 1
    if path.exists():
        print(f"fejl: {path} findes allerede; vælg et andet id", file=sys.stderr)
        return 1
    try:
        archive = load_archive(meetings)
    except InputError as exc:
        print(f"{exc}\nRet fejlene i arkivet først.", file=sys.stderr)
        return 1
    if council not in archive.councils:
        print(f"fejl: ukendt råd '{council}' — vælg et af: {', '.join(sorted(archive.councils))}",
              file=sys.stderr)
        return 1
    with path.open("x", encoding="utf-8") as out:  # 'x': never overwrite a meeting file
        out.write(new_meeting_text(archive, council, date))
    print(f"Oprettet: {path}. Erstat hvert UDFYLD, og kør 'make check'.")
    return 0
