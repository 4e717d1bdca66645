"""What an amount or a date is *about*: the frame the fact linker compares across articles.

Independent articles word one fact differently ("15.000 personnes assureront le spectacle" /
"14.000 figurants sur la pelouse"), so sentence similarity cannot pair their figures. What they
share is the frame: the thing counted and its modifiers, whose it is, the verb it hangs on, the
qualifiers that make it another fact ("autres", "premier semestre") and the time scope. This
module reads those from the parse; :mod:`factcheck.link` scores frames against each other.

spaCy stays here: a frame is made of lemmas, names and (when the model has static word
vectors) one unit vector, serialised as bytes so that it pickles small and compares fast.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from factcheck.model import Frame

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ"}
# Words that turn a figure into another fact: "14 autres otages" are not "15 otages", "le premier
# semestre" is not the year, a total is not one of its parts. They are read as lemmas of
# adjectives and determiners near the fact (and "au total").
QUALIFIER_LEMMAS = {"autre", "premier", "dernier", "seul", "nouveau", "supplementaire",
                    "initial", "prochain", "precedent", "total"}
# Lemmas too common to say what a sentence is about.
LIGHT_LEMMAS = {"être", "avoir", "faire", "pouvoir", "devoir", "aller", "venir", "falloir",
                "mettre", "dire", "donner", "prendre", "voir", "savoir", "vouloir", "selon",
                "autre", "même", "tout", "plus", "moins", "dernier", "premier", "an", "année",
                "fois", "jour", "mois", "heure", "semaine", "cas", "chose", "part", "façon"}
# "3,1 % l'an prochain": a qualifier of a time noun dates the figure (see the anchor), it does
# not make it another figure.
TIME_NOUNS = {"an", "annee", "mois", "semaine", "jour", "soir", "matin", "nuit", "fois"}
SCOPE_NOUNS = {"trimestre", "semestre", "exercice", "mandat", "saison"}
# Verbs whose subject owns the figure: "Hamon crée la surprise en recueillant 19 %" gives Hamon's
# score, not Aubry's "25 %" of the next clause. Folded lemmas.
ACQUIRE_LEMMAS = {"recueillir", "obtenir", "recevoir", "gagner", "perdre", "toucher",
                  "percevoir", "reunir", "rassembler", "totaliser", "empocher", "remporter",
                  "recolter", "engranger", "decrocher", "detenir", "posseder", "emprunter",
                  "verser", "payer", "investir", "depenser", "realiser", "peser"}
# Adverbs that put a clause in time (folded words; "an"/"année"... + "prochain"/"dernier" are
# read as a pair): the time of a figure, distinct from the verb's tense because "aujourd'hui, les
# élèves ont 28 heures" and "l'an prochain, ils en auront 27" may both be in the present.
_ANCHOR_WORDS = {"aujourd'hui": "now", "actuellement": "now", "presentement": "now",
                 "auparavant": "past", "naguere": "past", "jadis": "past"}
_ANCHOR_TIMES = {"an", "annee", "rentree", "mois", "semaine", "saison", "exercice", "ete",
                 "hiver", "printemps", "automne", "legislature", "quinquennat"}
_ANCHOR_SIDES = {"prochain": "next", "prochaine": "next", "dernier": "past",
                 "derniere": "past", "passe": "past", "passee": "past"}
_SEGMENT_MARKS = {",", ";", ":", "(", ")", "—", "–", "[", "]"}
DURATION_KINDS = {"duration", "age"}
LOCAL = 6  # tokens each side of the fact that say most directly what it is


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower().replace("’", "'"))
    return "".join(c for c in text if not unicodedata.combining(c))


def _lemma(tok: Token) -> str:
    return fold(tok.lemma_ or tok.text)


def _outside(span: Span, tok: Token) -> bool:
    return not (span.start <= tok.i < span.end)


def _governor(span: Span) -> Token | None:
    """The first token above the span in the parse tree (skipping "de", "à", punctuation).

    Climbs from the figure's unit noun when it has one: in "une bataille de trois semaines et
    demie menée par la gauche" the parser may hang "et demie" on the verb, which would make
    the verb the span's root and lose "bataille".
    """
    tok = next((t for t in span if t.pos_ == "NOUN"), span.root)
    for _ in range(8):
        head = tok.head
        if head is tok:
            return None
        if _outside(span, head) and head.pos_ not in ("ADP", "DET", "PUNCT", "NUM", "CCONJ"):
            return head
        tok = head
    return None


def _relative_clause(span: Span) -> Token | None:
    """The verb of a relative clause on the figure's unit noun, if there is one.

    Only "qui"/"que" clauses, which say what the figure does or undergoes: "un morceau de jungle
    de 5 km2 sur lequel est édifié le temple" tells of the jungle, and the parser cannot say
    which noun "lequel" stands for.
    """
    unit = next((t for t in span if t.pos_ == "NOUN"), None)
    if unit is None:
        return None
    return next((c for c in unit.children if c.dep_ == "acl:relcl" and c.pos_ == "VERB"
                 and c.i > unit.i and any(g.lower_ in _SUBJECT_OBJECT_RELATIVES and g.i < c.i
                                          for g in c.children)), None)


_SUBJECT_OBJECT_RELATIVES = {"qui", "que", "qu'", "qu’"}


def _measured_complement(span: Span) -> Token | None:
    """What a duration or a share measures when it comes first: "trois semaines *de débat*",
    "35 % *de part* d'audience", "71 % *de militants*"."""
    unit = next((t for t in span if t.pos_ == "NOUN"), None)
    if unit is None:
        return None
    for c in unit.children:
        if c.dep_ == "nmod" and c.pos_ == "NOUN" and _outside(span, c) and c.i > unit.i and any(
                g.dep_ == "case" and g.lower_ in ("de", "d'", "d’") for g in c.children):
            return c
    return None


def _predicate(tok: Token | None) -> Token | None:
    for _ in range(8):
        if tok is None:
            return None
        if tok.pos_ in ("VERB", "AUX") and not tok.dep_.startswith("aux"):
            return tok
        if tok.head is tok:
            return None
        tok = tok.head
    return None


def _noun_mods(noun: Token) -> list[str]:
    """Modifiers that narrow what is counted: "soldats *thaïlandais*", "chefs *d'État*"."""
    out = []
    for c in noun.children:
        if c.dep_ in ("nummod", "det") or c.like_num:
            continue
        if c.dep_ in ("amod", "nmod", "compound", "flat:name") and c.pos_ in (
                "NOUN", "PROPN", "ADJ", "VERB"):
            out.append(_lemma(c))
    if noun.dep_ == "nmod" and noun.head.pos_ == "NOUN":
        out.append(_lemma(noun.head))  # "la mort de cinq soldats": what happened to them
    return out


def build_frame(doc: Doc, start: int, end: int, *, counted: tuple[int, int] | None,
                kind: str, persons: list[tuple[int, int, str]],
                names: list[tuple[int, int, str]], peers: tuple[int, ...] = ()) -> Frame:
    """The frame of the fact at doc characters [start, end).

    ``counted`` is the character span of the counted noun when the amount reader found one;
    ``persons``/``names`` are (start, end, canonical) of the article's entity mentions;
    ``peers`` are the start characters of the sentence's other figures of this kind: when there
    are some, each figure is owned by the name it is listed against.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return Frame()
    sent = span.sent
    noun_tok: Token | None = None
    if counted is not None:
        cspan = doc.char_span(counted[0], counted[1], alignment_mode="expand")
        if cspan is not None and len(cspan):
            noun_tok = cspan[-1] if cspan[-1].pos_ in ("NOUN", "PROPN") else cspan.root
    gov = _governor(span)
    if noun_tok is None and kind in ("number", "count"):
        noun_tok = _aside_noun(span) or _coordinated_noun(span)
    if noun_tok is None and gov is not None and gov.pos_ in ("NOUN", "PROPN", "ADJ"):
        noun_tok = gov
    if noun_tok is None and kind in ("duration", "percent"):
        noun_tok = _measured_complement(span)  # "35 % de part d'audience"
    if kind == "age" and noun_tok is not None and noun_tok.pos_ == "ADJ" and \
            noun_tok.head.pos_ in ("NOUN", "PROPN"):
        noun_tok = noun_tok.head  # "la fillette, âgée de deux ans": the age is the girl's
    pred = _predicate(noun_tok if noun_tok is not None else gov)
    mods: list[str] = []
    relative = _relative_clause(span)
    if relative is not None:
        # "les 25 milliards que le plan prévoit d'allouer", "5 000 personnes qui ont défilé":
        # the figure's own clause says what it is, whatever the parser hangs the phrase on.
        pred = relative
        mods.extend(_lemma(c) for c in relative.children
                    if c.dep_.startswith("nsubj") and c.pos_ == "NOUN")
    if noun_tok is not None:
        mods.extend(_noun_mods(noun_tok))
    if noun_tok is None and pred is not None:
        # "le chômage a atteint 8 %": with no noun above the figure, the subject says what it is.
        for c in pred.children:
            if c.dep_.startswith("nsubj") and c.pos_ in ("NOUN", "PROPN"):
                mods.append(_lemma(c))
                mods.extend(_lemma(g) for g in c.children if g.dep_ in ("nmod", "amod")
                            and g.pos_ in ("NOUN", "ADJ"))
    quals = set()
    window = list(doc[max(sent.start, span.start - 3):span.end + 3])
    if noun_tok is not None:
        window.extend(noun_tok.children)
    for t in window:
        lem = _lemma(t)
        if lem in QUALIFIER_LEMMAS and _lemma(t.head) not in TIME_NOUNS and (
                t.pos_ in ("ADJ", "DET", "NUM", "ADV") or (
                # "1 point au total" is the sum, not the "0,6 point supplémentaire" beside it
                t.pos_ == "NOUN" and t.i > 0 and doc[t.i - 1].lower_ == "au")):
            quals.add(lem)
    thing: tuple[str, ...] = ()
    if kind == "date" and pred is not None:
        if _negated(pred):
            quals.add("not")  # "n'était toujours pas enregistrée mercredi": no event that day
        thing = _object(pred)
    scope = sorted({_lemma(t) + ":" + " ".join(_lemma(c) for c in t.children if c.pos_ in (
        "ADJ", "NUM")) for t in sent if _lemma(t) in SCOPE_NOUNS})
    context = sorted({_lemma(t) for t in sent if t.pos_ in CONTENT_POS and not t.is_punct
                      and len(t.text) > 1 and _lemma(t) not in LIGHT_LEMMAS
                      and not t.like_num and _outside(span, t)})
    local = sorted({_lemma(t) for t in doc[max(sent.start, span.start - LOCAL):min(
        sent.end, span.end + LOCAL)] if t.pos_ in CONTENT_POS and len(t.text) > 1
        and not t.like_num and _lemma(t) not in LIGHT_LEMMAS and _outside(span, t)})
    s0, s1 = sent.start_char, sent.end_char
    in_sent = sorted({n for a, b, n in names if a < s1 and s0 < b and not (start <= a < end)})
    owner = None
    if kind == "age" or (kind in DURATION_KINDS and noun_tok is None):
        owner = _owner(span, sent, persons)
    elif peers:
        owner = _list_owner(span, names) or _subject_name(pred, names, joint=True,
                                                          peers=peers, at=span.start_char)
    elif kind in ("percent", "money", "number", "count") and pred is not None \
            and _lemma(pred) in ACQUIRE_LEMMAS:
        owner = _subject_name(pred, names, single=True)
    noun = _lemma(noun_tok) if noun_tok is not None else ""
    # The word as written, not its lemma: static vectors of inflected forms separate synonyms
    # from unrelated nouns better (measured on fr_core_news_md; see the README).
    vector = _unit_vector(doc, [noun_tok.lower_]) if noun_tok is not None else None
    group = ""
    if noun_tok is not None and kind in ("number", "count") and _demonym(noun_tok):
        group, noun = noun, "personne"
        vector = _unit_vector(doc, ["personnes"])
    ctx_vector = _unit_vector(doc, [t.lemma_.lower() for t in sent if t.pos_ in ("NOUN", "VERB")
                                    and _lemma(t) in context])
    # "780 millions de fois": the figure's own scale word is not what is counted.
    own = {_lemma(t) for t in span if noun_tok is None or t.i < noun_tok.i}
    return Frame(noun=noun, mods=tuple(sorted(set(mods) - {noun} - own)),
                 owner=owner, predicate=_lemma(pred) if pred is not None else "",
                 qualifiers=tuple(sorted(quals)), scope=tuple(scope), context=tuple(context),
                 local=tuple(local),
                 names=tuple(in_sent), anchor=_time_anchor(sent, span) if kind != "date" else "",
                 group=group, thing=thing, vector=vector, context_vector=ctx_vector)


