"""The search's vocabulary (the words a visitor may mean when a query finds nothing) and its
filters' values by id.

Every word of the minutes (three letters or more, as the cross-index counted them), every
theme's title and words, every person's names and aliases and every council's name, with how
often the minutes use it. The search page loads it only when a query finds nothing, and suggests
the nearest word (soeg.js: »Mente du …?«). Names and titles keep their capitals; they count as if
used often, so that »gøterup« leads to the person before a rare word of the same spelling.
"""

from __future__ import annotations

import json

from ..model import Archive
from .data import DATA

VOCABULARY = f"{DATA}/ordforraad.json"
# The search's filter values by id, so that an address may say ?tema=opioider or
# ?person=kenneth-goetterup (the filters' values are the titles and names the lists show).
FILTER_IDS = f"{DATA}/soegefiltre.json"
NAME_WEIGHT = 1000  # a registry's word ranks above a word of the minutes at the same distance


def render_vocabulary(archive: Archive) -> dict[str, str]:
    counts = dict(archive.index.words)
    shown: dict[str, str] = {}  # lower case → as written, for names and titles
    registry = [theme.title for theme in archive.themes.values()]
    registry += [word.rstrip("*") for theme in archive.themes.values() for word in theme.words]
    registry += [name for person in archive.people.values() for name in (person.name, *person.aliases)]
    registry += [council.name for council in archive.councils.values()]
    for text in registry:
        for word in text.replace("(", " ").replace(")", " ").replace(",", " ").split():
            word = word.strip(".»«\"'")
            if len(word) >= 3 and any(ch.isalpha() for ch in word):
                key = word.lower()
                counts[key] = counts.get(key, 0) + NAME_WEIGHT
                if word != key:
                    shown.setdefault(key, word)
    entries = [[shown.get(word, word), counts[word]] for word in sorted(counts)]
    ids = {
        "tema": {theme.id: theme.title for theme in archive.themes.values()},
        "person": {person.id: person.name for person in archive.people.values()},
        "raad": {council.id: council.name for council in archive.councils.values()},
    }
    return {VOCABULARY: json.dumps({"ord": entries}, ensure_ascii=False, separators=(",", ":")),
            FILTER_IDS: json.dumps(ids, ensure_ascii=False, separators=(",", ":"), sort_keys=True)}
