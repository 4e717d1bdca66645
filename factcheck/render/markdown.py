"""Markdown report, written for a GitHub job summary (``$GITHUB_STEP_SUMMARY``).

A summary table first (one row per story), then the disagreements of each story with where they
are. Article text is escaped: a headline holding ``|`` or ``<b>`` must neither break the table nor
turn into markup. Works on a ``diff`` report (one story) and a ``check`` report alike.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from typing import Any

from factcheck.corpus import Locator, Section, sections
from factcheck.model import Finding, Severity

#: Rows of the summary table before the rest is only counted (a job summary is capped at 1 MiB).
MAX_ROWS = 200
ICON = {Severity.ERROR: "🔴", Severity.WARNING: "🟠", Severity.INFO: "🔵"}
_SPECIAL = re.compile(r"([\\`*_{}\[\]|~#!])")


def md(text: object) -> str:
    """Text safe inside a Markdown table cell or list item: one line, no markup, no HTML."""
    flat = " ".join(str(text).split())
    return _SPECIAL.sub(r"\\\1", html.escape(flat, quote=False))


def _threshold(fail_on: str) -> Severity | None:
    return None if fail_on == "never" else Severity.parse(fail_on)


def _counts(findings: tuple[Finding, ...]) -> Counter[Severity]:
    return Counter(f.severity for f in findings if f.status == "disagreement")


def _status(section: Section, threshold: Severity | None) -> str:
    if section.skipped:
        return "⚪ skipped"
    counts = _counts(section.findings)
    if threshold is not None and any(s >= threshold for s in counts):
        return "❌ fails"
    return "⚠️ disagreements" if counts else "✅ consistent"


def render(report: Any, *, fail_on: str = "error", **_: Any) -> str:
    threshold = _threshold(fail_on)
    parts = sections(report)
    where = Locator(report)
    total = _counts(tuple(report.results))
    failing = threshold is not None and any(s >= threshold for s in total)
    out = ["# factcheck report", ""]
    verdict = "❌ **Fails**" if failing else "✅ **Passes**"
    unassigned = getattr(report, "unassigned", ())
    out.append(f"{verdict} (--fail-on {md(fail_on)}): {total[Severity.ERROR]} errors, "
               f"{total[Severity.WARNING]} warnings, {total[Severity.INFO]} info disagreements "
               f"in {len(parts)} stories ({len(report.articles)} articles, {len(unassigned)} "
               "unassigned).")
    suppressed = getattr(report, "suppressed", 0)
    if suppressed:
        out.append(f"\n{suppressed} known disagreement(s) from the baseline are not shown.")
    out += ["", "| Story | Articles | Errors | Warnings | Info | Status |",
            "|---|---:|---:|---:|---:|---|"]
    ranked = sorted(parts, key=lambda s: (s.skipped, -max((int(f.severity) for f in s.findings
                                                           if f.status == "disagreement"),
                                                          default=0)))
    for s in ranked[:MAX_ROWS]:
        c = _counts(s.findings)
        out.append(f"| {md(s.id)} | {len(s.articles)} | {c[Severity.ERROR]} | "
                   f"{c[Severity.WARNING]} | {c[Severity.INFO]} | {_status(s, threshold)} |")
    if len(ranked) > MAX_ROWS:
        out.append(f"\n{len(ranked) - MAX_ROWS} more stories not listed (see the JSON report).")
    noisy = [s for s in ranked if any(f.status == "disagreement" for f in s.findings)]
    if noisy:
        out += ["", "## Disagreements"]
    for s in noisy:
        out += ["", f"### {md(s.id)}"]
        if s.reason:
            out += ["", f"_{md(s.reason)}_"]
        out.append("")
        for f in s.findings:
            if f.status != "disagreement":
                continue
            out.append(f"- {ICON[f.severity]} **{f.severity}** {md(f.message)} ({md(f.rule)})")
            for e in f.evidence:
                file, line, col = where.evidence(e)
                loc = file + (f":{line}" if line else "") + (f":{col}" if col else "")
                text = md(e.text) or "_(missing)_"
                out.append(f"  - {md(loc)}: {text}")
    if report.problems:
        out += ["", "## Problems", ""]
        out += [f"- {md(p.source or '-')}: {md(p.message)}" for p in report.problems]
    if unassigned:
        out += ["", f"<details><summary>{len(unassigned)} unassigned articles (in no story, "
                    "not compared)</summary>", ""]
        out += [f"- {md(u)}" for u in unassigned]
        out += ["", "</details>"]
    return "\n".join(out) + "\n"