_NEGATION_WORDS = {"pas", "jamais", "plus", "guère", "point", "aucunement", "nullement"}


def _negated(pred: Token) -> bool:
    """A verb under "ne ... pas / jamais / plus"."""
    words = {c.lower_ for c in pred.children if c.dep_ == "advmod"}
    return bool(words & {"ne", "n'", "n’"}) and bool(words & _NEGATION_WORDS)


def _object(pred: Token) -> tuple[str, ...]:
    """The direct object of a verb with the nouns and names that complete it."""
    for c in pred.children:
        if c.dep_ == "obj" and c.pos_ in ("NOUN", "PROPN"):
            words = {_lemma(c)} | {_lemma(g) for g in c.children if g.dep_ in (
                "nmod", "flat:name", "amod") and g.pos_ in ("NOUN", "PROPN", "ADJ")}
            return tuple(sorted(words))
    return ()


def _demonym(tok: Token) -> bool:
    """A people named by where they are from: "200.000 Chinois", "trois Français". French
    writes these nouns with a capital but the parser tags them as common nouns with a lower-case
    lemma, unlike names ("Renault") or places; a capital at the start of a sentence says
    nothing."""
    if not (tok.pos_ == "NOUN" and tok.text[:1].isupper() and not tok.text.isupper()
            and tok.lemma_[:1].islower() and tok.i > tok.sent.start):
        return False
    # One word standing alone: "Banque Populaire", "Caisses d'Epargne" are names.
    doc = tok.doc
    if tok.ent_iob_ == "I" or (tok.i + 1 < len(doc) and doc[tok.i + 1].ent_iob_ == "I"):
        return False
    nxt = doc[tok.i + 1] if tok.i + 1 < tok.sent.end else None
    return tok.ent_type_ not in ("ORG", "PER") and not (
        nxt is not None and (nxt.text[:1].isupper() or nxt.lower_ in ("d'", "d’", "de")))


