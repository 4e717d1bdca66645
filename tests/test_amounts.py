"""Amounts in French news text: parametrised tables, no spaCy, no shared/ data.

Each positive row gives the expected expression (``text[start:end]``) and its reading; each
negative row is something that looks numeric but is no amount. The Duckling cases at the end
are a copy of the peer suites in ``tests/data/extraction``, checked with the scope rules of
``bench/extraction.py``.
"""

from __future__ import annotations

import functools
import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.amounts import MONTH_S, YEAR_S, Amount, find_amounts, qualifier_direction

DATA = Path(__file__).resolve().parent / "data" / "extraction"
BENCH = Path(__file__).resolve().parent.parent / "bench" / "extraction.py"
EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "twitter-microsoft"
H, D = 3600.0, 86400.0


@functools.cache
def _bench() -> Any:
    spec = importlib.util.spec_from_file_location("bench_extraction", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def one(text: str) -> Amount:
    found = find_amounts(text)
    assert len(found) == 1, found
    return found[0]


def span(text: str, a: Amount) -> str:
    return text[a.start : a.end]


# ---------------------------------------------------------------------------------------------
# Positive cases: (text, expression, value, kind, unit, extra attributes)

POSITIVE: list[tuple[str, str, float, str, str | None, dict[str, Any]]] = [
    # the seed story
    ("ont accédé aux API de Twitter plus de 780 millions de fois et",
     "plus de 780 millions de fois", 780e6, "count", "fois", {"qualifier": "plus de"}),
    ("récupéré plus de 26 milliards de tweets rien qu'en 2022",
     "plus de 26 milliards de tweets", 26e9, "count", "tweets", {"qualifier": "plus de"}),
    ("accepté de payer 2 millions de dollars par an pour", "2 millions de dollars par an", 2e6,
     "money", "USD", {"period": "year"}),
    ("Tempête Caetano: 18.000 foyers encore sans électricité", "18.000 foyers", 18_000, "count",
     "foyers", {}),
    ("sunnites-chiites fait 32 nouveaux morts", "32 nouveaux morts", 32, "count", "morts", {}),
    ("Uruguay: A 89 ans, \"Pepe\" Mujica", "89 ans", 89, "age", "year", {}),
    ("LaMelo Ball marque 50 points", "50 points", 50, "count", "points", {}),
    # digits, separators, magnitudes
    ("18 000 foyers", "18 000 foyers", 18_000, "count", "foyers", {}),
    ("18\u00a0000 foyers", "18\u00a0000 foyers", 18_000, "count", "foyers", {}),
    ("18\u202f000 foyers", "18\u202f000 foyers", 18_000, "count", "foyers", {}),
    ("un taux de 4,9 %", "4,9 %", 4.9, "percent", "%", {}),
    ("1,5 million d'habitants", "1,5 million d'habitants", 1.5e6, "count", "habitants", {}),
    ("26 000 millions de tweets", "26 000 millions de tweets", 26e9, "count", "tweets", {}),
    ("un budget de 3 Md€", "3 Md€", 3e9, "money", "EUR", {}),
    ("un budget de 2 M$", "2 M$", 2e6, "money", "USD", {}),
    ("10 mds d'euros", "10 mds d'euros", 10e9, "money", "EUR", {}),
    ("un salaire de 20 k€", "20 k€", 20_000, "money", "EUR", {}),
    ("3 000 milliards d'euros de dette", "3 000 milliards d'euros", 3e12, "money", "EUR", {}),
    ("il y a 3,5 milliards", "3,5 milliards", 3.5e9, "number", None, {}),
    ("deux millions et demi de visiteurs", "deux millions et demi de visiteurs", 2.5e6, "count",
     "visiteurs", {}),
    # words
    ("vingt-six milliards de tweets", "vingt-six milliards de tweets", 26e9, "count", "tweets",
     {}),
    ("un million de personnes", "un million de personnes", 1e6, "count", "personnes", {}),
    ("soixante-dix-huit députés", "soixante-dix-huit députés", 78, "count", "députés", {}),
    ("septante-huit francs suisses", "septante-huit francs suisses", 78, "money", "CHF", {}),
    ("Ils étaient neuf.", "neuf", 9, "number", None, {}),
    ("neuf personnes", "neuf personnes", 9, "count", "personnes", {}),
    ("Ils étaient trois", "trois", 3, "number", None, {}),
    # money
    ("375.000 euros", "375.000 euros", 375_000, "money", "EUR", {}),
    ("20 francs suisses", "20 francs suisses", 20, "money", "CHF", {}),
    ("40 CHF", "40 CHF", 40, "money", "CHF", {}),
    ("5 000 dollars américains", "5 000 dollars américains", 5000, "money", "USD", {}),
    ("£9", "£9", 9, "money", "GBP", {}),
    ("10 livres sterling", "10 livres sterling", 10, "money", "GBP", {}),
    ("1 000 milliards de yens", "1 000 milliards de yens", 1e12, "money", "JPY", {}),
    ("USD1,23", "USD1,23", 1.23, "money", "USD", {}),
    ("1 USD et 23 centimes", "1 USD et 23 centimes", 1.23, "money", "USD", {}),
    ("un SMIC à 1 398,69 euros net", "1 398,69 euros", 1398.69, "money", "EUR", {}),
    ("Un milliard d'euros a été investi", "Un milliard d'euros", 1e9, "money", "EUR", {}),
    ("50 millions de francs CFA", "50 millions de francs CFA", 50e6, "money", "XOF", {}),
    ("5 000 euros mensuels", "5 000 euros mensuels", 5000, "money", "EUR", {"period": "month"}),
    ("100 euros/mois", "100 euros/mois", 100, "money", "EUR", {"period": "month"}),
    # percentages
    ("66 %", "66 %", 66, "percent", "%", {}),
    ("64,1%", "64,1%", 64.1, "percent", "%", {}),
    ("66 pour cent", "66 pour cent", 66, "percent", "%", {}),
    ("vingt pour cent", "vingt pour cent", 20, "percent", "%", {}),
    ("2 points de pourcentage", "2 points de pourcentage", 2, "percent", "pp", {}),
    ("relevé ses taux de 25 points de base", "25 points de base", 25, "percent", "bp", {}),
    ("Il a obtenu 52,3 % des voix", "52,3 %", 52.3, "percent", "%", {}),
    # durations (seconds)
    ("deux ans et demi", "deux ans et demi", 2.5 * YEAR_S, "duration", "s", {}),
    ("30 mois", "30 mois", 30 * MONTH_S, "duration", "s", {}),
    ("Il y a 80 ans, l'incorporation", "80 ans", 80 * YEAR_S, "duration", "s", {}),
    ("Un mois plus tard", "Un mois", MONTH_S, "duration", "s", {}),
    ("une grève de 24 heures", "24 heures", 24 * H, "duration", "s", {}),
    ("en 24h", "24h", 24 * H, "duration", "s", {}),
    ("en 1h30", "1h30", 1.5 * H, "duration", "s", {}),
    ("deux heures et demie", "deux heures et demie", 2.5 * H, "duration", "s", {}),
    ("une demi-heure", "une demi-heure", 0.5 * H, "duration", "s", {}),
    ("trois quarts d'heure", "trois quarts d'heure", 0.75 * H, "duration", "s", {}),
    ("sept semaines", "sept semaines", 49 * D, "duration", "s", {}),
    ("3 trimestres", "3 trimestres", 9 * MONTH_S, "duration", "s", {}),
    ("condamné à 10 ans de prison", "10 ans", 10 * YEAR_S, "duration", "s", {}),
    ("pendant trois jours", "trois jours", 3 * D, "duration", "s", {}),
    # ages (years)
    ("un homme de 47 ans", "47 ans", 47, "age", "year", {}),
    ("âgé de 47 ans", "47 ans", 47, "age", "year", {}),
    ("la victime, âgée de 20 ans", "20 ans", 20, "age", "year", {}),
    ("Pierre Dupont, 47 ans, a été arrêté", "47 ans", 47, "age", "year", {}),
    ("Il a 47 ans.", "47 ans", 47, "age", "year", {}),
    ("quarante-sept ans", "quarante-sept ans", 47 * YEAR_S, "duration", "s", {}),
    ("un enfant de deux ans et demi", "deux ans et demi", 2.5, "age", "year", {}),
    ("les moins de 25 ans", "moins de 25 ans", 25, "age", "year", {"qualifier": "moins de"}),
    # quantities (canonical units)
    ("une longueur de 2,5 km", "2,5 km", 2500, "quantity", "m", {}),
    ("3 000 mètres", "3 000 mètres", 3000, "quantity", "m", {}),
    ("limitée à 80 km/h", "80 km/h", 80, "quantity", "km/h", {}),
    ("10 000 hectares", "10 000 hectares", 1e8, "quantity", "m²", {}),
    ("150 tonnes de déchets", "150 tonnes", 150_000, "quantity", "kg", {}),
    ("250 ml", "250 ml", 0.25, "quantity", "l", {}),
    ("jusqu'à 40 °C", "jusqu'à 40 °C", 40, "quantity", "°C", {"qualifier": "jusqu'à"}),
    ("-10°", "-10°", -10, "quantity", "°", {}),
    ("moins 15 degrés", "moins 15 degrés", -15, "quantity", "°", {}),
    ("un demi-litre", "un demi-litre", 0.5, "quantity", "l", {}),
    ("10 litres par jour", "10 litres par jour", 10, "quantity", "l", {"period": "day"}),
    # qualifiers
    ("près d'un million de personnes", "près d'un million de personnes", 1e6, "count",
     "personnes", {"qualifier": "près de"}),
    ("d'environ 300 manifestants", "environ 300 manifestants", 300, "count", "manifestants",
     {"qualifier": "environ"}),
    ("quelque 2 000 policiers", "quelque 2 000 policiers", 2000, "count", "policiers",
     {"qualifier": "quelque"}),
    ("au moins trois personnes", "au moins trois personnes", 3, "count", "personnes",
     {"qualifier": "au moins"}),
    ("Environ 300 personnes", "Environ 300 personnes", 300, "count", "personnes",
     {"qualifier": "environ"}),
    ("pas plus de 10 dollars", "pas plus de 10 dollars", 10, "money", "USD",
     {"qualifier": "pas plus de"}),
    ("presque 50 ans", "presque 50 ans", 50 * YEAR_S, "duration", "s",
     {"qualifier": "presque"}),
    ("quasiment 2 millions", "quasiment 2 millions", 2e6, "number", None,
     {"qualifier": "quasiment"}),
    ("une dizaine de morts", "une dizaine de morts", 10, "count", "morts",
     {"qualifier": "environ"}),
    ("une centaine de milliers de manifestants", "une centaine de milliers de manifestants",
     100_000, "count", "manifestants", {"qualifier": "environ"}),
    # ranges
    ("entre 10 et 15 %", "entre 10 et 15 %", 10, "percent", "%", {"high": 15}),
    ("de 3 à 5 millions", "de 3 à 5 millions", 3e6, "number", None, {"high": 5e6}),
    ("10-15 %", "10-15 %", 10, "percent", "%", {"high": 15}),
    ("entre deux et trois millions d'euros", "entre deux et trois millions d'euros", 2e6,
     "money", "EUR", {"high": 3e6}),
    ("2 000 à 3 000 personnes", "2 000 à 3 000 personnes", 2000, "count", "personnes",
     {"high": 3000}),
    ("de 2 à 3 heures", "de 2 à 3 heures", 2 * H, "duration", "s", {"high": 3 * H}),
    ("deux ou trois jours", "deux ou trois jours", 2 * D, "duration", "s", {"high": 3 * D}),
    ("âgés de 18 à 25 ans", "de 18 à 25 ans", 18, "age", "year", {"high": 25}),
    ("les 18-25 ans", "18-25 ans", 18, "age", "year", {"high": 25}),
    ("des températures de -5 °C à 10 °C", "de -5 °C à 10 °C", -5, "quantity", "°C",
     {"high": 10}),
    # a name before a figure with a magnitude, a decimal comma or grouped thousands is a list
    ("Les aides: Caisse d'Epargne 1,1 milliard", "1,1 milliard", 1.1e9, "number", None, {}),
    ("puis la Banque Régionale 950 millions", "950 millions", 950e6, "number", None, {}),
    ("Les syndicats ont compté Lyon 8.000", "8.000", 8000, "number", None, {}),
    # counted nouns: plural after 2 or more, after "de" once there is a magnitude
    ("les six plus grandes banques du pays", "six plus grandes banques", 6, "count", "banques",
     {}),
    ("Les 40 milliards débloqués lundi.", "40 milliards", 40e9, "number", None, {}),
    ("Le fonds de 3 milliards s'est effondré.", "3 milliards", 3e9, "number", None, {}),
    ("Les 300 veulent partir.", "300", 300, "number", None, {}),
    ("Fin mai, 1 957 000demandeurs d'emploi", "1 957 000demandeurs", 1_957_000, "count",
     "demandeurs", {}),
    ("pour les trois derniers mois de l'année", "trois derniers mois", 3 * MONTH_S, "duration",
     "s", {}),
    # hours and minutes spelled out
    ("Il a parlé 2 heures 30 devant la foule", "2 heures 30", 2.5 * H, "duration", "s", {}),
    ("il travaille jusqu'à 10 heures par jour", "jusqu'à 10 heures par jour", 10 * H,
     "duration", "s", {"qualifier": "jusqu'à", "period": "day"}),
    ("Après 12 heures de négociations, ils ont signé", "12 heures", 12 * H, "duration", "s",
     {}),
    # ages and spans of years
    ("J'ai 42 ans.", "42 ans", 42, "age", "year", {}),
    ("Il va bientôt avoir 32 ans", "32 ans", 32, "age", "year", {}),
    ("ficher les mineurs dès 13 ans", "13 ans", 13, "age", "year", {}),
    ("les mineurs de 16 ans", "16 ans", 16, "age", "year", {}),
    ("le fichage des plus de 13 ans", "plus de 13 ans", 13, "age", "year",
     {"qualifier": "plus de"}),
    ("le corps de l'enseignante de 52 ans", "52 ans", 52, "age", "year", {}),
    ("Il a battu Paul Martin, 25 ans.", "25 ans", 25, "age", "year", {}),
    ("après une retraite de trois ans", "trois ans", 3 * YEAR_S, "duration", "s", {}),
    ("Ils auront dix ans pour rembourser.", "dix ans", 10 * YEAR_S, "duration", "s", {}),
    ("un prêt à 20 ans", "20 ans", 20 * YEAR_S, "duration", "s", {}),
]


@pytest.mark.parametrize(("text", "expr", "value", "kind", "unit", "extra"), POSITIVE,
                         ids=[row[0][:50] for row in POSITIVE])
def test_positive(text: str, expr: str, value: float, kind: str, unit: str | None,
                  extra: dict[str, Any]) -> None:
    a = one(text)
    assert span(text, a) == expr
    assert (a.value, a.kind, a.unit) == (pytest.approx(value), kind, unit)
    for name in ("qualifier", "period"):
        assert getattr(a, name) == extra.get(name)
    assert a.high == (pytest.approx(extra["high"]) if "high" in extra else None)


# ---------------------------------------------------------------------------------------------
# Negative cases: nothing may be found

NEGATIVE = [
    # years used as dates
    "rien qu'en 2022", "depuis 2019", "2023", "en 2022", "octobre 2022", "fin 2023",
    "entre 2019 et 2022", "de 2019 à 2022", "les années 1990", "les années 80", "en l'an 2000",
    "une première depuis 1945", "Paris 2024", "mi-2022",
    # day numbers, dates
    "le 9 février", "18 mai 2023", "jeudi 18 mai 2023", "le 1er décembre", "le neuf février",
    "du 9 au 12 mars", "15/08/2023", "2013-02-12", "le 14 juillet 1789", "le 18 sept. 2023",
    # clock times
    "20h08", "14h30", "à 20h08", "à 14 heures", "vers 8 h", "il est 20h", "le JT de 20h",
    "de 9 h à 17 h", "la réunion de 14h à 16h", "14:30", "24h/24 et 7j/7",
    "dimanche à 10h00 heure locale (9h00 GMT)", "Le train de 7h42", "un mois d'août",
    # scores
    "29-37", "(3-1)", "s'impose à Vannes 29-37", "Ligue 1: Marseille se relance à Lens (3-1)",
    "Coupe Davis: 1-0 pour l'Italie", "Le PSG s'est imposé 3-0 face à Marseille",
    "3-1 victoire",
    # versions, phone numbers
    "v.1.1", "v.2", "l'accès gratuit à son API, v.1.1 et v.2. prendrait fin", "la version 2.0",
    "01 23 45 67 89", "+33 1 23 45 67 89", "0123456789",
    # ordinals
    "99e", "100e", "1er", "deuxième", "la 23e fois", "Il est arrivé 2e", "le XIXe siècle",
    "au 5e arrondissement",
    # identifiers and names
    "X.AI", "baptisée X.AI", "COP29", "A320", "Covid-19", "F-16", "3D", "5G", "01net", "Bac+5",
    "Top 14: Bordeaux", "Ligue 1", "le CAC 40", "l'iPhone 15", "Windows 11", "le G7 et le G20",
    # section and list numbers
    "l'article 49.3", "Le 49.3 a été utilisé", "n° 12", "page 12", "chapitre 3", "1. Introduction",
    # articles and adjectives
    "un homme", "Un moyen de désamorcer ce conflit ?", "l'un comme l'autre", "un logement neuf",
    "C'est un logement neuf", "une suite", "d'un montant",
    # indefinite quantities and fractions
    "des centaines de personnes", "quelques milliers de manifestants", "des millions",
    "Deux tiers des Français", "12 rue de la Paix",
    # quotes closing after a year are not minute/second marks
    "rien qu'en 2022\", assure", "rien qu'en 2022', assure",
    # Duckling's negative duration corpus
    "les jours", "en secondaire", "minutes", "pendant des mois",
    # names: capitalised number words, a name after a bracket, a colon or a quote, compounds
    "Le président des Vingt-Sept a parlé.", "Ils regardent Sept à huit le dimanche.",
    "Invité sur France 2 hier", "Elle était (France 2) ce soir-là.", "sur \"Europe 1\", il a dit",
    "un rôle: France 2 pour tous", "les chaînes; France 5 pour le savoir",
    "le 20-Heures de la chaîne",
    # footnote calls, section lists, a year with a stray space
    "Jean Dupont (1) a signé.", "(2) Voir plus loin.", "ses amendements 660 et 771",
    "les articles 3, 4 et 5 du texte", "il se donnait jusqu'en 2 012",
    # a singular article before a figure: the name of a news show, not a count
    "Le présentateur du 20 heures a quitté la chaîne.", "Il présente le 13 heures.",
    # clock times
    "La séance a commencé vers 20 heures 35 hier.", "entre 20 heures et 6 heures",
    "de 22 heures à 1 heure du matin", "lundi 17 heures, heure française",
    "suspendu jusqu'à 14 heures aujourd'hui", "à 14 heures de l'après-midi",
    # "seconde" as an ordinal adjective
    "une seconde coupure publicitaire", "une nouvelle semaine de grève",
    # a year followed by a verb, a pronoun or a participle is no count
    "La loi de 2005 relative aux malades", "Le Tour 2009 me plaît.",
    "des Tours 1998 et 1999 n'ont pas été",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_negative(text: str) -> None:
    assert find_amounts(text) == []


# ---------------------------------------------------------------------------------------------
# Attributes and equivalences


def test_counted_noun_offsets_skip_adjectives() -> None:
    text = "Au Pakistan, le regain de violences fait 32 nouveaux morts."
    a = one(text)
    assert text[a.unit_start : a.unit_end] == "morts"
    assert text[a.number_start : a.number_end] == "32"


def test_number_span_includes_magnitude() -> None:
    text = "plus de 780 millions de fois"
    a = one(text)
    assert text[a.number_start : a.number_end] == "780 millions"
    assert text[a.unit_start : a.unit_end] == "fois"
    assert (a.start, a.end) == (0, len(text))


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("2 ans et demi", "30 mois"),
        ("26 000 millions de tweets", "26 milliards de tweets"),
        ("vingt-six milliards de tweets", "26 milliards de tweets"),
        ("3 km", "3 000 mètres"),
        ("une semaine", "7 jours"),
        ("un an et demi", "18 mois"),
        ("1,5 Md€", "1 500 millions d'euros"),
        ("18.000 foyers", "18 000 foyers"),
    ],
)
def test_equivalent_readings(left: str, right: str) -> None:
    a, b = one(left), one(right)
    assert (a.kind, a.unit) == (b.kind, b.unit)
    assert a.value == pytest.approx(b.value)


