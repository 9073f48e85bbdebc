"""Limits every reader shares: time, size, emptiness, unknown and undecodable files."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator

import pytest

import foicollate.ingest as ingest
from foicollate.errors import UnreadableDocument
from foicollate.ingest import Reader, read_bytes, register
from foicollate.model import Document


@pytest.fixture
def readers() -> Iterator[None]:
    saved = list(ingest.READERS)
    yield
    ingest.READERS[:] = saved


def test_a_reader_stuck_in_a_loop_is_stopped_at_the_time_limit(
        readers: None, monkeypatch: pytest.MonkeyPatch) -> None:
    def stuck(name: str, data: bytes) -> Document:
        while True:  # a library that swallows errors cannot swallow the limit
            with contextlib.suppress(Exception):
                sum(range(1000))

    register(Reader("stuck", (".stuck",), stuck))
    monkeypatch.setattr(ingest, "MAX_SECONDS_PER_FILE", 0.5)
    started = time.monotonic()
    with pytest.raises(UnreadableDocument, match="took longer than 0.5 seconds"):
        read_bytes("reply.stuck", b"anything")
    assert time.monotonic() - started < 5
    assert read_bytes("next.txt", b"The batch carries on.").text == "The batch carries on."


def test_readers_that_check_the_clock_stop_too(readers: None,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    def pages(name: str, data: bytes) -> Document:
        while True:
            time.sleep(0.01)
            ingest.check_time(name)

    register(Reader("pages", (".pages",), pages))
    monkeypatch.setattr(ingest, "MAX_SECONDS_PER_FILE", 0.2)
    with pytest.raises(UnreadableDocument, match="took longer than"):
        read_bytes("long.pages", b"x")


def test_size_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest, "MAX_FILE_BYTES", 2 * 2**20)
    with pytest.raises(UnreadableDocument, match="over 2 MB"):
        read_bytes("huge.txt", b"a" * (3 * 2**20))


@pytest.mark.parametrize("name, data, expected", [
    ("empty.pdf", b"", "the file is empty"),
    ("blank.txt", b"  \n\n ", "the file is empty"),
    ("photo.heic", b"\x00\x00\x00\x18ftypheic" + bytes(100), "cannot read '.heic' files"),
    ("binary.txt", bytes(range(256)) * 8, "not text in any encoding"),
])
def test_bad_input_gets_one_sentence_naming_the_file(name: str, data: bytes,
                                                      expected: str) -> None:
    with pytest.raises(UnreadableDocument) as err:
        read_bytes(name, data)
    assert str(err.value).startswith(f"{name}: ")
    assert expected in str(err.value)
    assert "\n" not in str(err.value)
