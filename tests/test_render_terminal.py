"""The terminal report: layout at several widths, colour on and off, and article text kept intact.

Most tests use :func:`tiny_report`, a report built by hand from the model's records (no spaCy),
so they run in milliseconds; the ones marked ``model`` use the seed story or a real comparison.
"""

from __future__ import annotations

import re

import pytest

from factcheck.api import Report
from factcheck.model import Article, Evidence, Finding, Parsed, Sentence, Severity, Token
from factcheck.render import diffview, terminal

ANSI = re.compile(r"\x1b\[[0-9;]*m")

# Three sources about one payment. The quote carries rich-markup look-alikes that must survive.
TEXTS = {
    "afp": "Le groupe a payé 870 millions d'euros jeudi. « Nous avons [sic] presque tout payé "
           "[/b] », dit le patron.",
    "ats": "Le groupe a payé 780 millions d'euros jeudi. « Nous avons [sic] tout payé [/b] », "
           "dit le patron. Une phrase seule ici avec Jean Dupont [bold]:fire:.",
    "lemonde": "Le groupe a payé 780 millions d'euros.",
}


def _tokens(raw: str, start: int, end: int) -> tuple[Token, ...]:
    return tuple(Token(m.group(), m.group().lower(), "X", "", start + m.start(), start + m.end(),
                       is_punct=not m.group()[0].isalnum())
                 for m in re.finditer(r"\w+|[^\w\s]", raw[start:end]))


def _sentences(raw: str) -> tuple[Sentence, ...]:
    out = []
    for m in re.finditer(r"[^.]+?(?:\.|$)(?:\s*»[^.]*\.)?", raw):
        text = m.group().strip()
        if not text:
            continue
        start = raw.index(text, m.start())
        out.append(Sentence(len(out), text, start, start + len(text),
                            _tokens(raw, start, start + len(text))))
    return tuple(out)


def ev(source: str, text: str, value: object = None, nth: int = 0, **extra: object) -> Evidence:
    raw = TEXTS[source]
    start = -1
    for _ in range(nth + 1):
        start = raw.index(text, start + 1)
    return Evidence(source, text, text if value is None else value, start, start + len(text), 1,
                    start + 1, dict(extra))


def tiny_report() -> Report:
    """A hand-built report with one of each kind of finding the renderers draw."""
    articles = tuple(Article(id=i, path=f"{i}.txt", raw=t, title="Paiement" if i == "ats" else None,
                             outlet="AFP" if i == "afp" else None)
                     for i, t in sorted(TEXTS.items()))
    parsed = tuple(Parsed(a, _sentences(a.raw), ()) for a in articles)
    amount = (ev("afp", "870 millions d'euros", 870e6, unit="EUR"),
              ev("ats", "780 millions d'euros", 780e6, unit="EUR"),
              ev("lemonde", "780 millions d'euros", 780e6, unit="EUR"))
    quote_a = "Nous avons [sic] presque tout payé [/b]"
    quote_b = "Nous avons [sic] tout payé [/b]"
    sentence_afp = parsed[0].sentences[1]
    sentence_ats = parsed[1].sentences[1]
    results = (
        Finding("amount-mismatch", "disagreement", Severity.ERROR, "amount",
                "Amounts differ: 870 millions d'euros / 780 millions d'euros", amount,
                support={"870 millions d'euros": 1, "780 millions d'euros": 2}),
        Finding("quote-wording", "disagreement", Severity.WARNING, "quote",
                "The same quote is worded differently: 'presque' added",
                (ev("afp", quote_a), ev("ats", quote_b)), explanation="2 readings among 2 sources",
                support={quote_a: 1, quote_b: 1}),
        Finding("wording-variant", "disagreement", Severity.INFO, "wording",
                "Worded differently: “presque” (afp) / nothing (ats)",
                (ev("afp", "presque", sentence=sentence_afp.text,
                    sentence_start=sentence_afp.start),
                 Evidence("ats", sentence_ats.text, "", sentence_ats.start, sentence_ats.end, 1,
                          sentence_ats.start + 1, {"sentence": sentence_ats.text,
                                                   "sentence_start": sentence_ats.start,
                                                   "missing": True})),
                support={"presque": 1, "(nothing)": 1}),
        Finding("single-source", "single_source", Severity.INFO, "person",
                "Only in ats: Jean Dupont", (ev("ats", "Jean Dupont"),)),
        Finding("single-source", "single_source", Severity.INFO, "wording",
                "Only in ats: Une phrase seule ici",
                (ev("ats", "Une phrase seule ici avec Jean Dupont [bold]:fire:."),)),
        Finding("agreement", "agreement", Severity.INFO, "date", "2 sources agree: jeudi",
                (ev("afp", "jeudi", "2023-05-18"), ev("ats", "jeudi", "2023-05-18")),
                support={"jeudi": 2}),
    )
    return Report(articles=articles, results=results, problems=(), parsed=parsed,
                  notes=("lemonde: no date",))


@pytest.fixture(scope="module")
def tiny() -> Report:
    return tiny_report()


