"""The HTML report: one self-contained file, readable offline, with no external assets.

The sources are shown side by side, aligned sentence by sentence (:func:`factcheck.align.align`),
with every finding's evidence highlighted where it is, coloured by status, severity and type;
within a disagreement, the words that differ from the other reading are marked too. A findings
list links each finding to its evidence (anchors), and checkboxes filter both by status, severity
and type. CSS and the little JavaScript are inline; without JavaScript everything is shown.

What is said comes from :mod:`factcheck.render.diffview`, as in the terminal report. Every piece
of article text goes through :func:`html.escape`; nothing from an article reaches a tag, an
attribute or the script unescaped. The output is deterministic (no time stamps, no random ids),
so it can be a golden file.
"""

from __future__ import annotations

import html
from collections import defaultdict
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from factcheck.align import align
from factcheck.model import Finding
from factcheck.render import diffview as dv

if TYPE_CHECKING:
    from factcheck.api import Report

STATUS_ORDER = {"disagreement": 0, "single_source": 1, "agreement": 2}
STATUS_LABEL = {"disagreement": "disagreement", "single_source": "single-source",
                "agreement": "agreement"}
SEVERITIES = ("error", "warning", "info")
TYPE_COLOURS = {"amount": "#d62728", "date": "#1f77b4", "person": "#2ca02c", "org": "#9467bd",
                "place": "#8c564b", "quote": "#e377c2", "role": "#7f7f7f", "polarity": "#bcbd22",
                "wording": "#17becf"}


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


# -- sentence alignment across all sources ------------------------------------------------------
def sentence_rows(report: Report) -> list[dict[str, list[int]]]:
    """Rows of sentences that say the same thing, one cell per source, every column in order.

    Pairwise alignments (:func:`factcheck.align.align`) are joined transitively, best score
    first, skipping any link that would put two rows in contradictory orders (a rewrite that
    moves a paragraph): that sentence then gets its own row rather than scrambling a column.
    Rows are then laid out in topological order, ties going to the sentence that comes earliest,
    relative to its article's length, so single-source passages sit where they occur.
    """
    parsed = list(report.parsed)
    lengths = {p.article.id: max(len(p.sentences), 1) for p in parsed}
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def successors() -> dict[tuple[str, int], set[tuple[str, int]]]:
        edges: dict[tuple[str, int], set[tuple[str, int]]] = defaultdict(set)
        for p in parsed:
            for s, t in pairwise(p.sentences):
                a, b = find((p.article.id, s.index)), find((p.article.id, t.index))
                if a != b:
                    edges[a].add(b)
        return edges

    def reaches(edges: dict[tuple[str, int], set[tuple[str, int]]], a: tuple[str, int],
                b: tuple[str, int]) -> bool:
        seen, todo = {a}, [a]
        while todo:
            for nxt in edges.get(todo.pop(), ()):
                if nxt == b:
                    return True
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return False

    for p in parsed:
        for s in p.sentences:
            find((p.article.id, s.index))
    for pair in sorted(align(parsed), key=lambda q: (-q.score, q.a, q.ai, q.b, q.bi)):
        ra, rb = find((pair.a, pair.ai)), find((pair.b, pair.bi))
        if ra == rb:
            continue
        edges = successors()
        if reaches(edges, ra, rb) or reaches(edges, rb, ra):
            continue
        parent[max(ra, rb)] = min(ra, rb)

    members: dict[tuple[str, int], list[tuple[str, int]]] = defaultdict(list)
    for node in list(parent):
        members[find(node)].append(node)
    edges = successors()
    indegree = {g: 0 for g in members}
    for nexts in edges.values():
        for n in nexts:
            indegree[n] += 1

    def key(g: tuple[str, int]) -> tuple[float, tuple[str, int]]:
        return min(i / lengths[src] for src, i in members[g]), g

    ready = sorted((g for g, d in indegree.items() if d == 0), key=key)
    rows = []
    while ready:
        g = ready.pop(0)
        row: dict[str, list[int]] = {}
        for src, i in sorted(members[g], key=lambda m: m[1]):
            row.setdefault(src, []).append(i)
        rows.append(row)
        for n in edges.get(g, ()):
            indegree[n] -= 1
            if indegree[n] == 0:
                ready.append(n)
        ready.sort(key=key)
    return rows


