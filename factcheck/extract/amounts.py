"""Amounts in French news text: money, percentages, counts, durations, ages, quantities.

Runs on every sentence, so it is regex-only (no spaCy) and roughly linear: numerals come from
:mod:`factcheck.extract.numbers`, and each one is then read with a bounded look at the words
before it (qualifier, currency sign, "entre") and after it (magnitude, unit, period).

Design decisions, each because of what a cross-source fact checker compares:

* Values are normalised so that two sources agree when they say the same thing differently:
  "26 000 millions" == "26 milliards", "2 ans et demi" == "30 mois" (durations in seconds with a
  year of 365.25 days and a month of a twelfth of that), "3 km" == "3 000 mètres" (quantities in
  a canonical unit per dimension: m, m², kg, l, W, Wh, km/h; temperatures stay in °C/°F).
* Qualifiers ("plus de", "environ") are kept beside the value rather than folded into it, so a
  caller can tell "plus de 780 millions" from "780 millions" yet see they do not contradict;
  :func:`qualifier_direction` says which way each one points.
* Things that look like numbers but are not amounts produce nothing: years used as dates, day
  numbers, clock times, scores, versions, phone numbers, ordinals, section numbers, numbers
  glued to identifiers ("COP29", "A320") and names followed by a number ("Ligue 1").
* "un"/"une" is an article unless a magnitude or a measurement unit follows ("un million",
  "une heure", "un euro"): "un homme" is not a count of one man. "une dizaine", "une centaine
  de milliers" are amounts (10, 100 000) with the qualifier "environ", because the word itself
  says the figure is rounded. "des centaines", "quelques milliers" have no value and are skipped.
* A counted noun is the unit of a count ("780 millions de fois" -> "fois"); adjectives such as
  "nouveaux" are skipped so "32 nouveaux morts" counts "morts". Its offsets are given so a caller
  with a lemmatiser can map "tweets" to "tweet".
* Money units are ISO 4217 codes. Bare "dollars" is USD and bare "francs" CHF (French francs are
  gone since 2002, Swiss copy is frequent); bare "livres" is left as a counted noun (books)
  because "livres sterling" is how news writes pounds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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


# ---------------------------------------------------------------------------------------------
# Shared regex pieces

_WS = r"[^\S\r\n]"  # inline whitespace, NBSP and narrow NBSP included, never a line break
_APOS = r"['’]"
_L = r"[^\W\d_]"  # a letter
_MONTHS = (
    r"janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre"
    r"|d[ée]cembre|janv\.?|f[ée]vr?\.?|avr\.?|juil\.?|sept\.|oct\.?|nov\.?|d[ée]c\.?"
)
_WEEKDAYS = r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"

_DIGITS_RE = re.compile(rf"(?<![\d.,])(?:{DIGITS_PATTERN})(?!\d)")

# Spans that contain digits but are not amounts; masked before numerals are read.
_MASKS = re.compile(
    "|".join(
        [
            # phone numbers: 01 23 45 67 89, +33 1 23 45 67 89, 0123456789
            rf"(?<![\d+])(?:\+\d{{1,3}}{_WS}?(?:\(0\){_WS}?)?\d(?:[ .\u00a0\u202f]?\d{{2}}){{4}}"
            rf"|0\d(?:[ .\u00a0]\d{{2}}){{4}}|0\d{{9}})(?!\d)",
            # numeric dates 12/02/2013, 2013-02-12, 12.02.2013
            r"(?<![\d.])\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}(?![\d.])",
            r"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)",
            # season and year spans written with a slash: 2019/2020
            r"(?<!\d)(?:1[89]|20)\d{2}/\d{2,4}(?!\d)",
            # versions: v.1.1, v2, version 2.0
            r"(?<![\w.])[vV]\.?\d+(?:\.\d+)*\.?",
            rf"(?i:\bversion){_WS}+\d+(?:\.\d+)*",
            # round-the-clock idioms
            r"(?<!\d)(?:24|7)(?:h|j)?/(?:24|7)(?!\d)|\bh24\b",
            # clock times with a colon: 14:30
            r"(?<![\d.,:])\d{1,2}:\d{2}(?![\d:])",
            # list numbering at the start of a line: "1. ", "2) "
            r"(?m:^[ \t]*\d{1,2}[.)](?=\s))",
        ]
    )
)
_HHMM = re.compile(rf"(?<![\w.,])(\d{{1,2}}){_WS}?h{_WS}?([0-5]\d)(?![\w])")

_MAGNITUDE = re.compile(
    rf"{_WS}*(?:(?i:(millions?|milliards?|billions?|mille))(?!{_L})"
    rf"|(Mds?|mds?|Mrds?|mrds?|Mio|mio)(?!{_L})|(M|[kK])(?!{_L}|\.{_WS}))"
)
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
_DE = rf"(?:{_WS}+de{_WS}+|{_WS}+d{_APOS}{_WS}*)"

# Units. Each table is (pattern, kind, unit, factor) and is tried in order, so longer spellings
# come first ("km/h" before "km", "km²" before "km").
_Y = YEAR_S
_DURATIONS: list[tuple[str, float]] = [
    (r"secondes?|sec\.?(?!" + _L + ")|s(?!" + _L + ")|″|\"", 1.0),
    (r"minutes?|mins?\.?|mn|′|'", 60.0),
    (r"heures?|h|hr?s?", 3600.0),
    (r"jours?|j", 86400.0),
    (r"semaines?|sem\.", WEEK_S),
    (r"mois", MONTH_S),
    (r"trimestres?", 3 * MONTH_S),
    (r"semestres?", 6 * MONTH_S),
    (r"ans|an|ann[ée]es?", _Y),
    (r"d[ée]cennies?", 10 * _Y),
    (r"si[èe]cles?", 100 * _Y),
    (r"mill[ée]naires?", 1000 * _Y),
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
    (r"°{ws}*C(?!{l})|°{ws}*celsius|degr[ée]s?{ws}+(?:celsius|C(?!{l}))|degr[èe]s{ws}+C(?!{l})"
     r"|celsius", "°C", 1.0),
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
_ISO = "EUR|USD|GBP|CHF|JPY|CNY|CAD|AUD|HKD|RUB|INR|ILS|XOF|BTC|SEK|NOK|DKK|PLN|BRL|MXN"
_SYMBOL_AFTER = re.compile(
    rf"{_WS}*(US\$|\${_WS}?US(?!{_L})|CA\$|HK\$|\$|€|£|¥|(?:{_ISO})(?!{_L}))"
)
_SYMBOL_BEFORE = re.compile(
    rf"(?:(?<![\w$])(US\$|CA\$|C\$|A\$|HK\$|(?:{_ISO}))|(\$|€|£|¥)){_WS}?$"
)
_SUBUNIT = re.compile(
    rf"{_WS}+(?:et{_WS}+)?(\d{{1,2}}){_WS}*(?:centimes?|cents?)(?!{_L})", re.IGNORECASE
)
_PERCENT = re.compile(
    rf"{_WS}*(?:(%)|(‰)|pour{_WS}?cent(?!{_L})|pourcent(?!{_L})|p\.{_WS}?cent(?!{_L})"
    rf"|pour{_WS}+mille(?!{_L})|{_WS}points?{_WS}+de{_WS}+pourcentage(?!{_L}))",
    re.IGNORECASE,
)
_BELOW_ZERO = re.compile(rf"{_WS}+en[- ]?dessous{_WS}+de{_WS}+z[ée]ro(?!{_L})", re.IGNORECASE)


def _fmt(p: str) -> str:
    return p.replace("{ws}", _WS).replace("{a}", _APOS).replace("{l}", _L)


def _table(patterns: list[str], flags: int) -> re.Pattern[str]:
    alts = "|".join(f"(?P<u{i}>{_fmt(p)})" for i, p in enumerate(patterns))
    return re.compile(rf"(?:{alts})(?![\w'’])", flags)


_DURATION_RE = _table([p for p, _ in _DURATIONS], re.IGNORECASE)
_QUANTITY_RE = _table([p for p, _, _ in _QUANTITIES], 0)
_QUANTITY_RE_I = _table([p for p, _, _ in _QUANTITIES], re.IGNORECASE)
_CURRENCY_RE = _table([p for p, _ in _CURRENCY_WORDS], re.IGNORECASE)
_SHORT_CI = frozenset({"m", "l", "g", "t", "ha", "km", "cm", "mm", "mg", "kg", "ml", "cl", "dl"})
# Single-letter abbreviations that need a space before them, or they eat English plurals or
# identifiers ("1990s", "3t").
_NEEDS_SPACE = frozenset({"s", "t", "sec", "sec.", "hr", "hrs", "min"})

_PERIODS = [
    (rf"{_WS}*(?:par|/){_WS}*(?:an|ann[ée]e)(?!{_L})|{_WS}+l{_APOS}an(?!{_L})"
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
_PERIOD_RE = re.compile("|".join(f"(?P<p{i}>{p})" for i, (p, _) in enumerate(_PERIODS)),
                        re.IGNORECASE)

# Qualifiers, keyed by their accent-free, space-normalised form; the value is the canonical
# spelling reported and the direction it gives the true figure relative to the stated one.
_QUALIFIERS: dict[str, tuple[str, str]] = {}
for _canon, _dir in [
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
    ("supérieur à", "above"), ("inférieur à", "below"), ("plus d'un", "above"),
]:
    _QUALIFIERS[_canon] = (_canon, _dir)
_ACCENTS = str.maketrans("àâäéèêëîïôöùûüç’", "aaaeeeeiioouuuc'")


def _qkey(s: str) -> str:
    s = re.sub(r"[\s\-]+", " ", s.lower().translate(_ACCENTS)).strip()
    s = re.sub(r"\bd'$", "de", s).replace("d' ", "de ").replace("d'", "de ")
    return re.sub(r"\s*'\s*", "'", s).strip()


_QUALIFIER_BY_KEY = {_qkey(k): v for k, v in _QUALIFIERS.items() if k != "plus d'un"}
_QUALIFIER_BY_KEY.update({"superieure a": _QUALIFIERS["supérieur à"],
                          "superieurs a": _QUALIFIERS["supérieur à"],
                          "superieures a": _QUALIFIERS["supérieur à"],
                          "inferieure a": _QUALIFIERS["inférieur à"],
                          "inferieurs a": _QUALIFIERS["inférieur à"],
                          "inferieures a": _QUALIFIERS["inférieur à"],
                          "en dessous de": _QUALIFIERS["en dessous de"],
                          "au dessous de": _QUALIFIERS["au-dessous de"],
                          "au dessus de": _QUALIFIERS["au-dessus de"],
                          "au dela de": _QUALIFIERS["au-delà de"],
                          "d'environ": _QUALIFIERS["environ"]})
_DE_END = rf"(?:{_WS}+de{_WS}+|{_WS}+d{_APOS}{_WS}*)"
_QUALIFIER_RE = re.compile(
    rf"(?<!\w)(?P<q>(?:pas{_WS}+(?:plus|moins)|un{_WS}+peu{_WS}+(?:plus|moins)"
    rf"|(?:bien|largement|nettement){_WS}+(?:plus|moins)|plus|moins){_DE_END}"
    rf"|(?:plus|moins){_WS}+que{_WS}+"
    rf"|plus{_WS}+ou{_WS}+moins{_WS}+"
    rf"|(?:pr[èe]s|autour|aux{_WS}+alentours|pas{_WS}+loin|en[- ]?dessous|au[- ]?dessous"
    rf"|au[- ]?dessus|au[- ]?del[àa]|de{_WS}+l{_APOS}ordre){_DE_END}"
    rf"|(?:[àa]{_WS}+peu{_WS}+pr[èe]s|environ|quelque|au{_WS}+moins|au{_WS}+plus"
    rf"|au{_WS}+maximum|au{_WS}+minimum|au{_WS}+bas{_WS}+mot|presque|quasiment|quasi"
    rf"|exactement|pr[ée]cis[ée]ment|tout{_WS}+juste|seulement|approximativement"
    rf"|grosso{_WS}+modo|[àa]{_WS}+peine){_WS}+"
    rf"|jusqu{_APOS}{_WS}*[àa]{_WS}+"
    rf"|(?:sup[ée]rieur|inf[ée]rieur)e?s?{_WS}+[àa]{_WS}+)$",
    re.IGNORECASE,
)
_SIGN_WORD = re.compile(rf"(?<!\w)(?:(\w+){_WS}+)?(moins){_WS}+$")
_NOT_SIGN_BEFORE = frozenset({"au", "pas", "ou", "à", "a", "de", "le", "les", "du", "peu",
                              "en", "rien", "d", "l"})

# Context words.
_DATE_PREP = re.compile(
    rf"(?<!\w)(?:en|depuis|d[èe]s|d{_APOS}ici|avant|apr[èe]s|jusqu{_APOS}en|fin|d[ée]but|mi"
    rf"|courant|[ée]t[ée]|hiver|printemps|automne|ann[ée]es?|an|l{_APOS}an|saison|exercice"
    rf"|{_MONTHS}|{_WEEKDAYS}){_WS}*[-]?{_WS}*$",
    re.IGNORECASE,
)
_DATE_PREP_WEAK = re.compile(rf"(?<!\w)(?:de|du|à|au|entre|et|vers|l{_APOS}année){_WS}+$",
                             re.IGNORECASE)
_DAY_AFTER = re.compile(
    rf"(?:er|e)?{_WS}+(?:(?:au|et|à|-|–){_WS}+\d{{1,2}}(?:er)?{_WS}+)?(?:{_MONTHS})(?!{_L})",
    re.IGNORECASE,
)
_WEEKDAY_BEFORE = re.compile(rf"(?<!\w)(?:{_WEEKDAYS}){_WS}+$", re.IGNORECASE)
_SECTION_BEFORE = re.compile(
    rf"(?<!\w)(?:n°|n\.|no\.?|num[ée]ro|articles?|art\.|chapitre|section|alin[ée]a|paragraphe"
    rf"|pages?|p\.|tome|volume|vol\.|[ée]pisode|saison|acte|ligne|route|rue|porte|salle"
    rf"|chambre|annexe|partie|titre|point|item|§|#|années|ann[ée]e|l{_APOS}an|an|mi"
    rf"|niveau|bac|classe|division|groupe|bus|tram|m[ée]tro|quai|voie|gate|terminal"
    rf"|num|tel|t[ée]l\.?|code|cp|ref\.?|r[ée]f[ée]rence|dossier|loi){_WS}*$",
    re.IGNORECASE,
)
_NAME_BEFORE = re.compile(rf"(?<!\w)([\w&-]*[A-Z][\w&-]*){_WS}$")
_CLOCK_BEFORE = re.compile(
    rf"(?<![\w'’])(?:[àa]|vers|d[èe]s|avant|apr[èe]s|aux{_WS}+alentours{_WS}+de|[àa]{_WS}+partir"
    rf"{_WS}+de|jusqu{_APOS}{_WS}*[àa]){_WS}+$"
)
_DURATION_HHMM_BEFORE = re.compile(
    rf"(?<!\w)(?:en|pendant|durant|environ|plus{_WS}+de|moins{_WS}+de|pr[èe]s{_WS}+de"
    rf"|presque|quasiment|au{_WS}+moins|d{_APOS}environ|de){_WS}+$",
    re.IGNORECASE,
)
_CHANGE_VERB_BEFORE = re.compile(
    rf"(?<!\w)(?:pass|augment|baiss|grimp|chut|recul|progress|bond|diminu|cr[uû]|gonfl|tomb"
    rf"|ramen|port|hauss|r[ée]duit|abaiss|relev|mont|descend|[ée]volu|recul|plong|envol|flamb"
    rf"|s{_APOS}[ée]tabli|ajust|rehauss|revu|r[ée]vis|relev)\w*{_WS}+(?:\w+{_WS}+)?(?:de|d{_APOS})"
    rf"{_WS}*$",
    re.IGNORECASE,
)
_SPAN_BEFORE = re.compile(
    rf"(?<!\w)(?:en|pendant|durant|depuis|sous|dans|les|des|toutes{_WS}+les|chaque){_WS}+$"
)
_ENTRE_BEFORE = re.compile(rf"(?<!\w)entre{_WS}+$", re.IGNORECASE)
_DE_BEFORE = re.compile(rf"(?<!\w)(?:de|d{_APOS}|du){_WS}*$", re.IGNORECASE)

_AGE_BEFORE = re.compile(
    rf"(?<!\w)(?:[âa]g[ée]e?s?(?:{_WS}+de)?|l{_APOS}[âa]ge{_WS}+de|[âa]ge{_WS}+de"
    rf"|(?:homme|femme|gar[çc]on|fille|enfant|b[ée]b[ée]|adolescente?|jeune|retrait[ée]e?"
    rf"|victime|suspecte?|conducteur|conductrice|m[èe]re|p[èe]re|fils|fr[èe]re|s(?:œ|oe)ur"
    rf"|patiente?|militante?|agriculteur|ouvri[eè]re?|polici[eè]re?|[ée]tudiante?|joueur"
    rf"|joueuse|lyc[ée]enne?|coll[ée]gienne?|personne|individu|touriste|randonneur|cycliste"
    rf"|pi[ée]tonne?|passag[eè]re?|[ée]l[èe]ve|fillette|gar[çc]onnet|chanteur|chanteuse"
    rf"|acteur|actrice|d[ée]tenue?|migrante?|sans-abri|octog[ée]naire|quadrag[ée]naire"
    rf"|nonag[ée]naire|septuag[ée]naire|sexag[ée]naire|quinquag[ée]naire|trentenaire)s?"
    rf"{_WS}+(?:[âa]g[ée]e?s?{_WS}+)?de"
    rf"|(?:a|avait|aura|aurait|ont|avaient|auront|eu|f[êe]te|f[êe]tera|f[êe]t[ée]|ses|leurs"
    rf"|ayant|atteint|atteindre)"
    rf"){_WS}+$",
)
_AT_BEFORE = re.compile(rf"(?<![\w'’])(?:(\S+){_WS}+)?[àa]{_WS}+$")
_ILYA_BEFORE = re.compile(rf"(?<!\w)y{_WS}+(?:a|avait|aura){_WS}+$")
_PRISON_AFTER = re.compile(
    rf"{_WS}+(?:de{_WS}+prison|de{_WS}+r[ée]clusion|de{_WS}+d[ée]tention|d{_APOS}emprisonnement"
    rf"|ferme|avec{_WS}+sursis)",
    re.IGNORECASE,
)
_SENTENCING = frozenset({"condamné", "condamnée", "condamnés", "condamnées", "puni", "punie",
                         "peine", "requis", "passible", "écopé", "écope", "jusqu'à", "jusqu’à"})

_WORD = re.compile(rf"{_L}(?:{_L}|['’-](?={_L}))*")
_ADJECTIVES = frozenset({
    "nouveaux", "nouvelles", "nouveau", "nouvelle", "premiers", "premières", "derniers",
    "dernières", "autres", "petits", "petites", "grands", "grandes", "gros", "grosses",
    "anciens", "anciennes", "vrais", "vraies", "bons", "bonnes", "principaux", "principales",
    "seuls", "seules", "différents", "différentes", "jeunes", "hauts", "hautes", "longues",
    "longs", "véritables", "simples", "millions", "supplémentaires", "prochains", "prochaines",
    "précédents", "précédentes", "courtes", "courts", "meilleurs", "meilleures", "pires",
    "énormes", "fameux", "malheureux", "pauvres", "vieux", "vieilles", "ex",
})
_STOP = frozenset("""
le la les l un une des du de d au aux à a en dans par pour sur sous avec sans chez entre vers
contre selon après avant depuis pendant durant dès jusqu et ou mais donc or ni car que qu qui
quoi dont où ce cet cette ces c mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs
il ils elle elles on nous vous je tu se s y ne n pas plus moins très trop bien aussi encore déjà
seulement environ près presque ont sont est était étaient avait avaient sera seront serait
seraient été être avoir fait font ainsi alors puis lors tout tous toute toutes même mêmes chaque
certains certaines plusieurs quelques aucun aucune tel telle tels telles quel quelle quels
quelles comme si non oui là ici hier aujourd'hui demain soit soient peut peuvent doit doivent
devrait vont va allait étant ayant autres autre contre fois-ci cela ceci ça celui celle ceux
celles lui leur eux moi toi soi rien personne chacun chacune ceux-ci ont-ils sont-ils afin
tandis lorsque puisque quand comment pourquoi combien auprès parmi malgré hors via voire
d'ici jusqu'à jusqu'au jusqu'en ans an mois jours jour heures heure minutes minute semaines
semaine années année dont-il etc fin début mi milliers centaines dizaines millions milliards
""".split())
_MONTH_WORD = re.compile(rf"(?:{_MONTHS}|{_WEEKDAYS})$", re.IGNORECASE)


def qualifier_direction(qualifier: str | None) -> str | None:
    """Which way a qualifier moves the true figure: "above", "below", "approx" or "exact".

    Lets a comparer accept "plus de 780 millions" against "790 millions" but flag it against
    "700 millions", without every caller re-listing French hedges.
    """
    if qualifier is None:
        return None
    hit = _QUALIFIER_BY_KEY.get(_qkey(qualifier))
    return hit[1] if hit else None


# ---------------------------------------------------------------------------------------------
# Working records


@dataclass
class _Core:
    start: int  # number span, sign and magnitude included
    end: int
    value: float
    word: bool
    plain_int: bool  # digits only, no separator: may be a year or a day number
    digits_start: int
    digits_end: int
    text: str
    big: bool = False  # magnitude or collective noun: allows "de" before the unit
    mag: float | None = None
    approx: bool = False
    forced: tuple[str, str, float] | None = None  # (kind, unit, factor) fixed by the pattern


@dataclass
class _Item:
    core: _Core
    start: int
    end: int
    value: float
    kind: str
    unit: str | None
    unit_start: int | None = None
    unit_end: int | None = None
    qualifier: str | None = None
    high: float | None = None
    period: str | None = None
    age_ctx: bool = False
    year_unit: bool = False
    hour_unit: bool = False
    drop: bool = False
    nstart: int = 0
    nend: int = 0
    flags: set[str] = field(default_factory=set)


def _lower(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


# ---------------------------------------------------------------------------------------------
# Finding numerals


def _digit_cores(text: str, blocked: bytearray) -> list[_Core]:
    cores: list[_Core] = []
    n = len(text)
    for m in _DIGITS_RE.finditer(text):
        s, e = m.start(), m.end()
        if blocked[s] or blocked[e - 1]:
            continue
        raw = m.group()
        value = parse_digits(raw)
        if value is None:
            continue
        before = text[s - 1] if s else ""
        if before.isalpha() or before == "_":
            # Glued to a word: an identifier ("COP29", "A320") unless it is a currency code
            # written before the figure ("USD1,23").
            if not re.search(rf"(?:{_ISO})$", text[max(0, s - 3) : s]):
                continue
        start = s
        if before == "+" and s >= 2 and text[s - 2].isalpha():
            continue  # "Bac+5"
        if before in "-−" and s:
            b2 = text[s - 2] if s >= 2 else " "
            if b2.isalnum() or b2 in "_-":
                if b2.isalpha():
                    continue  # "Covid-19", "F-16", "mi-2022"
            else:
                value, start = -value, s - 1
        if before == "/" or (e < n and text[e] == "/" and e + 1 < n and text[e + 1].isdigit()):
            continue  # fractions and "7/7"
        if e < n and text[e] == "." and e + 1 < n and text[e + 1].isdigit():
            continue  # "1.2.3"-like identifiers the regex stopped inside
        plain = raw.isdigit() and start == s
        cores.append(_Core(start, e, value, False, plain, s, e, raw))
    return cores


def _word_cores(text: str, taken: bytearray) -> list[_Core]:
    cores = []
    for s, e, v in find_number_words(text, keep_articles=True):
        if taken[s]:
            continue
        cores.append(_Core(s, e, v, True, False, s, e, _lower(text[s:e])))
    return cores


_HALF_UNIT = re.compile(
    rf"(?<![\w-])(?:(?:un|une){_WS}+)?demi[- ]?(heure|journ[ée]e|litre|si[èe]cle|kilo"
    rf"|kilom[èe]tre|m[èe]tre|tonne)(?!{_L})",
    re.IGNORECASE,
)
_QUARTER_UNIT = re.compile(
    rf"(?<![\w-])(?:(un|trois){_WS}+)?quarts?{_WS}+d(?:e{_WS}+|{_APOS})(heure|litre)(?!{_L})",
    re.IGNORECASE,
)


def _special_cores(text: str, blocked: bytearray) -> list[_Core]:
    """Amounts whose number is not a numeral: "demi-heure", "trois quarts d'heure", "1h30"."""
    out: list[_Core] = []
    for m in _HALF_UNIT.finditer(text):
        forced = _unit_of(m.group(1))
        if forced:
            out.append(_Core(m.start(), m.end(), 0.5, True, False, m.start(), m.end(),
                             m.group(), forced=forced))
    for m in _QUARTER_UNIT.finditer(text):
        forced = _unit_of(m.group(2))
        if forced:
            v = 0.75 if (m.group(1) or "").lower() == "trois" else 0.25
            out.append(_Core(m.start(), m.end(), v, True, False, m.start(), m.end(),
                             m.group(), forced=forced))
    low = None
    for m in _HHMM.finditer(text):
        if blocked[m.start()]:
            continue
        low = low or _lower(text)
        window = low[max(0, m.start() - 40) : m.start()]
        if _DURATION_HHMM_BEFORE.search(window) or _QUALIFIER_RE.search(window):
            v = int(m.group(1)) + int(m.group(2)) / 60
            out.append(_Core(m.start(), m.end(), v, False, False, m.start(), m.end(), m.group(),
                             forced=("duration", "s", 3600.0)))
        for i in range(m.start(), m.end()):
            blocked[i] = 1
    return out


def _unit_of(word: str) -> tuple[str, str, float] | None:
    m = _DURATION_RE.fullmatch(word)
    if m:
        return "duration", "s", _DURATIONS[_group_index(m)][1]
    m = _QUANTITY_RE_I.fullmatch(word)
    if m:
        _, unit, factor = _QUANTITIES[_group_index(m)]
        return "quantity", unit, factor
    return None


def _group_index(m: re.Match[str]) -> int:
    assert m.lastgroup is not None
    return int(m.lastgroup[1:])


# ---------------------------------------------------------------------------------------------
# Reading one numeral in context


def _extend_magnitude(text: str, core: _Core) -> None:
    if core.word:
        if re.search(r"(?:million|milliard|billion|trillion)s?(?:\s+et\s+demie?)?$", core.text):
            core.big = True
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
    core.big = mag >= 1e6 or word.lower() in ("mille",)
    h = _AND_HALF.match(text, core.end)
    if h:
        core.value += 0.5 * mag if core.value >= 0 else -0.5 * mag
        core.end = h.end()


def _extend_collective(text: str, core: _Core) -> None:
    if core.mag is not None or core.forced:
        return
    m = _COLLECTIVE.match(text, core.end)
    if not m:
        return
    noun = m.group(1).lower().rstrip("s")
    base = _COLLECTIVE_BASE[noun]
    scale = {"milliers": 1e3, "millions": 1e6, "milliards": 1e9}.get((m.group(2) or "").lower(), 1)
    core.value *= base * scale
    core.end = m.end()
    core.big = True
    core.approx = True


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
        item.kind = "percent"
        found = m.group().lower()
        item.unit = "pp" if "pourcentage" in found else "‰" if m.group(2) or "mille" in found else "%"
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
        m = _CURRENCY_RE.match(text, q)
        if m:
            item.kind, item.unit = "money", _CURRENCY_WORDS[_group_index(m)][1]
            return _subunit(text, item, m.end())
        m = _CENTS.match(text, q)
        if m and spaced and not after_de and not core.word:
            item.kind = "money"
            item.unit = "EUR" if m.group().lower().startswith("centime") else "USD"
            item.value = core.value / 100
            return m.end()
        m = _DURATION_RE.match(text, q)
        if m and (spaced or m.group().lower() not in _NEEDS_SPACE):
            if m.group() in ("'", '"', "″", "′") and not _prime_ok(text, core, spaced):
                m = None
            if m:
                factor = _DURATIONS[_group_index(m)][1]
                item.kind, item.unit, item.value = "duration", "s", core.value * factor
                item.year_unit = factor == YEAR_S
                item.hour_unit = factor == 3600.0
                end = m.end()
                h = _AND_HALF.match(text, end)
                if h:
                    item.value += 0.5 * factor
                    end = h.end()
                return end
        m = _QUANTITY_RE.match(text, q)
        mi = _QUANTITY_RE_I.match(text, q)
        if mi and (m is None or mi.end() > m.end()):
            # Spelled-out units are case-insensitive ("degrés Celsius"), abbreviations are not:
            # "M" is a million and "KM" nothing.
            if mi.group().lower() not in _SHORT_CI or mi.group() == "L":
                m = mi
        if m and (spaced or m.group().lower() not in _NEEDS_SPACE):
            _, unit, factor = _QUANTITIES[_group_index(m)]
            item.kind, item.unit, item.value = "quantity", unit, core.value * factor
            return m.end()
    # Otherwise the counted noun, after "de" when there is a magnitude, else right after.
    q = starts[0][0]
    if not starts[0][1]:
        sp = _WS_RUN.match(text, pos)
        if not sp:
            return pos
        q = sp.end()
    noun = _noun_at(text, low, q)
    if noun:
        ns, ne = noun
        item.kind, item.unit = "count", low[ns:ne]
        item.unit_start, item.unit_end = ns, ne
        return ne
    return pos


_WS_RUN = re.compile(rf"{_WS}+")
_QUOTE_LIKE = re.compile(r"(?<![^\W\d_])'|'(?![^\W\d_])")


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
    line_start = text.rfind("\n", 0, core.start) + 1
    before = text[line_start : core.start]
    count = before.count('"') if mark == '"' else len(_QUOTE_LIKE.findall(before))
    return count % 2 == 0
_DE_RE = re.compile(_DE)
_CENTS = re.compile(rf"(?:centimes?|cents)(?!{_L})", re.IGNORECASE)


def _subunit(text: str, item: _Item, end: int) -> int:
    m = _SUBUNIT.match(text, end)
    if m:
        item.value += int(m.group(1)) / 100
        return m.end()
    return end


def _noun_at(text: str, low: str, pos: int, depth: int = 0) -> tuple[int, int] | None:
    m = _WORD.match(text, pos)
    if not m:
        return None
    word = low[m.start() : m.end()]
    if not text[m.start()].islower():
        return None  # proper noun or sentence start: not a counted noun
    if depth < 2 and word in _ADJECTIVES:
        sp = _WS_RUN.match(text, m.end())
        if sp:
            nxt = _noun_at(text, low, sp.end(), depth + 1)
            if nxt:
                return nxt
    if word in _STOP or word in _ADJECTIVES and word != "jeunes" or len(word) < 2:
        return None
    if _MONTH_WORD.match(word) or word.endswith(("ième", "ièmes")):
        return None
    if word.split("-")[0] in _NUMBER_WORDS:
        return None
    return m.start(), m.end()


_NUMBER_WORDS = frozenset(
    "zéro zero un une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze "
    "quinze seize vingt vingts trente quarante cinquante soixante septante huitante octante "
    "nonante cent cents mille mil million millions milliard milliards et".split()
)


def _read_period(text: str, pos: int, item: _Item) -> int:
    m = _PERIOD_RE.match(text, pos)
    if not m:
        return pos
    item.period = _PERIODS[int(m.lastgroup[1:])][1] if m.lastgroup else None
    return m.end()


def _read_left(text: str, low: str, core: _Core, item: _Item) -> None:
    """Currency sign, sign word and qualifier before the numeral."""
    lead = core.start
    m = _SYMBOL_BEFORE.search(text, max(0, lead - 8), lead)
    if m and item.kind in ("number", "count", "money"):
        if item.kind != "money":
            sym = (m.group(1) or m.group(2)).strip()
            item.kind, item.unit = "money", _CURRENCY_SYMBOLS.get(sym, sym)
            item.unit_start = item.unit_end = None
        lead = m.start()
    lwin_start = max(0, lead - 40)
    lwin = low[lwin_start:lead]
    sm = _SIGN_WORD.search(lwin)
    if sm and (sm.group(1) or "") not in _NOT_SIGN_BEFORE and item.value > 0:
        # "moins 15": a sign, but not in "au moins", "pas moins", "plus ou moins".
        item.value = -item.value
        core.start = lwin_start + sm.start(2)
        item.start = min(item.start, core.start)
        item.flags.add("signed")
        return
    qm = _QUALIFIER_RE.search(lwin)
    if qm:
        hit = _QUALIFIER_BY_KEY.get(_qkey(qm.group("q")))
        if hit:
            item.qualifier = hit[0]
            lead = lwin_start + qm.start()
    item.start = min(item.start, lead)


# ---------------------------------------------------------------------------------------------
# Main entry point


def find_amounts(text: str) -> list[Amount]:
    """All amounts in ``text``, in order and without overlaps (see the module docstring)."""
    if not text:
        return []
    low = _lower(text)
    blocked = bytearray(len(text) + 1)
    for m in _MASKS.finditer(text):
        blocked[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    specials = _special_cores(text, blocked)
    taken = bytearray(len(text) + 1)
    for c in specials:
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
    cores = [c for c in _digit_cores(text, blocked) if not taken[c.digits_start]]
    cores += _word_cores(text, taken)
    cores += specials
    cores.sort(key=lambda c: c.start)

    items: list[_Item] = []
    for core in cores:
        _extend_magnitude(text, core)
        _extend_collective(text, core)
        if (core.plain_int or (core.word and core.mag is None)) and 1 <= core.value <= 31:
            if _DAY_AFTER.match(text, core.end):
                continue  # "le 9 février", "18 mai 2023", "du 9 au 12 mars"
        item = _Item(core, core.start, core.end, core.value, "number", None)
        end = _read_unit(text, low, core, item)
        if item.kind == "number" and not core.word and end < len(text) and (
            text[end].isalnum() or text[end] == "_"
        ):
            continue  # glued to letters: "3D", "5G", "01net"
        if item.kind in ("quantity", "number") and core.value > 0:
            bz = _BELOW_ZERO.match(text, end)
            if bz:
                item.value = -item.value
                if item.kind == "number":
                    item.kind, item.unit = "quantity", "°"
                end = bz.end()
        if item.kind != "number":
            end = _read_period(text, end, item)
        item.end = end
        _read_left(text, low, core, item)
        if core.approx and item.qualifier is None:
            item.qualifier = "environ"
        _spaced_minus(text, core, item)
        item.nstart, item.nend = core.start, core.end
        item.age_ctx = _age_context(text, low, item)
        items.append(item)

    items = _merge_ranges(text, low, items)
    out: list[Amount] = []
    for it in items:
        if it.drop or not _keep(text, low, it):
            continue
        kind, value, unit, high = it.kind, it.value, it.unit, it.high
        if kind == "duration" and it.year_unit and it.age_ctx:
            kind, unit = "age", "year"
            value /= YEAR_S
            high = None if high is None else high / YEAR_S
        out.append(Amount(it.start, it.end, value, kind, unit, it.unit_start, it.unit_end,
                          it.qualifier, high, it.period, it.nstart, it.nend))
    return _no_overlap(out)


def _spaced_minus(text: str, core: _Core, item: _Item) -> None:
    """"- 10 degrés": a detached minus counts only before a temperature, never a list dash."""
    if item.value <= 0 or item.kind != "quantity" or item.unit not in ("°", "°C", "°F"):
        return
    m = _SPACED_MINUS.search(text, max(0, core.start - 4), core.start)
    if m:
        item.value = -item.value
        core.start = m.start(1)
        item.start = min(item.start, core.start)


_SPACED_MINUS = re.compile(rf"(?:^|(?<=[\s(]))([-−]){_WS}+$")
_APPOSITION_BEFORE = re.compile(rf"[,(]{_WS}*$")
_APPOSITION_AFTER = re.compile(rf"{_WS}*(?:[,)]|$)")
_LES_MOINS_DE = re.compile(rf"(?<!\w)les{_WS}+(?:moins|plus){_WS}+de{_WS}+$")


def _age_context(text: str, low: str, item: _Item) -> bool:
    """Whether "N ans" is somebody's age rather than a span of time."""
    if item.kind != "duration" or not item.year_unit:
        return False
    lead = item.start
    window_start = max(0, lead - 60)
    if _ILYA_BEFORE.search(low, window_start, lead) or _PRISON_AFTER.match(low, item.end):
        return False
    if _LES_MOINS_DE.search(low, max(0, item.nstart - 30), item.nstart):
        return True  # "les moins de 25 ans"
    am = _AT_BEFORE.search(low, window_start, lead)
    if am:
        prev = (am.group(1) or "").strip(".,;:")
        return not (prev in _SENTENCING or prev.isdigit() or prev.startswith("jusqu"))
    if _AGE_BEFORE.search(low, window_start, lead):
        return True
    return bool(_APPOSITION_BEFORE.search(low, window_start, lead)
                and _APPOSITION_AFTER.match(low, item.end))


