"""PDF replies: text layer with pages, paragraph breaks, OCR of scanned pages, bad PDFs."""

from __future__ import annotations

import io

import pytest
from formats import to_pdf, to_scanned_pdf
from rapidfuzz import fuzz

from foicollate.errors import UnreadableDocument
from foicollate.ingest import ocr, read_bytes

LETTER = """NORTHSHIRE COUNCIL
Our ref: FOI-2023-0101

Dear Ms Marsh,

1. How many static public libraries does your authority currently operate?

The Council operates 14 static libraries – two fewer than in 2020.

2. How many volunteers were active in your libraries during 2022/23?

This information is not held.
"""

needs_ocr = pytest.mark.skipif(not ocr.tesseract_available(), reason="tesseract not installed")


def words(text: str) -> str:
    return " ".join(text.split())


def test_text_layer_keeps_lines_and_paragraph_breaks() -> None:
    doc = read_bytes("reply.pdf", to_pdf(LETTER))
    assert doc.format == "pdf"
    assert doc.text == LETTER  # blank lines restored from the gaps between lines
    assert "\r" not in doc.text
    assert [(r.kind, r.label) for r in doc.regions] == [("page", "1")]


def test_wrapped_lines_are_joined_back_into_their_paragraph() -> None:
    long = "The Council " + "operates many static libraries across the county " * 8 + "end."
    letter = f"Dear Ms Marsh,\n\n{long}\n2020/21 412 hours\n2021/22 498 hours\n"
    pdf = to_pdf(letter)
    import pypdfium2 as pdfium

    printed = pdfium.PdfDocument(pdf)[0].get_textpage().get_text_range()
    assert printed.count("\r\n") >= 6  # the paragraph really was wrapped on the page
    assert read_bytes("reply.pdf", pdf).text == letter  # short lines after it stay lines


def test_pages_are_regions_and_locate_finds_the_page() -> None:
    text = "\n".join(f"Line {i} of the reply" for i in range(150))  # about three pages
    doc = read_bytes("reply.pdf", to_pdf(text))
    pages = [r for r in doc.regions if r.kind == "page"]
    assert [r.label for r in pages] == ["1", "2", "3"]
    assert pages == sorted(pages, key=lambda r: r.start)
    assert doc.locate(doc.text.index("Line 0 of"))["page"] == "1"
    assert doc.locate(doc.text.index("Line 149 of"))["page"] == "3"
    for r in pages:  # every page region covers its own lines only
        assert doc.text[r.start:r.end].strip()


def test_title_from_metadata_but_not_placeholder_titles() -> None:
    assert read_bytes("a.pdf", to_pdf(LETTER, title="FOI 0101 response")).metadata["title"] == \
        "FOI 0101 response"
    assert "title" not in read_bytes("a.pdf", to_pdf(LETTER)).metadata  # reportlab's "untitled"


def test_sniffed_without_extension() -> None:
    assert read_bytes("download", to_pdf(LETTER)).format == "pdf"


def test_truncated_pdf_is_one_clear_sentence() -> None:
    with pytest.raises(UnreadableDocument, match="damaged or incomplete") as err:
        read_bytes("reply.pdf", to_pdf(LETTER)[:400])
    assert str(err.value).startswith("reply.pdf: ")
    assert "\n" not in str(err.value)


def test_password_protected_pdf() -> None:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, encrypt=pdfencrypt.StandardEncryption("secret", canPrint=0))
    pdf.drawString(72, 720, "Hidden reply")
    pdf.showPage()
    pdf.save()
    with pytest.raises(UnreadableDocument, match="password-protected"):
        read_bytes("locked.pdf", buf.getvalue())


def test_blank_pdf_says_there_is_no_text() -> None:
    with pytest.raises(UnreadableDocument, match="no text"):
        read_bytes("blank.pdf", to_pdf("\n\n"))


@needs_ocr
def test_scanned_pdf_is_ocrd_with_page_regions() -> None:
    doc = read_bytes("scan.pdf", to_scanned_pdf(LETTER))
    assert doc.metadata["ocr_pages"] == "1"
    assert [r.label for r in doc.regions if r.kind == "page"] == ["1"]
    assert fuzz.ratio(words(doc.text), words(LETTER)) >= 95
    assert "14 static libraries" in doc.text


def test_scanned_pdf_without_tesseract_names_the_install_command(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("foicollate.ingest.pdf.tesseract_available", lambda: False)
    with pytest.raises(UnreadableDocument) as err:
        read_bytes("scan.pdf", to_scanned_pdf(LETTER, dpi=100))
    message = str(err.value)
    assert message.startswith("scan.pdf: it is a scanned PDF")
    assert "apt-get install tesseract-ocr tesseract-ocr-eng" in message
    assert message.count(".") <= 2 and "\n" not in message  # one sentence


def test_mixed_pdf_without_tesseract_keeps_the_text_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    import pypdfium2 as pdfium

    text_pdf = pdfium.PdfDocument(to_pdf(LETTER))
    scanned = pdfium.PdfDocument(to_scanned_pdf("A scanned annex page", dpi=100))
    text_pdf.import_pages(scanned)
    buf = io.BytesIO()
    text_pdf.save(buf)
    monkeypatch.setattr("foicollate.ingest.pdf.tesseract_available", lambda: False)
    doc = read_bytes("mixed.pdf", buf.getvalue())
    assert doc.text.startswith("NORTHSHIRE COUNCIL")
    assert len(doc.warnings) == 1 and "page(s) 2 are scanned" in doc.warnings[0]
    assert "apt-get install" in doc.warnings[0]


def _scan_with_typed_header(header: str, body: str) -> bytes:
    """A page-sized scan with a line of real text typed over its top margin."""
    import pypdfium2 as pdfium
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image = pdfium.PdfDocument(to_pdf(body))[0].render(scale=150 / 72, grayscale=True).to_pil()
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf)
    width, height = pdf._pagesize
    pdf.drawImage(ImageReader(image), 0, 0, width, height)
    pdf.drawString(56, height - 20, header)
    pdf.showPage()
    pdf.save()
    return buf.getvalue()


@needs_ocr
def test_a_scan_under_a_typed_header_is_still_ocrd() -> None:
    doc = read_bytes("stamped.pdf", _scan_with_typed_header("Received 14/03/2023", LETTER))
    assert doc.metadata.get("ocr_pages") == "1"
    assert "14 static libraries" in doc.text


def test_a_rotated_page_is_laid_out_as_displayed() -> None:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    pdf = canvas.Canvas(buf)
    pdf.setPageRotation(90)  # a landscape page: /Rotate 90, text drawn turned to match
    pdf.rotate(90)
    for i, line in enumerate(LETTER.splitlines()):
        pdf.drawString(72, -72 - 14 * i, line)
    pdf.showPage()
    pdf.save()
    doc = read_bytes("landscape.pdf", buf.getvalue())
    assert doc.text == LETTER  # laid out as displayed: blank lines found sideways too