_OPENERS = ("(", "-", "–", "—")
_CLOSERS = (")", "-", "–", "—")


def _aside_noun(span: Span) -> Token | None:
    """The noun a bare figure in an aside counts: "des milliers de personnes (32 000 selon la
    police, 80 000 selon les organisateurs)", also with dashes glued to the words ("personnes
    -32 000 selon la police, 80 000 selon les organisateurs-"), which the parser cannot read.

    Walks back from the figure to the aside's opening mark, through source phrases and the
    other figures of the aside but never past a verb, a closing mark or the sentence start,
    and takes the common noun right before that mark.
    """
    doc, start = span.doc, span.sent.start
    opener = None
    for j in range(span.start, start - 1, -1):
        tok = doc[j]
        if tok.text in _OPENERS or (tok.text[:1] in _OPENERS and tok.text[1:2].isdigit()):
            opener = j  # "-32" is one token: the mark glued to the figure opens the aside
            break
        if j == span.start:
            continue
        if tok.pos_ in ("VERB", "AUX") or tok.text in _CLOSERS or (
                len(tok.text) > 1 and tok.text[-1] in _CLOSERS and tok.text[0].isalpha()):
            return None  # a verb, or an aside closed before the figure ("organisateurs-")
    if opener is None or opener <= start:
        return None
    before = doc[opener - 1]
    return before if before.pos_ == "NOUN" and not before.text[:1].isupper() else None


