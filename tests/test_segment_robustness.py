"""Replies with odd lines must never make the engine hang (regression: a rule of underscores)."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from evalkit import FIXTURES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from foicollate.collate import collate_document
from foicollate.model import Document
from foicollate.questionnaire import load_questionnaire

Q = load_questionnaire(FIXTURES / "library-opening-hours" / "questionnaire.yaml")


@contextmanager
def deadline(seconds: int) -> Iterator[None]:
    def boom(*_: object) -> None:
        raise TimeoutError(f"collation took over {seconds} s")

    old = signal.signal(signal.SIGALRM, boom)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


@pytest.mark.parametrize("line", ["_" * 80, "-" * 200, "*" * 120, "=" * 90, "__" * 40 + "x", ". " * 300,
                                  "1." * 100, "(a)" * 60, "Q" * 300, "| " * 150 + "1", "\t" * 50 + "a)"])
def test_pathological_lines_do_not_hang(line: str) -> None:
    text = f"Dear Requester\n{line}\n1. We operate 12 libraries.\n{line}\nYours sincerely\n"
    with deadline(5):
        out = collate_document(Document(id="x", text=text), Q)
    assert out.answer("1").value == 12


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(alphabet=st.sampled_from(list("ab1.)(_-*:|?Q \t£%,")), max_size=120), max_size=30))
def test_random_lines_collate_quickly(lines: list[str]) -> None:
    with deadline(5):
        out = collate_document(Document(id="x", text="\n".join(lines)), Q)
    assert len(out.answers) == len(Q.questions)
    for a in out.answers:
        for ev in a.evidence:
            assert "\n".join(lines)[ev.start:ev.end] == ev.text
