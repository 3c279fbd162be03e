"""Checks that need more than one file: references into the registries, the agenda against the
sections, and meetings against each other. Each check records problems and never stops early."""

from __future__ import annotations

import difflib
from collections import Counter

from ..danish import similar_names, slugify
from ..model import Council, Meeting, Person, Theme
from ..problems import ProblemList, field_name
from ..source.format import AGENDA_NUMBER
from ..source.yamlsource import Located
from .links import ANCHOR_LINK, MEETING_LINK


def line_finder(front_matter: dict[str, Located]):
    """`line(meeting, *path)`: the line of a front-matter field. Ask only for a problem: it may read
    the file again (see load.FrontMatter)."""
    def line(meeting: Meeting, *path) -> int:
        return front_matter[meeting.path].line(*path)
    return line


def did_you_mean(word: str, known) -> str:
    close = difflib.get_close_matches(word, sorted(known), n=1, cutoff=0.6)
    if close:
        return f"mente du '{close[0]}'?"
    return "tilføj posten i registret eller ret stavemåden"


def person_hint(ref: str, people: dict) -> str:
    """»mente du« only for a person whose name can be the one the id spells (danish.similar_names):
    an unknown id is most often a new person, and pointing to someone else misleads."""
    spelt = ref.replace("-", " ")
    close = sorted(pid for pid, person in people.items() if similar_names(spelt, slugify(person.name).replace("-", " ")))
    if len(close) == 1:
        return f"mente du '{close[0]}'? Ellers tilføj personen i people.yml"
    return "tilføj personen i people.yml (se rapporten fra `make import`), eller ret id'et"


def _meeting_hint(meeting_id: str, ids) -> str:
    close = difflib.get_close_matches(meeting_id, sorted(ids), n=1, cutoff=0.8)
    advice = "ret id'et, eller slet 'meeting:', når mødet ikke er i arkivet"
    return f"mente du '{close[0]}'? Ellers {advice}" if close else advice


def validate(meetings: list[Meeting], councils: dict[str, Council], people: dict[str, Person],
             themes: dict[str, Theme], folder, front_matter: dict[str, Located],
             problems: ProblemList) -> None:
    line = line_finder(front_matter)
    by_id = {m.id: m for m in meetings}
    for meeting in meetings:
        _check_references(meeting, councils, people, themes, line, problems)
        _check_attendance(meeting, line, problems)
        if not (meeting.agenda and meeting.participants):  # the file is read again only then
            _check_complete(meeting, front_matter[meeting.path].value, line, problems)
        _check_agenda(meeting, line, problems)
        _check_dates(meeting, line, problems)
        _check_links(meeting, by_id, problems)
    _check_across_meetings(meetings, line, problems)
    _check_follow_ups(meetings, by_id, line, problems)
    _check_homonyms(meetings, people, councils, line, problems)
    _check_stated_facts(meetings, people, problems)


def _check_references(meeting, councils, people, themes, line, problems) -> None:
    def person(ref: str, *path):
        if ref and ref not in people:
            problems.error(meeting.path, line(meeting, *path), field_name(path),
                           f"ukendt person '{ref}'", person_hint(ref, people))

    if meeting.council and meeting.council not in councils:
        problems.error(meeting.path, line(meeting, "council"), "council",
                       f"ukendt råd '{meeting.council}'", did_you_mean(meeting.council, councils))
    for key in ("participants", "absent"):
        for index, entry in enumerate(getattr(meeting, key)):
            person(entry.person, key, index, "person")
    for index, sub in enumerate(meeting.substitutes):
        person(sub.person, "substitutes", index, "person")
        person(sub.instead_of, "substitutes", index, "for")
    for index, presenter in enumerate(meeting.presenters):
        person(presenter.person, "presenters", index, "person")
    if meeting.chair:
        person(meeting.chair, "chair")
    for index, entry in enumerate(meeting.agenda):
        for theme_index, theme in enumerate(entry.themes):
            if theme not in themes:
                problems.error(meeting.path, line(meeting, "agenda", index, "themes", theme_index),
                               f"agenda[{index}].themes", f"ukendt tema '{theme}'",
                               did_you_mean(theme, themes))


