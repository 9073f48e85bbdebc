"""Zip bundles: files inside read as parts of one reply, safely."""

from __future__ import annotations

import io
import zipfile

import pytest
from formats import to_eml_attachment, to_pdf, to_xlsx, to_zip

from foicollate import ingest
from foicollate.errors import UnreadableDocument
from foicollate.ingest import archive, read_bytes

LETTER = "Dear Ms Marsh,\n\nWe operate 14 static libraries.\n"


def test_files_in_a_zip_are_parts_with_their_own_pages_and_cells() -> None:
    data = to_zip({"response/letter.pdf": to_pdf(LETTER),
                   "response/figures.xlsx": to_xlsx({"Figures": [["Staff FTE", 48.6]]}),
                   "__MACOSX/._letter.pdf": b"resource fork junk"})
    doc = read_bytes("bundle.zip", data)
    assert doc.format == "zip"
    assert [r.label for r in doc.regions if r.kind == "part"] == \
        ["file: response/figures.xlsx", "file: response/letter.pdf"]
    assert doc.locate(doc.text.index("48.6")) == {"part": "file: response/figures.xlsx",
                                                  "sheet": "Figures", "cell": "Figures!B1"}
    assert doc.locate(doc.text.index("14 static")) == {"part": "file: response/letter.pdf",
                                                       "page": "1"}
    assert doc.warnings == []


def test_a_pdf_in_a_zip_in_an_email_is_found() -> None:
    import email.policy
    from email.message import EmailMessage

    msg = EmailMessage(policy=email.policy.default)
    msg["From"] = "foi@northshire.gov.uk"
    msg["Message-ID"] = "<z@northshire.gov.uk>"
    msg.set_content("Our reply is in the attached zip.")
    msg.add_attachment(to_zip({"letter.pdf": to_pdf(LETTER)}), maintype="application",
                       subtype="zip", filename="reply.zip")
    doc = read_bytes("reply.eml", msg.as_bytes())
    assert doc.locate(doc.text.index("14 static")) == {
        "part": "attachment: reply.zip > file: letter.pdf", "page": "1"}


def test_path_traversal_members_are_skipped_with_a_warning() -> None:
    data = to_zip({"../../etc/evil.txt": b"no", "/abs.txt": b"no", "letter.txt": LETTER.encode()})
    doc = read_bytes("bundle.zip", data)
    assert doc.text == LETTER
    assert len(doc.warnings) == 2 and all("points outside the zip" in w for w in doc.warnings)


def test_zip_bomb_is_refused() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("big.txt", b"0" * (20 * 1024 * 1024))  # 20 MB of zeros -> ~20 KB
    with pytest.raises(UnreadableDocument, match="zip bomb"):
        read_bytes("bomb.zip", buf.getvalue())


def test_a_member_that_lies_about_its_size_is_cut_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archive, "MAX_TOTAL_BYTES", 1000)
    monkeypatch.setattr(archive, "RATIO_FLOOR", 10**9)
    data = bytearray(to_zip({"a.txt": b"x" * 5000}))
    central = data.index(b"PK\x01\x02")
    data[central + 24:central + 28] = (10).to_bytes(4, "little")  # declared size: 10 bytes
    with pytest.raises(UnreadableDocument):
        read_bytes("liar.zip", bytes(data))


def test_too_many_files(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archive, "MAX_MEMBERS", 5)
    data = to_zip({f"f{i}.txt": b"reply text" for i in range(6)})
    with pytest.raises(UnreadableDocument, match="over 5 files"):
        read_bytes("many.zip", data)


def test_encrypted_member_says_password_protected() -> None:
    data = bytearray(to_zip({"letter.txt": LETTER.encode()}))
    for marker, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.index(marker) + flag_at
        data[at] |= 0x1  # the "encrypted" bit, as a password-protected zip sets it
    with pytest.raises(UnreadableDocument, match="password-protected"):
        read_bytes("locked.zip", bytes(data))


def test_zips_nested_too_deep_are_refused() -> None:
    data = LETTER.encode()
    name = "letter.txt"
    for depth in range(ingest.MAX_NESTING + 1):
        data = to_zip({name: data})
        name = f"level{depth}.zip"
    with pytest.raises(UnreadableDocument, match="nested more than"):
        read_bytes("deep.zip", data)


def test_an_email_in_a_zip_keeps_its_header_hints() -> None:
    doc = read_bytes("bundle.zip", to_zip({"reply.eml": to_eml_attachment(LETTER)}))
    assert doc.metadata["date"] == "2023-03-14"
    assert "14 static" in doc.text


def test_empty_and_truncated_zips() -> None:
    with pytest.raises(UnreadableDocument, match="nothing in the zip could be read"):
        read_bytes("empty.zip", to_zip({"blank.txt": b"   "}))
    with pytest.raises(UnreadableDocument, match="damaged or incomplete"):
        read_bytes("cut.zip", to_zip({"letter.txt": LETTER.encode() * 50})[:60])
