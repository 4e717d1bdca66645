"""Baselines do not depend on story ids or grouping: a story recorded alone stays known inside a
larger corpus, when sources join it on a known side, or when it is split."""

from __future__ import annotations

import json

import pytest

from factcheck import baseline as bl
from factcheck.errors import InputError
from factcheck.model import Evidence, Finding, Severity


def finding(evidence: list[tuple[str, str, object]], *, rule: str = "amount-mismatch",
            story: str = "s-1") -> Finding:
    ev = tuple(Evidence(src, text, value, 0, len(text), 1, 1) for src, text, value in evidence)
    return Finding(rule, "disagreement", Severity.ERROR, "amount", "Amounts differ", ev,
                   story=story)


ALONE = finding([("afp", "Quelque 33.000 foyers", 33000), ("ouest", "18.000 foyers", 18000)])


@pytest.fixture
def known(tmp_path):
    path = tmp_path / "baseline.json"
    path.write_text(bl.dumps([ALONE]), encoding="utf-8")
    return bl.load(path)


@pytest.mark.parametrize("later", [
    # the same story inside a larger corpus: another story id, sources renamed
    finding([("articles:afp", "Quelque 33.000 foyers", 33000),
             ("articles:ouest", "18.000  foyers", 18000)], story="caetano-electricite-112d"),
    # more sources joined, repeating known sides in other words
    finding([("afp", "Quelque 33.000 foyers", 33000), ("ouest", "18.000 foyers", 18000),
             ("nov-b", "33.000 foyers", 33000), ("dec-a", "18.000 foyers", 18000)],
            story="other"),
    # a source of the recorded story left it (grouping split it), one wording per side is left
    finding([("ouest", "18.000 foyers", 18000), ("radio", "33.000 foyers", 33000),
             ("afp", "Quelque 33.000 foyers", 33000)]),
])
def test_known_whatever_the_grouping(known, later):
    kept, gone = bl.split([later], known)
    assert gone == [later] and kept == []


@pytest.mark.parametrize("later", [
    # a third value: a side no recorded text had
    finding([("afp", "Quelque 33.000 foyers", 33000), ("ouest", "18.000 foyers", 18000),
             ("lci", "25.000 foyers", 25000)]),
    # another rule reporting the same texts
    finding([("afp", "Quelque 33.000 foyers", 33000), ("ouest", "18.000 foyers", 18000)],
            rule="date-mismatch"),
    # only one side known
    finding([("afp", "Quelque 33.000 foyers", 33000), ("lci", "19.000 foyers", 19000)]),
])
def test_new_sides_are_new(known, later):
    kept, gone = bl.split([later], known)
    assert kept == [later] and gone == []


def test_old_baseline_files_are_read(tmp_path):
    """A file written by the previous recipe has the same fields and matches the same way."""
    old = {"schema": "factcheck.baseline/1", "findings": [
        {"fingerprint": "0" * 64, "rule": "amount-mismatch", "type": "amount",
         "severity": "error", "texts": ["18.000 foyers", "quelque 33.000 foyers"]}]}
    path = tmp_path / "old.json"
    path.write_text(json.dumps(old), encoding="utf-8")
    assert bl.split([ALONE], bl.load(path)) == ([], [ALONE])


def test_entry_without_texts_says_to_regenerate(tmp_path):
    path = tmp_path / "b.json"
    path.write_text(json.dumps({"schema": "factcheck.baseline/1", "findings": [
        {"fingerprint": "ab", "rule": "amount-mismatch", "type": "amount"}]}), encoding="utf-8")
    with pytest.raises(InputError, match="without rule, type and texts") as err:
        bl.load(path)
    assert "--write-baseline" in str(err.value)


@pytest.mark.model
def test_story_recorded_alone_stays_known_in_a_larger_corpus(nlp, tmp_path, capsys):
    """The defect: two articles of one story baselined alone, then checked among the corpus,
    where the story gains sources ("33.000 foyers" next to "Quelque 33.000 foyers") and another
    id. The known disagreement must stay known: exit 0, nothing reported."""
    from factcheck.cli import main

    from .conftest import DATA

    articles, dated = DATA / "stories" / "articles.jsonl", DATA / "check" / "dated.jsonl"
    alone = tmp_path / "alone.jsonl"
    alone.write_text("".join(line + "\n" for line in articles.read_text("utf-8").splitlines()
                             if '"caetano-afp"' in line or '"caetano-ouest"' in line), "utf-8")
    baseline = tmp_path / "baseline.json"

    def run(args):
        with pytest.raises(SystemExit) as code:
            main(["check", *args, "-q", "--format", "json"])
        return code.value.code, capsys.readouterr().out

    assert run([str(alone), "--write-baseline", str(baseline)])[0] == 0
    recorded = json.loads(baseline.read_text("utf-8"))["findings"]
    assert [f["texts"] for f in recorded if f["severity"] == "error"] == [
        ["18.000 foyers", "quelque 33.000 foyers"]]
    code, out = run([str(articles), str(dated), "--baseline", str(baseline)])
    data = json.loads(out)
    assert code == 0
    assert data["baseline"]["suppressed"] >= 1
    assert not [f for f in data["findings"] if f["status"] == "disagreement"
                and f["severity"] == "error"]
    caetano = next(s for s in data["stories"]
                   if any(m.endswith("caetano-afp") for m in s["members"]))
    assert len(caetano["members"]) > 2  # the story did grow
