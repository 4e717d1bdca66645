from __future__ import annotations

import pytest

from factcheck.extract.quotes import find_quote_spans, normalise_quote
from factcheck.model import Severity


@pytest.mark.parametrize(("text", "quotes"), [
    ("« Nous allons examiner », a dit X.", ["Nous allons examiner"]),
    ("“Nous allons examiner”, a dit X.", ["Nous allons examiner"]),
    ('"Nous allons examiner", a dit X.', ["Nous allons examiner"]),
    ("'Microsoft semble avoir utilisé l'API', indique X.", ["Microsoft semble avoir utilisé l'API"]),
    ("Musk a accusé Microsoft 'd'entraîner illégalement' ses outils.", ["d'entraîner illégalement"]),
    ("L'heure d'aujourd'hui n'est pas l'heure qu'il faut.", []),
    ("Deux : « un » et « deux ».", ["un", "deux"]),
])
def test_quote_spans(text, quotes):
    assert [text[q.start:q.end] for q in find_quote_spans(text)] == quotes


def test_normalise_quote_folds_typography():
    assert normalise_quote("l’heure  du procès a sonné") == normalise_quote("l'heure du procès a sonné")


# --- sentence units of a quotation (no model) -------------------------------------------------
@pytest.mark.parametrize(("text", "units"), [
    # T19_C2: one quote of two sentences; another outlet writes them as one.
    ("Nous n'avons pas le choix. Ne rien faire, comme ce fut souvent le cas, nous coûteraient "
     "beaucoup plus cher", ["Nous n'avons pas le choix.", "Ne rien faire, comme ce fut souvent "
                            "le cas, nous coûteraient beaucoup plus cher"]),
    ("Nous n’avons pas le choix ! Ne rien faire nous coûterait encore plus cher",
     ["Nous n’avons pas le choix !", "Ne rien faire nous coûterait encore plus cher"]),
    # A quote inside the quote ends the sentence with its own mark.
    ("Shakespeare avait écrit un jour 'ce qui ne peut être évité, il faut l'embrasser'. Très "
     "modestement, je vous embrasse tous", ["Shakespeare avait écrit un jour 'ce qui ne peut "
                                           "être évité, il faut l'embrasser'.",
                                           "Très modestement, je vous embrasse tous"]),
    # An initial is not the end of a sentence; an ellipsis in brackets is not either.
    ("M. Dupont est venu hier", ["M. Dupont est venu hier"]),
    ("Il y a des gens d'une immense qualité (...) et ces gens prennent des décisions",
     ["Il y a des gens d'une immense qualité (...) et ces gens prennent des décisions"]),
])
def test_sentence_units(text, units):
    from factcheck.extract.quotes import sentence_units

    assert [text[s:e] for s, e in sentence_units(text, 0, len(text))] == units


@pytest.mark.parametrize(("text", "quotes"), [
    # T03_C2_01: a quote inside a partial quote, both with straight marks.
    ('Seul Frédéric Oudéa a indiqué que sa banque n\'aurait "pas besoin d\'utiliser ce '
     '"guichet public"".', ['pas besoin d\'utiliser ce "guichet public"']),
    ('Il a cité Shakespeare "qui avait écrit un jour \'ce qui ne peut être éviter il faut '
     'l\'embrasser\'".', ["qui avait écrit un jour 'ce qui ne peut être éviter il faut "
                          "l'embrasser'"]),
    # An opening mark never closed does not swallow the next quote.
    ('Il dit "foo bar. Et "baz" ensuite.', ["baz"]),
])
def test_nested_straight_quotes(text, quotes):
    assert [text[q.start:q.end] for q in find_quote_spans(text)] == quotes


# --- one utterance or two (no model) ----------------------------------------------------------
def _quote(text: str, **attrs: str):
    from factcheck.model import Fact

    return Fact("quote", text, text, 0, len(text), 0, dict(attrs))


