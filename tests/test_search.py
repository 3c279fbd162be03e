"""Search as a visitor uses it: queries typed into the search box of the built site in chromium.

The real archive answers the Danish queries of issue 5; a small fictional archive (many meetings,
councils and years) answers the filters and the sorting, which one real meeting cannot show.
"""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import subprocess
import threading
from urllib.parse import parse_qs, urlsplit

import pytest

from arkiv.tools.fiction import write_fictional_archive
from conftest import MKDOCS, MKDOCS_ENV, ROOT, QuietHandler, copy_project

MEETING = "/arkiv/moeder/koebenhavn-2025-1/"


def results(page, query: str | None = None) -> list[dict]:
    """The results on the search page once they have arrived: type line, title, link, items.

    With `query`, the results of that query: while a visitor types, the page may briefly show the
    results of the first letters."""
    if query is not None:
        page.wait_for_function("q => document.getElementById('arkiv-soeg-status').textContent.includes('»' + q + '«')",
                               arg=query, timeout=15_000)
    page.locator(".arkiv-resultat").first.wait_for(timeout=15_000)
    page.wait_for_function("!document.getElementById('arkiv-soeg-status').textContent.includes('Søger')")
    return page.evaluate("""() => [...document.querySelectorAll('.arkiv-resultat')].map(li => ({
        type: li.querySelector('.arkiv-resultat__type').textContent,
        title: li.querySelector('h2 a').textContent,
        href: new URL(li.querySelector('h2 a').href).pathname,
        items: [...li.querySelectorAll('.arkiv-resultat__punkter > li')].map(item => ({
            title: item.querySelector('a').textContent,
            href: new URL(item.querySelector('a').href).pathname + new URL(item.querySelector('a').href).hash,
            marked: [...item.querySelectorAll('mark')].map(m => m.textContent),
        })),
        marked: [...li.querySelectorAll('mark')].map(m => m.textContent),
    }))""")


def type_query(page, server, query: str) -> list[dict]:
    page.goto(server + "soeg/")
    page.get_by_label("Søgeord").press_sequentially(query, delay=20)
    return results(page, query)


def hrefs(found: list[dict]) -> set[str]:
    return {r["href"] for r in found} | {i["href"] for r in found for i in r["items"]}


@pytest.mark.parametrize("query", ["opioider", "opioid", "Opioiderne"])
def test_inflected_forms_find_every_opioid_item(page, server, query):
    found = hrefs(type_query(page, server, query))
    for item in ("3", "3a", "3b", "3c"):
        assert f"{MEETING}#punkt-{item}" in found, (query, found)


def test_opioid_finds_the_sentence_with_opioid_piller(page, server):
    # Pagefind splits »opioid-piller« into its parts: the word itself is a match for »opioid«.
    page.goto(server + "soeg/")
    words = page.evaluate("""async () => {
        const pf = await import('/pagefind/pagefind.js');
        const search = await pf.search('opioid');
        const pages = await Promise.all(search.results.map(r => r.data()));
        const meeting = pages.find(p => p.url.endsWith('koebenhavn-2025-1/'));
        const words = meeting.content.split(/\\s+/);
        const item = meeting.sub_results.find(s => s.url.endsWith('#punkt-3'));
        return item.locations.map(i => words[i]);
    }""")
    assert "opioid-piller" in words, words


@pytest.mark.parametrize("query, expected", [
    ("bander", {"/arkiv/temaer/bander/", f"{MEETING}#punkt-4a", f"{MEETING}#punkt-5"}),  # bandesituationen, bandegruppering
    ("Christiania", {"/arkiv/temaer/christiania/", f"{MEETING}#punkt-4a", f"{MEETING}#punkt-3c"}),  # 3.c: Pusher Street
    ("fentanyl", {f"{MEETING}#punkt-3c", f"{MEETING}#punkt-3a"}),
    ("Gøtterup", {"/arkiv/personer/kenneth-goetterup/", f"{MEETING}#punkt-3b"}),
    ("Schønning", {"/arkiv/personer/katrine-schjoenning/", f"{MEETING}#punkt-3b"}),
    ("Schjønning", {"/arkiv/personer/katrine-schjoenning/", f"{MEETING}#punkt-3"}),
])
def test_queries_find_themes_people_and_items(page, server, query, expected):
    found = type_query(page, server, query)
    assert expected <= hrefs(found), found
    # Every hit names its meeting and links to the agenda item, with the matched words marked.
    meeting = next(r for r in found if r["href"] == MEETING)
    assert meeting["title"] == "1. møde i 2025 (dato ikke oplyst)"
    assert "Københavns Politis kredsråd" in meeting["type"]
    for item in meeting["items"]:
        assert item["title"].startswith(("Ad ", "Til skriftlig orientering")), item
        assert item["marked"], item


