"""Linking people's names in the minutes' text to their person pages."""

from __future__ import annotations

import re

from ..model import Archive
from ..text import name_pattern
from .common import link, person_path

# Markdown that must not be touched: existing links, inline code, raw HTML tags.
_PROTECTED = re.compile(r"\[[^\]]*\]\([^)]*\)|`[^`]*`|<[^>]+>")


def link_names(markdown: str, archive: Archive, from_page: str) -> str:
    """Link the first mention of each person in a section; later mentions stay plain text."""
    pieces = _split(markdown)
    for person in archive.people.values():
        pattern = name_pattern(person.names)
        for index, (text, protected) in enumerate(pieces):
            if protected:
                continue
            match = pattern.search(text)
            if match:
                target = link(from_page, person_path(person))
                pieces[index:index + 1] = [
                    (text[: match.start()], False),
                    (f"[{match.group(0)}]({target})", True),
                    (text[match.end():], False),
                ]
                break
    return "".join(text for text, _ in pieces)


def _split(markdown: str) -> list[tuple[str, bool]]:
    pieces, last = [], 0
    for match in _PROTECTED.finditer(markdown):
        pieces.append((markdown[last: match.start()], False))
        pieces.append((match.group(0), True))
        last = match.end()
    pieces.append((markdown[last:], False))
    return pieces
