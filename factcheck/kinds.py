"""The closed set of rule kinds: each one small function plus the dataclass of its options.

A kind looks at one :class:`Observation` and returns verdicts; the rule file that uses the kind
supplies id, severity, message and option values. Adding a kind means adding one function and
one options class here and registering both in ``KINDS``.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from rapidfuzz.distance import OSA

from factcheck.claims import (
    Observation,
    Reading,
    capital_fold,
    dates_agree,
    fold,
    names_comparable,
    quotes_match,
    same_name,
    singular,
    small_accent_differs,
)
from factcheck.extract.amounts import qualifier_direction
from factcheck.link import vector_cosine
from factcheck.model import Severity
from factcheck.rounding import is_rounding

ALL_FACTS = ["date", "amount", "person", "org", "place", "quote", "role"]


@dataclass(frozen=True)
class Verdict:
    status: str
    readings: tuple[Reading, ...]
    fields: dict[str, Any]
    severity: Severity | None = None
    explanation: str | None = None
    type: str | None = None


def _fmt(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}".replace(",", " ")
    return str(value)


def _values(readings: tuple[Reading, ...]) -> str:
    by_value: dict[str, list[str]] = {}
    for r in readings:
        shown = r.facts[0].text if r.facts else str(r.value)
        by_value.setdefault(" ".join(shown.split()) or "(nothing)", []).append(r.source)
    return " / ".join(f"\u201c{v}\u201d ({', '.join(s)})" for v, s in by_value.items())


def _support(readings: tuple[Reading, ...], key: Callable[[Reading], str]) -> dict[str, int]:
    counts: Counter[str] = Counter()
    seen: set[tuple[str, str]] = set()
    for r in readings:
        k = key(r)
        if (r.source, k) not in seen:
            seen.add((r.source, k))
            counts[k] += 1
    return dict(counts)


def _base_fields(obs: Observation) -> dict[str, Any]:
    a = obs.readings[0]
    b = obs.readings[1] if len(obs.readings) > 1 else obs.readings[0]
    return {"type": obs.type, "values": _values(obs.readings), "a": _fmt(a.value),
            "b": _fmt(b.value), "sources": ", ".join(sorted(obs.sources)),
            "count": len(obs.sources), "source": a.source}


def _equal(obs_type: str, a: Reading, b: Reading) -> bool:
    if obs_type == "amount":
        fa, fb = a.facts[0], b.facts[0]
        # "3 milliards" says the same as "3 milliards d'euros": a bare figure takes the unit
        # of the figure it was linked to.
        return _span(a) == _span(b) and (
            fa.key[:2] == fb.key[:2] or "number" in (fa.key[0], fb.key[0]))
    if obs_type == "date":
        return bool(dates_agree(a.facts[0], b.facts[0]))
    if obs_type in ("person", "org", "place"):
        return same_name(str(a.value), str(b.value), partial=obs_type == "person") >= 100
    if obs_type == "quote":
        x, y = quote_words(a), quote_words(b)
        # Punctuation is the outlet's, not the speaker's (as in quote_wording).
        return x == y or x in y or y in x or _squash(a) == _squash(b) or \
            spoken_words(x) == spoken_words(y)
    if obs_type == "role":
        return a.facts[0].attrs.get("head") == b.facts[0].attrs.get("head")
    return a.value == b.value


# --- agreement -----------------------------------------------------------------------------
@dataclass(frozen=True)
class AgreementOptions:
    types: list[str] = field(default_factory=lambda: list(ALL_FACTS))
    min_sources: int = 2
    majority: bool = True


def agreement(obs: Observation, opts: AgreementOptions) -> list[Verdict]:
    if obs.kind != "facts" or obs.type not in opts.types or len(obs.sources) < opts.min_sources:
        return []
    first = obs.readings[0]
    explanation: str | None = None
    agreed = obs.readings
    if not all(_equal(obs.type, first, r) for r in obs.readings[1:]):
        if not opts.majority:
            return []
        # "29 %" in six sources and "29,6 %" in one: the six agree, beside the disagreement
        # the other rules report. Only a single largest group counts (no ties).
        groups: list[list[Reading]] = []
        for r in obs.readings:
            home = next((g for g in groups if _equal(obs.type, g[0], r)), None)
            if home is None:
                groups.append([r])
            else:
                home.append(r)
        sizes = sorted((len({r.source for r in g}) for g in groups), reverse=True)
        if sizes[0] < max(opts.min_sources, 2) or (len(sizes) > 1 and sizes[1] == sizes[0]):
            return []
        agreed = tuple(next(g for g in groups if len({r.source for r in g}) == sizes[0]))
        first = agreed[0]
        others = sorted({r.source for r in obs.readings} - {r.source for r in agreed})
        explanation = f"{sizes[0]} of {len(obs.sources)} sources; " + (
            "another value in " + ", ".join(others) if others
            else "another value in one of them as well")
    shown = first.facts[0].text if first.facts else str(first.value)
    sources = sorted({r.source for r in agreed})
    # A role is shown with the name it is given to ("Pierre Bordry, son président"): "son
    # président" alone does not say whose.
    readings = tuple(_with_name(r) for r in agreed) if obs.type == "role" else agreed
    return [Verdict("agreement", readings, {**_base_fields(obs), "value": _fmt(first.value),
                                             "text": " ".join(shown.split()),
                                             "count": len(sources), "sources": ", ".join(sources),
                                             "values": _values(agreed)},
                    type=obs.type, explanation=explanation)]


# --- single source -------------------------------------------------------------------------
@dataclass(frozen=True)
class SingleSourceOptions:
    types: list[str] = field(default_factory=lambda: ["date", "amount", "person", "org",
                                                      "place", "quote"])
    sentences: bool = True
    min_words: int = 6


def single_source(obs: Observation, opts: SingleSourceOptions) -> list[Verdict]:
    if obs.kind == "facts" and obs.type in opts.types and len(obs.sources) == 1:
        r = obs.readings[0]
        text = " ".join(r.facts[0].text.split())
        return [Verdict("single_source", obs.readings[:1],
                        {**_base_fields(obs), "text": text}, type=obs.type)]
    if obs.kind == "sentence" and opts.sentences and obs.detail.get("words", 0) >= opts.min_words:
        r = obs.readings[0]
        return [Verdict("single_source", obs.readings, {**_base_fields(obs),
                                                        "text": _short(str(r.value))},
                        type="wording")]
    return []


def _short(text: str, n: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


# --- amount mismatch -------------------------------------------------------------------------
@dataclass(frozen=True)
class AmountOptions:
    rounding: float = 0.05
    rounding_severity: str = "info"
    compare_qualifiers: bool = True
    min_confidence: float = 0.6
    weak_severity: str = "info"


def _span(r: Reading) -> tuple[float, float]:
    """Low and high end: "entre 28 et 32 heures" is not "28 à 35 heures", though both start at
    28. A single figure is a span of one point. Rounded to 9 digits, so 0.1 + 0.2 is 0.3."""
    low = float(r.value)
    high = r.facts[0].attrs.get("high") if r.facts else None
    return round(low, 9), round(float(high) if high is not None else low, 9)


def _bounded_differently(readings: tuple[Reading, ...]) -> bool:
    """One figure hedged so that it says another thing than the same figure elsewhere.

    "plus de 11 milliards" and "11 milliards", "près de deux heures" and "un peu plus de deux
    heures": a bound ("plus de", "moins de") against a plain or approximate figure, or against
    the opposite bound. "environ 25 %" against "25 %" says the same and is not reported.
    """
    ways = {qualifier_direction(r.facts[0].attrs.get("qualifier")) or "exact"
            for r in readings if r.facts}
    return bool(ways & {"above", "below"}) and len(ways) > 1


def _rounds(a: float, b: float, tolerance: float) -> bool:
    hi, lo = max(abs(a), abs(b)), min(abs(a), abs(b))
    return a == b or (hi > 0 and (hi - lo) / hi <= tolerance and is_rounding(lo, hi))


def _range_relation(spans: list[tuple[float, float]], tolerance: float) -> str | None:
    """How a range and another range or figure can both be right, or None when they cannot.

    "30 heures" is in "entre 28 et 32 heures"; "128 978 votants" is "130 000 à 140 000" at the
    range's precision; "de 1 à 2 %" and "de 1 à 2,1 %" round alike. "28 à 35" and "28 à 32" do
    not: both ends of a range are claims.
    """
    (a_lo, a_hi), (b_lo, b_hi) = spans
    for (p, q), (lo, hi) in ((spans[0], spans[1]), (spans[1], spans[0])):
        if p == q and lo != hi:
            if lo <= p <= hi:
                return "a figure in the range"
            return "a rounding" if _rounds(p, lo, tolerance) or _rounds(p, hi, tolerance) \
                else None
    if _rounds(a_lo, b_lo, tolerance) and _rounds(a_hi, b_hi, tolerance):
        return "a rounding"
    return None


def amount_mismatch(obs: Observation, opts: AmountOptions) -> list[Verdict]:
    if obs.kind != "facts" or obs.type != "amount" or len(obs.sources) < 2:
        return []
    fields = _base_fields(obs)
    rounded = Severity.parse(opts.rounding_severity)
    spans = sorted({_span(r) for r in obs.readings})
    if len(spans) == 1:
        if opts.compare_qualifiers and _bounded_differently(obs.readings):
            return [Verdict("disagreement", obs.readings, {**fields, "how": "hedged differently"},
                            severity=rounded,
                            explanation=_why(obs, "one figure, given as a bound in one source "
                                                  "and not in another"))]
        return []
    support = _support(obs.readings, lambda r: _fmt(r.value))
    if any(lo != hi for lo, hi in spans):
        how = _range_relation(spans, opts.rounding) if len(spans) == 2 else None
        if how is not None:
            return [Verdict("disagreement", obs.readings, {**fields, "how": how},
                            severity=rounded,
                            explanation=_why(obs, f"{how}: the ranges say the same at the "
                                                  "precision given"))]
        return [Verdict("disagreement", obs.readings, {**fields, "how": "different ranges"},
                        severity=_weak(obs, opts.min_confidence, opts.weak_severity),
                        explanation=_why(obs, f"{len(spans)} different ranges or figures"))]
    if len(spans) == 2 and _rounds(spans[0][0], spans[1][0], opts.rounding):
        return [Verdict("disagreement", obs.readings, {**fields, "how": "a rounding"},
                        severity=rounded,
                        explanation=_why(obs, f"values within {opts.rounding:.0%} of each other"))]
    return [Verdict("disagreement", obs.readings, {**fields, "how": "different values"},
                    severity=_weak(obs, opts.min_confidence, opts.weak_severity),
                    explanation=_why(obs, f"{len(support)} different values"))]


# --- date mismatch ---------------------------------------------------------------------------
@dataclass(frozen=True)
class DateOptions:
    compare_unresolved: bool = True
    min_confidence: float = 0.6
    weak_severity: str = "info"


def date_mismatch(obs: Observation, opts: DateOptions) -> list[Verdict]:
    if obs.kind != "facts" or obs.type != "date" or len(obs.sources) < 2:
        return []
    readings = tuple(r for r in obs.readings if r.value is not None or opts.compare_unresolved)
    if len({r.source for r in readings}) < 2:
        return []
    verdicts = [dates_agree(x.facts[0], y.facts[0]) for x in readings for y in readings
                if x.source < y.source]
    if False not in verdicts:
        return []
    shown = []
    for r in readings:
        f = r.facts[0]
        shown.append(f"{r.source}={r.value if r.value is not None else f.attrs.get('written')}")
    severity = _weak(obs, opts.min_confidence, opts.weak_severity)
    explanation = "values: " + ", ".join(shown)
    if _planned_against_done(readings):
        # "reprendraient les discussions le 21 octobre" / "se sont rencontrés le 23 octobre": a
        # plan reported before the event and the event reported after it; the plan may have
        # moved, which is news to check, not a contradiction.
        severity = Severity.parse(opts.weak_severity)
        explanation += "; one source gives a planned date, another the date it happened"
    return [Verdict("disagreement", readings, _base_fields(obs), severity=severity,
                    explanation=_why(obs, explanation))]


_PLANNED_WAYS = {"future", "nearest"}


def _planned_against_done(readings: tuple[Reading, ...]) -> bool:
    """Every conflict opposes a reading that announces the date (future, conditional, "prévue")
    to one that reports it done (a past tense) or says nothing of it (a verbless dateline,
    "Jeudi 23 octobre, à Siem Reap."). Two plans that differ are still a conflict."""
    def way(r: Reading) -> str:
        w = r.facts[0].attrs.get("direction")
        return "planned" if w in _PLANNED_WAYS else "done" if w == "completed" else ""

    conflicts = [(x, y) for x in readings for y in readings if x.source < y.source
                 and dates_agree(x.facts[0], y.facts[0]) is False]
    return bool(conflicts) and all(sorted((way(x), way(y))) in (["done", "planned"],
                                                                 ["", "planned"])
                                   for x, y in conflicts)


def _weak(obs: Observation, min_confidence: float, weak_severity: str) -> Severity | None:
    """A disagreement between weakly linked facts is only worth a look, not a failed build."""
    conf = obs.detail.get("confidence")
    if conf is not None and conf < min_confidence:
        return Severity.parse(weak_severity)
    return None


def _why(obs: Observation, text: str) -> str:
    conf = obs.detail.get("confidence")
    if conf is None:
        return text
    reasons = "; ".join(obs.detail.get("why") or ())
    return f"{text} (linked with confidence {conf:.2f}: {reasons})" if reasons else \
        f"{text} (linked with confidence {conf:.2f})"


# --- names -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class NameVariantOptions:
    min_similarity: float = 80.0


def name_variant(obs: Observation, opts: NameVariantOptions) -> list[Verdict]:
    if obs.kind == "facts" and obs.type in ("person", "org", "place") and len(obs.sources) >= 2:
        spelt: dict[str, dict[str, Reading]] = {}  # spelling -> source -> its first reading
        for r in obs.readings:
            spelt.setdefault(capital_fold(str(r.value)), {}).setdefault(r.source, r)
        keep = [next(iter(by_source.values())) for by_source in spelt.values()]
        # The closest pair of spellings is the misspelling: "Betrand Delanoë" against
        # "Bertrand Delanoë", not against a bare "Delanoë".
        def variant(x: Reading, y: Reading) -> float | None:
            sim = same_name(str(x.value), str(y.value))
            if obs.type == "person" and small_accent_differs(str(x.value), str(y.value)):
                sim = 99.0  # "Guerini" / "Guérini": an accent dropped on a small letter
            # Some source writes one spelling and another source the other (a source may
            # write both: "Gdansk" and, once, "Gdanks").
            sx, sy = spelt[capital_fold(str(x.value))], spelt[capital_fold(str(y.value))]
            if not (opts.min_similarity <= sim < 100) or set(sx) == set(sy) or \
                    not names_comparable(str(x.value), str(y.value)) or \
                    _other_short_name(str(x.value), str(y.value)):
                return None
            if (set(sx) <= set(sy) or set(sy) <= set(sx)) and \
                    fold(str(x.value))[:1] != fold(str(y.value))[:1]:
                # Every source of the odd spelling also writes the other: a slip of the same
                # writer keeps the first letter ("Gdanks"), another name need not ("Xinghai",
                # a county of "Qinghai").
                return None
            return sim

        best: tuple[float, Reading, Reading] | None = None
        for n, x in enumerate(keep):
            for y in keep[n + 1:]:
                sim = variant(x, y)
                if sim is not None and (best is None or sim > best[0]):
                    best = (sim, x, y)
        if best is None:
            return []
        _, x, y = best
        # A third spelling of the same name ("Amornvivat" / "Amornviwat" / "Amorwiwat") is
        # reported with the others: one finding per name, every spelling in it.
        shown = [x, y]
        grew = True
        while grew:
            grew = False
            for z in keep:
                if z not in shown and any(variant(z, w) is not None for w in shown):
                    shown.append(z)
                    grew = True
        # Every source that writes each spelling, so the reader sees who has the odd one out.
        rs = tuple(r for first in shown for r in (
            first, *(o for o in spelt[capital_fold(str(first.value))].values() if o is not first)))
        return [Verdict("disagreement", rs, {**_base_fields(obs), "a": x.value, "b": y.value,
                                              "values": _values(rs)},
                        explanation="spelling of one name differs")]
    if obs.kind == "change" and obs.detail.get("change") == "name":
        sim = float(obs.detail.get("detail") or 0)
        if sim >= opts.min_similarity and not _same_but_capitals(obs.readings):
            return [Verdict("disagreement", obs.readings, _base_fields(obs),
                            explanation=f"similarity {sim:.0f}/100")]
    return []


def _other_short_name(a: str, b: str) -> bool:
    """Two short names more than one slip apart are two names: "Modem" / "Monde" are as similar
    by ratio (80) as a one-letter typo of a five-letter name ("Spiro" / "Spira"), but take two
    edits."""
    fa, fb = capital_fold(a), capital_fold(b)
    return min(len(fa), len(fb)) <= 6 and OSA.distance(fa, fb) > 1


def _same_but_capitals(readings: tuple[Reading, ...]) -> bool:
    """"Caisses d'épargne" / "Caisses d'Epargne": one word capitalised, its accent dropped on
    the capital as French typesetting does. Each word is compared with its initial raised."""
    def raised(value: object) -> str:
        return capital_fold(" ".join(w[:1].upper() + w[1:] for w in str(value).split()))

    return len({raised(r.value) for r in readings}) == 1


@dataclass(frozen=True)
class SubstitutionOptions:
    max_similarity: float = 80.0


def entity_substitution(obs: Observation, opts: SubstitutionOptions) -> list[Verdict]:
    if obs.kind == "change" and obs.detail.get("change") == "name":
        sim = float(obs.detail.get("detail") or 0)
        if sim < opts.max_similarity:
            return [Verdict("disagreement", obs.readings, _base_fields(obs),
                            explanation=f"names differ (similarity {sim:.0f}/100)")]
    return []


# --- quotes and attribution -----------------------------------------------------------------
@dataclass(frozen=True)
class QuoteOptions:
    allow_fragments: bool = True
    min_confidence: float = 0.75
    weak_severity: str = "info"
    # Only a word's number or gender changed ("susceptibles" / "susceptible", "moqué" /
    # "moqués"): an agreement slip, worth a look but no misquote to fail on.
    inflection_severity: str = "info"


def _squash(r: Reading) -> str:
    """A quote's words with hyphens and apostrophes dropped before folding ("contre-temps" /
    "contretemps"); spaces stay, since they part words: "à Dieu vat" / "adieu vat" is a
    reworded quote, not a spelling."""
    return fold(re.sub(r"[-'’‘]", "", _shown_words(r)))


# Titles written short or in full are one word for a reader ("Mme Dati" / "Madame Dati").
_TITLES = {"mme": "madame", "mlle": "mademoiselle", "mgr": "monseigneur", "dr": "docteur"}


def quote_words(r: Reading) -> str:
    """The words of a quote to compare: typography folded, amounts and dates as placeholders."""
    f = r.facts[0] if r.facts else None
    return fold(str(f.attrs.get("words", r.value) if f else r.value))


def _shown_words(r: Reading) -> str:
    f = r.facts[0] if r.facts else None
    return str(f.attrs.get("words", r.value) if f else r.value)


_EDITORIAL = re.compile(r"\[[^\]]*\]|\([^)]*\)")


def spoken_words(text: str) -> list[str]:
    """The words of a quote as spoken: no punctuation, hyphens as spaces, and no editorial
    insertions in brackets or parentheses ("[il] m'a confirmé", "de (son) dialogue")."""
    return [w for w in re.split(r"[^\w]+", _EDITORIAL.sub(" ", text)) if w]


def _sublist(short: list[str], long_: list[str]) -> bool:
    n = len(short)
    return 0 < n <= len(long_) and any(long_[i:i + n] == short for i in range(len(long_) - n + 1))


def _joined_by_a_fragment(obs: Observation, x: Reading, y: Reading,
                          texts: dict[str, str]) -> bool:
    """Two quotes in one cluster only through a phrase a third source quotes alone: "Et le
    droit à l'oubli ?" and "bénéficieront d'un droit à l'oubli" both hold the "droit à l'oubli"
    of another article, but are two utterances, not one reworded."""
    fx, fy = (r.facts[0] if r.facts else None for r in (x, y))
    if fx is None or fy is None or quotes_match(fx, fy):
        return False
    wx, wy = spoken_words(texts[x.source]), spoken_words(texts[y.source])
    return any(_sublist(wz, wx) and _sublist(wz, wy) for r in obs.readings
               if r.source not in (x.source, y.source)
               for wz in [spoken_words(texts[r.source])])


def quote_wording(obs: Observation, opts: QuoteOptions) -> list[Verdict]:
    if obs.kind != "facts" or obs.type != "quote" or len(obs.sources) < 2:
        return []
    texts = {r.source: quote_words(r) for r in obs.readings}
    first = obs.readings[0]
    differing = []
    for r in obs.readings[1:]:
        x, y = texts[first.source], texts[r.source]
        if x == y or _squash(first) == _squash(r) or (
                opts.allow_fragments and (x in y or y in x)):
            continue  # "contretemps" / "contre-temps" is spelling, reported as such
        wx, wy = ([_TITLES.get(w, w) for w in spoken_words(t)] for t in (x, y))
        if wx == wy or (opts.allow_fragments and (_sublist(wx, wy) or _sublist(wy, wx))):
            continue  # punctuation, hyphens or an editor's "[il]" are not the speaker's words
        if _joined_by_a_fragment(obs, first, r, texts):
            continue
        differing.append(r)
    if not differing:
        return []
    words = _word_changes(_shown_words(first), _shown_words(differing[0]),
                          fragment=opts.allow_fragments)
    support = _support(obs.readings, lambda r: texts[r.source][:40])
    explanation = f"{len(support)} readings among {len(obs.sources)} sources"
    severity = _weak(obs, opts.min_confidence, opts.weak_severity)
    if all(_inflection_only(_shown_words(first), _shown_words(r)) for r in differing):
        low = Severity.parse(opts.inflection_severity)
        severity = low if severity is None else min(severity, low)
        explanation += "; only a word's number or gender differs"
    if any(_EDITORIAL.search(texts[r.source]) for r in (first, *differing)):
        # "[il] m'a confirmé" / "la poursuite de (son) dialogue": the outlet marks the quote as
        # adapted, so its other words may be the adaptation too; worth a look, not a failure.
        severity = Severity.parse(opts.weak_severity)
        explanation += "; a reading is marked as edited ([...] or (...))"
    return [Verdict("disagreement", obs.readings, {**_base_fields(obs), "changes": words},
                    severity=severity, explanation=_why(obs, explanation))]


def _inflection_only(a: str, b: str) -> bool:
    """Whether two wordings differ only in words of one stem in another number or gender."""
    import difflib

    wa = [fold(w).strip(_GLUED_PUNCT) for w in a.split()]
    wb = [fold(w).strip(_GLUED_PUNCT) for w in b.split()]
    ops = [op for op in difflib.SequenceMatcher(a=wa, b=wb, autojunk=False).get_opcodes()
           if op[0] != "equal"]
    return bool(ops) and all(
        op == "replace" and i2 - i1 == j2 - j1 and all(
            singular(x) == singular(y) for x, y in zip(wa[i1:i2], wb[j1:j2], strict=True))
        for op, i1, i2, j1, j2 in ops)


_GLUED_PUNCT = ",;:.!?…\"'«»“”()"


def _word_changes(a: str, b: str, *, fragment: bool = False) -> str:
    """The changed words, at most four changes. With ``fragment``, a run of words only one
    reading has before or after the other's (a longer cut of the same quote) is no change."""
    import difflib

    wa, wb = a.split(), b.split()
    parts = []
    # Words compared without the punctuation glued to them: "incurable," at the end of one
    # cut is the "incurable" of a shorter one.
    ops = difflib.SequenceMatcher(a=[fold(w).strip(_GLUED_PUNCT) or w for w in wa],
                                  b=[fold(w).strip(_GLUED_PUNCT) or w for w in wb],
                                  autojunk=False).get_opcodes()
    def cut(op: tuple[str, int, int, int, int]) -> bool:
        # A longer cut of the same quote: three words or more only one reading has at an end
        # (a dropped first word, "impatiente …", is still a change worth showing).
        return op[0] in ("insert", "delete") and max(op[2] - op[1], op[4] - op[3]) >= 3

    if fragment:
        if ops and cut(ops[0]):
            ops = ops[1:]
        if ops and cut(ops[-1]):
            ops = ops[:-1]
    for op, i1, i2, j1, j2 in ops:
        if op == "replace":
            parts.append(f"'{' '.join(wa[i1:i2])}' -> '{' '.join(wb[j1:j2])}'")
        elif op == "delete":
            parts.append(f"'{' '.join(wa[i1:i2])}' dropped")
        elif op == "insert":
            parts.append(f"'{' '.join(wb[j1:j2])}' added")
    return "; ".join(parts[:4]) + (" …" if len(parts) > 4 else "")


