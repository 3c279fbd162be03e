"""The cross-index: which sections are on which theme, which mention which person, and each
person's place at each meeting.

Tags induce a graph, not a tree: a theme's or a person's list can only be complete once every
meeting is read. What a meeting contributes needs only that meeting (`index_meeting`, run where the
file is read, on all cores); `build_crossref` joins the contributions in the archive's order.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from ..danish import sort_key
from ..model import (
    ABSENT,
    CHAIR,
    MENTIONED,
    ON_AGENDA,
    PRESENT,
    PRESENTED,
    PRESENTER,
    REPRESENTED,
    SPOKE,
    SUBSTITUTE,
    AgendaEntry,
    Appearance,
    Archive,
    CrossIndex,
    Hit,
    Meeting,
    Person,
    Section,
    Theme,
)
from ..text import Excerpt, excerpt_of, plain, sentences
from .finder import NameFinder, WordFinder


@dataclass(frozen=True)
class Finders:
    """What the cross-index looks for in every section: theme words and people's names."""

    words: WordFinder
    names: NameFinder
    theme_order: tuple[str, ...]  # themes in the order their labels are shown


def make_finders(themes: dict[str, Theme], people: dict[str, Person]) -> Finders:
    return Finders(WordFinder({t.id: t.words for t in themes.values()}),
                   NameFinder({p.id: p.names for p in people.values()}),
                   tuple(sorted(themes, key=lambda t: sort_key(themes[t].title))))


class Found(NamedTuple):
    """A theme or person found in one of a meeting's sections: what becomes a Hit once the
    meeting is joined. Text and numbers only (the section by its place), because an index is sent
    from a worker process: 100,000 Hit objects with their sections took seconds to pickle."""

    key: str           # theme or person id
    position: int      # the section's place in the meeting
    text: str          # the excerpt
    start: int
    end: int
    how: str


@dataclass
class MeetingIndex:
    """One meeting's part of the cross-index. It needs only the meeting and the finders, so each
    meeting's is made as the meeting is read (in parallel); `build_crossref` joins them."""

    section_themes: dict[str, tuple[str, ...]] = field(default_factory=dict)  # section anchor → themes
    section_people: dict[str, tuple[str, ...]] = field(default_factory=dict)  # section anchor → people
    themes: list[Found] = field(default_factory=list)
    people: list[Found] = field(default_factory=list)
    words: dict[str, int] = field(default_factory=dict)  # each word of the minutes (lower case), how often


def index_meeting(meeting: Meeting, finders: Finders) -> MeetingIndex:
    index = MeetingIndex()
    presenters = _presenters_by_item(meeting)
    agenda = {entry.number: entry for entry in meeting.agenda}
    present = listed_people(meeting)
    for position, section in enumerate(meeting.sections):
        words_only = plain(section_text(section))
        count_words(words_only, index.words)
        # Split once per section, for all its hits: the title's sentences, then the text's.
        body = sentences(section.body)
        found = sentences(section.title) + body if section.title else body
        themes = _themes_of(section, agenda, found, body, theme_matches(words_only, finders.words))
        index.section_themes[section.anchor] = tuple(t for t in finders.theme_order if t in themes)
        index.themes.extend(Found(theme_id, position, *quote, how) for theme_id, (quote, how) in themes.items())
        named = finders.names.first_matches(words_only, present)
        people = sorted(named.keys() | presenters.get(section.number, set()))
        index.section_people[section.anchor] = tuple(people)
        speakers = _speakers(words_only, finders.names, present) if named else set()
        for person_id in people:
            match = named.get(person_id)
            quote = excerpt_of(found, match) if match else excerpt_of(body)
            if person_id in presenters.get(section.number, ()):
                how = PRESENTED
            else:
                how = SPOKE if person_id in speakers else MENTIONED
            index.people.append(Found(person_id, position, *quote, how))
    return index


WORD = re.compile(r"[^\W\d_][^\W\d_-]*(?:-[^\W\d_]+)*")


def count_words(text: str, counts: dict[str, int]) -> None:
    """Add the text's words of three letters or more (lower case) to `counts`: the vocabulary the
    search's spelling suggestions are made from."""
    for word in WORD.findall(text):
        if len(word) >= 3:
            key = word.lower()
            counts[key] = counts.get(key, 0) + 1