def _coordinated_noun(span: Span) -> Token | None:
    """The noun a bare figure shares with the next one: "entre 32 000 - selon la police - et
    80 000 personnes" counts people twice. Skips one aside after the figure, then needs "et",
    "ou" or "à", another figure and its noun."""
    doc, end = span.doc, span.sent.end
    j = span.end
    if j < end and doc[j].text in _OPENERS:
        k = j + 1
        while k < end and doc[k].text not in _CLOSERS and doc[k].pos_ not in ("VERB", "AUX"):
            k += 1
        if k >= end or doc[k].text not in _CLOSERS:
            return None
        j = k + 1
    if j >= end or doc[j].lower_ not in ("et", "ou", "à"):
        return None
    j += 1
    seen = False
    while j < end and (doc[j].like_num or doc[j].text.replace(".", "").isdigit()):
        seen = True
        j += 1
    if not seen or j >= end:
        return None
    noun = doc[j]
    return noun if noun.pos_ == "NOUN" and not noun.text[:1].isupper() else None


def _owner(span: Span, sent: Span, persons: list[tuple[int, int, str]]) -> str | None:
    """Whose age or term it is: the person named closest to the figure in its sentence.

    "Benoît Hamon, 41 ans", "âgé de 60 ans, Patrick Poivre d'Arvor", "Vincent Peillon (48 ans)".
    A name before the figure wins over one after at the same distance, as appositions come after
    the name in French news.
    """
    best: tuple[int, str] | None = None
    s0, s1 = sent.start_char, sent.end_char
    for a, b, name in persons:
        if not (s0 <= a < s1):
            continue
        dist = span.start_char - b if b <= span.start_char else (a - span.end_char) * 2 + 1
        if dist < 0:
            continue
        if best is None or dist < best[0]:
            best = (dist, name)
    return best[1] if best else None


