"""Zip bundles: every file inside read as part of one reply, extracted in memory with limits.

Nothing is written to disk, so a member named "../../x" cannot escape anywhere; it is still
refused, as are encrypted members, too many files, too many bytes and zip bombs.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePosixPath

from foicollate.errors import UnreadableDocument
from foicollate.ingest import Reader, add_part, check_time, join_parts, register
from foicollate.model import Document

#: Most files a bundle may hold.
MAX_MEMBERS = 500
#: Most bytes its files may hold once uncompressed, all together.
MAX_TOTAL_BYTES = 200 * 1024 * 1024
#: A file that grows more than this many times when uncompressed is a zip bomb.
MAX_RATIO = 200
#: Files smaller than this are not checked for ratio (tiny text compresses well).
RATIO_FLOOR = 1024 * 1024

_OFFICE_MARKERS = ("word/document.xml", "xl/workbook.xml", "ppt/presentation.xml", "mimetype",
                   "[Content_Types].xml")
_SKIP = ("__MACOSX/", ".DS_Store", "Thumbs.db", "desktop.ini")


def zip_names(data: bytes) -> list[str] | None:
    """The member names when the bytes are a readable zip, else None."""
    if not data.startswith(b"PK"):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return zf.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, KeyError, NotImplementedError):
        return None


def open_zip(name: str, data: bytes, what: str) -> zipfile.ZipFile:
    """Open a zip container, or raise UnreadableDocument saying it is damaged."""
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, KeyError,
            NotImplementedError) as exc:
        raise UnreadableDocument(
            name, f"the {what} file is damaged or incomplete; download it again or ask the "
            "authority to resend it"
        ) from exc


def read_member(name: str, zf: zipfile.ZipFile, info: zipfile.ZipInfo,
                limit: int = MAX_TOTAL_BYTES) -> bytes:
    """One member's bytes, refusing encryption, bombs and anything over `limit`."""
    if info.flag_bits & 0x1:
        raise UnreadableDocument(
            name, f"'{info.filename}' inside it is password-protected; ask the authority for "
            "an unprotected copy"
        )
    if info.file_size > limit:
        raise UnreadableDocument(
            name, f"'{info.filename}' inside it is over {limit // 2**20} MB uncompressed; "
            "extract the reply and add it on its own"
        )
    if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(1, info.compress_size):
        raise UnreadableDocument(
            name, f"'{info.filename}' inside it expands over {MAX_RATIO} times (a zip bomb); "
            "extract the reply yourself if you trust it"
        )
    with zf.open(info) as fh:  # the declared size may lie: read no more than the limit
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise UnreadableDocument(
            name, f"'{info.filename}' inside it is over {limit // 2**20} MB uncompressed; "
            "extract the reply and add it on its own"
        )
    return data


def looks_like_zip(data: bytes) -> bool:
    names = zip_names(data)
    return names is not None and not any(m in names for m in _OFFICE_MARKERS)


def safe_member_name(info: zipfile.ZipInfo) -> str | None:
    """The member's path when it is a plain relative file path, else None."""
    path = PurePosixPath(info.filename.replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts or ":" in info.filename:
        return None
    return str(path)


def read_zip(name: str, data: bytes) -> Document:
    zf = open_zip(name, data, "zip")
    with zf:
        infos = [i for i in zf.infolist() if not i.is_dir()
                 and not any(s in i.filename for s in _SKIP)]
        if len(infos) > MAX_MEMBERS:
            raise UnreadableDocument(
                name, f"the zip holds over {MAX_MEMBERS} files; extract the reply's files and "
                "add those"
            )
        if sum(i.file_size for i in infos) > MAX_TOTAL_BYTES:
            raise UnreadableDocument(
                name, f"the zip's files come to over {MAX_TOTAL_BYTES // 2**20} MB uncompressed; "
                "extract the reply's files and add those"
            )
        parts: list[tuple[str, Document]] = []
        warnings: list[str] = []
        total = 0
        for info in sorted(infos, key=lambda i: i.filename):
            check_time(name)
            member = safe_member_name(info)
            if member is None:
                warnings.append(f"{name}: skipped '{info.filename}', whose path points outside "
                                "the zip")
                continue
            blob = read_member(name, zf, info, MAX_TOTAL_BYTES - total)
            total += len(blob)
            add_part(parts, warnings, f"file: {member}", f"{name}/{member}", blob)
    if not parts:
        reason = warnings[0] if warnings else "it holds no files"
        raise UnreadableDocument(name, f"nothing in the zip could be read ({reason.rstrip('.')}); "
                                       "extract it and check its files")
    text, regions = join_parts(parts)
    doc = Document(id="", text=text, format="zip", regions=regions, warnings=warnings)
    for _, part in parts:  # the first part's email headers or title are the bundle's hints
        for key, value in part.metadata.items():
            if key in ("sender", "date", "subject", "title"):
                doc.metadata.setdefault(key, value)
    return doc


register(Reader("zip", (".zip",), read_zip, sniff=looks_like_zip))
