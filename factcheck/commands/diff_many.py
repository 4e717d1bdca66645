"""``factcheck diff-many``: several stories compared in one run, the model loaded once.

The stories come from ``--story-from FOLDER`` (one subfolder per story) or ``--manifest FILE``
(one story per line); the comparing is :mod:`factcheck.batch`'s, this module only parses
options and writes the reports.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from factcheck.errors import UsageError


def register(group: click.Group) -> None:
    """Add ``diff-many`` to the CLI group."""
    group.add_command(diff_many)


@click.command("diff-many")
@click.option("--story-from", "folder", type=click.Path(file_okay=False),
              help="A folder with one subfolder of articles per story.")
@click.option("--manifest", type=click.Path(dir_okay=False),
              help="A file listing one story per line: [NAME:] FILE FILE...")
@click.option("--format", "fmt", type=click.Choice(["terminal", "json", "html"]),
              default="terminal", show_default=True, help="Report format.")
@click.option("--output-dir", type=click.Path(file_okay=False),
              help="Write one report per story (NAME.txt, .json or .html) into this folder.")
@click.option("--date", "date", metavar="YYYY-MM-DD",
              help="Publication date for sources that carry none.")
@click.option("--fail-on", type=click.Choice(("error", "warning", "info", "never")),
              default=None, help="Exit 1 when a disagreement of any story reaches this "
                                 "severity [default: error, or the configuration's fail-on].")
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="Configuration file (as for diff).")
@click.option("--no-cache", is_flag=True, help="Do not read or write the parse cache.")
def diff_many(folder: str | None, manifest: str | None, fmt: str, output_dir: str | None,
              date: str | None, fail_on: str | None, config_path: str | None,
              no_cache: bool) -> None:
    """Compare several stories in one run (the model is loaded once).

    Without --output-dir the reports go to stdout, each after a '== NAME' line (JSON: one
    object per line, {"story", "report"}).
    """
    from factcheck.batch import compare_stories, stories_from_folder, stories_from_manifest
    from factcheck.cli import fail_code, parse_cache, run_options, write_output

    if (folder is None) == (manifest is None):
        raise UsageError("give exactly one of --story-from and --manifest")
    stories = stories_from_folder(folder) if folder else stories_from_manifest(str(manifest))
    opts = run_options((), (), (), fail_on, config_path)
    out_dir = Path(output_dir) if output_dir else None
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    worst = []
    cache = parse_cache(no_cache)
    for name, report in compare_stories(stories, date=date, rules=opts.rules,
                                        select=opts.select, ignore=opts.ignore, cache=cache):
        for problem in report.problems:
            click.echo(f"Warning: {name}: {problem.message}", err=True)
        worst.append(fail_code(report.worst(), opts.fail_on))
        if fmt == "json" and out_dir is None:
            click.echo(json.dumps({"story": name, "report": report.to_dict()},
                                  ensure_ascii=False))
            continue
        text = report.render(fmt, color=False)
        if out_dir is None:
            click.echo(f"== {name}\n{text}", nl=False)
        else:
            ext = {"terminal": "txt"}.get(fmt, fmt)
            write_output(text, str(out_dir / f"{name}.{ext}"))
    sys.exit(max(worst, default=0))
