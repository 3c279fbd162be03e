"""Reading the registries beside the meetings: councils.yml, people.yml and themes.yml."""

from __future__ import annotations

from pathlib import Path

from ..check.safety import scan_values
from ..model import Council, Person, Role, Theme
from ..problems import ProblemList
from .fields import Fields
from .format import ID_HINT, ID_PATTERN
from .yamlsource import Located, SourceError, load_yaml, read_text

COUNCILS, PEOPLE, THEMES = "councils.yml", "people.yml", "themes.yml"
# Names of the archive's own pages beside the meeting, theme and person pages (render/): an id
# with one of them would overwrite an index or a year or letter page.
RESERVED_IDS = frozenset({"index", "aar", "bogstav", "andre", "data", "kilder", "soeg", "om"})


def read_registry(folder: Path, name: str, problems: ProblemList):
    """Yield a Fields for each entry of a registry file (a YAML list of mappings)."""
    path = folder / name
    if not path.exists():
        problems.error(name, 0, "fil", "registret findes ikke", f"opret {name} i {folder}")
        return
    if path.is_symlink():
        problems.error(name, 0, "fil", "registret er et symbolsk link", f"læg selve filen {name} i {folder}")
        return
    try:
        doc = load_yaml(read_text(path))
    except SourceError as exc:
        problems.error(name, exc.line, "fil", exc.message, exc.hint)
        return
    if doc.value is None:
        return
    if not isinstance(doc.value, list):
        problems.error(name, 1, "fil", "registret skal være en liste",
                       "skriv hver post som et punkt, der begynder med '- id: …'")
        return
    # Entries are named after the file in messages: 'people[3].aliases'.
    key = Path(name).stem
    root = Located({key: doc.value}, {(key,) + k: v for k, v in doc.lines.items()},
                   raw={(key,) + k: v for k, v in doc.raw.items()})
    scan_values(root, name, problems)
    yield from Fields(root, name, problems).mappings(key)


def _checked_id(entry: Fields, seen: dict[str, tuple[str, int]]) -> str | None:
    """The entry's id, if valid and not taken. Ids are unique across councils, people, themes
    and meetings, so that one id never names two things (in URLs, data files or messages)."""
    ident = entry.str("id", required=True)
    if ident is None:
        return None
    if not ID_PATTERN.match(ident):
        entry.error("id", f"'{ident}' er ikke et gyldigt id", ID_HINT)
        return None
    if ident in RESERVED_IDS:
        entry.error("id", f"'{ident}' er navnet på en af arkivets egne sider", "vælg et andet id")
        return None
    if ident in seen:
        file, line = seen[ident]
        where = f"linje {line}" if file == entry.path else f"{file}, linje {line}"
        entry.error("id", f"'{ident}' er allerede brugt ({where})", "giv hver post sit eget id")
        return None
    seen[ident] = (entry.path, entry.line("id"))
    return ident


def read_councils(folder: Path, problems: ProblemList, seen: dict | None = None) -> dict[str, Council]:
    councils, seen = {}, ({} if seen is None else seen)
    for entry in read_registry(folder, COUNCILS, problems):
        entry.unknown_keys({"id", "name", "police_district"})
        ident, name = _checked_id(entry, seen), entry.str("name", required=True)
        if ident and name:
            councils[ident] = Council(ident, name, entry.str("police_district"))
    return councils


def read_people(folder: Path, problems: ProblemList, seen: dict | None = None) -> dict[str, Person]:
    people, seen = {}, ({} if seen is None else seen)
    owner_of_name: dict[str, tuple] = {}  # every name and alias → (person id, line, alias index, has a note)
    for entry in read_registry(folder, PEOPLE, problems):
        entry.unknown_keys({"id", "name", "aliases", "roles", "note", "sort_as", "same_person"})
        ident, name = _checked_id(entry, seen), entry.str("name", required=True)
        aliases = entry.str_list("aliases")
        roles = []
        for role in entry.mappings("roles"):
            role.unknown_keys({"title", "organisation", "source"})
            title, organisation = role.str("title"), role.str("organisation")
            if not title and not organisation:
                role.error("title", "en rolle skal have en titel eller en organisation",
                           "tilføj 'title:' og/eller 'organisation:'")
            roles.append(Role(title, organisation, role.str("source"), role.line("organisation")))
        if not (ident and name):
            continue
        for index, alias in enumerate((name,) + aliases):
            key = " ".join(alias.lower().split())
            other = owner_of_name.get(key)
            if other and other[0] != ident and index == 0 and other[2] == 0 and entry.str("note") and other[3]:
                continue  # two people of the same name, told apart by their notes
            if other and other[0] != ident:
                field = entry.field_name("name" if index == 0 else "aliases") + ("" if index == 0 else f"[{index - 1}]")
                problems.error(entry.path, entry.line("name" if index == 0 else "aliases"), field,
                               f"navnet '{alias}' hører også til '{other[0]}' (linje {other[1]})",
                               "et navn eller alias må kun pege på én person" + (
                                   "; hedder to personer det samme, så giv dem hver en 'note:', der siger, "
                                   "hvem de er" if index == 0 and other[2] == 0 else ""))
            owner_of_name.setdefault(key, (ident, entry.line("name"), index, bool(entry.str("note"))))
        people[ident] = Person(ident, name, aliases, tuple(roles), entry.str("note"), entry.str("sort_as"),
                               entry.str("same_person"))
    return people


def read_themes(folder: Path, problems: ProblemList, seen: dict | None = None) -> dict[str, Theme]:
    themes, seen = {}, ({} if seen is None else seen)
    for entry in read_registry(folder, THEMES, problems):
        entry.unknown_keys({"id", "title", "description", "words"})
        ident, title = _checked_id(entry, seen), entry.str("title", required=True)
        description = entry.str("description", required=True)
        words = entry.str_list("words")
        for index, word in enumerate(words):
            if "*" in word[:-1]:
                problems.error(entry.path, entry.line("words"), f"words[{index}]",
                               f"'{word}': '*' må kun stå sidst i et ord",
                               "skriv fx 'bande*' for alle ord, der begynder med 'bande'")
        if ident and title and description:
            themes[ident] = Theme(ident, title, description, words)
    return themes
