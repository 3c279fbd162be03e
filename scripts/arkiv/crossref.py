"""The cross-index: which sections are on which theme, and which mention which person.

Tags induce a graph, not a tree: these indexes can only be built once every meeting is read.
"""

from __future__ import annotations

from .danish import sort_key
from .model import Archive, Hit, Meeting, Person, Section, Theme
from .text import excerpt, name_pattern, plain, word_pattern


def build_crossref(archive: Archive) -> Archive:
    patterns = {t.id: [(w, word_pattern(w)) for w in t.words] for t in archive.themes.values()}
    names = {p.id: name_pattern(p.names) for p in archive.people.values()}
    archive.theme_hits = {t: [] for t in archive.themes}
    archive.person_hits = {p: [] for p in archive.people}
    for meeting in archive.meetings:
        presenters = _presenters_by_item(meeting)
        for section in meeting.sections:
            themes = _themes_of(meeting, section, archive.themes, patterns)
            archive.section_themes[(meeting.id, section.anchor)] = sorted(
                (t for t, _ in themes), key=lambda t: sort_key(archive.themes[t].title))
            for theme_id, hit in themes:
                archive.theme_hits[theme_id].append(hit)
            for person_id, pattern in names.items():
                hit = _person_hit(meeting, section, pattern, person_id in presenters.get(section.number, ()))
                if hit:
                    archive.person_hits[person_id].append(hit)
    return archive


def section_text(section: Section) -> str:
    """What a theme word or name is looked for in: the item's title and its text."""
    return f"{section.title or ''}\n\n{section.body}"


def explicit_themes(meeting: Meeting, section: Section) -> tuple[str, ...]:
    """Themes tagged on the item's agenda line, and on its parent's ('3' covers '3.a')."""
    if section.number is None:
        return ()
    own = meeting.agenda_entry(section.number)
    parent_number = own.parent if own else None
    parent = meeting.agenda_entry(parent_number) if parent_number else None
    tags = (parent.themes if parent else ()) + (own.themes if own else ())
    return tuple(dict.fromkeys(tags))


def _themes_of(meeting, section, themes: dict[str, Theme], patterns) -> list[tuple[str, Hit]]:
    found = []
    tagged = explicit_themes(meeting, section)
    text = section_text(section)
    words = plain(text)
    for theme_id in themes:
        match = None
        for word, pattern in patterns[theme_id]:
            match = pattern.search(words)
            if match:
                break
        if theme_id in tagged:
            how, quote = "dagsorden", excerpt(section.body, match.re if match else None)
        elif match:
            how, quote = match.group(0), excerpt(text, match.re)
        else:
            continue
        found.append((theme_id, Hit(meeting.id, section, quote, how)))
    return found


def _presenters_by_item(meeting: Meeting) -> dict[str, set[str]]:
    result: dict[str, set[str]] = {}
    for presenter in meeting.presenters:
        for item in presenter.items:
            result.setdefault(item, set()).add(presenter.person)
    return result


def _person_hit(meeting, section, pattern, presented: bool) -> Hit | None:
    text = section_text(section)
    if pattern.search(plain(text)):
        return Hit(meeting.id, section, excerpt(text, pattern), "oplægsholder" if presented else "nævnt")
    if presented:
        return Hit(meeting.id, section, excerpt(section.body), "oplægsholder")
    return None


def themes_of_person(archive: Archive, person: Person) -> dict[str, int]:
    """Themes of the sections a person is named in or presented, with how many sections each."""
    counts: dict[str, int] = {}
    for hit in archive.person_hits.get(person.id, []):
        for theme_id in archive.section_themes.get((hit.meeting, hit.section.anchor), []):
            counts[theme_id] = counts.get(theme_id, 0) + 1
    return counts
