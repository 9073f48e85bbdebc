"""Spreadsheets (.xlsx, .ods, .csv): every sheet as text, every cell still addressable.

Each sheet becomes a heading line ("Sheet: Figures") then one line per row with cells
joined by " | ", so a segmenter reads it like a table in a letter; each cell's text gets
a "cell" region labelled like "Figures!B4" so a number can say where it was.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from foicollate.errors import UnreadableDocument
from foicollate.ingest import Reader, check_time, register
from foicollate.ingest.archive import open_zip, zip_names
from foicollate.ingest.text import decode
from foicollate.model import Document, Region

#: Most non-empty cells read from one file; beyond it the rest is dropped with a warning.
MAX_CELLS = 500_000
#: Most columns read from one row.
MAX_COLUMNS = 1_000
CELL_SEPARATOR = " | "

#: A sheet's rows: each a list of (1-based column, cell text) for its non-empty cells.
Row = list[tuple[int, str]]

_PLAIN_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.]*$")


def column_letter(index: int) -> str:
    """1 -> "A", 28 -> "AB"."""
    letters = ""
    while index > 0:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def cell_label(sheet: str, row: int, column: int) -> str:
    """Excel's way of naming a cell: Sheet1!B4, 'My sheet'!B4."""
    quoted = sheet if _PLAIN_NAME.match(sheet) else "'" + sheet.replace("'", "''") + "'"
    return f"{quoted}!{column_letter(column)}{row}"


