"""Names in a referat matched to the people registry: by name, by alias, by near spelling."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..danish import similar_names, slugify
from ..model import Person as RegistryPerson


@dataclass
class Match:
    as_written: str
    person: str            # registry id, or the proposed id of a new person
    how: str               # 'navn', 'alias', 'nær stavemåde', 'ny'
    registry_name: str | None = None


def _norm(name: str) -> str:
    return re.sub(r"\s+", " ", name.strip().lower())


class PeopleMatcher:
    def __init__(self, people: dict[str, RegistryPerson]):
        self.known: dict[str, tuple[str, str]] = {}
        for person in people.values():
            self.known.setdefault(_norm(person.name), (person.id, "navn"))
            for alias in person.aliases:
                self.known.setdefault(_norm(alias), (person.id, "alias"))
        self.names = {pid: p.name for pid, p in people.items()}

    def match(self, name: str) -> Match:
        key = _norm(name)
        if key in self.known:
            pid, how = self.known[key]
            return Match(name, pid, how, self.names[pid])
        # A near spelling (»Zacharias Prøwe«, »Allan Andersen« for »Allan S. Andersen«), only when it
        # points to one person: two registry people close to the name are left to the editor.
        close = {pid for known, (pid, _) in self.known.items() if similar_names(key, known)}
        if len(close) == 1:
            pid = close.pop()
            return Match(name, pid, "nær stavemåde", self.names[pid])
        return Match(name, slugify(name), "ny")

    def find_in(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, id) of every registry name or alias in running text, longest first."""
        hits = []
        for known, (pid, _) in sorted(self.known.items(), key=lambda kv: -len(kv[0])):
            for m in re.finditer(r"(?<!\w)" + re.escape(known).replace(r"\ ", r"\s+") + r"(?!\w)", text, re.IGNORECASE):
                if not any(s <= m.start() < e for s, e, _ in hits):
                    hits.append((m.start(), m.end(), pid))
        return sorted(hits)
