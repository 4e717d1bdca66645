from __future__ import annotations

import pytest

from factcheck.extract.quotes import find_quote_spans, normalise_quote


@pytest.mark.parametrize(("text", "quotes"), [
    ("« Nous allons examiner », a dit X.", ["Nous allons examiner"]),
    ("“Nous allons examiner”, a dit X.", ["Nous allons examiner"]),
    ('"Nous allons examiner", a dit X.', ["Nous allons examiner"]),
    ("'Microsoft semble avoir utilisé l'API', indique X.", ["Microsoft semble avoir utilisé l'API"]),
    ("Musk a accusé Microsoft 'd'entraîner illégalement' ses outils.", ["d'entraîner illégalement"]),
    ("L'heure d'aujourd'hui n'est pas l'heure qu'il faut.", []),
    ("Deux : « un » et « deux ».", ["un", "deux"]),
])
def test_quote_spans(text, quotes):
    assert [text[q.start:q.end] for q in find_quote_spans(text)] == quotes


def test_normalise_quote_folds_typography():
    assert normalise_quote("l’heure  du procès a sonné") == normalise_quote("l'heure du procès a sonné")