def test_pusher_street_item_has_the_word_marked(page, server):
    found = type_query(page, server, "Pusher Street")
    item = next(i for r in found for i in r["items"] if i["href"] == f"{MEETING}#punkt-3c")
    assert "Pusher" in item["marked"] and "Street" in item["marked"]


@pytest.mark.parametrize("variants", [("Gøtterup", "gøtterup", "GØTTERUP"), ("christiania", "CHRISTIANIA"),
                                      ("Schjønning", "schjønning", "SCHJØNNING")])
def test_case_and_danish_letters_do_not_matter(page, server, variants):
    answers = [hrefs(type_query(page, server, v)) for v in variants]
    assert answers[0] and all(a == answers[0] for a in answers), answers


def test_header_search_box_leads_to_results_and_a_shareable_address(page, server):
    page.goto(server + "arkiv/temaer/")
    page.get_by_role("search").get_by_label("Søg i referaterne").fill("fentanyl")
    page.keyboard.press("Enter")
    found = results(page, "fentanyl")
    assert f"{MEETING}#punkt-3c" in hrefs(found)
    assert parse_qs(urlsplit(page.url).query) == {"q": ["fentanyl"]}
    # The result link goes straight to the agenda item.
    page.locator(f'.arkiv-resultat__punkter a[href$="{MEETING}#punkt-3c"]').click()
    assert page.url.endswith(f"{MEETING}#punkt-3c")
    assert page.locator("#punkt-3c").is_visible()


@pytest.mark.parametrize("typed, meant, leads_to", [
    # The misspellings of issue 18: each leads, in one click, to the theme or person meant.
    ("opiodier", "Opioider", "Opioider"),
    ("kristiania", "Christiania", "Christiania"),
    ("christianja", "Christiania", "Christiania"),
    ("gøterup", "Gøtterup", "Kenneth Gøtterup"),
])
def test_a_misspelt_word_gets_the_word_meant_and_one_click_searches_it(page, server, typed, meant, leads_to):
    page.goto(server + f"soeg/?q={typed}")
    offer = page.locator(".arkiv-soeg__forslag")
    offer.wait_for(state="visible", timeout=15_000)
    assert offer.inner_text() == f"Mente du »{meant}«?"
    offer.locator("a").click()
    found = results(page, meant)
    assert leads_to in [r["title"] for r in found]
    assert offer.is_hidden() and page.get_by_label("Søgeord").input_value() == meant
    assert parse_qs(urlsplit(page.url).query)["q"] == [meant]


def test_no_suggestion_for_words_the_archive_has_or_nothing_near(page, server):
    """The vocabulary is fetched only when a query finds little, and suggests nothing for a word the
    archive has (»Crime as a Service« finds one item) or for one that is near nothing."""
    fetched = []
    page.on("request", lambda request: fetched.append(request.url) if "ordforraad" in request.url else None)
    page.goto(server + "soeg/?q=opioider")
    results(page, "opioider")
    page.wait_for_timeout(500)
    assert fetched == []  # enough results: no vocabulary
    for query in ("Crime as a Service", "xyzzyq"):
        page.goto(server + f"soeg/?q={query}")
        page.wait_for_function("q => document.getElementById('arkiv-soeg-status').textContent.includes('»' + q + '«')",
                               arg=query, timeout=15_000)
        page.wait_for_timeout(500)
        assert page.locator(".arkiv-soeg__forslag").is_hidden(), query
    assert fetched  # a query that found little did fetch it


@pytest.mark.parametrize("query", ["Crime as a Service", "as"])
def test_short_words_do_not_match_by_prefix(page, server, query):
    """Pagefind matches every word as the start of one: »a« and »as« found »af«, »Ad« and »år«
    everywhere and put the item about Crime as a Service eighth. Now it is the first item, and
    nothing but the words meant is marked."""
    page.goto(server + f"soeg/?q={query}")
    found = results(page, query)
    first = found[0]["items"][0]
    assert first["href"] == f"{MEETING}#punkt-4a", found
    # Marked as words, without the punctuation Pagefind marks with them (»(Crime«, »Service).«).
    marked = {word for r in found for item in r["items"] for word in item["marked"]}
    assert marked == ({"Crime", "Service"} if len(query) > 2 else {"as"}), marked


def test_without_javascript_the_search_page_points_to_the_indexes(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "soeg/?q=opioider")
    notice = page.locator("noscript").first.inner_html()
    assert "Søgningen kræver JavaScript" in notice
    for target in ("arkiv/moeder/", "arkiv/temaer/", "arkiv/personer/"):
        assert f'href="../{target}"' in notice
        assert page.request.get(server + target).ok
    context.close()


