"""A fictional archive of N meetings, for benchmarks and scale tests.

Deterministic (seeded) and clearly fictional: councils are »Fiktivt kredsråd …«, people are named
»… Fiktivsen«, »… Påhitsen« and the like, and every source says it was generated. It has what a
real archive grows into: twelve councils, members whose titles change every five years, a new
generation every twelve years with some members moving to another council, two people of the
same name in two councils, and the base vocabulary of themes. It uses the real
data format and registries, so the real pipeline builds it unchanged. It is written only into a
folder it is given, never into the project's own meetings/.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import yaml

COUNCILS = 12
MEETINGS_PER_YEAR = 4
PEOPLE_PER_COUNCIL = 25
FIRST_YEAR = 2006
TERM_YEARS = 12  # members serve twelve years; then a new generation takes the seats

FIRST_NAMES = ["Aksel", "Bodil", "Carl", "Ditte", "Egon", "Frida", "Gorm", "Hanne", "Ib", "Jytte", "Kaj",
               "Lis", "Mogens", "Nanna", "Ole", "Pia", "Rune", "Sus", "Tage", "Ulla", "Vagn", "Wenche",
               "Yrsa", "Åge", "Ørnulf"]
SURNAMES = ["Fiktivsen", "Påhitsen", "Prøvesen", "Eksempelsen", "Digtesen", "Attrapsen", "Modelsen",
            "Skabelund", "Opdigtsen", "Forsøgsen", "Testrup", "Dummesen"]
TITLES = ["Politidirektør", "Borgmester", "Chefanklager", "Kommunaldirektør", "Chefpolitiinspektør",
          "Politiinspektør", "Sekretariatschef", "Chefkonsulent", "Centerchef", "Afdelingsleder",
          "Rådmand", "Souschef"]
# The base vocabulary (base_themes.yml) and, beside it, fictional themes of the fiction's own.
BASE_THEMES = Path(__file__).with_name("base_themes.yml")
THEMES = {
    "opioider": ("Opioider", ["opioid*", "fentanyl*"]),
    "bander": ("Bander", ["bande*", "rocker*"]),
    "christiania-fiktiv": ("Fristaden (fiktiv)", ["fristad*", "pusherstræde"]),
    "narkotika": ("Narkotika", ["narko*", "hash*"]),
    "oekonomi": ("Økonomi", ["budget*", "flerårsaftale*"]),
    "boligomraader": ("Boligområder", ["boligområde*"]),
    "miljoe": ("Miljø", ["miljøkriminalitet*", "forurening*"]),
    "vaaben": ("Våben", ["våben*", "knivforbud*"]),
    "graensekontrol": ("Grænsekontrol", ["grænsekontrol*"]),
    "noedopkald": ("Nødopkald", ["nødopkald*", "alarmcentral*"]),
}
FILLER = ("og", "at", "der", "til", "med", "for", "om", "på", "af", "en", "et", "de", "den", "det", "som",
          "i", "kredsrådet", "politiet", "kommunen", "samarbejdet", "indsatsen", "orienterede", "status",
          "drøftede", "udviklingen", "området", "sagerne", "borgerne", "løbende", "fortsat", "aktuelle",
          "initiativer", "opfølgning", "erfaringer", "data", "tiltag", "konkrete", "fælles", "lokale")
THEME_WORDS = ("opioider", "fentanyl", "bandekonflikten", "rockergrupper", "fristaden", "pusherstræde",
               "narkotikahandel", "budgettet", "flerårsaftalen", "boligområder", "forureningen",
               "våbenbesiddelse", "knivforbud", "grænsekontrollen", "nødopkald",
               # the base vocabulary's
               "indbrud", "færdselsindsatsen", "trafiksikkerheden", "samarbejdsplanen",
               "kriminalitetsstatistikken", "nabohjælp", "trygheden", "ungdomskriminalitet", "vold",
               "nattelivet", "trusselsbilledet", "beredskabet", "bemandingen", "nærpolitiet", "svindel",
               "bedrageri")
HOMONYM_INDEX = 5  # in councils 1 and 2, this seat is held by two people of the same name
# From the second generation on, the last seat of each council is taken by someone who sat on
# the next council in the generation before: people who change council (and title).
MOVER_INDEX = PEOPLE_PER_COUNCIL - 1


def _member(council: int, index: int, generation: int) -> tuple[str, str]:
    """(id, name) of the person in seat `index` of a council's generation."""
    if index == MOVER_INDEX and generation > 0:
        return _member((council + 1) % COUNCILS, 0, generation - 1)
    if index == HOMONYM_INDEX and council in (0, 1):
        name = f"Hanne Navnesen {generation + 1}"
        return f"{_slug(name)}-raad-{council + 1:02d}", name
    name = _name(council, index, generation)
    return _slug(name), name


