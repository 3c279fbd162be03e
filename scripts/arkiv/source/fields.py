"""Typed access to one YAML mapping, recording a located problem for each bad or missing field.

Every getter returns a usable default after recording a problem, so that one run reports every
problem in every file instead of stopping at the first.
"""

from __future__ import annotations

import datetime as dt
import re

from ..problems import ProblemList
from .yamlsource import Located

_DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# The years a meeting of the archive can lie in; outside them a date is a typing error (and a
# year such as 20255 cannot even be a date in Python).
MIN_YEAR, MAX_YEAR = 1900, 2100


class Fields:
    def __init__(self, doc: Located, path: str, problems: ProblemList, at: tuple = (), name: str = ""):
        self.doc, self.path, self.problems, self.at = doc, path, problems, at
        self.name = name  # dotted field name for messages, e.g. 'participants[3]'
        value = doc.value
        for key in at:
            value = value[key]
        self.data = value if isinstance(value, dict) else {}

    def field_name(self, key) -> str:
        return f"{self.name}.{key}" if self.name else str(key)

    def line(self, key=None) -> int:
        return self.doc.line(*(self.at + ((key,) if key is not None else ())))

    def error(self, key, message: str, hint: str = "") -> None:
        self.problems.error(self.path, self.line(key), self.field_name(key), message, hint)

    def warning(self, key, message: str, hint: str = "") -> None:
        self.problems.warning(self.path, self.line(key), self.field_name(key), message, hint)

    def unknown_keys(self, allowed: set[str]) -> None:
        for key in self.data:
            if key not in allowed:
                self.error(key, f"ukendt felt '{key}'",
                           f"tilladte felter er: {', '.join(sorted(allowed))}")

    def has(self, key) -> bool:
        return self.data.get(key) is not None

    def str(self, key, required: bool = False, default=None):
        value = self.data.get(key)
        if value is None:
            if required:
                self.error(key, "feltet mangler", f"tilføj '{key}: …'")
            return default
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            # As written: YAML reads 'time: 14:00' as the number 840 and '14.00' as 14.0.
            return self.doc.raw.get(self.at + (key,), str(value))
        if not isinstance(value, str):
            self.error(key, f"skal være tekst, ikke {_kind(value)}", "skriv værdien som tekst")
            return default
        if required and not value.strip():
            self.error(key, "feltet er tomt", f"udfyld '{key}'")
            return default
        return value.strip()

    def int(self, key, required: bool = False, low: int | None = None, high: int | None = None):
        value = self.data.get(key)
        if value is None:
            if required:
                self.error(key, "feltet mangler", f"tilføj '{key}: <tal>'")
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.error(key, f"skal være et helt tal, ikke {_kind(value)}", "skriv fx 2025")
            return None
        if (low is not None and value < low) or (high is not None and value > high):
            self.error(key, f"{value} ligger ikke mellem {low} og {high}", "tjek tallet")
            return None
        return value

    def bool(self, key, default: bool = False) -> bool:
        value = self.data.get(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.error(key, f"skal være true eller false, ikke {_kind(value)}", "skriv true eller false")
            return default
        return value

    def date(self, key, required: bool = False):
        value = self.data.get(key)
        if value is None:
            if required:
                self.error(key, "feltet mangler", f"tilføj '{key}: ÅÅÅÅ-MM-DD'")
            return None
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, str) and _DATE_PATTERN.match(value.strip()):
            try:
                value = dt.date.fromisoformat(value.strip())
            except ValueError:
                self.error(key, f"'{value}' er ikke en dato, der findes",
                           "tjek dag og måned (skrives ÅÅÅÅ-MM-DD)")
                return None
        if isinstance(value, dt.date):
            if not MIN_YEAR <= value.year <= MAX_YEAR:
                self.error(key, f"året {value.year} ligger ikke mellem {MIN_YEAR} og {MAX_YEAR}", "tjek årstallet")
                return None
            return value
        self.error(key, f"'{value}' er ikke en dato", "skriv datoen som ÅÅÅÅ-MM-DD, fx 2025-06-23")
        return None

    def list(self, key, required: bool = False) -> list:
        value = self.data.get(key)
        if value is None:
            if required:
                self.error(key, "feltet mangler", f"tilføj '{key}:' med en liste")
            return []
        if not isinstance(value, list):
            self.error(key, f"skal være en liste, ikke {_kind(value)}",
                       "skriv hvert element på sin egen linje, der begynder med '- '")
            return []
        return value

    def str_list(self, key) -> tuple[str, ...]:
        result = []
        for index, item in enumerate(self.list(key)):
            if isinstance(item, (str, int, float)) and not isinstance(item, bool) and str(item).strip():
                result.append(str(self.doc.raw.get(self.at + (key, index), item)).strip())
            else:
                self.problems.error(self.path, self.doc.line(*self.at, key, index),
                                    f"{self.field_name(key)}[{index}]",
                                    f"skal være tekst, ikke {_kind(item)}", "skriv værdien som tekst")
        return tuple(result)

    def mappings(self, key, required: bool = False):
        """Yield a Fields for each mapping in the list at `key`; report items that are not."""
        for index, item in enumerate(self.list(key, required)):
            name = f"{self.field_name(key)}[{index}]"
            if not isinstance(item, dict):
                self.problems.error(self.path, self.doc.line(*self.at, key, index), name,
                                    f"skal være en mapping med felter, ikke {_kind(item)}",
                                    "skriv fx '- {person: anne-toennes, title: Politidirektør}'")
                continue
            yield Fields(self.doc, self.path, self.problems, self.at + (key, index), name)

    def mapping(self, key, required: bool = False):
        value = self.data.get(key)
        if value is None:
            if required:
                self.error(key, "feltet mangler", f"tilføj '{key}:' med underfelter")
            return None
        if not isinstance(value, dict):
            self.error(key, f"skal være en mapping med felter, ikke {_kind(value)}",
                       "skriv underfelterne indrykket under feltet")
            return None
        return Fields(self.doc, self.path, self.problems, self.at + (key,), self.field_name(key))


def _kind(value) -> str:
    return {
        str: "tekst", int: "et tal", float: "et tal", bool: "true/false", list: "en liste",
        dict: "en mapping", dt.date: "en dato",
    }.get(type(value), type(value).__name__)