def lines_fit(text: str, width: int) -> bool:
    return all(len(ANSI.sub("", line)) <= width for line in text.splitlines())


@pytest.mark.parametrize("width", [80, 100, 160])
@pytest.mark.parametrize("color", [False, True])
def test_every_line_fits_the_width(tiny, width, color):
    out = terminal.render(tiny, width=width, color=color)
    assert lines_fit(out, width)
    assert ("\x1b[" in out) is color


@pytest.mark.parametrize("color", [False, True])
def test_article_text_is_never_markup(tiny, color):
    out = ANSI.sub("", terminal.render(tiny, width=160, color=color, details=True))
    assert "[sic]" in out and "[/b]" in out and "[bold]:fire:" in out


def test_header_sources_counts_and_borrowed_date():
    import dataclasses
    import datetime as dt

    report = tiny_report()
    borrowed = dataclasses.replace(report.articles[2], date=dt.date(2023, 5, 18),
                                   date_precision="day", date_borrowed_from="ats")
    report = dataclasses.replace(report, articles=(*report.articles[:2], borrowed))
    out = terminal.render(report, width=100)
    # The report leads with the counts and the disagreements; the sources close it.
    first = out.splitlines()[0]
    assert first.startswith("Disagreements 3 (1 error, 1 warning, 1 info)")
    assert "Agreements 1" in first and "Single-source 2" in first
    tail = out.split("Only in one source")[1]
    assert "Sources" in tail and "AFP" in tail and "Paiement" in tail
    assert "2023-05-18, from ats" in tail
    assert "note: lemonde: no date" in tail
    assert out.index("== Disagreements (3)") < out.index("\nSources\n")


def test_disagreements_come_first_worst_type_first(tiny):
    out = terminal.render(tiny, width=100)
    assert out.index("Disagreements (3)") < out.index("Facts across sources") < out.index(
        "Only in one source")
    assert out.index("Amounts (1)") < out.index("Quotes (1)") < out.index("Wording (1)")
    assert out.index("ERROR") < out.index("WARNING") < out.index("INFO")


def test_support_and_inline_diff_in_plain_text(tiny):
    out = terminal.render(tiny, width=100)
    assert "2 of 3 sources say “780 millions d'euros” (ats, lemonde)" in out
    assert "1 of 3 sources say “870 millions d'euros” (afp)" in out
    # The differing words are spelt out without colour; the shared ones are not marked.
    assert "*870* millions" in out and "*780* millions" in out
    assert "*presque*" in out
    assert "*tout*" not in out
    # The explanation only repeats the reading count, which the readings already give.
    assert "2 readings among" not in out
    # A source that lacks the words shows its sentence and says so.
    assert "(nothing here)" in out


def test_colour_replaces_the_plain_markers(tiny):
    out = terminal.render(tiny, width=100, color=True)
    plain = ANSI.sub("", out)
    assert "*870*" not in plain and "≠" not in plain
    assert "\x1b[7" in out or ";7m" in out  # reverse video on the differing words


def test_side_by_side_when_wide_stacked_when_narrow(tiny):
    wide = terminal.render(tiny, width=160)
    narrow = terminal.render(tiny, width=80)
    # Side by side, the source names head columns on one line.
    assert re.search(r"afp 1:\d+ +ats 1:\d+ +lemonde 1:\d+", wide)
    assert not re.search(r"afp 1:\d+ +ats 1:\d+", narrow)
    assert re.search(r"^ +afp 1:\d+ +Le groupe a payé \*870\*", narrow, re.M)


def test_fact_matrix_cells(tiny):
    out = terminal.render(tiny, width=100)
    matrix = out.split("Facts across sources")[1].split("Only in one source")[0]
    rows = {line.split()[0] + line.split()[1]: line for line in matrix.splitlines()
            if line.startswith(("amount", "date"))}
    amount = rows["amount≠"]
    assert "≠ 870 millions EUR" in amount and amount.count("780 millions EUR") == 2
    date = rows["date2023-05-18"]
    assert date.rstrip().endswith("-")  # lemonde does not give the day


def test_single_source_facts_before_sentences(tiny):
    out = terminal.render(tiny, width=100, details=True)
    singles = out.split("Only in one source")[1]
    assert "ats  1 fact, 1 sentence" in singles
    assert singles.index("person") < singles.index("sentence  Une phrase seule")


def test_single_source_details_are_counted_per_source_by_default(tiny):
    out = terminal.render(tiny, width=100)
    singles = out.split("== Only in one source (2)")[1].split("\nSources\n")[0]
    assert re.search(r"^ats +1 fact \(1 person\), 1 sentence$", singles, re.M)
    assert "Une phrase seule" not in out  # counted, not listed
    assert "--details" in singles
    listed = terminal.render(tiny, width=100, details=True)
    assert "Une phrase seule" in listed
    assert len(listed.splitlines()) > len(out.splitlines())


