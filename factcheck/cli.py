"""The command line: a thin click layer over :mod:`factcheck.api`.

Library errors become one line on stderr (``Error: what (where). fix``) and exit code 2;
findings at or above ``--fail-on`` give exit code 1; Ctrl-C gives 130. A traceback is shown only
with ``--debug``.
"""

from __future__ import annotations

import dataclasses
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from factcheck.errors import FactcheckError
from factcheck.render import MAX_WIDTH

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130
FAIL_ON = ("error", "warning", "info", "never")


class State:
    debug = False


def common_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Options shared by the commands that compare articles."""
    options = [
        click.option("--date", "date", metavar="YYYY-MM-DD",
                     help="Publication date for sources that carry none."),
        click.option("--fail-on", type=click.Choice(FAIL_ON), default=None,
                     help="Exit 1 when a disagreement reaches this severity [default: error, "
                          "or the configuration's fail-on]."),
        click.option("--config", "config_path", type=click.Path(dir_okay=False),
                     help="Configuration file (default: the nearest factcheck.toml, or "
                          "pyproject.toml with [tool.factcheck])."),
        click.option("--rules", "rules_dirs", multiple=True, type=click.Path(),
                     help="Add a folder of rule files (repeatable)."),
        click.option("--select", multiple=True, help="Only these rule ids or tags."),
        click.option("--ignore", multiple=True, help="Skip these rule ids or tags."),
        click.option("--output", "-o", type=click.Path(dir_okay=False),
                     help="Write the report to FILE (atomically) instead of stdout."),
        click.option("--width", type=click.IntRange(1, MAX_WIDTH),
                     help=f"Terminal report width in columns (at most {MAX_WIDTH})."),
        click.option("--no-color", is_flag=True, help="No colour (also: NO_COLOR=1)."),
        click.option("--no-cache", is_flag=True,
                     help="Do not read or write the parse cache (FACTCHECK_CACHE_DIR, else the "
                          "user cache folder)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
@click.version_option(package_name="factcheck")
def cli(debug: bool) -> None:
    """Check that news articles about one story agree on their facts."""
    State.debug = debug or State.debug


def fail_code(worst: Any, fail_on: str) -> int:
    from factcheck.model import Severity

    if fail_on == "never" or worst is None:
        return EXIT_OK
    return EXIT_FINDINGS if worst >= Severity.parse(fail_on) else EXIT_OK


@dataclasses.dataclass(frozen=True)
class RunOptions:
    """Rules and thresholds after merging the configuration file and the command line."""

    rules: list[Any]
    select: list[str] | None
    ignore: list[str] | None
    fail_on: str


def run_options(rules_dirs: tuple[str, ...], select: tuple[str, ...], ignore: tuple[str, ...],
                fail_on: str | None, config_path: str | None) -> RunOptions:
    from factcheck.config import Config, apply, check_selection, find_config, load_config
    from factcheck.errors import UsageError
    from factcheck.rules import load_rules, require_known

    if config_path:
        if not Path(config_path).exists():
            raise UsageError("configuration file not found", where=config_path)
        config = load_config(Path(config_path))
    else:
        found = find_config()
        config = load_config(found) if found else Config()
    rules = apply(load_rules([*config.rules, *rules_dirs]), config)
    check_selection(rules, config)
    chosen = {"--select": split_names(select), "--ignore": split_names(ignore)}
    for option, names in chosen.items():
        require_known(rules, names, lambda _name, o=option: o, UsageError)
    return RunOptions(rules, chosen["--select"] or list(config.select) or None,
                      chosen["--ignore"] or list(config.ignore) or None,
                      fail_on or config.fail_on or "error")


def parse_cache(no_cache: bool) -> Any:
    """The on-disk parse cache, unless switched off."""
    if no_cache or os.environ.get("FACTCHECK_NO_CACHE"):
        return None
    from factcheck.cache import ParseCache
    from factcheck.nlp import MODEL

    cache = ParseCache(model=MODEL)
    cache.prune()
    return cache


def split_names(values: tuple[str, ...]) -> list[str] | None:
    """``--select a,b --select c`` -> ["a", "b", "c"]; None when nothing was given."""
    names = [n.strip() for v in values for n in v.split(",") if n.strip()]
    return names or None


def write_output(text: str, output: str | None) -> None:
    """Print, or replace FILE atomically so an interrupted run leaves the old file whole.

    The file gets the mode a plain ``open()`` would give it: an existing file keeps its own,
    a new one 0666 less the umask (``mkstemp`` alone would make every report 0600).
    """
    if not output:
        click.echo(text, nl=False)
        return
    from factcheck.errors import UsageError

    target = Path(output)
    folder = require_output_folder(output)
    try:
        mode = target.stat().st_mode & 0o7777 if target.exists() else 0o666 & ~current_umask()
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=folder)
    except OSError as exc:
        raise UsageError(f"cannot write the output: {exc.strerror}", where=output) from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise UsageError(f"cannot write the output: {exc.strerror}", where=output) from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def require_output_folder(output: str) -> Path:
    """The folder ``output`` goes in; a missing one is a usage error, said before a long run."""
    from factcheck.errors import UsageError

    folder = Path(output).parent
    if not folder.is_dir():
        raise UsageError("output folder does not exist", where=str(folder),
                         hint=f"create it first, or write {output} somewhere else")
    return folder


def current_umask() -> int:
    """The process umask (reading it means setting it; it is put back at once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def use_color(no_color: bool, output: str | None) -> bool:
    if no_color or output or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def diff_paths(args: tuple[str, ...]) -> list[str]:
    """The files ``diff`` compares: globs expanded as ``check`` does (a quoted ``'*.txt'`` reaches
    us unexpanded); a folder is a corpus, which is ``check``'s job, so it is a usage error."""
    from factcheck.corpus import expand
    from factcheck.errors import UsageError

    for arg in args:
        if Path(arg).is_dir():
            raise UsageError("is a folder; 'factcheck diff' compares two or more files of one story",
                             where=arg, hint=f"run 'factcheck check {arg}' to group a folder into "
                                             "stories and compare each")
    return expand(args)


@contextmanager
def slow_notice(message: str, *, quiet: bool, delay: float = 3.0,
                stream: Any = None) -> Iterator[None]:
    """Say on stderr what a run is doing once it has taken ``delay`` seconds.

    A cold run (the model loaded, every article parsed) takes tens of seconds, a cached one
    under a second: only the slow one should print anything. The line is erased when the run
    ends, and nothing is printed when stderr is not a terminal or with ``--quiet``.
    """
    import threading

    out = stream or sys.stderr
    if quiet or not out.isatty():
        yield
        return
    shown = threading.Event()

    def show() -> None:
        out.write(message)
        out.flush()
        shown.set()

    timer = threading.Timer(delay, show)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        timer.join()
        if shown.is_set():
            out.write("\r\x1b[K")
            out.flush()


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["terminal", "json", "html"]), default="terminal",
              show_default=True, help="Report format.")
