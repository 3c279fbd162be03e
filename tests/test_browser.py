"""The site as a visitor meets it: Debian's chromium, driven by Playwright, on a local server.

In CI (CI=true) a missing chromium fails the run instead of skipping: a skipped test is not a
passing one. `.ci/run` installs chromium with apt-get.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

PAGES = ["", "arkiv/moeder/", "arkiv/moeder/koebenhavn-2025-1/", "arkiv/raad/", "arkiv/raad/koebenhavn/",
         "arkiv/temaer/", "arkiv/temaer/opioider/",
         "arkiv/personer/", "arkiv/personer/katrine-schjoenning/", "om/", "arkiv/tilgaengelighed/",
         "arkiv/kilder/koebenhavn-2025-1/"]


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




# WCAG 2.1 AA is the legal bar for Danish public sites: axe-core on every kind of page, the
# search page with results on it, fails on any violation of impact serious or critical.
AXE_PAGES = PAGES + ["arkiv/temaer/bander/", "soeg/", "soeg/?q=opioider", "404.html"]


@pytest.mark.parametrize("path", AXE_PAGES)
def test_no_serious_accessibility_violations(page, server, path):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(server + path)
    if "?q=" in path:
        page.locator(".arkiv-resultat").first.wait_for(timeout=15_000)
    page.wait_for_load_state("networkidle")
    violations = Axe().run(page, options={"runOnly": {"type": "tag", "values": [
        "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}}).response["violations"]
    serious = [f"{v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes']][:5]}"
               for v in violations if v["impact"] in ("serious", "critical")]
    assert serious == [], "\n".join(serious)
    assert page.requested_hosts == {urlsplit(server).netloc}
