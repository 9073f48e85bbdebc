"""The campaign workspace API: init, add replies, extract, status, show, correct.

A workspace is a folder holding campaign.db, questionnaire.yaml and originals/ (every
file added, named by its SHA-256, never modified). Extraction writes one transaction per
file, so a run that is killed loses nothing already written and the next run finishes
the job; answers a person set live in their own table and extraction never touches them.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import shutil
import time
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import sqlite_utils

from foicollate.campaign import clock as clk
from foicollate.campaign.register import canonical_body, register_aliases, resolve_referral
from foicollate.campaign.results import (
    AddedFile,
    BodyAnswer,
    BodyDetail,
    BodyStatus,
    CampaignStatus,
    Correction,
    ExtractReport,
    FileInfo,
)
from foicollate.campaign.state import (
    REPLY_STATES,
    Referral,
    outcome_counts,
    reply_state,
    waiting_state,
)
from foicollate.campaign.store import DB_NAME, connect, now
from foicollate.campaign.targets import (
    Match,
    Matcher,
    Target,
    core,
    load_targets,
    slugify,
    words,
)
from foicollate.campaign.values import parse_value
from foicollate.errors import CampaignError, UnreadableDocument
from foicollate.model import (
    Answer,
    CollatedDocument,
    Document,
    DocumentKind,
    Question,
    Questionnaire,
    Status,
)

QUESTIONNAIRE_NAME = "questionnaire.yaml"
ORIGINALS = "originals"
#: Environment variable naming the workspace when --campaign is not given.
CAMPAIGN_ENV = "FOICOLLATE_CAMPAIGN"
#: Test-only: seconds to sleep per file during extract, so a test can kill it midway.
SLOW_EXTRACT_ENV = "FOICOLLATE_TEST_SLOW_EXTRACT"

#: How a file's body was decided; only "person" is never revisited by extract.
PERSON = "person"

CollateFn = Callable[[Document, Questionnaire, Any], CollatedDocument]


def who_am_i() -> str:
    """The name recorded on corrections: $FOICOLLATE_USER, else the login name."""
    name = os.environ.get("FOICOLLATE_USER")
    if name:
        return name
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _date(s: str | None) -> date | None:
    if not s:
        return None
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        return None


def _dumps(v: Any) -> str | None:
    return None if v is None else json.dumps(v, ensure_ascii=False)


def _loads(s: str | None) -> Any:
    return None if s is None else json.loads(s)


# --- the workspace -------------------------------------------------------------------


def find_workspace(path: str | Path | None = None) -> Path:
    """The workspace folder: `path`, else $FOICOLLATE_CAMPAIGN, else the current directory."""
    return Path(path or os.environ.get(CAMPAIGN_ENV) or ".").resolve()


class Campaign:
    """An open campaign workspace."""

    def __init__(self, root: Path, db: sqlite_utils.Database) -> None:
        self.root = root
        self.db = db
        self._questionnaire: Questionnaire | None = None
        self._matcher: Matcher | None = None

    # -- opening ------------------------------------------------------------------

    @classmethod
    def init(
        cls,
        folder: str | Path,
        targets_csv: str | Path,
        *,
        request: str | Path | None = None,
        questionnaire: str | Path | None = None,
        sent: date | None = None,
        title: str | None = None,
    ) -> Campaign:
        """Create a workspace from the request (or a questionnaire YAML) and the targets CSV."""
        from foicollate.questionnaire import dump_questionnaire, load_questionnaire, parse_request

        root = Path(folder).resolve()
        if (root / DB_NAME).exists():
            raise CampaignError(
                f"{root} is already a campaign workspace; add replies to it with `foicollate add`"
            )
        if (request is None) == (questionnaire is None):
            raise CampaignError("give either --request or --questionnaire (one, not both)")
        if questionnaire is not None:
            load_questionnaire(questionnaire)  # validate before anything is written
            q_text = Path(questionnaire).read_text(encoding="utf-8")
        else:
            from foicollate.ingest.text import decode

            rp = Path(request)  # type: ignore[arg-type]
            try:
                data = rp.read_bytes()
            except OSError as exc:
                raise CampaignError(f"{rp}: cannot open the request ({exc.strerror})") from exc
            q = parse_request(decode(str(rp), data),
                              title=title or rp.stem.replace("-", " ").replace("_", " "))
            if not q.questions:
                raise CampaignError(
                    f"{rp}: no questions found; number them (1., a., Q1) or write "
                    "questionnaire.yaml yourself and pass --questionnaire"
                )
            q_text = dump_questionnaire(q)
        targets = load_targets(targets_csv, default_sent=sent)
        root.mkdir(parents=True, exist_ok=True)
        (root / ORIGINALS).mkdir(exist_ok=True)
        (root / QUESTIONNAIRE_NAME).write_text(q_text, encoding="utf-8")
        if request is not None:
            shutil.copyfile(request, root / "request.txt")
        db = connect(root / DB_NAME)
        with db.atomic():
            settings: list[dict[str, Any]] = [
                {"key": "created_at", "value": now()},
                {"key": "sent", "value": _iso(sent)},
            ]
            db.table("settings").insert_all(settings, replace=True)
            db.table("bodies").insert_all(
                {"id": t.id, "name": t.name, "nation": t.nation, "email": t.email,
                 "sent": t.sent.isoformat(), "position": i}
                for i, t in enumerate(targets)
            )
        return cls(root, db)

    @classmethod
    def open(cls, folder: str | Path | None = None) -> Campaign:
        """Open the workspace at `folder` (default: $FOICOLLATE_CAMPAIGN or the current dir)."""
        root = find_workspace(folder)
        if not (root / DB_NAME).exists():
            raise CampaignError(
                f"{root} is not a campaign workspace; run `foicollate init` to make one, "
                "or pass --campaign DIR"
            )
        return cls(root, connect(root / DB_NAME))

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Campaign:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def db_path(self) -> Path:
        return self.root / DB_NAME

    # -- bodies ---------------------------------------------------------------------

    def targets(self) -> list[Target]:
        return [
            Target(id=r["id"], name=r["name"], nation=r["nation"], sent=date.fromisoformat(r["sent"]),
                   email=r["email"])
            for r in self.db.query("select * from bodies order by position, name")
        ]

    def matcher(self) -> Matcher:
        if self._matcher is None:  # the targets never change once the workspace is made
            targets = self.targets()
            self._matcher = Matcher(targets, aliases=register_aliases(targets))
        return self._matcher

    def find_body(self, query: str) -> Target:
        """The body named by any unambiguous part of its name (or its id)."""
        targets = self.targets()
        q = " ".join(words(query))
        if not q:
            raise CampaignError("give part of a body's name; `foicollate status` lists them")
        for t in targets:
            if query == t.id or q == " ".join(words(t.name)):
                return t
        # whole words first ("devon" in "Mid Devon"), then any part ("dev")
        found = [t for t in targets if f" {q} " in f" {' '.join(words(t.name))} "]
        if not found:
            found = [t for t in targets if q in " ".join(words(t.name)) or slugify(query) in t.id]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            exact_core = [t for t in found if core(t.name) == core(query)]
            if len(exact_core) == 1:
                return exact_core[0]
            names = ", ".join(t.name for t in found[:6])
            raise CampaignError(f"{query!r} matches {names}; give more of the name")
        hit = self.matcher().match_name(query)
        if hit:
            return hit.target
        raise CampaignError(f"no body matches {query!r}; `foicollate status` lists them")

    # -- the questionnaire ------------------------------------------------------------

    @property
    def questionnaire_path(self) -> Path:
        return self.root / QUESTIONNAIRE_NAME

    def questionnaire(self) -> Questionnaire:
        if self._questionnaire is None:
            from foicollate.questionnaire import load_questionnaire

            self._questionnaire = load_questionnaire(self.questionnaire_path)
        return self._questionnaire

    def questionnaire_hash(self) -> str:
        return hashlib.sha256(self.questionnaire_path.read_bytes()).hexdigest()

    # -- adding files -------------------------------------------------------------------

    def add(
        self,
        paths: Iterable[str | Path],
        *,
        authority: str | None = None,
        received: date | None = None,
    ) -> list[AddedFile]:
        """Copy each file into originals/ and record it; the same content twice is a no-op.

        `authority` says which body sent them (any unambiguous part of its name);
        otherwise the file name is tried now and the text when it is extracted.
        """
        from foicollate.ingest import iter_files

        body = self.find_body(authority) if authority else None
        matcher = self.matcher()
        out: list[AddedFile] = []
        for path in iter_files(paths):
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise CampaignError(f"{path}: cannot read it ({exc.strerror}); check the path") from exc
            sha = hashlib.sha256(data).hexdigest()
            existing = self.db.table("files").rows_where("sha256 = ?", [sha])
            row = next(iter(existing), None)
            if row is not None:
                out.append(AddedFile(path.name, sha, new=False, body=self._body_name(row["body_id"]),
                                     method=row["match_method"]))
                continue
            stored = Path(ORIGINALS) / (sha + path.suffix.lower())
            dest = self.root / stored
            if not dest.exists():
                tmp = dest.with_name(dest.name + ".part")
                tmp.write_bytes(data)
                os.replace(tmp, dest)  # never a half-written original
                dest.chmod(0o444)
            match: Match | None
            if body is not None:
                match = Match(body, 100.0, PERSON)
            else:
                match = matcher.match_filename(path.name)
            source_path = str(path.resolve())
            with self.db.atomic():
                # a new version of a file added before from the same place, for the same body
                # (browsers reuse names, so a path alone could be another body's reply)
                older = [
                    r["sha256"]
                    for r in self.db.query(
                        "select sha256 from files where source_path = ? and body_id = ? "
                        "and superseded_by is null",
                        [source_path, match.target.id if match else None],
                    )
                ]
                self.db.table("files").insert({
                    "sha256": sha, "name": path.name, "stored": str(stored), "size": len(data),
                    "added_at": now(), "body_id": match.target.id if match else None,
                    "match_method": match.method if match else None,
                    "match_score": match.score if match else None,
                    "authority_hint": authority, "received": _iso(received),
                    "source_path": source_path, "superseded_by": None,
                }, ignore=True)  # another `add` of the same file at the same moment: keep one
                for old in older:
                    self.db.table("files").update(old, {"superseded_by": sha})
            out.append(AddedFile(path.name, sha, new=True,
                                 body=match.target.name if match else None,
                                 method=match.method if match else None,
                                 supersedes=older[0] if older else None))
        return out

    def assign(self, file_query: str, body_query: str) -> tuple[FileInfo, Target]:
        """Say which body sent a file (by its name or the start of its hash)."""
        f = self.find_file(file_query)
        body = self.find_body(body_query)
        self.db.table("files").update(
            f.sha256, {"body_id": body.id, "match_method": PERSON, "match_score": 100.0}
        )
        return self.find_file(f.sha256), body

    def find_file(self, query: str) -> FileInfo:
        files = self.files()
        hits = [f for f in files if f.sha256.startswith(query.lower())] if len(query) >= 6 else []
        hits = hits or [f for f in files if f.name == query] or [
            f for f in files if query.lower() in f.name.lower()
        ]
        if len(hits) == 1:
            return hits[0]
        if not hits:
            raise CampaignError(f"no file matches {query!r}; `foicollate status` lists unmatched files")
        names = ", ".join(f"{f.name} ({f.sha256[:8]})" for f in hits[:6])
        raise CampaignError(f"{query!r} matches {names}; give the start of its hash")

    def _body_name(self, body_id: str | None) -> str | None:
        if body_id is None:
            return None
        row = next(iter(self.db.table("bodies").rows_where("id = ?", [body_id])), None)
        return row["name"] if row else None

    # -- extraction ---------------------------------------------------------------------

    def pending(self, force: bool = False) -> list[dict[str, Any]]:
        """Files that need extracting: new ones, or read against another questionnaire."""
        qhash = self.questionnaire_hash()
        rows = list(self.db.query(
            """select f.*, e.questionnaire_hash as qhash, e.sha256 as done
               from files f left join extractions e on e.sha256 = f.sha256
               where f.superseded_by is null order by f.added_at, f.name"""
        ))
        if force:
            return rows
        return [r for r in rows if r["done"] is None or r["qhash"] != qhash]

    def extract(
        self,
        *,
        force: bool = False,
        progress: Callable[[str], None] | None = None,
        collate_fn: CollateFn | None = None,
    ) -> ExtractReport:
        """Read and collate every new or changed file (all with `force`), one commit each.

        `progress` is called with each file's name after it is done. `collate_fn` replaces
        the collation engine (tests use it to make answers predictable).
        """
        from foicollate.collate import collate_document

        engine: CollateFn = collate_fn or collate_document
        questionnaire = self.questionnaire()
        qhash = self.questionnaire_hash()
        slow = float(os.environ.get(SLOW_EXTRACT_ENV) or 0)
        matcher = self.matcher()
        report = ExtractReport()
        todo = self.pending(force)
        report.skipped = self.db.execute(
            "select count(*) from files where superseded_by is null"
        ).fetchone()[0] - len(todo)
        for row in todo:
            name = row["name"]
            data = (self.root / row["stored"]).read_bytes()
            collated, error, match = self._read_one(row, data, matcher, engine, questionnaire)
            if slow:
                time.sleep(slow)
            self._save_extraction(row, collated, error, qhash, match)
            if error:
                report.failed.append((name, error))
            else:
                report.extracted.append(name)
            if match is None:
                report.unmatched.append(name)
            if progress:
                progress(name)
        return report

    def _read_one(
        self,
        row: dict[str, Any],
        data: bytes,
        matcher: Matcher,
        engine: CollateFn,
        questionnaire: Questionnaire,
    ) -> tuple[CollatedDocument | None, str | None, Match | None]:
        """Read and collate one file, and find who sent it: (collated, error, match).

        Who sent it, most trusted first: a person, the file name, the email or document
        headers, a From: line, the engine's reading of the letter, names in the text.
        """
        from foicollate.collate import CollateOptions
        from foicollate.ingest import read_bytes

        name = row["name"]
        match = self._known_match(row)
        try:
            doc = read_bytes(name, data, doc_id=Path(name).stem)
        except UnreadableDocument as exc:
            return None, exc.reason, match
        if match is None or match.method != PERSON:
            match = self._match_document(doc, matcher) or match
        if match is None:
            match = matcher.match_sender(doc.text)
        options = CollateOptions(authorities={doc.id: match.target.name} if match else {})
        collated: CollatedDocument | None = None
        error: str | None = None
        try:
            collated = engine(doc, questionnaire, options)
        except Exception as exc:  # the engine failing on one file must not stop the batch
            error = (f"the collation engine failed ({type(exc).__name__}: {exc}); "
                     "report it with the file, or correct this body's answers by hand")
        if collated is not None:
            if not collated.date_responded and _date(doc.metadata.get("date")):
                collated.date_responded = doc.metadata["date"]  # an email's Date header
            if match is None and collated.authority:
                match = matcher.match_name(collated.authority, method="authority")
        if match is None:
            match = matcher.match_text(doc.text)
        return collated, error, match

    def _known_match(self, row: dict[str, Any]) -> Match | None:
        if row["body_id"] is None:
            return None
        t = self.matcher().get(row["body_id"])
        return Match(t, row["match_score"] or 0.0, row["match_method"] or "") if t else None

    def _match_document(self, doc: Document, matcher: Matcher) -> Match | None:
        """Who sent a document, from the hints its container carries (email From, name)."""
        for key, value in doc.metadata.items():
            if key.lower() in ("from", "sender", "reply-to", "email_from") and value:
                hit = matcher.match_domain(value)
                if hit:
                    return hit
                if "<" in value:  # "Barnet Council <foi@lbb.example>": try the display name
                    hit = matcher.match_name(value.split("<", 1)[0].strip(' "'), method="email")
                    if hit:
                        return hit
        title = doc.metadata.get("title")
        return matcher.match_title(title) if title else None

    def _save_extraction(
        self,
        row: dict[str, Any],
        collated: CollatedDocument | None,
        error: str | None,
        qhash: str,
        match: Match | None,
    ) -> None:
        sha = row["sha256"]
        with self.db.atomic():
            self.db.execute("delete from answers where sha256 = ?", [sha])
            self.db.table("extractions").insert(
                {
                    "sha256": sha,
                    "kind": str(collated.kind) if collated else None,
                    "authority": collated.authority if collated else None,
                    "reference": collated.reference if collated else None,
                    "date_received": collated.date_received if collated else None,
                    "date_responded": collated.date_responded if collated else None,
                    "questionnaire_hash": qhash,
                    "extracted_at": now(),
                    "error": error,
                },
                replace=True,
            )
            if collated:
                self.db.table("answers").insert_all(
                    [
                        {
                            "sha256": sha,
                            "question": a.question,
                            "status": str(a.status),
                            "grounds": a.grounds,
                            "referred_to": a.referred_to,
                            "value": _dumps(a.value),
                            "breakdown": _dumps(a.breakdown),
                            "count": a.count,
                            "evidence": json.dumps([e.to_json() for e in a.evidence],
                                                   ensure_ascii=False),
                            "confidence": a.confidence,
                            "method": a.method,
                            "note": a.note,
                        }
                        for a in collated.answers
                    ]
                )
            if row["match_method"] != PERSON:
                self.db.table("files").update(sha, {
                    "body_id": match.target.id if match else None,
                    "match_method": match.method if match else None,
                    "match_score": match.score if match else None,
                })

    # -- reading --------------------------------------------------------------------------

    def files(self, body_id: str | None = None) -> list[FileInfo]:
        where = "f.superseded_by is null" + (" and f.body_id = ?" if body_id else "")
        rows = self.db.query(
            f"""select f.*, e.kind, e.error, e.date_responded
                from files f left join extractions e on e.sha256 = f.sha256
                where {where} order by f.added_at, f.name""",
            [body_id] if body_id else [],
        )
        out = []
        for r in rows:
            if r["received"]:
                reply_date, source = _date(r["received"]), "received"
            elif _date(r["date_responded"]):
                reply_date, source = _date(r["date_responded"]), "letter"
            else:
                reply_date, source = _date(r["added_at"]), "added"
            out.append(FileInfo(
                sha256=r["sha256"], name=r["name"], added_at=r["added_at"], body_id=r["body_id"],
                match_method=r["match_method"], kind=r["kind"], error=r["error"],
                reply_date=reply_date, reply_date_source=source,
            ))
        return out

    def _clock_events(self, body_id: str) -> list[dict[str, Any]]:
        return list(self.db.query(
            "select kind, on_date, note, at from clock_events where body_id = ? order by on_date, id",
            [body_id],
        ))

    def _clock(self, target: Target) -> clk.Clock:
        events = [clk.ClockEvent(e["kind"], date.fromisoformat(e["on_date"]))
                  for e in self._clock_events(target.id)]
        return clk.run_clock(target.sent, target.nation, events)

    def _corrections(self, body_id: str) -> dict[str, list[Correction]]:
        out: dict[str, list[Correction]] = {}
        for r in self.db.query(
            "select * from corrections where body_id = ? order by id", [body_id]
        ):
            out.setdefault(r["question"], []).append(Correction(
                question=r["question"], old=_loads(r["old"]), new=_loads(r["new"]), who=r["who"],
                at=r["at"], note=r["note"], source=r["source"],
            ))
        return out

    def _extracted_answers(self, files: Sequence[FileInfo]) -> dict[str, tuple[Answer, str]]:
        """Per question, the answer read from the body's replies and the file it came from.

        The latest reply that says something about a question wins; a question no reply
        addressed is not answered (from the latest reply).
        """
        replies = sorted(
            (f for f in files if f.kind == DocumentKind.RESPONSE),
            key=lambda f: (f.reply_date or date.min, f.added_at),
        )
        out: dict[str, tuple[Answer, str]] = {}
        for f in replies:
            for r in self.db.table("answers").rows_where("sha256 = ?", [f.sha256]):
                a = _answer_from_row(r)
                if r["question"] not in out or a.status != Status.NOT_ANSWERED:
                    out[r["question"]] = (a, f.name)
        return out

    def _overrides(self, body_id: str) -> dict[str, dict[str, Any]]:
        return {r["question"]: r for r in self.db.table("overrides").rows_where("body_id = ?", [body_id])}

    def body_answers(self, target: Target) -> list[BodyAnswer]:
        """Every question's answer for one body, a person's correction taking precedence."""
        files = self.files(target.id)
        extracted = self._extracted_answers(files)
        overrides = self._overrides(target.id)
        history = self._corrections(target.id)
        out = []
        for q in self.questionnaire().questions:
            ext, fname = extracted.get(q.id, (None, None))
            ov = overrides.get(q.id)
            if ov is not None:
                answer = Answer(
                    question=q.id, status=Status(ov["status"]), grounds=ov["grounds"],
                    referred_to=ov["referred_to"], value=_loads(ov["value"]),
                    evidence=list(ext.evidence) if ext else [], confidence=1.0, method="human",
                    note=ov["note"],
                )
            else:
                answer = ext or Answer(question=q.id)
            hist = history.get(q.id, [])
            out.append(BodyAnswer(
                question=q, answer=answer, file=fname, extracted=ext,
                corrected=hist[-1] if ov is not None and hist else None, history=hist,
            ))
        return out

    def _body_status(self, target: Target, today: date, matcher: Matcher) -> BodyStatus:
        files = self.files(target.id)
        answers = self.body_answers(target)
        clock = self._clock(target)
        # a file not known to be reference material is a reply, even before it is extracted
        reply_files = [f for f in files if f.kind != DocumentKind.REFERENCE]
        first = min(reply_files, key=lambda f: (f.reply_date or date.max, f.added_at), default=None)
        replied = first.reply_date if first else None
        counts = outcome_counts(a.answer.status for a in answers)
        # a body with no file but answers a person typed in (a postal reply) has replied too
        replied_somehow = first is not None or any(a.corrected for a in answers)
        state = reply_state(counts) if replied_somehow else waiting_state(clock, today)
        taken = late = review = None
        if replied is not None:
            taken = clock.days_taken(replied)
            due = clock.due
            late = bool(due and replied > due)
            review = clk.internal_review_due(replied, target.nation)
        referrals = []
        for a in answers:
            if a.answer.status == Status.REFERRED and a.answer.referred_to:
                name, target_id = resolve_referral(a.answer.referred_to, target, matcher)
                referrals.append(Referral(
                    from_body=target.id, question=a.question.id, referred_to=name,
                    target_id=target_id,
                ))
        n_corr = self.db.execute(
            "select count(*) from corrections where body_id = ?", [target.id]
        ).fetchone()[0]
        return BodyStatus(
            id=target.id, name=target.name, nation=target.nation, state=state, sent=target.sent,
            due=clock.due, replied=replied,
            reply_date_source=first.reply_date_source if first else None,
            working_days_taken=taken, late=late, internal_review_due=review,
            referred_to=referrals, outcomes=counts, files=len(files), corrections=n_corr,
            clock_paused=clock.paused,
            answers={a.question.id: str(a.answer.status) for a in answers},
        )

    def status(self, today: date | None = None) -> CampaignStatus:
        """Every body's state on `today` (default: today), unmatched files, referral to-dos."""
        today = today or date.today()
        matcher = self.matcher()
        bodies = [self._body_status(t, today, matcher) for t in self.targets()]
        todo: list[Referral] = []
        seen: set[str] = set()
        for b in bodies:
            for r in b.referred_to:
                key = canonical_body(r.referred_to)
                if r.todo and key not in seen:
                    seen.add(key)
                    todo.append(r)
        unmatched = [f for f in self.files() if f.body_id is None]
        replied = [b for b in bodies if b.state in REPLY_STATES]
        questions = {
            q.id: outcome_counts(b.answers[q.id] for b in replied if q.id in b.answers)
            for q in self.questionnaire().questions
        }
        return CampaignStatus(today=today, bodies=bodies, unmatched=unmatched, todo=todo,
                              questions=questions)

    def show(self, body: str, today: date | None = None) -> BodyDetail:
        """One body: its state, every answer with its evidence, who corrected what."""
        target = self.find_body(body)
        today = today or date.today()
        files = self.files(target.id)
        clock = self._clock(target)
        for f in files:
            if f.reply_date is not None and f.kind != DocumentKind.REFERENCE:
                f.working_days_taken = clock.days_taken(f.reply_date)
                f.late = bool(clock.due and f.reply_date > clock.due)
        return BodyDetail(
            status=self._body_status(target, today, self.matcher()),
            email=target.email,
            answers=self.body_answers(target),
            files=files,
            clock_events=self._clock_events(target.id),
        )

    # -- corrections ------------------------------------------------------------------------

    def set_answer(
        self,
        body: str,
        question: str,
        *,
        status: Status | str | None = None,
        grounds: str | None = None,
        referred_to: str | None = None,
        value: Any = None,
        note: str | None = None,
        who: str | None = None,
        source: str = "api",
    ) -> Correction:
        """Set one answer for a body by hand; it is kept over anything extraction reads."""
        target = self.find_body(body)
        q = self._question(question)
        current = next(a for a in self.body_answers(target) if a.question.id == q.id).answer
        old = _answer_fields(current)
        new = dict(old)
        if status is None and value is not None:
            status = Status.ANSWERED  # a value given on its own means the question was answered
        if status is not None:
            try:
                new["status"] = str(Status(status))
            except ValueError as exc:
                raise CampaignError(
                    f"unknown status {status!r}; use " + ", ".join(str(s) for s in Status)
                ) from exc
        if new["status"] != Status.REFUSED:
            new["grounds"] = None
        if new["status"] != Status.REFERRED:
            new["referred_to"] = None
        if new["status"] != Status.ANSWERED and status is not None:
            new["value"] = None
        if grounds is not None:
            if new["status"] != Status.REFUSED:
                raise CampaignError("--grounds goes with --status refused; add it")
            new["grounds"] = grounds
        if referred_to is not None:
            if new["status"] != Status.REFERRED:
                raise CampaignError("--referred-to goes with --status referred; add it")
            new["referred_to"] = referred_to
        if value is not None:
            new["value"] = value
        who = who or who_am_i()
        at = now()
        with self.db.atomic():
            self.db.table("overrides").insert(
                {"body_id": target.id, "question": q.id, "status": new["status"],
                 "grounds": new["grounds"], "referred_to": new["referred_to"],
                 "value": _dumps(new["value"]), "note": note, "who": who, "at": at},
                replace=True,
            )
            self.db.table("corrections").insert(
                {"body_id": target.id, "question": q.id, "old": json.dumps(old),
                 "new": json.dumps(new), "who": who, "at": at, "note": note, "source": source}
            )
        return Correction(q.id, old, new, who, at, note, source)

    def clear_answer(self, body: str, question: str, *, who: str | None = None,
                     note: str | None = None, source: str = "api") -> Correction:
        """Drop a person's answer so the extracted one counts again (the change is logged)."""
        target = self.find_body(body)
        q = self._question(question)
        answers = {a.question.id: a for a in self.body_answers(target)}
        ba = answers[q.id]
        if ba.corrected is None:
            raise CampaignError(f"{target.name} has no correction for question {q.id} to clear")
        old = _answer_fields(ba.answer)
        new = _answer_fields(ba.extracted or Answer(question=q.id))
        who = who or who_am_i()
        at = now()
        with self.db.atomic():
            self.db.execute("delete from overrides where body_id = ? and question = ?",
                            [target.id, q.id])
            self.db.table("corrections").insert(
                {"body_id": target.id, "question": q.id, "old": json.dumps(old),
                 "new": json.dumps(new), "who": who, "at": at, "note": note, "source": source}
            )
        return Correction(q.id, old, new, who, at, note, source)

    def _question(self, qid: str) -> Question:
        qn = self.questionnaire()
        for q in qn.questions:
            if q.id == qid or (q.label and q.label.lower() == qid.lower()):
                return q
        for q in qn.questions:
            if q.id.lower() == qid.lower():
                return q
        raise CampaignError(f"no question {qid!r}; the questions are " + ", ".join(qn.ids))

    def parse_value(self, question: str, raw: str) -> Any:
        """A value typed by a person, read by the question's type ('45', 'yes', 'a,b')."""
        return parse_value(self._question(question), raw)

    # -- the clock ----------------------------------------------------------------------------

    def clock_event(self, body: str, kind: str, on: date, note: str | None = None) -> Target:
        """Pause (clarification sought), resume, or restart (clarification received) a clock."""
        if kind not in clk.CLOCK_EVENT_KINDS:
            raise CampaignError(f"unknown clock event {kind!r}; use pause, resume or restart")
        target = self.find_body(body)
        self.db.table("clock_events").insert(
            {"body_id": target.id, "kind": kind, "on_date": on.isoformat(), "note": note,
             "at": now()}
        )
        return target


def _answer_from_row(r: dict[str, Any]) -> Answer:
    from foicollate.model import Evidence

    return Answer(
        question=r["question"], status=Status(r["status"]), grounds=r["grounds"],
        referred_to=r["referred_to"], value=_loads(r["value"]), breakdown=_loads(r["breakdown"]),
        count=r["count"],
        evidence=[Evidence(**e) for e in (_loads(r["evidence"]) or [])],
        confidence=r["confidence"] or 0.0, method=r["method"] or "rules", note=r["note"],
    )


def _answer_fields(a: Answer) -> dict[str, Any]:
    return {"status": str(a.status), "grounds": a.grounds, "referred_to": a.referred_to,
            "value": a.value}
