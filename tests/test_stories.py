"""Story grouping (``factcheck.stories``) and its text helpers (``factcheck.textsim``).

Small hand-made data only (``tests/data/stories``): the RPM2 benchmark lives in
``bench/stories.py``.  These tests pin the behaviours ``factcheck check`` relies on: explicit
keys win, near-identical reports group, unrelated articles stay alone, the date window holds,
and the result never depends on input order.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import random
import re
from pathlib import Path

import numpy as np
import pytest

from factcheck.stories import Grouping, StoryDoc, folder_key, group_by_folder, group_stories
from factcheck.textsim import build_tfidf, fold, neighbours, tokenize, weighted_terms

DATA = Path(__file__).resolve().parent / "data" / "stories"


def headlines() -> list[str]:
    """The headline list (one news title per line, "- " prefixed)."""
    lines = (DATA / "headlines.txt").read_text(encoding="utf-8").splitlines()
    return [line[2:].strip() for line in lines if line.startswith("- ")]


def headline_docs() -> list[StoryDoc]:
    return [StoryDoc(id=f"h{k:02d}", text=h) for k, h in enumerate(headlines())]


def articles() -> list[dict[str, str]]:
    with (DATA / "articles.jsonl").open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def article_docs(date: dt.date | None = None, prefix: str = "") -> list[StoryDoc]:
    return [StoryDoc(id=prefix + r["id"], text=r["text"], title=r["title"], date=date)
            for r in articles()]


def story_of(grouping: Grouping, doc_id: str) -> tuple[str, ...] | None:
    for story in grouping.stories:
        if doc_id in story.members:
            return story.members
    return None


def by_text(grouping: Grouping, docs: list[StoryDoc]) -> list[set[str]]:
    text = {d.id: d.text for d in docs}
    return [{text[m] for m in s.members} for s in grouping.stories]


# ------------------------------------------------------------------------------ basics


def test_empty_input() -> None:
    assert group_stories([]) == Grouping(stories=(), unassigned=())
    assert group_by_folder([]) == Grouping(stories=(), unassigned=())


def test_single_and_unrelated_docs_are_unassigned() -> None:
    one = StoryDoc(id="a", text="Le pape se rendra en Corse le 15 décembre, une première.")
    assert group_stories([one]) == Grouping(stories=(), unassigned=("a",))
    docs = [d for d in article_docs() if d.id in {"nba", "inde", "vaches"}]
    grouping = group_stories(docs)
    assert grouping.stories == ()
    assert grouping.unassigned == ("inde", "nba", "vaches")


def test_empty_texts_do_not_crash_or_group() -> None:
    docs = [StoryDoc(id="x", text=""), StoryDoc(id="y", text="   "), StoryDoc(id="z", text="...")]
    assert group_stories(docs) == Grouping(stories=(), unassigned=("x", "y", "z"))


def test_duplicate_ids_and_bad_arguments_are_rejected() -> None:
    doc = StoryDoc(id="same", text="texte")
    with pytest.raises(ValueError, match="duplicate"):
        group_stories([doc, doc])
    with pytest.raises(ValueError, match="window_days"):
        group_stories([doc], window_days=-1)
    with pytest.raises(ValueError, match="threshold"):
        group_stories([doc], threshold=0)


# ------------------------------------------------------------------------ explicit keys


def test_explicit_story_keys_override_clustering() -> None:
    docs = article_docs()
    keyed = [
        dataclasses.replace(docs[0], story="tempete"),  # caetano-afp
        dataclasses.replace(docs[3], story="tempete"),  # a Djokovic article: the key wins
        dataclasses.replace(docs[7], story="seul"),  # a key nobody else has
    ]
    rest = docs[1:3] + docs[4:7] + docs[8:]
    grouping = group_stories(keyed + rest)
    tempete = story_of(grouping, "caetano-afp")
    assert tempete == ("caetano-afp", "djokovic-lequipe")
    story = next(s for s in grouping.stories if s.members == tempete)
    assert story.reason == "story key 'tempete'"
    assert story.id.startswith("tempete-")
    # Keyed docs never join automatic stories, even when their text matches.
    assert story_of(grouping, "caetano-ouest") == ("caetano-ouest", "caetano-radio")
    assert story_of(grouping, "djokovic-afp") is None
    # A key with one member is a story of one: unassigned.
    assert "nba" in grouping.unassigned


def test_folder_name_as_story_key() -> None:
    """``--group-by folder`` can be done by the caller: story = parent folder name."""
    docs = [StoryDoc(id=f"corpus/{folder}/{name}.txt", text=f"Texte {name}.", story=folder)
            for folder, name in [("a", "1"), ("a", "2"), ("b", "3"), ("b", "4"), ("c", "5")]]
    grouping = group_stories(docs)
    assert [s.members for s in grouping.stories] == [
        ("corpus/a/1.txt", "corpus/a/2.txt"), ("corpus/b/3.txt", "corpus/b/4.txt")]
    assert grouping.unassigned == ("corpus/c/5.txt",)


def test_group_by_folder() -> None:
    docs = [StoryDoc(id=path, text="Même texte partout.") for path in (
        "x/tempete/1.txt", "x/tempete/2.txt", "y/tempete/3.txt", "y/tempete/4.txt",
        "x/seul/5.txt", "racine.txt", "autre.txt")]
    grouping = group_by_folder(docs)
    assert [(s.members, s.reason) for s in grouping.stories] == [
        (("x/tempete/1.txt", "x/tempete/2.txt"), "folder 'tempete'"),
        (("y/tempete/3.txt", "y/tempete/4.txt"), "folder 'tempete'"),
    ]
    # Same folder name under different parents stays apart; ids are distinct.
    assert len({s.id for s in grouping.stories}) == 2
    assert grouping.unassigned == ("autre.txt", "racine.txt", "x/seul/5.txt")
    assert folder_key("a/b/c.txt") == str(Path("a/b"))
    assert folder_key("c.txt") == ""


# ------------------------------------------------------------------- automatic grouping


def test_articles_group_into_their_stories() -> None:
    grouping = group_stories(article_docs())
    assert [s.members for s in grouping.stories] == [
        ("caetano-afp", "caetano-ouest", "caetano-radio"),
        ("bloch-elysee", "bloch-portrait"),
        ("djokovic-afp", "djokovic-lequipe"),
    ]
    assert grouping.unassigned == ("inde", "nba", "vaches")
    caetano = grouping.stories[0]
    assert re.fullmatch(r"[a-z0-9-]+-[0-9a-f]{4}", caetano.id)
    assert "caetano" in caetano.id
    assert "Caetano" in caetano.reason and "mean similarity" in caetano.reason


def test_headline_list() -> None:
    """One-line articles: the true pairs group, unrelated headlines stay alone."""
    docs = headline_docs()
    titles = {d.id: d.text for d in docs}
    ids = {t: i for i, t in titles.items()}
    grouping = group_stories(docs)

    def together(a: str, b: str) -> bool:
        members = story_of(grouping, ids[a])
        return members is not None and ids[b] in members

    caetano = ("Tempête Caetano: 18.000 foyers encore sans électricité",
               "Tempête Caetano: 33.000 foyers encore sans électricité")
    djokovic = ("Tennis: Djokovic enrôle Murray pour retrouver l'oeil du tigre",
                "Tennis: Novak Djokovic annonce qu'il va être entraîné par Andy Murray")
    assert together(*caetano)
    assert together(*djokovic)
    sinner = "Coupe Davis: Sinner qualifie l'Italie pour la finale"
    bert = ("Neige, inondations: la tempête Bert cause de fortes perturbations au Royaume-Uni "
            "et en Irlande")
    assert not together(sinner, caetano[0])
    assert not together(bert, caetano[0])  # one shared word ("tempête") is not a story
    assert not together(djokovic[0], sinner)
    for lonely in ("Ligue 1: Marseille se relance à Lens (3-1)",
                   "En Inde, le coût économique croissant de la pollution de l'air",
                   "Le pape se rendra en Corse le 15 décembre, une première"):
        assert ids[lonely] in grouping.unassigned
    # Most headlines are about distinct events.
    assert len(grouping.unassigned) >= len(docs) // 2
    assert all(len(s.members) <= 8 for s in grouping.stories)


def test_window_days_separates_dated_copies() -> None:
    """The same coverage a month later is a separate story once dates are constrained."""
    early = [d for d in article_docs(dt.date(2024, 11, 22)) if d.id.startswith("caetano")]
    late = [d for d in article_docs(dt.date(2024, 12, 22), prefix="later-")
            if d.id.startswith("later-caetano")]
    undated = StoryDoc(id="undated", text=early[0].text, title=early[0].title)
    docs = early + late + [undated]

    together = group_stories(docs)
    assert len(together.stories) == 1 and len(together.stories[0].members) == 7

    apart = group_stories(docs, window_days=7)
    groups = [set(s.members) for s in apart.stories]
    assert {d.id for d in early} in [g - {"undated"} for g in groups]
    assert {d.id for d in late} in [g - {"undated"} for g in groups]
    assert len(groups) == 2
    for g in groups:  # no story spans more than the window
        dates = [d.date for d in docs if d.id in g and d.date is not None]
        assert (max(dates) - min(dates)).days <= 7
    # Undated docs are not constrained: the copy of a dated article still finds its story.
    assert story_of(apart, "undated") is not None
    assert group_stories(docs[::-1], window_days=7) == apart


def test_order_independence() -> None:
    docs = headline_docs() + article_docs()
    expected = group_stories(docs)
    rng = random.Random(0)
    for _ in range(3):
        shuffled = docs[:]
        rng.shuffle(shuffled)
        assert group_stories(shuffled) == expected


def test_ids_do_not_change_grouping() -> None:
    """Renaming docs changes ids, not which texts end up together."""
    docs = article_docs()
    renamed = [dataclasses.replace(d, id=f"z{99 - k:02d}") for k, d in enumerate(docs)]
    a = sorted(map(sorted, by_text(group_stories(docs), docs)))
    b = sorted(map(sorted, by_text(group_stories(renamed), renamed)))
    assert a == b


def test_threshold_controls_tightness() -> None:
    docs = article_docs()

    def grouped(threshold: float | None) -> int:
        return sum(len(s.members) for s in group_stories(docs, threshold=threshold).stories)

    assert grouped(0.3) >= grouped(None) >= grouped(2.0)
    assert grouped(50.0) == 0


# ------------------------------------------------------------------------------ textsim


def test_tokenize_normalises_and_flags_entities() -> None:
    tokens = tokenize("Tennis: Djokovic enrôle Murray pour retrouver l'oeil du tigre. "
                      "Les 18.000 foyers de TF1 et la Nouvelle-Zélande")
    terms = {t.term: t for t in tokens}
    assert "du" not in terms and "pour" not in terms  # stop words
    assert "oeil" in terms  # elision dropped
    assert terms["djokovi"].entity and terms["murray"].entity
    assert not terms["tenni"].entity  # capital at line start says nothing
    assert terms["#18000"].entity and terms["#18000"].surface == "18.000"
    assert terms["tf1"].entity
    assert terms["nouvell"].entity and terms["zeland"].entity
    assert fold("Élysée Œuvre") == "elysee oeuvre"
    # Plural, feminine and accent variants meet.
    assert {t.term for t in tokenize("tempête tempêtes")} == {"tempet"}


def test_weighted_terms_weights_title_and_entities() -> None:
    counts = weighted_terms("Caetano frappe", "La tempête Caetano a frappé la Manche.")
    assert counts["caetano"] > counts["tempet"]


def test_neighbours_match_brute_force() -> None:
    rng = np.random.default_rng(3)
    vocab = [f"mot{k}" for k in range(40)]
    docs = [{vocab[t]: float(rng.integers(1, 4)) for t in rng.choice(40, 8, replace=False)}
            for _ in range(60)]
    vectors = build_tfidf(docs, max_terms=80)
    dense = np.zeros((vectors.n_docs, len(vectors.terms)))
    for row in range(vectors.n_docs):
        idx, val = vectors.row(row)
        dense[row, idx] = val
    sims = dense @ dense.T
    shared = (dense > 0).astype(int) @ (dense > 0).T
    i, j, s = neighbours(vectors, k=100, min_shared=2, budget=50)  # tiny budget: many chunks
    got = {(a, b): v for a, b, v in zip(i.tolist(), j.tolist(), s.tolist(), strict=True)}
    want = {(a, b): sims[a, b] for a in range(60) for b in range(a + 1, 60) if shared[a, b] >= 2}
    assert got.keys() == want.keys()
    assert all(abs(got[p] - want[p]) < 1e-5 for p in want)
    # With k, each doc keeps at least its own k best (the union of both directions is returned).
    i, j, _ = neighbours(vectors, k=3, min_shared=2)
    degree = np.bincount(np.concatenate((i, j)), minlength=60)
    assert (degree >= np.minimum(3, (shared >= 2).sum(1) - np.diag(shared >= 2))).all()
