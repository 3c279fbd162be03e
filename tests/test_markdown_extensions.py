"""The build's two Markdown extensions change how fast pages render, never what they render.

`RawHtmlBlocks` stores the generated pages' HTML blocks and name links before Python-Markdown's
HTML parser sees them; `SnippetsOnlyWhereUsed` runs pymdownx.snippets only on a page that
includes a snippet. Both are registered by the MkDocs hook; a build without the hook must give
the same HTML, so each is checked against Python-Markdown without it.
"""

import re

import markdown
import pymdownx.snippets

from arkiv.rawhtml import RawHtmlBlocks
from arkiv.snippets_gate import SnippetsOnlyWhereUsed

from conftest import ROOT

GOLDEN = ROOT / "tests" / "golden"
EXTENSIONS = ["attr_list", "tables", "toc"]


def render(text: str, *extra) -> str:
    body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text  # MkDocs strips the meta
    html = markdown.Markdown(extensions=EXTENSIONS + list(extra)).convert(body)
    # Without the extension the markers stay in the HTML as comments, and blank lines differ.
    return re.sub(r"\n+", "\n", re.sub(r"<!-- /?arkiv:html -->", "", html)).strip()


def test_generated_pages_render_the_same_with_and_without_the_stash():
    pages = [GOLDEN / "moeder" / "koebenhavn-2025-1.md", GOLDEN / "personer" / "katrine-schjoenning.md",
             GOLDEN / "temaer" / "opioider.md", GOLDEN / "moeder" / "index.md"]
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "<!-- arkiv:html -->" in text, page
        assert render(text, RawHtmlBlocks()) == render(text), page


def test_name_links_and_blocks_never_reach_the_html_parser(monkeypatch):
    seen = []
    parser = markdown.htmlparser.HTMLExtractor
    monkeypatch.setattr(parser, "handle_starttag", lambda self, tag, attrs: seen.append(tag))
    text = (GOLDEN / "moeder" / "koebenhavn-2025-1.md").read_text(encoding="utf-8")
    assert '<a href="../../personer/' in text.split("## Referat", 1)[1]  # names linked in the minutes
    markdown.Markdown(extensions=EXTENSIONS + [RawHtmlBlocks()]).convert(text.split("\n---\n", 1)[1])
    assert seen and not set(seen) & {"a", "ul", "li", "div", "table", "p"}, seen  # what is left: an anchor <span>


def test_pages_without_the_markers_are_left_to_python_markdown():
    text = 'Tekst med <a href="x/">et link</a>.\n\n<div class="y">\nblok\n</div>\n'
    assert render(text, RawHtmlBlocks()) == render(text)


def test_snippets_run_only_where_a_page_includes_one(tmp_path, monkeypatch):
    (tmp_path / "del.md").write_text("Indsat *tekst*.\n", encoding="utf-8")
    calls = []
    original = pymdownx.snippets.SnippetPreprocessor.parse_snippets
    monkeypatch.setattr(pymdownx.snippets.SnippetPreprocessor, "parse_snippets",
                        lambda self, lines, *args, **kwargs: calls.append(1) or original(self, lines, *args, **kwargs))

    def convert(text: str, *extra) -> str:
        snippets = pymdownx.snippets.SnippetExtension(base_path=[str(tmp_path)], check_paths=True)
        return markdown.Markdown(extensions=[snippets, *extra]).convert(text)

    with_snippet = 'Før.\n\n--8<-- "del.md"\n\nEfter.\n'
    assert convert(with_snippet, SnippetsOnlyWhereUsed()) == convert(with_snippet)
    assert "<em>tekst</em>" in convert(with_snippet, SnippetsOnlyWhereUsed())
    calls.clear()
    plain = "Et referat uden indsatte dele.\n\n- punkt\n"
    assert convert(plain, SnippetsOnlyWhereUsed()) == convert(plain)
    assert len(calls) == 1  # only the conversion without the gate read the lines
