"""Saved emails (.eml, Outlook .msg): the body and every attachment make one reply.

Headers become hints in `metadata` (sender, date, subject); the body (HTML made text) and
each attachment are read with the other readers, recursively (a forwarded .msg inside an
.eml, a PDF inside a zip), and joined with a "--- attachment: name ---" line per part.
"""

from __future__ import annotations

import email
import email.policy
import re
from datetime import datetime
from email.message import EmailMessage, Message
from email.utils import parsedate_to_datetime
from typing import Any

from foicollate.errors import UnreadableDocument
from foicollate.ingest import Reader, add_part, check_time, join_parts, register
from foicollate.ingest.text import decode
from foicollate.model import Document

#: Images smaller than this are logos and signatures, not scanned letters.
MIN_IMAGE_BYTES = 20_000
#: Most attachments read from one email.
MAX_ATTACHMENTS = 100

_HEADER_LINE = re.compile(rb"^[A-Za-z][A-Za-z0-9-]*:[ \t]?")
_EMAIL_HEADERS = (b"message-id:", b"mime-version:", b"received:", b"return-path:",
                  b"x-mailer:", b"delivered-to:", b"dkim-signature:")


def looks_like_eml(data: bytes) -> bool:
    """RFC 822 headers up to the first blank line, with From: and a header only mail has."""
    head = data[:16384].replace(b"\r\n", b"\n").split(b"\n\n", 1)[0]
    lines = head.split(b"\n")
    if not lines or not _HEADER_LINE.match(lines[0]):
        return False
    for line in lines:
        if not (_HEADER_LINE.match(line) or line[:1] in (b" ", b"\t")):
            return False
    lowered = head.lower()
    has_from = lowered.startswith(b"from:") or b"\nfrom:" in lowered
    return has_from and any(lowered.startswith(h) or b"\n" + h in lowered
                            for h in _EMAIL_HEADERS)


def _header_hints(sender: str | None, date: datetime | None, subject: str | None
                  ) -> dict[str, str]:
    hints: dict[str, str] = {}
    if sender and sender.strip():
        hints["sender"] = " ".join(sender.split())
    if date:
        hints["date"] = date.date().isoformat()
    if subject and subject.strip():
        hints["subject"] = " ".join(subject.split())
    return hints


_PARAGRAPHS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "blockquote",
               "pre", "dl", "hr"}
_LINES = {"div", "li", "tr", "dt", "dd", "section", "article", "header", "footer", "address",
          "center", "caption", "thead", "tbody", "tfoot", "form", "fieldset"}
_CELLS = {"td", "th"}
_SPACES = re.compile(r"[ \t\r\n\f]+")  # HTML's white space: not &nbsp;, which is kept
_INVISIBLE = {"script", "style", "head", "title", "meta", "noscript", "template"}


