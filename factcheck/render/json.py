"""The ``factcheck.report/1`` JSON contract (see README): stable fields, more may be added.

The contract is written down as a JSON Schema shipped in the package
(``factcheck/schema/report.schema.json``, :func:`report_schema`), so that a consumer can
validate what it reads and a test fails when a key is added without being documented.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from factcheck.model import Evidence, Finding

if TYPE_CHECKING:
    from factcheck.api import Report

SCHEMA = "factcheck.report/1"


def evidence_dict(e: Evidence) -> dict[str, Any]:
    out: dict[str, Any] = {"source": e.source, "text": e.text, "value": e.value,
                           "start": e.start, "end": e.end, "line": e.line, "column": e.column}
    for k, v in e.extra.items():
        if k not in out and k != "sentence_start":
            out[k] = v
    return out


def finding_dict(f: Finding) -> dict[str, Any]:
    out: dict[str, Any] = {"rule": f.rule, "status": f.status, "severity": str(f.severity),
                           "type": f.type, "message": f.message,
                           "evidence": [evidence_dict(e) for e in f.evidence]}
    if f.explanation:
        out["explanation"] = f.explanation
    if f.support:
        out["support"] = f.support
    if f.confidence is not None:
        out["confidence"] = f.confidence
        out["why_linked"] = list(f.why)
    if f.story is not None:
        out["story"] = f.story
    return out


def report_dict(report: Report) -> dict[str, Any]:
    sources = []
    for a in report.articles:
        s: dict[str, Any] = {"id": a.id, "path": a.path, "title": a.title,
                             "date": a.date.isoformat()[:{"year": 4, "month": 7}.get(
                                 a.date_precision or "", 10)] if a.date else None,
                             "language": a.language, "outlet": a.outlet,
                             "date_borrowed_from": a.date_borrowed_from,
                             "encoding": a.encoding}
        if a.story:
            s["story"] = a.story
        sources.append(s)
    return {"schema": SCHEMA, "sources": sources,
            "findings": [finding_dict(f) for f in report.results],
            "problems": [{"source": p.source, "message": p.message} for p in report.problems],
            "notes": list(report.notes)}


def report_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of this report, read from the installed package."""
    from importlib import resources

    text = (resources.files("factcheck") / "schema" / "report.schema.json").read_text("utf-8")
    return json.loads(text)


def render(report: Report, **_: Any) -> str:
    return json.dumps(report_dict(report), ensure_ascii=False, indent=2) + "\n"