# -- highlights ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    finding: int
    evidence: int


def finding_class(f: Finding) -> str:
    return f"st-{f.status} sev-{f.severity} t-{f.type}"


def marks_by_source(report: Report) -> tuple[dict[str, list[Mark]], dict[str, list[tuple[int, int]]],
                                             dict[str, list[Mark]]]:
    """Evidence spans, changed-word spans and 'missing here' points, per source."""
    spans: dict[str, list[Mark]] = defaultdict(list)
    changed: dict[str, list[tuple[int, int]]] = defaultdict(list)
    missing: dict[str, list[Mark]] = defaultdict(list)
    for n, f in enumerate(report.results):
        for k, e in enumerate(f.evidence):
            m = Mark(e.start, e.end, n, k)
            if e.extra.get("missing") or e.end <= e.start:
                missing[e.source].append(m)
            else:
                spans[e.source].append(m)
        if f.status == "disagreement":
            for w in dv.wordings(report, f):
                changed[w.source].extend(w.changed)
    return spans, changed, missing


def priority(report: Report, n: int) -> tuple[int, int, int]:
    f = report.results[n]
    return STATUS_ORDER.get(f.status, 9), -int(f.severity), n


def sentence_html(report: Report, sid: str, raw: str, start: int, end: int, marks: list[Mark],
                  changed: list[tuple[int, int]], missing: list[Mark], placed: set[str]) -> str:
    """One sentence with its highlights; overlapping evidence is cut at every boundary.

    A finding about the whole sentence (a sentence only this source has) styles the sentence
    itself, so that the facts inside it keep their own highlights.
    """
    whole = [m for m in marks if m.start <= start and end <= m.end
             and report.results[m.finding].status == "single_source"
             and report.results[m.finding].type == "wording"]
    inside = [m for m in marks if m.start < end and start < m.end and m not in whole]
    chg = [(s, e) for s, e in changed if s < end and start < e]
    cuts = {start, end}
    for m in inside:
        cuts.update((max(m.start, start), min(m.end, end)))
    for s, e in chg:
        cuts.update((max(s, start), min(e, end)))
    bounds = sorted(cuts)
    out: list[str] = []
    for m in whole:
        anchor = f"e{m.finding}-{m.evidence}"
        if anchor not in placed:
            placed.add(anchor)
            out.append(f'<a class="anchor" id="{anchor}"></a>')
    for a, b in pairwise(bounds):
        for m in inside:
            anchor = f"e{m.finding}-{m.evidence}"
            if anchor not in placed and (a <= m.start < b or (m.start < start and a == start)):
                placed.add(anchor)
                out.append(f'<a class="anchor" id="{anchor}"></a>')
        text = esc(raw[a:b])
        if any(s <= a and b <= e for s, e in chg):
            text = f'<b class="chg">{text}</b>'
        cover = sorted({m.finding for m in inside if m.start <= a and b <= m.end},
                       key=lambda n: priority(report, n))
        if cover:
            top = report.results[cover[0]]
            title = " | ".join(report.results[n].message for n in cover[:3])
            text = (f'<mark class="hl {finding_class(top)}" data-f="{" ".join(map(str, cover))}" '
                    f'title="{esc(title)}">{text}</mark>')
        out.append(text)
    for m in missing:
        anchor = f"e{m.finding}-{m.evidence}"
        if anchor not in placed and start <= m.start < end:
            placed.add(anchor)
            f = report.results[m.finding]
            out.append(f' <a class="missing hl {finding_class(f)}" data-base="missing hl" '
                       f'id="{anchor}" data-f="{m.finding}" href="#f{m.finding}" '
                       f'title="{esc(f.message)}">⁁ missing here</a>')
    inner = "".join(out)
    if whole:
        ids = sorted({m.finding for m in whole}, key=lambda n: priority(report, n))
        top = report.results[ids[0]]
        return (f'<span class="sent hl {finding_class(top)}" data-base="sent hl" id="{sid}" '
                f'data-f="{" ".join(map(str, ids))}" title="{esc(top.message)}">{inner}</span>')
    return f'<span class="sent" id="{sid}">{inner}</span>'


