"""What must hold for whatever meetings/ contains (issue 15): these tests read the live archive and
grow with it, so adding a meeting never needs a test edited. Tests of exact output run on the
frozen fixture (tests/fixture/) instead.

The same checks run on a copy of the live archive grown by fictional meetings of a new council
with new people (written only into a temporary folder), which shows that they hold for an archive
other than today's.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from arkiv.load import check_archive
from arkiv.site.audit import audit_site
from conftest import MEETINGS, ROOT, build_copy
from sitecheck import Page, broken_links, page_file, source_sentences

PAGE_PAGES = re.compile(r"^(?:side\s+)?\d{1,3}(?:\s*(?:af|/)\s*\d{1,3})?$|^-\s*\d{1,3}\s*-$", re.IGNORECASE)
MEETING_PAGE_BAR, PAGE_BAR = 60_000, 1_000_000  # bytes (issue 6's bars)


def _letters(text: str) -> str:
    """A text reduced to its letters and digits: line breaks, hyphenation over lines and
    spacing do not count when a sentence is looked for in its source."""
    return re.sub(r"[\W_]+", "", text.lower())


def _source_without_artefacts(text: str) -> str:
    """The source text without what the importer removes as page artefacts: page numbers, and
    lines repeated on three or more pages (letterheads)."""
    lines = text.split("\n")
    counts: dict[str, int] = {}
    for line in lines:
        if line.strip():
            counts[line.strip()] = counts.get(line.strip(), 0) + 1
    return "\n".join(line for line in lines
                     if not PAGE_PAGES.match(line.strip()) and counts.get(line.strip(), 0) < 3)


def archive_problems(meetings: Path, site: Path) -> list[str]:
    """Everything that must hold for any archive and its built site; [] when all holds."""
    problems: list[str] = []
    archive, found = check_archive(meetings, strict=True)
    if archive is None:
        return [f"check --strict: {p}" for p in found]
    pages = {path: Page(path.read_text(encoding="utf-8")) for path in site.rglob("*.html")}
    for meeting in archive.meetings:
        page = pages.get(page_file(site, f"arkiv/moeder/{meeting.id}/"))
        if page is None:
            problems.append(f"{meeting.id}: no page")
            continue
        source = (meetings / meeting.source.file).read_text(encoding="utf-8") if meeting.source.file else None
        source_letters = _letters(_source_without_artefacts(source)) if source else None
        for section in meeting.sections:
            for sentence in source_sentences(section.body):
                if sentence not in page.text:
                    problems.append(f"{meeting.id}: {section.anchor}: not on the page: {sentence[:80]}")
                if source_letters is not None and _letters(sentence) not in source_letters:
                    problems.append(f"{meeting.id}: {section.anchor}: not in its source text: {sentence[:80]}")
    problems += [f"broken link: {link}" for link in broken_links(site, pages)]
    for path in pages:
        size = path.stat().st_size
        relative = path.relative_to(site).as_posix()
        if size > (MEETING_PAGE_BAR if relative.startswith("arkiv/moeder/") else PAGE_BAR):
            problems.append(f"{relative}: {size:,} bytes")
    problems += [f"audit: {finding}" for finding in audit_site(site)]
    return problems


@pytest.fixture(scope="module")
def live_site(tmp_path_factory):
    return build_copy(ROOT, tmp_path_factory.mktemp("live") / "project", meetings=MEETINGS)


def test_the_live_archive_holds(live_site):
    problems = archive_problems(MEETINGS, live_site)
    assert problems == []


# --- The same, for an archive that has grown ----------------------------------------------------

COUNCIL = "- id: fiktivt-testraad\n  name: Fiktivt Testråd (fiktivt)\n  police_district: Fiktiv Politikreds\n"
PEOPLE = """\
- id: aase-fiktiv-testraad
  name: Aase Fiktivesen
  roles: [{title: Politidirektør, organisation: Fiktiv Politikreds}]
- id: bent-opdigtet-testraad
  name: Bent Opdigtetsen
  roles: [{title: Borgmester, organisation: Fiktiv Kommune}]
