"""Any builder (issue 17): `make site` with MkDocs and with Zensical builds the same site from the
same generated pages – every internal link and anchor resolving in both, the same visible text on
every page, search included – and the link check finds what is broken."""

from __future__ import annotations

import html.parser
import subprocess
import sys

import pytest

from arkiv.site.build import CODE
from arkiv.site.linkcheck import check_links
from conftest import ROOT, copy_project, write_fictional

BUILDERS = ("mkdocs", "zensical")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The fixture archive with a second, fictional council beside it, built by each builder as
    `make site BUILDER=…` does (python -m arkiv site --builder …)."""
    project = copy_project(ROOT, tmp_path_factory.mktemp("begge") / "project")
    fictional = write_fictional(tmp_path_factory.mktemp("fiktiv"))
    for name in fictional.glob("testraadet-*.md"):
        (project / "meetings" / name.name).write_bytes(name.read_bytes())
    _merge_registries(project / "meetings", fictional)
    sites = {}
    for builder in BUILDERS:
        result = subprocess.run([sys.executable, "-m", "arkiv", "--root", str(project), "site", "--builder", builder,
                                 f"site-{builder}"], cwd=project, capture_output=True, text=True,
                                env={"PYTHONPATH": str(project / "scripts"), "PATH": "/usr/bin:/bin",
                                     "NO_MKDOCS_2_WARNING": "1"})
        assert result.returncode == 0, result.stdout + result.stderr
        sites[builder] = project / f"site-{builder}"
    return sites


def _merge_registries(meetings, fictional):
    for name in ("councils.yml", "people.yml", "themes.yml"):
        ours = (meetings / name).read_text(encoding="utf-8").rstrip("\n")
        theirs = [line for line in (fictional / name).read_text(encoding="utf-8").split("\n") if not line.startswith("#")]
        (meetings / name).write_text(ours + "\n" + "\n".join(theirs).strip("\n") + "\n", encoding="utf-8")


class _Article(html.parser.HTMLParser):
    """The visible text of a page's content (its <article>), scripts and styles left out."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth, self.hidden, self.parts = 0, 0, []

    def handle_starttag(self, tag, attrs):
        self.depth += tag == "article"
        self.hidden += tag in ("script", "style")

    def handle_endtag(self, tag):
        self.depth -= tag == "article"
        self.hidden -= tag in ("script", "style")

    def handle_data(self, data):
        if self.depth and not self.hidden:
            self.parts.append(data)


def visible(path) -> str:
    reader = _Article()
    reader.feed(path.read_text(encoding="utf-8"))
    return " ".join(" ".join(reader.parts).split())


@pytest.mark.parametrize("builder", BUILDERS)
def test_every_internal_link_and_anchor_resolves(built, builder):
    assert [str(b) for b in check_links(built[builder])] == []
    assert (built[builder] / "pagefind" / "pagefind.js").is_file()  # search, in both


def test_both_builders_show_the_same_text_on_every_page(built):
    mkdocs, zensical = built["mkdocs"], built["zensical"]
    pages = sorted(p.relative_to(mkdocs) for p in mkdocs.rglob("*.html"))
    assert len(pages) > 40 and sorted(p.relative_to(zensical) for p in zensical.rglob("*.html")) == pages
    differ = [str(page) for page in pages if visible(mkdocs / page) != visible(zensical / page)]
    assert differ == []
    # Not empty either: the meeting page has its minutes in both.
    assert "Anne Tønnes bød velkommen" in visible(zensical / "arkiv/moeder/koebenhavn-2025-1/index.html")


def test_the_link_check_finds_broken_links_and_anchors(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<a href="a/">a</a> <a href="b/">b</a> <a href="a/#x">x</a> '
                                         '<a href="#top">top</a> <a href="https://example.org/">ude</a>'
                                         '<h1 id="top">T</h1>', encoding="utf-8")
    (tmp_path / "a" / "index.html").write_text('<a href="../index.html#nej">tilbage</a> <a href="../../x/">ud</a>',
                                               encoding="utf-8")
    assert [str(b) for b in check_links(tmp_path)] == [
        "a/index.html: ../index.html#nej – ankeret #nej findes ikke på index.html",
        "a/index.html: ../../x/ – fører uden for sitet",
        "index.html: b/ – siden findes ikke",
        "index.html: a/#x – ankeret #x findes ikke på a/index.html",
    ]


def test_generation_is_redone_when_any_of_the_pipeline_changes():
    """The generated folder is reused while its inputs are the same (site.build.fingerprint); the
    inputs are the meetings and the whole arkiv package, not only the folder of the builder."""
    assert CODE.name == "arkiv" and (CODE / "render" / "meeting.py").is_file() and (CODE / "source" / "format.py").is_file()


def test_both_builders_give_the_search_the_same_records(built):
    """The search's records are cut from the built pages at marks (search_records.py): a builder
    that left the marks out, or the template mark that ends the indexed part, would give one
    record per meeting again."""
    import gzip
    import json

    def records(site):
        found = {}
        for fragment in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
            data = json.loads(gzip.decompress(fragment.read_bytes())[len(b"pagefind_dcd"):])
            found[data["url"]] = (sorted(data["filters"].items()), " ".join(data["content"].split()))
        return found

    mkdocs, zensical = records(built["mkdocs"]), records(built["zensical"])
    assert sorted(mkdocs) == sorted(zensical)
    assert sum("#punkt-" in url for url in mkdocs) > 12  # the seed's twelve items and the fiction's
    assert mkdocs == zensical
