"""The meeting format, defined once: what reading, checking, `make import` and `make new` share.

A meeting file is YAML front matter between two `---` lines, then the minutes as markdown with one
`## ` heading per agenda item. Its file name is its id. The names, patterns and the writer of the
house style are here, so that the reader that checks a file and the tools that write one cannot
disagree about what a file is.
"""

from __future__ import annotations

import re

import yaml

# The front matter's fields, in the order the house style writes them.
FIELD_ORDER = (
    "council", "date", "date_unknown", "time", "place", "chair", "chair_note", "participants",
    "participants_note", "absent", "substitutes", "presenters", "approves_minutes", "next_meeting",
    "agenda", "agenda_note", "attachments", "conclusions", "follow_ups", "source", "published_contacts",
)
FRONT_MATTER_FIELDS = frozenset(FIELD_ORDER)

# An id: the file name of a meeting, the id of a council, person or theme, and a page's address.
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ID_HINT = "brug kun a-z, 0-9 og bindestreg, fx 'soeren-thomassen' (æ→ae, ø→oe, å→aa)"


def meeting_id(council: str, year: int, number: int) -> str:
    """'koebenhavn-2025-2': the council, the year, the meeting's number in the year."""
    return f"{council}-{year}-{number}"


AGENDA_NUMBER = re.compile(r"^\d+(?:\.[a-z])?$")   # "1", "2", "2.a"
CLOCK = re.compile(r"^(?:[01]?\d|2[0-3])[.:][0-5]\d$")  # "14.00"

# '## Ad 3.a) Titel', '## 3.a) Titel', '## Ad. pkt. 3 Titel', '## Punkt 3: Titel', '## 3. Titel'
ITEM_HEADING = re.compile(
    r"^##[ \t]+(?:Ad\.?[ \t]+|Punkt[ \t]+)?(?:pkt\.?[ \t]*)?(?P<number>\d+(?:\.[a-z])?)[ \t]*[).:]?[ \t]+(?P<title>\S.*?)[ \t]*$",
    re.IGNORECASE)
WRITTEN_HEADING = re.compile(r"^##[ \t]+(?:til[ \t]+)?skriftlig[ \t]+orientering:?[ \t]*$", re.IGNORECASE)


def item_heading(number: str, title: str) -> str:
    """The heading `make new` and the importer write for an item: '## Ad 2.a) Titel'."""
    return f"## Ad {number}) {title}".rstrip()


# What `make new` leaves for the secretariat to write; the check refuses it until replaced.
PLACEHOLDER = "UDFYLD"
# What `make import` writes into a draft and an editor removes once it is gone through;
# `make check --strict` refuses a file that still has them.
DRAFT_MARK = "# USIKKER:"
DRAFT_HEADER = "# Udkast fra `arkiv import`"
DRAFT_MARKS = re.compile(r"#\s*(?P<mark>USIKKER:.*|Udkast fra `arkiv import`.*)$")


class _Dumper(yaml.SafeDumper):
    """No anchors and aliases: the archive refuses them (one date used twice would get one)."""

    def ignore_aliases(self, data):
        return True


def _yaml(value, flow: bool) -> str:
    return yaml.dump(value, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=flow, width=100000 if flow else 100).strip()


def front_matter(data: dict, comments: dict[str, str] | None = None, header: str = "",
                 marks=()) -> str:
    """The front matter in the house style, `---` lines included: one field a line in FIELD_ORDER,
    lists of people and agenda items one entry a line, as in the README's example. `comments`
    puts a comment after a field's first line; `marks` are (text of a line, why) pairs that get
    `# USIKKER: why` after the first line holding the text; `header` is comment lines on top."""
    comments = comments or {}
    order = [key for key in FIELD_ORDER if key in data] + [key for key in data if key not in FIELD_ORDER]
    lines = []
    for key in order:
        value = data[key]
        if isinstance(value, list) and value:
            lines.append(f"{key}:")
            lines += [f"  - {_yaml(entry, flow=True)}" for entry in value]
        else:
            lines += _yaml({key: value}, flow=False).split("\n")
        if key in comments:
            at = next(i for i in range(len(lines) - 1, -1, -1) if lines[i].startswith(f"{key}:"))
            lines[at] += f"  # {comments[key]}"
    for needle, why in marks:
        at = next((i for i, line in enumerate(lines) if needle in line and DRAFT_MARK not in line), None)
        if at is not None:
            lines[at] += f"  {DRAFT_MARK} {why}"
    return "---\n" + header + "\n".join(lines) + "\n---\n"
