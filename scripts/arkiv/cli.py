"""Command line: `python -m arkiv check` and `python -m arkiv generate`."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from .build import MEETINGS_DIR, generate
from .load import check_archive
from .problems import InputError
from .writer import WriterError, exchange, recover


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="arkiv", description="Kredsrådsarkivets byggeværktøj.")
    parser.add_argument("--root", type=Path, default=Path("."), help="projektets rodmappe (standard: .)")
    commands = parser.add_subparsers(dest="command", required=True)
    strict_help = "advarsler tæller som fejl (bruges i CI)"
    check = commands.add_parser("check", help="tjek alle mødefiler uden at bygge")
    check.add_argument("--strict", action="store_true", help=strict_help)
    generate_cmd = commands.add_parser("generate", help="tjek mødefilerne og generér siderne i docs/arkiv/")
    generate_cmd.add_argument("--strict", action="store_true", help=strict_help)
    publish = commands.add_parser("publish", help="sæt et færdigbygget site på plads i ét atomart skridt")
    publish.add_argument("built", type=Path, help="den nybyggede mappe, fx .site-new")
    publish.add_argument("site", type=Path, help="mappen, der offentliggøres, fx site")
    args = parser.parse_args(argv)

    if args.command == "publish":
        return _publish(args.built, args.site)

    if args.command == "check":
        archive, problems = check_archive(args.root / MEETINGS_DIR, strict=args.strict)
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


def _publish(built: Path, site: Path) -> int:
    """Swap a finished build in place of site/, so a failed build never leaves site/ half-written."""
    if not (built / "index.html").is_file():
        print(f"fejl: {built} er ikke et færdigt site (index.html mangler)", file=sys.stderr)
        return 1
    recover(site)
    exchange(built, site)
    shutil.rmtree(built, ignore_errors=True)
    print(f"Offentliggjort: {site}/")
    return 0
