"""How fast foicollate collates, and whether its memory stays flat as the corpus grows.

Generates N fictional FOI replies (letters with the question restated, numbered answers
without the questions, tables, refusals, referrals, boilerplate footers; .txt, .md and
.html; 2-6 KB each) to a generated 8-12 question questionnaire, then times
`foicollate.collate.collate(paths, questionnaire)` in this one process, on one core, for
N/4, N/2 and N replies, printing replies/s and peak RSS for each.

    .venv/bin/python bench/collate_speed.py              # N = 1000
    .venv/bin/python bench/collate_speed.py --profile    # and the top 15 functions
    .venv/bin/python bench/collate_speed.py --n 200 --keep /tmp/corpus

Target (the issue bar): >= 200 replies/s on one core, memory flat as the corpus grows.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import os
import pstats
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from foicollate.authorities import find
from foicollate.collate import collate
from foicollate.model import Collation, Question, Questionnaire, QuestionType
from foicollate.questionnaire import dump_questionnaire, questionnaire_from_dict

TARGET_RATE = 200.0  # replies per second, from the issue

# ------------------------------------------------------------------ fictional vocabulary

_ROOTS = ["moor", "vale", "brook", "ford", "field", "wick", "stead", "combe", "ley", "mere",
          "bridge", "holt", "dale", "ham", "worth", "thorpe"]
_STEMS = ["Ash", "Brack", "Cran", "Dun", "Elder", "Fen", "Glen", "Hollin", "Ivy", "Kings",
          "Lark", "Marsh", "Nether", "Oak", "Pen", "Raven", "Sand", "Tarn", "Under", "Wyth"]
_KINDS = ["County Council", "District Council", "Borough Council", "City Council", "Council",
          "Metropolitan Borough Council"]
_TOPICS = ["highway maintenance", "library services", "parking enforcement", "home care",
           "school transport", "tree management", "public toilets", "street lighting",
           "domestic abuse support", "pest control", "allotments", "air quality monitoring"]
_SURNAMES = ["Achterberg", "Begum", "Collins", "Dlamini", "Evans", "Fitzgerald", "Grant",
             "Hughes", "Iqbal", "Jones", "Kowalski", "Lloyd", "Mensah", "Nowak", "O'Neill"]
_OFFICERS = ["Information Governance Officer", "FOI Officer", "Information Rights Manager",
             "Data Protection and FOI Lead", "Corporate Information Officer"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]

_NOT_HELD = [
    "The Council does not hold this information.",
    "This information is not held.",
    "We do not record this data centrally and therefore hold no information in scope.",
    "No information is held in relation to this question.",
]
_REFUSALS = [
    ("s40", "This information is withheld under section 40(2) of the Act, as it is the "
            "personal data of third parties and disclosure would breach the data protection "
            "principles."),
    ("s43", "We are withholding this information under section 43(2) (commercial interests). "
            "The public interest in maintaining the exemption outweighs that in disclosure."),
    ("s31", "This information is exempt under section 31(1)(a) (law enforcement), as its "
            "release would be likely to prejudice the prevention or detection of crime."),
    ("s12", "To answer this part would exceed the appropriate limit of 18 hours under "
            "section 12 of the Act, as it would require a manual review of every case file."),
]
_BOILERPLATE = [
    "If you are dissatisfied with the handling of your request, you have the right to ask "
    "for an internal review. Internal review requests should be submitted within 40 working "
    "days of the date of receipt of this response and should be addressed to the Information "
    "Governance Team at the address above.",
    "If you are not content with the outcome of the internal review, you have the right to "
    "apply directly to the Information Commissioner for a decision. The Information "
    "Commissioner can be contacted at: Information Commissioner's Office, Wycliffe House, "
    "Water Lane, Wilmslow, Cheshire SK9 5AF.",
    "The information supplied to you continues to be protected by the Copyright, Designs and "
    "Patents Act 1988. You are free to use it for your own purposes, including any "
    "non-commercial research you are doing and for the purposes of news reporting. Any other "
    "re-use, for example commercial publication, would require the permission of the "
    "copyright holder.",
    "Advice and assistance: much of the information the Council holds is already published "
    "in our publication scheme and on our open data pages. We would encourage you to check "
    "these before making a further request, as it may save you time.",
    "Data protection: the personal information you provided in your request will be used "
    "only to respond to it and to monitor our performance. It will be kept for two years "
    "after the request is closed and then securely destroyed, in line with our retention "
    "schedule.",
    "Please note that this response has been published on the Council's disclosure log with "
    "your personal details removed. Please quote the reference number above in any future "
    "correspondence about this request.",
]

_CONTEXT = [
    "The service was restructured in 2022 following a review of demand across the district.",
    "Figures are taken from the finance system at year end and have not been audited.",
    "Some records before 2021 were held on a legacy system that has since been decommissioned.",
    "Where a figure is below five we have not suppressed it, as it does not identify anyone.",
    "The Council works closely with neighbouring authorities on several of these services.",
    "Budgets are set annually by Full Council each February for the following year.",
    "Performance is reported quarterly to the Overview and Scrutiny Committee.",
    "Contract information is also published on the Contracts Finder website.",
    "Staff numbers are headcount rather than full-time equivalents unless stated otherwise.",
]


def _place(rng: random.Random) -> str:
    return rng.choice(_STEMS) + rng.choice(_ROOTS)


def _body(rng: random.Random, kind: str | None = None) -> str:
    """A fictional body: names the UK register knows ("Ashford", "Oakham") are drawn again."""
    while True:
        name = f"{_place(rng)} {kind or rng.choice(_KINDS)}"
        if find(name) is None and find(name.split()[0]) is None:
            return name


def _dates(rng: random.Random, year: int = 2024) -> tuple[str, str]:
    """(received, responded): a reply comes about a month after the request."""
    m = rng.randrange(1, 12)
    return (f"{rng.randint(1, 28)} {_MONTHS[m - 1]} {year}",
            f"{rng.randint(1, 28)} {_MONTHS[m]} {year}")


# ------------------------------------------------------------------ the questionnaire

def make_questionnaire(rng: random.Random) -> Questionnaire:
    """8-12 questions of every type about a fictional round-robin topic."""
    topic = rng.choice(_TOPICS)
    year = rng.choice([2021, 2022, 2023])
    pool: list[dict[str, Any]] = [
        {"type": "number", "text": f"How many staff were employed in your {topic} service on 31 March {year + 1}?"},
        {"type": "number", "text": f"How many complaints about {topic} did you receive in {year}?"},
        {"type": "number", "text": f"How much did you spend on {topic} in the financial year {year}/{str(year + 1)[2:]}?"},
        {"type": "number", "text": f"How many {topic} contracts were in force on 1 April {year + 1}?"},
        {"type": "yesno", "text": f"Do you have a written policy or strategy for {topic}?"},
        {"type": "yesno", "text": f"Has the council commissioned an external review of {topic} since {year - 2}?"},
        {"type": "multi", "text": f"Which of the following do you use to deliver {topic}?",
         "options": ["In-house staff", "External contractors", "Volunteers", "A shared service with another council", "A wholly owned company"]},
        {"type": "matrix", "text": f"For each of the following, do you publish {topic} data on your website?",
         "items": ["Annual spend", "Performance against targets", "Complaints received", "Contract details", "Staff numbers"]},
        {"type": "choice", "text": f"How often is your {topic} policy reviewed?",
         "options": ["Annually", "Every two years", "Less often than every two years", "Never", "Don't know"]},
        {"type": "text", "text": f"Please describe how decisions about {topic} are approved."},
        {"type": "number", "text": f"How many residents used the {topic} service in {year}?"},
        {"type": "yesno", "text": f"Is {topic} included in your corporate risk register?"},
    ]
    k = rng.randint(8, 12)
    chosen = [pool[i] for i in sorted(rng.sample(range(len(pool)), k))]
    for must in ("matrix", "multi", "choice", "text", "yesno", "number"):  # every type present
        if not any(q["type"] == must for q in chosen):
            chosen[rng.randrange(len(chosen))] = next(q for q in pool if q["type"] == must)
    questions = []
    for i, q in enumerate(chosen, start=1):
        d: dict[str, Any] = {"id": f"q{i}", "label": str(i), "text": q["text"], "type": q["type"]}
        if "options" in q:
            d["options"] = [{"text": t} for t in q["options"]]
        if "items" in q:
            d["items"] = [{"text": t} for t in q["items"]]
        questions.append(d)
    return questionnaire_from_dict({"title": f"{topic.capitalize()}: round-robin request",
                                    "questions": questions})


# ------------------------------------------------------------------ one reply

@dataclass
class Reply:
    name: str  # file name
    text: str
    expected: dict[str, str]  # question id -> the status the generator wrote


def _answer(rng: random.Random, q: Question, referrer: str) -> tuple[str, str]:
    """(status, text) of one question's answer, in a realistic mix of outcomes and phrasings."""
    roll = rng.random()
    if roll < 0.08:
        return "not_held", rng.choice(_NOT_HELD)
    if roll < 0.15:
        return "refused", rng.choice(_REFUSALS)[1]
    if roll < 0.19:
        slug = referrer.split()[0].lower()
        return "referred", (f"This information is held by {referrer}, who are responsible for "
                            f"this service. Please redirect this part of your request to "
                            f"foi@{slug}.gov.uk.")
    return "answered", _answered(rng, q)