def noun_phrase_end(doc: Doc, start: int, end: int) -> int:
    """Where the counted noun's phrase ends: "cinq soldats thaïlandais" is what the figure
    counts, and a reader checking the evidence needs the adjectives that say whose."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return end
    noun = span[-1]
    j = noun.i + 1
    last = noun.sent.end  # once: each .sent re-checks the whole doc for sentence marks
    while j < last and doc[j].pos_ == "ADJ" and doc[j].head.i == noun.i \
            and not doc[j].text[:1].isupper():
        j += 1
    return max(end, doc[j - 1].idx + len(doc[j - 1].text)) if j > noun.i + 1 else end


def complement_end(doc: Doc, start: int, end: int) -> int:
    """Where the figure's "de" complement ends: "21 heures *de cours*", "10 milliards d'euros
    *d'investissements publics*" say what the figure measures, and two articles giving one
    figure are told apart by it; the evidence shows it.

    Only a bare noun after "de"/"d'" (no determiner, not a name) whose head is the figure or its
    unit, with the adjectives that follow it: "80 000 personnes de la région" keeps its figure.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return end
    j = span.end
    last = span[-1].sent.end  # once: each .sent re-checks the whole doc for sentence marks
    if j + 1 >= last or doc[j].lower_ not in ("de", "d'", "d’"):
        return end
    noun = doc[j + 1]
    # A heading in capitals ("10,5 MILLIARDS D'INVESTISSEMENTS PUBLICS") is tagged as names.
    caps = noun.text.isupper() and len(noun.text) > 3
    common = noun.pos_ == "NOUN" and not noun.text[:1].isupper()
    if not (common or (caps and noun.pos_ in ("NOUN", "PROPN"))) \
            or not span.start <= noun.head.i < j:
        return end
    k = noun.i + 1
    while k < last and doc[k].head.i == noun.i and _adjective(doc[k], caps):
        k += 1
    return max(end, doc[k - 1].idx + len(doc[k - 1].text))