def _check_attendance(meeting, line, problems) -> None:
    present = {a.person for a in meeting.participants}
    absent = {a.person for a in meeting.absent}
    for index, entry in enumerate(meeting.absent):
        if entry.person in present:
            problems.error(meeting.path, line(meeting, "absent", index, "person"),
                           f"absent[{index}].person",
                           f"'{entry.person}' står både som deltager og med afbud",
                           "slet personen fra enten 'participants' eller 'absent'")
    for key in ("participants", "absent"):
        counts = Counter(a.person for a in getattr(meeting, key))
        for index, entry in enumerate(getattr(meeting, key)):
            if counts[entry.person] > 1:
                counts[entry.person] = 0  # report each duplicate once
                problems.error(meeting.path, line(meeting, key, index, "person"),
                               f"{key}[{index}].person", f"'{entry.person}' står der flere gange",
                               "slet den ene linje")
    for index, sub in enumerate(meeting.substitutes):
        if sub.instead_of and sub.instead_of not in absent:
            problems.error(meeting.path, line(meeting, "substitutes", index, "for"),
                           f"substitutes[{index}].for",
                           f"'{sub.instead_of}' har ikke meldt afbud til mødet",
                           "en stedfortræder møder for et medlem, der står under 'absent'")
        if sub.person and sub.person not in present:
            problems.error(meeting.path, line(meeting, "substitutes", index, "person"),
                           f"substitutes[{index}].person",
                           f"stedfortræderen '{sub.person}' står ikke blandt deltagerne",
                           "tilføj personen under 'participants'")


def _check_complete(meeting, raw: dict, line, problems) -> None:
    """A meeting without an agenda or without anyone present is a draft the importer could not
    read, unless the file says why (a referat that really has none). A list the reader could not
    read has its own message already."""
    given = lambda key: raw.get(key) not in (None, [], "")  # noqa: E731
    if not meeting.agenda and not meeting.agenda_note and not given("agenda"):
        problems.error(meeting.path, line(meeting, "agenda"), "agenda", "mødet har ingen dagsorden",
                       "skriv punkterne under 'agenda', eller skriv i 'agenda_note:' hvorfor referatet ingen har")
    if not meeting.participants and not meeting.participants_note and not given("participants"):
        problems.error(meeting.path, line(meeting, "participants"), "participants", "mødet har ingen deltagere",
                       "skriv deltagerne under 'participants', eller skriv i 'participants_note:' hvorfor "
                       "referatet ikke nævner dem")


def _check_agenda(meeting, line, problems) -> None:
    numbers = [entry.number for entry in meeting.agenda]
    seen: set[str] = set()
    expected_main, expected_sub = 1, {}
    for index, entry in enumerate(meeting.agenda):
        field = f"agenda[{index}].number"
        if not AGENDA_NUMBER.match(entry.number):
            continue  # already reported by the reader
        if entry.number in seen:
            problems.error(meeting.path, line(meeting, "agenda", index, "number"), field, f"punkt {entry.number} står to gange",
                           "giv hvert punkt sit eget nummer")
            continue
        seen.add(entry.number)
        if entry.parent is None:
            main = int(entry.number)
            if main != expected_main:
                problems.error(meeting.path, line(meeting, "agenda", index, "number"), field,
                               f"punkt {entry.number} følger efter punkt {expected_main - 1}",
                               f"nummerér punkterne 1, 2, 3 … uden huller; forventede {expected_main}")
            expected_main = main + 1
        else:
            if entry.parent not in seen:
                problems.error(meeting.path, line(meeting, "agenda", index, "number"), field,
                               f"underpunkt {entry.number} har intet punkt {entry.parent} før sig",
                               f"tilføj punkt {entry.parent} på dagsordenen før underpunktet")
            letter = entry.number[-1]
            want = expected_sub.get(entry.parent, "a")
            if letter != want:
                problems.error(meeting.path, line(meeting, "agenda", index, "number"), field,
                               f"underpunkt {entry.number} kommer, hvor {entry.parent}.{want} ventes",
                               "nummerér underpunkterne a, b, c … uden huller")
            expected_sub[entry.parent] = chr(ord(letter) + 1)
    _check_sections_against_agenda(meeting, numbers, line, problems)
    for index, presenter in enumerate(meeting.presenters):
        for item in presenter.items:
            if item not in numbers:
                problems.error(meeting.path, line(meeting, "presenters", index, "items"),
                               f"presenters[{index}].items", f"punkt {item} findes ikke på dagsordenen",
                               f"vælg et af punkterne {', '.join(numbers)}")
    for index, entry in enumerate(meeting.participants):
        if entry.left_during and entry.left_during not in numbers:
            problems.error(meeting.path, line(meeting, "participants", index, "left_during"),
                           f"participants[{index}].left_during", f"punkt {entry.left_during} er ikke på dagsordenen",
                           f"skriv et af punkterne {', '.join(sorted(set(numbers))) or '(ingen)'}, eller slet feltet")
    for index, attachment in enumerate(meeting.attachments):
        if attachment.item and attachment.item not in numbers:
            problems.error(meeting.path, line(meeting, "attachments", index, "item"),
                           f"attachments[{index}].item", f"punkt {attachment.item} findes ikke på dagsordenen",
                           f"vælg et af punkterne {', '.join(numbers)}")