def _name(council: int, index: int, generation: int = 0) -> str:
    # 7 and 25 are coprime, so the first names of one council's generation are all different;
    # the council number (and generation) keeps names unique across the archive.
    first = FIRST_NAMES[(council + index * 7 + generation * 3) % len(FIRST_NAMES)]
    suffix = f"{council + 1}" + (f"-{generation + 1}" if generation else "")
    return f"{first} {SURNAMES[(index + generation) % len(SURNAMES)]} {suffix}"


def _generation(date: dt.date) -> int:
    return (date.year - FIRST_YEAR) // TERM_YEARS


def _slug(text: str) -> str:
    from ..danish import slugify
    return slugify(text)


def _sentence(rng: random.Random, names: list[str]) -> str:
    words = [rng.choice(FILLER) for _ in range(rng.randint(8, 16))]
    if rng.random() < 0.5:
        words[rng.randrange(len(words))] = rng.choice(THEME_WORDS)
    if rng.random() < 0.25:
        words.insert(0, rng.choice(names))
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def _paragraphs(rng: random.Random, names: list[str], words: int) -> str:
    """Paragraphs of 3–6 sentences, ending with the sentence that reaches `words` words (stopping
    only at a paragraph's end overshot a section by half a paragraph: 2,000 words a meeting)."""
    paragraphs, count = [], 0
    while count < words:
        paragraph = []
        for _ in range(rng.randint(3, 6)):
            paragraph.append(_sentence(rng, names))
            count += len(paragraph[-1].split())
            if count >= words:
                break
        paragraphs.append(" ".join(paragraph))
    return "\n\n".join(paragraphs)


# The check refuses years after 2100 (source/fields.py): a larger archive meets more often.
MAX_YEARS = 90


