"""Hostile and degenerate input: every case ends in seconds with exit 2 or a listed problem, one
line on stderr, no traceback, and the input files unchanged.

The hang cases run under an alarm so that a regression fails the test instead of blocking the
suite for ever; the alarm is a guard, not a timing assertion.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.rules import builtin_rules_dir

from .test_robustness import FRENCH, FUZZ, GOOD, _check_invariants, one_line_error, run

POSIX = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
BOMB = "&a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n" \
       "d: [*c,*c,*c,*c,*c,*c,*c,*c,*c]"


class Hung(Exception):
    pass


@contextlib.contextmanager
def guard(seconds: int = 60) -> Iterator[None]:
    """Turn a hang into a failure (POSIX); elsewhere just run."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def alarm(*_: object) -> None:
        raise Hung(f"still running after {seconds} s")

    old = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def digest(*paths: Path | str) -> list[str]:
    return [hashlib.sha256(Path(p).read_bytes()).hexdigest() if Path(p).is_file() else "-"
            for p in paths]


def article(tmp_path: Path, name: str, meta: str, body: str = FRENCH) -> str:
    p = tmp_path / name
    p.write_text(f"---\n{meta}\n---\n{body}\n", encoding="utf-8")
    return str(p)


def rule_file(folder: Path, **changes: str) -> Path:
    """A copy of a shipped rule with some top-level keys replaced by raw YAML text."""
    text = (builtin_rules_dir() / "amount-mismatch.yaml").read_text(encoding="utf-8")
    lines = text.splitlines()
    out, skipping = [], False
    for line in lines:
        key = line.split(":", 1)[0]
        if key in changes:
            out.append(f"{key}: {changes.pop(key)}")
            skipping = True
            continue
        if skipping and (line.startswith(" ") or not line.strip()):
            continue
        skipping = False
        out.append(line)
    out.extend(f"{k}: {v}" for k, v in changes.items())
    folder.mkdir(exist_ok=True)
    path = folder / "custom.yaml"
    path.write_text("\n".join(out).replace("id: amount-mismatch", "id: custom-amounts") + "\n",
                    encoding="utf-8")
    return path


# ------------------------------------------------------------------------------ YAML bombs


@pytest.mark.parametrize("field", ["title", "source", "story", "date"])
def test_alias_bomb_in_front_matter(tmp_path, capsys, field):
    bad = article(tmp_path, "bomb.md", f"{field}: {BOMB}")
    before = digest(bad)
    with guard():
        code, _, err = run(["diff", bad, GOOD], capsys)
    assert code == 2
    one_line_error(err, "aliases", f"{bad}:3")
    with guard():
        code, out, err = run(["check", str(tmp_path), GOOD, "--quiet", "--format", "json"],
                             capsys)
    assert code == 2  # the other article alone: nothing compared
    assert "aliases" in err or "aliases" in out
    assert digest(bad) == before


@pytest.mark.parametrize("key", ["tags", "types"])
def test_alias_bomb_in_a_rule_file(tmp_path, capsys, key):
    path = rule_file(tmp_path / "rules", **{key: BOMB})
    before = digest(path)
    for args in (["diff", GOOD, GOOD, "--rules", str(path.parent)],
                 ["check", GOOD, GOOD, "--rules", str(path.parent), "--quiet"],
                 ["rule", "custom-amounts", "--rules", str(path.parent)]):
        with guard():
            code, _, err = run(args, capsys)
        assert code == 2
        one_line_error(err, "aliases", f"{path}:")
    assert digest(path) == before


def test_deep_nesting_in_front_matter_and_rules(tmp_path, capsys):
    bad = article(tmp_path, "deep.md", "title: " + "[" * 5000)
    with guard():
        code, _, err = run(["diff", bad, GOOD], capsys)
    assert code == 2
    one_line_error(err, "nested", bad)
    path = rule_file(tmp_path / "rules", tags="[" * 5000 + "]" * 5000)
    with guard():
        code, _, err = run(["rule", "custom-amounts", "--rules", str(path.parent)], capsys)
    assert code == 2
    one_line_error(err, "nested", str(path))


# ----------------------------------------------------------------------------------- FIFOs


@POSIX
def test_fifo_given_as_an_article_a_rule_file_a_baseline_or_a_configuration(tmp_path, capsys):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with guard():
        code, _, err = run(["diff", str(fifo), GOOD], capsys)
    assert code == 2
    one_line_error(err, "named pipe", str(fifo))

    rules = tmp_path / "rules"
    rules.mkdir()
    os.mkfifo(rules / "pipe.yaml")
    with guard():
        code, _, err = run(["rules", "--rules", str(rules)], capsys)
    assert code == 2
    one_line_error(err, "named pipe", str(rules / "pipe.yaml"))

    baseline = tmp_path / "baseline.json"
    os.mkfifo(baseline)
    with guard():
        code, _, err = run(["check", GOOD, GOOD, "--baseline", str(baseline), "--quiet"],
                           capsys)
    assert code == 2
    one_line_error(err, "named pipe", str(baseline))

    config = tmp_path / "factcheck.toml"
    os.mkfifo(config)
    with guard():
        code, _, err = run(["diff", GOOD, GOOD, "--config", str(config)], capsys)
    assert code == 2
    one_line_error(err, "named pipe", str(config))


