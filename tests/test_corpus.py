"""Collecting a corpus and fingerprinting findings: no language model needed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck import baseline as bl
from factcheck.corpus import JSONL_NOTE, Locator, collect, expand, file_location
from factcheck.errors import InputError, UsageError
from factcheck.model import Evidence, Finding, Severity

from .conftest import DATA

CHECK = DATA / "check"


def write(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


# ------------------------------------------------------------------------------ discovery


def test_folders_are_walked_recursively_for_article_suffixes_only(tmp_path):
    write(tmp_path, {"a/one.txt": "x", "a/b/two.md": "x", "a/b/three.html": "<p>x</p>",
                     "a/four.jsonl": "{}", "a/notes.pdf": "x", "a/.hidden.txt": "x",
                     ".git/five.txt": "x", "a/six.TXT": "x"})
    names = [Path(p).relative_to(tmp_path).as_posix() for p in expand([str(tmp_path)])]
    assert names == ["a/b/three.html", "a/b/two.md", "a/four.jsonl", "a/one.txt", "a/six.TXT"]


def test_expand_is_sorted_and_deduplicated(tmp_path):
    write(tmp_path, {"b.txt": "x", "a.txt": "x"})
    files = expand([str(tmp_path / "b.txt"), str(tmp_path), str(tmp_path / "*.txt")])
    assert [Path(f).name for f in files] == ["a.txt", "b.txt"]


def test_globs_and_explicit_files(tmp_path):
    write(tmp_path, {"s/a.txt": "x", "s/b.md": "x", "s/c.csv": "x"})
    assert [Path(f).name for f in expand([str(tmp_path / "s" / "*")])] == ["a.txt", "b.md"]
    assert [Path(f).name for f in expand([str(tmp_path / "**" / "*.md")])] == ["b.md"]
    # A file named explicitly is taken whatever its suffix.
    assert [Path(f).name for f in expand([str(tmp_path / "s" / "c.csv")])] == ["c.csv"]


@pytest.mark.parametrize("arg", ["nope/missing.txt", "nope/*.txt"])
def test_a_path_that_names_nothing_is_a_usage_error(tmp_path, arg):
    with pytest.raises(UsageError):
        expand([str(tmp_path / arg)])


def test_an_empty_folder_gives_no_articles_error(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(UsageError, match="no articles found"):
        collect([str(tmp_path / "empty")])


# ------------------------------------------------------------------------------ loading


def test_bad_files_become_problems_and_the_rest_load(tmp_path):
    write(tmp_path, {"good.txt": "Un article.", "empty.txt": "", "blank.md": "  \n",
                     "binary.txt": b"\x00\x01\x02PNG", "page.html": "<html></html>"})
    corpus = collect([str(tmp_path)])
    assert [a.id for a in corpus.articles] == ["good"]
    bad = {Path(p.source).name: p.message for p in corpus.problems}
    assert set(bad) == {"empty.txt", "blank.md", "binary.txt", "page.html"}
    assert "binary" in bad["binary.txt"] and "empty" in bad["empty.txt"]
    assert corpus.files == 5


def test_ids_are_unique_path_based_and_short(tmp_path):
    write(tmp_path, {"afp/story.txt": "x", "ats/story.txt": "x", "solo.txt": "x",
                     "same.txt": "x", "same.md": "x"})
    corpus = collect([str(tmp_path)])
    assert sorted(a.id for a in corpus.articles) == ["afp/story", "ats/story", "same.md",
                                                     "same.txt", "solo"]
    for a in corpus.articles:
        assert Path(a.path).exists()


def test_front_matter_story_and_date_are_read(tmp_path):
    write(tmp_path, {"a.md": "---\nstory: caetano\ndate: 2024-11-23\n---\nTempête Caetano."})
    (a,) = collect([str(tmp_path)]).articles
    assert a.story == "caetano" and str(a.date) == "2024-11-23"


def test_jsonl_records(tmp_path):
    lines = [json.dumps({"text": "Premier article.", "id": "one", "title": "T", "source": "AFP",
                         "date": "2024-11-23", "url": "https://example.org/1", "story": "s1"}),
             "",
             json.dumps({"text": "Deuxième article."}),
             "{not json",
             json.dumps({"title": "no text"}),
             json.dumps(["a", "list"]),
             json.dumps({"text": "Date illisible.", "date": "hier"})]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    corpus = collect([str(path)])
    first, second = corpus.articles
    assert (first.id, first.path) == ("feed:one", f"{path}:1")
    assert (second.id, second.path) == ("feed:3", f"{path}:3")
    assert (first.title, first.outlet, first.story, str(first.date), first.url) == (
        "T", "AFP", "s1", "2024-11-23", "https://example.org/1")
    assert first.raw == "Premier article."  # offsets index the text field
    where = {p.source: p.message for p in corpus.problems}
    assert set(where) == {f"{path}:4", f"{path}:5", f"{path}:6", f"{path}:7", str(path)}
    assert where[str(path)] == JSONL_NOTE
    assert "invalid JSON" in where[f"{path}:4"]


def test_headline_corpus_loads_fifty_one_line_articles():
    corpus = collect([str(CHECK / "headlines.jsonl")])
    assert len(corpus.articles) == 50
    assert len({a.id for a in corpus.articles}) == 50
    assert corpus.articles[22].raw == "Tempête Caetano: 18.000 foyers encore sans électricité"


def test_file_location_and_locator(tmp_path):
    assert file_location("dir/feed.jsonl:12") == ("dir/feed.jsonl", 12)
    assert file_location("dir/a.txt") == ("dir/a.txt", None)

    class R:
        articles = collect([str(CHECK / "dated.jsonl")]).articles

    e = Evidence("dated:nov-a", "18.000 foyers", 18000, 17, 30, 1, 18)
    assert Locator(R).evidence(e) == (str(CHECK / "dated.jsonl"), 1, None)


# ------------------------------------------------------------------------------ baselines


def finding(texts: list[tuple[str, str]], *, rule: str = "amount-mismatch", line: int = 1,
            story: str | None = "s-1234", status: str = "disagreement") -> Finding:
    ev = tuple(Evidence(src, text, None, 10 * line, 10 * line + len(text), line, 3)
               for src, text in texts)
    return Finding(rule, status, Severity.ERROR, "amount", "Amounts differ", ev, story=story)


def test_fingerprint_ignores_offsets_paths_sources_and_stories():
    a = finding([("afp", "18.000 foyers"), ("ats", "33.000 foyers")])
    moved = finding([("renamed/afp", "33.000  foyers"), ("x", "18.000 foyers")], line=40,
                    story="other-9999")
    third = finding([("afp", "18.000 foyers"), ("ats", "33.000 foyers"), ("lci", "18.000 foyers")])
    assert bl.fingerprint(a) == bl.fingerprint(moved) == bl.fingerprint(third)
    assert bl.fingerprint(a) != bl.fingerprint(finding([("afp", "18.000 foyers"),
                                                        ("ats", "23.000 foyers")]))
    assert bl.fingerprint(a) != bl.fingerprint(finding([("afp", "18.000 foyers"),
                                                        ("ats", "33.000 foyers")],
                                                       rule="date-mismatch"))


def test_baseline_round_trip_and_coverage_matching(tmp_path):
    a = finding([("afp", "18.000 foyers"), ("ats", "33.000 foyers")])
    b = finding([("afp", "le 15 décembre"), ("ats", "le 16 décembre")], rule="date-mismatch")
    agree = finding([("afp", "Corse"), ("ats", "Corse")], rule="agreement", status="agreement")
    path = tmp_path / "baseline.json"
    path.write_text(bl.dumps([a, agree]), encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    assert "afp" not in text and "s-1234" not in text  # no paths, no ids, no story ids
    known = bl.load(path)
    assert sum(known.values()) == 1
    # Coverage, not counting: the same disagreement in two stories is one known disagreement.
    kept, gone = bl.split([a, a, b, agree], known)
    assert gone == [a, a] and kept == [b, agree]


@pytest.mark.parametrize("content", ["not json", "{}", '{"schema": "other", "findings": []}',
                                     '{"schema": "factcheck.baseline/1", "findings": [1]}'])
def test_bad_baseline_is_an_error(tmp_path, content):
    path = tmp_path / "b.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError):
        bl.load(path)
    with pytest.raises(InputError, match="no such baseline"):
        bl.load(tmp_path / "missing.json")
