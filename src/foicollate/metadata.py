"""Who sent a reply, their reference, and its dates (stub, being written)."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from foicollate.model import Document


@dataclass
class Metadata:
    authority: str | None = None
    reference: str | None = None
    date_received: str | None = None
    date_responded: str | None = None


def read_metadata(doc: Document, authorities: dict[str, str], exclude: Iterable[str] = ()) -> Metadata:
    return Metadata(authority=authority(doc, authorities, exclude))


def authority(doc: Document, authorities: dict[str, str], exclude: Iterable[str] = ()) -> str | None:
    return authorities.get(doc.id)
