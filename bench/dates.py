"""Value accuracy of date resolution on real French news, against gold annotated by reading.

Usage: ``python bench/dates.py [GOLD_JSON] [--misses]`` (default
``bench/data/dates/rpm2_gold.json``; ``bench/data/dates/rpm2_heldout.json`` is a smaller set
annotated after the code was written, see its README). Prints the number of gold expressions, the recall of
expressions found (a date fact overlapping the gold span) and the exact-value accuracy (the
overlapping fact's value equals the gold value at the gold precision), overall and by kind of
expression.

The gold set (see ``bench/data/dates/README.md``) holds sentences of 24 RPM2 articles (2008),
each with the article's publication day worked out from the text and the gold ISO value of
every date expression chosen. Each article's gold sentences are run together, in article order
and separated by blank lines, through the real pipeline (spaCy parse, per-sentence tense,
reference date): the measure is what ``factcheck extract`` gives, not what the regex layer gives
on its own, and anaphoric expressions ("la veille") see the sentences before them.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from factcheck.extract.pipeline import parse_articles  # noqa: E402
from factcheck.load import parse_date  # noqa: E402
from factcheck.model import Article  # noqa: E402
from factcheck.nlp import load_model  # noqa: E402

DEFAULT = REPO / "bench" / "data" / "dates" / "rpm2_gold.json"
_WEEKDAY = re.compile(r"\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b", re.I)
_DAYNUM = re.compile(r"\d{1,2}(?:er)?\s+\w+")
_YEAR = re.compile(r"\b\d{4}\b")


def kind(text: str) -> str:
    """A coarse class of the written expression, to see where errors are."""
    if _YEAR.search(text):
        return "explicit year"
    if _WEEKDAY.search(text) and not _DAYNUM.search(text):
        return "weekday alone"
    if re.search(r"\d", text):
        return "day/time without year"
    return "relative words"


def article_of(doc: dict) -> tuple[Article, list[tuple[int, int, str, str]]]:
    """One article of the gold lines, and the gold spans in its raw text."""
    # The article's title line comes first, as in the file: the cleaner takes the first line
    # of an article for its title, so a gold sentence must not stand in that place.
    parts: list[str] = []
    where: dict[int, int] = {}
    pos = 0
    if doc["lines"][0]["line"] != 0:
        parts.append(doc["title"])
        pos = len(doc["title"]) + 2
    for line in doc["lines"]:
        where[line["line"]] = pos
        parts.append(line["text"])
        pos += len(line["text"]) + 2
    raw = "\n\n".join(parts) + "\n"
    date, precision = parse_date(doc["ref"], doc["doc"])
    article = Article(id=doc["doc"], path=doc["doc"], raw=raw, date=date,
                      date_precision=precision)
    spans = [(where[g["line"]] + g["start"], where[g["line"]] + g["end"], g["text"], g["value"])
             for g in doc["gold"]]
    return article, spans


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("gold", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--misses", action="store_true", help="print every wrong or missed value")
    args = parser.parse_args()
    docs = json.loads(args.gold.read_text(encoding="utf-8"))
    pairs = [article_of(d) for d in docs]
    parsed = list(parse_articles([a for a, _ in pairs], load_model))
    total, found, exact = Counter(), Counter(), Counter()
    for (article, spans), p in zip(pairs, parsed, strict=True):
        dates = [f for f in p.facts if f.type == "date"]
        for start, end, text, gold in spans:
            k = kind(text)
            total[k] += 1
            overlapping = [f for f in dates if f.start < end and start < f.end]
            if not overlapping:
                if args.misses:
                    print(f"MISSED {article.id} ref {article.date}: {text!r} gold {gold}")
                continue
            best = max(overlapping, key=lambda f: min(f.end, end) - max(f.start, start))
            found[k] += 1
            if best.value == gold:
                exact[k] += 1
            elif args.misses:
                print(f"WRONG  {article.id} ref {article.date}: {text!r} -> {best.text!r} "
                      f"= {best.value} gold {gold}")
    n, nf, ne = sum(total.values()), sum(found.values()), sum(exact.values())
    print(f"{len(docs)} articles, {n} gold date expressions")
    for k in sorted(total):
        print(f"  {k:24s} {total[k]:4d}  found {found[k] / total[k]:6.1%}  "
              f"exact {exact[k] / total[k]:6.1%}")
    print(f"recall of expressions found: {nf}/{n} = {nf / n:.1%}")
    print(f"exact-value accuracy: {ne}/{n} = {ne / n:.1%}")


if __name__ == "__main__":
    main()