def html_body_to_text(markup: str) -> str:
    """An HTML email body as text, every visible word kept (signatures name the sender).

    Web-page extraction (trafilatura) drops boilerplate, which in an email is the
    sign-off naming the authority; here <p>, headings and tables are paragraphs, <div>
    and <br> are lines (as Gmail and Outlook write them), table cells are joined by " | ".
    """
    from lxml import etree
    from lxml import html as lhtml

    try:
        root = lhtml.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        return ""
    out: list[str] = []

    def newline(blank: bool) -> None:
        ending = "".join(out[-6:]).rstrip(" ")  # spaces left by indented markup don't count
        if not ending.strip() or ending.endswith("\n\n") or (not blank and ending.endswith("\n")):
            return
        out.append("\n\n" if blank and not ending.endswith("\n") else "\n")

    def walk(el: etree._Element, pre: bool) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.lower().rsplit("}", 1)[-1]
        if tag in _INVISIBLE or not tag:  # comments and processing instructions too
            if el.tail:
                out.append(el.tail if pre else _SPACES.sub(" ", el.tail))
            return
        pre = pre or tag == "pre"
        if tag in _PARAGRAPHS:
            newline(True)
        elif tag in _LINES:
            newline(False)
        elif tag in _CELLS and el.getprevious() is not None:
            out.append(" | ")
        if tag == "br":
            out.append("\n")
        if el.text:
            out.append(el.text if pre else _SPACES.sub(" ", el.text))
        for child in el:
            walk(child, pre)
        if tag in _PARAGRAPHS:
            newline(True)
        elif tag in _LINES:
            newline(False)
        if el.tail:
            out.append(el.tail if pre else _SPACES.sub(" ", el.tail))

    body = root.find("body")
    walk(body if body is not None else root, False)
    text = re.sub(r" {2,}", " ", "".join(out))  # where chunks met; &nbsp; runs stay
    lines = [line.strip().replace("\xa0", " ").rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


def _body_document(text: str, fmt: str) -> Document:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ")
    text = re.sub(r"\n{3,}", "\n\n", text).strip("\n")
    return Document(id="", text=text + "\n" if text else "", format=fmt)


def assemble(name: str, fmt: str, body: Document | None,
             attachments: list[tuple[str, bytes]], hints: dict[str, str]) -> Document:
    """Body + attachments -> one Document; an attachment that fails becomes a warning."""
    parts: list[tuple[str, Document]] = []
    warnings: list[str] = []
    if body is not None and body.text.strip():
        parts.append(("email body", body))
    for filename, blob in attachments[:MAX_ATTACHMENTS]:
        check_time(name)
        add_part(parts, warnings, f"attachment: {filename}", f"{name}/{filename}", blob)
    if len(attachments) > MAX_ATTACHMENTS:
        warnings.append(f"{name}: only the first {MAX_ATTACHMENTS} attachments were read")
    if not parts:
        reason = f" ({warnings[0].rstrip('.')})" if warnings else ""
        raise UnreadableDocument(name, f"the email has no body text and no readable "
                                       f"attachment{reason}; save the reply itself and add it")
    text, regions = join_parts(parts)
    doc = Document(id="", text=text, format=fmt, regions=regions, metadata=hints,
                   warnings=warnings)
    for _, part in parts:
        if "title" in part.metadata:
            doc.metadata.setdefault("title", part.metadata["title"])
    return doc


# --- .eml ----------------------------------------------------------------------------------

def _part_text(part: Message) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    charset = part.get_content_charset()
    if charset:
        try:
            return payload.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return decode("email body", payload)
    except UnreadableDocument:
        return payload.decode("utf-8", "replace")


def _eml_body(msg: EmailMessage) -> tuple[Document | None, Message | None]:
    """The body: plain text, unless the HTML version holds a table (mail programs flatten
    tables in the plain-text version they write alongside)."""
    part = msg.get_body(preferencelist=("plain", "html"))
    html = msg.get_body(preferencelist=("html",))
    if html is not None and part is not html and re.search(r"<table", _part_text(html), re.I):
        part = html
    if part is None:
        return None, None
    raw = _part_text(part)
    if part.get_content_subtype() == "html":
        return _body_document(html_body_to_text(raw) if raw.strip() else "", "html"), part
    return _body_document(raw, "text"), part


def _attachment_name(part: Message, index: int) -> str:
    filename = part.get_filename()
    if filename:
        return " ".join(str(filename).replace("/", "_").replace("\\", "_").split())
    if part.get_content_type() == "message/rfc822":
        inner = part.get_payload(0) if part.is_multipart() else None
        subject = inner.get("Subject") if isinstance(inner, Message) else None
        return f"{' '.join(str(subject).split()) if subject else 'message'}.eml"
    return f"part-{index}"


def _eml_attachments(msg: EmailMessage, body: Message | None) -> list[tuple[str, bytes]]:
    out: list[tuple[str, bytes]] = []
    stack: list[Message] = [msg]
    index = 0
    while stack:
        part = stack.pop(0)
        if part is body:
            continue
        ctype = part.get_content_type()
        if ctype == "message/rfc822":  # a forwarded email: read it as an .eml of its own
            inner = part.get_payload(0) if part.is_multipart() else None
            if isinstance(inner, Message):
                index += 1
                out.append((_attachment_name(part, index), inner.as_bytes()))
            continue
        if part.is_multipart():
            stack[0:0] = [p for p in part.get_payload() if isinstance(p, Message)]
            continue
        if part is msg:
            continue
        disposition = part.get_content_disposition()
        filename = part.get_filename()
        if disposition != "attachment" and not filename:
            continue  # an alternative rendering of the body, or an inline logo
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes) or not payload.strip():
            continue
        if part.get_content_maintype() == "image" and len(payload) < MIN_IMAGE_BYTES:
            continue
        index += 1
        out.append((_attachment_name(part, index), payload))
    return out


