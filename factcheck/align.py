"""Stage 5: which sentences across sources say the same thing.

Pairs of sources are compared over normalised sentence text, then matched greedily one-to-one
by score. Sources are visited in sorted id order and ties are broken by position, so the
alignment does not depend on the order files were given in.

Scoring every pair of sentences in Python grows with the square of the number of sources, and
almost every pair of a real corpus is two unrelated sentences. :func:`align` therefore scores
only *candidates*: pairs that a vectorised upper bound on :func:`_score` cannot rule out (see
:func:`_candidates`). The bound is exact arithmetic on rapidfuzz's own definitions, so it loses
no pair the full comparison keeps; ``exhaustive=True`` runs the full comparison, and the tests
check that both give the same pairs.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import LCSseq

from factcheck.model import Parsed, Sentence

MIN_SCORE = 62.0


@dataclass(frozen=True)
class SentencePair:
    a: str  # source id
    ai: int
    b: str
    bi: int
    score: float


_PUNCT = re.compile(r"[^\w\s]")


def norm(text: str) -> str:
    """Lower-case, fold typography and punctuation; keep accents (they carry meaning in French)."""
    text = unicodedata.normalize("NFC", text).lower().replace("’", "'")
    return " ".join(_PUNCT.sub(" ", text).split())


def align_pair(a: Parsed, b: Parsed, min_score: float = MIN_SCORE) -> list[SentencePair]:
    sa = [norm(s.text) for s in a.sentences]
    sb = [norm(s.text) for s in b.sentences]
    if not sa or not sb:
        return []
    matrix = process.cdist(sa, sb, scorer=_score, score_cutoff=min_score * 0.8, workers=1)
    candidates = [
        (float(matrix[i][j]), i, j)
        for i in range(len(sa)) for j in range(len(sb)) if matrix[i][j] >= min_score
    ]
    return _greedy(a.article.id, b.article.id, candidates)


def _score(x: str, y: str, *, score_cutoff: float | None = None, **_: object) -> float:
    """Whole-sentence similarity, tolerant of a clause added or dropped on one side."""
    whole = fuzz.ratio(x, y)
    if whole >= 90:
        return whole
    short, long_ = (x, y) if len(x) <= len(y) else (y, x)
    if len(short) < 0.5 * len(long_):
        return whole
    return max(whole, 0.92 * fuzz.token_set_ratio(x, y))


def align(parsed: list[Parsed], *, exhaustive: bool = False) -> list[SentencePair]:
    """One-to-one sentence pairs for every pair of sources; ``exhaustive`` scores all pairs."""
    by_id = sorted(parsed, key=lambda p: p.article.id)
    pairs: list[SentencePair] = []
    if exhaustive:
        for a, b in combinations(by_id, 2):
            pairs.extend(align_pair(a, b))
        return pairs
    texts = [[norm(s.text) for s in p.sentences] for p in by_id]
    found = _candidates(texts, MIN_SCORE)
    for (x, y), cands in sorted(found.items()):
        scored = []
        for i, j in cands:
            # cdist stores scores as float32: round the same way so ties break identically.
            sc = float(np.float32(_score(texts[x][i], texts[y][j])))
            if sc >= MIN_SCORE:
                scored.append((sc, i, j))
        pairs.extend(_greedy(by_id[x].article.id, by_id[y].article.id, scored))
    return pairs


def _greedy(a: str, b: str, candidates: list[tuple[float, int, int]]) -> list[SentencePair]:
    return [SentencePair(a, i, b, j, score) for score, i, j in one_to_one(candidates)]


def one_to_one(candidates: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """Greedy one-to-one matching of ``(score, left, right, ...)`` candidates: best score first
    (ties by left, then right, so the result never depends on input order), each left and each
    right used once. Sentences and linked facts are both matched this way."""
    used_left: set[Any] = set()
    used_right: set[Any] = set()
    kept = []
    for cand in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if cand[1] in used_left or cand[2] in used_right:
            continue
        used_left.add(cand[1])
        used_right.add(cand[2])
        kept.append(cand)
    return kept


RARE = 8  # a token in at most this many sentences indexes candidates directly
_EPS = 0.01  # slack on every bound, far above float rounding


def _candidates(texts: list[list[str]], min_score: float
                ) -> dict[tuple[int, int], list[tuple[int, int]]]:
    """Sentence pairs, per pair of sources (x < y), whose :func:`_score` may reach ``min_score``.

    ``_score`` is ``fuzz.ratio``, or ``0.92 * fuzz.token_set_ratio`` when the shorter sentence
    is at least half the longer. ``ratio`` is computed for every pair in rapidfuzz's native
    ``cdist`` (cheap, bit-parallel). ``token_set_ratio`` is the costly part; with A, B the two
    token sets, I their intersection, ``s`` the length of I joined, ``la``/``lb`` the lengths of
    A and B sorted and joined, and ``l`` the LCS of the two joined differences, rapidfuzz
    defines it as the maximum of ``200 s / (s + la)``, ``200 s / (s + lb)`` and
    ``100 (2 s + 2 + 2 l) / (la + lb)`` (or ``200 l / (la + lb)`` when I is empty; 100 when
    one set holds the other). Everything but ``l`` is exact from token counts; ``l`` is at most
    the LCS of the two sorted joined token sets (each difference is a subsequence of its
    set's string), which ``cdist`` computes natively. Pairs sharing a rare token skip the
    bound: they are plausible, and scoring them is cheaper than counting their tokens.
    """
    flat = [t for ts in texts for t in ts]
    owner = np.array([x for x, ts in enumerate(texts) for _ in ts], dtype=np.int64)
    local = np.array([i for ts in texts for i in range(len(ts))], dtype=np.int64)
    tokens = [sorted(set(t.split())) for t in flat]
    joined = [" ".join(ts) for ts in tokens]
    df: dict[str, int] = defaultdict(int)
    for ts in tokens:
        for t in ts:
            df[t] += 1
    frequent = {t: n for n, t in enumerate(sorted(t for t, c in df.items() if c > RARE))}
    count = np.zeros((len(flat), max(len(frequent), 1)), dtype=np.float32)
    postings: dict[str, list[int]] = defaultdict(list)
    for row, ts in enumerate(tokens):
        for t in ts:
            col = frequent.get(t)
            if col is None:
                postings[t].append(row)
            else:
                count[row, col] = 1.0
    weight = count * np.array([len(t) + 1 for t in sorted(frequent, key=frequent.__getitem__)]
                              or [1], dtype=np.float32)
    lens = np.array([len(t) for t in flat], dtype=np.float64)
    set_lens = np.array([len(t) for t in joined], dtype=np.float64)
    n_tokens = np.array([len(ts) for ts in tokens], dtype=np.float64)
    bound = min_score / 0.92 - _EPS
    out: dict[tuple[int, int], set[tuple[int, int]]] = defaultdict(set)
    for rows in postings.values():
        for r1, r2 in combinations(rows, 2):
            if owner[r1] != owner[r2]:
                out[(int(owner[r1]), int(owner[r2]))].add((int(local[r1]), int(local[r2])))
    starts = np.searchsorted(owner, np.arange(len(texts) + 1))
    columns = np.ascontiguousarray(count.T)
    for x in range(len(texts)):
        a0, a1, rest = starts[x], starts[x + 1], starts[x + 1]
        if a0 == a1 or rest >= len(flat):
            continue
        ratio = process.cdist(flat[a0:a1], flat[rest:], scorer=fuzz.ratio, workers=1)
        lcs = process.cdist(joined[a0:a1], joined[rest:], scorer=LCSseq.similarity, workers=1)
        # Frequent tokens only: a pair sharing a rare one is a candidate already.
        both = np.concatenate([count[a0:a1], weight[a0:a1]]) @ columns[:, rest:]
        shared, s = both[: a1 - a0], np.maximum(both[a1 - a0:] - 1.0, 0.0)
        la, lb = set_lens[a0:a1, None], set_lens[None, rest:]
        na, nb = n_tokens[a0:a1, None], n_tokens[None, rest:]
        with np.errstate(divide="ignore", invalid="ignore"):
            ell = np.minimum(lcs, np.minimum(la - s - 1, lb - s - 1))
            some = np.maximum.reduce([200 * s / (s + la), 200 * s / (s + lb),
                                      100 * (2 * s + 2 + 2 * ell) / (la + lb)])
            none = 200 * lcs / (la + lb)
        tsr = np.where(shared > 0, np.where((shared >= na) | (shared >= nb), 100.0, some), none)
        tsr = np.where((na == 0) | (nb == 0), 0.0, np.nan_to_num(tsr, nan=100.0))
        short = np.minimum(lens[a0:a1, None], lens[None, rest:])
        long_ = np.maximum(lens[a0:a1, None], lens[None, rest:])
        keep = (ratio >= min_score - _EPS) | ((short >= 0.5 * long_) & (tsr >= bound))
        for r, c in zip(*np.nonzero(keep), strict=True):
            out[(x, int(owner[rest + c]))].add((int(r), int(local[rest + c])))
    return {k: sorted(v) for k, v in out.items()}


def unaligned(parsed: list[Parsed], pairs: list[SentencePair]) -> dict[str, list[Sentence]]:
    used = {(p.a, p.ai) for p in pairs} | {(p.b, p.bi) for p in pairs}
    return {
        p.article.id: [s for s in p.sentences if (p.article.id, s.index) not in used]
        for p in parsed
    }
