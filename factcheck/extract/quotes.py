"""Find quotations in cleaned text, whatever marks the outlet uses.

Straight single quotes are the hard case: the ATS style writes ``'Nous allons…', a déclaré``
while the same text is full of apostrophes (``l'API``, ``qu'il``). A quote mark is told from an
apostrophe by what surrounds it: an apostrophe sits between a letter and a letter, an opening mark
follows a space or the start of a line, a closing mark is followed by a space or punctuation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PAIRS = {"«": "»", "“": "”", "„": "“"}


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # inner text, without the marks
    end: int
    open_mark: str


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Return quote spans (inner offsets) in reading order; unpaired marks are ignored."""
    spans: list[QuoteSpan] = []
    for para in re.finditer(r"[^\n]+", text):
        spans.extend(_paragraph_quotes(text, para.start(), para.end()))
    spans.sort(key=lambda q: q.start)
    return spans


def _paragraph_quotes(text: str, start: int, end: int) -> list[QuoteSpan]:
    out: list[QuoteSpan] = []
    i = start
    while i < end:
        ch = text[i]
        if ch in PAIRS:
            close = text.find(PAIRS[ch], i + 1, end)
            if close > i + 1:
                out.append(_trimmed(text, i + 1, close, ch))
                i = close + 1
                continue
        elif ch in "\"'" and _opens(text, i, start, end):
            close = _straight_close(text, i, end)
            if close < end and close > i + 1:
                out.append(_trimmed(text, i + 1, close, ch))
                i = close + 1
                continue
        i += 1
    return [q for q in out if q.end > q.start]


def _straight_close(text: str, i: int, end: int) -> int:
    """The mark closing the straight quote opened at ``i`` (``end`` if none). A quote inside
    it with the same mark (« n'aurait "pas besoin d'utiliser ce "guichet public"" ») opens
    after a space and closes before the outer one, so marks are counted as they nest."""
    ch, depth, k = text[i], 1, i + 1
    while k < end:
        if text[k] == ch:
            if _closes(text, k, end):
                depth -= 1
                if depth == 0:
                    return k
            elif text[k - 1].isspace() and _opens(text, k, i, end):
                depth += 1
        k += 1
    return end


def _opens(text: str, i: int, lo: int, hi: int) -> bool:
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    return not _is_word(before) and not after.isspace()


def _closes(text: str, i: int, hi: int) -> bool:
    before = text[i - 1]
    after = text[i + 1] if i + 1 < hi else " "
    return not before.isspace() and not _is_word(after)


def _trimmed(text: str, start: int, end: int, mark: str) -> QuoteSpan:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return QuoteSpan(start, end, mark)


_TYPO = str.maketrans({"’": "'", "‘": "'", "«": '"', "»": '"', "“": '"', "”": '"',
                       "\u00a0": " ", "\u202f": " ", "–": "-", "—": "-"})


def normalise_quote(text: str) -> str:
    """Quote text with typography folded, so that « » against "" is not a difference."""
    return re.sub(r"\s+", " ", text.translate(_TYPO)).strip(" ,.;:")


# A sentence ends inside a quote at . ! ? or … (closing marks may follow), before a space and a
# capital, a digit or an opening mark. A one-letter word before the point is an initial or an
# abbreviation ("M. Dupont", "J. Chirac"), not the end of a sentence.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[»”\"'’)]*\s+(?=[A-ZÀ-Ý0-9«“\"'])")


def sentence_units(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split the quote ``text[start:end]`` into its sentences, as ``(start, end)`` offsets.

    A long quote of several sentences is matched sentence by sentence across articles: one
    outlet quotes three sentences of an interview, another two of them, and a third splits
    them in two quotes with a "dit-il" between. Closing punctuation stays with its sentence.
    """
    units: list[tuple[int, int]] = []
    pos = start
    for m in _SENTENCE_END.finditer(text, start, end):
        word = re.search(r"(\w+)\W*$", text[pos:m.start()])
        if word is not None and len(word.group(1)) < 2 and word.group(1).isalpha():
            continue
        units.append((pos, m.start()))
        pos = m.end()
    units.append((pos, end))
    out = []
    for s, e in units:
        q = _trimmed(text, s, e, "")
        if q.end > q.start:
            out.append((q.start, q.end))
    return out
