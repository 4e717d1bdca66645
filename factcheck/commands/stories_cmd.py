"""``factcheck stories PATH...``: show how ``factcheck check`` would group a corpus, and why.

Grouping decides which articles are compared at all, so it must be inspectable on its own and
cheaply: this command loads and groups but never runs the language model.
"""

from __future__ import annotations

import json
from typing import Any

import click


def stories_dict(grouping: Any) -> dict[str, Any]:
    """``{"stories": [{"id", "members": [path...], "reason"}], "unassigned": [path...]}``."""
    return {"stories": [{"id": s.id, "members": list(s.members), "reason": s.reason}
                        for s in grouping.stories],
            "unassigned": list(grouping.unassigned)}


def stories_text(grouping: Any) -> str:
    lines: list[str] = []
    for s in grouping.stories:
        lines.append(f"{s.id} ({len(s.members)} articles): {s.reason}")
        lines.extend(f"  {m}" for m in s.members)
    lines.append(f"{len(grouping.stories)} stories; {len(grouping.unassigned)} unassigned "
                 "(in no story, not compared)")
    lines.extend(f"  {m}" for m in grouping.unassigned)
    return "\n".join(lines) + "\n"


def register(group: click.Group) -> None:
    """Add ``stories`` to the CLI group."""
    group.add_command(stories)


@click.command("stories")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["terminal", "json"]), default="terminal",
              show_default=True, help="Output format.")
@click.option("--group-by", type=click.Choice(["auto", "folder"]), default="auto",
              show_default=True, help="Stories by content (auto) or one folder per story.")
@click.option("--window-days", type=click.IntRange(min=0), metavar="N",
              help="Never group articles dated more than N days apart.")
@click.option("--output", "-o", type=click.Path(dir_okay=False),
              help="Write to FILE (atomically) instead of stdout.")
@click.option("--quiet", "-q", is_flag=True, help="No problem lines on stderr.")
def stories(paths: tuple[str, ...], fmt: str, group_by: str, window_days: int | None,
            output: str | None, quiet: bool) -> None:
    """Group PATHS (files, folders, globs, .jsonl) into stories and say why.

    Members are file paths (FILE:LINE for JSON Lines records). Unreadable files are listed on
    stderr and left out.
    """
    from factcheck.commands.check import group_corpus, story_docs
    from factcheck.corpus import JSONL_NOTE, collect
    from factcheck.errors import InputError

    corpus = collect(list(paths))
    docs, problems = story_docs(corpus.articles)
    if not quiet:
        for p in (*corpus.problems, *problems):
            if p.message == JSONL_NOTE:
                continue  # about evidence positions, which this command does not show
            click.echo(f"problem: {p.source or '-'}: {p.message}", err=True)
    if not corpus.articles:
        raise InputError(f"no readable article among {corpus.files} file(s)",
                         hint="give .txt, .md, .html or .jsonl articles with text")
    grouping = group_corpus(docs, group_by=group_by, window_days=window_days)
    if fmt == "json":
        text = json.dumps(stories_dict(grouping), ensure_ascii=False, indent=2) + "\n"
    else:
        text = stories_text(grouping)
    from factcheck.cli import write_output  # here: factcheck.cli imports this module

    write_output(text, output)