def meetings_per_year(count: int) -> int:
    """Once a quarter up to 4,320 meetings; more often above, so that the years stay within
    MAX_YEARS (10,000 meetings: ten a year, 2006–2089)."""
    return min(12, max(MEETINGS_PER_YEAR, -(-count // (COUNCILS * MAX_YEARS))))


def meeting_date(index: int, per_year: int = MEETINGS_PER_YEAR) -> tuple[int, dt.date]:
    """(council, date) of the index-th meeting: each council meets `per_year` times a year
    (once a quarter: in February, May, August and November)."""
    council = index % COUNCILS
    slot = index // COUNCILS
    year = FIRST_YEAR + slot // per_year
    month = 3 * (slot % per_year) + 2 if per_year == MEETINGS_PER_YEAR else 1 + (slot % per_year) * 12 // per_year
    return council, dt.date(year, month, 3 + council)


def write_fictional_archive(out: Path, count: int, seed: int = 2025, protected: Path | None = None) -> Path:
    out = Path(out)
    if protected is not None and out.resolve() == Path(protected).resolve():
        raise ValueError(f"{out} er arkivets egen mappe; skriv det fiktive arkiv et andet sted")
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    councils = [{"id": f"fiktivt-raad-{c + 1:02d}", "name": f"Fiktivt kredsråd {c + 1}"} for c in range(COUNCILS)]
    people: dict[str, dict] = {}
    per_year = meetings_per_year(count)
    generations = _generation(meeting_date(max(count - 1, 0), per_year)[1]) + 1
    for g in range(generations):
        for c in range(COUNCILS):
            for i in range(PEOPLE_PER_COUNCIL):
                ident, name = _member(c, i, g)
                if ident in people:  # a mover, registered in the generation before
                    people[ident]["same_person"] = (f"Fiktiv: skiftede til {councils[c]['name']} "
                                                    f"i generation {g + 1}.")
                    continue
                people[ident] = {"id": ident, "name": name, "roles": [{"title": TITLES[i % len(TITLES)]}]}
                if i == HOMONYM_INDEX and c in (0, 1):
                    people[ident]["note"] = (f"Fiktiv: medlem af {councils[c]['name']}, ikke af "
                                             f"{councils[1 - c]['name']} (samme navn).")
    themes = yaml.safe_load(BASE_THEMES.read_text(encoding="utf-8"))
    themes += [{"id": key, "title": title, "description": f"Fiktivt tema: {title.lower()}.", "words": words}
               for key, (title, words) in THEMES.items()]
    dump = lambda data: yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)  # noqa: E731
    (out / "councils.yml").write_text(dump(councils), encoding="utf-8")
    (out / "people.yml").write_text(dump(list(people.values())), encoding="utf-8")
    (out / "themes.yml").write_text(dump(themes), encoding="utf-8")
    last_of_council: dict[int, tuple[str, dt.date]] = {}
    for index in range(count):
        council, date = meeting_date(index, per_year)
        meeting_id = f"{councils[council]['id']}-{date.year}-{date.month:02d}"
        text = _meeting(rng, council, councils[council]["id"], date, last_of_council.get(council))
        (out / f"{meeting_id}.md").write_text(text, encoding="utf-8")
        last_of_council[council] = (meeting_id, date)
    return out


def _meeting(rng: random.Random, council: int, council_id: str, date: dt.date, previous) -> str:
    members = list(range(PEOPLE_PER_COUNCIL))
    rng.shuffle(members)
    absent, present = members[:2], sorted(members[2:22])
    generation = _generation(date)
    names = [_member(council, i, generation)[1] for i in present]
    # Titles change over the years: every five years each member moves one title along.
    titled = lambda i: {"person": _member(council, i, generation)[0],  # noqa: E731
                        "title": TITLES[(i + (date.year - FIRST_YEAR) // 5) % len(TITLES)]}
    agenda, sections = [], []
    for number in range(1, rng.randint(8, 12) + 1):
        title = f"{rng.choice(['Orientering om', 'Status på', 'Drøftelse af', 'Tema:'])} {rng.choice(THEME_WORDS)}"
        entry = {"number": str(number), "title": title}
        if rng.random() < 0.3:
            entry["themes"] = [rng.choice(list(THEMES))]
        agenda.append(entry)
        sections.append((str(number), title))
        if rng.random() < 0.3:
            for letter in "ab":
                sub = f"{number}.{letter}"
                agenda.append({"number": sub, "title": f"Delpunkt {letter}"})
                sections.append((sub, f"Delpunkt {letter}"))
    front = {
        "council": council_id,
        "date": date.isoformat(),
        "time": "14.00",
        "place": "Fiktivt mødelokale",
        "chair": titled(present[0])["person"],
        "participants": [titled(i) for i in present],
        "absent": [titled(i) for i in absent],
        "substitutes": [{"person": titled(present[-1])["person"], "for": titled(absent[0])["person"]}],
        "agenda": agenda,
        "source": {"kind": "Fiktivt referat, genereret til test og benchmark"},
    }
    if previous:
        front["approves_minutes"] = {"date": previous[1].isoformat(), "meeting": previous[0],
                                     "as_written": f"referat fra mødet den {previous[1].day}/{previous[1].month}"}
    words_per_section = 1500 // len(sections)
    body = [f"{names[0]} bød velkommen."]
    for number, title in sections:
        body.append(f"## Ad {number}) {title}\n\n{_paragraphs(rng, names, words_per_section)}")
    text = "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n"
    return text + "\n\n".join(body) + "\n"
