"""Score factcheck on hand-annotated real clusters (disagreements, agreements, traps).

    python bench/coverage.py SCORER CLUSTERS [GOLD] [--verbose]

SCORER is the annotators' ``score.py`` and GOLD their ``gold.json`` (for this project:
``../shared/eval/rpm2real/score.py`` and ``../shared/cases/rpm2``); neither ships with factcheck.
The scorer's own CLI runs ``factcheck diff`` once per cluster in a fresh process; this script
runs the same comparisons in one process (the model is loaded once) through the scorer's own
functions, so the figures are the scorer's, about five times sooner. Timings are printed, never
asserted.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("scorer", type=Path)
    ap.add_argument("clusters", type=Path)
    ap.add_argument("gold", type=Path, nargs="?")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--keep", type=Path, help="folder to keep each cluster's JSON report in")
    a = ap.parse_args()
    spec = importlib.util.spec_from_file_location("scorer", a.scorer)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {a.scorer}")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)

    import factcheck

    def report(_cmd: str, files: list[Path], keep: str | None = None, name: str = "") -> dict:
        js = factcheck.compare([str(f) for f in files]).to_json()
        if keep:
            Path(keep, name + ".json").write_text(js, encoding="utf-8")
        return json.loads(js)

    scorer.report = report
    gold = a.gold or a.scorer.parent / "gold.json"
    argv = ["score", str(a.clusters), "--gold", str(gold)]
    if a.verbose:
        argv.append("--verbose")
    if a.keep:
        a.keep.mkdir(parents=True, exist_ok=True)
        argv += ["--keep", str(a.keep)]
    sys.argv = argv
    start = time.perf_counter()
    code = scorer.main()
    print(f"({time.perf_counter() - start:.1f} s in one process)")
    return int(code or 0)


if __name__ == "__main__":
    sys.exit(main())