def format_value(value: object) -> str:
    """A cell's value as a person reading the sheet would see it, on one line."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(round(value, 10))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return " ".join(str(value).split())


def render_sheets(name: str, sheets: Iterable[tuple[str, Iterable[tuple[int, Row]]]],
                  fmt: str) -> Document:
    """(sheet name, numbered rows) -> text with a heading per sheet and a region per cell."""
    chunks: list[str] = []
    regions: list[Region] = []
    warnings: list[str] = []
    offset = 0
    cells = 0

    def emit(s: str) -> None:
        nonlocal offset
        chunks.append(s)
        offset += len(s)

    for sheet, rows in sheets:
        materialised = []
        for number, row in rows:
            if cells >= MAX_CELLS:
                warnings.append(f"{name}: only the first {MAX_CELLS} cells were read")
                break
            row = [(c, t) for c, t in row if t][:MAX_COLUMNS]
            cells += len(row)
            materialised.append((number, row))
            if number % 1000 == 0:
                check_time(name)
        if not any(row for _, row in materialised):
            continue
        first_col = min(c for _, row in materialised for c, _ in row)
        if chunks:
            emit("\n")
        sheet_start = offset
        emit(f"Sheet: {sheet}\n")
        previous = None
        for number, row in materialised:
            if not row:
                continue
            if previous is not None and number > previous + 1:  # empty rows: one blank line
                emit("\n")
            previous = number
            column = first_col
            for c, text in row:
                # empty cells between keep their place, so columns line up with the header
                emit(CELL_SEPARATOR * (c - column))
                regions.append(Region(offset, offset + len(text), "cell",
                                      cell_label(sheet, number, c)))
                emit(text)
                column = c
            emit("\n")
        regions.append(Region(sheet_start, offset, "sheet", sheet))
        if cells >= MAX_CELLS:
            break
    if not chunks:
        raise UnreadableDocument(name, "the spreadsheet has no filled-in cells; check it is the "
                                       "reply, or ask the authority for the figures")
    regions.sort(key=lambda r: (r.start, -r.end))
    return Document(id="", text="".join(chunks), format=fmt, regions=regions,
                    warnings=warnings[:1])


# --- .xlsx ---------------------------------------------------------------------------------

def looks_like_xlsx(data: bytes) -> bool:
    names = zip_names(data)
    return names is not None and "xl/workbook.xml" in names


def _xlsx_rows(sheet: Any) -> Iterator[tuple[int, Row]]:
    for number, values in enumerate(sheet.iter_rows(min_row=1, min_col=1, values_only=True),
                                    start=1):
        yield number, [(c, format_value(v)) for c, v in enumerate(values, start=1)
                       if v is not None and c <= MAX_COLUMNS]


def read_xlsx(name: str, data: bytes) -> Document:
    import openpyxl

    open_zip(name, data, "spreadsheet").close()  # a damaged file gets the plain message
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (KeyError, ValueError, OSError) as exc:
        raise UnreadableDocument(
            name, "the spreadsheet is damaged or not a real .xlsx; open it and save it again"
        ) from exc
    try:
        return render_sheets(name, ((ws.title, _xlsx_rows(ws)) for ws in book.worksheets),
                             "xlsx")
    finally:
        book.close()


# --- .ods ----------------------------------------------------------------------------------

def looks_like_ods(data: bytes) -> bool:
    return b"application/vnd.oasis.opendocument.spreadsheet" in data[:200]


def odf_rows(table: Any) -> Iterator[tuple[int, Row]]:
    """An ODF table:table's rows as numbered (column, text) lists, honouring repeats.

    Repeated empty rows and columns (how LibreOffice pads a sheet to a million rows)
    only advance the counters; repeated filled ones are capped.
    """
    from odf import teletype
    from odf.namespaces import TABLENS

    number = 0

    def walk_rows(element: Any) -> Iterator[Any]:
        for child in element.childNodes:
            if child.qname == (TABLENS, "table-row"):
                yield child
            elif child.qname in ((TABLENS, "table-header-rows"), (TABLENS, "table-rows"),
                                 (TABLENS, "table-row-group")):
                yield from walk_rows(child)

    for tr in walk_rows(table):
        row: Row = []
        column = 1
        for cell in tr.childNodes:
            if cell.qname not in ((TABLENS, "table-cell"), (TABLENS, "covered-table-cell")):
                continue
            repeat = int(cell.getAttrNS(TABLENS, "number-columns-repeated") or 1)
            text = " ".join(" ".join(teletype.extractText(p).split())
                            for p in cell.childNodes if p.nodeType == p.ELEMENT_NODE)
            text = text.strip()
            if text:
                for _ in range(min(repeat, MAX_COLUMNS)):
                    if column <= MAX_COLUMNS:
                        row.append((column, text))
                    column += 1
                column += max(0, repeat - MAX_COLUMNS)
            else:
                column += repeat
        repeat_rows = int(tr.getAttrNS(TABLENS, "number-rows-repeated") or 1)
        if row:
            for _ in range(min(repeat_rows, 100)):
                number += 1
                yield number, row
            number += max(0, repeat_rows - 100)
        else:
            number += repeat_rows


def read_ods(name: str, data: bytes) -> Document:
    from odf.opendocument import load
    from odf.table import Table

    open_zip(name, data, "spreadsheet").close()
    document = load(io.BytesIO(data))
    tables = document.spreadsheet.getElementsByType(Table)
    return render_sheets(name, ((t.getAttribute("name") or f"Sheet{i}", odf_rows(t))
                                for i, t in enumerate(tables, start=1)), "ods")


# --- .csv ----------------------------------------------------------------------------------

def read_csv(name: str, data: bytes) -> Document:
    text = decode(name, data)
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:8192],
                                                                       delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel_tab if Path(name).suffix.lower() == ".tsv" else csv.excel
    csv.field_size_limit(10 * 1024 * 1024)
    try:
        rows = [(n, [(c, format_value(v)) for c, v in enumerate(values, start=1) if v.strip()])
                for n, values in enumerate(csv.reader(io.StringIO(text), dialect), start=1)]
    except csv.Error as exc:
        raise UnreadableDocument(
            name, f"the CSV is malformed ({exc}); open it in a spreadsheet and save it again"
        ) from exc
    sheet = Path(name).stem or "Sheet1"
    return render_sheets(name, [(sheet, rows)], "csv")


register(Reader("xlsx", (".xlsx", ".xlsm"), read_xlsx, sniff=looks_like_xlsx))
register(Reader("ods", (".ods",), read_ods, sniff=looks_like_ods))
register(Reader("csv", (".csv", ".tsv"), read_csv))
