"""Word and OpenDocument replies: paragraphs and tables in reading order, list numbers."""

from __future__ import annotations

import io

import pytest
from formats import to_docx, to_odt

from foicollate.errors import UnreadableDocument
from foicollate.ingest import read_bytes
from foicollate.ingest.office import OLE_MAGIC

LETTER = "Dear Ms Marsh,\n\nYour request and our answers are below.\n\nYours sincerely,"
TABLE = [["Year", "Weekly hours"], ["2021/22", "498"], ["2022/23", "503"]]


def test_docx_paragraphs_then_table_rows() -> None:
    doc = read_bytes("reply.docx", to_docx(LETTER, table=TABLE))
    assert doc.format == "docx"
    assert doc.text == LETTER + "\n\nYear | Weekly hours\n2021/22 | 498\n2022/23 | 503\n"


def test_odt_paragraphs_then_table_rows() -> None:
    doc = read_bytes("reply.odt", to_odt(LETTER, table=TABLE))
    assert doc.format == "odt"
    assert doc.text == LETTER + "\n\nYear | Weekly hours\n2021/22 | 498\n2022/23 | 503\n"


def test_docx_table_between_paragraphs_stays_in_reading_order() -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("3. Opening hours per year:")
    grid = document.add_table(rows=2, cols=3)
    grid.cell(0, 0).merge(grid.cell(0, 1)).text = "Merged heading"
    grid.cell(0, 2).text = "Hours"
    grid.cell(1, 0).text = "2022/23"
    grid.cell(1, 2).text = "503"
    document.add_paragraph("4. No libraries have closed.")
    buf = io.BytesIO()
    document.save(buf)
    text = read_bytes("reply.docx", buf.getvalue()).text
    assert text == ("3. Opening hours per year:\n\nMerged heading | Hours\n2022/23 |  | 503\n\n"
                    "4. No libraries have closed.\n")


def test_docx_automatic_list_numbers_are_written_out() -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Our answers:")
    document.add_paragraph("We operate 14 libraries.", style="List Number")
    document.add_paragraph("This information is not held.", style="List Number")
    document.add_paragraph("A bullet point", style="List Bullet")
    buf = io.BytesIO()
    document.save(buf)
    text = read_bytes("reply.docx", buf.getvalue()).text
    assert text == ("Our answers:\n1. We operate 14 libraries.\n2. This information is not held.\n"
                    "A bullet point\n")


def test_docx_letterhead_in_the_page_header_is_read_first() -> None:
    import docx

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "EASTMOOR COUNCIL"
    document.add_paragraph("Dear Ms Marsh,")
    document.core_properties.title = "FOI 0412 response"
    buf = io.BytesIO()
    document.save(buf)
    doc = read_bytes("reply.docx", buf.getvalue())
    assert doc.text == "EASTMOOR COUNCIL\n\nDear Ms Marsh,\n"
    assert doc.metadata["title"] == "FOI 0412 response"


def test_office_files_are_sniffed_not_taken_for_zips() -> None:
    assert read_bytes("reply", to_docx(LETTER)).format == "docx"
    assert read_bytes("reply", to_odt(LETTER)).format == "odt"
    assert read_bytes("reply.zip", to_docx(LETTER)).format == "docx"


def test_empty_word_document_says_so() -> None:
    with pytest.raises(UnreadableDocument, match="no text"):
        read_bytes("empty.docx", to_docx(""))


@pytest.mark.parametrize("stream, expected", [
    ("WordDocument", "old Word .doc file"),
    ("Workbook", "old Excel .xls file"),
    ("EncryptedPackage", "password-protected"),
])
def test_ole_office_files_get_what_to_do(stream: str, expected: str) -> None:
    # enough of an OLE compound file for the sniff: the magic and a directory entry's name
    data = OLE_MAGIC + b"\x00" * 504 + stream.encode("utf-16-le") + b"\x00" * 64
    with pytest.raises(UnreadableDocument, match=expected):
        read_bytes("reply.doc", data)


def test_truncated_docx() -> None:
    with pytest.raises(UnreadableDocument, match="damaged or incomplete"):
        read_bytes("reply.docx", to_docx(LETTER)[:700])


def test_odt_automatic_list_numbers_are_written_out() -> None:
    from odf.opendocument import OpenDocumentText
    from odf.text import List, ListItem, ListLevelStyleNumber, ListStyle, P

    document = OpenDocumentText()
    style = ListStyle(name="L1")
    style.addElement(ListLevelStyleNumber(level=1, numformat="1", numsuffix="."))
    style.addElement(ListLevelStyleNumber(level=2, numformat="a", numsuffix=")"))
    document.automaticstyles.addElement(style)
    answers = List(stylename="L1")
    items = []
    for text in ("We operate 14 libraries.", "Staffing:"):
        items.append(ListItem())
        items[-1].addElement(P(text=text))
        answers.addElement(items[-1])
    parts = List()  # a nested list takes its numbering from the outer list's style
    for text in ("48.6 FTE", "Not recorded"):
        item = ListItem()
        item.addElement(P(text=text))
        parts.addElement(item)
    items[-1].addElement(parts)
    document.text.addElement(answers)
    buf = io.BytesIO()
    document.write(buf)
    assert read_bytes("reply.odt", buf.getvalue()).text == (
        "1. We operate 14 libraries.\n2. Staffing:\na) 48.6 FTE\nb) Not recorded\n")


def test_docx_tracked_changes_and_content_controls() -> None:
    import docx
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    document.add_paragraph("Dear Ms Marsh,")
    body = document.element.body
    # an answer typed with track changes on: "14" replaced "12", not yet accepted
    body.insert(len(body) - 1, parse_xml(
        f'<w:p {w}><w:r><w:t xml:space="preserve">We operate </w:t></w:r>'
        f'<w:del w:id="1" w:author="x"><w:r><w:delText>12</w:delText></w:r></w:del>'
        f'<w:ins w:id="2" w:author="x"><w:r><w:t>14</w:t></w:r></w:ins>'
        f'<w:r><w:t xml:space="preserve"> libraries.</w:t></w:r></w:p>'))
    # a template's content control around a paragraph
    body.insert(len(body) - 1, parse_xml(
        f'<w:sdt {w}><w:sdtContent><w:p><w:r><w:t>Our ref: FOI/0412</w:t></w:r></w:p>'
        f'</w:sdtContent></w:sdt>'))
    buf = io.BytesIO()
    document.save(buf)
    assert read_bytes("reply.docx", buf.getvalue()).text == (
        "Dear Ms Marsh,\nWe operate 14 libraries.\nOur ref: FOI/0412\n")
