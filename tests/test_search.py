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
    """The results on the search page once they have arrived: type line, title, address (path and
    anchor), the words marked in the title and excerpt.

    With `query`, the results of that query: while a visitor types, the page may briefly show the
    results of the first letters."""
    if query is not None:
        page.wait_for_function("q => document.getElementById('arkiv-soeg-status').textContent.includes('»' + q + '«')",
                               arg=query, timeout=15_000)
    page.locator(".arkiv-resultat").first.wait_for(timeout=15_000)
    page.wait_for_function("!document.getElementById('arkiv-soeg-status').textContent.includes('Søger')")
    return page.evaluate("""() => [...document.querySelectorAll('.arkiv-resultat')].map(li => {
        const link = new URL(li.querySelector('h2 a').href);
        return {
            type: li.querySelector('.arkiv-resultat__type').textContent,
            title: li.querySelector('h2 a').textContent,
            href: link.pathname + link.hash,
            highlight: link.searchParams.getAll('fremhaev'),
            excerpt: li.querySelector('.arkiv-resultat__uddrag').textContent,
            marked: [...li.querySelectorAll('mark')].map(m => m.textContent),
        };
    })""")


def status(page) -> str:
    page.wait_for_function("() => { const s = document.getElementById('arkiv-soeg-status').textContent;"
                           " return s && !s.includes('Søger'); }", timeout=15_000)
    return page.locator("#arkiv-soeg-status").inner_text()


def type_query(page, server, query: str) -> list[dict]:
    page.goto(server + "soeg/")
    page.get_by_label("Søgeord").press_sequentially(query, delay=20)
    return results(page, query)