# -- page parts ---------------------------------------------------------------------------------
def header_html(report: Report) -> str:
    c = dv.counts(report)
    story = next((a.title for a in report.articles if a.title), None)
    rows = []
    for s in dv.sources(report):
        date = esc(s.date or "unknown")
        if s.borrowed_from:
            date += f' <span class="dim">(borrowed from {esc(s.borrowed_from)})</span>'
        rows.append(f"<tr><th>{esc(s.id)}</th><td>{esc(s.outlet or '–')}</td>"
                    f"<td>{esc(s.title or '–')}</td><td>{date}</td>"
                    f'<td class="num">{s.words}</td></tr>')
    sev = ", ".join(f"{n} {esc(s)}" for s, n in c.by_severity)
    problems = "".join(f'<li class="problem">{esc(p.source or "–")}: {esc(p.message)}</li>'
                       for p in report.problems)
    notes = "".join(f"<li>{esc(n)}</li>" for n in report.notes)
    if notes:
        n = len(report.notes)
        notes = (f'<li><details><summary>{n} note{"s" if n != 1 else ""}</summary>'
                 f'<ul>{notes}</ul></details></li>')
    notes = problems + notes
    return (
        '<header><h1>factcheck report</h1>'
        + (f'<p class="story">{esc(story)}</p>' if story else "")
        + '<table class="sources"><thead><tr><th>source</th><th>outlet</th><th>title</th>'
        '<th>date</th><th>words</th></tr></thead><tbody>' + "".join(rows) + "</tbody></table>"
        f'<p class="counts"><span class="c-dis">{c.disagreements} disagreements</span>'
        + (f" ({sev})" if sev else "")
        + f' · <span class="c-agr">{c.agreements} agreements</span>'
        f" · {c.single_source} single-source details"
        + (f' · worst: <span class="badge b-{esc(c.worst)}">{esc(c.worst)}</span>' if c.worst
           else "") + "</p>"
        + (f'<ul class="notes">{notes}</ul>' if notes else "")
        + '<nav><a href="#texts">Texts</a> · <a href="#findings">Findings</a> · '
        '<a href="#matrix">Facts across sources</a></nav></header>')


def filters_html(report: Report) -> str:
    """Checkboxes for each status, severity and type present; JavaScript applies them."""
    def box(group: str, value: str, label: str, n: int) -> str:
        swatch = (f'<i class="sw" style="border-color:{TYPE_COLOURS.get(value, "#999")}"></i>'
                  if group == "type" else f'<i class="sw {group[:3]}-{esc(value)}"></i>')
        return (f'<label><input type="checkbox" checked data-group="{group}" '
                f'value="{esc(value)}">{swatch}{esc(label)} <span class="n">{n}</span></label>')

    by_status = defaultdict(int)
    by_sev = defaultdict(int)
    by_type = defaultdict(int)
    for f in report.results:
        by_status[f.status] += 1
        by_sev[str(f.severity)] += 1
        by_type[f.type] += 1
    parts = ['<form id="filters" onsubmit="return false"><fieldset><legend>Status</legend>']
    parts += [box("status", s, STATUS_LABEL[s], by_status[s]) for s in STATUS_ORDER
              if by_status[s]]
    parts.append("</fieldset><fieldset><legend>Severity</legend>")
    parts += [box("severity", s, s, by_sev[s]) for s in SEVERITIES if by_sev[s]]
    parts.append("</fieldset><fieldset><legend>Type</legend>")
    parts += [box("type", t, t, by_type[t]) for t in sorted(by_type, key=dv.type_rank)]
    parts.append(f'</fieldset><output id="shown">{len(report.results)} of '
                 f"{len(report.results)} findings shown</output></form>")
    return "".join(parts)


