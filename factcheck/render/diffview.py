"""What the human-readable reports show, computed once for the terminal and the HTML renderers.

The renderers differ only in how they draw (rich styles, HTML elements); what they draw is decided
here, from the report's frozen records, by pure functions that return frozen records:

* the sources header and the counts;
* each disagreement with every source's wording in its sentence and the words that differ
  highlighted (an inline word diff against the best-supported other reading);
* the fact matrix (facts x sources, each cell agree / disagree / absent);
* the single-source details, per source.

Keeping this free of rich and HTML means the two reports cannot drift apart in what they say,
and it can be tested without rendering anything.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factcheck.model import Article, Evidence, Finding, Severity

if TYPE_CHECKING:
    from factcheck.api import Report

TYPE_ORDER = ("amount", "date", "person", "org", "place", "quote", "role", "polarity", "wording")
TYPE_TITLES = {"amount": "Amounts", "date": "Dates", "person": "People", "org": "Organisations",
               "place": "Places", "quote": "Quotes", "role": "Attribution and roles",
               "polarity": "Negation", "wording": "Wording"}
MATRIX_TYPES = ("date", "amount", "person", "org", "place", "quote")
CONTEXT_WORDS = 12  # words of the sentence shown on each side of a short evidence span

# Words for the inline diff: a number with its separators ("3,5", "26 000") is one word, so that
# "3,5" / "5,3" is one change, not two; other words may join parts by hyphens or apostrophes
# ("long-terme", "l'API"), so that "long terme" / "long-terme" shows as a difference while
# punctuation and quote marks (typography, never a finding) do not.
_WORD = re.compile(r"\d+(?:[\u202f\u00a0 ]\d{3})*(?:[.,]\d+)?(?!\w)|\w+(?:[-'’]\w+)*")
_READING_FOLD = str.maketrans({"’": "'", "‘": "'", "«": '"', "»": '"', "“": '"', "”": '"'})
_RE_READINGS = re.compile(r"\d+ readings? among \d+ sources?")
_RE_SUPPORT = re.compile(r"(?:^|;\s*)support \{.*\}\s*$")


def collapse(text: str) -> str:
    """One line, single spaces: raw article text keeps the file's line breaks."""
    return " ".join(text.split())


def fold(text: str) -> str:
    """A reading's identity for counting support: typography (quote marks, apostrophes) aside."""
    return collapse(unicodedata.normalize("NFC", text).translate(_READING_FOLD)).casefold()


def clip(text: str, limit: int) -> str:
    text = collapse(text)
    return text if len(text) <= limit else text[:max(limit - 1, 1)].rstrip() + "…"


def type_rank(t: str) -> int:
    return TYPE_ORDER.index(t) if t in TYPE_ORDER else len(TYPE_ORDER)


# -- header ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SourceView:
    id: str
    path: str
    outlet: str | None
    title: str | None
    date: str | None  # as precise as known: "2023", "2023-05", "2023-05-18"
    borrowed_from: str | None  # the source (or "--date") the date was taken from
    words: int


@dataclass(frozen=True)
class Counts:
    disagreements: int
    agreements: int
    single_source: int
    by_severity: tuple[tuple[str, int], ...]  # disagreements per severity, worst first
    worst: str | None


def show_date(a: Article) -> str | None:
    if a.date is None:
        return None
    return a.date.isoformat()[:{"year": 4, "month": 7}.get(a.date_precision or "", 10)]


def sources(report: Report) -> list[SourceView]:
    words = {p.article.id: sum(1 for s in p.sentences for t in s.tokens if not t.is_punct)
             for p in report.parsed}
    return [SourceView(a.id, a.path, a.outlet, a.title, show_date(a), a.date_borrowed_from,
                       words.get(a.id, 0)) for a in report.articles]


def counts(report: Report) -> Counts:
    n = Counter(f.status for f in report.results)
    sev = Counter(f.severity for f in report.results if f.status == "disagreement")
    worst = max(sev) if sev else None
    return Counts(n["disagreement"], n["agreement"], n["single_source"],
                  tuple((str(s), sev[s]) for s in sorted(sev, reverse=True)),
                  str(worst) if worst is not None else None)


# -- context of an evidence item --------------------------------------------------------------
@dataclass(frozen=True)
class Segment:
    """A piece of displayed text; ``changed`` marks the words that differ from another reading."""

    text: str
    changed: bool = False