@dataclass(frozen=True)
class AttributionOptions:
    compare_roles: bool = True
    # Roles: two titles over a body named by a common noun ("président du groupe") are likely,
    # not certain, to conflict; other wording differences are worth a look only.
    likely_severity: str = "warning"
    weak_severity: str = "info"


# Speakers that are documents, not people: "assure la lettre" and "souligne l'avocat dans sa
# lettre" attribute the same words, so a document is never in conflict with a person.
DOCUMENT_NOUNS = {"lettre", "communiqué", "rapport", "texte", "document", "courrier", "message",
                  "note", "déclaration", "étude", "tweet", "publication", "plainte", "missive",
                  "courriel", "mail", "e-mail", "enquête", "jugement", "arrêt", "décision"}


_ROLE_GLUE = {"le", "la", "les", "l", "un", "une", "des", "de", "du", "d", "son", "sa", "ses",
              "leur", "leurs", "notre", "votre", "au", "aux", "a", "en", "et", "ce", "cet", "cette"}


def _common_words(r: Reading) -> list[str]:
    """A role's content words that are not names (capitalised words)."""
    words = [w for w in re.split(r"[^\w-]+", str(r.value)) if w and not w[:1].isupper()]
    return [w for w in (fold(x) for x in words) if w not in _ROLE_GLUE]


