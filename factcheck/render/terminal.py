"""The terminal report: the only module that uses rich.

What the report says is decided in :mod:`factcheck.render.diffview`; this module only draws it.
Two layouts share one code path:

* colour (a terminal): rich styles carry the meaning, light Unicode rules;
* plain (``color=False``: a pipe, a file, ``--no-color``, ``NO_COLOR``): no escape codes, ASCII
  rules, and the meaning that colour carried is written out: differing words as ``*word*``,
  disagreeing matrix cells as ``≠ …``, absent ones as ``-``.

Article text always enters as ``rich.text.Text`` and the console runs with markup and emoji off,
so a quote containing ``[sic]``, ``[/b]`` or ``:fire:`` is shown as written, never interpreted.
"""

from __future__ import annotations

import io
import shutil
from typing import TYPE_CHECKING, Any

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from factcheck.render import MAX_WIDTH
from factcheck.render import diffview as dv
from factcheck.render.visible import visible

if TYPE_CHECKING:
    from factcheck.api import Report

DEFAULT_WIDTH = 100
SIDE_BY_SIDE_MIN = 38  # columns per source below which wordings are stacked, not side by side
SEVERITY_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "cyan"}
CELL_STYLE = {"agree": "green", "disagree": "bold red", "absent": "dim"}
# A header rule of ASCII dashes: the plain layout must survive any pager, file or log viewer.
ASCII_HEAD = box.Box("    \n    \n -- \n    \n    \n    \n    \n    \n", ascii=True)


class Style:
    """How meaning is drawn: with colour, or spelt out in characters for plain output."""

    def __init__(self, color: bool):
        self.color = color
        self.box = box.SIMPLE_HEAD if color else ASCII_HEAD
        self.rule = "─" if color else "="

    def changed(self, text: str, severity: str) -> Text:
        if self.color:
            return Text(text, style=f"reverse {SEVERITY_STYLE.get(severity, 'bold')}")
        return Text(f"*{text}*")

    def heading(self, title: str, width: int) -> Text:
        """``== Title =====`` across the width: a section break that survives without colour."""
        t = Text(self.rule * 2 + " ", style="dim" if self.color else "")
        t.append(title, style="bold")
        t.append(" " + self.rule * max(width - len(title) - 4, 2), style="dim" if self.color else "")
        return t


# -- header ---------------------------------------------------------------------------------------
def sources_table(report: Report, st: Style) -> Table:
    table = Table(title=Text("Sources", style="bold"), title_justify="left", box=st.box,
                  padding=(0, 1), show_edge=False, expand=False, pad_edge=False)
    table.add_column(Text("id"), no_wrap=True, style="bold")
    table.add_column(Text("outlet"), overflow="fold")
    table.add_column(Text("title"), overflow="fold", ratio=1)
    table.add_column(Text("date"), no_wrap=True)
    table.add_column(Text("words"), justify="right", no_wrap=True)
    for s in dv.sources(report):
        date = Text(s.date or "unknown", style="" if s.date else "dim")
        if s.borrowed_from:
            date.append(f", from {s.borrowed_from}", style="dim")
        table.add_row(Text(s.id), Text(s.outlet or "-"), Text(s.title or "-"), date,
                      Text(str(s.words)))
    return table


def counts_line(report: Report, st: Style) -> Text:
    c = dv.counts(report)
    t = Text()
    t.append(f"Disagreements {c.disagreements}",
             style="bold red" if c.disagreements and st.color else "bold")
    if c.by_severity:
        t.append(" (" + ", ".join(f"{n} {sev}" for sev, n in c.by_severity) + ")")
    t.append(" · ")
    t.append(f"Agreements {c.agreements}", style="bold green" if st.color else "bold")
    t.append(" · ")
    t.append(f"Single-source {c.single_source}", style="bold")
    if c.worst:
        t.append(" · worst: ")
        t.append(c.worst, style=SEVERITY_STYLE[c.worst])
    return t


