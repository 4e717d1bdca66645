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


# The sentence marker as it was written first, token by token: the reference for the
# array-based one in factcheck.nlp.
def _reference_starts(doc):
    from factcheck.nlp import _CLOSERS, _ENDERS, ABBREVIATIONS, _initial

    def starts(i):
        token, prev = doc[i], doc[i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            return True
        if token.is_space:
            return False
        if token.text in _CLOSERS and not prev.whitespace_:
            return False
        end = prev
        if prev.text in _CLOSERS and i >= 2 and not doc[i - 2].whitespace_:
            end = doc[i - 2]
        first = token.text[:1]
        if not (first.isupper() or first.isdigit() or first in "«\"“—–-'("):
            return False
        if end.text in _ENDERS:
            before = doc[end.i - 1] if end.i > 0 else None
            return not (end.text == "." and before is not None and not before.whitespace_ and (
                before.lower_ + "." in ABBREVIATIONS or _initial(before.text)))
        return (end.text.endswith(".") and len(end.text) > 1 and end.lower_ not in ABBREVIATIONS
                and not _initial(end.text))

    return [doc[0].is_sent_start] + [starts(i) for i in range(1, len(doc))]


TRICKY = [
    "",
    "Un.",
    "M. Dupont est venu. Il a dit : « Non. » Puis il est parti.",
    "Le 3 sept. 2008, J.-C. Decaux et B. Obama ont parlé.\n\nNouveau paragraphe ! Et ça ?",
    "« C'est fini », a-t-il dit.» Ensuite (la suite). 12 morts… Vraiment?! « Oui ».",
    "Titre\nLigne suivante sans point\n\n\n- tiret — Et « guillemets » \"droits\" “courbes”.",
    "mme. Martin, Dr. House, env. 3 000 personnes, n° 5, art. 12. Fin.' Début' (Parenthèse).",
    " \n  Espaces en tête. Et à la fin.  \n",
]


@pytest.mark.parametrize("text", [*TRICKY, *(p.read_text(encoding="utf-8") for p in sorted(
    EXAMPLE.glob("*.txt")))], ids=lambda t: t[:20])
def test_sentence_marker_same_as_token_by_token(nlp, text):
    from factcheck.nlp import mark_sentences

    doc = nlp.make_doc(text)
    expected = _reference_starts(doc) if len(doc) else []
    assert [t.is_sent_start for t in mark_sentences(nlp.make_doc(text))] == expected


def test_sentence_marker_on_test_articles(nlp):
    from factcheck.nlp import mark_sentences

    paths = sorted((Path(__file__).parent / "data").rglob("*.txt"))
    assert paths
    for path in paths:
        text = path.read_text(encoding="utf-8-sig", errors="replace")
        assert [t.is_sent_start for t in mark_sentences(nlp.make_doc(text))] == \
            _reference_starts(nlp.make_doc(text)), path.name


def test_sentence_marker_refuses_a_parsed_doc(nlp):
    from factcheck.nlp import mark_sentences

    with pytest.raises(ValueError):
        mark_sentences(nlp("Une phrase. Une autre."))


def test_model_multiplies_through_numpy(nlp):
    for name in ("tok2vec", "ner", "parser"):
        assert nlp.get_pipe(name).model.ops.use_blis is False, name


def test_annotations_same_as_with_spacy_ops(nlp):
    """Every annotation of the seeds and the test articles, numpy's BLAS against spaCy's
    own ops (BLIS), paragraph by paragraph as factcheck parses them."""
    import spacy
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG

    from factcheck.extract.pipeline import _paragraphs
    from factcheck.nlp import MODEL

    plain = spacy.load(MODEL)
    assert plain.get_pipe("tok2vec").model.ops.use_blis is True
    plain.add_pipe("factcheck_paragraphs", before="parser")
    plain.get_pipe("lemmatizer").lookups = nlp.get_pipe("lemmatizer").lookups
    paths = [*sorted(EXAMPLE.glob("*.txt")), *sorted((Path(__file__).parent / "data").rglob(
        "*.txt"))]
    paragraphs = [c for p in paths
                  for c in _paragraphs(p.read_text(encoding="utf-8-sig", errors="replace"))]
    attrs = [LEMMA, POS, MORPH, TAG, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START]
    for ours, theirs in zip(nlp.pipe(paragraphs), plain.pipe(paragraphs), strict=True):
        assert (ours.to_array(attrs) == theirs.to_array(attrs)).all(), ours.text[:60]
