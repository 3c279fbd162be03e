"""A real PDF with a text layer, written by hand for the import tests (no PDF library needed).

One Helvetica font in WinAnsiEncoding, which has æ, ø, å, ”, • and –; each line of text is a
text-showing operation, each page a page, as a word processor's export has them. A line may be a
list of (x, text) cells instead: columns and table cells set at their own positions, as a
word processor sets them, so that only a reader of positions can tell them apart.
"""

from __future__ import annotations


def _string(text: str) -> bytes:
    raw = text.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _page_stream(lines: list) -> bytes:
    if all(isinstance(line, str) for line in lines):
        ops = [b"BT /F1 10 Tf 14 TL 50 800 Td"] + [_string(line) + b" Tj T*" for line in lines] + [b"ET"]
        return b"\n".join(ops)
    ops = []
    for row, line in enumerate(lines):
        y = 800 - 14 * row
        for x, text in ([(50, line)] if isinstance(line, str) else line):
            ops.append(b"BT /F1 10 Tf %d %d Td " % (x, y) + _string(text) + b" Tj ET")
    return b"\n".join(ops)


def make_pdf(pages: list[list]) -> bytes:
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below, when the page tree's number is known
    tree = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids = []
    for lines in pages:
        stream = _page_stream(lines)
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                        b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (tree, content, font)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % tree
    objects[tree - 1] = (b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids)
                         + b"] /Count %d >>" % len(kids))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref)
    return bytes(out)
