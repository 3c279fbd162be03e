"""Reading the first real meeting: the structure the issue asks the archive to record."""

import datetime as dt

from arkiv.model import INTRO, ITEM, WRITTEN


def meeting(archive):
    return archive.meeting("koebenhavn-2025-1")


def test_agenda_numbers_and_sub_items(archive):
    m = meeting(archive)
    assert [a.number for a in m.agenda] == ["1", "2", "3", "3.a", "3.b", "3.c", "4", "4.a", "4.b", "4.c", "5", "6"]
    assert m.agenda_entry("3.c").points == ("Udspil fra Regeringen (bilag)",
                                           "Data fra National enhed for særlig kriminalitet",
                                           "National forebyggelsesindsats")
    assert m.agenda_entry("4.a").title == "Overordnet operativ status, herunder bandesituationen og Christiania"


def test_fourteen_participants_with_titles_split_from_two_columns(archive):
    m = meeting(archive)
    pairs = [(a.title, archive.people[a.person].name) for a in m.participants]
    assert len(pairs) == 14
    assert pairs[:4] == [("Politidirektør", "Anne Tønnes"), ("Overborgmester", "Lars Weiss"),
                         ("Chefanklager", "Flemming Petersen"), ("Souschef", "Daniel Branislav")]
    assert ("Ledende politiinspektør", "Gert Sejbak") in pairs
    assert ("Borgmester", "Allan S. Andersen") in pairs
    assert ("Centerchef", "Yvette Kovacs") in pairs
    assert ("Chefjurist", "Carsten Kjær-Knudsen") in pairs


def test_apologies_substitute_and_presenters(archive):
    m = meeting(archive)
    assert [(a.title, a.person) for a in m.absent] == [("Borgmester", "michael-vindfeldt"),
                                                        ("Stabschef", "ida-soerensen")]
    assert [(s.person, s.instead_of) for s in m.substitutes] == [("nina-eg-hansen", "michael-vindfeldt")]
    presenters = {(archive.people[p.person].name, p.organisation) for p in m.presenters}
    assert presenters == {
        ("Maja Bæksgaard Jørgensen", "Sundhedsstyrelsen"), ("Kari Grasaasen", "Sundhedsstyrelsen"),
        ("Katrine Schjønning", "Københavns Kommunes sundhedsforvaltning"),
        ("Tanja Frøling Nielsen", "Københavns Kommunes sundhedsforvaltning"),
        ("Gert Sejbak", "Københavns Politi"),
    }


def test_date_is_not_invented(archive):
    m = meeting(archive)
    assert m.date is None
    assert m.date_unknown.year == 2025 and m.date_unknown.number_in_year == 1
    assert m.date_unknown.after == dt.date(2025, 2, 10)
    assert m.date_unknown.before == dt.date(2025, 6, 23)
    assert m.approves_minutes.date == dt.date(2024, 11, 20) and m.approves_minutes.meeting is None
    assert m.next_meeting.date == dt.date(2025, 6, 23)
    assert m.time is None and m.place is None and m.chair is None


def test_sections_follow_the_agenda(archive):
    m = meeting(archive)
    kinds = [s.kind for s in m.sections]
    assert kinds[0] == INTRO and kinds[-1] == WRITTEN and kinds[1:-1] == [ITEM] * 12
    assert [s.number for s in m.items] == [a.number for a in m.agenda]
    assert m.section("3.a").heading == "Ad 3.a) Det sundhedsfaglige perspektiv v/ Sundhedsstyrelsen"
    assert m.section("3.a").anchor == "punkt-3a"


def test_one_person_for_two_spellings(archive):
    katrine = archive.people["katrine-schjoenning"]
    assert "Katrine Schønning" in katrine.aliases
    allan = archive.people["allan-s-andersen"]
    assert "Allan Andersen" in allan.aliases
    assert len(archive.people) == 20