def _role_content(r: Reading) -> list[str]:
    """The words of a role that carry meaning, folded: determiners and linking words dropped."""
    words = re.split(r"[^\w-]+", fold(str(r.value)))
    return [w for w in words if w and w not in _ROLE_GLUE]


def _via(r: Reading) -> str | None:
    return r.facts[0].attrs.get("speaker_via") if r.facts else None


def _is_named(r: Reading) -> bool:
    """The speaker is a recognised person (its head is its canonical name), not a description."""
    return bool(r.extra.get("head")) and r.extra.get("head") == r.value


ROLE_SYNONYM = 0.6  # cosine of role head vectors above which two titles are one function


def _synonyms(a: Reading, b: Reading) -> bool:
    va, vb = a.facts[0].attrs.get("head_vector"), b.facts[0].attrs.get("head_vector")
    return va is not None and vb is not None and vector_cosine(va, vb) >= ROLE_SYNONYM


def _role_words(r: Reading) -> tuple[str, set[str]]:
    text = str(r.value)
    names = {fold(w) for w in re.findall(r"\b[A-ZÀ-Ý][\w.-]+", text)}
    return str(r.facts[0].attrs.get("head", "")), names


def attribution(obs: Observation, opts: AttributionOptions) -> list[Verdict]:
    if obs.kind == "attribution":
        people = tuple(r for r in obs.readings
                       if r.extra.get("head", "").lower() not in DOCUMENT_NOUNS)
        if len(people) < 2:
            return []
        first = people[0]
        for r in people[1:]:
            if r.source == first.source:
                continue
            if _via(first) == _via(r) == "pronoun":
                continue  # two resolved pronouns ("Elle") are two guesses, not two sources
            named_a, named_b = _is_named(first), _is_named(r)
            if named_a != named_b:
                # "Bernard Laporte" and "l'ex-sélectionneur du XV de France" may be one man:
                # a name and a description are not in conflict.
                continue
            same = same_name(str(first.value), str(r.value)) >= NAME_OK or (
                first.extra.get("head") and first.extra.get("head") == r.extra.get("head"))
            if not same:
                return [Verdict("disagreement", (first, r), {
                    **_base_fields(obs), "a": first.value, "b": r.value,
                    "values": _values((first, r))},
                    explanation="the same quote is attributed to different speakers")]
        return []
    if opts.compare_roles and obs.kind == "facts" and obs.type == "role" and len(obs.sources) > 1:
        return _role_verdicts(obs, opts)
    return []


