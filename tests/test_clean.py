from __future__ import annotations

import pytest

from factcheck.clean import clean
from factcheck.load import article_from_text, load_file

from .conftest import EXAMPLE


def cleaned(text: str) -> str:
    return clean(article_from_text(text, id="a", path="a.txt")).text


@pytest.mark.parametrize(("text", "kept", "dropped"), [
    ("- Un titre de la liste\n- Un autre titre ici\n- Encore un titre\nLe corps de l'article.",
     "Le corps de l'article.", "Un autre titre"),
    ("Le texte commence ici.\nLire aussi : un autre article sans rapport\nEt il continue.",
     "Et il continue.", "sans rapport"),
    ("Le texte commence ici.\n📱 Suivez toute l'actualité sur notre appli\nEt il continue.",
     "Et il continue.", "appli"),
    ("Le texte commence ici et finit là.\n/AFP", "finit là.", "AFP"),
    ("Le texte commence ici et finit là.\nJ.Dupont--XYZ", "finit là.", "Dupont"),
    ("Le texte commence ici et finit là.\nSource : Le Journal du Soir", "finit là.", "Journal"),
    ("Le texte commence ici et finit là.\nAvec AFP", "finit là.", "Avec"),
])
def test_clutter_rules(text, kept, dropped):
    out = cleaned(text)
    assert kept in out
    assert dropped not in out


def test_broken_word_is_joined_and_offsets_map_back():
    text = "Le ton se veut plus offensi\n. « Il est possible », dit-il."
    a = article_from_text(text, id="a", path="a.txt")
    c = clean(a)
    assert "offensi. « Il est" in c.text
    i = c.text.index("offensi.")
    s, e = c.raw_span(i, i + len("offensi."))
    assert a.raw[s:e] == "offensi\n."


def test_seed_clutter_is_gone():
    afp = clean(load_file(EXAMPLE / "afp-republished.txt"))
    assert "Caetano" not in afp.text and "Shevchenko" not in afp.text
    assert afp.title and afp.title.startswith("Twitter accuse Microsoft")
    net = clean(load_file(EXAMPLE / "01net.txt"))
    for gone in ("lire aussi", "suivez-nous", "Source :", "New York Times\n"):
        assert gone not in net.text
    ats = clean(load_file(EXAMPLE / "ats.txt"))
    assert "/ATS" not in ats.text and not ats.text.startswith(" date")


def test_every_clean_char_maps_to_the_same_raw_char():
    for path in EXAMPLE.glob("*.txt"):
        a = load_file(path)
        c = clean(a)
        for i, ch in enumerate(c.text):
            if ch not in " \n'":
                assert a.raw[c.offsets[i]] == ch, (path.name, i)


@pytest.mark.parametrize("line", [
    "Par contre, elle s'intéresse de très près au sort des mineurs.",
    "Avec 128.978 votants, la participation a atteint 55,38%.",
    "Crédit Agricole : 3 milliards",
    "Pour restaurer leurs fonds propres, elles ont déjà été obligées de lancer des augmentations",
])
def test_prose_and_data_lines_that_look_like_clutter_are_kept(line):
    text = f"Le texte commence ici.\n{line}\nEt il continue ensuite normalement."
    assert line.strip() in cleaned(text)


@pytest.mark.parametrize("line", ["Crédits photo : AFP", "Par Jean Dupont", "© AFP 2024",
                                  "Avec AFP et Reuters"])
def test_credit_and_byline_lines_are_removed(line):
    text = f"Le texte commence ici et il dit quelque chose.\n{line}\nEt il continue ensuite."
    assert line not in cleaned(text)
