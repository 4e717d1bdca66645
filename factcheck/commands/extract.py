"""``factcheck extract``: every fact of each article, with offsets, without comparing.

JSON Lines output is written article by article as the model finishes each batch, so thousands
of small files can be extracted in one process without holding the results in memory.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys

import click

from factcheck.errors import FactcheckError, UsageError


def register(group: click.Group) -> None:
    group.add_command(extract)


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--date", "date", metavar="YYYY-MM-DD",
              help="Publication date for articles that carry none (else relative dates stay "
                   "unresolved).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table",
              show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False),
              help="Write to FILE (atomically) instead of stdout.")
def extract(files: tuple[str, ...], date: str | None, fmt: str, output: str | None) -> None:
    """List the facts of each article: type, text, normalised value, offsets, attributes."""
    from factcheck.cli import write_output
    from factcheck.extract.pipeline import parse_articles
    from factcheck.load import load_file, unique_ids
    from factcheck.nlp import load_model
    from factcheck.render import facts as out

    ref = None
    if date:
        try:
            ref = dt.date.fromisoformat(date)
        except ValueError as exc:
            raise UsageError(f"bad --date {date!r}", hint="write it as YYYY-MM-DD") from exc
    articles = []
    problems = []
    for path, ident in zip(files, unique_ids(list(files)), strict=True):
        try:
            a = load_file(path, id=ident)
        except FactcheckError as exc:
            problems.append({"source": path, "message": str(exc)})
            click.echo(f"Error: {exc}", err=True)
            continue
        if a.date is None and ref is not None:
            a = dataclasses.replace(a, date=ref, date_precision="day", date_borrowed_from="--date")
        articles.append(a)
    nlp = load_model()
    parsed_iter = parse_articles(articles, nlp)
    if fmt == "jsonl" and not output:
        for p in parsed_iter:
            sys.stdout.write(out.render_jsonl_line(p))
            sys.stdout.flush()
    else:
        parsed = list(parsed_iter)
        if fmt == "json":
            text = out.render_json(parsed, problems)
        elif fmt == "jsonl":
            text = "".join(out.render_jsonl_line(p) for p in parsed)
        else:
            text = "".join(out.render_table(p) for p in parsed)
        write_output(text, output)
    if problems:
        sys.exit(2)
