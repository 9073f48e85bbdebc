"""CLI commands of the campaign workspace (init, add, extract, status, show, set, db-path).

Each command opens the workspace (the current directory, --campaign DIR or
$FOICOLLATE_CAMPAIGN), calls one method of `Campaign` and prints its result.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from foicollate.errors import FoicollateError

DATE = click.DateTime(formats=["%Y-%m-%d"])


def _day(value: datetime | None) -> date | None:
    return value.date() if value else None


def campaign_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--campaign", "campaign_dir", envvar="FOICOLLATE_CAMPAIGN",
        type=click.Path(file_okay=False, path_type=Path),
        help="The workspace folder (default: $FOICOLLATE_CAMPAIGN, else the current directory).",
    )(f)


def today_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--today", type=DATE, default=None,
                        help="Work out overdue states as on this day (YYYY-MM-DD).")(f)


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


def register(cli: click.Group) -> None:
    """Add the workspace commands to the top-level `foicollate` group."""
    from foicollate.campaign import render
    from foicollate.campaign.workspace import Campaign
    from foicollate.cli import Example, fail

    def open_campaign(campaign_dir: Path | None) -> Campaign:
        try:
            return Campaign.open(campaign_dir)
        except FoicollateError as exc:
            fail(str(exc))
            raise  # unreachable: fail exits

    @cli.command(
        short_help="Make a campaign workspace: questionnaire and bodies asked.",
        cls=Example,
        example="""
foicollate init my-campaign --request request.txt --targets bodies.csv --sent 2020-02-11
foicollate init my-campaign --questionnaire questionnaire.yaml --targets bodies.csv
""",
    )
    @click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
    @click.option("--request", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                  help="The request text; its questions become questionnaire.yaml.")
    @click.option("--questionnaire", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                  help="A questionnaire YAML to use instead of --request.")
    @click.option("--targets", required=True,
                  type=click.Path(exists=True, dir_okay=False, path_type=Path),
                  help="CSV of the bodies asked: name, nation, optional email and sent date.")
    @click.option("--sent", type=DATE, help="The day the request was sent, for rows without one.")
    @click.option("--title", help="Title of the questionnaire (with --request).")
    def init(folder: Path, request: Path | None, questionnaire: Path | None, targets: Path,
             sent: datetime | None, title: str | None) -> None:
        """Make a campaign workspace in FOLDER: the questionnaire and the bodies asked.

        The targets CSV has a header row naming its columns: name and nation (England,
        Wales, Scotland or Northern Ireland) are needed; email and sent are optional.
        """
        try:
            camp = Campaign.init(folder, targets, request=request, questionnaire=questionnaire,
                                 sent=_day(sent), title=title)
        except FoicollateError as exc:
            fail(str(exc))
            return
        with camp:
            n_bodies = len(camp.targets())
            n_q = len(camp.questionnaire().questions)
        click.echo(f"Made {folder}: {n_bodies} bodies, {n_q} questions. Check "
                   f"{folder / 'questionnaire.yaml'}, then `cd {folder}` and "
                   "`foicollate add` the replies.")

    @cli.command(
        short_help="Add reply files to the workspace.",
        cls=Example,
        example="""
