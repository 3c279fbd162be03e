"""Personal data that must not be published: CPR numbers, e-mail addresses and phone numbers.

A number can be written so that a plain pattern misses it and a reader still sees it: with an en
dash or a no-break space, split by a zero-width space or by markdown's `**`, as the entity
`&#45;`, in full-width digits. So the text is first *folded* the way a reader sees it – invisible
characters and markdown's emphasis and escape marks removed, entities decoded, every dash made
'-' and every space ' ', digits made ASCII – and the patterns run on the folded text. Each match is
mapped back to the original text, so that a message names the line the editor sees.

CPR numbers are always refused, and their message never repeats the number (logs must not spread
it either). E-mail addresses and phone numbers are refused too – the Danish data protection
authority's practice is not to publish them in public web archives – unless the meeting file lists
the exact address or number under `published_contacts:` with a reason (a public office's contact
point printed in the minutes).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import html
import html.entities
import re
import unicodedata
from dataclasses import dataclass

# Invisible characters: controls (but tab and line feed), format marks such as the zero-width
# space and the soft hyphen, direction marks, variation selectors, tags; and the Unicode line and
# paragraph separators, which YAML and Python count as line breaks where an editor shows none.
INVISIBLE = ("\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f"
             "\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb"
             "\U000e0000-\U000e0fff")

# Folding in two steps. First what keeps the length (so positions stay): every space a space, every dash '-', every digit ASCII. Then what changes it: invisible characters
# and markdown's marks removed, character references decoded.
_REMOVED = re.compile(f"[{INVISIBLE}*_`~\\\\]+|&(?:#[0-9]{{1,7}}|#[xX][0-9a-fA-F]{{1,6}}|[A-Za-z][A-Za-z0-9]{{1,31}});")


_ASCII_CHANGES = re.compile(r"[\x00-\x08\x0b-\x1f\x7f*_`~\\\\&\t]")


@functools.cache
def _same_length() -> tuple[dict[int, str], re.Pattern]:
    """The characters folding replaces one for one, and a pattern that finds them: most texts
    have none, and `re` finds that at C speed where `str.translate` looks up every character."""
    table = {}
    for code in (*range(0x80, 0x10000), *range(0x1D7CE, 0x1D800), *range(0x1FBF0, 0x1FBFA)):
        char = chr(code)
        category = unicodedata.category(char)
        if char.isspace() and char not in "\x85\u2028\u2029":
            table[code] = " "
        elif category == "Pd" or char in "\u2212\ufe63":
            table[code] = "-"
        elif category == "Nd":
            table[code] = str(unicodedata.digit(char))
        elif char in "\uff20\ufe6b":  # full-width and small commercial at
            table[code] = "@"
    table.update({0x85: " ", 0x2028: " ", 0x2029: " "})
    pattern = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(table)) + "]")
    return table, pattern


def _one_for_one(text: str) -> str:
    text = text.replace("\t", " ")
    if text.isascii():
        return text
    table, pattern = _same_length()
    # The non-ASCII characters of a Danish text are a handful (æ, ø, å, »«, –): tested as a set,
    # which is far quicker than scanning for the table's seven hundred characters.
    if set(map(ord, _NON_ASCII.findall(text))).isdisjoint(table):
        return text
    return pattern.sub(lambda match: table[ord(match.group(0))], text)


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@dataclass(frozen=True)
class Folded:
    """A text as a reader sees it, and the way back to the original's positions."""

    text: str
    _folded_at: tuple[int, ...]  # where each changed stretch begins in the folded text
    _original_at: tuple[int, ...]  # … and in the original

    def original(self, position: int) -> int:
        index = bisect.bisect_right(self._folded_at, position) - 1
        if index < 0:
            return position
        return self._original_at[index] + (position - self._folded_at[index])


@functools.lru_cache(maxsize=16)  # the same body is folded by the link and the personal-data rules
def fold(text: str) -> Folded:
    if text.isascii() and not _ASCII_CHANGES.search(text):
        return Folded(text, (), ())
    text = _one_for_one(text)
    out, folded_at, original_at, last, length = [], [], [], 0, 0
    for match in _REMOVED.finditer(text):
        kept = text[last:match.start()]
        found = match.group(0)
        replacement = _one_for_one(html.unescape(found)) if found[0] == "&" else ""
        if replacement and _REMOVED.fullmatch(replacement):
            replacement = ""  # '&#x200b;', '&shy;': invisible as well
        out += [kept, replacement]
        length += len(kept)
        # The replacement stands for the whole original stretch; after it, one to one again.
        folded_at += [length, length + len(replacement)]
        original_at += [match.start(), match.end()]
        length += len(replacement)
        last = match.end()
    out.append(text[last:])
    return Folded("".join(out), tuple(folded_at), tuple(original_at))