@dataclass(frozen=True)
class Wording:
    """One source's side of a finding: its words in their sentence, differences marked."""

    source: str
    location: str  # "line:column" of the evidence
    before: str  # sentence text before the evidence (clipped, "…" where cut)
    parts: tuple[Segment, ...]  # the evidence itself
    after: str
    missing: bool  # the words are absent from this source's sentence
    evidence: Evidence
    changed: tuple[tuple[int, int], ...]  # raw offsets of the changed words


def sentence_of(report: Report, e: Evidence) -> tuple[int, int] | None:
    """Raw span of the sentence holding ``e``: from the evidence itself, else from the parse.

    Word-level findings carry their sentence; fact findings do not, but every fact lies in one
    parsed sentence, whose raw offsets the parse keeps.
    """
    if e.extra.get("sentence") and "sentence_start" in e.extra:
        start = int(e.extra["sentence_start"])
        return start, start + len(e.extra["sentence"])
    for p in report.parsed:
        if p.article.id != e.source:
            continue
        for s in p.sentences:
            if s.start <= e.start < s.end or (e.start == e.end == s.start):
                return s.start, max(s.end, e.end)
    return None


def raw_text(report: Report, source: str) -> str:
    for a in report.articles:
        if a.id == source:
            return a.raw
    return ""


def words(text: str, offset: int = 0) -> list[tuple[int, int, str]]:
    """Word tokens of ``text`` as (start, end, folded form), offsets shifted by ``offset``."""
    return [(m.start() + offset, m.end() + offset,
             unicodedata.normalize("NFC", m.group()).replace("’", "'").casefold())
            for m in _WORD.finditer(text)]


def changed_words(text: str, other: str, offset: int = 0) -> list[tuple[int, int]]:
    """Spans of ``text`` (shifted by ``offset``) whose words ``other`` does not have in order.

    Neighbouring changed words are merged with what lies between them, so "la plateforme"
    is one highlight, not two.
    """
    mine, theirs = words(text, offset), words(other)
    matcher = difflib.SequenceMatcher(a=[w[2] for w in mine], b=[w[2] for w in theirs],
                                      autojunk=False)
    spans: list[tuple[int, int]] = []
    for op, i1, i2, _j1, _j2 in matcher.get_opcodes():
        if op in ("replace", "delete") and i2 > i1:
            spans.append((mine[i1][0], mine[i2 - 1][1]))
    return spans


@dataclass(frozen=True)
class Reading:
    """What some sources say: the text, which sources, and how many of how many."""

    text: str
    sources: tuple[str, ...]
    count: int
    total: int


def readings(f: Finding) -> list[Reading]:
    """The finding's readings, best-supported first, typography-only variants merged.

    ``Finding.support`` counts sources per exact wording; a quote given with ’ in one source and '
    in another is one reading to a reader, so the counts are summed over folded wordings.
    """
    by_key: dict[str, list[Evidence]] = defaultdict(list)
    for e in f.evidence:
        by_key[fold(e.text) if not e.extra.get("missing") else ""].append(e)
    all_sources = {e.source for e in f.evidence}
    out = []
    for key, evs in by_key.items():
        srcs = tuple(dict.fromkeys(e.source for e in evs))
        support = sum(c for text, c in f.support.items()
                      if (fold(text) if text != "(nothing)" else "") == key) if f.support else 0
        text = collapse(evs[0].text) if key else ""
        out.append(Reading(text, srcs, max(support, len(srcs)), len(all_sources)))
    first = {id(r): n for n, r in enumerate(out)}
    out.sort(key=lambda r: (-r.count, first[id(r)]))
    return out


def wordings(report: Report, f: Finding, context: int = CONTEXT_WORDS) -> list[Wording]:
    """Every source's wording for ``f``, with the words that differ from the other reading."""
    rs = readings(f)
    out = []
    for e in f.evidence:
        missing = bool(e.extra.get("missing")) or not e.text.strip()
        key = "" if missing else fold(e.text)
        others = [r for r in rs if fold(r.text) != key]
        other = others[0].text if others else None
        raw = raw_text(report, e.source)
        span = sentence_of(report, e)
        changed: list[tuple[int, int]] = []
        if not missing and other is not None:
            changed = changed_words(e.text, other, e.start)
        if missing:
            s, t = span or (e.start, e.end)
            before, parts, after = collapse(raw[s:t]), (), ""
            if len(before.split()) > 2 * context:
                before = " ".join(before.split()[:2 * context]) + " …"
        else:
            before, after = "", ""
            if span is not None:
                s, t = span
                before = _clip_words(raw[s:e.start], context, left=True)
                after = _clip_words(raw[e.end:t], context, left=False)
            parts = tuple(segments(e.text, changed, e.start))
        out.append(Wording(e.source, f"{e.line}:{e.column}", before, parts, after, missing, e,
                           tuple(changed)))
    return out