def build_crossref(archive: Archive, finders: Finders | None = None,
                   indexes: dict[str, MeetingIndex] | None = None) -> Archive:
    """The archive with its cross-index, joined from each meeting's index (made here when not
    given), in the archive's meeting order."""
    finders = finders or make_finders(archive.themes, archive.people)
    indexes = indexes or {}
    theme_hits: dict[str, list[Hit]] = {t: [] for t in archive.themes}
    person_hits: dict[str, list[Hit]] = {p: [] for p in archive.people}
    appearances: dict[str, list[Appearance]] = {p: [] for p in archive.people}
    section_themes, section_people = {}, {}
    words: dict[str, int] = {}
    for meeting in archive.meetings:
        _add_roles(appearances, meeting)
        index = indexes.get(meeting.id) or index_meeting(meeting, finders)
        for anchor, themes in index.section_themes.items():
            section_themes[(meeting.id, anchor)] = themes
        for anchor, people in index.section_people.items():
            section_people[(meeting.id, anchor)] = people
        for word, count in index.words.items():
            words[word] = words.get(word, 0) + count
        sections = meeting.sections
        for found, lists in ((index.themes, theme_hits), (index.people, person_hits)):
            for key, position, text, start, end, how in found:
                # tuple.__new__ makes the named tuples without their Python-level __new__: this loop
                # runs once per hit, a hundred thousand times at 1,000 meetings, in one process.
                quote = _new_tuple(Excerpt, (text, start, end))
                lists[key].append(_new_tuple(Hit, (meeting.id, sections[position], quote, how)))
    frozen = lambda lists: {key: tuple(value) for key, value in lists.items()}  # noqa: E731
    return dataclasses.replace(archive, index=CrossIndex(
        frozen(theme_hits), frozen(person_hits), section_themes, section_people, frozen(appearances), finders.names,
        words))


_new_tuple = tuple.__new__


def section_text(section: Section) -> str:
    """What a theme word or name is looked for in: the item's title and its text."""
    return f"{section.title or ''}\n\n{section.body}"


def explicit_themes(section: Section, agenda: dict[str, AgendaEntry]) -> tuple[str, ...]:
    """Themes tagged on the item's agenda line, and on its parent's ('3' covers '3.a');
    `agenda` is the meeting's agenda by number."""
    if section.number is None:
        return ()
    own = agenda.get(section.number)
    parent_number = own.parent if own else None
    parent = agenda.get(parent_number) if parent_number else None
    tags = (parent.themes if parent else ()) + (own.themes if own else ())
    return tuple(dict.fromkeys(tags))


def _themes_of(section: Section, agenda: dict, found: tuple[str, ...], body: tuple[str, ...],
               matches: dict[str, str]) -> dict[str, tuple[Excerpt, str]]:
    """A section's themes, each with (excerpt, why): tagged on the agenda
    (quoting the text, not the title), then found in its title or text."""
    themes = {}
    for theme_id in explicit_themes(section, agenda):
        themes[theme_id] = (excerpt_of(body, matches.get(theme_id)), ON_AGENDA)
    for theme_id, match in matches.items():
        if theme_id not in themes:
            themes[theme_id] = (excerpt_of(found, match), match)
    return themes


# A list of examples: a marker ('fx', 'f.eks.', 'herunder', 'bl.a.', 'såsom', …) and what follows
# it to the end of its parenthesis or sentence ('m.v.' and the like do not end it).
_EXAMPLES = re.compile(r"(?<![\w.])(?:fx|f\.eks\.|for eksempel|eksempelvis|herunder|bl\.a\.|blandt andet|såsom)\s"
                       r"(?:[^.()]|\b(?:m\.v|mv|osv|etc|f\.eks|fx|bl\.a|m\.m)\.)*", re.IGNORECASE)
_LIST_SEPARATOR = re.compile(r",|\s(?:og|eller)\s")


def example_lists(text: str) -> list[tuple[int, int]]:
    """Where `text` lists three or more things as examples: »(det kan fx være bekæmpelse af bande-
    og rockeraktiviteter, utryghed, mistillid til politiet, narkotikakriminalitet m.v.)«."""
    return [m.span() for m in _EXAMPLES.finditer(text) if len(_LIST_SEPARATOR.findall(m.group(0))) >= 2]