foicollate add ~/Downloads/reply-*.pdf
foicollate add letter.pdf --authority "Devon County Council" --received 2020-02-24
""",
    )
    @click.argument("paths", nargs=-1, required=True,
                    type=click.Path(exists=True, path_type=Path))
    @click.option("--authority", help="The body that sent these files (any unambiguous part "
                  "of its name).")
    @click.option("--received", type=DATE, help="The day the reply arrived (YYYY-MM-DD).")
    @campaign_option
    def add(paths: tuple[Path, ...], authority: str | None, received: datetime | None,
            campaign_dir: Path | None) -> None:
        """Copy reply files into the workspace; a file added twice is kept once.

        Each file is matched to a body by its name now, and by its text on `extract`.
        """
        with open_campaign(campaign_dir) as camp:
            try:
                added = camp.add(paths, authority=authority, received=_day(received))
            except FoicollateError as exc:
                fail(str(exc))
                return
        for a in added:
            who = f"-> {a.body} (by {a.method})" if a.body else "-> body not known yet"
            state = "added" if a.new else "already in the workspace"
            extra = f"; replaces {a.supersedes[:8]}" if a.supersedes else ""
            click.echo(f"{a.sha256[:8]}  {a.name}: {state} {who}{extra}")
        n_new = sum(1 for a in added if a.new)
        click.echo(f"Added {n_new} new file(s); run `foicollate extract` to read them.", err=True)

    @cli.command(
        short_help="Read new replies and collate their answers.",
        cls=Example,
        example="foicollate extract\nfoicollate extract --force",
    )
    @click.option("--force", is_flag=True, help="Read every file again, not only new ones.")
    @click.option("--progress/--no-progress", default=None,
                  help="Show a progress bar (default: on a terminal).")
    @campaign_option
    def extract(force: bool, progress: bool | None, campaign_dir: Path | None) -> None:
        """Read the files not read yet and collate their answers.

        Safe to interrupt: every file is saved as it is done and the next run carries on.
        Answers you set with `foicollate set` are never overwritten.
        """
        from tqdm import tqdm

        with open_campaign(campaign_dir) as camp:
            try:
                total = len(camp.pending(force))
                show = sys.stderr.isatty() if progress is None else progress
                with tqdm(total=total, unit="file", disable=not show, file=sys.stderr) as bar:
                    report = camp.extract(force=force, progress=lambda _n: bar.update())
            except FoicollateError as exc:
                fail(str(exc))
                return
        for name, message in report.failed:
            click.echo(f"Could not read {name}: {message}", err=True)
        summary = f"Extracted {len(report.extracted)} file(s)"
        if report.skipped:
            summary += f"; {report.skipped} already done (--force to redo)"
        click.echo(summary + ".")
        if report.unmatched:
            click.echo(f"{len(report.unmatched)} file(s) not matched to a body: "
                       + ", ".join(report.unmatched)
                       + "; say whose with `foicollate assign FILE BODY`.")

    @cli.command(
        short_help="Show where every body stands.",
        cls=Example,
        example="foicollate status\nfoicollate status --json",
    )
    @click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
    @today_option
    @campaign_option
    def status(as_json: bool, today: datetime | None, campaign_dir: Path | None) -> None:
        """Where every body stands: state, due date, reply date, lateness, outcomes.

        States follow WhatDoTheyKnow: awaiting response, overdue, long overdue, successful,
        partially successful, information not held, refused, referred elsewhere.
        """
        with open_campaign(campaign_dir) as camp:
            try:
                st = camp.status(today=_day(today))
            except FoicollateError as exc:
                fail(str(exc))
                return
        if as_json:
            _echo_json(st.to_json())
        else:
            click.echo(render.status_table(st))

    @cli.command(
        short_help="Show one body's answers, evidence and corrections.",
        cls=Example,
        example="foicollate show devon\nfoicollate show barnet --json",
    )
    @click.argument("body")
    @click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
    @today_option
    @campaign_option
    def show(body: str, as_json: bool, today: datetime | None, campaign_dir: Path | None) -> None:
        """One BODY (any unambiguous part of its name): every answer, its evidence, who corrected it."""
        with open_campaign(campaign_dir) as camp:
            try:
                detail = camp.show(body, today=_day(today))
            except FoicollateError as exc:
                fail(str(exc))
                return
        if as_json:
            _echo_json(detail.to_json())
        else:
            click.echo(render.body_page(detail))

    @cli.command(
        "set",
        short_help="Correct one answer by hand.",
        cls=Example,
        example="""
