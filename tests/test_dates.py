"""Date and time extraction: parametrised tables per category, no spaCy, except the issue #12
table at the end, which runs the real pipeline because a date's direction comes from the parse
of its governing verb.

The reference date of most tables is Friday 19 May 2023, the publication date of the seed
story, so the tables double as the dates that story needs ("jeudi" = 18 May, "le mois dernier"
= April, "en octobre" = October 2022).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pytest

from factcheck.extract.dates import DIRECTIONS, PRECISIONS, DateMention, find_dates

REF = dt.date(2023, 5, 19)  # a Friday
DATA = Path(__file__).resolve().parent / "data" / "dates"
BENCH = Path(__file__).resolve().parent.parent / "bench" / "extraction_time.py"


def one(text: str, ref: dt.date | dt.datetime | None = REF, direction: str = "past") -> DateMention:
    found = find_dates(text, ref, direction=direction)
    assert len(found) == 1, found
    return found[0]


def span(text: str, m: DateMention) -> str:
    return text[m.start:m.end]


# ---------------------------------------------------------------------------------------------
# Absolute and partial dates: the precision written is the precision kept.

ABSOLUTE = [
    # text, expression, value, precision, part
    ("18 mai 2023", "18 mai 2023", "2023-05-18", "day", None),
    ("Il a parlé jeudi 18 mai.", "jeudi 18 mai", "2023-05-18", "day", None),
    ("signé le 9 février", "le 9 février", "2023-02-09", "day", None),
    ("dès le 1er décembre", "le 1er décembre", "2022-12-01", "day", None),
    ("en octobre 2022", "en octobre 2022", "2022-10", "month", None),
    ("en 2015", "en 2015", "2015", "year", None),
    ("octobre 2022", "octobre 2022", "2022-10", "month", None),
    ("début août", "début août", "2023-08", "part_of_month", "early"),
    ("mi-septembre", "mi-septembre", "2023-09", "part_of_month", "mid"),
    ("fin mars", "fin mars", "2023-03", "part_of_month", "late"),
    ("à la mi-mars 2021", "à la mi-mars 2021", "2021-03", "part_of_month", "mid"),
    ("fin du mois de mars", "fin du mois de mars", "2023-03", "part_of_month", "late"),
    ("18/05/2023", "18/05/2023", "2023-05-18", "day", None),
    ("le 18.05.2023", "le 18.05.2023", "2023-05-18", "day", None),
    ("2023-05-18", "2023-05-18", "2023-05-18", "day", None),
    ("le 3 fév. 2021", "le 3 fév. 2021", "2021-02-03", "day", None),
    ("le 12 sept. 2020", "le 12 sept. 2020", "2020-09-12", "day", None),
    ("15 fev 2013", "15 fev 2013", "2013-02-15", "day", None),
    ("le 17/02", "le 17/02", "2023-02-17", "day", None),
    ("31/10/74", "31/10/74", "1974-10-31", "day", None),
    ("le 8 mai 1945", "le 8 mai 1945", "1945-05-08", "day", None),
    ("le 18 mai dernier", "le 18 mai dernier", "2023-05-18", "day", None),
    ("mardi 3 octobre 2023", "mardi 3 octobre 2023", "2023-10-03", "day", None),
    ("fin 2022", "fin 2022", "2022", "year", "late"),
    ("début 2024", "début 2024", "2024", "year", "early"),
    ("mi-2023", "mi-2023", "2023", "year", "mid"),
    ("en l'an 2000", "en l'an 2000", "2000", "year", None),
    ("la loi de 1905", "1905", "1905", "year", None),
    ("rien qu'en 2022", "en 2022", "2022", "year", None),
    ("depuis 2019", "2019", "2019", "year", None),
    ("en mai 68", "en mai 68", "1968-05", "month", None),
    ("courant mars", "courant mars", "2023-03", "month", None),
]


@pytest.mark.parametrize(("text", "expr", "value", "precision", "part"), ABSOLUTE)
def test_absolute_and_partial(text: str, expr: str, value: str, precision: str,
                              part: str | None) -> None:
    m = one(text)
    assert (span(text, m), m.value, m.precision, m.part) == (expr, value, precision, part)
    assert m.resolved


@pytest.mark.parametrize(("text", "relative"), [
    ("18 mai 2023", False), ("en 2015", False), ("18 mai", True), ("en octobre", True),
    ("jeudi", True), ("fin 2022", False), ("fin mars", True),
])
def test_relative_flag_says_whether_the_reference_was_used(text: str, relative: bool) -> None:
    assert one(text).relative is relative


# ---------------------------------------------------------------------------------------------
# Weekdays and relative expressions against Friday 19 May 2023.

RELATIVE = [
    ("jeudi", "past", "2023-05-18", "day"),
    ("vendredi", "past", "2023-05-19", "day"),  # a report published on a Friday: today
    ("jeudi", "future", "2023-05-25", "day"),
    ("vendredi", "future", "2023-05-26", "day"),  # announced on a Friday: next week
    ("ce vendredi", "future", "2023-05-19", "day"),
    ("jeudi", "nearest", "2023-05-18", "day"),
    ("lundi", "nearest", "2023-05-22", "day"),
    ("jeudi dernier", "future", "2023-05-18", "day"),  # explicit words beat the tense
    ("lundi prochain", "past", "2023-05-22", "day"),
    ("samedi de la semaine dernière", "past", "2023-05-13", "day"),
    ("mardi de la semaine prochaine", "past", "2023-05-23", "day"),
    ("hier", "past", "2023-05-18", "day"),
    ("hier soir", "past", "2023-05-18", "day"),
    ("avant-hier", "past", "2023-05-17", "day"),
    ("aujourd'hui", "past", "2023-05-19", "day"),
    ("demain", "past", "2023-05-20", "day"),
    ("après-demain", "future", "2023-05-21", "day"),
    ("la veille", "past", "2023-05-18", "day"),
    ("le lendemain", "past", "2023-05-20", "day"),
    ("le lendemain du 13 février", "past", "2023-02-14", "day"),
    ("trois jours après le 1er mars", "past", "2023-03-04", "day"),
    ("le mois dernier", "past", "2023-04", "month"),
    ("le mois prochain", "past", "2023-06", "month"),
    ("l'an dernier", "past", "2022", "year"),
    ("l'année dernière", "past", "2022", "year"),
    ("l'an prochain", "past", "2024", "year"),
    ("cette année", "past", "2023", "year"),
    ("en décembre dernier", "future", "2022-12", "month"),
    ("en juin prochain", "past", "2023-06", "month"),
    ("il y a deux semaines", "past", "2023-05-05", "day"),
    ("il y a trois jours", "past", "2023-05-16", "day"),
    ("dans deux semaines", "future", "2023-06-02", "day"),
    ("il y a deux ans", "past", "2021", "year"),  # a count of years is not a claim about a day
    ("il y a un an jour pour jour", "past", "2022-05-19", "day"),
    ("d'ici au mois de juin", "past", "2023-06", "month"),  # "d'ici" points forward
    ("la semaine dernière", "past", "2023-W19", "week"),
    ("cette semaine", "past", "2023-W20", "week"),
    ("la semaine du 7 octobre", "past", "2023-W40", "week"),
]


@pytest.mark.parametrize(("text", "direction", "value", "precision"), RELATIVE)
def test_relative(text: str, direction: str, value: str, precision: str) -> None:
    m = one(text, direction=direction)
    assert (m.value, m.precision, m.relative, m.resolved) == (value, precision, True, True)
    assert span(text, m) == text


@pytest.mark.parametrize(("text", "direction", "value", "precision", "part"), [
    ("d'ici la fin de l'année", "past", "2023", "year", "late"),
    ("en début d'année", "past", "2023", "year", "early"),
    ("fin de l'année dernière", "future", "2022", "year", "late"),
    # on 19 May the end of this month has not happened yet: a past one is April's
    ("en fin de mois", "past", "2023-04", "part_of_month", "late"),
    ("en fin de mois", "future", "2023-05", "part_of_month", "late"),
    ("au début du mois prochain", "past", "2023-06", "part_of_month", "early"),
    ("en début de semaine", "past", "2023-W20", "week", "early"),
])
def test_parts_of_relative_periods(text: str, direction: str, value: str, precision: str,
                                   part: str) -> None:
    m = one(text, direction=direction)
    assert (m.value, m.precision, m.part) == (value, precision, part)


# ---------------------------------------------------------------------------------------------
# A month (or day) without a year takes the nearest year the direction allows.

@pytest.mark.parametrize(("text", "direction", "value"), [
    # A month or day without a year is the nearest one; the tense only leans the choice.
    ("en octobre", "past", "2023-10"),  # five months ahead is nearer than seven back
    ("en novembre", "past", "2022-11"),  # six ahead against six back: the past wins
    ("en octobre", "future", "2023-10"),
    ("en octobre", "nearest", "2023-10"),  # five months ahead is nearer than seven back
    ("en mai", "past", "2023-05"),
    ("en mai", "future", "2023-05"),
    ("en avril", "future", "2024-04"),
    ("le 5 mars", "past", "2023-03-05"),
    ("le 5 mars", "future", "2024-03-05"),
    ("le 20 mai", "future", "2023-05-20"),
    ("le 20 mai", "past", "2023-05-20"),
    ("le 20 juillet", "past", "2023-07-20"),
    ("le 20 novembre", "past", "2022-11-20"),
    ("le 20 mai", "nearest", "2023-05-20"),
])
def test_year_follows_direction(text: str, direction: str, value: str) -> None:
    assert one(text, direction=direction).value == value


def test_weekday_beats_tense_when_only_one_year_fits() -> None:
    # 7 December is a Sunday in 2008 only: a past-tense sentence of June 2008 still means it.
    assert one("dimanche 7 décembre", dt.date(2008, 6, 15)).value == "2008-12-07"


def test_weekday_with_day_number_finds_the_month() -> None:
    assert one("mercredi 13", dt.date(2013, 2, 12), "future").value == "2013-02-13"
    assert one("jeudi 15", dt.date(2013, 2, 12), "future").value == "2013-08-15"


# ---------------------------------------------------------------------------------------------
# Intervals

INTERVALS = [
    ("du 3 au 5 mars", "2023-03-03/2023-03-05"),
    ("du 3 au 5 mars 2022", "2022-03-03/2022-03-05"),
    ("13-15 juillet", "2023-07-13/2023-07-15"),
    ("entre le 13 et le 15 juillet", "2023-07-13/2023-07-15"),
    ("les 3 et 4 mars", "2023-03-03/2023-03-04"),
    ("du samedi 13 au dimanche 15e juillet 2013", "2013-07-13/2013-07-15"),
    ("du 10 juin au 1er juillet 2023", "2023-06-10/2023-07-01"),
    ("entre mi-septembre et début octobre", "2023-09/2023-10"),
    ("entre la mi-novembre 2007 et la mi-janvier", "2007-11/2008-01"),
    ("de 2019 à 2022", "2019/2022"),
    ("entre 2019 et 2022", "2019/2022"),
    ("la saison 2022-2023", "2022/2023"),
    ("de janvier à mars 2023", "2023-01/2023-03"),
    ("dans la nuit de jeudi à vendredi", "2023-05-18/2023-05-19"),
    ("les 3 derniers mois", "2023-02/2023-04"),
    ("les trois prochains jours", "2023-05-20/2023-05-22"),
    ("le week-end dernier", "2023-05-13/2023-05-14"),
    ("de 9h30 à 11h jeudi", "2023-05-18T09:30/2023-05-18T11:00"),
    ("entre 11h30 et 1h30", "2023-05-19T11:30/2023-05-19T13:30"),
]


@pytest.mark.parametrize(("text", "value"), INTERVALS)
def test_intervals(text: str, value: str) -> None:
    m = one(text)
    assert (m.value, m.precision) == (value, "interval")


def test_interval_span_includes_its_opening_word() -> None:
    text = "Le festival aura lieu du 3 au 5 mars."
    assert span(text, one(text)) == "du 3 au 5 mars"


# ---------------------------------------------------------------------------------------------
# Clock times and zones

TIMES = [
    # text, expression, value, tz
    ("à 20h08 (heure locale)", "20h08 (heure locale)", "2023-05-19T20:08", "local"),
    ("à 14h08 heure française", "14h08 heure française", "2023-05-19T14:08", "Europe/Paris"),
    ("vers 19h30 GMT", "19h30 GMT", "2023-05-19T19:30", "UTC"),
    ("à 5h", "5h", "2023-05-19T05:00", None),
    ("à 20 h 08", "20 h 08", "2023-05-19T20:08", None),
    ("à 15:30", "15:30", "2023-05-19T15:30", None),
    ("à quinze heures trente", "quinze heures trente", "2023-05-19T15:30", None),
    ("à midi moins le quart", "midi moins le quart", "2023-05-19T11:45", None),
    ("à 8 heures du soir", "8 heures du soir", "2023-05-19T20:00", None),
    ("à 20h08 heure de New York", "20h08 heure de New York", "2023-05-19T20:08",
     "heure de New York"),
    # a time given in two zones is one mention: the first value, the first zone
    ("à 20h08 (14h08 heure française)", "20h08 (14h08 heure française)", "2023-05-19T20:08",
     "local"),
    ("20h08 (heure locale, 14h08 à Paris)", "20h08 (heure locale, 14h08 à Paris)",
     "2023-05-19T20:08", "local"),
    ("à 11H00 (04H00 GMT)", "11H00 (04H00 GMT)", "2023-05-19T11:00", "local"),
    ("jeudi 18 mai 2023 à 20h08", "jeudi 18 mai 2023 à 20h08", "2023-05-18T20:08", None),
    ("jeudi vers 20h", "jeudi vers 20h", "2023-05-18T20:00", None),
    ("hier soir à 8 heures", "hier soir à 8 heures", "2023-05-18T20:00", None),
    ("à 13h30 samedi 21 septembre 2013", "13h30 samedi 21 septembre 2013",
     "2013-09-21T13:30", None),
]


@pytest.mark.parametrize(("text", "expr", "value", "tz"), TIMES)
def test_clock_times(text: str, expr: str, value: str, tz: str | None) -> None:
    m = one(text)
    assert (span(text, m), m.value, m.precision, m.tz) == (expr, value, "time", tz)


@pytest.mark.parametrize(("ref", "direction", "value"), [
    (dt.datetime(2023, 5, 19, 10, 0), "past", "2023-05-18T20:00"),  # not yet 20h: yesterday
    (dt.datetime(2023, 5, 19, 10, 0), "future", "2023-05-19T20:00"),
    (dt.datetime(2023, 5, 19, 22, 0), "future", "2023-05-20T20:00"),
    (REF, "past", "2023-05-19T20:00"),  # a date-only reference gives its own day
])
def test_clock_time_day_follows_reference_clock(ref: dt.datetime | dt.date, direction: str,
                                                value: str) -> None:
    assert one("à 20h", ref, direction).value == value


# ---------------------------------------------------------------------------------------------
# Not dates

NOT_DATES = [
    "66 %", "Il a 47 ans.", "à 47 ans", "780 millions", "26 milliards de dollars",
    "un score de 29-37", "victoire 3-1", "la version v.1.1", "v1.10.12",
    "01 23 45 67 89", "06.12.45.67.89", "2022", "2022 a été une année record",
    "Mai Lan chante", "Mars est une planète", "1/3 des salariés", "24h/24 et 7j/7",
    "les 35 heures", "en 48 heures", "pendant près d'une heure et demie",
    "après 12 heures de négociations", "le JT de 20H00", "présenter le 20h",
    "de 1500 à 2000 euros", "en 2015 euros", "le 15 de France", "le XV de France",
    "tous les lundis", "chaque mardi", "le Journal du dimanche", "le travail du dimanche",
    "Mardi gras", "le lundi de Pâques", "l'école de demain", "la semaine de 35 heures",
    "mettre fin à la mi-temps", "cette Semaine olympique", "le 31 juin",
    "Ana a un court de tennis", "deux trois minutes", "74",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text: str) -> None:
    assert find_dates(text, REF) == []


@pytest.mark.parametrize(("text", "expr"), [
    ("Il a 47 ans depuis le 3 mars 2021.", "le 3 mars 2021"),
    ("66 % en 2022", "en 2022"),
    ("le 3 mars au Sénat, 780 millions", "le 3 mars"),
])
def test_numbers_next_to_dates_stay_out(text: str, expr: str) -> None:
    assert span(text, one(text)) == expr


# ---------------------------------------------------------------------------------------------
# Unknown reference: keep relative expressions, never guess

@pytest.mark.parametrize(("text", "precision"), [
    ("jeudi", "day"), ("hier soir", "day"), ("le mois dernier", "month"),
    ("en octobre", "month"), ("18 mai", "day"), ("fin mars", "part_of_month"),
    ("la semaine dernière", "week"), ("à 20h08", "time"), ("du 3 au 5 mars", "interval"),
    ("il y a deux semaines", "day"),
])
def test_unresolved_without_reference(text: str, precision: str) -> None:
    m = one(text, None)
    assert (m.value, m.resolved, m.relative, m.precision) == (None, False, True, precision)


@pytest.mark.parametrize(("text", "value"), [
    ("18 mai 2023", "2023-05-18"), ("en 2015", "2015"), ("octobre 2022", "2022-10"),
    ("le 18 mai 2023 à 20h", "2023-05-18T20:00"), ("du 3 au 5 mars 2023", "2023-03-03/2023-03-05"),
])
def test_absolute_resolves_without_reference(text: str, value: str) -> None:
    m = one(text, None)
    assert (m.value, m.resolved, m.relative) == (value, True, False)


@pytest.mark.parametrize("text", ["la veille du scrutin", "deux jours avant l'examen",
                                  "Un mois plus tard", "trois jours auparavant"])
def test_anchor_on_a_non_date_is_unresolved_even_with_a_reference(text: str) -> None:
    m = one(text)
    assert (m.value, m.resolved) == (None, False)


# ---------------------------------------------------------------------------------------------
# API

def test_offsets_index_the_given_text() -> None:
    text = "Microsoft a été accusé jeudi par Twitter, qui l'avait averti le mois dernier."
    found = find_dates(text, REF)
    assert [span(text, m) for m in found] == ["jeudi", "le mois dernier"]
    assert [m.value for m in found] == ["2023-05-18", "2023-04"]


def test_every_precision_is_declared() -> None:
    samples = ["en 2015", "en mai 2020", "fin mars", "cette semaine", "hier", "à 5h",
               "du 3 au 5 mars"]
    assert {one(s).precision for s in samples} == set(PRECISIONS)


def test_unknown_direction_lists_the_choices() -> None:
    with pytest.raises(ValueError, match="past, future, nearest"):
        find_dates("jeudi", REF, direction="backwards")
    assert DIRECTIONS == ("past", "future", "nearest", "completed")


def test_aware_reference_is_read_as_wall_clock() -> None:
    ref = dt.datetime(2013, 2, 12, 4, 30, tzinfo=dt.timezone(dt.timedelta(hours=-2)))
    assert one("minuit", ref, "future").value == "2013-02-13T00:00"


def test_no_date_words_returns_quickly_empty() -> None:
    assert find_dates("Le ciel est bleu et la mer est calme.", REF) == []


# ---------------------------------------------------------------------------------------------
# Pinned floor on Duckling's French time corpus (the bench, run on a copy of the corpus)

def _bench():
    spec = importlib.util.spec_from_file_location("extraction_time", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_duckling_time_floor() -> None:
    bench = _bench()
    cases = bench.load(DATA / "duckling_fr_time.jsonl")
    results = [bench.evaluate(c) for c in cases]
    scored = [r for r in results if r is not None]
    assert len(scored) >= 300  # the scope must not shrink to make the rate
    assert sum(scored) / len(scored) >= 0.92


def test_duckling_scope_reasons_are_named_categories() -> None:
    bench = _bench()
    cases = bench.load(DATA / "duckling_fr_time.jsonl")
    reasons = {bench.out_of_scope_reason(c) for c in cases} - {None}
    assert reasons == {
        "present_moment", "sub_day_offset", "part_of_day", "weekend", "holiday", "season",
        "ordinal_subperiod", "instant_window", "spaced_numeric_date", "bare_day_of_month",
        "bare_month",
    }
    # clock times are in scope: only offsets counted in hours are out
    assert bench.out_of_scope_reason({"text": "à 15 heures", "expected": {
        "type": "value", "value": "2013-02-12T15:00:00-02:00", "grain": "hour"}}) is None


# ---------------------------------------------------------------------------------------------
# Issue #12 (dates right on real news): one row per reported failure, through the real pipeline
# (clean, spaCy parse, per-date tense, reference window). Sentences are real news phrasing.

ISSUE_12 = [
    # a future date in the same year is the nearest reading
    ("1999-05-20", "Le procès s'ouvrira le 30 juin devant la cour d'assises de Nancy.",
     "le 30 juin", "1999-06-30"),
    ("1999-05-20", "La réunion du conseil municipal a lieu le 16 juillet à la mairie.",
     "le 16 juillet", "1999-07-16"),
    ("1999-07-05", "Le délai de recours court jusqu'au 3 août, précise la préfecture.",
     "3 août", "1999-08-03"),
    ("2008-12-14", "Les députés ont adopté vendredi la suppression de la publicité sur France "
     "Télévisions à partir du 5 janvier.", "5 janvier", "2009-01-05"),
    # ... but a past tense keeps a date half a year back in the past
    ("2023-05-19", "La plateforme, rachetée en octobre par le patron de Tesla, note par ailleurs "
     "que Microsoft a refusé de payer.", "en octobre", "2022-10"),
    # weekdays follow the tense of their own verb, not the sentence's
    ("2008-11-23", "Le Conseil national du Parti socialiste se réunira mardi soir, a déclaré "
     "samedi à l'AFP François Hollande.", "mardi soir", "2008-11-25"),
    ("2008-11-23", "Le Conseil national du Parti socialiste se réunira mardi soir, a déclaré "
     "samedi à l'AFP François Hollande.", "samedi", "2008-11-22"),
    ("2008-12-05", "Le dalaï lama participera samedi à un colloque sur les dangers qui guettent "
     "le monde.", "samedi", "2008-12-06"),
    ("2008-12-14", "Le président de France Télévisions doit recevoir lundi un courrier du "
     "ministère de la Culture.", "lundi", "2008-12-15"),
    ("2008-11-05", "Jacques Segondat est également convoqué jeudi par le CSM.", "jeudi",
     "2008-11-06"),
    # no invented clock time: a day stays a day; a lone clock time takes the day named before
    ("1999-05-21", "Hier, un incendie a ravagé l'entrepôt de la zone industrielle.", "Hier",
     "1999-05-20"),
    ("1999-05-21", "Vendredi soir, le maire a inauguré la nouvelle salle des fêtes.",
     "Vendredi soir", "1999-05-21"),
    ("2008-07-11", "Le dernier JT de Patrick Poivre d'Arvor, jeudi soir sur TF1 à 20H00, a "
     "réalisé un très bon score.", "20H00", "2008-07-10T20:00"),
    # a year is a year
    ("1999-05-21", "Le chantier a commencé en 1999 et devrait s'achever en 2001.", "en 1999",
     "1999"),
    # bare month names and two-digit years
    ("1999-05-21", "Les travaux ont débuté en mars et se sont poursuivis tout avril.", "avril",
     "1999-04"),
    ("2008-07-11", "En attendant septembre et la sortie d'un livre, PPDA a indiqué avoir reçu sa "
     "lettre de licenciement.", "septembre", "2008-09"),
    ("1999-05-21", "Les ventes ont chuté en 97 et en 98, selon le rapport annuel.", "en 97",
     "1997"),
    ("1999-05-21", "Les ventes ont chuté en 97 et en 98, selon le rapport annuel.", "en 98",
     "1998"),
    # anaphoric days count from the previous date of the text
    ("1999-05-21", "Le 12 mai, il a été interpellé à Metz. Le lendemain, il a été remis en "
     "liberté.", "Le lendemain", "1999-05-13"),
    ("1999-05-21", "Le 12 mai, il a été interpellé à Metz. Le même jour, sa compagne a été "
     "entendue.", "Le même jour", "1999-05-12"),
    ("2008-03-16", "Samedi soir, des responsables népalais l'ont confirmé. La veille, de "
     "nombreuses boutiques ont été incendiées.", "La veille", "2008-03-14"),
    ("1999-05-21", "La loi est désormais en vigueur dans tout le département.", "désormais",
     "1999-05-21"),
    # "00 h 10" is ten past midnight
    ("1999-05-21", "L'accident s'est produit à 00 h 10 sur la RN 4.", "00 h 10",
     "1999-05-21T00:10"),
    ("1999-05-21", "Samedi soir vers 0 h 10, une voiture a pris feu.", "Samedi soir vers 0 h 10",
     "1999-05-16T00:10"),
    # "Hier" and "Aujourd'hui" alone, with any apostrophe
    ("1999-05-21", "Hier.", "Hier", "1999-05-20"),
    ("1999-05-21", "Aujourd'hui.", "Aujourd'hui", "1999-05-21"),
    ("1999-05-21", "Aujourd’hui.", "Aujourd’hui", "1999-05-21"),
    ("1999-05-21", "Aujourd‘hui, la ville respire.", "Aujourd‘hui", "1999-05-21"),
    # offsets from the reference
    ("1999-05-21", "Il est arrivé il y a un jour à peine.", "il y a un jour", "1999-05-20"),
    ("1999-05-21", "Le dernier train partira dans une heure.", "dans une heure", "1999-05-21"),
]


def _pipeline_dates(nlp, text: str, date: str, precision: str = "day") -> list:
    from factcheck.extract.pipeline import parse_articles
    from factcheck.model import Article

    article = Article(id="a", path="a", raw=text + "\n", date=dt.date.fromisoformat(date),
                      date_precision=precision)
    (parsed,) = parse_articles([article], nlp)
    return [f for f in parsed.facts if f.type == "date"]


@pytest.mark.parametrize(("ref", "text", "expr", "value"), ISSUE_12)
def test_issue_12_real_sentences(nlp, ref: str, text: str, expr: str, value: str) -> None:
    found = {f.text: f.value for f in _pipeline_dates(nlp, text, ref)}
    assert found.get(expr) == value, found


def test_month_precision_reference_invents_no_day(nlp) -> None:
    # An article dated only "2023-05": "jeudi" is one of five Thursdays, so it stays
    # unresolved; "le mois dernier" is April from every day of May.
    text = ("Alex Spiro, l'avocat d'Elon Musk, a envoyé jeudi une lettre à Satya Nadella. Le mois "
            "dernier, Elon Musk avait accusé Microsoft.")
    found = {f.text: f.value for f in _pipeline_dates(nlp, text, "2023-05-01", "month")}
    assert found == {"jeudi": None, "Le mois dernier": "2023-04"}


def test_extract_and_diff_start_from_the_same_reference() -> None:
    from factcheck.extract.dates import Reference
    from factcheck.extract.pipeline import reference
    from factcheck.model import Article

    article = Article(id="a", path="a", raw="x", date=dt.date(2023, 5, 1), date_precision="month")
    # `diff` (api.compare_articles) starts from this same function before narrowing it.
    assert reference(article) == Reference(dt.date(2023, 5, 1), dt.date(2023, 5, 31))


def test_counted_offset_follows_the_precision_of_its_anchor() -> None:
    text = "En avril déjà, Musk prévenait. Un mois plus tard, le ton se veut plus offensif."
    first = find_dates(text[:30], REF)
    anchor = (dt.date(2023, 4, 1), first[0].precision)
    later = find_dates(text[31:], REF, anchor=anchor)
    assert [(m.value, m.precision) for m in later] == [("2023-05", "month")]
    assert find_dates(text[31:], REF)[0].value is None  # nothing to count from


@pytest.mark.parametrize("text", ["divisé en 12 parts", "depuis 20 ans", "Mars est une planète",
                                  "dans 18 heures"])
def test_new_rules_stay_out_of_non_dates(text: str) -> None:
    assert [m.value for m in find_dates(text, dt.date(2008, 5, 21)) if m.value] == []


@pytest.mark.parametrize(("text", "months"), [
    ("Il a été condamné à 1 an 2 mois de prison ferme.", 14),
    ("Il a été condamné à un an et deux mois de prison.", 14),
])
def test_compound_duration_is_one_amount(text: str, months: int) -> None:
    # "1 an 2 mois" is no date: it is one duration, so "14 mois" elsewhere agrees with it.
    from factcheck.extract.amounts import MONTH_S, find_amounts

    durations = [a for a in find_amounts(text) if a.kind == "duration"]
    assert len(durations) == 1 and round(durations[0].value / MONTH_S) == months
    assert find_dates(text, REF) == []


def test_weekday_and_day_number_is_the_nearest_such_day() -> None:
    # Friday the 18th: June 1999 (four weeks ahead), not December 1998 (five months back).
    assert one("Le verdict est attendu vendredi 18.", dt.date(1999, 5, 21)).value == "1999-06-18"


@pytest.mark.parametrize(("text", "expr", "value"), [
    ("septuple vainqueur de l'épreuve (1999 à 2005), a annoncé sa participation", "1999 à 2005",
     "1999/2005"),
    ("cette journaliste qui avait intégré cette chaîne à la rentrée 1997.", "à la rentrée 1997",
     "1997"),
])
def test_bracketed_year_span_and_school_year(text: str, expr: str, value: str) -> None:
    m = one(text, dt.date(2008, 6, 8))
    assert (span(text, m), m.value) == (expr, value)


@pytest.mark.parametrize(("text", "years"), [
    ("prévues pour 2010 et 2011.", ["2010", "2011"]),
    ("en 2009, 2010 ou 2011", ["2009", "2010", "2011"]),
    ("entre 2010 et 2011", ["2010/2011"]),  # a range stays one interval
    ("de 1500 et 2000 euros", []),  # numbers, not years
])
def test_second_year_of_a_pair(text, years):
    assert [m.value for m in find_dates(text, None)] == years