def notes(report: Report) -> list[RenderableType]:
    out: list[RenderableType] = []
    for note in report.notes:
        out.append(_hanging("note: ", Text(note), style="dim"))
    for p in report.problems:
        out.append(_hanging("problem: ", Text(f"{p.source or '-'}: {p.message}"),
                            style="yellow"))
    return out


def _hanging(label: str, text: Text, style: str = "") -> Table:
    """``label`` then ``text``, wrapped lines indented under the text, not the label."""
    grid = Table.grid(padding=0)
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    text.stylize(style)
    grid.add_row(Text(label, style=style), text)
    return grid


# -- disagreements ------------------------------------------------------------------------------
def wording_text(w: dv.Wording, severity: str, st: Style) -> Text:
    """The source's sentence: context dim, the evidence bold, differing words highlighted."""
    t = Text()
    if w.missing:
        t.append(w.before, style="dim")
        t.append(" (nothing here)" if w.before else "(nothing here)", style="italic")
        return t
    t.append(w.before, style="dim")
    for seg in w.parts:
        if seg.changed:
            t.append_text(st.changed(seg.text, severity))
        else:
            t.append(seg.text, style="bold" if st.color else "")
    t.append(w.after, style="dim")
    return t


def wordings_block(item: dv.DisagreementView, width: int, st: Style) -> Table:
    """Every source's wording: side by side when each gets enough room, stacked otherwise."""
    sev = str(item.finding.severity)
    ws = item.wordings
    if len(ws) > 1 and (width - 12) // len(ws) >= SIDE_BY_SIDE_MIN:
        table = Table(box=st.box, show_edge=False, padding=(0, 1), expand=True, pad_edge=False)
        for w in ws:
            table.add_column(Text(f"{w.source} {w.location}", style="bold"), overflow="fold",
                             ratio=1)
        table.add_row(*(wording_text(w, sev, st) for w in ws))
        return table
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True, style="bold")
    grid.add_column(overflow="fold")
    for w in ws:
        grid.add_row(Text(f"{w.source} {w.location}"), wording_text(w, sev, st))
    return grid


def reading_lines(item: dv.DisagreementView, width: int) -> list[Text]:
    """'2 of 3 sources say “…” (a, b)', one line per reading, quotes clipped to the width."""
    out = []
    for r in item.readings:
        who = ", ".join(r.sources)
        head = f"{r.count} of {r.total} sources say " if r.total != 1 else ""
        line = width - 9  # the body column, right of the severity
        room = line - len(head) - len(who) - 5  # quote marks, parentheses, spaces
        if room < 30:  # too little to recognise the reading: let it take a second line
            room += line
        said = f"“{dv.clip(r.text, room)}”" if r.text else "nothing"
        t = Text(head, style="dim")
        t.append(said)
        t.append(f" ({who})", style="dim")
        out.append(t)
    return out


def disagreement(item: dv.DisagreementView, width: int, st: Style) -> Table:
    f = item.finding
    sev = str(f.severity)
    body: list[RenderableType] = []
    head = Text(f.message)
    head.append(f"  [{f.rule}]", style="dim")
    body.append(head)
    if item.explanation:
        body.append(Text(item.explanation, style="italic"))
    if any(r.count > 1 for r in item.readings):  # "1 of 2 sources" each would say nothing
        body.extend(reading_lines(item, width))
    body.append(wordings_block(item, width - 10, st))
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, width=8)
    grid.add_column(overflow="fold")
    grid.add_row(Text(sev.upper(), style=SEVERITY_STYLE[sev]), Group(*body))
    return grid


def disagreements(report: Report, width: int, st: Style) -> list[RenderableType]:
    groups = dv.disagreements(report)
    n = sum(len(g.items) for g in groups)
    out: list[RenderableType] = [st.heading(f"Disagreements ({n})", width)]
    if not groups:
        out.append(Text("None: every fact found in two or more sources agrees."))
    for g in groups:
        out.append(Text(""))
        out.append(Text(f"{g.title} ({len(g.items)})", style="bold underline"))
        for k, item in enumerate(g.items):
            if k:  # a blank line between items, none before the first
                out.append(Text(""))
            out.append(disagreement(item, width, st))
    return out


