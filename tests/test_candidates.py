"""The candidate index loses nothing: indexed and all-pairs comparisons give the same result.

Real clusters (tests/data/rpm2, one story each, and both together as a two-story corpus) and the
seeds are compared both ways; sentence pairs, observations (with their details) and findings
must be identical. Unit tables check the bounds against the exact tests they stand for.
"""

from __future__ import annotations

import json
from itertools import combinations

import pytest
from click.testing import CliRunner

from factcheck.api import (
    _as_articles,
    anchor_years,
    borrow_dates,
    redate,
    refine_refs,
    resolve_rules,
)
from factcheck.candidates import name_pairs, quote_pairs
from factcheck.claims import (
    NAME_SIMILARITY,
    _is_content,
    _words,
    compare,
    name_words,
    quotes_match,
    same_name,
)
from factcheck.engine import run
from factcheck.extract import pipeline as extract
from factcheck.model import Fact

from .conftest import DATA, EXAMPLE

CLUSTERS = sorted((DATA / "rpm2").glob("T*"))


def _parsed(files, nlp):
    articles, _ = borrow_dates(_as_articles([str(f) for f in files]), None)
    refs = {a.id: extract.reference(a) for a in articles}
    parsed = list(extract.parse_articles(articles, nlp, refs=refs))
    refined, _ = refine_refs(parsed)
    return anchor_years([redate(p, refined.get(p.article.id)) for p in parsed])


@pytest.fixture(scope="module")
def parsed_sets(nlp):
    per_cluster = {c.name: _parsed(sorted(c.glob("*.txt")), nlp) for c in CLUSTERS}
    sets = dict(per_cluster)
    sets["two stories"] = [p for ps in per_cluster.values() for p in ps]
    sets["seeds"] = _parsed(sorted(EXAMPLE.glob("*.txt")), nlp)
    return sets


def _outcome(parsed, exhaustive):
    observations, pairs = compare(parsed, exhaustive=exhaustive)
    texts = {p.article.id: p.article.raw for p in parsed}
    findings = run(observations, resolve_rules(None), texts)
    shown = [(o.kind, o.type, o.readings, sorted(o.detail.items(), key=repr))
             for o in observations]
    return pairs, repr(shown), repr(findings)


@pytest.mark.parametrize("case", [c.name for c in CLUSTERS] + ["two stories", "seeds"])
def test_indexed_comparison_equals_all_pairs(parsed_sets, case):
    parsed = parsed_sets[case]
    full = _outcome(parsed, exhaustive=True)
    indexed = _outcome(parsed, exhaustive=False)
    assert full[0] and full[2] != "[]"  # the case compares something
    assert indexed[0] == full[0]
    assert indexed[1] == full[1]
    assert indexed[2] == full[2]


NAMES = ["Satya Nadella", "Nadella", "M. Nadella", "Nadela", "Bertrand Delanoë",
         "Bertrand Delanoe", "ministère de la Justice", "ministre de la Justice", "M.",
         "Quotidien du Tibet", "Tibet", "Albanel", "Lagarde", "Banques Populaires",
         "Banque Populaire", "Hun Sen", "Hor Namhong", "Hor Namong", "Phnom Penh", "Phnom Pen",
         "Wiboonsak Neeparn", "Vibulsak Neepan", "Tour de France 1999", "Tours de France 1998"]


@pytest.mark.parametrize("partial", [True, False])
def test_name_candidates_hold_every_match(partial):
    cands = name_pairs([name_words(n) for n in NAMES], NAME_SIMILARITY)
    matched = 0
    for i, j in combinations(range(len(NAMES)), 2):
        if max(same_name(NAMES[i], NAMES[j], partial=partial),
               same_name(NAMES[j], NAMES[i], partial=partial)) >= NAME_SIMILARITY:
            matched += 1
            assert (i, j) in cands, (NAMES[i], NAMES[j])
    assert matched >= 5
    assert len(cands) < len(NAMES) * (len(NAMES) - 1) // 2  # the index does rule pairs out


QUOTES = ["nous ne les laisserons pas occuper notre terre",
          "Nous ne les laisserons pas occuper notre terre !",
          "ne les laisserons pas occuper",
          "nous ne les laisserons jamais occuper notre terre",
          "les Thaïlandais nous soupçonnent d'être animés d'un sentiment revanchard",
          "les Thailandais nous soupconnent d'etre animes d'un sentiment revanchard",
          "ces bouffées de chauvinisme puéril", "solide", "solide", "illégalement",
          "danger imminent de guerre", "zone de mort", "souveraineté nationale garantie",
          "la souveraineté nationale"]


def _quote(text):
    return Fact("quote", text, text, 0, len(text), 0, {})


def test_quote_candidates_hold_every_match():
    cands = quote_pairs([_words(q) for q in QUOTES], _is_content)
    matched = 0
    for i, j in combinations(range(len(QUOTES)), 2):
        if quotes_match(_quote(QUOTES[i]), _quote(QUOTES[j])) or quotes_match(
                _quote(QUOTES[j]), _quote(QUOTES[i])):
            matched += 1
            assert (i, j) in cands, (QUOTES[i], QUOTES[j])
    assert matched >= 4
    assert len(cands) < len(QUOTES) * (len(QUOTES) - 1) // 2


def test_diff_many_reports_each_story(nlp, tmp_path):
    from factcheck.cli import cli

    seeds = sorted(EXAMPLE.glob("*.txt"))
    manifest = tmp_path / "stories.txt"
    manifest.write_text(f"# two stories\nall: {' '.join(map(str, seeds))}\n"
                        f"{seeds[0]} {seeds[1]}\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["diff-many", "--manifest", str(manifest), "--format", "json",
                                   "--fail-on", "never", "--no-cache"])
    assert res.exit_code == 0, res.output
    lines = [json.loads(x) for x in res.output.splitlines()]
    assert [x["story"] for x in lines] == ["all", "story2"]
    assert len(lines[0]["report"]["sources"]) == 3 and len(lines[1]["report"]["sources"]) == 2


def test_diff_many_bad_manifest_line(tmp_path):
    from factcheck.cli import main

    manifest = tmp_path / "m.txt"
    manifest.write_text("only-one.txt\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        main(["diff-many", "--manifest", str(manifest)])
    assert exit_info.value.code == 2
