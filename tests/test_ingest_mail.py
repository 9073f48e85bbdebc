"""Email replies: headers as hints, body and every attachment read, recursively."""

from __future__ import annotations

import email
import email.policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from conftest import SHARED
from formats import to_docx, to_eml_attachment, to_eml_body, to_pdf, to_xlsx

from foicollate.errors import UnreadableDocument
from foicollate.ingest import read_bytes, read_document

LETTER = "Dear Ms Marsh,\n\n1. We operate 14 static libraries.\n\n2. This information is not held.\n"
MSG_DIR = SHARED / "fixtures" / "msg"


def test_plain_body_headers_become_hints() -> None:
    data = to_eml_body(LETTER, subject="Re: FOI request FOI/2023/0412",
                       sender="Eastmoor Council FOI Team <foi@eastmoor.gov.uk>")
    doc = read_bytes("reply.eml", data)
    assert doc.format == "eml"
    assert doc.text == LETTER  # a body alone needs no part header
    assert doc.metadata == {"sender": "Eastmoor Council FOI Team <foi@eastmoor.gov.uk>",
                            "date": "2023-03-14",
                            "subject": "Re: FOI request FOI/2023/0412"}
    assert doc.locate(0) == {"part": "email body"}


def test_html_body_becomes_text() -> None:
    doc = read_bytes("reply.eml", to_eml_body(LETTER, html=True))
    assert "<p>" not in doc.text
    assert " ".join(doc.text.split()) == " ".join(LETTER.split())


def test_pdf_attachment_keeps_its_pages_inside_the_part() -> None:
    doc = read_bytes("reply.eml", to_eml_attachment(LETTER, filename="FOI 0412 response.pdf"))
    assert doc.text == ("--- email body ---\nPlease find our response attached.\n\n"
                        "--- attachment: FOI 0412 response.pdf ---\n" + LETTER)
    at = doc.text.index("14 static")
    assert doc.locate(at) == {"part": "attachment: FOI 0412 response.pdf", "page": "1"}
    assert doc.locate(doc.text.index("Please find")) == {"part": "email body"}


def _email_with(*attachments: tuple[str, bytes, str, str], body: str = "See attached.") -> bytes:
    msg = EmailMessage()
    msg["From"] = "foi@westshire.gov.uk"
    msg["Subject"] = "FOI 77"
    msg["Message-ID"] = "<77@westshire.gov.uk>"
    msg.set_content(body)
    for filename, data, maintype, subtype in attachments:
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    return msg.as_bytes()