@POSIX
def test_fifo_in_a_corpus_folder_is_a_listed_problem(nlp, tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    os.mkfifo(corpus / "pipe.txt")
    os.mkfifo(corpus / "feed.jsonl")
    article(corpus, "a.md", "story: s")
    article(corpus, "b.md", "story: s", FRENCH.replace("3 millions", "4 millions"))
    with guard():
        code, out, _ = run(["check", str(corpus), "--format", "json", "--quiet", "--no-cache"],
                           capsys)
    assert code == 1
    problems = {p["source"]: p["message"] for p in json.loads(out)["problems"]}
    assert "named pipe" in problems[str(corpus / "pipe.txt")]
    assert "named pipe" in problems[str(corpus / "feed.jsonl")]


# ----------------------------------------------------------------------- dates, surrogates


@pytest.mark.parametrize(("value", "what"), [("2023-13-45", "impossible date"),
                                             ("2023-02-30", "impossible date"),
                                             ("2023-05-18 25:00", "impossible time"),
                                             ("2023-05-18T10:75", "impossible time")])
def test_impossible_front_matter_date_names_file_and_line(tmp_path, capsys, value, what):
    bad = article(tmp_path, "bad.md", f"title: Un titre\ndate: {value}")
    code, _, err = run(["diff", bad, GOOD], capsys)
    assert code == 2
    one_line_error(err, what, f"{bad}:3")


def test_a_real_time_in_a_date_is_accepted(tmp_path):
    from factcheck.load import load_file

    a = load_file(article(tmp_path, "ok.md", "date: 2023-05-18T23:59:00+02:00"))
    assert (a.date.isoformat(), a.date_precision) == ("2023-05-18", "day")


def test_lone_surrogates_in_jsonl_are_replaced_and_listed(nlp, tmp_path, capsys):
    feed = tmp_path / "feed.jsonl"
    records = [{"text": "Le groupe a vendu 780 millions de téléphones en 2022. \ud800",
                "story": "s", "title": "Titre \udfff"},
               {"text": "Le groupe a vendu 870 millions de téléphones en 2022.", "story": "s"}]
    feed.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    before = digest(feed)
    for fmt in ("terminal", "json", "markdown", "sarif", "junit", "github"):
        code, out, err = run(["check", str(feed), "--format", fmt, "--quiet", "--no-cache"],
                             capsys)
        assert code == 1, (fmt, err)
        out.encode("utf-8")  # every format can be written
    code, out, _ = run(["check", str(feed), "--format", "json", "--quiet"], capsys)
    report = json.loads(out)
    assert any("surrogate" in p["message"] for p in report["problems"])
    assert "\ufffd" in report["sources"][0]["title"]
    assert digest(feed) == before


def test_lone_surrogates_in_api_text_render_in_every_format(nlp):
    from factcheck.api import compare
    from factcheck.render import FORMATS

    report = compare([("a", "Le groupe a vendu 780 millions de téléphones en 2022. \udc80"),
                      ("b", "Le groupe a vendu 870 millions de téléphones en 2022.")])
    assert any("surrogate" in p.message for p in report.problems)
    for fmt in FORMATS:
        report.render(fmt).encode("utf-8")


# ----------------------------------------------------------------------------- rule files


@pytest.mark.parametrize(("changes", "needle", "key"), [
    ({"examples": "{fail: [{sources: [1, 2]}]}"}, "not text", "examples"),
    ({"examples": "{fail: [5]}"}, "examples.fail", "examples"),
    ({"examples": "{fail: [{sources: [\"a\"]}]}"}, "two or more sources", "examples"),
    ({"message": '"{values!z}"'}, "bad conversion", "message"),
    ({"message": '"{values:%}"'}, "bad message template", "message"),
    ({"message": '"{values.__class__}"'}, "unknown field", "message"),
])
def test_bad_rule_files_name_file_and_line(tmp_path, capsys, changes, needle, key):
    path = rule_file(tmp_path / "rules", **changes)
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1)
                if text.startswith(f"{key}:"))
    for args in (["rule", "custom-amounts", "--rules", str(path.parent)],
                 ["diff", GOOD, GOOD, "--rules", str(path.parent)]):
        code, _, err = run(args, capsys)
        assert code == 2
        one_line_error(err, needle, f"{path}:{line}")


# --------------------------------------------------------------------- sizes and the rest


def test_huge_width_is_refused(capsys):
    code, _, err = run(["check", GOOD, GOOD, "--width", "100000000"], capsys)
    assert code == 2
    assert "--width" in err and "Traceback" not in err