# Not inside a longer number, nor after a number and a dash (a case number 2024-101112-1234); a
# word and a dash before it (CPR-010190-1234) do not hide it.
_CPR = re.compile(r"(?<!\d)(?<!\d[-/])(\d{2})(\d{2})(\d{2}) ?[-/]? ?(\d{4})(?!\d)", re.ASCII)
# Also in the forms written to dodge harvesters: 'navn (at) politi.dk', 'navn[snabel-a]politi.dk'.
_EMAIL = re.compile(r"[\w.+-]+(?:@|\s*[(\[]\s*(?:at|snabel-a)\s*[)\]]\s*)[\w-]+(?:\.[\w-]+)+", re.ASCII | re.IGNORECASE)
# Eight digits, alone, in pairs (one separator throughout: '12 34 56 78', '12-34-56-78', not the
# times '14.00-16.00') or in fours, with or without +45; a full stop or comma after them may end
# the sentence, but not a further digit.
_PHONE = re.compile(r"(?<!\d)(?<!\d[.,-])(?:\+ ?45 ?)?(?:\d{8}|\d{2}([ .-])\d{2}\1\d{2}\1\d{2}|\d{4} \d{4})"
                    r"(?!\d)(?![.,-]\d)", re.ASCII)


_DIGIT_RUN = re.compile(r"\d[\d \-/.,+]{6,}\d")


def _valid_birth_date(day: str, month: str, year: str) -> bool:
    for century in (1900, 2000):
        try:
            dt.date(century + int(year), int(month), int(day))
            return True
        except ValueError:
            continue
    return False


def compact(contact: str) -> str:
    """A contact as compared with `published_contacts`: an address in lower case, a number as its
    last eight digits (without +45 and spaces)."""
    value = fold(contact).text.strip().lower()
    return value.replace(" ", "") if "@" in value else re.sub(r"\D", "", value)[-8:]


@dataclass(frozen=True)
class Finding:
    start: int  # in the original text
    end: int
    kind: str  # "cpr", "email" or "phone"
    shown: str  # the original text of the match (never printed for a CPR number)


def _worth_folding(text: str) -> bool:
    """False when no personal data can be in `text`: under eight digits and no '@' in any form.
    Most values (names, titles, places) are answered here without folding."""
    if "@" in text or "&" in text or "\uff20" in text or "\ufe6b" in text or _SPELT_AT.search(text):
        return True
    digits = sum(map(text.count, "0123456789"))
    return digits >= 8 or (not text.isascii() and _OTHER_DIGIT.search(text) is not None)


_SPELT_AT = re.compile(r"[(\[]\s*(?:at|snabel-a)\s*[)\]]", re.IGNORECASE)
_OTHER_DIGIT = re.compile(r"(?![0-9])\d")  # a digit of another script: full-width, Arabic, …


def find_personal(text: str, allowed: frozenset[str] = frozenset(),
                  kinds=("cpr", "email", "phone")) -> list[Finding]:
    """Every CPR number, e-mail address and phone number in `text`, less the allowed contacts."""
    if not _worth_folding(text):
        return []
    folded = fold(text)
    one_line = folded.text.replace("\n", " ")  # a number broken over two lines is still a number
    found = []
    has_at = "@" in one_line or _SPELT_AT.search(one_line) is not None
    # Numbers are looked for only around runs of digits and separators (a regex that begins at a
    # digit fails fast everywhere else), e-mail addresses only in a text with an '@'.
    windows = [(max(0, run.start() - 4), run.end() + 2) for run in _DIGIT_RUN.finditer(one_line)]
    for pattern, kind in ((_CPR, "cpr"), (_EMAIL, "email"), (_PHONE, "phone")):
        if kind not in kinds or (kind == "email" and not has_at):
            continue
        matches = pattern.finditer(one_line) if kind == "email" else sorted(
            {m.span(): m for low, high in windows for m in pattern.finditer(one_line, low, high)}.values(),
            key=lambda m: m.start())
        for match in matches:
            if kind == "cpr" and not _valid_birth_date(*match.groups()[:3]):
                continue  # a ten-digit number that is not a date: a case or account number
            start, end = folded.original(match.start()), folded.original(match.end() - 1) + 1
            shown = text[start:end]
            if kind != "cpr" and compact(match.group(0)) in allowed:
                continue
            if kind == "phone" and any(f.kind == "cpr" and f.start <= start < f.end for f in found):
                continue  # the same digits are already refused as a CPR number
            found.append(Finding(start, end, kind, shown))
    return sorted(found, key=lambda f: f.start)


MESSAGES = {
    "cpr": ("teksten indeholder et CPR-nummer", "slet CPR-nummeret: det må aldrig offentliggøres"),
    "email": ("teksten indeholder en e-mailadresse ('{shown}')",
              "slet den, eller skriv den under 'published_contacts:' med en begrundelse, hvis det er "
              "en offentlig myndigheds adresse, der må offentliggøres"),
    "phone": ("teksten indeholder et telefonnummer ('{shown}')",
              "slet det, eller skriv det under 'published_contacts:' med en begrundelse, hvis det er "
              "en offentlig myndigheds nummer, der må offentliggøres"),
}


def message(finding: Finding) -> tuple[str, str]:
    text, hint = MESSAGES[finding.kind]
    return text.format(shown=" ".join(finding.shown.split())), hint


ENTITY_NAMES = frozenset(name[:-1] for name in html.entities.html5 if name.endswith(";"))
