"""Finding many words or names in a text in one pass.

Checking 300 names or 60 theme words one regex at a time costs one scan of the text each; at
thousands of meetings that dominated the build. Here all of them are compiled into one regex
shaped like a trie (shared prefixes written once), so the text is scanned once, and each match is
mapped back to what it names.
"""

from __future__ import annotations

import re

_END = ""


def _trie_regex(words: list[tuple[str, bool]]) -> str:
    """Regex for (word, is_stem) pairs: a stem may go on ('bande' + 'situationen'), a word may not.

    Spaces match any run of whitespace, so a phrase broken over two lines still matches.
    """
    trie: dict = {}
    for word, stem in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[_END] = node.get(_END, False) or stem

    def build(node: dict) -> str:
        # Longer continuations first: regex alternation takes the first that matches.
        alternatives = [(r"\s+" if char == " " else re.escape(char)) + build(child)
                        for char, child in sorted(node.items()) if char != _END]
        if _END in node:
            alternatives.append(r"[\w-]*" if node[_END] else r"(?![\w])")
        return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"

    return build(trie) if trie else "(?!)"


def _normal(text: str) -> str:
    return " ".join(text.split())


class WordFinder:
    """Theme words, case-insensitive; 'stem*' matches any ending. Maps a match to its keys."""

    def __init__(self, words_by_key: dict[str, tuple[str, ...]]):
        self._cache: dict[str, set[str]] = {}
        self.exact: dict[str, set[str]] = {}
        self.stems: dict[str, set[str]] = {}
        pairs = []
        for key, words in words_by_key.items():
            for word in words:
                stem = word.endswith("*")
                core = _normal(word.rstrip("*")).lower()
                (self.stems if stem else self.exact).setdefault(core, set()).add(key)
                pairs.append((core, stem))
        self.pattern = re.compile(r"(?<![\w-])" + _trie_regex(pairs), re.IGNORECASE)

    def keys_of(self, matched: str) -> set[str]:
        text = _normal(matched).lower()
        if text not in self._cache:  # the same words recur in every meeting
            keys = set(self.exact.get(text, ()))
            for stem, stem_keys in self.stems.items():
                if text.startswith(stem):
                    keys |= stem_keys
            self._cache[text] = keys
        return self._cache[text]

    def first_matches(self, text: str) -> dict[str, re.Match]:
        """Each key found in `text`, with its first match."""
        found: dict[str, re.Match] = {}
        for match in self.pattern.finditer(text):
            for key in self.keys_of(match.group(0)):
                found.setdefault(key, match)
        return found


class NameFinder:
    """People's names and aliases, case-sensitive, whole names only."""

    def __init__(self, names_by_person: dict[str, tuple[str, ...]]):
        self.owner = {_normal(name): person for person, names in names_by_person.items() for name in names}
        self.pattern = re.compile(r"(?<![\w])" + _trie_regex([(name, False) for name in self.owner]))

    def person_of(self, matched: str) -> str:
        return self.owner[_normal(matched)]

    def first_matches(self, text: str) -> dict[str, re.Match]:
        found: dict[str, re.Match] = {}
        for match in self.pattern.finditer(text):
            found.setdefault(self.person_of(match.group(0)), match)
        return found