# --- Filters and sorting, on a fictional archive of several councils and years -------------------

@pytest.fixture(scope="module")
def fiction_server(tmp_path_factory):
    project = copy_project(ROOT, tmp_path_factory.mktemp("search-fiction"))
    shutil.rmtree(project / "meetings")
    write_fictional_archive(project / "meetings", 60)  # 12 councils meeting quarterly: 2006 and 2007
    built = subprocess.run([str(MKDOCS), "build", "--strict"], cwd=project, env=MKDOCS_ENV,
                           capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    handler = functools.partial(QuietHandler, directory=str(project / "site"))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture
def fpage(browser, fiction_server):
    context = browser.new_context(locale="da-DK")
    page = context.new_page()
    yield page
    context.close()


def meeting_dates(found: list[dict]) -> list[str]:
    """The fictional meetings' ids carry their year and month: fiktivt-raad-03-2007-05."""
    return [re.search(r"(\d{4}-\d{2})/$", r["href"]).group(1) for r in found]


def test_filters_narrow_results_and_live_in_the_address(fpage, fiction_server):
    fpage.goto(fiction_server + "soeg/")
    fpage.get_by_label("Søgeord").fill("opioider")
    all_results = results(fpage, "opioider")
    fpage.get_by_label("År", exact=True).focus()  # the filter lists are loaded when a visitor reaches them
    fpage.locator("#arkiv-aar option[value='2007']").wait_for(state="attached")
    fpage.get_by_label("År", exact=True).select_option("2007")
    fpage.wait_for_function("location.search.includes('aar=2007')")
    narrowed = results(fpage)
    assert 0 < len(narrowed) < len(all_results) or len(all_results) == 10
    assert all(r["href"].startswith("/arkiv/moeder/") for r in narrowed)
    assert {d[:4] for d in meeting_dates(narrowed)} == {"2007"}
    fpage.get_by_label("Råd", exact=True).select_option("Fiktivt kredsråd 3")
    fpage.wait_for_function("location.search.includes('raad=')")
    narrowed = results(fpage)
    assert narrowed and all("/fiktivt-raad-03-2007-" in r["href"] for r in narrowed)
    assert all("Fiktivt kredsråd 3" in r["type"] for r in narrowed)
    assert parse_qs(urlsplit(fpage.url).query) == {"q": ["opioider"], "aar": ["2007"], "raad": ["Fiktivt kredsråd 3"]}


def test_a_shared_address_gives_the_same_search(fpage, fiction_server):
    address = fiction_server + "soeg/?q=opioider&aar=2006&sort=nyeste"
    fpage.goto(address)
    found = results(fpage)
    assert fpage.get_by_label("Søgeord").input_value() == "opioider"
    assert fpage.get_by_label("År", exact=True).input_value() == "2006"
    assert fpage.get_by_label("Sortering").input_value() == "nyeste"
    dates = meeting_dates(found)
    assert dates == sorted(dates, reverse=True) and {d[:4] for d in dates} == {"2006"}


def test_sorting_by_date_both_ways_and_by_theme_without_a_query(fpage, fiction_server):
    fpage.goto(fiction_server + "soeg/?tema=Opioider&sort=aeldste")
    oldest = meeting_dates(results(fpage))
    assert oldest == sorted(oldest) and len(oldest) == 10  # the first page of results
    fpage.get_by_label("Sortering").select_option("nyeste")
    fpage.wait_for_function("location.search.includes('sort=nyeste')")
    newest = meeting_dates(results(fpage))
    assert newest == sorted(newest, reverse=True) and newest[0] > oldest[0]
    fpage.get_by_role("button", name="Vis flere resultater").click()
    fpage.wait_for_function("document.querySelectorAll('.arkiv-resultat').length > 10")


def test_person_filter(fpage, fiction_server):
    fpage.goto(fiction_server + "soeg/")
    fpage.get_by_label("Person", exact=True).focus()
    fpage.locator("#arkiv-person option:nth-child(2)").wait_for(state="attached")
    option = fpage.locator("#arkiv-person option:nth-child(2)")
    name, count = re.fullmatch(r"(.+) \((\d+)\)", option.inner_text()).groups()
    fpage.get_by_label("Person", exact=True).select_option(option.get_attribute("value"))
    found = results(fpage)
    assert len(found) == min(int(count), 10)
    for result in found[:3]:
        # The person's filter on that meeting page: on their link in the attendance lists
        # (the link's text is the value), or on a hidden element when only the text names them.
        page_html = fpage.request.get(fiction_server.rstrip("/") + result["href"]).text()
        assert f'data-pagefind-filter="person">{name}</a>' in page_html or \
            f'data-pagefind-filter="person:{name}"' in page_html
