"""Stage 5b: group facts that make the same claim across sources, and type word differences.

The output is a list of :class:`Observation` records: neutral descriptions ("these amounts were
aligned", "this word became that word") that the rule kinds then judge. Keeping judgement out of
this module is what lets a user rule change a threshold or a severity without touching code.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from factcheck.align import SentencePair, align, norm, unaligned
from factcheck.candidates import name_pairs, quote_pairs
from factcheck.diffwords import Change, content_tokens, diff_tokens
from factcheck.link import Key, cluster_links, same_source_duplicates
from factcheck.link import link as link_facts
from factcheck.model import Fact, Parsed, Sentence, Token
from factcheck.romanise import romanised

ENTITY_TYPES = ("person", "org", "place")
NAME_SIMILARITY = 80.0
DIFF_MIN_SCORE = 80.0  # word diffs only between near-copies; paraphrases align by facts
MAX_NAME_TOKENS = 3
MAX_ENTITY_BLOCK = 8  # a longer changed block is a rewrite, not a name swapped
LINKED_TYPES = ("amount", "date")  # clustered by the fact linker, not by sentence alignment
# Quotes link on their words (quotes_match); the score orders the links and is their confidence.
QUOTE_LINK_MIN = 0.01


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


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c)).replace("-", " ").strip()


HONORIFIC_WORDS = {"m", "m.", "mme", "mlle", "me", "dr", "pr", "mgr", "monsieur", "madame"}


def _orig_words(name: str) -> list[str]:
    return [w for w in name.replace(".", ". ").split()
            if fold(w).rstrip(".") not in HONORIFIC_WORDS]


def name_words(name: str) -> tuple[str, ...]:
    """The folded words of a name that can tell it apart (honorifics dropped)."""
    return _name_words(fold(name))


@functools.lru_cache(maxsize=65536)
def _name_words(folded: str) -> tuple[str, ...]:
    return tuple(w for w in folded.replace(".", ". ").split() if w.rstrip(".") not in HONORIFIC_WORDS)


@functools.lru_cache(maxsize=262144)
def same_name(a: str, b: str, *, partial: bool = True) -> float:
    """Similarity of two canonical names, 0-100.

    A name given in part matches the full name ("Nadella" / "Satya Nadella", "M. Qin" / "Qin
    Gang") when ``partial`` is on, as it is for people; "Tibet" is not "Quotidien du Tibet".
    Otherwise the names are compared word by word, so that one shared first name or one
    shared common word ("ministre de la Santé" / "ministère de la Justice") does not make two
    different names look like spellings of one.
    """
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return 100.0
    ta, tb = list(_name_words(fa)), list(_name_words(fb))
    if not ta or not tb:
        return float(fuzz.ratio(fa, fb))
    if ta == tb:
        return 100.0
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if partial and set(short) <= set(long_) and ((len(short) == 1 and short[0] in (long_[0], long_[-1]))
                                     or short[-1] == long_[-1]):
        return 100.0
    caps_a = [w for w, o in zip(ta, _orig_words(a), strict=False) if o[:1].isupper()]
    caps_b = [w for w, o in zip(tb, _orig_words(b), strict=False) if o[:1].isupper()]
    if caps_a and caps_a == caps_b and (len(caps_a) < len(ta) or len(caps_b) < len(tb)):
        # "ministère de la Justice" / "ministre de la Justice": the same proper name in other
        # common words is a rewording, not a misspelt name.
        return 100.0
    if len(ta) == len(tb):
        # Word by word: the least similar pair of words decides ("Albanel" / "Lagarde").
        return float(min(word_similarity(x, y) for x, y in zip(ta, tb, strict=True)))
    return float(min(fuzz.ratio(fa, fb), word_similarity(ta[-1], tb[-1])))


def word_similarity(x: str, y: str) -> float:
    """Ratio of two folded name words, or of their transliteration folds ("wiboonsak" /
    "vibulsak"), capped below 100 so that two spellings are never taken for one. Words with
    digits are compared as written: "1999" is no spelling of "1998"."""
    if not (x.isalpha() and y.isalpha()):
        return fuzz.ratio(x, y)
    return max(fuzz.ratio(x, y), min(fuzz.ratio(romanised(x), romanised(y)), 99.0))


_DEMONYM = re.compile(r"(?:ien|ienne|iens|iennes|ais|aise|aises|ois|oise|oises|een|eenne|eens|"
                      r"ain|aine|ains|aines|an|ane|ans|ote|otes|in|ine|ins|ines|ique|iques)$")
_ROMAN_ORDINAL = re.compile(r"^[IVXLC]+(?:e|er|ème)$")


def capital_fold(name: str) -> str:
    """A name with accents dropped on capitals only ("État" = "Etat", as French typesetting
    often omits them) and spacing normalised; "Guérini" and "Guerini" stay apart."""
    out = []
    for ch in unicodedata.normalize("NFD", " ".join(name.split())):
        if unicodedata.combining(ch) and out and out[-1].isupper():
            continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out)).lower()


def small_accent_differs(a: str, b: str) -> bool:
    """The same letters with an accent dropped or changed on a small letter ("Guérini" /
    "Guerini"); a capital written without its accent ("Epargne" / "épargne") does not count."""
    a, b = unicodedata.normalize("NFC", a), unicodedata.normalize("NFC", b)
    if len(a) != len(b) or fold(a) != fold(b):
        return False
    return any(x != y and x.lower() != y.lower() and x.islower() and y.islower()
               for x, y in zip(a, b, strict=True))


def singular(word: str) -> str:
    """Number and gender folded away: "Banques Populaires" / "Banque Populaire",
    "Américains" / "Américaine", "Etats" / "État" are one name in another form."""
    w = fold(word)
    for suffix in ("es", "s", "x", "e"):
        if len(w) > 3 and w.endswith(suffix):
            w = w[: -len(suffix)]
            if suffix in ("es", "e") and len(w) > 4 and w[-1] == w[-2] and w[-1] in "lnt":
                w = w[:-1]  # "Cambodgienne" / "Cambodgiens": the feminine doubles its consonant
            return w
    return w


def is_acronym(name: str) -> bool:
    core = name.replace(".", "").replace("-", "")
    return 1 < len(core) <= 6 and core.isupper() and " " not in name.strip()


def names_comparable(a: str, b: str) -> bool:
    """Whether two names can be spellings of one name at all.

    Acronyms are compared only when equal ("PS" / "PSG" are two bodies), a name against its
    own plural, feminine or demonym ("Cambodge" / "Cambodgien", "Europe" / "Européens") is
    another word rather than a misspelling, and Roman ordinals ("XIe") are not names.
    """
    if is_acronym(a) or is_acronym(b):
        return False
    if _ROMAN_ORDINAL.match(a.strip()) or _ROMAN_ORDINAL.match(b.strip()):
        return False
    wa, wb = a.split(), b.split()
    if len(wa) == len(wb) and [singular(x) for x in wa] == [singular(y) for y in wb] \
            and not small_accent_differs(a, b):
        return False
    if len(wa) == 1 and len(wb) == 1:
        x, y = fold(a), fold(b)
        stem = 0
        while stem < min(len(x), len(y)) and x[stem] == y[stem]:
            stem += 1
        if stem >= 4 and x[stem:] != y[stem:]:
            dx, dy = bool(_DEMONYM.search(x[stem - 1:])), bool(_DEMONYM.search(y[stem - 1:]))
            short, long_ = sorted((x, y), key=len)
            if long_.startswith(short[:-1] if short.endswith("e") else short) \
                    and _DEMONYM.search(long_[len(short) - 3:]) and not _DEMONYM.search(short):
                return False  # "Australie" / "Australien", "Italie" / "Italiens": its people
            if dx != dy and (_DEMONYM.search(x) is None) != (_DEMONYM.search(y) is None):
                return False  # "Texas" / "Texan": a place and its people
            if dx or dy:
                return len(x) == len(y) and abs(len(x) - stem) <= 1  # only a letter changed
    return True


def _dates_compatible(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return False
    a, b = str(a), str(b)
    return a == b or a.startswith(b) or b.startswith(a)


def date_form(f: Fact, other: Fact) -> tuple[str | None, str | None]:
    """The two dates in forms that can be compared: resolved values when both have one,
    else as written ("W2Tsoir", "--03-04"), a resolved day standing in as its weekday."""
    if f.value is not None and other.value is not None:
        return str(f.value), str(other.value)
    wa, wb = f.attrs.get("written"), other.attrs.get("written")
    if not wa or not wb:
        return None, None
    wa, wb = _as_weekday(f, str(wa), str(wb)), _as_weekday(other, str(wb), str(wa))
    if _written_class(wa) != _written_class(wb):
        return None, None  # "samedi" against "le 6 décembre": nothing says they differ
    return wa, wb


def _written_class(form: str) -> str:
    if form.startswith("--"):
        return "day" if form.count("-") >= 3 else "month"
    return form[:1]


def _as_weekday(f: Fact, mine: str, theirs: str) -> str:
    if theirs.startswith("W") and not mine.startswith("W") and f.value is not None:
        try:
            day = dt.date.fromisoformat(str(f.value)[:10])
        except ValueError:
            return mine
        return f"W{day.isoweekday()}" + (mine[mine.index("T"):] if "T" in mine else "")
    return mine


def dates_agree(fa: Fact, fb: Fact) -> bool | None:
    """True or False when the two dates can be compared, None when they cannot."""
    a, b = date_form(fa, fb)
    if a is None or b is None:
        return None
    return _dates_compatible(a, b)


def compare(parsed: list[Parsed], *, exhaustive: bool = False
            ) -> tuple[list[Observation], list[SentencePair]]:
    """Observations over all sources; ``exhaustive`` compares every pair of sentences, names,
    quotes and facts instead of indexed candidates (same result, kept for the tests)."""
    parsed = sorted(parsed, key=lambda p: p.article.id)
    pairs = align(parsed, exhaustive=exhaustive)
    by_id = {p.article.id: p for p in parsed}
    observations: list[Observation] = []
    groups = _fact_groups(parsed, pairs, by_id, exhaustive=exhaustive)
    observations.extend(groups)
    observations.extend(_attributions(groups))
    covered = _covered_spans(groups)
    observations.extend(_changes(pairs, by_id, covered, _entity_of(groups)))
    observations.extend(_sentences_alone(parsed, pairs, groups))
    return observations, pairs


def _fact_groups(parsed: list[Parsed], pairs: list[SentencePair],
                 by_id: dict[str, Parsed], *, exhaustive: bool = False) -> list[Observation]:
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

    # Entities and roles: one cluster per name, across the whole article. Names are compared
    # once per distinct pair (an entity has many mentions), with mentions joined below.
    def names(p: Parsed, etype: str) -> dict[str, int]:
        out: dict[str, int] = {}
        for i in index[p.article.id][etype]:
            f = p.facts[i]
            out.setdefault(str(f.attrs.get("person", f.value) if etype == "role" else f.value), i)
        return out

    if exhaustive:
        for a, b in combinations(parsed, 2):
            for etype in (*ENTITY_TYPES, "role"):
                names_b = names(b, etype)
                for name_a, i in names(a, etype).items():
                    for name_b, j in names_b.items():
                        if same_name(name_a, name_b, partial=etype in ("person", "role")) \
                                >= NAME_SIMILARITY:
                            uf.union((a.article.id, i), (b.article.id, j))
    else:
        for etype in (*ENTITY_TYPES, "role"):
            _join_names(uf, [(p.article.id, names(p, etype)) for p in parsed],
                        partial=etype in ("person", "role"))
    _join_across_kinds(uf, parsed, index)
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

    # Quotes: matched inside aligned sentences, in order, and by their words anywhere; then
    # linked one-to-one and clustered like figures, so that two utterances sharing a phrase
    # with a third are not chained into one "reworded" quote.
    quote_scores: dict[tuple[Key, Key], tuple[float, tuple[str, ...]]] = {}

    def add_quote(x: Key, y: Key, why: str) -> None:
        s = _quote_similarity(facts[x], facts[y])
        if s > quote_scores.get((x, y), (0.0,))[0]:
            quote_scores[(x, y)] = quote_scores[(y, x)] = (s, (why,))

    for pair in pairs:
        pa, pb = by_id[pair.a], by_id[pair.b]
        near = fuzz.ratio(norm(pa.sentences[pair.ai].text), norm(pb.sentences[pair.bi].text)) \
            >= DIFF_MIN_SCORE
        ia = [i for i in index[pair.a]["quote"] if pa.facts[i].sentence == pair.ai]
        ib = [j for j in index[pair.b]["quote"] if pb.facts[j].sentence == pair.bi]
        for i, j in _match_in_sentence(pa, ia, pb, ib, near=near):
            add_quote((pair.a, i), (pair.b, j), "aligned sentences")
    if exhaustive:
        for a, b in combinations(parsed, 2):
            for i in index[a.article.id]["quote"]:
                fa = a.facts[i]
                for j in index[b.article.id]["quote"]:
                    if quotes_match(fa, b.facts[j]):
                        add_quote((a.article.id, i), (b.article.id, j), "same words")
    else:
        # Sources are in id order: the earlier one's quote goes first, as in the loops above.
        quotes = [(p.article.id, i) for p in parsed for i in index[p.article.id]["quote"]]
        for m, n in sorted(quote_pairs([_words(str(facts[k].value)) for k in quotes],
                                       _is_content)):
            x, y = quotes[m], quotes[n]
            if x[0] != y[0] and quotes_match(facts[x], facts[y]):
                add_quote(x, y, "same words")
    quote_facts = {k: f for k, f in facts.items() if f.type == "quote"}
    quote_scores = _with_neighbours(quote_scores, quote_facts)
    quote_clusters = cluster_links(quote_facts, quote_scores, minimum=QUOTE_LINK_MIN)

    clusters: dict[Any, list[tuple[str, int]]] = defaultdict(list)
    for key in facts:
        if facts[key].type not in LINKED_TYPES and facts[key].type != "quote":
            clusters[uf.find(key)].append(key)
    quote_detail: dict[Any, dict[str, Any]] = {}
    for n, qc in enumerate(quote_clusters):
        clusters[("quote", n)] = list(qc.members)
        if len(qc.members) > 1:
            quote_detail[("quote", n)] = {"confidence": qc.confidence, "why": qc.why}
    near = [p for p in pairs if fuzz.ratio(norm(by_id[p.a].sentences[p.ai].text),
                                           norm(by_id[p.b].sentences[p.bi].text)) >= DIFF_MIN_SCORE]
    aligned = {(p.a, p.ai, p.b, p.bi) for p in near} | {(p.b, p.bi, p.a, p.ai) for p in near}
    every = {(p.a, p.ai, p.b, p.bi) for p in pairs} | {(p.b, p.bi, p.a, p.ai) for p in pairs}
    # Amounts and dates: linked by what they describe (see link.py), with a confidence.
    linked = link_facts(parsed, aligned, every, exhaustive=exhaustive)
    linked_facts = {k: facts[k] for c in linked for k in c.members}
    dupes = same_source_duplicates(linked, linked_facts)
    split: list[tuple[list[tuple[str, int]], dict[str, Any]]] = [
        (m, quote_detail.get(k, {})) for k, m in clusters.items()]
    extra: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for k, n in dupes.items():
        extra[n].append(k)
    for n, c in enumerate(linked):
        if c.members[0] in dupes:
            continue
        detail: dict[str, Any] = {}
        if len({k[0] for k in c.members}) > 1:
            detail = {"confidence": c.confidence, "why": c.why}
        split.append((list(c.members) + extra[n], detail))
    out = []
    for members, link_detail in split:
        members.sort()
        ftype = facts[members[0]].type
        if ftype in ENTITY_TYPES:
            # A group joined across kinds (see _join_across_kinds) is of its usual kind.
            kinds = Counter(facts[k].type for k in members)
            ftype = max(kinds, key=lambda t: (kinds[t], t == ftype))
        per_source: dict[str, list[Fact]] = defaultdict(list)
        for src, i in members:
            per_source[src].append(facts[(src, i)])
        readings = []
        for src in sorted(per_source):
            # A name's evidence is its first mention written in full ("Bertrand Delanoë",
            # not a later "Delanoë"), so that a spelling can be checked in the evidence.
            fs = sorted(per_source[src], key=lambda f: (
                f.type in ENTITY_TYPES and fold(f.text) != fold(str(f.value)), f.start))
            # One reading per distinct value in a source (an entity: its first mention).
            seen: set[str] = set()
            for f in fs:
                v = repr(f.value)
                if v in seen:
                    continue
                seen.add(v)
                readings.append(Reading(src, f.value, f.start, f.end, (f,), f.sentence))
        detail = dict(link_detail)
        if ftype == "role":
            detail["aligned"] = any((x.source, x.sentence, y.source, y.sentence) in aligned
                                    for x in readings for y in readings if x.source != y.source)
        out.append(Observation("facts", ftype, tuple(readings), detail))
    out.sort(key=lambda o: (o.type, o.readings[0].source, o.readings[0].start))
    return out


CROSS_KINDS = ("place", "org")  # the kinds NER tells apart least well on rare names


def _join_across_kinds(uf: _UnionFind, parsed: list[Parsed],
                       index: dict[str, dict[str, list[int]]]) -> None:
    """Join a one-word place or organisation written in one source only with a close spelling
    of the other kind that several sources write.

    NER guesses the kind of a misspelt name from its letters, so "Gdanks" comes back as an
    organisation while nine articles have the place "Gdansk"; compared within kinds only, the
    misspelling would never meet its name. Requiring the odd spelling to be a minority keeps
    two real names of different kinds apart when each is written by several sources.
    """
    seen: dict[tuple[str, str], dict[str, Key]] = defaultdict(dict)
    for p in parsed:
        for etype in CROSS_KINDS:
            for i in index[p.article.id][etype]:
                name = str(p.facts[i].value)
                if len(name.split()) == 1 and len(name) >= 5:
                    seen[(etype, name)].setdefault(p.article.id, (p.article.id, i))
    by_initial: dict[str, list[tuple[str, str, dict[str, Key]]]] = defaultdict(list)
    for (etype, name), sources in seen.items():
        by_initial[fold(name)[:1]].append((etype, name, sources))
    for group in by_initial.values():
        for kind_a, name_a, sources_a in group:
            if len(sources_a) != 1:
                continue
            for kind_b, name_b, sources_b in group:
                if kind_b == kind_a or len(sources_b) < 2 or abs(len(name_a) - len(name_b)) > 2:
                    continue
                if NAME_SIMILARITY <= same_name(name_a, name_b, partial=False) < 100 \
                        and names_comparable(name_a, name_b):
                    uf.union(next(iter(sources_a.values())), min(sources_b.values()))


def _join_names(uf: _UnionFind, per_source: list[tuple[str, dict[str, int]]], *,
                 partial: bool) -> None:
    """Union the first mentions of names that :func:`same_name` matches across sources.

    Only candidate pairs (see candidates.py) are scored, each as the all-pairs loop would: the
    name from the earlier source first. A name found in several sources is one name, so its
    first mentions are joined directly.
    """
    where: dict[str, list[tuple[int, Key]]] = defaultdict(list)
    for pos, (src, found) in enumerate(per_source):
        for name, i in found.items():
            where[name].append((pos, (src, i)))
    distinct = list(where)
    for name in distinct:
        for _, key in where[name][1:]:
            uf.union(where[name][0][1], key)
    for m, n in name_pairs([name_words(x) for x in distinct], NAME_SIMILARITY):
        x, y = distinct[m], distinct[n]
        lo_x, hi_x = where[x][0][0], where[x][-1][0]
        lo_y, hi_y = where[y][0][0], where[y][-1][0]
        if (lo_x < hi_y and same_name(x, y, partial=partial) >= NAME_SIMILARITY) or (
                lo_y < hi_x and same_name(y, x, partial=partial) >= NAME_SIMILARITY):
            uf.union(where[x][0][1], where[y][0][1])


def _is_content(word: str) -> bool:
    """The words quotes_match counts as content (their stems must be found)."""
    return len(word) > 3 and word not in FUNCTION_WORDS


def _num_equal(a: Any, b: Any) -> bool:
    try:
        fa, fb = float(a), float(b)
    except (TypeError, ValueError):
        return a == b
    return abs(fa - fb) <= 1e-9 * max(abs(fa), abs(fb), 1.0)


def quotes_match(fa: Fact, fb: Fact) -> bool:
    """Same utterance: equal, one a fragment of the other, or mostly the same words in order.

    One- and two-word quotes ("solide", « illégalement ») are scare quotes: they match only an
    identical quote. Two speakers with different names need near-identical words. Words in the
    same order tell one utterance reworded ("a émis une vive / forte protestation") from two
    utterances sharing words ("fomentées par le dalaï-lama et sa clique" / "fomentés par la
    clique du dalaï-lama"). A quote much shorter than the other is a part of it only if a long
    run of its words is there in order: a shared phrase ("pas besoin de fonds propres") is not.
    """
    a, b = _words(str(fa.value)), _words(str(fb.value))
    if not a or not b:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < 3:
        return a == b
    joined_s, joined_l = " ".join(short), " ".join(long_)
    if f" {joined_s} " in f" {joined_l} ":
        return True
    if _other_speakers(fa, fb):
        return len(short) >= 0.5 * len(long_) and fuzz.ratio(" ".join(a), " ".join(b)) >= 90
    if bool(NEGATIONS & set(short)) != bool(NEGATIONS & set(long_)):
        return False  # "absolument pas besoin de fonds propres" / "nous avons besoin de …"
    long_enough = len(short) >= 0.5 * len(long_)
    if long_enough and fuzz.partial_ratio(joined_s, joined_l) >= 90:
        return True  # "à Dieu vat" / "adieu vat"
    content = [w[:5] for w in short if _is_content(w)]
    stems = {w[:5] for w in long_}
    found = [w for w in content if w in stems]
    # The content stems found anywhere: every rule below needs this share, which is what
    # candidates.quote_pairs indexes (keep them in step).
    if not content or len(found) < 0.6 * len(content):
        return False
    if not long_enough:
        in_order = _in_order(short, long_)
        return in_order >= PARTIAL_MIN_WORDS and in_order >= 0.8 * len(short)
    # Reworded: the shared content words in the same order (a moved word is another sentence
    # built from the same words), and most content words of each found in the other.
    long_content = [w[:5] for w in long_ if _is_content(w)]
    stems_s = set(content)
    moved = len(found) - _in_order(tuple(found), tuple(w for w in long_content if w in stems_s))
    back = sum(1 for w in long_content if w in stems_s)
    if len(content) >= 3 and moved <= 0.1 * len(content) and back >= 0.6 * len(long_content):
        return True
    # Few content words ("ne rien faire nous coûterait encore plus cher"): most words in order.
    return len(short) >= 5 and moved == 0 and _in_order(short, long_) >= 0.75 * len(short)


# A negation in one quote and not the other makes two statements, not one reworded.
NEGATIONS = {"pas", "jamais", "aucun", "aucune", "ni", "nullement", "guere"}


# A part of a longer quote shares at least this many words with it, in order.
PARTIAL_MIN_WORDS = 8


def _in_order(short: tuple[str, ...], long_: tuple[str, ...]) -> int:
    """How many of ``short``'s words occur in ``long_`` in the same order (longest common
    subsequence of their five-letter stems, so that "dispute" / "disputerai" agree)."""
    return int(LCSseq.similarity([w[:5] for w in short], [w[:5] for w in long_]))


# Frequent words that say nothing about which quote it is ("dont tout le monde ...").
FUNCTION_WORDS = {"dont", "tout", "tous", "toute", "toutes", "avec", "pour", "dans", "mais", "plus",
                  "comme", "cette", "elle", "elles", "nous", "vous", "leur", "leurs", "sont", "etre",
                  "avoir", "fait", "faire", "sans", "sous", "entre", "encore", "aussi", "alors",
                  "donc", "quand", "moins", "tres", "bien", "peut", "meme", "autre", "autres",
                  "avait", "etait", "sera", "seront", "ceux", "celui", "celle", "chaque", "rien"}


def _quote_similarity(fa: Fact, fb: Fact) -> float:
    """How alike two quotes' words are, 0-1: a fragment of the other counts as alike."""
    a, b = " ".join(_words(str(fa.value))), " ".join(_words(str(fb.value)))
    if not a or not b:
        return 0.0
    if f" {a} " in f" {b} " or f" {b} " in f" {a} ":
        return 0.95
    return max(fuzz.ratio(a, b), fuzz.token_set_ratio(a, b) * 0.9) / 100


def _with_neighbours(scores: dict[tuple[Key, Key], tuple[float, tuple[str, ...]]],
                     quotes: dict[Key, Fact]) -> dict[tuple[Key, Key], tuple[float, tuple[str, ...]]]:
    """Raise the link of two quoted sentences whose neighbours in their quotations are linked.

    A sentence reworded on its own ("Ne rien faire, comme ce fut souvent le cas, nous
    coûteraient beaucoup plus cher" / "Ne rien faire nous coûterait encore plus cher") is
    less sure than the same sentence next to one quoted alike in both ("Nous n'avons pas le
    choix."): the two quotations are one, so its sentences are one utterance reworded.
    """
    where = {(k[0], f.attrs.get("quote_start"), f.attrs.get("quote_part")): k
             for k, f in quotes.items() if "quote_part" in f.attrs}
    out = dict(scores)
    for (x, y), (s, why) in scores.items():
        fx, fy = quotes[x], quotes[y]
        if "quote_part" not in fx.attrs or "quote_part" not in fy.attrs:
            continue
        best = 0.0
        for d in (-1, 1):
            nx = where.get((x[0], fx.attrs["quote_start"], fx.attrs["quote_part"] + d))
            ny = where.get((y[0], fy.attrs["quote_start"], fy.attrs["quote_part"] + d))
            if nx is not None and ny is not None and (nx, ny) in scores:
                best = max(best, scores[(nx, ny)][0])
        if best > s:
            out[(x, y)] = ((s + best) / 2, (*why, "next to a sentence quoted alike"))
    return out


def _short_quotes_overlap(fa: Fact, fb: Fact) -> bool:
    """Two short quotes sharing a word, in near-identical sentences, are one quote edited."""
    a, b = _words(str(fa.value)), _words(str(fb.value))
    return 0 < min(len(a), len(b)) <= 3 and bool(set(a) & set(b))


def _other_speakers(fa: Fact, fb: Fact) -> bool:
    """Two quotes given to different speakers: two names, or two descriptions after a verb of
    saying with different nouns ("a dit le gouverneur" / "a déclaré le patron de la banque").
    A name and a description may be one person ("Armstrong" / "le coureur"), so they are not."""
    if _named(fa) and _named(fb):
        return same_name(str(fa.attrs["speaker"]), str(fb.attrs["speaker"])) < NAME_SIMILARITY
    heads = [f.attrs.get("speaker_head") for f in (fa, fb)
             if f.attrs.get("speaker_via") == "say" and not _named(f)]
    return len(heads) == 2 and all(heads) and heads[0] != heads[1]


def _named(f: Fact) -> bool:
    """The quote's speaker is a named person (not a role noun, a pronoun or a document)."""
    who = f.attrs.get("speaker")
    return bool(who) and f.attrs.get("speaker_head") == who and f.attrs.get("speaker_via") != "pronoun"


@functools.lru_cache(maxsize=65536)
def _words(text: str) -> tuple[str, ...]:
    return tuple(w for w in re.split(r"[^\w]+", fold(text)) if w)


def _match_in_sentence(pa: Parsed, ia: list[int], pb: Parsed, ib: list[int], *,
                       near: bool = True) -> list[tuple[int, int]]:
    """Pair the quotes of two aligned sentences, in order: same words, or in near copies two
    short quotes sharing a word (one quote edited)."""
    out = []
    left = list(ib)
    for i in ia:
        fa = pa.facts[i]
        best = next((j for j in left if quotes_match(fa, pb.facts[j]) or (
            near and _short_quotes_overlap(fa, pb.facts[j]))), None)
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
        # A speaker found through "a-t-il dit" is only as good as the pronoun's resolution: two
        # such speakers differ only if a name changed elsewhere, and that is reported there. The
        # subject of a verb that is not one of saying is a guess, never compared.
        vias = [r.facts[0].attrs.get("speaker_via") for r in obs.readings
                if r.facts[0].attrs.get("speaker")]
        if all(v == "pronoun" for v in vias):
            continue
        for r in obs.readings:
            f = r.facts[0]
            who = f.attrs.get("speaker")
            if who and f.attrs.get("speaker_via") in ("say", "selon", "pronoun"):
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


def _entity_of(groups: list[Observation]) -> dict[tuple[str, str], int]:
    """(source, name) -> the entity cluster it was put in across articles."""
    out: dict[tuple[str, str], int] = {}
    for n, obs in enumerate(groups):
        if obs.type in ENTITY_TYPES:
            for r in obs.readings:
                out.setdefault((r.source, str(r.value)), n)
    return out


def _changes(pairs: list[SentencePair], by_id: dict[str, Parsed],
             covered: dict[str, list[tuple[int, int]]],
             entity_of: dict[tuple[str, str], int]) -> list[Observation]:
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
        roles_a = [(f.start, f.end, f.attrs.get("head")) for f in by_id[pair.a].facts
                   if f.type == "role" and f.sentence == pair.ai]
        roles_b = [(f.start, f.end, f.attrs.get("head")) for f in by_id[pair.b].facts
                   if f.type == "role" and f.sentence == pair.bi]
        for ch in _merge_polarity(diff_tokens(content_tokens(sa.tokens), content_tokens(sb.tokens))):
            if _overlaps(ch.a, covered[pair.a]) or _overlaps(ch.b, covered[pair.b]):
                continue
            if ch.kind == "number":
                continue
            kind, etype = ch.kind, "wording"
            size = max(len(ch.a), len(ch.b))
            small = size <= MAX_NAME_TOKENS
            if kind == "name" and not small:
                kind = "wording"
            if kind in ("name", "wording", "name_form") and (
                    _function_only(ch.a + ch.b) or _in_same_role(ch, roles_a, roles_b)):
                # "La" / "Cette" are no names; "procureur de la République" / "procureur de
                # Marseille" is the role rule's to judge.
                kind = "wording" if kind == "name" else kind
            elif kind in ("name", "wording", "name_form") and size <= MAX_ENTITY_BLOCK:
                ea = _names_in(ch.a, names_a) or _capitalised(ch.a, sa, eb_type := _first_type(
                    _names_in(ch.b, names_b)))
                eb = _names_in(ch.b, names_b) or _capitalised(ch.b, sb, _first_type(
                    _names_in(ch.a, names_a)) or eb_type)
                # A name that the other sentence has elsewhere was moved, not replaced.
                ea = [x for x in ea if not any(
                    same_name(x[0], n[2], partial=x[1] == "person") >= 100 for n in names_b)]
                eb = [y for y in eb if not any(
                    same_name(y[0], n[2], partial=y[1] == "person") >= 100 for n in names_a)]
                pure = all(t.text[:1].isupper() for t in ch.a + ch.b if t.text[:1].isalpha())
                if ea and eb and not pure and not {x[1] for x in ea} & {y[1] for y in eb}:
                    # A person against an organisation ("le président Sarkozy" / "le chef de
                    # l'Etat") is a rewording that names differently, not a swap.
                    ea = eb = []
                    kind = "wording" if kind == "name" else kind
                if ea and eb and any(
                        entity_of.get((pair.a, x[0]), -1) == entity_of.get((pair.b, y[0]), -2)
                        for x in ea for y in eb):
                    # One entity spelt two ways ("Amornvivat" / "Amorwiwat", joined through
                    # "Amornviwat" in a third article): the name-variant finding's, not a swap.
                    continue
                if ea and eb:
                    sim = max(same_name(x[0], y[0], partial=x[1] == y[1] == "person")
                              for x in ea for y in eb)
                    if sim >= 100 or not all(names_comparable(x[0], y[0]) for x in ea for y in eb):
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
                "lemmas_a": tuple(t.lemma.lower() for t in ch.a),
                "lemmas_b": tuple(t.lemma.lower() for t in ch.b),
                "similarity": ch.detail if kind == "name" else None}))
    return out


