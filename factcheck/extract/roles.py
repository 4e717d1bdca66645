"""Role phrases given to a person by apposition: "Alex Spiro, l'avocat d'Elon Musk".

One job: find the phrase and its head noun in a parsed sentence. spaCy objects stay here; what
leaves is offsets, text and the head lemma, which the pipeline turns into ``role`` facts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from factcheck.extract.entities import Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc


OF = ("de", "d'", "du", "des")


def role_of(ent: Entity, doc: Doc) -> tuple[int, int, str, str] | None:
    """The role phrase given to a person by apposition, after or before the name.

    "Alex Spiro, l'avocat d'Elon Musk", "Shu Tao, chef local du Parti", "le gouverneur de la
    Banque de France, Christian Noyer", "son porte-parole Frank Shaw".
    """
    if ent.type != "person":
        return None
    for m in ent.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        sent = span.sent
        # "Avant Marc Bloch, les autres ...": a name inside a prepositional phrase is not
        # followed by its apposition but by the main clause.
        in_phrase = span.start > sent.start and doc[span.start - 1].pos_ == "ADP" and \
            doc[span.start - 1].lower_ not in OF
        after = None if in_phrase else _role_after(doc, span.end, sent.end)
        if after is not None:
            return after
        before = _role_before(doc, span.start, sent.start)
        if before is not None:
            return before
    return None


# Nouns of time and months head adverbial phrases ("Et le mois dernier, Elon Musk ..."), not roles.
TIME_NOUNS = {"mois", "an", "année", "semaine", "jour", "journée", "fois", "heure", "soir",
              "soirée", "matin", "matinée", "nuit", "veille", "lendemain", "week-end", "siècle",
              "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
              "octobre", "novembre", "décembre", "début", "fin", "moment", "époque", "période"}


def _role_tokens(tokens: list[Any]) -> tuple[int, int, str, str] | None:
    nouns = [t for t in tokens if t.pos_ == "NOUN" and not t.text[:1].isupper()]
    if not tokens or not nouns or "Number=Plur" in str(nouns[0].morph):
        return None  # one person's role is singular: "les autres panthéonisés" is not one
    if nouns[0].lemma_.lower() in TIME_NOUNS or nouns[0].lower_ in TIME_NOUNS:
        return None
    s, e = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return s, e, tokens[0].doc[tokens[0].i:tokens[-1].i + 1].text, nouns[0].lemma_.lower()


def _role_after(doc: Doc, i: int, limit: int) -> tuple[int, int, str, str] | None:
    if i + 1 >= limit or doc[i].text != "," or doc[i + 1].pos_ not in ("DET", "NOUN", "ADJ"):
        return None
    toks = []
    for t in doc[i + 1:min(limit, i + 14)]:
        if (t.is_punct and t.text != "-") or t.pos_ in ("VERB", "AUX", "SCONJ", "CCONJ", "PRON") \
                or (t.pos_ == "ADP" and t.lower_ not in OF and not t.text[:1].isupper()):
            break
        toks.append(t)
    while toks and toks[-1].pos_ in ("ADP", "DET"):
        toks.pop()
    return _role_tokens(toks)


def _role_before(doc: Doc, i: int, limit: int) -> tuple[int, int, str, str] | None:
    j = i - 1
    if j >= limit and doc[j].lower_ in OF:
        return None  # "l'avocat d'Elon Musk": the role is someone else's, Musk is its complement
    if j >= limit and doc[j].text == ",":
        j -= 1
    toks = []
    while j >= limit and len(toks) < 10:
        t = doc[j]
        if (t.is_punct and t.text != "-") or t.pos_ in ("VERB", "AUX", "SCONJ", "CCONJ", "PRON") \
                or (t.pos_ == "ADP" and t.lower_ not in OF and not t.text[:1].isupper()):
            break
        toks.insert(0, t)
        j -= 1
    # The closest phrase that starts at a determiner or noun and holds a common noun: "par la
    # voix de son porte-parole Frank Shaw" -> "son porte-parole".
    for k in range(len(toks) - 1, -1, -1):
        if toks[k].pos_ in ("DET", "NOUN") and toks[k].lower_ not in TIME_WORDS:
            found = _role_tokens(toks[k:])
            if found is not None:
                return found
    return None


TIME_WORDS = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier",
              "aujourd'hui", "demain", "soir", "matin", "midi", "après-midi", "dernier",
              "encore", "aussi", "également", "ensuite", "alors", "déjà", "enfin", "récemment"}
