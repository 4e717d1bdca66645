"""The HTML report: self-contained, escaped, highlights with anchors, and it renders in a browser.

The browser test runs headless Chromium (``apt-get install -y chromium``) and is skipped, with the
reason, where it is not installed.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from factcheck.model import Evidence, Finding, Severity
from factcheck.render import html

from .test_render_terminal import TEXTS, tiny_report

ROOT = Path(__file__).resolve().parent.parent


def load_screenshot_module():
    spec = importlib.util.spec_from_file_location("fc_screenshot", ROOT / "examples" / "screenshot.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Collect(HTMLParser):
    """Tags, ids, links and text of a page, to check structure without a browser."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if a.get("id"):
            assert a["id"] not in self.ids, f"duplicate id {a['id']}"
            self.ids.add(a["id"])
        if tag == "a" and a.get("href"):
            self.hrefs.append(a["href"])

    def handle_data(self, data):
        self.text.append(data)


def parse(page: str) -> Collect:
    c = Collect()
    c.feed(page)
    return c


@pytest.fixture(scope="module")
def tiny_page() -> str:
    return html.render(tiny_report())


def test_self_contained_and_deterministic(tiny_page):
    assert tiny_page.startswith("<!DOCTYPE html>")
    assert html.render(tiny_report()) == tiny_page
    c = parse(tiny_page)
    for tag, a in c.tags:
        assert tag not in ("link", "img", "iframe")
        assert not (a.get("src") or "").strip(), "no external (or any) src"
    assert not re.search(r"(?:src|href)\s*=\s*[\"']?(?:https?:)?//", tiny_page)
    assert "@import" not in tiny_page and "url(" not in tiny_page


def test_article_text_is_escaped():
    nasty = "<script>alert('x')</script> & <b>gras</b>"
    report = tiny_report()
    a = report.articles[1]
    raw = a.raw + " " + nasty
    start = raw.index(nasty)
    art = dataclasses.replace(a, raw=raw)
    parsed = list(report.parsed)
    p = parsed[1]
    from factcheck.model import Sentence

    parsed[1] = dataclasses.replace(p, article=art, sentences=(*p.sentences, Sentence(
        len(p.sentences), nasty, start, start + len(nasty))))
    single = Finding("single-source", "single_source", Severity.INFO, "quote",
                     f"Only in ats: {nasty}",
                     (Evidence("ats", nasty, nasty, start, start + len(nasty), 1, start + 1),))
    report = dataclasses.replace(report, articles=(report.articles[0], art, report.articles[2]),
                                 parsed=tuple(parsed), results=(*report.results, single))
    page = html.render(report)
    assert "<script>alert" not in page and "<b>gras</b>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &lt;b&gt;gras&lt;/b&gt;" in page
    assert page.count("<script>") == 1  # only the report's own


def test_markup_look_alikes_are_shown_as_written(tiny_page):
    text = "".join(parse(tiny_page).text)
    assert "Nous avons [sic] presque tout payé [/b]" in text
    assert "[bold]:fire:" in text


def test_every_finding_is_listed_and_links_to_its_evidence(tiny_page):
    report = tiny_report()
    c = parse(tiny_page)
    for n, f in enumerate(report.results):
        assert f"f{n}" in c.ids
        for k, _ in enumerate(f.evidence):
            assert f"e{n}-{k}" in c.ids, f"no anchor for evidence {k} of finding {n}"
            assert f"#e{n}-{k}" in c.hrefs
    for href in c.hrefs:
        if href.startswith("#"):
            assert href[1:] in c.ids, f"dangling link {href}"


