"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One result per disagreement, located at its first evidence item with the other sources as
related locations; rules come from the rule files (id, name, descriptions, default level).
Columns count Unicode code points (``columnKind``), as the report's offsets do. Each result
carries the baseline fingerprint as a partial fingerprint, so code scanning tracks a finding
across edits and renames the same way ``--baseline`` does. Problems (unreadable articles) are
tool execution notifications: they are about the run, not about the text.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

from factcheck.baseline import fingerprint
from factcheck.corpus import Locator
from factcheck.model import Evidence, Finding, Severity

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("factcheck")
    except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return "0"


def uri(path: str) -> str:
    """A relative URI reference for a relative path (what code scanning maps to the repo),
    a ``file:`` URI for an absolute one; characters such as spaces are percent-encoded."""
    p = Path(path)
    if p.is_absolute():
        return p.as_uri()
    return quote(PurePosixPath(p.as_posix()).as_posix(), safe="/")


def _pascal(rule_id: str) -> str:
    return "".join(part.capitalize() for part in rule_id.replace("_", "-").split("-") if part)


def rule_descriptor(rule: Any) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": rule.id,
        "name": _pascal(rule.id),
        "shortDescription": {"text": rule.name},
        "fullDescription": {"text": " ".join(rule.description.split())},
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "help": {"text": f"Run 'factcheck rule {rule.id}' for what it does, why, options and "
                         "examples."},
    }
    props: dict[str, Any] = {"kind": rule.kind, "fact": rule.fact}
    if rule.tags:
        props["tags"] = list(rule.tags)
    out["properties"] = props
    return out


def location(where: Locator, e: Evidence, *, id: int | None = None) -> dict[str, Any]:
    file, line, col = where.evidence(e)
    physical: dict[str, Any] = {"artifactLocation": {"uri": uri(file)}}
    if line is not None:
        region: dict[str, Any] = {"startLine": line}
        if col is not None:
            region["startColumn"] = col
            if "\n" in e.text:
                region["endLine"] = line + e.text.count("\n")
                region["endColumn"] = len(e.text.rsplit("\n", 1)[1]) + 1
            else:
                region["endColumn"] = col + len(e.text)
            if e.text:
                region["snippet"] = {"text": e.text}
        physical["region"] = region
    out: dict[str, Any] = {"physicalLocation": physical,
                           "message": {"text": f"{e.source}: {' '.join(e.text.split()) or '(missing)'}"}}
    if id is not None:
        out["id"] = id
    return out


def result(f: Finding, where: Locator, index: dict[str, int]) -> dict[str, Any]:
    out: dict[str, Any] = {"ruleId": f.rule, "level": LEVEL[f.severity],
                           "message": {"text": f.message}}
    if f.rule in index:
        out["ruleIndex"] = index[f.rule]
    if f.evidence:
        out["locations"] = [location(where, f.evidence[0])]
        if len(f.evidence) > 1:
            out["relatedLocations"] = [location(where, e, id=n)
                                       for n, e in enumerate(f.evidence[1:], 1)]
    out["partialFingerprints"] = {"factcheck/v1": fingerprint(f)}
    props: dict[str, Any] = {"type": f.type}
    if f.story is not None:
        props["story"] = f.story
    if f.explanation:
        props["explanation"] = f.explanation
    out["properties"] = props
    return out


def sarif_dict(report: Any, rules: Any = None) -> dict[str, Any]:
    if rules is None:
        rules = getattr(report, "rules", None)
    if not rules:
        from factcheck.rules import load_rules

        rules = load_rules()
    rules = list(rules)
    index = {r.id: n for n, r in enumerate(rules)}
    where = Locator(report)
    results = [result(f, where, index) for f in report.results if f.status == "disagreement"]
    notifications = []
    for p in report.problems:
        note: dict[str, Any] = {"level": "warning",
                                "message": {"text": f"{p.source or '-'}: {p.message}"}}
        file, line = where.source(p.source)
        if file is not None:
            phys: dict[str, Any] = {"artifactLocation": {"uri": uri(file)}}
            if line is not None:
                phys["region"] = {"startLine": line}
            note["locations"] = [{"physicalLocation": phys}]
        notifications.append(note)
    invocation: dict[str, Any] = {"executionSuccessful": True}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "factcheck", "version": _version(),
                            "rules": [rule_descriptor(r) for r in rules]}},
        "invocations": [invocation],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(report: Any, *, rules: Any = None, **_: Any) -> str:
    return json.dumps(sarif_dict(report, rules), ensure_ascii=False, indent=2) + "\n"
