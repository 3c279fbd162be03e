"""`make follow-ups`: sentences in the minutes that promise something an editor may want to
record as a follow-up (issue 21), with file and line. It never edits a file.

What it looks for is the language of promises in Danish minutes: something »vil blive
fremlagt«, someone »vender tilbage«, a status »som opfølgning på« an earlier meeting, an
analysis that »ventes … klar«, a council that will »følge udviklingen«. A sentence already
recorded (as a promise or as an answer in a `follow_ups:` entry) is marked so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..source.reader import peek_front_matter
from ..source.yamlsource import SourceError, read_text, split_front_matter
from ..text import SENTENCE as _SENTENCE

PROMISES = re.compile(
    r"\b(?:vil blive (?:fremlagt|forelagt|drøftet|behandlet|orienteret|præsenteret|fulgt op)|"
    r"vender? tilbage|komme(?:r)? tilbage til|som opfølgning på|følge(?:r)? op på|opfølgning på|"
    r"ventes\b.{0,60}\bklar|forventes\b.{0,60}\bklar|følge udviklingen|på (?:et )?(?:senere|næste|kommende) "
    r"(?:kredsråds)?møde|til næste møde|senere (?:kreds)?rådsmøde)", re.IGNORECASE)


@dataclass(frozen=True)
class Candidate:
    path: str
    line: int
    sentence: str
    words: str  # what matched
    recorded: bool

    def __str__(self) -> str:
        mark = " (registreret)" if self.recorded else ""
        return f"{self.path}:{self.line}: »{self.sentence}« – {self.words}{mark}"


def candidates(folder: Path) -> list[Candidate]:
    """Every sentence of the meeting files' minutes that reads like a promise, in file order."""
    found = []
    for path in sorted(Path(folder).glob("*.md")):
        try:
            yaml_text, body, body_line = split_front_matter(read_text(path))
        except (SourceError, OSError):
            continue  # `make check` says what is wrong with it
        recorded = _recorded(peek_front_matter(path))
        for offset, line in enumerate(body.split("\n")):
            if line.startswith("#"):
                continue
            for sentence in _SENTENCE.findall(line):
                sentence = sentence.strip()
                match = PROMISES.search(sentence)
                if match:
                    found.append(Candidate(path.name, body_line + offset, sentence, match.group(0),
                                           any(r and r in sentence for r in recorded)))
    return found


def _recorded(front: dict) -> list[str]:
    texts = []
    for entry in front.get("follow_ups") or []:
        if isinstance(entry, dict):
            texts.append(" ".join(str(entry.get("promise") or "").split()))
            answer = entry.get("answer")
            if isinstance(answer, dict):
                texts.append(" ".join(str(answer.get("text") or "").split()))
    return [t for t in texts if t]
