"""What a good report on the three seed articles shows (the foundation issue's checklist)."""

from __future__ import annotations

import pytest

CLUTTER = ("Caetano", "Djokovic", "Wembanyama", "Outlook", "Désespéré", "suivez-nous",
           "Shevchenko", "BTB", "/ATS", "New York Times\nSource", "Source :")


def findings(report, status=None, rule=None, type_=None):
    return [f for f in report.results
            if (status is None or f.status == status) and (rule is None or f.rule == rule)
            and (type_ is None or f.type == type_)]


def test_inflection_variant_is_a_low_severity_disagreement(seed_report):
    hits = [f for f in findings(seed_report, "disagreement")
            if {e.text for e in f.evidence} >= {"communiquées", "communiqué"}]
    assert len(hits) == 1
    f = hits[0]
    assert f.rule == "inflection-variant" and str(f.severity) in ("info", "warning")
    assert {e.source: e.text for e in f.evidence} == {"ats": "communiquées",
                                                       "afp-republished": "communiqué"}
    assert "communiquer" in f.message and "gender" in f.message


@pytest.mark.parametrize(("value", "unit"), [(780_000_000, "fois"), (26_000_000_000, "tweet")])
def test_amounts_agree_across_all_three(seed_report, value, unit):
    hits = [f for f in findings(seed_report, "agreement", type_="amount")
            if f.evidence[0].value == value]
    assert len(hits) == 1
    assert {e.source for e in hits[0].evidence} == {"ats", "01net", "afp-republished"}
    assert {e.extra["unit"] for e in hits[0].evidence} == {unit}


@pytest.mark.parametrize(("value", "texts"), [
    ("2023-04", {"le mois dernier", "En avril"}),
    ("2022-10", {"en octobre", "en octobre 2022"}),
    ("2023-05-18", {"jeudi", "jeudi 18 mai"}),
])
def test_relative_dates_agree_with_absolute_ones(seed_report, value, texts):
    hits = [f for f in findings(seed_report, "agreement", type_="date")
            if f.evidence[0].value == value]
    assert len(hits) == 1
    assert {e.text for e in hits[0].evidence} == texts
    assert {e.source for e in hits[0].evidence} == {"ats", "01net", "afp-republished"}


@pytest.mark.parametrize(("type_", "text"), [
    ("amount", "2 millions de dollars par an"),
    ("date", "le 9 février"),
    ("person", "Frank Shaw"),
])
def test_01net_only_details_are_single_source(seed_report, type_, text):
    hits = [f for f in findings(seed_report, "single_source", type_=type_)
            if f.evidence[0].text == text]
    assert len(hits) == 1 and hits[0].evidence[0].source == "01net"


def test_rate_keeps_its_period(seed_report):
    [f] = [f for f in findings(seed_report, "single_source", type_="amount")
           if f.evidence[0].text == "2 millions de dollars par an"]
    e = f.evidence[0]
    assert (e.value, e.extra["unit"], e.extra["period"]) == (2_000_000, "USD", "year")


def test_quotes_worded_differently_in_01net(seed_report):
    quotes = findings(seed_report, "disagreement", rule="quote-wording")
    texts = {e.text for f in quotes for e in f.evidence if e.source == "01net"}
    assert any("utilisant l’API de la plateforme" in t for t in texts)
    assert any("impatiente de poursuivre" in t for t in texts)


def test_nothing_from_page_clutter(seed_report):
    for f in seed_report.results:
        for e in f.evidence:
            for word in CLUTTER:
                assert word not in e.text, (f.rule, e.text)
    raw = {a.id: a.raw for a in seed_report.articles}
    headline_end = raw["afp-republished"].index("Twitter accuse Microsoft d'utilisation")
    for p in seed_report.parsed:
        for fact in p.facts:
            if p.article.id == "afp-republished":
                assert fact.start >= headline_end, fact
            assert "Shevchenko" not in fact.text and "lire aussi" not in fact.text.lower()


def test_no_serious_disagreement_between_wire_copies(seed_report):
    serious = [f for f in findings(seed_report, "disagreement") if str(f.severity) == "error"]
    assert serious == [], [f.message for f in serious]


def test_borrowed_dates_are_reported(seed_report):
    dates = {a.id: a.date_borrowed_from for a in seed_report.articles}
    assert dates == {"ats": None, "01net": "ats", "afp-republished": "ats"}
    assert any("borrowed" in n for n in seed_report.notes)
