"""What must never be published: code that runs in a reader's browser, requests to other hosts,
and personal data.

Raw HTML in the minutes is refused outright (minutes need none, and an allow-list of "harmless"
tags is how sanitisers get bypassed). Links may only use http(s), mailto or relative addresses;
images may not load from other hosts. Danish CPR numbers are refused; e-mail addresses and phone
numbers are allowed but warned about, because minutes sometimes name a public contact point.
"""

from __future__ import annotations

import datetime as dt
import re

from .problems import Problem, ProblemList, field_name
from .template import PLACEHOLDER
from .yamlsource import Located

_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9-]*(?=[\s>/]|$)|<!--|<\?", re.MULTILINE)
# ASCII only (letters, digits, spaces), as browsers read a URL's scheme and as CPR and phone
# numbers are written; it is also what lets `suspicious` below test bytes.
_BAD_SCHEME = re.compile(r"(?ai)\b(?:javascript|vbscript)\s*:|(?:\]\(|<|\]:\s*)\s*data\s*:")
_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]*)")
_CPR = re.compile(r"(?<![\d-])(\d{2})(\d{2})(\d{2})-?(\d{4})(?![\d-])", re.ASCII)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Eight digits, alone or in pairs; a full stop or comma after them may end the sentence.
_PHONE = re.compile(r"(?<!\d)(?<!\d[.,-])(?:\+45 ?)?(?:\d{8}|\d{2} \d{2} \d{2} \d{2})(?!\d)(?![.,-]\d)", re.ASCII)

# Cheap test first: most texts (names, titles, ordinary sentences) contain none of these, and
# then none of the patterns above can match. Literal searches and byte translation run at memory
# speed; a regex alternation tried at every position cost 2.5 s over 1,000 meetings (issue 6).
_SCHEMES = (re.compile(rb"script\s*:"), re.compile(rb"data\s*:"))
_DIGITS_AS_ZERO = bytes.maketrans(b"123456789", b"000000000")


def suspicious(text: str) -> bool:
    """False when no rule below can match `text`: no '<', '![', '@', placeholder, 'script:' or
    'data:' (any case), six digits in a row or three pairs of digits."""
    if "<" in text or "![" in text or "@" in text or PLACEHOLDER in text:
        return True
    raw = text.encode()
    lower = raw.lower()
    if any(scheme.search(lower) for scheme in _SCHEMES):
        return True
    digits = raw.translate(_DIGITS_AS_ZERO)
    return b"000000" in digits or b"00 00 00" in digits


SAFE_URL = re.compile(r"^(?:https?://|mailto:)", re.IGNORECASE)


def _valid_birth_date(day: str, month: str, year: str) -> bool:
    for century in (1900, 2000):
        try:
            dt.date(century + int(year), int(month), int(day))
            return True
        except ValueError:
            continue
    return False


# (pattern, severity, message for a match, how to fix it). A CPR match counts only when its first
# six digits are a date; the message never repeats the number, so logs do not spread it either.
_RULES = [
    (re.compile(PLACEHOLDER), "error", lambda m: f"skabelonens '{PLACEHOLDER}' er ikke erstattet",
     "skriv referatets oplysninger i stedet"),
    (_TAG, "error", lambda m: f"rå HTML er ikke tilladt ('{m.group(0).strip()}')",
     "skriv teksten uden HTML; brug markdown til lister, fed skrift og links"),
    (_BAD_SCHEME, "error", lambda m: "link med javascript:, vbscript: eller data: er ikke tilladt",
     "link kun til adresser, der begynder med https://"),
    (_IMAGE, "error", lambda m: f"billede fra '{m.group(1)}' er ikke tilladt",
     "sitet henter intet fra andre værter; læg billedet som bilag i stedet"),
    (_CPR, "error", lambda m: "teksten indeholder et CPR-nummer" if _valid_birth_date(*m.groups()[:3]) else None,
     "slet CPR-nummeret: det må aldrig offentliggøres"),
    (_EMAIL, "warning", lambda m: f"teksten indeholder en e-mailadresse ('{m.group(0)}')",
     "tjek, at den må offentliggøres"),
    (_PHONE, "warning", lambda m: f"teksten indeholder et telefonnummer ('{m.group(0)}')",
     "tjek, at det må offentliggøres"),
]


def scan_text(text: str, path: str, line: int, field: str, problems: ProblemList) -> None:
    """Record the unsafe or personal content of one piece of text that starts at `line`, and any
    placeholder left over from the new-meeting template.

    Each pattern runs once over the whole text (most texts match nothing); the line is worked out
    only for a match, and each rule reports a line once ('<b>x</b>' is one problem, not two).
    """
    if not suspicious(text):
        return
    found = []
    for pattern, severity, message_for, hint in _RULES:
        reported: set[int] = set()
        for match in pattern.finditer(text):
            message = message_for(match)
            where = line + text.count("\n", 0, match.start())
            if message and where not in reported:
                reported.add(where)
                found.append(Problem(path, where, field, message, hint, severity))
    problems.extend(sorted(found, key=lambda p: p.line))  # in file order, as a reader scans them


def scan_values(doc: Located, path: str, problems: ProblemList, source: str | None = None) -> None:
    """Scan every text value of a YAML document, each at its own line.

    `source`, the document's YAML text, lets a document that cannot hold anything to report skip
    the walk over its hundred values (issue 6): see `_nothing_to_scan`.
    """
    if source is not None and _nothing_to_scan(source):
        return

    def walk(value, at: tuple):
        if isinstance(value, dict):
            for key, child in value.items():
                walk(child, at + (key,))
        elif isinstance(value, list):
            for index, child in enumerate(value):
                walk(child, at + (index,))
        elif isinstance(value, str):
            # The field's name and line are looked up only for a problem: most values have none.
            if at and at[-1] == "url":  # becomes a link target: only web addresses
                if value and not SAFE_URL.match(value):
                    problems.error(path, doc.line(*at), field_name(at) or "fil", f"'{value}' er ikke en webadresse",
                                   "skriv en adresse, der begynder med https://")
            elif suspicious(value):
                scan_text(value, path, doc.line(*at), field_name(at) or "fil", problems)

    walk(doc.value, ())


def _nothing_to_scan(source: str) -> bool:
    """True when no value of the YAML document `source` can be a url field or suspicious.

    A text value is a piece of the YAML text, except that YAML folds a line break and the next
    line's indent into one space, and that escapes in double quotes ('\\x3c') can make any
    character. So with no backslash and no 'url', a value is suspicious only if the text with every
    run of white space made one space is; keys and comments only make this say no more often.
    """
    return "\\" not in source and "url" not in source and not suspicious(" ".join(source.split()))
