"""Spreadsheet replies: each sheet as rows of text, each cell addressable as Sheet!B4."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from formats import to_ods, to_xlsx

from foicollate.errors import UnreadableDocument
from foicollate.ingest import read_bytes
from foicollate.ingest.sheet import cell_label, column_letter, format_value

FIGURES = [
    ["Question", "Answer", "Notes"],
    ["Q1 Static libraries", 14, None],
    [None, None, None],
    ["Q2a Paid staff (FTE)", 48.6, "as at 31 March 2023"],
]
EXPECTED = ("Sheet: Figures\n"
            "Question | Answer | Notes\n"
            "Q1 Static libraries | 14\n"
            "\n"
            "Q2a Paid staff (FTE) | 48.6 | as at 31 March 2023\n")


@pytest.mark.parametrize("ext, render", [(".xlsx", to_xlsx), (".ods", to_ods)])
def test_sheet_rendered_one_line_per_row(ext: str, render) -> None:  # type: ignore[no-untyped-def]
    doc = read_bytes("figures" + ext, render({"Figures": FIGURES}))
    assert doc.format == ext[1:]
    assert doc.text == EXPECTED


@pytest.mark.parametrize("ext, render", [(".xlsx", to_xlsx), (".ods", to_ods)])
def test_every_cell_is_a_region_that_locate_finds(ext: str, render) -> None:  # type: ignore[no-untyped-def]
    doc = read_bytes("figures" + ext, render({"Figures": FIGURES, "Year on year": [["x", 7]]}))
    cells = {r.label: doc.text[r.start:r.end] for r in doc.regions if r.kind == "cell"}
    assert cells["Figures!B2"] == "14"
    assert cells["Figures!B4"] == "48.6"
    assert cells["Figures!C4"] == "as at 31 March 2023"
    assert cells["'Year on year'!B1"] == "7"
    assert "Figures!C2" not in cells  # empty cells have no region
    at = doc.text.index("48.6")
    assert doc.locate(at) == {"cell": "Figures!B4", "sheet": "Figures"}
    assert doc.locate(doc.text.index("7\n"))["sheet"] == "Year on year"
    starts = [r.start for r in doc.regions]
    assert starts == sorted(starts)


def test_csv_with_semicolons_and_a_bom() -> None:
    data = "\ufeffQuestion;Answer\nQ1;14\nQ2;\"1,234\"\n".encode()
    doc = read_bytes("return.csv", data)
    assert doc.text == "Sheet: return\nQuestion | Answer\nQ1 | 14\nQ2 | 1,234\n"
    assert doc.locate(doc.text.index("1,234"))["cell"] == "return!B3"


def test_csv_in_windows_1252() -> None:
    data = "Item,Cost\nLicences,£1,200\n".replace("£1,200", "\"£1,200\"").encode("cp1252")
    assert "£1,200" in read_bytes("costs.csv", data).text


def test_leading_empty_columns_are_not_rendered() -> None:
    doc = read_bytes("f.xlsx", to_xlsx({"S": [[None, None, "Total", 9]]}))
    assert doc.text == "Sheet: S\nTotal | 9\n"
    assert doc.locate(doc.text.index("9"))["cell"] == "S!D1"


def test_values_as_a_reader_sees_them() -> None:
    assert format_value(14.0) == "14"
    assert format_value(0.1 + 0.2) == "0.3"
    assert format_value(dt.datetime(2023, 3, 31)) == "2023-03-31"
    assert format_value(True) == "TRUE"
    assert format_value("two\nlines") == "two lines"
    assert column_letter(1) == "A" and column_letter(28) == "AB" and column_letter(703) == "AAA"
    assert cell_label("Sheet1", 4, 2) == "Sheet1!B4"
    assert cell_label("Bob's data", 1, 1) == "'Bob''s data'!A1"


def test_ods_repeated_padding_does_not_explode() -> None:
    from odf import table as otable
    from odf import text as otext
    from odf.opendocument import OpenDocumentSpreadsheet

    document = OpenDocumentSpreadsheet()
    grid = otable.Table(name="Padded")
    row = otable.TableRow()
    cell = otable.TableCell()
    cell.addElement(otext.P(text="Libraries"))
    row.addElement(cell)
    row.addElement(otable.TableCell(numbercolumnsrepeated=16000))  # LibreOffice's padding
    value = otable.TableCell(valuetype="float", value=14)
    value.addElement(otext.P(text="14"))
    row.addElement(value)
    grid.addElement(row)
    grid.addElement(otable.TableRow(numberrowsrepeated=1048575))
    document.spreadsheet.addElement(grid)
    buf = io.BytesIO()
    document.write(buf)
    doc = read_bytes("padded.ods", buf.getvalue())
    assert doc.text == "Sheet: Padded\nLibraries\n"  # column 16002 is past the column limit


def test_empty_workbook_says_so() -> None:
    with pytest.raises(UnreadableDocument, match="no filled-in cells"):
        read_bytes("blank.xlsx", to_xlsx({"Sheet1": []}))


def test_truncated_workbook() -> None:
    with pytest.raises(UnreadableDocument, match="damaged or incomplete"):
        read_bytes("figures.xlsx", to_xlsx({"S": FIGURES})[:900])
