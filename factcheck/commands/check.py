"""``factcheck check PATH...``: a CI gate over a corpus of articles.

The run is a pipeline of plain functions, so the CLI stays a thin layer and the per-story work can
move to other machines later:

1. **collect** (:mod:`factcheck.corpus`): files, folders, globs and JSON Lines -> articles; a bad
   file becomes a problem, the rest go on.
2. **group** (:func:`group_corpus`): explicit ``story`` keys, one folder per story
   (``--group-by folder``) or :func:`factcheck.stories.group_stories`.
3. **compare** (:func:`check_story`): one story at a time, exactly as ``factcheck diff`` does. It
   is a top-level function of picklable arguments returning a picklable result, so it runs the
   same in this process, in a ``ProcessPoolExecutor`` (``--jobs``) or on a Dask cluster
   (``--scheduler``/``--engine dask``, :mod:`factcheck.distributed`).
4. **baseline** (:mod:`factcheck.baseline`): drop disagreements the baseline knows.
5. **report** (:class:`CheckReport`): it has the fields of :class:`factcheck.api.Report`
   (``articles``, ``results``, ``problems``, ``notes``, ``worst()``), so every renderer in
   :mod:`factcheck.render` takes it as it takes a one-story report.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import click

#: CLI groups that asked for ``check`` before it was defined (see :func:`register`).
_PENDING_GROUPS: list[click.Group] = []


def register(group: click.Group) -> None:
    """Add ``check`` to the CLI group.

    Defined before the import of :mod:`factcheck.cli` below, on purpose: that module registers
    the commands while it is imported. When this module is imported first (a spawned
    ``--jobs`` worker or a Dask worker unpickling :func:`check_story`, a script using the API),
    that registration runs while this module is half loaded, before ``check`` exists; the group
    is then remembered, and the command added to it at the end of this module.
    """
    command = globals().get("check")
    if isinstance(command, click.Command):
        group.add_command(command)
    else:
        _PENDING_GROUPS.append(group)


from factcheck.cli import (  # noqa: E402  (after register(): see there)
    EXIT_OK,
    common_options,
    fail_code,
    run_options,
    use_color,
    write_output,
)
from factcheck.errors import InputError, UsageError  # noqa: E402
from factcheck.model import Article, Finding, Problem, Severity  # noqa: E402

if TYPE_CHECKING:
    from factcheck.api import Report
    from factcheck.rules import Rule
    from factcheck.stories import Grouping

FORMATS = ("terminal", "json", "markdown", "sarif", "junit", "github")
#: Modules rendering the formats that ``factcheck.render.FORMATS`` may not list yet.
RENDERERS = {"markdown": "factcheck.render.markdown", "sarif": "factcheck.render.sarif",
             "junit": "factcheck.render.junit", "github": "factcheck.render.github"}


# -------------------------------------------------------------------------------- records


@dataclass(frozen=True)
class StoryResult:
    """One story's comparison; ``report`` is None when the story was skipped."""

    id: str
    reason: str
    members: tuple[str, ...]  # article ids, as grouped
    report: Report | None
    problems: tuple[Problem, ...] = ()

    @property
    def skipped(self) -> bool:
        return self.report is None


