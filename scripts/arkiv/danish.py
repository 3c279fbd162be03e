"""Danish conventions: URL slugs, dates in words and alphabetical order."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

MONTHS = (
    "januar", "februar", "marts", "april", "maj", "juni",
    "juli", "august", "september", "oktober", "november", "december",
)

_SLUG_LETTERS = {"æ": "ae", "ø": "oe", "å": "aa", "ß": "ss"}


def slugify(text: str) -> str:
    """Stable ASCII slug: 'Søren Kjær-Åby' → 'soeren-kjaer-aaby'.

    æ/ø/å are spelled out rather than dropped, so that names stay readable and distinct in URLs.
    """
    text = text.lower()
    text = "".join(_SLUG_LETTERS.get(ch, ch) for ch in text)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def format_date(day: dt.date) -> str:
    """'23. juni 2025' — the form Danish minutes and readers use."""
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


# Danish alphabetical order puts Æ, Ø, Å after Z, treats 'aa' as 'å' (Aalborg sorts last) and files
# foreign letters with their Danish neighbours (ä as æ, ö as ø, ü as y).
_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzæøå"
_RANK = {ch: i + 1 for i, ch in enumerate(_ALPHABET)}
_FOLD = {"ä": "æ", "ö": "ø", "ü": "y", "ǿ": "ø"}


def _fold_char(ch: str) -> str:
    if ch in _RANK:
        return ch
    if ch in _FOLD:
        return _FOLD[ch]
    base = unicodedata.normalize("NFKD", ch)[0]
    return base if base in _RANK else ""


def sort_key(text: str) -> tuple:
    """Key for sorting in Danish alphabetical order (… X Y Z Æ Ø Å), case-insensitively.

    Spaces and punctuation rank below every letter, so 'Lars Weiss' sorts before 'Larsen'.
    The original text is the tie-breaker, so the order is total and builds are reproducible.
    """
    lowered = text.lower().replace("aa", "å")
    ranks = []
    for ch in lowered:
        if ch.isspace() or ch in "-.,":
            ranks.append(0)
            continue
        folded = _fold_char(ch)
        if folded:
            ranks.append(_RANK[folded])
    return (tuple(ranks), text)


def initial(text: str) -> str:
    """The letter a name is filed under in an index ('Aalborg' → 'Å', 'Özil' → 'Ø')."""
    lowered = text.lower()
    if lowered.startswith("aa"):
        return "Å"
    for ch in lowered:
        folded = _fold_char(ch)
        if folded:
            return folded.upper() if folded.isalpha() else "#"
    return "#"


# Words that belong to the surname that follows them: 'Anne von Holstein' files under 'von Holstein'.
_PARTICLES = {"von", "van", "de", "der", "den", "af", "la", "le", "du", "di", "da", "zu"}


def surname_first(name: str) -> str:
    """A name as an index files it: 'Allan S. Andersen' → 'Andersen, Allan S.', 'Carsten Kjær-Knudsen'
    → 'Kjær-Knudsen, Carsten'. The surname is the last word with the particles before it; a name
    of one word stays as it is. A person's `sort_as:` in people.yml overrides this where a double
    surname is meant ('Bæksgaard Jørgensen, Maja')."""
    words = name.split()
    # The last word with a letter: a number after the surname belongs to it ('Påhitsen 3').
    start = max((i for i, word in enumerate(words) if any(c.isalpha() for c in word)), default=0)
    if start == 0:
        return name
    while start > 1 and words[start - 1].lower() in _PARTICLES:
        start -= 1
    return f"{' '.join(words[start:])}, {' '.join(words[:start])}"