def _merge_polarity(changes: list[Change]) -> list[Change]:
    """"n'a pas répondu" / "a répondu" is one negation flip, not one for "ne" and one for "pas"."""
    flips = [c for c in changes if c.kind == "polarity"]
    if len(flips) < 2:
        return changes
    merged = Change("polarity", tuple(t for c in flips for t in c.a),
                    tuple(t for c in flips for t in c.b), flips[0].detail)
    return [c for c in changes if c.kind != "polarity"] + [merged]


FUNCTION_POS = {"DET", "PRON", "ADP", "CCONJ", "SCONJ", "AUX", "PUNCT"}


def _function_only(tokens: tuple[Token, ...]) -> bool:
    return bool(tokens) and all(t.pos in FUNCTION_POS for t in tokens)


def _in_same_role(ch: Change, roles_a: list[tuple[int, int, Any]],
                  roles_b: list[tuple[int, int, Any]]) -> bool:
    """Both sides of the change lie inside role phrases with one head noun."""
    def heads(tokens: tuple[Token, ...], roles: list[tuple[int, int, Any]]) -> set[Any]:
        return {h for s, e, h in roles if tokens and all(s <= t.start and t.end <= e
                                                         for t in tokens)}
    return bool(heads(ch.a, roles_a) & heads(ch.b, roles_b))


def _first_type(names: list[tuple[str, str]]) -> str | None:
    return names[0][1] if names else None


def _capitalised(tokens: tuple[Token, ...], sent: Sentence, etype: str | None
                 ) -> list[tuple[str, str]]:
    """A name the model missed: capitalised words inside the sentence ("Chine nouvelle").

    Used only when the other side of the change holds a recognised name, whose type it takes.
    """
    if etype is None or not sent.tokens:
        return []
    first = sent.tokens[0].start
    words = [t.text for t in tokens if t.text[:1].isupper() and t.start != first and t.text.isalpha()
             and t.pos not in FUNCTION_POS | {"ADV"}]
    return [(" ".join(words), etype)] if words else []


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
