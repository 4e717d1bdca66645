"""Stage 5: which sentences across sources say the same thing.

Pairs of sources are compared with rapidfuzz's vectorised ``cdist`` over normalised sentence
text, then matched greedily one-to-one by score. Sources are visited in sorted id order and ties
are broken by position, so the alignment does not depend on the order files were given in.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from itertools import combinations

from rapidfuzz import fuzz, process

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
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    for score, i, j in candidates:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        pairs.append(SentencePair(a.article.id, i, b.article.id, j, score))
    return pairs


def _score(x: str, y: str, *, score_cutoff: float | None = None, **_: object) -> float:
    """Whole-sentence similarity, tolerant of a clause added or dropped on one side."""
    whole = fuzz.ratio(x, y)
    if whole >= 90:
        return whole
    short, long_ = (x, y) if len(x) <= len(y) else (y, x)
    if len(short) < 0.5 * len(long_):
        return whole
    return max(whole, 0.92 * fuzz.token_set_ratio(x, y))


def align(parsed: list[Parsed]) -> list[SentencePair]:
    by_id = sorted(parsed, key=lambda p: p.article.id)
    pairs: list[SentencePair] = []
    for a, b in combinations(by_id, 2):
        pairs.extend(align_pair(a, b))
    return pairs


def unaligned(parsed: list[Parsed], pairs: list[SentencePair]) -> dict[str, list[Sentence]]:
    used = {(p.a, p.ai) for p in pairs} | {(p.b, p.bi) for p in pairs}
    return {
        p.article.id: [s for s in p.sentences if (p.article.id, s.index) not in used]
        for p in parsed
    }
