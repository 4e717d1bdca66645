"""Extraction output (``factcheck extract``): the ``factcheck.facts/1`` JSON, JSON Lines, a table.

The fields of each fact are those of an evidence item in the report contract, so a fact listed
here can be found again in a report by its offsets.
"""

from __future__ import annotations

import json
from typing import Any

from factcheck.engine import LineIndex
from factcheck.model import Article, Parsed

SCHEMA = "factcheck.facts/1"
ATTRS = ("unit", "kind", "qualifier", "high", "period", "precision", "resolved", "relative",
         "part", "tz", "speaker", "speaker_text", "speaker_via", "direct", "person", "head", "label")


def source_dict(a: Article) -> dict[str, Any]:
    precision = {"year": 4, "month": 7}.get(a.date_precision or "", 10)
    return {"id": a.id, "path": a.path, "title": a.title,
            "date": a.date.isoformat()[:precision] if a.date else None,
            "date_borrowed_from": a.date_borrowed_from, "language": a.language,
            "outlet": a.outlet, "encoding": a.encoding}


def article_dict(p: Parsed) -> dict[str, Any]:
    lines = LineIndex(p.article.raw)
    facts = []
    for f in p.facts:
        line, column = lines.locate(f.start)
        item: dict[str, Any] = {"type": f.type, "text": f.text, "value": f.value,
                                "start": f.start, "end": f.end, "line": line, "column": column,
                                "sentence": f.sentence}
        item.update({k: f.attrs[k] for k in ATTRS if k in f.attrs})
        facts.append(item)
    return {"source": source_dict(p.article), "facts": facts}


def render_jsonl_line(p: Parsed) -> str:
    return json.dumps(article_dict(p), ensure_ascii=False) + "\n"


def render_json(parsed: list[Parsed], problems: list[dict[str, Any]]) -> str:
    return json.dumps({"schema": SCHEMA, "articles": [article_dict(p) for p in parsed],
                       "problems": problems}, ensure_ascii=False, indent=2) + "\n"


def render_table(p: Parsed) -> str:
    """A plain aligned table: readable in a terminal, a pager or a CI log alike."""
    d = article_dict(p)
    src = d["source"]
    head = f"== {src['id']} ({src['path']})"
    if src["date"]:
        head += f", dated {src['date']}"
    rows = [("type", "where", "text", "value", "details")]
    for f in d["facts"]:
        details = ", ".join(f"{k}={f[k]}" for k in ATTRS if k in f and f[k] not in (None, ""))
        rows.append((f["type"], f"{f['line']}:{f['column']}", " ".join(f["text"].split()),
                     "" if f["value"] is None else str(f["value"]), details))
    widths = [min(max(len(r[i]) for r in rows), cap) for i, cap in enumerate((8, 8, 48, 30, 60))]
    out = [head]
    for r in rows:
        cells = [(c if len(c) <= w else c[: w - 1] + "…").ljust(w) for c, w in zip(r, widths,
                                                                                   strict=True)]
        out.append("  ".join(cells).rstrip())
    return "\n".join(out) + "\n\n"
