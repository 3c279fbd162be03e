"""The cross-index: which sections are on which theme, which mention which person, and each
person's place at each meeting.

Tags induce a graph, not a tree: these indexes can only be built once every meeting is read.
"""

from __future__ import annotations

from .danish import sort_key
from .finder import NameFinder, WordFinder
from .model import AgendaEntry, Archive, Hit, Meeting, Person, Section
from .text import excerpt_of, plain, sentences


def build_crossref(archive: Archive) -> Archive:
    words = WordFinder({t.id: t.words for t in archive.themes.values()})
    archive.names = NameFinder({p.id: p.names for p in archive.people.values()})
    archive.theme_hits = {t: [] for t in archive.themes}
    archive.person_hits = {p: [] for p in archive.people}
    archive.person_meetings = {p: [] for p in archive.people}
    theme_order = sorted(archive.themes, key=lambda t: sort_key(archive.themes[t].title))
    for meeting in archive.meetings:
        _add_roles(archive.person_meetings, meeting)
        presenters = _presenters_by_item(meeting)
        agenda = {entry.number: entry for entry in meeting.agenda}
        for section in meeting.sections:
            words_only = plain(section_text(section))
            # Split once per section, for all its hits: the title's sentences, then the text's.
            body = sentences(section.body)
            found = sentences(section.title) + body if section.title else body
            themes = _themes_of(meeting, section, agenda, found, body, words.first_matches(words_only))
            archive.section_themes[(meeting.id, section.anchor)] = [t for t in theme_order if t in themes]
            for theme_id, hit in themes.items():
                archive.theme_hits[theme_id].append(hit)
            named = archive.names.first_matches(words_only)
            people = sorted(named.keys() | presenters.get(section.number, set()))
            archive.section_people[(meeting.id, section.anchor)] = people
            for person_id in people:
                match = named.get(person_id)
                quote = excerpt_of(found, match) if match else excerpt_of(body)
                how = "oplægsholder" if person_id in presenters.get(section.number, ()) else "nævnt"
                archive.person_hits[person_id].append(Hit(meeting.id, section, quote, how))
    return archive


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


def _themes_of(meeting: Meeting, section: Section, agenda: dict, found: tuple[str, ...], body: tuple[str, ...],
               matches: dict[str, str]) -> dict[str, Hit]:
    """A section's themes: tagged on the agenda (quoting the text, not the title), then found in
    its title or text."""
    hits = {}
    for theme_id in explicit_themes(section, agenda):
        hits[theme_id] = Hit(meeting.id, section, excerpt_of(body, matches.get(theme_id)), "dagsorden")
    for theme_id, match in matches.items():
        if theme_id not in hits:
            hits[theme_id] = Hit(meeting.id, section, excerpt_of(found, match), match)
    return hits


def _presenters_by_item(meeting: Meeting) -> dict[str, set[str]]:
    result: dict[str, set[str]] = {}
    for presenter in meeting.presenters:
        for item in presenter.items:
            result.setdefault(item, set()).add(presenter.person)
    return result


def _add_roles(roles: dict[str, list], meeting: Meeting) -> None:
    """(meeting, role, title at that meeting, other person) for everyone recorded at a meeting."""
    for entry in meeting.participants:
        roles[entry.person].append((meeting, "Deltager", entry.title or "", None))
    for entry in meeting.absent:
        roles[entry.person].append((meeting, "Afbud", entry.title or "", None))
    for sub in meeting.substitutes:
        roles[sub.person].append((meeting, "Stedfortræder for", "", sub.instead_of))
        roles[sub.instead_of].append((meeting, "Repræsenteret af", "", sub.person))
    for presenter in meeting.presenters:
        title = ", ".join(x for x in (presenter.title, presenter.organisation) if x)
        items = ", ".join(presenter.items)
        roles[presenter.person].append((meeting, f"Oplægsholder (punkt {items})" if items else "Oplægsholder",
                                        title, None))
    if meeting.chair:
        roles[meeting.chair].append((meeting, "Formand", "", None))


def themes_of_person(archive: Archive, person: Person) -> dict[str, int]:
    """Themes of the sections a person is named in or presented, with how many sections each."""
    counts: dict[str, int] = {}
    for hit in archive.person_hits.get(person.id, []):
        for theme_id in archive.section_themes.get((hit.meeting, hit.section.anchor), []):
            counts[theme_id] = counts.get(theme_id, 0) + 1
    return counts
