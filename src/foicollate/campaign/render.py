"""Plain-text views of a campaign for the terminal: the status table and one body's page."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import Any

from foicollate.campaign.clock import NATIONS
from foicollate.campaign.results import BodyAnswer, BodyDetail, BodyStatus, CampaignStatus
from foicollate.campaign.state import STATE_LABELS
from foicollate.model import Status

#: Outcome count columns of the status table: (header, status).
OUTCOME_COLUMNS = (
    ("Ans", Status.ANSWERED),
    ("NH", Status.NOT_HELD),
    ("Ref", Status.REFUSED),
    ("Fwd", Status.REFERRED),
    ("NA", Status.NOT_ANSWERED),
)
LEGEND = ("Questions: Ans answered, NH not held, Ref refused, Fwd referred elsewhere, "
          "NA not answered.")
#: Marks a reply date that is only the day the file was added.
APPROX = "*"


def table(header: Sequence[str], rows: Sequence[Sequence[str]], right: set[int] | None = None) -> str:
    """A fixed-width text table; columns in `right` are right-aligned (numbers)."""
    right = right or set()
    widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(header)]

    def line(cells: Sequence[str]) -> str:
        out = [c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True))]
        return "  ".join(out).rstrip()

    return "\n".join([line(header), line(["-" * w for w in widths]), *(line(r) for r in rows)])


def _d(d: date | None) -> str:
    return d.isoformat() if d else "-"


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def status_row(b: BodyStatus) -> list[str]:
    late = "-" if b.late is None else ("LATE" if b.late else "on time")
    due = "paused" if b.clock_paused and b.due is None else _d(b.due)
    replied = _d(b.replied) + (APPROX if b.reply_date_source == "added" else "")
    return [
        _short(b.name, 32), NATIONS.get(b.nation, b.nation), b.state.label, due, replied,
        "-" if b.working_days_taken is None else str(b.working_days_taken), late,
        *(str(b.outcomes.get(str(s), 0)) if b.replied else "-" for _, s in OUTCOME_COLUMNS),
    ]


def status_table(st: CampaignStatus) -> str:
    """Every body one line, then unmatched files and referral to-dos."""
    header = ["Body", "Nation", "State", "Due", "Replied", "Days", "Late",
              *(h for h, _ in OUTCOME_COLUMNS)]
    numeric = {5, *range(7, 7 + len(OUTCOME_COLUMNS))}
    parts = [table(header, [status_row(b) for b in st.bodies], right=numeric)]
    if st.questions:
        qrows = [[qid, *(str(c.get(str(s), 0)) for _, s in OUTCOME_COLUMNS)]
                 for qid, c in st.questions.items()]
        parts.append("")
        parts.append(table(["Question", *(h for h, _ in OUTCOME_COLUMNS)], qrows,
                           right=set(range(1, 1 + len(OUTCOME_COLUMNS)))))
    counts = Counter(b.state for b in st.bodies)
    summary = ", ".join(f"{n} {STATE_LABELS[s].lower()}" for s, n in counts.most_common())
    late = sum(1 for b in st.bodies if b.late)
    parts.append(LEGEND)
    if any(b.reply_date_source == "added" for b in st.bodies):
        parts.append(f"{APPROX} the day the file was added: the reply's own date is not known "
                     "(give --received when you add it).")
    parts.append(f"\n{len(st.bodies)} bodies on {st.today.isoformat()}: {summary}"
                 + (f"; {late} replied late" if late else "") + ".")
    if st.unmatched:
        parts.append("\nReplies not matched to a body (say whose with "
                     "`foicollate assign FILE BODY`):")
        parts.extend(f"  {f.sha256[:8]}  {f.name}"
                     + (" (reference material)" if f.kind == "reference" else "")
                     for f in st.unmatched)
    names = {b.id: b.name for b in st.bodies}
    for r in st.todo:
        parts.append(f"\nTo do: you were pointed to {r.referred_to}, which you have not asked "
                     f"(by {names.get(r.from_body, r.from_body)}, question {r.question}).")
    return "\n".join(parts)


def _value(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, str):
        return v
    return json.dumps(v, ensure_ascii=False)


def _outcome(a: BodyAnswer) -> str:
    ans = a.answer
    text = ans.status.label
    if ans.status == Status.REFUSED and ans.grounds:
        text += f" ({ans.grounds})"
    if ans.status == Status.REFERRED and ans.referred_to:
        text += f" to {ans.referred_to}"
    value = _value(ans.value)
    return f"{text}: {_short(value, 60)}" if value else text


def body_page(detail: BodyDetail) -> str:
    """One body: its clock and state, then every answer with evidence and corrections."""
    b = detail.status
    lines = [f"{b.name} ({b.nation}) — {b.state.label}"]
    clock = [f"sent {_d(b.sent)}", "clock paused" if b.clock_paused else f"due {_d(b.due)}"]
    if b.replied:
        clock.append(f"replied {_d(b.replied)} ({b.reply_date_source})")
        clock.append(f"{b.working_days_taken} working days, {'LATE' if b.late else 'on time'}")
        clock.append(f"internal review due by {_d(b.internal_review_due)}")
    lines.append("  " + " · ".join(clock))
    for e in detail.clock_events:
        lines.append(f"  clock {e['kind']} on {e['on_date']}" + (f": {e['note']}" if e["note"] else ""))
    if detail.files:
        lines.append("  Files:")
        for f in detail.files:
            extra = f"matched by {f.match_method}" if f.match_method else "unmatched"
            if f.kind:
                extra += f", {f.kind}"
            if f.working_days_taken is not None:
                extra += (f", {_d(f.reply_date)}{APPROX if f.reply_date_source == 'added' else ''}"
                          f": {f.working_days_taken} working days, "
                          f"{'LATE' if f.late else 'on time'}")
            if f.error:
                extra += f", unreadable: {f.error}"
            lines.append(f"    {f.sha256[:8]}  {f.name} ({extra})")
    else:
        lines.append("  No reply yet.")
    grouped: dict[tuple[str, bool], list[str]] = {}
    for r in b.referred_to:
        grouped.setdefault((r.referred_to, r.target_id is not None), []).append(r.question)
    for (name, listed), questions in grouped.items():
        where = "on your list" if listed else "NOT on your list: ask them"
        lines.append(f"  Referred for {', '.join(questions)} to {name} ({where})")
    lines.append("")
    for a in detail.answers:
        label = a.question.label or a.question.id
        lines.append(f"{label:>4}  {_outcome(a)}")
        lines.append(f"      {_short(a.question.text, 90)}")
        how = f"{a.answer.method}, confidence {a.answer.confidence:.2f}"
        if a.file:
            how += f", from {a.file}"
        lines.append(f"      [{how}]")
        if a.corrected:
            c = a.corrected
            was = (c.old or {}).get("status", "?")
            lines.append(f"      corrected by {c.who} at {c.at} (was {was})"
                         + (f": {c.note}" if c.note else ""))
            if a.extracted:
                read = a.extracted.status.label
                if a.extracted.value is not None:
                    read += f": {_short(_value(a.extracted.value), 40)}"
                lines.append(f"      extraction read: {read}" + (", from:" if a.answer.evidence else ""))
        for ev in a.answer.evidence[:3]:
            where = f" p.{ev.page}" if ev.page else (f" {ev.where}" if ev.where else "")
            quote = " ".join(ev.text.split())
            lines.append(f"      “{_short(quote, 100)}”{where}")
    return "\n".join(lines)
