"""Read a file into a Document: one reader per format behind one interface.

Readers register themselves exactly as an outside plugin would: a `Reader` names the
extensions and a content sniff it accepts, and `read_document` picks the first that
claims the file. `read_documents` walks folders and never lets one bad file stop a batch.
"""

from __future__ import annotations

import contextlib
import contextvars
import re
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from foicollate.errors import UnreadableDocument
from foicollate.model import Document, Failure, Region

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
#: Seconds one top-level file may take, OCR included (about 400 scanned pages on 2 cores):
#: a guard against files that would hang the batch, not a budget for normal ones.
MAX_SECONDS_PER_FILE = 600.0
#: How deep containers may nest (a zip in an email in a zip ...).
MAX_NESTING = 5

_deadline: contextvars.ContextVar[float | None] = contextvars.ContextVar("_deadline", default=None)
_depth: contextvars.ContextVar[int] = contextvars.ContextVar("_depth", default=0)


def _too_slow(name: str) -> UnreadableDocument:
    return UnreadableDocument(
        name, f"reading it took longer than {MAX_SECONDS_PER_FILE:g} seconds; "
        "split it into smaller files or extract the reply and add that"
    )


def check_time(name: str) -> None:
    """Raise UnreadableDocument when the file being read has used up its time allowance."""
    deadline = _deadline.get()
    if deadline is not None and time.monotonic() > deadline:
        raise _too_slow(name)


class _OutOfTime(BaseException):
    """Raised by the alarm; a BaseException so libraries' `except Exception` cannot eat it."""


@contextlib.contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    """Interrupt Python code running past `seconds` (Unix, main thread, alarm unused);
    elsewhere the readers' own check_time calls between pages and parts are the limit."""
    usable = (hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
              and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.SIG_IGN, None))
    if not usable:
        yield
        return

    def ring(signum: int, frame: object) -> None:
        raise _OutOfTime

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def time_left() -> float | None:
    """Seconds left for the file being read, or None outside read_bytes."""
    deadline = _deadline.get()
    return None if deadline is None else max(0.0, deadline - time.monotonic())


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
    depth = _depth.get()
    if depth >= MAX_NESTING:
        raise UnreadableDocument(
            name, f"it is nested more than {MAX_NESTING} containers deep; extract the reply and add it"
        )
    depth_token = _depth.set(depth + 1)
    deadline_token = None
    if _deadline.get() is None:  # the top-level file sets the clock; its parts share it
        deadline_token = _deadline.set(time.monotonic() + MAX_SECONDS_PER_FILE)
    try:
        if deadline_token is None:
            doc = reader.read(name, data)
        else:
            with _alarm(MAX_SECONDS_PER_FILE + 1):  # +1: check_time's sentence comes first
                doc = reader.read(name, data)
    except _OutOfTime:
        raise _too_slow(name) from None
    except UnreadableDocument:
        raise
    except RecursionError as exc:
        raise UnreadableDocument(
            name, "its structure is nested too deeply to read; save it in another format"
        ) from exc
    except Exception as exc:  # a library's own error on a bad file becomes one sentence
        detail = re.sub(r"\s+", " ", f"{type(exc).__name__}: {exc}").strip()[:160]
        raise UnreadableDocument(
            name, f"the {reader.name} reader failed ({detail}); "
            "check the file opens, or save it in another format"
        ) from exc
    finally:
        _depth.reset(depth_token)
        if deadline_token is not None:
            _deadline.reset(deadline_token)
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


def add_part(parts: list[tuple[str, Document]], warnings: list[str], label: str, name: str, data: bytes) -> None:
    """Read one part of a container (a zip member, an e-mail attachment) into `parts`; an
    unreadable part becomes a warning, so one bad file does not sink the container."""
    try:
        part = read_bytes(name, data)
    except UnreadableDocument as exc:
        warnings.append(str(exc))
        return
    warnings.extend(part.warnings)
    parts.append((label, part))


def join_parts(parts: list[tuple[str, Document]]) -> tuple[str, list[Region]]:
    """One text for a container: a "--- label ---" line per part, child regions shifted.

    Each part gets a "part" region labelled `label` (nested parts as "outer > inner");
    its pages and cells keep their labels so evidence still says page 2 or Sheet1!B4.
    A container with a single part needs no header line: its text is the part's own.
    """
    chunks: list[str] = []
    regions: list[Region] = []
    offset = 0
    for label, doc in parts:
        header = f"--- {label} ---\n" if len(parts) > 1 else ""
        body = doc.text if doc.text.endswith("\n") or not doc.text else doc.text + "\n"
        start = offset
        chunks.append(header)
        offset += len(header)
        for r in doc.regions:
            child = f"{label} > {r.label}" if r.kind == "part" else r.label
            regions.append(Region(r.start + offset, r.end + offset, r.kind, child))
        chunks.append(body)
        offset += len(body)
        regions.append(Region(start, offset, "part", label))
        if body and len(parts) > 1:  # a blank line between parts keeps them apart
            chunks.append("\n")
            offset += 1
    if chunks and chunks[-1] == "\n":
        chunks.pop()
    regions.sort(key=lambda r: (r.start, -r.end))
    return "".join(chunks), regions


def _register_builtins() -> None:
    # Imported for their side effect of registering, as a plugin would be.
    from foicollate.ingest import html, text  # noqa: F401

    try:  # formats whose readers live in their own modules (PDF, Office, email, archives)
        from foicollate.ingest import builtin  # noqa: F401
    except ModuleNotFoundError as exc:  # absent is fine; a broken reader module is not
        if exc.name != "foicollate.ingest.builtin":
            raise


_register_builtins()