def _normal(text: str) -> str:
    return " ".join(text.lower().split())


def _check_sections_against_agenda(meeting, numbers, line, problems) -> None:
    position = {number: i for i, number in enumerate(numbers)}
    last, found = -1, set()
    for section in meeting.items:
        entry = meeting.agenda_entry(section.number)
        if entry is None:
            problems.error(meeting.path, section.line, section.field,
                           f"punkt {section.number} står ikke på dagsordenen",
                           "tilføj punktet under 'agenda:' eller ret nummeret i overskriften")
            continue
        if section.number in found:
            problems.error(meeting.path, section.line, section.field,
                           f"punkt {section.number} har to afsnit i referatet", "slå afsnittene sammen")
            continue
        found.add(section.number)
        # The minutes' 'Ad 4)' heading often shortens the agenda line ('…, herunder bl.a.') or drops
        # '(bilag)'; a heading matches when one text begins with the other.
        heading, title = _normal(section.title), _normal(entry.title)
        if not (heading.startswith(title) or title.startswith(heading)):
            problems.error(meeting.path, section.line, section.field,
                           f"overskriften '{section.title}' passer ikke til dagsordenens titel '{entry.title}'",
                           "skriv overskriften som på dagsordenen")
        if position[section.number] < last:
            problems.error(meeting.path, section.line, section.field,
                           f"punkt {section.number} står efter et senere punkt",
                           "sæt afsnittene i dagsordenens rækkefølge")
        last = max(last, position[section.number])
    for index, entry in enumerate(meeting.agenda):
        if entry.number and entry.number not in found:
            problems.error(meeting.path, line(meeting, "agenda", index, "number"),
                           f"agenda[{index}]", f"punkt {entry.number} har intet afsnit i referatet",
                           f"tilføj '## Ad {entry.number}) {entry.title}' med referatets tekst")


def _check_dates(meeting, line, problems) -> None:
    if meeting.date and meeting.next_meeting and meeting.next_meeting.date:
        if meeting.next_meeting.date <= meeting.date:
            problems.error(meeting.path, line(meeting, "next_meeting", "date"), "next_meeting.date",
                           f"næste møde ({meeting.next_meeting.date}) ligger ikke efter mødet ({meeting.date})",
                           "tjek årstallet")
    if meeting.date and meeting.approves_minutes and meeting.approves_minutes.date:
        if meeting.approves_minutes.date >= meeting.date:
            problems.error(meeting.path, line(meeting, "approves_minutes", "date"),
                           "approves_minutes.date", "det godkendte referat ligger ikke før mødet",
                           "tjek datoen")