@dataclass(frozen=True)
class CheckReport:
    """A whole corpus run, shaped like :class:`factcheck.api.Report` for the renderers.

    ``articles`` holds every readable article (those in a story carry its id in ``story``);
    ``results`` the findings of all stories in story order, after the baseline; ``stories`` the
    per-story reports; ``unassigned`` the ids of articles in no story, which are not compared.
    """

    articles: tuple[Article, ...]
    results: tuple[Finding, ...]
    problems: tuple[Problem, ...]
    stories: tuple[StoryResult, ...]
    unassigned: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    rules: tuple[Rule, ...] = ()
    suppressed: int = 0  # disagreements the baseline knows, not reported
    parsed: tuple[Any, ...] = ()

    def worst(self) -> Severity | None:
        serious = [f.severity for f in self.results if f.status == "disagreement"]
        return max(serious) if serious else None

    def to_dict(self) -> dict[str, Any]:
        """The ``factcheck.report/1`` contract over all stories, plus the grouping.

        Every source and every finding has a ``story`` field (null for an unassigned source).
        """
        from factcheck.render.json import report_dict

        out = report_dict(self)
        for source in out["sources"]:
            source.setdefault("story", None)
        out["stories"] = [{"id": s.id, "members": list(s.members), "reason": s.reason,
                           "skipped": s.skipped} for s in self.stories]
        out["unassigned"] = list(self.unassigned)
        out["baseline"] = {"suppressed": self.suppressed}
        return out

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def render(self, format: str = "terminal", **options: Any) -> str:
        if format == "terminal":
            return render_terminal(self, **options)
        if format == "json":
            return self.to_json() + "\n"
        from importlib import import_module

        from factcheck.render import FORMATS as REGISTERED

        module = REGISTERED.get(format) or RENDERERS.get(format)
        if module is None:
            raise UsageError(f"unknown format {format!r}", hint=f"choose from {', '.join(FORMATS)}")
        return import_module(module).render(self, **options)


# -------------------------------------------------------------------------------- grouping


def story_docs(articles: Sequence[Article]) -> tuple[list[Any], list[Problem]]:
    """Articles as :class:`~factcheck.stories.StoryDoc` keyed by path, with their cleaned text.

    Grouping sees the article without page clutter (a headline list must not tie unrelated
    articles together). An article with no text left cannot be compared, so it is a problem.
    """
    from factcheck.clean import clean
    from factcheck.stories import StoryDoc

    docs = []
    problems = []
    for a in articles:
        cleaned = clean(a)
        if not cleaned.text.strip():
            problems.append(Problem(a.id, "no article text left after removing page clutter. "
                                          "check that the file holds an article"))
            continue
        docs.append(StoryDoc(id=a.path, text=cleaned.text, title=a.title or cleaned.title,
                             date=a.date, story=a.story))
    return docs, problems


def group_corpus(docs: Sequence[Any], *, group_by: str = "auto",
                 window_days: int | None = None) -> Grouping:
    """Stories over ``docs``: explicit ``story`` keys always win; the rest by folder or content.

    ``--window-days`` applies to automatic grouping only: metadata and folders are trusted.
    """
    from factcheck.stories import Grouping, group_by_folder, group_stories

    if group_by != "folder":
        return group_stories(docs, window_days=window_days)
    keyed = [d for d in docs if d.story is not None]
    by_key = group_stories(keyed)
    by_folder = group_by_folder([d for d in docs if d.story is None])
    stories = sorted(by_key.stories + by_folder.stories, key=lambda s: (-len(s.members), s.members))
    return Grouping(stories=tuple(stories),
                    unassigned=tuple(sorted(by_key.unassigned + by_folder.unassigned)))


# -------------------------------------------------------------------------------- compare


def check_story(story_id: str, articles: Sequence[Article], *, rules: Sequence[Rule],
                date: dt.date | None = None, reason: str = "",
                keep_parsed: bool = False, cache: Any = None) -> StoryResult:
    """Compare one story's articles as ``factcheck diff`` does; picklable in and out.

    An article that turns out to hold no text is dropped with a problem and the rest compared,
    so one bad file does not hide a story; with fewer than two left the story is skipped. The
    parsed sentences (ten times the size of the text) are returned only with ``keep_parsed`` and
    only for a story with a disagreement: the terminal report shows those stories alone, in
    sentence context, and nothing else needs them.
    """
    from factcheck.api import compare_articles
    from factcheck.corpus import problem

    key = _story_key(cache, story_id, articles, rules, date, reason, keep_parsed)
    if key is not None:
        hit = cache.get(key, StoryResult)
        if hit is not None:
            return hit
    result = _check_story(story_id, articles, rules=rules, date=date, reason=reason,
                          keep_parsed=keep_parsed, cache=cache,
                          compare_articles=compare_articles, problem=problem)
    if key is not None:
        cache.put(key, result)
    return result


