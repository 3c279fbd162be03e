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


# Spellings of one Danish name: »Birthe«/»Birte«, »Christian«/»Kristian«, »Poul«/»Paul«,
# »Aase«/»Åse«, »Jörgen«/»Jørgen«, »Prøwe«/»Prøve«, »Exempel«/»Eksempel«.
_NAME_SPELLINGS = [("å", "aa"), ("ö", "ø"), ("ä", "æ"), ("é", "e"), ("th", "t"), ("ch", "k"), ("c", "k"),
                   ("ph", "f"), ("ou", "au"), ("w", "v"), ("x", "ks"), ("q", "k")]
SURNAME_NEAR = 0.85  # difflib ratio of two folded surnames: »Opdigtet«/»Opdiktet« 0.88, »Jensen«/»Jessen« 0.83


def _name_words(name: str) -> list[str]:
    words = []
    for word in re.sub(r"[-‐]", " ", name.lower()).split():
        initial = word.endswith(".") and len(word) <= 4
        word = word.strip(".,;:()")
        for written, spoken in _NAME_SPELLINGS:
            word = word.replace(written, spoken)
        if word:
            words.append(word + ("." if initial else ""))
    return words


def _same_given(a: str, b: str) -> bool:
    """»Lone« and »L.«, »Kristian« and »Chr.«: equal, or one written as the other's abbreviation."""
    if a == b:
        return True
    for short, full in ((a, b), (b, a)):
        bare = short.rstrip(".")
        if (short.endswith(".") or len(bare) == 1) and full.rstrip(".").startswith(bare):
            return True
    return False


def similar_names(a: str, b: str) -> bool:
    """Whether two written names can be one person's: the same given name (spelt alike, or
    abbreviated) and the same surname (spelt alike or nearly, or one name the other's with a middle
    name or second surname added). »Hanne Hansen« and »Hanne Jensen«, »Bent« and »Bente«, are not."""
    first, second = _name_words(a), _name_words(b)
    if len(first) < 2 or len(second) < 2:
        return False
    if not _same_given(first[0], second[0]):
        return False
    import difflib

    last_a, last_b = first[-1].rstrip("."), second[-1].rstrip(".")
    if last_a == last_b or difflib.SequenceMatcher(None, last_a, last_b).ratio() >= SURNAME_NEAR:
        return True
    shorter, longer = sorted((first, second), key=len)
    return all(word in longer for word in shorter[1:])  # »Prøvehøj« / »Prøvehøj Nielsen«
