"""Stage 3-4: sentences and facts.

spaCy objects live only inside this package: what leaves it is :class:`Parsed`, made of frozen
records whose offsets index the raw file text (through the cleaner's offset map).
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from factcheck.cache import ParseCache
from factcheck.clean import clean
from factcheck.extract import amounts as amounts_mod
from factcheck.extract import dates as dates_mod
from factcheck.extract.entities import Entity, mentions, resolve
from factcheck.extract.frames import (
    build_frame,
    complement_end,
    demonym_end,
    governor_start,
    head_vector,
    noun_phrase_end,
)
from factcheck.extract.quotes import find_quote_spans, normalise_quote, sentence_units
from factcheck.extract.roles import OF as _OF
from factcheck.extract.roles import TIME_WORDS, roles_of, title_class
from factcheck.extract.tense import clause_direction
from factcheck.model import Article, CleanText, Fact, Parsed, Sentence, Token

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

SAY_VERBS = {
    "dire", "indiquer", "assurer", "déclarer", "souligner", "commencer", "ajouter", "affirmer",
    "expliquer", "estimer", "préciser", "tweeter", "écrire", "annoncer", "confier", "lancer",
    "répondre", "rappeler", "insister", "poursuivre", "conclure", "noter", "juger", "martèler",
    "marteler", "avertir", "prévenir", "reconnaître", "admettre", "regretter", "dénoncer",
    "accuser", "raconter", "relever", "observer", "constater", "confirmer", "démentir",
    "détailler", "résumer", "plaider", "témoigner", "s'exclamer", "interroger", "demander",
    "réclamer", "commenter", "tonner", "fustiger", "ironiser", "glisser", "souffler", "avancer",
    "soutenir", "argumenter", "protester", "promettre", "menacer", "considérer", "rapporter",
    "relater",
}
# The models often tag an inverted verb of saying ("», commence Alex Spiro") as a noun (or a
# rare one as a proper noun) with itself as lemma, so -er verbs are also recognised by their stem.
_SAY_STEMS = tuple(sorted({v[:-2] for v in SAY_VERBS if v.endswith("er") and len(v) >= 6}))


def is_say_verb(token: Any) -> bool:
    if token.lemma_.lower() in SAY_VERBS:
        return True
    word = token.lower_.replace("\u00ad", "")  # a soft hyphen from the page: "mar\u00adtelé"
    # A lower-case word tagged PROPN is a verb the model did not know ("tweeté").
    pos_ok = token.pos_ in ("VERB", "NOUN", "ADJ", "AUX") or (
        token.pos_ == "PROPN" and not token.text[:1].isupper())
    return pos_ok and any(
        word.startswith(stem) and len(word) <= len(stem) + 5 for stem in _SAY_STEMS)


PRONOUNS = {"il", "elle", "-il", "-elle", "ils", "elles", "-ils", "-elles"}


def parse_articles(articles: Iterable[Article], nlp: Language | Callable[[], Language], *,
                   refs: dict[str, dt.date | dates_mod.Reference | None] | None = None,
                   batch_size: int = 32, cache: ParseCache | None = None) -> Iterator[Parsed]:
    """Clean, run the model in batches and extract facts; results come in input order.

    Articles found in the cache skip the model. The rest go through :func:`pipe_texts`, which
    parses a paragraph shared by several sources once.
    """
    items = []
    for a in articles:
        ref = (refs or {}).get(a.id, reference(a))
        key = cache.key(a.raw + _window_key(ref), _day(ref)) if cache is not None else None
        hit = cache.get(key) if cache is not None and key is not None else None
        items.append((a, ref, key, hit))
    todo = [(a, clean(a)) for a, _, _, hit in items if hit is None]
    if todo and callable(nlp) and not hasattr(nlp, "pipe"):
        nlp = nlp()  # load the model only when something is not in the cache
    docs = pipe_texts(nlp, [c.text for _, c in todo], batch_size=batch_size) if todo else iter(())
    pending = iter(todo)
    for article, ref, key, hit in items:
        if hit is not None:
            title = article.title or hit.article.title
            yield dataclasses.replace(hit, article=dataclasses.replace(article, title=title))
            continue
        _, cleaned = next(pending)
        parsed = build(article, cleaned, next(docs), ref)
        if cache is not None and key is not None:
            cache.put(key, parsed)
        yield parsed


def reference(article: Article) -> dates_mod.Reference | None:
    """The publication window every command resolves relative dates against.

    ``extract`` and ``diff`` both start from it, so one article's "jeudi" cannot get two
    values; ``diff`` may then narrow it with the story's own dated days (see api.refine_refs).
    """
    return dates_mod.Reference.of(article.date, article.date_precision)


def _day(ref: dt.date | dates_mod.Reference | None) -> dt.date | None:
    return ref.earliest if isinstance(ref, dates_mod.Reference) else ref


def _window_key(ref: dt.date | dates_mod.Reference | None) -> str:
    """What a cache key needs beyond the first day: a window's last day."""
    if isinstance(ref, dates_mod.Reference) and ref.latest != ref.earliest:
        return f"\x00{ref.latest.isoformat()}"
    return ""