def _story_key(cache: Any, story_id: str, articles: Sequence[Article], rules: Sequence[Rule],
               date: dt.date | None, reason: str, keep_parsed: bool) -> str | None:
    """Whole-story results are cached too: a CI re-run on an unchanged story costs a lookup.

    The key holds everything the result depends on: each article (metadata and text), the
    rules with their options and severities, the date, and (through the cache) the code.
    """
    if cache is None or not hasattr(cache, "key_of"):
        return None
    import hashlib

    parts = [story_id, reason, repr(date), repr(keep_parsed), repr(sorted(
        (r.id, r.kind, r.fact, int(r.severity), r.message, repr(r.options)) for r in rules))]
    for a in articles:
        digest = hashlib.sha256(a.raw.encode("utf-8", "surrogatepass")).hexdigest()
        parts.append(repr((a.id, a.path, a.title, a.outlet, a.date, a.date_precision, a.url,
                           a.language, a.story, a.body_start, a.encoding, a.warnings, digest)))
    return cache.key_of("story", *parts)


def _check_story(story_id: str, articles: Sequence[Article], *, rules: Sequence[Rule],
                 date: dt.date | None, reason: str, keep_parsed: bool, cache: Any,
                 compare_articles: Any, problem: Any) -> StoryResult:
    members = tuple(a.id for a in articles)
    arts = [dataclasses.replace(a, story=story_id) for a in articles]
    problems: list[Problem] = []
    while len(arts) >= 2:
        try:
            extra: dict[str, Any] = {"cache": cache} if cache is not None else {}
            report = compare_articles(arts, date=date, rules=list(rules), story=story_id, **extra)
        except InputError as exc:
            bad = [a for a in arts if a.path == exc.where]
            if not bad:
                raise
            problems.append(problem(bad[0].id, exc))
            arts.remove(bad[0])
            continue
        if not (keep_parsed and any(f.status == "disagreement" for f in report.results)):
            report = dataclasses.replace(report, parsed=())
        return StoryResult(story_id, reason, members, report, tuple(problems))
    problems.append(Problem(None, f"story {story_id} skipped: fewer than 2 readable articles "
                                  f"({', '.join(a.id for a in arts) or 'none'})"))
    return StoryResult(story_id, reason, members, None, tuple(problems))


def _init_worker() -> None:
    """Load the spaCy model once per worker process, before its first story."""
    from factcheck.nlp import load_model

    load_model()


def _mp_context() -> Any:
    """Fork where it is safe, else spawn.

    Forking shares the parent's loaded model with every worker and starts them at once, but
    forking a process that runs other threads (a progress bar's refresh thread) can deadlock a
    child on a lock held at the fork. So: fork only when this is the process's sole thread and
    the platform has fork; otherwise spawn, where each worker loads the model itself.
    """
    import multiprocessing
    import threading

    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


#: ``start(total)`` -> ``advance()``: how the run reports progress without knowing the display.
ProgressStart = Callable[[int], Callable[[], None]]


def _nothing() -> None:
    return None


