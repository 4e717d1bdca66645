"""The library entry point: :func:`compare` runs the whole pipeline and returns a :class:`Report`.

The CLI is a thin layer over this module. pandas appears only here, at the edge where a user asks
for DataFrames.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.cache import ParseCache
from factcheck.claims import compare as compare_facts
from factcheck.clean import clean
from factcheck.engine import run
from factcheck.errors import InputError, UsageError
from factcheck.extract import pipeline as extract
from factcheck.extract.dates import Reference
from factcheck.load import article_from_text, load_file, unique_ids
from factcheck.model import Article, Finding, Parsed, Problem, Severity
from factcheck.nlp import load_model
from factcheck.rules import Rule, load_rules, require_known, select_rules

if TYPE_CHECKING:
    import pandas as pd

@dataclass(frozen=True)
class Text:
    """An article given as text: never taken for a path, whatever it looks like.

    A plain string is read as a path when it names a file, and as article text otherwise; a
    short one-line string that looks like a path but names no file is an error rather than a
    one-line "article" (a mistyped path would otherwise be compared, and agree with nothing).
    """

    text: str
    id: str | None = None


Source = str | Path | tuple[str, str] | Text
#: Endings that make a one-line string a path (the article kinds factcheck reads).
PATH_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl", ".json", ".text")


def looks_like_path(s: str) -> bool:
    """One short line naming a file kind, or holding a folder separator and no space."""
    if "\n" in s or len(s) > 4096 or not s.strip():
        return False
    s = s.strip()
    return s.lower().endswith(PATH_SUFFIXES) or (("/" in s or "\\" in s) and " " not in s)


@dataclass(frozen=True)
class Report:
    """The result of one comparison: sources, findings, problems, and the facts behind them."""

    articles: tuple[Article, ...]
    results: tuple[Finding, ...]
    problems: tuple[Problem, ...]
    parsed: tuple[Parsed, ...] = ()
    notes: tuple[str, ...] = ()

    # -- machine formats --------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        from factcheck.render.json import report_dict

        return report_dict(self)

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def render(self, format: str = "terminal", **options: Any) -> str:
        from factcheck.render import render

        return render(self, format, **options)

    def worst(self) -> Severity | None:
        serious = [f.severity for f in self.results if f.status == "disagreement"]
        return max(serious) if serious else None

    # -- pandas, for notebooks ----------------------------------------------------------------
    @property
    def findings(self) -> pd.DataFrame:
        """One row per finding and evidence item (the records themselves are ``results``)."""
        import pandas as pd

        rows = []
        for n, f in enumerate(self.results):
            for e in f.evidence:
                rows.append({"finding": n, "rule": f.rule, "status": f.status,
                             "severity": str(f.severity), "type": f.type, "message": f.message,
                             "source": e.source, "text": e.text, "value": e.value,
                             "start": e.start, "end": e.end, "line": e.line,
                             "column": e.column})
        return pd.DataFrame(rows, columns=["finding", "rule", "status", "severity", "type",
                                           "message", "source", "text", "value", "start",
                                           "end", "line", "column"])

    @property
    def facts(self) -> pd.DataFrame:
        import pandas as pd

        rows = []
        for p in self.parsed:
            for f in p.facts:
                rows.append({"source": p.article.id, "type": f.type, "text": f.text,
                             "value": f.value, "start": f.start, "end": f.end,
                             "sentence": f.sentence, **{k: v for k, v in f.attrs.items()
                                                        if isinstance(v, str | int | float | bool)}})
        return pd.DataFrame(rows)


def _exists(path: str) -> bool:
    try:
        return Path(path).exists()
    except (OSError, ValueError):  # a NUL byte, a name too long: not a file
        return False


def _as_articles(sources: Sequence[Source]) -> list[Article]:
    kinds: list[str] = []  # "path", "text" or "pair", one per source
    names: list[str] = []  # what the ids are made from
    for n, s in enumerate(sources, 1):
        if isinstance(s, Text):
            kinds.append("text")
            names.append(s.id or f"text{n}")
        elif isinstance(s, tuple):
            kinds.append("pair")
            names.append(s[0])
        elif isinstance(s, Path) or (isinstance(s, str) and looks_like_path(s)):
            if not _exists(str(s)):
                raise InputError("no such file", where=str(s),
                                 hint="check the path; to compare text, pass "
                                      "factcheck.Text(text) or an (id, text) pair")
            kinds.append("path")
            names.append(str(s))
        elif isinstance(s, str) and "\n" not in s and len(s) < 4096 and _exists(s):
            kinds.append("path")
            names.append(s)
        elif isinstance(s, str):
            kinds.append("text")
            names.append(f"text{n}")
        else:
            raise UsageError(f"cannot compare a {type(s).__name__}",
                             hint="give paths, strings, factcheck.Text(...) or (id, text) pairs")
    ids = unique_ids(names)
    out = []
    for s, kind, i in zip(sources, kinds, ids, strict=True):
        if kind == "path":
            out.append(load_file(s, id=i))  # type: ignore[arg-type]
        elif kind == "pair":
            out.append(article_from_text(s[1], id=i, path=s[0]))  # type: ignore[index]
        else:
            body = s.text if isinstance(s, Text) else str(s)
            out.append(article_from_text(body, id=i, path=i))
    return out


def compare(sources: Sequence[Source], *, date: dt.date | str | None = None,
            rules: Iterable[Rule] | str | Path | None = None,
            select: list[str] | None = None, ignore: list[str] | None = None,
            story: str | None = None) -> Report:
    """Compare two or more articles about one story.

    ``sources`` are paths, article strings, :class:`Text` or ``(id, text)`` pairs. A string
    that looks like a path (one line ending in ``.txt``, ``.html``..., or with a ``/`` and no
    space) must name a file: a mistyped path raises :class:`~factcheck.errors.InputError`.
    ``date`` is the publication date for sources that carry none. ``rules`` is a list of rules
    or a folder of user rules added to the built-in ones.
    """
    articles = _as_articles(list(sources))
    return compare_articles(articles, date=date, rules=rules, select=select, ignore=ignore,
                            story=story)


def resolve_rules(rules: Iterable[Rule] | str | Path | None, select: list[str] | None = None,
                  ignore: list[str] | None = None) -> list[Rule]:
    if rules is None:
        loaded = load_rules()
    elif isinstance(rules, str | Path):
        loaded = load_rules([str(rules)])
    else:
        loaded = list(rules)
    for key, names in (("select", select), ("ignore", ignore)):
        require_known(loaded, names, lambda _name, k=key: k, UsageError)
    return select_rules(loaded, select, ignore)


def compare_articles(articles: list[Article], *, date: dt.date | str | None = None,
                     rules: Iterable[Rule] | str | Path | None = None,
                     select: list[str] | None = None, ignore: list[str] | None = None,
                     story: str | None = None, cache: ParseCache | None = None) -> Report:
    """Compare loaded articles; ``cache`` reuses parses from earlier runs (see cache.py)."""
    if len(articles) < 2:
        raise UsageError("need at least two sources to compare",
                         where=", ".join(a.path for a in articles) or None,
                         hint="give two or more articles about the same story")
    rule_list = resolve_rules(rules, select, ignore)
    if isinstance(date, str):
        try:
            date = dt.date.fromisoformat(date)
        except ValueError as exc:
            raise UsageError(f"bad --date {date!r}", hint="write it as YYYY-MM-DD") from exc
    articles, notes = borrow_dates(articles, date)
    problems: list[Problem] = [Problem(a.id, w) for a in articles for w in a.warnings]
    problems.extend(input_checks(articles))
    provisional = {a.id: extract.reference(a) for a in articles}
    parsed = list(extract.parse_articles(articles, load_model, refs=provisional, cache=cache))
    for p in parsed:
        if not p.sentences:
            raise InputError("no article text left after removing page clutter",
                             where=p.article.path, hint="check that the file holds an article")
    refs, ref_notes = refine_refs(parsed)
    notes.extend(ref_notes)
    parsed = [redate(p, refs.get(p.article.id)) for p in parsed]
    parsed = anchor_years(parsed)
    observations, _pairs = compare_facts(parsed)
    texts = {p.article.id: p.article.raw for p in parsed}
    findings = run(observations, rule_list, texts, story=story)
    order = {a.id: n for n, a in enumerate(sorted(articles, key=lambda a: a.id))}
    parsed.sort(key=lambda p: order[p.article.id])
    return Report(articles=tuple(p.article for p in parsed), results=tuple(findings),
                  problems=tuple(problems), parsed=tuple(parsed), notes=tuple(notes))


def input_checks(articles: list[Article]) -> list[Problem]:
    """Warnings that do not stop the comparison: a non-French text, identical copies."""
    from factcheck.language import guess_language

    problems = []
    for a in articles:
        body = a.raw[a.body_start:]
        lang, _ = guess_language(body)
        declared = (a.language or "fr").lower()[:2]
        if declared != "fr":
            problems.append(Problem(a.id, f"{a.path}: declared language '{a.language}'; factcheck "
                                          "reads French, so facts may be missed"))
        elif lang is not None and lang != "fr":
            problems.append(Problem(a.id, f"{a.path}: the text looks like '{lang}', not French; "
                                          "facts may be missed or wrong"))
    seen: dict[str, str] = {}
    for a in articles:
        key = " ".join(a.raw[a.body_start:].split())
        if key in seen:
            problems.append(Problem(a.id, f"{a.path} has the same text as {seen[key]}: "
                                          "the comparison will find only agreements"))
        else:
            seen[key] = a.path
    return problems


def borrow_dates(articles: list[Article], date: dt.date | None) -> tuple[list[Article], list[str]]:
    """Give undated sources a publication date: ``--date``, else the best-dated other source."""
    notes: list[str] = []
    rank = {"day": 3, "month": 2, "year": 1}
    dated = sorted((a for a in articles if a.date), key=lambda a: (-rank.get(
        a.date_precision or "", 0), a.id))
    out = []
    for a in articles:
        if a.date is not None:
            out.append(a)
        elif date is not None:
            out.append(dataclasses.replace(a, date=date, date_precision="day",
                                           date_borrowed_from="--date"))
            notes.append(f"{a.id}: no date; using --date {date.isoformat()}")
        elif dated:
            donor = dated[0]
            out.append(dataclasses.replace(a, date=donor.date,
                                           date_precision=donor.date_precision,
                                           date_borrowed_from=donor.id))
            notes.append(f"{a.id}: no date; borrowed {donor.id}'s date "
                         f"({_show_date(donor.date, donor.date_precision)})")
        else:
            out.append(a)
    return out, notes


def _show_date(d: dt.date | None, precision: str | None) -> str:
    if d is None:
        return "unknown"
    return {"year": d.strftime("%Y"), "month": d.strftime("%Y-%m")}.get(precision or "",
                                                                         d.isoformat())


def refine_refs(parsed: list[Parsed]) -> tuple[dict[str, dt.date | Reference | None],
                                               list[str]]:
    """Narrow a month-precision publication date with the story's own latest dated day.

    An article dated only "2023-05" that says "jeudi" cannot be resolved to a day; but if a
    source of the same story dates an event "jeudi 18 mai", the story was written on or after
    that day, so that day is the best reference for the whole comparison.
    """
    days: list[dt.date] = []
    for p in parsed:
        for f in p.facts:
            # Only days written out with a number ("jeudi 18 mai"), not ones inferred from a
            # weekday or "hier", which themselves depend on the reference being refined.
            if (f.type == "date" and f.attrs.get("precision") == "day" and f.value
                    and any(ch.isdigit() for ch in f.text)):
                try:
                    days.append(dt.date.fromisoformat(str(f.value)[:10]))
                except ValueError:
                    continue
    refs: dict[str, dt.date | Reference | None] = {}
    notes: list[str] = []
    for p in parsed:
        a = p.article
        ref: dt.date | Reference | None = extract.reference(a)
        if a.date is not None and a.date_precision in ("month", "year") and \
                isinstance(ref, Reference):
            window = ref
            inside = [d for d in days if window.earliest <= d <= window.latest]
            if inside:
                ref = max(inside)
                notes.append(f"{a.id}: publication date known to the "
                             f"{a.date_precision}; relative dates resolved against "
                             f"{ref.isoformat()}, the latest dated day in the story")
        refs[a.id] = ref
    return refs, notes


_YEAR = re.compile(r"\b(1[89]|2[01])\d\d\b")


def anchor_years(parsed: list[Parsed]) -> list[Parsed]:
    """Give a yearless day the year the story writes out for the same day.

    "à partir du 5 janvier" in an article of December 2008 reads as January 2008 against the
    past tense, but when a source of the story says "5 janvier 2009", that is the day meant.
    Only day-precision dates are anchored: one day named twice in a story is one day.
    """
    years: dict[str, set[str]] = {}
    for p in parsed:
        for f in p.facts:
            if f.type == "date" and f.attrs.get("precision") == "day" and f.value and \
                    _YEAR.search(f.text):
                years.setdefault(str(f.value)[5:10], set()).add(str(f.value)[:4])
    out = []
    for p in parsed:
        changed = False
        facts = []
        for f in p.facts:
            anchored = years.get(str(f.value)[5:10]) if f.type == "date" and f.value else None
            if (anchored and len(anchored) == 1 and f.attrs.get("precision") == "day"
                    and not _YEAR.search(f.text) and str(f.value)[:4] not in anchored):
                year = next(iter(anchored))
                f = dataclasses.replace(f, value=year + str(f.value)[4:],
                                        attrs={**f.attrs, "anchored": True})
                changed = True
            facts.append(f)
        out.append(dataclasses.replace(p, facts=tuple(facts)) if changed else p)
    return out


def redate(p: Parsed, ref: dt.date | Reference | None) -> Parsed:
    """Re-resolve this article's dates against a refined reference (cheap: no model run)."""
    if ref is None:
        return p
    cleaned = clean(p.article)
    frames = {(f.start, f.end): f.attrs["frame"] for f in p.facts
              if f.type == "date" and "frame" in f.attrs}
    dates = [dataclasses.replace(f, attrs={**f.attrs, "frame": frames[(f.start, f.end)]})
             if (f.start, f.end) in frames else f
             for f in extract.date_facts(p.sentences, cleaned, p.article, ref)]
    overlaps = extract.overlap_test([(f.start, f.end) for f in dates])
    others = [f for f in p.facts if f.type != "date" and not (
        f.type == "amount" and overlaps(f.start, f.end))]
    facts = sorted(extract.with_quote_words(others + dates, p.article.raw),
                   key=lambda f: (f.start, f.end, f.type))
    return dataclasses.replace(p, facts=tuple(facts))


def compare_stories(stories: Iterable[tuple[str, Sequence[Source]]], **options: Any
                    ) -> Iterable[tuple[str, Report]]:
    """Several stories in one process, the model loaded once (see :mod:`factcheck.batch`)."""
    from factcheck.batch import compare_stories as run_stories

    return run_stories(stories, **options)


__all__ = ["Report", "Text", "compare", "compare_stories"]
