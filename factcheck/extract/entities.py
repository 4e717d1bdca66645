"""Named entities from spaCy, corrected for what the small French model gets wrong on news.

The model tags one name ORG in a sentence and MISC in the next, includes elided articles
(``l'AFP``), and sometimes labels a sentence-initial common word. So mentions are trimmed, merged
into one entity per canonical name within the article, and typed by a vote over all mentions.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

LABELS = {"PER": "person", "ORG": "org", "LOC": "place", "GPE": "place"}
HONORIFICS = {"m.", "mme", "mlle", "me", "dr", "pr", "mgr", "m", "monsieur", "madame", "maître"}
_ELISION = re.compile(r"^(?:[ldjmnst]|qu|jusqu|lorsqu|puisqu)'", re.I)
_STOP_HEAD = {"le", "la", "les", "un", "une", "des", "du", "de", "et", "mais", "ou", "donc", "or",
              "ni", "car", "ce", "cette", "ces", "son", "sa", "ses", "leur", "leurs", "il", "elle"}


# Editorial markers written in capitals that the model takes for organisations.
EDITORIAL = {"ndlr", "n.d.l.r.", "ndt", "nde", "ndr"}


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    label: str  # spaCy label
    tokens: tuple[str, ...]


def _clean_span(span: Span, text: str) -> tuple[int, int, list[str]] | None:
    tokens = list(span)
    while tokens and (tokens[0].is_punct or tokens[0].lower_ in _STOP_HEAD
                      or (_ELISION.match(tokens[0].text) and len(tokens[0].text) <= 4)):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    if not tokens:
        return None
    start = tokens[0].idx
    first = tokens[0].text
    elided = _ELISION.match(first)
    if elided:
        start += elided.end()
    end = tokens[-1].idx + len(tokens[-1].text)
    words = text[start:end].split()
    if not words or not any(ch.isupper() for ch in words[0][:1] + words[-1][:1]):
        return None
    return start, end, words


def mentions(doc: Doc) -> list[Mention]:
    out: list[Mention] = []
    text = doc.text  # Doc.text is rebuilt on every access
    for ent in doc.ents:
        fixed = _clean_span(ent, text)
        if fixed is None:
            continue
        start, end, words = fixed
        if len(text[start:end]) < 2 or text[start:end].lower() in EDITORIAL:
            continue
        # A single capitalised word that opens a sentence is usually not a name ("Et", "Les").
        if len(words) == 1 and doc[ent.start].is_sent_start and doc[ent.start].pos_ not in (
                "PROPN",):
            continue
        out.append(Mention(start, end, text[start:end], ent.label_, tuple(words)))
    return out


def name_key(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(w for w in words if w.lower().rstrip(".") not in HONORIFICS
                 and w.lower() not in HONORIFICS)


def _honorific_only(found: list[Mention], keys: dict[Mention, tuple[str, ...]],
                    key: tuple[str, ...]) -> bool:
    """"M. Musk": a surname written with a title is a person whatever the model said."""
    return any(keys[m] == key and len(m.tokens) > len(key) for m in found)


@dataclass(frozen=True)
class Entity:
    canonical: str
    type: str  # person | org | place
    mentions: tuple[Mention, ...]


def resolve(found: list[Mention]) -> list[Entity]:
    """Group mentions into entities: "M. Musk" and "Musk" join "Elon Musk".

    Only people are named in part: "Tibet" does not join "Quotidien du Tibet", nor "France"
    "Banque de France". A short name joins a longer one when both are tagged as people at
    least once.
    """
    keys = {m: name_key(m.tokens) for m in found}
    people = {keys[m] for m in found if LABELS.get(m.label) == "person"}
    full_names = sorted({k for k in keys.values() if k}, key=lambda k: (-len(k), k))
    owner: dict[tuple[str, ...], tuple[str, ...]] = {}
    for key in sorted({k for k in keys.values() if k}, key=lambda k: (len(k), k)):
        target = key
        for longer in full_names:
            if len(longer) > len(key) and longer[-len(key):] == key and (
                    longer in people and (key in people or _honorific_only(found, keys, key))):
                target = longer
                break
        owner[key] = target
    groups: dict[tuple[str, ...], list[Mention]] = defaultdict(list)
    for m in found:
        k = keys[m]
        if k:
            groups[owner[k]].append(m)
    entities = []
    for key, ms in groups.items():
        votes = Counter(LABELS.get(m.label) for m in ms)
        votes.pop(None, None)
        if votes:
            etype = max(sorted(votes), key=lambda t: votes[t])
        else:
            # Only MISC: in news these are mostly brands, products and platforms.
            etype = "person" if len(key) >= 2 and all(w[:1].isupper() for w in key) and any(
                LABELS.get(m.label) == "person" for m in ms) else "org"
        entities.append(Entity(" ".join(key), etype, tuple(sorted(ms, key=lambda m: m.start))))
    entities.sort(key=lambda e: e.mentions[0].start)
    return entities