def compare_stories(tasks: Sequence[tuple[str, str, list[Article]]], *, rules: Sequence[Rule],
                    date: dt.date | None, jobs: int = 1, keep_parsed: bool = False,
                    cache: Any = None, progress: ProgressStart | None = None,
                    engine: str = "local", scheduler: str | None = None) -> list[StoryResult]:
    """Run :func:`check_story` for each ``(story_id, reason, articles)``, in order.

    With ``jobs > 1`` stories go to worker processes; results are put back in task order, so the
    report is identical whatever the number of jobs or the order in which workers finish.
    ``progress(total)`` starts a progress display and returns its "one more done" callback; it
    is called only once the workers exist, so that a display thread never precedes a fork.

    With ``engine="dask"`` the stories go to the Dask cluster at ``scheduler``, or to a loopback
    ``LocalCluster`` of ``jobs`` processes when it is None (:mod:`factcheck.distributed`, imported
    only then: Dask is an optional extra).
    """
    if engine == "dask":
        from factcheck.distributed import compare_on_dask

        return compare_on_dask(tasks, rules=rules, date=date, scheduler=scheduler, workers=jobs,
                               keep_parsed=keep_parsed, cache=cache, progress=progress)
    if jobs <= 1 or len(tasks) <= 1:
        advance = progress(len(tasks)) if progress else _nothing
        out = []
        for sid, reason, arts in tasks:
            out.append(check_story(sid, arts, rules=rules, date=date, reason=reason,
                                   keep_parsed=keep_parsed, cache=cache))
            advance()
        return out
    from concurrent.futures import ProcessPoolExecutor, as_completed

    context = _mp_context()
    if context.get_start_method() == "fork":
        _init_worker()  # loaded once here, shared by every forked worker (copy-on-write)
    results: list[StoryResult | None] = [None] * len(tasks)
    pool = ProcessPoolExecutor(max_workers=min(jobs, len(tasks)), initializer=_init_worker,
                               mp_context=context)
    try:
        futures = {pool.submit(check_story, sid, arts, rules=list(rules), date=date,
                               reason=reason, keep_parsed=keep_parsed, cache=cache): n
                   for n, (sid, reason, arts) in enumerate(tasks)}
        advance = progress(len(tasks)) if progress else _nothing
        for future in as_completed(futures):
            results[futures[future]] = future.result()
            advance()
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    return [r for r in results if r is not None]


# -------------------------------------------------------------------------------- the run


@dataclass(frozen=True)
class Settings:
    """Everything a run needs besides the paths: what the command-line options say."""

    date: dt.date | None = None
    rules: tuple[Rule, ...] = ()
    group_by: str = "auto"
    window_days: int | None = None
    jobs: int = 1
    baseline: str | None = None
    keep_parsed: bool = False  # for the terminal report's sentence context and word counts
    cache: Any = None  # a factcheck.cache.ParseCache, when the core has one: parses reused
    #: "local" (this process, or ``jobs`` processes) or "dask"; with "dask", ``scheduler`` is an
    #: existing cluster's address, or None for a LocalCluster of ``jobs`` processes. The cache is
    #: a local folder: the Dask engine hands it to local workers only, never to a remote cluster.
    engine: str = "local"
    scheduler: str | None = None


