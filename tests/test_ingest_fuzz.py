"""Fuzz the readers: mutated files of every format never crash, hang or fail unclearly.

Seeds are small fixtures in each format (made by tests/formats.py); hypothesis flips,
inserts, deletes, truncates and splices their bytes. Every input must give a Document or
an UnreadableDocument whose message is one line naming the file, within the time limit.
FOICOLLATE_FUZZ_EXAMPLES sets how many inputs run (10,000 by default).
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator

import pytest
from conftest import SHARED
from formats import (
    to_docx,
    to_eml_attachment,
    to_eml_body,
    to_ods,
    to_odt,
    to_pdf,
    to_scanned_pdf,
    to_xlsx,
    to_zip,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import foicollate.ingest as ingest
from foicollate.errors import UnreadableDocument
from foicollate.ingest import read_bytes
from foicollate.model import Document

EXAMPLES = int(os.environ.get("FOICOLLATE_FUZZ_EXAMPLES", "10000"))
#: Seconds any one mutated file may take (the reader's own limit is set lower, below).
TIME_LIMIT = 10.0

LETTER = ("EASTMOOR COUNCIL\nOur ref: FOI/2023/0412\n\nDear Ms Marsh,\n\n"
          "1. We operate 14 static libraries.\n\n2. This information is not held.\n"
          "Question\t2021/22\t2022/23\nHours\t498\t503\n")
FIGURES = {"Figures": [["Question", "Answer"], ["Libraries", 14], ["FTE", 48.6]]}


def _seeds() -> list[tuple[str, bytes]]:
    seeds = [
        ("reply.txt", LETTER.encode("utf-8")),
        ("reply.txt", LETTER.replace("–", "-").encode("cp1252")),
        ("reply.html", f"<html><body><p>{LETTER}</p></body></html>".encode()),
        ("reply.pdf", to_pdf(LETTER)),
        ("scan.pdf", to_scanned_pdf("Scanned reply", dpi=30)),
        ("reply.docx", to_docx(LETTER, table=[["a", "b"], ["1", "2"]])),
        ("reply.odt", to_odt(LETTER, table=[["a", "b"], ["1", "2"]])),
        ("figures.xlsx", to_xlsx(FIGURES)),
        ("figures.ods", to_ods(FIGURES)),
        ("figures.csv", b"Question,Answer\nLibraries,14\nFTE,48.6\n"),
        ("reply.eml", to_eml_body(LETTER)),
        ("reply-html.eml", to_eml_body(LETTER, html=True)),
        ("reply-pdf.eml", to_eml_attachment(LETTER)),
        ("bundle.zip", to_zip({"letter.pdf": to_pdf(LETTER), "figures.xlsx": to_xlsx(FIGURES)})),
    ]
    msg = SHARED / "fixtures" / "msg" / "strangeDate.msg"
    if msg.exists():
        seeds.append(("reply.msg", msg.read_bytes()))
    return seeds


SEEDS = _seeds()


@pytest.fixture(scope="module", autouse=True)
def _fast_limits() -> Iterator[None]:
    """No OCR (slow, and the scanned seed then tests the 'install tesseract' path) and a
    reader time limit well under the test's, so a slow input fails cleanly, not late."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("foicollate.ingest.ocr.tesseract_available", lambda: False)
        mp.setattr("foicollate.ingest.pdf.tesseract_available", lambda: False)
        mp.setattr(ingest, "MAX_SECONDS_PER_FILE", 5.0)
        yield


_mutation = st.one_of(
    st.tuples(st.just("flip"), st.floats(0, 1), st.integers(1, 255)),
    st.tuples(st.just("insert"), st.floats(0, 1), st.binary(min_size=1, max_size=64)),
    st.tuples(st.just("delete"), st.floats(0, 1), st.integers(1, 512)),
    st.tuples(st.just("truncate"), st.floats(0, 1), st.just(0)),
    st.tuples(st.just("repeat"), st.floats(0, 1), st.integers(1, 256)),
    st.tuples(st.just("splice"), st.floats(0, 1), st.integers(0, len(SEEDS) - 1)),
)


def mutate(data: bytes, mutations: list[tuple[str, float, object]]) -> bytes:
    out = bytearray(data)
    for op, where, arg in mutations:
        at = int(where * len(out))
        if op == "flip" and out:
            out[min(at, len(out) - 1)] ^= int(arg)  # type: ignore[call-overload]
        elif op == "insert":
            out[at:at] = arg  # type: ignore[assignment]
        elif op == "delete":
            del out[at:at + int(arg)]  # type: ignore[call-overload]
        elif op == "truncate":
            del out[at:]
        elif op == "repeat":
            out[at:at] = out[at:at + int(arg)]  # type: ignore[call-overload]
        elif op == "splice":
            other = SEEDS[int(arg)][1]  # type: ignore[call-overload]
            out[at:] = other[int(where * len(other)):]
    return bytes(out)


def check_one(name: str, data: bytes) -> str:
    """Read one input; return "ok" or "failed", raising AssertionError on anything unclean."""
    started = time.monotonic()
    try:
        doc = read_bytes(name, data)
    except UnreadableDocument as exc:
        message = str(exc)
        assert message.startswith(f"{name}: "), message
        assert "\n" not in message and len(message) < 600, message
        outcome = "failed"
    else:
        assert isinstance(doc, Document) and isinstance(doc.text, str)
        assert all("\n" not in w for w in doc.warnings), doc.warnings
        assert all(0 <= r.start <= r.end <= len(doc.text) for r in doc.regions)
        outcome = "ok"
    elapsed = time.monotonic() - started
    assert elapsed < TIME_LIMIT, f"{name} took {elapsed:.1f} s"
    return outcome


def test_every_seed_reads() -> None:
    for name, data in SEEDS:
        if name != "scan.pdf":  # needs OCR, switched off here
            assert check_one(name, data) == "ok", name


COUNTS = {"ok": 0, "failed": 0}


@settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
@given(seed=st.integers(0, len(SEEDS) - 1),
       mutations=st.lists(_mutation, min_size=1, max_size=4),
       keep_name=st.booleans())
def test_mutated_files_fail_cleanly(seed: int, mutations: list[tuple[str, float, object]],
                                    keep_name: bool) -> None:
    name, data = SEEDS[seed]
    # without its extension a file is chosen by content alone
    COUNTS[check_one(name if keep_name else "download", mutate(data, mutations))] += 1


def test_fuzz_ran_the_promised_number_of_inputs() -> None:
    if sum(COUNTS.values()) == 0:
        pytest.skip("run with the fuzz test")
    print(f"\nfuzz: {sum(COUNTS.values())} inputs, {COUNTS['ok']} read, "
          f"{COUNTS['failed']} refused cleanly")
    assert sum(COUNTS.values()) >= EXAMPLES * 0.95
