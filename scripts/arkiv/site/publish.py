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
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .build import generate, published_contacts
from ..problems import InputError
from .audit import audit_site
from .writer import WriterError, exchange, recover

LOCK = ".site.lock"
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
    try:
        if builder == "zensical":
            _zensical_build(root, built, say)
        else:
            _mkdocs_build(root, built)
        _audit(root, built)
        recover(target)
        exchange(built, target)
    except (PublishError, OSError):
        # Whatever failed first (MkDocs, Pagefind's empty files, the audit), a disk with next to
        # nothing left is the cause to report: looked at before the new folder is removed.
        if shutil.disk_usage(target.parent).free < DISK_FULL:
            raise OSError(errno.ENOSPC, "disken er fuld") from None
        raise
    finally:
        shutil.rmtree(built, ignore_errors=True)


def _mkdocs_build(root: Path, built: Path) -> None:
    """`mkdocs build --strict` into `built`, in this process, with its messages on stderr."""
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
            build(config)
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


def _zensical_build(root: Path, built: Path, say) -> None:
    """`zensical build --strict --clean` into `built`, then the search index of what it built.

    Zensical takes the site folder from its configuration, and only inside the project: a copy of
    mkdocs.yml naming `built` is written beside it for the build, and removed after. `--clean`,
    because its cache otherwise keeps pages that generation has since changed."""
    import yaml

    from .search_index import SearchIndexError, index_site

    # Zensical builds only into the project; a site published elsewhere is built here and copied.
    inside = built if built.parent == root else Path(tempfile.mkdtemp(prefix=".site-new-zensical-", dir=root))
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    config["site_dir"] = inside.name
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


def _audit(root: Path, built: Path) -> None:
    findings = audit_site(built, published_contacts(root))
    if findings:
        lines = "\n".join(f"  {finding}" for finding in findings[:20])
        more = f"\n  … og {len(findings) - 20} til" if len(findings) > 20 else ""
        raise PublishError(f"det byggede site har {len(findings)} usikre steder og offentliggøres ikke:\n{lines}{more}")


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
