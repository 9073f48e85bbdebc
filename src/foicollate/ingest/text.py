"""Plain text and Markdown replies, in whatever encoding they were saved."""

from __future__ import annotations

from charset_normalizer import from_bytes

from foicollate.errors import UnreadableDocument
from foicollate.ingest import Reader, register
from foicollate.model import Document


def decode(name: str, data: bytes) -> str:
    """Bytes to str: UTF-8 when it is, else the encoding charset-normalizer finds.

    Newlines are made universal ("\\n") as Python's text mode does, so character offsets
    agree with what any reader of the file sees.
    """
    try:
        text = data.decode("utf-8-sig")  # a byte-order mark is not part of the text
    except UnicodeDecodeError:
        results = from_bytes(data)
        best = results.best()
        if best is None:
            raise UnreadableDocument(
                name, "the bytes are not text in any encoding foicollate knows; "
                "open it and save it as UTF-8 text"
            ) from None
        # UK replies in a legacy encoding are nearly always Windows-1252; on short texts
        # charset-normalizer ranks cp852 or cp932 level with it, so prefer it on a tie
        best = next((m for m in results if m.encoding == "cp1252" and m.chaos <= best.chaos),
                    best)
        text = str(best).lstrip("\ufeff")
    if "\x00" in text:
        raise UnreadableDocument(name, "this looks like a binary file, not text; "
                                 "check its type and extension")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(name: str, data: bytes) -> Document:
    return Document(id="", text=decode(name, data), format="text")


register(Reader("text", (".txt", ".text", ".md", ".markdown", ".rst"), read_text))
