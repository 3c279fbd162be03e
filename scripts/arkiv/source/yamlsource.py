"""Reading text files and YAML while remembering the line every value came from.

PyYAML's node tree carries positions; the plain `safe_load` result does not. We compose the node
tree once, construct the values from it, and keep a map from each value's path (e.g.
`("participants", 3, "person")`) to its 1-based line, so that problems can name the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

MAX_FILE_BYTES = 1_000_000  # a year of minutes is a few dozen KB; anything near this is a mistake


class SourceError(Exception):
    """A file that cannot be read at all; carries the line (0 when unknown) and a hint."""

    def __init__(self, line: int, message: str, hint: str = ""):
        super().__init__(message)
        self.line = line
        self.message = message
        self.hint = hint


@dataclass
class Located:
    """A YAML value with the line of each of its parts."""

    value: object
    lines: dict = field(default_factory=dict)
    offset: int = 0  # lines before the YAML text in its file (front matter starts after '---')
    raw: dict = field(default_factory=dict)  # path → a number's text as written ('14:00', '010')

    def line(self, *path) -> int:
        """Line of the value at `path`, or of its nearest located ancestor."""
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, 1) + self.offset


def decode_text(path: Path) -> str:
    """File text as str with a byte-order mark and CRLF line ends accepted silently."""
    raw = path.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        raise SourceError(0, f"filen er {len(raw):,} bytes, grænsen er {MAX_FILE_BYTES:,}",
                          "del referatet op, eller fjern indlejrede data")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise SourceError(line, "filen er ikke gemt som UTF-8",
                          "gem filen igen med tegnsættet UTF-8") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: Path) -> str:
    """A meeting or registry file's text (see `decode_text`), refused when it holds a character
    that shifts line numbers.

    YAML and Python count U+0085, U+2028 and U+2029 as line breaks, and a NUL confuses the YAML
    parser's positions; an editor shows none of them. Refused here, at the line the editor shows,
    before any line number could shift.
    """
    text = decode_text(path)
    invisible = _BREAKING.search(text)
    if invisible:
        raise SourceError(text.count("\n", 0, invisible.start()) + 1,
                          f"usynligt tegn U+{ord(invisible.group(0)):04X} er ikke tilladt",
                          "slet tegnet (det ses ikke i en editor, men ændrer teksten)")
    return text


_BREAKING = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x85\u2028\u2029]")


# libyaml's parser (CSafeLoader) is ten times faster than the pure-Python one; PyYAML's wheels
# ship it, and the pure-Python loader is the fallback where they do not.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):
    """Safe loader that leaves dates as text, so that an impossible date such as 2025-02-30
    becomes a located field error from our own date check instead of a constructor crash."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(text: str, offset: int = 0) -> Located:
    """Parse YAML text into values plus a line map; raises SourceError with the parser's line."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except RecursionError:
        raise SourceError(offset + 1, "YAML er indlejret for dybt",
                          "skriv felterne med højst få niveauers indrykning") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = (mark.line + 1 + offset) if mark else offset + 1
        problem = getattr(exc, "problem", None) or str(exc)
        raise SourceError(line, f"YAML kan ikke læses: {problem}",
                          "ret indrykning, kolon og anførselstegn på linjen") from None
    if node is None:
        return Located(None, {(): 1}, offset)
    lines: dict = {}
    raw: dict = {}
    loader = yaml.SafeLoader("")  # constructs the values that are not plain text; parses nothing
    try:
        value = _construct(node, (), lines, set(), loader, raw, offset)
    except SourceError as exc:
        exc.line += offset
        raise
    except (yaml.YAMLError, ValueError) as exc:
        mark = getattr(exc, "problem_mark", None)
        line = (mark.line + 1 + offset) if mark else offset + 1
        raise SourceError(line, f"YAML-værdien kan ikke læses: {getattr(exc, 'problem', exc)}",
                          "ret værdien på linjen") from None
    finally:
        loader.dispose()
    return Located(value, lines, offset, raw)


_STR, _MAP, _SEQ = ("tag:yaml.org,2002:" + kind for kind in ("str", "map", "seq"))
_MERGE = "tag:yaml.org,2002:merge"
_NUMBERS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")


def _construct(node: yaml.Node, path: tuple, lines: dict, seen: set, loader: yaml.SafeLoader, raw: dict,
               offset: int):
    """The node's value, noting the line of it and of each of its parts in `lines`.

    One walk does both. Text, lists and mappings, which are nearly all of a meeting, are built
    here; any other value (numbers, booleans, null, a '<<' merge) by PyYAML's own safe
    constructor, so the values are exactly those of `yaml.safe_load`. PyYAML's generic
    constructor took twice as long for the same result (issue 6).
    """
    # An alias (*name) makes the same node appear twice; nested aliases multiply a few lines
    # into billions of values. Meeting files need none, so they are refused.
    if id(node) in seen:
        raise SourceError(node.start_mark.line + 1, "YAML-aliaser (*navn) er ikke tilladt",
                          "skriv værdien ud i stedet for at henvise til et anker (&navn)")
    seen.add(id(node))
    if len(path) > 20:
        raise SourceError(node.start_mark.line + 1, "YAML er indlejret for dybt",
                          "skriv felterne med højst få niveauers indrykning")
    lines[path] = node.start_mark.line + 1
    tag = node.tag
    if tag == _STR:
        return node.value
    if tag == _MAP:
        result, merged, key_lines = {}, False, {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in (_STR, _MERGE):
                # 'yes:' is true and '~:' null to YAML: no field of the archive is named so.
                shown = key_node.value if isinstance(key_node, yaml.ScalarNode) else "…"
                raise SourceError(key_line, f"feltnavnet '{shown}' er ikke tekst for YAML",
                                  f"skriv feltnavnet i anførselstegn (\"{shown}\":), eller ret det")
            key = key_node.value
            if key in key_lines:
                # PyYAML keeps the last of two equal keys and drops the first without a word.
                raise SourceError(key_line, f"feltet '{key}' står to gange (linje {key_lines[key] + offset} og {key_line + offset})",
                                  "slå de to felter sammen til ét, eller slet det ene")
            key_lines[key] = key_line
            child = _construct(value_node, path + (key,), lines, seen, loader, raw, offset)
            lines[path + (key,)] = key_line
            if key_node.tag == _MERGE:
                merged = True
            else:
                result[key] = child
        return loader.construct_object(node, deep=True) if merged else result
    if tag == _SEQ:
        return [_construct(child, path + (index,), lines, seen, loader, raw, offset) for index, child in enumerate(node.value)]
    if tag in _NUMBERS:
        raw[path] = node.value  # a text field given as a number keeps the text as written
    return loader.construct_object(node, deep=True)


def split_front_matter(text: str) -> tuple[str, str, int]:
    """Split '---\\n<yaml>\\n---\\n<body>' into (yaml, body, first line number of the body)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise SourceError(1, "filen begynder ikke med front matter",
                          "sæt en linje med '---' først, så mødets felter, og '---' igen før referatet")
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1:]), index + 2
    raise SourceError(1, "front matter slutter aldrig",
                      "afslut mødets felter med en linje, der kun indeholder '---'")