def _answered(rng: random.Random, q: Question) -> str:
    if q.type == QuestionType.NUMBER:
        n = rng.randint(0, 25000)
        if "spend" in q.text:
            return rng.choice([f"£{n * 37:,}", f"The total spend was £{n * 37:,}.",
                               f"£{n * 37 / 1e6:.2f} million (including VAT)."])
        if rng.random() < 0.25:
            a, b, c = rng.randint(0, 900), rng.randint(0, 900), rng.randint(0, 900)
            return (f"North area: {a}\nCentral area: {b}\nSouth area: {c}\n"
                    f"Total: {a + b + c}")
        return rng.choice([f"{n:,}", f"There were {n:,} in total.", f"Approximately {n}.",
                           f"{n} (this figure excludes agency staff)."])
    if q.type == QuestionType.YESNO:
        return rng.choice(["Yes.", "No.", "Yes, the policy was last updated in 2023.",
                           "No, we do not.", f"Yes - {rng.randint(1, 9)} reviews in total."])
    if q.type == QuestionType.MULTI:
        picks = rng.sample(q.options, rng.randint(1, len(q.options)))
        if rng.random() < 0.5:
            return "We use: " + ", ".join(o.text for o in picks) + "."
        return "\n".join(f"- {o.text}" for o in picks)
    if q.type == QuestionType.MATRIX:
        return "\n".join(f"{it.text}: {rng.choice(['Yes', 'No'])}" for it in q.items
                         if rng.random() < 0.9)
    if q.type == QuestionType.CHOICE:
        o = rng.choice(q.options)
        return rng.choice([o.text, f"Our policy is reviewed: {o.text.lower()}."])
    return rng.choice([
        "Decisions are approved by the relevant Cabinet Member on the advice of the Director.",
        "All decisions above £100,000 are approved by Cabinet; smaller ones under delegated powers.",
        "Please see the scheme of delegation published on our website.",
    ])