def _check_links(meeting: Meeting, by_id: dict[str, Meeting], problems) -> None:
    """A relative link in the minutes must reach an item of this meeting or a meeting of the
    archive (see links.py); checked here, at its line, so the build never fails on it."""
    hint = ("link til et punkt i mødet ('#punkt-3a') eller et møde i arkivet "
            "('koebenhavn-2025-1.md' eller 'koebenhavn-2025-1.md#punkt-3a'), eller skriv en adresse med https://")
    for found in meeting.links:
        in_page, other = ANCHOR_LINK.match(found.target), MEETING_LINK.match(found.target)
        target, anchor = (meeting, in_page["anchor"]) if in_page else (None, None)
        if other:
            target, anchor = by_id.get(other["meeting"]), other["anchor"]
            if target is None:
                close = difflib.get_close_matches(other["meeting"], sorted(by_id), n=1, cutoff=0.8)
                problems.error(meeting.path, found.line, "referat", f"linket '{found.target}' peger på et møde, "
                               f"der ikke er i arkivet", f"mente du '{close[0]}.md'?" if close else
                               "skriv mødets id (filnavnet) med .md, eller slet linket")
                continue
        if target is None:
            problems.error(meeting.path, found.line, "referat", f"linket '{found.target}' peger ikke på et møde i arkivet", hint)
        elif anchor and anchor not in {s.anchor for s in target.sections}:
            anchors = ", ".join(f"#{s.anchor}" for s in target.sections)
            problems.error(meeting.path, found.line, "referat", f"linket '{found.target}' peger på et punkt, "
                           f"der ikke findes i {target.id}", f"brug et af: {anchors}")


def _check_stated_facts(meetings, people, problems) -> None:
    """A person's organisation in people.yml must be stated in a meeting that names or lists
    them, or come with its `source:`; the archive adds no fact of its own."""
    texts = []
    for meeting in meetings:
        listed = {a.person for a in (*meeting.participants, *meeting.absent, *meeting.presenters)}
        text = " ".join([*(s.body for s in meeting.sections), *(s.title or "" for s in meeting.sections),
                         *(a.organisation or "" for a in (*meeting.participants, *meeting.absent, *meeting.presenters))])
        texts.append((listed, " ".join(text.lower().split())))
    for index, person in enumerate(people.values()):
        names = [" ".join(n.lower().split()) for n in person.names]
        for number, role in enumerate(person.roles):
            if not role.organisation or role.source:
                continue
            wanted = " ".join(role.organisation.lower().split())
            if not any(wanted in text and (person.id in listed or any(n in text for n in names))
                       for listed, text in texts):
                problems.error("people.yml", role.line, f"people[{index}].roles[{number}].organisation",
                               f"'{role.organisation}' står ikke i et referat, der nævner {person.name}",
                               "tilføj 'source:' med adressen eller dokumentet, der siger det, eller slet organisationen")


HOMONYM_YEARS = 5  # one id in two councils, with two titles this many years apart: two people?


def _check_homonyms(meetings, people, councils, line, problems) -> None:
    """Warn when one person id is listed in two councils with different titles far apart in
    time: likely two people of the same name under one id (their pages would merge)."""
    first_seen: dict[str, tuple] = {}  # person → (meeting, title) of their first listing
    warned: set[str] = set()
    dated = [m for m in meetings if m.date or m.date_unknown]  # a meeting in error may have neither
    for meeting in sorted(dated, key=lambda m: m.sort_key):
        for key in ("participants", "absent"):
            for index, entry in enumerate(getattr(meeting, key)):
                person = people.get(entry.person)
                if person is None or person.same_person or entry.person in warned:
                    continue
                earlier = first_seen.setdefault(entry.person, (meeting, entry.title))
                other, title = earlier
                if (other.council != meeting.council and title and entry.title and title != entry.title
                        and meeting.year - other.year >= HOMONYM_YEARS and other.council in councils):
                    warned.add(entry.person)
                    problems.warning(
                        meeting.path, line(meeting, key, index, "person"), f"{key}[{index}].person",
                        f"'{entry.person}' står som {title} i {councils[other.council].name} ({other.year}) og som "
                        f"{entry.title} i {councils[meeting.council].name} ({meeting.year}): er det to personer "
                        "med samme navn?",
                        "giv dem hver sit id (fx med rådets navn) og en note på begge i people.yml, eller skriv "
                        "'same_person: <hvorfor>' på personen, når det er den samme")


def _check_across_meetings(meetings, line, problems) -> None:
    ids = {m.id for m in meetings}
    by_day: dict[tuple, Meeting] = {}
    for meeting in meetings:
        ref = meeting.approves_minutes
        if ref and ref.meeting and ref.meeting not in ids:
            problems.error(meeting.path, line(meeting, "approves_minutes", "meeting"),
                           "approves_minutes.meeting", f"mødet '{ref.meeting}' findes ikke i arkivet",
                           _meeting_hint(ref.meeting, ids))
        if meeting.date:
            key = (meeting.council, meeting.date)
            if key in by_day:
                problems.error(meeting.path, line(meeting, "date"), "date",
                               f"{by_day[key].path} er allerede et møde i samme råd samme dag",
                               "slet den ene fil, eller ret datoen")
            by_day.setdefault(key, meeting)