def theme_matches(text: str, words: WordFinder) -> dict[str, str]:
    """Each theme whose words occur in `text` (an item's title and text), with its first match.

    A word that occurs only inside a list of examples does not put the item on the theme: the
    item names the theme in passing, it is not about it. Named anywhere else – in the title, in
    the text, in a list of one or two – it does; and an item tagged on the agenda always is.
    """
    lists = example_lists(text) if "," in text else []
    if not lists:
        return words.first_matches(text)
    found: dict[str, str] = {}
    for start, end in words.spans(text):
        if not any(low <= start < high for low, high in lists):
            for key in words.keys_of(text[start:end]):
                found.setdefault(key, text[start:end])
    return found


# Verbs by which minutes report that someone spoke on an item: »Lars Weiss oplyste, at …«, »gav
# Anne Tønnes en status«. Not »takkede« or »bød velkommen«: thanking the presenters or opening
# the meeting is not speaking on the item's subject.
_SPEECH = ("oplyste|oplyser|orienterede|orienterer|fortalte|fortæller|redegjorde|gennemgik|gennemgår|"
           "præsenterede|præsenterer|introducerede|sagde|siger|nævnte|nævner|spurgte|spørger|svarede|svarer|"
           "bemærkede|bemærker|understregede|tilføjede|foreslog|forklarede|påpegede|pointerede|udtrykte|"
           "indledte|opfordrede|konstaterede|fremhævede|kommenterede|supplerede|berettede|informerede|"
           "anbefalede|efterspurgte|efterlyste|tilkendegav|mente|gav|inviterede|kvitterede|roste|beskrev|"
           "uddybede|erkendte|advarede|tilbød|pegede|ønskede|spørger|drøftede")
_SPOKE_AFTER = re.compile(rf",?\s+(?:{_SPEECH})\b")  # matched from a name's end (match(text, pos))
_SPOKE_BEFORE = re.compile(rf"\b(?:{_SPEECH})\s+$|\b(?:oplyst|fortalt|nævnt|spurgt|sagt|forklaret|"
                           rf"præsenteret|gennemgået|understreget)\s+af\s+$")


def _speakers(text: str, names: NameFinder, present: frozenset[str] = frozenset()) -> set[str]:
    """The people who, by the minutes' words, spoke on this item."""
    found = set()
    for match in names.pattern.finditer(text):
        if _SPOKE_AFTER.match(text, match.end()) or _SPOKE_BEFORE.search(text[max(0, match.start() - 40):match.start()]):
            person = names.person_of(match.group(0), present)
            if person is not None:
                found.add(person)
    return found


def listed_people(meeting: Meeting) -> frozenset[str]:
    """Everyone in the meeting's lists: who a name shared by two people means at this meeting."""
    return frozenset(a.person for a in (*meeting.participants, *meeting.absent, *meeting.presenters)) | \
        frozenset(p for s in meeting.substitutes for p in (s.person, s.instead_of))


def _presenters_by_item(meeting: Meeting) -> dict[str, set[str]]:
    result: dict[str, set[str]] = {}
    for presenter in meeting.presenters:
        for item in presenter.items:
            result.setdefault(item, set()).add(presenter.person)
    return result


def _add_roles(roles: dict[str, list[Appearance]], meeting: Meeting) -> None:
    """Everyone recorded at a meeting, with their place there."""
    for entry in meeting.participants:
        roles[entry.person].append(Appearance(meeting, PRESENT, entry.as_listed))
    for entry in meeting.absent:
        roles[entry.person].append(Appearance(meeting, ABSENT, entry.as_listed))
    for sub in meeting.substitutes:
        roles[sub.person].append(Appearance(meeting, SUBSTITUTE, "", sub.instead_of))
        roles[sub.instead_of].append(Appearance(meeting, REPRESENTED, "", sub.person))
    for presenter in meeting.presenters:
        title = ", ".join(x for x in (presenter.title, presenter.organisation) if x)
        roles[presenter.person].append(Appearance(meeting, PRESENTER, title, None, tuple(presenter.items)))
    if meeting.chair:
        roles[meeting.chair].append(Appearance(meeting, CHAIR, ""))


def themes_of_person(archive: Archive, person: Person, mentioned: bool = False) -> dict[str, int]:
    """Themes of the sections a person spoke on or presented, with how many sections each; with
    `mentioned`, of those where they are only named."""
    counts: dict[str, int] = {}
    for hit in archive.person_hits.get(person.id, []):
        if (hit.how == MENTIONED) != mentioned:
            continue
        for theme_id in archive.section_themes.get((hit.meeting, hit.section.anchor), []):
            counts[theme_id] = counts.get(theme_id, 0) + 1
    return counts
