"""Stage 6: rules x observations -> findings, in a deterministic order.

Word-level observations are made pair by pair; with three sources the same change is seen twice
(A/B and A/C). Findings of one rule whose evidence overlaps in a source are therefore merged, so
the report says "2 of 3 sources" once instead of repeating itself.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections import Counter, defaultdict
from typing import Any

from factcheck.claims import Observation, Reading, _UnionFind
from factcheck.kinds import KINDS, Verdict
from factcheck.model import Evidence, Finding
from factcheck.rules import Rule, format_message

STATUS_ORDER = {"disagreement": 0, "single_source": 1, "agreement": 2}


class LineIndex:
    """Offset -> (line, column), 1-based, over the raw text of one source."""

    def __init__(self, text: str):
        self.starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def locate(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


def evidence(reading: Reading, raw: str, lines: LineIndex) -> Evidence:
    line, column = lines.locate(reading.start)
    extra: dict[str, Any] = {}
    if reading.facts:
        f = reading.facts[0]
        extra.update({k: v for k, v in f.attrs.items() if k in (
            "unit", "qualifier", "high", "period", "precision", "relative", "resolved", "part",
            "tz", "speaker", "direct", "kind", "person", "head")})
    if reading.extra.get("sentence"):
        s, e = reading.extra["sentence"]
        extra["sentence"] = raw[s:e]
        extra["sentence_start"] = s
    if reading.extra.get("empty"):
        extra["missing"] = True
    value = reading.value
    if reading.facts and reading.facts[0].type in ("person", "org", "place"):
        value = reading.facts[0].value
    return Evidence(reading.source, raw[reading.start:reading.end], value, reading.start,
                    reading.end, line, column, extra)


def run(observations: list[Observation], rules: list[Rule], texts: dict[str, str],
        *, story: str | None = None) -> list[Finding]:
    indexes = {src: LineIndex(raw) for src, raw in texts.items()}
    drafts: list[tuple[Rule, Verdict, Observation]] = []
    for obs in observations:
        for rule in rules:
            if rule.fact != "any" and rule.fact != obs.type:
                continue
            for verdict in KINDS[rule.kind].judge(obs, rule.options):
                if verdict.type is None:
                    kind_type = rule.fact if rule.fact != "any" else obs.type
                    verdict = dataclasses.replace(verdict, type=kind_type)
                drafts.append((rule, verdict, obs))
    merged = _merge(drafts)
    findings = []
    for rule, verdict, readings, obs in merged:
        ev = tuple(evidence(r, texts[r.source], indexes[r.source]) for r in readings)
        fields = dict(verdict.fields)
        support = Counter()
        seen = set()
        for e in ev:
            key = " ".join(str(e.text).split()) or "(nothing)"
            if (e.source, key) not in seen:
                seen.add((e.source, key))
                support[key] += 1
        findings.append(Finding(
            rule=rule.id, status=verdict.status,
            severity=verdict.severity or rule.severity,
            type=verdict.type or rule.fact,
            message=format_message(rule, fields), evidence=ev,
            explanation=verdict.explanation, story=story, support=dict(support),
            confidence=obs.detail.get("confidence"), why=tuple(obs.detail.get("why") or ())))
    findings.sort(key=sort_key)
    return findings


def sort_key(f: Finding) -> tuple[Any, ...]:
    first = f.evidence[0] if f.evidence else None
    return (STATUS_ORDER.get(f.status, 9), -int(f.severity), f.type, f.rule,
            first.source if first else "", first.start if first else 0, f.message)


def _merge(drafts: list[tuple[Rule, Verdict, Observation]]
           ) -> list[tuple[Rule, Verdict, tuple[Reading, ...], Observation]]:
    """Merge findings of one rule whose evidence overlaps in some source."""
    uf = _UnionFind()
    spans: dict[tuple[str, str], list[tuple[int, int, int]]] = defaultdict(list)
    for n, (rule, verdict, _) in enumerate(drafts):
        uf.find(n)
        if verdict.status != "disagreement":
            continue
        for r in verdict.readings:
            if r.extra.get("empty"):
                continue
            for s, e, m in spans[(rule.id, r.source)]:
                if s < r.end and r.start < e:
                    uf.union(n, m)
            spans[(rule.id, r.source)].append((r.start, r.end, n))
    groups: dict[int, list[int]] = defaultdict(list)
    for n in range(len(drafts)):
        groups[uf.find(n)].append(n)
    out = []
    for members in groups.values():
        rule, verdict, obs = drafts[members[0]]
        readings: list[Reading] = []
        seen: set[tuple[str, int, int]] = set()
        for m in members:
            for r in drafts[m][1].readings:
                k = (r.source, r.start, r.end)
                if k not in seen:
                    seen.add(k)
                    readings.append(r)
        readings.sort(key=lambda r: (r.source, r.start))
        out.append((rule, verdict, tuple(readings), obs))
    return out
