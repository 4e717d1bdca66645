"""Score :func:`factcheck.extract.dates.find_dates` on Duckling's French time corpus.

Run: ``python bench/extraction_time.py [PATH] [--failures]``. ``bench/extraction.py`` imports
this file by path and calls :func:`evaluate` and :func:`out_of_scope_reason` per case.

How a case is scored. Duckling's reference time is 2013-02-12T04:30-02:00 and it resolves
ambiguous expressions toward the future, so the extractor runs with ``direction="future"`` and
the reference's wall-clock time. A case passes when exactly one mention comes back and its
value equals the expected one at the expected grain: year "2013", month "2013-03", week
"2013-W07", day "2013-02-12", hour or minute "2013-02-12T15:00". Duckling's half-open
intervals [from, to) become our closed "from/last" by stepping ``to`` back one grain. An open
interval ("à partir du 8 mars", "avant 16h") is scored on its bound: a mention carries the
anchor date and the claim keeps the relation. Parts of a period ("fin mars", "en début
d'année", "en fin de semaine") are kept by the extractor as the period plus a part, not as
invented days, so they are compared with Duckling's conventional windows: same period, and
the part matches where Duckling's window starts. Clock times written with a zone ("à seize
heures CET") are converted to the reference's offset before comparing. Negative cases pass
when nothing is found.

What is out of scope, and why a news fact-checker does not need it (each is a whole category,
decided by the expression, not by whether we pass it):

* ``present_moment`` - "maintenant", "tout de suite", "en ce moment": the instant of speaking,
  not a date a source can get wrong.
* ``sub_day_offset`` - "dans 2 minutes", "il y a deux heures", "les 3 prochaines heures",
  "plus tard": offsets counted in seconds, minutes or hours from the reference instant. News
  is resolved against a publication *day*; its hour is rarely known.
* ``part_of_day`` - "ce soir", "lundi matin", "en fin de matinée", "après déjeuner": Duckling
  turns these into hour ranges (18:00-24:00). A news date stops at the day ("hier soir" is
  yesterday); whether "en fin de matinée" means 10h or 11h is not a checkable fact.
* ``weekend`` - "ce week-end": Duckling's weekend is Friday 18:00 to Monday 00:00 at hour
  grain; news means the Saturday and Sunday, which is what the extractor returns.
* ``holiday`` - "Noël", "la Toussaint", "le jour de l'an", "fête du travail": these words are
  also people ("Noël Le Graët", "Toussaint Louverture") and events, and articles give the date
  beside them when it matters.
* ``season`` - "cet été", "cet hiver": astronomical bounds that no article means.
* ``ordinal_subperiod`` - "le 3ème jour d'octobre", "la première semaine d'octobre", "la
  deuxième quinzaine d'avril", "le premier mercredi du mois prochain": calendar puzzles whose
  answer depends on a convention (which week is "first"?) and that news does not write.
* ``instant_window`` - "d'ici 2 semaines", "dans les 15 jours": windows opening at the
  reference *second*; the extractor gives the deadline day, which cannot equal a second-grain
  interval.
* ``spaced_numeric_date`` - "17 02", "le 20 2 14": no newspaper writes dates with spaces, and
  reading number pairs as dates would turn counts and phone numbers into dates.
* ``bare_day_of_month`` - "le 2", "le 16", "du 13 au 18", "à partir du 8": a day number with
  no month, weekday or clock time is too often not a date in news ("le 15 de France", list
  items, districts); the extractor deliberately ignores it.
* ``bare_month`` - "mars" alone: a month name needs a month context ("en mars", "fin mars",
  "mars 2023"), otherwise "Mai" the first name and "Mars" the planet become dates.

In-scope cases that fail on purpose (they stay in the denominator): "deux jours plus tard",
"deux jours après", "un jour après" are left unresolved, because in news they count from the
event just told, not from the publication date; "dans deux mois", "il y a deux ans" keep month
and year precision where Duckling answers at day and month grain; "dans 7 jours" is a day
where Duckling keeps the reference's hour.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from anywhere, or imported by path
    sys.path.insert(0, str(ROOT))

from factcheck.extract.dates import DateMention, find_dates  # noqa: E402

DEFAULT_PATH = Path("/work/shared/cases/extraction/duckling_fr_time.jsonl")
DIRECTION = "future"  # Duckling resolves ambiguous expressions toward the future


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFD", s.lower().replace("’", "'"))
    return "".join(c for c in s if not unicodedata.combining(c))


_POD = (r"\b(?:matin|matinee|mat|apres-midi|apres midi|soir|soiree|nuit|journee|dejeuner"
        r"|travail)\b")
_CATEGORIES: list[tuple[str, re.Pattern[str]]] = [
    ("present_moment", re.compile(r"^(?:maintenant|tout de suite|en ce moment)$")),
    ("holiday", re.compile(r"\b(?:noel|toussaint|jour de l'an|nouvel an|jour des morts"
                           r"|fete du travail)\b")),
    ("season", re.compile(r"\b(?:ete|hiver|printemps|automne)\b")),
    ("ordinal_subperiod", re.compile(
        r"\b(?:\d+e|\d+eme|premier|premiere|deuxieme|dernier|derniere)\s+"
        r"(?:jour|semaine|week-end|mercredi|lundi|mardi|jeudi|vendredi|samedi|dimanche)\s+"
        r"(?:de|d'|du)\b|quinzaine")),
    ("sub_day_offset", re.compile(
        r"^(?:dans|il y a)\s+(?:\S+\s+){0,2}(?:secondes?|minutes?|min|heures?)$"
        r"|^(?:dans|il y a)\s+\d+\s*[\"']$"
        r"|\b(?:dernieres?|prochaines?)\s+(?:secondes|minutes|heures)\b"
        r"|\b(?:secondes|minutes|heures)\s+(?:suivantes|passees|precedentes)\b"
        r"|^(?:un peu )?plus tard$")),
    ("instant_window", re.compile(r"^(?:d'ici \w+ semaines?|dans les \w+ jours)$")),
    ("spaced_numeric_date", re.compile(r"^(?:le )?\d{1,2} \d{1,2}(?: \d{2,4})?$")),
    ("bare_month", re.compile(r"^(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout"
                              r"|septembre|octobre|novembre|decembre)$")),
]
_DAY_NUMBER = r"(?:\d{1,2}(?:e|er|eme)?|premier|treize|quinze|seize|dix-huit|dix)"
_BARE_DAY = re.compile(
    rf"^(?:le|du|a partir du|entre le)\s+{_DAY_NUMBER}"
    rf"(?:\s+(?:au|et le)\s+{_DAY_NUMBER})?$")


def out_of_scope_reason(case: dict[str, Any]) -> str | None:
    """The excluded category of a case (see the module docstring), or None when in scope."""
    text = _fold(case["text"]).strip()
    expected = case.get("expected") or {}
    if case.get("negative") or not expected:
        return None
    hour_range = expected.get("type") == "interval" and expected.get("grain") == "hour"
    if hour_range and re.search(_POD, text):
        return "part_of_day"
    if "week-end" in text or "weekend" in text:
        return "weekend"
    for name, pattern in _CATEGORIES:
        if pattern.search(text):
            return name
    if _BARE_DAY.match(text) and not re.search(r"\d{4}", text):
        return "bare_day_of_month"
    return None


# ---------------------------------------------------------------------------------------------
# Expected values in our notation


def _step_back(t: dt.datetime, grain: str) -> dt.datetime:
    """The last grain-sized step inside a half-open interval's end."""
    if grain == "year":
        return t.replace(year=t.year - 1)
    if grain == "month":
        return t.replace(year=t.year - (t.month == 1), month=(t.month - 2) % 12 + 1)
    delta = {"week": dt.timedelta(weeks=1), "day": dt.timedelta(days=1),
             "hour": dt.timedelta(hours=1), "minute": dt.timedelta(minutes=1),
             "second": dt.timedelta(seconds=1)}[grain]
    return t - delta


