"""`make site`: check and generate, build, index for search, audit, and publish – all or nothing.

The builder is MkDocs (the default, `make site`) or Zensical, Material's successor (`make site
BUILDER=zensical`). Both read mkdocs.yml and build the same pages: generation runs here first, so
no builder needs the hook. MkDocs still runs the hook (which finds the pages up to date and
indexes each page for search as it is built); for Zensical, which runs no hooks, the search index
is made here afterwards from the built site.

The site is built into a folder of its own beside site/ (a fresh name per run), audited
(arkiv/site/audit.py), and only then put in place of site/ in one atomic exchange. A run that
fails at any step – bad input, a broken link, a full disk, an unsafe page – leaves site/ as it
was and says why in one line or one line per problem, never with a traceback. Two runs at once
(two terminals, or CI and a person) take turns: the second waits for the first's lock.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from ..problems import InputError
from .audit import audit_site
from .build import GENERATED, front_page_changed, generate, hash_files, published_contacts
from .writer import WriterError, exchange, recover

LOCK = ".site.lock"
LAST_BUILD = ".site.json"  # what the published site was built from (see `_reuse`), beside the lock
BUILDERS = ("mkdocs", "zensical")
DISK_FULL = 2 * 1024 * 1024  # free bytes below which a failed build is reported as a full disk


class PublishError(Exception):
    """A build that must not be published; the message says why in Danish."""


@contextlib.contextmanager
def one_at_a_time(root: Path, say):
    """Hold the project's site lock; a second run waits, and says that it waits."""
    handle = os.open(root / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            say("venter: et andet 'make site' bygger sitet …")
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)


def build_site(root: Path, target: Path, say=print, builder: str = "mkdocs") -> int:
    """Build and publish the site of the project at `root` into `target` with `builder`; the exit code."""
    root, target = Path(root).resolve(), Path(target)
    if not target.is_absolute():
        target = root / target
    try:
        if builder not in BUILDERS:
            raise PublishError(f"ukendt byggeværktøj '{builder}'; vælg BUILDER=mkdocs eller BUILDER=zensical")
        with one_at_a_time(root, say):
            _build(root, target, say, builder)
    except InputError as exc:
        for problem in exc.problems:
            say(str(problem), error=True)
        say(f"{len(exc.problems)} fejl fundet; intet er bygget, {target.name}/ er uændret.", error=True)
        return 1
    except (PublishError, WriterError) as exc:
        say(f"fejl: {exc}", error=True)
        return 1
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            say(f"fejl: disken er fuld; intet er offentliggjort, {target.name}/ er uændret. Frigør plads, og kør igen.",
                error=True)
        else:
            say(f"fejl: {exc.strerror or exc}: {exc.filename or ''}; {target.name}/ er uændret.", error=True)
        return 1
    except Exception as exc:  # noqa: BLE001 — one line, never a traceback; ARKIV_DEBUG=1 shows it
        if os.environ.get("ARKIV_DEBUG"):
            raise
        say(f"fejl: uventet fejl under bygningen ({type(exc).__name__}: {exc}); {target.name}/ er uændret. "
            "Kør med ARKIV_DEBUG=1 for detaljer.", error=True)
        return 1
    say(f"Offentliggjort: {target.name}/")
    return 0


def _build(root: Path, target: Path, say, builder: str) -> None:
    for stale in target.parent.glob(".site-new-*"):  # left by a run that was killed; we hold the lock
        shutil.rmtree(stale, ignore_errors=True)
    report = generate(root, warn=lambda problem: say(str(problem), error=True))
    say(f"Genereret: {report}.")
    built = Path(tempfile.mkdtemp(prefix=".site-new-", dir=target.parent))
    build = _build_inputs(root, builder)
    try:
        allowed = published_contacts(root)
        if builder == "zensical":
            _zensical_build(root, built, say)
            _audit(built, allowed)
        else:
            last = _last_build(root, target, build)
            previous = _reuse(target, built, report) if last is not None else None
            _mkdocs_build(root, built, dirty=previous is not None)
            # Files equal to the site published before were audited then – if under the same contacts.
            _audit(built, allowed, previous if last == sorted(allowed) else None)
        recover(target)
        exchange(built, target)
        # Recorded only once it is published: the next run reuses what this one audited.
        (root / LAST_BUILD).write_text(json.dumps({"inputs": build, "site": str(target), "allowed": sorted(allowed)}),
                                       encoding="utf-8")
    except (PublishError, OSError):
        # Whatever failed first (MkDocs, Pagefind's empty files, the audit), a disk with next to
        # nothing left is the cause to report: looked at before the new folder is removed.
        if shutil.disk_usage(target.parent).free < DISK_FULL:
            raise OSError(errno.ENOSPC, "disken er fuld") from None
        raise
    finally:
        shutil.rmtree(built, ignore_errors=True)


def _build_inputs(root: Path, builder: str) -> str:
    """A hash of everything but the generated pages that makes every page the same: the builder,
    its configuration, the theme overrides, the hand-written pages and the pipeline's code."""
    digest = hashlib.sha256(builder.encode())
    for part in ("mkdocs.yml", "overrides", "docs", "scripts"):
        if (root / part).exists():
            hash_files(digest, root, root / part, skip=lambda relative: relative.parts[:2] == ("docs", GENERATED))
    return digest.hexdigest()


