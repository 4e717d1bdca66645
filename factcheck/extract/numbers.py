"""French numerals: digits, number words and ordinals, without any NLP model.

This module runs on every sentence of every article, so it is pure Python built on precompiled
regular expressions and dictionary look-ups: the regexes skip the words that cannot start a
number, and only the few candidate words are examined in Python. Nothing here decides whether a
number is a fact worth checking (a year, an article "un", a score): that is the job of
:mod:`factcheck.extract.amounts`, which needs the surrounding words to decide. This module only
answers "which numeral is written here, and what is its value?".

Number words follow the grammar of written French rather than a bag of words, because news text
puts numbers next to each other ("les 3 premiers", "vingt un" in a list) and a lenient parser
would silently add them up. Invalid sequences such as "quarante douze" or "mille un cent" parse to
``None``; a finder splits them into the longest valid numbers instead.
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = [
    "DIGITS_PATTERN",
    "MAGNITUDES",
    "NumberSpan",
    "OrdinalSpan",
    "find_number_words",
    "find_ordinals",
    "magnitude_value",
    "parse_digits",
    "parse_number",
    "parse_ordinal",
]

# ---------------------------------------------------------------------------------------------
# Vocabulary. Keys are lowercase and accent-free so that "zéro"/"zero" and "deuxième"/"deuxieme"
# share one entry: news copy, OCR and wire feeds drop accents often enough to matter.

_UNITS: dict[str, int] = {
    "zero": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
    "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13,
    "quatorze": 14, "quinze": 15, "seize": 16,
}
# "vingts" only exists in "quatre-vingts"; Belgian/Swiss forms are ordinary tens.
_TENS: dict[str, int] = {
    "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
    "septante": 70, "huitante": 80, "octante": 80, "nonante": 90,
}
_HUNDRED = frozenset({"cent", "cents"})
_THOUSAND = frozenset({"mille", "mil"})
# French long scale: "billion" is 10**12, not the English 10**9.
_SCALES: dict[str, float] = {
    "million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9,
    "billion": 1e12, "billions": 1e12, "billiard": 1e15, "billiards": 1e15,
    "trillion": 1e18, "trillions": 1e18,
}
_HALF = frozenset({"demi", "demie"})
_CARDINAL_WORDS = (
    frozenset(_UNITS) | frozenset(_TENS) | {"vingts"} | _HUNDRED | _THOUSAND | frozenset(_SCALES)
)

MAGNITUDES: dict[str, float] = {
    # Words (lowercase) and the abbreviations used in French financial copy. "M" is case-sensitive
    # in callers because a lowercase "m" after a number is a metre.
    "mille": 1e3, "k": 1e3, "K": 1e3,
    "million": 1e6, "millions": 1e6, "M": 1e6, "Mio": 1e6, "mio": 1e6,
    "milliard": 1e9, "milliards": 1e9, "Md": 1e9, "Mds": 1e9, "md": 1e9, "mds": 1e9,
    "Mrd": 1e9, "Mrds": 1e9, "mrd": 1e9, "mrds": 1e9,
    "billion": 1e12, "billions": 1e12,
}

# Ordinal stems: the part before "-ième" mapped to the cardinal word it comes from.
_ORDINAL_STEMS: dict[str, str] = {
    "un": "un", "deux": "deux", "trois": "trois", "quatr": "quatre", "cinqu": "cinq",
    "six": "six", "sept": "sept", "huit": "huit", "neuv": "neuf", "dix": "dix", "onz": "onze",
    "douz": "douze", "treiz": "treize", "quatorz": "quatorze", "quinz": "quinze",
    "seiz": "seize", "vingt": "vingt", "trent": "trente", "quarant": "quarante",
    "cinquant": "cinquante", "soixant": "soixante", "septant": "septante",
    "huitant": "huitante", "octant": "octante", "nonant": "nonante", "cent": "cent",
    "mill": "mille", "million": "million", "milliard": "milliard", "billion": "billion",
}
_FIRST = frozenset({"premier", "premiere", "premiers", "premieres"})
_SECOND = frozenset({"second", "seconde", "seconds", "secondes"})

_ACCENTS = str.maketrans("àâäéèêëîïôöùûüçÀÂÄÉÈÊËÎÏÔÖÙÛÜÇ", "aaaeeeeiioouuucAAAEEEEIIOOUUUC")


def _key(word: str) -> str:
    """Lookup key: lowercase, accent-free (the vocabulary above is stored that way)."""
    return word.lower().translate(_ACCENTS)


class NumberSpan(NamedTuple):
    """A cardinal found in text; a plain 3-tuple so callers can unpack ``start, end, value``."""

    start: int
    end: int
    value: float


class OrdinalSpan(NamedTuple):
    """An ordinal found in text ("1er", "vingt et unième")."""

    start: int
    end: int
    value: int


# ---------------------------------------------------------------------------------------------
# Digits

_SPACE_GROUP = "[ \u00a0\u202f\u2009]"
# Alternatives are ordered from the most to the least specific; each grouped form insists that
# groups are exactly three digits so that "01 23 45" or "2019 300" never fuse into one number.
DIGITS_PATTERN = (
    rf"\d{{1,3}}(?:{_SPACE_GROUP}\d{{3}})+(?!\d)(?:,\d+)?"
    r"|\d{1,3}(?:\.\d{3})+(?![\d])(?:,\d+)?"
    r"|\d{1,3}(?:,\d{3}){2,}(?!\d)(?:\.\d+)?"
    r"|\d+(?:[.,]\d+)?"
)
_DIGITS_FULL = re.compile(rf"(?:{DIGITS_PATTERN})")
_DIGITS_WITH_MAGNITUDE = re.compile(
    rf"({DIGITS_PATTERN})(?:\s*([A-Za-z]+)(\s+et\s+demie?)?)?", re.IGNORECASE
)
_SPACES = re.compile(_SPACE_GROUP)


def parse_digits(text: str) -> float | None:
    """Value of a digit string with French conventions ("18.000", "18 000", "4,9", "6.700,54").

    A dot followed by exactly three digits is a thousands separator (AFP style "18.000");
    any other dot or comma is a decimal mark. English "1,500,000" (two or more comma groups) is
    accepted because wire copy quoting US sources uses it, but a single "1,500" stays 1.5.
    """
    s = text.strip()
    if not s or not _DIGITS_FULL.fullmatch(s):
        return None
    s = _SPACES.sub("", s)
    if s.count(",") >= 2:  # English thousands
        return float(s.replace(",", ""))
    if "," in s:
        int_part, dec = s.split(",")
        return float(int_part.replace(".", "") + "." + dec)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", s):
        return float(s.replace(".", ""))
    return float(s)


def magnitude_value(word: str) -> float | None:
    """Multiplier of a magnitude word or abbreviation ("millions" -> 1e6, "Md" -> 1e9)."""
    if word in MAGNITUDES:
        return MAGNITUDES[word]
    low = word.lower()
    # Full words are case-insensitive ("Millions"); abbreviations are not ("m" is a metre).
    return MAGNITUDES.get(low) if len(low) > 4 else None


# ---------------------------------------------------------------------------------------------
# Number words: grammar


def _below_20(toks: list[str]) -> int | None:
    """1..19 as used after "quatre-vingt" and "soixante" (dix-sept, onze, ...)."""
    if len(toks) == 1:
        v = _UNITS.get(toks[0])
        return v if v is not None and v >= 1 else None
    if len(toks) == 2 and toks[0] == "dix" and toks[1] in ("sept", "huit", "neuf"):
        return 10 + _UNITS[toks[1]]
    return None


def _below_100(toks: list[str]) -> int | None:
    if not toks:
        return None
    if len(toks) == 1:
        t = toks[0]
        if t in _UNITS and t != "zero":
            return _UNITS[t]
        if t in _TENS:
            return _TENS[t]
        return None
    first = toks[0]
    if first == "dix":
        return _below_20(toks)
    if first == "quatre" and toks[1] in ("vingt", "vingts"):
        rest = toks[2:]
        if not rest:
            return 80
        if toks[1] == "vingts":  # "quatre-vingts" takes no complement
            return None
        sub = _below_20(rest)
        return None if sub is None else 80 + sub
    if first not in _TENS:
        return None
    tens = _TENS[first]
    rest = toks[1:]
    if rest[0] == "et":
        # "vingt et un", "soixante et onze", "huitante et un"; never "vingt et deux".
        if rest[1:] in (["un"], ["une"]):
            return tens + 1
        if first == "soixante" and rest[1:] == ["onze"]:
            return 71
        return None
    if first == "soixante":
        sub = _below_20(rest)
        return None if sub is None or sub == 1 else 60 + sub
    if len(rest) == 1 and rest[0] in _UNITS and 2 <= _UNITS[rest[0]] <= 9:
        return tens + _UNITS[rest[0]]
    return None


def _below_1000(toks: list[str]) -> int | None:
    idx = [i for i, t in enumerate(toks) if t in _HUNDRED]
    if not idx:
        return _below_100(toks)
    if len(idx) > 1:
        return None
    k = idx[0]
    mult_toks, rest = toks[:k], toks[k + 1 :]
    if mult_toks:
        mult = _below_100(mult_toks)
        # "deux cents", and the "dix-neuf cent" century form; never "un cent" or "soixante-quinze
        # cent" (those are errors, and in running text two separate numbers).
        if mult is None or not (2 <= mult <= 9 or 11 <= mult <= 19):
            return None
    else:
        mult = 1
        if toks[k] == "cents":
            return None
    value = mult * 100
    if rest:
        sub = _below_100(rest)
        if sub is None:
            return None
        value += sub
    return value


def _integer(toks: list[str]) -> float | None:
    """Value of a sequence of cardinal words, or None if it is not one well-formed number."""
    if not toks:
        return None
    if toks == ["zero"]:
        return 0.0
    if "zero" in toks:
        return None
    scale_word = None
    scale = 0.0
    for t in toks:
        v = _SCALES.get(t) or (1e3 if t in _THOUSAND else 0.0)
        if v > scale:
            scale, scale_word = v, t
    if scale_word is None:
        v1000 = _below_1000(toks)
        return None if v1000 is None else float(v1000)
    k = toks.index(scale_word)
    mult_toks, rest = toks[:k], toks[k + 1 :]
    if scale_word in _THOUSAND:
        if mult_toks in (["un"], ["une"]):
            return None  # "un mille" is not French; "cent un mille" is fine
        mult = _integer(mult_toks) if mult_toks else 1.0
    else:
        if not mult_toks:
            return None  # "des millions" is not a number
        mult = _integer(mult_toks)
    if mult is None or mult < 1 or mult >= scale:
        return None
    value = mult * scale
    if rest:
        sub = _integer(rest)
        if sub is None or sub >= scale:
            return None
        value += sub
    return value


def _words_value(toks: list[str]) -> float | None:
    """Cardinal with the optional "et demi" and "virgule" extensions."""
    if not toks:
        return None
    if len(toks) == 2 and toks[0] in ("un", "une") and toks[1] in _HALF:
        return 0.5
    if "virgule" in toks:
        k = toks.index("virgule")
        whole = _integer(toks[:k])
        dec = toks[k + 1 :]
        zeros = 0
        while dec and dec[0] == "zero":
            zeros += 1
            dec = dec[1:]
        if whole is None or (not dec and not zeros):
            return None
        frac = _integer(dec) if dec else 0.0
        if frac is None or not float(frac).is_integer():
            return None
        return float(f"{int(whole)}.{'0' * zeros}{int(frac) if dec else ''}")
    if len(toks) >= 3 and toks[-2] == "et" and toks[-1] in _HALF:
        base = _integer(toks[:-2])
        if base is None:
            return None
        last = toks[-3]
        unit = _SCALES.get(last) or (1e3 if last in _THOUSAND else 1.0)
        return base + 0.5 * unit
    return _integer(toks)


_TOKEN_SPLIT = re.compile(r"[\s\-\u2011]+")


def _tokens(text: str) -> list[str]:
    return [_key(t) for t in _TOKEN_SPLIT.split(text.strip()) if t]


def parse_number(text: str) -> float | None:
    """Value of a French number written in digits or words, or None if ``text`` is not one.

    Accepts "18.000", "18 000" (also with no-break spaces), "4,9", "-3", "1,5 million",
    "3 Md", "vingt-six", "quatre-vingt-douze", "septante-huit", "un million deux cent mille",
    "deux millions et demi", "un demi", "douze virgule cinq". Leading "zéro"s are ignored like
    leading zeros of a digit string ("zéro huit" -> 8), but a zero anywhere else is an error.
    The whole string must be a number: this is a validator, use the finders for running text.
    """
    s = text.strip()
    if not s:
        return None
    sign = 1.0
    m = re.match(r"(?:[-\u2212]\s*|moins\s+)", s, re.IGNORECASE)
    if m:
        sign, s = -1.0, s[m.end() :]
    m = _DIGITS_WITH_MAGNITUDE.fullmatch(s)
    if m:
        value = parse_digits(m.group(1))
        if value is None:
            return None
        if m.group(2):
            mag = magnitude_value(m.group(2))
            if mag is None:
                return None
            value *= mag
            if m.group(3):
                value += 0.5 * mag
        return sign * value
    toks = _tokens(s)
    while len(toks) > 1 and toks[0] == "zero" and toks[1] != "virgule":
        toks = toks[1:]
    value = _words_value(toks)
    return None if value is None else sign * value


# ---------------------------------------------------------------------------------------------
# Ordinals

_DIGIT_ORDINAL = re.compile(
    r"(?=\d)(?<![\w.,])(\d+)(?:er|ère|ere|re|ème|eme|ième|ieme|è|e|nd|nde|ᵉʳ|ᵉ|ʳᵉ)s?(?![\w])"
)


def _ordinal_word(word: str) -> tuple[str, bool] | None:
    """(cardinal word, is "unième") for an "-ième" word, or None."""
    m = re.fullmatch(r"(\w+?)iemes?", word)
    if not m:
        return None
    stem = m.group(1)
    card = _ORDINAL_STEMS.get(stem)
    return None if card is None else (card, stem == "un")


def _ordinal_value(toks: list[str]) -> int | None:
    if not toks:
        return None
    last = toks[-1]
    if last in _FIRST:
        return 1 if len(toks) == 1 else None
    if last in _SECOND:
        return 2 if len(toks) == 1 else None
    ow = _ordinal_word(last)
    if ow is None:
        return None
    card, is_unieme = ow
    if is_unieme and len(toks) == 1:
        return None  # "unième" only closes a compound: "vingt et unième"
    if len(toks) == 1 and card in _SCALES:
        return int(_SCALES[card])  # "millionième"
    value = _integer([*toks[:-1], card])
    if value is None or value < 1:
        return None
    return int(value)


def parse_ordinal(text: str) -> int | None:
    """Value of a French ordinal ("1er", "2e", "11ème", "premier", "vingt et unième"), else None.

    Not an amount, but the amounts finder must recognise ordinals to refuse them ("99e victoire"),
    and rankings are facts a checker may want to compare.
    """
    s = text.strip()
    m = _DIGIT_ORDINAL.fullmatch(s)
    if m:
        return int(m.group(1))
    return _ordinal_value(_tokens(s))


# ---------------------------------------------------------------------------------------------
# Finders over running text

# A candidate chunk is a word, possibly hyphenated, that starts like a number word (cardinal,
# ordinal stem, or a connector). Only those reach Python, so ordinary words cost one regex step.
_CANDIDATE_STARTS = (
    r"z[ée]ro|une?|deux|trois|quatr|cinq|six|sept|huit|neu[fv]|dix|onz|douz|treiz|quatorz"
    r"|quinz|seiz|vingt|trent|quarant|cinquant|soixant|septant|huitant|octant|nonant|cent|mil"
    r"|billi|trilli|premi|second|et|virgule|demi"
)
_CHUNK = re.compile(
    rf"(?=[zudtqcshnoevpbm])(?<![\w\-])(?:{_CANDIDATE_STARTS})[\w\-]*(?<!-)", re.IGNORECASE
)
_GAP = re.compile(r"[ \t\u00a0\u202f\u2009]+")
_SEQ_GAP = re.compile(r"[ \t\u00a0\u202f\u2009]*(?:[,;][ \t\u00a0\u202f\u2009]*)?")

_NUM, _ET, _VIRG, _DEMI, _ORD = range(5)
_MAX_RUN = 40  # a run longer than any real numeral is cut, keeping the finder linear


def _classify(chunk: str) -> tuple[int, list[str]] | None:
    pieces = [_key(p) for p in chunk.split("-") if p]
    if not pieces:
        return None
    if pieces == ["et"]:
        return _ET, pieces
    if pieces == ["virgule"]:
        return _VIRG, pieces
    if len(pieces) == 1 and pieces[0] in _HALF:
        return _DEMI, pieces
    body, last = pieces[:-1], pieces[-1]
    if all(p in _CARDINAL_WORDS or p == "et" for p in body):
        if last in _CARDINAL_WORDS and pieces[0] != "et":
            return _NUM, pieces
        if (last in _FIRST or last in _SECOND or _ordinal_word(last)) and (
            not body or body[0] != "et"
        ):
            return _ORD, pieces
        if last in _HALF and body and body[-1] == "et":
            return _NUM, pieces  # "deux-et-demi"
    return None


class _Seg(NamedTuple):
    start: int
    end: int
    value: float
    ordinal: bool
    words: tuple[str, ...]


def _runs(text: str) -> list[list[tuple[int, int, int, list[str]]]]:
    """Maximal runs of number-ish chunks separated only by spaces (never punctuation)."""
    runs: list[list[tuple[int, int, int, list[str]]]] = []
    current: list[tuple[int, int, int, list[str]]] = []
    for m in _CHUNK.finditer(text):
        cls = _classify(m.group())
        if cls is None:
            if current:
                runs.append(current)
                current = []
            continue
        kind, pieces = cls
        if current and (
            not _GAP.fullmatch(text, current[-1][1], m.start())
            or current[-1][2] == _ORD
            or len(current) >= _MAX_RUN
        ):
            runs.append(current)
            current = []
        current.append((m.start(), m.end(), kind, pieces))
    if current:
        runs.append(current)
    return runs


def _segments(text: str) -> list[_Seg]:
    """Split each run into the longest valid numbers, left to right."""
    out: list[_Seg] = []
    for run in _runs(text):
        i, n = 0, len(run)
        while i < n:
            if run[i][2] in (_ET, _VIRG, _DEMI):
                i += 1
                continue
            found = None
            for j in range(n, i, -1):
                last_kind = run[j - 1][2]
                if last_kind in (_ET, _VIRG):
                    continue
                toks = [p for c in run[i:j] for p in c[3]]
                if last_kind == _ORD:
                    ov = _ordinal_value(toks)
                    if ov is not None:
                        found = (j, float(ov), True, toks)
                        break
                    continue
                if any(c[2] == _ORD for c in run[i:j]):
                    continue
                v = _words_value(toks)
                if v is not None:
                    found = (j, v, False, toks)
                    break
            if found is None:
                i += 1
                continue
            j, v, is_ord, toks = found
            out.append(_Seg(run[i][0], run[j - 1][1], v, is_ord, tuple(toks)))
            i = j
    return out


# Words after which an isolated "neuf" is still the number nine, not the adjective "new".
_NEUF_OK_BEFORE = frozenset({
    "le", "la", "les", "l", "de", "des", "du", "d", "à", "a", "au", "aux", "numéro", "numero",
    "n°", "no", "et", "ou", "sur", "par", "ses", "leurs", "nos", "vos", "mes", "tes", "ces",
    "son", "sa", "ont", "sont", "étaient", "seront",
})
_PREV_WORD = re.compile(r"([\w°]+)['’]?\W*$")
# "neuf personnes": the adjective "neuf" never precedes a plural noun.
_NEXT_PLURAL = re.compile(r"[ \t\u00a0\u202f]+[^\W\d_A-Z]+[sx]\b")


def _adjacent(text: str, a: _Seg, b: _Seg) -> bool:
    return not a.ordinal and not b.ordinal and bool(_SEQ_GAP.fullmatch(text, a.end, b.start))


def find_number_words(text: str, *, keep_articles: bool = False) -> list[NumberSpan]:
    """Cardinals written in words, as ``(start, end, value)`` with offsets into ``text``.

    Runs of number words are split into the longest well-formed numbers ("vingt un" -> 20, 1;
    "deux-cent-mille quatorze-mille" -> 200000, 14000) and never across punctuation or a
    hyphenated non-number ("deux-roues"). Ordinals ("vingt et unième") are skipped, see
    :func:`find_ordinals`.

    Unless ``keep_articles`` is set, an isolated "un"/"une" is dropped because in prose it is
    almost always an article or a pronoun ("un logement", "l'un"), and so is an isolated "neuf"
    right after a content word ("un logement neuf"). Both are kept inside a sequence of numbers
    ("un, deux, trois"). The amounts finder passes ``keep_articles=True`` and decides from what
    follows ("un million", "une heure").
    """
    out: list[NumberSpan] = []
    cards = [s for s in _segments(text) if not s.ordinal]
    for k, seg in enumerate(cards):
        if not keep_articles and seg.words in (("un",), ("une",), ("neuf",)):
            in_seq = (k > 0 and _adjacent(text, cards[k - 1], seg)) or (
                k + 1 < len(cards) and _adjacent(text, seg, cards[k + 1])
            )
            if not in_seq and _is_article_or_adjective(text, seg):
                continue
        out.append(NumberSpan(seg.start, seg.end, seg.value))
    return out


def _is_article_or_adjective(text: str, seg: _Seg) -> bool:
    if seg.words != ("neuf",):
        return True  # "un", "une"
    if _NEXT_PLURAL.match(text, seg.end):
        return False  # "neuf personnes"
    pm = _PREV_WORD.search(text, max(0, seg.start - 40), seg.start)
    return bool(pm and pm.group(1).lower() not in _NEUF_OK_BEFORE)


def find_ordinals(text: str) -> list[OrdinalSpan]:
    """Ordinals in digits ("1er", "99e", "2nde") or words ("premier", "vingt et unième").

    "premier"/"second" right after a cardinal are not ordinals but part of a noun phrase
    ("les cinq cent premiers") or a unit ("une seconde"), so they are skipped there.
    """
    out: list[OrdinalSpan] = [
        OrdinalSpan(m.start(), m.end(), int(m.group(1))) for m in _DIGIT_ORDINAL.finditer(text)
    ]
    segs = _segments(text)
    for k, seg in enumerate(segs):
        if not seg.ordinal:
            continue
        if len(seg.words) == 1 and (seg.words[0] in _FIRST or seg.words[0] in _SECOND):
            prev = segs[k - 1] if k else None
            if prev and not prev.ordinal and _GAP.fullmatch(text, prev.end, seg.start):
                continue
            pm = _PREV_WORD.search(text, max(0, seg.start - 40), seg.start)
            if seg.words[0] in _SECOND and pm and pm.group(1).lower() in ("une", "un", "quelques"):
                continue
        out.append(OrdinalSpan(seg.start, seg.end, int(seg.value)))
    out.sort()
    return out
