"""What must never be published: code that runs in a reader's browser, requests to other hosts,
personal data, and input that makes the build hang or crash.

Every text that reaches a page is scanned here: the minutes (markdown), every front-matter value,
every registry value, the meeting's id, and the source text published beside it. The rules refuse
rather than clean: a sanitiser's allow-list of "harmless" markup is how sanitisers get bypassed,
and minutes need none of it. So the check refuses

- raw HTML of any kind, and markdown's attribute lists (`{: onclick=… }`): the generated pages'
  ids and classes are the archive's own, never the editor's;
- links whose scheme is not http(s) or mailto, however spelt (`java` + line break + `script:`,
  entities, escapes), images of every form, snippet includes (`--8<--`), character references;
- invisible characters (controls, zero-width and direction marks, line separators);
- personal data (arkiv/check/personal.py);
- markdown whose cost grows faster than its length (runs of `[` or backticks, lists nested
  hundreds deep): Python-Markdown needs minutes or crashes on them.

The renderer escapes what it places itself, and the built site is audited before it is published
(arkiv/site/audit.py), so that a gap in one layer is not a published hole.
"""

from __future__ import annotations

import re

from ..problems import Problem, ProblemList, field_name
from ..source.format import PLACEHOLDER
from ..source.yamlsource import Located
from .personal import ENTITY_NAMES, INVISIBLE, find_personal, fold, message

# Raw HTML as Python-Markdown reads it: '<' and a letter, '/', '!' or '?'. An autolink to a web
# address (<https://…>) is markdown, not HTML.
_TAG = re.compile(r"<(?!https?://[^\s<>]*>)(?:/?[a-zA-Z]|!|\?)[^\s<>]*")
# Markdown's attribute lists (the `attr_list` extension): '{' … '}' on one line.
_ATTR_LIST = re.compile(r"\{[ \t]*:?[ \t]*[^\}\n \t][^\}\n]*\}")
_IMAGE = re.compile(r"!\[")
_SNIPPET = re.compile(r"-+[ \t]*8<[ \t]*-+|;*-+8<-+")
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|([A-Za-z][A-Za-z0-9]*));")
_INVISIBLE = re.compile(f"[{INVISIBLE}]")
# A link's scheme, once invisible characters, escapes and entities are folded away as a browser
# does, with white space anywhere in it ('java' + line break + 'script:'): in an inline link
# '](…' or a reference definition '[x]: …'. Autolinks ('<…') are raw HTML unless they are web
# addresses.
_SCHEME = r"([a-zA-Z](?:\s*[a-zA-Z0-9+.\-])*)\s*:"
_LINK_SCHEME = re.compile(r"\]\s*\(\s*<?\s*" + _SCHEME + r"|^ {0,3}\[[^\]\n]*\]:\s*<?\s*" + _SCHEME, re.MULTILINE)
_SAFE_SCHEMES = ("http", "https", "mailto")
_SCRIPT_SCHEME = re.compile("|".join(r"\s*".join(word) + r"\s*:" for word in ("javascript", "vbscript")), re.IGNORECASE)
SAFE_URL = re.compile(r"^(?:https?://|mailto:)", re.IGNORECASE)


def _tag(match):
    return f"rå HTML er ikke tilladt ('{match.group(0).strip()}')"


def _attr_list(match):
    return f"'{match.group(0)}' er ikke tilladt: markdown læser krøllede parenteser som HTML-attributter"


def _entity(match):
    if match.group(1) and match.group(1) not in ENTITY_NAMES:
        return None  # '&Co;' is text, not a character reference
    return f"tegnkoden '{match.group(0)}' er ikke tilladt"


def _invisible(match):
    return f"usynligt tegn U+{ord(match.group(0)):04X} er ikke tilladt"


