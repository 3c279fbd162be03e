"""Golden test: the generated pages of the frozen fixture archive (tests/fixture/), byte for byte.

After an intended change, regenerate with `UPDATE_GOLDEN=1 make test` and review the diff in git.
"""

import difflib
import os
import shutil
from pathlib import Path

from conftest import FIXTURE, generated_files

GOLDEN = Path(__file__).parent / "golden"


def test_generated_pages_match_golden(tmp_path):
    files = generated_files(FIXTURE, tmp_path)
    if os.environ.get("UPDATE_GOLDEN"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for rel, data in files.items():
            (GOLDEN / rel).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / rel).write_bytes(data)
    expected = {p.relative_to(GOLDEN).as_posix(): p.read_bytes() for p in GOLDEN.rglob("*") if p.is_file()}
    assert sorted(files) == sorted(expected)
    for rel in sorted(files):
        if files[rel] != expected[rel]:
            diff = difflib.unified_diff(expected[rel].decode().splitlines(), files[rel].decode().splitlines(),
                                        f"golden/{rel}", f"generated/{rel}", lineterm="", n=2)
            raise AssertionError("\n".join(list(diff)[:60]))


def test_two_builds_are_byte_identical(tmp_path):
    assert generated_files(FIXTURE, tmp_path / "a") == generated_files(FIXTURE, tmp_path / "b")