- id: carla-eksempel-testraad
  name: Carla Eksempelsen
"""


def fictional_meeting(number: int, day: str, previous: str | None) -> tuple[str, str]:
    """(meeting file, source text) of a fictional meeting whose text is in its source."""
    opening = f"Aase Fiktivesen bød velkommen til det {number}. fiktive møde."
    items = [("Godkendelse af dagsorden", "Dagsordenen blev godkendt."),
             ("Fiktive cykeltyverier", "Bent Opdigtetsen fortalte om cykeltyverier i den fiktive by.\n"
                                       "Der var enighed om at følge udviklingen."),
             ("Eventuelt", "Carla Eksempelsen havde intet under eventuelt.")]
    agenda = "\n".join(f'  - {{number: "{i}", title: {title}}}' for i, (title, _) in enumerate(items, 1))
    approves = (f"approves_minutes: {{date: {previous}, as_written: referatet fra forrige møde}}\n"
                if previous else "")
    front = (f"---\ncouncil: fiktivt-testraad\ndate: {day}\ntime: \"16.00\"\nplace: Fiktivt mødelokale\n"
             "chair: aase-fiktiv-testraad\nparticipants:\n"
             "  - {person: aase-fiktiv-testraad, title: Politidirektør, organisation: Fiktiv Politikreds}\n"
             "  - {person: bent-opdigtet-testraad, title: Borgmester, organisation: Fiktiv Kommune}\nabsent:\n"
             "  - {person: carla-eksempel-testraad}\n" + approves + f"agenda:\n{agenda}\n"
             f"source: {{kind: Fiktivt referat, file: sources/fiktivt-testraad-{day[:4]}-{number}.txt}}\n---\n\n")
    body = opening + "\n\n" + "\n\n".join(f"## Ad {i}) {title}\n\n{text}" for i, (title, text) in enumerate(items, 1))
    source = (f"Referat af fiktivt møde den {day}\nSide 1 af 2\n\n{opening}\n\n"
              + "\n\n".join(f"{i}. {title}\n{text}" for i, (title, text) in enumerate(items, 1)) + "\nSide 2 af 2\n")
    return front + body + "\n", source


def test_the_checks_hold_for_a_grown_archive(tmp_path):
    meetings = tmp_path / "meetings"
    shutil.copytree(MEETINGS, meetings)
    (meetings / "councils.yml").write_text((meetings / "councils.yml").read_text(encoding="utf-8") + COUNCIL,
                                           encoding="utf-8")
    (meetings / "people.yml").write_text((meetings / "people.yml").read_text(encoding="utf-8") + PEOPLE,
                                         encoding="utf-8")
    (meetings / "sources").mkdir(exist_ok=True)  # an archive may have no source texts yet
    previous = None
    for number, day in enumerate(("2031-03-04", "2031-06-10", "2031-09-15"), 1):
        text, source = fictional_meeting(number, day, previous)
        (meetings / f"fiktivt-testraad-2031-{number}.md").write_text(text, encoding="utf-8")
        (meetings / "sources" / f"fiktivt-testraad-2031-{number}.txt").write_text(source, encoding="utf-8")
        previous = day
    site = build_copy(ROOT, tmp_path / "project", meetings=meetings)
    assert archive_problems(meetings, site) == []
    assert (site / "arkiv" / "moeder" / "fiktivt-testraad-2031-3" / "index.html").is_file()
    # And the checks do find what they look for: a sentence that is not in its source.
    text = (meetings / "fiktivt-testraad-2031-3.md").read_text(encoding="utf-8")
    (meetings / "fiktivt-testraad-2031-3.md").write_text(
        text.replace("Dagsordenen blev godkendt.", "Dagsordenen blev godkendt med en tilføjelse."), encoding="utf-8")
    site = build_copy(ROOT, tmp_path / "again", meetings=meetings)
    assert archive_problems(meetings, site) == [
        "fiktivt-testraad-2031-3: punkt-1: not in its source text: Dagsordenen blev godkendt med en tilføjelse."]