def test_empty_sections_say_so():
    import dataclasses

    report = dataclasses.replace(tiny_report(), results=())
    out = terminal.render(report, width=80)
    assert "None: every fact found in two or more sources agrees." in out
    assert "No fact is found in two or more sources." in out


def test_default_width_is_the_terminal_s(tiny, monkeypatch):
    monkeypatch.setenv("COLUMNS", "90")
    out = terminal.render(tiny)
    assert lines_fit(out, 90)
    assert any(len(line) > 80 for line in out.splitlines())


def test_view_model_orders_readings_by_support(tiny):
    amount = tiny.results[0]
    readings = diffview.readings(amount)
    assert [(r.text, r.count, r.total) for r in readings] == [
        ("780 millions d'euros", 2, 3), ("870 millions d'euros", 1, 3)]


def test_changed_words_ignore_typography():
    assert diffview.changed_words("l’API de la plateforme", "l'API de Twitter") == [(9, 22)]
    assert diffview.changed_words("« long terme »", '"long-terme"') == [(2, 12)]
    assert diffview.changed_words("même texte", "Même texte") == []


# -- with the spaCy model ---------------------------------------------------------------------
@pytest.mark.model
@pytest.mark.parametrize("width", [80, 160])
@pytest.mark.parametrize("color", [False, True])
def test_seed_report_reads_at_each_width(seed_report, width, color):
    out = terminal.render(seed_report, width=width, color=color)
    plain = ANSI.sub("", out)
    assert lines_fit(out, width)
    for needle in ("Sources", "Disagreements", "Facts across sources", "Only in one source",
                   "communiqué", "communiquées", "2 of 3 sources say"):
        assert needle in plain
    if not color:
        assert "*communiquées*" in out and "\x1b[" not in out


@pytest.mark.model
def test_quotes_with_markup_look_alikes_from_real_sources(nlp):
    from factcheck.api import compare

    a = ("Le ministre a déclaré jeudi : « Nous avons [sic] tout payé [/b] [red]en 2022 ». "
         "Le budget atteint 3 millions d'euros.")
    b = ("Le ministre a déclaré jeudi : « Nous avons [sic] presque tout payé [/b] [red]en 2022 ». "
         "Le budget atteint 3 millions d'euros.")
    report = compare([("a", a), ("b", b)], date="2023-05-19")
    for color in (False, True):
        out = ANSI.sub("", terminal.render(report, width=120, color=color))
        assert "[sic]" in out
        assert "[/b]" in out
        assert "[/b] [red]en 2022" in out


@pytest.mark.parametrize(("text", "value", "extra", "shown"), [
    ("quinze ans", 473364000.0, {"unit": "s", "kind": "duration"}, "15 ans"),
    ("trente mois", 78894000.0, {"unit": "s", "kind": "duration"}, "30 mois"),
    ("deux semaines", 1209600.0, {"unit": "s", "kind": "duration"}, "2 semaines"),
    ("1h30", 5400.0, {"unit": "s", "kind": "duration"}, "1,5 heure"),
    ("entre 10 et 15 jours", 864000.0, {"unit": "s", "kind": "duration", "high": 1296000.0},
     "10–15 jours"),
    ("26 milliards de tweets", 26e9, {"unit": "tweet", "kind": "count"}, "26 milliards tweet"),
    ("26 000 milliards d'euros", 2.6e13, {"unit": "EUR", "kind": "money"},
     "26 000 milliards EUR"),
    ("3,5 milliards d'euros", 3.5e9, {"unit": "EUR"}, "3,5 milliards EUR"),
    ("1,2 million", 1.2e6, {}, "1,2 million"),
    ("2 millions de dollars par an", 2e6, {"unit": "USD", "period": "year"},
     "2 millions USD/an"),
    ("âgée de 20 ans", 20, {"unit": "year", "kind": "age"}, "20 ans"),
    ("18.000 foyers", 18000, {"unit": "foyer"}, "18 000 foyer"),
    ("2,5 %", 2.5, {"unit": "%"}, "2,5 %"),
    ("20 kilomètres", 20000.0, {"unit": "m", "kind": "quantity"}, "20 km"),
    ("2,5 hectares", 25000.0, {"unit": "m²", "kind": "quantity"}, "2,5 ha"),
    ("12 000 km²", 1.2e10, {"unit": "m²", "kind": "quantity"}, "12 000 km²"),
    ("3 tonnes", 3000.0, {"unit": "kg", "kind": "quantity"}, "3 t"),
    ("10 MWh", 1e7, {"unit": "Wh", "kind": "quantity"}, "10 MWh"),
    ("jusqu'à 130 km/h", 130.0, {"unit": "km/h", "kind": "quantity"}, "130 km/h"),
    ("300 mètres", 300.0, {"unit": "m", "kind": "quantity"}, "300 m"),
])
def test_values_are_shown_in_the_article_s_units(text, value, extra, shown):
    from factcheck.model import Evidence

    e = Evidence("a", text, value, 0, len(text), 1, 1, extra)
    got = diffview.short_value("amount", e)
    assert got == shown
    assert "e+" not in got and not got.endswith(" s")