def test_several_amounts_in_order() -> None:
    text = ("Les programmes ont accédé plus de 780 millions de fois et récupéré plus de "
            "26 milliards de tweets rien qu'en 2022, pour 2 millions de dollars par an.")
    found = find_amounts(text)
    assert [span(text, a) for a in found] == [
        "plus de 780 millions de fois", "plus de 26 milliards de tweets",
        "2 millions de dollars par an",
    ]


def test_change_is_two_amounts_not_a_range() -> None:
    text = "Le taux est passé de 7,5 % à 7,2 %."
    assert [(a.value, a.high) for a in find_amounts(text)] == [(7.5, None), (7.2, None)]


def test_names_before_figures_in_a_list() -> None:
    text = "Les aides: Caisse d'Epargne 1,1 milliard et Banque Populaire 950 millions."
    assert [(span(text, a), a.value) for a in find_amounts(text)] == [
        ("1,1 milliard", 1.1e9), ("950 millions", 950e6)]


@pytest.mark.parametrize(
    "text",
    [
        "Les banques ont reçu: Mutuelle Bleue 2,55 milliards, Banque Verte 1,7 milliard, "
        "Crédit Rural 3 milliards d'euros",
        "La Mutuelle Bleue recevra 3 milliards d'euros, la Banque Verte 2,55 milliards et la "
        "Caisse Rurale 1,7 milliard.",
    ],
)
def test_list_shares_its_currency(text: str) -> None:
    found = find_amounts(text)
    assert sorted(a.value for a in found) == [1.7e9, 2.55e9, 3e9]
    assert {(a.kind, a.unit) for a in found} == {("money", "EUR")}


