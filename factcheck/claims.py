"""Stage 5b: group facts that make the same claim across sources, and type word differences.

The output is a list of :class:`Observation` records: neutral descriptions ("these amounts were
aligned", "this word became that word") that the rule kinds then judge. Keeping judgement out of
this module is what lets a user rule change a threshold or a severity without touching code.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from rapidfuzz import fuzz

from factcheck.align import SentencePair, align, norm, unaligned
from factcheck.diffwords import Change, content_tokens, diff_tokens
from factcheck.model import Fact, Parsed, Sentence, Token

ENTITY_TYPES = ("person", "org", "place")
NAME_SIMILARITY = 80.0
DIFF_MIN_SCORE = 80.0  # word diffs only between near-copies; paraphrases align by facts
MAX_NAME_TOKENS = 3


@dataclass(frozen=True)
class Reading:
    """One source's side of an observation."""

    source: str
    value: Any
    start: int
    end: int
    facts: tuple[Fact, ...] = ()
    sentence: int | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Observation:
    kind: str  # "facts" | "change" | "attribution" | "sentence"
    type: str
    readings: tuple[Reading, ...]
    detail: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def sources(self) -> set[str]:
        return {r.source for r in self.readings}


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[Any, Any] = {}

    def find(self, x: Any) -> Any:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: Any, b: Any) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c)).replace("-", " ").strip()


def same_name(a: str, b: str) -> float:
    """Similarity of two canonical names; a surname alone matches the full name."""
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return 100.0
    ta, tb = fa.split(), fb.split()
    if ta and tb and (ta[-1] == tb[-1]) and (set(ta) <= set(tb) or set(tb) <= set(ta)):
        return 100.0
    return float(fuzz.ratio(fa, fb))


