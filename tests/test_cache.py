from __future__ import annotations

import json
import os
import pickle

import pytest

from factcheck import cache as cache_module
from factcheck.api import compare
from factcheck.cache import ParseCache
from factcheck.extract.pipeline import _paragraphs, pipe_texts

from .conftest import EXAMPLE


def test_second_run_comes_from_the_cache_with_identical_findings(nlp, tmp_path):
    from factcheck.api import compare_articles
    from factcheck.load import load_files

    paths = [str(p) for p in sorted(EXAMPLE.glob("*.txt"))]
    cache = ParseCache(tmp_path, model="test")
    first = compare_articles(load_files(paths), cache=cache)
    assert (cache.hits, cache.misses) == (0, 3)
    again = ParseCache(tmp_path, model="test")
    second = compare_articles(load_files(paths), cache=again)
    assert (again.hits, again.misses) == (3, 0)
    assert json.loads(first.to_json()) == json.loads(second.to_json())


def test_cache_key_depends_on_text_and_reference(tmp_path):
    import datetime as dt

    cache = ParseCache(tmp_path, model="m")
    keys = {cache.key("a", None), cache.key("b", None), cache.key("a", dt.date(2023, 5, 1))}
    assert len(keys) == 3
    assert ParseCache(tmp_path, model="other").key("a", None) not in keys


def test_corrupt_entries_are_misses_and_prune_bounds_size(tmp_path):
    cache = ParseCache(tmp_path, model="m", limit=10)
    key = cache.key("x", None)
    path = cache._path(key)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a cache entry")
    assert cache.get(key) is None
    cache.prune()
    assert not path.exists()


class _Planted:
    """A pickle that would create a file when loaded: what a hostile cache entry looks like."""

    def __init__(self, target):
        self.target = target

    def __reduce__(self):
        return (open, (str(self.target), "w"))


def test_a_planted_pickle_is_never_loaded(tmp_path):
    cache = ParseCache(tmp_path / "cache", model="m")
    key = cache.key("article", None)
    cache.put(key, {"good": 1})  # creates the key and a signed entry
    assert cache.get(key, dict) == {"good": 1}
    target = tmp_path / "pwned"
    path = cache._path(key)
    good = path.read_bytes()
    # A bare pickle, a pickle behind the right header with a bad signature, a truncated entry.
    for data in (pickle.dumps(_Planted(target)),
                 good[:len(cache_module._MAGIC)] + b"\0" * 32 + pickle.dumps(_Planted(target)),
                 good[:-3]):
        path.write_bytes(data)
        assert ParseCache(tmp_path / "cache", model="m").get(key, dict) is None
        assert not target.exists()


def test_an_entry_signed_under_another_key_is_a_miss(tmp_path):
    cache = ParseCache(tmp_path, model="m")
    a, b = cache.key("a", None), cache.key("b", None)
    cache.put(a, "value of a")
    cache._path(b).parent.mkdir(parents=True, exist_ok=True)
    cache._path(b).write_bytes(cache._path(a).read_bytes())
    assert cache.get(a, str) == "value of a"
    assert cache.get(b, str) is None


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX file modes")
def test_a_key_others_can_read_disables_the_cache(tmp_path):
    cache = ParseCache(tmp_path, model="m")
    key = cache.key("a", None)
    cache.put(key, "v")
    (tmp_path / "key").chmod(0o644)
    again = ParseCache(tmp_path, model="m")
    assert cache.get(key, str) == "v"  # the key was trusted when this cache read it
    assert again.get(key, str) is None
    again.put(cache.key("b", None), "w")  # silently not stored, never an error
    assert not again._path(cache.key("b", None)).exists()


def test_shared_paragraphs_are_parsed_once_and_docs_rejoin_exactly(nlp):
    shared = "Le ministre a annoncé jeudi une aide de 3 millions d'euros.\n\n"
    texts = [shared + "Une phrase propre au premier.", shared + "Une autre, propre au second."]
    assert _paragraphs(texts[0]) == [shared, "Une phrase propre au premier."]
    calls = []
    original = nlp.pipe

    class Counting:
        def pipe(self, items, **kw):
            items = list(items)
            calls.extend(items)
            return original(items, **kw)

        def make_doc(self, text):
            return nlp.make_doc(text)

    docs = list(pipe_texts(Counting(), texts))
    assert calls.count(shared) == 1
    assert [d.text for d in docs] == texts
    assert [e.text for e in docs[0].ents] == [e.text for e in nlp(texts[0]).ents]


def test_api_compare_accepts_strings_and_pairs(nlp):
    report = compare([("a", "Le groupe a vendu 780 millions de téléphones en 2022."),
                      "Le groupe a vendu 870 millions de téléphones en 2022."])
    assert [a.id for a in report.articles] == ["a", "text2"]
    assert any(f.rule == "amount-mismatch" for f in report.results)


def test_whole_story_results_are_cached(nlp, tmp_path):
    from factcheck.commands.check import StoryResult, check_story
    from factcheck.load import article_from_text
    from factcheck.rules import load_rules

    arts = [article_from_text(t, id=i, path=f"{i}.txt") for i, t in (
        ("a", "Le groupe a vendu 780 millions de téléphones en 2022, selon le rapport."),
        ("b", "Le groupe a vendu 870 millions de téléphones en 2022, selon le rapport."))]
    rules = load_rules()
    cache = ParseCache(tmp_path, model="test")
    first = check_story("s", arts, rules=rules, cache=cache)
    again = ParseCache(tmp_path, model="test")
    second = check_story("s", arts, rules=rules, cache=again)
    assert isinstance(second, StoryResult) and again.hits == 1 and again.misses == 0
    assert second.report.to_json() == first.report.to_json()
    changed = [arts[0], article_from_text(arts[1].raw.replace("870", "880"), id="b", path="b.txt")]
    third = check_story("s", changed, rules=rules, cache=again)
    assert "880" in third.report.to_json()