def test_check_that_compares_nothing_exits_2(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02")
    article(corpus, "alone.md", "story: s")
    code, out, err = run(["check", str(corpus), "--quiet", "--no-cache"], capsys)
    assert code == 2
    one_line_error(err, "nothing compared")
    # The report, with its problems, is still written (wrapped at the terminal's width, which
    # breaks a long temporary path anywhere: compare without the line breaks).
    assert "empty file" in " ".join(out.split()) or "emptyfile" in "".join(out.split())


def test_jsonl_is_streamed_and_a_giant_record_is_a_problem(nlp, tmp_path, capsys,
                                                           monkeypatch):
    monkeypatch.setattr("factcheck.corpus.MAX_BYTES", 1000)
    feed = tmp_path / "feed.jsonl"
    good = [{"text": FRENCH, "story": "s"},
            {"text": FRENCH.replace("3 millions", "4 millions"), "story": "s"}]
    lines = [json.dumps(good[0]), json.dumps({"text": "x" * 5000}), "[" * 100000,
             json.dumps(good[1])]
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, _ = run(["check", str(feed), "--format", "json", "--quiet", "--no-cache"], capsys)
    assert code == 1
    report = json.loads(out)
    problems = {p["source"]: p["message"] for p in report["problems"]}
    assert "record too large" in problems[f"{feed}:2"]
    assert "nested too deep" in problems[f"{feed}:3"] or "too large" in problems[f"{feed}:3"]
    assert len(report["sources"]) == 2


def test_control_characters_are_shown_not_sent_to_the_terminal(nlp, tmp_path, capsys):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("Le groupe a vendu 780 millions de téléphones \x1b]0;titre\x07 en 2022.\x1b[2J",
                 encoding="utf-8")
    b.write_text("Le groupe a vendu 870 millions de téléphones \x9b31m en 2022.\x08\x08",
                 encoding="utf-8")
    for args in (["diff", str(a), str(b)], ["check", str(a), str(b), "--quiet"]):
        code, out, _ = run([*args, "--no-cache"], capsys)
        assert code == 1
        assert not any(c in out for c in "\x1b\x07\x08\x9b")
        assert "\u241b]0;titre\u2407" in out
    code, out, _ = run(["diff", str(a), str(b), "--format", "json"], capsys)
    _check_invariants([a, b], code, out)  # machine formats keep the text as read


# ----------------------------------------------------------------------------------- fuzz


YAML_TEXT = st.text(alphabet=st.sampled_from(list("ab:-[]{}&*!|>'\"#%@ \n\t,.?0129\\")),
                    max_size=120)


@FUZZ
@given(meta=YAML_TEXT)
def test_fuzz_front_matter(tmp_path_factory, capsys, meta):
    folder = tmp_path_factory.mktemp("fm")
    p = folder / "a.md"
    p.write_text(f"---\n{meta}\n---\n{FRENCH}\n", encoding="utf-8")
    before = digest(p)
    from factcheck.errors import FactcheckError
    from factcheck.load import load_file

    with guard(30):
        try:
            load_file(p)
        except FactcheckError as exc:
            assert str(p) in str(exc)
    assert digest(p) == before


@FUZZ
@given(key=st.sampled_from(["tags", "options", "examples", "message", "severity", "fact",
                            "enabled", "name"]), value=YAML_TEXT)
def test_fuzz_rule_files(tmp_path_factory, capsys, key, value):
    folder = tmp_path_factory.mktemp("rules")
    path = rule_file(folder, **{key: value.replace("\n", " ")})
    with guard(30):
        code, _, err = run(["rule", "custom-amounts", "--rules", str(folder)], capsys)
    assert "internal error" not in err
    assert code in (0, 2)
    if code == 2:
        one_line_error(err, str(path))


# ------------------------------------------------------------- 100,000 one-character lines


def test_cleaning_100k_one_character_lines_is_linear():
    from factcheck.clean import clean
    from factcheck.load import article_from_text

    text = "\n".join("abcdefgh.,;1"[i % 12] for i in range(100_000)) + "\n"
    with guard(30):  # was minutes: a list slice per line
        cleaned = clean(article_from_text(text, id="a", path="a.txt"))
    assert cleaned.text.count("\n\n") > 1000
    assert all(text[o] == c for o, c in zip(cleaned.offsets, cleaned.text, strict=False)
               if c not in " \n")


def test_sentence_index_matches_a_scan_of_the_sentences(nlp):
    from factcheck.extract.pipeline import _doc_sentence_index, sentence_spans

    doc = nlp("Première phrase ici.\n\n\n\nDeuxième phrase, plus longue.   Troisième !\n\nFin")
    counted = [s for s in doc.sents if s.text.strip()]

    def scan(char: int) -> int:
        hits = [n for n, s in enumerate(counted) if s.start_char <= char < s.end_char]
        return hits[0] if hits else len(counted) - 1

    spans = sentence_spans(doc)
    assert [_doc_sentence_index(spans, c) for c in range(len(doc.text) + 2)] == [
        scan(c) for c in range(len(doc.text) + 2)]


@given(spans=st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12)), max_size=12),
       probe=st.tuples(st.integers(0, 70), st.integers(1, 12)))
def test_overlap_test_matches_brute_force(spans, probe):
    from factcheck.extract.pipeline import overlap_test

    spans = [(s, s + n) for s, n in spans]
    start, end = probe[0], probe[0] + probe[1]
    assert overlap_test(spans)(start, end) == any(start < e and s < end for s, e in spans)
