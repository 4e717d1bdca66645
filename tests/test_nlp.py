"""The model's speed-ups change no annotation: each is checked against what spaCy does alone."""

from __future__ import annotations

from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "twitter-microsoft"
POS = ("NOUN", "VERB", "ADJ", "ADV", "AUX", "ADP", "DET", "PRON", "PROPN", "NUM", "SCONJ",
       "CCONJ", "PUNCT", "X")


@pytest.fixture(scope="module")
def reference_lemmatizer(nlp):
    """A fresh French rule lemmatizer over the model's tables, ``lemma_index`` as lists, as
    the model ships it."""
    from spacy.lang.fr.lemmatizer import FrenchLemmatizer
    from spacy.lookups import Lookups

    lookups = nlp.get_pipe("lemmatizer").lookups
    plain = Lookups()
    for name in lookups.tables:
        table = lookups.get_table(name)
        data = {k: sorted(v) if isinstance(v, frozenset) else v for k, v in table.items()}
        plain.add_table(name, data)
    ref = FrenchLemmatizer(nlp.vocab, None, "reference", mode="rule")
    ref.initialize(lookups=plain)
    return ref


def test_lemma_index_is_a_set(nlp):
    table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert table and all(isinstance(v, frozenset) for v in table.values())


def test_lemmas_same_as_with_list_index(nlp, reference_lemmatizer):
    from spacy.tokens import Doc

    ref = reference_lemmatizer
    ours = nlp.get_pipe("lemmatizer")
    words: set[str] = set()
    for forms in ref.lookups.get_table("lemma_index").values():
        for form in forms[::1500]:
            # The form itself, and inflections that reach it through a suffix rule.
            words.update((form, form + "s", form + "es", form + "ent", form + "aient",
                          form[:-1] + "aux", form.capitalize()))
    for exceptions in ref.lookups.get_table("lemma_exc").values():
        words.update(list(exceptions)[::1000])
    for path in EXAMPLE.glob("*.txt"):
        words.update(t.text for t in nlp.make_doc(path.read_text(encoding="utf-8")))
    words.discard("")
    ordered = sorted(w for w in words if not w.isspace())
    assert len(ordered) > 1000
    compared = 0
    for pos in POS:
        doc = Doc(nlp.vocab, words=ordered, pos=[pos] * len(ordered))
        for token in doc:
            assert ours.rule_lemmatize(token) == ref.rule_lemmatize(token), (token.text, pos)
            compared += 1
    assert compared == len(ordered) * len(POS)


@pytest.mark.parametrize("path", sorted(EXAMPLE.glob("*.txt")), ids=lambda p: p.stem)
def test_pipeline_lemmas_same_as_with_list_index(nlp, reference_lemmatizer, path):
    """Whole pipeline: the lemmas of a seed equal the reference lemmatizer's on its tags."""
    doc = nlp(path.read_text(encoding="utf-8"))
    ref = reference_lemmatizer
    assert [t.lemma_ for t in doc] == [ref.rule_lemmatize(t)[0] for t in doc]
