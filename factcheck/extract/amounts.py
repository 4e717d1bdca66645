"""Amounts in French news text: money, percentages, counts, durations, ages, quantities.

Runs on every sentence, so it is regex-only (no spaCy) and roughly linear: numerals come from
:mod:`factcheck.extract.numbers`, and each one is then read with a bounded look at the words
before it (qualifier, currency sign, "entre") and after it (magnitude, unit, period).

Design decisions, each because of what a cross-source fact checker compares:

* Values are normalised so that two sources agree when they say the same thing differently:
  "26 000 millions" == "26 milliards"; "2 ans et demi" == "30 mois" (durations in seconds, with a
  year of 365.25 days, a month of a twelfth of that and a week of 7 days); "3 km" == "3 000
  mètres" (quantities in one canonical unit per dimension: m, m², kg, l, W, Wh, km/h;
  temperatures stay in °C, °F or plain ° because converting would invent precision).
* Qualifiers ("plus de", "environ") are kept beside the value rather than folded into it, so a
  caller can tell "plus de 780 millions" from "780 millions" yet see that they do not
  contradict; :func:`qualifier_direction` says which way each one points.
* Things that look like numbers but are not amounts produce nothing: years used as dates, day
  numbers, clock times, scores, versions, phone numbers, ordinals, section numbers, numbers
  glued to identifiers ("COP29", "A320"), names followed by a number ("Ligue 1", "(France 2)"),
  capitalised number words inside a sentence ("les Vingt-Sept"), footnote calls ("(1)") and a
  figure after a singular article ("le 20 heures" is a news show). A name followed by a figure
  with a magnitude, a decimal comma or grouped thousands is a list of amounts, not a model
  number: "Caisse d'Epargne 1,1 milliard et Banque Populaire 950 millions".
* "un"/"une" is an article unless a magnitude or a measurement unit follows ("un million",
  "une heure", "un euro"): "un homme" is not a count of one man. "une dizaine" and "une centaine
  de milliers" are amounts (10, 100 000) with the qualifier "environ", because the word itself
  says the figure is rounded; "des centaines" or "quelques milliers" have no value and are
  skipped.
* A counted noun is the unit of a count ("780 millions de fois" -> "fois"); adjectives such as
  "nouveaux" are skipped so "32 nouveaux morts" counts "morts", and the noun's offsets are given
  so a caller with a lemmatiser can map "tweets" to "tweet". French grammar is used to refuse
  verbs and pronouns: after 2 or more the noun is plural ("25 restent", "2009 me" are no
  counts), after a magnitude it follows "de" ("40 milliards débloqués" is a bare 40 milliards),
  and an elided word ("s'est", "d'entre") is never one.
* In a list, bare magnitudes take the currency written once for the list ("BNP 2,55 milliards,
  Crédit Agricole 3 milliards d'euros" gives two EUR amounts), within the sentence and only
  between figures that both have a magnitude; ``unit_start`` stays None there.
* Money units are ISO 4217 codes. Bare "dollars" is USD and bare "francs" CHF (French francs are
  gone since 2002 and Swiss wire copy is frequent); bare "livres" is left as a counted noun
  (books), because news writes pounds as "livres sterling".
* A range ("entre 10 et 15 %", "de 3 à 5 millions", "10-15 %") is one amount whose ``value`` is
  the low end and ``high`` the high end; the high end's magnitude and unit apply to a bare low
  end. "passé de 10 à 12 %" is a change, not a range, and gives two amounts.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from factcheck.extract.numbers import (
    DIGITS_PATTERN,
    find_number_words,
    magnitude_value,
    parse_digits,
)

__all__ = ["Amount", "find_amounts", "qualifier_direction"]

YEAR_S = 365.25 * 86400.0
MONTH_S = YEAR_S / 12
WEEK_S = 7 * 86400.0


@dataclass(frozen=True)
class Amount:
    """One amount; ``text[start:end]`` is the whole expression, qualifier and unit included."""

    start: int
    end: int
    value: float
    kind: str  # money | percent | count | duration | age | quantity | number
    unit: str | None
    unit_start: int | None = None
    unit_end: int | None = None
    qualifier: str | None = None
    high: float | None = None
    period: str | None = None
    number_start: int = 0
    number_end: int = 0
    contrast_start: int | None = None  # the figure a bare "contre 48" takes its unit from


# ---------------------------------------------------------------------------------------------
# Regex building blocks. Patterns that scan whole texts start with a lookahead on their first
# character: it lets the engine skip ahead with a fast scan instead of trying the lookbehind at
# every position (5x faster on prose).

_WS = r"[^\S\r\n]"  # inline whitespace, NBSP and narrow NBSP included, never a line break
_APOS = r"['’]"
_L = r"[^\W\d_]"  # a letter
_MONTHS = (
    r"janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre"
    r"|d[ée]cembre|janv\.?|f[ée]vr?\.?|avr\.?|juil\.?|sept\.|oct\.?|nov\.?|d[ée]c\.?"
)
_WEEKDAYS = r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
_ISO = "EUR|USD|GBP|CHF|JPY|CNY|CAD|AUD|HKD|RUB|INR|ILS|XOF|BTC|SEK|NOK|DKK|PLN|BRL|MXN"
_DE = rf"(?:{_WS}+de{_WS}+|{_WS}+d{_APOS}{_WS}*)"


def _fmt(p: str) -> str:
    return p.replace("{ws}", _WS).replace("{a}", _APOS).replace("{l}", _L)


def _table(patterns: list[str], flags: int) -> re.Pattern[str]:
    """One alternation with a named group per entry, so a match says which entry it was."""
    alts = "|".join(f"(?P<u{i}>{_fmt(p)})" for i, p in enumerate(patterns))
    return re.compile(rf"(?:{alts})(?![\w'’])", flags)


def _entry(m: re.Match[str]) -> int:
    assert m.lastgroup is not None
    return int(m.lastgroup[1:])


_ANY_DIGIT = re.compile(r"\d")
_DIGITS_RE = re.compile(rf"(?=\d)(?<![\d.,])(?:{DIGITS_PATTERN})(?!\d)")
_ISO_BEFORE = re.compile(rf"(?:{_ISO})$")

# Spans that contain digits but are not amounts; masked before numerals are read.
_DIGIT_MASKS = re.compile(
    r"(?=[\d+])(?:"
    # phone numbers: 01 23 45 67 89, +33 1 23 45 67 89, 0123456789
    rf"(?<![\d+])(?:\+\d{{1,3}}{_WS}?(?:\(0\){_WS}?)?\d(?:[ .\u00a0\u202f]?\d{{2}}){{4}}"
    rf"|0\d(?:[ .\u00a0\u202f]\d{{2}}){{4}}|0\d{{9}})(?!\d)"
    # numeric dates: 12/02/2013, 12.02.2013, 2013-02-12; seasons: 2019/2020
    r"|(?<![\d.])\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}(?!\d|\.\d)"
    r"|(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)"
    r"|(?<!\d)(?:1[89]|20)\d{2}/\d{2,4}(?!\d)"
    # round-the-clock idioms and clock times with a colon
    r"|(?<!\d)(?:24|7)(?:h|j)?/(?:24|7)(?!\d)"
    r"|(?<![\d.,:])\d{1,2}:\d{2}(?![\d:])"
    r")"
)
_OTHER_MASKS = re.compile(
    # versions: v.1.1, v2, version 2.0
    r"(?=[vV])(?:(?<![\w.])[vV]\.?\d+(?:\.\d+)*\.?"
    rf"|(?i:\bversion){_WS}+\d+(?:\.\d+)*)"
    r"|\bh24\b"
    # list numbering at the start of a line: "1. ", "2) "
    r"|(?m:^[ \t]*\d{1,2}[.)](?=\s))"
)
_HHMM = re.compile(rf"(?=\d)(?<![\w.,])(\d{{1,2}}){_WS}?h{_WS}?([0-5]\d)(?![\w])")
_HALF_UNIT = re.compile(
    rf"(?<![\w-])(?:(?:un|une){_WS}+)?demi[- ]?(heure|journ[ée]e|litre|si[èe]cle|kilo"
    rf"|kilom[èe]tre|m[èe]tre|tonne)(?!{_L})",
    re.IGNORECASE,
)
_QUARTER_UNIT = re.compile(
    rf"(?<![\w-])(?:(un|trois){_WS}+)?quarts?{_WS}+d(?:e{_WS}+|{_APOS})(heure|litre)(?!{_L})",
    re.IGNORECASE,
)

# After the numeral.
_MAGNITUDE = re.compile(
    rf"{_WS}*(?:(?i:(millions?|milliards?|billions?|mille))(?!{_L})"
    rf"|(Mds?|mds?|Mrds?|mrds?|Mio|mio)(?!{_L})|(M|[kK])(?!{_L}|\.{_WS}))"
)
_WORD_MAGNITUDE = re.compile(r"(million|milliard|billion|trillion)s?(?:\s+et\s+demie?)?$")
_AND_HALF = re.compile(rf"{_WS}+et{_WS}+demie?(?!{_L})", re.IGNORECASE)
_COLLECTIVE = re.compile(
    rf"{_WS}+(dizaines?|douzaines?|quinzaines?|vingtaines?|trentaines?|quarantaines?"
    rf"|cinquantaines?|soixantaines?|centaines?|milliers?)(?!{_L})"
    rf"(?:{_WS}+de{_WS}+(milliers|millions|milliards)(?!{_L}))?",
    re.IGNORECASE,
)
_COLLECTIVE_BASE = {
    "dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
    "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100, "millier": 1000,
}
_COLLECTIVE_SCALE = {"milliers": 1e3, "millions": 1e6, "milliards": 1e9}
_DE_RE = re.compile(_DE)
_WS_RUN = re.compile(rf"{_WS}+")

# Units, tried in order so longer spellings win ("km/h" before "km", "km²" before "km").
_DURATIONS: list[tuple[str, float]] = [
    (r"secondes?|sec\.?|s|″|\"", 1.0),
    (r"minutes?|mins?\.?|mn|′|'", 60.0),
    (r"heures?|h|hrs?", 3600.0),
    (r"jours?|j", 86400.0),
    (r"semaines?|sem\.", WEEK_S),
    (r"mois", MONTH_S),
    (r"trimestres?", 3 * MONTH_S),
    (r"semestres?", 6 * MONTH_S),
    (r"ans|an|ann[ée]es?", YEAR_S),
    (r"d[ée]cennies?", 10 * YEAR_S),
    (r"si[èe]cles?", 100 * YEAR_S),
    (r"mill[ée]naires?", 1000 * YEAR_S),
]
_QUANTITIES: list[tuple[str, str, float]] = [
    (r"km/h|kilom[èe]tres?[- ]heure|kilom[èe]tres?{ws}+(?:par|à|a){ws}+l{a}?heure", "km/h", 1.0),
    (r"km²|km2|kilom[èe]tres?{ws}+carr[ée]s", "m²", 1e6),
    (r"m²|m2|m[èe]tres?{ws}+carr[ée]s", "m²", 1.0),
    (r"hectares?|ha", "m²", 1e4),
    (r"m³|m3|m[èe]tres?{ws}+cubes", "l", 1000.0),
    (r"km|kilom[èe]tres?", "m", 1000.0),
    (r"cm|centim[èe]tres?", "m", 0.01),
    (r"mm|millim[èe]tres?", "m", 0.001),
    (r"m[èe]tres?|m", "m", 1.0),
    (r"miles?", "m", 1609.344),
    (r"kWh|kilowattheures?", "Wh", 1e3),
    (r"MWh|m[ée]gawattheures?", "Wh", 1e6),
    (r"GWh|gigawattheures?", "Wh", 1e9),
    (r"TWh|t[ée]rawattheures?", "Wh", 1e12),
    (r"kW|kilowatts?", "W", 1e3),
    (r"MW|m[ée]gawatts?", "W", 1e6),
    (r"GW|gigawatts?", "W", 1e9),
    (r"tonnes?|t", "kg", 1000.0),
    (r"kg|kilos?|kilogrammes?", "kg", 1.0),
    (r"mg|milligrammes?", "kg", 1e-6),
    (r"grammes?|g", "kg", 0.001),
    (r"ml|millilitres?", "l", 0.001),
    (r"cl|centilitres?", "l", 0.01),
    (r"dl|d[ée]cilitres?", "l", 0.1),
    (r"hl|hectolitres?", "l", 100.0),
    (r"litres?|l|L", "l", 1.0),
    (r"gallons?|gal", "l", 3.785411784),
    (r"barils?", "l", 158.987294928),
    (r"°{ws}*C(?!{l})|°{ws}*celsius|degr[éeè]s?{ws}+(?:celsius|C(?!{l}))|celsius", "°C", 1.0),
    (r"°{ws}*F(?!{l})|°{ws}*fahrenheit|degr[éeè]s?{ws}+(?:fahrenheit|F(?!{l}))|fahrenheit",
     "°F", 1.0),
    (r"°|degr[éeè]s?|deg\.", "°", 1.0),
]
_CURRENCY_WORDS: list[tuple[str, str]] = [
    (r"dollars?{ws}+(?:am[ée]ricains?|us)", "USD"),
    (r"dollars?{ws}+canadiens?", "CAD"),
    (r"dollars?{ws}+australiens?", "AUD"),
    (r"dollars?{ws}+de{ws}+hong[- ]?kong", "HKD"),
    (r"dollars?{ws}+n[ée]o-z[ée]landais", "NZD"),
    (r"dollars?", "USD"),
    (r"euros?", "EUR"),
    (r"livres?{ws}+sterling", "GBP"),
    (r"pounds?", "GBP"),
    (r"francs?{ws}+suisses?", "CHF"),
    (r"francs?{ws}+cfa", "XOF"),
    (r"francs?", "CHF"),
    (r"yens?", "JPY"),
    (r"yuans?|renminbis?", "CNY"),
    (r"roubles?", "RUB"),
    (r"roupies?(?:{ws}+indiennes?)?", "INR"),
    (r"shekels?|sheqels?", "ILS"),
    # Ambiguous names get the country French news most often means.
    (r"rials?", "IRR"),
    (r"riyals?", "SAR"),
    (r"hryvnias?", "UAH"),
    (r"zlotys?", "PLN"),
    (r"bitcoins?", "BTC"),
]
_CURRENCY_SYMBOLS = {
    "$": "USD", "US$": "USD", "$US": "USD", "$ US": "USD", "€": "EUR", "£": "GBP", "¥": "JPY",
    "CA$": "CAD", "C$": "CAD", "A$": "AUD", "HK$": "HKD",
}
_DURATION_RE = _table([p for p, _ in _DURATIONS], re.IGNORECASE)
_QUANTITY_RE = _table([p for p, _, _ in _QUANTITIES], 0)
_QUANTITY_RE_I = _table([p for p, _, _ in _QUANTITIES], re.IGNORECASE)
_CURRENCY_RE = _table([p for p, _ in _CURRENCY_WORDS], re.IGNORECASE)
# Abbreviations whose case matters ("M" is a million, "KM" nothing) ...
_CASE_SENSITIVE_UNITS = frozenset(
    {"m", "l", "g", "t", "ha", "km", "cm", "mm", "mg", "kg", "ml", "cl", "dl"}
)
# ... and those that need a space before them, or they eat plurals and codes ("1990s", "3t").
_NEEDS_SPACE = frozenset({"s", "t", "sec", "sec.", "hr", "hrs", "min"})
_PRIMES = frozenset({"'", '"', "″", "′"})
_QUOTE_LIKE = re.compile(r"(?<![^\W\d_])'|'(?![^\W\d_])")
_MONTH_OF = re.compile(rf"{_DE}(?:{_MONTHS})(?!{_L})", re.IGNORECASE)
_HOUR_MINUTES = re.compile(
    rf"{_WS}+([0-5]\d)(?:{_WS}*(?:minutes|min|mn)(?!{_L})"
    rf"|(?![\d,.]\d|{_WS}*%|{_WS}*{_L}+s(?!{_L})))"
)
_HOUR_SPELLED = re.compile(rf"{_WS}*heure", re.IGNORECASE)

_SYMBOL_AFTER = re.compile(
    rf"{_WS}*(US\$|\${_WS}?US(?!{_L})|CA\$|HK\$|\$|€|£|¥|(?:{_ISO})(?!{_L}))"
)
_SYMBOL_BEFORE = re.compile(
    rf"(?:(?<![\w$])(US\$|CA\$|C\$|A\$|HK\$|(?:{_ISO}))|(\$|€|£|¥)){_WS}?$"
)
_SUBUNIT = re.compile(
    rf"{_WS}+(?:et{_WS}+)?(\d{{1,2}}){_WS}*(?:centimes?|cents?)(?!{_L})", re.IGNORECASE
)
_CENTS = re.compile(rf"(?:centimes?|cents)(?!{_L})", re.IGNORECASE)
_PERCENT = re.compile(
    rf"{_WS}*(?:(%)|(‰)|pour{_WS}?cent(?!{_L})|pourcent(?!{_L})|p\.{_WS}?cent(?!{_L})"
    rf"|pour{_WS}+mille(?!{_L})|{_WS}points?{_WS}+de{_WS}+(pourcentage|base)(?!{_L})"
    # "un déficit de 4 points de PIB" is 4 % of GDP: what "3,9 % du PIB" says; "0,6 point de
    # croissance" is growth in points of GDP, what "0,6 point de PIB" of growth says
    rf"|{_WS}points?{_WS}+d[eu]{_WS}+(PIB|produit{_WS}+int[ée]rieur{_WS}+brut|croissance)"
    rf"(?!{_L}))",
    re.IGNORECASE,
)
_BELOW_ZERO = re.compile(rf"{_WS}+en[- ]?dessous{_WS}+de{_WS}+z[ée]ro(?!{_L})", re.IGNORECASE)

# "30 000 euros l'an" is a yearly rate; "3 milliards l'an dernier" is last year's figure.
_PERIODS: list[tuple[str, str]] = [
    (rf"{_WS}*(?:par|/){_WS}*(?:an|ann[ée]e)(?!{_L})|{_WS}+l{_APOS}an(?!{_L}|{_WS}+(?:dernier|prochain|pass[ée]|suivant|pr[ée]c[ée]dent)(?!{_L}))"
     rf"|{_WS}+annuel(?:le)?s?(?!{_L})|{_WS}+(?:chaque|par){_WS}+ann[ée]e(?!{_L})", "year"),
    (rf"{_WS}*(?:par|/){_WS}*mois(?!{_L})|{_WS}+mensuel(?:le)?s?(?!{_L})"
     rf"|{_WS}+chaque{_WS}+mois(?!{_L})", "month"),
    (rf"{_WS}*(?:par|/){_WS}*(?:jour|j)(?!{_L})|{_WS}+quotidien(?:ne)?s?(?!{_L})"
     rf"|{_WS}+journali(?:er|ère)s?(?!{_L})|{_WS}+chaque{_WS}+jour(?!{_L})", "day"),
    (rf"{_WS}*(?:par|/){_WS}*semaine(?!{_L})|{_WS}+hebdomadaires?(?!{_L})"
     rf"|{_WS}+chaque{_WS}+semaine(?!{_L})", "week"),
    (rf"{_WS}*(?:par|/){_WS}*(?:heure|h)(?!{_L})|{_WS}+(?:de|à){_WS}+l{_APOS}heure(?!{_L})",
     "hour"),
    (rf"{_WS}*(?:par|/){_WS}*(?:minute|min)(?!{_L})", "minute"),
    (rf"{_WS}*(?:par|/){_WS}*(?:seconde|s)(?!{_L})", "second"),
    (rf"{_WS}*(?:par|/){_WS}*trimestre(?!{_L})", "quarter"),
]
_PERIOD_RE = re.compile("|".join(f"(?P<u{i}>{p})" for i, (p, _) in enumerate(_PERIODS)),
                        re.IGNORECASE)

# Before the numeral: qualifiers, keyed by an accent-free, space-normalised form. The value is
# the canonical spelling reported and the direction it gives the true figure.
_QUALIFIER_LIST = [
    ("pas plus de", "below"), ("pas moins de", "above"), ("un peu plus de", "above"),
    ("un peu moins de", "below"), ("bien plus de", "above"), ("bien moins de", "below"),
    ("largement plus de", "above"), ("nettement plus de", "above"), ("plus de", "above"),
    ("moins de", "below"), ("plus que", "above"), ("moins que", "below"),
    ("plus ou moins", "approx"), ("près de", "approx"), ("à peu près", "approx"),
    ("environ", "approx"), ("quelque", "approx"), ("au moins", "above"), ("au plus", "below"),
    ("au maximum", "below"), ("au minimum", "above"), ("au bas mot", "above"),
    ("jusqu'à", "below"), ("presque", "approx"), ("quasiment", "approx"), ("quasi", "approx"),
    ("exactement", "exact"), ("précisément", "exact"), ("tout juste", "exact"),
    ("seulement", "exact"), ("autour de", "approx"), ("aux alentours de", "approx"),
    ("approximativement", "approx"), ("pas loin de", "approx"), ("grosso modo", "approx"),
    ("de l'ordre de", "approx"), ("à peine", "approx"), ("en dessous de", "below"),
    ("au-dessous de", "below"), ("au-dessus de", "above"), ("au-delà de", "above"),
    ("supérieur à", "above"), ("inférieur à", "below"),
]
_ACCENTS = str.maketrans("àâäéèêëîïôöùûüç’", "aaaeeeeiioouuuc'")


def _qkey(s: str) -> str:
    s = re.sub(r"[\s\-]+", " ", s.lower().translate(_ACCENTS)).strip()
    s = re.sub(r"\bd'\s*$", "de", s)
    s = re.sub(r"(inferieur|superieur)e?s? a$", r"\1 a", s)
    return re.sub(r"\s*'\s*", "'", s)


_QUALIFIERS = {_qkey(name): (name, direction) for name, direction in _QUALIFIER_LIST}
_QUALIFIER_RE = re.compile(
    rf"(?<!\w)(?P<q>(?:pas{_WS}+(?:plus|moins)|un{_WS}+peu{_WS}+(?:plus|moins)"
    rf"|(?:bien|largement|nettement){_WS}+(?:plus|moins)|plus|moins){_DE}"
    rf"|(?:plus|moins){_WS}+que{_WS}+"
    rf"|plus{_WS}+ou{_WS}+moins{_WS}+"
    rf"|(?:pr[èe]s|autour|aux{_WS}+alentours|pas{_WS}+loin|en[- ]?dessous|au[- ]?dessous"
    rf"|au[- ]?dessus|au[- ]?del[àa]|de{_WS}+l{_APOS}ordre){_DE}"
    rf"|(?:[àa]{_WS}+peu{_WS}+pr[èe]s|environ|quelque|au{_WS}+moins|au{_WS}+plus"
    rf"|au{_WS}+maximum|au{_WS}+minimum|au{_WS}+bas{_WS}+mot|presque|quasiment|quasi"
    rf"|exactement|pr[ée]cis[ée]ment|tout{_WS}+juste|seulement|approximativement"
    rf"|grosso{_WS}+modo|[àa]{_WS}+peine){_WS}+"
    rf"|jusqu{_APOS}{_WS}*[àa]{_WS}+"
    rf"|(?:sup[ée]rieur|inf[ée]rieur)e?s?{_WS}+[àa]{_WS}+)$"
)
_SIGN_WORD = re.compile(rf"(?<!\w)(?:(\w+){_WS}+)?(moins){_WS}+$")
_NOT_SIGN_BEFORE = frozenset(
    {"au", "pas", "ou", "à", "a", "de", "le", "les", "du", "peu", "en", "rien", "d", "l"}
)
_SPACED_MINUS = re.compile(rf"(?:^|(?<=[\s(]))([-−]){_WS}+$")

# Context that makes a numeral something else than an amount. All are searched in the
# lowercased text, ending where the numeral (or its qualifier) starts.
_DATE_PREP = re.compile(
    rf"(?<!\w)(?:en|depuis|d[èe]s|d{_APOS}ici|avant|apr[èe]s|jusqu{_APOS}en|fin|d[ée]but|mi"
    rf"|courant|[ée]t[ée]|hiver|printemps|automne|ann[ée]es?|an|l{_APOS}an|saison|exercice"
    rf"|{_MONTHS}|{_WEEKDAYS}){_WS}*-?{_WS}*$"
)
_DATE_PREP_WEAK = re.compile(rf"(?<!\w)(?:de|du|à|au|entre|et|vers|l{_APOS}année){_WS}+$")
_DECADE_BEFORE = re.compile(rf"(?<!\w)ann[ée]es{_WS}+$")
_DAY_AFTER = re.compile(
    rf"(?:er|e)?{_WS}+(?:(?:au|et|à|-|–){_WS}+\d{{1,2}}(?:er)?{_WS}+)?(?:{_MONTHS})(?!{_L})",
    re.IGNORECASE,
)
_DAY_BEFORE = re.compile(rf"(?<![\d,.])\d{{1,2}}(?:er)?{_WS}+$")
_WEEKDAY_BEFORE = re.compile(rf"(?<!\w)(?:{_WEEKDAYS}){_WS}+$")
_SECTION_BEFORE = re.compile(
    rf"(?<!\w)(?:n°|n\.|no\.?|num[ée]ro|articles?|art\.|chapitre|section|alin[ée]a|paragraphe"
    rf"|pages?|p\.|tome|volume|vol\.|[ée]pisode|saison|acte|ligne|route|rue|porte|salle"
    rf"|chambre|annexe|partie|titre|point|item|§|#|ann[ée]es?|l{_APOS}an|an|mi"
    rf"|niveau|bac|classe|division|groupe|bus|tram|m[ée]tro|quai|voie|gate|terminal"
    rf"|num|tel|t[ée]l\.?|code|cp|ref\.?|r[ée]f[ée]rence|dossier|loi|amendements?|d[ée]crets?)"
    # a list of them: "articles 3 et 4", "pages 12, 13 et 14"
    rf"(?:{_WS}*\d+(?:{_WS}*,|{_WS}+(?:et|ou|à)))*{_WS}*$"
)
_NAME_BEFORE = re.compile(rf"(?<!\w)([\w&-]*[A-Z][\w&-]*){_WS}$")
_FOOTNOTE = re.compile(r"\(\d\)")
_SPACED_YEAR = re.compile(r"(?:1[ \u00a0\u202f][89]|2[ \u00a0\u202f]0)\d\d")
_SINGULAR_BEFORE = re.compile(rf"(?<![\w'’])(?:le|du|au){_WS}+$")
_OF_AFTER = re.compile(rf"{_WS}+(?:de{_WS}+|d{_APOS})")
_CLOCK_AFTER = re.compile(
    rf"{_WS}*,?{_WS}*(?:du{_WS}+matin|du{_WS}+soir|de{_WS}+l{_APOS}apr[èe]s-midi|de{_WS}+la{_WS}+nuit"
    rf"|heure{_WS}+(?:locale|fran[çc]aise|de{_WS}+paris)|gmt|utc)(?!{_L})"
)
_DOTTED = re.compile(r"\d+\.\d{1,2}|\d+\.\d{4,}")
_KNOWN_NAMES = frozenset({"Top", "Ligue", "Formule", "CAC", "Euro", "Windows"})
_CLOCK_BEFORE = re.compile(
    rf"(?<![\w'’])(?:[àa]|vers|d[èe]s|avant|apr[èe]s|aux{_WS}+alentours{_WS}+de"
    rf"|[àa]{_WS}+partir{_WS}+de|jusqu{_APOS}{_WS}*[àa]){_WS}+$"
)
_SPAN_BEFORE = re.compile(
    rf"(?<!\w)(?:en|pendant|durant|depuis|sous|dans|les|des|toutes{_WS}+les|chaque){_WS}+$"
)
_DURATION_HHMM_BEFORE = re.compile(
    rf"(?<!\w)(?:en|pendant|durant|environ|plus{_WS}+de|moins{_WS}+de|pr[èe]s{_WS}+de"
    rf"|presque|quasiment|au{_WS}+moins|dur[ée]e{_WS}+de){_WS}+$"
)
_CHANGE_VERB_BEFORE = re.compile(
    rf"(?<!\w)(?:pass|augment|baiss|grimp|chut|recul|progress|bond|diminu|cr[uû]|gonfl|tomb"
    rf"|ramen|port|hauss|r[ée]duit|abaiss|relev|mont|descend|[ée]volu|plong|envol|flamb"
    rf"|s{_APOS}[ée]tabli|ajust|rehauss|revu|r[ée]vis)\w*{_WS}+(?:\w+{_WS}+)?(?:de|d{_APOS})"
    rf"{_WS}*$"
)
_ENTRE_BEFORE = re.compile(rf"(?<!\w)entre{_WS}+$")
_DE_BEFORE = re.compile(rf"(?<!\w)(?:de|d{_APOS}|du){_WS}*$")
_LIST_GAP = re.compile(rf"[,;]|{_WS}(?:et|ou|contre|soit|dont|puis){_WS}")
_LIST_STOP = re.compile(r"[\d.!?:]")
_CONTRAST_BEFORE = re.compile(rf"(?<!\w)contre{_WS}+\(?$")
_CONTRAST_STOP = re.compile(r"[.!?;\n]")
_RANGE_GAP = re.compile(rf"{_WS}*([-–—]|à|a|et|ou){_WS}*")

# Ages: "âgé de 47 ans", "un homme de 47 ans", "à 89 ans", "Pepe Mujica, 89 ans,".
_PERSON_NOUN = (
    rf"(?:homme|femme|gar[çc]on|fille|enfant|b[ée]b[ée]|adolescente?|jeune|retrait(?:ée?|ee)"
    rf"|victime|suspecte?|conducteur|conductrice|m[èe]re|p[èe]re|fils|fr[èe]re|s(?:œ|oe)ur"
    rf"|patiente?|militante?|agriculteur|ouvri[eè]re?|polici[eè]re?|[ée]tudiante?|joueur"
    rf"|joueuse|lyc[ée]enne?|coll[ée]gienne?|personne|individu|touriste|randonneur|cycliste"
    rf"|pi[ée]tonne?|passag[eè]re?|[ée]l[èe]ve|fillette|gar[çc]onnet|chanteur|chanteuse"
    rf"|acteur|actrice|d[ée]tenue?|migrante?|sans-abri|octog[ée]naire|quadrag[ée]naire"
    rf"|nonag[ée]naire|septuag[ée]naire|sexag[ée]naire|quinquag[ée]naire|trentenaire"
    rf"|mineure?|majeure?|adulte|salari[ée]e?|employ[ée]e?|dirigeante?|cadre|soldat|moine"
    # people named by office or standing: "le président de 72 ans", "le dignitaire de 72 ans"
    rf"|pr[ée]sidente?|ministre|d[ée]put[ée]e?|maire|chef|leader|pape|roi|reine|princesse?"
    rf"|dignitaire|pr[ée]lat|parlementaire|fonctionnaire|militaire|star|vedette|championne?"
    rf"|sporti(?:f|ve)|athl[èe]te|pilote|otage|candidate?|[ée]lue?|juge|avocate?|m[ée]decin"
    rf"|infirmi[eè]re?|[ée]crivaine?|cin[ée]aste|d[ée]funte?|disparue?|bless[ée]e?"
    # agent nouns by their suffix: "l'enseignante de 52 ans", "un journaliste de 40 ans"
    rf"|{_L}{{3,}}(?:eur|euse|trice|iste|ien|ienne|ante?))s?"
)
_AGE_BEFORE = re.compile(
    rf"(?<!\w)(?:[âa]g[ée]e?s?(?:{_WS}+de|{_WS}+d{_APOS})?|l{_APOS}[âa]ge{_WS}+de|[âa]ge{_WS}+de"
    # one adjective may stand between: "le dignitaire religieux de 72 ans"
    rf"|{_PERSON_NOUN}(?:{_WS}+{_L}{{4,}})?{_WS}+(?:[âa]g[ée]e?s?{_WS}+)?de){_WS}*$"
)
# Weaker cues: "il a 47 ans", "dès 13 ans", but not "ils ont dix ans pour rembourser".
_AGE_VERB_BEFORE = re.compile(
    rf"(?<!\w)(?:a|ai|as|avons|avez|avait|avais|aura|aurai|aurait|ont|avaient|auront|avoir|eu"
    rf"|f[êe]te|f[êe]tera|f[êe]t[ée]|ses|leurs|mes|ayant|atteint|atteindre|d[èe]s){_WS}+$"
)
_NOT_AGE_AFTER = re.compile(
    rf"{_WS}+(?:de|d{_APOS}|pour|apr[èe]s|avant|auparavant|plus{_WS}+t(?:ard|[ôo]t)|en{_WS}+arri[èe]re"
    rf"|d{_APOS}(?:ici|avance))(?!{_L})"
)
_TERM_BEFORE = re.compile(
    rf"(?<!\w)(?:mandats?|postes?|fonctions?|carri[èe]res?|r[èe]gnes?|exp[ée]riences?)"
    rf"{_WS}+(?:de|d{_APOS}){_WS}*{_L}+(?:{_WS}+{_L}{{4,}})?{_WS}+de{_WS}*$")
# "un prêt à 20 ans", "le taux à 10 ans": a maturity or a horizon, not an age.
_HORIZON_NOUNS = frozenset({
    "taux", "prêt", "prêts", "emprunt", "emprunts", "fonds", "obligation", "obligations",
    "crédit", "crédits", "dette", "dettes", "titres", "bons", "oat", "contrat", "contrats",
    "plan", "plans", "échéance", "horizon", "terme", "objectif", "objectifs", "prévision",
    "prévisions", "projection", "projections", "perspective", "bail", "placement", "pro",
})
_DURATION_WORDS = frozenset({"an", "ans", "années", "année", "mois"})
_AT_BEFORE = re.compile(rf"(?<![\w'’])(?:(\S+){_WS}+)?[àa]{_WS}+$")
_ILYA_BEFORE = re.compile(rf"(?<!\w)y{_WS}+(?:a|avait|aura){_WS}+$")
_LES_BEFORE = re.compile(rf"(?<!\w)les{_WS}+$")
_LES_MOINS_DE = re.compile(rf"(?<!\w)(?:les|des|aux){_WS}+(?:moins|plus){_WS}+de{_WS}+$")
_APPOSITION_BEFORE = re.compile(rf"[,(]{_WS}*$")
_APPOSITION_AFTER = re.compile(rf"{_WS}*(?:[,)]|\.(?!\w)|$)")
_PRISON_AFTER = re.compile(
    rf"{_WS}+(?:de{_WS}+prison|de{_WS}+r[ée]clusion|de{_WS}+d[ée]tention|d{_APOS}emprisonnement"
    rf"|ferme|avec{_WS}+sursis)"
)
_SENTENCING = frozenset(
    {"condamné", "condamnée", "condamnés", "condamnées", "puni", "punie", "peine", "requis",
     "passible", "écopé", "écope"}
)

# Counted nouns.
_WORD = re.compile(rf"{_L}(?:{_L}|['’-](?={_L}))*")
_ADJECTIVES = frozenset({
    "nouveaux", "nouvelles", "nouveau", "nouvelle", "premiers", "premières", "derniers",
    "dernières", "autres", "petits", "petites", "grands", "grandes", "gros", "grosses",
    "anciens", "anciennes", "vrais", "vraies", "bons", "bonnes", "principaux", "principales",
    "seuls", "seules", "différents", "différentes", "jeunes", "hauts", "hautes", "longues",
    "longs", "véritables", "simples", "supplémentaires", "prochains", "prochaines",
    "précédents", "précédentes", "courtes", "courts", "meilleurs", "meilleures", "pires",
    "énormes", "fameux", "malheureux", "pauvres", "vieux", "vieilles", "ex",
})
_ADJECTIVES_AS_NOUNS = frozenset({"jeunes", "pauvres", "vieux", "malheureux"})  # "15 jeunes"
_STOP = frozenset({
    "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "au", "aux", "à", "a", "en",
    "dans", "par", "pour", "sur", "sous", "avec", "sans", "chez", "entre", "vers", "contre",
    "selon", "après", "avant", "depuis", "pendant", "durant", "dès", "jusqu", "et", "ou", "mais",
    "donc", "or", "ni", "car", "que", "qu", "qui", "quoi", "dont", "où", "ce", "cet", "cette",
    "ces", "c", "mon", "ma", "mes", "ton", "ta", "tes", "son", "sa", "ses", "notre", "nos", "votre",
    "vos", "leur", "leurs", "il", "ils", "elle", "elles", "on", "nous", "vous", "je", "tu", "se",
    "s", "y", "ne", "n", "pas", "plus", "moins", "très", "trop", "bien", "aussi", "encore", "déjà",
    "seulement", "environ", "près", "presque", "ont", "sont", "est", "était", "étaient", "avait",
    "avaient", "sera", "seront", "serait", "seraient", "été", "être", "avoir", "fait", "font",
    "ainsi", "alors", "puis", "lors", "tout", "tous", "toute", "toutes", "même", "mêmes", "chaque",
    "certains", "certaines", "plusieurs", "quelques", "aucun", "aucune", "tel", "telle", "tels",
    "telles", "quel", "quelle", "quels", "quelles", "comme", "si", "non", "oui", "là", "ici",
    "hier", "aujourd'hui", "demain", "soit", "soient", "peut", "peuvent", "doit", "doivent",
    "devrait", "vont", "va", "allait", "étant", "ayant", "autres", "autre", "cela", "ceci", "ça",
    "celui", "celle", "ceux", "celles", "lui", "eux", "moi", "toi", "soi", "rien", "personne",
    "chacun", "chacune", "afin", "tandis", "lorsque", "puisque", "quand", "comment", "pourquoi",
    "combien", "auprès", "parmi", "malgré", "hors", "via", "voire", "etc", "fin", "début", "mi",
    "milliers", "centaines", "dizaines", "millions", "milliards", "me", "te",
})
# After a number these are fractions ("deux tiers") or an address ("12 rue de la Paix").
_NOT_COUNTED = frozenset({
    "tiers", "quart", "quarts", "moitié", "rue", "avenue", "boulevard", "bd", "place", "allée",
    "impasse", "chemin", "quai", "route", "cours", "faubourg",
})
_NEXT_WORD = re.compile(rf"{_WS}+({_L}+)")
_ELIDED = re.compile(r"(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu)['’]")
_GLUED_NOUN = re.compile(r"[a-zàâçéèêëîïôûùüÿœ]{5}")  # "1 957 000demandeurs": a missing space
_MONTH_WORD = re.compile(rf"(?:{_MONTHS}|{_WEEKDAYS})$")
_NUMBER_WORDS = frozenset({
    "zéro", "zero", "un", "une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf",
    "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize", "vingt", "vingts", "trente",
    "quarante", "cinquante", "soixante", "septante", "huitante", "octante", "nonante", "cent",
    "cents", "mille", "mil", "million", "millions", "milliard", "milliards", "et",
})
# Words after which "neuf" is the number nine; after other words it is the adjective "new".
_NEUF_OK = frozenset({
    "le", "la", "les", "l", "de", "des", "du", "d", "à", "a", "au", "aux", "numéro", "et",
    "ou", "sur", "par", "ses", "leurs", "nos", "vos", "mes", "ces", "son", "sa", "ont", "sont",
    "étaient", "seront", "plus", "moins", "environ", "quasi", "presque", "quelque", "tué",
    "fait", "compte", "comptait", "recense", "dénombre", "blessé", "tués", "blessés",
})
_LAST_WORD = re.compile(r"([\w°]+)['’]?\W*$")


def qualifier_direction(qualifier: str | None) -> str | None:
    """Which way a qualifier moves the true figure: "above", "below", "approx" or "exact".

    Lets a comparer accept "plus de 780 millions" against "790 millions" but flag it against
    "700 millions", without every caller re-listing French hedges.
    """
    if qualifier is None:
        return None
    hit = _QUALIFIERS.get(_qkey(qualifier))
    return hit[1] if hit else None


# ---------------------------------------------------------------------------------------------
# Working records


@dataclass
class _Core:
    """A numeral with its magnitude; mutable while its context is read."""

    start: int  # number span, sign and magnitude included
    end: int
    value: float
    word: bool
    plain_int: bool  # digits only, no separator: may be a year or a day number
    digits_start: int
    text: str
    big: bool = False  # magnitude or collective noun: the unit then follows "de"
    mag: float | None = None
    approx: bool = False
    forced: tuple[str, str, float] | None = None  # (kind, unit, factor) fixed by the pattern


@dataclass
class _Item:
    """An amount being built: an :class:`Amount` plus what the filters need to know."""

    core: _Core
    start: int
    end: int
    value: float
    kind: str = "number"
    unit: str | None = None
    unit_start: int | None = None
    unit_end: int | None = None
    qualifier: str | None = None
    high: float | None = None
    period: str | None = None
    nstart: int = 0
    nend: int = 0
    year_unit: bool = False
    hour_unit: bool = False
    age: bool = False
    signed: bool = False
    drop: bool = False
    contrast: int | None = None


def _lower(text: str) -> str:
    """Lowercase with unchanged offsets (a few characters grow when lowercased)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


