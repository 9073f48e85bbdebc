"""Render a plain-text reply into every format replies arrive in, for reader tests.

Every fixture is made here from our own fictional text: no document is copied from anywhere.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

_DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FONT_SIZE = 10
LINE_STEP = 13


def _font() -> str:
    """A Unicode TrueType font when the machine has one (Welsh ŵ, en dashes), else Helvetica."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if _DEJAVU.exists():
        if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont("DejaVuSans", str(_DEJAVU)))
        return "DejaVuSans"
    return "Helvetica"


def to_pdf(text: str, title: str | None = None) -> bytes:
    """One text line per source line (long lines wrapped), new pages as they fill."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    font = _font()
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4)
    if title:
        pdf.setTitle(title)
    width, height = A4
    margin = 56
    y = height - margin
    pdf.setFont(font, FONT_SIZE)
    for source_line in text.splitlines():
        if "\t" in source_line or stringWidth(source_line, font, FONT_SIZE) <= width - 2 * margin:
            pieces = [source_line]  # as typed: simpleSplit would squeeze runs of spaces
        else:
            pieces = simpleSplit(source_line, font, FONT_SIZE, width - 2 * margin)
        for piece in pieces:
            if y < margin:
                pdf.showPage()
                pdf.setFont(font, FONT_SIZE)
                y = height - margin
            if piece:
                _draw_with_tabs(pdf, font, margin, y, piece)
            y -= LINE_STEP
    pdf.showPage()
    pdf.save()
    return buf.getvalue()


#: Tab stops every this many points, as a word processor sets them.
TAB_STOP = 48


def _draw_with_tabs(pdf: object, font: str, x: float, y: float, line: str) -> None:
    """Draw a line, putting each tab-separated cell at the next tab stop (a table's columns)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    at = x
    for i, cell in enumerate(line.split("\t")):
        if i:  # at least a clear gap before the next column
            at = x + TAB_STOP * (int((at - x + 12) // TAB_STOP) + 1)
        pdf.drawString(at, y, cell)  # type: ignore[attr-defined]
        at += stringWidth(cell, font, FONT_SIZE)


def to_scanned_pdf(text: str, dpi: int = 200) -> bytes:
    """The text PDF rasterised page by page and wrapped as an image-only PDF (no text layer)."""
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(to_pdf(text))
    images = []
    for page in source:
        images.append(page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L"))
    source.close()
    buf = io.BytesIO()
    images[0].save(buf, format="PDF", save_all=True, append_images=images[1:], resolution=dpi)
    return buf.getvalue()


def to_docx(text: str, table: Sequence[Sequence[str]] | None = None) -> bytes:
    """One paragraph per line; an optional table after the text."""
    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def to_odt(text: str, table: Sequence[Sequence[str]] | None = None) -> bytes:
    from odf import table as otable
    from odf import text as otext
    from odf.opendocument import OpenDocumentText

    document = OpenDocumentText()
    for line in text.splitlines():
        document.text.addElement(otext.P(text=line))
    if table:
        grid = otable.Table(name="Table1")
        grid.addElement(otable.TableColumn(numbercolumnsrepeated=len(table[0])))
        for row in table:
            tr = otable.TableRow()
            for value in row:
                cell = otable.TableCell()
                cell.addElement(otext.P(text=value))
                tr.addElement(cell)
            grid.addElement(tr)
        document.text.addElement(grid)
    buf = io.BytesIO()
    document.write(buf)
    return buf.getvalue()


def _email(subject: str, sender: str, date: datetime) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "requester@example.org"
    msg["Subject"] = subject
    msg["Date"] = format_datetime(date)
    msg["Message-ID"] = "<fixture@example.org>"
    return msg


DEFAULT_SENDER = "Information Governance <foi@example-council.gov.uk>"
DEFAULT_DATE = datetime(2023, 3, 14, 10, 30, tzinfo=UTC)


def to_eml_body(text: str, subject: str = "FOI reply", sender: str = DEFAULT_SENDER,
                date: datetime = DEFAULT_DATE, html: bool = False) -> bytes:
    """The reply as the email's body: plain text, or HTML as Gmail writes it (a <div> per
    line, <div><br></div> for a blank one, tab-separated rows as a <table>)."""
    msg = _email(subject, sender, date)
    if html:
        msg.set_content(f"<html><body>{to_html_body(text)}</body></html>", subtype="html")
    else:
        msg.set_content(text)
    return msg.as_bytes()


def to_html_body(text: str) -> str:
    from html import escape

    out: list[str] = []
    rows: list[str] = []
    for line in text.splitlines() + [""]:
        if "\t" in line:
            cells = "".join(f"<td>{escape(c)}</td>" for c in line.split("\t"))
            rows.append(f"<tr>{cells}</tr>")
            continue
        if rows:
            out.append(f"<table>{''.join(rows)}</table>")
            rows = []
        # runs of spaces as Outlook keeps them: &nbsp; then a space
        line = re.sub(r"  +", lambda m: "\xa0" * (len(m.group()) - 1) + " ", line)
        out.append(f"<div>{escape(line)}</div>" if line.strip() else "<div><br></div>")
    return "".join(out[:-1])


def to_eml_attachment(text: str, subject: str = "FOI reply", sender: str = DEFAULT_SENDER,
                      date: datetime = DEFAULT_DATE, filename: str = "response.pdf",
                      cover: str = "Please find our response attached.\n") -> bytes:
    """A short covering email with the reply attached as a PDF."""
    msg = _email(subject, sender, date)
    msg.set_content(cover)
    msg.add_attachment(to_pdf(text), maintype="application", subtype="pdf", filename=filename)
    return msg.as_bytes()


def to_xlsx(sheets: dict[str, Sequence[Sequence[object]]]) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def to_ods(sheets: dict[str, Sequence[Sequence[object]]]) -> bytes:
    from odf import table as otable
    from odf import text as otext
    from odf.opendocument import OpenDocumentSpreadsheet

    document = OpenDocumentSpreadsheet()
    for name, rows in sheets.items():
        grid = otable.Table(name=name)
        for row in rows:
            tr = otable.TableRow()
            for value in row:
                if isinstance(value, int | float) and not isinstance(value, bool):
                    cell = otable.TableCell(valuetype="float", value=value)
                else:
                    cell = otable.TableCell(valuetype="string")
                if value is not None and value != "":
                    cell.addElement(otext.P(text=str(value)))
                tr.addElement(cell)
            grid.addElement(tr)
        document.spreadsheet.addElement(grid)
    buf = io.BytesIO()
    document.write(buf)
    return buf.getvalue()


def to_zip(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return buf.getvalue()


#: The renderings the cross-format test compares with the .txt reply: name -> (ext, render).
RENDERINGS: dict[str, tuple[str, Callable[[str], bytes]]] = {
    "pdf": (".pdf", to_pdf),
    "docx": (".docx", to_docx),
    "odt": (".odt", to_odt),
    "eml-body": (".eml", to_eml_body),
    "eml-html": (".eml", lambda t: to_eml_body(t, html=True)),
    "eml-pdf": (".eml", to_eml_attachment),
}