@click.option("--details", is_flag=True,
              help="List every single-source fact and sentence (default: counts per source).")
@click.option("--quiet", "-q", is_flag=True, help="No progress or warnings on stderr.")
@common_options
def diff(files: tuple[str, ...], fmt: str, details: bool, quiet: bool, date: str | None,
         fail_on: str | None, config_path: str | None, rules_dirs: tuple[str, ...],
         select: tuple[str, ...], ignore: tuple[str, ...], output: str | None, width: int | None,
         no_color: bool, no_cache: bool) -> None:
    """Compare FILES (two or more articles about one story) and report their facts.

    FILES may be globs (quoted or not). For a folder or a corpus of several stories, use
    'factcheck check'.
    """
    from factcheck.api import compare_articles
    from factcheck.load import load_files

    opts = run_options(rules_dirs, select, ignore, fail_on, config_path)
    if output:
        require_output_folder(output)
    articles = load_files(diff_paths(files))
    with slow_notice(f"Comparing {len(articles)} articles (a first run loads the French model "
                     "and parses them; later runs reuse the cache)…", quiet=quiet):
        report = compare_articles(articles, date=date, rules=opts.rules, select=opts.select,
                                  ignore=opts.ignore, cache=parse_cache(no_cache))
    if not quiet:
        for problem in report.problems:
            click.echo(f"Warning: {problem.message}", err=True)
    text = report.render(fmt, width=width, color=use_color(no_color, output), details=details)
    write_output(text, output)
    sys.exit(fail_code(report.worst(), opts.fail_on))