def demonym_end(doc: Doc, start: int, end: int) -> int:
    """Where the people a bare figure counts end: "plus de 200.000 *Chinois*" (the amount
    reader takes no capitalised word for a counted noun; the parse tells a demonym)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span) or span.end >= len(doc):
        return end
    tok = doc[span.end]
    if tok.i >= span[-1].sent.end or not _demonym(tok):
        return end
    return max(end, tok.idx + len(tok.text))


def _adjective(tok: Token, caps: bool) -> bool:
    """An adjective of a counted noun; in a heading in capitals, any capitalised word after it."""
    if caps:
        return tok.text.isupper() and tok.pos_ in ("ADJ", "PROPN", "NOUN")
    return tok.pos_ == "ADJ" and not tok.text[:1].isupper()


def governor_start(doc: Doc, start: int, end: int) -> int:
    """Where the noun the figure completes begins: "*une hausse de* 3 %", "*à hauteur de* 11
    milliards", "*une retraite de* trois ans" say what the figure is of; the evidence shows
    that noun (not its article).

    Only a noun right before "de"/"d'" (or "depuis", "pendant", "durant" for a length: "en
    *retraite depuis* trois ans et demi") that is the figure's head in the parse.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span) or span.start < 2:
        return start
    de, noun = doc[span.start - 1], doc[span.start - 2]
    if de.lower_ not in ("de", "d'", "d’", "depuis", "pendant", "durant") \
            or noun.pos_ != "NOUN" or noun.text[:1].isupper() or noun.i < span[0].sent.start \
            or span.root.head.i != noun.i:
        return start
    if noun.i >= 2 and doc[noun.i - 1].lower_ == "de" and doc[noun.i - 2].pos_ == "NOUN" \
            and noun.head.i == noun.i - 2 and noun.i - 2 >= span[0].sent.start \
            and any(c.dep_ == "det" for c in doc[noun.i - 2].children):
        # "le plan de relance de 26 milliards": the plan's figure ("sous forme de modules de
        # 3 heures" is no noun phrase of "forme": no determiner)
        return doc[noun.i - 2].idx
    return noun.idx


def _list_owner(span: Span, names: list[tuple[int, int, str]]) -> str | None:
    """The name a figure is listed against: "BNP Paribas 2,55 milliards, Crédit Agricole 3
    milliards" gives each bank its own figure. Only a name right before the figure, or right
    after it behind "à"/"pour" ("2,55 milliards à BNP Paribas"), counts."""
    doc = span.doc
    sent = span.sent  # once: each .sent re-checks the whole doc for sentence marks
    for a, _, name in names:  # "2,55 milliards à BNP Paribas" first: a preposition is explicit
        if span.end_char <= a < sent.end_char and _TO_NAME.match(doc.text[span.end_char:a]):
            return name
    for a, b, name in names:
        if b > span.start_char or a < sent.start_char:
            continue
        between = doc.text[b:span.start_char]
        if len(between) <= 3 and between.strip(" :(,") == "":
            return name
    return None


_TO_NAME = re.compile(r"^\s*(?:à|au|aux|pour)(?:\s+(?:la|le|les)\s+|\s+l['’]|\s*)$", re.IGNORECASE)


def _subject_name(pred: Token | None, names: list[tuple[int, int, str]], *,
                  single: bool = False, joint: bool = False, peers: tuple[int, ...] = (),
                  at: int = 0) -> str | None:
    """The named subject of the figure's verb: "Crédit Agricole va recevoir 3 milliards".

    A gerund or a subordinate verb without a subject of its own takes its head's ("Hamon crée la
    surprise en recueillant 19 %"). ``single``: a subject naming several entities ("Le maire de
    Paris et Martine Aubry ont recueilli 25 %") owns the figure jointly, so it names no owner;
    ``joint`` only refuses subjects coordinated at their head, so that "la motion de Royal, alliée
    à Collomb et Guerini" still owns its figure. A subject followed by another figure of the list
    (``peers``) before the one at character ``at`` owns that nearer figure, not this one ("la
    motion de Royal arrive en tête à 29 %, celles de Delanoë et d'Aubry à 25 %": the parser often
    hangs the second figure on the first verb).
    """
    for _ in range(3):
        if pred is None:
            return None
        subjects = [c for c in pred.children if c.dep_.startswith("nsubj")]
        if subjects:
            break
        if pred.dep_ not in ("advcl", "xcomp", "conj") or pred.head is pred:
            return None
        pred = pred.head
    else:
        return None
    for c in subjects:
        lo = c.left_edge.idx
        hi = c.right_edge.idx + len(c.right_edge.text)
        inside = [name for a, b, name in names if lo <= a and b <= hi]
        if single and (len(set(inside)) > 1 or any(t.dep_ == "conj" for t in c.subtree)):
            return None
        if joint and any(t.dep_ == "conj" for t in c.children):
            return None
        if any(hi <= p < at for p in peers):
            return None
        if inside:
            return inside[0]
    return None


def _time_anchor(sent: Span, span: Span) -> str:
    """"now", "next", "past" or "": the time an adverb of the figure's clause gives it.

    The sentence is cut at commas, brackets and the like. An adverb counts for the figures of
    its own piece ("(contre 28 à 35 heures aujourd'hui)"), or, in a piece before the first verb
    ("Aujourd'hui, les élèves ont 28 heures"), for every figure of the sentence whose piece has
    no adverb of its own and is not in brackets.
    """
    pieces: list[list[Token]] = [[]]
    bracket = [False]
    depth = 0
    for t in sent:
        if t.text in _SEGMENT_MARKS:
            depth += {"(": 1, "[": 1, ")": -1, "]": -1}.get(t.text, 0)
            pieces.append([])
            bracket.append(depth > 0)
            continue
        pieces[-1].append(t)
    marks = [_piece_anchor(p) for p in pieces]
    mine = next((n for n, p in enumerate(pieces) if any(t.i == span.start for t in p)), None)
    if mine is None:
        return ""
    if marks[mine]:
        return marks[mine]
    if bracket[mine]:
        return ""
    for n, p in enumerate(pieces[:mine]):
        if any(t.pos_ in ("VERB", "AUX") for t in p):
            break
        if marks[n]:
            return marks[n]
    return ""


def _piece_anchor(tokens: list[Token]) -> str:
    words = [fold(t.text) for t in tokens]
    for n, w in enumerate(words):
        if w in _ANCHOR_WORDS:
            return _ANCHOR_WORDS[w]
        if w in _ANCHOR_SIDES and n and words[n - 1] in _ANCHOR_TIMES:
            return _ANCHOR_SIDES[w]
    return ""


def head_vector(doc: Doc, word: str) -> bytes | None:
    """The unit word vector of one word (a role's head noun), None without vectors."""
    return _unit_vector(doc, [word.lower()])


def _unit_vector(doc: Doc, words: list[str]) -> bytes | None:
    """Mean static word vector of the words, normalised; None when the model has no vectors."""
    vectors = doc.vocab.vectors
    if not vectors.shape[0] or not words:
        return None
    import numpy as np

    rows: list[Any] = []
    for word in words:
        key = doc.vocab.strings.add(word)
        if key in vectors:
            rows.append(vectors[key])
    if not rows:
        return None
    v = np.mean(np.asarray(rows, dtype=np.float32), axis=0)
    n = float(np.linalg.norm(v))
    if not n:
        return None
    return (v / n).astype(np.float16).tobytes()
