"""Speed and memory of factcheck against the bare spaCy pipeline, measured in one run.

    python bench/run.py seeds               # fresh-process diff on the three seeds vs model+pipe
    python bench/run.py corpus --articles 1000 [--source DIR] [--jobs 2]
    python bench/run.py real DIR            # diff of one real cluster (DIR/*.txt) and check of
                                            # every *.txt under DIR's parent, each vs model+pipe

Every figure is measured now, on this machine; ratios compare runs made back to back, so the
machine's own speed cancels out. Nothing here is asserted in the test suite: timings on shared
machines are noisy, so they are reported, not tested.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted(str(p) for p in (ROOT / "examples" / "twitter-microsoft").glob("*.txt"))

BARE = """
import sys, time
t = time.perf_counter()
import spacy
from factcheck.load import load_file
from factcheck.clean import clean
from factcheck.nlp import MODEL
nlp = spacy.load(MODEL)
texts = [clean(load_file(p)).text for p in sys.argv[1:]]
for _ in nlp.pipe(texts, batch_size=32):
    pass
"""


def timed(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, int]:
    """Wall time and peak RSS (MB) of one fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd[:4])}… failed ({proc.returncode}): {proc.stderr[-800:]}")
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return elapsed, peak // 1024


def best(cmd: list[str], runs: int, env: dict[str, str] | None = None) -> tuple[float, int]:
    results = [timed(cmd, env) for _ in range(runs)]
    return min(r[0] for r in results), max(r[1] for r in results)


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def seeds(runs: int) -> dict[str, float]:
    env = {**os.environ, "FACTCHECK_NO_CACHE": "1"}
    bare, bare_mem = best([sys.executable, "-c", BARE, *SEEDS], runs, env)
    diff, diff_mem = best([sys.executable, "-m", "factcheck.cli", "diff", *SEEDS, "--format",
                           "json", "--fail-on", "never"], runs, env)
    print(f"machine: {machine()}")
    print(f"seeds, fresh process, best of {runs}:")
    print(f"  model load + nlp.pipe : {bare:6.2f} s  peak {bare_mem} MB")
    print(f"  factcheck diff        : {diff:6.2f} s  peak {diff_mem} MB")
    print(f"  ratio diff / bare     : {diff / bare:6.2f}  (target <= 1.5)")
    return {"bare_s": bare, "diff_s": diff, "ratio": diff / bare}


def corpus(n: int, sources: list[Path], jobs: int) -> dict[str, float]:
    sys.path.insert(0, str(ROOT / "bench"))
    from corpus import generate

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        paths = generate(folder, n, sources)
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
        env = {**os.environ, "FACTCHECK_NO_CACHE": "1"}
        bare_code = BARE.replace("nlp.pipe(texts, batch_size=32)",
                                 f"nlp.pipe(texts, batch_size=32, n_process={jobs})")
        bare, bare_mem = timed([sys.executable, "-c", bare_code, *map(str, paths)], env)
        check = [sys.executable, "-m", "factcheck.cli", "check", str(folder), "--format", "json",
                 "--fail-on", "never", "--quiet", "--jobs", str(jobs), "--output",
                 str(Path(tmp) / "report.json")]
        cold, cold_mem = timed([*check, "--no-cache"], env)
        cache_env = {**os.environ, "FACTCHECK_CACHE_DIR": str(Path(tmp) / "cache")}
        timed(check, cache_env)  # fill the cache
        warm, _ = timed(check, cache_env)
        findings = len(json.loads((Path(tmp) / "report.json").read_text())["findings"])
    print(f"machine: {machine()}")
    print(f"corpus: {len(paths)} articles, {words} words, jobs={jobs}")
    print(f"  bare nlp.pipe   : {bare:7.1f} s  {words / bare:8.0f} words/s  peak {bare_mem} MB")
    print(f"  check (no cache): {cold:7.1f} s  {words / cold:8.0f} words/s  "
          f"{len(paths) / cold:6.1f} articles/s  peak {cold_mem} MB  ({findings} findings)")
    print(f"  check (cached)  : {warm:7.1f} s  speed-up x{cold / warm:.1f}")
    print(f"  throughput ratio check / bare: {bare / cold:.2f}  (target >= 0.8)")
    return {"bare_s": bare, "cold_s": cold, "warm_s": warm}


def real(cluster: Path, runs: int, jobs: int) -> dict[str, float]:
    """Real articles by different outlets: one story's diff, then check over all stories."""
    env = {**os.environ, "FACTCHECK_NO_CACHE": "1"}
    files = sorted(str(p) for p in cluster.glob("*.txt"))
    bare, bare_mem = best([sys.executable, "-c", BARE, *files], runs, env)
    diff, diff_mem = best([sys.executable, "-m", "factcheck.cli", "diff", *files, "--format",
                           "json", "--fail-on", "never"], runs, env)
    corpus_files = sorted(str(p) for p in cluster.parent.glob("*/*.txt"))
    words = sum(len(Path(p).read_text(encoding="utf-8-sig", errors="replace").split())
                for p in corpus_files)
    cbare, cbare_mem = timed([sys.executable, "-c", BARE, *corpus_files], env)
    with tempfile.TemporaryDirectory() as tmp:
        ccheck, ccheck_mem = timed([sys.executable, "-m", "factcheck.cli", "check",
                                    str(cluster.parent), "--group-by", "folder", "--format",
                                    "json", "--fail-on", "never", "--quiet", "--no-cache",
                                    "--jobs", str(jobs), "--output", str(Path(tmp) / "r.json")],
                                   env)
    print(f"machine: {machine()}")
    print(f"diff of {len(files)} real articles ({cluster.name}), fresh process, best of {runs}:")
    print(f"  model load + nlp.pipe : {bare:6.2f} s  peak {bare_mem} MB")
    print(f"  factcheck diff        : {diff:6.2f} s  peak {diff_mem} MB")
    print(f"  ratio diff / bare     : {diff / bare:6.2f}")
    print(f"check of {len(corpus_files)} real articles ({words} words), --jobs {jobs}, one run:")
    print(f"  model load + nlp.pipe : {cbare:6.1f} s  peak {cbare_mem} MB")
    print(f"  factcheck check       : {ccheck:6.1f} s  peak {ccheck_mem} MB")
    print(f"  ratio check / bare    : {ccheck / cbare:6.2f}")
    return {"diff_ratio": diff / bare, "check_ratio": ccheck / cbare}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="what", required=True)
    s = sub.add_parser("seeds")
    s.add_argument("--runs", type=int, default=3)
    c = sub.add_parser("corpus")
    c.add_argument("--articles", type=int, default=1000)
    c.add_argument("--source", type=Path, action="append")
    c.add_argument("--jobs", type=int, default=1)
    r = sub.add_parser("real")
    r.add_argument("cluster", type=Path, help="a folder of articles about one story")
    r.add_argument("--runs", type=int, default=3)
    r.add_argument("--jobs", type=int, default=1)
    a = ap.parse_args()
    if a.what == "seeds":
        seeds(a.runs)
    elif a.what == "real":
        real(a.cluster, a.runs, a.jobs)
    else:
        corpus(a.articles, a.source or [ROOT / "examples"], a.jobs)


if __name__ == "__main__":
    main()
