"""The archive as one SQLite database with full-text search, and everything in one zip (issue 20).

Made from the same tables as the CSV files (render/opendata.py), with Python's own sqlite3 (its
FTS5 module is built in) and zipfile: no dependency. Both are the same bytes for the same input:
rows go in in the archive's order, the database is written to a fresh file and VACUUMed, and the
zip's entries are sorted with a fixed date. `make serve` leaves them out (they are for
downloading, and a save should not wait for them).

The database (`arkiv/data/kredsraadsarkivet.sqlite`) holds the tables moeder, punkter (with
each section's text), personer, deltagelse, temaer, punkt_temaer, konklusioner and opfoelgning, and `punkter_fts`, an FTS5
table over the sections' headings and text (Danish words, any case, accents kept:
`unicode61 remove_diacritics 0`, so »ø« is not »o«). Open it in Datasette or any SQLite tool:

    SELECT moede, overskrift FROM punkter_fts WHERE punkter_fts MATCH 'opioider';
"""

from __future__ import annotations

import io
import sqlite3
import tempfile
import zipfile
from pathlib import Path

DATABASE = "data/kredsraadsarkivet.sqlite"
BUNDLE = "data/kredsraadsarkivet-data.zip"
_ZIP_DATE = (2000, 1, 1, 0, 0, 0)

# Column types of each table (render/opendata.csv_tables gives the rows); primary keys first.
_TABLES = {
    "moeder": ("id TEXT PRIMARY KEY", "raad TEXT", "raad_navn TEXT", "dato TEXT", "aar INTEGER", "tidspunkt TEXT",
               "sted TEXT", "titel TEXT", "side TEXT"),
    "punkter": ("moede TEXT REFERENCES moeder(id)", "orden INTEGER", "art TEXT", "nummer TEXT", "anker TEXT",
                "overskrift TEXT", "temaer TEXT", "personer TEXT", "tekst TEXT"),
    "deltagelse": ("moede TEXT REFERENCES moeder(id)", "person TEXT REFERENCES personer(id)", "rolle TEXT",
                   "titel TEXT", "anden_person TEXT", "punkter TEXT"),
    "personer": ("id TEXT PRIMARY KEY", "navn TEXT", "andre_stavemaader TEXT", "titler TEXT"),
    "temaer": ("id TEXT PRIMARY KEY", "titel TEXT", "beskrivelse TEXT", "ord TEXT"),
    "konklusioner": ("moede TEXT REFERENCES moeder(id)", "punkt TEXT", "tekst TEXT"),
    "opfoelgning": ("id TEXT PRIMARY KEY", "moede TEXT REFERENCES moeder(id)", "punkt TEXT", "loefte TEXT",
                    "ventet TEXT", "status TEXT", "svar_moede TEXT", "svar_punkt TEXT", "svar_tekst TEXT",
                    "tidligere_moede_dato TEXT"),
}


def database(tables: dict[str, tuple[list[str], list[list]]]) -> bytes:
    """The SQLite file of the tables (render/opendata.csv_tables)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "arkiv.sqlite"
        connection = sqlite3.connect(path)
        try:
            connection.execute("PRAGMA journal_mode = OFF")
            for name, columns in _TABLES.items():
                header, rows = tables[name]
                assert [c.split()[0] for c in columns] == header, name
                connection.execute(f"CREATE TABLE {name} ({', '.join(columns)})")
                marks = ", ".join("?" * len(header))
                connection.executemany(f"INSERT INTO {name} VALUES ({marks})", rows)
            # One row per item and theme, for SQL that counts items per theme.
            connection.execute("CREATE TABLE punkt_temaer (moede TEXT, anker TEXT, tema TEXT REFERENCES temaer(id))")
            connection.executemany("INSERT INTO punkt_temaer VALUES (?, ?, ?)",
                                   [(row[0], row[4], theme) for row in tables["punkter"][1]
                                    for theme in row[6].split(";") if theme])
            connection.execute("CREATE VIRTUAL TABLE punkter_fts USING fts5(moede UNINDEXED, anker UNINDEXED, "
                               "overskrift, tekst, tokenize = 'unicode61 remove_diacritics 0')")
            connection.execute("INSERT INTO punkter_fts SELECT moede, anker, overskrift, tekst FROM punkter")
            connection.execute("INSERT INTO punkter_fts(punkter_fts) VALUES ('optimize')")
            connection.commit()
            connection.execute("VACUUM")
        finally:
            connection.close()
        return path.read_bytes()


def bundle(files: dict[str, bytes]) -> bytes:
    """A zip of `files` (name in the zip → bytes), sorted, with one fixed date: the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
            info.external_attr = 0o644 << 16
            # Level 1: at 1,000 meetings level 6 took 2.2 s of the generation for a zip a fifth smaller.
            archive.writestr(info, files[name], compress_type=zipfile.ZIP_DEFLATED, compresslevel=1)
    return out.getvalue()