def _at_grain(t: dt.datetime, grain: str) -> str:
    if grain == "year":
        return f"{t.year:04d}"
    if grain == "month":
        return f"{t.year:04d}-{t.month:02d}"
    if grain == "week":
        y, w, _ = t.date().isocalendar()
        return f"{y:04d}-W{w:02d}"
    if grain == "day":
        return t.date().isoformat()
    return t.strftime("%Y-%m-%dT%H:%M")


def expected_value(case: dict[str, Any]) -> str | None:
    """Duckling's expected value written as ``find_dates`` would write it."""
    e = case["expected"]
    grain = e["grain"]
    if e["type"] == "value":
        return _at_grain(dt.datetime.fromisoformat(e["value"]), grain)
    lo, hi = e.get("from"), e.get("to")
    if lo and hi:
        last = _step_back(dt.datetime.fromisoformat(hi), grain)
        return f"{_at_grain(dt.datetime.fromisoformat(lo), grain)}/{_at_grain(last, grain)}"
    return _at_grain(dt.datetime.fromisoformat(lo or hi), grain)


def _in_ref_zone(value: str, tz: str | None, ref: dt.datetime) -> str:
    """Wall-clock times written in a named zone, converted to the reference's offset."""
    if tz not in ("UTC", "Europe/Paris") or "T" not in value or ref.tzinfo is None:
        return value
    out = []
    for v in value.split("/"):
        t = dt.datetime.fromisoformat(v).replace(tzinfo=ZoneInfo(tz))
        out.append(t.astimezone(ref.tzinfo).strftime("%Y-%m-%dT%H:%M"))
    return "/".join(out)


