"""CLI commands of the campaign workspace (init, add, extract, status, show, set, db-path)."""

from __future__ import annotations

import click


def register(cli: click.Group) -> None:
    """Add the workspace commands to the top-level `foicollate` group."""
