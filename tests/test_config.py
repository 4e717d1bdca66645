from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.config import apply, find_config, load_config
from factcheck.errors import RuleError
from factcheck.rules import load_rules


def write(folder: Path, name: str, text: str) -> Path:
    p = folder / name
    p.write_text(text, encoding="utf-8")
    return p


def test_factcheck_toml_sets_severity_options_and_threshold(tmp_path):
    p = write(tmp_path, "factcheck.toml", """\
fail-on = "warning"
ignore = ["wording"]

[severity]
inflection-variant = "warning"

[options.amount-mismatch]
rounding = 0.1
""")
    config = load_config(p)
    rules = {r.id: r for r in apply(load_rules(), config)}
    assert config.fail_on == "warning" and config.ignore == ("wording",)
    assert str(rules["inflection-variant"].severity) == "warning"
    assert rules["amount-mismatch"].options.rounding == 0.1
    assert rules["amount-mismatch"].options.rounding_severity == "info"


def test_pyproject_table_is_found(tmp_path):
    write(tmp_path, "pyproject.toml", "[project]\nname = 'x'\n\n[tool.factcheck]\nselect = ['agreement']\n")
    (tmp_path / ".git").mkdir()
    sub = tmp_path / "articles"
    sub.mkdir()
    found = find_config(sub)
    assert found == tmp_path / "pyproject.toml"
    assert load_config(found).select == ("agreement",)


@pytest.mark.parametrize(("text", "line", "needle"), [
    ('fail-on = "warning"\nignor = ["x"]\n', 2, "did you mean 'ignore'"),
    ('[severity]\ninflection-variante = "info"\n', 2, "did you mean 'inflection-variant'"),
    ('[options.amount-mismatch]\nroundng = 0.1\n', 1, "did you mean 'rounding'"),
    ('[severity]\namount-mismatch = "fatal"\n', 2, "unknown severity"),
    ('fail-on = [\n', 1, "invalid TOML"),
])
def test_bad_configuration_names_file_line_and_fix(tmp_path, text, line, needle):
    p = write(tmp_path, "factcheck.toml", text)
    with pytest.raises(RuleError) as err:
        apply(load_rules(), load_config(p))
    assert f"{p}:{line}" in str(err.value)
    assert needle in str(err.value)