def read_eml(name: str, data: bytes) -> Document:
    msg = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(msg, EmailMessage)
    if msg.defects and not msg.keys():
        raise UnreadableDocument(name, "it is not a readable email; save the message again "
                                       "from your mail program as .eml")
    if msg["Snapshot-Content-Location"] or name.lower().endswith((".mht", ".mhtml")):
        return read_mhtml(name, msg)
    try:
        date = parsedate_to_datetime(str(msg["Date"])) if msg["Date"] else None
    except (TypeError, ValueError, IndexError):
        date = None
    hints = _header_hints(str(msg["From"]) if msg["From"] else None, date,
                          str(msg["Subject"]) if msg["Subject"] else None)
    body, body_part = _eml_body(msg)
    return assemble(name, "eml", body, _eml_attachments(msg, body_part), hints)


def read_mhtml(name: str, msg: EmailMessage) -> Document:
    """A web page saved as one file (.mht): its page, main content only, as the HTML
    reader reads a saved page; its images and styles are not part of the reply."""
    from foicollate.ingest.html import html_to_text

    part = msg.get_body(preferencelist=("html", "plain"))
    markup = _part_text(part) if part is not None else ""
    text = html_to_text(markup) if markup.strip() and part is not None and \
        part.get_content_subtype() == "html" else markup
    doc = _body_document(text, "mhtml")
    if not doc.text.strip():
        raise UnreadableDocument(name, "the saved web page has no text; open it in a browser "
                                       "and save it as PDF instead")
    title = re.search(r"<title[^>]*>(.*?)</title>", markup, re.I | re.S)
    if title and title.group(1).strip():
        doc.metadata["title"] = " ".join(title.group(1).split())
    if msg["Snapshot-Content-Location"]:
        doc.metadata["url"] = str(msg["Snapshot-Content-Location"])
    return doc


# --- Outlook .msg --------------------------------------------------------------------------

def looks_like_msg(data: bytes) -> bool:
    return data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") and \
        "__substg1.0_".encode("utf-16-le") in data


def _msg_attachments(msg: Any, name: str) -> tuple[list[tuple[str, bytes]], list[str]]:
    """(filename, bytes) of each attachment, an embedded message as .msg bytes; skipped
    ones (unsupported kinds, unreadable streams) as warnings."""
    out: list[tuple[str, bytes]] = []
    warnings: list[str] = []
    for index, att in enumerate(getattr(msg, "attachments", []) or [], start=1):
        try:
            filename = getattr(att, "longFilename", None) or \
                getattr(att, "shortFilename", None) or f"attachment-{index}"
            filename = " ".join(str(filename).replace("/", "_").replace("\\", "_").split())
            payload = getattr(att, "data", None)
            if payload is not None and hasattr(payload, "exportBytes"):  # an embedded .msg
                if not filename.lower().endswith(".msg"):
                    filename += ".msg"
                out.append((filename, payload.exportBytes()))
                continue
            if not isinstance(payload, bytes) or not payload.strip():
                continue
            image = str(getattr(att, "mimetype", "") or "").startswith("image/")
            if image and len(payload) < MIN_IMAGE_BYTES:
                continue  # a logo or signature image
            out.append((filename, payload))
        except Exception as exc:  # extract-msg raises many types on odd attachments
            warnings.append(f"{name}: attachment {index} could not be taken out "
                            f"({type(exc).__name__}); save it from Outlook and add it")
    return out, warnings


def read_msg(name: str, data: bytes) -> Document:
    import extract_msg

    try:
        msg: Any = extract_msg.openMsg(data, strict=False)
    except Exception as exc:  # olefile and extract-msg raise many types on bad input
        raise UnreadableDocument(
            name, "the Outlook message is damaged or incomplete; save it again from Outlook "
            "(or as .eml) and add it"
        ) from exc
    try:
        body_text = msg.body or ""
        fmt = "text"
        if not body_text.strip() and msg.htmlBody:
            html = msg.htmlBody
            body_text = html_body_to_text(html.decode("utf-8", "replace")
                                          if isinstance(html, bytes) else str(html))
            fmt = "html"
        date = msg.date if isinstance(msg.date, datetime) else None
        hints = _header_hints(msg.sender, date, msg.subject)
        attachments, warnings = _msg_attachments(msg, name)
    finally:
        msg.close()
    doc = assemble(name, "msg", _body_document(body_text, fmt), attachments, hints)
    doc.warnings[:0] = warnings
    return doc


register(Reader("eml", (".eml", ".mht", ".mhtml"), read_eml, sniff=looks_like_eml))
register(Reader("msg", (".msg",), read_msg, sniff=looks_like_msg))