def hrefs(found: list[dict]) -> set[str]:
    return {r["href"] for r in found}


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
        const records = await Promise.all(search.results.map(r => r.data()));
        const item = records.find(r => new URL(r.url, location.href).hash === '#punkt-3');
        return item.locations.map(i => item.content.split(/\\s+/)[i]);
    }""")
    assert "opioid-piller" in words, words


@pytest.mark.parametrize("query, expected", [
    ("bander", {"/arkiv/temaer/bander/", f"{MEETING}#punkt-4a", f"{MEETING}#punkt-5"}),  # bandesituationen, bandegruppering
    # Item 3.c is on the theme for »Pusher Street« but does not say »Christiania«: only its
    # »Temaer:« label did, which is not searched any more (issue 18).
    ("Christiania", {"/arkiv/temaer/christiania/", f"{MEETING}#punkt-4a", f"{MEETING}#punkt-4b", f"{MEETING}#punkt-5"}),
    ("fentanyl", {f"{MEETING}#punkt-3c", f"{MEETING}#punkt-3a"}),
    ("Gøtterup", {"/arkiv/personer/kenneth-goetterup/", f"{MEETING}#punkt-3b"}),
    ("Schønning", {"/arkiv/personer/katrine-schjoenning/", f"{MEETING}#punkt-3b"}),
    ("Schjønning", {"/arkiv/personer/katrine-schjoenning/", f"{MEETING}#punkt-3"}),
])
def test_queries_find_themes_people_and_items(page, server, query, expected):
    found = type_query(page, server, query)
    assert expected <= hrefs(found), found
    # Every item names its council and meeting, links to the item itself, with the words marked.
    items = [r for r in found if r["href"].startswith(MEETING + "#")]
    assert items
    for item in items:
        assert item["type"] == "Punkt · Københavns Politis kredsråd · 1. møde i 2025 (dato ikke oplyst)", item
        assert item["title"].startswith(("Ad ", "Til skriftlig orientering", "Indledning")), item
        assert item["marked"], item


def test_pusher_street_item_has_the_word_marked(page, server):
    found = type_query(page, server, "Pusher Street")
    item = next(r for r in found if r["href"] == f"{MEETING}#punkt-3c")
    assert "Pusher" in item["marked"] and "Street" in item["marked"]
    # The excerpt is the sentence that holds them, not the item's first words.
    assert "Pusher Street" in item["excerpt"] and not item["excerpt"].startswith("Slutteligt")


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
    # The result link goes straight to the agenda item, which is marked, with the words marked.
    page.locator('.arkiv-resultat h2 a[href*="#punkt-3c"]').click()
    assert urlsplit(page.url).path == MEETING and page.url.endswith("?fremhaev=fentanyl#punkt-3c")
    assert page.locator("#punkt-3c").is_visible()
    page.locator("mark.pagefind-highlight").first.wait_for(timeout=10_000)
    marks = page.locator("mark.pagefind-highlight").all_inner_texts()
    assert marks and {m.lower() for m in marks} == {"fentanyl"}, marks
    style = "h => [getComputedStyle(h).borderLeftColor, getComputedStyle(h).backgroundColor]"
    assert page.locator("#punkt-3c").evaluate(style) != page.locator("#punkt-3b").evaluate(style)


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


def test_a_misspelling_pagefind_matches_by_its_first_letter_still_gets_the_word_meant(page, server):
    """For a word it does not have, Pagefind matches a shorter start of it: »Sejbek« finds the
    pages with a word »S« (»Allan S. Andersen«). Results that match no word of the query as typed
    do not count as found: the word meant is offered."""
    page.goto(server + "soeg/?q=Sejbek")
    found = results(page, "Sejbek")
    assert found and not any(m.lower().startswith("sejb") for r in found for m in r["marked"])
    offer = page.locator(".arkiv-soeg__forslag")
    offer.wait_for(state="visible", timeout=15_000)
    assert offer.inner_text() == "Mente du »Sejbak«?"
    offer.locator("a").click()
    assert "/arkiv/personer/gert-sejbak/" in hrefs(results(page, "Sejbak"))


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
    assert found[0]["href"] == f"{MEETING}#punkt-4a", found
    # Marked as words, without the punctuation Pagefind marks with them (»(Crime«, »Service).«).
    marked = {word for r in found for word in r["marked"]}
    assert marked == ({"Crime", "Service"} if len(query) > 2 else {"as"}), marked


def test_an_item_holding_all_the_words_comes_first_and_unrelated_words_find_nothing(page, server):
    """The meeting page was one record, so the two items with both words came third and fourth,
    and seventeen unrelated words still gave »1 resultat«: every word was somewhere on the page."""
    found = type_query(page, server, "opioider kiosker")
    assert {r["href"] for r in found[:2]} == {f"{MEETING}#punkt-3b", f"{MEETING}#punkt-3c"}, found
    for result in found[:2]:
        assert {"opioider", "kiosker"} <= {m.lower() for m in result["marked"]}, result
    words = ("opioider kiosker Christiania stemning unge Kastruplundgade fentanyl kopimedicin bander "
             "vold tryghed indbrud cyber svindel nærpoliti budget fotovogne")
    page.goto(server + "soeg/?q=" + words)
    assert status(page).startswith("0 resultater"), status(page)


def test_filters_narrow_the_items_themselves(page, server):
    # »christiania« + Bander + Lars Weiss listed items that were neither: now only item 5 is both.
    page.goto(server + "soeg/?q=christiania&tema=Bander&person=Lars+Weiss")
    assert hrefs(results(page)) == {f"{MEETING}#punkt-5"}
    assert page.get_by_label("Tema", exact=True).input_value() == "Bander"
    assert page.get_by_label("Person", exact=True).input_value() == "Lars Weiss"


def test_a_filter_alone_lists_its_items_and_an_address_may_name_it_by_id(page, server):
    page.goto(server + "soeg/?tema=opioider")
    found = results(page)
    assert hrefs(found) == {f"{MEETING}#punkt-{n}" for n in ("3", "3a", "3b", "3c")}
    assert all(r["type"].startswith("Punkt · ") for r in found)
    assert page.get_by_label("Tema", exact=True).input_value() == "Opioider"
    assert "nyeste først" in status(page)
    assert parse_qs(urlsplit(page.url).query) == {"tema": ["opioider"]}  # the address is left as shared
    page.goto(server + "soeg/?person=KENNETH-GOETTERUP")
    assert f"{MEETING}#punkt-3b" in hrefs(results(page))
    assert page.get_by_label("Person", exact=True).input_value() == "Kenneth Gøtterup"


def test_an_unknown_filter_value_is_said_and_not_used(page, server):
    page.goto(server + "soeg/?q=opioider&tema=findes-ikke")
    found = results(page, "opioider")
    assert page.get_by_label("Tema", exact=True).input_value() == ""  # »Alle temaer«, as it searched
    assert "Temaet »findes-ikke« findes ikke i arkivet og er ikke brugt." in status(page)
    assert f"{MEETING}#punkt-3" in hrefs(found)


def test_sorting_by_date_says_that_themes_and_people_are_left_out(page, server):
    page.goto(server + "soeg/?q=opioider")
    assert "/arkiv/temaer/opioider/" in hrefs(results(page, "opioider"))
    page.get_by_label("Sortering").select_option("nyeste")
    page.wait_for_function("location.search.includes('sort=nyeste')")
    found = results(page)
    assert found and not any(r["href"].startswith(("/arkiv/temaer/", "/arkiv/personer/")) for r in found)
    assert "Temaer og personer har ingen dato og er udeladt." in status(page)


def test_more_results_button_only_when_there_are_more(page, server):
    page.goto(server + "soeg/")
    page.wait_for_load_state("networkidle")
    assert page.get_by_role("button", name="Vis flere resultater").is_hidden()
    page.goto(server + "soeg/?q=Christiania")
    assert len(results(page, "Christiania")) < 10
    assert page.get_by_role("button", name="Vis flere resultater").is_hidden()


def test_each_filter_count_is_the_number_of_results_it_gives(page, server):
    """A person listed twice on a meeting page (participant and presenter) was counted twice."""
    page.goto(server + "soeg/")
    mismatched = page.evaluate("""async () => {
        const pf = await import('/pagefind/pagefind.js');
        const all = await pf.filters();
        const wrong = [];
        for (const [key, values] of Object.entries(all)) {
            for (const [value, count] of Object.entries(values)) {
                const found = (await pf.search(null, {filters: {[key]: value}})).results.length;
                if (found !== count) wrong.push([key, value, count, found]);
            }
        }
        return [Object.keys(all.person || {}).length, wrong];
    }""")
    people, wrong = mismatched
    assert people > 10 and wrong == [], wrong


def test_back_steps_to_the_previous_search_and_the_title_names_the_query(page, server):
    page.goto(server + "soeg/")
    box = page.get_by_label("Søgeord")
    box.press_sequentially("opioider", delay=20)
    box.press("Enter")
    results(page, "opioider")
    assert page.title().startswith("»opioider« – ")
    box.fill("")
    box.press_sequentially("fentanyl", delay=20)
    box.press("Enter")
    results(page, "fentanyl")
    assert page.title().startswith("»fentanyl« – ")
    page.go_back()
    results(page, "opioider")
    assert box.input_value() == "opioider" and page.title().startswith("»opioider« – ")
    assert parse_qs(urlsplit(page.url).query) == {"q": ["opioider"]}
    page.go_forward()
    results(page, "fentanyl")
    assert box.input_value() == "fentanyl"


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
    return [re.search(r"(\d{4}-\d{2})/(?:#|$)", r["href"]).group(1) for r in found]


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


def test_a_theme_without_a_query_lists_its_items_newest_first(fpage, fiction_server):
    fpage.goto(fiction_server + "soeg/?tema=opioider")
    found = results(fpage)
    dates = meeting_dates(found)
    assert len(found) == 10 and dates == sorted(dates, reverse=True), dates
    assert all(r["type"].startswith("Punkt · ") and "#" in r["href"] for r in found)
    assert fpage.get_by_label("Tema", exact=True).input_value() == "Opioider"


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
        # The person's filter on that meeting page: on their link in the attendance lists (the
        # link's text is the value), or in the search mark of an item that names them.
        page_html = fpage.request.get(fiction_server.rstrip("/") + result["href"].split("#")[0]).text()
        assert f'data-pagefind-filter="person">{name}</a>' in page_html or \
            '"person":[' in page_html and f'"{name}"' in page_html


def test_an_item_with_a_conclusion_shows_it_in_its_result(page, server):
    """Issue 21: the council's conclusion on an item, as the minutes write it, in a marked box."""
    page.goto(server + "soeg/?q=enighed")
    found = results(page, "enighed")
    assert found[0]["href"] == f"{MEETING}#punkt-3c"
    box = page.locator(".arkiv-resultat").first.locator(".arkiv-resultat__konklusion")
    assert box.inner_text() == ("Konklusion: Der var bred enighed i kredsrådet om at følge udviklingen tæt og "
                                "samarbejde om indsatsen.")
