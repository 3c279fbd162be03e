"""A Python-Markdown extension that passes the pipeline's own HTML blocks through untouched.

The generated pages carry long lists (a theme's items, a person's meetings) as HTML, and links on
people's names in the minutes' text. Python-Markdown
would run every such block through html.parser to find where it ends – at 1,000 meetings the
largest single cost of the build. render/ marks its blocks (render/blocks.py), and this
preprocessor stores them for output before that happens. The blocks are made by render/ from
escaped text, never from a meeting file's markdown, so there is nothing to check in them.

The blocks' links point to the pages' source files, relative to the page's own source file
(`../personer/x.md`), as Markdown links do: Zensical resolves such links in raw HTML itself, but
MkDocs passes raw HTML through as it is. So here each of them is made into the served address
(`../../personer/x/`), by MkDocs' own files and URLs of the page being converted.

Registered by the MkDocs hook (`on_config`). A builder that does not run the hook still renders
the pages right: the markers are HTML comments around an ordinary HTML block.
"""

from __future__ import annotations

import posixpath
import re

from markdown import Extension
from markdown.preprocessors import Preprocessor

from ..render.blocks import BEGIN, END

_OPEN, _CLOSE = BEGIN + "\n", "\n" + END
# The links render/ puts into the minutes' own text (a person's name → the person's page).
_LINK = re.compile(r'<a href="[^"<>]*">[^<>]*</a>')
# A relative link in a block: a path without scheme, then perhaps an anchor.
_HREF = re.compile(r'href="(?P<path>[^":#?/][^":#?]*|\.\./[^":#?]*)(?P<rest>[#?][^"]*)?"')


class _Addresses:
    """The served address of each source-relative link of one page, by MkDocs' files (cached per
    target: a theme's list links to the same meetings again and again)."""

    def __init__(self, md):
        relpath = md.treeprocessors["relpath"] if "relpath" in md.treeprocessors else None
        self.page = getattr(relpath, "file", None)
        self.files = getattr(relpath, "files", None)
        self.base = posixpath.dirname(self.page.src_uri) if self.page is not None else ""
        self.cache: dict[str, str] = {}

    def __call__(self, match: re.Match) -> str:
        path = match["path"]
        served = self.cache.get(path)
        if served is None:
            target = self.files.get_file_from_path(posixpath.normpath(posixpath.join(self.base, path)))
            # A target MkDocs does not have stays as written: the site's link check finds it.
            served = self.cache[path] = target.url_relative_to(self.page) if target is not None else path
        return f'href="{served}{match["rest"] or ""}"'

    def rewrite(self, html: str) -> str:
        return _HREF.sub(self, html) if self.page is not None and self.files is not None else html


def _stash_blocks(text: str, store) -> str:
    """`text` with each marked block replaced by its stash placeholder on a line of its own.

    By string search: the regex `BEGIN\\n(.*?)\\nEND` did the same, but a lazy `.*?` tries the end
    marker at every character of the block – a millisecond for each long page (issue 6).
    """
    parts, position = [], 0
    while (start := text.find(_OPEN, position)) >= 0:
        end = text.find(_CLOSE, start + len(_OPEN))
        if end < 0:  # an unclosed marker: left as it is, like everything after it
            break
        parts += [text[position:start], "\n", store(text[start + len(_OPEN):end]), "\n"]
        position = end + len(_CLOSE)
    return "".join(parts) + text[position:] if parts else text


class _Stash(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if BEGIN not in text:  # not a generated page
            return lines
        served = _Addresses(self.md)
        text = _stash_blocks(text, lambda html: self.md.htmlStash.store(served.rewrite(html)))
        # Inline, Python-Markdown stores a link in the same stash, but only after html.parser has
        # read the whole page looking for HTML blocks – at 1,000 meetings, seconds of the build.
        return _LINK.sub(lambda m: self.md.htmlStash.store(served.rewrite(m.group(0))), text).split("\n")


class RawHtmlBlocks(Extension):
    def extendMarkdown(self, md):
        # Before the raw-HTML preprocessor (priority 20), after whitespace normalising (30).
        md.preprocessors.register(_Stash(md), "arkiv_raw_html", 25)
