"""Sentence alignment across sources, without the model: copies, rewordings, reorderings."""

from __future__ import annotations

from factcheck.align import align, norm, unaligned
from factcheck.model import Article, Parsed, Sentence


def parsed(id_: str, sentences: list[str]) -> Parsed:
    raw = " ".join(sentences)
    out, pos = [], 0
    for i, s in enumerate(sentences):
        out.append(Sentence(i, s, pos, pos + len(s)))
        pos += len(s) + 1
    return Parsed(Article(id_, f"{id_}.txt", raw), tuple(out), ())


A = ["Le ministre a annoncé jeudi une aide de 3 millions d'euros pour les agriculteurs.",
     "Les syndicats ont salué un premier pas mais réclament davantage de moyens.",
     "La préfecture a ouvert une cellule de crise à Arras."]
B = ["Les syndicats ont salué un premier pas, mais ils réclament davantage de moyens.",
     "Le ministre a annoncé jeudi une aide de 3 millions d’euros aux agriculteurs.",
     "Le président du conseil régional a demandé une réunion d'urgence."]


def pairs_of(result):
    return sorted((p.a, p.ai, p.b, p.bi) for p in result)


def test_reordered_and_reworded_sentences_are_matched():
    result = align([parsed("a", A), parsed("b", B)])
    assert pairs_of(result) == [("a", 0, "b", 1), ("a", 1, "b", 0)]


def test_unmatched_sentences_are_single_source():
    docs = [parsed("a", A), parsed("b", B)]
    alone = unaligned(docs, align(docs))
    assert [s.index for s in alone["a"]] == [2]
    assert [s.index for s in alone["b"]] == [2]


def test_order_of_sources_does_not_matter():
    one = align([parsed("a", A), parsed("b", B), parsed("c", A[::-1])])
    two = align([parsed("c", A[::-1]), parsed("b", B), parsed("a", A)])
    assert pairs_of(one) == pairs_of(two)


def test_norm_folds_typography_not_accents():
    assert norm("L’API « ouverte »") == norm("l'API \"ouverte\"")
    assert norm("à") != norm("a")