def run_check(paths: Sequence[str], settings: Settings, *,
              progress: ProgressStart | None = None
              ) -> tuple[CheckReport, list[Finding]]:
    """Collect, group, compare and filter; returns the report and all disagreements found
    (before the baseline), which is what ``--write-baseline`` records."""
    from factcheck import baseline as bl
    from factcheck.corpus import collect

    corpus = collect(paths)
    if not corpus.articles:
        first = corpus.problems[0] if corpus.problems else None
        raise InputError(f"no readable article among {corpus.files} file(s)",
                         where=f"{first.source}: {first.message}" if first else None,
                         hint="give .txt, .md, .html or .jsonl articles with text")
    known = bl.load(settings.baseline) if settings.baseline else None
    problems: list[Problem] = list(corpus.problems)
    problems.extend(Problem(a.id, w) for a in corpus.articles for w in a.warnings)
    docs, doc_problems = story_docs(corpus.articles)
    problems.extend(doc_problems)
    grouping = group_corpus(docs, group_by=settings.group_by, window_days=settings.window_days)
    by_path = {a.path: a for a in corpus.articles}
    tasks = [(s.id, s.reason, [by_path[p] for p in s.members]) for s in grouping.stories]
    results = compare_stories(tasks, rules=settings.rules, date=settings.date,
                              jobs=settings.jobs, keep_parsed=settings.keep_parsed,
                              cache=settings.cache, progress=progress,
                              engine=settings.engine, scheduler=settings.scheduler)

    found = [f for r in results if r.report for f in r.report.results if f.status == "disagreement"]
    suppressed = 0
    if known is not None:
        # Entries are matched by what each side of a disagreement says, not counted or tied to
        # a story (see baseline.py): one entry covers the disagreement wherever it turns up.
        filtered = []
        for r in results:
            if r.report is not None:
                kept, gone = bl.split(r.report.results, known)
                suppressed += len(gone)
                r = dataclasses.replace(r, report=dataclasses.replace(r.report, results=tuple(kept)))
            filtered.append(r)
        results = filtered

    # Articles left without text by the cleaner are problems, not sources of the report.
    grouped = {d.id for d in docs}
    story_of = {m: r.id for r in results for m in r.members}
    articles = tuple(dataclasses.replace(a, story=story_of.get(a.id)) for a in corpus.articles
                     if a.path in grouped)
    notes: list[str] = []
    for r in results:
        problems.extend(r.problems)
        if r.report is not None:
            problems.extend(r.report.problems)
            notes.extend(r.report.notes)
    if known is not None:
        notes.append(f"baseline {settings.baseline}: {suppressed} known disagreement(s) not "
                     "reported")
    order = {a.path: n for n, a in enumerate(corpus.articles)}  # file order, then line order
    unassigned = tuple(by_path[p].id for p in sorted(grouping.unassigned, key=order.__getitem__))
    report = CheckReport(
        articles=articles,
        results=tuple(f for r in results if r.report for f in r.report.results),
        problems=tuple(dict.fromkeys(problems)), stories=tuple(results), unassigned=unassigned,
        notes=tuple(dict.fromkeys(notes)), rules=settings.rules, suppressed=suppressed)
    return report, found


# -------------------------------------------------------------------------------- terminal


def render_terminal(report: CheckReport, *, width: int | None = None, color: bool = False,
                    details: bool = False, **_: Any) -> str:
    """Each story with a disagreement as ``factcheck diff`` shows it, then a summary table.

    Stories without a disagreement appear only in the summary: on a corpus of hundreds of
    stories their agreements would bury the few lines a reader needs (the JSON has them all).
    """
    import io

    from rich import box
    from rich.console import Console
    from rich.rule import Rule as Heading
    from rich.table import Table
    from rich.text import Text

    from factcheck.render import MAX_WIDTH, terminal
    from factcheck.render.visible import visible

    report = visible(report)  # no escape sequence from an article or a file name
    # Plain output (a pipe, a file, a CI log) keeps to ASCII, like the per-story reports.
    rule_chars = "─" if color else "="
    table_box = box.SIMPLE_HEAD if color else getattr(terminal, "ASCII_HEAD", box.ASCII)

    buf = io.StringIO()
    console = Console(file=buf, width=min(width or 100, MAX_WIDTH), force_terminal=color,
                      no_color=not color,
                      color_system="standard" if color else None, highlight=False,
                      soft_wrap=False)
    for story in report.stories:
        if story.report is None or not any(f.status == "disagreement"
                                           for f in story.report.results):
            continue
        console.print(Heading(Text(f"Story {story.id} ({len(story.members)} articles)"),
                              align="left", characters=rule_chars))
        console.print(Text(story.reason, style="dim"))
        buf.write(terminal.render(story.report, width=width, color=color, details=details))
    table = Table(title="Stories", title_justify="left", expand=False, box=table_box)
    for col in ("story", "articles", "error", "warning", "info", "status"):
        table.add_column(col, overflow="fold")
    for story in report.stories:
        counts = severity_counts(story.report.results if story.report else ())
        status = Text("skipped", style="yellow") if story.skipped else (
            Text("disagreements", style="bold red") if sum(counts.values()) else Text(
                "consistent", style="green"))
        table.add_row(Text(story.id), str(len(story.members)),
                      *(str(counts[s]) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)),
                      status)
    console.print(table)
    counts = severity_counts(report.results)
    line = Text(f"{len(report.stories)} stories · {len(report.articles)} articles · "
                f"{len(report.unassigned)} unassigned · {counts[Severity.ERROR]} errors · "
                f"{counts[Severity.WARNING]} warnings · {counts[Severity.INFO]} info")
    console.print(line)
    if report.unassigned:
        console.print(Text("unassigned (not compared): " + ", ".join(report.unassigned),
                           style="dim"))
    for note in report.notes:
        console.print(Text("note: " + note, style="dim"))
    for p in report.problems:
        console.print(Text(f"problem: {p.source or '-'}: {p.message}", style="yellow"))
    return buf.getvalue()