# (pattern, message for a match or None, how to fix it). Markup rules: every text that reaches a
# page, whether the renderer places it as markdown or escapes it.
_MARKUP_RULES = [
    (re.compile(PLACEHOLDER), lambda m: f"skabelonens '{PLACEHOLDER}' er ikke erstattet",
     "skriv referatets oplysninger i stedet"),
    (_TAG, _tag, "skriv teksten uden HTML; brug markdown til lister, fed skrift og links"),
    (_ATTR_LIST, _attr_list, "skriv teksten uden { og }; arkivet sætter selv sidernes id'er og klasser"),
    (_IMAGE, lambda m: "billeder er ikke tilladt ('![')",
     "sitet viser ingen billeder fra teksten; læg billedet som bilag i stedet"),
    (_SNIPPET, lambda m: f"'{m.group(0)}' (indsæt en fil) er ikke tilladt",
     "skriv teksten selv; kildens tekst offentliggøres af arkivet"),
    (_ENTITY, _entity, "skriv selve tegnet i stedet for tegnkoden"),
    (_INVISIBLE, _invisible, "slet tegnet (det ses ikke i en editor, men ændrer teksten)"),
]
_SCHEME_HINT = "link kun til adresser, der begynder med https://"
# A character without which no markup rule can match (the placeholder is tested apart).
_MARKUP_TRIGGER = re.compile(f"[<{{!&{INVISIBLE}]")


def scan_text(text: str, path: str, line: int, field: str, problems: ProblemList, *,
              markdown: bool = False, allowed: frozenset[str] = frozenset()) -> None:
    """Record the unsafe or personal content of one piece of text that starts at `line`.

    `markdown` is for the minutes' text, which is converted as markdown: its structure is
    checked too (see `_costly`). Each rule reports a line once, and the problems come in file
    order, as a reader scans them.
    """
    found: list[Problem] = []

    def report(position: int, message: str, hint: str, reported: set):
        where = line + text.count("\n", 0, position)
        if where not in reported:
            reported.add(where)
            found.append(Problem(path, where, field, message, hint))

    # Most values (names, titles, places) have nothing any markup rule looks for: one search.
    if _MARKUP_TRIGGER.search(text) or PLACEHOLDER in text:
        for pattern, message_for, hint in _MARKUP_RULES:
            reported: set[int] = set()
            for match in pattern.finditer(text):
                message_text = message_for(match)
                if message_text:
                    report(match.start(), message_text, hint, reported)
    _schemes(text, report)
    reported_by_kind: dict[str, set[int]] = {}
    for finding in find_personal(text, allowed):
        report(finding.start, *message(finding), reported_by_kind.setdefault(finding.kind, set()))
    if markdown:
        for position, message_text, hint in _costly(text):
            report(position, message_text, hint, set())
    problems.extend(sorted(found, key=lambda p: p.line))


def _schemes(text: str, report) -> None:
    """Links to anything but web and mail addresses, spelt in any way a browser still follows."""
    if ":" not in text and "&" not in text:
        return
    if "]" not in text and "&" not in text and "script" not in text.lower() and "\\" not in text \
            and not _INVISIBLE.search(text):
        return  # no link, and no script: scheme however spelt
    folded = fold(text)
    reported: set[int] = set()
    for match in _LINK_SCHEME.finditer(folded.text):
        group = 1 if match.group(1) is not None else 2
        scheme = "".join(match.group(group).split()).lower()
        if scheme not in _SAFE_SCHEMES:
            report(folded.original(match.start(group)), f"link med '{scheme}:' er ikke tilladt", _SCHEME_HINT, reported)
    for match in _SCRIPT_SCHEME.finditer(folded.text):
        report(folded.original(match.start()), f"'{''.join(match.group(0).split()).lower()}' er ikke tilladt",
               _SCHEME_HINT, reported)


