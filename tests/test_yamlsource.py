import pytest

from arkiv.source.yamlsource import SourceError, load_yaml, read_text, split_front_matter


def test_line_map_points_at_values():
    doc = load_yaml("a: 1\nitems:\n  - {person: x}\n  - person: y\n    title: z\n", offset=10)
    assert doc.line("a") == 11
    assert doc.line("items", 0, "person") == 13
    assert doc.line("items", 1, "title") == 15
    assert doc.line("items", 7, "nothing") == 12  # falls back to the nearest known parent


def test_yaml_error_names_the_line():
    with pytest.raises(SourceError) as info:
        load_yaml("a: 1\nb: [unclosed\nc: 2\n", offset=1)
    assert info.value.line >= 3
    assert "YAML kan ikke læses" in info.value.message


def test_bom_and_crlf_are_accepted(tmp_path):
    path = tmp_path / "m.md"
    path.write_bytes("\ufeff---\r\na: 1\r\n---\r\nTekst\r\n".encode("utf-8"))
    text = read_text(path)
    assert text == "---\na: 1\n---\nTekst\n"
    assert split_front_matter(text) == ("a: 1", "Tekst\n", 4)


def test_non_utf8_is_refused_with_its_line(tmp_path):
    path = tmp_path / "m.md"
    path.write_bytes("---\na: 1\nb: K\xf8benhavn\n".encode("latin-1"))
    with pytest.raises(SourceError) as info:
        read_text(path)
    assert info.value.line == 3
    assert info.value.message == "filen er ikke gemt som UTF-8"


def test_missing_front_matter():
    with pytest.raises(SourceError) as info:
        split_front_matter("Bare tekst\n")
    assert info.value.message == "filen begynder ikke med front matter"


def test_a_number_keeps_the_text_it_was_written_as(tmp_path):
    """YAML 1.1 reads 'time: 14:00' as 840 (base 60) and '14.00' as 14.0; a text field keeps
    what the editor wrote."""
    from arkiv.problems import ProblemList
    from arkiv.source.fields import Fields

    doc = load_yaml("time: 14:00\nother: 14.00\nnumber: 010\nlist: [3, 3.10]\n")
    assert doc.value["time"] == 840
    fields = Fields(doc, "x.md", ProblemList())
    assert [fields.str("time"), fields.str("other"), fields.str("number")] == ["14:00", "14.00", "010"]
    assert fields.str_list("list") == ("3", "3.10")


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\x85", "\x00", "\x0b"])
def test_a_character_that_breaks_lines_unseen_is_refused_at_its_line(tmp_path, char):
    path = tmp_path / "m.md"
    path.write_text(f"---\na: 1\nb: x{char}y\nc: 2\n---\ntekst\n", encoding="utf-8")
    with pytest.raises(SourceError) as refused:
        read_text(path)
    assert (refused.value.line, refused.value.message) == (3, f"usynligt tegn U+{ord(char):04X} er ikke tilladt")


def test_two_equal_keys_and_keys_that_are_no_text_are_refused():
    with pytest.raises(SourceError) as twice:
        load_yaml("a: 1\nb:\n  - x\nb:\n  - y\n", offset=1)
    assert (twice.value.line, twice.value.message) == (5, "feltet 'b' står to gange (linje 3 og 5)")
    for key in ("yes", "~", "1", "on", "2025-01-01"):
        try:
            load_yaml(f"a: 1\n{key}: x\n")
        except SourceError as refused:
            assert (refused.line, refused.message) == (2, f"feltnavnet '{key}' er ikke tekst for YAML"), key
        else:
            assert key == "2025-01-01", key  # dates stay text in this loader