def _dates_compatible(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return False
    a, b = str(a), str(b)
    return a == b or a.startswith(b) or b.startswith(a)


def compare(parsed: list[Parsed]) -> tuple[list[Observation], list[SentencePair]]:
    parsed = sorted(parsed, key=lambda p: p.article.id)
    pairs = align(parsed)
    by_id = {p.article.id: p for p in parsed}
    observations: list[Observation] = []
    groups = _fact_groups(parsed, pairs, by_id)
    observations.extend(groups)
    observations.extend(_attributions(groups))
    covered = _covered_spans(groups)
    observations.extend(_changes(pairs, by_id, covered))
    observations.extend(_sentences_alone(parsed, pairs, groups))
    return observations, pairs


def _fact_groups(parsed: list[Parsed], pairs: list[SentencePair],
                 by_id: dict[str, Parsed]) -> list[Observation]:
    uf = _UnionFind()
    facts: dict[tuple[str, int], Fact] = {}
    for p in parsed:
        for i, f in enumerate(p.facts):
            facts[(p.article.id, i)] = f
            uf.find((p.article.id, i))
    index: dict[str, dict[str, list[int]]] = {
        p.article.id: defaultdict(list) for p in parsed}
    for p in parsed:
        for i, f in enumerate(p.facts):
            index[p.article.id][f.type].append(i)

    # Entities and roles: one cluster per name, across the whole article.
    for a, b in combinations(parsed, 2):
        for etype in (*ENTITY_TYPES, "role"):
            for i in index[a.article.id][etype]:
                fa = a.facts[i]
                name_a = fa.attrs.get("person", fa.value) if etype == "role" else fa.value
                for j in index[b.article.id][etype]:
                    fb = b.facts[j]
                    name_b = fb.attrs.get("person", fb.value) if etype == "role" else fb.value
                    if same_name(name_a, name_b) >= NAME_SIMILARITY:
                        uf.union((a.article.id, i), (b.article.id, j))
    # Mentions of one entity in one source belong together.
    for p in parsed:
        first: dict[tuple[str, str], int] = {}
        for i, f in enumerate(p.facts):
            if f.type in (*ENTITY_TYPES, "role"):
                name = f.attrs.get("person", f.value) if f.type == "role" else f.value
                k = (f.type, fold(str(name)))
                if k in first:
                    uf.union((p.article.id, first[k]), (p.article.id, i))
                else:
                    first[k] = i

    # Amounts and dates: matched inside aligned sentences, in order, by unit / precision.
    for pair in pairs:
        pa, pb = by_id[pair.a], by_id[pair.b]
        for ftype in ("amount", "date", "quote"):
            ia = [i for i in index[pair.a][ftype] if pa.facts[i].sentence == pair.ai]
            ib = [j for j in index[pair.b][ftype] if pb.facts[j].sentence == pair.bi]
            for i, j in _match_in_sentence(ftype, pa, ia, pb, ib):
                uf.union((pair.a, i), (pair.b, j))
    # Equal values anywhere: the same amount with the same unit, the same resolved date.
    for a, b in combinations(parsed, 2):
        for i in index[a.article.id]["amount"]:
            fa = a.facts[i]
            for j in index[b.article.id]["amount"]:
                fb = b.facts[j]
                if fa.key[:2] == fb.key[:2] and _num_equal(fa.value, fb.value):
                    uf.union((a.article.id, i), (b.article.id, j))
        for i in index[a.article.id]["date"]:
            fa = a.facts[i]
            for j in index[b.article.id]["date"]:
                fb = b.facts[j]
                if fa.value is not None and fa.value == fb.value:
                    uf.union((a.article.id, i), (b.article.id, j))
        for i in index[a.article.id]["quote"]:
            fa = a.facts[i]
            for j in index[b.article.id]["quote"]:
                if _quotes_match(fa, b.facts[j]):
                    uf.union((a.article.id, i), (b.article.id, j))

    clusters: dict[Any, list[tuple[str, int]]] = defaultdict(list)
    for key in facts:
        clusters[uf.find(key)].append(key)
    out = []
    for members in clusters.values():
        members.sort()
        ftype = facts[members[0]].type
        per_source: dict[str, list[Fact]] = defaultdict(list)
        for src, i in members:
            per_source[src].append(facts[(src, i)])
        readings = []
        for src in sorted(per_source):
            fs = sorted(per_source[src], key=lambda f: f.start)
            # One reading per distinct value in a source (an entity: its first mention).
            seen: set[str] = set()
            for f in fs:
                v = repr(f.value)
                if v in seen:
                    continue
                seen.add(v)
                readings.append(Reading(src, f.value, f.start, f.end, (f,), f.sentence))
        out.append(Observation("facts", ftype, tuple(readings)))
    out.sort(key=lambda o: (o.type, o.readings[0].source, o.readings[0].start))
    return out


def _num_equal(a: Any, b: Any) -> bool:
    try:
        fa, fb = float(a), float(b)
    except (TypeError, ValueError):
        return a == b
    return abs(fa - fb) <= 1e-9 * max(abs(fa), abs(fb), 1.0)


def _quotes_match(fa: Fact, fb: Fact) -> bool:
    """Same quotation: equal, a fragment of the other, or mostly the same words."""
    a, b = _words(str(fa.value)), _words(str(fb.value))
    if not a or not b:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < 3:
        # A one- or two-word fragment matches only as whole words inside the other quote.
        return " ".join(short) in " ".join(long_)
    if len(short) < 0.25 * len(long_):
        return False
    joined_s, joined_l = " ".join(short), " ".join(long_)
    if fuzz.partial_ratio(joined_s, joined_l) >= 85:
        return True
    content = [w[:5] for w in short if len(w) > 3]
    stems = {w[:5] for w in long_}
    found = sum(1 for w in content if w in stems)
    return len(content) >= 3 and found / len(content) >= 0.6


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[^\w]+", fold(text)) if w]


def _match_in_sentence(ftype: str, pa: Parsed, ia: list[int], pb: Parsed,
                       ib: list[int]) -> list[tuple[int, int]]:
    out = []
    left = list(ib)
    for i in ia:
        fa = pa.facts[i]
        best = None
        for j in left:
            fb = pb.facts[j]
            if ftype == "amount" and fa.key[0] != fb.key[0]:
                continue
            if ftype == "amount" and fa.key[1] and fb.key[1] and fa.key[1] != fb.key[1]:
                # Different counted nouns are different claims ("fois" vs "tweets").
                continue
            if ftype == "quote" and not _quotes_match(fa, fb):
                continue
            best = j
            break
        if best is not None:
            out.append((i, best))
            left.remove(best)
    return out


def _attributions(groups: list[Observation]) -> list[Observation]:
    """Aligned quotes whose speakers differ: same words put in another mouth."""
    out = []
    for obs in groups:
        if obs.type != "quote" or len(obs.sources) < 2:
            continue
        speakers = []
        for r in obs.readings:
            f = r.facts[0]
            who = f.attrs.get("speaker")
            if who:
                speakers.append(Reading(r.source, who, f.attrs["speaker_start"],
                                        f.attrs["speaker_end"], (f,), f.sentence,
                                        {"head": f.attrs.get("speaker_head", "")}))
        if len({r.source for r in speakers}) < 2:
            continue
        out.append(Observation("attribution", "role", tuple(speakers),
                               {"quote": obs.readings[0].value}))
    return out


def _covered_spans(groups: list[Observation]) -> dict[str, list[tuple[int, int]]]:
    """Spans owned by compared amounts and dates: word diffs there would repeat those findings."""
    covered: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for obs in groups:
        if obs.type in ("amount", "date") and len(obs.sources) >= 2:
            for r in obs.readings:
                covered[r.source].append((r.start, r.end))
    return covered


def _changes(pairs: list[SentencePair], by_id: dict[str, Parsed],
             covered: dict[str, list[tuple[int, int]]]) -> list[Observation]:
    out = []
    for pair in pairs:
        sa = by_id[pair.a].sentences[pair.ai]
        sb = by_id[pair.b].sentences[pair.bi]
        if fuzz.ratio(norm(sa.text), norm(sb.text)) < DIFF_MIN_SCORE:
            continue
        quotes_a = [(f.start, f.end) for f in by_id[pair.a].facts
                    if f.type == "quote" and f.sentence == pair.ai]
        quotes_b = [(f.start, f.end) for f in by_id[pair.b].facts
                    if f.type == "quote" and f.sentence == pair.bi]
        names_a = _entity_names(by_id[pair.a], pair.ai)
        names_b = _entity_names(by_id[pair.b], pair.bi)
        for ch in diff_tokens(content_tokens(sa.tokens), content_tokens(sb.tokens)):
            if _overlaps(ch.a, covered[pair.a]) or _overlaps(ch.b, covered[pair.b]):
                continue
            if ch.kind == "number":
                continue
            kind, etype = ch.kind, "wording"
            small = max(len(ch.a), len(ch.b)) <= MAX_NAME_TOKENS
            if kind == "name" and not small:
                kind = "wording"
            if kind in ("name", "wording", "name_form") and small:
                ea, eb = _names_in(ch.a, names_a), _names_in(ch.b, names_b)
                if ea and eb:
                    sim = max(same_name(x[0], y[0]) for x in ea for y in eb)
                    if sim >= 100:
                        continue
                    kind, etype = "name", (ea + eb)[0][1]
                    ch = Change("name", ch.a, ch.b, f"{sim:.0f}")
                elif kind == "name_form":
                    continue
                elif kind == "name":
                    etype = (ea + eb)[0][1] if (ea or eb) else "org"
            if kind == "polarity":
                etype = "polarity"
            in_quote = _overlaps(ch.a, quotes_a) or _overlaps(ch.b, quotes_b)
            if in_quote and kind in ("wording", "inflection"):
                # Quote wording is judged on the whole quote (see the quote rule).
                continue
            out.append(Observation("change", etype, (
                _token_reading(pair.a, ch.a, sa, by_id[pair.a].article.raw),
                _token_reading(pair.b, ch.b, sb, by_id[pair.b].article.raw),
            ), {"change": kind, "detail": ch.detail, "in_quote": in_quote,
                "similarity": ch.detail if kind == "name" else None}))
    return out


def _entity_names(p: Parsed, sentence: int) -> list[tuple[int, int, str, str]]:
    return [(f.start, f.end, str(f.value), f.type) for f in p.facts
            if f.sentence == sentence and f.type in ENTITY_TYPES]


def _names_in(tokens: tuple[Token, ...], names: list[tuple[int, int, str, str]]
              ) -> list[tuple[str, str]]:
    return [(n, t) for s, e, n, t in names
            if any(tok.start < e and s < tok.end for tok in tokens)]


def _overlaps(tokens: tuple[Token, ...], spans: list[tuple[int, int]]) -> bool:
    return any(t.start < e and s < t.end for t in tokens for s, e in spans)


def _token_reading(source: str, tokens: tuple[Token, ...], sent: Sentence, raw: str) -> Reading:
    if tokens:
        start, end = tokens[0].start, tokens[-1].end
        value = " ".join(raw[start:end].split())
    else:
        # Nothing on this side: point at the sentence (the words are missing from it).
        start, end, value = sent.start, sent.end, ""
    return Reading(source, value, start, end, (), sent.index,
                   {"sentence": (sent.start, sent.end), "empty": not tokens})


def _sentences_alone(parsed: list[Parsed], pairs: list[SentencePair],
                     groups: list[Observation]) -> list[Observation]:
    """Sentences no other source has, unless a single-source fact already points at them."""
    alone_facts = {(r.source, r.sentence) for o in groups if len(o.sources) == 1
                   for r in o.readings}
    out = []
    for src, sentences in unaligned(parsed, pairs).items():
        for s in sentences:
            if (src, s.index) in alone_facts:
                continue
            words = [t for t in s.tokens if not t.is_punct]
            out.append(Observation("sentence", "wording", (
                Reading(src, s.text, s.start, s.end, (), s.index),), {"words": len(words)}))
    return out
