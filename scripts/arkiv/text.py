"""Plain-text helpers for matching words and names and cutting excerpts out of minutes."""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"[*_`]+")
_LINE_MARKER = re.compile(r"^\s*(?:[-+]|\d+\.)\s+|^>\s*", re.MULTILINE)
# Python's regex engine tries a pattern that begins with '^' or an alternation at every position of
# the text; one that begins with a literal or a character class it finds by a fast scan. So each
# pattern here begins with one, and the slow exact pattern above runs only where this finds a
# candidate (issue 6: these passes were a second of every 1,000 meetings).
_LINE_MARKER_HINT = re.compile(r"\n\s*(?:[-+>]|\d+\.)")
# A sentence ends at '.', '!', '?' or ':' followed by space and a capital, digit or opening quote,
# or at a blank line. The match begins with the punctuation mark or the first line break.
_SENTENCE_END = re.compile(r"[.!?:\n](?:(?<=[.!?:])\s+(?=[A-ZÆØÅ(”\"»\d])|(?<=\n)\s*\n)")
# Danish abbreviations after which a capital letter does not start a new sentence.
_ABBREVIATIONS = {
    "h.h.v.", "hhv.", "bl.a.", "fx.", "f.eks.", "pt.", "p.t.", "pga.", "fsva.", "m.m.", "m.v.", "mv.",
    "d.", "kl.", "nr.", "ca.", "jf.", "mht.", "evt.", "inkl.", "dvs.", "ift.", "vedr.", "st.", "lign.",
}

EXCERPT_CHARS = 240


class Excerpt(NamedTuple):
    """A short quote from the minutes; `start:end` is the matched word, when there is one.

    A named tuple: an archive has a hundred thousand, and a tuple is made, pickled (see
    parallel.py) and unpickled several times faster than a frozen dataclass."""

    text: str
    start: int = 0
    end: int = 0


@functools.lru_cache(maxsize=1024)
def plain(markdown: str) -> str:
    """Markdown reduced to its words: links become their text, list markers and emphasis go."""
    text = _LINK.sub(r"\1", markdown) if "](" in markdown else markdown
    if _LINE_MARKER_HINT.search("\n" + text):
        text = _LINE_MARKER.sub("", text)
    # List markers and emphasis never overlap, so removing them in turn is removing them at once.
    return _EMPHASIS.sub("", text) if ("*" in text or "_" in text or "`" in text) else text


_LONGEST_ABBREVIATION = max(map(len, _ABBREVIATIONS))


@functools.lru_cache(maxsize=1024)
def sentences(markdown: str) -> tuple[str, ...]:
    """The text's sentences with line wraps folded into spaces.

    Cached: every theme and person found in a section takes its excerpt from the same text.
    """
    text, result, start = plain(markdown), [], 0
    for boundary in _SENTENCE_END.finditer(text):
        end = boundary.start() + (text[boundary.start()] != "\n")  # the punctuation stays
        # 'bl.a. Politiet' and initials ('Allan S. Andersen') do not end a sentence. Only the last
        # few characters can hold such a word: a longer word is neither (and splitting the whole
        # sentence for its last word was most of the cost of the excerpts).
        window = text[max(start, end - _LONGEST_ABBREVIATION - 1): end]
        words = window.split()
        last = words[-1] if words else ""
        if len(last) <= _LONGEST_ABBREVIATION and "\n\n" not in boundary.group(0):
            if last.lower() in _ABBREVIATIONS or (len(last) == 2 and last[0].isupper()):
                continue
        result.append(text[start: end])
        start = boundary.end()
    result.append(text[start:])
    return tuple(" ".join(p.split()) for p in result if p.strip())


def excerpt(markdown: str, words: str | None = None) -> Excerpt:
    """The first sentence that holds `words` (or the first sentence), cut to a readable length
    around them, with their position so they can be highlighted. `words` are the very words a
    finder matched; line breaks in them count as spaces, as they do in the sentences."""
    return excerpt_of(sentences(markdown), words)


def excerpt_of(found: tuple[str, ...], words: str | None = None) -> Excerpt:
    """`excerpt` from sentences already split (a section's are split once for all its hits)."""
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


# A sentence of Danish minutes: up to ».«, »!« or »?« before white space, not at the full stops of
# the abbreviations the minutes use (»bl.a.«, »m.v.«, »fx.«, »pga.«, »pt.«, »h.h.v.«, »jf.«, »d.«).
# A number's full stop before a word in lower case is a date or an ordinal (»d. 10. marts«).
SENTENCE = re.compile(r"[^.!?]*?(?:(?:\b(?:bl\.a|m\.v|m\.m|fx|pga|pt|h\.h\.v|jf|ca|d|fsva)\.|\b\d+\.(?=\s+[a-zæøå]))"
                      r"[^.!?]*?)*[.!?](?=\s|$)|[^.!?]+$")