def _merge_ranges(text: str, low: str, items: list[_Item]) -> list[_Item]:
    out: list[_Item] = []
    i = 0
    while i < len(items):
        a = items[i]
        b = items[i + 1] if i + 1 < len(items) else None
        if b is not None and not a.drop:
            merged = _try_range(text, low, a, b)
            if merged is not None:
                out.append(merged)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _try_range(text: str, low: str, a: _Item, b: _Item) -> _Item | None:
    gap = low[a.end : b.start]
    if len(gap) > 6:
        return None
    m = re.fullmatch(rf"{_WS}*([-–—]|à|a|et|ou){_WS}*", gap)
    if not m or b.qualifier is not None:
        return None
    sep = m.group(1)
    if sep in ("à", "a", "et", "ou") and not gap.startswith(tuple(" \u00a0\u202f\t")):
        return None
    bare_a = a.kind == "number"
    bare_b = b.kind == "number"
    same = (a.kind, a.unit) == (b.kind, b.unit)
    if not (same or (bare_a and not bare_b)):
        return None
    lead = a.start
    before = low[max(0, lead - 40) : lead]
    entre = _ENTRE_BEFORE.search(before)
    de = _DE_BEFORE.search(before)
    if sep in "-–—":
        if bare_a and bare_b:
            # "29-37", "(3-1)": a score, which is no amount at all.
            if a.core.plain_int and b.core.plain_int:
                a.drop = b.drop = True
            return None
    elif sep == "et":
        if not entre:
            return None
    elif sep in ("à", "a"):
        if de and _CHANGE_VERB_BEFORE.search(low[max(0, lead - 60) : lead]):
            return None
        if a.hour_unit and b.hour_unit and de and a.core.value <= 24 and b.core.value <= 24:
            a.drop = b.drop = True  # "de 9 h à 17 h": opening hours
            return None
    elif sep == "ou":
        if bare_b:
            return None
    low_v = a.value
    if bare_a:
        # "de 3 à 5 millions d'euros": the magnitude and unit of the high end apply to both.
        mag = b.core.mag or _word_magnitude(b.core)
        if mag and a.core.mag is None and _word_magnitude(a.core) is None:
            if abs(a.value) * mag <= abs(b.core.value):
                low_v = a.value * mag
        if not bare_b:
            low_v = _convert_like(low_v, b)
    if not low_v < b.value:
        return None
    start = a.start
    if entre and sep == "et":
        start = lead - (len(before) - entre.start())
    elif de and sep in ("à", "a") and a.qualifier is None:
        start = lead - (len(before) - de.start())
    merged = _Item(a.core, start, b.end, low_v, b.kind, b.unit, b.unit_start, b.unit_end,
                   a.qualifier, b.value, b.period or a.period, False, b.year_unit, b.hour_unit,
                   nstart=a.nstart, nend=b.nend)
    merged.age_ctx = _age_context(text, low, merged)
    return merged


