"""PDF artefacts out, text in: page numbers, repeated letterheads, words hyphenated over lines.

What is removed is returned, so the report can show it and the tests can prove that nothing
else is lost. Lines are kept otherwise; joining them into paragraphs is recognise's work, which
knows where a heading or a list begins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

PAGE_NUMBER = re.compile(r"^(?:side\s+)?\d{1,3}(?:\s*(?:af|/)\s*\d{1,3})?$|^-\s*\d{1,3}\s*-$", re.IGNORECASE)
# A word broken at the line end: 'forebyggel-' + 'sesindsats'. Not 'bande- og rockerkriminalitet'.
HYPHENATED = re.compile(r"(?<=[a-zæøå])-$")
KEEP_HYPHEN_BEFORE = {"og", "eller", "samt", "til", "som", "/"}


@dataclass
class Cleaned:
    lines: list[str]
    removed: list[str] = field(default_factory=list)      # page numbers and letterheads
    joined: list[str] = field(default_factory=list)       # words joined over a line break


def _shape(line: str) -> str:
    """A line with its numbers blanked: 'Side 2 af 5' and 'Side 3 af 5' are the same letterhead."""
    return re.sub(r"\d+", "#", line.strip().lower())


def clean(pages: list[str]) -> Cleaned:
    page_lines = [[line.rstrip() for line in page.split("\n")] for page in pages]
    repeated = _letterheads(page_lines)
    result = Cleaned([])
    for lines in page_lines:
        content = [i for i, line in enumerate(lines) if line.strip()]
        edges = set(content[:3] + content[-3:])
        for index, line in enumerate(lines):
            stripped = line.strip()
            at_edge = index in edges or len(pages) == 1
            if stripped and at_edge and (PAGE_NUMBER.match(stripped) or _shape(stripped) in repeated):
                result.removed.append(stripped)
                continue
            result.lines.append(stripped)
    _join_hyphenated(result)
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
    return {shape for shape, count in counts.items() if count >= need and len(shape) < 120}


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