SAME_UTTERANCE = [
    # T04_C2 02 / 08: a partial quote with one word changed.
    ("Le vice-ministre des Affaires étrangères He Yafei a émis une vive protestation",
     "Le vice-ministre des Affaires étrangères He Yafei a émis une forte protestation auprès de "
     "la partie française au sujet de la rencontre entre Sarkozy et le dalaï lama"),
    # T08_C1 03 / 05: two translations of one interview, sentence by sentence.
    ("Il est possible que le Tour d’Italie soit l’unique course de trois semaines que je "
     "disputerai", "Il est possible que le Giro soit la seule course de trois semaines que je "
     "dispute."),
    ("Tout le monde connaît son importance mais, avec les problèmes que j’ai avec les "
     "organisateurs, les journalistes et les fans, je pourrais être détourné de ma mission : "
     "focaliser l’attention internationale sur la bataille contre le cancer.",
     "Chacun connaît son importance mais les problèmes que j'ai avec les organisateurs, les "
     "journalistes et les supporters pourraient me détourner de ma mission - attirer "
     "l'attention du monde sur la lutte contre le cancer"),
    # T19_C2 05 / 10: few content words, all in order.
    ("Ne rien faire nous coûterait encore plus cher",
     "Ne rien faire, comme ce fut souvent le cas, nous coûteraient beaucoup plus cher"),
    # T12_C2 05 / 09 and 01 / 09: one word changed.
    ("Comme on dit en Bretagne, à Dieu vat", "Comme on dit en Bretagne, adieu vat"),
    ("Ce qui ne peut être évité, il faut l'embrasser.",
     "qui avait écrit un jour 'ce qui ne peut être éviter il faut l'embrasser'"),
    # T03_C2 01 / 03: a partial quote in indirect speech.
    ('pas besoin d\'utiliser ce "guichet public"',
     "Nous n’avons pas besoin d’utiliser le guichet public."),
    # T13_C2 06 / 09: the shared words in the same order, the others replaced in place.
    ("Des soldats thaïlandais sont entrés dans notre territoire",
     "Les troupes thaïlandaises ont pénétré sur notre territoire"),
]

OTHER_UTTERANCES = [
    # T20_C1 01 / 02: the same words, built into another phrase.
    ("fomentées par le dalaï-lama et sa clique", "Incidents fomentés par la clique du dalaï-lama"),
    # T03_C2 01 / 07: a statement and its opposite.
    ("absolument pas besoin de fonds propres",
     "Pour cela, nous avons besoin de fonds propres supplémentaires."),
    # T03_C2: a shared phrase is not a part of the longer quote.
    ("absolument pas besoin de fonds propres",
     "Nous n'avons pas besoin de fonds propres aujourd'hui et nous ne demandons rien à l'Etat "
     "pour l'instant"),
    # T14_C1 03 / 05: a few words in common.
    ("un premier secrétaire délégué", "C'était un vrai discours de premier secrétaire."),
    # T08_C1 04 / 05: the words moved around.
    ("Encore aujourd'hui avec le Tour, il y a des doutes",
     "A la date d'aujourd'hui, il y a des doutes sur le Tour"),
]


@pytest.mark.parametrize(("a", "b"), SAME_UTTERANCE)
def test_one_utterance_reworded_is_matched(a, b):
    from factcheck.claims import quotes_match

    assert quotes_match(_quote(a), _quote(b)) and quotes_match(_quote(b), _quote(a))


@pytest.mark.parametrize(("a", "b"), OTHER_UTTERANCES)
def test_two_utterances_sharing_words_are_not(a, b):
    from factcheck.claims import quotes_match

    assert not quotes_match(_quote(a), _quote(b))
    assert not quotes_match(_quote(b), _quote(a))


def test_different_speakers_need_the_same_words():
    from factcheck.claims import quotes_match

    # T03_C2: Christian Noyer and Georges Pauget, one phrase in common.
    a = _quote("absolument pas besoin de fonds propres", speaker="Christian Noyer",
               speaker_head="Christian Noyer", speaker_via="subject")
    b = _quote("Nous n'avons pas besoin de fonds propres !", speaker="Georges Pauget",
               speaker_head="Georges Pauget", speaker_via="say")
    assert not quotes_match(a, b)
    assert quotes_match(_quote(str(a.value)), _quote(str(b.value)))
    # A name and a description may be one person.
    c = _quote("Chacun connaît son importance mais les problèmes que j'ai avec les organisateurs",
               speaker="le coureur", speaker_head="coureur", speaker_via="say")
    d = _quote("Tous connaissent son importance, mais avec les problèmes que j'ai avec les "
               "organisateurs", speaker="Lance Armstrong", speaker_head="Lance Armstrong",
               speaker_via="say")
    assert quotes_match(c, d)


