"""The links an editor writes in the minutes, and where the relative ones may point.

Links to people and themes are the archive's own. What an editor may link is a web address, or
another part of the archive by the only form that survives both builders and a change of layout:
an item of this meeting (`#punkt-3a`) or a meeting of the archive (`koebenhavn-2025-1.md`, with
an item's anchor if wanted). Every relative link is checked in the check step, at its line,
instead of failing the build later at a generated page's name.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

# Inline links '[text](target "title")' and reference definitions '[label]: target'.
_INLINE = re.compile(r"\]\(([^()]*)")
_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:([^\n]*)", re.MULTILINE)
_ABSOLUTE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.\-]*:")
MEETING_LINK = re.compile(r"^(?P<meeting>[a-z0-9]+(?:-[a-z0-9]+)*)\.md(?:#(?P<anchor>[a-z0-9-]+))?$")
ANCHOR_LINK = re.compile(r"^#(?P<anchor>[a-z0-9-]+)$")


@dataclass(frozen=True)
class Link:
    line: int
    target: str


def relative_links(markdown: str, first_line: int) -> tuple[Link, ...]:
    """Every link in `markdown` whose target is not an address with a scheme (those are the
    safety rules' business), at its line."""
    found = []
    for pattern in (_INLINE, _DEFINITION):
        for match in pattern.finditer(markdown):
            destination = match.group(1)
            # With white space, escapes and entities gone, as a browser reads it: an address with
            # a scheme ('java' + line break + 'script:') is the safety rules' to judge.
            squeezed = html.unescape("".join(destination.split()).replace("\\", ""))
            target = destination.split()[0].strip("<>") if destination.split() else ""
            if target and not _ABSOLUTE.match(squeezed.lstrip("<")):
                found.append(Link(first_line + markdown.count("\n", 0, match.start(1)), target))
    return tuple(sorted(found, key=lambda link: link.line))