def _last_build(root: Path, target: Path, build: str) -> list[str] | None:
    """The contacts the published site in `target` was audited under, when it was built by this
    builder from the same everything-but-the-pages (`_build_inputs`); None when it was not."""
    try:
        last = json.loads((root / LAST_BUILD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if last.get("inputs") != build or last.get("site") != str(target) or not (target / "index.html").is_file():
        return None
    return last.get("allowed")


def _reuse(target: Path, built: Path, report) -> Path:
    """After one edit, build only what changed: the published site is copied into `built` (times
    kept), and MkDocs' dirty build writes only the pages whose generated files are newer. Returns
    the site reused."""
    shutil.rmtree(built)
    shutil.copytree(target, built, symlinks=True, ignore=shutil.ignore_patterns("pagefind"))
    if front_page_changed(report):
        (built / "index.html").unlink(missing_ok=True)
    return target


def _mkdocs_build(root: Path, built: Path, dirty: bool = False) -> None:
    """`mkdocs build --strict` into `built`, in this process, with its messages on stderr; with
    `dirty`, only the pages whose source is newer than their page in `built` are built again."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    errors = _ErrorLines()
    logger = logging.getLogger("mkdocs")
    handlers = [errors, _stderr_handler()]
    for handler in handlers:
        logger.addHandler(handler)
    level = logger.level
    logger.setLevel(logging.INFO)
    try:
        with _in_folder(root):
            config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(built), strict=True)
            if dirty:
                logging.getLogger("mkdocs.commands.build").addFilter(_not_the_dirty_warning)
            build(config, dirty=dirty)
    except MkDocsException as exc:
        raise PublishError("; ".join(errors.lines) or str(exc)) from None
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise
        raise PublishError(f"{exc.strerror or exc}: {exc.filename or ''}") from None
    except Exception as exc:  # a hook's or a plugin's error: reported in one line
        raise PublishError("; ".join(errors.lines) or f"{type(exc).__name__}: {exc}") from None
    finally:
        for handler in handlers:
            logger.removeHandler(handler)
        logger.setLevel(level)
        logging.getLogger("mkdocs.commands.build").removeFilter(_not_the_dirty_warning)


def _not_the_dirty_warning(record) -> bool:
    # MkDocs warns that a dirty build may leave the navigation stale; the navigation is the index
    # pages only, which generation rewrites whenever they change, so they are built again.
    return "'dirty' build is being performed" not in record.getMessage()


def _zensical_build(root: Path, built: Path, say) -> None:
    """`zensical build --strict --clean` into `built`, then the search index of what it built.

    Zensical takes the site folder from its configuration, and only inside the project: a copy of
    mkdocs.yml naming `built` is written beside it for the build, and removed after. `--clean`,
    because its cache otherwise keeps pages that generation has since changed."""
    import yaml

    from ..source.site_config import template_values
    from .search_index import SearchIndexError, index_site

    # Zensical builds only into the project; a site published elsewhere is built here and copied.
    inside = built if built.parent == root else Path(tempfile.mkdtemp(prefix=".site-new-zensical-", dir=root))
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    config["site_dir"] = inside.name
    config.setdefault("extra", {}).setdefault("arkiv", {}).update(template_values(root))  # as the hook does
    settings = root / f"{inside.name}.zensical.yml"
    settings.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    command = Path(sys.executable).with_name("zensical")
    try:
        result = subprocess.run([str(command), "build", "--strict", "--clean", "-f", settings.name],
                                cwd=root, capture_output=True, text=True)
        if result.returncode != 0 or not (inside / "index.html").is_file():
            said = " ".join((result.stderr or result.stdout).split())[:2000]
            raise PublishError(f"zensical kunne ikke bygge sitet: {said or f'kode {result.returncode}'}")
        # Zensical's own search index, which this site does not use (its search is Pagefind's):
        # its text runs table cells together into numbers that read as phone numbers.
        (inside / "search.json").unlink(missing_ok=True)
        if inside != built:
            shutil.copytree(inside, built, dirs_exist_ok=True)
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise
        raise PublishError(f"zensical kan ikke køres ({exc.strerror or exc}); den installeres af `make site`") from None
    finally:
        settings.unlink(missing_ok=True)
        if inside != built:
            shutil.rmtree(inside, ignore_errors=True)
    try:
        say(f"Søgeindeks: {index_site(built)}.")
    except SearchIndexError as exc:
        raise PublishError(str(exc)) from None


def _audit(built: Path, allowed: frozenset[str], previous: Path | None = None) -> None:
    """The audit of the new site; with `previous` (a site audited under the same contacts), of the
    files that differ from it only."""
    only = {rel for rel in _files(built) if not _same_file(built / rel, previous / rel)} if previous else None
    findings = audit_site(built, allowed, only=only)
    if findings:
        lines = "\n".join(f"  {finding}" for finding in findings[:20])
        more = f"\n  … og {len(findings) - 20} til" if len(findings) > 20 else ""
        raise PublishError(f"det byggede site har {len(findings)} usikre steder og offentliggøres ikke:\n{lines}{more}")


def _files(site: Path) -> list[str]:
    return [p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() or p.is_symlink()]


def _same_file(a: Path, b: Path) -> bool:
    try:
        return not a.is_symlink() and a.stat().st_size == b.stat().st_size and a.read_bytes() == b.read_bytes()
    except OSError:
        return False


class _ErrorLines(logging.Handler):
    """The build's error messages, kept for the one-line summary of a failed build."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.lines: list[str] = []

    def emit(self, record):
        self.lines.append(" ".join(record.getMessage().split())[:2000])


def _stderr_handler() -> logging.Handler:
    """Warnings as MkDocs prints them; errors are printed once, in the run's summary."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.WARNING)
    handler.addFilter(lambda record: record.levelno < logging.ERROR)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    return handler


@contextlib.contextmanager
def _in_folder(folder: Path):
    # mkdocs.yml's relative paths (hooks, docs_dir, watch) are relative to the working folder.
    previous = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(previous)
