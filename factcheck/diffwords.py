"""Word-level differences between two aligned sentences, each typed.

The diff runs over tokens with typography folded (quote marks, apostrophes and spacing never
count), then each changed block is classified from what the two sides hold: the same lemma in
another form, the same letters but for hyphens, a negation added or dropped, a name swapped for
another, or plain other words.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz

from factcheck.model import Token

NEGATORS = {"ne", "n'", "pas", "jamais", "aucun", "aucune", "rien", "guère", "nullement", "non",
            "ni", "personne", "nul", "nulle"}
QUOTE_MARKS = set("«»“”„\"'‘’‹›")
HONORIFICS = {"m.", "mme", "mlle", "me", "dr", "pr", "mgr", "monsieur", "madame"}


MAX_FLIP = 4  # tokens on either side of a change read as a negation flip


@dataclass(frozen=True)
class Change:
    kind: str  # inflection | spelling | polarity | number | name | wording
    a: tuple[Token, ...]
    b: tuple[Token, ...]
    detail: str = ""


def _key(tok: Token) -> str:
    text = unicodedata.normalize("NFC", tok.text).replace("’", "'").lower()
    return text


def content_tokens(tokens: tuple[Token, ...] | list[Token]) -> list[Token]:
    """Tokens that carry words: quote marks and stray punctuation are typography."""
    return [t for t in tokens if not (t.is_punct and (set(t.text) <= QUOTE_MARKS | set(",;:-–—()")))
            and t.text.strip()]


def diff_tokens(a: list[Token], b: list[Token]) -> list[Change]:
    ka = [_key(t) for t in a]
    kb = [_key(t) for t in b]
    matcher = difflib.SequenceMatcher(a=ka, b=kb, autojunk=False)
    changes = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        changes.extend(_classify(tuple(a[i1:i2]), tuple(b[j1:j2])))
    return changes


def _squash(tokens: tuple[Token, ...]) -> str:
    """Letters and digits only: "n'ont" and "nont", "co-fondé" and "cofondé" are spellings."""
    return re.sub(r"[\W_]+", "", "".join(t.text for t in tokens)).lower()


def _is_name(tok: Token) -> bool:
    return tok.pos == "PROPN" or bool(tok.ent) or (tok.text[:1].isupper() and tok.pos != "PUNCT")


def _classify(a: tuple[Token, ...], b: tuple[Token, ...]) -> list[Change]:
    if not a and not b:
        return []
    if _squash(a) == _squash(b):
        return [Change("spelling", a, b, "hyphenation or spacing")]
    neg_a = {t.text.lower() for t in a} & NEGATORS
    neg_b = {t.text.lower() for t in b} & NEGATORS
    # A negation flip is a small edit ("n'a pas répondu" / "a répondu"); a clause added that
    # happens to hold a "ne" is added wording, not the same statement negated.
    if neg_a != neg_b and max(len(a), len(b)) <= MAX_FLIP and (
            {"ne", "n'"} & (neg_a ^ neg_b) or {"pas", "jamais"} & (neg_a ^ neg_b)):
        return [Change("polarity", a, b, "negation " + ("dropped" if neg_a else "added"))]
    if any(t.pos == "NUM" or t.text[:1].isdigit() for t in a + b):
        return [Change("number", a, b)]
    if len(a) == 1 and len(b) == 1:
        ta, tb = a[0], b[0]
        if ta.lemma.lower() == tb.lemma.lower() and ta.text.lower() != tb.text.lower():
            return [Change("inflection", a, b, _features(ta, tb))]
        if _stem_match(ta.text, tb.text) and ta.pos == tb.pos and ta.pos in ("VERB", "ADJ",
                                                                             "NOUN", "AUX"):
            return [Change("inflection", a, b, _features(ta, tb))]
    names_a = [t for t in a if _is_name(t) and t.text.lower() not in HONORIFICS]
    names_b = [t for t in b if _is_name(t) and t.text.lower() not in HONORIFICS]
    if (a and all(t.text.lower() in HONORIFICS or _is_name(t) for t in a)
            and b and all(t.text.lower() in HONORIFICS or _is_name(t) for t in b)):
        if not names_a or not names_b:
            return [Change("name_form", a, b, "title or first name added or dropped")]
        sim = fuzz.ratio(" ".join(t.text for t in names_a), " ".join(t.text for t in names_b))
        return [Change("name", a, b, f"{sim:.0f}")]
    return [Change("wording", a, b)]


def _stem_match(x: str, y: str) -> bool:
    x, y = x.lower(), y.lower()
    n = 0
    for cx, cy in zip(x, y, strict=False):
        if cx != cy:
            break
        n += 1
    return n >= 5 and n >= max(len(x), len(y)) - 3


FEATURE_NAMES = {"Gender": "gender", "Number": "number", "Tense": "tense", "Person": "person",
                 "Mood": "mood", "VerbForm": "verb form"}


def _features(a: Token, b: Token) -> str:
    fa = dict(kv.split("=", 1) for kv in a.morph.split("|") if "=" in kv)
    fb = dict(kv.split("=", 1) for kv in b.morph.split("|") if "=" in kv)
    differ = [FEATURE_NAMES.get(k, k.lower()) for k in sorted(set(fa) | set(fb))
              if fa.get(k) != fb.get(k) and k in FEATURE_NAMES]
    lemma = a.lemma if a.lemma.lower() == b.lemma.lower() else a.text
    if differ:
        return f"same lemma {lemma}, {'/'.join(differ)} differ"
    return f"same lemma {lemma}, another form"
