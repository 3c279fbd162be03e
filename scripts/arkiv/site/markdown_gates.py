"""Python-Markdown preprocessors that read every page for what few pages have, run only where needed.

Three of Python-Markdown's preprocessors scan the whole text of every page: pymdownx.snippets
(for its `--8<--` marker), fenced_code (which MkDocs always adds, for ``` and ~~~ fences) and
the whitespace normalizer (for tabs, carriage returns and lines of spaces). On the generated
pages, which have none of these, that was a few seconds of the build at 1,000 meetings, most of
it a regex that begins with a lookbehind and so is tried at every position of the page (issue 6).
Each is wrapped in a literal test that a C string search answers in microseconds: where the test
finds nothing the preprocessor could act on, its result is known without running it. Pages that
have such a thing get the preprocessor itself; the lines are the same either way (tested).

Registered by the MkDocs hook (`on_config`) after the configured extensions, so that the
preprocessors exist when they are wrapped. A builder that does not run the hook gets the same
pages, only slower.
"""

from __future__ import annotations

from markdown import Extension, util

from .rawhtml import BEGIN

SNIPPET = "8<-"  # '--8<--' and its variants all contain it
FENCES = ("```", "~~~")  # a fence is three or more of either, at the start of a line
# What the whitespace normalizer changes: the stash markers, carriage returns, tabs, and a line
# of only spaces (which ends in ' \n').
UNNORMAL = (util.STX, util.ETX, "\r", "\t", " \n")


def _gate(md, name: str, needed) -> None:
    """Run preprocessor `name` only on a page whose joined lines `needed` says yes to."""
    if name not in md.preprocessors:
        return
    preprocessor = md.preprocessors[name]
    run = preprocessor.run

    def run_where_needed(lines: list[str]) -> list[str]:
        return run(lines) if needed(preprocessor, "\n".join(lines)) else lines

    preprocessor.run = run_where_needed


def _normalize_whitespace(md) -> None:
    """Whitespace normalizing for pages with nothing to normalize: append the two blank lines the
    normalizer appends, and skip its replacements, which would find nothing."""
    if "normalize_whitespace" not in md.preprocessors:
        return
    normalizer = md.preprocessors["normalize_whitespace"]
    run = normalizer.run

    def run_where_needed(lines: list[str]) -> list[str]:
        source = "\n".join(lines) + "\n\n"
        if any(mark in source for mark in UNNORMAL):
            return run(lines)
        return source.split("\n")

    normalizer.run = run_where_needed


class PreprocessorsOnlyWhereNeeded(Extension):
    def extendMarkdown(self, md):
        _normalize_whitespace(md)
        _gate(md, "fenced_code_block", lambda _, text: any(fence in text for fence in FENCES))
        # Never on a generated page: its text comes from meeting files, which must not pull other
        # files into a page (the check refuses the marker; this is the second lock).
        _gate(md, "snippet", lambda snippets, text: BEGIN not in text
              and (getattr(snippets, "auto_append", None) or SNIPPET in text))