def _clip_words(text: str, n: int, *, left: bool) -> str:
    """Up to ``n`` words of context, keeping the space that separates it from the evidence."""
    ws = text.split()
    if not ws:
        return ""
    kept = ws[-n:] if left else ws[:n]
    cut = len(ws) > n
    joined = " ".join(kept)
    if left:
        return ("… " if cut else "") + joined + (" " if text[-1:].isspace() else "")
    return (" " if text[:1].isspace() else "") + joined + (" …" if cut else "")


def segments(text: str, changed: Iterable[tuple[int, int]], offset: int = 0) -> list[Segment]:
    """Split ``text`` (at raw ``offset``) into changed and unchanged pieces, whitespace collapsed."""
    out: list[Segment] = []
    pos = offset
    for s, e in sorted(changed):
        if s > pos:
            out.append(Segment(text[pos - offset:s - offset]))
        out.append(Segment(text[s - offset:e - offset], True))
        pos = max(pos, e)
    if pos < offset + len(text):
        out.append(Segment(text[pos - offset:]))
    squashed = []
    for seg in out:
        t = re.sub(r"\s+", " ", seg.text)
        if t:
            squashed.append(Segment(t, seg.changed))
    return squashed


# -- disagreements ------------------------------------------------------------------------------
@dataclass(frozen=True)
class DisagreementView:
    index: int  # position of the finding in ``report.results`` (stable anchor for HTML)
    finding: Finding
    explanation: str | None  # only when it adds to the message and the readings
    readings: tuple[Reading, ...]
    wordings: tuple[Wording, ...]


@dataclass(frozen=True)
class TypeGroup:
    type: str
    title: str
    items: tuple[DisagreementView, ...]


def useful_explanation(f: Finding) -> str | None:
    """The explanation, less what the message already says or the readings will.

    Rule kinds write support counts into some explanations ("2 readings among 3 sources",
    "support {...}"); the report shows those as "2 of 3 sources say ..." lines instead.
    """
    x = _RE_SUPPORT.sub("", (f.explanation or "").strip()).strip()
    if not x or x in f.message or _RE_READINGS.fullmatch(x):
        return None
    return x


def disagreements(report: Report, context: int = CONTEXT_WORDS) -> list[TypeGroup]:
    """Disagreements grouped by type; groups and items ordered by severity, worst first."""
    by_type: dict[str, list[DisagreementView]] = defaultdict(list)
    for n, f in enumerate(report.results):
        if f.status != "disagreement":
            continue
        by_type[f.type].append(DisagreementView(n, f, useful_explanation(f), tuple(readings(f)),
                                                tuple(wordings(report, f, context))))
    groups = []
    for t, items in by_type.items():
        items.sort(key=lambda d: (-int(d.finding.severity), d.index))
        groups.append(TypeGroup(t, TYPE_TITLES.get(t, t.title()), tuple(items)))
    groups.sort(key=lambda g: (-int(g.items[0].finding.severity), type_rank(g.type)))
    return groups


# -- fact matrix --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Cell:
    state: str  # "agree" | "disagree" | "absent"
    value: str = ""  # the source's normalised value, short ("2023-05-18", "780M fois")
    wording: str = ""  # what the source wrote, one line, when it says more than the value
    evidence: int | None = None  # index into the finding's evidence (HTML anchors)


@dataclass(frozen=True)
class MatrixRow:
    index: int  # finding index in ``report.results``
    type: str
    status: str
    severity: Severity
    cells: tuple[Cell, ...]  # one per source, in ``report.articles`` order


def plain_number(x: float) -> str:
    """A number as French news writes it: grouped thousands, a decimal comma, no exponent."""
    if abs(x) >= 100 or float(x).is_integer():
        return f"{round(x):,}".replace(",", " ")
    return f"{x:.2f}".rstrip("0").rstrip(".").replace(".", ",")


SCALES = ((1e9, "milliard"), (1e6, "million"))


def short_number(x: float) -> str:
    """"26 milliards", "780 millions", "3,5 milliards", "18 000": the article's scale words."""
    for size, word in SCALES:
        if abs(x) >= size:
            m = x / size
            return f"{plain_number(m)} {word}{'s' if abs(m) >= 2 else ''}"
    return plain_number(x)


