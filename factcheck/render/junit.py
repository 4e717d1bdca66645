"""JUnit XML, for CI systems that chart test results (GitLab, Jenkins, Azure, test reporters).

One ``testsuite`` per story and one ``testcase`` per rule in force, so the number of tests is
stable from run to run and a dashboard can follow each rule of each story over time. A testcase
fails when the rule found a disagreement at or above ``--fail-on``; disagreements below it are
listed in the testcase's ``system-out``. A skipped story is a skipped testcase; problems
(unreadable articles) and unassigned articles go into a final ``corpus`` suite.

The XML is built with ElementTree (which escapes), after removing the characters XML 1.0 cannot
hold at all: a control character pasted into an article must not make the report unparseable.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from typing import Any

from factcheck.corpus import Locator, sections
from factcheck.model import Finding, Severity

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def clean(text: object) -> str:
    return _NOT_XML.sub("\ufffd", str(text))


def _describe(f: Finding, where: Locator) -> str:
    lines = [f"[{f.severity}] {f.message} ({f.rule})"]
    for e in f.evidence:
        file, line, col = where.evidence(e)
        loc = file + (f":{line}" if line else "") + (f":{col}" if col else "")
        lines.append(f"  {loc}: {' '.join(e.text.split()) or '(missing)'}")
    return "\n".join(lines)


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, tag, {k: clean(v) for k, v in attrs.items()})
    if text is not None:
        el.text = clean(text)
    return el


def render(report: Any, *, fail_on: str = "error", rules: Any = None, **_: Any) -> str:
    threshold = None if fail_on == "never" else Severity.parse(fail_on)
    if rules is None:
        rules = getattr(report, "rules", None)
    if not rules:
        from factcheck.rules import load_rules

        rules = load_rules()
    rule_ids = [r.id for r in rules]
    where = Locator(report)
    root = ET.Element("testsuites", {"name": "factcheck"})
    totals = {"tests": 0, "failures": 0, "skipped": 0}
    for s in sections(report):
        suite = _sub(root, "testsuite", name=s.id, errors="0")
        counts = {"tests": 0, "failures": 0, "skipped": 0}
        props = _sub(suite, "properties")
        _sub(props, "property", name="articles", value=", ".join(a.id for a in s.articles))
        if s.reason:
            _sub(props, "property", name="reason", value=s.reason)
        if s.skipped:
            case = _sub(suite, "testcase", classname=f"factcheck.{s.id}", name="compare")
            _sub(case, "skipped", message="fewer than 2 readable articles")
            counts["tests"] += 1
            counts["skipped"] += 1
        else:
            by_rule: dict[str, list[Finding]] = defaultdict(list)
            for f in s.findings:
                if f.status == "disagreement":
                    by_rule[f.rule].append(f)
            for rid in rule_ids + sorted(set(by_rule) - set(rule_ids)):
                case = _sub(suite, "testcase", classname=f"factcheck.{s.id}", name=rid)
                counts["tests"] += 1
                failing = [f for f in by_rule.get(rid, [])
                           if threshold is not None and f.severity >= threshold]
                quiet = [f for f in by_rule.get(rid, []) if f not in failing]
                if failing:
                    counts["failures"] += 1
                    first = failing[0]
                    _sub(case, "failure", "\n\n".join(_describe(f, where) for f in failing),
                         message=f"{len(failing)} disagreement(s): {first.message}",
                         type=str(first.severity))
                if quiet:
                    _sub(case, "system-out", "\n\n".join(_describe(f, where) for f in quiet))
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
    problems = list(report.problems)
    unassigned = list(getattr(report, "unassigned", ()))
    if problems or unassigned:
        suite = _sub(root, "testsuite", name="corpus", errors="0", failures="0")
        n = skipped = 0
        for p in problems:
            case = _sub(suite, "testcase", classname="factcheck.corpus",
                        name=f"problem: {p.source or '-'}")
            _sub(case, "skipped", message=p.message)
            n += 1
            skipped += 1
        if unassigned:
            case = _sub(suite, "testcase", classname="factcheck.corpus", name="unassigned")
            _sub(case, "system-out", "In no story, not compared:\n" + "\n".join(unassigned))
            n += 1
        suite.set("tests", str(n))
        suite.set("skipped", str(skipped))
        totals["tests"] += n
        totals["skipped"] += skipped
    for key, value in totals.items():
        root.set(key, str(value))
    root.set("errors", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