def _part_matches(m: DateMention, case: dict[str, Any]) -> bool:
    """A period plus a part ("fin mars") against Duckling's window for it (21-31 mars)."""
    e = case["expected"]
    if e["type"] != "interval" or not (e.get("from") and e.get("to")) or m.value is None:
        return False
    lo = dt.datetime.fromisoformat(e["from"]).date()
    hi = dt.datetime.fromisoformat(e["to"]).date() - dt.timedelta(days=1)  # last day inside
    if m.precision == "part_of_month":
        if m.value != f"{lo.year:04d}-{lo.month:02d}" or (hi.year, hi.month) != (lo.year, lo.month):
            return False
        found = "early" if lo.day == 1 else "mid" if lo.day <= 15 else "late"
    elif m.precision == "year":
        if m.value != f"{lo.year:04d}" or hi.year != lo.year:
            return False
        found = "early" if lo.month == 1 else "late" if hi.month == 12 else "mid"
    elif m.precision == "week":
        y, w, _ = lo.isocalendar()
        if m.value != f"{y:04d}-W{w:02d}" or (hi - lo).days > 6:
            return False
        found = {0: "early", 1: "early", 2: "mid"}.get(lo.weekday(), "late")
    else:
        return False
    return found == m.part


def evaluate(case: dict[str, Any]) -> bool | None:
    """True/False for an in-scope case, None when out of scope (see the module docstring)."""
    if out_of_scope_reason(case) is not None:
        return None
    ref = dt.datetime.fromisoformat(case["reference_time"])
    mentions = find_dates(case["text"], ref, direction=DIRECTION)
    if case.get("negative") or not case.get("expected"):
        return not mentions
    if len(mentions) != 1:
        return False
    m = mentions[0]
    if m.part is not None:
        return _part_matches(m, case)
    if m.value is None:
        return False
    return _in_ref_zone(m.value, m.tz, ref) == expected_value(case)


def load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--failures", action="store_true", help="list failing in-scope cases")
    args = parser.parse_args(argv)
    cases = load(args.path)
    excluded: Counter[str] = Counter()
    passed, failed = 0, []
    for case in cases:
        reason = out_of_scope_reason(case)
        if reason is not None:
            excluded[reason] += 1
            continue
        if evaluate(case):
            passed += 1
        else:
            failed.append(case)
    in_scope = passed + len(failed)
    rate = passed / in_scope if in_scope else 0.0
    print(f"duckling fr time: {len(cases)} cases, {in_scope} in scope, "
          f"{passed} pass ({rate:.1%})")
    for name, n in sorted(excluded.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  excluded {name}: {n}")
    if args.failures:
        ref_cache: dict[str, dt.datetime] = {}
        for case in failed:
            ref = ref_cache.setdefault(case["reference_time"],
                                       dt.datetime.fromisoformat(case["reference_time"]))
            got = [(m.value, m.precision, m.part, m.tz)
                   for m in find_dates(case["text"], ref, direction=DIRECTION)]
            want = expected_value(case) if case.get("expected") else None
            print(f"FAIL {case['text']!r}: want {want} got {got}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
