"""French numerals (digits, words, ordinals): parametrised tables, no spaCy, no shared/ data.

The text2num cases at the end are a copy of the peer suite in ``tests/data/extraction`` and are
checked with the same scope rules as ``bench/extraction.py``.
"""

from __future__ import annotations

import functools
import importlib.util
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.extract.numbers import (
    find_number_words,
    find_ordinals,
    magnitude_value,
    parse_digits,
    parse_number,
    parse_ordinal,
)

DATA = Path(__file__).resolve().parent / "data" / "extraction"
BENCH = Path(__file__).resolve().parent.parent / "bench" / "extraction.py"


@functools.cache
def _bench():
    spec = importlib.util.spec_from_file_location("bench_extraction", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ---------------------------------------------------------------------------------------------
# parse_number

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # digits with French separators
        ("0", 0), ("33", 33), ("18.000", 18_000), ("18 000", 18_000), ("18\u00a0000", 18_000),
        ("18\u202f000", 18_000), ("3.000.000", 3_000_000), ("1 200 000", 1_200_000),
        ("4,9", 4.9), ("1,5", 1.5), ("64,1", 64.1), ("6.700,54", 6700.54), ("6 700,54", 6700.54),
        ("10 000,00", 10_000), ("1,500,000", 1_500_000), ("2.5", 2.5), ("-12", -12),
        ("- 1.200.000", -1_200_000), ("moins 1200000", -1_200_000),
        # magnitudes
        ("780 millions", 780e6), ("26 milliards", 26e9), ("1,5 million", 1.5e6),
        ("26 000 millions", 26e9), ("3 Md", 3e9), ("3 Mds", 3e9), ("3 mds", 3e9), ("2 M", 2e6),
        ("100K", 100_000), ("100k", 100_000), ("3000K", 3e6), ("1,2M", 1.2e6), ("-1,2M", -1.2e6),
        ("2 billions", 2e12), ("2 millions et demi", 2.5e6), ("10 mille", 10_000),
        # words
        ("zéro", 0), ("zero", 0), ("un", 1), ("une", 1), ("onze", 11), ("dix sept", 17),
        ("dix-sept", 17), ("vingt et un", 21), ("vingt-et-un", 21), ("vingt et une", 21),
        ("vingt-six", 26), ("quarante-sept", 47), ("soixante dix", 70), ("soixante et onze", 71),
        ("soixante-dix-huit", 78), ("quatre-vingts", 80), ("quatre vingt un", 81),
        ("quatre-vingt-douze", 92), ("quatre vingt dix neuf", 99), ("cent", 100),
        ("cent dix-huit", 118), ("deux cents", 200), ("deux cent un", 201),
        ("quatre mille vingt", 4020), ("cent mille", 100_000), ("cent un mille", 101_000),
        ("deux cent quarante-trois mille sept cent vingt-quatre", 243_724),
        ("un million deux cent mille", 1_200_000),
        ("cinquante et un million cinq cent soixante-dix-huit mille trois cent deux", 51_578_302),
        ("cinquante trois mille millions deux cent quarante-trois mille sept cent vingt-quatre",
         53_000_243_724),
        ("un milliard vingt-cinq millions", 1_025_000_000), ("vingt-six milliards", 26e9),
        ("deux-cent-mille", 200_000), ("mil neuf cent vingt", 1920),
        ("dix-neuf cent soixante-treize", 1973), ("Mille deux cents soixante-six", 1266),
        ("un demi", 0.5), ("deux millions et demi", 2.5e6), ("un million et demi", 1.5e6),
        ("douze virgule quatre-vingt-dix-neuf", 12.99), ("zéro virgule cinq", 0.5),
        ("cent vingt virgule zéro cinq", 120.05), ("zéro huit", 8),
        ("zéro zéro cent vingt-cinq", 125),
        # Belgian and Swiss tens
        ("septante-huit", 78), ("huitante-huit", 88), ("octante huit", 88), ("nonante-huit", 98),
        ("huitante-et-un", 81), ("nonante cinq", 95),
    ],
)
def test_parse_number(text: str, expected: float) -> None:
    assert parse_number(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    "text",
    [
        "", "abc", "million", "des millions", "vingt un", "vingt-un", "quarante douze", "dix deux",
        "soixante et", "soixante quinze cent", "mille mille deux cent", "mille un cent",
        "un cent", "cinq zéro", "cinquante zéro trois", "zéro zéro trente quatre vingt",
        "quatre-vingts-deux", "cents", "3 Mx", "12e", "v2", ",0012G", "trente 3",
    ],
)
def test_parse_number_rejects(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("18.000", 18_000), ("18 000", 18_000), ("4,9", 4.9), ("1.5", 1.5), ("12", 12),
     ("1.234.567,8", 1_234_567.8), ("x", None), ("1 2", None), ("", None)],
)
def test_parse_digits(text: str, expected: float | None) -> None:
    assert parse_digits(text) == (None if expected is None else pytest.approx(expected))