def _body_blocks(
    rng: random.Random, qn: Questionnaire, style: str, referrer: str, expected: dict[str, str]
) -> list[str]:
    """The reply's body in one layout; `expected` gets each question's true status."""
    if style in ("blanket_refusal", "referral"):
        expected.update({q.id: "refused" if style == "blanket_refusal" else "referred"
                         for q in qn.questions})
    answers = []
    for q in qn.questions:
        status, text = _answer(rng, q, referrer)
        answers.append((q, text))
        if style not in ("blanket_refusal", "referral"):
            expected[q.id] = status
    if rng.random() < 0.05 and style not in ("blanket_refusal", "referral"):
        q, _ = answers.pop(rng.randrange(len(answers)))  # a reply that skips a question
        expected[q.id] = "not_answered"
    if style == "restated":
        return [f"{q.label}. {q.text}\n\nResponse: {a}" for q, a in answers]
    if style == "headed":
        return [f"Question {q.label} - {' '.join(q.text.split()[:6])}\n{a}" for q, a in answers]
    if style == "numbered":
        return [f"{q.label}) {a}" for q, a in answers]
    if style == "table":
        rows = ["Question | Response"]
        rows += [f"{q.label}. {q.text} | {' / '.join(a.splitlines())}" for q, a in answers]
        return ["\n".join(rows)]
    if style == "blanket_refusal":
        return [_REFUSALS[3][1].replace("this part", "your request") + " We are therefore not "
                "obliged to comply with any part of it. You may wish to narrow your request, "
                "for example by asking about a single year."]
    return [f"Your request has been passed to {referrer}, which holds this information; "  # referral
            f"we do not hold any information in scope. Please contact {referrer} directly."]


