"""The library as a notebook uses it: compare(...) -> Report, DataFrames, renderings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import factcheck
from factcheck.api import Report, compare
from factcheck.errors import UsageError
from factcheck.model import Finding

pytestmark = pytest.mark.model

A = ("---\ntitle: Alpha publie ses comptes\ndate: 2024-03-14\n---\n"
     "Le groupe Alpha a annoncé jeudi un bénéfice de 3,5 milliards d'euros, "
     "a déclaré Marie Dupont, sa présidente. « Nous avons tenu nos promesses », a-t-elle dit.")
B = ("Le groupe Alpha a annoncé jeudi un bénéfice de 5,3 milliards d'euros, a déclaré Marie "
     "Dupont, sa présidente. « Nous avons tenu toutes nos promesses », a-t-elle dit. "
     "Les syndicats réclament une prime.")

FINDING_COLUMNS = ["finding", "rule", "status", "severity", "type", "message", "source", "text",
                   "value", "start", "end", "line", "column"]


@pytest.fixture(scope="module")
def pair(nlp):
    return compare([("alpha-a", A), ("alpha-b", B)], date="2024-03-15")


def test_compare_paths(seed_report):
    assert isinstance(seed_report, Report)
    assert [a.id for a in seed_report.articles] == ["01net", "afp-republished", "ats"]
    assert all(isinstance(f, Finding) for f in seed_report.results)
    assert {p.article.id for p in seed_report.parsed} == {a.id for a in seed_report.articles}


def test_compare_path_strings(nlp, tmp_path):
    for name, text in (("a.txt", A), ("b.txt", B)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    report = compare([str(tmp_path / "a.txt"), tmp_path / "b.txt"], date="2024-03-15")
    assert [a.id for a in report.articles] == ["a", "b"]
    assert report.articles[0].path == str(tmp_path / "a.txt")


def test_compare_article_strings(nlp):
    report = compare([A, B], date="2024-03-15")
    assert [a.id for a in report.articles] == ["text1", "text2"]
    assert any(f.status == "disagreement" for f in report.results)


def test_compare_id_text_pairs(pair):
    assert [a.id for a in pair.articles] == ["alpha-a", "alpha-b"]
    amounts = [f for f in pair.results if f.type == "amount" and f.status == "disagreement"]
    assert len(amounts) == 1, "3,5 against 5,3 milliards should disagree"
    assert str(amounts[0].severity) == "error" and amounts[0].rule == "amount-mismatch"
    assert {e.value for e in amounts[0].evidence} == {3.5e9, 5.3e9}
    for f in pair.results:
        for e in f.evidence:
            raw = next(a.raw for a in pair.articles if a.id == e.source)
            assert raw[e.start:e.end] == e.text


def test_front_matter_and_date_for_undated_sources(pair):
    a, b = pair.articles
    assert a.title == "Alpha publie ses comptes" and str(a.date) == "2024-03-14"
    assert a.date_borrowed_from is None
    assert b.date_borrowed_from == "--date" and str(b.date) == "2024-03-15"
    assert any("--date 2024-03-15" in n for n in pair.notes)


def test_findings_dataframe(pair):
    df = pair.findings
    assert list(df.columns) == FINDING_COLUMNS
    assert len(df) == sum(len(f.evidence) for f in pair.results)
    assert set(df["source"]) == {"alpha-a", "alpha-b"}
    # The notebook question "what do the sources disagree on?" is one filter away.
    disagreements = df[df.status == "disagreement"]
    by_type = dict(zip(disagreements["type"], disagreements["severity"], strict=True))
    assert by_type == {"amount": "error", "quote": "warning"}
    assert set(df[df.status == "agreement"]["type"]) >= {"date", "person"}
    row = disagreements[disagreements.source == "alpha-b"].iloc[0]
    assert (row["text"], row["value"]) == ("bénéfice de 5,3 milliards d'euros", 5.3e9)


def test_facts_dataframe(pair):
    df = pair.facts
    assert {"source", "type", "text", "value", "start", "end", "sentence"} <= set(df.columns)
    assert len(df) == sum(len(p.facts) for p in pair.parsed)
    assert {"date", "amount", "person", "quote"} <= set(df["type"])


def test_to_json_and_to_dict(pair):
    data = json.loads(pair.to_json())
    assert data == pair.to_dict()
    assert data["schema"] == "factcheck.report/1"
    assert [s["id"] for s in data["sources"]] == ["alpha-a", "alpha-b"]
    assert len(data["findings"]) == len(pair.results)


def test_render_formats(pair):
    from factcheck.render import FORMATS

    text = pair.render("terminal", width=90)
    assert "Disagreements" in text and "\x1b[" not in text
    assert all(len(line) <= 90 for line in text.splitlines())
    assert "\x1b[" in pair.render("terminal", width=90, color=True)
    assert json.loads(pair.render("json")) == pair.to_dict()
    if "html" not in FORMATS:
        pytest.skip("html is not registered in factcheck.render.FORMATS yet")
    page = pair.render("html")
    assert page.startswith("<!DOCTYPE html>") and "alpha-a" in page


def test_unknown_format(pair):
    with pytest.raises(ValueError, match="unknown format 'pdf'"):
        pair.render("pdf")


def test_rules_subset(nlp):
    from factcheck.rules import load_rules

    only = [r for r in load_rules() if r.id == "amount-mismatch"]
    report = compare([("a", A), ("b", B)], date="2024-03-15", rules=only)
    assert {f.rule for f in report.results} == {"amount-mismatch"}


def test_needs_two_sources(nlp):
    with pytest.raises(UsageError, match="at least two sources"):
        compare([("a", A)])


def test_worst_severity(pair):
    from factcheck.model import Severity

    # 3,5 against 5,3 milliards is a confident conflict: the worst finding is an error ...
    assert pair.worst() is Severity.ERROR
    # ... and only disagreements count: without the amount rule, the quote's warning is worst.
    from factcheck.rules import load_rules

    no_amounts = [r for r in load_rules() if r.id != "amount-mismatch"]
    report = compare([("a", A), ("b", B)], date="2024-03-15", rules=no_amounts)
    assert report.worst() is Severity.WARNING
    agree = compare([("a", A), ("b", A)], date="2024-03-15")
    assert agree.worst() is None


def test_package_level_compare_is_the_function(nlp):
    import importlib

    importlib.import_module("factcheck.api")  # as any use of the library does
    assert callable(factcheck.compare) and factcheck.compare is compare


def test_lazy_import_is_cheap():
    import subprocess
    import sys

    code = "import sys, factcheck; print('spacy' in sys.modules, 'pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=Path(__file__).parent).stdout.split()
    assert out == ["False", "False"]
