"""Linking people's names in the minutes' text to their person pages."""

from __future__ import annotations

import re

from ..model import Archive
from .common import link, person_path

# Markdown that must not be touched: existing links, inline code, raw HTML tags.
_PROTECTED = re.compile(r"\[[^\]]*\]\([^)]*\)|`[^`]*`|<[^>]+>")


def link_names(markdown: str, archive: Archive, from_page: str, present: frozenset[str] = frozenset()) -> str:
    """Link the first mention of each person in a section; later mentions stay plain text. A name
    two people share is linked only where the meeting's lists (`present`) tell which one it is."""
    linked: set[str] = set()
    out = []
    for text, protected in _split(markdown):
        if protected:
            out.append(text)
            continue
        last = 0
        for match in archive.names.pattern.finditer(text):
            person_id = archive.names.person_of(match.group(0), present)
            if person_id is None or person_id in linked:
                continue
            linked.add(person_id)
            # Inline HTML rather than a markdown link: cheaper for the build, and the URL is final.
            target = link(from_page, person_path(archive.people[person_id]))
            out.append(f'{text[last: match.start()]}<a href="{target}">{match.group(0)}</a>')
            last = match.end()
        out.append(text[last:])
    return "".join(out)


def _split(markdown: str) -> list[tuple[str, bool]]:
    pieces, last = [], 0
    for match in _PROTECTED.finditer(markdown):
        pieces.append((markdown[last: match.start()], False))
        pieces.append((match.group(0), True))
        last = match.end()
    pieces.append((markdown[last:], False))
    return pieces
