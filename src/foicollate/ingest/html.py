"""Saved web pages (council disclosure logs): the main content, without menus and footers."""

from __future__ import annotations

import re

from foicollate.ingest import Reader, register
from foicollate.ingest.text import decode
from foicollate.model import Document

_HTML_START = re.compile(rb"^\s*(<!doctype html|<html|<head|<body|<\?xml[^>]*>\s*<html)", re.I)


def looks_like_html(data: bytes) -> bool:
    return bool(_HTML_START.match(data[:512]))


def html_to_text(markup: str) -> str:
    """Main content as plain text: trafilatura first, every visible line as a fallback."""
    import trafilatura

    text = trafilatura.extract(
        markup,
        include_tables=True,
        include_comments=False,
        include_links=False,
        favor_recall=True,
        deduplicate=False,
    )
    if not text or len(text.strip()) <= 40:
        return _visible_text(markup)
    head = [ln for ln in _page_facts(markup) if ln not in text]
    return "\n".join([*head, _one_column_tables(text.strip())]) + "\n"


_ROW = re.compile(r"\|(.*)\|\s*")
_RULE = re.compile(r"\|(?:\s*:?-{3,}:?\s*\|)+\s*")


def _one_column_tables(text: str) -> str:
    """A table of one column is a list of lines: its rows lose their bars, so a year on one row
    and its figure on the next read as they would in a letter ("2020/21" then "£1,234,567")."""
    out: list[str] = []
    run: list[str] = []  # the table rows in a row, rules included
    for line in [*text.split("\n"), ""]:
        if _ROW.fullmatch(line) or _RULE.fullmatch(line):
            run.append(line)
            continue
        cells = [m.group(1) for ln in run if not _RULE.fullmatch(ln) and (m := _ROW.fullmatch(ln))]
        if all("|" not in c for c in cells):
            out.extend(c.strip() for c in cells)
        else:
            out.extend(run)
        run = []
        out.append(line)
    return "\n".join(out[:-1])


def _page_facts(markup: str) -> list[str]:
    """What main-text extraction drops but a reader of the page sees: the page title and
    label/value lists (`<dl>` of reference, dates received and responded)."""
    from lxml import html as lhtml

    try:
        tree = lhtml.fromstring(markup)
    except Exception:  # an unparsable fragment: main text only
        return []
    out: list[str] = []
    title = " ".join(tree.xpath("string(//title)").split())
    if title:
        out.append(title)
    for dl in tree.xpath("//dl"):
        label = ""
        for el in dl:
            tag = el.tag if isinstance(el.tag, str) else ""
            value = " ".join(el.text_content().split())
            if tag == "dt":
                label = value.rstrip(":")
            elif tag == "dd" and value:
                out.append(f"{label}: {value}" if label else value)
    return out


def _visible_text(markup: str) -> str:
    from lxml import html as lhtml

    tree = lhtml.fromstring(markup)
    for bad in tree.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    lines = [ln.strip() for ln in tree.text_content().splitlines()]
    return "\n".join(ln for ln in lines if ln) + "\n"


def read_html(name: str, data: bytes) -> Document:
    markup = decode(name, data)
    doc = Document(id="", text=html_to_text(markup), format="html")
    m = re.search(r"<title[^>]*>(.*?)</title>", markup, re.I | re.S)
    if m:
        doc.metadata["title"] = re.sub(r"\s+", " ", m.group(1)).strip()
    return doc


register(Reader("html", (".html", ".htm", ".xhtml"), read_html, sniff=looks_like_html))
