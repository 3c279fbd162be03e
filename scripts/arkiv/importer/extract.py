"""The text of a referat: the text layer of a PDF (pypdf), or a text file."""

from __future__ import annotations

from dataclasses import dataclass
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


def _pdf_pages(path: Path) -> list[str]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnreadableInput(f"{path}: PDF'en er krypteret med en adgangskode – gem en udgave uden "
                                  "adgangskode, eller bed afsenderen om den")
        pages = [page.extract_text() or "" for page in reader.pages]
    except UnreadableInput:
        raise
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise UnreadableInput(f"{path}: filen kan ikke læses som PDF ({exc})") from None
    except Exception as exc:  # pypdf raises many kinds on broken files; the user needs one message
        if "decrypt" in str(exc).lower() or "crypt" in type(exc).__name__.lower():
            raise UnreadableInput(f"{path}: PDF'en er krypteret og kan ikke læses") from None
        raise UnreadableInput(f"{path}: filen kan ikke læses som PDF ({type(exc).__name__}: {exc})") from None
    if sum(len(p.split()) for p in pages) < 10:
        raise UnreadableInput(f"{path}: PDF'en har intet tekstlag (er den en scannet side?) – kør tekstgenkendelse "
                              "(OCR) på den først, eller skriv teksten af i en .txt-fil")
    return [p.replace("\r\n", "\n").replace("\r", "\n") for p in pages]


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
