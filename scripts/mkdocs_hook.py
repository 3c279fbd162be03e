"""MkDocs hook: regenerate docs/arkiv/ from meetings/ before each build, index the site after it.

The logic lives in the `arkiv` package (runnable alone as `python -m arkiv generate`); this hook
only calls it, so `mkdocs build` and `mkdocs serve` need no separate step. Unchanged pages are not
rewritten, so `mkdocs serve` does not loop on its own output.
"""

import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from mkdocs.exceptions import PluginError  # noqa: E402

from arkiv.build import generate  # noqa: E402
from arkiv.problems import InputError  # noqa: E402
from arkiv.rawhtml import RawHtmlBlocks  # noqa: E402
from arkiv.search_index import SearchIndexError, index_site  # noqa: E402
from arkiv.snippets_gate import SnippetsOnlyWhereUsed  # noqa: E402
from arkiv.writer import WriterError  # noqa: E402


log = logging.getLogger("mkdocs.hooks.arkiv")


def on_config(config, **kwargs):
    # The generated pages' HTML lists skip Python-Markdown's HTML parser (see arkiv/rawhtml.py),
    # and only the page that includes a snippet runs the snippets extension (arkiv/snippets_gate.py).
    config.markdown_extensions.append(RawHtmlBlocks())
    config.markdown_extensions.append(SnippetsOnlyWhereUsed())
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


def on_post_build(config, **kwargs):
    # The search page needs the Pagefind index of the finished site, in `mkdocs serve` too.
    try:
        log.info("Søgeindeks: %s", index_site(Path(config.site_dir)))
    except SearchIndexError as exc:
        raise PluginError(str(exc)) from None
