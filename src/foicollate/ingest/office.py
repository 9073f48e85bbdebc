"""Word (.docx) and OpenDocument (.odt) letters: paragraphs and tables in reading order.

Tables become one line per row with cells joined by " | ". Word's automatic list numbers
("1.", "a)") are not in the paragraph text, so they are worked out from numbering.xml:
replies that answer "1." "2." without repeating the questions depend on them.
Old binary .doc/.xls files and password-protected Office files get a sentence saying what to do.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

from foicollate.errors import UnreadableDocument
from foicollate.ingest import Reader, check_time, register
from foicollate.ingest.archive import open_zip, zip_names
from foicollate.ingest.sheet import CELL_SEPARATOR, odf_rows
from foicollate.model import Document

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: Elements of a run that show as text, and what the non-<w:t> ones show as.
_TEXT_TAGS = {f"{_W}t": "", f"{_W}tab": "\t", f"{_W}ptab": "\t", f"{_W}br": "\n",
              f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}


def _finish(lines: list[str], fmt: str, name: str) -> Document:
    text = "\n".join(line.rstrip() for line in lines).strip("\n")
    text = re.sub(r"\n{3,}", "\n\n", text)
    if not text.strip():
        raise UnreadableDocument(name, "the document has no text; check it is the reply (a "
                                       "scanned letter pasted as a picture needs a PDF copy)")
    return Document(id="", text=text + "\n", format=fmt)


def _one_line(text: str) -> str:
    return " ".join(text.split())


# --- .docx ---------------------------------------------------------------------------------

def looks_like_docx(data: bytes) -> bool:
    names = zip_names(data)
    return names is not None and "word/document.xml" in names


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"),
                           (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"),
                           (4, "iv"), (1, "i")):
        while n >= value:
            out += letters
            n -= value
    return out


def _letters(n: int) -> str:
    return chr(96 + (n - 1) % 26 + 1) * ((n - 1) // 26 + 1)


def _format_number(n: int, fmt: str) -> str:
    return {
        "lowerLetter": _letters(n), "upperLetter": _letters(n).upper(),
        "lowerRoman": _roman(n), "upperRoman": _roman(n).upper(),
        "bullet": "", "none": "",
    }.get(fmt, str(n))


class _Numbering:
    """Counters for Word's automatic list numbering, as Word would show them."""

    def __init__(self, document: Any) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, list[int]] = {}
        self.style_levels: dict[tuple[str, str], int] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        linked: dict[str, dict[str, int]] = {}  # abstractNumId -> {style id: level}
        for a in root.iter(f"{_W}abstractNum"):
            lv: dict[int, tuple[str, str, int]] = {}
            for lvl in a.iter(f"{_W}lvl"):
                ilvl = int(lvl.get(f"{_W}ilvl", "0"))
                pstyle = lvl.find(f"{_W}pStyle")
                if pstyle is not None:
                    linked.setdefault(a.get(f"{_W}abstractNumId", ""), {})[
                        pstyle.get(f"{_W}val", "")] = ilvl
                fmt = lvl.find(f"{_W}numFmt")
                text = lvl.find(f"{_W}lvlText")
                start = lvl.find(f"{_W}start")
                lv[ilvl] = (fmt.get(f"{_W}val", "decimal") if fmt is not None else "decimal",
                            text.get(f"{_W}val", "") if text is not None else "",
                            int(start.get(f"{_W}val", "1")) if start is not None else 1)
            abstract[a.get(f"{_W}abstractNumId", "")] = lv
        for num in root.iter(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            if ref is not None:
                num_id = num.get(f"{_W}numId", "")
                self.levels[num_id] = abstract.get(ref.get(f"{_W}val", ""), {})
                for style_id, ilvl in linked.get(ref.get(f"{_W}val", ""), {}).items():
                    self.style_levels[(num_id, style_id)] = ilvl

    def _num_pr(self, paragraph: Any) -> tuple[str, int] | None:
        """(numId, level) from the paragraph, else from its style or the styles it is based on."""
        ppr = paragraph._p.pPr
        numpr = ppr.numPr if ppr is not None else None
        if numpr is not None and numpr.numId is not None:
            return str(numpr.numId.val), int(numpr.ilvl.val) if numpr.ilvl is not None else 0
        try:
            style = paragraph.style
        except (KeyError, ValueError, AttributeError):
            return None
        for _ in range(10):  # a based-on chain; cycles happen in damaged files
            if style is None:
                return None
            ppr = style.element.pPr
            numpr = ppr.numPr if ppr is not None else None
            if numpr is not None and numpr.numId is not None:
                num_id = str(numpr.numId.val)
                if numpr.ilvl is not None:
                    return num_id, int(numpr.ilvl.val)
                return num_id, self.style_levels.get((num_id, style.style_id), 0)
            style = style.base_style
        return None

    def label(self, paragraph: Any) -> str:
        """The number Word shows before this paragraph ("2.", "b)"), or ""."""
        found = self._num_pr(paragraph)
        if found is None:
            return ""
        num_id, ilvl = found
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels or not 0 <= ilvl < 9:
            return ""
        counters = self.counters.setdefault(num_id, [0] * 9)
        counters[ilvl] = counters[ilvl] + 1 if counters[ilvl] else levels[ilvl][2]
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = 0
        fmt, pattern, _ = levels[ilvl]
        if fmt == "bullet" or not pattern:
            return ""

        def level_value(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            if k not in levels:
                return ""
            return _format_number(counters[k] or levels[k][2], levels[k][0])

        return re.sub(r"%([1-9])", level_value, pattern)


def _docx_paragraph_text(p: Any) -> str:
    """A paragraph's text with tracked insertions kept and tracked deletions left out
    (python-docx's Paragraph.text skips runs inside <w:ins>)."""
    out: list[str] = []
    for el in p.iter(*_TEXT_TAGS):
        if any(a.tag == f"{_W}del" for a in el.iterancestors()):
            continue
        out.append(el.text or "" if el.tag == f"{_W}t" else _TEXT_TAGS[el.tag])
    return "".join(out)


def _docx_elements(element: Any) -> Iterator[Any]:
    """Paragraphs and tables in order, looking inside content controls (<w:sdt>)."""
    for child in element.iterchildren():
        if child.tag in (f"{_W}p", f"{_W}tbl"):
            yield child
        elif child.tag in (f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml",
                           f"{_W}smartTag"):
            yield from _docx_elements(child)


def _docx_blocks(container: Any, numbering: _Numbering) -> Iterator[str]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    parent = container
    element = getattr(container, "_element", None)
    if element is None:
        element = container._tc  # a table cell
    body = element.find(f"{_W}body")  # the document's element wraps its body
    for child in _docx_elements(body if body is not None else element):
        if child.tag == f"{_W}tbl":
            yield from _docx_table(Table(child, parent), numbering)
        else:
            paragraph = Paragraph(child, parent)
            label = numbering.label(paragraph)
            text = _docx_paragraph_text(child).replace("\r", "\n")
            yield f"{label} {text}" if label and text.strip() else text


def _docx_table(table: Any, numbering: _Numbering) -> Iterator[str]:
    yield ""
    for row in table.rows:
        seen: set[int] = set()
        cells = []
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell appears once per column it spans
                continue
            seen.add(id(cell._tc))
            cells.append(_one_line(" ".join(_docx_blocks(cell, numbering))))
        while cells and not cells[-1]:
            cells.pop()
        if cells:
            yield CELL_SEPARATOR.join(cells)
    yield ""


def read_docx(name: str, data: bytes) -> Document:
    import docx

    open_zip(name, data, "Word").close()
    try:
        document = docx.Document(io.BytesIO(data))
    except (KeyError, ValueError) as exc:
        raise UnreadableDocument(
            name, "the Word file is damaged or not a real .docx; open it in Word and save it again"
        ) from exc
    numbering = _Numbering(document)
    lines: list[str] = []
    sections = document.sections
    if len(sections):  # the letterhead often lives in the first page header
        header = sections[0].header
        if not header.is_linked_to_previous:
            lines.extend(_docx_blocks(header, _Numbering(document)))
            lines.append("")
    for n, block in enumerate(_docx_blocks(document, numbering)):
        lines.append(block)
        if n % 200 == 0:
            check_time(name)
    doc = _finish(lines, "docx", name)
    props = document.core_properties
    if props.title and props.title.strip():
        doc.metadata["title"] = props.title.strip()
    return doc


# --- .odt ----------------------------------------------------------------------------------

def looks_like_odt(data: bytes) -> bool:
    return b"application/vnd.oasis.opendocument.text" in data[:200]


class _OdtLists:
    """OpenDocument's automatic list numbers, from the list styles, as the reader sees them."""

    def __init__(self, document: Any) -> None:
        from odf.namespaces import STYLENS, TEXTNS
        from odf.text import ListStyle

        self.levels: dict[str, dict[int, tuple[str, str, str, int]]] = {}
        self.last: dict[str, int] = {}  # style -> last top-level number, for continued lists
        for styles in (document.styles, document.automaticstyles):
            for style in styles.getElementsByType(ListStyle) if styles else []:
                levels: dict[int, tuple[str, str, str, int]] = {}
                for lvl in style.childNodes:
                    if lvl.qname != (TEXTNS, "list-level-style-number"):
                        continue
                    levels[int(lvl.getAttrNS(TEXTNS, "level") or 1)] = (
                        lvl.getAttrNS(STYLENS, "num-format") or "",
                        lvl.getAttrNS(STYLENS, "num-prefix") or "",
                        lvl.getAttrNS(STYLENS, "num-suffix") or "",
                        int(lvl.getAttrNS(TEXTNS, "start-value") or 1))
                self.levels[style.getAttrNS(STYLENS, "name") or ""] = levels

    def label(self, style: str | None, level: int, number: int) -> str:
        fmt, prefix, suffix, _ = self.levels.get(style or "", {}).get(level, ("", "", "", 1))
        if not fmt:
            return ""
        word = {"a": _letters(number), "A": _letters(number).upper(), "i": _roman(number),
                "I": _roman(number).upper()}.get(fmt, str(number))
        return f"{prefix}{word}{suffix}"

    def start(self, style: str | None, level: int) -> int:
        return self.levels.get(style or "", {}).get(level, ("", "", "", 1))[3]


def _odt_blocks(element: Any, lists: _OdtLists, style: str | None = None,
                level: int = 0) -> Iterator[str]:
    from odf import teletype
    from odf.namespaces import TABLENS, TEXTNS

    for child in element.childNodes:
        if child.nodeType != child.ELEMENT_NODE:
            continue
        if child.qname in ((TEXTNS, "p"), (TEXTNS, "h")):
            yield teletype.extractText(child)
        elif child.qname == (TABLENS, "table"):
            yield ""
            for _, row in odf_rows(child):
                yield CELL_SEPARATOR.join(text for _, text in row)
            yield ""
        elif child.qname == (TEXTNS, "list"):
            yield from _odt_list(child, lists, child.getAttrNS(TEXTNS, "style-name") or style,
                                 level + 1)
        elif child.qname[1] in ("list-header", "section", "div", "index-body",
                                "table-of-content", "note", "note-body", "alphabetical-index",
                                "illustration-index"):
            yield from _odt_blocks(child, lists, style, level)


def _odt_list(element: Any, lists: _OdtLists, style: str | None, level: int) -> Iterator[str]:
    from odf.namespaces import TEXTNS

    continues = element.getAttrNS(TEXTNS, "continue-numbering") == "true"
    number = lists.last.get(style or "", 0) if continues and level == 1 else \
        lists.start(style, level) - 1
    for item in element.childNodes:
        if item.nodeType != item.ELEMENT_NODE or item.qname[1] not in ("list-item",
                                                                      "list-header"):
            continue
        label = ""
        if item.qname[1] == "list-item":
            restart = item.getAttrNS(TEXTNS, "start-value")
            number = int(restart) if restart and restart.isdigit() else number + 1
            label = lists.label(style, level, number)
        for n, block in enumerate(_odt_blocks(item, lists, style, level)):
            yield f"{label} {block}" if n == 0 and label and block.strip() else block
    if level == 1:
        lists.last[style or ""] = number


def read_odt(name: str, data: bytes) -> Document:
    from odf.opendocument import load

    open_zip(name, data, "OpenDocument").close()
    document = load(io.BytesIO(data))
    doc = _finish(list(_odt_blocks(document.text, _OdtLists(document))), "odt", name)
    from odf.dc import Title

    titles = document.meta.getElementsByType(Title) if document.meta else []
    if titles and str(titles[0]).strip():
        doc.metadata["title"] = str(titles[0]).strip()
    return doc


# --- old binary Office files and password-protected ones -----------------------------------

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def looks_like_ole_office(data: bytes) -> bool:
    """An OLE compound file that is not an Outlook message (those have __substg1.0_ streams)."""
    return data.startswith(OLE_MAGIC) and _utf16("__substg1.0_") not in data


def read_ole_office(name: str, data: bytes) -> Document:
    if _utf16("EncryptedPackage") in data:
        raise UnreadableDocument(name, "the file is password-protected; ask the authority for "
                                       "a copy without a password")
    if _utf16("WordDocument") in data:
        raise UnreadableDocument(name, "it is an old Word .doc file; open it and save it as "
                                       ".docx or PDF, then add it again")
    if _utf16("Workbook") in data or _utf16("Book") in data:
        raise UnreadableDocument(name, "it is an old Excel .xls file; open it and save it as "
                                       ".xlsx or CSV, then add it again")
    raise UnreadableDocument(name, "it is an old Microsoft Office file foicollate cannot read; "
                                   "save it as PDF, .docx or .xlsx and add it again")


register(Reader("docx", (".docx", ".docm"), read_docx, sniff=looks_like_docx))
register(Reader("odt", (".odt",), read_odt, sniff=looks_like_odt))
register(Reader("ole", (".doc", ".xls", ".ppt"), read_ole_office, sniff=looks_like_ole_office))