# Bounds on markdown whose conversion time grows faster than its length (measured with
# Python-Markdown 3.9: 2,000 '[' in a paragraph take 0.4 s and 20,000 take 39 s; 2,000
# backticks take 15 s; a list nested 3,000 deep exceeds Python's recursion limit). Real minutes
# stay far below them: a paragraph with a hundred brackets or twenty backticks is a mistake.
MAX_BRACKETS, MAX_BACKTICKS, MAX_DEPTH, MAX_INDENT = 100, 20, 10, 40
_BLOCK = re.compile(r"[^\n](?:[^\n]|\n(?![ \t]*\n))*")
_NESTING = re.compile(r"^([ \t]*)((?:(?:[-*+]|\d{1,9}[.)]|>)[ \t]*)+)", re.MULTILINE)
_MARKER = re.compile(r"[-*+>]|\d{1,9}[.)]")


def _costly(text: str):
    """(position, message, hint) for each block of markdown whose structure is pathological."""
    if "[" in text or "`" in text:
        for block in _BLOCK.finditer(text):
            brackets, ticks = block.group(0).count("["), block.group(0).count("`")
            if brackets > MAX_BRACKETS:
                yield (block.start(), f"afsnittet har {brackets} '[' (højst {MAX_BRACKETS})",
                       "del afsnittet op, eller fjern de overflødige klammer")
            if ticks > MAX_BACKTICKS:
                yield (block.start(), f"afsnittet har {ticks} '`' (højst {MAX_BACKTICKS})",
                       "referater har ingen kode: fjern tegnene '`'")
    for match in _NESTING.finditer(text):
        depth = len(_MARKER.findall(match.group(2)))
        indent = len(match.group(1).expandtabs(4))
        if depth > MAX_DEPTH or indent > MAX_INDENT:
            yield (match.start(), "listen er indlejret for dybt",
                   f"brug højst {MAX_DEPTH} niveauer og højst {MAX_INDENT} tegns indrykning")


def scan_personal(text: str, path: str, line: int, field: str, problems: ProblemList,
                  allowed: frozenset[str] = frozenset(), kinds=("cpr", "email", "phone")) -> None:
    """Personal data and invisible characters in a text that is published but not as markdown:
    a file name, an id, an address, the source text."""
    found = []
    for finding in find_personal(text, allowed, kinds):
        found.append(Problem(path, line + text.count("\n", 0, finding.start), field, *message(finding)))
    for match in _INVISIBLE.finditer(text):
        found.append(Problem(path, line + text.count("\n", 0, match.start()), field, _invisible(match),
                             "slet tegnet (det ses ikke i en editor, men ændrer teksten)"))
        break  # one is enough to make the editor look
    problems.extend(sorted(found, key=lambda p: p.line))


# Front-matter fields that are not published as text: the contacts that may be published are
# compared with, not shown.
UNPUBLISHED = ("published_contacts",)


def scan_values(doc: Located, path: str, problems: ProblemList, allowed: frozenset[str] = frozenset()) -> None:
    """Scan every value of a YAML document, each at its own line: every text, and the text of
    every number as written (a person id of ten digits is a number to YAML)."""

    def walk(value, at: tuple):
        if isinstance(value, dict):
            for key, child in value.items():
                if not (len(at) == 0 and key in UNPUBLISHED):
                    walk(child, at + (key,))
        elif isinstance(value, list):
            for index, child in enumerate(value):
                walk(child, at + (index,))
        elif isinstance(value, str):
            name = field_name(at) or "fil"
            if at and at[-1] == "url":  # becomes a link target: only web addresses
                if value and not SAFE_URL.match(value):
                    problems.error(path, doc.line(*at), name, f"'{value}' er ikke en webadresse",
                                   "skriv en adresse, der begynder med https://")
                # Addresses often hold eight-digit document numbers: only CPR numbers and e-mail
                # addresses are looked for in them.
                scan_personal(value, path, doc.line(*at), name, problems, allowed, kinds=("cpr", "email"))
            else:
                scan_text(value, path, doc.line(*at), name, problems, allowed=allowed)
        elif at in doc.raw:
            scan_personal(doc.raw[at], path, doc.line(*at), field_name(at) or "fil", problems, allowed)

    walk(doc.value, ())
