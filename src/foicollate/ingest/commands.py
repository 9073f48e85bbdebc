"""`foicollate text FILE`: show the text foicollate reads from a reply, with where it came from."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from foicollate.model import Document


def marked_text(doc: Document, cells: bool = False) -> str:
    """The document's text with a "[page 2]" / "[attachment: x.pdf]" line where each starts.

    With `cells`, every spreadsheet cell is followed by its address: "14 {Sheet1!B2}".
    """
    inserts: list[tuple[int, int, str]] = []  # (offset, order, text)
    for r in doc.regions:
        if r.kind == "page":
            inserts.append((r.start, 1, f"[page {r.label}]\n"))
        elif r.kind == "part" and not doc.text.startswith("--- ", r.start):  # no header line
            inserts.append((r.start, 0, f"[{r.label}]\n"))
        elif r.kind == "cell" and cells:
            inserts.append((r.end, 2, f" {{{r.label}}}"))
    inserts.sort(key=lambda item: (item[0], item[1]))
    out: list[str] = []
    at = 0
    for offset, _, text in inserts:
        out.append(doc.text[at:offset])
        at = offset
        last = next((chunk[-1] for chunk in reversed(out) if chunk), "\n")
        if text.endswith("\n") and last != "\n":  # a marker line always starts a line
            out.append("\n")
        out.append(text)
    out.append(doc.text[at:])
    return "".join(out)


def register(cli: click.Group) -> None:
    from foicollate.cli import Example

    @cli.command(
        cls=Example,
        short_help="Show the text read from one reply file.",
        example="foicollate text replies/northshire.pdf\n"
                "foicollate text figures.xlsx --cells",
    )
    @click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
    @click.option("--cells", is_flag=True, help="Follow each spreadsheet cell with its address.")
    @click.option("--plain", is_flag=True, help="The text exactly as collated, no markers.")
    def text(file: Path, cells: bool, plain: bool) -> None:
        """Print the text foicollate reads from FILE, marking pages and attachments.

        Use it to check what a PDF, Word file, spreadsheet, email or zip gives the
        collation; evidence offsets in collated.json count characters of the --plain text.
        Header hints (sender, date, subject) and warnings go to stderr.
        """
        from foicollate.errors import UnreadableDocument
        from foicollate.ingest import read_document

        try:
            doc = read_document(file)
        except UnreadableDocument as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(1)
        for key, value in doc.metadata.items():
            click.echo(f"{key}: {value}", err=True)
        for warning in doc.warnings:
            click.echo(f"Warning: {warning}", err=True)
        click.echo(doc.text if plain else marked_text(doc, cells), nl=False)