def test_quote_candidates_hold_the_new_matches():
    from itertools import combinations

    from factcheck.candidates import quote_pairs
    from factcheck.claims import _is_content, _words

    texts = [t for pair in SAME_UTTERANCE + OTHER_UTTERANCES for t in pair]
    cands = quote_pairs([_words(t) for t in texts], _is_content)
    from factcheck.claims import quotes_match

    for i, j in combinations(range(len(texts)), 2):
        if quotes_match(_quote(texts[i]), _quote(texts[j])):
            assert (i, j) in cands, (texts[i], texts[j])


# --- speakers and units from the pipeline (model) ---------------------------------------------
def _quotes_of(nlp, text: str) -> list:
    from factcheck.extract.pipeline import parse_articles
    from factcheck.model import Article

    (parsed,) = parse_articles([Article(id="a", path="a", raw=text + "\n")], nlp)
    return [f for f in parsed.facts if f.type == "quote"]


@pytest.mark.model
def test_attribution_inside_the_marks_is_not_quoted_and_names_the_speaker(nlp):
    # T08_C1_04: "a déclaré Armstrong" is the outlet's, inside the marks.
    quotes = _quotes_of(nlp, "Lance Armstrong reviendra en 2009. \"Encore aujourd'hui avec le "
                             "Tour, il y a des doutes, a déclaré Armstrong. Tous connaissent son "
                             "importance, mais avec les problèmes que j'ai avec les organisateurs, "
                             "je pourrais être détourné de ma mission.\"")
    assert [q.value for q in quotes] == [
        "Encore aujourd'hui avec le Tour, il y a des doutes",
        "Tous connaissent son importance, mais avec les problèmes que j'ai avec les "
        "organisateurs, je pourrais être détourné de ma mission"]
    assert {q.attrs.get("speaker") for q in quotes} == {"Lance Armstrong"}


@pytest.mark.parametrize(("text", "said", "speaker"), [
    # T12_C1_03 (RPM2): the attribution between commas, with an aside and a date of its own;
    # T12_C1_04 quotes the same words without it.
    ("« S’il doit y avoir une mutation, indiquait, confiant, Robert Namias, le patron de l’info "
     "de TF1, en février, elle se fera avec eux. »",
     "S'il doit y avoir une mutation elle se fera avec eux", "Robert Namias"),
    # T07_C1_05: an inverted pronoun; the quote's verb came before the incise.
    ("Le patron a réagi. « Cela ne tient pas debout, a-t-il souligné, ni techniquement ni "
     "comptablement. »", "Cela ne tient pas debout ni techniquement ni comptablement", None),
    # T09_C1_03: a name after the verb, the clause goes on after the incise.
    ("« Elle aurait pu bénéficier de la loi, insiste Jean Leonetti, mais son choix à elle était "
     "une demande de suicide. »",
     "Elle aurait pu bénéficier de la loi mais son choix à elle était une demande de suicide",
     "Jean Leonetti"),
    # The speaker's own words, not the outlet's: kept whole.
    ("« Ils ont déclaré la guerre, expliquant que la paix était impossible. »",
     "Ils ont déclaré la guerre, expliquant que la paix était impossible", None),
    ("« Magistrat, c'est-à-dire diseur de justice, c'est être rebelle. »",
     "Magistrat, c'est-à-dire diseur de justice, c'est être rebelle", None),
    ("« Le congé maternité de Rachida Dati, il commencera quand, il s'arrêtera quand ? »",
     "Le congé maternité de Rachida Dati, il commencera quand, il s'arrêtera quand ?", None),
    ("« Nous avons annoncé, à la surprise générale, une baisse des prix. »",
     "Nous avons annoncé, à la surprise générale, une baisse des prix", None),
])
@pytest.mark.model
def test_an_attribution_between_commas_is_not_quoted(nlp, text, said, speaker):
    (quote,) = _quotes_of(nlp, text)
    assert quote.value == said
    if speaker is not None:
        assert quote.attrs.get("speaker") == speaker