def test_every_attachment_is_read_in_order() -> None:
    data = _email_with(
        ("letter.docx", to_docx("Our answers follow."), "application",
         "vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("figures.xlsx", to_xlsx({"Figures": [["Libraries", 14]]}), "application",
         "vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    )
    doc = read_bytes("reply.eml", data)
    parts = [r.label for r in doc.regions if r.kind == "part"]
    assert parts == ["email body", "attachment: letter.docx", "attachment: figures.xlsx"]
    assert doc.locate(doc.text.index("14"))["cell"] == "Figures!B1"
    assert doc.locate(doc.text.index("14"))["part"] == "attachment: figures.xlsx"


def test_forwarded_email_inside_an_email_is_read_recursively() -> None:
    inner = email.message_from_bytes(to_eml_attachment(LETTER, subject="FOI response"),
                                     policy=email.policy.default)
    outer = EmailMessage()
    outer["From"] = "colleague@example.org"
    outer["Subject"] = "Fwd: FOI response"
    outer["Date"] = "Wed, 15 Mar 2023 09:00:00 +0000"
    outer["Message-ID"] = "<fwd@example.org>"
    outer.set_content("Forwarding the council's reply.")
    outer.add_attachment(inner)
    doc = read_bytes("fwd.eml", outer.as_bytes())
    assert doc.metadata["date"] == "2023-03-15"
    at = doc.text.index("14 static")
    assert doc.locate(at) == {"part": "attachment: FOI response.eml > attachment: response.pdf",
                              "page": "1"}


def test_a_broken_attachment_is_a_warning_not_a_failure() -> None:
    data = _email_with(("broken.pdf", to_pdf(LETTER)[:300], "application", "pdf"),
                       body=LETTER)
    doc = read_bytes("reply.eml", data)
    assert doc.text == LETTER
    assert len(doc.warnings) == 1
    assert doc.warnings[0].startswith("reply.eml/broken.pdf: the PDF is damaged")


def test_email_with_nothing_readable_fails_cleanly() -> None:
    data = _email_with(("broken.pdf", to_pdf(LETTER)[:300], "application", "pdf"), body="")
    with pytest.raises(UnreadableDocument, match="no body text and no readable attachment"):
        read_bytes("reply.eml", data)


def test_email_is_sniffed_but_a_letter_starting_with_date_is_not() -> None:
    assert read_bytes("saved-message", to_eml_body(LETTER)).format == "eml"
    letter = b"Date: 14 March 2023\nFrom: Eastmoor Council\n\nDear Ms Marsh,\n"
    assert read_bytes("reply.txt", letter).format == "text"


@pytest.mark.skipif(not MSG_DIR.exists(), reason="../shared/fixtures/msg not present")
def test_outlook_msg_body_only() -> None:
    doc = read_document(MSG_DIR / "strangeDate.msg")
    assert doc.format == "msg"
    assert doc.metadata == {"subject": "MSG Test File"}  # no sender, no date in this file
    assert doc.text.startswith("MSG test file\nPurpose: Provide example of this file type\n")
    assert "\r" not in doc.text


@pytest.mark.skipif(not MSG_DIR.exists(), reason="../shared/fixtures/msg not present")
def test_outlook_msg_with_attachments(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("foicollate.ingest.ocr.tesseract_available", lambda: False)
    doc = read_document(Path(MSG_DIR / "unicode.msg"))
    assert doc.metadata["sender"] == "Brian Zhou <brizhou@gmail.com>"
    assert doc.metadata["date"] == "2013-11-18"
    assert doc.metadata["subject"] == "Test for TIF files"
    assert doc.text.startswith("This is a test email to experiment with the MS Outlook MSG")
    # the two TIF screenshots need OCR, which this test switches off: named, not fatal
    assert len(doc.warnings) == 2
    assert all("tesseract-ocr" in w and ".tif" in w for w in doc.warnings)


def test_saved_web_page_mhtml_reads_the_page_not_the_wrapper() -> None:
    from email.mime.image import MIMEImage
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText

    page = ("<html><head><title>FOI 0412 - Eastmoor Council</title></head><body>"
            "<nav><a href='/'>Home</a></nav><main><h1>FOI 0412: library opening hours</h1>"
            "<p>The Council operates 14 static public libraries across the borough and "
            "publishes their opening hours on its website.</p>"
            "<p>This information about volunteers is not held by the Council.</p></main>"
            "</body></html>")
    mht = MIMEMultipart("related")
    mht["From"] = "<Saved by Blink>"
    mht["Snapshot-Content-Location"] = "https://www.eastmoor.gov.uk/foi/0412"
    mht["MIME-Version"] = "1.0"
    mht.attach(MIMEText(page, "html"))
    mht.attach(MIMEImage(b"GIF89a" + b"\x00" * 30_000, "gif"))
    doc = read_bytes("disclosure.mht", mht.as_bytes())
    assert doc.format == "mhtml"
    assert "14 static public libraries" in doc.text and "not held" in doc.text
    assert doc.metadata == {"title": "FOI 0412 - Eastmoor Council",
                            "url": "https://www.eastmoor.gov.uk/foi/0412"}
    assert "sender" not in doc.metadata  # "Saved by Blink" is not who replied


def test_html_body_as_outlook_writes_it() -> None:
    from foicollate.ingest.mail import html_body_to_text

    html = """<html><head><style>p {margin:0}</style></head>
    <body>
      <div class=WordSection1>
        <p class=MsoNormal>Dear Ms Marsh,</p>
        <p class=MsoNormal>&nbsp;</p>
        <p class=MsoNormal>Our answers:</p>
        <table>
          <tr>
            <td>Year</td>
            <td>Hours</td>
          </tr>
          <tr><td>2022/23</td><td>503&nbsp;&nbsp; (scheduled)</td></tr>
        </table>
        <div>Line one</div>
        <div>Line two<br>Line three</div>
        <div><br></div>
        <div>Regards,<br>Eastmoor Council<!-- signature --></div>
        <script>var tracking = 1;</script>
      </div>
    </body></html>"""
    assert html_body_to_text(html) == (
        "Dear Ms Marsh,\n\nOur answers:\n\nYear | Hours\n2022/23 | 503   (scheduled)\n\n"
        "Line one\nLine two\nLine three\n\nRegards,\nEastmoor Council")


def test_html_alternative_is_preferred_when_it_holds_a_table() -> None:
    msg = EmailMessage()
    msg["From"] = "foi@eastmoor.gov.uk"
    msg["Message-ID"] = "<t@eastmoor.gov.uk>"
    msg.set_content("Year\nHours\n2022/23\n503\n")  # how a mail program flattens the table
    msg.add_alternative("<table><tr><td>Year</td><td>Hours</td></tr>"
                        "<tr><td>2022/23</td><td>503</td></tr></table>", subtype="html")
    assert read_bytes("reply.eml", msg.as_bytes()).text == "Year | Hours\n2022/23 | 503\n"
    plain = EmailMessage()
    plain["From"] = "foi@eastmoor.gov.uk"
    plain["Message-ID"] = "<p@eastmoor.gov.uk>"
    plain.set_content("We hold 14 libraries.\n")
    plain.add_alternative("<p>We hold <b>14</b> libraries.</p>", subtype="html")
    assert read_bytes("reply.eml", plain.as_bytes()).format == "eml"
    assert read_bytes("reply.eml", plain.as_bytes()).text == "We hold 14 libraries.\n"