# Bodies named by a common noun that may stand for the named one in another source: "le
# président du groupe" may be TF1's. Two offices over such a body are only a likely conflict.
GENERIC_BODIES = {"groupe", "societe", "entreprise", "compagnie", "chaine", "banque", "parti",
                  "firme", "institution", "etablissement", "organisation", "association", "club",
                  "federation", "syndicat", "journal", "quotidien", "hebdomadaire"}
_CONFIDENT, _LIKELY, _WEAK = 3, 2, 1


def _body(r: Reading) -> set[str]:
    return {w for w in re.split(r"[^\w]+", fold(str(r.facts[0].attrs.get("body", ""))))
            if w and w not in _ROLE_GLUE}


def _role_conflict(a: Reading, b: Reading, heads: dict[str, set[str]]) -> tuple[int, str] | None:
    """How sure we are that two role readings of one person contradict each other, and why.

    Confident: one office named by two titles over one body ("gouverneur" / "président de la
    Banque de France"), two ranks of one hierarchy given bare ("le général" / "le lieutenant"),
    or the same function for two other people ("l'avocat de X" / "de Y"). Likely: two offices
    where one body is a common noun ("président du groupe"). Weak: other wording differences in
    near-identical sentences. Never a conflict: a shorter form or an added jurisdiction
    ("président du CIO" / "président", "procureur de la République" / "procureur de
    Marseille"), synonyms ("réalisateur" / "cinéaste"), two offices over two bodies, a loose
    title ("patron", "chef") against any other, or two titles one source gives together.
    """
    head_a, names_a = _role_words(a)
    head_b, names_b = _role_words(b)
    if head_a == head_b:
        ca, cb = set(_role_content(a)), set(_role_content(b))
        if ca <= cb or cb <= ca:
            return None
        of_people = all(x.facts[0].attrs.get("of_person", True) for x in (a, b))
        if names_a and names_b and not names_a & names_b and of_people:
            return _CONFIDENT, "the same function is given for different people"
        if not of_people and _common_words(a) == _common_words(b):
            return None
        # In near-identical sentences any other content word counts, weakly: "l'avocate" /
        # "l'ancienne avocate".
        return _WEAK, "the same person is given different roles"
    kind_a, kind_b = (str(x.facts[0].attrs.get("title", "")) for x in (a, b))
    together = any({head_a, head_b} <= hs for hs in heads.values())
    if kind_a == kind_b and kind_a in ("rank", "office") and not together:
        body_a, body_b = _body(a), _body(b)
        if kind_a == "rank" and not body_a and not body_b:
            return _CONFIDENT, "the same person is given two ranks of one hierarchy"
        if kind_a == "office" and body_a and body_a == body_b:
            return _CONFIDENT, "one function over one body is named by two titles"
        if kind_a == "office" and body_a and body_b and (
                body_a <= GENERIC_BODIES or body_b <= GENERIC_BODIES):
            return _LIKELY, "two titles over what is likely one body"
        return None
    if "loose" in (kind_a, kind_b) or together:
        return None
    # Vectors tell synonyms of ordinary nouns ("réalisateur" / "cinéaste"), not titles of one
    # hierarchy (those are handled above), which they rate as alike as synonyms.
    if kind_a in ("rank", "office") and kind_b in ("rank", "office"):
        return None
    if _synonyms(a, b):
        return None
    return _WEAK, "the same person is given different roles"