def make_reply(rng: random.Random, qn: Questionnaire, i: int) -> Reply:
    """One fictional reply of 2-6 KB, in a random layout and format."""
    author = _body(rng)
    referrer = _body(rng, "County Council")
    style = rng.choices(["restated", "headed", "numbered", "table", "blanket_refusal", "referral"],
                        weights=[35, 20, 20, 15, 5, 5])[0]
    received, responded = _dates(rng)
    header = [
        f"{author}\nCivic Offices, {rng.randint(1, 99)} High Street, {_place(rng)} "
        f"{rng.choice('ABCDEHKLMNPST')}{rng.choice('ABCDEHKLMNPST')}{rng.randint(1, 20)} "
        f"{rng.randint(1, 9)}{rng.choice('ABDEFGHJ')}{rng.choice('LNPQRSTUWXYZ')}",
        f"Our ref: FOI-2024-{rng.randint(1, 9999):04d}\nDate: {responded}",
        f"Dear {rng.choice(['Mr', 'Ms', 'Mx', 'Dr'])} {rng.choice(_SURNAMES)},",
        "Freedom of Information Act 2000 - request for information",
        f"Thank you for your request for information, which we received on {received}. "
        "We have considered it under the Freedom of Information Act 2000 and our response "
        "to each part is set out below.",
    ]
    expected: dict[str, str] = {}
    body = _body_blocks(rng, qn, style, referrer, expected)
    footer = [f"Yours sincerely\n\n{rng.choice(['A.', 'J.', 'R.', 'S.'])} {rng.choice(_SURNAMES)}\n"
              f"{rng.choice(_OFFICERS)}\n{author}"]
    target = rng.randint(2000, 5800)
    extras = rng.sample(_BOILERPLATE, len(_BOILERPLATE))
    blocks = header + body
    while len("\n\n".join(blocks + footer)) < target and extras:
        blocks.append(extras.pop())
    while len("\n\n".join(blocks + footer)) < target:  # a long reply: more explanation
        blocks.append(" ".join(rng.sample(_CONTEXT, 3)))
    blocks += footer
    fmt = rng.choices(["txt", "md", "html"], weights=[80, 10, 10])[0]
    stem = f"{i:05d}-{author.split()[0].lower()}"
    if fmt == "html":
        paras = "\n".join(f"<p>{b.replace(chr(10), '<br>')}</p>" for b in blocks)
        text = ("<!DOCTYPE html><html><head><title>FOI response " + stem + "</title></head><body>"
                "<nav><a href='/'>Home</a> | <a href='/foi'>Disclosure log</a></nav><main>"
                f"<h1>FOI response</h1>{paras}</main><footer>Cookie settings | Accessibility"
                "</footer></body></html>")
    elif fmt == "md":
        text = "# " + "\n\n".join(blocks)
    else:
        text = "\n\n".join(blocks) + "\n"
    return Reply(f"{stem}.{fmt}", text, expected)


#: stem -> question id -> status, for the corpus last written
Truth = dict[str, dict[str, str]]


