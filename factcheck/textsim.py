"""Fast, dependency-light text normalisation and similarity helpers for French news.

These helpers exist so that story grouping (``factcheck.stories``) can run on
100,000 articles without a full NLP pipeline: spaCy is far too slow for a
pre-clustering pass, and clustering only needs *comparable* tokens, not correct
lemmas.  Everything here is therefore deliberately crude but deterministic:

* accents are folded and case is lowered, so "Tempête"/"tempete" match;
* French elisions (l', d', qu'...) and stop words are dropped;
* a light suffix-stripping stemmer plus truncation conflates inflections
  ("manifestations"/"manifestants") well enough for similarity purposes;
* capitalised words that are not at a sentence start, acronyms and numbers are
  flagged as *entity-like*, because shared names and figures are the strongest
  evidence that two articles report the same event.

The vector side (:func:`build_tfidf`, :func:`neighbours`) uses plain numpy
arrays in CSR layout, so no scipy/scikit-learn is needed.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass

import numpy as np

__all__ = [
    "STOP_WORDS",
    "SparseDocs",
    "TermCounts",
    "Token",
    "build_tfidf",
    "fold",
    "group_desc_order",
    "neighbours",
    "stem",
    "tokenize",
    "weighted_terms",
]

# French function words plus very common news verbs/adverbs.  Kept as a folded
# (accent-free, lower-case) set so it can be checked after :func:`fold`.
_STOP_TEXT = """
a ai aie aient aies ait alors apres as au aucun aucune aujourd aupres auquel aura aurai auraient
aurais aurait auront aussi autre autres aux auxquelles auxquels avaient avais avait avant avec
avez aviez avions avoir avons ayant ayez ayons bien c ca car ce ceci cela celle celles celui
cependant certain certaine certaines certains ces cet cette ceux chaque chez ci comme comment
contre d dans de depuis des desormais dessous dessus deux devant doit doivent donc dont du due
durant elle elles en encore entre es est et etaient etais etait etant ete etes etiez etions etre
eu eue eues eurent eus eusse eut eux fait faire fais faisait font fois furent fut h hier ici il
ils j je jusqu jusque l la laquelle le lequel les lesquelles lesquels leur leurs lors lorsqu
lorsque lui m ma mais me meme memes mes moi moins mon n ne ni non nos notre nous on ont or ou
par parce parmi pas pendant peu peut peuvent plus plusieurs pour pourquoi pourrait pouvait
puis puisqu puisque qu quand que quel quelle quelles quels qui quoi s sa sans se selon ser sera
serai seraient serais serait seront ses si sien sienne siens soi soient sois soit sommes son
sont sous suis sur t ta tandis tant te tes toi ton tous tout toute toutes tres trop tu un une
unes uns va vers via voici voila vont vos votre vous y
dit dire ainsi deja lundi mardi mercredi jeudi vendredi samedi dimanche
afin egalement notamment toutefois quant rien tel telle tels telles
"""
STOP_WORDS: frozenset[str] = frozenset(_STOP_TEXT.split())

# Elided prefixes that are glued to the next word with an apostrophe.
_ELISIONS = frozenset(
    ["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu"]
)

# One token: words (with elision and hyphens), numbers, mixed alphanumerics.  Possessive
# quantifiers keep the regex from backtracking inside words.
_WORD = (
    r"(?:[^\W\d_]++(?:['’][^\W\d_]++)?+(?:-[^\W\d_]++)*+(?![^\W_])"  # l'oeil, Nouvelle-Zélande
    r"|\d++(?:[ \u00a0\u202f.,]\d{3})++(?!\d)"  # 18.000, 18 000 (thousands groups)
    r"|\d++(?:[.,]\d++)?+(?![^\W_])"  # 3, 10,5
    r"|[^\W_]++)"  # TF1, G20, COP29, 4x4, 12e
)
_SENTENCE_BREAK = r"[.!?…]"
_WORD_RE = re.compile(_WORD)
# A word starting a line or following a sentence break (quotes, dashes... skipped).
_START_RE = re.compile(rf"(?m)(?:^|{_SENTENCE_BREAK})[^\w\n]*+({_WORD})")
# Token stream for :func:`_iter_tokens`: group 1 a word, group 2 a sentence break.
_TOKEN_RE = re.compile(rf"({_WORD})|({_SENTENCE_BREAK}+)")
_THOUSANDS_RE = re.compile(r"\d[ \u00a0\u202f.]\d{3}")
_THOUSANDS_SEP_RE = re.compile(r"[ \u00a0\u202f.]")
_APOSTROPHE_RE = re.compile(r"['’]")
# Memo of raw token -> analysis, cleared when it grows too large.
_ANALYSIS_CACHE: dict[str, tuple[tuple[tuple[str, str], ...], int]] = {}
_CACHE_MAX = 1 << 20


@dataclass(frozen=True, slots=True)
class Token:
    """A normalised token: ``term`` is the comparable form, ``surface`` for display."""

    term: str
    surface: str
    entity: bool


def fold(text: str) -> str:
    """Lower-case and strip accents, so spelling variants compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return folded.replace("œ", "oe").replace("æ", "ae")