def test_highlights_are_typed_and_marked(tiny_page):
    marks = re.findall(r'<mark class="hl ([^"]+)" data-f="([^"]+)"[^>]*>(.*?)</mark>', tiny_page)
    classes = {m[0] for m in marks}
    assert "st-disagreement sev-error t-amount" in classes
    assert "st-disagreement sev-warning t-quote" in classes
    assert "st-agreement sev-info t-date" in classes
    assert "st-single_source sev-info t-person" in classes
    # The differing words inside a disagreement are marked; the shared ones are not.
    changed = re.findall(r'<b class="chg">([^<]*)</b>', tiny_page)
    assert "870" in changed and "780" in changed and "presque" in changed
    assert "tout" not in changed
    # A sentence only one source has is styled as a whole; a missing counterpart is pointed at.
    assert re.search(r'<span class="sent hl st-single_source[^"]*" data-base="sent hl"', tiny_page)
    assert "⁁ missing here" in tiny_page


def test_filters_cover_every_status_severity_and_type(tiny_page):
    boxes = re.findall(r'<input type="checkbox" checked data-group="(\w+)" value="([\w-]+)"',
                       tiny_page)
    assert set(boxes) == {("status", "disagreement"), ("status", "agreement"),
                          ("status", "single_source"), ("severity", "error"),
                          ("severity", "warning"), ("severity", "info"), ("type", "amount"),
                          ("type", "quote"), ("type", "wording"), ("type", "person"),
                          ("type", "date")}


def test_sources_are_side_by_side_and_aligned(tiny_page):
    table = tiny_page.split('<table class="aligned"')[1].split("</table>")[0]
    assert re.findall(r'<th scope="col">([^<]+)</th>', table) == sorted(TEXTS)
    first_row = table.split("<tr", 3)[2]
    # The first sentence of each source says the same thing: one row, three cells.
    assert first_row.count('<span class="sent') == 3


def test_sentence_rows_keep_every_column_in_order():
    report = tiny_report()
    rows = html.sentence_rows(report)
    for p in report.parsed:
        seen = [i for row in rows for i in row.get(p.article.id, [])]
        assert seen == [s.index for s in p.sentences]


@pytest.mark.model
def test_seed_rows_keep_every_column_in_order(seed_report):
    rows = html.sentence_rows(seed_report)
    for p in seed_report.parsed:
        seen = [i for row in rows for i in row.get(p.article.id, [])]
        assert seen == [s.index for s in p.sentences]
    assert any(len(row) == 3 for row in rows)


# -- in a browser -------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def chromium():
    shots = load_screenshot_module()
    if shots.find_chromium() is None:
        pytest.skip("chromium is not installed (apt-get install -y chromium)")
    return shots


@pytest.mark.model
def test_renders_in_headless_chromium(chromium, seed_report, tmp_path):
    page = tmp_path / "report.html"
    page.write_text(html.render(seed_report), encoding="utf-8")
    n = len(seed_report.results)
    dom = chromium.dump_dom(page)
    assert 'data-js="ready"' in dom, "the inline script did not run"
    visible = int(re.search(r'data-visible-marks="(\d+)"', dom).group(1))
    highlights = re.findall(r'class="((?:sent |missing )?hl [^"]*)"', dom)
    assert visible == len(highlights) > 20
    assert not any(c.endswith(" off") for c in highlights)
    assert f"{n} of {n} findings shown" in dom
    # Unticking statuses (here through the page's ?off= parameter) hides their highlights.
    dom = chromium.dump_dom(page, "?off=agreement,single_source")
    disagreements = sum(1 for f in seed_report.results if f.status == "disagreement")
    assert f"{disagreements} of {n} findings shown" in dom
    shown = re.findall(r'<mark class="hl ([^"]*)"', dom)
    assert all(c == "off" or c.startswith("st-disagreement") for c in shown)
    assert any(c.startswith("st-disagreement") for c in shown)


@pytest.mark.model
def test_screenshot(chromium, seed_report, tmp_path):
    page = tmp_path / "report.html"
    page.write_text(html.render(seed_report), encoding="utf-8")
    png = chromium.screenshot(page, tmp_path / "report.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert png.stat().st_size > 20_000  # not a blank page