YEAR_S = 365.25 * 86400.0
#: French duration words, longest first: (pattern in the article's text, seconds, singular,
#: plural). Durations are compared in seconds; they are shown in the unit the article used.
DURATION_UNITS = (
    (r"mill[ée]naires?", 1000 * YEAR_S, "millénaire", "millénaires"),
    (r"si[èe]cles?", 100 * YEAR_S, "siècle", "siècles"),
    (r"d[ée]cennies?", 10 * YEAR_S, "décennie", "décennies"),
    (r"ans?|ann[ée]es?", YEAR_S, "an", "ans"),
    (r"semestres?", YEAR_S / 2, "semestre", "semestres"),
    (r"trimestres?", YEAR_S / 4, "trimestre", "trimestres"),
    (r"mois", YEAR_S / 12, "mois", "mois"),
    (r"semaines?", 7 * 86400.0, "semaine", "semaines"),
    (r"jours?|j", 86400.0, "jour", "jours"),
    (r"heures?|h", 3600.0, "heure", "heures"),
    (r"minutes?|min|mn", 60.0, "minute", "minutes"),
    (r"secondes?|sec|s", 1.0, "seconde", "secondes"),
)
#: When the text names no unit ("1h30" is read as one): the largest unit the value fills.
FALLBACK_UNITS = ("an", "mois", "jour", "heure", "minute", "seconde")
PERIODS = {"year": "an", "month": "mois", "week": "semaine", "day": "jour", "hour": "heure",
           "minute": "minute"}


#: Written units that amounts are compared in another of (km in m, tonnes in kg): (pattern in
#: the article's text, the compared unit, its size in that unit, the label shown).
QUANTITY_UNITS = (
    (r"km²|km2|kilom[èe]tres? carr[ée]s", "m²", 1e6, "km²"),
    (r"hectares?|ha", "m²", 1e4, "ha"),
    (r"km|kilom[èe]tres?", "m", 1e3, "km"),
    (r"cm|centim[èe]tres?", "m", 0.01, "cm"),
    (r"mm|millim[èe]tres?", "m", 0.001, "mm"),
    (r"miles?", "m", 1609.344, "miles"),
    (r"tonnes?|t", "kg", 1e3, "t"),
    (r"grammes?|g", "kg", 1e-3, "g"),
    (r"kWh|kilowattheures?", "Wh", 1e3, "kWh"),
    (r"MWh|m[ée]gawattheures?", "Wh", 1e6, "MWh"),
    (r"GWh|gigawattheures?", "Wh", 1e9, "GWh"),
    (r"TWh|t[ée]rawattheures?", "Wh", 1e12, "TWh"),
    (r"kW|kilowatts?", "W", 1e3, "kW"),
    (r"MW|m[ée]gawatts?", "W", 1e6, "MW"),
    (r"GW|gigawatts?", "W", 1e9, "GW"),
    (r"m³|m3|m[èe]tres? cubes", "l", 1e3, "m³"),
    (r"hl|hectolitres?", "l", 100.0, "hl"),
    (r"cl|centilitres?", "l", 0.01, "cl"),
    (r"ml|millilitres?", "l", 0.001, "ml"),
    (r"barils?", "l", 158.987294928, "barils"),
)


def _names(pattern: str, text: str) -> bool:
    """Whether ``text`` holds ``pattern`` as a whole word."""
    return re.search(rf"(?<![^\W\d_])(?:{pattern})(?![^\W\d_])", collapse(text)) is not None


def show_quantity(value: float, unit: str, text: str, high: float | None = None) -> str:
    """"5 km" for "5 kilomètres" (compared as 5 000 m); the compared unit when none is written."""
    size, label = 1.0, unit
    for pattern, compared, factor, shown in QUANTITY_UNITS:
        if compared == unit and _names(pattern, text):
            size, label = factor, shown
            break
    out = short_number(value / size)
    if high is not None and high != value:
        out += f"–{short_number(high / size)}"
    return f"{out} {label}"


def duration_unit(text: str, seconds: float) -> tuple[float, str, str]:
    """``(seconds per unit, singular, plural)`` of the unit ``text`` writes, else a fitting one."""
    for pattern, size, one, many in DURATION_UNITS:
        if _names(f"(?i:{pattern})", text):
            return size, one, many
    units = [u for u in DURATION_UNITS if u[2] in FALLBACK_UNITS]
    for _pattern, size, one, many in units:
        if abs(seconds) >= size:
            return size, one, many
    return units[-1][1:]