def severity_counts(findings: Sequence[Finding]) -> Counter[Severity]:
    """Disagreements per severity (the only findings a gate counts)."""
    return Counter(f.severity for f in findings if f.status == "disagreement")


# -------------------------------------------------------------------------------- CLI


def _progress(quiet: bool) -> Any:
    """A progress bar on stderr, or nothing when stderr is not a terminal or with --quiet."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(TextColumn("comparing stories"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=Console(stderr=True), transient=True,
                    disable=quiet or not sys.stderr.isatty())


@contextmanager
def progress_bar(quiet: bool) -> Iterator[ProgressStart]:
    """Yield ``start(total)``; the bar (and its refresh thread) appears only when it is called."""
    bar = _progress(quiet)
    started = False

    def start(total: int) -> Callable[[], None]:
        nonlocal started
        if not started:
            bar.start()
            started = True
        task = bar.add_task("stories", total=total)
        return lambda: bar.advance(task)

    try:
        yield start
    finally:
        if started:
            bar.stop()


def parse_date(date: str | None) -> dt.date | None:
    if date is None:
        return None
    try:
        return dt.date.fromisoformat(date)
    except ValueError as exc:
        raise UsageError(f"bad --date {date!r}", hint="write it as YYYY-MM-DD") from exc


def parse_reports(values: Sequence[str]) -> list[tuple[str, str]]:
    out = []
    for value in values:
        fmt, sep, path = value.partition("=")
        if not sep or fmt not in FORMATS or not path:
            raise UsageError(f"bad --report {value!r}",
                             hint=f"write FORMAT=FILE with FORMAT one of {', '.join(FORMATS)}")
        out.append((fmt, path))
    return out


def choose_engine(engine: str | None, scheduler: str | None, jobs: int) -> tuple[str, int]:
    """The engine and the number of local processes, from ``--engine``, ``--scheduler``, ``--jobs``.

    ``--scheduler`` alone means Dask (naming a cluster and running locally would be a silent
    surprise), so ``--engine local`` with it is a contradiction. ``--engine dask`` without
    ``--jobs`` starts one worker per CPU: one worker is slower than no Dask at all. Asking for
    Dask checks that it is installed before any article is read.
    """
    if scheduler is not None and engine == "local":
        raise UsageError("--scheduler needs the Dask engine",
                         hint="drop --engine local, or give --engine dask")
    if scheduler is None and engine != "dask":
        return "local", jobs
    from factcheck.distributed import check_address, require

    require()
    if scheduler is not None:
        check_address(scheduler)
    source = click.get_current_context().get_parameter_source("jobs")
    if scheduler is None and source is click.core.ParameterSource.DEFAULT:
        jobs = 0  # one per CPU
    return "dask", jobs


@click.command("check")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="terminal", show_default=True,
              help="Report format.")
@click.option("--report", "reports", multiple=True, metavar="FORMAT=FILE",
              help="Also write FORMAT to FILE from the same run (repeatable).")
@click.option("--group-by", type=click.Choice(["auto", "folder"]), default="auto",
              show_default=True, help="Stories by content (auto) or one folder per story.")
@click.option("--window-days", type=click.IntRange(min=0), metavar="N",
              help="Never group articles dated more than N days apart.")
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False),
              help="Report and fail only on disagreements not in this baseline.")
@click.option("--write-baseline", type=click.Path(dir_okay=False),
              help="Record today's disagreements in FILE (and exit 0).")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=1, show_default=True, metavar="N",
              help="Compare stories in N processes (0: one per CPU).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default=None,
              help="Compare stories here (local) or with Dask (dask): on the --scheduler cluster, "
                   "else on a loopback LocalCluster of --jobs processes (default: one per CPU). "
                   "[default: local; dask with --scheduler]")
@click.option("--scheduler", metavar="ADDRESS",
              help="Compare stories on the Dask cluster at ADDRESS (tcp://HOST:8786); implies "
                   "--engine dask. Needs factcheck[dask].")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or messages on stderr.")
@click.option("--details", is_flag=True,
              help="In the terminal report, list every single-source fact and sentence of the "
                   "stories shown (default: counts per source).")
@common_options
def check(paths: tuple[str, ...], fmt: str, reports: tuple[str, ...], group_by: str,
          window_days: int | None, baseline_file: str | None, write_baseline: str | None,
          jobs: int, engine: str | None, scheduler: str | None, quiet: bool, details: bool,
          **common: Any) -> None:
    """Check a corpus: group PATHS (files, folders, globs, .jsonl) into stories and compare each.

    Exit 0 when no disagreement reaches --fail-on, 1 when one does, 2 on errors.
    """
    # The options shared with `diff` arrive as **common: that decorator grows with the project
    # (--config, --no-cache), and this command must not break each time it does.
    from factcheck import baseline as bl
    from factcheck import cli as cli_module
    from factcheck.api import resolve_rules

    extra = parse_reports(reports)
    engine, jobs = choose_engine(engine, scheduler, jobs)
    opts = run_options(common.get("rules_dirs", ()), common.get("select", ()),
                       common.get("ignore", ()), common.get("fail_on"), common.get("config_path"))
    rules = resolve_rules(opts.rules, opts.select, opts.ignore)
    make_cache = getattr(cli_module, "parse_cache", None)
    cache = make_cache(bool(common.get("no_cache"))) if make_cache and "no_cache" in common else None
    output, width = common.get("output"), common.get("width")
    settings = Settings(date=parse_date(common.get("date")), rules=tuple(rules), group_by=group_by,
                        window_days=window_days, jobs=jobs or (os.cpu_count() or 1),
                        baseline=baseline_file,
                        keep_parsed="terminal" in (fmt, *(f for f, _ in extra)), cache=cache,
                        engine=engine, scheduler=scheduler)
    with progress_bar(quiet) as bar:
        report, found = run_check(list(paths), settings, progress=bar)
    options = {"width": width, "fail_on": opts.fail_on, **({"details": True} if details else {})}
    for extra_fmt, extra_path in extra:
        write_output(report.render(extra_fmt, color=False, **options), extra_path)
    text = report.render(fmt, color=use_color(bool(common.get("no_color")), output), **options)
    write_output(text, output)
    if not any(not story.skipped for story in report.stories):
        # A CI gate that compared nothing must not pass: the corpus is not what the job thinks.
        raise InputError(f"nothing compared: no story has two readable articles "
                         f"({len(report.articles)} article(s), {len(report.problems)} problem(s))",
                         hint="give two or more articles about one story; see the problems above")
    if write_baseline:
        write_output(bl.dumps(found), write_baseline)
        if not quiet:
            click.echo(f"Baseline: {len(found)} disagreement(s) recorded in {write_baseline}",
                       err=True)
        sys.exit(EXIT_OK)
    sys.exit(fail_code(report.worst(), opts.fail_on))


for _group in _PENDING_GROUPS:  # groups that asked while this module was loading (see register)
    _group.add_command(check)
_PENDING_GROUPS.clear()

__all__ = ["CheckReport", "StoryResult", "check_story", "register", "run_check"]