def texts_html(report: Report) -> tuple[str, set[str]]:
    """The aligned sources, and the evidence anchors placed in them (for the links)."""
    ids = [a.id for a in report.articles]
    raws = {a.id: a.raw for a in report.articles}
    sentences = {p.article.id: p.sentences for p in report.parsed}
    spans, changed, missing = marks_by_source(report)
    placed: set[str] = set()
    head = "".join(f'<th scope="col">{esc(i)}</th>' for i in ids)
    body = []
    for row in sentence_rows(report):
        cells = []
        for src in ids:
            idx = row.get(src, [])
            if not idx:
                cells.append('<td class="gap"></td>')
                continue
            html_s = []
            for i in idx:
                s = sentences[src][i]
                html_s.append(sentence_html(report, f"s{ids.index(src)}-{i}", raws[src], s.start,
                                            s.end, spans[src], changed[src], missing[src],
                                            placed))
            cells.append(f"<td>{' '.join(html_s)}</td>")
        shared = sum(1 for src in ids if row.get(src))
        body.append(f'<tr class="{"alone" if shared == 1 else "shared"}">{"".join(cells)}</tr>')
    return (f'<section id="texts"><h2>The sources, sentence by sentence</h2>'
            f'<table class="aligned" style="--n:{len(ids)}"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table></section>"), placed


def evidence_links(f: Finding, n: int, placed: set[str]) -> str:
    out = []
    for k, e in enumerate(f.evidence):
        label = f"{esc(e.source)} {e.line}:{e.column}"
        anchor = f"e{n}-{k}"
        out.append(f'<a href="#{anchor}">{label}</a>' if anchor in placed
                   else f"<span>{label}</span>")
    return '<span class="ev">' + " ".join(out) + "</span>"


def finding_li(report: Report, n: int, placed: set[str], extra: str = "") -> str:
    f = report.results[n]
    return (f'<li id="f{n}" class="finding {finding_class(f)}" data-status="{f.status}" '
            f'data-severity="{f.severity}" data-type="{esc(f.type)}">'
            f'<span class="badge b-{f.severity}">{f.severity}</span> '
            f'<span class="type t-{esc(f.type)}">{esc(f.type)}</span> '
            f'{esc(f.message)} <span class="rule">{esc(f.rule)}</span>{extra}'
            f"{evidence_links(f, n, placed)}</li>")


def findings_html(report: Report, placed: set[str]) -> str:
    parts = ['<aside id="findings"><h2>Findings</h2>']
    groups = dv.disagreements(report)
    if groups:
        parts.append("<h3>Disagreements</h3>")
    for g in groups:
        parts.append(f"<h4>{esc(g.title)}</h4><ol>")
        for item in g.items:
            extra = ""
            if item.explanation:
                extra += f'<span class="why">{esc(item.explanation)}</span>'
            if any(r.count > 1 for r in item.readings):
                extra += '<ul class="readings">' + "".join(
                    f"<li>{r.count} of {r.total} sources say "
                    + (f"“{esc(dv.clip(r.text, 90))}”" if r.text else "nothing")
                    + f' <span class="dim">({esc(", ".join(r.sources))})</span></li>'
                    for r in item.readings) + "</ul>"
            parts.append(finding_li(report, item.index, placed, extra))
        parts.append("</ol>")
    singles = dv.singles(report)
    if singles:
        parts.append("<h3>Only in one source</h3>")
    for g in singles:
        parts.append(f"<h4>{esc(g.source)}</h4><ol>")
        parts += [finding_li(report, i.index, placed) for i in (*g.facts, *g.sentences)]
        parts.append("</ol>")
    agreements = [n for n, f in enumerate(report.results) if f.status == "agreement"]
    if agreements:
        parts.append("<h3>Agreements</h3><ol>")
        parts += [finding_li(report, n, placed) for n in agreements]
        parts.append("</ol>")
    parts.append("</aside>")
    return "".join(parts)


def matrix_html(report: Report, placed: set[str]) -> str:
    rows = dv.matrix(report)
    ids = [a.id for a in report.articles]
    if not rows:
        return ('<section id="matrix"><h2>Facts across sources</h2>'
                "<p>No fact is found in two or more sources.</p></section>")
    head = "".join(f'<th scope="col">{esc(i)}</th>' for i in ids)
    body = []
    for r in rows:
        cells = []
        for c in r.cells:
            if c.state == "absent":
                cells.append('<td class="absent">–</td>')
                continue
            anchor = f"e{r.index}-{c.evidence}"
            value = esc(dv.clip(c.value, 60))
            if anchor in placed:
                value = f'<a href="#{anchor}">{value}</a>'
            wording = (f' <span class="dim">({esc(dv.clip(c.wording, 60))})</span>'
                       if c.wording and dv.fold(c.value) not in dv.fold(c.wording) else "")
            cells.append(f'<td class="{c.state}">{value}{wording}</td>')
        f = report.results[r.index]
        body.append(f'<tr class="{finding_class(f)}" data-f="{r.index}"><th>{esc(r.type)}</th>'
                    + "".join(cells) + "</tr>")
    return ('<section id="matrix"><h2>Facts across sources</h2>'
            '<p class="dim">Each cell is that source\'s value (and its words when they say more); '
            'green agrees, red disagrees, – the source does not mention it.</p>'
            f'<table class="matrix"><thead><tr><th>fact</th>{head}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table></section>")


def type_css() -> str:
    return "".join(f".t-{t}{{--tc:{c}}}" for t, c in TYPE_COLOURS.items())


CSS = """
:root{--err:#ffc9c9;--errb:#c92a2a;--warn:#ffe3a3;--warnb:#d9480f;--info:#d0ebff;--infob:#1c7ed6;
--agr:#2b8a3e;--single:#f1ecf9;--singleb:#8e6cc4;--bg:#fff;--fg:#1d1d1f;--dim:#6b6b70;--line:#e3e3e8}
*{box-sizing:border-box}
body{margin:0;padding:16px 20px;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
color:var(--fg);background:var(--bg)}
h1{font-size:20px;margin:0}.story{margin:0 0 8px;font-size:15px;color:var(--dim)}
h2{font-size:16px;margin:16px 0 8px}h3{font-size:14px;margin:14px 0 4px}
h4{font-size:13px;margin:10px 0 2px;color:var(--dim)}
.dim{color:var(--dim)}
table.sources{border-collapse:collapse;font-size:13px}
table.sources th,table.sources td{padding:2px 12px 2px 0;text-align:left;vertical-align:top}
table.sources thead th{color:var(--dim);font-weight:normal;border-bottom:1px solid var(--line)}
.num{text-align:right}
.counts{margin:8px 0 4px}.c-dis{color:var(--errb);font-weight:600}.c-agr{color:var(--agr);font-weight:600}
ul.notes{margin:2px 0;padding-left:0;list-style:none;color:var(--dim);font-size:12px}
ul.notes ul{padding-left:18px;list-style:disc}summary{cursor:pointer}
li.problem{color:var(--warnb)}
nav{font-size:13px;margin-top:4px}
#filters{position:sticky;top:0;z-index:5;background:var(--bg);border-bottom:1px solid var(--line);
padding:6px 0;margin:8px 0;display:flex;flex-wrap:wrap;gap:6px 16px;align-items:center;font-size:13px}
#filters fieldset{border:0;margin:0;padding:0;display:flex;gap:10px;align-items:center}
#filters legend{float:left;font-weight:600;margin-right:4px}
#filters label{white-space:nowrap;cursor:pointer}
#filters .n{color:var(--dim);font-size:11px}
#shown{margin-left:auto;color:var(--dim)}
i.sw{display:inline-block;width:12px;height:12px;margin:0 3px -2px 3px;border-bottom:3px solid #999;
background:#fff}
i.sta-disagreement{background:var(--warn);border-color:var(--warnb)}
i.sta-agreement{border-color:var(--agr);border-bottom-style:dotted}
i.sta-single_source{background:var(--single);border-color:var(--singleb);border-bottom-style:dashed}
i.sev-error{background:var(--err);border-color:var(--errb)}i.sev-warning{background:var(--warn);
border-color:var(--warnb)}i.sev-info{background:var(--info);border-color:var(--infob)}
main{display:grid;grid-template-columns:minmax(0,1fr) minmax(300px,28%);gap:20px;align-items:start}
table.aligned{width:100%;border-collapse:collapse;table-layout:fixed}
table.aligned th{position:sticky;top:var(--fh,64px);background:var(--bg);text-align:left;padding:4px 8px;
border-bottom:2px solid var(--line);font-size:13px}
table.aligned td{vertical-align:top;padding:6px 8px;border-bottom:1px solid var(--line);font-size:13.5px}
table.aligned tr.alone td{background:#fafafa}
table.aligned td.gap{background:repeating-linear-gradient(45deg,#fafafa,#fafafa 6px,#f3f3f3 6px,#f3f3f3 12px)}
mark.hl{background:none;color:inherit;border-bottom:2px solid var(--tc,#999);padding:0;cursor:pointer}
span.sent.st-single_source{background:var(--single)}
span.sent.off{background:none}
mark.st-disagreement.sev-error{background:var(--err)}
mark.st-disagreement.sev-warning{background:var(--warn)}
mark.st-disagreement.sev-info{background:var(--info)}
mark.st-agreement{border-bottom-style:dotted;border-bottom-color:var(--agr)}
mark.st-single_source{background:var(--single);border-bottom-style:dashed;border-bottom-color:var(--singleb)}
mark.off{background:none!important;border-bottom-color:transparent!important;cursor:auto}
b.chg{font-weight:700;text-decoration:underline 2px;text-underline-offset:2px}
mark.off b.chg{font-weight:inherit;text-decoration:none}
a.missing{font-size:11px;color:var(--errb);text-decoration:none;white-space:nowrap}
a.missing.off{display:none}
a.anchor{scroll-margin-top:90px}
:target+mark,:target+b+mark,li.finding:target{outline:3px solid #fab005;outline-offset:1px}
aside{position:sticky;top:var(--fh,64px);max-height:calc(100vh - var(--fh,64px) - 8px);overflow:auto;
border-left:1px solid var(--line);
padding-left:14px}
aside ol{margin:0;padding-left:0;list-style:none}
li.finding{margin:4px 0;padding:4px 6px;border-left:4px solid var(--tc,#999);background:#fcfcfd;
font-size:13px;scroll-margin-top:8px}
li.finding[hidden]{display:none}
.badge{display:inline-block;font-size:10.5px;text-transform:uppercase;font-weight:700;padding:0 4px;
border-radius:3px}
.b-error{background:var(--err);color:var(--errb)}.b-warning{background:var(--warn);color:var(--warnb)}
.b-info{background:var(--info);color:var(--infob)}
li.st-agreement .badge,li.st-single_source .badge{background:#eee;color:var(--dim)}
.type{font-size:11px;color:var(--tc,#666);font-weight:600}
.rule{color:var(--dim);font-size:11px}
.why{display:block;font-style:italic;color:var(--dim)}
ul.readings{margin:2px 0;padding-left:16px;font-size:12px}
.ev{display:block;font-size:11.5px}.ev a,.ev span{margin-right:8px}
table.matrix{border-collapse:collapse;font-size:13px}
table.matrix th,table.matrix td{padding:3px 10px;border-bottom:1px solid var(--line);text-align:left;
vertical-align:top;max-width:360px}
table.matrix tbody th{color:var(--tc,#666);font-weight:600}
td.agree{color:var(--agr)}td.disagree{color:var(--errb);font-weight:600;background:#fff5f5}
td.absent{color:#bbb}
table.matrix a{color:inherit;text-decoration:none}table.matrix a:hover{text-decoration:underline}
table.matrix tr[hidden]{display:none}
@media (max-width:900px){main{grid-template-columns:1fr}aside{position:static;max-height:none;
border-left:0;padding-left:0}}
"""

JS = """
(function(){
  var boxes = Array.prototype.slice.call(document.querySelectorAll('#filters input'));
  var items = {};
  document.querySelectorAll('li.finding').forEach(function(li){ items[li.id.slice(1)] = li; });
  var params = new URLSearchParams(location.search);
  (params.get('off') || '').split(',').forEach(function(v){
    boxes.forEach(function(b){ if (v && b.value === v) b.checked = false; });
  });
  function allowed(){
    var on = {status:{}, severity:{}, type:{}};
    boxes.forEach(function(b){ if (b.checked) on[b.dataset.group][b.value] = true; });
    return on;
  }
  function visible(on, li){
    return !!(on.status[li.dataset.status] && on.severity[li.dataset.severity] && on.type[li.dataset.type]);
  }
  function apply(){
    var on = allowed(), shown = 0, total = 0, marks = 0;
    Object.keys(items).forEach(function(id){
      var li = items[id], v = visible(on, li);
      li.hidden = !v; total += 1; if (v) shown += 1;
    });
    document.querySelectorAll('.hl').forEach(function(el){
      var first = null;
      el.dataset.f.split(' ').some(function(id){
        var li = items[id];
        if (li && !li.hidden) { first = li; return true; }
        return false;
      });
      var base = el.dataset.base || 'hl';
      el.className = base + ' ' + (first ? first.className.replace('finding', '').trim() : 'off');
      if (first) marks += 1;
    });
    document.querySelectorAll('table.matrix tbody tr').forEach(function(tr){
      var li = items[tr.dataset.f]; tr.hidden = !(li && !li.hidden);
    });
    var out = document.getElementById('shown');
    out.textContent = shown + ' of ' + total + ' findings shown';
    document.body.dataset.visibleMarks = marks;
    document.body.dataset.js = 'ready';
  }
  boxes.forEach(function(b){ b.addEventListener('change', apply); });
  function pin(){
    var bar = document.getElementById('filters');
    document.documentElement.style.setProperty('--fh', bar.offsetHeight + 'px');
  }
  window.addEventListener('resize', pin);
  pin();
  document.addEventListener('click', function(ev){
    var el = ev.target.closest && ev.target.closest('.hl');
    if (!el || el.classList.contains('off')) return;
    var ids = el.dataset.f.split(' ').filter(function(id){ return items[id] && !items[id].hidden; });
    if (ids.length) location.hash = 'f' + ids[0];
  });
  apply();
})();
"""


def render(report: Report, **_: Any) -> str:
    """The whole page. Options of other formats (``width``, ``color``) are accepted and unused."""
    texts, placed = texts_html(report)
    title = next((a.title for a in report.articles if a.title), None)
    page_title = "factcheck report" + (f": {title}" if title else "")
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(page_title)}</title>\n<style>{CSS}{type_css()}</style>\n</head>\n<body>\n"
        + header_html(report) + "\n" + filters_html(report) + "\n<main>\n" + texts + "\n"
        + findings_html(report, placed) + "\n</main>\n" + matrix_html(report, placed)
        + f"\n<script>{JS}</script>\n</body>\n</html>\n")
