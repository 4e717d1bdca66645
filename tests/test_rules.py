from __future__ import annotations

import pytest

from factcheck.errors import RuleError
from factcheck.kinds import AmountOptions
from factcheck.rules import build_options, load_rule, load_rules, select_rules

GOOD = """\
id: my-amounts
name: My amounts
kind: amount_mismatch
fact: amount
severity: warning
message: "Amounts differ: {values}"
description: A user's rule.
options:
  rounding: 0.1
"""


def write(tmp_path, text, name="rule.yaml"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_user_rule_loads_with_typed_options(tmp_path):
    rule = load_rule(write(tmp_path, GOOD))
    assert rule.options == AmountOptions(rounding=0.1)
    assert str(rule.severity) == "warning"


@pytest.mark.parametrize(("change", "line", "message"), [
    (("  rounding: 0.1", "  roundng: 0.1"), 9, "did you mean 'rounding'"),
    (("kind: amount_mismatch", "kind: amount_mismatc"), 3, "did you mean 'amount_mismatch'"),
    (("severity: warning", "severity: warn"), 5, "did you mean 'warning'"),
    (("fact: amount", "fact: amout"), 4, "did you mean 'amount'"),
    (("description: A user's rule.", "descripton: A user's rule."), 7, "did you mean 'description'"),
    (("  rounding: 0.1", "  rounding: lots"), 9, "must be float"),
    (('message: "Amounts differ: {values}"', 'message: "Amounts {valuez}"'), 6, "did you mean"),
])
def test_invalid_rules_name_file_line_and_fix(tmp_path, change, line, message):
    p = write(tmp_path, GOOD.replace(*change))
    with pytest.raises(RuleError) as err:
        load_rule(p)
    text = str(err.value)
    assert f"{p}:{line}" in text
    assert message in text


def test_yaml_syntax_error_and_unsafe_tags(tmp_path):
    with pytest.raises(RuleError, match=r"rule.yaml:\d+"):
        load_rule(write(tmp_path, "id: [x\nname: y\n"))
    with pytest.raises(RuleError, match="invalid YAML"):
        load_rule(write(tmp_path, "id: !!python/object/apply:os.system ['true']\n"))


def test_user_folder_overrides_and_select_ignore(tmp_path):
    write(tmp_path, GOOD)
    rules = load_rules([str(tmp_path)])
    assert "my-amounts" in {r.id for r in rules}
    assert [r.id for r in select_rules(rules, ["my-amounts"], None)] == ["my-amounts"]
    names = {r.id for r in select_rules(rules, None, ["wording", "coverage"])}
    assert "wording-variant" not in names and "agreement" not in names
    assert "amount-mismatch" in names


def test_missing_rules_folder(tmp_path):
    with pytest.raises(RuleError, match="rules folder not found"):
        load_rules([str(tmp_path / "nope")])


def test_option_type_checks():
    with pytest.raises(RuleError, match="must be bool"):
        build_options("amount_mismatch", {"compare_qualifiers": "yes"})


def test_contrary_pairs_must_be_pairs(tmp_path):
    text = GOOD.replace("kind: amount_mismatch", "kind: contrary_words").replace(
        "  rounding: 0.1", "  pairs: [[confirmer, démentir, nier]]")
    with pytest.raises(RuleError, match=r"list of \[word, word\] pairs .*rule.yaml:9"):
        load_rule(write(tmp_path, text))
