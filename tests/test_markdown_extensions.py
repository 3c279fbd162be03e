"""The build's two Markdown extensions change how fast pages render, never what they render.

`RawHtmlBlocks` stores the generated pages' HTML blocks and name links before Python-Markdown's
HTML parser sees them; `PreprocessorsOnlyWhereNeeded` runs the preprocessors that scan every page
(snippets, fenced code, whitespace) only where there is something for them to do. Both are
registered by the MkDocs hook; a build without the hook must give the same HTML, so each is
checked against Python-Markdown without it.
"""

import re

import markdown
import markdown.extensions.fenced_code
import pymdownx.snippets
from hypothesis import example, given, settings
from hypothesis import strategies as st

from arkiv.site import rawhtml
from arkiv.site.markdown_gates import PreprocessorsOnlyWhereNeeded
from arkiv.site.rawhtml import RawHtmlBlocks
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
    assert '<a href="../personer/' in text.split("## Referat", 1)[1]  # names linked in the minutes
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
    assert convert(with_snippet, PreprocessorsOnlyWhereNeeded()) == convert(with_snippet)
    assert "<em>tekst</em>" in convert(with_snippet, PreprocessorsOnlyWhereNeeded())
    calls.clear()
    plain = "Et referat uden indsatte dele.\n\n- punkt\n"
    assert convert(plain, PreprocessorsOnlyWhereNeeded()) == convert(plain)
    assert len(calls) == 1  # only the conversion without the gate read the lines


def preprocess(lines: list[str], *extra) -> list[str]:
    """Lines after the preprocessors of MkDocs' default extensions (fenced_code among them)."""
    md = markdown.Markdown(extensions=["fenced_code", *extra])
    for preprocessor in md.preprocessors:
        lines = preprocessor.run(lines)
    return lines


# Text made of what the gated preprocessors act on: fences, tabs, carriage returns, lines of
# spaces, the stash markers, and ordinary words.
PIECES = st.sampled_from(["```", "~~~", "```python", "\t", "\r", "\r\n", " ", "  ", "\n", "\n\n",
                          "\x02", "\x03", "ord", "- punkt", "8<-", "<b>", "kode"])
TEXTS = st.lists(PIECES, max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(TEXTS)
@example("~~~\nkode\n~~~")
@example("Før.\n\n```python\nkode\n```\n")
@example("ord\n   ")  # a last line of spaces meets the blank lines the normalizer appends
@example("a\tb\r\nc")
def test_gated_preprocessors_give_the_same_lines_as_the_originals(text):
    lines = text.split("\n")
    assert preprocess(lines, PreprocessorsOnlyWhereNeeded()) == preprocess(lines)


def test_the_gates_skip_the_scans_on_a_page_without_what_they_look_for(monkeypatch):
    calls = []
    for preprocessor in (markdown.preprocessors.NormalizeWhitespace, markdown.extensions.fenced_code.FencedBlockPreprocessor):
        original = preprocessor.run
        monkeypatch.setattr(preprocessor, "run", lambda self, lines, _run=original: calls.append(type(self).__name__) or _run(self, lines))

    def convert(text):
        calls.clear()
        markdown.Markdown(extensions=["fenced_code", PreprocessorsOnlyWhereNeeded()]).convert(text)
        return calls

    assert convert("Et afsnit.\n\nEt til.\n") == []
    assert convert("Et afsnit.\n   \nEt til.\n") == ["NormalizeWhitespace"]  # a line of spaces
    assert convert("Kode:\n\n```\nx\n```\n") == ["FencedBlockPreprocessor"]


BLOCK = re.compile(rf"{re.escape(rawhtml.BEGIN)}\n(.*?)\n{re.escape(rawhtml.END)}", re.DOTALL)
MARKED = st.lists(st.sampled_from([rawhtml.BEGIN, rawhtml.END, "\n", "<p>x</p>", "tekst", ""]), max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(MARKED)
def test_blocks_are_cut_where_the_regex_of_their_markers_would_cut_them(text):
    stored = []

    def store(html):
        stored.append(html)
        return f"@{len(stored)}@"

    expected_stored = []

    def expected_store(match):
        expected_stored.append(match.group(1))
        return f"\n@{len(expected_stored)}@\n"

    assert rawhtml._stash_blocks(text, store) == BLOCK.sub(expected_store, text)
    assert stored == expected_stored