# -- fact matrix --------------------------------------------------------------------------------
def matrix_widths(width: int, n: int, st: Style) -> tuple[int, int]:
    """Widths of the fact column and of each source's column, so that one row is one line.

    Widths are set here rather than left to rich, which would crop no-wrap columns at the
    console edge without an ellipsis.
    """
    kind = 6 if st.color else 8  # "amount", or "amount ≠" when colour cannot say it
    per = (width - kind - 3 * n) // max(n, 1)  # each column: a divider and two spaces
    return kind, max(8, min(per, 44))


def matrix_cell(c: dv.Cell, per: int, st: Style) -> Text:
    """The value; the source's own words after it when they say more and fit in the cell."""
    if c.state == "absent":
        return Text("–" if st.color else "-", style=CELL_STYLE["absent"])
    prefix = "" if st.color or c.state != "disagree" else "≠ "
    room = per - len(prefix)
    text = Text(prefix + dv.clip(c.value, room),
                style=CELL_STYLE[c.state] if st.color else "")
    extra = f" ({c.wording})"
    says_more = c.wording and dv.fold(c.value) not in dv.fold(c.wording)
    if says_more and len(c.value) + len(extra) <= room:
        text.append(extra, style="dim")
    return text


def fact_matrix(report: Report, width: int, st: Style) -> list[RenderableType]:
    rows = dv.matrix(report)
    out: list[RenderableType] = [st.heading("Facts across sources", width)]
    if st.color:
        out.append(Text.assemble(("each cell is that source's value: ", "dim"),
                                 ("agrees", CELL_STYLE["agree"]), (", ", "dim"),
                                 ("disagrees", CELL_STYLE["disagree"]), (", ", "dim"),
                                 ("– absent", "dim")))
    else:
        out.append(Text("cells: each source's value (wording if it fits); ≠ disagrees, - absent"))
    if not rows:
        out.append(Text("No fact is found in two or more sources."))
        return out
    ids = [a.id for a in report.articles]
    kind_w, per = matrix_widths(width, len(ids), st)
    table = Table(box=st.box, show_edge=False, padding=(0, 1), pad_edge=False, expand=False)
    table.add_column(Text("fact"), no_wrap=True, width=kind_w)
    for i in ids:
        table.add_column(Text(dv.clip(i, per)), no_wrap=True, width=per)
    for r in rows:
        disagree = r.status == "disagreement"
        kind = Text(r.type, style=SEVERITY_STYLE[str(r.severity)] if disagree and st.color
                    else "")
        if disagree and not st.color:
            kind.append(" ≠")
        table.add_row(kind, *(matrix_cell(c, per, st) for c in r.cells))
    out.append(table)
    return out


# -- single-source details --------------------------------------------------------------------
TYPE_NOUNS = {"amount": ("amount", "amounts"), "date": ("date", "dates"),
              "person": ("person", "people"), "org": ("organisation", "organisations"),
              "place": ("place", "places"), "quote": ("quote", "quotes"),
              "role": ("role", "roles"), "polarity": ("negation", "negations")}


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def singles_summary(report: Report, width: int, st: Style) -> list[RenderableType]:
    """One line per source: how many facts of each type and sentences only it has.

    Single-source details are most of a report (each rewrite adds its own sentences) and
    rarely what a reader looks for first, so by default they are counted, not listed.
    """
    groups = dv.singles(report)
    total = sum(len(g.facts) + len(g.sentences) for g in groups)
    out: list[RenderableType] = [st.heading(f"Only in one source ({total})", width)]
    if not groups:
        out.append(Text("Nothing: every fact and sentence is in two or more sources."))
        return out
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True, style="bold")
    grid.add_column(overflow="fold")
    for g in groups:
        by_type: dict[str, int] = {}
        for item in g.facts:
            by_type[item.type] = by_type.get(item.type, 0) + 1
        parts = []
        if g.facts:
            kinds = ", ".join(_count(n, *TYPE_NOUNS.get(t, (t, t + "s")))
                              for t, n in by_type.items())
            parts.append(f"{_count(len(g.facts), 'fact', 'facts')} ({kinds})")
        if g.sentences:
            parts.append(_count(len(g.sentences), "sentence", "sentences"))
        grid.add_row(Text(g.source), Text(", ".join(parts)))
    out.append(grid)
    out.append(Text("listed with --details and in the JSON report", style="dim"))
    return out


