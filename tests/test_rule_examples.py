"""Every shipped rule's pass/fail examples run as tests (a rule without examples fails)."""

from __future__ import annotations

import pytest

from factcheck.rules import builtin_rules_dir, load_rules

RULES = load_rules()
CASES = [(r.id, label, n, case) for r in RULES for label in ("fail", "pass")
         for n, case in enumerate(r.examples.get(label, []))]


def test_every_rule_has_both_kinds_of_example():
    for rule in RULES:
        assert rule.examples.get("fail"), f"{rule.id} has no fail example"
        assert rule.examples.get("pass"), f"{rule.id} has no pass example"


def test_rules_folder_has_the_shipped_rules():
    ids = {r.id for r in RULES}
    assert {"amount-mismatch", "date-mismatch", "name-variant", "entity-substitution",
            "quote-wording", "attribution", "polarity", "inflection-variant", "spelling-variant",
            "wording-variant", "single-source", "agreement", "contrary-words"} <= ids
    assert len(list(builtin_rules_dir().glob("*.yaml"))) == len(RULES)


@pytest.mark.parametrize(("rule_id", "label", "n", "case"), CASES,
                         ids=[f"{c[0]}-{c[1]}{c[2]}" for c in CASES])
def test_rule_example(nlp, rule_id, label, n, case):
    from factcheck.api import compare

    sources = [(f"s{i}", text) for i, text in enumerate(case["sources"], 1)]
    report = compare(sources, date=case.get("date"), select=[rule_id])
    hits = [f for f in report.results if f.rule == rule_id]
    if label == "fail":
        assert hits, f"{rule_id} should report on its fail example"
    else:
        assert not hits, f"{rule_id} should not report on its pass example: {hits[0].message}"
