"""Benchmark the number/amount extractors on the peer suites (Duckling FR corpora, text2num FR).

Usage: ``python bench/extraction.py [FOLDER]`` (default ``../shared/cases/extraction`` relative
to the repository root). Prints, per file, the pass rate on the in-scope cases and how many cases
were left out of scope, by category.

Honesty rule: a case passes only if the extractor, run on the case text alone, returns exactly one
item and that item has the expected value and unit (for money intervals: the expected bounds and
the qualifier's direction; for Duckling's negative corpus: no item of that dimension at all).
Ordinals are read with ``find_ordinals``, numerals and every measured dimension with
``find_amounts``, text2num's whole-string cases with ``parse_number``/``parse_ordinal`` and its
running-text cases (alpha2digit) with ``find_number_words`` + ``find_ordinals``, comparing the list
of values with the numbers in text2num's expected output.

Scope is what a French news fact-checker needs. Excluded categories, decided from the case
itself and never from our result:

* ``cooking measures`` (quantity: "2 tasses de café", "3 cuillères à soupe"): recipe units, not
  news facts; the extractor reports them as plain counts of "tasses".
* ``slang money`` ("3 balles", "3 pouloutes"): spoken slang, "balles" is bullets/balls in news.
* ``bare "livres" as money``: in news "livres" alone means books; pounds are "livres sterling".
* ``"3k" as kilometres``: in news copy "k" after a figure is the thousand suffix ("10k€").
* ``bare un/une as a numeral``: an article by design (the spec: "un"/"une" alone is no amount).
* ``SI prefix / leading comma`` (",0012G"): engineering notation, never in French news.
* ``mixed words and digits`` ("trente 3"): not how numbers are written.
* ``detached minus`` ("- 1.200.000"): a spaced dash is a list bullet or an aside in news copy, so
  it is read as a sign only before a temperature.
* ``digit-by-digit readings`` (text2num "zéro neuf soixante" -> "09 60", "+33"): speech
  transcription of phone numbers and codes, which news prints in digits.
* ``display threshold`` (text2num alpha2digit cases whose expected output keeps a cardinal or an
  ordinal word as words, e.g. "Je dis virgule cinq", "première seconde"): text2num's choice of what
  to print; our finder reports every cardinal except isolated articles.
* ``signed mode`` (text2num ``signed=True``): reading "plus vingt" as +20 is a transcription
  convention; the amounts finder handles signs where news uses them (temperatures, "moins 15").
* ``articles converted`` (text2num ``threshold=0`` turning "un article" into "1 article"):
  contradicts the article rule above.
* ``strict text2num mode`` (python text2num's non-relaxed output "4 20 15" for "quatre vingt
  quinze"): the same input's relaxed/rust expectation (95) is standard French and is kept.

Time expressions (``duckling_fr_time.jsonl``) are evaluated by ``bench/extraction_time.py`` when
that file exists (``evaluate(case) -> bool | None`` and ``out_of_scope_reason(case)``).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import re
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from factcheck.extract.amounts import Amount, find_amounts, qualifier_direction  # noqa: E402
from factcheck.extract.numbers import (  # noqa: E402
    find_number_words,
    find_ordinals,
    parse_number,
    parse_ordinal,
)

Result = tuple[str, str]  # ("pass" | "fail" | "skip", detail or exclusion category)

# Why each category is out of scope (kept in step with the module docstring).
WHY = {
    "cooking measures": "recipe units, not news facts",
    "slang money": "spoken slang; 'balles' means bullets or balls in news",
    'bare "livres" as money': "'livres' alone means books in news; pounds are 'livres sterling'",
    '"3k" as kilometres': "'k' after a figure is the thousand suffix in news ('10k€')",
    "bare un/une as a numeral": "an article by design: 'un'/'une' alone is no amount",
    "SI prefix / leading comma": "engineering notation (',0012G'), never in French news",
    "mixed words and digits": "'trente 3' is not how numbers are written",
    "detached minus": "a spaced dash is a list bullet in news; a sign only before temperatures",
    "digit-by-digit readings": "speech transcription of phone numbers and codes ('09 60')",
    "display threshold": "text2num's choice to leave isolated small numbers as words",
    "signed mode": "reading 'plus vingt' as +20 is a transcription convention",
    "articles converted": "turning the article 'un' into 1 contradicts the article rule",
    "strict text2num mode": "python text2num's non-relaxed split of 'quatre vingt' (80)",
}

MONEY_UNITS = {"Dollar": "USD", "Pound": "GBP", "Rial": "IRR", "Riyal": "SAR"}
QUANTITY_UNITS = {
    "Kilometre": ("m", 1000.0), "Metre": ("m", 1.0), "Centimetre": ("m", 0.01),
    "Mile": ("m", 1609.344), "Millilitre": ("l", 0.001), "Centilitre": ("l", 0.01),
    "Litre": ("l", 1.0), "Hectolitre": ("l", 100.0), "Gallon": ("l", 3.785411784),
    "Celsius": ("°C", 1.0), "Fahrenheit": ("°F", 1.0), "Degree": ("°", 1.0),
}
YEAR = 365.25 * 86400
DURATION_SECONDS = {
    "second": 1.0, "minute": 60.0, "hour": 3600.0, "day": 86400.0, "week": 7 * 86400.0,
    "month": YEAR / 12, "quarter": YEAR / 4, "year": YEAR,
}


def _close(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _one(items: list[Amount]) -> Amount | None:
    return items[0] if len(items) == 1 else None


def _describe(items: list[Any]) -> str:
    return "; ".join(repr(i) for i in items) or "nothing"


# ---------------------------------------------------------------------------------------------
# Duckling dimensions


def duckling_scope(case: dict[str, Any]) -> str | None:
    text, dim = case["text"], case["dim"]
    exp = case.get("expected") or {}
    if dim == "quantity":
        return "cooking measures"
    if dim == "amountofmoney":
        if exp.get("unit") == "Unnamed":
            return "slang money"
        if re.search(r"\blivres?\b", text, re.I) and "sterling" not in text.lower():
            return 'bare "livres" as money'
    if dim == "distance" and re.fullmatch(r"\d+k", text.strip()):
        return '"3k" as kilometres'
    if dim == "numeral":
        if text.strip().lower() in ("un", "une"):
            return "bare un/une as a numeral"
        if re.search(r"(?:^|[^\d]),\d|\dG\b", text):
            return "SI prefix / leading comma"
        if re.fullmatch(r"(?!moins\b)[^\W\d_]+\s+\d+", text.strip(), re.I):
            return "mixed words and digits"
        if re.match(r"\s*[-−]\s+\d", text):
            return "detached minus"
    return None


def eval_duckling(case: dict[str, Any]) -> Result:
    reason = duckling_scope(case)
    if reason:
        return "skip", reason
    text, dim = case["text"], case["dim"]
    exp = case.get("expected")
    if dim == "ordinal":
        found = find_ordinals(text)
        ok = len(found) == 1 and found[0].value == exp["value"]
        return ("pass" if ok else "fail"), _describe(found)
    items = find_amounts(text)
    if case.get("negative"):
        kinds = {"duration": ("duration", "age")}.get(dim, (dim,))
        bad = [a for a in items if a.kind in kinds]
        return ("fail" if bad else "pass"), _describe(items)
    a = _one(items)
    if a is None:
        return "fail", _describe(items)
    if dim == "numeral":
        ok = a.kind == "number" and _close(a.value, exp["value"])
    elif dim == "duration":
        ok = a.kind == "duration" and _close(a.value, exp["value"] * DURATION_SECONDS[exp["unit"]])
    elif dim == "amountofmoney":
        ok = a.kind == "money" and a.unit == MONEY_UNITS.get(exp["unit"], exp["unit"])
        if exp["type"] == "value":
            ok = ok and _close(a.value, exp["value"]) and a.high is None
        elif "open" in exp:
            direction = "above" if exp["open"] == "above" else "below"
            bound = exp.get("from", exp.get("to"))
            ok = ok and _close(a.value, bound) and qualifier_direction(a.qualifier) == direction
        else:
            ok = ok and _close(a.value, exp["from"]) and _close(a.high, exp["to"])
    else:  # distance, volume, temperature
        unit, factor = QUANTITY_UNITS[exp["unit"]]
        ok = a.kind == "quantity" and a.unit == unit and _close(a.value, exp["value"] * factor)
    return ("pass" if ok else "fail"), _describe(items)


# ---------------------------------------------------------------------------------------------
# text2num

_ORD_SUFFIX = re.compile(r"(\d+)(?:ème|èmes|er|nd|e)$")
_EXPECTED_TOKEN = re.compile(r"(?<![\w,])([+-]?\d+(?:,\d+)?)(ème|èmes|er|nd)?(?![\w])")
# Number words left as words in text2num's expected output. "neuf" is not listed: there it is
# the adjective "new", which is a question of meaning (tested), not of display.
_CARDINAL_WORD = re.compile(
    r"(?<![\w-])(?:z[ée]ro|deux|trois|quatre|cinq|six|sept|huit|dix|onze|douze|treize|quatorze"
    r"|quinze|seize|vingt|trente|quarante|cinquante|soixante|cent|mille|premi[eè]re?s?"
    r"|seconde?s?|deuxi[eè]me|troisi[eè]me)(?![\w-])",
    re.IGNORECASE,
)


def text2num_scope(case: dict[str, Any]) -> str | None:
    if case["task"] != "alpha2digit":
        return None
    expected = case.get("expected")
    signed_test = "signed" in (case.get("py_test") or "") and case.get("signed") is not False
    if case.get("signed") is True or "expected_not" in case or signed_test or expected is None:
        return "signed mode"
    if re.search(r"(?<![\d,])(?:0\d|\+\d)", expected):
        return "digit-by-digit readings"
    if _CARDINAL_WORD.search(expected):
        return "display threshold"
    if case.get("threshold") == 0.0 and re.search(r"\bune?\b", case["input"], re.I) and re.search(
        r"(?<![\d,])1(?![\d,])", expected
    ):
        return "articles converted"
    strict = case.get("py_test") not in (None, "test_relaxed")
    if strict and re.search(r"quatre vingt", case["input"], re.I) and "4 20" in expected:
        return "strict text2num mode"
    return None


def eval_text2num(case: dict[str, Any]) -> Result:
    reason = text2num_scope(case)
    if reason:
        return "skip", reason
    text = case["input"]
    if case["task"] == "text2num":
        expected = case.get("expected")
        if case.get("expect_error"):
            got: Any = (parse_number(text), parse_ordinal(text))
            ok = got == (None, None)
            return ("pass" if ok else "fail"), repr(got)
        om = _ORD_SUFFIX.match(str(expected))
        if om and not str(expected).isdigit():
            got = parse_ordinal(text)
            return ("pass" if got == int(om.group(1)) else "fail"), repr(got)
        got = parse_number(text)
        return ("pass" if _close(got, float(expected)) else "fail"), repr(got)
    want = [
        (float(m.group(1).replace(",", ".")), bool(m.group(2)))
        for m in _EXPECTED_TOKEN.finditer(case["expected"])
    ]
    found = sorted(
        [(s, float(v), False) for s, _, v in find_number_words(text)]
        + [(s, float(v), True) for s, _, v in find_ordinals(text)]
    )
    got = [(v, o) for _, v, o in found]
    ok = len(got) == len(want) and all(
        _close(g[0], w[0]) and g[1] == w[1] for g, w in zip(got, want, strict=True)
    )
    return ("pass" if ok else "fail"), repr(got)


# ---------------------------------------------------------------------------------------------
# Time (another module)


def load_time_module() -> ModuleType | None:
    path = ROOT / "bench" / "extraction_time.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location("bench_extraction_time", path)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def time_evaluator(module: ModuleType) -> Callable[[dict[str, Any]], Result]:
    def evaluate(case: dict[str, Any]) -> Result:
        verdict = module.evaluate(case)
        if verdict is None:
            reason = None
            if hasattr(module, "out_of_scope_reason"):
                reason = module.out_of_scope_reason(case)
            return "skip", reason or "out of scope (time)"
        return ("pass" if verdict else "fail"), ""

    return evaluate


# ---------------------------------------------------------------------------------------------


def run(folder: Path, *, verbose: bool = False) -> int:
    files = sorted(folder.glob("*.jsonl"))
    if not files:
        print(f"no *.jsonl in {folder}")
        return 2
    time_mod = load_time_module()
    rows = []
    all_reasons: Counter[str] = Counter()
    for path in files:
        name = path.stem.removeprefix("duckling_fr_")
        if path.name == "duckling_fr_time.jsonl":
            if time_mod is None:
                rows.append((name, None, 0, 0, Counter()))
                continue
            evaluate = time_evaluator(time_mod)
        elif path.name.startswith("text2num"):
            evaluate = eval_text2num
        else:
            evaluate = eval_duckling
        passed = total = 0
        reasons: Counter[str] = Counter()
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            case = json.loads(line)
            status, detail = evaluate(case)
            if status == "skip":
                reasons[detail] += 1
                continue
            total += 1
            passed += status == "pass"
            if verbose and status == "fail":
                text = case.get("text", case.get("input"))
                print(f"  FAIL {name}: {text!r} expected {case.get('expected')!r} got {detail}")
        all_reasons.update({f"{name}: {k}": v for k, v in reasons.items()})
        rows.append((name, passed / total if total else None, total, passed, reasons))

    print(f"{'file':<16} {'pass rate':>9} {'passed':>7} {'in scope':>9} {'excluded':>9}")
    for name, rate, total, passed, reasons in rows:
        if name == "time" and rate is None and total == 0 and time_mod is None:
            print("time: not available")
            continue
        shown = f"{rate:.1%}" if rate is not None else "n/a"
        print(f"{name:<16} {shown:>9} {passed:>7} {total:>9} {sum(reasons.values()):>9}")
    if all_reasons:
        print("\nexcluded (file: category: cases: why):")
        for key, count in sorted(all_reasons.items()):
            why = WHY.get(key.split(": ", 1)[1], "see the docstring of bench/extraction_time.py")
            print(f"  {key}: {count}: {why}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path,
                        default=ROOT.parent / "shared" / "cases" / "extraction")
    parser.add_argument("-v", "--verbose", action="store_true", help="print failing cases")
    args = parser.parse_args(argv)
    return run(args.folder, verbose=args.verbose)


if __name__ == "__main__":
    raise SystemExit(main())