def _with_name(r: Reading) -> Reading:
    named = r.facts[0].attrs.get("named")
    if not named or not named[1]:
        return r
    return dataclasses.replace(r, start=min(r.start, named[0]), end=max(r.end, named[1]))


def _role_verdicts(obs: Observation, opts: AttributionOptions) -> list[Verdict]:
    heads: dict[str, set[str]] = defaultdict(set)
    for r in obs.readings:
        heads[r.source].add(_role_words(r)[0])
    best: tuple[int, str, Reading, Reading] | None = None
    for a, b in combinations(obs.readings, 2):
        if a.source == b.source:
            continue
        found = _role_conflict(a, b, heads)
        if found is None or (found[0] == _WEAK and not obs.detail.get("aligned")):
            continue  # a weak difference counts only in sentences that otherwise say the same
        if best is None or found[0] > best[0]:
            best = (found[0], found[1], a, b)
    if best is None:
        return []
    level, why, a, b = best
    pair_heads = {_role_words(a)[0], _role_words(b)[0]}
    # Shown with the name each role is given to ("le lieutenant Wiboonsak"): whose role it is.
    shown = tuple(_with_name(r) for r in obs.readings if _role_words(r)[0] in pair_heads)
    severity = {_CONFIDENT: None, _LIKELY: Severity.parse(opts.likely_severity),
                _WEAK: Severity.parse(opts.weak_severity)}[level]
    return [Verdict("disagreement", shown, {**_base_fields(obs), "values": _values(shown)},
                    severity=severity, explanation=why)]


