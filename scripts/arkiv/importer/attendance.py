"""Entries of a referat's lists of people: who, with which title, for which organisation.

A list line may hold one person (»Politidirektør Aase Fiktiv«, »Aase Fiktiv, politidirektør«,
»Borgmester Bent Opdigtet, Fiktivby Kommune«), two columns run together (»Politidirektør Anne
Tønnes Overborgmester Lars Weiss«, »Bent Opdigtet Fiktivby Kommune«), cells a PDF set apart
(»Bent Opdigtet⇥Fiktivby Kommune«), a paragraph of them (»politidirektør A, borgmester B og gæst C«),
initials (»Aase Fiktiv (AF)«), a reason (»… pga. arbejde«) or a departure (»Borgmester Bent
Opdigtet forlod mødet kl. 15.30 under behandling af pkt. 2.«). Pure functions of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import clock

# Titles in Danish councils' minutes, longest first so that »Ledende politiinspektør« wins over
# »Politiinspektør«. A participant line is split at each title.
TITLES = sorted([
    "Politidirektør", "Vicepolitidirektør", "Overborgmester", "Borgmester", "Viceborgmester", "Rådmand",
    "Chefanklager", "Vicechefanklager", "Statsadvokat", "Chefpolitiinspektør", "Ledende politiinspektør",
    "Politiinspektør", "Vicepolitiinspektør", "Politikommissær", "Kommunaldirektør", "Direktør",
    "Sekretariatschef", "Chefkonsulent", "Specialkonsulent", "Konsulent", "Souschef", "Centerchef",
    "Afdelingsleder", "Afdelingschef", "Chefjurist", "Stabschef", "Kontorchef", "Områdechef",
    "Sektionsleder", "Formand", "Næstformand", "Byrådsmedlem", "Kommunalbestyrelsesmedlem",
    "Lokalpolitichef", "Politiassistent", "Sekretær", "Referent", "Gæst", "Gæster",
    "Kommunalbestyrelsesformand", "Rådsmedlem", "Medlem",
], key=len, reverse=True)
TITLE = re.compile(r"(?<![\w])(" + "|".join(re.escape(t) for t in TITLES) + r")(?![\w])", re.IGNORECASE)

_CAP = r"[A-ZÆØÅ][\wæøåÆØÅ]*"
# An organisation at the end of an entry. Municipalities are one word (»Lyngby-Taarbæk
# Kommune«); police districts may be two (»Midt- og Vestsjællands Politi«, »Københavns Vestegns Politi«).
ORGANISATION = re.compile(
    r"(?:^|(?<=\s))(?P<org>"
    rf"{_CAP}(?:-{_CAP})*\s+(?:[Kk]ommune|[Pp]olitikreds|[Rr]egion)"
    rf"|(?:{_CAP}-\s+og\s+|{_CAP}s?\s+og\s+|{_CAP}s\s+)?{_CAP}(?:-{_CAP})*\s+[Pp]oliti"
    rf"|Region\s+{_CAP}|Rigspolitiet|Anklagemyndigheden|Kriminalforsorgen|Statsadvokaten(?:\s+i\s+{_CAP})?"
    r"|Politiets\s+Efterretningstjeneste"
    r")\s*$")
INITIALS = re.compile(r"\s*\((?P<initials>[A-ZÆØÅ]{2,4})\)")
# What follows a name in a list of apologies: the reason (»pga. arbejde«, »grundet sygdom«, »(syg)«).
REASON = re.compile(r"\s+(?:(?:pga\.?|p\.g\.a\.?|på grund af|grundet|grundet i)\s+.*|\((?![A-ZÆØÅ]{2,4}\))[^)]*\)|[–-]\s+\w.*)$",
                    re.IGNORECASE)
LEFT = re.compile(r"^(?P<who>.+?)\s+(?:forlod|gik\s+fra|måtte\s+forlade)\s+mødet\b(?P<rest>.*)$", re.IGNORECASE)
ITEM = re.compile(r"\b(?:pkt|punkt)\.?\s*(?P<item>\d{1,2}(?:\.?[a-zæøå](?![\wæøå]))?)", re.IGNORECASE)
NONE = re.compile(r"^(?:ingen(?:\s+afbud)?|intet|ingen\s+fraværende|-+|–)\.?$", re.IGNORECASE)
AS_GUEST = re.compile(r"^(?:samt\s+)?(?:som\s+)?gæst(?:er)?\s*:?\s*", re.IGNORECASE)

# Words that are capitalised in a list line but are no name: a table's column heads, headings.
NOT_NAMES = {"dagsorden", "dagsordenpunkt", "emne", "beslutning", "status", "referat", "bilag", "punkt",
             "mødet", "møde", "sag", "kommune", "politi", "politikreds", "kredsråd", "kredsrådet", "lokalråd",
             "lokalrådet", "ad", "tid", "sted", "dato", "side", "godkendt", "lukket", "åben", "orientering",
             "eventuelt", "velkomst", "indstilling", "sagsfremstilling"}
PARTICLES = {"von", "van", "de", "la", "le", "du", "der", "den", "af", "zu"}


@dataclass
class Person:
    name: str
    title: str | None = None
    organisation: str | None = None
    initials: str | None = None
    reason: str | None = None     # an apology's reason as written (»pga. arbejde«)
    left: "Departure | None" = None


@dataclass
class Departure:
    """Someone who left before the end: when and during which item, as the referat says."""
    as_written: str
    time: str | None
    item: str | None


def organisation_of(text: str) -> tuple[str, str | None]:
    """'Bent Opdigtet Fiktivby Kommune' → ('Bent Opdigtet', 'Fiktivby Kommune')."""
    match = ORGANISATION.search(text)
    if not match:
        return text, None
    return text[:match.start()].strip(" ,"), match["org"]


def is_organisation(text: str) -> bool:
    match = ORGANISATION.search(text.strip())
    return bool(match) and match.start() == 0


def looks_like_name(name: str) -> bool:
    """Two to six words, each capitalised, an initial (»S.«) or a particle (»von«); no digits."""
    words = name.split()
    if not 2 <= len(words) <= 6 or re.search(r"\d", name):
        return False
    for word in words:
        bare = word.strip(".,")
        if bare.lower() in NOT_NAMES:
            return False
        if not (bare[:1].isupper() or bare.lower() in PARTICLES) or not re.fullmatch(r"[\wæøåÆØÅ.'’-]+", word):
            return False
    return True


def departure(line: str) -> tuple[str, Departure] | None:
    """'Borgmester Bent Opdigtet forlod mødet kl. 15.30 under behandling af pkt. 2.' → who, when, item."""
    match = LEFT.match(line.strip())
    if not match:
        return None
    rest = match["rest"]
    item = ITEM.search(rest)
    when = clock(rest)
    number = item["item"].replace(".", "").lower() if item else None
    if number and number[-1].isalpha():
        number = f"{number[:-1]}.{number[-1]}"
    return match["who"], Departure(line.strip(), when, number)


def split_people(line: str) -> list[Person]:
    """Every person in a list line, with what the line says of them."""
    people: list[Person] = []
    left = departure(line)
    if left:
        found = split_people(left[0])
        if found:
            found[-1].left = left[1]
        return found
    for cell in line.split("\t"):
        cell = cell.strip()
        if not cell:
            continue
        if people and is_organisation(cell) and people[-1].organisation is None:
            people[-1].organisation = organisation_of(cell)[1]  # the next column: where they come from
            continue
        for chunk in re.split(r"\s*[,;]\s*|(?<!-)\s+(?:og|samt)\s+(?=\S)", cell.rstrip(".")):
            _chunk(chunk.strip(), people)
    return people


def _chunk(chunk: str, people: list[Person]) -> None:
    if not chunk:
        return
    if people and is_organisation(chunk) and people[-1].organisation is None:
        people[-1].organisation = organisation_of(chunk)[1]  # 'Borgmester X, Fiktiv Kommune'
        return
    guest = AS_GUEST.match(chunk)
    if guest and guest.end() and chunk[guest.end():]:
        chunk = "Gæst " + chunk[guest.end():]
    reason = None
    found_reason = REASON.search(chunk)
    if found_reason:
        reason = found_reason.group(0).strip()
        chunk = chunk[:found_reason.start()]
    initials = None
    found_initials = INITIALS.search(chunk)
    if found_initials:
        initials = found_initials["initials"]
        chunk = (chunk[:found_initials.start()] + chunk[found_initials.end():]).strip()
    chunk, organisation = organisation_of(chunk)
    titles = list(TITLE.finditer(chunk))
    new: list[Person] = []
    if not titles:
        new.append(Person(_name(chunk)))
    else:
        before = _name(chunk[:titles[0].start()])
        if before:
            new.append(Person(before))
        for i, match in enumerate(titles):
            end = titles[i + 1].start() if i + 1 < len(titles) else len(chunk)
            name = _name(chunk[match.end():end])
            title = canonical_title(match.group(1))
            if name:
                new.append(Person(name, title))
            elif new and new[-1].title is None:
                new[-1].title = title            # 'Anne Tønnes, politidirektør' (same chunk: 'Navn Titel')
            elif not new and people and people[-1].title is None:
                people[-1].title = title         # 'Anne Tønnes, politidirektør'
    new = [p for p in new if p.name]
    if new:
        new[-1].organisation, new[-1].reason, new[-1].initials = organisation, reason, initials
    elif organisation and people and people[-1].organisation is None:
        people[-1].organisation = organisation
    people.extend(new)


def _name(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" :,.–-")


def canonical_title(title: str) -> str:
    canonical = next(t for t in TITLES if t.lower() == title.lower())
    return "Gæst" if canonical == "Gæster" else canonical


def is_person_line(line: str) -> bool:
    """Whether a line can be an entry of a list of people rather than a sentence, a heading, an
    agenda item or a table's head."""
    text = line.strip()
    words = text.split()
    if not words or len(words) > 24 or re.match(r"^\d{1,2}\s*[.)]\s", text):
        return False
    if departure(text):
        return True
    if text.endswith(".") and len(words) >= 5 and not re.search(r"\b\w\.$", text):
        return False  # a sentence
    people = split_people(text)
    return bool(people) and all(looks_like_name(person.name) for person in people)


def is_none(line: str) -> bool:
    """»Ingen«, »Ingen afbud«, »–«: a list that is empty on purpose."""
    return bool(NONE.match(line.strip()))
