"""Scanned letters sent as images, and the layout of OCR'd words into paragraphs."""

from __future__ import annotations

import io

import pytest
from formats import to_pdf

from foicollate.errors import UnreadableDocument
from foicollate.ingest import ocr, read_bytes
from foicollate.ingest.layout import Line, Word, lay_out

LETTER = "Dear Ms Marsh,\n\nWe operate 14 static libraries.\n\nYours sincerely,\n"
needs_ocr = pytest.mark.skipif(not ocr.tesseract_available(), reason="tesseract not installed")


def page_images(text: str, dpi: int = 200) -> list:  # type: ignore[type-arg]
    import pypdfium2 as pdfium

    return [page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            for page in pdfium.PdfDocument(to_pdf(text))]


def encode(images: list, fmt: str) -> bytes:  # type: ignore[type-arg]
    buf = io.BytesIO()
    images[0].save(buf, format=fmt, save_all=len(images) > 1, append_images=images[1:])
    return buf.getvalue()


@needs_ocr
def test_png_scan_is_read() -> None:
    doc = read_bytes("scan.png", encode(page_images(LETTER), "PNG"))
    assert doc.format == "image"
    assert doc.text == LETTER


@needs_ocr
def test_multi_page_tiff_gives_a_region_per_page() -> None:
    text = LETTER + "\n" * 60 + "Page two says 48.6 FTE.\n"
    doc = read_bytes("scan.tif", encode(page_images(text), "TIFF"))
    assert [r.label for r in doc.regions if r.kind == "page"] == ["1", "2"]
    assert doc.locate(doc.text.index("48.6"))["page"] == "2"


def test_image_without_tesseract_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "tesseract_available", lambda: False)
    with pytest.raises(UnreadableDocument, match="apt-get install tesseract-ocr"):
        read_bytes("scan.png", encode(page_images("x", dpi=30), "PNG"))


def test_an_enormous_image_is_refused_before_decoding(monkeypatch: pytest.MonkeyPatch) -> None:
    from PIL import Image

    monkeypatch.setattr(ocr, "tesseract_available", lambda: True)
    buf = io.BytesIO()
    Image.new("1", (12000, 8000)).save(buf, format="PNG")  # 96 megapixels of white
    with pytest.raises(UnreadableDocument, match="megapixels"):
        read_bytes("poster.png", buf.getvalue())


def _line(y: float, *words: tuple[str, float, float], height: float = 10) -> Line:
    return Line([Word(t, left, right) for t, left, right in words], y, height)


def test_layout_joins_wrapped_lines_and_keeps_short_ones() -> None:
    lines = [
        _line(800, ("Dear", 50, 70), ("Ms", 73, 83), ("Marsh,", 86, 110)),
        # a paragraph that fills the line up to the right margin (page 600 wide, 50 margins)
        _line(774, ("The", 50, 65), ("Council", 68, 100), ("has", 103, 115), ("x" * 10, 118, 546)),
        _line(761, ("fourteen", 50, 85), ("libraries.", 88, 125)),
        _line(748, ("Yours", 50, 75), ("sincerely,", 78, 120)),
    ]
    page = lay_out(lines, 600)
    assert page.text == ("Dear Ms Marsh,\n\nThe Council has xxxxxxxxxx fourteen libraries.\n"
                         "Yours sincerely,\n")


def test_layout_writes_wide_gaps_as_tabs_and_does_not_join_list_items() -> None:
    lines = [
        _line(800, ("Year", 50, 70), ("2022/23", 150, 190)),
        _line(787, ("Hours", 50, 75), ("503", 150, 165)),
        _line(774, ("a", 50, 55), ("long", 58, 546)),
        _line(761, ("2.", 50, 60), ("Next", 63, 80)),
    ]
    assert lay_out(lines, 600).text == "Year\t2022/23\nHours\t503\na long\n2. Next\n"


def test_narrow_fixes_for_tesseract_misreads() -> None:
    words = [Word(t, 0, 0) for t in ("la)", "|", "am", "pleased", "|", "5")]
    ocr.fix_misreads(words)
    assert [w.text for w in words] == ["1a)", "I", "am", "pleased", "|", "5"]
    for misread, right in (("Ql", "Q1"), ("Q1O.", "Q10."), ("Qlb)", "Q1b)"), ("Quite", "Quite")):
        words = [Word(misread, 0, 0)]
        ocr.fix_misreads(words)
        assert words[0].text == right
    words = [Word(t, 0, 0) for t in ("lake", "la)")]
    ocr.fix_misreads(words)
    assert [w.text for w in words] == ["lake", "la)"]  # only a line's first word
