import pytest

from arkiv.yamlsource import SourceError, load_yaml, read_text, split_front_matter


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
