"""Read a file into a Document: one reader per format behind one interface.

Readers register themselves exactly as an outside plugin would: a `Reader` names the
extensions and a content sniff it accepts, and `read_document` picks the first that
claims the file. `read_documents` walks folders and never lets one bad file stop a batch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from foicollate.errors import UnreadableDocument
from foicollate.model import Document, Failure

#: A reader turns (path or name, raw bytes) into a Document.
ReadFn = Callable[[str, bytes], Document]


@dataclass(frozen=True)
class Reader:
    name: str
    extensions: tuple[str, ...]  # lower-case, with the dot: (".pdf",)
    read: ReadFn
    sniff: Callable[[bytes], bool] | None = None  # True when the bytes are this format


READERS: list[Reader] = []

#: Files over this size are refused with a clear message rather than read.
MAX_FILE_BYTES = 200 * 1024 * 1024


def register(reader: Reader) -> Reader:
    """Add a reader; a later registration for the same name replaces the earlier one."""
    READERS[:] = [r for r in READERS if r.name != reader.name]
    READERS.append(reader)
    return reader


def reader_for(name: str, data: bytes) -> Reader:
    """Choose a reader by content first, then by extension."""
    for r in READERS:
        if r.sniff is not None and r.sniff(data):
            return r
    suffix = Path(name).suffix.lower()
    for r in READERS:
        if suffix in r.extensions:
            return r
    raise UnreadableDocument(
        name,
        f"foicollate cannot read '{suffix or 'extensionless'}' files; "
        "save it as PDF, Word, text or a spreadsheet and add it again",
    )


def read_bytes(name: str, data: bytes, doc_id: str | None = None) -> Document:
    """Read one file's bytes; raises UnreadableDocument with a one-sentence reason."""
    if not data.strip():
        raise UnreadableDocument(name, "the file is empty; check the download and add it again")
    if len(data) > MAX_FILE_BYTES:
        raise UnreadableDocument(
            name, f"the file is over {MAX_FILE_BYTES // 2**20} MB; split it or extract the reply"
        )
    reader = reader_for(name, data)
    try:
        doc = reader.read(name, data)
    except UnreadableDocument:
        raise
    except Exception as exc:  # a library's own error on a bad file becomes one sentence
        raise UnreadableDocument(
            name, f"the {reader.name} reader failed ({type(exc).__name__}: {exc}); "
            "check the file opens, or save it in another format"
        ) from exc
    doc.id = doc_id or Path(name).stem
    doc.source = name
    return doc


def read_document(path: str | Path) -> Document:
    """Read one file into a Document (id = the file's stem)."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise UnreadableDocument(str(p), f"cannot open the file ({exc.strerror})") from exc
    return read_bytes(str(p), data, doc_id=p.stem)


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named, and files inside folders named (recursively, sorted, hidden ones skipped)."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                rel = f.relative_to(p)
                if f.is_file() and not any(part.startswith(".") for part in rel.parts):
                    yield f
        else:
            yield p


def read_documents(paths: Iterable[str | Path]) -> Iterator[Document | Failure]:
    """Read every file; a file that fails yields a Failure and the batch carries on."""
    for f in iter_files(paths):
        try:
            yield read_document(f)
        except UnreadableDocument as exc:
            yield Failure(str(f), exc.reason)


def _register_builtins() -> None:
    # Imported for their side effect of registering, as a plugin would be.
    from foicollate.ingest import html, text  # noqa: F401

    try:  # formats whose readers live in their own modules (PDF, Office, email, archives)
        from foicollate.ingest import builtin  # noqa: F401
    except ImportError:
        pass


_register_builtins()