# ---------------------------------------------------------------------------------------------
# Main entry point


def find_amounts(text: str) -> list[Amount]:
    """All amounts in ``text``, in order and without overlaps (see the module docstring)."""
    if not text:
        return []
    low = _lower(text)
    has_digit = _ANY_DIGIT.search(text) is not None
    blocked = bytearray(len(text) + 1)
    if has_digit:
        for pattern in (_DIGIT_MASKS, _OTHER_MASKS):
            for m in pattern.finditer(text):
                blocked[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    specials = _special_cores(text, low, blocked, has_digit)
    taken = bytearray(len(text) + 1)
    for c in specials:
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
    cores = [c for c in _word_cores(text) if not taken[c.start]]
    if has_digit:
        cores += [c for c in _digit_cores(text, blocked) if not taken[c.digits_start]]
    cores += specials
    cores.sort(key=lambda c: c.start)

    items: list[_Item] = []
    reach = 0
    for core in cores:
        if core.digits_start < reach:
            continue  # already read as part of an earlier amount: the "35" of "20 heures 35"
        item = _read(text, low, core)
        if item is not None:
            items.append(item)
            reach = max(reach, item.end)
    items = _merge_ranges(low, items)
    kept = [it for it in items if not it.drop and _keep(text, low, it)]
    _share_list_units(text, kept)
    _share_contrast_units(low, kept)
    out: list[Amount] = []
    for it in kept:
        kind, value, unit, high = it.kind, it.value, it.unit, it.high
        if it.age:
            kind, unit = "age", "year"
            value /= YEAR_S
            high = None if high is None else high / YEAR_S
        out.append(Amount(it.start, it.end, value, kind, unit, it.unit_start, it.unit_end,
                          it.qualifier, high, it.period, it.nstart, it.nend, it.contrast))
    return _no_overlap(_compound_durations(text, out))


_DURATION_JOIN = re.compile(rf"{_WS}+(?:et{_WS}+)?", re.IGNORECASE)


def _compound_durations(text: str, amounts: list[Amount]) -> list[Amount]:
    """"1 an 2 mois", "2 heures et 30 minutes": one duration, a larger unit then a smaller one,
    so "14 mois" elsewhere agrees with it."""
    out: list[Amount] = []
    for a in amounts:
        prev = out[-1] if out else None
        if (prev is not None and prev.kind == a.kind == "duration" and prev.high is None
                and a.high is None and a.qualifier is None and a.value < prev.value
                and _DURATION_JOIN.fullmatch(text, prev.end, a.start)):
            out[-1] = Amount(prev.start, a.end, prev.value + a.value, "duration", prev.unit,
                             prev.unit_start, a.unit_end, prev.qualifier, None, prev.period,
                             prev.number_start, a.number_end)
            continue
        out.append(a)
    return out


def _read(text: str, low: str, core: _Core) -> _Item | None:
    """Read one numeral in context; None when it is plainly not an amount."""
    _extend_magnitude(text, core)
    _extend_collective(text, core)
    day_like = (core.plain_int or (core.word and core.mag is None)) and 1 <= core.value <= 31
    if day_like and _DAY_AFTER.match(text, core.end):
        return None  # "le 9 février", "18 mai 2023", "du 9 au 12 mars"
    item = _Item(core, core.start, core.end, core.value)
    end = _read_unit(text, low, core, item)
    if item.kind == "number":
        if not core.word and end < len(text) and (text[end].isalnum() or text[end] == "_"):
            return None  # glued to letters: "3D", "5G", "01net"
        if not core.word and text[end : end + 1] == "-" and text[end + 1 : end + 2].isalpha():
            return None  # part of a compound name: "le 20-Heures", "35-heures"
        nw = _NEXT_WORD.match(low, end)
        if nw and nw.group(1) in _NOT_COUNTED:
            return None  # "deux tiers", "12 rue de la Paix"
    if item.kind in ("quantity", "number") and core.value > 0:
        bz = _BELOW_ZERO.match(text, end)
        if bz:  # "10 degrés en dessous de zéro"
            item.value = -item.value
            if item.kind == "number":
                item.kind, item.unit = "quantity", "°"
            end = bz.end()
    if item.kind != "number":
        pm = _PERIOD_RE.match(text, end)
        if pm:
            item.period = _PERIODS[_entry(pm)][1]
            end = pm.end()
    item.end = end
    _read_left(low, text, core, item)
    if core.approx and item.qualifier is None:
        item.qualifier = "environ"
    _spaced_minus(text, core, item)
    _aside_dash(low, core, item)
    item.nstart, item.nend = core.start, core.end
    item.age = _is_age(low, item)
    return item


# ---------------------------------------------------------------------------------------------
# Numerals


def _digit_cores(text: str, blocked: bytearray) -> list[_Core]:
    cores: list[_Core] = []
    n = len(text)
    for m in _DIGITS_RE.finditer(text):
        s, e = m.start(), m.end()
        if blocked[s] or blocked[e - 1]:
            continue
        value = parse_digits(m.group())
        if value is None:
            continue
        before = text[s - 1] if s else " "
        if (before.isalpha() or before == "_") and not _ISO_BEFORE.search(text, max(0, s - 3), s):
            continue  # glued to a word: "COP29", "A320" (but "USD1,23" is money)
        if before == "+" and s >= 2 and text[s - 2].isalpha():
            continue  # "Bac+5"
        start = s
        if before in "-−":
            b2 = text[s - 2] if s >= 2 else " "
            if b2.isalpha() or b2 == "_":
                continue  # "Covid-19", "F-16", "mi-2022"
            if not (b2.isdigit() or b2 in "-−"):
                value, start = -value, s - 1  # "-10°"; after a digit it is a range or score
        if before == "/" or (e + 1 < n and text[e] == "/" and text[e + 1].isdigit()):
            continue  # fractions and "7/7"
        if e + 1 < n and text[e] == "." and text[e + 1].isdigit():
            continue  # dotted identifiers the regex stopped inside
        plain = m.group().isdigit() and start == s
        cores.append(_Core(start, e, value, False, plain, s, m.group()))
    return cores


def _word_cores(text: str) -> list[_Core]:
    return [
        _Core(s, e, v, True, False, s, _lower(text[s:e]))
        for s, e, v in find_number_words(text, keep_articles=True)
    ]


def _special_cores(text: str, low: str, blocked: bytearray, has_digit: bool) -> list[_Core]:
    """Amounts whose number is not a numeral: "demi-heure", "trois quarts d'heure", "1h30"."""
    out: list[_Core] = []
    for m in _HALF_UNIT.finditer(text) if "demi" in low else ():
        forced = _unit_of(m.group(1))
        if forced:
            out.append(_Core(m.start(), m.end(), 0.5, True, False, m.start(), m.group(),
                             forced=forced))
    for m in _QUARTER_UNIT.finditer(text) if "quart" in low else ():
        forced = _unit_of(m.group(2))
        if forced:
            v = 0.75 if (m.group(1) or "").lower() == "trois" else 0.25
            out.append(_Core(m.start(), m.end(), v, True, False, m.start(), m.group(),
                             forced=forced))
    for m in _HHMM.finditer(text) if has_digit else ():
        if blocked[m.start()]:
            continue
        # "20h08" is a time of day, "en 1h30" a duration.
        window = (max(0, m.start() - 40), m.start())
        if _DURATION_HHMM_BEFORE.search(low, *window) or _QUALIFIER_RE.search(low, *window):
            v = int(m.group(1)) + int(m.group(2)) / 60
            out.append(_Core(m.start(), m.end(), v, False, False, m.start(), m.group(),
                             forced=("duration", "s", 3600.0)))
        blocked[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    return out


def _unit_of(word: str) -> tuple[str, str, float] | None:
    m = _DURATION_RE.fullmatch(word)
    if m:
        return "duration", "s", _DURATIONS[_entry(m)][1]
    m = _QUANTITY_RE_I.fullmatch(word)
    if m:
        _, unit, factor = _QUANTITIES[_entry(m)]
        return "quantity", unit, factor
    return None


# ---------------------------------------------------------------------------------------------
# Reading a numeral's context


def _extend_magnitude(text: str, core: _Core) -> None:
    if core.word:
        core.big = bool(_WORD_MAGNITUDE.search(core.text))
        return
    m = _MAGNITUDE.match(text, core.end)
    if not m:
        return
    word = m.group(1) or m.group(2) or m.group(3)
    mag = magnitude_value(word)
    if mag is None:
        return
    core.value *= mag
    core.mag = mag
    core.end = m.end()
    core.big = mag >= 1e6 or word.lower() == "mille"
    h = _AND_HALF.match(text, core.end)
    if h:  # "2 millions et demi"
        core.value += 0.5 * mag if core.value >= 0 else -0.5 * mag
        core.end = h.end()


def _extend_collective(text: str, core: _Core) -> None:
    if core.mag is not None or core.forced:
        return
    m = _COLLECTIVE.match(text, core.end)
    if not m:
        return
    base = _COLLECTIVE_BASE[m.group(1).lower().rstrip("s")]
    scale = _COLLECTIVE_SCALE.get((m.group(2) or "").lower(), 1.0)
    core.value *= base * scale
    core.end = m.end()
    core.big = core.approx = True


def _read_unit(text: str, low: str, core: _Core, item: _Item) -> int:
    """Fill kind/unit/value from the words after the numeral; returns the expression's end."""
    pos = core.end
    if core.forced:
        kind, unit, factor = core.forced
        item.kind, item.unit, item.value = kind, unit, core.value * factor
        item.year_unit = kind == "duration" and factor == YEAR_S
        return pos
    m = _PERCENT.match(text, pos)
    if m:
        found = m.group().lower()
        item.kind = "percent"
        if m.group(3):  # "2 points de pourcentage", "25 points de base"
            item.unit = "pp" if m.group(3).lower() == "pourcentage" else "bp"
        elif m.group(4):  # "4 points de PIB": a share of GDP, the unit written in full like
            item.unit = "%"  # "points de pourcentage"
        else:
            item.unit = "‰" if m.group(2) or "mille" in found else "%"
        return m.end()
    m = _SYMBOL_AFTER.match(text, pos)
    if m:
        sym = re.sub(r"\s+", " ", m.group(1))
        item.kind, item.unit = "money", _CURRENCY_SYMBOLS.get(sym, sym.strip())
        return _subunit(text, item, m.end())
    # After a magnitude the unit follows "de" ("26 milliards de tweets", "2 M d'euros").
    starts: list[tuple[int, bool]] = []
    dm = _DE_RE.match(text, pos) if core.big else None
    if dm:
        starts.append((dm.end(), True))
    starts.append((pos, False))
    for p, after_de in starts:
        sp = _WS_RUN.match(text, p)
        q = sp.end() if sp else p
        spaced = q > p or after_de
        end = _measure_unit(text, core, item, q, spaced, after_de)
        if end is not None:
            return end
    # Otherwise a counted noun, after "de" when there is a magnitude, else right after a space.
    q, after_de = starts[0]
    if not after_de:
        if core.big and core.mag != 1e3:
            return pos  # "40 milliards constitués": after a magnitude the noun follows "de"
        sp = _WS_RUN.match(text, pos)
        if sp:
            q = sp.end()
        elif core.word or not _GLUED_NOUN.match(text, pos) or len(core.text) < 4:
            return pos
    noun = _noun_at(text, low, q, plural=abs(core.value) >= 2)
    du = _DURATION_RE.fullmatch(low, *noun) if noun and noun[0] > q and core.value >= 2 else None
    if du and len(du.group()) > 2:  # "les trois derniers mois": a span behind an adjective
        factor = _DURATIONS[_entry(du)][1]
        item.kind, item.unit, item.value = "duration", "s", core.value * factor
        item.year_unit, item.hour_unit = factor == YEAR_S, factor == 3600.0
        return noun[1]
    if noun:
        item.kind, item.unit = "count", low[noun[0] : noun[1]]
        item.unit_start, item.unit_end = noun
        return noun[1]
    return pos


def _measure_unit(text: str, core: _Core, item: _Item, q: int, spaced: bool,
                  after_de: bool) -> int | None:
    """Currency, duration or quantity unit starting at ``q``; returns its end."""
    m = _CURRENCY_RE.match(text, q)
    if m:
        item.kind, item.unit = "money", _CURRENCY_WORDS[_entry(m)][1]
        return _subunit(text, item, m.end())
    m = _CENTS.match(text, q)
    if m and spaced and not after_de and not core.word:
        item.kind = "money"
        item.unit = "EUR" if m.group().lower().startswith("centime") else "USD"
        item.value = core.value / 100
        return m.end()
    m = _DURATION_RE.match(text, q)
    if m and _MONTH_OF.match(text, m.end()):
        m = None  # "un mois d'août" names a month, it does not measure one
    if m and core.word and core.value == 1 and m.group().lower() == "seconde":
        sp = _WS_RUN.match(text, m.end())
        if sp and _noun_at(text, text.lower(), sp.end()):
            m = None  # "une seconde coupure": the ordinal adjective
    if m and (m.group() not in _PRIMES or _prime_ok(text, core, spaced)) and (
        spaced or m.group().lower() not in _NEEDS_SPACE
    ):
        factor = _DURATIONS[_entry(m)][1]
        item.kind, item.unit, item.value = "duration", "s", core.value * factor
        item.year_unit = factor == YEAR_S
        item.hour_unit = factor == 3600.0
        h = _AND_HALF.match(text, m.end())
        if h:  # "deux ans et demi"
            item.value += 0.5 * factor
            return h.end()
        mm = _HOUR_MINUTES.match(text, m.end()) if item.hour_unit and not core.word else None
        if mm and m.group()[:1] in "hH":  # "20 heures 35", "2 heures 30 minutes"
            item.value += int(mm.group(1)) * 60.0
            return mm.end()
        return m.end()
    m = _QUANTITY_RE.match(text, q)
    mi = _QUANTITY_RE_I.match(text, q)
    # Spelled-out units are case-insensitive ("degrés Celsius"), abbreviations are not.
    if mi and (m is None or mi.end() > m.end()) and (
        mi.group().lower() not in _CASE_SENSITIVE_UNITS or mi.group() == "L"
    ):
        m = mi
    if m and (spaced or m.group().lower() not in _NEEDS_SPACE):
        _, unit, factor = _QUANTITIES[_entry(m)]
        item.kind, item.unit, item.value = "quantity", unit, core.value * factor
        return m.end()
    return None


def _prime_ok(text: str, core: _Core, spaced: bool) -> bool:
    """Whether a ' or " after a figure is a minute/second mark rather than a closing quote.

    Only glued to digits, never after a year, and never inside an open quotation on the same
    line (an odd number of quote marks before it); elision apostrophes ("qu'en") don't count.
    """
    if spaced or core.word or (core.plain_int and len(core.text) == 4):
        return False
    mark = text[core.end]
    if mark in "″′":
        return True
    before = text[text.rfind("\n", 0, core.start) + 1 : core.start]
    count = before.count('"') if mark == '"' else len(_QUOTE_LIKE.findall(before))
    return count % 2 == 0


def _subunit(text: str, item: _Item, end: int) -> int:
    """"1 USD et 23 centimes" -> 1.23."""
    m = _SUBUNIT.match(text, end)
    if m:
        item.value += int(m.group(1)) / 100
        return m.end()
    return end


def _noun_at(text: str, low: str, pos: int, depth: int = 0,
             plural: bool = False) -> tuple[int, int] | None:
    """Offsets of the counted noun at ``pos``, skipping a couple of adjectives.

    With ``plural`` (a figure of 2 or more) the noun must be plural, as French grammar wants:
    that tells "25 restent", "2009 me", "90 estime" (verbs and pronouns) from "25 élus".
    """
    m = _WORD.match(text, pos)
    if not m or not text[m.start()].islower():
        return None  # none, or a proper noun / sentence start: not a counted noun
    word = low[m.start() : m.end()]
    if depth < 2 and word in _ADJECTIVES:
        sp = _WS_RUN.match(text, m.end())
        nxt = _noun_at(text, low, sp.end(), depth + 1, plural) if sp else None
        if nxt:
            return nxt
        if word not in _ADJECTIVES_AS_NOUNS:
            return None
    if depth < 2 and word in ("plus", "moins"):  # "les six plus grandes banques"
        sp = _WS_RUN.match(text, m.end())
        adj = _WORD.match(text, sp.end()) if sp else None
        sp2 = _WS_RUN.match(text, adj.end()) if adj and text[adj.start()].islower() else None
        return _noun_at(text, low, sp2.end(), 2, plural) if sp2 else None
    if word in _STOP or word in _NOT_COUNTED or len(word) < 2 or _MONTH_WORD.match(word):
        return None
    if word.endswith(("ième", "ièmes")) or word.split("-")[0] in _NUMBER_WORDS:
        return None
    if _ELIDED.match(word):
        return None  # "s'est", "n'ont", "l'a", "d'entre"
    if plural and not word.endswith(("s", "x", "z")) and "-" not in word:
        return None
    return m.start(), m.end()


def _read_left(low: str, text: str, core: _Core, item: _Item) -> None:
    """Currency sign, sign word and qualifier before the numeral."""
    lead = core.start
    m = _SYMBOL_BEFORE.search(text, max(0, lead - 8), lead)
    if m and item.kind in ("number", "count", "money"):
        if item.kind != "money":
            sym = (m.group(1) or m.group(2)).strip()
            item.kind, item.unit = "money", _CURRENCY_SYMBOLS.get(sym, sym)
            item.unit_start = item.unit_end = None
        lead = m.start()
    window = (max(0, lead - 40), lead)
    sm = _SIGN_WORD.search(low, *window)
    if sm and (sm.group(1) or "") not in _NOT_SIGN_BEFORE and item.value > 0:
        # "moins 15" is negative; "au moins", "pas moins", "plus ou moins" are not signs.
        item.value = -item.value
        core.start = sm.start(2)
        item.start = min(item.start, core.start)
        item.signed = True
        return
    qm = _QUALIFIER_RE.search(low, *window)
    if qm:
        hit = _QUALIFIERS.get(_qkey(qm.group("q")))
        if hit:
            item.qualifier = hit[0]
            lead = qm.start()
    item.start = min(item.start, lead)


def _spaced_minus(text: str, core: _Core, item: _Item) -> None:
    """"- 10 degrés": a detached minus counts only before a temperature, never a list dash."""
    if item.value <= 0 or item.kind != "quantity" or item.unit not in ("°", "°C", "°F"):
        return
    m = _SPACED_MINUS.search(text, max(0, core.start - 4), core.start)
    if m:
        item.value = -item.value
        core.start = m.start(1)
        item.start = min(item.start, core.start)


_BEFORE_SIGNED = re.compile(r"(?<!\w)(?:de|à|a|entre|et|soit|ou|par)\s$")


def _aside_dash(low: str, core: _Core, item: _Item) -> None:
    """"des dizaines de milliers de personnes -32 000 selon la police, 80 000 selon les
    organisateurs-": a dash glued to a figure after a word opens an aside; it is no sign. A count,
    a duration or an age is never negative; a bare number is, after "de", "à", "entre" ("un
    solde de -3"), and a temperature keeps its sign ("Moscou -12°")."""
    if item.value >= 0 or low[core.start:core.start + 1] != "-" or core.start < 2 \
            or not low[core.start - 1].isspace() or not low[core.start - 2].isalpha():
        return
    if item.kind not in ("count", "duration", "age") and (
            item.kind != "number" or _BEFORE_SIGNED.search(low, max(0, core.start - 8), core.start)):
        return
    item.value = -item.value
    core.start += 1
    item.start = max(item.start, core.start)


def _is_age(low: str, item: _Item) -> bool:
    """Whether "N ans" is somebody's age rather than a span of time."""
    if item.kind != "duration" or not item.year_unit:
        return False
    lead = item.start
    window = (max(0, lead - 60), lead)
    if _ILYA_BEFORE.search(low, *window) or _PRISON_AFTER.match(low, item.end):
        return False  # "il y a 80 ans", "10 ans de prison"
    if _LES_MOINS_DE.search(low, max(0, item.nstart - 30), item.nstart):
        return True  # "les moins de 25 ans"
    if item.high is not None and _LES_BEFORE.search(low, max(0, lead - 10), lead):
        return True  # "les 18-25 ans"
    am = _AT_BEFORE.search(low, *window)
    if am:  # "à 89 ans", but not "condamné à 10 ans" nor the "à" of "de 5 à 10 ans"
        prev = (am.group(1) or "").strip(".,;:")
        # nor "un prêt à 20 ans" (a maturity) nor "de 4 ans à 3 ans" (a change of duration)
        return not (prev in _SENTENCING or prev in _HORIZON_NOUNS or prev in _DURATION_WORDS
                    or prev.isdigit())
    if _AGE_BEFORE.search(low, *window):
        # "un mandat de président de cinq ans" is the term, not the president's age
        return not _TERM_BEFORE.search(low, *window)
    if _AGE_VERB_BEFORE.search(low, *window):
        return not _NOT_AGE_AFTER.match(low, item.end)  # "ils ont dix ans pour rembourser"
    return bool(_APPOSITION_BEFORE.search(low, *window) and _APPOSITION_AFTER.match(low, item.end))


# ---------------------------------------------------------------------------------------------
# Ranges


def _merge_ranges(low: str, items: list[_Item]) -> list[_Item]:
    out: list[_Item] = []
    i = 0
    while i < len(items):
        a = items[i]
        if i + 1 < len(items) and not a.drop:
            merged = _try_range(low, a, items[i + 1])
            if merged is not None:
                out.append(merged)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _try_range(low: str, a: _Item, b: _Item) -> _Item | None:
    """One amount for "entre 10 et 15 %", "de 3 à 5 millions", "10-15 %"; None otherwise."""
    gap = low[a.end : b.start]
    m = _RANGE_GAP.fullmatch(gap) if len(gap) <= 6 else None
    if not m or b.qualifier is not None:
        return None
    sep = m.group(1)
    if sep in ("à", "a", "et", "ou") and not gap[:1].isspace():
        return None
    bare_a, bare_b = a.kind == "number", b.kind == "number"
    if not ((a.kind, a.unit) == (b.kind, b.unit) or (bare_a and not bare_b)):
        return None
    lead = a.start
    entre = _ENTRE_BEFORE.search(low, max(0, lead - 10), lead)
    de = _DE_BEFORE.search(low, max(0, lead - 10), lead)
    if sep in ("-", "–", "—"):
        ints = bare_a and a.core.plain_int and b.core.plain_int and b.kind in ("number", "count")
        if ints and (bare_b or a.value >= b.value):
            a.drop = b.drop = True  # "29-37", "(3-1)", "3-0 victoire": a score, no amount at all
            return None
        if bare_a and bare_b:
            return None
    elif sep == "et":
        if not entre:
            return None
    elif sep in ("à", "a"):
        if de and _CHANGE_VERB_BEFORE.search(low, max(0, lead - 60), lead):
            return None  # "passé de 7,5 % à 7,2 %": a change, two amounts
        if a.hour_unit and b.hour_unit and de and a.core.value <= 24 and b.core.value <= 24:
            a.drop = b.drop = True  # "de 9 h à 17 h": opening hours
            return None
    elif bare_b:  # "ou" needs a unit: "deux ou trois jours"
        return None
    low_v = a.value
    if bare_a:
        # "de 3 à 5 millions d'euros": the high end's magnitude and unit apply to both.
        mag = b.core.mag or _word_magnitude(b.core)
        spread = mag and a.core.mag is None and _word_magnitude(a.core) is None
        if spread and abs(a.value) * mag <= abs(b.core.value):
            low_v = a.value * mag
        if not bare_b and b.core.value and b.kind in ("duration", "quantity"):
            low_v *= b.value / b.core.value
    if not low_v < b.value:
        if a.hour_unit and b.hour_unit and (entre or de) and a.core.value <= 24:
            a.drop = b.drop = True  # "entre 20 heures et 6 heures": a span of the clock
        return None
    start = a.start
    if entre and sep == "et":
        start = entre.start()
    elif de and sep in ("à", "a") and a.qualifier is None:
        start = de.start()
    merged = _Item(a.core, start, b.end, low_v, b.kind, b.unit, b.unit_start, b.unit_end,
                   a.qualifier, b.value, b.period or a.period, a.nstart, b.nend,
                   b.year_unit, b.hour_unit)
    merged.age = _is_age(low, merged)
    return merged


def _share_list_units(text: str, items: list[_Item]) -> None:
    """Give a list's bare magnitudes the currency of their neighbours.

    "BNP Paribas 2,55 milliards, Société Générale 1,7 milliard, Crédit Agricole 3 milliards
    d'euros": the writer names the unit once, first or last. Only figures with a magnitude
    (millions, milliards) take it, from a neighbour that has one too, across a short gap that
    joins list items (a comma, "et", "ou", "contre", "soit") and holds no figure nor end of
    sentence.
    """
    if len(items) < 2:
        return
    links = [_LIST_GAP.search(text, a.end, b.start) is not None
             and b.start - a.end <= 50 and not _LIST_STOP.search(text, a.end, b.start)
             for a, b in itertools.pairwise(items)]
    for order in (range(1, len(items)), range(len(items) - 2, -1, -1)):
        for i in order:
            j = i - 1 if order.step == 1 else i + 1
            src, dst = items[j], items[i]
            if (links[min(i, j)] and dst.kind == "number" and src.kind == "money"
                    and _has_magnitude(dst) and _has_magnitude(src)):
                dst.kind, dst.unit = src.kind, src.unit


def _share_contrast_units(low: str, items: list[_Item]) -> None:
    """Give a bare figure after "contre" the unit of the figure it is set against.

    "52 % des voix contre 48 pour son rival", "27 heures hebdomadaires (contre 28 à 30,5
    aujourd'hui)": the writer names the unit once. Only from the figure right before it in the
    same sentence, within 200 characters, that has a unit (and its magnitude, when the bare
    figure has none), and only when the two are then of one order: "3 millions de visiteurs
    contre 500 000" keeps its 500 000. The figure also measures what the other measures (the
    pipeline shares its frame), hence ``contrast``.
    """
    for src, dst in itertools.pairwise(items):
        if dst.kind != "number" or src.kind not in ("percent", "duration", "money", "quantity") \
                or src.age or dst.start - src.end > 200 or not src.core.value \
                or not _CONTRAST_BEFORE.search(low, max(0, dst.start - 12), dst.start) \
                or _CONTRAST_STOP.search(low, src.end, dst.start):
            continue
        factor = src.value / src.core.value
        if dst.core.mag is None and src.core.mag and not _has_magnitude(dst):
            factor *= src.core.mag
        value = dst.value * factor
        if not src.value or not 0.1 <= abs(value / src.value) <= 10:
            continue
        dst.kind, dst.unit, dst.value = src.kind, src.unit, value
        dst.high = None if dst.high is None else dst.high * factor
        dst.year_unit, dst.hour_unit = src.year_unit, src.hour_unit
        dst.contrast = src.start


def _has_magnitude(it: _Item) -> bool:
    return (it.core.mag or 0) >= 1e6 or _word_magnitude(it.core) is not None


def _word_magnitude(core: _Core) -> float | None:
    m = _WORD_MAGNITUDE.search(core.text) if core.word else None
    return magnitude_value(m.group(1)) if m else None


# ---------------------------------------------------------------------------------------------
# Filters


_TALLY_NUMBER = r"(?:\d|(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize" \
    r"|quatorze|quinze|seize|vingt|trente|quarante|cinquante|soixante|cent)(?!\w))"
_TALLY_AFTER = re.compile(
    rf"{_WS}+et{_WS}+(?:(?:au{_WS}+moins|pr[èe]s{_WS}+de|plus{_WS}+de|environ)"
    rf"{_WS}+)?{_TALLY_NUMBER}")
_TALLY_BEFORE = re.compile(rf"{_TALLY_NUMBER}[\w ]*?{_WS}+[\w-]+{_WS}+et{_WS}+$")
# "Un soldat cambodgien a été tué": a victim of one, as casualty reports count them.
# Passive only: "un soldat a tué deux civils" counts the victims, not him.
_TOLL_VERB = (rf"(?:(?:a|ont|avait|avaient|aurait|auraient){_WS}+été{_WS}+"
              rf"(?:tué|blessé|abattu|noyé)e?s?"
              rf"|(?:est|sont|était|étaient|serait|seraient){_WS}+(?:blessé|mort|décédé)e?s?"
              rf"|(?:a|ont|avait|avaient|aurait|auraient){_WS}+péri)(?!\w)")
_TOLL_AFTER = re.compile(rf"(?:{_WS}+[\w-]+){{0,2}}?{_WS}+{_TOLL_VERB}")
_TOLL_RIGHT_AFTER = re.compile(rf"{_WS}+{_TOLL_VERB}", re.IGNORECASE)


def toll_end(text: str, end: int) -> int:
    """Where the toll verb right after a count ends: "Deux soldats cambodgiens *avaient été
    tués*" says what happened to those counted, which the evidence shows."""
    m = _TOLL_RIGHT_AFTER.match(text, end)
    return m.end() if m else end


def _in_tally(low: str, it: _Item) -> bool:
    """"ont fait un mort et au moins quatre blessés", "trois blessés et un mort": "un" before
    a noun is a count of one when a count is joined to it by "et", as tolls are written, or when
    a verb of a toll follows ("un soldat cambodgien a été tué"; "un homme, 35 ans" is no
    tally)."""
    return bool(_TALLY_AFTER.match(low, it.end) or _TOLL_AFTER.match(low, it.end)
                or _TALLY_BEFORE.search(low, max(0, it.start - 40), it.start))


def _keep(text: str, low: str, it: _Item) -> bool:
    """False for numerals that are articles, adjectives, years, times, names or section refs."""
    core = it.core
    bare = it.kind == "number"
    words = core.text.strip()
    article = core.word and words in ("un", "une") and core.mag is None and not core.approx
    if article and it.kind in ("number", "count") and not (
            it.kind == "count" and _in_tally(low, it)):
        return False  # "un homme", "l'un"; but "un mort et quatre blessés" counts one
    if core.word and words == "neuf" and it.kind in ("number", "count"):
        plural_noun = it.kind == "count" and (it.unit or "").endswith(("s", "x"))
        pm = _LAST_WORD.search(low, max(0, it.start - 30), it.start)
        if not plural_noun and pm and pm.group(1) not in _NEUF_OK:
            return False  # "un logement neuf"
    window = (max(0, it.start - 40), it.start)
    if words == "sept" and _DAY_BEFORE.search(low, *window):
        return False  # "18 sept. 2023": the month
    if core.plain_int and core.mag is None and _is_year(low, it, bare, window):
        return False
    capitalised = core.word and text[core.start].isupper() and not text[core.start : core.end].isupper()
    if capitalised and not _is_sentence_start(text, core.start, loose=True):
        return False  # "les Vingt-Sept", the show "Sept à huit": a capitalised name
    if it.hour_unit and it.high is None and it.period is None and core.value <= 24 and float(
        core.value
    ).is_integer():
        if _CLOCK_AFTER.match(low, it.end) or (
            (_CLOCK_BEFORE.search(low, *window) or it.qualifier == "jusqu'à"
             or _WEEKDAY_BEFORE.search(low, *window))
            and not _OF_AFTER.match(low, it.end)  # "après 12 heures de négociations"
        ):
            return False  # "à 14 heures", "vers 8 h", "lundi 17 heures", "1 heure du matin"
        spelled = _HOUR_SPELLED.match(low, core.end)
        if not spelled and core.value <= 23 and it.qualifier is None and not _SPAN_BEFORE.search(
            low, *window
        ):
            return False  # "le JT de 20h": news abbreviates clock times, spells durations
    if (it.kind in ("number", "count", "duration") and core.mag is None and not core.approx
            and it.high is None and abs(core.value) >= 2
            and _SINGULAR_BEFORE.search(low, max(0, it.start - 6), it.start)):
        return False  # "le 20 heures", "au 13 heures" (news shows), "du 49.3": a name, not a count
    if bare and it.qualifier is None and not it.signed:
        if core.mag is None and _DOTTED.fullmatch(core.text):
            return False  # "le 49.3", "Web 2.0": French decimals take a comma
        if _SECTION_BEFORE.search(low, *window):
            return False  # "article 3", "page 12", "n° 5"
        if _WEEKDAY_BEFORE.search(low, *window) and 1 <= core.value <= 31:
            return False  # "jeudi 18"
        if core.plain_int and core.value < 10 and _FOOTNOTE.fullmatch(text, it.start - 1, it.end + 1):
            return False  # "Jean Dupont (1)": a footnote call
        if _SPACED_YEAR.fullmatch(core.text) and _DATE_PREP.search(low, *window):
            return False  # "jusqu'en 2 012": a year with a stray space
        nm = _NAME_BEFORE.search(text, max(0, it.start - 30), it.start)
        if nm and not _figure_like(core) and (
            nm.group(1) in _KNOWN_NAMES or not _is_sentence_start(text, nm.start())
        ):
            return False  # "Ligue 1", "Top 14", "CAC 40", "l'iPhone 15", "(France 2)"
    return True


def _figure_like(core: _Core) -> bool:
    """Whether a numeral reads as a figure, never a model number: "Epargne 1,1 milliard".

    A name followed by a number is a product or a team ("Ligue 1", "Airbus 380") unless the
    number has a magnitude, a decimal comma or grouped thousands, which names never have: those
    are lists of amounts ("Banque Populaire 950 millions", "Lyon 8.000").
    """
    if core.mag is not None or core.big or core.approx:
        return True
    return not core.word and ("," in core.text or core.value >= 10_000 or not core.plain_int)


def _is_year(low: str, it: _Item, bare: bool, window: tuple[int, int]) -> bool:
    v = it.core.value
    if 1000 <= v <= 2100 and len(it.core.text) == 4:
        if bare and (1800 <= v <= 2100 or _DATE_PREP.search(low, *window)
                     or _DATE_PREP_WEAK.search(low, *window)):
            return True  # "en 2022", "2023", "entre 2019 et 2022"
        if it.kind == "count" and _DATE_PREP.search(low, *window):
            return True  # "en 2022 Twitter..."
    return bare and bool(_DECADE_BEFORE.search(low, *window))  # "les années 80"


def _is_sentence_start(text: str, pos: int, loose: bool = False) -> bool:
    """Whether ``pos`` starts a sentence; ``loose`` also counts an opening quote or bracket.

    A capitalised name right after "(", a colon, a semicolon or a quote is still a name ("(France 2)",
    "sur \"Europe 1\"", "rôle: France 2"); a capitalised number word there starts a quotation.
    """
    before = text[max(0, pos - 3) : pos].rstrip()
    return not before or before[-1] in (".!?;:«\"“(\n—–-" if loose else ".!?\n—–-")


def _no_overlap(amounts: list[Amount]) -> list[Amount]:
    amounts.sort(key=lambda a: (a.start, -(a.end - a.start)))
    out: list[Amount] = []
    for a in amounts:
        if not out or a.start >= out[-1].end:
            out.append(a)
    return out
