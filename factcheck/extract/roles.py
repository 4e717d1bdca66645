"""Role phrases given to a person by apposition: "Alex Spiro, l'avocat d'Elon Musk".

One job: find the phrase and its head noun in a parsed sentence. spaCy objects stay here; what
leaves is offsets, text and the head lemma, which the pipeline turns into ``role`` facts.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from factcheck.extract.entities import Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc


OF = ("de", "d'", "du", "des")


# Titles of one closed hierarchy: a person holds one rank at a time, so "le général X" and "le
# lieutenant X" conflict. Word vectors cannot tell these apart (général/lieutenant 0.56,
# colonel/capitaine 0.75, sergent/caporal 1.0 in fr_core_news_md), hence a list.
# "capitaine" and "commandant" also name functions (a team's captain, "le commandant de la
# région"), so they are loose titles, not ranks.
RANKS = {"soldat", "caporal", "caporal-chef", "sergent", "sergent-chef", "adjudant",
         "adjudant-chef", "aspirant", "sous-lieutenant", "lieutenant", "lieutenant-colonel",
         "colonel", "général", "maréchal", "amiral", "vice-amiral", "contre-amiral"}
# Offices held by one person at a body: two of them over one body ("gouverneur" / "président de
# la Banque de France") name two functions. Vectors call many of these synonyms (gouverneur /
# président 0.69, président / vice-président 0.9, député / sénateur 0.84, juge / procureur 0.71).
OFFICES = {"président", "vice-président", "directeur", "sous-directeur", "gouverneur",
           "sous-gouverneur", "secrétaire", "trésorier", "ministre", "vice-ministre", "maire",
           "préfet", "sous-préfet", "procureur", "vice-procureur", "substitut", "juge", "avocat",
           "bâtonnier", "recteur", "doyen", "proviseur", "commissaire",
           "rapporteur", "député", "sénateur", "eurodéputé", "ambassadeur", "consul",
           "chancelier", "archevêque", "évêque", "sélectionneur", "entraîneur", "médiateur"}
# Titles that name the head or a member of a body loosely: compatible with any office ("patron
# de TF1" / "directeur général de TF1"), but still the head of a title phrase ("le chef de la
# diplomatie", not "diplomatie").
LOOSE_TITLES = {"chef", "patron", "dirigeant", "responsable", "leader", "numéro", "pdg",
                "membre", "représentant", "porte-parole", "haut", "cadre", "conseiller", "délégué", "adjoint",
                "fondateur", "cofondateur", "administrateur", "président-directeur", "capitaine",
                "commandant"}
TITLES = RANKS | OFFICES | LOOSE_TITLES


def title_class(head: str) -> str:
    """"rank", "office", "loose" or "" for a role head lemma (see the lists above)."""
    if head in RANKS:
        return "rank"
    if head in OFFICES:
        return "office"
    return "loose" if head in LOOSE_TITLES else ""


@dataclass(frozen=True)
class RolePhrase:
    """A role phrase: character offsets in the doc, its text, head lemma and body.

    ``body`` is the complement that says of what the role is, lower-cased ("la banque de
    france" in "gouverneur de la Banque de France"); empty for a bare title ("le général").
    ``named`` spans the phrase and the name it is given to ("le lieutenant Wiboonsak"): what a
    reader must see to know whose role it is.
    """

    start: int
    end: int
    text: str
    head: str
    body: str
    named: tuple[int, int] = (0, 0)


def roles_of(ent: Entity, doc: Doc, others: list[tuple[int, int]]) -> list[RolePhrase]:
    """The role phrases given to a person by apposition, after and before each mention.

    "Alex Spiro, l'avocat d'Elon Musk", "Shu Tao, chef local du Parti", "le gouverneur de la
    Banque de France, Christian Noyer", "son porte-parole Frank Shaw". A person can carry
    several ("le lieutenant Wiboonsak, représentant des autorités militaires"), and all are
    kept: which one another source contradicts is the comparison's question. ``others`` are
    the character spans of other people's mentions: a phrase that runs into one ("Éric Woerth,
    le gouverneur de la Banque de France Christian Noyer") is that person's title.
    """
    if ent.type != "person":
        return []
    found: dict[tuple[int, int], RolePhrase] = {}
    for m in ent.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        sent = span.sent
        # "Avant Marc Bloch, les autres ...": a name inside a prepositional phrase is not
        # followed by its apposition but by the main clause.
        in_phrase = span.start > sent.start and doc[span.start - 1].pos_ == "ADP" and \
            doc[span.start - 1].lower_ not in OF
        after = _role_after(doc, span.end, sent.end, others)
        if in_phrase and after is not None and after.head not in TITLES:
            after = None  # but "par Pierre Bordry, le président de l'Agence" is one
        before = _role_before(doc, span.start, sent.start)
        for role in (after, before):
            if role is not None:
                named = (min(role.start, m.start), max(role.end, m.end))
                found.setdefault((role.start, role.end), dataclasses.replace(role, named=named))
    return list(found.values())


# Nouns of time and months head adverbial phrases ("Et le mois dernier, Elon Musk ..."), not roles.
TIME_NOUNS = {"mois", "an", "année", "semaine", "jour", "journée", "fois", "heure", "soir",
              "soirée", "matin", "matinée", "nuit", "veille", "lendemain", "week-end", "siècle",
              "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
              "octobre", "novembre", "décembre", "début", "fin", "moment", "époque", "période"}


def _role_tokens(tokens: list[Any]) -> RolePhrase | None:
    nouns = [t for t in tokens if t.pos_ == "NOUN" and not t.text[:1].isupper()]
    if not tokens or not nouns or "Number=Plur" in str(nouns[0].morph):
        return None  # one person's role is singular: "les autres panthéonisés" is not one
    head = nouns[0]
    if {head.lemma_.lower(), head.lower_} & (TIME_NOUNS | TIME_WORDS):
        return None
    # The body is what follows the head's first "de": "de la Banque de France".
    rest = tokens[tokens.index(head) + 1:]
    of = next((n for n, t in enumerate(rest) if t.lower_ in OF), None)
    body = [] if of is None else [t.lower_ for t in rest[of + 1:] if t.pos_ != "DET"]
    s, e = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return RolePhrase(s, e, tokens[0].doc[tokens[0].i:tokens[-1].i + 1].text,
                      head.lemma_.lower(), " ".join(body))


def _role_after(doc: Doc, i: int, limit: int,
                others: list[tuple[int, int]]) -> RolePhrase | None:
    if i + 1 >= limit or doc[i].text != "," or doc[i + 1].pos_ not in ("DET", "NOUN", "ADJ"):
        return None
    toks = []
    for t in doc[i + 1:min(limit, i + 14)]:
        if (t.is_punct and t.text != "-") or t.pos_ in ("VERB", "AUX", "SCONJ", "CCONJ", "PRON") \
                or (t.pos_ == "ADP" and t.lower_ not in OF and not t.text[:1].isupper()):
            break
        toks.append(t)
    stop = doc[i + 1 + len(toks)] if i + 1 + len(toks) < limit else None
    if toks and toks[0].pos_ != "DET" and stop is not None and stop.lower_ == "par":
        return None  # ", félicité par le jury": a participle tagged as a noun, not a title
    nxt = stop.i + 1 if stop is not None and stop.text == "," else (stop.i if stop else None)
    if toks and toks[0].pos_ == "DET" and nxt is not None and nxt < limit and \
            any(s <= doc[nxt].idx < e for s, e in others):
        # "Christine Lagarde, le gouverneur de la Banque de France, Christian Noyer, et ...":
        # in a list, a phrase with a determiner between two names is the next one's title; a
        # bare one is the previous one's ("Christian Noyer, gouverneur de la Banque de France,
        # Michel Prada, président de l'AMF").
        return None
    for t in toks:
        # "Éric Woerth, le gouverneur de la Banque de France Christian Noyer": the title of the
        # next name; "l'avocat d'Elon Musk" keeps its complement.
        if any(s <= t.idx < e for s, e in others) and doc[t.i - 1].lower_ not in OF and \
                not any(s <= doc[t.i - 1].idx < e for s, e in others):
            return None
    while toks and toks[-1].pos_ in ("ADP", "DET"):
        toks.pop()
    return _role_tokens(toks)


def _role_before(doc: Doc, i: int, limit: int) -> RolePhrase | None:
    j = i - 1
    if j >= limit and doc[j].lower_ in OF:
        return None  # "l'avocat d'Elon Musk": the role is someone else's, Musk is its complement
    comma = j >= limit and doc[j].text == ","
    if comma:
        j -= 1
    toks = []
    while j >= limit and len(toks) < 10:
        t = doc[j]
        if (t.is_punct and t.text != "-") or t.pos_ in ("VERB", "AUX", "SCONJ", "CCONJ", "PRON") \
                or (t.pos_ == "ADP" and t.lower_ not in OF and not t.text[:1].isupper()):
            break
        toks.insert(0, t)
        j -= 1
    # A bare noun after a verb or a quote is a verb the model took for a noun ("a félicité M.
    # X", "», juge Delphine Batho"); one after a determiner is part of the longer phrase.
    opens = j < limit or doc[j].pos_ == "ADP"
    # The closest phrase that starts at a determiner (or opens the clause) and holds a common
    # noun, a title preferred: "par la voix de son porte-parole Frank Shaw" -> "son
    # porte-parole"; "le président du groupe Nonce Paolini" -> "le président du groupe", not
    # "groupe"; "l'avocat du président Nicolas Sarkozy" -> "président".
    fallback = None
    for k in range(len(toks) - 1, -1, -1):
        after_of = k > 0 and toks[k - 1].lower_ in OF
        if (toks[k].pos_ not in ("DET", "NOUN") and not after_of) or \
                toks[k].lower_ in TIME_WORDS:
            continue
        found = _role_tokens(toks[k:])
        if found is None:
            continue
        titled = found.head in TITLES
        if not (toks[k].pos_ == "DET" or (k == 0 and opens) or (after_of and titled)):
            continue
        governed = after_of or (k == 0 and j >= limit and doc[j].pos_ == "ADP")
        if comma and governed and doc[i].dep_.startswith("nsubj"):
            # "mise à l'écart par le chef de l'Etat, Rachida Dati doit ...", "adjoint au maire
            # de Lyon, Etienne Tête est ...": a complement before a comma, and the name the
            # subject of the clause, not an apposition ("écarté par le directeur général de
            # TF1, Nonce Paolini, qui ..." and "les propos du ministre français des Affaires
            # étrangères, Bernard Kouchner" are ones).
            continue
        if titled:
            return found
        fallback = fallback or found
    # Before a comma, only a title is an apposition: "Selon ce scénario, Hun Sen ..." and "Face
    # à l'érosion de la première chaîne, Nonce Paolini ..." are adverbials.
    return None if comma else fallback


TIME_WORDS = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier",
              "aujourd'hui", "demain", "soir", "matin", "midi", "après-midi", "dernier",
              "encore", "aussi", "également", "ensuite", "alors", "déjà", "enfin", "récemment"}
