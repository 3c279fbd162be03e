"""The text of a referat: the words of a PDF's text layer with their positions (pdfplumber), or a
text file.

A PDF's lines are rebuilt from the words' positions, and where a line has a wide gap – a second
column, a table's next cell – a tab is written there: »Bent Opdigtet⇥Fiktivby Kommune«,
»1⇥Godkendelse af dagsorden⇥Godkendt⇥Lukket«. The text layer alone runs such cells together,
and no rule about titles or names can split them again.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

MAX_BYTES = 20_000_000


class UnreadableInput(Exception):
    """Input the importer cannot use; the message says why and what to do."""


@dataclass
class Extracted:
    pages: list[str]   # one text per page (a text file's pages are split at form feeds)
    kind: str          # how the archive describes the source: »Referat (tekst udtrukket af PDF)«

    @property
    def text(self) -> str:
        return "\n".join(self.pages)


def extract(path: Path) -> Extracted:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UnreadableInput(f"{path}: filen kan ikke læses ({exc.strerror})") from None
    if len(raw) > MAX_BYTES:
        raise UnreadableInput(f"{path}: filen er {len(raw):,} bytes; et referat er langt mindre – er det den rigtige fil?")
    if not raw.strip():
        raise UnreadableInput(f"{path}: filen er tom")
    if raw.startswith(b"%PDF-") or path.suffix.lower() == ".pdf":
        return Extracted(_pdf_pages(path), "Referat (tekst udtrukket af PDF)")
    return Extracted(_text(path, raw).split("\f"), "Referat (tekst)")


# A gap wider than this many font sizes between two words on a line is a column or cell boundary;
# the widest space a justified line has is about one font size.
CELL_GAP = 1.8
CELL = "\t"


def _pdf_pages(path: Path) -> list[str]:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    try:
        with pdfplumber.open(path) as pdf:
            pages = [_page_text(page) for page in pdf.pages]
    except PDFPasswordIncorrect:
        raise UnreadableInput(f"{path}: PDF'en er krypteret med en adgangskode – gem en udgave uden "
                              "adgangskode, eller bed afsenderen om den") from None
    except Exception as exc:  # pdfminer raises many kinds on broken files; the user needs one message
        if "crypt" in f"{type(exc).__name__} {exc}".lower() or "password" in str(exc).lower():
            raise UnreadableInput(f"{path}: PDF'en er krypteret og kan ikke læses") from None
        raise UnreadableInput(f"{path}: filen kan ikke læses som PDF ({type(exc).__name__}: {exc})") from None
    if sum(len(p.split()) for p in pages) < 10:
        raise UnreadableInput(f"{path}: PDF'en har intet tekstlag (er den en scannet side?) – kør tekstgenkendelse "
                              "(OCR) på den først, eller skriv teksten af i en .txt-fil")
    return pages


def _page_text(page) -> str:
    """The page's lines top to bottom, words left to right, a tab at each wide gap."""
    words = page.extract_words(extra_attrs=["size"], keep_blank_chars=False, use_text_flow=False)
    rows: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if rows and abs(rows[-1][0]["top"] - word["top"]) <= max(2.0, 0.3 * word["size"]):
            rows[-1].append(word)
        else:
            rows.append([word])
    lines, last_bottom = [], None
    for row in rows:
        row.sort(key=lambda w: w["x0"])
        size = max(w["size"] for w in row)
        if last_bottom is not None and row[0]["top"] - last_bottom > 1.2 * size:
            lines.append("")  # a gap of a blank line between paragraphs
        text = row[0]["text"]
        for before, word in pairwise(row):
            gap = word["x0"] - before["x1"]
            text += (CELL if gap > CELL_GAP * size else " ") + word["text"]
        lines.append(text)
        last_bottom = max(w["bottom"] for w in row)
    return "\n".join(lines)


def _text(path: Path, raw: bytes) -> str:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise UnreadableInput(f"{path}:{line}: filen er ikke tekst i UTF-8 – er det en binær fil? Gem teksten "
                              "som UTF-8, eller importér PDF'en direkte") from None
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(5, len(text) // 100):
        raise UnreadableInput(f"{path}: filen ligner binære data, ikke tekst ({controls} kontroltegn)")
    if len(text.split()) < 10:
        raise UnreadableInput(f"{path}: filen har for lidt tekst til et referat ({len(text.split())} ord)")
    return text.replace("\r\n", "\n").replace("\r", "\n")
