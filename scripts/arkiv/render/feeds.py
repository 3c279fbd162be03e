"""Atom feeds (RFC 4287), written with feedgen: new and changed meetings of the whole archive and
of each council, the items newly on each theme, and the items each person newly appears in.

An entry's »updated« is the day its meeting file last changed in the archive's git history
(Archive.last_changed; without history, the meeting's own date), »published« the meeting's date
where the minutes give it; the feed's »updated« is its newest entry's. Nothing comes from the
build's clock, so two builds of the same commit give the same bytes. Ids are name-based UUIDs of
the meeting and item, stable for as long as the meeting's id is. Links are relative to the feed
(a feed reader resolves them against the feed's address), or absolute when mkdocs.yml sets
`site_url`. At most ENTRIES entries, newest first.
"""

from __future__ import annotations

import datetime as dt
import uuid

from ..model import Archive, Hit, Meeting
from .common import COUNCILS, PEOPLE, SITE_FOLDER, THEMES, council_name, meeting_title

FEEDS = "feeds"
ENTRIES = 50
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "kredsraadsarkivet")


def archive_feed_path() -> str:
    return f"{FEEDS}/moeder.xml"


def council_feed_path(council_id: str) -> str:
    return f"{FEEDS}/{COUNCILS}/{council_id}.xml"


def theme_feed_path(theme_id: str) -> str:
    return f"{FEEDS}/{THEMES}/{theme_id}.xml"


def person_feed_path(person_id: str) -> str:
    return f"{FEEDS}/{PEOPLE}/{person_id}.xml"


def served(generated: str) -> str:
    """The address of a generated file from the site's root: 'moeder/x.md' → 'arkiv/moeder/x/'."""
    if generated.endswith(".md"):
        stem = generated[:-3]
        return f"{SITE_FOLDER}/" + (stem[:-len("index")] if stem.endswith("index") else stem + "/")
    return f"{SITE_FOLDER}/" + generated


def address(archive: Archive, from_file: str, target: str) -> str:
    """`target` (a path from the site's root) as a feed or calendar in `from_file` links it."""
    base = archive.site.url if archive.site and archive.site.url else None
    if base:
        return base.rstrip("/") + "/" + target
    depth = served(from_file).count("/")
    return "../" * depth + target


def _id(*parts: str) -> str:
    return uuid.uuid5(_NAMESPACE, "/".join(parts)).urn


def _moment(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)


def _publisher(archive: Archive) -> str:
    return archive.site.publisher if archive.site else "Kredsrådsarkivet"


def _feed(archive: Archive, path: str, title: str, page: str, entries: list[dict]) -> str:
    from feedgen.feed import FeedGenerator  # only the generation needs it

    entries = sorted(entries, key=lambda e: (e["updated"], e["sort"]), reverse=True)[:ENTRIES]
    feed = FeedGenerator()
    feed.id(_id("feed", path))
    feed.title(title)
    feed.language("da")
    feed.author({"name": _publisher(archive)})
    feed.generator("Kredsrådsarkivet")
    feed.link(href=address(archive, path, served(path)), rel="self", type="application/atom+xml")
    feed.link(href=address(archive, path, page), rel="alternate", type="text/html")
    newest = max((e["updated"] for e in entries), default=None) or archive.site and archive.site.updated
    feed.updated(_moment(newest or dt.date(2000, 1, 1)))
    if archive.site and archive.site.licence:
        feed.rights(archive.site.licence)
    for data in entries:
        entry = feed.add_entry(order="append")
        entry.id(data["id"])
        entry.title(data["title"])
        entry.link(href=address(archive, path, data["link"]), rel="alternate", type="text/html")
        entry.updated(_moment(data["updated"]))
        if data.get("published"):
            entry.published(_moment(data["published"]))
        entry.summary(data["summary"])
    return feed.atom_str(pretty=True).decode("utf-8")


def _meeting_entry(archive: Archive, meeting: Meeting) -> dict:
    items = [f"{s.number}. {s.title}" for s in meeting.items if s.title and "." not in s.number]
    summary = (f"{council_name(archive, meeting)}, {meeting_title(meeting)}. "
               + (("Dagsorden: " + "; ".join(items) + ".") if items else "Referatet har ingen dagsorden."))
    if meeting.conclusions:
        summary += " Konklusioner: " + " ".join(c.text for c in meeting.conclusions)
    promised = [f for f in meeting.follow_ups if f.promise]
    if promised:
        summary += " Løfter: " + " ".join(f"»{f.promise}« ({f.status})." for f in promised)
    return {"id": _id("moede", meeting.id), "title": f"{council_name(archive, meeting)}: {meeting_title(meeting)}",
            "link": served(f"moeder/{meeting.id}.md"), "updated": archive.last_changed(meeting),
            "published": meeting.date, "summary": summary, "sort": meeting.sort_key}


def _item_entry(archive: Archive, hit: Hit) -> dict:
    meeting = archive.meeting(hit.meeting)
    section = hit.section
    return {"id": _id("punkt", meeting.id, section.anchor),
            "title": f"{section.label} – {council_name(archive, meeting)}, {meeting_title(meeting)}",
            "link": served(f"moeder/{meeting.id}.md") + f"#{section.anchor}",
            "updated": archive.last_changed(meeting), "published": meeting.date,
            "summary": hit.excerpt.text, "sort": (*meeting.sort_key, section.anchor)}


def render_archive_feeds(archive: Archive) -> dict[str, str]:
    """The feed of all meetings, and one per council."""
    feeds = {archive_feed_path(): _feed(archive, archive_feed_path(), "Kredsrådsarkivet: nye og ændrede møder",
                                        "", [_meeting_entry(archive, m) for m in archive.meetings])}
    for council in archive.councils.values():
        path = council_feed_path(council.id)
        feeds[path] = _feed(archive, path, f"{council.name}: nye og ændrede møder", served(f"{COUNCILS}/{council.id}.md"),
                            [_meeting_entry(archive, m) for m in archive.council_meetings(council.id)])
    return feeds


def _newest(archive: Archive, hits) -> list[dict]:
    """The ENTRIES newest hits as entries: chosen before they are made (a theme of a large
    archive has thousands of items, and its feed shows fifty)."""
    def key(hit):
        meeting = archive.meeting(hit.meeting)
        return archive.last_changed(meeting), (*meeting.sort_key, hit.section.anchor)
    return [_item_entry(archive, h) for h in sorted(hits, key=key, reverse=True)[:ENTRIES]]


def render_theme_feed(archive: Archive, theme_id: str) -> dict[str, str]:
    theme = archive.themes[theme_id]
    path = theme_feed_path(theme_id)
    hits = archive.theme_hits.get(theme_id, ())
    return {path: _feed(archive, path, f"Tema: {theme.title} – nye punkter", served(f"{THEMES}/{theme_id}.md"),
                        _newest(archive, hits))}


def render_person_feed(archive: Archive, person_id: str) -> dict[str, str]:
    person = archive.people[person_id]
    path = person_feed_path(person_id)
    hits = archive.person_hits.get(person_id, ())
    return {path: _feed(archive, path, f"{person.name} – nye punkter", served(f"{PEOPLE}/{person_id}.md"),
                        _newest(archive, hits))}
