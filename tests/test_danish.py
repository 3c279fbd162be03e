import datetime as dt

import pytest

from arkiv.danish import format_date, initial, slugify, sort_key


@pytest.mark.parametrize("text, slug", [
    ("Søren Thomassen", "soeren-thomassen"),
    ("Carsten Kjær-Knudsen", "carsten-kjaer-knudsen"),
    ("Åse Ærø", "aase-aeroe"),
    ("Politiets økonomi", "politiets-oekonomi"),
    ("Allan S. Andersen", "allan-s-andersen"),
    ("  Café  Müller! ", "cafe-muller"),
])
def test_slugify_spells_out_danish_letters(text, slug):
    assert slugify(text) == slug


@pytest.mark.parametrize("day, text", [
    (dt.date(2025, 6, 23), "23. juni 2025"),
    (dt.date(2024, 11, 20), "20. november 2024"),
    (dt.date(2025, 1, 1), "1. januar 2025"),
])
def test_format_date_in_danish(day, text):
    assert format_date(day) == text


def test_sort_key_puts_aeoeaa_after_z_and_aa_as_aa():
    words = ["Åse", "Aalborg", "Zacharias", "Ærø", "Østerbro", "anders", "Bent", "Ødis"]
    assert sorted(words, key=sort_key) == ["anders", "Bent", "Zacharias", "Ærø", "Ødis", "Østerbro",
                                           "Aalborg", "Åse"]


def test_sort_key_files_foreign_letters_with_danish_neighbours():
    assert sorted(["Öberg", "Oberg", "Zorn"], key=sort_key) == ["Oberg", "Zorn", "Öberg"]
    assert sorted(["Émile", "Fie", "Dan"], key=sort_key) == ["Dan", "Émile", "Fie"]


def test_initial_letter_for_indexes():
    assert [initial(w) for w in ["Aalborg", "øje", "Émile", "2025"]] == ["Å", "Ø", "E", "#"]
