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

from .problems import ProblemList, field_name
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


def scan_text(text: str, path: str, line: int, field: str, problems: ProblemList) -> None:
    """Record the unsafe or personal content of one piece of text that starts at `line`, and any
    placeholder left over from the new-meeting template.

    Each pattern runs once over the whole text (most texts match nothing); the line is worked out
    only for a match.
    """
    if not _SUSPICIOUS.search(text):
        return
    found = ProblemList()

    def at(match) -> int:
        return line + text.count("\n", 0, match.start())

    for match in re.finditer(PLACEHOLDER, text):
        found.error(path, at(match), field, f"skabelonens '{PLACEHOLDER}' er ikke erstattet",
                    "skriv referatets oplysninger i stedet")
    tagged_lines = set()
    for tag in _TAG.finditer(text):
        if at(tag) in tagged_lines:
            continue  # one message per line: '<b>x</b>' is one problem, not two
        tagged_lines.add(at(tag))
        found.error(path, at(tag), field, f"rå HTML er ikke tilladt ('{tag.group(0).strip()}')",
                    "skriv teksten uden HTML; brug markdown til lister, fed skrift og links")
    for scheme in _BAD_SCHEME.finditer(text):
        found.error(path, at(scheme), field, "link med javascript:, vbscript: eller data: er ikke tilladt",
                    "link kun til adresser, der begynder med https://")
    for image in _IMAGE.finditer(text):
        found.error(path, at(image), field, f"billede fra '{image.group(1)}' er ikke tilladt",
                    "sitet henter intet fra andre værter; læg billedet som bilag i stedet")
    for cpr in _CPR.finditer(text):
        if _valid_birth_date(*cpr.groups()[:3]):
            found.error(path, at(cpr), field, "teksten indeholder et CPR-nummer",
                        "slet CPR-nummeret: det må aldrig offentliggøres")
    for email in _EMAIL.finditer(text):
        found.warning(path, at(email), field, f"teksten indeholder en e-mailadresse ('{email.group(0)}')",
                      "tjek, at den må offentliggøres")
    for phone in _PHONE.finditer(text):
        found.warning(path, at(phone), field, f"teksten indeholder et telefonnummer ('{phone.group(0)}')",
                      "tjek, at det må offentliggøres")
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
