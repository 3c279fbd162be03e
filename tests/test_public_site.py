"""The site as a public record (issue 19), in chromium at a phone's and a desktop's width: who
publishes it, Danish throughout, the meeting page leading with the meeting, Danish anchors,
sources readable as pages, citations and links to copy, print, and pages that fit a phone."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from arkiv.danish import slugify

MEETING = "arkiv/moeder/koebenhavn-2025-1/"
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser, server):
    context = browser.new_context(locale="da-DK", viewport=PHONE)
    page = context.new_page()
    yield page
    context.close()


def test_every_page_names_its_publisher_and_links_the_accessibility_statement(page, server, site):
    for path in ("", MEETING, "arkiv/personer/gert-sejbak/", "soeg/", "404.html"):
        page.goto(server + path)
        footer = page.locator(".md-copyright")
        text = " ".join(footer.inner_text().split())
        assert text.startswith("Udgivet af Kredsrådsarkivet"), (path, text)
        assert "Licens: CC BY 4.0" in text and "Made with" not in text, (path, text)
        statement = footer.get_by_role("link", name="Tilgængelighedserklæring")
        assert urlsplit(statement.evaluate("a => a.href")).path == "/arkiv/tilgaengelighed/", path
    page.goto(server + "arkiv/tilgaengelighed/")
    body = page.locator("article").inner_text()
    for required in ("WCAG 2.1 på niveau AA", "EN 301 549", "delvist", "Indhold, der ikke er tilgængeligt",
                     "Søgningen kræver JavaScript", "Feedback og kontakt", "Kontaktoplysninger mangler",
                     "Digitaliseringsstyrelsen", "udarbejdet 1. december 2026"):
        assert required in body, required
    enforcement = page.get_by_role("link", name="Oplever du ikke-tilgængeligt indhold?")
    assert enforcement.get_attribute("href").startswith("https://digst.dk/")
    page.goto(server + "om/")
    about = page.locator("article").inner_text()
    for required in ("Hvem udgiver arkivet", "Fejl i arkivet", "Opdatering", "retsplejelovens §§ 111–113",
                     "Material for MkDocs", "Pagefind"):
        assert required in about, required


def test_the_404_page_is_danish_with_the_search_and_the_indexes(page, server):
    page.goto(server + "404.html")
    assert page.locator("h1").inner_text() == "Siden findes ikke"
    assert "Not found" not in page.content()
    for name in ("Møder", "Råd", "Temaer", "Personer"):
        assert page.locator("article").get_by_role("link", name=name, exact=True).count() == 1
    page.get_by_label("Søg i referaterne", exact=True).last.fill("fentanyl")
    page.keyboard.press("Enter")
    page.wait_for_url("**/soeg/?q=fentanyl")


@pytest.mark.parametrize("viewport", [PHONE, {"width": 1280, "height": 900}])
def test_the_meeting_page_leads_with_the_meeting(browser, server, viewport):
    context = browser.new_context(locale="da-DK", viewport=viewport)
    page = context.new_page()
    page.goto(server + MEETING)
    assert page.locator("h1").inner_text().startswith("Københavns Politis kredsråd: 1. møde i 2025")
    lead = page.locator(".arkiv-moede-lead").inner_text()
    assert "Datoen er ikke oplyst i referatet; mødet blev holdt efter 10. februar 2025 og før 23. juni 2025." in lead
    note = page.locator("details.arkiv-dato-note")
    assert not note.evaluate("d => d.open")  # one click away
    note.locator("summary").click()
    assert "årets første" in note.inner_text()
    # The agenda is on the first screen, after the lead and the line of the page's parts.
    assert page.locator("#dagsorden").bounding_box()["y"] < viewport["height"]
    contents = page.get_by_role("navigation", name="På siden")
    for name, anchor in (("Deltagere", "#deltagere"), ("Bilag", "#bilag"), ("Kilde", "#kilde")):
        assert contents.get_by_role("link", name=name).get_attribute("href") == anchor
    assert "Mødefil i arkivet" not in page.content() and "meetings/koebenhavn" not in page.content()
    # Sub-items stand in from their item.
    item, sub = (page.locator(f"#{a}").bounding_box()["x"] for a in ("punkt-3", "punkt-3a"))
    assert sub > item
    context.close()


class _Headings(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found, self.open = [], None

    def handle_starttag(self, tag, attrs):
        if re.fullmatch(r"h[1-6]", tag):
            self.open = [dict(attrs).get("id", ""), ""]

    def handle_data(self, data):
        if self.open is not None:
            self.open[1] += data

    def handle_endtag(self, tag):
        if self.open is not None and re.fullmatch(r"h[1-6]", tag):
            self.found.append((self.open[0], self.open[1].replace("¶", "").strip()))
            self.open = None


def test_every_heading_anchor_is_a_danish_slug(site):
    """#stedfortraedere, not #stedfortrdere (Python-Markdown drops æ, ø, å); the agenda items keep
    their #punkt-3a."""
    checked = 0
    for path in site.rglob("*.html"):
        if "pagefind" in path.parts:
            continue
        reader = _Headings()
        reader.feed(path.read_text(encoding="utf-8"))
        for anchor, text in reader.found:
            if not anchor or anchor.startswith(("punkt-", "indledning", "skriftlig-orientering")) or \
                    path.name == "404.html":
                continue
            base = re.sub(r"-\d+$", "", anchor)
            assert base == slugify(text) or anchor == slugify(text), (path, anchor, text)
            checked += 1
    assert checked > 100
    meeting = (site / MEETING / "index.html").read_text(encoding="utf-8")
    for anchor in ("stedfortraedere", "oplaegsholdere", "deltagere", "om-moedet"):
        assert f'id="{anchor}"' in meeting, anchor


