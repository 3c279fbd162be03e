"""MkDocs hook: regenerate docs/arkiv/ from meetings/ before each build, index the site for search.

The logic lives in the `arkiv` package (runnable alone as `python -m arkiv generate` and
`python -m arkiv index site`); this hook only calls it, so `mkdocs build` and `mkdocs serve` need
no separate step. Unchanged pages are not rewritten, so `mkdocs serve` does not loop on its own
output. Each page goes to the search index as it is rendered (arkiv/site/search_index.py, LiveIndex).
Under `mkdocs serve` generation is the incremental preview, and a broken save is shown in the
browser instead of stopping the server (arkiv/site/serve.py).
"""

import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import InclusionLevel  # noqa: E402

from arkiv.problems import InputError  # noqa: E402
from arkiv.site.build import GENERATED, Preview, front_page_changed, generate  # noqa: E402
from arkiv.site.markdown_gates import PreprocessorsOnlyWhereNeeded  # noqa: E402
from arkiv.site.parallel_markdown import convert_pages  # noqa: E402
from arkiv.site.rawhtml import RawHtmlBlocks  # noqa: E402
from arkiv.site.search_index import LiveIndex, SearchIndexError, index_site  # noqa: E402
from arkiv.site.serve import index_in_background, rewatch, show_problems  # noqa: E402
from arkiv.site.writer import WriterError  # noqa: E402
from arkiv.source.site_config import template_values  # noqa: E402

log = logging.getLogger("mkdocs.hooks.arkiv")


def on_config(config, **kwargs):
    # The generated pages' HTML lists skip Python-Markdown's HTML parser (see arkiv/site/rawhtml.py),
    # and the preprocessors that scan every page run only where there is something for them to do
    # (arkiv/site/markdown_gates.py).
    config.markdown_extensions.append(RawHtmlBlocks())
    config.markdown_extensions.append(PreprocessorsOnlyWhereNeeded())
    # The footer's update date (overrides/partials/copyright.html): the last change to meetings/.
    arkiv = config.extra.setdefault("arkiv", {})
    arkiv.update(template_values(Path(config.config_file_path).parent))
    return config


_serving = False
_preview = Preview()
_problems: list = []  # under serve: the problems of the last save, shown on every page


def on_startup(command, dirty, **kwargs):
    global _serving
    _serving = command == "serve"
    if _serving and dirty:
        # `make serve` is `mkdocs serve --dirty` (only what changed is built again): MkDocs warns
        # that dirty builds may leave navigation stale, which `strict: true` would make an error.
        # The navigation is only the index pages, which are built again whenever they change.
        logging.getLogger("mkdocs.commands.build").addFilter(_not_the_dirty_warning)


def _not_the_dirty_warning(record) -> bool:
    return "'dirty' build is being performed" not in record.getMessage()


def on_serve(server, config, builder, **kwargs):
    rewatch(server, config.docs_dir, GENERATED)
    show_problems(server, _problems)
    return server


def on_pre_build(config, **kwargs):
    root = Path(config.config_file_path).resolve().parent
    if _serving:
        _preview_generate(root, config)
        return
    try:
        # Warnings (e.g. a phone number) are publishable: logged at INFO so that
        # `mkdocs build --strict` does not fail on them. `python -m arkiv check --strict` does.
        generate(root, warn=lambda problem: log.info(str(problem)))
    except InputError as exc:
        raise PluginError(f"mødefilerne har {len(exc.problems)} fejl; intet er skrevet:\n{exc}") from None
    except WriterError as exc:
        raise PluginError(str(exc)) from None


def _preview_generate(root: Path, config) -> None:
    """The preview's generation: the last good pages stay when a save breaks the archive."""
    try:
        report = _preview.generate(root, warn=lambda problem: log.info(str(problem)))
    # Printed, not logged: a logged error would fail the rebuild (`strict: true`), and a failed
    # rebuild leaves the browser waiting; the pages show the problems instead (site/serve.py).
    except InputError as exc:
        _problems[:] = list(exc.problems)
        print(f"mødefilerne har {len(exc.problems)} fejl; siderne er som før:\n{exc}", file=sys.stderr)
        return
    except WriterError as exc:
        _problems[:] = [exc]
        print(f"fejl: {exc}", file=sys.stderr)
        return
    _problems.clear()
    if front_page_changed(report):  # under --dirty a page is built again only when its output is gone
        (Path(config.site_dir) / "index.html").unlink(missing_ok=True)


def on_nav(nav, config, files, **kwargs):
    # Every page's Markdown converted on all cores before MkDocs renders the pages one by one.
    converted = convert_pages(config, files)
    if converted:
        log.info("Markdown: %d sider konverteret parallelt", converted)
    return nav


def on_env(env, config, files, **kwargs):
    # Started only now: forking (generation, the Markdown step) is safe only while no other thread runs.
    global _index, _from_disk
    _stop_index()
    _from_disk = []
    dirty = any(file.page is not None and file.page.content is None for file in files.documentation_pages())
    if dirty and _serving:
        return env  # indexed after the build, in the background (arkiv/site/serve.py)
    try:
        _index = LiveIndex()
    except (OSError, SearchIndexError) as exc:
        raise PluginError(f"søgeindekset kunne ikke startes: {exc}") from None
    if dirty:
        # A dirty build (make site after an edit) renders only the changed pages: the others are
        # given to the index from the site as it was, each in its place in the order a full build
        # renders them (as the build goes, so the index service works beside it), so that the
        # index is the same bytes as after a full build.
        _from_disk = [(file.page.url, file.abs_dest_path, file.is_modified())
                      for file in files.documentation_pages(inclusion=InclusionLevel.is_included)]
        _from_disk.reverse()  # popped from the end
    return env


_index: LiveIndex | None = None
_from_disk: list[tuple[str, str, bool]] = []  # (url, built file, built again) still to index, last first


def _index_unchanged_up_to(url: str | None) -> None:
    """Index, from the site, the pages before `url` (all, for None) that the dirty build left."""
    while _from_disk and _from_disk[-1][0] != url:
        page_url, path, rebuilt = _from_disk.pop()
        if not rebuilt:
            _index.add("/" + page_url, Path(path).read_text(encoding="utf-8"))


def on_post_page(output, page, config, **kwargs):
    if _index is not None:
        try:
            if _from_disk:
                _index_unchanged_up_to(page.url)
                if _from_disk:
                    _from_disk.pop()  # this page's own place
            _index.add("/" + page.url, output)
        except SearchIndexError as exc:
            raise PluginError(str(exc)) from None
    return output


def on_post_build(config, **kwargs):
    # The search page needs the Pagefind index of the finished site, in `mkdocs serve` too.
    site = Path(config.site_dir)
    if _serving and _index is None:
        index_in_background(site)  # a dirty rebuild: the page is there now, the search follows
        return
    try:
        if _index is not None:
            _index_unchanged_up_to(None)
        summary = _index.write(site / "pagefind") if _index is not None else index_site(site)
        log.info("Søgeindeks: %s", summary)
    except SearchIndexError as exc:
        raise PluginError(str(exc)) from None
    finally:
        _stop_index()


def on_build_error(error, **kwargs):
    _stop_index()


def _stop_index():
    """Stop a service still running from a build that did not finish (after `write` it has ended)."""
    global _index
    if _index is not None:
        _index.close(stop=True)
        _index = None
