"""`factcheck extract`: every fact with type, text, value, offsets and attributes."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from factcheck.cli import cli

from .conftest import EXAMPLE

FILES = [str(EXAMPLE / "ats.txt"), str(EXAMPLE / "01net.txt")]


def test_json_schema_and_offsets(nlp):
    result = CliRunner().invoke(cli, ["extract", *FILES, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema"] == "factcheck.facts/1"
    assert [a["source"]["id"] for a in data["articles"]] == ["ats", "01net"]
    for article in data["articles"]:
        raw = Path(article["source"]["path"]).read_text(encoding="utf-8-sig")
        for f in article["facts"]:
            assert raw[f["start"]:f["end"]] == f["text"]
            assert f["type"] in ("date", "amount", "person", "org", "place", "quote", "role")
    ats = {(f["type"], f["text"]): f for f in data["articles"][0]["facts"]}
    assert ats[("amount", "plus de 780 millions de fois")]["value"] == 780_000_000
    assert ats[("amount", "plus de 780 millions de fois")]["qualifier"] == "plus de"
    assert ats[("date", "le mois dernier")]["value"] == "2023-04"
    assert ats[("quote", "L'heure du procès a sonné")]["speaker"] == "Elon Musk"


def test_jsonl_one_article_per_line_in_order(nlp):
    result = CliRunner().invoke(cli, ["extract", *FILES[::-1], "--format", "jsonl"])
    lines = result.stdout.strip().splitlines()
    assert [json.loads(line)["source"]["id"] for line in lines] == ["01net", "ats"]


def test_unresolved_without_a_date_and_resolved_with_one(nlp, tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Le ministre a parlé jeudi devant les députés réunis à Paris.", encoding="utf-8")
    out = json.loads(CliRunner().invoke(cli, ["extract", str(p), "--format", "json"]).stdout)
    [jeudi] = [f for f in out["articles"][0]["facts"] if f["type"] == "date"]
    assert jeudi["value"] is None and jeudi["resolved"] is False
    out = json.loads(CliRunner().invoke(
        cli, ["extract", str(p), "--format", "json", "--date", "2023-05-19"]).stdout)
    [jeudi] = [f for f in out["articles"][0]["facts"] if f["type"] == "date"]
    assert jeudi["value"] == "2023-05-18"


def test_table_lists_facts(nlp):
    result = CliRunner().invoke(cli, ["extract", FILES[0]])
    assert "plus de 780 millions de fois" in result.stdout and "2023-04" in result.stdout
