"""Plain-text helpers for matching words and names and cutting excerpts out of minutes."""

from __future__ import annotations

import re

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"[*_`]+|^\s*(?:[-+]|\d+\.)\s+|^>\s*", re.MULTILINE)
_SENTENCE_END = re.compile(r"(?<=[.!?:])\s+(?=[A-ZÆØÅ(”\"»\d])|\n\s*\n")

EXCERPT_CHARS = 240


def plain(markdown: str) -> str:
    """Markdown reduced to its words: links become their text, list markers and emphasis go."""
    return _MARKUP.sub("", _LINK.sub(r"\1", markdown))


def sentences(markdown: str) -> list[str]:
    """The text's sentences with line wraps folded into spaces."""
    parts = _SENTENCE_END.split(plain(markdown))
    return [" ".join(p.split()) for p in parts if p.strip()]


def word_pattern(word: str) -> re.Pattern:
    """Regex for a registry word: whole word or phrase; a trailing '*' matches any ending.

    Spaces in phrases match any whitespace, so a phrase broken over two lines still matches.
    """
    stem = word.endswith("*")
    core = word.rstrip("*").strip()
    body = r"\s+".join(re.escape(part) for part in core.split())
    tail = r"[\w-]*" if stem else ""
    return re.compile(rf"(?<![\w-]){body}{tail}(?![\w])", re.IGNORECASE)


def name_pattern(names: tuple[str, ...]) -> re.Pattern:
    """Regex for any of a person's names, case-sensitive, longest first, tolerant of line wraps."""
    alternatives = sorted(names, key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(p) for p in n.split()) for n in alternatives)
    return re.compile(rf"(?<![\w]){'(?:' + body + ')'}(?![\w])")


def excerpt(markdown: str, pattern: re.Pattern | None = None) -> str:
    """The first sentence that matches `pattern` (or the first sentence), cut to a readable length."""
    found = sentences(markdown)
    if not found:
        return ""
    chosen = found[0]
    if pattern is not None:
        chosen = next((s for s in found if pattern.search(s)), chosen)
    if len(chosen) <= EXCERPT_CHARS:
        return chosen
    cut = chosen[:EXCERPT_CHARS].rsplit(" ", 1)[0]
    return cut + " …"
