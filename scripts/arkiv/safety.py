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
_BAD_SCHEME = re.compile(r"(?i)\b(?:javascript|vbscript)\s*:|(?:\]\(|<|\]:\s*)\s*data\s*:")
_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]*)")
_CPR = re.compile(r"(?<![\d-])(\d{2})(\d{2})(\d{2})-?(\d{4})(?![\d-])")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Eight digits, alone or in pairs; a full stop or comma after them may end the sentence.
_PHONE = re.compile(r"(?<!\d)(?<!\d[.,-])(?:\+45 ?)?(?:\d{8}|\d{2} \d{2} \d{2} \d{2})(?!\d)(?![.,-]\d)")

# Cheap test first: most texts (names, titles, ordinary sentences) contain none of these, and
# then none of the patterns above can match.
_SUSPICIOUS = re.compile(r"<|!\[|(?i:script|data)\s*:|\d{6}|@|\d{2} \d{2} \d{2}|" + PLACEHOLDER)

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
    if not _SUSPICIOUS.search(text):
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


def scan_values(doc: Located, path: str, problems: ProblemList) -> None:
    """Scan every text value of a YAML document, each at its own line."""
    def walk(value, at: tuple):
        if isinstance(value, dict):
            for key, child in value.items():
                walk(child, at + (key,))
        elif isinstance(value, list):
            for index, child in enumerate(value):
                walk(child, at + (index,))
        elif isinstance(value, str):
            name = field_name(at) or "fil"
            if at and at[-1] == "url":  # becomes a link target: only web addresses
                if value and not SAFE_URL.match(value):
                    problems.error(path, doc.line(*at), name, f"'{value}' er ikke en webadresse",
                                   "skriv en adresse, der begynder med https://")
            else:
                scan_text(value, path, doc.line(*at), name, problems)

    walk(doc.value, ())