@pytest.mark.parametrize(
    ("word", "expected"),
    [("millions", 1e6), ("Millions", 1e6), ("milliard", 1e9), ("Md", 1e9), ("Mds", 1e9),
     ("mds", 1e9), ("M", 1e6), ("k", 1e3), ("K", 1e3), ("billion", 1e12), ("mille", 1e3),
     ("m", None), ("MD", None), ("km", None)],
)
def test_magnitude_value(word: str, expected: float | None) -> None:
    assert magnitude_value(word) == expected


# ---------------------------------------------------------------------------------------------
# Ordinals

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1er", 1), ("1ere", 1), ("1ère", 1), ("1re", 1), ("2e", 2), ("2eme", 2), ("2ème", 2),
        ("2nd", 2), ("11e", 11), ("99e", 99), ("100e", 100), ("Premier", 1), ("première", 1),
        ("second", 2), ("deuxième", 2), ("deuxieme", 2), ("onzième", 11), ("dix-neuvième", 19),
        ("vingt et unième", 21), ("vingt-cinquième", 25), ("quatre-vingt dix-septième", 97),
        ("cinq cent unième", 501), ("centième", 100), ("millième", 1000),
        ("millionième", 1_000_000), ("mille deux cent trentième", 1230),
        ("vingt-cinquièmes", 25),
    ],
)
def test_parse_ordinal(text: str, expected: int) -> None:
    assert parse_ordinal(text) == expected


@pytest.mark.parametrize("text", ["dix unième", "vingtième cinq", "unième", "12", "deux", ""])
def test_parse_ordinal_rejects(text: str) -> None:
    assert parse_ordinal(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ski alpin: 99e victoire pour Mikaela Shiffrin, la 100e", [("99e", 99), ("100e", 100)]),
        ("le 1er décembre", [("1er", 1)]),
        ("Cinquième premier second troisième vingt et unième centième.",
         [("Cinquième", 5), ("premier", 1), ("second", 2), ("troisième", 3),
          ("vingt et unième", 21), ("centième", 100)]),
        ("un centième", [("centième", 100)]),
        ("une seconde", []),  # a unit of time
        ("les cinq cent premiers", []),  # "the first 500"
        ("COP29 et A320", []),
    ],
)
def test_find_ordinals(text: str, expected: list[tuple[str, int]]) -> None:
    assert [(text[s:e], v) for s, e, v in find_ordinals(text)] == expected