foicollate set devon b --status refused --grounds s12 --note "checked the letter"
foicollate set barnet a --value 45
foicollate set barnet c --status referred --referred-to "Hertfordshire County Council"
foicollate set devon b --clear
""",
    )
    @click.argument("body")
    @click.argument("question")
    @click.option("--status", type=click.Choice(
        ["answered", "not_held", "refused", "referred", "not_answered"]),
        help="The outcome.")
    @click.option("--grounds", help="With --status refused: the section cited (s12, s40 ...).")
    @click.option("--referred-to", help="With --status referred: the body said to hold it.")
    @click.option("--value", help="The value, read by the question's type (45, yes, a,b).")
    @click.option("--note", help="Why: kept with the correction.")
    @click.option("--clear", is_flag=True, help="Drop your answer; the extracted one counts again.")
    @click.option("--who", help="Your name on the correction (default: $FOICOLLATE_USER or login).")
    @campaign_option
    def set_(body: str, question: str, status: str | None, grounds: str | None,
             referred_to: str | None, value: str | None, note: str | None, clear: bool,
             who: str | None, campaign_dir: Path | None) -> None:
        """Correct one answer of BODY to QUESTION; extraction never overwrites it."""
        with open_campaign(campaign_dir) as camp:
            try:
                if clear:
                    c = camp.clear_answer(body, question, who=who, note=note, source="cli")
                else:
                    if not any(v is not None for v in (status, grounds, referred_to, value)):
                        fail("say what to set: --status, --grounds, --referred-to or --value "
                             "(or --clear)")
                    parsed = camp.parse_value(question, value) if value is not None else None
                    c = camp.set_answer(body, question, status=status, grounds=grounds,
                                        referred_to=referred_to, value=parsed, note=note,
                                        who=who, source="cli")
                name = camp.find_body(body).name
            except FoicollateError as exc:
                fail(str(exc))
                return
        old, new = c.old or {}, c.new or {}
        click.echo(f"{name}, question {c.question}: {old.get('status')} -> {new.get('status')}"
                   + (f" ({new.get('grounds')})" if new.get("grounds") else "")
                   + (f" to {new.get('referred_to')}" if new.get("referred_to") else "")
                   + (f", value {json.dumps(new.get('value'))}" if new.get("value") is not None
                      else "")
                   + f"; recorded for {c.who}.")

    @cli.command(
        short_help="Say which body sent a file.",
        cls=Example,
        example='foicollate assign 3fa9c2d1 devon\nfoicollate assign reply-7.pdf "Barnet"',
    )
    @click.argument("file")
    @click.argument("body")
    @campaign_option
    def assign(file: str, body: str, campaign_dir: Path | None) -> None:
        """Say which BODY sent FILE (its name or the start of its hash)."""
        with open_campaign(campaign_dir) as camp:
            try:
                f, target = camp.assign(file, body)
            except FoicollateError as exc:
                fail(str(exc))
                return
        click.echo(f"{f.sha256[:8]}  {f.name} -> {target.name}")

    @cli.command(
        short_help="Pause, resume or restart a body's statutory clock.",
        cls=Example,
        example="""
foicollate clock devon pause 2020-02-14 --note "asked which teams count"
foicollate clock devon restart 2020-02-20
""",
    )
    @click.argument("body")
    @click.argument("event", type=click.Choice(["pause", "resume", "restart"]))
    @click.argument("on", type=DATE)
    @click.option("--note", help="Why (kept with the event).")
    @campaign_option
    def clock(body: str, event: str, on: datetime, note: str | None,
              campaign_dir: Path | None) -> None:
        """Pause BODY's statutory clock (clarification sought), resume it, or restart it.

        restart: the request counts as received afresh ON that day (clarification received).
        resume: the clock runs on from ON, keeping the working days already used.
        """
        with open_campaign(campaign_dir) as camp:
            try:
                target = camp.clock_event(body, event, on.date(), note)
                detail = camp.show(target.id)
            except FoicollateError as exc:
                fail(str(exc))
                return
        due = detail.status.due
        click.echo(f"{target.name}: clock {event} on {on.date().isoformat()}; "
                   + (f"now due {due.isoformat()}." if due else "clock paused."))

    @cli.command("db-path", cls=Example, example='datasette "$(foicollate db-path)"',
                 short_help="Print the path of the workspace database.")
    @campaign_option
    def db_path(campaign_dir: Path | None) -> None:
        """Print the path of the workspace's SQLite database (for Datasette or sqlite-utils)."""
        with open_campaign(campaign_dir) as camp:
            click.echo(str(camp.db_path))
