"""Unsafe content in a meeting file can never reach site/: the build stops, and the site that was
there before stays byte for byte as it was."""

import shutil
import subprocess

import hypothesis
import yaml

from arkiv.problems import ProblemList
from arkiv.safety import _RULES, scan_values, suspicious
from arkiv.yamlsource import load_yaml

from conftest import MKDOCS, MKDOCS_ENV, ROOT, copy_project, write_fictional
from test_cases import CASES, EXPECTED

UNSAFE = ["raw-html-script", "raw-html-iframe", "raw-html-object", "event-attribute", "javascript-link",
          "data-link", "image-from-other-host", "unsafe-attachment-url", "cpr-number"]


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_unsafe_meetings_never_reach_the_site(tmp_path):
    project = copy_project(ROOT, tmp_path / "project")
    shutil.rmtree(project / "meetings")
    meetings = write_fictional(project / "meetings")
    built = subprocess.run([str(MKDOCS), "build", "--strict"], cwd=project, env=MKDOCS_ENV,
                           capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    before = snapshot(project / "site")

    for case in UNSAFE:
        for file in (CASES / case).iterdir():
            shutil.copy(file, meetings / file.name)
    failed = subprocess.run([str(MKDOCS), "build", "--strict"], cwd=project, env=MKDOCS_ENV,
                            capture_output=True, text=True)
    assert failed.returncode != 0
    for case in UNSAFE:
        for message in EXPECTED[case]:
            assert message in failed.stderr
    after = snapshot(project / "site")
    assert after == before
    # Where meeting text would land: the archive's pages and the search index.
    site_text = b"".join(data for path, data in after.items()
                         if path.startswith("arkiv/") or path.startswith("search/"))
    assert b"Cykeltyverier" in site_text
    for needle in (b"alert(", b"<iframe", b"<object", b"javascript:", b"010190-1234", b"example.org/kort"):
        assert needle not in site_text


# The cheap pre-test `suspicious` decides that a text needs no scan at all, so it must say yes to
# every text that any rule matches: texts made of what the rules look for (a CPR number, a phone
# number in pairs, a data: link …) in random company, in any case.
MATCHING = ["<b>", "<!-- x", "[x](javascript:alert(1))", "[x](VBScript :x)", "](data:text/html,x)",
            "[x]: data:x", "![kort](https://example.com/k.png)", "010190-1234", "0101901234",
            "12 34 56 78", "+45 12345678", "12345678.", "navn@example.dk", "UDFYLD"]
NOISE = ["a", "Æ", "ø", " ", "\n", "\t", ".", ",", ":", "-", "(", ")", "[", "]", "1", "23", "456", "script",
         "data", "java", "@", "!", "x.dk", "<", " 9"]
text_pieces = hypothesis.strategies.lists(hypothesis.strategies.sampled_from(NOISE), max_size=12).map("".join)


@hypothesis.given(text_pieces, hypothesis.strategies.sampled_from(MATCHING), text_pieces,
                  hypothesis.strategies.booleans())
@hypothesis.settings(max_examples=2000, deadline=None)
def test_the_pre_test_never_skips_a_text_a_rule_matches(before, core, after, upper):
    text = before + (core.upper() if upper else core) + after
    if any(pattern.search(text) for pattern, *_ in _RULES):
        assert suspicious(text), text


@hypothesis.given(text_pieces)
@hypothesis.settings(max_examples=2000, deadline=None)
def test_the_pre_test_on_random_text(text):
    if any(pattern.search(text) for pattern, *_ in _RULES):
        assert suspicious(text), text


# A meeting's front matter is first tested as a whole (safety._nothing_to_scan) and its values are
# walked only when the whole might hold something to report; so for any document, skipping must
# find exactly what the walk finds. YAML may fold a value over lines and quote it in five styles.
digit_pairs = hypothesis.strategies.lists(hypothesis.strategies.sampled_from(["12", "34", "56", "78"]),
                                          min_size=3, max_size=7).map(" ".join)  # folds between the pairs
values = hypothesis.strategies.one_of(
    text_pieces, digit_pairs,
    hypothesis.strategies.tuples(text_pieces, hypothesis.strategies.sampled_from(MATCHING), text_pieces).map("".join))
documents = hypothesis.strategies.dictionaries(
    hypothesis.strategies.sampled_from(["title", "note", "url", "place"]),
    hypothesis.strategies.one_of(values, hypothesis.strategies.lists(values, max_size=3)), max_size=4)


def _scan(text, source):
    problems = ProblemList()
    scan_values(load_yaml(text), "x.md", problems, source)
    return list(problems)


@hypothesis.given(documents, hypothesis.strategies.one_of(hypothesis.strategies.integers(4, 10),  # many folds
                                                         hypothesis.strategies.integers(11, 80)),
                  hypothesis.strategies.sampled_from([None, "'", '"', "|", ">"]), hypothesis.strategies.booleans())
@hypothesis.settings(max_examples=1500, deadline=None)
def test_the_document_pre_test_never_skips_what_the_walk_finds(doc, width, style, unicode):
    text = yaml.safe_dump(doc, width=width, default_style=style, allow_unicode=unicode)
    assert _scan(text, text) == _scan(text, None), text


def test_a_phone_number_folded_over_two_lines_is_still_found():
    text = "place: Ring på 12 34\n  56 78 for adgang\n"
    found = _scan(text, text)
    assert [p.message for p in found] == ["teksten indeholder et telefonnummer ('12 34 56 78')"]


def test_an_escape_in_double_quotes_is_still_scanned():
    text = 'place: "Se \\x3cb\\x3e"\nnote: "\\u0040"\n'
    found = _scan(text, text)
    assert found == _scan(text, None) and [p.field for p in found] == ["place"], text
