"""Feeds, calendars and open data (issue 20), read back with the libraries their readers use:
feedparser for the Atom feeds, icalendar for the calendars, jsonschema against the published
schemas, csv and sqlite3 for the tables; every link to them resolves; no e-mail address or phone
number in any of them. On the frozen fixture (the seed) and a small fictional archive of several
councils with dated meetings, times and places."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import subprocess
import warnings
import zipfile
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import icalendar
import jsonschema
import pytest

from arkiv.check.personal import find_personal
from arkiv.load import load_archive
from arkiv.render.opendata import FIELDS
from arkiv.tools.fiction import write_fictional_archive
from conftest import FIXTURE, MKDOCS, MKDOCS_ENV, ROOT, copy_project


@pytest.fixture(scope="module")
def fiction(tmp_path_factory):
    """(the built site, the archive) of 30 fictional meetings: 12 councils, 2006–2007."""
    project = copy_project(ROOT, tmp_path_factory.mktemp("aabne-data"))
    (project / "meetings").rename(project / "fixture-meetings")
    write_fictional_archive(project / "meetings", 30)
    built = subprocess.run([str(MKDOCS), "build", "--strict"], cwd=project, env=MKDOCS_ENV, capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    return project / "site", load_archive(project / "meetings")


def feeds(site: Path) -> list[Path]:
    return sorted((site / "arkiv" / "feeds").rglob("*.xml"))


def resolves(site: Path, from_file: Path, href: str) -> bool:
    """Whether a relative link in `from_file` reaches a file of the built site."""
    base = "http://arkiv.test/" + from_file.relative_to(site).as_posix()
    path = urlsplit(urljoin(base, href)).path.lstrip("/")
    target = site / path
    return (target / "index.html").is_file() if path.endswith("/") or not path else target.is_file()


@pytest.mark.parametrize("which", ["fixture", "fiction"])
def test_every_feed_is_atom_a_feed_reader_reads_with_links_that_resolve(site, fiction, which):
    built = site if which == "fixture" else fiction[0]
    found = feeds(built)
    assert len(found) > 20
    entries = 0
    for path in found:
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert parsed.version == "atom10" and parsed.feed.language == "da"
        assert parsed.feed.updated_parsed and parsed.feed.title
        for link in parsed.feed.links:
            assert resolves(built, path, link.href), (path, link.href)
        for entry in parsed.entries:
            entries += 1
            assert entry.id.startswith("urn:uuid:") and entry.updated_parsed and entry.summary
            assert resolves(built, path, entry.link.split("#")[0]), (path, entry.link)
        assert len(parsed.entries) <= 50
    assert entries > 20


def test_the_feeds_hold_what_the_archive_holds(fiction):
    site, archive = fiction
    whole = feedparser.parse((site / "arkiv/feeds/moeder.xml").read_bytes())
    assert len(whole.entries) == len(archive.meetings)
    council = next(iter(archive.councils))
    own = feedparser.parse((site / f"arkiv/feeds/raad/{council}.xml").read_bytes())
    assert len(own.entries) == len(archive.council_meetings(council))
    theme = "opioider"
    on_theme = feedparser.parse((site / f"arkiv/feeds/temaer/{theme}.xml").read_bytes())
    assert len(on_theme.entries) == min(50, len(archive.theme_hits[theme]))
    assert all("#punkt-" in e.link or "#indledning" in e.link or "#skriftlig" in e.link for e in on_theme.entries)
    # Dated meetings are published on their day; »updated« is a date of the data, not the build's clock.
    published = {e.published_parsed[:3] for e in whole.entries}
    assert published == {(m.date.year, m.date.month, m.date.day) for m in archive.meetings}


def test_pages_link_their_feed_for_readers_and_people(site):
    theme = (site / "arkiv/temaer/opioider/index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" type="application/atom+xml" title="Tema: Opioider (Atom)" href="../../feeds/temaer/opioider.xml">' in theme
    assert 'Abonnér på nye punkter om temaet: <a href="../../feeds/temaer/opioider.xml"' in theme
    person = (site / "arkiv/personer/gert-sejbak/index.html").read_text(encoding="utf-8")
    assert 'href="../../feeds/personer/gert-sejbak.xml"' in person
    council = (site / "arkiv/raad/koebenhavn/index.html").read_text(encoding="utf-8")
    assert 'href="../../feeds/raad/koebenhavn.xml"' in council and 'href="../../kalender/raad/koebenhavn.ics"' in council
    front = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="arkiv/kalender/moeder.ics"' in front and 'href="arkiv/feeds/moeder.xml"' in front


@pytest.mark.parametrize("which", ["fixture", "fiction"])
def test_every_calendar_reads_in_a_calendar_library_without_warnings(site, fiction, which):
    built = site if which == "fixture" else fiction[0]
    calendars = sorted((built / "arkiv" / "kalender").rglob("*.ics"))
    assert calendars
    for path in calendars:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            calendar = icalendar.Calendar.from_ical(path.read_bytes())
        assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
        uids = [event["UID"] for event in calendar.walk("VEVENT")]
        assert len(uids) == len(set(uids)), path
        for event in calendar.walk("VEVENT"):
            assert event["DTSTAMP"] and event["DTSTART"] and event["SUMMARY"], path


def test_calendars_hold_past_and_upcoming_meetings(site, fiction):
    built, archive = fiction
    calendar = icalendar.Calendar.from_ical((built / "arkiv/kalender/moeder.ics").read_bytes())
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    for meeting in archive.meetings:
        event = events[f"{meeting.council}-{meeting.date.isoformat()}@kredsraadsarkivet"]
        start = event.decoded("DTSTART")
        assert (start.hour, start.minute) == tuple(int(x) for x in meeting.time.split("."))  # the minutes' time
        assert str(event["LOCATION"]) == meeting.place and event["STATUS"] == "CONFIRMED"
    upcoming = [e for e in events.values() if e["STATUS"] == "TENTATIVE"]
    latest = {m.council: m for m in archive.meetings}  # each council's latest referat names the next
    assert len(upcoming) == sum(1 for m in latest.values() if m.next_meeting and m.next_meeting.date)
    # The seed: an undated meeting is in no calendar, its announced next meeting is, as a whole day.
    seed = icalendar.Calendar.from_ical((site / "arkiv/kalender/raad/koebenhavn.ics").read_bytes())
    [event] = seed.walk("VEVENT")
    assert str(event["UID"]) == "koebenhavn-2025-06-23@kredsraadsarkivet"
    assert event.decoded("DTSTART").isoformat() == "2025-06-23" and event["STATUS"] == "TENTATIVE"


def _validator(site: Path, name: str):
    schema = json.loads((site / "arkiv/data/schema" / name).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("which", ["fixture", "fiction"])
def test_the_json_is_valid_against_its_published_schemas(site, fiction, which):
    built = site if which == "fixture" else fiction[0]
    data = built / "arkiv/data"
    checks = [("moeder.schema.json", [data / "moeder.json"]),
              ("personer.schema.json", [data / "personer.json"]), ("temaer.schema.json", [data / "temaer.json"]),
              ("raad.schema.json", [data / "raad.json"]),
              ("moede.schema.json", sorted((data / "moeder").glob("*.json"))),
              ("popolo.schema.json", [data / "popolo.json"]),
              ("begivenhed.schema.json", sorted((data / "ocd").glob("*.json")))]
    for schema, files in checks:
        validator = _validator(built, schema)
        assert files, schema
        for path in files:
            errors = [e.message for e in validator.iter_errors(json.loads(path.read_text(encoding="utf-8")))]
            assert errors == [], (path, errors[:3])
    # A schema that accepted anything would pass that: it refuses a meeting without its council.
    broken = json.loads(sorted((data / "moeder").glob("*.json"))[0].read_text(encoding="utf-8"))
    del broken["council"]
    assert list(_validator(built, "moede.schema.json").iter_errors(broken))


def test_popolo_and_events_say_who_was_there_and_what_was_on(site):
    archive = load_archive(FIXTURE)
    popolo = json.loads((site / "arkiv/data/popolo.json").read_text(encoding="utf-8"))
    assert {p["id"] for p in popolo["persons"]} == set(archive.people)
    organisations = {o["id"]: o for o in popolo["organizations"]}
    assert organisations["koebenhavn"]["classification"] == "kredsråd"
    assert any(o["name"] == "Sundhedsstyrelsen" for o in organisations.values())
    member = next(m for m in popolo["memberships"] if m["person_id"] == "anne-toennes" and m["organization_id"] == "koebenhavn")
    assert member["role"] == "Politidirektør"
    event = json.loads((site / "arkiv/data/ocd/koebenhavn-2025-1.json").read_text(encoding="utf-8"))
    item = next(a for a in event["agenda"] if a["anchor"] == "punkt-3c")
    assert "Christiania" in item["subjects"] and {"entity_type": "person", "entity_id": "gert-sejbak",
                                                  "name": "Gert Sejbak"} in item["related_entities"]
    roles = {(p["entity_id"], p["note"]) for p in event["participants"] if p["entity_type"] == "person"}
    assert ("michael-vindfeldt", "afbud") in roles and ("nina-eg-hansen", "stedfortræder") in roles
    assert {"note": "Lokal kriminalitetsstatistik", "item": "4.c", "links": []} in event["documents"]


def test_the_tables_read_back_and_count_what_the_archive_holds(fiction):
    site, archive = fiction
    tables = {}
    for name in FIELDS:
        with open(site / f"arkiv/data/csv/{name}.csv", encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            tables[name] = list(reader)
        assert reader.fieldnames == list(FIELDS[name][1]), name  # every column described
    assert len(tables["moeder"]) == len(archive.meetings)
    assert len(tables["punkter"]) == sum(len(m.sections) for m in archive.meetings)
    assert len(tables["deltagelse"]) == sum(len(a) for a in archive.person_meetings.values())
    assert len(tables["personer"]) == len(archive.people) and len(tables["temaer"]) == len(archive.themes)
    assert len(tables["opfoelgning"]) == sum(len(m.follow_ups) for m in archive.meetings)
    first = archive.meetings[0]
    row = next(r for r in tables["moeder"] if r["id"] == first.id)
    assert row["dato"] == first.date.isoformat() and row["tidspunkt"] == first.time and row["sted"] == first.place


def test_the_database_searches_the_minutes_in_danish_and_counts_what_the_archive_holds(fiction):
    site, archive = fiction
    connection = sqlite3.connect(f"file:{site / 'arkiv/data/kredsraadsarkivet.sqlite'}?mode=ro", uri=True)
    count = lambda sql: connection.execute(sql).fetchone()[0]  # noqa: E731
    assert count("SELECT count(*) FROM moeder") == len(archive.meetings)
    assert count("SELECT count(*) FROM punkter") == sum(len(m.sections) for m in archive.meetings)
    assert count("SELECT count(*) FROM personer") == len(archive.people)
    assert count("SELECT count(*) FROM deltagelse WHERE rolle = 'afbud'") == sum(len(m.absent) for m in archive.meetings)
    # Full text, Danish letters as themselves: »nødopkald« (a word of the fiction), not »nodopkald«.
    found = {tuple(r) for r in connection.execute(
        "SELECT moede, anker FROM punkter_fts WHERE punkter_fts MATCH 'nødopkald'")}
    expected = {(m.id, s.anchor) for m in archive.meetings for s in m.sections
                if "nødopkald" in (s.heading or "").lower().split() + s.body.lower().replace(".", " ").replace(",", " ").split()}
    assert found and found == expected
    assert count("SELECT count(*) FROM punkter_fts WHERE punkter_fts MATCH 'nodopkald'") == 0
    on_theme = count("SELECT count(*) FROM punkt_temaer WHERE tema = 'opioider'")
    assert on_theme == len(archive.theme_hits["opioider"])


def test_the_bundle_holds_everything_with_its_readme_and_licence(site):
    with zipfile.ZipFile(site / "arkiv/data/kredsraadsarkivet-data.zip") as bundle:
        names = set(bundle.namelist())
        readme = bundle.read("LAESMIG.md").decode("utf-8")
        licence = bundle.read("LICENS.txt").decode("utf-8")
        database = bundle.read("kredsraadsarkivet.sqlite")
    assert {"csv/moeder.csv", "csv/punkter.csv", "csv/deltagelse.csv", "csv/personer.csv", "csv/opfoelgning.csv", "popolo.json",
            "moeder.json", "moeder/koebenhavn-2025-1.json", "ocd/koebenhavn-2025-1.json",
            "schema/moede.schema.json", "kredsraadsarkivet.sqlite"} <= names
    for name, (_, fields) in FIELDS.items():
        assert f"## {name}.csv" in readme and all(f"`{field}`" in readme for field in fields), name
    assert "CC BY 4.0" in licence and "e-mailadresser" in readme
    assert database == (site / "arkiv/data/kredsraadsarkivet.sqlite").read_bytes()


def test_no_export_has_an_email_address_or_a_phone_number(site, fiction):
    for built in (site, fiction[0]):
        for folder in ("data", "feeds", "kalender"):
            for path in (built / "arkiv" / folder).rglob("*"):
                if path.suffix in (".csv", ".json", ".md", ".txt"):
                    assert not find_personal(path.read_text(encoding="utf-8")), path


def test_the_data_page_explains_every_file_and_its_links_resolve(site):
    page = site / "arkiv/abonnement/index.html"
    html = page.read_text(encoding="utf-8")
    for required in ("Data og abonnement", "Abonnér", "Tilføj kalender fra URL", "CC BY 4.0",
                     "offentlige roller", "e-mailadresser eller telefonnumre", "kredsraadsarkivet.sqlite",
                     "popolo.json", "punkter.csv", "moede.schema.json"):
        assert required in html, required
    import re
    hrefs = re.findall(r'href="([^"#]+\.(?:xml|ics|json|csv|sqlite|zip))"', html)
    assert len(hrefs) > 10
    for href in hrefs:
        assert resolves(site, page, href), href


def test_the_calendar_reads_from_bytes_as_a_subscriber_fetches_it(site):
    # What a calendar app does: fetch the bytes, then parse; CRLF line ends as RFC 5545 asks.
    data = (site / "arkiv/kalender/moeder.ics").read_bytes()
    assert b"\r\n" in data and data.startswith(b"BEGIN:VCALENDAR\r\n")
    assert icalendar.Calendar.from_ical(io.BytesIO(data).read())


def test_with_a_site_url_calendars_and_feeds_carry_absolute_addresses(tmp_path):
    import dataclasses

    from arkiv.render.calendar import render_calendars
    from arkiv.render.feeds import render_archive_feeds
    from arkiv.source.site_config import DEFAULT

    archive = load_archive(write_fictional_archive(tmp_path / "m", 12))
    archive = dataclasses.replace(archive, site=dataclasses.replace(DEFAULT, url="https://arkiv.example/"))
    calendar = icalendar.Calendar.from_ical(render_calendars(archive)["kalender/moeder.ics"])
    urls = {str(e["URL"]) for e in calendar.walk("VEVENT") if "URL" in e}
    assert urls and all(u.startswith("https://arkiv.example/arkiv/moeder/") and u.endswith("/") for u in urls)
    feed = feedparser.parse(render_archive_feeds(archive)["feeds/moeder.xml"])
    assert feed.entries[0].link.startswith("https://arkiv.example/arkiv/moeder/")


def test_the_audit_reads_the_members_of_a_zip_and_the_rows_of_a_database(tmp_path):
    from arkiv.site.audit import audit_site
    from arkiv.site.bulk import _TABLES, bundle, database

    site = tmp_path / "site"
    (site / "data").mkdir(parents=True)
    (site / "index.html").write_text("<p>Fiktiv</p>", encoding="utf-8")
    published = b"id,navn\naase-fiktiv,Aase Fiktiv\n"
    (site / "data" / "personer.csv").write_bytes(published)
    # A member that is the published file is audited as that file; one that is not, on its own.
    (site / "data" / "alt.zip").write_bytes(bundle({"personer.csv": published,
                                                     "LAESMIG.md": "Ring på tlf. 12 34 56 78 (fiktivt).".encode()}))
    tables = {name: ([c.split()[0] for c in columns], []) for name, columns in _TABLES.items()}
    tables["personer"][1].append(["aase-fiktiv", "Aase Fiktiv", "", "skriv til aase@fiktiv.dk"])
    (site / "data" / "arkiv.sqlite").write_bytes(database(tables))
    found = [str(f) for f in audit_site(site)]
    assert any(f.startswith("data/alt.zip!LAESMIG.md:1: filen viser '12 34 56 78'") for f in found), found
    assert any(f.startswith("data/arkiv.sqlite!personer:0: databasen viser 'aase@fiktiv.dk'") for f in found), found
    assert not any("personer.csv" in f for f in found)
