"""MkDocs hook: regenerate docs/arkiv/ from meetings/ before each build, index the site for search.

The logic lives in the `arkiv` package (runnable alone as `python -m arkiv generate` and
`python -m arkiv index site`); this hook only calls it, so `mkdocs build` and `mkdocs serve` need
no separate step. Unchanged pages are not rewritten, so `mkdocs serve` does not loop on its own
output. Each page goes to the search index as it is rendered (arkiv/site/search_index.py, LiveIndex).
"""

import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from mkdocs.exceptions import PluginError  # noqa: E402

from arkiv.problems import InputError  # noqa: E402
from arkiv.site.build import generate  # noqa: E402
from arkiv.site.markdown_gates import PreprocessorsOnlyWhereNeeded  # noqa: E402
from arkiv.site.parallel_markdown import convert_pages  # noqa: E402
from arkiv.site.rawhtml import RawHtmlBlocks  # noqa: E402
from arkiv.site.search_index import LiveIndex, SearchIndexError, index_site  # noqa: E402
from arkiv.site.writer import WriterError  # noqa: E402

log = logging.getLogger("mkdocs.hooks.arkiv")


def on_config(config, **kwargs):
    # The generated pages' HTML lists skip Python-Markdown's HTML parser (see arkiv/site/rawhtml.py),
    # and the preprocessors that scan every page run only where there is something for them to do
    # (arkiv/site/markdown_gates.py).
    config.markdown_extensions.append(RawHtmlBlocks())
    config.markdown_extensions.append(PreprocessorsOnlyWhereNeeded())
    return config


def on_pre_build(config, **kwargs):
    root = Path(config.config_file_path).resolve().parent
    try:
        # Warnings (e.g. a phone number) are publishable: logged at INFO so that
        # `mkdocs build --strict` does not fail on them. `python -m arkiv check --strict` does.
        generate(root, warn=lambda problem: log.info(str(problem)))
    except InputError as exc:
        raise PluginError(f"mødefilerne har {len(exc.problems)} fejl; intet er skrevet:\n{exc}") from None
    except WriterError as exc:
        raise PluginError(str(exc)) from None


def on_nav(nav, config, files, **kwargs):
    # Every page's Markdown converted on all cores before MkDocs renders the pages one by one.
    converted = convert_pages(config, files)
    if converted:
        log.info("Markdown: %d sider konverteret parallelt", converted)
    return nav


def on_env(env, config, files, **kwargs):
    # Started only now: forking (generation, the Markdown step) is safe only while no other thread runs.
    global _index
    _stop_index()
    if any(file.page is not None and file.page.content is None for file in files.documentation_pages()):
        # `--dirty`: MkDocs renders only the changed pages, so only they would reach the live
        # index; the whole site is indexed after the build instead.
        return env
    try:
        _index = LiveIndex()
    except (OSError, SearchIndexError) as exc:
        raise PluginError(f"søgeindekset kunne ikke startes: {exc}") from None
    return env


_index: LiveIndex | None = None


def on_post_page(output, page, config, **kwargs):
    if _index is not None:
        try:
            _index.add("/" + page.url, output)
        except SearchIndexError as exc:
            raise PluginError(str(exc)) from None
    return output


def on_post_build(config, **kwargs):
    # The search page needs the Pagefind index of the finished site, in `mkdocs serve` too.
    site = Path(config.site_dir)
    try:
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
