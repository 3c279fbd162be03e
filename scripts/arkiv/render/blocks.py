"""The HTML blocks of the generated pages, marked so that a builder can pass them through.

The generated pages carry long lists (a theme's items, a person's meetings) as HTML, and links on
people's names in the minutes' text. render/ marks each block (`BEGIN` … `END`); the MkDocs hook
registers a Markdown extension (site/rawhtml.py) that hands marked blocks to the output untouched
instead of parsing them. A builder that runs no hook still renders the pages right: the markers are
HTML comments around an ordinary HTML block. The blocks are made from escaped text, never from a
meeting file's markdown; the markers cannot come from a meeting file, whose HTML and HTML comments
the check refuses.
"""

from __future__ import annotations

BEGIN, END = "<!-- arkiv:html -->", "<!-- /arkiv:html -->"


def block(html: str) -> str:
    """An HTML block as a generated page carries it."""
    return f"{BEGIN}\n{html}\n{END}\n"