def _words(text: str) -> str:
    return " ".join(text.split())


def _quoted(meeting: Meeting, ref: str, text: str) -> bool:
    section = meeting.part(ref)
    return section is not None and _words(text) in _words(((section.heading or "") + " " + section.body))


def _check_follow_ups(meetings, by_id, line, problems) -> None:
    """Conclusions and promises are quoted word for word from their item; an answer names a
    meeting of the archive, an item of it and a sentence in that item; a promise is followed in
    one place."""
    seen: dict[str, Meeting] = {}
    for meeting in meetings:
        for c in meeting.conclusions:
            where = ("conclusions", c.index)
            if meeting.part(c.item) is None:
                problems.error(meeting.path, line(meeting, *where, "item"), f"conclusions[{c.index}].item",
                               f"mødet har intet punkt '{c.item}'", "skriv nummeret på det punkt, konklusionen står i")
            elif not _quoted(meeting, c.item, c.text):
                problems.error(meeting.path, line(meeting, *where, "text"), f"conclusions[{c.index}].text",
                               f"står ikke ordret i punkt {c.item}",
                               "kopiér sætningen fra punktets tekst, som den står (også tegnsætning)")
        for f in meeting.follow_ups:
            name = f"follow_ups[{f.index}]"
            where = ("follow_ups", f.index)
            if f.id in seen:
                other = seen[f.id]
                problems.error(meeting.path, line(meeting, *where, "id"), f"{name}.id",
                               f"løftet '{f.id}' følges også i {other.path}",
                               "et løfte følges ét sted: i mødet, hvor det blev givet; slet det ene, eller giv det et andet id")
            seen.setdefault(f.id, meeting)
            if meeting.part(f.item) is None:
                problems.error(meeting.path, line(meeting, *where, "item"), f"{name}.item",
                               f"mødet har intet punkt '{f.item}'", "skriv nummeret på det punkt, løftet står i")
                continue
            for key, text in (("promise", f.promise), ("expected", f.expected)):
                if text and not _quoted(meeting, f.item, text):
                    problems.error(meeting.path, line(meeting, *where, key), f"{name}.{key}",
                                   f"»{text[:60]}« står ikke ordret i punkt {f.item}",
                                   "kopiér ordene fra punktets tekst, som de står")
            if f.earlier and f.earlier.date and meeting.date and f.earlier.date >= meeting.date:
                problems.error(meeting.path, line(meeting, *where, "earlier", "date"), f"{name}.earlier.date",
                               f"{f.earlier.date} ligger ikke før mødet", "skriv datoen for det møde, løftet blev givet på")
            answer = f.answer
            if answer is None:
                continue
            target = by_id.get(answer.meeting)
            if target is None:
                problems.error(meeting.path, line(meeting, *where, "answer", "meeting"), f"{name}.answer.meeting",
                               f"mødet '{answer.meeting}' findes ikke i arkivet", _meeting_hint(answer.meeting, by_id))
            elif target.part(answer.item) is None:
                problems.error(meeting.path, line(meeting, *where, "answer", "item"), f"{name}.answer.item",
                               f"mødet '{answer.meeting}' har intet punkt '{answer.item}'",
                               "skriv nummeret på det punkt, der besvarer løftet")
            elif not _quoted(target, answer.item, answer.text):
                problems.error(meeting.path, line(meeting, *where, "answer", "text"), f"{name}.answer.text",
                               f"står ikke ordret i punkt {answer.item} i '{answer.meeting}'",
                               "kopiér den sætning, der besvarer løftet, fra det punkt, som den står")
            elif target.sort_key < meeting.sort_key and target is not meeting:
                problems.error(meeting.path, line(meeting, *where, "answer", "meeting"), f"{name}.answer.meeting",
                               f"'{answer.meeting}' ligger før mødet, hvor løftet blev givet",
                               "et løfte besvares på det møde eller et senere")