@pytest.mark.parametrize(
    "text",
    [
        "Il a investi 3 milliards d'euros. Les 2 milliards restants iront ailleurs.",
        "Il a investi 300 euros, et la Banque Verte 2 milliards.",
        "Il a investi 3 milliards d'euros, et la Banque Verte 25 agences.",
    ],
)
def test_currency_not_shared_outside_a_list_of_magnitudes(text: str) -> None:
    assert [a.kind for a in find_amounts(text)][1:] in (["number"], ["count"])


def test_change_of_duration_is_no_age() -> None:
    text = "faire passer la formation de 4 ans à 3 ans"
    assert [(a.kind, a.value / YEAR_S) for a in find_amounts(text)] == [
        ("duration", pytest.approx(4)), ("duration", pytest.approx(3))]


@pytest.mark.parametrize(
    ("qualifier", "direction"),
    [("plus de", "above"), ("au moins", "above"), ("moins de", "below"), ("jusqu'à", "below"),
     ("pas plus de", "below"), ("environ", "approx"), ("près de", "approx"),
     ("quelque", "approx"), ("presque", "approx"), ("quasiment", "approx"),
     ("exactement", "exact"), ("en dessous de", "below"), ("au-delà de", "above"),
     ("supérieur à", "above"), (None, None), ("n'importe quoi", None)],
)
def test_qualifier_direction(qualifier: str | None, direction: str | None) -> None:
    assert qualifier_direction(qualifier) == direction


