"""The JSON report matches the schema shipped in the package, and the README lists every key."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import jsonschema
import pytest

from factcheck.render.json import report_schema

from .conftest import DATA, ROOT


def keys(schema: dict, node: dict | None = None) -> set[str]:
    """Every property name the schema defines, at any depth."""
    node = schema if node is None else node
    out = set(node.get("properties", {}))
    for child in (*node.get("properties", {}).values(), *node.get("$defs", {}).values()):
        if isinstance(child, dict):
            out |= keys(schema, child)
    if isinstance(node.get("items"), dict):
        out |= keys(schema, node["items"])
    return out


@pytest.fixture(scope="module")
def validator():
    schema = report_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def errors(validator, data) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in validator.iter_errors(data)]


@pytest.mark.model
def test_diff_report_validates(validator, seed_json):
    assert errors(validator, seed_json) == []
    assert seed_json["findings"]  # a real report, not an empty one


@pytest.mark.model
def test_check_report_validates(validator, nlp, capsys):
    from factcheck.cli import main

    with pytest.raises(SystemExit):
        main(["check", str(DATA / "check" / "dated.jsonl"), str(DATA / "stories" / "articles.jsonl"),
              "--format", "json", "-q", "--fail-on", "never"])
    data = json.loads(capsys.readouterr().out)
    assert data["stories"] and any(f["status"] == "disagreement" for f in data["findings"])
    assert errors(validator, data) == []


def test_schema_rejects_what_the_contract_does_not_have(validator):
    report = {"schema": "factcheck.report/1", "sources": [], "problems": [], "notes": [],
              "findings": [{"rule": "r", "status": "disagreement", "severity": "fatal",
                            "type": "amount", "message": "m", "evidence": [], "extra": 1}]}
    found = " ".join(errors(validator, report))
    assert "'fatal' is not one of" in found and "'extra' was unexpected" in found


def test_readme_lists_every_key():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## The JSON report")[1].split("\n## ")[0]
    documented = set(re.findall(r"`([a-z_]+)`", section)) | set(re.findall(r'"([a-z_]+)"',
                                                                           section))
    missing = sorted(keys(report_schema()) - documented)
    assert missing == [], f"README 'The JSON report' does not list: {missing}"


def test_python_dash_m_runs_the_cli(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "factcheck", "--version"], capture_output=True,
                          text=True, cwd=tmp_path)
    assert proc.returncode == 0 and "0.1.0" in proc.stdout
    proc = subprocess.run([sys.executable, "-m", "factcheck", "diff", "nope.txt", "other.txt"],
                          capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 2 and proc.stderr.startswith("Error: no such file")
    assert "Traceback" not in proc.stderr
