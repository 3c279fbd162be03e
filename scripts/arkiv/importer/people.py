"""Names in a referat matched to the people registry: by name, by alias, by near spelling."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from ..danish import slugify
from ..model import Person as RegistryPerson

NEAR = 0.85  # difflib ratio: »Schønning« ~ »Schjønning« is 0.94; different people score far lower


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
        # 'Allan S. Andersen' written 'Allan Andersen': the same name without middle initials.
        bare = re.sub(r"\b\w\.\s*", "", key).strip()
        for known, (pid, how) in self.known.items():
            if re.sub(r"\b\w\.\s*", "", known).strip() == bare and bare.count(" ") >= 1:
                return Match(name, pid, "nær stavemåde", self.names[pid])
        close = difflib.get_close_matches(key, list(self.known), n=1, cutoff=NEAR)
        if close:
            pid, _ = self.known[close[0]]
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