def test_seed_articles() -> None:
    """The seed story's three versions agree on the two figures the checker compares."""
    for path in sorted(EXAMPLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        found = {(a.value, a.kind, a.unit, a.qualifier) for a in find_amounts(text)}
        assert (780e6, "count", "fois", "plus de") in found, path.name
        assert (26e9, "count", "tweets", "plus de") in found, path.name
        assert not any(a.value == 2022 for a in find_amounts(text)), path.name


# ---------------------------------------------------------------------------------------------
# Robustness and speed

_ALPHABET = st.sampled_from([
    *"0123456789 ,.-'%€$°hkMm\u00a0\u202f", " millions ", " de ", " euros ", " ans ",
    " et demi", " plus de ", " un ", " vingt-", " entre ", " à ", " et ", "le ", " février ",
    " heures", "\n",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_never_crashes_and_spans_are_sane(text: str) -> None:
    found = find_amounts(text)
    last_end = 0
    for a in found:
        assert 0 <= a.start < a.end <= len(text)
        assert a.start >= last_end  # sorted, no overlap
        assert a.start <= a.number_start < a.number_end <= a.end
        if a.unit_start is not None:
            assert a.start <= a.unit_start < a.unit_end <= a.end  # type: ignore[operator]
        last_end = a.end


def test_repeated_text_gives_repeated_amounts() -> None:
    """Ten copies of the examples hold ten times their amounts: nothing is lost or merged
    across copies on a long text (speed is measured in bench/, not asserted here)."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt")))
    small, big = text * 5, text * 50
    n_small = len(find_amounts(small))
    assert n_small > 0
    assert len(find_amounts(big)) == 10 * n_small


# ---------------------------------------------------------------------------------------------
# Duckling peer cases (copied into tests/data/extraction)

FILES = ["amountofmoney", "distance", "duration", "numeral", "ordinal", "quantity",
         "temperature", "volume"]


def _duckling_cases() -> list[dict]:
    bench = _bench()
    cases = []
    for name in FILES:
        for line in (DATA / f"duckling_fr_{name}.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                case = json.loads(line)
                if bench.duckling_scope(case) is None:
                    cases.append(case)
    return cases


@pytest.mark.parametrize("case", _duckling_cases(), ids=lambda c: f"{c['dim']}:{c['text']}")
def test_duckling_peer_cases(case: dict) -> None:
    status, detail = _bench().eval_duckling(case)
    assert status == "pass", (case.get("expected"), detail)


@pytest.mark.parametrize(("text", "shown", "period"), [
    ("Il gagne 30 000 euros l'an.", "30 000 euros l'an", "year"),
    ("Le chiffre d'affaires a atteint 3 milliards d'euros l'an dernier.", "3 milliards d'euros",
     None),
    ("Les ventes devraient atteindre 3 milliards l'an prochain.", "3 milliards", None),
])
def test_l_an_is_a_rate_unless_it_names_a_year(text, shown, period):
    found = find_amounts(text)
    assert [text[a.start:a.end] for a in found] == [shown]
    assert found[0].period == period


@pytest.mark.parametrize(("text", "kind"), [
    ("Le dignitaire religieux de 72 ans a fui le Tibet en 1959.", "age"),  # T20_C1 (RPM2)
    ("Le président de 72 ans a parlé devant les députés.", "age"),
    ("Il brigue un mandat de président de cinq ans.", "duration"),
    ("Le plan de relance de 26 ans a été abandonné.", "duration"),
    ("Il a été condamné à une peine de prison de 10 ans.", "duration"),
])
def test_age_after_a_person_named_by_office(text, kind):
    [found] = [a for a in find_amounts(text) if a.kind in ("age", "duration")]
    assert found.kind == kind


@pytest.mark.parametrize(("text", "shown", "kind"), [
    # T19_C2 (RPM2): "près de 4 points de PIB" / "3,9 % du PIB" for one deficit
    ("un déficit public à près de 4 points de PIB l'an prochain", "près de 4 points de PIB",
     "percent"),
    ("un déficit de 4 points du produit intérieur brut", "4 points du produit intérieur brut",
     "percent"),
    # growth in points is in points of GDP: "0,6 point de croissance" / "0,6 point de PIB"
    ("un gain supplémentaire de 0,6 point de croissance", "0,6 point de croissance", "percent"),
    ("l'équipe a perdu 3 points de pénalité", "3 points", "count"),
])
def test_points_of_gdp_are_a_percentage(text, shown, kind):
    [found] = find_amounts(text)
    assert (text[found.start:found.end], found.kind) == (shown, kind)


@pytest.mark.parametrize(("text", "shown", "value"), [
    # T17_C1 (RPM2): a dash opening an aside is no minus sign
    ("Plusieurs dizaines de milliers de personnes -32 000 selon la police, 80 000 selon les "
     "organisateurs- ont défilé.", "32 000", 32000),
    ("Les manifestants -3 000 selon la CGT- ont défilé.", "3 000", 3000),
    # a sign still is one after "de", on a temperature, at the start of a figure
    ("un solde de -3 cette année", "-3", -3),
    ("Moscou -12°, Paris 3°.", "-12°", -12),
    ("la croissance a été de -0,3 % au troisième trimestre", "-0,3 %", -0.3),
])
def test_a_dash_before_a_figure_after_a_word(text, shown, value):
    found = find_amounts(text)[0]
    assert (text[found.start:found.end], found.value) == (shown, value)


@pytest.mark.parametrize(("text", "shown"), [
    # T13_C2 (RPM2): a toll counts "un mort" beside "quatre blessés"
    ("de nouveaux échanges de tirs ont fait un mort et au moins quatre blessés dans la région",
     ["un mort", "au moins quatre blessés"]),
    ("L'accident a fait trois blessés et un mort.", ["trois blessés", "un mort"]),
    # or the passive verb of a toll after it, as casualty reports count victims
    ("Un soldat cambodgien a été tué et de nombreux autres ont été blessés.",
     ["Un soldat"]),
    ("Une femme est morte dans l'accident.", ["Une femme"]),
    # an article stays an article without a count joined to it or a toll verb, and the killer
    # is no victim
    ("Un soldat a tué deux civils.", ["deux civils"]),
    ("Un homme a été arrêté hier.", []),
    ("Un homme, 35 ans, a été arrêté.", ["35 ans"]),
    ("Il y a eu 3 morts, et un blessé léger.", ["3 morts"]),
])
def test_un_is_a_count_in_a_toll(text, shown):
    assert [text[a.start:a.end] for a in find_amounts(text)] == shown


@pytest.mark.parametrize(("text", "shown", "kind", "value", "high"), [
    # T17_C1, T19_C2 (RPM2): the unit is named once, before "contre"
    ("une réduction des horaires à 27 heures hebdomadaires en seconde, (contre 28 à 30,5 en "
     "moyenne aujourd'hui)", "28 à 30,5", "duration", 28 * 3600.0, 30.5 * 3600.0),
    ("le déficit atteindra 3,9 % l'an prochain, contre 3,1 initialement", "3,1", "percent", 3.1,
     None),
    ("Il a obtenu 52 % des voix contre 48 pour son rival.", "48", "percent", 48, None),
    # the magnitude too, when the bare figure has none
    ("un déficit de 3,9 milliards d'euros contre 2,5 en 2007", "2,5", "money", 2.5e9, None),
    # not a figure of another order, nor across a sentence
    ("3 millions de visiteurs contre 500 000 en 2007", "500 000", "number", 500000, None),
    ("Il a eu 52 %. Contre 48 élus, il a perdu.", "48 élus", "count", 48, None),
])
def test_a_bare_figure_after_contre_takes_the_unit_before_it(text, shown, kind, value, high):
    found = {text[a.start:a.end]: a for a in find_amounts(text)}
    a = found[shown]
    assert (a.kind, a.high) == (kind, high)
    assert a.value == pytest.approx(value)
