"""Rewrite the golden reports of the seed story from the current code.

    python examples/refresh.py               # report.json, report.txt, report.html
    python examples/refresh.py --screenshot  # and report.png (needs chromium)

Then review the change with ``git diff examples/twitter-microsoft/expected`` before committing:
the goldens exist so that every change in what the report says is seen. ``tests/test_golden.py``
builds its outputs with :func:`outputs` below, so the test and this script cannot disagree.
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factcheck.api import Report
    from factcheck.model import Article

ROOT = Path(__file__).resolve().parent.parent
STORY = ROOT / "examples" / "twitter-microsoft"
EXPECTED = STORY / "expected"
TEXT_WIDTH = 100
REFRESH = "python examples/refresh.py"


def sources() -> list[Path]:
    return sorted(STORY.glob("*.txt"))


def portable(report: Report) -> Report:
    """The report with source paths relative to the checkout, as ``factcheck diff`` run from
    the repository root writes them, so the goldens do not depend on where the checkout is."""
    def rel(a: Article) -> Article:
        p = Path(a.path)
        if p.is_absolute() and p.is_relative_to(ROOT):
            return dataclasses.replace(a, path=p.relative_to(ROOT).as_posix())
        return a

    return dataclasses.replace(
        report, articles=tuple(rel(a) for a in report.articles),
        parsed=tuple(dataclasses.replace(p, article=rel(p.article)) for p in report.parsed))


def outputs(report: Report) -> dict[str, str]:
    """File name -> expected content, for every golden format."""
    from factcheck.render import html, json, terminal

    report = portable(report)
    return {"report.json": json.render(report),
            "report.txt": terminal.render(report, width=TEXT_WIDTH, color=False),
            "report.html": html.render(report)}


def main(argv: list[str]) -> int:
    from factcheck.api import compare

    report = compare(sources())
    EXPECTED.mkdir(parents=True, exist_ok=True)
    for name, text in outputs(report).items():
        path = EXPECTED / name
        old = path.read_text(encoding="utf-8") if path.exists() else None
        path.write_text(text, encoding="utf-8")
        print(f"{'unchanged' if old == text else 'written  '} {path.relative_to(ROOT)}")
    if "--screenshot" in argv:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from screenshot import screenshot

        png = screenshot(EXPECTED / "report.html", EXPECTED / "report.png")
        print(f"written   {png.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
