"""campaign.db: the workspace's SQLite database, its schema and its migrations.

The schema changes only through the ordered, named migration functions in MIGRATIONS;
each one that has run is recorded in the `_migrations` table, so opening an older
workspace brings it up to date and opening a current one does nothing. The database is
in WAL mode so readers (Datasette, the review server) never block the writer.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

DB_NAME = "campaign.db"

Migration = Callable[[sqlite_utils.Database], None]


def now() -> str:
    """The current UTC time as an ISO string (seconds)."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def m001_initial(db: sqlite_utils.Database) -> None:
    """Settings, bodies, files, extractions, answers, corrections, clock events."""
    db.table("settings").create({"key": str, "value": str}, pk="key")
    db.table("bodies").create(
        {"id": str, "name": str, "nation": str, "email": str, "sent": str, "position": int},
        pk="id",
        not_null={"name", "nation", "sent"},
    )
    db.table("files").create(
        {
            "sha256": str,
            "name": str,  # the file's name when added
            "stored": str,  # its path under originals/
            "size": int,
            "added_at": str,
            "body_id": str,  # the body it is a reply from (NULL: unmatched)
            "match_method": str,  # person | filename | email | authority | text
            "match_score": float,
            "authority_hint": str,  # --authority given on add
            "received": str,  # --received given on add: the day the reply arrived
            "source_path": str,  # where it was added from (absolute)
            "superseded_by": str,  # a later version added from the same path
        },
        pk="sha256",
        foreign_keys=[("body_id", "bodies", "id")],
    )
    db.table("extractions").create(
        {
            "sha256": str,
            "kind": str,  # response | reference
            "authority": str,  # who the engine read as the sender
            "reference": str,
            "date_received": str,
            "date_responded": str,
            "questionnaire_hash": str,
            "extracted_at": str,
            "error": str,  # one sentence when the file could not be read
        },
        pk="sha256",
        foreign_keys=[("sha256", "files", "sha256")],
    )
    db.table("answers").create(
        {
            "sha256": str,
            "question": str,
            "status": str,
            "grounds": str,
            "referred_to": str,
            "value": str,  # JSON
            "breakdown": str,  # JSON
            "count": float,
            "evidence": str,  # JSON list of {start, end, text, page, where}
            "confidence": float,
            "method": str,
            "note": str,
        },
        pk=("sha256", "question"),
        foreign_keys=[("sha256", "files", "sha256")],
    )
    # The answer a person set for a body and question: extraction never touches it.
    db.table("overrides").create(
        {
            "body_id": str,
            "question": str,
            "status": str,
            "grounds": str,
            "referred_to": str,
            "value": str,  # JSON
            "note": str,
            "who": str,
            "at": str,
        },
        pk=("body_id", "question"),
        foreign_keys=[("body_id", "bodies", "id")],
    )
    # Every change a person made, with the old and new answer (JSON), oldest first.
    db.table("corrections").create(
        {
            "id": int,
            "body_id": str,
            "question": str,
            "old": str,
            "new": str,
            "who": str,
            "at": str,
            "note": str,
            "source": str,  # cli | review | api
        },
        pk="id",
        foreign_keys=[("body_id", "bodies", "id")],
    )
    db.table("clock_events").create(
        {"id": int, "body_id": str, "kind": str, "on_date": str, "note": str, "at": str},
        pk="id",
        foreign_keys=[("body_id", "bodies", "id")],
    )
    db.table("files").create_index(["body_id"])
    db.table("corrections").create_index(["body_id", "question"])


def m002_browsing_views(db: sqlite_utils.Database) -> None:
    """Views for browsing the workspace as it is (Datasette, sqlite-utils): one row per
    body, question and reply file, with what was read beside what a person set."""
    db.create_view(
        "answers_by_body",
        """
        select b.name as body, a.question, f.name as file,
               coalesce(o.status, a.status) as status,
               case when o.body_id is null then a.grounds else o.grounds end as grounds,
               case when o.body_id is null then a.referred_to else o.referred_to end as referred_to,
               case when o.body_id is null then a.value else o.value end as value,
               a.status as extracted_status, a.value as extracted_value, a.confidence,
               o.who as corrected_by, o.at as corrected_at, o.note as correction_note,
               a.evidence
        from answers a
        join files f on f.sha256 = a.sha256 and f.superseded_by is null
        join bodies b on b.id = f.body_id
        left join overrides o on o.body_id = b.id and o.question = a.question
        order by b.position, f.added_at, a.question
        """,
    )
    db.create_view(
        "unmatched_files",
        """
        select f.sha256, f.name, f.added_at, e.kind, e.authority as engine_authority, e.error
        from files f left join extractions e on e.sha256 = f.sha256
        where f.body_id is null and f.superseded_by is null
        """,
    )


#: Applied in this order; never reorder or rename one that has shipped, only append.
MIGRATIONS: list[Migration] = [m001_initial, m002_browsing_views]


def migrate(db: sqlite_utils.Database) -> list[str]:
    """Apply the migrations not yet recorded; returns the names applied."""
    if "_migrations" not in db.table_names():
        db.table("_migrations").create({"name": str, "applied_at": str}, pk="name")
    done = {row["name"] for row in db.table("_migrations").rows}
    applied = []
    for fn in MIGRATIONS:
        if fn.__name__ in done:
            continue
        with db.atomic():
            fn(db)
            db.table("_migrations").insert({"name": fn.__name__, "applied_at": now()})
        applied.append(fn.__name__)
    return applied


def connect(path: Path) -> sqlite_utils.Database:
    """Open (creating if need be) a workspace database in WAL mode, migrated to the latest."""
    db = sqlite_utils.Database(path)
    db.execute("PRAGMA busy_timeout = 10000")  # wait for another writer rather than fail
    db.execute("PRAGMA foreign_keys = ON")
    db.enable_wal()
    migrate(db)
    return db
