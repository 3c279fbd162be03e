"""Plain-text helpers for matching words and names and cutting excerpts out of minutes."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"[*_`]+|^\s*(?:[-+]|\d+\.)\s+|^>\s*", re.MULTILINE)
_SENTENCE_END = re.compile(r"(?<=[.!?:])\s+(?=[A-ZÆØÅ(”\"»\d])|\n\s*\n")
# Danish abbreviations after which a capital letter does not start a new sentence.
_ABBREVIATIONS = {
    "h.h.v.", "hhv.", "bl.a.", "fx.", "f.eks.", "pt.", "p.t.", "pga.", "fsva.", "m.m.", "m.v.", "mv.",
    "d.", "kl.", "nr.", "ca.", "jf.", "mht.", "evt.", "inkl.", "dvs.", "ift.", "vedr.", "st.", "lign.",
}

EXCERPT_CHARS = 240


@dataclass(frozen=True)
class Excerpt:
    """A short quote from the minutes; `start:end` is the matched word, when there is one."""

    text: str
    start: int = 0
    end: int = 0


@functools.lru_cache(maxsize=1024)
def plain(markdown: str) -> str:
    """Markdown reduced to its words: links become their text, list markers and emphasis go."""
    return _MARKUP.sub("", _LINK.sub(r"\1", markdown))


@functools.lru_cache(maxsize=1024)
def sentences(markdown: str) -> tuple[str, ...]:
    """The text's sentences with line wraps folded into spaces.

    Cached: every theme and person found in a section takes its excerpt from the same text.
    """
    text, result, start = plain(markdown), [], 0
    for boundary in _SENTENCE_END.finditer(text):
        words = text[start: boundary.start()].split()
        last = words[-1] if words else ""
        # 'bl.a. Politiet' and initials ('Allan S. Andersen') do not end a sentence.
        is_initial = len(last) == 2 and last[0].isupper()
        if (last.lower() in _ABBREVIATIONS or is_initial) and "\n\n" not in boundary.group(0):
            continue
        result.append(text[start: boundary.start()])
        start = boundary.end()
    result.append(text[start:])
    return tuple(" ".join(p.split()) for p in result if p.strip())


def excerpt(markdown: str, words: str | None = None) -> Excerpt:
    """The first sentence that holds `words` (or the first sentence), cut to a readable length
    around them, with their position so they can be highlighted. `words` are the very words a
    finder matched; line breaks in them count as spaces, as they do in the sentences."""
    found = sentences(markdown)
    if not found:
        return Excerpt("")
    chosen, start, end = found[0], 0, 0
    needle = " ".join(words.split()) if words else ""
    for sentence in found if needle else ():
        at = sentence.find(needle)
        if at >= 0:
            chosen, start, end = sentence, at, at + len(needle)
            break
    match = end > start
    if len(chosen) <= EXCERPT_CHARS:
        return Excerpt(chosen, start, end)
    # Keep the match in view: begin a little before it, at a word boundary.
    begin = 0 if start < EXCERPT_CHARS // 2 else chosen.rfind(" ", 0, start - EXCERPT_CHARS // 3) + 1
    stop = chosen.rfind(" ", begin, begin + EXCERPT_CHARS)
    stop = stop if stop > end else min(len(chosen), begin + EXCERPT_CHARS)
    prefix = "… " if begin else ""
    suffix = " …" if stop < len(chosen) else ""
    shift = len(prefix) - begin
    text = prefix + chosen[begin:stop] + suffix
    return Excerpt(text, start + shift if match else 0, end + shift if match else 0)