@cli.command("rules")
@click.option("--rules", "rules_dirs", multiple=True, type=click.Path(),
              help="Add a folder of rule files.")
def rules_cmd(rules_dirs: tuple[str, ...]) -> None:
    """List the rules."""
    from factcheck.rules import load_rules

    for r in load_rules(list(rules_dirs)):
        click.echo(f"{r.id:22} {r.severity!s:8} {r.kind:20} {r.name}")


@cli.command("rule")
@click.argument("rule_id")
@click.option("--rules", "rules_dirs", multiple=True, type=click.Path())
def rule_cmd(rule_id: str, rules_dirs: tuple[str, ...]) -> None:
    """Explain one rule: what it does, why, its options and examples."""
    import dataclasses
    import difflib

    from factcheck.errors import UsageError
    from factcheck.kinds import KINDS
    from factcheck.rules import load_rules

    rules = {r.id: r for r in load_rules(list(rules_dirs))}
    if rule_id not in rules:
        close = difflib.get_close_matches(rule_id, list(rules), n=1)
        raise UsageError(f"no rule '{rule_id}'",
                         hint=f"did you mean '{close[0]}'?" if close else "see 'factcheck rules'")
    r = rules[rule_id]
    click.echo(f"{r.id}: {r.name}\n")
    click.echo(f"What it does\n  {KINDS[r.kind].doc} (kind {r.kind}, fact {r.fact}, "
               f"severity {r.severity})\n")
    click.echo(f"Why it matters\n  {r.description}\n")
    click.echo("Options")
    for f in dataclasses.fields(r.options):
        click.echo(f"  {f.name} = {getattr(r.options, f.name)!r}")
    for label, title in (("fail", "Example (reported)"), ("pass", "Use instead (not reported)")):
        for case in r.examples.get(label, [])[:1]:
            click.echo(f"\n{title}")
            for n, text in enumerate(case["sources"], 1):
                click.echo(f"  source {n}: {text.splitlines()[-1]}")
    click.echo(f"\nFile: {r.path}")


# Commands defined in their own modules (one job each); listed here so `factcheck --help`
# shows them all. Each module has ``register(group)``.
COMMAND_MODULES: tuple[str, ...] = ("factcheck.commands.extract", "factcheck.commands.check",
                                    "factcheck.commands.stories_cmd",
                                    "factcheck.commands.diff_many")


def _register_commands() -> None:
    from importlib import import_module

    for name in COMMAND_MODULES:
        import_module(name).register(cli)


_register_commands()


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the CLI and turn every failure into a message and an exit code."""
    args = sys.argv[1:] if argv is None else argv
    State.debug = "--debug" in args or bool(os.environ.get("FACTCHECK_DEBUG"))
    try:
        cli.main(args=args, prog_name="factcheck", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Interrupted.", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_ERROR)
    except FactcheckError as exc:
        if State.debug:
            raise
        click.echo(f"Error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        sys.exit(EXIT_OK)
    except Exception as exc:
        if State.debug:
            raise
        click.echo(f"Error: internal error: {type(exc).__name__}: {exc}. "
                   "Run again with --debug and report it", err=True)
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_OK)


if __name__ == "__main__":  # pragma: no cover
    main()
