"""The CI formats (markdown, SARIF, JUnit, GitHub annotations) on hand-built reports.

The reports are built from records, not from articles, so these tests need no language model and
can put awkward text (pipes, markup, percent signs, line breaks, control characters) exactly
where a renderer must escape it.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from factcheck.api import Report
from factcheck.commands.check import CheckReport, StoryResult
from factcheck.model import Article, Evidence, Finding, Problem, Severity
from factcheck.render import github, junit, markdown, sarif
from factcheck.rules import load_rules

from .conftest import DATA

NASTY = "a | b <b>*x*</b> 100%, c:d\nnext [sic]"


def art(id: str, path: str, story: str | None, raw: str = "x" * 80) -> Article:
    return Article(id=id, path=path, raw=raw, story=story)


def ev(source: str, text: str, line: int = 2, column: int = 5) -> Evidence:
    return Evidence(source, text, None, 10, 10 + len(text), line, column)


def finding(rule: str, severity: Severity, story: str, *evidence: Evidence,
            status: str = "disagreement", message: str = "Amounts differ") -> Finding:
    return Finding(rule, status, severity, "amount", message, tuple(evidence), story=story)


@pytest.fixture(scope="module")
def rules():
    return tuple(load_rules())


@pytest.fixture(scope="module")
def report(rules) -> CheckReport:
    arts = (art("s1/a", "corpus/s1/a.txt", "s1"), art("s1/b", "corpus/s1/b file.txt", "s1"),
            art("feed:3", "corpus/feed.jsonl:3", "s2"), art("feed:4", "corpus/feed.jsonl:4", "s2"),
            art("page", "corpus/page.html", "s3"), art("page2", "corpus/page2.html", "s3"),
            art("lonely", "corpus/lonely.txt", None))
    f1 = finding("amount-mismatch", Severity.ERROR, "s1", ev("s1/a", "18.000 foyers"),
                 ev("s1/b", NASTY, line=7, column=1), message=f"Amounts differ: {NASTY}")
    f2 = finding("name-variant", Severity.WARNING, "s1", ev("s1/a", "Djokovic"),
                 ev("s1/b", "Djokovitch"), message="Names differ")
    f3 = finding("inflection-variant", Severity.INFO, "s2", ev("feed:3", "communiquées"),
                 ev("feed:4", "communiqué"), message="Inflection")
    f4 = finding("agreement", Severity.INFO, "s1", ev("s1/a", "Corse"), ev("s1/b", "Corse"),
                 status="agreement", message="2 sources agree: Corse")
    f5 = finding("date-mismatch", Severity.ERROR, "s3", ev("page", "jeudi"), ev("page2", "mercredi"),
                 message="Dates differ")

    def sub(sid, findings, members):
        return Report(articles=tuple(a for a in arts if a.id in members), results=findings,
                      problems=())

    stories = (StoryResult("s1", "shared key terms: x", ("s1/a", "s1/b"),
                           sub("s1", (f1, f2, f4), ("s1/a", "s1/b"))),
               StoryResult("s2", "story key 's2'", ("feed:3", "feed:4"),
                           sub("s2", (f3,), ("feed:3", "feed:4"))),
               StoryResult("s3", "folder 's3'", ("page", "page2"), sub("s3", (f5,), ("page", "page2"))),
               StoryResult("s4", "folder 's4'", ("x", "y"), None))
    return CheckReport(articles=arts, results=(f1, f2, f4, f3, f5),
                       problems=(Problem("corpus/bad.txt", "binary file, not text"),
                                 Problem("s1/a", "not UTF-8, decoded as cp1252")),
                       stories=stories, unassigned=("lonely",), rules=rules)


# ------------------------------------------------------------------------------ SARIF


def test_sarif_validates_against_the_official_schema(report):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((DATA / "check" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    doc = json.loads(sarif.render(report))
    jsonschema.Draft4Validator(schema).validate(doc)


def test_sarif_structure(report, rules):
    doc = json.loads(sarif.render(report))
    assert doc["version"] == "2.1.0" and doc["$schema"].endswith("sarif-2.1.0.json")
    (run,) = doc["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "factcheck"
    descriptors = driver["rules"]
    assert [d["id"] for d in descriptors] == [r.id for r in rules]
    for d, r in zip(descriptors, rules, strict=True):
        assert d["name"] and d["shortDescription"]["text"] == r.name
        assert d["fullDescription"]["text"]
        assert d["defaultConfiguration"]["level"] == {"error": "error", "warning": "warning",
                                                      "info": "note"}[str(r.severity)]
    results = run["results"]
    assert [r["ruleId"] for r in results] == ["amount-mismatch", "name-variant",
                                              "inflection-variant", "date-mismatch"]
    for r in results:
        assert descriptors[r["ruleIndex"]]["id"] == r["ruleId"]
        assert len(r["partialFingerprints"]["factcheck/v1"]) == 64
    first = results[0]
    assert first["level"] == "error"
    loc = first["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "corpus/s1/a.txt"
    assert loc["region"] == {"startLine": 2, "startColumn": 5, "endColumn": 5 + 13,
                             "snippet": {"text": "18.000 foyers"}}
    related = first["relatedLocations"][0]["physicalLocation"]
    assert related["artifactLocation"]["uri"] == "corpus/s1/b%20file.txt"
    assert related["region"]["endLine"] == 8  # the evidence spans a line break
    assert results[2]["level"] == "note"
    jsonl = results[2]["locations"][0]["physicalLocation"]
    assert jsonl == {"artifactLocation": {"uri": "corpus/feed.jsonl"}, "region": {"startLine": 3}}
    html = results[3]["locations"][0]["physicalLocation"]
    assert html == {"artifactLocation": {"uri": "corpus/page.html"}}  # offsets index extracted text
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert notes[0]["message"]["text"] == "corpus/bad.txt: binary file, not text"
    assert notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "corpus/bad.txt"


# ------------------------------------------------------------------------------ JUnit


@pytest.mark.parametrize(("fail_on", "failures"), [("error", 2), ("warning", 3), ("info", 4),
                                                   ("never", 0)])
def test_junit_parses_with_one_suite_per_story(report, rules, fail_on, failures):
    root = ET.fromstring(junit.render(report, fail_on=fail_on))
    assert root.tag == "testsuites"
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert list(suites) == ["s1", "s2", "s3", "s4", "corpus"]
    s1 = suites["s1"]
    assert [c.get("name") for c in s1.iter("testcase")] == [r.id for r in rules]
    assert int(root.get("failures")) == failures == len(list(root.iter("failure")))
    assert int(root.get("tests")) == sum(int(s.get("tests")) for s in suites.values())
    assert suites["s4"].find("testcase/skipped") is not None
    if fail_on == "error":
        amount = s1.find("testcase[@name='amount-mismatch']/failure")
        assert amount is not None and "corpus/s1/a.txt:2:5" in amount.text
        below = s1.find("testcase[@name='name-variant']/system-out")
        assert below is not None and "Djokovitch" in below.text


def test_junit_survives_control_characters(rules):
    bad = finding("amount-mismatch", Severity.ERROR, "s", ev("a", "x\x0by\x00"), ev("b", "z"),
                  message="bell\x07")
    rep = Report(articles=(art("a", "a.txt", "s"), art("b", "b.txt", "s")), results=(bad,),
                 problems=())
    root = ET.fromstring(junit.render(rep, rules=rules))
    assert len(list(root.iter("failure"))) == 1


# ------------------------------------------------------------------------------ GitHub


def test_github_escaping():
    assert github.escape_data("100%\r\nnext") == "100%25%0D%0Anext"
    assert github.escape_property("a:b,c%") == "a%3Ab%2Cc%25"
    line = github.command("error", "x::y\nz", file="a,b.txt", line=3, col=None, title="t: u")
    assert line == "::error file=a%2Cb.txt,line=3,title=t%3A u::x::y%0Az"


def test_github_annotations(report):
    lines = github.render(report).splitlines()
    commands = [ln for ln in lines if ln.startswith("::")]
    assert all("\n" not in c for c in commands)
    first = commands[0]
    assert first.startswith("::error file=corpus/s1/a.txt,line=2,col=5,title=factcheck "
                            "amount-mismatch::")
    assert "100%25%2C" not in first and "100%25, c:d%0Anext" in first  # message: only % CR LF
    assert any(c.startswith("::notice file=corpus/feed.jsonl,line=3,") for c in commands)
    assert any(c.startswith("::warning file=corpus/bad.txt,title=factcheck problem::")
               for c in commands)
    assert lines[-1].startswith("factcheck: 2 errors, 1 warnings, 1 info")


def test_github_caps_annotations_per_level():
    many = tuple(finding("amount-mismatch", Severity.ERROR, "s", ev("a", f"{n} foyers", line=n),
                         ev("b", "1 foyer")) for n in range(1, 26))
    infos = tuple(finding("inflection-variant", Severity.INFO, "s", ev("a", f"mot{n}"),
                          ev("b", "mots")) for n in range(12))
    rep = Report(articles=(art("a", "a.txt", "s"), art("b", "b.txt", "s")),
                 results=many + infos, problems=())
    commands = [ln for ln in github.render(rep).splitlines() if ln.startswith("::")]
    assert sum(c.startswith("::error") for c in commands) == 10
    notices = [c for c in commands if c.startswith("::notice")]
    assert len(notices) == 10  # 9 findings and the closing notice
    assert "18 more annotations not shown (15 errors, 3 notices" in notices[-1]


# ------------------------------------------------------------------------------ Markdown


def test_markdown_summary_and_escaping(report):
    text = markdown.render(report, fail_on="error")
    assert text.startswith("# factcheck report")
    assert "❌ **Fails**" in text
    table = [ln for ln in text.splitlines() if ln.startswith("| ")]
    assert table[0].startswith("| Story | Articles | Errors | Warnings | Info | Status |")
    assert len(table) == 1 + 4
    assert all(row.count(" | ") == 5 for row in table)  # no pipe from article text leaks in
    assert "<b>" not in text and "&lt;b&gt;" in text and r"a \| b" in text
    assert "## Disagreements" in text and "### s1" in text and "### s2" in text
    assert "- corpus/feed.jsonl:3: communiquées" in text
    assert "<details><summary>1 unassigned articles" in text
    assert "✅ **Passes**" in markdown.render(report, fail_on="never")


# ------------------------------------------------------------------------------ diff reports


def test_formats_take_a_one_story_diff_report(rules):
    f = finding("amount-mismatch", Severity.ERROR, None, ev("ats", "780 millions"),
                ev("afp", "870 millions"))
    rep = Report(articles=(art("ats", "ex/ats.txt", None), art("afp", "ex/afp.txt", None)),
                 results=(f,), problems=())
    assert "### story" in markdown.render(rep)
    assert json.loads(sarif.render(rep, rules=rules))["runs"][0]["results"][0]["ruleId"] == \
        "amount-mismatch"
    assert ET.fromstring(junit.render(rep, rules=rules)).get("failures") == "1"
    assert github.render(rep).startswith("::error file=ex/ats.txt,line=2,col=5,")


def test_github_position_notes_are_notices_not_warnings():
    from factcheck.corpus import JSONL_NOTE

    rep = Report(articles=(art("a", "feed.jsonl:1", "s"),), results=(),
                 problems=(Problem("feed.jsonl", JSONL_NOTE), Problem("bad.txt", "empty file")))
    commands = github.render(rep).splitlines()
    assert commands[0].startswith("::notice file=feed.jsonl,title=factcheck problem::")
    assert commands[1].startswith("::warning file=bad.txt,")
