"""Which way the verb that governs a date points: to the past or to the future.

Why per date and not per sentence: news sentences mix a report and an announcement ("Le
conseil se réunira mardi soir, a déclaré samedi François Hollande"), so "mardi" is the coming
Tuesday and "samedi" the past Saturday although the main verb is a past tense. The date's
governing verb is found by walking up the dependency tree from the date's first token.

A verb in a past tense ("a été rachetée", "rachetée en octobre", "avait") is "completed": even a
yearless month is then the past one. Forward-pointing forms are these; everything else reads as
a report ("past"), which is what most news sentences are, including the present of reporting
("annonce lundi"):

* a future or a conditional, on the verb or on its auxiliary ("se réunira", "aurait dû");
* an infinitive under a verb of intent or plan in the present or the future ("doit recevoir
  lundi", "va injecter", "compte annoncer", "ont prévu de se rencontrer lundi");
* a planned event as a participle without "avoir" ("la réunion prévue lundi", "est attendue le
  3 août", "programmées ce dimanche") or a present passive ("est convoqué jeudi"): these read
  as the nearest such day, since the plan may already have happened.
"""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.model import Token

__all__ = ["clause_direction"]

# Verbs whose infinitive complement is still to happen.
_INTENT = frozenset({"devoir", "aller", "compter", "prévoir", "envisager", "espérer",
                     "projeter", "s'apprêter", "apprêter", "promettre", "entendre", "vouloir"})
# Participles that name a planned event ("prévue lundi", "attendu le 3 août").
_PLANNED = frozenset({"prévoir", "programmer", "attendre", "fixer", "planifier"})
_VERBAL = ("VERB", "AUX")


# Future and conditional endings after the "r" of the stem, and the irregular stems. The
# parser's morphology often tags "réunira" as a past and "communiquerait" as an imperfect, so
# the written form is checked too: a future or conditional is the infinitive (less the final
# "e" of "-re" verbs) plus one of these endings.
_ENDINGS = frozenset({"ai", "as", "a", "ons", "ez", "ont", "ais", "ait", "ions", "iez", "aient"})
_CONDITIONAL = frozenset({"ais", "ait", "ions", "iez", "aient"})
_IRREGULAR = ("ser", "aur", "fer", "ir", "pourr", "devr", "viendr", "tiendr", "faudr", "saur",
              "verr", "voudr", "enverr", "courr", "mourr", "vaudr", "reviendr")


def _forward_morph(morph: str) -> bool:
    return "Tense=Fut" in morph or "Mood=Cnd" in morph


def _ending(token: Token) -> str | None:
    """The future or conditional ending of a finite verb as written ("réunira" -> "a")."""
    if token.pos not in _VERBAL or "VerbForm=Inf" in token.morph or "VerbForm=Part" in token.morph:
        return None
    word, lemma = token.text.lower(), token.lemma.lower()
    stems = [lemma] if lemma.endswith(("er", "ir")) else [lemma[:-1]] if lemma.endswith("re") \
        else []
    stems.extend(_IRREGULAR)
    for st in stems:
        if st and word.startswith(st) and word[len(st):] in _ENDINGS:
            return word[len(st):]
    return None


def _forward(token: Token) -> bool:
    """Future or conditional, by the parser's morphology or by the written form."""
    return _forward_morph(token.morph) or _ending(token) is not None


def _conditional(token: Token) -> bool:
    return "Mood=Cnd" in token.morph or _ending(token) in _CONDITIONAL


def _aux_children(tokens: Sequence[Token], i: int) -> list[Token]:
    return [t for t in tokens if t.head == i and t.dep.startswith("aux")]


def _governor(tokens: Sequence[Token], i: int) -> int | None:
    """The nearest verb at or above token ``i`` (at most a few steps up)."""
    seen = 0
    while 0 <= i < len(tokens) and seen < 8:
        if tokens[i].pos in _VERBAL:
            return i
        i = tokens[i].head
        seen += 1
    return None


def _direction(tokens: Sequence[Token], v: int, depth: int = 0) -> str:
    verb = tokens[v]
    auxes = _aux_children(tokens, v)
    if _forward(verb) or any(_forward(a) for a in auxes):
        # A conditional under a past verb is a future in the past ("avait annoncé que l'accès
        # prendrait fin le 9 février"): the day may be before or after publication.
        cond = _conditional(verb) or any(_conditional(a) for a in auxes)
        up = _governor(tokens, verb.head) if verb.head >= 0 and verb.dep == "ccomp" else None
        if cond and up is not None and depth < 3 and _direction(tokens, up, depth + 1) in (
                "completed", "past"):
            return "nearest"
        return "future"
    lemma = verb.lemma.lower()
    if "VerbForm=Inf" in verb.morph and depth < 3:
        up = _governor(tokens, verb.head) if verb.head >= 0 else None
        if up is None:
            return "past"
        above = tokens[up]
        if above.lemma.lower() in _INTENT and "Tense=Past" not in above.morph \
                and "Tense=Imp" not in above.morph:
            return "future"
        if above.lemma.lower() in _PLANNED and "VerbForm=Part" in above.morph:
            return "nearest"  # "ont prévu de se rencontrer lundi"
        return _direction(tokens, up, depth + 1)
    # A planned event ("la réunion prévue lundi") or a present passive ("est convoqué jeudi"):
    # whichever such day is nearest, since the plan may already be past.
    participle = "VerbForm=Part" in verb.morph and not any(a.dep == "aux:tense" for a in auxes)
    if participle and (lemma in _PLANNED or any(a.dep == "aux:pass" and "Tense=Pres" in a.morph
                                                for a in auxes)):
        return "nearest"
    if any(a.dep == "aux:tense" for a in auxes) or "Tense=Past" in verb.morph \
            or "Tense=Imp" in verb.morph:
        return "completed"  # "a été racheté en octobre", "rachetée en octobre", "avait"
    return "past"


def clause_direction(tokens: Sequence[Token], start: int, end: int) -> str | None:
    """"future", "nearest", "completed" (a past tense) or "past" (a report in the present)
    for a date at raw offsets ``start:end`` of a sentence; None when the
    parse says nothing (no dependency heads, or no verb above the date)."""
    if not tokens or all(t.head < 0 for t in tokens):
        return None
    first = next((n for n, t in enumerate(tokens) if t.end > start and t.start < end), None)
    if first is None:
        return None
    v = _governor(tokens, first)
    if v is None:
        return None
    return _direction(tokens, v)
