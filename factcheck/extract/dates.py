"""Dates and clock times in French news text, resolved to ISO 8601 at the precision written.

Why this module is shaped the way it is:

* It runs on every sentence of every article, so it is pure Python on precompiled regular
  expressions (no spaCy, no model). Each rule is one regex plus a small handler; the handlers
  only ever look at the few characters around a match.
* A fact-checker compares what sources say. Inventing precision creates false conflicts ("en
  mai" must not become "2023-05-01"), so a mention keeps the precision it was written at: year,
  month, part of a month ("fin mars"), ISO week, day, or clock time. Sources then agree when one
  value is a prefix of the other ("2023-05" and "2023-05-18").
* Relative expressions ("jeudi", "le mois dernier", "en octobre") only mean something against a
  reference date (usually the publication date). Without one they are kept, unresolved, rather
  than guessed: the caller can re-resolve them once a reference is known.
* The tense of the sentence decides which way an ambiguous expression points ("jeudi" in a
  report is the past Thursday, in an announcement the coming one), so the caller passes a
  ``direction`` per sentence; explicit words ("dernier", "prochain") override it.
* "la veille", "le lendemain", "le même jour" and "trois jours plus tard" count from the
  previous dated day of the text (the caller passes the last one of earlier sentences as
  ``anchor``): "Le 12 mai, il a été arrêté. Le lendemain, ..." is 13 May. Without one, "la
  veille" counts from the reference, but counted offsets ("Un mois plus tard", "deux jours
  avant le scrutin") stay unresolved unless a date follows them ("trois jours après le 1er
  mars"): counted from the publication date they would be confidently wrong.
* Recall is traded for precision where French is ambiguous: a month name needs a month context
  ("Mai" is also a first name, "mars" a planet), a bare number is a year only after a
  preposition, and a bare "le 16" is not a date (it is a rugby team, a list item, a district).

Pipeline: (1) every rule proposes candidates; (2) overlapping candidates are settled longest
first; (3) neighbours are merged: "la veille" + "du 13 février", two clock times into a time
range, a day + a clock time ("jeudi à 20h08"), two dates into an interval ("du 10 juin au 1er
juillet"); (4) candidates become :class:`DateMention`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

__all__ = ["DIRECTIONS", "PRECISIONS", "DateMention", "Reference", "find_dates"]

DIRECTIONS = ("past", "future", "nearest", "completed")
PRECISIONS = ("year", "month", "part_of_month", "week", "day", "time", "interval")


@dataclass(frozen=True)
class DateMention:
    """One date or time expression found in a text.

    ``value`` is ISO 8601 at the written precision ("2015", "2023-04", "2023-W20",
    "2023-05-18", "2023-05-18T20:08") or a closed interval of two such values
    ("2023-03-03/2023-03-05"). ``part`` ("early", "mid", "late") qualifies a month ("fin
    mars": value "2023-03", precision "part_of_month"), and also a year ("fin 2022": precision
    "year") or a week ("en début de semaine": precision "week"), because those are the ways
    news hedges a date and dropping the hedge would overstate what the source said. ``tz`` is
    set for clock times whose zone is written: "local", "Europe/Paris", "UTC", or the words as
    written ("heure de New York"); the time in ``value`` is the wall-clock time as written.
    """

    start: int
    end: int
    value: str | None
    precision: str
    resolved: bool
    relative: bool
    part: str | None = None
    tz: str | None = None


@dataclass(frozen=True)
class Reference:
    """When an article was published, as a window: one day, or a whole month or year.

    An article dated "2023-05" was published on one of 31 days. An expression reads the same
    from every one of them ("le mois dernier" is April) or it does not ("jeudi" is any of five
    Thursdays): then it stays unresolved rather than being given one invented day.
    """

    earliest: dt.date
    latest: dt.date

    @classmethod
    def of(cls, date: dt.date | None, precision: str | None) -> Reference | None:
        """The window of a publication date known to the day, the month or the year."""
        if date is None:
            return None
        if precision == "month":
            nxt = (date.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            return cls(date.replace(day=1), nxt - dt.timedelta(days=1))
        if precision == "year":
            return cls(dt.date(date.year, 1, 1), dt.date(date.year, 12, 31))
        return cls(date, date)


# ---------------------------------------------------------------------------------------------
# Internal representation


@dataclass(frozen=True)
class _Raw:
    """Calendar fields as written, kept so an interval can lend its year to the other end."""

    y: int | None = None
    m: int | None = None
    d: int | None = None
    wd: int | None = None
    part: str | None = None
    sense: str | None = None  # overrides the direction: past/future/nearest/last/next


@dataclass
class _Cand:
    start: int
    end: int
    precision: str
    date: dt.date | None = None  # first day of the period; None when unresolved
    part: str | None = None
    hm: tuple[int, int] | None = None
    tz: str | None = None
    relative: bool = False
    pod: str | None = None  # part of day written next to a day ("jeudi soir"): am/pm/night
    raw: _Raw | None = None
    lo: _Cand | None = None
    hi: _Cand | None = None
    timeonly: bool = False  # a clock time whose day came from the reference, not the text
    anchor: tuple[int, str] | None = None  # "la veille" = (-1, "day"): may bind to a next date
    bound: bool = False  # anchor followed by "de/du ..." : relative to that, not to ref
    weekof: bool = False  # "la semaine du": becomes the week of the following date
    story: bool = False  # "trois jours plus tard": counts from the story's previous date only
    rule: int = 0


@dataclass(frozen=True)
class _Ctx:
    text: str
    today: dt.date | None
    now: tuple[int, int] | None
    direction: str  # past, future or nearest: how weekdays and clock times point
    calendar: str = "leaning_past"  # how a yearless month or day is chosen (see _pick)


# ---------------------------------------------------------------------------------------------
# Vocabulary


# Every apostrophe news copy uses: straight, curly (right and left), modifier letter, grave,
# acute and prime ("aujourd‘hui", "aujourdʼhui", "aujourd´hui" are all "aujourd'hui").
_APOSTROPHES = str.maketrans({c: "'" for c in "’‘ʼ`´′"})


def _fold(s: str) -> str:
    """Lower-case, accent-free, straight apostrophes: one table serves "févr.", "FEV", "fév"."""
    s = unicodedata.normalize("NFD", s.lower().translate(_APOSTROPHES))
    return "".join(c for c in s if not unicodedata.combining(c))


_MONTHS = {
    "janvier": 1, "janv": 1, "fevrier": 2, "fevr": 2, "fev": 2, "mars": 3, "avril": 4,
    "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "aout": 8, "septembre": 9,
    "sept": 9, "octobre": 10, "oct": 10, "novembre": 11, "nov": 11, "decembre": 12, "dec": 12,
}
_WEEKDAYS = {
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
    "dimanche": 6, "lun": 0, "mar": 1, "mer": 2, "jeu": 3, "ven": 4, "sam": 5, "dim": 6,
}
_NUMBERS = {
    "zero": 0, "un": 1, "une": 1, "premier": 1, "premiere": 1, "deux": 2, "trois": 3,
    "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11,
    "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20,
    "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
}
_PARTS = {"debut": "early", "mi": "mid", "milieu": "mid", "fin": "late"}
_PAST_MODS = ("dernier", "derniere", "passe", "precedent", "d'avant", "ecoule")
_NEXT_MODS = ("prochain", "suivant", "qui suit", "qui vient", "d'apres", "a venir")


def _num(s: str) -> int | None:
    """Digits or French number words up to 69 ("vingt et un", "dix-sept"): enough for days,
    minutes and counts of days/weeks/months/years; anything else is not a date anyway."""
    f = _fold(s).strip()
    m = re.match(r"\d+", f)
    if m:
        return int(m.group())
    total = 0
    for word in re.split(r"[\s-]+", f):
        if word in ("", "et"):
            continue
        v = _NUMBERS.get(word)
        if v is None:
            return None
        total += v
    return total


def _mod_sense(mod: str | None) -> str | None:
    if not mod:
        return None
    f = _fold(mod)
    if f.startswith(_PAST_MODS):
        return "last"
    if f.startswith(_NEXT_MODS):
        return "next"
    return None


# Regex building blocks. All rules are compiled case-insensitive; (?-i:...) marks the few
# places where case carries meaning (time-zone abbreviations, capitalised place names).
_AP = "['’‘ʼ`´′]"
_MONTH_FULL = (r"(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre"
               r"|novembre|d[ée]cembre)(?!\w)")
_MONTH_ABBR = r"(?:janv|f[ée]vr?|avr|juil|sept|oct|nov|d[ée]c)(?:\.|(?!\w))"
_MONTH_ABBR_DOT = r"(?:janv|f[ée]vr?|avr|juil|sept|oct|nov|d[ée]c)\."
_MONTH_ANY = f"(?:{_MONTH_FULL}|{_MONTH_ABBR})"  # after a day number: "5 juil", "15 fev"
_MONTH_CTX = f"(?:{_MONTH_FULL}|{_MONTH_ABBR_DOT})"  # elsewhere: full name or "sept."
_WD = (r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)(?!\w)"
       r"(?!\s+(?:gras|saint|de\s+P[âa]ques|de\s+Pentec[ôo]te|des\s+Cendres|des\s+Rameaux)\b)")
_WD_ANY = rf"(?:{_WD}|(?-i:(?:lun|mar|mer|jeu|ven|sam|dim)\.))"
_DAYNUM = r"(?:1er|1re|premier|[12]\d|3[01]|0?[1-9])(?:er|ème|eme|e)?(?![\w])"
_DAYWORD = (r"(?:trente[-\s]et[-\s]un|trente|vingt(?:[-\s]et[-\s]un|[-\s](?:deux|trois|quatre"
            r"|cinq|six|sept|huit|neuf))?|dix-(?:sept|huit|neuf)|onze|douze|treize|quatorze"
            r"|quinze|seize|dix|deux|trois|quatre|cinq|six|sept|huit|neuf|premier)(?!\w)")
_UNIT_W = r"(?:une?|deux|trois|quatre|cinq|six|sept|huit|neuf)"
_TEEN_W = r"(?:dix[-\s](?:sept|huit|neuf)|dix|onze|douze|treize|quatorze|quinze|seize)"
_TENS_W = r"(?:vingt|trente|quarante|cinquante|soixante)"
_NUMWORD = (rf"(?:{_TENS_W}(?:[-\s]et[-\s](?:une?|onze)|[-\s]{_TEEN_W}|[-\s]{_UNIT_W})?"
            rf"|{_TEEN_W}|{_UNIT_W}|z[ée]ro)(?!\w)")
_NUM = rf"(?:\d{{1,3}}(?!\d)|{_NUMWORD})"
_YEAR = r"(?<![\d.,/])(?:1\d\d\d|20\d\d|21\d\d)(?![\d]|[.,/]\d)"
_POD = (rf"(?:(?:au|dans\s+la|dans\s+l{_AP}|en|en\s+(?:début|fin|milieu)\s+d(?:e\s+|{_AP})"
        r"|tôt\s+le|tard\s+le|le)\s*)?(?:matinée|matin|après-midi|soirée|soir|nuit|journée)"
        r"(?!\w)")
_PAST_RE = (rf"(?:derni[eè]re?|pass[ée]e?|pr[ée]c[ée]dente?|d{_AP}avant|[ée]coul[ée]e?)")
_NEXT_RE = (rf"(?:prochaine?|suivante?|qui\s+suit|qui\s+vient|d{_AP}apr[eè]s|à\s+venir)")
_MOD = rf"(?:{_PAST_RE}|{_NEXT_RE})(?!\w)"


def _pod_kind(s: str | None) -> str | None:
    if not s:
        return None
    f = _fold(s)
    if "apres-midi" in f or "soir" in f:
        return "pm"
    if "matin" in f:
        return "am"
    if "nuit" in f:
        return "night"
    return None


# ---------------------------------------------------------------------------------------------
# Calendar arithmetic


def _safe(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _month_start(idx: int) -> dt.date:
    y, m = divmod(idx, 12)
    return dt.date(y, m + 1, 1)


def _midx(d: dt.date) -> int:
    return d.year * 12 + d.month - 1


def _monday(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


def _pick(cands: Iterable[int], pivot: int, sense: str) -> int | None:
    """Choose among ordinals the one a reader means: the latest not after the pivot ("past"),
    strictly before ("last"), the earliest not before ("future"), strictly after ("next"), or
    the closest ("nearest", ties going to the past because news mostly reports)."""
    pool = sorted(set(cands))
    if not pool:
        return None
    if sense == "past":
        sel = [c for c in pool if c <= pivot]
        return sel[-1] if sel else None
    if sense == "last":
        sel = [c for c in pool if c < pivot]
        return sel[-1] if sel else None
    if sense == "future":
        sel = [c for c in pool if c >= pivot]
        return sel[0] if sel else None
    if sense == "next":
        sel = [c for c in pool if c > pivot]
        return sel[0] if sel else None
    if sense in _AGAINST_TENSE:
        factor = _AGAINST_TENSE[sense]
        return min(pool, key=lambda c: (abs(c - pivot) * (factor if c > pivot else 1), c > pivot))
    return min(pool, key=lambda c: (abs(c - pivot), c > pivot))


# A named month or day without a year ("le 8 août", "en août") in a sentence that is not in the
# future is still the nearest such day: news announces scheduled events in the present or the
# past tense ("l'ouverture des Jeux, le 8 août"), and an event more than half a year old is
# written with its year. So the tense only leans the choice: a day ahead counts as this many
# times farther than the same distance back. A report ("leaning_past") reads up to about five
# months ahead as the coming one; a verb in a past tense ("completed": "rachetée en octobre")
# pushes harder, to four months: the date may still be the target of a past act ("a été
# invité le 10 décembre" in August, "ont adopté la suppression à partir du 5 janvier").
_AGAINST_TENSE = {"leaning_past": 1.25, "completed": 2.0}


def _calendar_sense(direction: str) -> str:
    """How a yearless month or day is read: a verb in a future or a past tense ("completed")
    is explicit; a report in the present, or no verb, only leans to the past."""
    return "leaning_past" if direction == "past" else direction


def _raw_precision(raw: _Raw) -> str:
    if raw.d is not None:
        return "day"
    if raw.m is not None:
        return "part_of_month" if raw.part else "month"
    return "year"


def _resolve_raw(raw: _Raw, ctx: _Ctx) -> tuple[dt.date | None, bool] | None:
    """Date (first day of the period) and whether the reference was needed; None if the
    written date cannot exist (31 juin), so the candidate is dropped rather than mangled."""
    if raw.y is not None:
        if raw.m is None:
            return dt.date(raw.y, 1, 1), False
        d = _safe(raw.y, raw.m, raw.d or 1)
        return (d, False) if d else None
    if raw.m is not None and raw.d is not None and _safe(2000, raw.m, raw.d) is None:
        return None
    today = ctx.today
    if today is None:
        return None, True
    sense = raw.sense or ctx.calendar
    if raw.d is None and raw.m is not None:
        idx = _pick((_midx(dt.date(today.year + k, raw.m, 1)) for k in (-1, 0, 1)),
                    _midx(today), sense)
        return (_month_start(idx) if idx is not None else None), True
    if raw.m is None and raw.d is not None:
        span = range(-14, 15) if raw.wd is not None else range(-2, 3)
        days: list[int] = []
        for k in span:
            first = _month_start(_midx(today) + k)
            d = _safe(first.year, first.month, raw.d)
            if d and (raw.wd is None or d.weekday() == raw.wd):
                days.append(d.toordinal())
        o = _pick(days, today.toordinal(), sense) or _pick(days, today.toordinal(), "nearest")
        return (dt.date.fromordinal(o) if o else None), True
    assert raw.m is not None and raw.d is not None
    dates = [d for y in range(today.year - 8, today.year + 9) if (d := _safe(y, raw.m, raw.d))]
    if raw.wd is not None:
        matching = [d for d in dates if abs(d.year - today.year) <= 1 and d.weekday() == raw.wd]
        if matching:  # a weekday that contradicts every nearby year is a typo: ignore it
            dates = matching
    ords = [d.toordinal() for d in dates if abs(d.year - today.year) <= 1]
    # The weekday is stronger evidence than the tense: "dimanche 7 décembre" in a past-tense
    # sentence written in June is still the coming Sunday 7 December.
    o = _pick(ords, today.toordinal(), sense) or _pick(ords, today.toordinal(), "nearest")
    return (dt.date.fromordinal(o) if o else None), True


def _cal(ctx: _Ctx, start: int, end: int, raw: _Raw, pod: str | None = None) -> _Cand | None:
    res = _resolve_raw(raw, ctx)
    if res is None:
        return None
    date, rel = res
    return _Cand(start, end, _raw_precision(raw), date, raw.part, relative=rel, raw=raw,
                 pod=pod)


def _rel(ctx: _Ctx, start: int, end: int, precision: str,
         compute: Callable[[dt.date], dt.date], **kw: object) -> _Cand:
    """A candidate that only exists relative to the reference date."""
    date = compute(ctx.today) if ctx.today is not None else None
    return _Cand(start, end, precision, date, relative=True, **kw)  # type: ignore[arg-type]


def _window(unit: str, part: str) -> tuple[int, int]:
    """Which stretch of a week/month/year "début/mi/fin" covers, only to decide whether the
    current period's part is already over (then "au début du mois" means the next month)."""
    if unit == "week":
        return {"early": (0, 1), "mid": (2, 3), "late": (3, 6)}[part]
    if unit == "month":
        return {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}[part]
    return {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[part]


def _shift_unit(base: dt.date, unit: str, n: int) -> dt.date:
    if unit == "week":
        return base + dt.timedelta(weeks=n)
    if unit == "month":
        return _month_start(_midx(base) + n)
    return dt.date(base.year + n, 1, 1)


def _unit_start(today: dt.date, unit: str) -> dt.date:
    if unit == "week":
        return _monday(today)
    if unit == "month":
        return today.replace(day=1)
    return dt.date(today.year, 1, 1)


def _unit_precision(unit: str, part: str | None) -> str:
    if unit == "month":
        return "part_of_month" if part else "month"
    return unit


def _resolve_unit(today: dt.date, unit: str, shift: int | None, part: str | None,
                  sense: str) -> dt.date:
    """Start of "this/last/next week, month, year", possibly narrowed to a part."""
    base = _unit_start(today, unit)
    if shift is not None:
        return _shift_unit(base, unit, shift)
    if part is None:
        return base
    lo, hi = _window(unit, part)
    pos = {"week": today.weekday(), "month": today.day, "year": today.month}[unit]
    if sense in ("future", "next") and pos > hi:
        return _shift_unit(base, unit, 1)
    if sense in ("past", "last") and pos < lo:
        return _shift_unit(base, unit, -1)
    return base


def _add_months(d: dt.date, n: int) -> dt.date:
    first = _month_start(_midx(d) + n)
    for day in (d.day, 30, 29, 28):
        if (r := _safe(first.year, first.month, day)) is not None:
            return r
    return first


def _unit_of(word: str) -> str:
    f = _fold(word)
    if f.startswith("jour"):
        return "day"
    if f.startswith("semaine"):
        return "week"
    if f.startswith("mois"):
        return "month"
    return "year"


def _offset(today: dt.date, n: int, unit: str) -> dt.date:
    if unit == "day":
        return today + dt.timedelta(days=n)
    if unit == "week":
        return today + dt.timedelta(weeks=n)
    if unit == "month":
        return _add_months(today, n)
    return _safe(today.year + n, today.month, today.day) or dt.date(today.year + n, 3, 1)


def _expand_yy(yy: int, ctx: _Ctx) -> int:
    """Two-digit years point at most ten years past the reference ("74" is 1974 in 2013);
    without a reference, 00-49 are read as 20xx."""
    limit = ctx.today.year + 10 if ctx.today else 2049
    y = (limit // 100) * 100 + yy
    return y - 100 if y > limit else y


# ---------------------------------------------------------------------------------------------
# Context guards


def _before(ctx: _Ctx, pos: int, n: int = 30) -> str:
    return ctx.text[max(0, pos - n):pos]


def _sentence_start(before: str) -> bool:
    return not before.strip() or re.search(r"[.!?:;«\"“(—–-]\s*$", before) is not None


_HABITUAL = re.compile(r"(?:\b(?:chaque|tous\s+les|toutes\s+les|les|le)\s+)$", re.I)
_NOUN_AFTER = re.compile(
    rf"\s*(?:du|des|de|d{_AP}|le|la|les|l{_AP}|son|sa|ses|leur|leurs|cette|ce|cet|notre)\b",
    re.I)
_UNIT_AFTER = re.compile(
    r"\s*(?:%|‰|€|\$|£|(?:euros?|dollars?|francs?|livres?|km|m|cm|mm|kg|g|t|mètres?|metres?"
    r"|kilom[eè]tres?|kilos?|tonnes?|litres?|personnes?|habitants?|salari[ée]s?|emplois?"
    r"|postes?|morts?|victimes?|bless[ée]s?|voix|points?|fois|ans|mois|jours?|heures?"
    r"|minutes?|exemplaires?|logements?|hectares?|places?|[ée]l[èe]ves?|m[èe]tres?|millions?"
    r"|milliards?|mille|foyers?|personnes|[ée]tudiants?|patients?|cas|dossiers?|entreprises?"
    r"|soldats?|policiers?|gendarmes?|manifestants?|participants?|spectateurs?|visiteurs?"
    r"|agents?|membres?|salles?|communes?|villes?|pays|sites?|lits?|doses?|tests?)\b)",
    re.I)
_DURATION_BEFORE = re.compile(
    rf"(?:\b(?:en|pendant|durant|les|des|sur|toutes\s+les|plus\s+d(?:e|{_AP})|moins\s+d(?:e|{_AP})"
    rf"|près\s+d(?:e|{_AP})|quelque|quelques|il\s+y\s+a|dans|depuis\s+plus\s+d(?:e|{_AP})"
    rf"|au\s+bout\s+d(?:e|{_AP})|(?:pendant|durant)\s+(?:environ|près\s+d{_AP}|plus\s+d{_AP}))"
    r"\s*)$", re.I)
# "le JT de 20H00", "présenter le 20h": the newscast, named after its time
_SHOW_BEFORE = re.compile(
    r"(?:\b(?:le|du|au|son|ce|dernier|premier|JT|journal|journaux|[ée]dition|t[ée]l[ée]vis[ée]"
    r"|flash|bulletin)\s+(?:de\s+)?)$", re.I)
_DURATION_AFTER = re.compile(
    rf"\s+(?:d{_AP}|(?:de|plus\s+tard|plus\s+tôt|après|avant|auparavant)(?!\w))", re.I)
_TIME_TRIGGER = re.compile(
    rf"(?:\b(?:à|a|vers|dès|avant|après|jusqu{_AP}(?:à|aux?)|entre|aux\s+alentours\s+de"
    r"|autour\s+de|environ|peu\s+avant|peu\s+après|à\s+partir\s+de|de|et)\s*)$", re.I)


# ---------------------------------------------------------------------------------------------
# Rules. Each is a regex and a handler returning a candidate (or None to decline the match).

_Handler = Callable[[re.Match[str], _Ctx], "_Cand | None"]
_RULES: list[tuple[str, re.Pattern[str], _Handler]] = []
# What a sentence must contain for a rule to have a chance. Most rules open with optional
# prepositions, which the regex engine retries at every position; a plain search for the one
# word every match needs skips most sentences at a fraction of the cost.
_NEEDS = {  # searched in the lower-cased text: case-sensitive searches are much faster
    "digit": re.compile(r"\d"),
    "year": re.compile(r"\d\d\d\d"),
    "month": re.compile(r"\b(?:janv|f[ée]vr?|mars|avr|mai|juin|juil|ao[uû]t|sept|oct|nov|d[ée]c)"
                        r"(?:ier|il|let|embre|obre|\.|\b)"),
    "weekday": re.compile(r"(?:lun|mar|mercre|jeu|vendre|same)di|dimanche"
                          r"|(?:lun|mar|mer|jeu|ven|sam|dim)\."),
    "clock": re.compile(r"\d|midi|minuit|heure|minute"),
    "unit": re.compile(r"jour|semaine|mois|\ban|ann[ée]e"),
    "window": re.compile(r"derni|prochain|pass[ée]|suivant|[ée]coul|pr[ée]c[ée]d|venir"),
    "part": re.compile(r"d[ée]but|milieu|fin|\bmi\b"),
    "relday": re.compile(r"hier|demain|aujourd|veille|lendemain|jour|\bcet?\b|\bcette\b"
                         r"|d[ée]sormais"),
    "period": re.compile(r"semaine|mois|\ban|ann[ée]e|week"),
}


def _rule(pattern: str, need: str) -> Callable[[_Handler], _Handler]:
    def deco(fn: _Handler) -> _Handler:
        _RULES.append((need, re.compile(pattern, re.IGNORECASE), fn))
        return fn
    return deco


@_rule(r"(?<![\w/.-])(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
       r"(?:[T\s](?P<H>[01]\d|2[0-3]):(?P<M>[0-5]\d))?(?![\d-])", need="digit")
def _iso(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    c = _cal(ctx, m.start(), m.end(), _Raw(int(m["y"]), int(m["m"]), int(m["d"])))
    if c is not None and m["H"]:
        c.precision, c.hm = "time", (int(m["H"]), int(m["M"]))
    return c


@_rule(r"(?:\ble\s+)?(?<![\w/.,-])(?P<d>[0-3]?\d)(?P<sep>[/.-])(?P<m>[01]?\d)(?P=sep)"
       r"(?P<y>\d{4}|\d{2})(?!\d|[/.,-]\d)", need="digit")
def _numeric(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    if m["sep"] == "-" and len(m["y"]) != 4:
        return None  # "12-10-14" is as likely a score line or a reference number
    y = int(m["y"]) if len(m["y"]) == 4 else _expand_yy(int(m["y"]), ctx)
    return _cal(ctx, m.start(), m.end(), _Raw(y, int(m["m"]), int(m["d"])))


@_rule(r"(?:\b(?P<art>le|du|au)\s+)?(?<![\w/.,-])(?P<d>[0-3]?\d)/(?P<m>[01]?\d)"
       r"(?![\d/]|[.,]\d)", need="digit")
def _day_slash_month(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    # "1/3 des salariés" is a fraction; accept "le 2/3", "17/02" and days no fraction has.
    if not (m["art"] or len(m["m"]) == 2 or int(m["d"]) >= 13):
        return None
    start = m.start() if m["art"] and _fold(m["art"]) == "le" else m.start("d")
    return _cal(ctx, start, m.end(), _Raw(None, int(m["m"]), int(m["d"])))


@_rule(rf"(?:\b(?P<art>le|ce)\s+)?(?:(?P<wd>{_WD_ANY})\s*,?\s+)?(?P<d>{_DAYNUM})\s*"
       rf"(?P<mon>{_MONTH_ANY})(?:\s+(?P<y>{_YEAR})|\s*{_AP}(?P<yq>\d\d)(?!\d)"
       rf"|\s+(?P<yy>\d\d)(?=\s*(?:$|[.,;:!?)])))?(?:\s+(?P<mod>{_MOD}))?", need="month")
def _text_date(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    y = int(m["y"]) if m["y"] else None
    if m["yq"] or m["yy"]:
        y = _expand_yy(int(m["yq"] or m["yy"]), ctx)
    wd = _WEEKDAYS[_fold(m["wd"]).rstrip(".")] if m["wd"] else None
    end = m.end()
    sense = _mod_sense(m["mod"])
    if m["mod"] and (y is not None or sense is None):
        end = m.end("y") if m["y"] else m.end("mon")
        sense = None
    raw = _Raw(y, _MONTHS[_fold(m["mon"]).rstrip(".")], _num(m["d"]), wd, sense=sense)
    start = m.start("wd") if m["art"] and _fold(m["art"]) == "ce" and m["wd"] else m.start()
    return _cal(ctx, start, end, raw)


@_rule(rf"(?:\b(?P<art>le|ce)\s+)?\b(?P<wd>{_WD_ANY})\s+(?P<d>{_DAYNUM}|{_DAYWORD})"
       r"(?=\s*(?:$|[,.;:!?)]|(?:à|vers|au|dès|et|jusqu)\b))", need="weekday")
def _weekday_day(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """"mercredi 13", "samedi 16 à 18h": the weekday pins the month; without it a bare
    "le 16" is not taken (rugby's "le 15 de France", list items, Paris districts)."""
    d = _num(m["d"])
    if d is None or not 1 <= d <= 31:
        return None
    return _cal(ctx, m.start(), m.end(), _Raw(None, None, d, _WEEKDAYS[_fold(m["wd"]).rstrip(".")]))


@_rule(rf"\ble\s+(?P<d>{_DAYNUM})(?=\s+(?:à|vers|plutôt\s+vers|dès|aux\s+alentours\s+de"
       rf"|autour\s+de|à\s+partir\s+de|jusqu{_AP}à)\s+(?:\d{{1,2}}\s*[h:]|\d{{1,2}}\s+heures"
       rf"|midi|minuit|{_NUMWORD}\s+heures))", need="digit")
def _day_before_time(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """"le 16 à 18h": a clock time right after makes a bare day number a date."""
    return _cal(ctx, m.start(), m.end(), _Raw(None, None, _num(m["d"])))


_REL_PREP = (rf"(?:dès|depuis|jusqu{_AP}(?:en|à|au)|à\s+partir\s+d(?:e|{_AP})|avant|après|pour"
             rf"|vers|d{_AP}ici(?:\s+(?:à|a))?|à\s+l{_AP}horizon(?:\s+de)?|horizon"
             rf"|(?:au|en)\s+(?:printemps|été|automne|hiver)|printemps|été|automne|hiver)")
_MONTH_OF = rf"mois\s+d(?:e\s+|{_AP})"


@_rule(rf"(?:\b(?P<pre>{_REL_PREP})\s+)?(?:\b(?P<inc>en|au\s+{_MONTH_OF}|le\s+{_MONTH_OF}"
       rf"|du\s+{_MONTH_OF}|ce\s+{_MONTH_OF}|{_MONTH_OF}|à\s+la|la|au|courant|dans\s+le\s+courant"
       rf"\s+du\s+{_MONTH_OF})\s*)?(?:\b(?P<part>début|debut|milieu|fin|mi)(?:\s*-\s*|\s+)"
       rf"(?:du\s+{_MONTH_OF})?)?(?P<mon>{_MONTH_CTX})(?:\s+(?P<y>{_YEAR})"
       rf"|\s*{_AP}(?P<yq>\d\d)(?!\d)|\s+(?P<yy>\d\d)(?=\s*(?:$|[.,;:!?)»\"]))"
       rf"|(?<=mai)\s+(?P<y68>68)(?!\d))?(?:\s+(?P<mod>{_MOD}))?", need="month")
def _month(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """A month name only counts with a month context around it ("en mai", "fin mars", "mai
    2023", "décembre dernier"): alone, "Mai" is a first name and "Mars" a planet."""
    inc = _fold(m["inc"] or "")
    if inc in ("a la", "la", "au") and not m["part"]:
        return None
    yy = m["yq"] or m["yy"] or m["y68"]
    if not (m["pre"] or m["inc"] or m["part"] or m["y"] or m["mod"] or yy) \
            and not _bare_month(m, ctx):
        return None
    pre = _fold(m["pre"] or "")
    sense = _mod_sense(m["mod"]) if not m["y"] else None
    end = m.end() if sense or not m["mod"] else (m.end("y") if m["y"] else m.end("mon"))
    if sense is None:
        sense = "future" if pre.startswith("d'ici") else "past" if pre == "depuis" else None
    part = _PARTS[_fold(m["part"])] if m["part"] else None
    if inc.startswith("courant") or "courant" in inc:
        part = None
    start = m.start()
    if m["pre"] and not pre.startswith("d'ici"):
        start = m.start("inc") if m["inc"] else m.start("part") if m["part"] else m.start("mon")
    y = int(m["y"]) if m["y"] else _expand_yy(int(yy), ctx) if yy else None
    raw = _Raw(y, _MONTHS[_fold(m["mon"]).rstrip(".")], part=part, sense=sense)
    return _cal(ctx, start, end, raw)


def _bare_month(m: re.Match[str], ctx: _Ctx) -> bool:
    """A month name alone ("avril aussi", "En attendant septembre") is the month when written
    in lower case. Capitalised it stays ambiguous even at a sentence start ("Mars est une
    planète", "Mai Lan"); an abbreviation never counts ("sept." is also the number), nor a
    name after a day number that made no date ("le 31 juin")."""
    word = m["mon"]
    if word.endswith(".") or m.start("mon") != m.start() or not word[0].islower():
        return False
    if re.search(r"\d\s*$", _before(ctx, m.start(), 4)):
        return False
    return re.match(r"\s*-", ctx.text[m.end():]) is None  # "mars-avril" is a range


@_rule(rf"\b(?P<pre>en|depuis|dès|fin|début|mi|courant|avant|après|l{_AP}été|l{_AP}hiver"
       rf"|printemps|automne)(?:\s+|-)(?P<yy>\d\d)"
       rf"(?=\s*(?:$|[,.;:!?)»]|(?:et|ou|puis|à|a|jusqu{_AP}en)\s|[-–]))", need="digit")
def _two_digit_year(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """"en 97", "depuis 98", "fin 99": a two-digit year after a preposition of time, at the
    end of a phrase ("en 97 et en 98", "depuis 97,"; not "en 12 parts", "depuis 20 ans"), and
    in the three decades before the reference or the decade after."""
    if _UNIT_AFTER.match(ctx.text, m.end()):
        return None
    y = _expand_yy(int(m["yy"]), ctx)
    if ctx.today is not None and not ctx.today.year - 30 <= y <= ctx.today.year + 10:
        return None
    pre = _fold(m["pre"])
    part = _PARTS.get(pre)
    start = m.start() if pre in ("en", "fin", "debut", "mi", "courant") else m.start("yy")
    return _Cand(start, m.end(), "year", dt.date(y, 1, 1), part)


@_rule(r"\bdésormais\b", need="relday")
def _from_now_on(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """"désormais" (from now on) starts at the reference day: TimeML's PRESENT_REF."""
    return _rel(ctx, m.start(), m.end(), "day", lambda t: t)


_SUBDAY = rf"(?P<n>{_NUM})\s+(?P<u>heures?|minutes?)(?!\w)"


@_rule(rf"\b(?P<dir>il\s+y\s+a|dans|voilà)\s+{_SUBDAY}", need="clock")
def _subday_offset(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """"dans une heure", "il y a vingt minutes": with the reference's clock, a clock time;
    with only its day, that day (a news report is dated to the day, and an offset of hours
    does not say which side of midnight it falls)."""
    n = _num(m["n"])
    if n is None or n >= 24 * 60:
        return None
    minutes = n * 60 if _fold(m["u"]).startswith("heure") else n
    sign = -1 if not _fold(m["dir"]).startswith("dans") else 1
    if ctx.today is None:
        return _Cand(m.start(), m.end(), "day", relative=True)
    if ctx.now is None:
        if minutes > 12 * 60:
            return None  # "dans 18 heures" may be tomorrow: no day can be given honestly
        return _Cand(m.start(), m.end(), "day", ctx.today, relative=True)
    at = dt.datetime.combine(ctx.today, dt.time(*ctx.now)) + dt.timedelta(minutes=sign * minutes)
    return _Cand(m.start(), m.end(), "time", at.date(), hm=(at.hour, at.minute), relative=True)


# "prévues pour 2010 et 2011": the second year of a pair is a year like the first one.
_LISTED_YEAR = re.compile(rf"{_YEAR}\s*(?:,|et|ou)\s*$")


@_rule(rf"(?:\b(?P<pre>{_REL_PREP}|de|entre|vers)\s+)?(?:\b(?P<inc>en\s+l{_AP}an|en|l{_AP}an"
       rf"|l{_AP}année|année|courant|au\s+cours\s+de\s+l{_AP}année|(?:à\s+)?la\s+rentrée)\s+)?"
       rf"(?:\b(?P<part>début|debut|milieu|fin|mi)(?:\s*-\s*|\s+))?(?P<y>{_YEAR})", need="year")
def _year(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """A bare number is a year only after a preposition ("en 2015", "depuis 2019", "fin
    2022"), and not when a unit follows ("en 2022 euros" is an amount)."""
    if not (m["pre"] or m["inc"] or m["part"] or _LISTED_YEAR.search(
            ctx.text, max(0, m.start() - 16), m.start())):
        return None
    if _UNIT_AFTER.match(ctx.text, m.end()):
        return None
    weak = m["pre"] and not (m["inc"] or m["part"]) and _fold(m["pre"]) in ("de", "entre", "vers")
    if weak and re.match(r"\s*(?:à|a|et|-)\s*\d", ctx.text[m.end():]):
        return None  # weak prepositions: "de 1500 à 2000" is more often a range of numbers
    start = m.start("y")
    if m["inc"]:
        start = m.start("inc")
    elif m["part"]:
        start = m.start("part")
    if m["pre"] and _fold(m["pre"]).startswith("d'ici"):
        start = m.start()
    part = _PARTS[_fold(m["part"])] if m["part"] else None
    return _cal(ctx, start, m.end(), _Raw(int(m["y"]), part=part))


@_rule(rf"(?:\b(?P<pre>de|entre|du|depuis|en|période|saison|exercice|mandat|années)\s+)?"
       rf"(?P<y1>{_YEAR})\s*(?P<conn>à|a|au|et|jusqu{_AP}en|jusqu{_AP}à|-|–|/)\s*(?P<y2>{_YEAR})",
       need="year")
def _year_range(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    pre, conn = _fold(m["pre"] or ""), _fold(m["conn"])
    y1, y2 = int(m["y1"]), int(m["y2"])
    if y2 <= y1 or _UNIT_AFTER.match(ctx.text, m.end()):
        return None
    if (pre == "entre") != (conn == "et"):
        return None
    if conn in ("a", "au") or conn.startswith("jusqu"):
        bracketed = re.search(r"\(\s*$", _before(ctx, m.start("y1"), 3)) is not None
        if pre not in ("de", "du", "depuis") and not bracketed:
            return None  # "(1999 à 2005)" is a span; "1999 à 2005" alone may be numbers
    elif conn == "/" and not pre:
        return None
    start = m.start() if pre in ("de", "du", "entre", "en") else m.start("y1")
    lo = _Cand(m.start("y1"), m.end("y1"), "year", dt.date(y1, 1, 1))
    hi = _Cand(m.start("y2"), m.end("y2"), "year", dt.date(y2, 1, 1))
    return _Cand(start, m.end(), "interval", lo=lo, hi=hi)


@_rule(rf"\b(?P<pre>de|d{_AP}|entre|du\s+{_MONTH_OF})\s*(?P<m1>{_MONTH_FULL})"
       rf"(?:\s+(?P<y1>{_YEAR}))?\s+(?P<conn>à|a|au|et|jusqu{_AP}à|jusqu{_AP}en)\s+"
       rf"(?:{_MONTH_OF})?(?P<m2>{_MONTH_FULL})(?:\s+(?P<y2>{_YEAR}))?", need="month")
def _month_range(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """"de janvier à mars": two month names joined by a range are context enough."""
    if (_fold(m["pre"]) == "entre") != (_fold(m["conn"]) == "et"):
        return None
    lo = _cal(ctx, m.start("m1"), m.end("y1") if m["y1"] else m.end("m1"),
              _Raw(int(m["y1"]) if m["y1"] else None, _MONTHS[_fold(m["m1"])]))
    hi = _cal(ctx, m.start("m2"), m.end(), _Raw(int(m["y2"]) if m["y2"] else None,
                                                 _MONTHS[_fold(m["m2"])]))
    if lo is None or hi is None:
        return None
    return _interval(ctx, lo, hi, m.start(), m.end())


@_rule(rf"(?:\b(?P<pre>du|entre\s+le|entre|les|depuis\s+le)\s+)?(?:(?P<wd1>{_WD_ANY})\s+)?"
       rf"(?P<d1>{_DAYNUM}|{_DAYWORD})\s*(?P<conn>au|à|a|-|–|jusqu{_AP}au|et\s+le|et)\s*"
       rf"(?:(?P<wd2>{_WD_ANY})\s+)?(?P<d2>{_DAYNUM}|{_DAYWORD})\s+(?P<mon>{_MONTH_ANY})"
       rf"(?:\s+(?P<y>{_YEAR}))?", need="month")
def _day_range(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """"du 3 au 5 mars", "13-15 juillet", "entre le 13 et le 15 juillet", "les 3 et 4 mars"."""
    pre, conn = _fold(m["pre"] or ""), _fold(m["conn"])
    if conn.startswith("et") != (pre.startswith("entre") or pre == "les"):
        return None
    if pre == "les" and not conn.startswith("et"):
        return None
    if not pre and not re.match(r"\d", m["d1"]):
        return None  # "sept au 9 mai"? a word number needs "du"/"entre" to be a day
    d1, d2 = _num(m["d1"]), _num(m["d2"])
    if d1 is None or d2 is None or not (1 <= d1 < d2 <= 31):
        return None
    y = int(m["y"]) if m["y"] else None
    mon = _MONTHS[_fold(m["mon"]).rstrip(".")]
    hi = _cal(ctx, m.start("d2"), m.end(), _Raw(y, mon, d2))
    if hi is None:
        return None
    lo_raw = _Raw(hi.date.year if hi.date else None, mon, d1)
    lo = _cal(ctx, m.start("d1"), m.end("d1"), lo_raw)
    if lo is None:
        return None
    lo.relative = hi.relative
    return _Cand(m.start(), m.end(), "interval", lo=lo, hi=hi, relative=hi.relative)


@_rule(rf"(?:\b(?P<ce>ce|cet)\s+)?\b(?P<wd>{_WD}|(?-i:(?:lun|mar|jeu|ven|sam|dim)\.)(?=\s*$))"
       rf"(?:\s+(?P<mod>(?:de\s+)?la\s+semaine\s+(?:{_PAST_RE}|{_NEXT_RE}|qui\s+vient)"
       rf"|(?:de\s+)?cette\s+semaine|en\s+(?:huit|8|quinze|15)(?!\w)|{_MOD}))?"
       rf"(?P<pod>\s+{_POD})?", need="weekday")
def _weekday(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """Weekdays resolve inside a week of the reference date: "jeudi" in a report published on
    a Friday is the day before. A future "mardi" written on a Tuesday means next week (one
    would write "ce mardi" or "aujourd'hui"), a past one means today."""
    mod = _fold(m["mod"] or "")
    explicit = bool(mod and _mod_sense(mod) and "semaine" not in mod)
    before = _before(ctx, m.start(), 15)
    if not m["ce"] and not explicit and _HABITUAL.search(before):
        return None  # "chaque lundi", "tous les lundis", anaphoric "le lundi"
    if re.search(r"\bdu\s+$", before, re.I) and not re.match(r"\s+au\b", ctx.text[m.end():]):
        return None  # "le Journal du dimanche", "le travail du dimanche" (but "du lundi au")
    title = re.match(r"\s*(?:\+|plus\b|(?-i:[A-ZÉ]))", ctx.text[m.end("wd"):])
    if m["wd"][0].isupper() and not m["ce"] and not _sentence_start(before) and title:
        return None  # mid-sentence "Dimanche Ouest-France", "Dimanche +": a title
    wd = _WEEKDAYS[_fold(m["wd"]).rstrip(".")]
    pod = _pod_kind(m["pod"])

    def compute(today: dt.date) -> dt.date:
        monday = _monday(today)
        ahead = (wd - today.weekday()) % 7
        behind = (today.weekday() - wd) % 7
        if "semaine" in mod:
            if "cette" in mod:
                return monday + dt.timedelta(days=wd)
            week = -7 if _mod_sense(mod.split("semaine", 1)[1].strip()) == "last" else 7
            return monday + dt.timedelta(days=week + wd)
        if mod.startswith("en "):
            return today + dt.timedelta(days=ahead + (7 if mod[3:] in ("huit", "8") else 14))
        if mod.startswith(("suivant", "d'apres")):
            return monday + dt.timedelta(days=7 + wd)
        sense = _mod_sense(mod)
        if sense == "last":
            return today - dt.timedelta(days=behind or 7)
        if sense == "next":
            return today + dt.timedelta(days=ahead or 7)
        direction = ctx.direction
        if direction == "past":
            return today - dt.timedelta(days=behind)
        if direction == "future":
            return today + dt.timedelta(days=ahead if m["ce"] else (ahead or 7))
        return today + dt.timedelta(days=(wd - today.weekday() + 3) % 7 - 3)

    return _rel(ctx, m.start(), m.end(), "day", compute, pod=pod)


_REL_DAYS = {
    "aujourd'hui": 0, "ce jour": 0, "le jour meme": 0, "dans la journee": 0, "ce matin": 0,
    "ce midi": 0, "ce soir": 0, "cet apres-midi": 0, "cette nuit": 0, "cette matinee": 0,
    "cette soiree": 0, "hier": -1, "avant-hier": -2, "avant hier": -2, "demain": 1,
    "apres-demain": 2, "apres demain": 2, "la veille": -1, "l'avant-veille": -2,
    "le lendemain": 1, "le surlendemain": 2, "le jour d'avant": -1, "le jour precedent": -1,
    "le jour d'apres": 1, "le jour suivant": 1, "jour suivant": 1, "le meme jour": 0,
    "ce meme jour": 0,
}
_ANCHORABLE = ("la veille", "l'avant-veille", "le lendemain", "le surlendemain")


@_rule(rf"\b(?P<w>aujourd{_AP}\s?hui|aujourd\s+hui|avant-hier|avant\s+hier|après-demain|apr[eè]s\s+demain"
       rf"|hier|demain|la\s+veille|l{_AP}avant-veille|le\s+lendemain|le\s+surlendemain"
       rf"|ce\s+jour(?!\s*-)|le\s+jour\s+même|(?:le|ce)\s+même\s+jour|le\s+jour\s+(?:d{_AP}avant|précédent|d{_AP}après"
       rf"|suivant)|jour\s+suivant|dans\s+la\s+journée|ce\s+matin|ce\s+midi|ce\s+soir"
       rf"|cet\s+après-midi|cette\s+nuit|cette\s+matinée|cette\s+soirée)(?!\w)"
       rf"(?P<pod>\s+{_POD})?", need="relday")
def _relative_day(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    w = re.sub(r"^aujourd'?\s*hui$", "aujourd'hui", re.sub(r"\s+", " ", _fold(m["w"])))
    before = _fold(_before(ctx, m.start(), 4))
    if w in ("demain", "aujourd'hui") and re.search(r"\bd(?:e |')$", before):
        return None  # "l'école de demain", "la France d'aujourd'hui" are not dates
    n = _REL_DAYS[w]
    pod = _pod_kind(m["pod"]) or _pod_kind(w)
    c = _rel(ctx, m.start(), m.end(), "day", lambda t: t + dt.timedelta(days=n), pod=pod)
    if w in _ANCHORABLE or w.startswith("le jour ") or w.endswith("meme jour"):
        c.anchor = (n, "day")
        c.bound = bool(_NOUN_AFTER.match(ctx.text, m.end()))
    return c


@_rule(rf"\b(?:(?P<wk>(?:la|cette)\s+semaine)|(?P<dls>dans\s+la\s+semaine)"
       rf"|(?P<mo>le\s+mois|ce\s+mois(?:-ci)?)|(?P<yr>l{_AP}an|l{_AP}ann[ée]e|cette\s+ann[ée]e)"
       rf"|(?P<we>(?:ce|le)\s+week-?\s?end))(?!-là|\w)(?:\s+(?P<mod>{_MOD}|en\s+cours))?",
       need="period")
def _relative_period(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    mod = _fold(m["mod"] or "")
    sense = _mod_sense(mod)
    this = bool(re.match(r"(?:cette|ce|dans)\b", _fold(m.group(0))))
    if not this and sense is None and mod != "en cours":
        return None  # "la semaine de 35 heures", "l'an 2000" (handled as a year)
    if not mod and re.search(r"\b(?:Semaine|Mois|Ann[ée]e)\b", m.group(0)):
        return None  # "cette Semaine olympique": an event's name
    shift = {"last": -1, "next": 1}.get(sense or "", 0)
    if m["we"]:
        return _weekend(ctx, m.start(), m.end(), sense)
    unit = "week" if (m["wk"] or m["dls"]) else "month" if m["mo"] else "year"
    return _rel(ctx, m.start(), m.end(), unit,
                lambda t: _shift_unit(_unit_start(t, unit), unit, shift))


def _weekend(ctx: _Ctx, start: int, end: int, sense: str | None) -> _Cand:
    """A weekend is its Saturday and Sunday: news rarely means Friday evening by it."""
    def saturday(t: dt.date) -> dt.date:
        wd = t.weekday()
        current = t - dt.timedelta(days=wd - 5) if wd >= 5 else None
        if sense == "last":
            return (current or t + dt.timedelta(days=5 - wd)) - dt.timedelta(days=7)
        if sense == "next":
            return (current or t + dt.timedelta(days=5 - wd)) + dt.timedelta(days=7 if current
                                                                             else 0)
        if current:
            return current
        coming, passed = t + dt.timedelta(days=5 - wd), t - dt.timedelta(days=wd + 2)
        if ctx.direction == "past":
            return passed
        if ctx.direction == "future":
            return coming
        return coming if wd >= 3 else passed

    lo = _rel(ctx, start, end, "day", saturday)
    hi = _rel(ctx, start, end, "day", lambda t: saturday(t) + dt.timedelta(days=1))
    return _Cand(start, end, "interval", lo=lo, hi=hi, relative=True)


@_rule(rf"(?:\b(?P<pre>en|au|à\s+la|à|la|dès\s+la|dès\s+le|d{_AP}ici(?:\s+à)?(?:\s+la)?"
       rf"|jusqu{_AP}à\s+la|jusqu{_AP}au|pour\s+la|vers\s+la)\s+)?\b(?P<part>début|debut|milieu"
       rf"|fin|mi)(?:\s*-\s*|\s+)(?P<of>de\s+la|du|de\s+l{_AP}|de\s+cette|de\s+ce|de|d{_AP})\s*"
       rf"(?P<unit>semaine|mois|ann[ée]e|an)(?!\w)(?:\s+(?P<mod>{_MOD}|en\s+cours)"
       rf"|\s+(?P<y>{_YEAR}))?", need="part")
def _part_of_period(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """"en fin de mois", "d'ici la fin de l'année", "au début de la semaine prochaine"."""
    unit = _unit_of(m["unit"].replace("an", "année") if _fold(m["unit"]) == "an" else m["unit"])
    part = _PARTS[_fold(m["part"])]
    pre = _fold(m["pre"] or "")
    start = m.start() if m["pre"] and not pre.startswith(("des", "jusqu", "pour", "vers")) \
        else m.start("part")
    if m["y"]:
        if unit != "year":
            return None
        return _Cand(start, m.end(), "year", dt.date(int(m["y"]), 1, 1), part)
    sense = _mod_sense(m["mod"])
    shift = {"last": -1, "next": 1}.get(sense or "")
    dir_sense = "future" if pre.startswith(("d'ici", "jusqu")) else ctx.direction
    c = _rel(ctx, start, m.end(), _unit_precision(unit, part),
             lambda t: _resolve_unit(t, unit, shift, part, dir_sense))
    c.part = part
    return c


@_rule(rf"\b(?P<dir>il\s+y\s+a|voilà|voici|dans|d{_AP}ici(?:\s+à)?)\s+(?P<n>{_NUM})\s+"
       rf"(?P<u>jours?|semaines?|mois|ans?|ann[ée]es?)(?!\w)(?P<jpj>\s+jour\s+pour\s+jour)?",
       need="unit")
def _offset_from_ref(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """"il y a trois jours", "dans deux semaines". Months and years keep month and year
    precision: "il y a deux ans" is not a claim about a day."""
    n = _num(m["n"])
    if n is None:
        return None
    sign = -1 if _fold(m["dir"]).startswith(("il y a", "voila", "voici")) else 1
    unit = _unit_of(m["u"])
    prec = "day" if unit in ("day", "week") or m["jpj"] else unit
    return _rel(ctx, m.start(), m.end(), prec, lambda t: _offset(t, sign * n, unit))


@_rule(rf"\b(?P<n>{_NUM})\s+(?P<u>jours?|semaines?|mois|ans|ann[ée]es?)\s+"
       rf"(?P<dir>plus\s+tard|plus\s+tôt|après|avant|auparavant)(?!\w)", need="unit")
def _offset_anchor(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """"trois jours après le 13 février" counts from the date that follows. Without one ("Un
    mois plus tard", "deux jours avant le scrutin") it counts from the event the story just
    told, not from the publication date, so it stays unresolved rather than guessed: a wrong
    value would make two agreeing sources look contradictory."""
    n = _num(m["n"])
    if n is None or re.search(r"\bà\s+$", _before(ctx, m.start(), 4)):
        return None  # "à 37 ans après avoir arrêté" is an age
    sign = 1 if _fold(m["dir"]) in ("plus tard", "apres") else -1
    unit = _unit_of(m["u"])
    prec = "day" if unit in ("day", "week") else unit
    c = _rel(ctx, m.start(), m.end(), prec, lambda t: _offset(t, sign * n, unit))
    c.anchor = (sign * n, unit)
    c.bound = True
    after = ctx.text[m.end():m.end() + 3]
    c.story = _fold(m["dir"]) in ("plus tard", "plus tot", "auparavant") or \
        re.match(r"\s*(?:[,.;:!?)»]|$)", after) is not None
    return c


@_rule(rf"(?:\b(?:les|ces|des|aux|sur\s+les)\s+)?\b(?P<n>{_NUM})\s+(?:(?P<adj>derni[eè]re?s?"
       rf"|prochaine?s?)\s+(?P<u>jours?|semaines?|mois|ans|ann[ée]es?)(?!\w)"
       rf"|(?P<u2>jours?|semaines?|mois|ans|ann[ée]es?)\s+(?P<adj2>pass[ée]e?s?|suivante?s?"
       rf"|[ée]coul[ée]e?s?|pr[ée]c[ée]dente?s?|à\s+venir)(?!\w))", need="window")
def _window_rule(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """"les 3 derniers mois": the N whole units before (or after) the current one."""
    n = _num(m["n"])
    if n is None or n < 1:
        return None
    adj = _fold(m["adj"] or m["adj2"])
    if re.match(rf"\s+(?:de|du|des|d{_AP})(?!\w)", ctx.text[m.end():]):
        return None  # "les trois derniers mois de l'année": last months *of* something
    if adj.startswith("pass") and re.match(r"\s+(?:à|a|en|au|aux|dans|sous|chez)\b",
                                           ctx.text[m.end():]):
        return None  # "deux ans passés à l'étranger" is a duration
    unit = _unit_of(m["u"] or m["u2"])
    past = adj.startswith(("dern", "pass", "ecoul", "prec"))
    a, b = (-n, -1) if past else (1, n)

    def end(k: int) -> Callable[[dt.date], dt.date]:
        if unit == "day":
            return lambda t: t + dt.timedelta(days=k)
        return lambda t: _shift_unit(_unit_start(t, unit), unit, k)

    prec = "day" if unit == "day" else unit
    lo = _rel(ctx, m.start(), m.end(), prec, end(a))
    hi = _rel(ctx, m.start(), m.end(), prec, end(b))
    return _Cand(m.start(), m.end(), "interval", lo=lo, hi=hi, relative=True)


@_rule(r"\b(?:la\s+)?semaine\s+du(?=\s)", need="period")
def _week_of(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    return _Cand(m.start(), m.end(), "week", weekof=True)


# --- clock times


def _clock(k: str) -> str:
    n = rf"(?:\d{{1,2}}|{_NUMWORD})"
    return (
        rf"(?:(?P<h{k}>[01]?\d|2[0-3])\s?[hH](?:\s?(?P<m{k}>[0-5]\d))?(?!\w)"
        rf"|(?P<hc{k}>[01]?\d|2[0-3]):(?P<mc{k}>[0-5]\d)(?![\d:])"
        rf"|(?P<hw{k}>\d{{1,2}}|{_NUMWORD})\s+heures?"
        rf"(?:\s+(?!trois\s+quarts)(?P<mw{k}>[0-5]?\d|{_NUMWORD})"
        rf"(?:\s+minutes?)?(?!\w))?"
        rf"|(?P<nm{k}>midi|minuit)(?!\w))"
        rf"(?P<x{k}>\s+(?:et\s+quart|et\s+demie?|moins\s+le\s+quart|moins\s+{n}|trois\s+quarts"
        rf"|et\s+{n}\s+minutes?|pass[ée]e?s?\s+de\s+{n}\s+minutes?"
        rf"|{n}(?=\s*$|\s*[,.;)]|\s+(?:du|de|ce|cet)\b))(?!\w))?"
    )


_TZ = (
    r"(?:(?-i:(?:GMT|UTC|TU)\s?[+\-−]\s?\d{1,2}(?::?\d\d)?)"
    r"|(?-i:GMT|UTC|TU|CET|CEST|HEC|HAEC)(?!\w)"
    r"|heures?\s+locales?|locales?(?!\w)"
    rf"|heure\s+(?:fran[çc]aise|de\s+Paris|de\s+France|m[ée]tropolitaine|d{_AP}[ée]t[ée]"
    r"\s+(?:fran[çc]aise|de\s+Paris))(?!\w)"
    rf"|heure\s+(?:de\s+la\s+|de\s+|d{_AP}|du\s+)?(?-i:[A-ZÉ])[\w'’-]*"
    r"(?:\s(?-i:[A-ZÉ])[\w'’-]*)*)"
)
_PLACE = r"(?:à\s+(?-i:[A-ZÉ])[\w'’-]+(?:\s(?-i:[A-ZÉ])[\w'’-]+)*|en\s+France)"
_TSUF = (rf"\s+(?:du\s+matin|du\s+mat|du\s+soir|de\s+l{_AP}apr[eè]s-midi|de\s+la\s+nuit"
         rf"|cet\s+apr[eè]s-midi|ce\s+soir|ce\s+matin|dans\s+la\s+soirée|dans\s+la\s+matinée"
         rf"|dans\s+l{_AP}apr[eè]s-midi)(?!\w)")


def _tz_name(s: str | None) -> str | None:
    if not s:
        return None
    f = _fold(s).strip()
    if "local" in f:
        return "local"
    if re.fullmatch(r"(?:gmt|utc|tu)", f):
        return "UTC"
    if (f in ("cet", "cest", "hec", "haec", "en france", "a paris")
            or re.search(r"francaise|de paris|de france|metropolitaine", f)):
        return "Europe/Paris"
    return re.sub(r"\s+", " ", s.strip())


def _clock_value(m: re.Match[str], k: str) -> tuple[int, int, str] | None:
    """(hour, minute, form) from the groups of :func:`_clock`; None for "25h" and the like."""
    if m[f"h{k}"]:
        h, mi, form = int(m[f"h{k}"]), int(m[f"m{k}"] or 0), "compact"
    elif m[f"hc{k}"]:
        h, mi, form = int(m[f"hc{k}"]), int(m[f"mc{k}"]), "compact"
    elif m[f"hw{k}"]:
        hv, mv = _num(m[f"hw{k}"]), _num(m[f"mw{k}"]) if m[f"mw{k}"] else 0
        if hv is None or mv is None:
            return None
        h, mi, form = hv, mv, "words" if not m[f"mw{k}"] else "words+min"
    else:
        h, mi, form = (12 if _fold(m[f"nm{k}"]) == "midi" else 0), 0, "named"
    x = _fold(m[f"x{k}"] or "").strip()
    if x:
        form = "words+min" if form == "words" else form
        n = _num(x.split()[-2] if x.endswith(("minute", "minutes")) else x.split()[-1])
        if x == "et quart":
            mi = 15
        elif x.startswith("et demi"):
            mi = 30
        elif x == "trois quarts":
            mi = 45
        elif x == "moins le quart":
            h, mi = h - 1, 45
        elif x.startswith("moins") and n is not None:
            h, mi = h - 1, 60 - n
        elif n is not None and mi == 0:
            mi = n
    if h < 0:
        h += 24
    if not (0 <= h <= 23 and 0 <= mi <= 59):
        return None
    return h, mi, form


@_rule(rf"(?<![\w.,:/])(?:{_clock('1')})(?P<suf>{_TSUF})?"
       rf"(?:\s*\(\s*(?P<tza>{_TZ})\s*\)|\s+(?P<tzb>{_TZ}))?"
       rf"(?P<gl>\s*\(\s*(?:(?P<tzc>{_TZ})\s*[,;]\s*)?(?:soit\s+)?{_clock('2')}"
       rf"\s*(?P<tzd>{_TZ}|{_PLACE})?\s*\)"
       rf"|\s*,?\s+soit\s+{_clock('3')}\s*(?P<tze>{_TZ}|{_PLACE}))?", need="clock")
def _time(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """Clock times. "20h08 (14h08 heure française)" is one mention: the value is the first
    time, and the first is local time when only the gloss names a zone."""
    cv = _clock_value(m, "1")
    if cv is None:
        return None
    h, mi, form = cv
    before = _before(ctx, m.start())
    if _DURATION_BEFORE.search(before):
        return None  # "en 48h", "pendant 3 heures", "il y a 2 heures": durations/offsets
    if form != "named" and _SHOW_BEFORE.search(before):
        return None
    after = ctx.text[m.end():m.end() + 12]
    if form == "compact" and after.startswith("/"):
        return None  # "24h/24", "7h/7"
    tz = _tz_name(m["tza"] or m["tzb"] or m["tzc"])
    glossed = bool(m["gl"])
    if glossed and tz is None:
        tz = "local" if (m["tzd"] or m["tze"]) else None
    if form == "named":
        word = m["nm1"]
        if word[0].isupper() and m.start() > 0 and not re.search(r"[.!?]\s*$", before):
            return None  # "le Midi", "Midi libre"
        if re.search(r"(?:\b(?:le|du|au|dans\s+le)\s+|apr[eè]s[-\s]?)$", before, re.I):
            return None
        if after.startswith("-"):
            return None
    trig = _TIME_TRIGGER.search(before)
    strong = trig is not None and _fold(trig.group(0)).strip() in ("a", "vers")
    if not m["suf"] and not tz and not strong and _DURATION_AFTER.match(ctx.text, m.end()):
        return None  # "après 12 heures de négociations", "deux heures plus tard"
    if form == "words" and not (m["suf"] or tz):
        if not trig:
            return None
        t = _fold(trig.group(0)).strip()
        if t == "de" and not re.match(rf"\s*(?:à|a|jusqu{_AP}à)\s", ctx.text[m.end():]):
            return None
        if t == "et" and "entre" not in _fold(before):
            return None
    suf = _fold(m["suf"] or "")
    pod = _pod_kind(suf)
    if pod == "pm" and 1 <= h < 12:
        h += 12
    c = _Cand(m.start(), m.end(), "time", hm=(h, mi), tz=tz, relative=True)
    if suf.strip().startswith(("ce ", "cet ")):
        c.date = ctx.today
    else:
        c.timeonly = True
        c.date = _time_day((h, mi), ctx)
    return c


def _time_day(hm: tuple[int, int], ctx: _Ctx) -> dt.date | None:
    """The day of a clock time written without one: the reference day, or the day before or
    after when the reference's own clock says the time is not yet / already past."""
    if ctx.today is None:
        return None
    if ctx.now is not None:
        if ctx.direction == "past" and hm > ctx.now:
            return ctx.today - dt.timedelta(days=1)
        if ctx.direction == "future" and hm < ctx.now:
            return ctx.today + dt.timedelta(days=1)
    return ctx.today


# ---------------------------------------------------------------------------------------------
# Settling and merging candidates


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Longest first, then leftmost, then rule order: the richer reading of a span wins."""
    taken: list[_Cand] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.start, c.rule)):
        if all(c.end <= t.start or c.start >= t.end for t in taken):
            taken.append(c)
    return sorted(taken, key=lambda c: c.start)


def _fold_pairs(cands: list[_Cand], join: Callable[[_Cand, _Cand], _Cand | None]) -> list[_Cand]:
    out: list[_Cand] = []
    for c in cands:
        if out and (merged := join(out[-1], c)) is not None:
            out[-1] = merged
        else:
            out.append(c)
    return out


def _is_day(c: _Cand) -> bool:
    return c.precision == "day" and not c.timeonly and not c.weekof and not c.bound


def _is_timeish(c: _Cand) -> bool:
    if c.precision == "interval":
        return c.lo is not None and c.lo.precision == "time" and c.timeonly
    return c.precision == "time" and c.timeonly


_ANCHOR_GAP = re.compile(rf"\s*(?:du|de\s+la|de\s+l{_AP}|de|d{_AP})?\s*", re.I)
_DT_GAP = re.compile(
    rf"\s*,?\s*(?:(?:à|a|vers|dès|environ|plutôt|aux\s+alentours\s+de|autour\s+de|peu\s+avant"
    rf"|peu\s+après|avant|après|à\s+partir\s+de|jusqu{_AP}à)\s+)*", re.I)
_TD_GAP = re.compile(r"\s*,?\s*", re.I)
_CONN = re.compile(rf"\s*(au|à|a|et|jusqu{_AP}au|jusqu{_AP}à|jusqu{_AP}en|-|–|—)\s*", re.I)
_PREFIX = re.compile(rf"\b(du|de|d{_AP}|entre|depuis)\s*$", re.I)


def _bind_anchor(ctx: _Ctx) -> Callable[[_Cand, _Cand], _Cand | None]:
    """"la veille du 13 février", "trois jours après le 1er mars", "la semaine du 7 octobre"."""
    def join(a: _Cand, b: _Cand) -> _Cand | None:
        if not (a.anchor or a.weekof) or not _is_day(b):
            return None
        if not _ANCHOR_GAP.fullmatch(ctx.text, a.end, b.start):
            return None
        if b.date is None:
            return _Cand(a.start, b.end, "week" if a.weekof else a.precision, relative=True)
        if a.weekof:
            return _Cand(a.start, b.end, "week", _monday(b.date), relative=b.relative)
        assert a.anchor is not None
        n, unit = a.anchor
        prec = "day" if unit in ("day", "week") else unit
        return _Cand(a.start, b.end, prec, _offset(b.date, n, unit), relative=b.relative)
    return join


def _time_range(ctx: _Ctx) -> Callable[[_Cand, _Cand], _Cand | None]:
    """"de 9h30 à 11h", "entre 9h30 et 11h", "11h30-1h30" (the second is 13h30)."""
    def join(a: _Cand, b: _Cand) -> _Cand | None:
        if not (a.precision == "time" and b.precision == "time" and a.timeonly and b.timeonly):
            return None
        span = _pair_span(ctx, a, b)
        if span is None:
            return None
        assert a.hm is not None and b.hm is not None
        hi_hm, extra = b.hm, 0
        if hi_hm < a.hm:
            if hi_hm[0] < 12 and a.hm[0] < 12 and (hi_hm[0] + 12, hi_hm[1]) > a.hm:
                hi_hm = (hi_hm[0] + 12, hi_hm[1])
            else:
                extra = 1
        lo = replace(a)
        hi = replace(b, hm=hi_hm, date=a.date + dt.timedelta(days=extra) if a.date else None)
        return _Cand(span[0], span[1], "interval", lo=lo, hi=hi, tz=a.tz or b.tz,
                     relative=True, timeonly=True)
    return join


def _pair_span(ctx: _Ctx, a: _Cand, b: _Cand) -> tuple[int, int] | None:
    """Span of "A <connector> B" when the connector and its opening word agree: "entre" goes
    with "et", "du/de/depuis" with "au/à/jusqu'à", and nothing or a dash alone."""
    cm = _CONN.fullmatch(ctx.text, a.end, b.start)
    if cm is None:
        return None
    conn = _fold(cm.group(1))
    pm = _PREFIX.search(ctx.text, max(0, a.start - 10), a.start)
    pre = _fold(pm.group(1)) if pm else ""
    if pre == "entre":
        ok = conn == "et"
    elif pre:
        ok = conn in ("au", "a", "-", "–", "—") or conn.startswith("jusqu")
    else:
        ok = conn in ("-", "–", "—", "au", "jusqu'au")
    if not ok:
        return None
    return (pm.start(1) if pm else a.start), b.end


def _set_day(c: _Cand, day: dt.date | None, pod: str | None) -> _Cand:
    """Give a clock time (or a range of them) the day written next to it."""
    if c.precision == "interval":
        assert c.lo is not None and c.hi is not None
        shift = (c.hi.date - c.lo.date) if c.hi.date and c.lo.date else dt.timedelta(0)
        lo = _set_day(c.lo, day, pod)
        hi = _set_day(c.hi, day + shift if day else None, pod)
        return replace(c, lo=lo, hi=hi, timeonly=False)
    assert c.hm is not None
    h, mi = c.hm
    if pod == "pm" and 1 <= h < 12:
        h += 12
    elif pod == "pm" and h == 0 and day is not None:
        day += dt.timedelta(days=1)  # "samedi soir à 0 h 10" is past midnight, not 12:10
    return replace(c, date=day, hm=(h, mi), timeonly=False)


def _date_time(ctx: _Ctx) -> Callable[[_Cand, _Cand], _Cand | None]:
    """"jeudi à 20h08", "le 2 mars vers 5h", "13h30 samedi 21 septembre"."""
    def join(a: _Cand, b: _Cand) -> _Cand | None:
        if _is_day(a) and _is_timeish(b) and _DT_GAP.fullmatch(ctx.text, a.end, b.start):
            day, t = a, b
        elif _is_timeish(a) and _is_day(b) and _TD_GAP.fullmatch(ctx.text, a.end, b.start):
            day, t = b, a
        else:
            return None
        merged = _set_day(t, day.date, day.pod)
        return replace(merged, start=a.start, end=b.end, relative=day.relative)
    return join


def _date_range(ctx: _Ctx) -> Callable[[_Cand, _Cand], _Cand | None]:
    """"du 10 juin au 1er juillet", "entre mi-septembre et début octobre"."""
    def join(a: _Cand, b: _Cand) -> _Cand | None:
        for c in (a, b):
            if c.precision in ("interval", "time") or c.anchor or c.weekof or c.timeonly:
                return None
        span = _pair_span(ctx, a, b)
        if span is None:
            return None
        return _interval(ctx, a, b, *span)
    return join


def _interval(ctx: _Ctx, a: _Cand, b: _Cand, start: int, end: int) -> _Cand:
    """An interval whose ends share what only one of them states: "du 10 juin au 1er juillet
    2023" puts 10 juin in 2023 too, and a month-less second end follows the first."""
    if a.raw and a.raw.y is None and a.raw.m and b.date and b.raw and b.raw.y is not None:
        for y in (b.date.year, b.date.year - 1):
            res = _resolve_raw(replace(a.raw, y=y), ctx)
            if res and res[0] and res[0] <= b.date:
                a = replace(a, date=res[0], relative=b.relative)
                break
    elif b.raw and b.raw.y is None and b.raw.m and a.date:
        for y in (a.date.year, a.date.year + 1):
            res = _resolve_raw(replace(b.raw, y=y), ctx)
            if res and res[0] and res[0] >= a.date:
                b = replace(b, date=res[0], relative=True)
                break
    elif (a.date and b.date and b.date < a.date and a.raw is None and b.raw is None
          and a.precision == b.precision == "day"):  # "de jeudi à lundi"
        b = replace(b, date=b.date + dt.timedelta(days=7))
    return _Cand(start, end, "interval", lo=a, hi=b, relative=a.relative or b.relative)


# ---------------------------------------------------------------------------------------------
# Output


def _fmt(c: _Cand) -> str | None:
    if c.precision == "interval":
        if c.lo is None or c.hi is None:
            return None
        lo, hi = _fmt(c.lo), _fmt(c.hi)
        return f"{lo}/{hi}" if lo and hi else None
    d = c.date
    if d is None:
        return None
    if c.precision == "year":
        return f"{d.year:04d}"
    if c.precision in ("month", "part_of_month"):
        return f"{d.year:04d}-{d.month:02d}"
    if c.precision == "week":
        y, w, _ = d.isocalendar()
        return f"{y:04d}-W{w:02d}"
    if c.precision == "time" and c.hm is not None:
        return f"{d.isoformat()}T{c.hm[0]:02d}:{c.hm[1]:02d}"
    return d.isoformat()


def _mention(c: _Cand) -> DateMention:
    value = None if c.bound else _fmt(c)
    tz = c.tz if c.precision != "interval" or c.tz else (c.lo.tz if c.lo else None)
    return DateMention(c.start, c.end, value, c.precision, value is not None, c.relative,
                       c.part, tz)


def find_dates(text: str, ref: dt.date | dt.datetime | Reference | None, *,
               direction: str = "past",
               anchor: tuple[dt.date, str] | None = None) -> list[DateMention]:
    """All date and time expressions in ``text``, in order, resolved against ``ref``.

    ``direction`` ("past", "future", "nearest", "completed") is how the governing verb's tense
    points expressions that do not say which way they go ("jeudi", "en octobre", "le 5 mars").
    "past" is a report (present of reporting, or no verb): a weekday is the past one, but a
    yearless day or month is the nearest one, leaning to the past ("l'ouverture des Jeux, le 8
    août" written in March is this August). "completed" is a verb in a past tense ("rachetée en
    octobre"): both point to the past. With ``ref`` None only
    expressions that carry their own year resolve; the rest come back with ``value=None``.
    A timezone-aware ``ref`` is read as its own wall-clock time. A :class:`Reference` window
    resolves an expression only when it reads the same from its first and its last day.
    """
    if isinstance(ref, Reference):
        if ref.earliest == ref.latest:
            return find_dates(text, ref.earliest, direction=direction, anchor=anchor)
        first = find_dates(text, ref.earliest, direction=direction, anchor=anchor)
        last = {(m.start, m.end): m.value for m in find_dates(text, ref.latest,
                                                                direction=direction,
                                                                anchor=anchor)}
        return [m if last.get((m.start, m.end)) == m.value
                else replace(m, value=None, resolved=False) for m in first]
    if direction not in DIRECTIONS:
        raise ValueError(f"direction must be one of {', '.join(DIRECTIONS)}, not {direction!r}")
    low = text.lower()
    present = {need: pattern.search(low) is not None for need, pattern in _NEEDS.items()}
    if not any(present.values()):
        return []
    way = "past" if direction == "completed" else direction
    if isinstance(ref, dt.datetime):
        ctx = _Ctx(text, ref.date(), (ref.hour, ref.minute), way, _calendar_sense(direction))
    else:
        ctx = _Ctx(text, ref, None, way, _calendar_sense(direction))
    cands: list[_Cand] = []
    for i, (need, pattern, handler) in enumerate(_RULES):
        if not present[need]:
            continue
        for m in pattern.finditer(text):
            if m.end() == m.start():
                continue
            c = handler(m, ctx)
            if c is not None:
                c.rule = i
                cands.append(c)
    cands = _select(cands)
    cands = _fold_pairs(cands, _bind_anchor(ctx))
    cands = [c for c in cands if not c.weekof]
    cands = _fold_pairs(cands, _time_range(ctx))
    cands = _fold_pairs(cands, _date_time(ctx))
    cands = _fold_pairs(cands, _date_range(ctx))
    return [_mention(c) for c in _anchor_on_story(cands, anchor)]


def _anchor_on_story(cands: list[_Cand], anchor: tuple[dt.date, str] | None) -> list[_Cand]:
    """Count "la veille", "le lendemain", "le même jour", "un mois plus tard" from the previous
    date of the text ("Le 12 mai, il a été arrêté. Le lendemain, ..." is 13 May; "En avril
    ... Un mois plus tard" is May), and give a clock time written alone the day named before it
    in the sentence ("jeudi soir sur TF1 à 20h"). ``anchor`` is the last date (and its
    precision) of the sentences before this one. An offset in days needs a day to count from,
    one in months a month or a day; without one, "la veille" stays relative to the reference
    and counted offsets unresolved.
    """
    prev, here = anchor, None
    out = []
    for c in cands:
        if c.anchor and (not c.bound or c.story) and prev is not None:
            n, unit = c.anchor
            base, prec = prev
            if prec in ("day", "time") or (unit in ("month", "year") and prec != "year") \
                    or unit == "year":
                out_prec = "day" if unit in ("day", "week") else unit
                c = replace(c, date=_offset(base, n, unit), precision=out_prec, bound=False,
                            relative=True)
        elif c.timeonly and here is not None and c.precision in ("time", "interval"):
            c = replace(_set_day(c, here, None), start=c.start, end=c.end)
        if c.date is not None and not c.bound and not c.timeonly and c.precision in _ANCHORS:
            prev = (c.date, c.precision)
            if c.precision in ("day", "time"):
                here = c.date
        out.append(c)
    return out


_ANCHORS = ("day", "time", "month", "part_of_month", "year")


_WEEKDAY_N = {"lundi": 1, "mardi": 2, "mercredi": 3, "jeudi": 4, "vendredi": 5, "samedi": 6,
              "dimanche": 7}
_MONTH_N = {"janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
            "juillet": 7, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
            "decembre": 12}
_W_PARTS = {"matin": "matin", "matinee": "matin", "midi": "midi", "apres-midi": "apres-midi",
            "soir": "soir", "soiree": "soir", "nuit": "nuit"}
_W_DAY = re.compile(r"\b(1er|\d{1,2})\s+(" + "|".join(_MONTH_N) + r")\b")
_W_MONTH = re.compile(r"\b(" + "|".join(_MONTH_N) + r")\b")
_W_WEEKDAY = re.compile(r"\b(" + "|".join(_WEEKDAY_N) + r")\b")
_W_PART = re.compile(r"\b(" + "|".join(re.escape(p) for p in _W_PARTS) + r")\b")
_W_CLOCK = re.compile(r"\b(\d{1,2})\s?h\s?(\d{2})?\b")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}
_CENTURY = re.compile(r"(?<![\w-])(?:(?:au|du|le)\s+)?([IVXL]{1,6})(?:e|ème|eme|è)\s+si[eè]cles?\b")


def written_form(text: str) -> str | None:
    """A date as written, comparable without knowing when the article was published.

    Undated articles still say "mardi soir" or "le 3 mars": two such readings can be compared
    as written ("W2Tsoir" against "W1Tsoir", "--03-03" against "--03-04"). The forms are prefix
    ordered like ISO values, so "mardi" is compatible with "mardi soir" and "mars" with "le 3
    mars". Centuries ("XIIe siècle") read as "C12." (the dot ends the number: "C1." is not a
    prefix of "C12.").
    """
    f = _fold(text)
    century = _CENTURY.search(text)
    if century:
        return f"C{_roman(century.group(1).upper())}."
    # The part of the day as the article says it; a clock time in brackets after it is a
    # conversion ("mardi midi (05h00 GMT)"), not a second time.
    part = _W_PART.search(f)
    clock = _W_CLOCK.search(f)
    time = ""
    if part:
        time = "T" + _W_PARTS[part.group(1)]
    elif clock and int(clock.group(1)) < 24:
        time = f"T{int(clock.group(1)):02d}:{int(clock.group(2) or 0):02d}"
    day = _W_DAY.search(f)
    if day:
        n = 1 if day.group(1) == "1er" else int(day.group(1))
        return f"--{_MONTH_N[day.group(2)]:02d}-{n:02d}{time}"
    weekday = _W_WEEKDAY.search(f)
    if weekday:
        return f"W{_WEEKDAY_N[weekday.group(1)]}{time}"
    month = _W_MONTH.search(f)
    if month and not re.search(r"\d{4}", f):
        return f"--{_MONTH_N[month.group(1)]:02d}"
    return time or None


def _roman(s: str) -> int:
    total = 0
    for a, b in zip(s, s[1:] + " ", strict=True):
        v = _ROMAN[a]
        total += -v if b != " " and _ROMAN.get(b, 0) > v else v
    return total


def find_centuries(text: str, taken: list[DateMention]) -> list[DateMention]:
    """Centuries written in Roman numerals ("du XIIe siècle"), as year intervals.

    History in news is dated by century ("ancien temple du XIe siècle"), and a wrong century
    is a wrong date like any other.
    """
    out = []
    for m in _CENTURY.finditer(text):
        if any(d.start < m.end() and m.start() < d.end for d in taken):
            continue
        n = _roman(m.group(1))
        if not 1 <= n <= 21:
            continue
        value = f"{(n - 1) * 100 + 1:04d}/{n * 100:04d}"
        out.append(DateMention(m.start(1), m.end(), value, "interval", True, False))
    return out