def show_duration(seconds: float, text: str, high: float | None = None) -> str:
    """"15 ans" for "quinze ans" (compared as 473 364 000 seconds)."""
    size, one, many = duration_unit(text, seconds)
    shown = plain_number(seconds / size)
    if high is not None and high != seconds:
        shown += f"–{plain_number(high / size)}"
    return f"{shown} {one if abs((high or seconds) / size) < 2 else many}"


def short_value(type_: str, e: Evidence, limit: int = 40) -> str:
    """A fact's value in the article's units, in a few characters: "780 millions fois",
    "15 ans", "2023-05-18", "Elon Musk"."""
    v = e.value
    if type_ == "amount" and isinstance(v, int | float) and not isinstance(v, bool):
        high = e.extra.get("high")
        high = high if isinstance(high, int | float) and not isinstance(high, bool) else None
        unit = e.extra.get("unit")
        if unit == "s" and e.extra.get("kind") in ("duration", None):
            text = show_duration(v, e.text, high)
        elif e.extra.get("kind") == "quantity" and isinstance(unit, str):
            text = show_quantity(v, unit, e.text, high)
        else:
            text = short_number(v)
            if high is not None and high != v:
                text += f"–{short_number(high)}"
            if unit == "%":
                text += " %"
            elif unit == "year":  # an age
                text += " ans" if abs(high or v) >= 2 else " an"
            elif unit:
                text += f" {unit}"
        if e.extra.get("period"):
            text += f"/{PERIODS.get(e.extra['period'], e.extra['period'])}"
        return clip(text, limit)
    if type_ == "role" and e.extra.get("person"):
        return clip(f"{e.extra['person']}: {collapse(str(v))}", limit)
    if v is None or v == "":
        return clip(e.text, limit)
    return clip(str(v), limit)


def matrix(report: Report) -> list[MatrixRow]:
    """Facts x sources: disagreements first, then agreements, each by type then report order."""
    ids = [a.id for a in report.articles]
    rows = []
    for n, f in enumerate(report.results):
        if f.status not in ("agreement", "disagreement") or f.type not in MATRIX_TYPES:
            continue
        rs = readings(f)
        majority = rs[0] if rs and (len(rs) == 1 or rs[0].count > rs[1].count) else None
        first: dict[str, int] = {}
        for k, e in enumerate(f.evidence):
            first.setdefault(e.source, k)
        cells = []
        for src in ids:
            if src not in first:
                cells.append(Cell("absent"))
                continue
            e = f.evidence[first[src]]
            if f.status == "agreement":
                state = "agree"
            else:
                agrees = majority is not None and src in majority.sources
                state = "agree" if agrees else "disagree"
            value = short_value(f.type, e, limit=200)
            wording = collapse(e.text)
            if fold(wording) == fold(value):
                wording = ""
            cells.append(Cell(state, value, wording, first[src]))
        rows.append(MatrixRow(n, f.type, f.status, f.severity, tuple(cells)))
    rows.sort(key=lambda r: (r.status != "disagreement", MATRIX_TYPES.index(r.type), r.index))
    return rows


# -- single-source details --------------------------------------------------------------------
@dataclass(frozen=True)
class SingleItem:
    index: int  # finding index in ``report.results``
    type: str
    text: str  # one line
    value: str  # normalised value, short ("" for sentences)
    location: str
    sentence: bool  # a whole sentence no other source has (as opposed to a fact)


@dataclass(frozen=True)
class SingleGroup:
    source: str
    facts: tuple[SingleItem, ...]
    sentences: tuple[SingleItem, ...]


def singles(report: Report) -> list[SingleGroup]:
    """Per source (report order): its single-source facts by type, then its lone sentences."""
    per: dict[str, list[SingleItem]] = defaultdict(list)
    for n, f in enumerate(report.results):
        if f.status != "single_source" or not f.evidence:
            continue
        e = f.evidence[0]
        sentence = f.type == "wording"
        value = "" if sentence or f.type == "quote" else short_value(f.type, e)
        if fold(value) == fold(e.text):
            value = ""
        per[e.source].append(SingleItem(n, f.type, collapse(e.text), value,
                                        f"{e.line}:{e.column}", sentence))
    out = []
    for a in report.articles:
        items = per.get(a.id, [])
        if not items:
            continue
        facts = sorted((i for i in items if not i.sentence),
                       key=lambda i: (type_rank(i.type), _loc_key(i.location)))
        sents = sorted((i for i in items if i.sentence), key=lambda i: _loc_key(i.location))
        out.append(SingleGroup(a.id, tuple(facts), tuple(sents)))
    return out


def _loc_key(loc: str) -> tuple[int, ...]:
    return tuple(int(x) for x in loc.split(":"))
