"""The `foicollate` command: thin wrappers that parse options, call the API, print results."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import click

from foicollate.errors import FoicollateError
from foicollate.model import Questionnaire


class Example(click.Command):
    """A command whose help ends with an Example section (kept verbatim)."""

    def __init__(self, *args, example: str = "", **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.example = example

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if self.example:
            formatter.write_paragraph()
            formatter.write_text("Example:")
            with formatter.indentation():
                for line in self.example.strip("\n").splitlines():
                    formatter.write(" " * formatter.current_indent + line + "\n")
        super().format_epilog(ctx, formatter)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="foicollate")
def cli() -> None:
    """Collate round-robin Freedom of Information replies into one grounded table.

    \b
    Start with the request, then collate the replies:
      foicollate questionnaire request.txt -o questionnaire.yaml
      foicollate collate replies/ -q questionnaire.yaml -o collated.json --csv collated.csv
    """


def fail(message: str) -> None:
    click.echo(f"Error: {message}", err=True)
    sys.exit(2)


@cli.command(
    cls=Example,
    example="foicollate questionnaire request.txt -o questionnaire.yaml",
)
@click.argument("request", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the YAML here (default: print it).")
@click.option("--title", help="Title for the questionnaire (default: from the file name).")
@click.option("--force", is_flag=True, help="Overwrite an existing output file.")
def questionnaire(request: Path, output: Path | None, title: str | None, force: bool) -> None:
    """Infer a questionnaire (questions, ids, types) from the REQUEST text.

    Prints what it inferred so you can check it; edit the YAML to correct it.
    """
    from foicollate.ingest.text import decode
    from foicollate.questionnaire import dump_questionnaire, parse_request

    text = decode(str(request), request.read_bytes())
    q = parse_request(text, title=title or request.stem.replace("-", " ").replace("_", " "))
    if not q.questions:
        fail(f"{request}: no questions found; number them (1., a., Q1) or end each with '?'")
    out = dump_questionnaire(q)
    if output:
        if output.exists() and not force:
            fail(f"{output} exists; pass --force to overwrite it (your edits would be lost)")
        output.write_text(out, encoding="utf-8")
        click.echo(describe_questionnaire(q), err=True)
        click.echo(f"Wrote {len(q.questions)} questions to {output}; edit it to correct them.",
                   err=True)
    else:
        click.echo(out, nl=False)


def describe_questionnaire(q: Questionnaire) -> str:
    lines = []
    for question in q.questions:
        extra = ""
        if question.choices:
            extra = f" [{len(question.choices)} {'items' if question.items else 'options'}]"
        text = question.text if len(question.text) <= 70 else question.text[:67] + "..."
        lines.append(f"  {question.id:<6} {question.type.value:<7}{extra:<12} {text}")
    return "\n".join(lines)


@cli.command(
    cls=Example,
    example="foicollate collate replies/ -q questionnaire.yaml -o collated.json --csv collated.csv",
)
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("-q", "--questionnaire", "qpath", required=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="The questionnaire YAML (from `foicollate questionnaire`).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write collated JSON here (default: print a table).")
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write a wide CSV: one row per reply.")
@click.option("--authorities", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="CSV of file,authority naming who sent each file when its text does not.")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar (default: when writing to a terminal).")
def collate(paths: tuple[Path, ...], qpath: Path, output: Path | None, csv_path: Path | None,
            authorities: Path | None, progress: bool | None) -> None:
    """Read every reply under PATHS and collate the answers to each question.

    Each answer gets an outcome (answered, not_held, refused, referred, not_answered),
    a value, the passage it came from and a confidence. Files that cannot be read are
    reported one line each; the rest are collated and the exit status is 1.
    """
    from tqdm import tqdm

    from foicollate.collate import CollateOptions
    from foicollate.collate import collate as run
    from foicollate.export.table import write_csv
    from foicollate.ingest import iter_files
    from foicollate.questionnaire import load_questionnaire

    try:
        q = load_questionnaire(qpath)
        options = CollateOptions(authorities=read_authority_map(authorities) if authorities else {})
    except FoicollateError as exc:
        fail(str(exc))
        return
    show = sys.stderr.isatty() if progress is None else progress
    bar = tqdm(total=sum(1 for _ in iter_files(paths)), unit="file", disable=not show,
               file=sys.stderr)
    result = run(paths, q, options, progress=lambda _p: bar.update())
    bar.close()
    if output:
        output.write_text(json.dumps(result.to_json(), indent=2, ensure_ascii=False) + "\n",
                          encoding="utf-8")
    if csv_path:
        write_csv(result, csv_path)
    if not output and not csv_path:
        from foicollate.export.table import render_table

        click.echo(render_table(result))
    for f in result.failures:
        click.echo(f"Skipped {f.path}: {f.message}", err=True)
    for d in result.documents:
        for warning in d.warnings:
            click.echo(f"Warning: {warning}", err=True)
    n_resp = sum(1 for d in result.documents if d.kind == "response")
    summary = (f"Collated {n_resp} replies and {len(result.documents) - n_resp} reference "
               f"documents against {len(q.questions)} questions")
    if result.failures:
        summary += f"; {len(result.failures)} file(s) could not be read"
    click.echo(summary + ".", err=True)
    if result.failures:
        sys.exit(1)


def read_authority_map(path: Path) -> dict[str, str]:
    """file,authority rows (a header row is optional) -> {file stem or name: authority}."""
    out: dict[str, str] = {}
    with path.open(newline="", encoding="utf-8-sig") as fh:
        for row in csv.reader(fh):
            if len(row) < 2 or not row[0].strip():
                continue
            if row[0].strip().lower() in ("file", "filename", "path"):
                continue
            name, body = row[0].strip(), row[1].strip()
            out[name] = body
            out[Path(name).stem] = body
    return out


#: Modules whose `register(cli)` adds their commands, as an outside plugin would.
COMMAND_MODULES = ("foicollate.ingest.commands", "foicollate.campaign.commands")


def _register_plugins() -> None:
    import importlib

    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(cli)


_register_plugins()

if __name__ == "__main__":  # pragma: no cover
    cli()