@pytest.mark.model
def test_a_dropped_incise_is_no_reworded_quote(nlp):
    import factcheck

    report = factcheck.compare([
        factcheck.Text("« S’il doit y avoir une mutation, indiquait, confiant, Robert Namias, le "
                       "patron de l’info de TF1, en février, elle se fera avec eux. »", id="a"),
        factcheck.Text("« S'il doit y avoir une mutation, elle se fera avec eux », ajoutait cet "
                       "homme de la chaîne privée.", id="b")])
    assert not _serious_quotes(report)
    assert any(f.status == "agreement" and f.type == "quote" for f in report.results)


@pytest.mark.model
def test_a_publication_inside_the_marks_is_no_speaker(nlp):
    quotes = _quotes_of(nlp, "« Il est possible que le Tour d’Italie soit l’unique course de "
                             "trois semaines que je disputerai, rapporte l’édition d’hier de La "
                             "Gazetta dello Sport. Encore aujourd’hui avec le Tour, il y a des "
                             "doutes. »")
    assert quotes[0].value.endswith("que je disputerai")
    assert not any(q.attrs.get("speaker_via") == "say" for q in quotes)


@pytest.mark.parametrize(("text", "speaker"), [
    # T12_C2_04: the attribution after a quote of two sentences.
    ("\"Shakespeare avait écrit un jour 'ce qui ne peut être évité, il faut l'embrasser'. Très "
     "modestement, je vous embrasse tous\", a ajouté Patrick Poivre d'Arvor.",
     "Patrick Poivre d'Arvor"),
    # T03_C2_01: the one who says, not the subject of the clause holding the quote.
    ("Soucieux de ne pas renforcer l'inquiétude des marchés sur la solidité desbanques, le "
     "gouverneur de la Banque de France, Christian Noyer, également présent, a souligné que ces "
     "six banques n'avaient \"absolument pas besoin de fonds propres\" ni \"d'être "
     "recapitalisées\".", "Christian Noyer"),
    # Issue #11: an adverb before the verb, a time word after it, the name in apposition.
    ("« Nous n'avons pas encore identifié le suspect », a ainsi reconnu jeudi le procureur de la "
     "République de Marseille, Jacques Dallest.", "Jacques Dallest"),
    # A complement between the verb and its subject.
    ("« L'enquête avance », a indiqué mardi soir à l'AFP le ministre de l'Intérieur, Brice "
     "Hortefeux.", "Brice Hortefeux"),
    # A name inside the description is not the speaker; the one in apposition is.
    ("« Nous allons étudier la lettre », a dit l'avocat de Jack Dorsey, Alex Spiro.",
     "Alex Spiro"),
    # T03_C2_02: a soft hyphen from the page inside the verb.
    ("« J'insiste. Nous n'avons pas besoin de fonds propres ! », a mar\u00adtelé hier Georges "
     "Pauget.", "Georges Pauget"),
])
@pytest.mark.model
def test_quote_speakers(nlp, text, speaker):
    quotes = _quotes_of(nlp, text)
    assert quotes and {q.attrs.get("speaker") for q in quotes} == {speaker}


# --- reports (model) --------------------------------------------------------------------------
def _serious_quotes(report):
    from factcheck.model import Severity

    return [f for f in report.results if f.rule == "quote-wording"
            and f.status == "disagreement" and f.severity >= Severity.WARNING]


@pytest.mark.parametrize(("a", "b", "changed"), [
    # T12_C2 05 / 09: a one-word change is a reworded quote, not a spacing.
    ("« Comme on dit en Bretagne, à Dieu vat », a-t-il lancé.",
     "« Comme on dit en Bretagne, adieu vat », a-t-il enfin lancé.", "adieu"),
    # T04_C2 02 / 08: one source quotes part of what the other quotes.
    ("\"Le vice-ministre des Affaires étrangères He Yafei a émis une vive protestation\", selon "
     "CCTV.", "\"Le vice-ministre des Affaires étrangères He Yafei a émis une forte protestation "
     "auprès de la partie française au sujet de la rencontre entre Sarkozy et le dalaï lama\", a "
     "annoncé la télévision CCTV.", "forte"),
])
@pytest.mark.model
def test_a_reworded_quote_is_reported(nlp, a, b, changed):
    from factcheck.api import compare

    [finding] = _serious_quotes(compare([("a", a), ("b", b)]))
    assert changed in finding.message