def write_corpus(folder: Path, n: int, seed: int) -> tuple[Questionnaire, list[Path], Truth]:
    rng = random.Random(seed)
    qn = make_questionnaire(rng)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "questionnaire.yaml").write_text(dump_questionnaire(qn), encoding="utf-8")
    replies = folder / "replies"
    replies.mkdir(exist_ok=True)
    paths = []
    truth: Truth = {}
    for i in range(n):
        r = make_reply(rng, qn, i)
        p = replies / r.name
        p.write_text(r.text, encoding="utf-8")
        paths.append(p)
        truth[p.stem] = r.expected
    return qn, paths, truth


# ------------------------------------------------------------------ measuring

def _reset_peak_rss() -> bool:
    """Reset the kernel's peak-RSS mark for this process (Linux), so each run has its own."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def _rss_mb(field: str) -> float:
    """VmRSS (current) or VmHWM (peak) in MB from /proc; ru_maxrss when /proc is absent."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass
class Run:
    files: int
    seconds: float
    failures: int
    peak_mb: float
    rss_before_mb: float
    heap_peak_mb: float | None = None  # Python heap peak during the run (tracemalloc)
    result_mb: float | None = None  # of which still held by the returned Collation

    @property
    def rate(self) -> float:
        return self.files / self.seconds if self.seconds else float("inf")


def time_collate(
    paths: Sequence[Path], qn: Questionnaire, heap: bool = False,
    inspect: Callable[[Collation], None] | None = None,
) -> Run:
    gc.collect()
    before = _rss_mb("VmRSS")
    _reset_peak_rss()
    if heap:
        tracemalloc.start()
    t0 = time.perf_counter()
    result = collate(list(paths), qn)
    seconds = time.perf_counter() - t0
    held, heap_peak = (x / 2**20 for x in tracemalloc.get_traced_memory()) if heap else (None, None)
    if heap:
        tracemalloc.stop()
    run = Run(len(paths), seconds, len(result.failures), _rss_mb("VmHWM"), before, heap_peak, held)
    if inspect is not None:
        inspect(result)
    del result
    return run


def agreement(result: Collation, truth: Truth) -> tuple[int, int]:
    """(cells whose status matches what the generator wrote, cells)."""
    good = total = 0
    for doc in result.documents:
        for a in doc.answers:
            want = truth.get(doc.id, {}).get(a.question)
            if want is not None:
                total += 1
                good += str(a.status) == want
    return good, total


