"""The site as a visitor meets it: Debian's chromium, driven by Playwright, on a local server.

In CI (CI=true) a missing chromium fails the run instead of skipping: a skipped test is not a
passing one. `.ci/run` installs chromium with apt-get.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from urllib.parse import urlsplit

import pytest

CHROMIUM = "/usr/bin/chromium"
# Without these, chromium phones home at start-up, which a closed network refuses.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def server(site):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *args: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        message = f"{CHROMIUM} is not installed (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(locale="da-DK")
    page = context.new_page()
    page.requested_hosts = set()
    page.on("request", lambda request: page.requested_hosts.add(urlsplit(request.url).netloc))
    yield page
    context.close()


PAGES = ["", "arkiv/moeder/", "arkiv/moeder/koebenhavn-2025-1/", "arkiv/temaer/", "arkiv/temaer/opioider/",
         "arkiv/personer/", "arkiv/personer/katrine-schjoenning/", "om/"]


@pytest.mark.parametrize("path", PAGES)
def test_pages_load_in_danish_and_request_only_their_own_host(page, server, path):
    response = page.goto(server + path)
    assert response.status == 200
    page.wait_for_load_state("networkidle")
    assert page.locator("html").get_attribute("lang") == "da"
    assert page.requested_hosts == {urlsplit(server).netloc}


def test_agenda_link_goes_to_the_item(page, server):
    page.goto(server + "arkiv/moeder/koebenhavn-2025-1/")
    page.get_by_role("link", name="a) Det sundhedsfaglige perspektiv v/ Sundhedsstyrelsen", exact=True).click()
    assert page.url.endswith("#punkt-3a")
    heading = page.locator("#punkt-3a")
    assert heading.is_visible()
    assert heading.inner_text().startswith("Ad 3.a) Det sundhedsfaglige perspektiv")


def test_theme_page_leads_to_the_item_and_back(page, server):
    page.goto(server + "arkiv/temaer/christiania/")
    page.get_by_role("link", name="Punkt 3.c: Det politifaglige perspektiv v/ LPI Gert Sejbak").click()
    assert page.url.endswith("arkiv/moeder/koebenhavn-2025-1/#punkt-3c")
    page.locator("#punkt-3c ~ p.arkiv-temaer").first.get_by_role("link", name="Christiania").click()
    assert page.url.endswith("arkiv/temaer/christiania/")


def search(page, query: str) -> list[tuple[str, str]]:
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.press_sequentially(query, delay=30)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    links = page.locator(".md-search-result a.md-search-result__link")
    hits = []
    for i in range(links.count()):
        url = urlsplit(links.nth(i).get_attribute("href"))  # '?h=' only carries the highlight
        hits.append((links.nth(i).inner_text(), url.path + ("#" + url.fragment if url.fragment else "")))
    return hits


@pytest.mark.parametrize("query, expected", [
    ("Christiania", "arkiv/moeder/koebenhavn-2025-1/"),
    ("Gøtterup", "arkiv/personer/kenneth-goetterup/"),
    ("fentanyl", "arkiv/moeder/koebenhavn-2025-1/#punkt-3c"),
])
def test_search_finds_danish_words(page, server, query, expected):
    page.goto(server)
    hits = search(page, query)
    hrefs = [href for _, href in hits]
    assert "/" + expected in hrefs, hits