def stem(word: str) -> str:
    """Crude French stemmer on a folded word.

    Only needs to map inflected/derived forms to the same key often enough for
    bag-of-words similarity; over-conflation costs little because IDF and the
    rest of the vocabulary disambiguate.  Truncating to 7 characters after light
    suffix stripping is a known, robust trick for French retrieval.
    """
    if len(word) <= 4 or not word.isalpha():
        return word
    if word.endswith("aux") and len(word) > 5:
        word = word[:-3] + "al"
    elif word[-1] in "sx":
        word = word[:-1]
    for suffix in ("issement", "ement", "ation", "ution", "ateur", "atrice", "euse", "ique",
                   "iste", "isme", "ante", "ant", "ent", "ees", "ee", "er", "ez", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word[:7]


def _normalise_number(raw: str) -> str:
    """Canonical form of a numeric token ("" for tiny integers, too common to be evidence)."""
    digits = _THOUSANDS_SEP_RE.sub("", raw) if _THOUSANDS_RE.search(raw) else raw
    digits = digits.replace(",", ".")
    if len(digits) == 1:
        return ""
    return "#" + digits


_LOWER, _CAPITAL, _ACRONYM, _NUMBER = range(4)


def _word_term(piece: str) -> str:
    """Comparable form of one word ("" when it is a stop word or too short)."""
    folded = fold(piece)
    return "" if len(folded) < 2 or folded in STOP_WORDS else stem(folded)


def _analyse(raw: str) -> tuple[tuple[tuple[str, str], ...], int]:
    """``((term, surface), ...)`` pieces of a raw token and its kind (memoised).

    Everything that depends on the token alone is computed once per distinct
    token: French news reuses a small vocabulary, so this is a big saving on
    large corpora.  Elided articles are dropped ("l'oeil" -> "oeil") and
    hyphenated compounds split ("Nouvelle-Zélande" -> two terms).
    """
    hit = _ANALYSIS_CACHE.get(raw)
    if hit is not None:
        return hit
    if raw[0].isdigit():
        term = _normalise_number(raw)
        result: tuple[tuple[tuple[str, str], ...], int] = (
            ((term, raw),) if term else (),
            _NUMBER,
        )
    else:
        word = raw
        if "'" in word or "’" in word:
            head, tail = _APOSTROPHE_RE.split(word, maxsplit=1)
            if fold(head) in _ELISIONS:
                word = tail
        if len(word) >= 2 and word.isupper():
            kind = _ACRONYM
        elif word[0].isupper():
            kind = _CAPITAL
        else:
            kind = _LOWER
        pieces = []
        for piece in word.split("-"):
            term = _word_term(piece) if piece else ""
            if term:
                pieces.append((term, piece))
        result = (tuple(pieces), kind)
    if len(_ANALYSIS_CACHE) >= _CACHE_MAX:
        _ANALYSIS_CACHE.clear()
    _ANALYSIS_CACHE[raw] = result
    return result


def _iter_tokens(text: str) -> Iterator[tuple[str, str, bool]]:
    """Yield ``(term, surface, entity_like)`` for each kept token of ``text``.

    A capitalised word counts as entity-like only when it does not start a
    sentence or a line, because a sentence-initial capital says nothing about
    the word.  Colons do not end a sentence: in headlines ("Tennis: Djokovic
    ...") the word after a colon is usually a genuine name.  Acronyms count
    anywhere, except on all-caps lines (shouted headlines).  Numbers count as
    entity-like too: figures pin down an event.  (:func:`_add_section` inlines
    the same logic for speed.)
    """
    for line in text.split("\n"):
        shouting = line.isupper()
        at_start = True
        for raw, brk in _TOKEN_RE.findall(line):
            if brk:
                at_start = True
                continue
            pieces, kind = _analyse(raw)
            entity = kind == _NUMBER or (
                not shouting and (kind == _ACRONYM or (kind == _CAPITAL and not at_start))
            )
            at_start = False
            for term, surface in pieces:
                yield term, surface, entity


def _add_section(
    text: str,
    plain: float,
    boosted: float,
    counts: dict[str, float],
    surfaces: Counter[tuple[str, str]] | None,
    *,
    shouting: bool = False,
) -> None:
    """Add the tokens of ``text`` to ``counts`` (hot loop of :func:`weighted_terms`).

    Same rules as :func:`_iter_tokens`, but computed per distinct token with
    C-level counting (all occurrences, and occurrences starting a sentence),
    which is several times faster than a Python loop over every token.
    """
    if not shouting and any(line.isupper() for line in text.split("\n")):
        lines = text.split("\n")
        quiet = "\n".join(line for line in lines if not line.isupper())
        loud = "\n".join(line for line in lines if line.isupper())
        _add_section(quiet, plain, boosted, counts, surfaces)
        _add_section(loud, plain, boosted, counts, surfaces, shouting=True)
        return
    total = Counter(_WORD_RE.findall(text))
    starts: Counter[str] | None = None
    get = counts.get
    for raw, count in total.items():
        pieces, kind = _analyse(raw)
        if not pieces:
            continue
        if kind == _NUMBER or (kind == _ACRONYM and not shouting):
            weight = count * boosted
        elif kind == _CAPITAL and not shouting:
            if starts is None:
                starts = Counter(_START_RE.findall(text))
            at_start = min(count, starts.get(raw, 0))
            weight = at_start * plain + (count - at_start) * boosted
        else:
            weight = count * plain
        for piece in pieces:
            counts[piece[0]] = get(piece[0], 0.0) + weight
            if surfaces is not None:
                surfaces[piece] += count


def tokenize(text: str) -> list[Token]:
    """Comparable tokens of ``text``, flagging entity-like ones (see :func:`_iter_tokens`)."""
    return [Token(t, s, e) for t, s, e in _iter_tokens(text)]


def weighted_terms(
    title: str | None,
    text: str,
    *,
    surfaces: Counter[tuple[str, str]] | None = None,
    title_weight: float = 3.0,
    lead_weight: float = 2.0,
    lead_chars: int = 400,
    entity_weight: float = 1.5,
) -> dict[str, float]:
    """Weighted term frequencies for one article.

    The title and lead are weighted up because journalists put the who/what/where
    there; later paragraphs drift into background that different stories share.
    Entity-like tokens are weighted up for the same reason.  Sublinear scaling
    happens later, in :meth:`TermCounts.tfidf`.  When ``surfaces`` is given,
    the spellings seen in the title and lead are counted into it, to print
    readable labels; the body is skipped there, as it rarely holds a label word
    the title and lead lack and would cost memory on big corpora.
    """
    counts: dict[str, float] = {}
    body = text
    if title and body.startswith(title):
        body = body[len(title) :].lstrip()
    # Lead: up to the first line break after lead_chars, at most twice that.
    lead_end = body.find("\n", lead_chars, 2 * lead_chars)
    if lead_end < 0:
        lead_end = body.find(" ", 2 * lead_chars)
        lead_end = len(body) if lead_end < 0 else lead_end
    _add_section(title or "", title_weight, title_weight * entity_weight, counts, surfaces)
    _add_section(body[:lead_end], lead_weight, lead_weight * entity_weight, counts, surfaces)
    _add_section(body[lead_end:], 1.0, entity_weight, counts, None)
    return counts


@dataclass(frozen=True)
class SparseDocs:
    """Pruned TF-IDF vectors in CSR layout (each row sorted by term id).

    Rows had unit length before pruning, so a dot product is the cosine over
    the kept terms.  ``terms`` maps a term id (alphabetical) back to its
    string; ``df`` holds document frequencies.
    """

    indptr: np.ndarray
    indices: np.ndarray
    data: np.ndarray
    terms: tuple[str, ...]
    df: np.ndarray

    @property
    def n_docs(self) -> int:
        return len(self.indptr) - 1

    def row(self, i: int) -> tuple[np.ndarray, np.ndarray]:
        lo, hi = self.indptr[i], self.indptr[i + 1]
        return self.indices[lo:hi], self.data[lo:hi]


_QUANT = 1 << 30


def group_desc_order(group: np.ndarray, value: np.ndarray) -> np.ndarray:
    """Stable order by ``group`` ascending, then ``value`` (within [0, 1]) descending.

    Both are packed into one int64 key (value quantised to 2**-30) because
    ``np.lexsort`` is several times slower than one ``argsort`` on big arrays.
    """
    q = np.rint((1.0 - np.clip(value, 0.0, 1.0)) * _QUANT).astype(np.int64)
    return np.argsort(group.astype(np.int64) * (_QUANT + 1) + q, kind="stable")


class TermCounts:
    """Compact accumulator of per-document weighted term counts.

    Holding one ``Counter`` per article costs kilobytes of Python objects each,
    which does not fit 100,000 articles comfortably; here every document is
    turned at once into two small numpy arrays over a shared vocabulary.
    """

    def __init__(self) -> None:
        self._vocab: dict[str, int] = {}
        self._ids: list[np.ndarray] = []
        self._tfs: list[np.ndarray] = []

    def __len__(self) -> int:
        return len(self._ids)

    def add(self, counts: Mapping[str, float]) -> None:
        """Append one document's weighted term counts."""
        vocab = self._vocab
        ids = np.fromiter(
            (vocab.setdefault(t, len(vocab)) for t in counts), dtype=np.int32, count=len(counts)
        )
        self._ids.append(ids)
        self._tfs.append(np.fromiter(counts.values(), dtype=np.float32, count=len(counts)))

    def tfidf(self, *, max_terms: int = 80, chunk_entries: int = 2_000_000) -> SparseDocs:
        """Sublinear TF-IDF, pruned to each document's ``max_terms`` heaviest terms.

        Vectors are L2-normalised over *all* their terms, including terms no
        other document has: otherwise two headlines sharing one common word
        would look identical once their unshared words are gone.  Terms seen in
        one document only cannot link two documents, so they are then dropped,
        and each vector is pruned to its heaviest terms; pruning keeps memory
        linear and removes the long tail of incidental words that makes long
        articles look alike.  Terms are numbered alphabetically, so the
        result depends only on the documents, not on the order terms were met.
        """
        n = len(self._ids)
        words = sorted(self._vocab, key=self._vocab.__getitem__)
        # Alphabetical rank of every term id.
        alpha = np.empty(len(words), dtype=np.int64)
        alpha[np.argsort(np.array(words, dtype=object), kind="stable")] = np.arange(len(words))
        df_all = np.zeros(len(words), dtype=np.int64)
        for ids in self._ids:
            df_all[ids] += 1  # ids are distinct within a document
        idf = np.log((n + 1) / (df_all + 1.0)) + 1.0
        out_doc: list[np.ndarray] = []
        out_rank: list[np.ndarray] = []
        out_w: list[np.ndarray] = []
        lo = 0
        while lo < n:  # documents in chunks, to bound the memory of the sorts
            hi, entries = lo, 0
            while hi < n and (hi == lo or entries + len(self._ids[hi]) <= chunk_entries):
                entries += len(self._ids[hi])
                hi += 1
            lengths = np.array([len(x) for x in self._ids[lo:hi]], dtype=np.int64)
            ids = np.concatenate(self._ids[lo:hi])
            tf = np.concatenate(self._tfs[lo:hi]).astype(np.float64)
            doc = np.repeat(np.arange(lo, hi, dtype=np.int64), lengths)
            w = (1.0 + np.log(np.maximum(tf, 1.0))) * idf[ids]
            norm = np.sqrt(np.bincount(doc - lo, weights=w * w, minlength=hi - lo))
            w = w / np.where(norm > 0, norm, 1.0)[doc - lo]
            keep = df_all[ids] >= 2
            ids, w, doc = ids[keep], w[keep], doc[keep]
            order = group_desc_order(doc, w)
            ids, w, doc = ids[order], w[order], doc[order]
            first = np.searchsorted(doc, doc, side="left")
            keep = (np.arange(len(doc)) - first) < max_terms
            rank, w, doc = alpha[ids[keep]], w[keep], doc[keep]
            order = np.argsort(doc * len(words) + rank, kind="stable")  # by doc, then term
            out_doc.append(doc[order])
            out_rank.append(rank[order])
            out_w.append(w[order].astype(np.float32))
            lo = hi
        doc = np.concatenate(out_doc) if out_doc else np.zeros(0, np.int64)
        rank = np.concatenate(out_rank) if out_rank else np.zeros(0, np.int64)
        # Compact vocabulary: kept terms only, numbered in alphabetical order.
        used = np.unique(rank)
        by_alpha = np.argsort(alpha)
        return SparseDocs(
            indptr=np.concatenate(([0], np.cumsum(np.bincount(doc, minlength=n)))),
            indices=np.searchsorted(used, rank).astype(np.int32),
            data=np.concatenate(out_w) if out_w else np.zeros(0, np.float32),
            terms=tuple(words[t] for t in by_alpha[used].tolist()),
            df=df_all[by_alpha[used]],
        )


def build_tfidf(counts: Iterable[Mapping[str, float]], *, max_terms: int = 80) -> SparseDocs:
    """Convenience wrapper: :meth:`TermCounts.tfidf` over already computed counts."""
    acc = TermCounts()
    for c in counts:
        acc.add(c)
    return acc.tfidf(max_terms=max_terms)


def neighbours(
    docs: SparseDocs,
    *,
    k: int,
    min_sim: float = 0.0,
    min_shared: int = 1,
    max_df: int | None = None,
    pair_filter: Callable[[np.ndarray, np.ndarray], np.ndarray] | None = None,
    budget: int = 2_000_000,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each document's ``k`` most similar documents, as pairs ``(i, j, cosine)``, ``i < j``.

    Dot products are accumulated through an inverted index, so the cost is the
    sum of squared posting lengths instead of n²; rows are processed in chunks
    of about ``budget`` postings so memory stays bounded whatever the corpus
    size.  Terms whose document frequency exceeds ``max_df`` are not indexed:
    on huge corpora they are generic words that dominate the cost while their
    low IDF makes them weak evidence anyway.  Pairs sharing fewer than
    ``min_shared`` indexed terms are ignored, because one common word (a place,
    a weekday) is not evidence of the same event, however rare the word;
    ``pair_filter(i, j)`` returns a mask of further pairs to keep (a date
    window), applied before the k best are chosen so that forbidden pairs do
    not crowd out allowed ones.  The
    union of both directions of the k-NN relation is returned, sorted, and
    ties are broken by document index, so results are reproducible.
    """
    n = docs.n_docs
    empty = (np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float64))
    if n < 2 or k < 1:
        return empty
    row_len = np.diff(docs.indptr)
    doc_of_entry = np.repeat(np.arange(n, dtype=np.int32), row_len)
    usable = np.ones(len(docs.indices), dtype=bool)
    if max_df is not None:
        usable = docs.df[docs.indices] <= max_df
    # Inverted index (postings sorted by term, then document).
    order = np.argsort(docs.indices.astype(np.int64) * n + doc_of_entry, kind="stable")
    order = order[usable[order]]
    post_docs = doc_of_entry[order]
    post_w = docs.data[order]
    post_len = np.bincount(docs.indices[order], minlength=len(docs.terms)).astype(np.int64)
    post_ptr = np.concatenate(([0], np.cumsum(post_len)))
    del order
    entry_cost = np.where(usable, post_len[docs.indices], 0)
    cum = np.cumsum(np.bincount(doc_of_entry, weights=entry_cost, minlength=n))
    del entry_cost

    out_i: list[np.ndarray] = []
    out_j: list[np.ndarray] = []
    out_s: list[np.ndarray] = []
    lo = 0
    while lo < n:
        base = cum[lo - 1] if lo else 0
        hi = int(np.searchsorted(cum, base + budget, side="right"))
        hi = min(n, max(hi, lo + 1))
        e_lo, e_hi = docs.indptr[lo], docs.indptr[hi]
        sel = np.flatnonzero(usable[e_lo:e_hi]) + e_lo
        terms = docs.indices[sel]
        lens = post_len[terms]
        total = int(lens.sum())
        lo_row = lo
        lo = hi
        if not total:
            continue
        # Gather every posting of every entry of the chunk without a Python loop;
        # temporaries are dropped early because this is the memory peak.
        gather = np.repeat(post_ptr[terms] - (np.cumsum(lens) - lens), lens)
        gather += np.arange(total, dtype=np.int64)
        weight = np.repeat(docs.data[sel], lens) * post_w[gather]
        keys = np.repeat((doc_of_entry[sel] - lo_row).astype(np.int64) * n, lens)
        keys += post_docs[gather]
        del gather
        srt = np.argsort(keys, kind="stable")
        keys = keys[srt]
        weight = weight[srt]
        del srt
        starts = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
        sims = np.add.reduceat(weight, starts, dtype=np.float64)
        shared = np.diff(np.append(starts, len(keys)))
        pk = keys[starts]
        del keys, weight
        pi, pj = pk // n + lo_row, pk % n
        keep = (pi != pj) & (shared >= min_shared) & (sims >= min_sim)
        pi, pj, sims = pi[keep], pj[keep], sims[keep]
        if pair_filter is not None:
            keep = pair_filter(pi, pj)
            pi, pj, sims = pi[keep], pj[keep], sims[keep]
        # k best per row: by row, then similarity desc, then (stable) neighbour id.
        rank_order = group_desc_order(pi, sims)
        pi, pj, sims = pi[rank_order], pj[rank_order], sims[rank_order]
        first = np.searchsorted(pi, pi, side="left")
        keep = (np.arange(len(pi)) - first) < k
        out_i.append(pi[keep])
        out_j.append(pj[keep])
        out_s.append(sims[keep])
    if not out_i:
        return empty
    i = np.concatenate(out_i)
    j = np.concatenate(out_j)
    s = np.concatenate(out_s)
    a, b = np.minimum(i, j), np.maximum(i, j)
    _, first = np.unique(a * n + b, return_index=True)
    return a[first], b[first], s[first]
