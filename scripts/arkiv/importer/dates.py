"""The meeting's date and time among a referat's first lines, in the forms councils write them.

»Referat af kredsrådsmøde den 3. marts 2031«, »Mødedato: 11. november 2031«, »Referat af
kredsrådsmødet den 12-05-2031«, »Onsdag den 8.« / »oktober 2031 kl. 1600« over two lines. A line
that says it is the meeting's wins over one that only has a weekday, which wins over any other;
a date alone on a line (a web page's publication date), a letter's date (»Fiktivby, den
20-05-2031«), the approved minutes' date and the next meeting's date are never the meeting's.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..danish import MONTHS

WEEKDAYS = "mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag"
MONTH = "|".join(MONTHS)
WORD_DATE = re.compile(rf"\b(?P<day>\d{{1,2}})\.\s*(?P<month>{MONTH})\s+(?P<year>\d{{4}})\b", re.IGNORECASE)
NUMERIC_DATE = re.compile(r"\b(?P<day>\d{1,2})[-./](?P<month>\d{1,2})[-./](?P<year>\d{4})\b")
TIME = re.compile(r"\bkl\.?\s*(?P<hour>\d{1,2})(?:[.:]?(?P<minute>\d{2}))?(?!\d)", re.IGNORECASE)
SAYS_MEETING = re.compile(
    r"^(?:referat\b|mødedato\b|dato\s*(?:for\s+mødet)?\s*:|tid\s*(?:og\s+sted)?\s*:|kredsrådsmøde|lokalrådsmøde|møde\b)"
    r"|\bmøde\w*\b.{0,80}$", re.IGNORECASE)
NOT_THIS_MEETING = re.compile(r"godkend|næste\s+(?:\w+\s+)?møde|forrige|sidste\s+møde|udsendt|offentliggjort|"
                              r"publiceret|opdateret", re.IGNORECASE)
LETTER_DATE = re.compile(r"^[A-ZÆØÅ][\wæøå. -]*,\s*(?:den\s+)?\d")


@dataclass
class Found:
    date: dt.date
    time: str | None
    lines: tuple[int, int]   # the lines used, start and end (exclusive)
    text: str                # the text the date was read from


def date_of(day: str, month: str, year: str) -> dt.date | None:
    """The date of »3«, »marts« (or »3«), »2031«; None for one that does not exist."""
    try:
        number = int(month) if month.isdigit() else MONTHS.index(month.lower()) + 1
        return dt.date(int(year), number, int(day))
    except ValueError:
        return None


def find_date(text: str) -> tuple[dt.date, re.Match] | None:
    for pattern in (WORD_DATE, NUMERIC_DATE):
        for match in pattern.finditer(text):
            date = date_of(match["day"], match["month"], match["year"])
            if date:
                return date, match
    return None


def clock(text: str) -> str | None:
    """'kl. 1600' → '16.00', 'kl. 14.00' → '14.00', 'kl. 9' → '09.00'."""
    match = TIME.search(text)
    if not match or int(match["hour"]) > 23 or int(match["minute"] or 0) > 59:
        return None
    return f"{int(match['hour']):02d}.{match['minute'] or '00'}"


def meeting_date(lines: list[str], front: int = 25) -> Found | None:
    """The best date among the lines before the first list (`front`); failing that, a date the
    text says is the meeting's, or that has its weekday, among the first 25 lines."""
    return _best(lines, front, 1) or _best(lines, 25, 2)


def _best(lines: list[str], limit: int, least: int) -> Found | None:
    best: tuple[int, int, Found] | None = None
    for index in range(min(limit, len(lines))):
        for span in (1, 2):
            part = [line for line in lines[index:index + span]]
            if len(part) < span or not all(part):
                continue
            text = " ".join(part)
            found = find_date(text)
            if not found:
                continue
            date, match = found
            if span == 2 and (find_date(part[0]) or find_date(part[1])):
                continue  # the date is on one line; that line is its own candidate
            score = _score(text, match)
            if score >= least and (best is None or score > best[0]):
                tail = text[match.end():]
                best = (score, index, Found(date, clock(tail) or clock(text), (index, index + span), text))
    return best[2] if best else None


def _score(text: str, match: re.Match) -> int:
    """3: the line says it is the meeting's; 2: a weekday names the day; 1: a date in other text;
    0: not the meeting's date."""
    before = text[:match.start()]
    stripped = text.strip(" .")
    if NOT_THIS_MEETING.search(text) or stripped == match.group(0).strip(" ."):
        return 0   # the approved minutes', the next meeting's, a publication date alone
    if LETTER_DATE.match(text) and not SAYS_MEETING.search(before):
        return 0   # 'Fiktivby, den 20-05-2031': the date of the letter
    if SAYS_MEETING.search(before) or re.match(r"^mødedato", text, re.IGNORECASE):
        return 3
    if re.search(rf"\b(?:{WEEKDAYS})\b(?:\s+(?:den|d\.))?\s*$", before, re.IGNORECASE):
        return 2
    return 1 if len(text.split()) <= 16 else 0
