"""The terminal report: the only module that uses rich.

Data comes in as the report's frozen records; tables are built by pure functions and printed to
a string by a console of fixed width. Article text always enters as ``rich.text.Text`` so that a
quote containing ``[sic]`` is shown as written, never read as markup.
"""

from __future__ import annotations

import io
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from factcheck.model import Finding, Severity

if TYPE_CHECKING:
    from factcheck.api import Report

SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
TYPE_TITLES = {"amount": "Amounts", "date": "Dates", "person": "People", "org": "Organisations",
               "place": "Places", "quote": "Quotes", "role": "Attribution and roles",
               "polarity": "Negation", "wording": "Wording"}


def _date(a: Any) -> Text:
    if a.date is None:
        return Text("unknown", style="dim")
    shown = a.date.isoformat()[:{"year": 4, "month": 7}.get(a.date_precision or "", 10)]
    t = Text(shown)
    if a.date_borrowed_from:
        t.append(f" (from {a.date_borrowed_from})", style="dim")
    return t


def sources_table(report: Report) -> Table:
    table = Table(title="Sources", title_justify="left", expand=False)
    for col in ("id", "outlet", "title", "date", "words"):
        table.add_column(col, overflow="fold")
    words = {p.article.id: sum(1 for s in p.sentences for t in s.tokens if not t.is_punct)
             for p in report.parsed}
    for a in report.articles:
        table.add_row(Text(a.id, style="bold"), Text(a.outlet or "-"), Text(a.title or "-"),
                      _date(a), str(words.get(a.id, "")))
    return table


def counts_line(report: Report) -> Text:
    n = defaultdict(int)
    for f in report.results:
        n[f.status] += 1
    worst = report.worst()
    t = Text()
    t.append(f"{n['disagreement']} disagreements", style="bold red" if n["disagreement"] else "")
    t.append(f" · {n['agreement']} agreements", style="green")
    t.append(f" · {n['single_source']} single-source details")
    if worst is not None:
        t.append(f" · worst: {worst}", style=SEVERITY_STYLE[worst])
    return t


def _wording(f: Finding, n_sources: int) -> Table:
    table = Table(show_header=False, box=None, padding=(0, 1), expand=False)
    table.add_column("source", style="bold", no_wrap=True)
    table.add_column("text", overflow="fold")
    for e in f.evidence:
        text = Text(" ".join(e.text.split()) or "(missing)")
        if e.extra.get("sentence") and not e.extra.get("missing"):
            text = _in_sentence(e)
        loc = f"{e.source}:{e.line}:{e.column}"
        table.add_row(Text(loc), text)
    return table


def _in_sentence(e: Any) -> Text:
    sentence: str = e.extra["sentence"]
    start = e.start - e.extra.get("sentence_start", e.start)
    text = Text()
    text.append(" ".join(sentence[:max(start, 0)].split()[-8:]) + " ", style="dim")
    text.append(" ".join(e.text.split()), style="bold reverse")
    rest = sentence[max(start, 0) + len(e.text):]
    text.append(" " + " ".join(rest.split()[:8]), style="dim")
    return text


def disagreements(report: Report) -> list[Any]:
    out: list[Any] = []
    items = [f for f in report.results if f.status == "disagreement"]
    by_type: dict[str, list[Finding]] = defaultdict(list)
    for f in items:
        by_type[f.type].append(f)
    order = sorted(by_type, key=lambda t: (-max(int(f.severity) for f in by_type[t]), t))
    for t in order:
        out.append(Text(f"\n{TYPE_TITLES.get(t, t.title())}", style="bold underline"))
        for f in sorted(by_type[t], key=lambda f: -int(f.severity)):
            head = Text()
            head.append(f"[{f.severity}] ".upper(), style=SEVERITY_STYLE[f.severity])
            head.append(f.message)
            head.append(f"  ({f.rule})", style="dim")
            out.append(head)
            if f.explanation:
                out.append(Text("  " + f.explanation, style="italic dim"))
            if f.support and len(f.support) > 1:
                total = sum(f.support.values())
                out.append(Text("  " + "; ".join(f"{c} of {total} say “{v}”" for v, c in
                                                 f.support.items()), style="dim"))
            out.append(_wording(f, len(report.articles)))
    return out


def agreements(report: Report) -> Table:
    table = Table(title="Agreements", title_justify="left", expand=False)
    table.add_column("type")
    table.add_column("value", overflow="fold")
    table.add_column("sources")
    table.add_column("wording", overflow="fold")
    for f in report.results:
        if f.status != "agreement":
            continue
        sources = sorted({e.source for e in f.evidence})
        wording = sorted({" ".join(e.text.split()) for e in f.evidence})
        value = f.evidence[0].value
        table.add_row(f.type, Text(str(value)), Text(", ".join(sources)),
                      Text(" | ".join(wording)))
    return table


def singles(report: Report) -> list[Any]:
    out: list[Any] = []
    per_source: dict[str, list[Finding]] = defaultdict(list)
    for f in report.results:
        if f.status == "single_source":
            per_source[f.evidence[0].source].append(f)
    for src in sorted(per_source):
        table = Table(title=f"Only in {src}", title_justify="left", show_header=False,
                      expand=False)
        table.add_column("type", no_wrap=True)
        table.add_column("where", no_wrap=True)
        table.add_column("text", overflow="fold")
        for f in per_source[src]:
            e = f.evidence[0]
            text = " ".join(e.text.split())
            if f.type == "wording" and len(text) > 140:
                text = text[:139] + "…"
            table.add_row(f.type, f"{e.line}:{e.column}", Text(text))
        out.append(table)
    return out


def build(report: Report) -> Group:
    parts: list[Any] = [sources_table(report), counts_line(report)]
    for note in report.notes:
        parts.append(Text("note: " + note, style="dim"))
    for p in report.problems:
        parts.append(Text(f"problem: {p.source or '-'}: {p.message}", style="yellow"))
    if any(f.status == "disagreement" for f in report.results):
        parts.append(Panel(Group(*disagreements(report)), title="Disagreements",
                           title_align="left"))
    parts.append(agreements(report))
    parts.extend(singles(report))
    return Group(*parts)


def render(report: Report, *, width: int | None = None, color: bool = False,
           **_: Any) -> str:
    buf = io.StringIO()
    console = Console(file=buf, width=width or 100, force_terminal=color, no_color=not color,
                      color_system="standard" if color else None, highlight=False,
                      soft_wrap=False)
    console.print(build(report))
    return buf.getvalue()
