"""Which pairs of names and quotes could match, found by index instead of trying every pair.

Comparing every name and every quote of one source with those of every other grows with the
square of the number of sources, and in a corpus nearly all those pairs are unrelated. Each
function here returns a superset of the pairs that the exact test in claims.py can accept,
derived from that test's own definition (the docstrings say how), so scoring only these pairs
gives the same result as scoring all of them. claims.py keeps the all-pairs path for the tests
that check this.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from itertools import combinations

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import LCSseq

from factcheck.romanise import romanised

_EPS = 0.01  # slack on similarity bounds, far above float rounding


def similar_strings(strings: Sequence[str], cutoff: float) -> set[tuple[int, int]]:
    """Index pairs (i < j) of strings whose ``fuzz.ratio`` is at least ``cutoff``."""
    if len(strings) < 2:
        return set()
    m = process.cdist(strings, strings, scorer=fuzz.ratio, score_cutoff=cutoff - _EPS,
                      workers=1)
    return {(int(i), int(j)) for i, j in zip(*m.nonzero(), strict=True) if i < j}


def name_pairs(words: Sequence[tuple[str, ...]], cutoff: float) -> set[tuple[int, int]]:
    """Pairs of distinct names that ``claims.same_name`` may score at ``cutoff`` or more.

    ``words`` are the names' distinguishing words (``claims.name_words``). same_name reaches
    80 only through an equal name, a shared word (subset, same capitalised words, same words),
    or word-by-word or whole-name ratios that include the ratio of the last words; a name with
    no such words is compared on its whole text, so it stays a candidate with every other.
    Last words are compared as written and through their transliteration folds, as same_name
    compares them both ways.
    """
    out: set[tuple[int, int]] = set()
    postings: dict[str, list[int]] = defaultdict(list)
    empty = []
    for n, ws in enumerate(words):
        if not ws:
            empty.append(n)
        for w in set(ws):
            postings[w].append(n)
    for rows in postings.values():
        out.update(combinations(rows, 2))
    lasts: dict[str, list[int]] = defaultdict(list)
    for n, ws in enumerate(words):
        if ws:
            lasts[ws[-1]].append(n)
    distinct = sorted(lasts)
    for i, j in similar_strings(distinct, cutoff):
        out.update((min(x, y), max(x, y)) for x in lasts[distinct[i]] for y in lasts[distinct[j]])
    # same_name also compares last words through their transliteration folds
    folded = [romanised(w) if w.isalpha() else w for w in distinct]
    for i, j in similar_strings(folded, cutoff):
        out.update((min(x, y), max(x, y)) for x in lasts[distinct[i]] for y in lasts[distinct[j]])
    for e in empty:
        out.update((min(e, n), max(e, n)) for n in range(len(words)) if n != e)
    return {p for p in out if p[0] != p[1]}


def quote_pairs(words: Sequence[tuple[str, ...]], is_content: Callable[[str], bool],
                cutoff: float = 90.0, stem_share: float = 0.6) -> set[tuple[int, int]]:
    """Pairs of quotes that ``claims.quotes_match`` may accept.

    Its tests, and what each implies: quotes of one or two words must be equal (index on the
    words); one quote inside the other means the shorter one's words all occur in the longer
    one, so its rarest word does; ``stem_share`` of the shorter one's content stems found in
    the longer one means one of any set of its stems covering more than the rest does; a
    ``cutoff`` ratio or partial ratio needs, for the shorter text s, a longest common
    subsequence of at least ``c |s| / (200 - c)`` characters (the best window w has
    ``|w| >= c |s| / (200 - c)`` and ``LCS >= c (|s| + |w|) / 200``), computed natively.
    """
    out: set[tuple[int, int]] = set()
    by_words: dict[tuple[str, ...], list[int]] = defaultdict(list)
    word_rows: dict[str, set[int]] = defaultdict(set)
    stem_rows: dict[str, set[int]] = defaultdict(set)
    for n, ws in enumerate(words):
        if len(ws) < 3:
            by_words[ws].append(n)
        for w in ws:
            word_rows[w].add(n)
            stem_rows[w[:5]].add(n)
    for rows in by_words.values():
        out.update(combinations(rows, 2))
    for n, ws in enumerate(words):
        if len(ws) < 3:
            continue
        rarest = min(ws, key=lambda w: (len(word_rows[w]), w))
        out.update((min(n, m), max(n, m)) for m in word_rows[rarest])
        content = [w[:5] for w in ws if is_content(w)]
        counts: dict[str, int] = defaultdict(int)
        for st in content:
            counts[st] += 1
        covered = 0
        for st in sorted(counts, key=lambda x: (len(stem_rows[x]), x)):
            if covered > (1 - stem_share) * len(content):
                break
            covered += counts[st]
            out.update((min(n, m), max(n, m)) for m in stem_rows[st])
    joined = [" ".join(ws) for ws in words]
    if len(joined) >= 2:
        lcs = process.cdist(joined, joined, scorer=LCSseq.similarity, workers=1)
        lens = np.array([len(j) for j in joined], dtype=np.float64)
        need = cutoff / (200 - cutoff) * np.minimum(lens[:, None], lens[None, :]) - 1
        keep = np.triu(lcs >= need, k=1)
        # ratio >= cutoff implies this LCS bound, so the bound alone keeps every similar pair
        out.update(zip(*(x.tolist() for x in keep.nonzero()), strict=True))
    return {p for p in out if p[0] != p[1]}