NAME_OK = 80.0


# --- word-level changes ----------------------------------------------------------------------
@dataclass(frozen=True)
class ChangeOptions:
    max_words: int = 12


def _change_kind(name: str) -> Callable[[Observation, ChangeOptions], list[Verdict]]:
    def judge(obs: Observation, opts: ChangeOptions) -> list[Verdict]:
        if obs.kind != "change" or obs.detail.get("change") != name:
            return []
        size = max(len(str(r.value).split()) for r in obs.readings)
        if size > opts.max_words:
            return []
        return [Verdict("disagreement", obs.readings,
                        {**_base_fields(obs), "detail": obs.detail.get("detail") or name},
                        explanation=obs.detail.get("detail") or None)]

    judge.__name__ = name
    judge.__doc__ = f"Aligned sentences differ by a {name} change."
    return judge


@dataclass(frozen=True)
class ContraryOptions:
    pairs: list = field(default_factory=list)  # [[lemma, lemma], ...]: words of opposite sense


def contrary_words(obs: Observation, opts: ContraryOptions) -> list[Verdict]:
    """A word replaced by its opposite in aligned sentences ("confirmé" / "démenti").

    Which words are opposites is data (the rule's ``pairs``), not code: a newsroom adds its own.
    """
    if obs.kind != "change" or obs.detail.get("change") not in ("wording", "inflection"):
        return []
    la, lb = set(obs.detail.get("lemmas_a", ())), set(obs.detail.get("lemmas_b", ()))
    for x, y in (tuple(p) for p in opts.pairs if len(p) == 2):
        if (x in la and y in lb) or (y in la and x in lb):
            return [Verdict("disagreement", obs.readings,
                            {**_base_fields(obs), "detail": f"{x} / {y}"},
                            explanation=f"'{x}' and '{y}' say opposite things", type="polarity")]
    return []


