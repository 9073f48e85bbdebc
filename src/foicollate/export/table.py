"""Wide CSV and terminal table of a collation (stub, being written)."""
from __future__ import annotations

from pathlib import Path

from foicollate.model import Collation


def write_csv(result: Collation, path: Path) -> None:
    path.write_text("")


def render_table(result: Collation) -> str:
    return ""
