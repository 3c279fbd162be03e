"""Finding many words or names in a text in one pass.

Checking 300 names or 60 theme words one regex at a time costs one scan of the text each; at
thousands of meetings that dominated the build. Here all of them are compiled into one regex
shaped like a trie (shared prefixes written once), so the text is scanned once, and each match is
mapped back to what it names.
"""

from __future__ import annotations

import re

_END = ""


def _trie_regex(words: list[tuple[str, bool]], after_first: str = "") -> str:
    """Regex for (word, is_stem) pairs: a stem may go on ('bande' + 'situationen'), a word may not.

    Spaces match any run of whitespace, so a phrase broken over two lines still matches.
    `after_first` goes after the first character of every word: a lookbehind that must come
    first in meaning (»no letter before the word«) goes there, so that the regex still begins
    with a plain choice of characters, which Python's engine finds by a fast scan instead of
    trying the whole regex at every position of the text (three times faster, issue 6).
    """
    trie: dict = {}
    for word, stem in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[_END] = node.get(_END, False) or stem

    def build(node: dict, after: str = "") -> str:
        # Longer continuations first: regex alternation takes the first that matches.
        alternatives = [(r"\s+" if char == " " else re.escape(char)) + after + build(child)
                        for char, child in sorted(node.items()) if char != _END]
        if _END in node:
            alternatives.append(r"[\w-]*" if node[_END] else r"(?![\w])")
        return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"

    return build(trie, after_first) if trie else "(?!)"


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
        # The words are lower case and looked for in the lower-cased text: a case-insensitive
        # regex cannot use the engine's fast scan for its first character.
        self.pattern = re.compile(_trie_regex(pairs, r"(?<![\w-].)"))
        self._any_case = re.compile(r"(?<![\w-])" + _trie_regex(pairs), re.IGNORECASE)

    def keys_of(self, matched: str) -> set[str]:
        keys = self._cache.get(matched)  # the same words recur in every meeting
        if keys is None:
            text = _normal(matched).lower()
            keys = set(self.exact.get(text, ()))
            for stem, stem_keys in self.stems.items():
                if text.startswith(stem):
                    keys |= stem_keys
            self._cache[matched] = keys
        return keys

    def spans(self, text: str):
        """(start, end) of every match in `text`."""
        lowered = text.lower()
        if len(lowered) != len(text):  # a letter whose lower case is longer ('İ'): positions differ
            return (m.span() for m in self._any_case.finditer(text))
        return (m.span() for m in self.pattern.finditer(lowered))

    def first_matches(self, text: str) -> dict[str, str]:
        """Each key found in `text`, with the words of its first match as they are written."""
        found: dict[str, str] = {}
        for start, end in self.spans(text):
            matched = text[start:end]
            for key in self.keys_of(matched):
                found.setdefault(key, matched)
        return found


class NameFinder:
    """People's names and aliases, case-sensitive, whole names only."""

    def __init__(self, names_by_person: dict[str, tuple[str, ...]]):
        # A name may belong to two people of the same name (each with a note in people.yml).
        self.owners: dict[str, tuple[str, ...]] = {}
        for person, names in names_by_person.items():
            for name in names:
                key = _normal(name)
                if person not in self.owners.get(key, ()):
                    self.owners[key] = self.owners.get(key, ()) + (person,)
        self.pattern = re.compile(_trie_regex([(name, False) for name in self.owners], r"(?<!\w.)"))

    def person_of(self, matched: str, present: frozenset[str] | set[str] = frozenset()) -> str | None:
        """Who a name in a meeting's text is: its one owner, or of two people of the same name the
        one listed at the meeting (`present`); None when that does not tell them apart."""
        owners = self.owners[_normal(matched)]
        if len(owners) == 1:
            return owners[0]
        listed = [person for person in owners if person in present]
        return listed[0] if len(listed) == 1 else None

    def first_matches(self, text: str, present: frozenset[str] | set[str] = frozenset()) -> dict[str, str]:
        """Each person named in `text`, with the words of the first mention."""
        found: dict[str, str] = {}
        for match in self.pattern.finditer(text):
            person = self.person_of(match.group(0), present)
            if person is not None:
                found.setdefault(person, match.group(0))
        return found