def _word_magnitude(core: _Core) -> float | None:
    m = re.search(r"(million|milliard|billion)s?$", core.text) if core.word else None
    return {"million": 1e6, "milliard": 1e9, "billion": 1e12}[m.group(1)] if m else None


def _convert_like(value: float, b: _Item) -> float:
    """Give a bare low end the unit factor of the high end ("de 2 à 3 ans")."""
    if b.core.value and b.kind in ("duration", "quantity", "money"):
        factor = b.value / b.core.value
        if b.kind == "money" and factor != 1:
            return value  # "1 USD 23 cents" style sub-units do not spread
        return value * factor
    return value


def _keep(text: str, low: str, it: _Item) -> bool:
    core = it.core
    words = core.text.strip()
    if core.word and words in ("un", "une") and core.mag is None and not core.approx:
        if it.kind in ("number", "count"):
            return False  # an article: "un homme", "l'un"
    if core.word and words == "neuf" and it.kind in ("number", "count"):
        plural_noun = it.kind == "count" and (it.unit or "").endswith(("s", "x"))
        before = low[max(0, it.start - 30) : it.start]
        pm = re.search(r"([\w°]+)['’]?\W*$", before)
        if not plural_noun and pm and pm.group(1) not in _NEUF_OK:
            return False  # "un logement neuf"
    before = low[max(0, it.start - 40) : it.start]
    bare = it.kind == "number"
    if core.plain_int and core.mag is None:
        v = core.value
        year_like = 1000 <= v <= 2100 and len(core.text) == 4
        if year_like and bare and (1800 <= v <= 2100 or _DATE_PREP.search(before)
                                   or _DATE_PREP_WEAK.search(before)):
            return False
        if year_like and it.kind == "count" and _DATE_PREP.search(before):
            return False
        if bare and re.search(rf"(?<!\w)ann[ée]es{_WS}+$", before):
            return False  # "les années 80"
    if it.hour_unit and core.value <= 24 and float(core.value).is_integer() and it.high is None:
        window = (max(0, core.start - 40), core.start)
        if _CLOCK_BEFORE.search(low, *window):
            return False  # "à 14 heures", "vers 8 h": a time of day
        abbreviated = not low.startswith("heure", core.end + (text[core.end] != "h"))
        if abbreviated and core.value <= 23 and it.qualifier is None and not _SPAN_BEFORE.search(
            low, *window
        ):
            return False  # "le JT de 20h": written news abbreviates clock times, not durations
    if bare and it.qualifier is None and "signed" not in it.flags:
        if _SECTION_BEFORE.search(before):
            return False
        if _WEEKDAY_BEFORE.search(before) and 1 <= core.value <= 31:
            return False
        nm = _NAME_BEFORE.search(text[max(0, it.start - 30) : it.start])
        if nm and not _is_sentence_start(text, it.start - len(nm.group())):
            return False  # "Ligue 1", "Top 14", "CAC 40"
        if nm and nm.group(1) in ("Top", "Ligue", "Formule", "CAC", "Euro", "Windows"):
            return False
    return True


_NEUF_OK = frozenset({
    "le", "la", "les", "l", "de", "des", "du", "d", "à", "a", "au", "aux", "numéro", "et",
    "ou", "sur", "par", "ses", "leurs", "nos", "vos", "mes", "ces", "son", "sa", "ont", "sont",
    "étaient", "seront", "plus", "moins", "environ", "quasi", "presque", "quelque", "tué",
    "fait", "compte", "comptait", "recense", "dénombre", "blessé", "tués", "blessés",
})


def _is_sentence_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3) : pos].rstrip()
    return not before or before[-1] in ".!?:;«\"\n(—–-"


def _no_overlap(amounts: list[Amount]) -> list[Amount]:
    amounts.sort(key=lambda a: (a.start, -(a.end - a.start)))
    out: list[Amount] = []
    for a in amounts:
        if out and a.start < out[-1].end:
            continue
        out.append(a)
    return out
