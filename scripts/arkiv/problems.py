"""Problems found in the input, collected across all files and reported together."""

from __future__ import annotations

from dataclasses import dataclass


def _one_line(text: str) -> str:
    # Field names and values quoted from a file may hold line breaks; a problem is one line.
    return " ".join(str(text).split())


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong (or suspicious) in one place of one input file.

    Printed as `path:line: field: what is wrong — how to fix it`, the form editors and CI logs
    make clickable.
    """

    path: str
    line: int
    field: str
    message: str
    hint: str = ""
    severity: str = "error"  # "error" stops the build; "warning" is reported and published

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{where}: {_one_line(self.field)}: {_one_line(self.message)}"
        if self.hint:
            text += f" — {_one_line(self.hint)}"
        if self.severity == "warning":
            text = "advarsel: " + text
        return text


def field_name(path: tuple) -> str:
    """('participants', 3, 'person') → 'participants[3].person', the way messages name a field."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


class ProblemList(list):
    """The problems of one run, in the order found."""

    def error(self, path: str, line: int, field: str, message: str, hint: str = "") -> None:
        self.append(Problem(str(path), line or 0, field, message, hint))

    def warning(self, path: str, line: int, field: str, message: str, hint: str = "") -> None:
        self.append(Problem(str(path), line or 0, field, message, hint, "warning"))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self if p.severity == "error"]


class InputError(Exception):
    """Raised once, after reading everything, when the input has errors."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
