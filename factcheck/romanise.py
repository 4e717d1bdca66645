"""One spelling for names written in Latin letters from another script.

Agencies transliterate Thai, Chinese, Arabic or Russian names each their own way: "Wiboonsak
Neeparn" in one dispatch is "Vibulsak Neepan" in another, "Amornviwat" is "Amorwiwat". Letter
by letter such names look unrelated (ratio 59), though a reader sees one name spelt two ways.
Folding the usual alternatives (w/v, oo/ou/u, ee/i, y/i, ph/f, th/t, kh/k, doubled letters)
lets the name rules compare them as the spelling variants they are. The fold is only ever a
second opinion beside the letters as written (see ``claims.same_name``), never a reason to call
two spellings identical.
"""

from __future__ import annotations

import re

_PAIRS = (("sch", "ch"), ("ph", "f"), ("th", "t"), ("kh", "k"), ("gh", "g"), ("dh", "d"),
          ("bh", "b"), ("ck", "k"), ("w", "v"), ("oo", "u"), ("ou", "u"), ("ee", "i"),
          ("y", "i"), ("q", "k"))
_DOUBLED = re.compile(r"(.)\1+")


def romanised(word: str) -> str:
    """``word`` (folded: lower case, no accents) with transliteration alternatives folded."""
    for a, b in _PAIRS:
        word = word.replace(a, b)
    return _DOUBLED.sub(r"\1", word)
