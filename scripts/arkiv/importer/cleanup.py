"""PDF artefacts out, text in: page numbers, repeated letterheads, words hyphenated over lines.

What is removed is returned, so the report can show it and the tests can prove that nothing
else is lost. Lines are kept otherwise; joining them into paragraphs is recognise's work, which
knows where a heading or a list begins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

PAGE_NUMBER = re.compile(r"^(?:side\s+)?\d{1,3}(?:\s*(?:af|/)\s*\d{1,3})?$|^-\s*\d{1,3}\s*-$", re.IGNORECASE)
# A word broken at the line end: 'forebyggel-' + 'sesindsats'. Not 'bande- og rockerkriminalitet'.
HYPHENATED = re.compile(r"(?<=[a-zæøå])-$")
KEEP_HYPHEN_BEFORE = {"og", "eller", "samt", "til", "som", "/"}
ITEM_LIKE = re.compile(r"^(?:ad\b|punkt\b|pkt\b|#\s*[.)])")


@dataclass
class Cleaned:
    lines: list[str]
    removed: list[str] = field(default_factory=list)      # page numbers and letterheads
    joined: list[str] = field(default_factory=list)       # words joined over a line break
    layout: list[str] = field(default_factory=list)       # what was undone: »sidetal foran hver linje«
    origin: list[int] = field(default_factory=list)       # each line's line in the source text (1-based)

    def source_line(self, line: int) -> int:
        """The source text's line of cleaned line `line` (1-based), for the report."""
        return self.origin[line - 1] if 0 < line <= len(self.origin) else line


def _shape(line: str) -> str:
    """A line with its numbers blanked: 'Side 2 af 5' and 'Side 3 af 5' are the same letterhead."""
    return re.sub(r"\d+", "#", line.strip().lower())


def clean(pages: list[str]) -> Cleaned:
    # Each line with its number in the source text (the pages joined by line breaks).
    numbered, count = [], 0
    for page in pages:
        rows = []
        for line in page.split("\n"):
            count += 1
            rows.append((count, line.rstrip()))
        numbered.append(rows)
    layout: list[str] = []
    texts = _page_number_prefixes([[text for _, text in rows] for rows in numbered], layout)
    numbered = [[(n, text) for (n, _), text in zip(rows, page, strict=True)] for rows, page in zip(numbered, texts, strict=True)]
    numbered = _double_spacing(numbered, layout)
    repeated = _letterheads([[text for _, text in rows] for rows in numbered])
    result = Cleaned([], layout=layout)
    for rows in numbered:
        content = [i for i, (_, line) in enumerate(rows) if line.strip()]
        edges = set(content[:3] + content[-3:])
        for index, (origin, line) in enumerate(rows):
            stripped = line.strip()
            at_edge = index in edges or len(pages) == 1
            if stripped and at_edge and (PAGE_NUMBER.match(stripped) or _shape(stripped) in repeated):
                result.removed.append(stripped)
                continue
            result.lines.append(stripped)
            result.origin.append(origin)
    _join_hyphenated(result)
    return result


PREFIX = re.compile(r"^(?P<page>\d{1,3})\s+(?=\S)")


def _page_number_prefixes(page_lines: list[list[str]], layout: list[str]) -> list[list[str]]:
    """Text a PDF tool wrote with the page number before every line (»1 Deltagere:«, »2 Ad. pkt. 1.«):
    the numbers go when nearly every line has one and they never go down – an agenda's »1 Godkendelse«
    among lines without a number does not qualify."""
    content = [line.strip() for lines in page_lines for line in lines if line.strip()]
    numbers = [int(m["page"]) for line in content if (m := PREFIX.match(line))]
    if len(content) < 5 or len(numbers) < 0.9 * len(content) or numbers[0] not in (0, 1) or \
            any(b < a for a, b in pairwise(numbers)) or len(set(numbers)) > len(numbers) / 3 + 1:
        return page_lines
    layout.append("sidetal foran hver linje fjernet")
    return [[PREFIX.sub("", line.strip(), count=1) for line in lines] for lines in page_lines]


def _double_spacing(page_lines: list[list[tuple[int, str]]], layout: list[str]) -> list[list[tuple[int, str]]]:
    """Text with a blank line after every line (a PDF export): the blank lines go, or every list
    would end after its first entry. One stays where a sentence ends or two blank lines were, so
    that paragraphs still end where they can."""
    flat = [line for lines in page_lines for _, line in lines]
    content = [i for i, line in enumerate(flat) if line.strip()]
    followed = sum(1 for i in content if i + 1 >= len(flat) or not flat[i + 1].strip())
    if len(content) < 6 or followed < 0.85 * len(content):
        return page_lines
    layout.append("tom linje efter hver linje fjernet")
    result = []
    for lines in page_lines:
        kept, blanks = [], 0
        for origin, line in lines:
            if line.strip():
                if blanks and kept and kept[-1][1] and (blanks >= 2 or re.search(r"[.!?»”]$", kept[-1][1])):
                    kept.append((origin - 1, ""))
                kept.append((origin, line))
                blanks = 0
            else:
                blanks += 1
        result.append(kept)
    return result


def _letterheads(page_lines: list[list[str]]) -> set[str]:
    """Lines at the top or bottom of at least half the pages (and two): a letterhead or footer."""
    if len(page_lines) < 2:
        return set()
    counts: dict[str, int] = {}
    for lines in page_lines:
        content = [line for line in lines if line.strip()]
        for shape in {_shape(line) for line in content[:2] + content[-2:]}:
            counts[shape] = counts.get(shape, 0) + 1
    need = max(2, (len(page_lines) + 1) // 2)
    # A letterhead is on a page once; a shape found more often than there are pages is the text's
    # own (»Ad. pkt. 5.« and »Ad. pkt. 6.« are one shape), and so is an item heading at a page's top.
    total: dict[str, int] = {}
    for lines in page_lines:
        for line in lines:
            if line.strip():
                total[_shape(line)] = total.get(_shape(line), 0) + 1
    return {shape for shape, count in counts.items() if count >= need and len(shape) < 120
            and total[shape] <= len(page_lines) and not ITEM_LIKE.match(shape)}


def _join_hyphenated(result: Cleaned) -> None:
    lines = result.lines
    for index, line in enumerate(lines):
        if not HYPHENATED.search(line):
            continue
        following = next((j for j in range(index + 1, len(lines)) if lines[j]), None)
        if following is None:
            continue
        nxt = lines[following]
        first = nxt.split()[0]
        if not first[0].islower() or first.rstrip(",.") in KEEP_HYPHEN_BEFORE:
            continue
        head, word = line[:-1], first
        lines[index] = head + word
        lines[following] = nxt[len(first):].lstrip()
        result.joined.append(f"{head.split()[-1]}-{word}")