# ---------------------------------------------------------------------------------------------
# Number words in running text

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vingt-cinq vaches, douze poulets et cent vingt-cinq kg.",
         [("Vingt-cinq", 25), ("douze", 12), ("cent vingt-cinq", 125)]),
        ("récupéré vingt-six milliards de tweets", [("vingt-six milliards", 26e9)]),
        ("vingt un", [("vingt", 20), ("un", 1)]),  # not a number, but two in a sequence
        ("vingt-un", []),  # an invalid compound is nothing
        ("deux-cent-mille quatorze-mille", [("deux-cent-mille", 200_000),
                                            ("quatorze-mille", 14_000)]),
        ("quatre-vingt-dix un, soixante-dix un",
         [("quatre-vingt-dix", 90), ("un", 1), ("soixante-dix", 70), ("un", 1)]),
        ("cinquante soixante trente et onze",
         [("cinquante", 50), ("soixante", 60), ("trente", 30), ("onze", 11)]),
        ("deux ans et demi", [("deux", 2)]),
        ("un million et demi", [("un million et demi", 1.5e6)]),
        ("les deux-roues", []),
        ("On ne doit pas remplacer un article ou un pronom, l'un comme l'autre.", []),
        ("Mais on peut remplacer une suite : un, deux, trois.",
         [("un", 1), ("deux", 2), ("trois", 3)]),
        ("C'est un logement neuf", []),  # adjective
        ("le logement numéro neuf", [("neuf", 9)]),
        ("le neuf février", [("neuf", 9)]),
        ("Neuf personnes", [("Neuf", 9)]),
        ("un virgule deux trois", [("un virgule deux", 1.2), ("trois", 3)]),
        ("vingt et unième", []),  # an ordinal
        ("septembre, centre, milieu, unique, sixties", []),
    ],
)
def test_find_number_words(text: str, expected: list[tuple[str, float]]) -> None:
    got = [(text[s:e], v) for s, e, v in find_number_words(text)]
    assert got == [(t, pytest.approx(v)) for t, v in expected]


def test_find_number_words_keep_articles() -> None:
    text = "Un homme et une femme"
    assert [text[s:e] for s, e, _ in find_number_words(text, keep_articles=True)] == ["Un", "une"]
    assert find_number_words(text) == []


# ---------------------------------------------------------------------------------------------
# Properties: a reference speller for the standard French spelling

_UNITS = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
          "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit",
          "dix-neuf"]
_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}


def _below_100(n: int) -> str:
    if n < 20:
        return _UNITS[n]
    tens, unit = divmod(n, 10)
    if tens in (7, 9):
        base = "soixante" if tens == 7 else "quatre-vingt"
        rest = n - (60 if tens == 7 else 80)
        if rest == 11 and tens == 7:
            return "soixante et onze"
        return f"{base}-{_UNITS[rest]}"
    if tens == 8:
        return "quatre-vingts" if unit == 0 else f"quatre-vingt-{_UNITS[unit]}"
    if unit == 0:
        return _TENS[tens]
    if unit == 1:
        return f"{_TENS[tens]} et un"
    return f"{_TENS[tens]}-{_UNITS[unit]}"


def _below_1000(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    words = []
    if hundreds:
        words.append("cent" if hundreds == 1 else f"{_UNITS[hundreds]} cent")
    if rest:
        words.append(_below_100(rest))
    return " ".join(words)


def spell(n: int) -> str:
    if n == 0:
        return "zéro"
    parts = []
    for scale, name in ((10**9, "milliard"), (10**6, "million")):
        q, n = divmod(n, scale)
        if q:
            parts.append(f"{spell(q)} {name}{'s' if q > 1 else ''}")
    q, n = divmod(n, 1000)
    if q:
        parts.append("mille" if q == 1 else f"{_below_1000(q)} mille")
    if n:
        parts.append(_below_1000(n))
    return " ".join(parts)


@given(st.integers(min_value=0, max_value=999_999_999_999))
def test_spelled_numbers_round_trip(n: int) -> None:
    words = spell(n)
    assert parse_number(words) == n
    assert parse_number(words.replace("-", " ")) == n
    if n:
        found = find_number_words(f"Il y avait {words} personnes.")
        assert [v for _, _, v in found] == [n] or words in ("un",)


@given(st.integers(min_value=1000, max_value=10**12), st.sampled_from([" ", ".", "\u00a0",
                                                                        "\u202f"]))
def test_grouped_digits_round_trip(n: int, sep: str) -> None:
    assert parse_number(f"{n:,}".replace(",", sep)) == n


# ---------------------------------------------------------------------------------------------
# text2num peer cases (copied into tests/data/extraction)

def _text2num_cases() -> list[dict]:
    bench = _bench()
    cases = [json.loads(line) for line in (DATA / "text2num_fr.jsonl").read_text().splitlines()
             if line.strip()]
    return [c for c in cases if bench.text2num_scope(c) is None]


@pytest.mark.parametrize("case", _text2num_cases(), ids=lambda c: c["input"][:40])
def test_text2num_peer_cases(case: dict) -> None:
    status, detail = _bench().eval_text2num(case)
    assert status == "pass", (case.get("expected"), detail)