def _paragraphs(text: str) -> list[str]:
    """Split after each blank-line break, keeping the break, so the chunks join back exactly."""
    chunks = re.split(r"(?<=\n\n)", text)
    return [c for c in chunks if c]


def pipe_texts(nlp: Language, texts: list[str], *, batch_size: int = 32) -> Iterator[Doc]:
    """``nlp.pipe`` over unique paragraphs, reassembled into one Doc per text.

    Wire rewrites repeat whole paragraphs; each distinct paragraph is parsed once and the docs
    are joined with ``Doc.from_docs``, which keeps tags, parses, entities and sentence starts.
    """
    from spacy.tokens import Doc as SpacyDoc

    chunked = [_paragraphs(t) for t in texts]
    unique: dict[str, int] = {}
    for chunks in chunked:
        for c in chunks:
            unique.setdefault(c, len(unique))
    order = list(unique)
    parsed = dict(zip(order, nlp.pipe(order, batch_size=batch_size), strict=True))
    for text, chunks in zip(texts, chunked, strict=True):
        if not chunks:
            yield nlp.make_doc(text)
            continue
        if len(chunks) == 1:
            yield parsed[chunks[0]]
            continue
        doc = SpacyDoc.from_docs([parsed[c] for c in chunks], ensure_whitespace=False)
        if doc.text != text:  # pragma: no cover - from_docs keeps text exactly; be safe anyway
            doc = nlp(text)
        yield doc


def build(article: Article, cleaned: CleanText, doc: Doc,
          ref: dt.date | dates_mod.Reference | None) -> Parsed:
    if article.title is None and cleaned.title:
        article = dataclasses.replace(article, title=cleaned.title)
    sentences = tuple(_sentences(doc, cleaned))
    entities = resolve(mentions(doc))
    facts: list[Fact] = []
    facts.extend(_entity_facts(entities, doc, cleaned, article))
    facts.extend(_quote_facts(doc, cleaned, article, entities))
    rows = sorted((m.start, m.end, e.canonical, e.type) for e in entities for m in e.mentions)
    names = [(s, e, n) for s, e, n, _ in rows]
    persons = [(s, e, n) for s, e, n, t in rows if t == "person"]
    amounts = list(_amount_facts(doc, cleaned, article, names=names, persons=persons))
    dates = list(date_facts(sentences, cleaned, article, ref, doc=doc,
                            names=names, persons=persons))
    overlaps = overlap_test([(f.start, f.end) for f in dates])
    facts.extend(dates)
    facts.extend(a for a in amounts if not overlaps(a.start, a.end))
    facts = with_quote_words(facts, article.raw)
    facts.sort(key=lambda f: (f.start, f.end, f.type))
    # A paragraph's doc may be joined into another text's doc later: leave it as it came.
    doc.user_data.pop("factcheck_sentence_spans", None)
    return Parsed(article=article, sentences=sentences, facts=tuple(facts))


def overlap_test(spans: list[tuple[int, int]]) -> Callable[[int, int], bool]:
    """``overlaps(start, end)``: does [start, end) overlap one of ``spans``? In log time, since
    a long text has thousands of dates and amounts."""
    spans = sorted(spans)
    starts = [s for s, _ in spans]
    reach = list(itertools.accumulate((e for _, e in spans), max))  # furthest end so far

    def overlaps(start: int, end: int) -> bool:
        k = bisect.bisect_left(starts, end)  # spans[:k] start before ``end``
        return k > 0 and reach[k - 1] > start

    return overlaps


def with_quote_words(facts: list[Fact], raw: str) -> list[Fact]:
    """Give each quote its words with amounts and dates replaced by placeholders.

    "26 milliards" and "26 000 millions" inside one quote are the same words for a reader; the
    amount and date rules judge those values, so quote wording compares everything else.
    """
    values = [f for f in facts if f.type in ("amount", "date")]
    out = []
    for f in facts:
        if f.type != "quote":
            out.append(f)
            continue
        parts = []
        for lo, hi in _kept(f.start, f.end, f.attrs.get("incises", ())):
            pos = lo
            for v in sorted((v for v in values if lo <= v.start and v.end <= hi),
                            key=lambda v: v.start):
                parts.append(raw[pos:v.start])
                parts.append(f" <{v.type}> ")
                pos = v.end
            parts.append(raw[pos:hi] + " ")
        out.append(dataclasses.replace(f, attrs={**f.attrs,
                                                 "words": normalise_quote("".join(parts))}))
    return out