@dataclass(frozen=True)
class Kind:
    name: str
    options: type
    judge: Callable[[Observation, Any], list[Verdict]]
    doc: str


KINDS: dict[str, Kind] = {k.name: k for k in [
    Kind("agreement", AgreementOptions, agreement,
         "Sources that mention a fact give the same value."),
    Kind("single_source", SingleSourceOptions, single_source,
         "A fact or sentence that only one source has."),
    Kind("amount_mismatch", AmountOptions, amount_mismatch,
         "Aligned amounts with the same unit but different values."),
    Kind("date_mismatch", DateOptions, date_mismatch,
         "Aligned dates that resolve to different days, months or years."),
    Kind("name_variant", NameVariantOptions, name_variant,
         "One name spelt two ways (fuzzy match above a threshold)."),
    Kind("entity_substitution", SubstitutionOptions, entity_substitution,
         "A name in an aligned sentence replaced by a different name."),
    Kind("quote_wording", QuoteOptions, quote_wording,
         "The same quotation with words changed, added or dropped."),
    Kind("attribution", AttributionOptions, attribution,
         "The same quote given to another speaker, or a person given another role."),
    Kind("polarity", ChangeOptions, _change_kind("polarity"),
         "A negation added or dropped in aligned sentences."),
    Kind("inflection", ChangeOptions, _change_kind("inflection"),
         "The same lemma in another grammatical form."),
    Kind("spelling", ChangeOptions, _change_kind("spelling"),
         "The same word spelt with or without hyphens or spaces."),
    Kind("wording", ChangeOptions, _change_kind("wording"),
         "Other words in aligned sentences, outside quotations."),
    Kind("contrary_words", ContraryOptions, contrary_words,
         "A word replaced by its opposite, from a list of pairs of lemmas."),
]}
