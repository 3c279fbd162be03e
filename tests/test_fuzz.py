"""Property: whatever a meeting file holds, reading it ends in a model or in clean, located
problems — never in a traceback."""

from __future__ import annotations

import datetime as dt
import re

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from arkiv.load import check_archive
from arkiv.source.format import FRONT_MATTER_FIELDS
from conftest import FICTIONAL_MEETING, write_fictional

MESSAGE = re.compile(r"^(advarsel: )?fuzz\.md(:\d+)?: .+: .+")

scalars = st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.text(max_size=30) | st.dates(
    dt.date(1900, 1, 1), dt.date(2100, 1, 1))
keys = st.sampled_from(sorted(FRONT_MATTER_FIELDS) + ["person", "title", "number", "themes", "date", "for",
                                                       "items", "year", "after", "before", "note", "x"])
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=5),
                      max_leaves=20)
front_matter = st.dictionaries(keys, values, max_size=12)
body_lines = st.lists(st.sampled_from(["## Ad 1) Godkendelse af dagsorden", "## Ad 2.a) Status", "## Til skriftlig orientering:",
                                       "## Noget andet", "# Titel", "", "Tekst.", "<b>x</b>", "010190-1234"])
                      | st.text(max_size=40), max_size=12)
raw_yaml = st.text(alphabet=st.sampled_from(list("ab:-[]{}'\"\n #&*!|>?,0123456789æøå\t")), max_size=80)


def assert_clean(tmp_path, text: str | bytes):
    folder = write_fictional(tmp_path / "meetings", **{"testraadet-2031-1.md": None})
    path = folder / "fuzz.md"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    archive, problems = check_archive(folder)
    for problem in problems:
        assert MESSAGE.match(str(problem)) and "\n" not in str(problem), str(problem)
    assert (archive is None) == bool(problems.errors)


SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(front_matter, body_lines)
def test_random_front_matter_and_body(tmp_path, data, body):
    text = "---\n" + yaml.safe_dump(data, allow_unicode=True) + "---\n" + "\n".join(body)
    assert_clean(tmp_path, text)


@SETTINGS
@given(raw_yaml, st.text(max_size=60))
def test_random_yaml_text(tmp_path, head, body):
    assert_clean(tmp_path, f"---\n{head}\n---\n{body}")


@SETTINGS
@given(st.binary(max_size=200))
def test_random_bytes(tmp_path, data):
    assert_clean(tmp_path, data)


@SETTINGS
@given(st.integers(0, len(FICTIONAL_MEETING) - 1), st.text(max_size=5))
def test_mutated_valid_meeting(tmp_path, position, insert):
    assert_clean(tmp_path, FICTIONAL_MEETING[:position] + insert + FICTIONAL_MEETING[position + 1:])