def _kept(start: int, end: int, cuts: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """[start, end) without the cut ranges, as ranges."""
    out, pos = [], start
    for a, b in sorted(cuts):
        if pos < a:
            out.append((pos, a))
        pos = max(pos, b)
    if pos < end:
        out.append((pos, end))
    return out


def _raw(cleaned: CleanText, start: int, end: int) -> tuple[int, int]:
    return cleaned.raw_span(start, end)


def _token_table(doc: Doc) -> list[tuple[str, str, str, str, int, bool, bool, str, int, str]]:
    """(text, lemma, pos, morphology, idx, is_space, is_punct, entity type, head index,
    dependency label) of every token.

    Read from one ``Doc.to_array`` call with each distinct string looked up once: building a
    spaCy Token object per attribute access was the larger part of extraction's own time.
    """
    from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, IS_PUNCT, IS_SPACE, LEMMA, MORPH, ORTH, POS
    from spacy.parts_of_speech import NAMES

    array = doc.to_array([ORTH, LEMMA, POS, MORPH, IDX, IS_SPACE, IS_PUNCT, ENT_TYPE, DEP, HEAD])
    # HEAD is the offset to the head, stored unsigned: read it back as signed.
    heads = (array[:, 9].astype("int64") + range(len(doc))).tolist()
    rows = array[:, :9].tolist()
    strings = doc.vocab.strings
    seen: dict[int, str] = {0: ""}

    def text_of(h: int) -> str:
        t = seen.get(h)
        if t is None:
            t = seen[h] = strings[h]
        return t

    empty = strings["_"]  # an empty morphology is "_" in the array, "" as str(token.morph)
    return [(text_of(o), text_of(lem), NAMES.get(pos, ""), "" if m == empty else text_of(m), idx,
             bool(sp), bool(pu),
             text_of(ent), head, text_of(dep))
            for (o, lem, pos, m, idx, sp, pu, ent, dep), head in zip(rows, heads, strict=True)]


def _sentences(doc: Doc, cleaned: CleanText) -> Iterator[Sentence]:
    index = 0
    table = _token_table(doc)
    for sent in doc.sents:
        text = sent.text.strip()
        if not text:
            continue
        lead = len(sent.text) - len(sent.text.lstrip())
        cs = sent.start_char + lead
        ce = cs + len(text)
        tokens = []
        rows = table[sent.start:sent.end]
        morph = {sent.start + n: row[3] for n, row in enumerate(rows)}
        kept = {sent.start + n: k for k, n in enumerate(
            n for n, row in enumerate(rows) if not row[5])}
        for i, (word, lemma, pos, feats, idx, space, punct, ent, head, dep) in enumerate(
                rows, sent.start):
            if space:
                continue
            ts, te = _raw(cleaned, idx, idx + len(word))
            tokens.append(Token(word, lemma, pos, feats, ts, te, punct, ent,
                                kept.get(head, -1) if head != i else -1, dep))
        rs, re_ = _raw(cleaned, cs, ce)
        root = sent.root
        tense = "future" if "Tense=Fut" in morph[root.i] or any(
            "Tense=Fut" in morph[t.i] or "Mood=Cnd" in morph[t.i] for t in root.children
            if t.dep_.startswith("aux")) else "past"
        negated = any("Polarity=Neg" in m for m in morph.values())
        yield Sentence(index, text, rs, re_, tuple(tokens), negated, tense)
        index += 1


def _entity_facts(entities: list[Entity], doc: Doc, cleaned: CleanText,
                  article: Article) -> Iterator[Fact]:
    sents = sentence_spans(doc)
    for ent in entities:
        for m in ent.mentions:
            rs, re_ = _raw(cleaned, m.start, m.end)
            sent_i = _doc_sentence_index(sents, m.start)
            yield Fact(ent.type, article.raw[rs:re_], ent.canonical, rs, re_, sent_i,
                       {"label": m.label}, (ent.canonical,))
        others = [(m.start, m.end) for o in entities if o.type == "person" and o is not ent
                  for m in o.mentions]
        for role in roles_of(ent, doc, others):
            rs, re_ = _raw(cleaned, role.start, role.end)
            # Whether the role is relative to a person ("l'avocat d'Elon Musk") rather than to
            # a place or a body ("procureur de Marseille"): only the first names someone else.
            of_person = any(role.start < e and s < role.end for s, e in others)
            attrs: dict[str, Any] = {"person": ent.canonical, "head": role.head,
                                     "of_person": of_person, "body": role.body,
                                     "title": title_class(role.head),
                                     "named": _raw(cleaned, *role.named)}
            vector = head_vector(doc, role.head)
            if vector is not None:
                attrs["head_vector"] = vector
            yield Fact("role", article.raw[rs:re_], role.text, rs, re_,
                       _doc_sentence_index(sents, role.start), attrs, (ent.canonical,))


def sentence_spans(doc: Doc) -> tuple[list[int], list[int]]:
    """Start and end characters of the doc's non-blank sentences, numbered as _sentences does.

    Kept in ``doc.user_data``: every fact extractor asks, and walking ``doc.sents`` is costly.
    """
    memo = doc.user_data.get("factcheck_sentence_spans")
    if memo is not None:
        return memo
    starts, ends = [], []
    for sent in doc.sents:
        if sent.text.strip():
            starts.append(sent.start_char)
            ends.append(sent.end_char)
    doc.user_data["factcheck_sentence_spans"] = (starts, ends)
    return starts, ends


def _doc_sentence_index(spans: tuple[list[int], list[int]], char: int) -> int:
    """The sentence holding ``char`` (the last one if none does), by bisection: mentions are
    many, and scanning every sentence per mention grew with their product."""
    starts, ends = spans
    k = bisect.bisect_right(starts, char) - 1
    if k >= 0 and char < ends[k]:
        return k
    return max(len(starts) - 1, 0)


def _quote_facts(doc: Doc, cleaned: CleanText, article: Article,
                 entities: list[Entity]) -> Iterator[Fact]:
    """One quote fact per sentence of each quotation, its words without an attribution that the
    outlet wrote inside the marks ("…, a déclaré Armstrong. Tous connaissent…").

    Outlets cut one interview differently: whole, in part, or in two quotes with an incise
    between. A sentence is the unit they share, so it is the unit matched across articles.
    """
    sents = sentence_spans(doc)
    person_mentions = sorted(
        (m.start, e.canonical) for e in entities if e.type == "person" for m in e.mentions)
    text = doc.text
    for q in find_quote_spans(text):
        if not text[q.start:q.end].split():
            continue
        units = []
        inner_speaker = None
        for us, ue in sentence_units(text, q.start, q.end):
            cuts = _mid_incises(doc, us, ue, entities, person_mentions)
            cut = _inner_attribution(doc, cuts[-1][1] if cuts else us, ue, entities,
                                     person_mentions)
            if cut is not None:
                ue, who = cut
                # Inside the marks, only a person named or resolved speaks for the quotation;
                # ", rapporte l'édition d'hier de La Gazzetta" says where it was read.
                if who is not None and ((who[3] == who[2] and who[4] == "say") or
                                        who[4] == "pronoun"):
                    inner_speaker = inner_speaker or who
            for _, _, who in cuts:
                if who is not None:
                    inner_speaker = inner_speaker or who
            if text[us:ue].strip(" ,;:"):
                units.append((us, ue, tuple((a, b) for a, b, _ in cuts)))
        # An attribution inside the marks names the speaker of the whole quotation.
        speaker = _speaker(doc, q.start, q.end, entities, person_mentions) or inner_speaker
        attrs: dict[str, Any] = {"direct": _is_direct(text, q.start, q.end),
                                 "mark": q.open_mark}
        key: tuple[str, ...] = ()
        if speaker is not None:
            s, e, who, head, via = speaker
            ss, se = _raw(cleaned, s, e)
            attrs.update(speaker=who, speaker_head=head, speaker_start=ss, speaker_end=se,
                         speaker_text=article.raw[ss:se], speaker_via=via)
            key = (who,)
        whole = _raw(cleaned, q.start, q.end)[0]
        for part, (us, ue, cuts) in enumerate(units):
            rs, re_ = _raw(cleaned, us, ue)
            said = " ".join(text[a:b] for a, b in _kept(us, ue, cuts))
            extra = {"incises": tuple(_raw(cleaned, a, b) for a, b in cuts)} if cuts else {}
            yield Fact("quote", article.raw[rs:re_], normalise_quote(said), rs, re_,
                       _doc_sentence_index(sents, us),
                       {**attrs, "quote_start": whole, "quote_part": part, **extra}, key)


def _inner_attribution(doc: Doc, start: int, end: int, entities: list[Entity],
                       person_mentions: list[tuple[int, str]]
                       ) -> tuple[int, tuple[int, int, str, str, str] | None] | None:
    """An attribution closing a quoted sentence inside the marks (", rapporte l'édition
    d'hier de La Gazzetta", ", dit-il encore"): where the speaker's words end, and the speaker.
    Only a short tail after a comma counts: a long one is the speaker's own clause."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    last = span.end
    while last > span.start and doc[last - 1].is_punct:
        last -= 1
    for c in range(last - 1, max(span.start, last - 13) - 1, -1):
        if doc[c].text != ",":
            continue
        found = _said_after(doc, c + 1, last, entities, person_mentions)
        if found is not None and _saying_incise(doc, c + 1, found[0], found[1] is not None) \
                and not any(
                _finite(doc[t]) or doc[t].lower_ in QUE for t in range(found[0] + 1, last)):
            return doc[c].idx, found[1]
    return None


def _mid_incises(doc: Doc, start: int, end: int, entities: list[Entity],
                 person_mentions: list[tuple[int, str]]
                 ) -> list[tuple[int, int, tuple[int, int, str, str, str] | None]]:
    """Attributions the outlet set between commas inside a quoted sentence ("S'il doit y
    avoir une mutation, indiquait, confiant, Robert Namias, en février, elle se fera avec
    eux"): ``(start, end, speaker)`` of each, the characters to leave out of the words said.

    Another outlet quotes the same words without the incise, so left in, it reads as a reworded
    quote. An incise opens on a comma and a finite verb of saying (or its auxiliary), holds no
    other finite verb and no "que" (", expliquant que …" is the speaker's own clause), and ends
    on the last comma before the quote's next finite verb (on its first comma when the quote's
    verb came before it).
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    last = span.end
    while last > span.start and doc[last - 1].is_punct:
        last -= 1
    out: list[tuple[int, int, tuple[int, int, str, str, str] | None]] = []
    c = span.start + 1
    while c < last:
        if doc[c].text != "," or (out and doc[c].idx < out[-1][1]):
            c += 1
            continue
        found = _said_after(doc, c + 1, last, entities, person_mentions)
        if found is None or not _saying_incise(doc, c + 1, found[0], found[1] is not None):
            c += 1
            continue
        j = found[0]
        verb = next((t for t in range(j + 1, last) if _finite(doc[t])), None)
        closing = [t for t in range(j + 1, verb if verb is not None else last)
                   if doc[t].text == ","]
        if verb is None and found[1] is not None and found[1][4] == "say" and closing and \
                closing[0] + 1 < last and doc[closing[0] + 1].pos_ in ("NOUN", "DET"):
            closing = [last]  # ", explique Yves Thomas, président du syndicat": to the end
        elif verb is None:
            closing = closing[:1]  # "Nous sommes, a-t-il dit, très inquiets": the verb came first
        if not closing or closing[-1] - c > INCISE_MAX_TOKENS or any(
                doc[t].lower_ in QUE for t in range(j + 1, closing[-1])):
            c += 1
            continue
        d = closing[-1]
        who = found[1]
        if who is None:
            # "indiquait, confiant, Robert Namias": the name further in, past the aside.
            lo, hi = doc[c].idx, doc[d].idx
            named = [(m.start, m.end, e.canonical) for e in entities if e.type == "person"
                     for m in e.mentions if lo <= m.start and m.end <= hi]
            if named:
                ms, me, canon = named[0]
                who = (ms, me, canon, canon, "say")
        upto = doc[d].idx + 1 if d < last else doc[last - 1].idx + len(doc[last - 1].text)
        out.append((doc[c].idx, upto, who))  # "X, dit-il, Y" is said "X Y"
        c = d + 1
    return out


QUE = {"que", "qu'", "qu’"}
INCISE_MAX_TOKENS = 20  # longer than this between commas, it is a clause of the quote


def _finite(tok: Any) -> bool:
    return tok.pos_ in ("VERB", "AUX") and "Fin" in tok.morph.get("VerbForm")


def _saying_incise(doc: Doc, i: int, j: int, named: bool) -> bool:
    """Tokens [i, j] open an incise of saying: the verb at ``j`` is conjugated ("indiquait",
    "dit-il") or comes after its conjugated auxiliary ("a-t-il expliqué"), or is a past
    participle its ``named`` subject follows (", dit Jean Dupont,", where "dit" reads as one).

    Not an infinitive ("c'est-à-dire"), a present participle ("expliquant"), a participle
    after "ayant", nor a verb after its own subject pronoun (", il commencera quand,"): those
    are the speaker's words, not the outlet's.
    """
    verb = doc[j]
    form = verb.morph.get("VerbForm")
    if "Inf" in form or "Ger" in form or ("Part" in form and "Pres" in verb.morph.get("Tense")):
        return False
    before = doc[i:j]
    if any(t.lower_ in PRONOUNS and not t.lower_.startswith("-") for t in before):
        return False
    if any(t.pos_ == "AUX" and not _finite(t) for t in before):
        return False
    return _finite(verb) or any(t.pos_ == "AUX" for t in before) or named


def _is_direct(text: str, start: int, end: int) -> bool:
    """A quote that stands as its own clause (line start or after a colon) is direct speech."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start].rstrip().rstrip("«“\"'„").rstrip()
    return not before or before.endswith((":", ".", "?", "!", "»", '"'))


def _speaker(doc: Doc, start: int, end: int, entities: list[Entity],
             person_mentions: list[tuple[int, str]]) -> tuple[int, int, str, str, str] | None:
    """Who said it, and how we know: ``(start, end, who, head, via)``.

    ``via`` is "say" (a verb of saying names the speaker: ", indique Alex Spiro", "X a
    déclaré : « … »"), "selon", "pronoun" (", a-t-il dit": only as good as its resolution) or
    "subject" (the subject of another verb governing a quoted fragment: "Le gouvernement
    annoncera « … »"), which is a weak guess and is not compared across sources.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    sent = span.sent
    # After the quote: ", indique Alex Spiro" / ", a-t-il tweeté" / ", a déclaré un porte-parole".
    # A quote of several sentences is followed by the end of its last one.
    last = doc[span.end - 1].sent
    i = span.end
    while i < last.end and (doc[i].is_punct or doc[i].is_space):
        i += 1
    found = _said_after(doc, i, last.end, entities, person_mentions)
    if found is not None and found[1] is not None:
        return found[1]
    # "selon X" anywhere in the sentence.
    for t in sent:
        if t.lower_ == "selon" and not (span.start <= t.i < span.end):
            np = _noun_phrase(doc, t.i + 1, sent.end)
            if np is not None:
                return _via(_name_speaker(doc, np, entities), "selon")
    # Before the quote: the subject of the verb that governs it.
    head = span.root
    for _ in range(6):
        if head.head is head:
            break
        head = head.head
        if not (span.start <= head.i < span.end) and head.pos_ in ("VERB", "AUX"):
            break
    outside = not (span.start <= head.i < span.end)
    if outside and head.dep_ == "ccomp" and not is_say_verb(head) and is_say_verb(head.head):
        # "Noyer a souligné que ces six banques n'avaient « … »": who says it is the subject of
        # "souligner", not of the clause; when the model gave it none, the person named last
        # before the verb in the sentence.
        head = head.head
        if not any(c.dep_.startswith("nsubj") for c in head.children):
            said = "say" if _is_direct(doc.text, span.start_char, span.end_char) else "subject"
            named = [(m.start, m.end, e.canonical) for e in entities if e.type == "person"
                     for m in e.mentions if sent.start_char <= m.start and m.end <= head.idx]
            if not named:
                return None
            s, e, who = max(named)
            return s, e, who, who, said
    verbs = [head] if outside else []
    for v in verbs:
        subj = [c for c in v.children if c.dep_.startswith("nsubj")]
        if subj:
            s = subj[0]
            if s.lower_ in PRONOUNS:
                return _via(_resolve_pronoun(doc, s.i, person_mentions), "pronoun")
            np = _noun_phrase(doc, s.left_edge.i, s.i + 1 + sum(
                1 for c in s.rights if c.dep_ == "flat:name"))
            if np is not None:
                # The subject of "dire"/"annoncer" speaks a direct quote; for a fragment inside
                # a clause ("le gouvernement annoncera « … »") it is only a guess.
                said = is_say_verb(v) and _is_direct(doc.text, span.start_char, span.end_char)
                return _via(_name_speaker(doc, np, entities), "say" if said else "subject")
    return None


def _said_after(doc: Doc, i: int, limit: int, entities: list[Entity],
                person_mentions: list[tuple[int, str]]
                ) -> tuple[int, tuple[int, int, str, str, str] | None] | None:
    """A verb of saying at token ``i`` ("indique Alex Spiro", "a-t-il tweeté", "dit-il
    encore"): ``(verb index, speaker or None)``, or None when no such verb starts there."""
    pronoun = None
    j = i
    # "a-t-il", "a ainsi reconnu", "a pour sa part estimé": auxiliaries and adverbs first.
    while j < min(limit, i + 5) and (doc[j].pos_ in ("AUX", "ADV") or doc[j].lower_ in (
            "-t", "-t-") or doc[j].lower_ in PRONOUNS):
        if doc[j].lower_ in PRONOUNS:
            pronoun = j
        j += 1
    if not (j < limit and is_say_verb(doc[j])):
        return None
    k = j + 1
    while k < limit and doc[k].lower_ in ("-t", "-t-"):
        k += 1
    if k < limit and doc[k].lower_ in PRONOUNS:
        pronoun = k
    if pronoun is not None:
        return j, _via(_resolve_pronoun(doc, pronoun, person_mentions), "pronoun")
    k = _past_complements(doc, k, limit)
    np = _noun_phrase(doc, k, limit)
    if np is None:
        return j, None
    # "le procureur de la République de Marseille, Jacques Dallest": the name in apposition.
    if np[1] + 1 < limit and doc[np[1]].text == ",":
        at = doc[np[1] + 1].idx
        for ent in entities:
            for m in ent.mentions:
                if ent.type == "person" and m.start == at:
                    return j, (m.start, m.end, ent.canonical, ent.canonical, "say")
    return j, _via(_name_speaker(doc, np, entities), "say")


# Complements between a verb of saying and its subject: "a indiqué mardi soir à l'AFP le
# ministre", "a déclaré devant la presse le maire".
_COMPLEMENT_ADP = {"à", "au", "aux", "devant", "sur", "dans", "lors"}


def _past_complements(doc: Doc, k: int, limit: int) -> int:
    """The first token after time words and short prepositional complements from ``k``."""
    while k < limit:
        if doc[k].lower_ in TIME_WORDS:
            k += 1
        elif doc[k].lower_ in _COMPLEMENT_ADP and k + 1 < limit:
            n = k + 1
            while n < limit and doc[n].pos_ == "DET":
                n += 1
            m = n
            while m < limit and doc[m].pos_ in ("NOUN", "PROPN", "ADJ") and m - n < 3:
                m += 1
            if m == n or m >= limit or doc[m].pos_ != "DET":
                return k  # no determiner after it: no subject follows the complement
            k = m
        else:
            return k
    return k


def _via(found: tuple[int, int, str, str] | None, via: str) -> tuple[int, int, str, str, str] | None:
    return None if found is None else (*found, via)


def _noun_phrase(doc: Doc, i: int, limit: int) -> tuple[int, int] | None:
    """Tokens [i, j) forming a speaker noun phrase: "un porte-parole de l'entreprise", "Shu Tao".

    The small model tags unfamiliar names as anything (ADP, VERB), so a capitalised word never
    ends the phrase; leading time words ("a annoncé mardi l'agence ...") are skipped.
    """
    while i < limit and doc[i].lower_ in TIME_WORDS:
        i += 1
    if (i < limit and doc[i].pos_ == "PRON" and not doc[i].text[:1].isupper()) or (
            i < limit and doc[i].lower_ in ("qui", "que", "celui", "celle", "ceux", "cela", "ce")):
        return None  # "qui", "celui-ci": a relative or demonstrative, not a speaker
    j = i
    seen_noun = False
    while j < limit:
        t = doc[j]
        named = t.text[:1].isupper() and not t.is_punct
        if named:
            seen_noun = True
            j += 1
            continue
        if (t.is_punct and t.text != "-") or t.is_space:
            break
        title = j + 1 < limit and doc[j + 1].text[:1].isupper()
        if t.pos_ == "ADP" and t.lower_ not in _OF and not title:
            break  # "aux Sports", "à la Culture" continue a title; "dans un communiqué" ends it
        if t.pos_ in ("VERB", "AUX", "SCONJ", "CCONJ", "PRON") and seen_noun:
            break
        if t.pos_ in ("NOUN", "PROPN"):
            seen_noun = True
        j += 1
    if not seen_noun:
        return None
    while j > i and doc[j - 1].pos_ in ("ADP", "DET") and not doc[j - 1].text[:1].isupper():
        j -= 1
    return (i, j) if j > i else None


def _name_speaker(doc: Doc, np: tuple[int, int], entities: list[Entity]
                  ) -> tuple[int, int, str, str]:
    s, e = doc[np[0]].idx, doc[np[1] - 1].idx + len(doc[np[1] - 1].text)
    for ent in entities:
        for m in ent.mentions:
            if m.start < e and s < m.end and ent.type == "person":
                return m.start, m.end, ent.canonical, ent.canonical
    nouns = [t for t in doc[np[0]:np[1]] if t.pos_ in ("NOUN", "PROPN")]
    head = nouns[0].lemma_.lower() if nouns else doc[np[0]].lemma_.lower()
    return s, e, doc[np[0]:np[1]].text, head


def _resolve_pronoun(doc: Doc, i: int, person_mentions: list[tuple[int, str]]
                     ) -> tuple[int, int, str, str] | None:
    tok = doc[i]
    before = [name for pos, name in person_mentions if pos < tok.idx]
    if not before:
        return None
    return tok.idx, tok.idx + len(tok.text), before[-1], before[-1]


def _amount_facts(doc: Doc, cleaned: CleanText, article: Article, *,
                  names: list[tuple[int, int, str]] | None = None,
                  persons: list[tuple[int, int, str]] | None = None) -> Iterator[Fact]:
    sents = sentence_spans(doc)
    found = amounts_mod.find_amounts(doc.text)
    per_sentence: dict[tuple[int, str], list[int]] = {}
    for a in found:
        per_sentence.setdefault((_doc_sentence_index(sents, a.start), a.kind), []).append(a.start)
    frames_at: dict[int, Any] = {}
    facts: list[Fact] = []
    for amount in found:
        peers = tuple(p for p in per_sentence[(_doc_sentence_index(sents, amount.start),
                                               amount.kind)] if p != amount.start)
        if amount.kind == "count" and amount.unit_end is not None:
            amount = dataclasses.replace(amount, end=noun_phrase_end(doc, amount.unit_start,
                                                                     amount.unit_end))
        rs, re_ = _raw(cleaned, amount.start, amount.end)
        unit = amount.unit
        if amount.kind == "count" and amount.unit_start is not None:
            span = doc.char_span(amount.unit_start, amount.unit_end, alignment_mode="expand")
            if span is not None and len(span):
                unit = span[-1].lemma_.lower()
        attrs: dict[str, Any] = {"unit": unit, "kind": amount.kind}
        for name in ("qualifier", "high", "period"):
            if getattr(amount, name) is not None:
                attrs[name] = getattr(amount, name)
        ns, ne = _raw(cleaned, amount.number_start, amount.number_end)
        attrs["number_start"], attrs["number_end"] = ns, ne
        counted = (amount.unit_start, amount.unit_end) if amount.unit_start is not None else None
        frame = build_frame(doc, amount.start, amount.end, counted=counted, kind=amount.kind,
                            persons=persons or [], names=names or [], peers=peers)
        src = frames_at.get(amount.contrast_start) if amount.contrast_start is not None else None
        if src is not None:
            # "un déficit de 3,9 milliards contre 2,5": what the first measures, not the words
            # of the first that the parser hangs the second on
            frame = dataclasses.replace(frame, noun=src.noun, mods=src.mods, vector=src.vector)
        frames_at[amount.start] = attrs["frame"] = frame
        value: Any = int(amount.value) if float(amount.value).is_integer() else amount.value
        # The frame read the figure alone; the evidence shows what it measures too.
        end = complement_end(doc, amount.start, amount.end)
        if amount.unit_start is None:
            end = demonym_end(doc, amount.start, end)
        if amount.kind in ("count", "number"):
            end = amounts_mod.toll_end(doc.text, end)
        rs, re_ = _raw(cleaned, governor_start(doc, amount.start, amount.end), end)
        facts.append(Fact("amount", article.raw[rs:re_], value, rs, re_,
                          _doc_sentence_index(sents, amount.start), attrs,
                          (amount.kind, unit or "", amount.period or "")))
    yield from _peer_owners(facts)


def _peer_owners(facts: list[Fact]) -> Iterator[Fact]:
    """Tell each figure whose the other figures of its sentence and kind are, so that a figure
    with no owner of its own is still known not to be theirs."""
    owners: dict[tuple[int | None, str], set[str]] = {}
    for f in facts:
        owner = f.attrs["frame"].owner
        if owner:
            owners.setdefault((f.sentence, f.attrs["kind"]), set()).add(owner)
    for f in facts:
        frame = f.attrs["frame"]
        others = owners.get((f.sentence, f.attrs["kind"]), set()) - {frame.owner}
        if others:
            attrs = {**f.attrs, "frame": dataclasses.replace(frame, others=tuple(sorted(others)))}
            f = dataclasses.replace(f, attrs=attrs)
        yield f


def date_facts(sentences: tuple[Sentence, ...], cleaned: CleanText, article: Article,
               ref: dt.date | dates_mod.Reference | None, *, doc: Doc | None = None,
               names: list[tuple[int, int, str]] | None = None,
               persons: list[tuple[int, int, str]] | None = None) -> Iterator[Fact]:
    """Dates per sentence, so each is resolved with the tense of its own sentence.

    Each date also carries its ``written`` form (see :func:`dates.written_form`), which is
    what undated articles compare, and, when the parse is given, its frame.
    """
    text = cleaned.text
    anchor: tuple[dt.date, str] | None = None  # the last date so far: "le lendemain" counts
    # from it
    for sent in sentences:
        # Locate the sentence in the clean text through its first token's raw offset.
        cs = _clean_index(cleaned, sent.start)
        ce = _clean_index(cleaned, sent.end - 1) + 1
        chunk = text[cs:ce]
        direction = sent.tense or "past"
        found = dates_mod.find_dates(chunk, ref, direction=direction, anchor=anchor)
        found = _by_governing_verb(found, sent, cleaned, cs, chunk, ref, direction, anchor)
        anchor = _last_date(found) or anchor
        found.extend(dates_mod.find_centuries(chunk, found))
        for d in sorted(found, key=lambda d: d.start):
            rs, re_ = _raw(cleaned, cs + d.start, cs + d.end)
            head = _date_head(sent, rs)
            attrs: dict[str, Any] = {"precision": d.precision, "resolved": d.resolved,
                                     "relative": d.relative, "head": head}
            way = clause_direction(sent.tokens, rs, re_)
            if way:
                attrs["direction"] = way  # a plan ("reprendront le 21") or a report
            if d.part:
                attrs["part"] = d.part
            if d.tz:
                attrs["tz"] = d.tz
            written = dates_mod.written_form(chunk[d.start:d.end])
            if written:
                attrs["written"] = written
            if doc is not None:
                attrs["frame"] = build_frame(doc, cs + d.start, cs + d.end, counted=None,
                                             kind="date", persons=persons or [],
                                             names=names or [])
            yield Fact("date", article.raw[rs:re_], d.value, rs, re_, sent.index, attrs, (head,))


def _by_governing_verb(found: list[dates_mod.DateMention], sent: Sentence, cleaned: CleanText,
                       cs: int, chunk: str, ref: dt.date | dates_mod.Reference | None,
                       direction: str, anchor: tuple[dt.date, str] | None
                       ) -> list[dates_mod.DateMention]:
    """Re-read each date with the tense of its own verb when it differs from the sentence's:
    "se réunira mardi soir, a déclaré samedi Hollande" has a future and a past date."""
    if ref is None:
        return found
    wanted = {}
    for d in found:
        rs, re_ = _raw(cleaned, cs + d.start, cs + d.end)
        own = clause_direction(sent.tokens, rs, re_)
        if own is not None and own != direction:
            wanted[(d.start, d.end)] = own
    if not wanted:
        return found
    again = {way: {(m.start, m.end): m for m in dates_mod.find_dates(chunk, ref, direction=way,
                                                                       anchor=anchor)}
             for way in set(wanted.values())}
    return [again[wanted[(d.start, d.end)]].get((d.start, d.end), d)
            if (d.start, d.end) in wanted else d for d in found]


def _last_date(found: list[dates_mod.DateMention]) -> tuple[dt.date, str] | None:
    """The last date of a sentence and its precision, for the next one's "le lendemain"."""
    for d in reversed(found):
        if d.value and d.precision in ("day", "time", "month", "part_of_month", "year"):
            padded = (d.value[:10] + "-01-01"[len(d.value[:10]) - 4:]) if len(d.value) < 10 \
                else d.value[:10]
            try:
                return dt.date.fromisoformat(padded), d.precision
            except ValueError:
                continue
    return None


def _clean_index(cleaned: CleanText, raw_pos: int) -> int:
    import bisect

    i = bisect.bisect_left(cleaned.offsets, raw_pos)
    return min(i, len(cleaned.text))


def _date_head(sent: Sentence, raw_start: int) -> str:
    """The verb nearest before the date: "a annoncé en mars" -> annoncer."""
    verbs = [t for t in sent.tokens if t.pos == "VERB" and t.start < raw_start]
    if verbs:
        return verbs[-1].lemma.lower()
    after = [t for t in sent.tokens if t.pos in ("VERB", "NOUN") and t.start > raw_start]
    return after[0].lemma.lower() if after else ""
