"""PDF letters: the text layer page by page (pypdfium2), OCR for pages that have none.

pypdfium2 was measured at 1.8 ms/page against pdfplumber's 94 ms (DEPENDENCIES.md);
pdfium drops blank lines and keeps the page's wrapping; layout.py lays the lines out as
paragraphs again from their positions.
"""

from __future__ import annotations

import re

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from foicollate.errors import UnreadableDocument
from foicollate.ingest import Reader, check_time, register
from foicollate.ingest.layout import Line, PageText, Word, join_pages, lay_out
from foicollate.ingest.ocr import (
    OCR_DPI,
    ocr_images,
    ocr_missing_sentence,
    pages_document,
    tesseract_available,
)
from foicollate.model import Document

#: A page with fewer characters than this in its text layer, and an image on it, is OCR'd;
MIN_TEXT_CHARS = 16
#: ... and so is one whose image covers this share of it, under fewer characters than
MAX_TEXT_ON_SCAN = 300
SCAN_COVER = 0.5
#: PDFs with more pages than this are refused (split them).
MAX_PAGES = 5000
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")
_LINE = re.compile(r"([^\r\n]*)(?:\r\n|\r|\n|$)")
_WORD = re.compile(r"\S+")
_JUNK_TITLES = {"", "untitled", "microsoft word", "document"}


def looks_like_pdf(data: bytes) -> bool:
    return b"%PDF-" in data[:1024]


def open_pdf(name: str, data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise UnreadableDocument(
                name, "the PDF is password-protected; ask the authority for a copy without "
                "a password, or open it and save an unprotected copy"
            ) from exc
        raise UnreadableDocument(
            name, "the PDF is damaged or incomplete; download it again or ask the authority "
            "to resend it"
        ) from exc


Box = tuple[float, float, float, float]  # left, bottom, right, top


def upright(box: Box, rotation: int, width: float, height: float) -> Box:
    """A box in page space as the reader sees it on a page turned by /Rotate."""
    left, bottom, right, top = box
    if rotation == 90:
        return bottom, width - right, top, width - left
    if rotation == 180:
        return width - right, height - top, width - left, height - bottom
    if rotation == 270:
        return height - top, left, height - bottom, right
    return box


def page_lines(textpage: pdfium.PdfTextPage, rotation: int = 0, width: float = 0.0,
               height: float = 0.0) -> list[Line]:
    """The page's printed lines with the positions of their words (pdfium's loose boxes),
    upright as displayed."""
    raw = textpage.get_text_range()
    lines: list[Line] = []

    def box(index: int) -> Box:
        return upright(textpage.get_charbox(index, loose=True), rotation, width, height)

    # pdfium's text indexes are char indexes, its generated line breaks included
    for m in _LINE.finditer(raw):
        words: list[Word] = []
        for w in _WORD.finditer(m.group(1)):
            text = _CONTROL.sub("", w.group().replace("\x02", "-"))
            if not text:
                continue
            first = box(m.start() + w.start())
            last = box(m.start() + w.end() - 1)
            if not words:
                bottom, size = first[1], first[3] - first[1]
            words.append(Word(text, first[0], last[2]))
        if words:
            lines.append(Line(words, bottom, size))
        if m.end() >= len(raw):
            break
    return lines


def page_text(page: pdfium.PdfPage) -> PageText:
    """A page's text layer laid out as paragraphs (see layout.py), as displayed."""
    rotation = page.get_rotation() % 360
    width, height = page.get_size()  # unrotated
    textpage = page.get_textpage()
    try:
        lines = page_lines(textpage, rotation, width, height)
    finally:
        textpage.close()
    return lay_out(lines, height if rotation in (90, 270) else width)


def image_cover(page: pdfium.PdfPage) -> float:
    """The share of the page its largest image covers (0 when it has none)."""
    width, height = page.get_size()
    best = 0.0
    for image in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        bounds = getattr(image, "get_bounds", None) or image.get_pos  # pypdfium2 5 / 4
        left, bottom, right, top = bounds()
        best = max(best, (right - left) * (top - bottom) / max(1.0, width * height))
    return best


def needs_ocr(page: pdfium.PdfPage, text: str) -> bool:
    """A scan: an image and (almost) no text layer, or a page-sized image under a little
    typed text (a header or a stamp typed onto a scanned letter)."""
    chars = len(text.strip())
    if chars >= MAX_TEXT_ON_SCAN:
        return False
    cover = image_cover(page)
    return cover > 0 and chars < MIN_TEXT_CHARS or cover >= SCAN_COVER


def read_pdf(name: str, data: bytes) -> Document:
    pdf = open_pdf(name, data)
    try:
        if len(pdf) > MAX_PAGES:
            raise UnreadableDocument(name, f"the PDF has over {MAX_PAGES} pages; split it and "
                                           "add the part that holds the reply")
        layers: list[PageText] = []
        scanned: list[int] = []
        for index in range(len(pdf)):
            check_time(name)
            page = pdf[index]
            try:
                layer = page_text(page)
                if needs_ocr(page, layer.text):
                    scanned.append(index)
                layers.append(layer)
            finally:
                page.close()
        warnings: list[str] = []
        if scanned:
            if tesseract_available():
                for index, layer in zip(scanned, ocr_pages(name, pdf, scanned), strict=True):
                    layers[index] = layer
            elif len(scanned) == len(layers) or not any(p.text.strip() for p in layers):
                raise UnreadableDocument(name, ocr_missing_sentence(
                    "it is a scanned PDF with no text layer"))
            else:
                warnings.append(ocr_missing_sentence(
                    f"{name}: page(s) {', '.join(str(i + 1) for i in scanned)} are scanned"))
        title = (pdf.get_metadata_value("Title") or "").strip()
    finally:
        pdf.close()
    pages = join_pages(layers)  # a paragraph carried over a page break stays one
    if not any(p.strip() for p in pages):
        raise UnreadableDocument(name, "the PDF has no text on any page; check it is the reply, "
                                       "or ask the authority for a text copy")
    doc = pages_document(pages, "pdf")
    doc.warnings.extend(warnings)
    if scanned and not warnings:
        doc.metadata["ocr_pages"] = ",".join(str(i + 1) for i in scanned)
    if title.lower() not in _JUNK_TITLES:
        doc.metadata["title"] = title
    return doc


def ocr_pages(name: str, pdf: pdfium.PdfDocument, indexes: list[int]) -> list[PageText]:
    """Render and OCR the given pages, a few at a time so memory stays flat."""
    out: list[PageText] = []
    batch = 4
    for at in range(0, len(indexes), batch):
        check_time(name)
        images = []
        for index in indexes[at:at + batch]:
            page = pdf[index]
            try:
                images.append(page.render(scale=OCR_DPI / 72, grayscale=True).to_pil())
            finally:
                page.close()
        out.extend(ocr_images(images, name))
    return out


register(Reader("pdf", (".pdf",), read_pdf, sniff=looks_like_pdf))
