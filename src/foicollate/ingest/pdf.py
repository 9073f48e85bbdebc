"""PDF letters: the text layer page by page (pypdfium2), OCR for pages that have none.

pypdfium2 was measured at 1.8 ms/page against pdfplumber's 94 ms (DEPENDENCIES.md);
pdfium drops blank lines, so paragraph breaks are restored from the lines' positions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from foicollate.errors import UnreadableDocument
from foicollate.ingest import Reader, check_time, register
from foicollate.ingest.ocr import (
    OCR_DPI,
    join_pages,
    ocr_images,
    ocr_missing_sentence,
    tesseract_available,
)
from foicollate.model import Document

#: A page with fewer characters than this in its text layer, and an image on it, is OCR'd.
MIN_TEXT_CHARS = 16
#: PDFs with more pages than this are refused (split them).
MAX_PAGES = 5000
#: A gap between lines this many times the usual line spacing is a paragraph break.
PARAGRAPH_GAP = 1.4
#: A gap between words wider than this many times the text's height separates table columns.
COLUMN_GAP = 0.6
#: A gap this many times the text's height always holds a blank line, however the page runs.
BLANK_LINE_GAP = 1.8

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")
_LINE = re.compile(r"([^\r\n]*)(?:\r\n|\r|\n|$)")
_LIST_MARKER = re.compile(r"(Q?\d+[a-z]?[.):]|\(?[a-z]{1,3}\)|[•·▪◦–-])\s")
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


@dataclass
class _Line:
    text: str
    bottom: float | None = None  # None for a line of only spaces
    height: float = 0.0
    left: float = 0.0  # left edge of its first character
    right: float = 0.0  # right edge of its last character
    first_word: float = 0.0  # width of its first word


def _lines(textpage: pdfium.PdfTextPage) -> list[_Line]:
    raw = textpage.get_text_range()
    out: list[_Line] = []
    # pdfium's text indexes are char indexes, its generated line breaks included
    for m in _LINE.finditer(raw):
        if m.start() == len(raw) and out:
            break
        text = m.group(1)
        line = _Line(text)
        first = next((i for i, ch in enumerate(text) if not ch.isspace()), None)
        if first is not None:
            at = m.start()
            last = len(text.rstrip()) - 1
            word_end = next((i for i in range(first, last + 1) if text[i].isspace()), last + 1) - 1
            line.left, line.bottom, _, top = textpage.get_charbox(at + first, loose=True)
            line.height = top - line.bottom
            line.right = textpage.get_charbox(at + last, loose=True)[2]
            line.first_word = textpage.get_charbox(at + word_end, loose=True)[2] - line.left
            line.text = _columns(textpage, text, at, first, last, line.height)
        line.text = _CONTROL.sub("", line.text.replace("\x02", "-")).rstrip()
        out.append(line)
    return out


def _columns(textpage: pdfium.PdfTextPage, text: str, at: int, first: int, last: int,
             height: float) -> str:
    """The line with each wide gap between words (a table's columns) written as a tab."""
    pieces: list[str] = []
    start = first
    i = first
    while i <= last:
        if not text[i].isspace():
            i += 1
            continue
        j = i
        while j <= last and text[j].isspace():
            j += 1
        gap = textpage.get_charbox(at + j, loose=True)[0] - \
            textpage.get_charbox(at + i - 1, loose=True)[2]
        pieces.append(text[start:i])
        pieces.append("\t" if gap > COLUMN_GAP * height else text[i:j])
        start = i = j
    pieces.append(text[start:last + 1])
    return text[:first] + "".join(pieces)


def page_text(page: pdfium.PdfPage) -> PageText:
    """A page's text layer: "\\n" newlines, blank lines between paragraphs, wrapped lines joined.

    pdfium gives one line per printed line. A gap between lines wider than the usual line
    step is a paragraph break; a line is joined to the one before when its first word
    would not have fitted there (the writer wrapped it), so a paragraph is one line as in
    a text reply. Lines that end short (addresses, table rows, headings) are kept.
    """
    textpage = page.get_textpage()
    try:
        lines = _lines(textpage)
    finally:
        textpage.close()
    placed = [ln for ln in lines if ln.bottom is not None]
    # the usual line step: the low end of the gaps between lines, ignoring gaps smaller
    # than a line's height (superscripts, table cells side by side)
    heights = sorted(ln.height for ln in placed)
    height = heights[len(heights) // 2] if heights else 0.0
    gaps = sorted(a.bottom - b.bottom for a, b in zip(placed, placed[1:], strict=False)
                  if a.bottom is not None and b.bottom is not None
                  and a.bottom - b.bottom >= 0.8 * height)
    spacing = gaps[len(gaps) // 10] if gaps else 0.0
    # where a line would have to wrap: letters keep left and right margins alike
    margin = page.get_width() - min((ln.left for ln in placed), default=0.0)
    out: list[str] = []
    previous: _Line | None = None
    for line in lines:
        if line.bottom is None:
            continue
        gap = previous.bottom - line.bottom if previous and previous.bottom is not None else 0.0
        if out and out[-1] and (spacing and gap > PARAGRAPH_GAP * spacing
                                or height and gap > BLANK_LINE_GAP * height):
            out.append("")
        elif (previous is not None and out and out[-1] and 0 < gap <= PARAGRAPH_GAP * spacing
              and _wraps(previous, line.first_word, margin) and runs_on(out[-1], line.text)):
            out[-1] += line.text.lstrip() if out[-1].endswith("-") else " " + line.text.lstrip()
            previous = line
            continue
        out.append(line.text)
        previous = line
    text = "\n".join(out).strip("\n")
    first = placed[0] if placed else None
    return PageText(text + "\n" if text else "", previous, margin,
                    first.first_word if first else 0.0)


def _wraps(line: _Line, next_word: float, margin: float) -> bool:
    """True when the next word would not have fitted on this line: the writer wrapped it."""
    return line.right + next_word + 0.5 * line.height > margin  # a space and some slack


def runs_on(line: str, following: str) -> bool:
    """Whether `following` can continue `line`'s paragraph, judged by their words alone.

    Not after a table row, not before a list item ("2.", "b)", "Q3"), and not where a
    sentence ends and a capitalised line starts: two short paragraphs that reach the
    margin by chance stay apart, at the price of splitting a paragraph there.
    """
    nxt = following.lstrip()
    if not nxt or "\t" in line or _LIST_MARKER.match(nxt):
        return False
    return not (line.rstrip()[-1:] in ".?!:;)" and (nxt[0].isupper() or nxt[0].isdigit()))


@dataclass
class PageText:
    text: str
    last: _Line | None = None  # its last line, to tell if a paragraph runs on overleaf
    margin: float = 0.0
    first_word: float = 0.0  # width of the first word on the page

    def runs_into(self, following: PageText) -> bool:
        """Whether this page's last paragraph carries on at the top of `following`."""
        if self.last is None or not self.text or not following.text:
            return False
        last_line = self.text.rstrip("\n").rsplit("\n", 1)[-1]
        return (_wraps(self.last, following.first_word, self.margin)
                and runs_on(last_line, following.text.split("\n", 1)[0]))


def has_images(page: pdfium.PdfPage) -> bool:
    return any(True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2))


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
                if len(layer.text.strip()) < MIN_TEXT_CHARS and has_images(page):
                    scanned.append(index)
                layers.append(layer)
            finally:
                page.close()
        pages = [layer.text for layer in layers]
        for index in range(len(layers) - 1):  # a paragraph carried over the page break
            if index not in scanned and index + 1 not in scanned and \
                    layers[index].runs_into(layers[index + 1]):
                pages[index] = pages[index].rstrip("\n")
        warnings: list[str] = []
        if scanned:
            if tesseract_available():
                for index, text in zip(scanned, ocr_pages(name, pdf, scanned), strict=True):
                    pages[index] = text
            elif len(scanned) == len(pages) or not any(p.strip() for p in pages):
                raise UnreadableDocument(name, ocr_missing_sentence(
                    "it is a scanned PDF with no text layer"))
            else:
                warnings.append(ocr_missing_sentence(
                    f"{name}: page(s) {', '.join(str(i + 1) for i in scanned)} are scanned"))
        title = (pdf.get_metadata_value("Title") or "").strip()
    finally:
        pdf.close()
    if not any(p.strip() for p in pages):
        raise UnreadableDocument(name, "the PDF has no text on any page; check it is the reply, "
                                       "or ask the authority for a text copy")
    doc = join_pages(name, pages, "pdf")
    doc.warnings.extend(warnings)
    if scanned and not warnings:
        doc.metadata["ocr_pages"] = ",".join(str(i + 1) for i in scanned)
    if title.lower() not in _JUNK_TITLES:
        doc.metadata["title"] = title
    return doc


def ocr_pages(name: str, pdf: pdfium.PdfDocument, indexes: list[int]) -> list[str]:
    """Render and OCR the given pages, a few at a time so memory stays flat."""
    out: list[str] = []
    batch = 4
    for at in range(0, len(indexes), batch):
        check_time(name)
        images = []
        for index in indexes[at:at + batch]:
            page = pdf[index]
            try:
                bitmap = page.render(scale=OCR_DPI / 72, grayscale=True)
                images.append(bitmap.to_pil())
            finally:
                page.close()
        out.extend(ocr_images(images, name))
    return out


register(Reader("pdf", (".pdf",), read_pdf, sniff=looks_like_pdf))