def test_the_source_opens_readably_as_a_page_and_as_text(page, server):
    page.goto(server + MEETING)
    page.get_by_role("link", name="læs den som side").click()
    assert urlsplit(page.url).path == "/arkiv/kilder/koebenhavn-2025-1/"
    assert "kredsrådsmøde" in page.locator("pre.arkiv-kildetekst").inner_text()
    page.get_by_role("link", name="koebenhavn-2025-1.txt").first.click()
    # Served as python3 -m http.server serves it, with no charset: the byte-order mark tells.
    assert "kredsrådsmøde" in page.locator("body").inner_text()
    assert "kredsrÃ¥dsmÃ¸de" not in page.locator("body").inner_text()


def test_the_source_page_fits_a_phone(phone, server):
    phone.goto(server + "arkiv/kilder/koebenhavn-2025-1/")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_cite_and_copy_the_link_of_a_meeting_and_an_item(browser, server):
    context = browser.new_context(locale="da-DK", viewport=PHONE, has_touch=True, accept_downloads=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(server + MEETING)
    item = page.locator(".arkiv-citer").nth(4)  # the meeting's, the opening's, items 1, 2, then 3
    item.get_by_role("button", name="Kopiér link").tap()
    assert page.evaluate("navigator.clipboard.readText()") == server + MEETING + "#punkt-3"
    item.get_by_role("button", name="Citér").tap()
    text = item.locator(".arkiv-citer__tekst").inner_text()
    assert text.startswith("Københavns Politis kredsråd: Referat af 1. møde i 2025 (dato ikke oplyst), Ad 3) Tema: Opioider.")
    assert f"{server}{MEETING}#punkt-3 (hentet " in text
    item.get_by_role("button", name="Kopiér citation").tap()
    assert page.evaluate("navigator.clipboard.readText()") == text
    with page.expect_download() as csl:
        item.get_by_role("link", name="CSL-JSON").tap()
    [record] = json.loads(open(csl.value.path(), encoding="utf-8").read())
    assert record["author"] == [{"literal": "Københavns Politis kredsråd"}]
    assert record["issued"] == {"date-parts": [[2025]]} and record["URL"].endswith("#punkt-3")
    with page.expect_download() as bib:
        item.get_by_role("link", name="BibTeX").tap()
    bibtex = open(bib.value.path(), encoding="utf-8").read()
    assert bibtex.startswith("@misc{koebenhavn-2025-1-punkt-3,") and "year = {2025}" in bibtex
    # The meeting's own, under its heading.
    page.locator(".arkiv-citer").first.get_by_role("button", name="Kopiér link").tap()
    assert page.evaluate("navigator.clipboard.readText()") == server + MEETING
    context.close()


def test_printing_puts_the_archive_the_address_and_the_day_on_paper(page, server):
    page.goto(server + MEETING)
    assert page.locator(".arkiv-udskrift").is_hidden()
    page.emulate_media(media="print")
    line = page.locator(".arkiv-udskrift")
    assert line.is_visible()
    assert re.fullmatch(rf"Kredsrådsarkivet · {re.escape(server + MEETING)} · udskrevet \d+\. \w+ \d{{4}}", line.inner_text())
    assert page.locator(".arkiv-citer").first.is_hidden()


@pytest.mark.parametrize("path", ["", MEETING, "arkiv/personer/gert-sejbak/", "arkiv/personer/",
                                  "arkiv/kilder/koebenhavn-2025-1/", "arkiv/tilgaengelighed/"])
def test_pages_fit_a_phone_and_show_the_site_name_whole(phone, server, path):
    phone.goto(server + path)
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], path
    name = phone.locator(".md-header__topic").first.locator(".md-ellipsis")
    assert name.evaluate("e => e.scrollWidth <= e.clientWidth"), path  # not cut to »Kredsrådsa…«


def test_the_person_page_reads_as_text_and_tables(phone, server):
    phone.goto(server + "arkiv/personer/gert-sejbak/")
    assert phone.locator("article > ul").count() == 0 or \
        "Titel i referaterne" not in phone.locator("article > ul").first.inner_text()
    assert "Titel i referaterne: Ledende politiinspektør, Københavns Politi." in phone.locator("article").inner_text()
    # Each row a block, each cell labelled with its column (the words were broken to fit columns).
    cell = phone.locator("table.arkiv-moeder tbody tr").first.locator("td").first
    assert cell.evaluate("td => getComputedStyle(td).display") == "block"
    assert cell.evaluate("td => getComputedStyle(td, '::before').content") == '"Møde: "'
    assert cell.locator("a").inner_text() == "1. møde i 2025 (dato ikke oplyst)"


def test_the_front_page_has_a_search_field_the_latest_meetings_and_the_themes(page, server):
    page.goto(server)
    field = page.locator("article").get_by_label("Søg i referaterne", exact=True)
    assert field.is_visible() and field.bounding_box()["y"] < 700
    assert page.locator("#seneste-moeder").count() == 1 and page.locator("#temaer").count() == 1
    field.fill("opioider")
    field.press("Enter")
    page.wait_for_url("**/soeg/?q=opioider")