def profile_collate(paths: Sequence[Path], qn: Questionnaire, top: int = 15) -> str:
    prof = cProfile.Profile()
    prof.enable()
    collate(list(paths), qn)
    prof.disable()
    out = io.StringIO()
    pstats.Stats(prof, stream=out).strip_dirs().sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def _pin_to_one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        try:
            cpu = min(os.sched_getaffinity(0))
            os.sched_setaffinity(0, {cpu})
            return f"pinned to CPU {cpu}"
        except OSError:
            pass
    return "not pinned (one process, one thread)"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1000, help="largest corpus size (default 1000); "
                    "also runs N/4 and N/2")
    ap.add_argument("--keep", type=Path, help="write the corpus to this folder and keep it")
    ap.add_argument("--seed", type=int, default=2024, help="random seed of the corpus")
    ap.add_argument("--profile", action="store_true",
                    help="also profile one collation of N/4 replies: top 15 by cumulative time")
    ap.add_argument("--heap", action="store_true",
                    help="also measure the Python heap peak, and what the result holds, with "
                    "tracemalloc (runs each size twice; slower)")
    ap.add_argument("--budget", type=float, default=100.0,
                    help="seconds of collation to spend at most; bigger runs that would not "
                    "fit are skipped (default 100)")
    args = ap.parse_args(argv)
    if args.n < 4:
        ap.error("--n must be at least 4")

    pinned = _pin_to_one_core()
    tmp = None
    if args.keep:
        folder = args.keep
    else:
        tmp = tempfile.TemporaryDirectory(prefix="foicollate-bench-")
        folder = Path(tmp.name)
    try:
        t0 = time.perf_counter()
        qn, paths, truth = write_corpus(folder, args.n, args.seed)
        sizes = [p.stat().st_size for p in paths]
        fmts = Counter(p.suffix for p in paths)
        types = Counter(str(q.type) for q in qn.questions)
        print(f"corpus: {len(paths)} replies in {folder} ({time.perf_counter() - t0:.1f} s to "
              f"write), {min(sizes) / 1024:.1f}-{max(sizes) / 1024:.1f} KB "
              f"(mean {sum(sizes) / len(sizes) / 1024:.1f} KB), "
              + ", ".join(f"{k[1:]} {v}" for k, v in sorted(fmts.items())))
        print(f"questionnaire: {len(qn.questions)} questions ("
              + ", ".join(f"{k} {v}" for k, v in sorted(types.items())) + f"); {pinned}")

        warm = time_collate(paths[:10], qn)  # imports, register and regex compilation
        print(f"warm-up: 10 replies in {warm.seconds:.2f} s (not counted)")
        print(f"\n{'files':>6} {'seconds':>8} {'replies/s':>10} {'peak RSS MB':>12} "
              f"{'RSS before':>11} {'failures':>9}" + (f" {'heap peak MB':>13} {'result MB':>10}" if args.heap else ""))
        runs: list[Run] = []
        spent = 0.0
        agreed: list[tuple[int, int]] = []
        for n in sorted({max(1, args.n // 4), max(1, args.n // 2), args.n}):
            if runs and spent + n / runs[-1].rate > args.budget:
                print(f"{n:>6} skipped: at {runs[-1].rate:.0f} replies/s it would pass the "
                      f"{args.budget:.0f} s budget (--budget)")
                continue
            run = time_collate(paths[:n], qn, inspect=lambda r: agreed.append(agreement(r, truth)))
            if args.heap:
                traced = time_collate(paths[:n], qn, heap=True)
                run.heap_peak_mb, run.result_mb = traced.heap_peak_mb, traced.result_mb
            spent += run.seconds
            runs.append(run)
            print(f"{run.files:>6} {run.seconds:>8.2f} {run.rate:>10.1f} {run.peak_mb:>12.1f} "
                  f"{run.rss_before_mb:>11.1f} {run.failures:>9}"
                  + (f" {run.heap_peak_mb:>13.1f} {run.result_mb:>10.1f}"
                     if run.heap_peak_mb is not None and run.result_mb is not None else ""),
                  flush=True)
        if runs:
            last = runs[-1]
            verdict = "met" if last.rate >= TARGET_RATE else "NOT met"
            print(f"\ntarget >= {TARGET_RATE:.0f} replies/s on one core: {verdict} "
                  f"({last.rate:.1f} at {last.files} replies)")
            if len(runs) > 1:
                growth = runs[-1].peak_mb - runs[0].peak_mb
                print(f"peak RSS from {runs[0].files} to {runs[-1].files} replies: "
                      f"{growth:+.1f} MB ({growth / (runs[-1].files - runs[0].files) * 1024:+.1f} "
                      f"KB per extra reply)")
            good, total = agreed[-1]
            print(f"sanity: {good / max(total, 1):.0%} of {total} statuses agree with the "
                  "generator (a fast engine that reads nothing would score far lower)")
            working = [r.heap_peak_mb - r.result_mb for r in runs
                       if r.heap_peak_mb is not None and r.result_mb is not None]
            if working:
                print("working heap (peak minus what the result holds), MB: "
                      + ", ".join(f"{w:.2f}" for w in working)
                      + "  <- flat when collation streams; the result itself grows with N")
        if args.profile:
            n = max(1, args.n // 4)
            print(f"\nprofile of one collation of {n} replies (top 15 by cumulative time):")
            print(profile_collate(paths[:n], qn))
    finally:
        if tmp is not None:
            tmp.cleanup()
    return 0


def _run(fn: Callable[[Sequence[str] | None], int]) -> None:
    sys.exit(fn(None))


if __name__ == "__main__":
    _run(main)
