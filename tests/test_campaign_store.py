"""campaign.db: ordered named migrations recorded in a table, WAL so readers never block."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from foicollate.campaign import store


def test_migrations_are_recorded_and_run_once(tmp_path: Path) -> None:
    db = store.connect(tmp_path / "c.db")
    names = [r["name"] for r in db["_migrations"].rows]
    assert names == [m.__name__ for m in store.MIGRATIONS]
    assert {"bodies", "files", "extractions", "answers", "overrides", "corrections",
            "clock_events", "settings"} <= set(db.table_names())
    assert store.migrate(db) == []  # nothing left to do
    db.close()


def test_a_new_migration_is_applied_on_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store.connect(tmp_path / "c.db").close()

    def m999_add_tags(db: sqlite_utils.Database) -> None:
        db["tags"].create({"body_id": str, "tag": str})

    monkeypatch.setattr(store, "MIGRATIONS", [*store.MIGRATIONS, m999_add_tags])
    db = store.connect(tmp_path / "c.db")
    assert "tags" in db.table_names()
    assert [r["name"] for r in db["_migrations"].rows][-1] == "m999_add_tags"
    db.close()


def test_a_failing_migration_leaves_no_trace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store.connect(tmp_path / "c.db").close()

    def m998_broken(db: sqlite_utils.Database) -> None:
        db["half"].create({"x": int})
        raise RuntimeError("boom")

    monkeypatch.setattr(store, "MIGRATIONS", [*store.MIGRATIONS, m998_broken])
    with pytest.raises(RuntimeError):
        store.connect(tmp_path / "c.db")
    db = sqlite_utils.Database(tmp_path / "c.db")
    assert "half" not in db.table_names()
    assert "m998_broken" not in {r["name"] for r in db["_migrations"].rows}


def test_wal_lets_the_writer_commit_while_a_reader_is_reading(tmp_path: Path) -> None:
    db = store.connect(tmp_path / "c.db")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db["settings"].insert({"key": "a", "value": "1"})
    reader = sqlite3.connect(tmp_path / "c.db", timeout=0.1)
    reader.execute("BEGIN")
    assert reader.execute("select value from settings where key='a'").fetchone() == ("1",)
    # the reader's transaction is still open: a rollback-journal db would refuse this write
    db["settings"].insert({"key": "b", "value": "2"})
    assert reader.execute("select count(*) from settings").fetchone() == (1,)  # its snapshot
    reader.execute("COMMIT")
    assert reader.execute("select count(*) from settings").fetchone() == (2,)
    reader.close()
    db.close()


def test_browsing_view_shows_corrections_beside_extraction(tmp_path: Path) -> None:
    db = store.connect(tmp_path / "c.db")
    db.table("bodies").insert({"id": "devon", "name": "Devon County Council", "nation": "England",
                               "sent": "2022-01-10", "position": 0})
    db.table("files").insert({"sha256": "f1", "name": "devon.pdf", "stored": "originals/f1.pdf",
                              "body_id": "devon", "added_at": "2022-01-20"})
    for q, status in (("a", "answered"), ("b", "not_answered")):
        db.table("answers").insert({"sha256": "f1", "question": q, "status": status,
                                    "value": "12" if q == "a" else None})
    db.table("overrides").insert({"body_id": "devon", "question": "b", "status": "refused",
                                  "grounds": "s12", "who": "alice", "at": "2022-02-01"})
    rows = list(db.query("select question, status, grounds, extracted_status, corrected_by "
                         "from answers_by_body"))
    assert rows == [
        {"question": "a", "status": "answered", "grounds": None, "extracted_status": "answered",
         "corrected_by": None},
        {"question": "b", "status": "refused", "grounds": "s12",
         "extracted_status": "not_answered", "corrected_by": "alice"},
    ]
    db.close()
