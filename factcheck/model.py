"""Frozen records passed between pipeline stages.

Every stage takes and returns these, never spaCy objects or dicts, so that stages can be tested
alone, cached on disk and shipped to other processes. Offsets always index the *decoded file
text* (front matter included): evidence must satisfy ``text == article.raw[start:end]``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any


class Severity(IntEnum):
    """Ordered so that ``--fail-on warning`` is a plain comparison."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> Severity:
        return cls[name.strip().upper()]

    def __str__(self) -> str:
        return self.name.lower()


FACT_TYPES = ("date", "amount", "person", "org", "place", "quote", "role", "polarity", "wording")


@dataclass(frozen=True)
class Article:
    """One loaded source: the decoded file text plus what its metadata says."""

    id: str
    path: str
    raw: str
    title: str | None = None
    outlet: str | None = None
    date: dt.date | None = None
    date_precision: str | None = None
    date_borrowed_from: str | None = None
    url: str | None = None
    language: str = "fr"
    story: str | None = None
    body_start: int = 0
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class CleanText:
    """Article text after boilerplate removal, with a map back to raw offsets.

    ``offsets[i]`` is the raw offset of ``text[i]``; one extra entry maps the end. Keeping the map
    rather than blanking removed regions lets the cleaner join words broken across lines.
    """

    text: str
    offsets: tuple[int, ...]
    removed: tuple[tuple[int, int, str], ...] = ()
    title: str | None = None

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            pos = self.offsets[start]
            return pos, pos
        return self.offsets[start], self.offsets[end - 1] + 1


@dataclass(frozen=True)
class Token:
    """The little of spaCy's token the comparison stage needs."""

    text: str
    lemma: str
    pos: str
    morph: str
    start: int
    end: int
    is_punct: bool = False
    ent: str = ""
    head: int = -1  # index of the syntactic head in the sentence's tokens; -1 for the root
    dep: str = ""


@dataclass(frozen=True)
class Sentence:
    index: int
    text: str
    start: int
    end: int
    tokens: tuple[Token, ...] = ()
    negated: bool = False
    tense: str | None = None


@dataclass(frozen=True)
class Frame:
    """What an amount or a date describes, for linking facts across reworded articles.

    ``noun`` is the lemma of what is counted or measured ("soldat", "taux"), ``mods`` the lemmas
    that narrow it ("thaïlandais", "participation"), ``owner`` whose age or term it is,
    ``predicate`` the verb it hangs on, ``qualifiers`` words that make it another fact
    ("autre", "premier"), ``scope`` time nouns with their modifiers ("trimestre:troisième"),
    ``context`` the other content lemmas of its sentence, ``local`` those within a few words of
    the fact, and ``names`` the entities in the sentence. ``anchor`` is the time an adverb of the
    clause puts the figure in ("now" for "aujourd'hui", "next" for "l'an prochain", "past" for
    "l'an dernier"): "27 heures dès l'an prochain (contre 28 à 35 heures aujourd'hui)" gives two
    facts of one sentence, one per time.
    ``thing`` is what a date's verb acts on, its object with the names that complete it
    ("disputer en février le Tour de Californie": ("californie", "tour")), which tells two
    events of one verb apart. ``group`` is the people a demonym counts: "200.000 Chinois"
    counts persons (``noun`` "personne"), of group "chinois", so it may be the "300.000
    personnes" of another article but never the "100.000 Tibétains" of a third.
    ``others`` are the owners of the other figures of its sentence: in "Aubry et Delanoë ont
    25 %, Hamon crée la surprise avec 19 %" the 25 % has no single owner, but it is not Hamon's.
    Lemmas are folded (lower case, no accents). ``vector`` and ``context_vector`` are unit
    float16 vectors of the noun and of the sentence, as bytes, when the model has word vectors.
    """

    noun: str = ""
    mods: tuple[str, ...] = ()
    owner: str | None = None
    predicate: str = ""
    qualifiers: tuple[str, ...] = ()
    scope: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    local: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    anchor: str = ""
    group: str = ""
    thing: tuple[str, ...] = ()
    others: tuple[str, ...] = ()
    vector: bytes | None = None
    context_vector: bytes | None = None


@dataclass(frozen=True)
class Fact:
    """A claim-bearing span: its type, surface text, normalised value and context.

    ``key`` says what the fact is *about* (the counted noun of an amount, the speaker of a quote,
    the event verb of a date); facts are only compared when their keys are compatible.
    """

    type: str
    text: str
    value: Any
    start: int
    end: int
    sentence: int
    attrs: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    key: tuple[str, ...] = ()


@dataclass(frozen=True)
class Parsed:
    """An article after NLP and extraction: everything later stages need, no spaCy inside."""

    article: Article
    sentences: tuple[Sentence, ...]
    facts: tuple[Fact, ...]


@dataclass(frozen=True)
class Evidence:
    source: str
    text: str
    value: Any
    start: int
    end: int
    line: int
    column: int
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Finding:
    rule: str
    status: str  # "agreement" | "disagreement" | "single_source"
    severity: Severity
    type: str
    message: str
    evidence: tuple[Evidence, ...]
    explanation: str | None = None
    story: str | None = None
    support: dict[str, int] = field(default_factory=dict, compare=False, hash=False)
    confidence: float | None = None  # of the link between the facts compared, when linked
    why: tuple[str, ...] = ()  # what the linked facts share


@dataclass(frozen=True)
class Problem:
    source: str | None
    message: str