@pytest.mark.model
def test_a_sentence_of_a_longer_quotation_is_compared_alone(nlp):
    from factcheck.api import compare

    # T19_C2 05 / 10: the second sentence reworded, next to a first one quoted alike.
    report = compare([
        ("a", "Nicolas Sarkozy a répondu : \"Nous n'avons pas le choix. Ne rien faire, comme ce "
              "fut souvent le cas, nous coûteraient beaucoup plus cher\", en termes d'emploi."),
        ("b", "« Nous n’avons pas le choix ! Ne rien faire nous coûterait encore plus cher », a "
              "justifié Sarkozy.")])
    [finding] = _serious_quotes(report)
    assert "encore" in finding.message and {e.source for e in finding.evidence} == {"a", "b"}


@pytest.mark.parametrize(("a", "b"), [
    # T20_C1 01 / 02: two utterances sharing words.
    ("Aucun étranger n'a été blessé lors de ces manifestations «fomentées par le dalaï-lama et "
     "sa clique».", "«Incidents fomentés par la clique du dalaï-lama», titre le journal."),
    # A title written short or in full, a word with or without its hyphen.
    ("« Je n'ai pas eu connaissance d'une absence éventuelle de Madame Dati », a-t-il dit.",
     "« Je n'ai pas eu connaissance d'une absence éventuelle de Mme Dati », a-t-il dit."),
    ("« C'est un contre-temps sans importance pour la suite du projet », a dit le ministre.",
     "« C'est un contretemps sans importance pour la suite du projet », a dit le ministre."),
])
@pytest.mark.model
def test_no_quote_wording_finding(nlp, a, b):
    from factcheck.api import compare

    assert _serious_quotes(compare([("a", a), ("b", b)])) == []


@pytest.mark.model
def test_two_quotes_holding_a_third_sources_phrase_are_not_one_reworded(nlp):
    # T05_C2 (RPM2, no gold): a critic's question and a minister's promise both quote the
    # "droit à l'oubli" another article quotes alone.
    from factcheck.api import compare

    report = compare([
        ("a", "«Comment accepter que des informations relatives à des mineurs soient stockées à "
              "vie. On n'est tout de même pas pareil à 15 ans et à 35. Et le droit à l'oubli ?»"),
        ("b", "Concernant les mineurs, « la possibilité de collecter des informations sera "
              "maintenue » mais ces mineurs « bénéficieront d'un «droit à l'oubli» », autre "
              "revendication des anti-Edvige."),
        ("c", "Un \"droit à l'oubli\" déjà proposé par la ministre la semaine dernière."),
        ("d", "Elle a annoncé mardi être prête au \"droit à l'oubli\" pour les mineurs.")])
    assert _serious_quotes(report) == []


@pytest.mark.parametrize(("a", "b", "only"), [
    ("On s'est bien moqué de nous.", "On s'est bien moqués de nous.", True),
    ("susceptibles de porter atteinte à l'ordre public",
     "susceptible de porter atteinte à l'ordre public", True),
    ("une Cambodgienne a fui", "un Cambodgien a fui", False),  # the article changed too
    ("Nous allons examiner ces questions", "Nous allons étudier ces questions", False),
])
def test_inflection_only(a, b, only):
    from factcheck.kinds import _inflection_only

    assert _inflection_only(a, b) is only


@pytest.mark.model
def test_a_quote_with_only_an_agreement_slip_is_info(nlp):
    # T09_C2 (RPM2, no gold)
    from factcheck.api import compare

    report = compare([("a", "« On s'est bien moqué de nous », a dénoncé le père de Chantal."),
                      ("b", "« On s'est bien moqués de nous », a dénoncé le père de Chantal.")])
    found = [f for f in report.results if f.rule == "quote-wording"]
    assert found and all(f.severity == Severity.INFO for f in found)