def singles(report: Report, width: int, st: Style) -> list[RenderableType]:
    groups = dv.singles(report)
    out: list[RenderableType] = [st.heading("Only in one source", width)]
    if not groups:
        out.append(Text("Nothing: every fact and sentence is in two or more sources."))
    for g in groups:
        parts = []
        if g.facts:
            parts.append(f"{len(g.facts)} fact{'s' if len(g.facts) != 1 else ''}")
        if g.sentences:
            parts.append(f"{len(g.sentences)} sentence{'s' if len(g.sentences) != 1 else ''}")
        out.append(Text.assemble((g.source, "bold"), (f"  {', '.join(parts)}", "dim")))
        items = (*g.facts, *g.sentences)
        loc_w = max(len(i.location) for i in items)
        kind_w = max(len("sentence" if i.sentence else i.type) for i in items)
        room = max(width - loc_w - kind_w - 4, 20)
        grid = Table.grid(padding=(0, 2))
        grid.add_column(no_wrap=True, style="dim", width=loc_w)
        grid.add_column(no_wrap=True, width=kind_w)
        grid.add_column(no_wrap=True, width=room)
        for item in items:
            value = f" ({item.value})" if item.value else ""
            shown = dv.clip(item.text, max(room - len(value), 12))
            text = Text(shown)
            if value and len(shown) + len(value) <= room:
                text.append(value, style="dim")
            grid.add_row(Text(item.location), Text("sentence" if item.sentence else item.type),
                         text)
        out.append(grid)
    return out


# -- the whole report ---------------------------------------------------------------------------
def build(report: Report, width: int = DEFAULT_WIDTH, color: bool = False,
          details: bool = False) -> Group:
    """The report as one rich renderable (pure: nothing is printed).

    It leads with what a reader came for: the counts, then the disagreements; agreements follow
    as the fact matrix, then what only one source has (counted, or listed with ``details``), and
    last the sources and the notes on how they were read.
    """
    st = Style(color)
    parts: list[RenderableType] = [counts_line(report, st), Text("")]
    parts.extend(disagreements(report, width, st))
    parts.append(Text(""))
    parts.extend(fact_matrix(report, width, st))
    parts.append(Text(""))
    parts.extend(singles(report, width, st) if details else singles_summary(report, width, st))
    parts.extend([Text(""), sources_table(report, st), *notes(report)])
    return Group(*parts)


def render(report: Report, *, width: int | None = None, color: bool = False,
           details: bool = False, **_: Any) -> str:
    """The terminal report as a string, ``width`` columns wide (default: the terminal's);
    ``details`` lists every single-source item instead of counting them per source."""
    width = width or shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
    width = min(max(width, 40), MAX_WIDTH)
    report = visible(report)  # no escape sequence from an article reaches the terminal
    buf = io.StringIO()
    console = Console(file=buf, width=width, force_terminal=color, force_jupyter=False,
                      no_color=not color, color_system="standard" if color else None,
                      markup=False, emoji=False, highlight=False, soft_wrap=False)
    console.print(build(report, width, color, details))
    text = buf.getvalue()
    return "\n".join(line.rstrip() for line in text.split("\n"))
