"""Speed and memory of factcheck against the bare spaCy pipeline, measured in one run.

    python bench/run.py seeds               # fresh-process diff on the three seeds vs model+pipe
    python bench/run.py corpus --articles 1000 [--source DIR] [--jobs 2]
    python bench/run.py real DIR            # diff of one real cluster (DIR/*.txt) and check of
                                            # every *.txt under DIR's parent, each vs model+pipe
    python bench/run.py scale CORPUS [--sizes 10,20,40,80] [--runs 3] [--against TREE]
                                            # diff of the first N articles of CORPUS/*/*.txt
                                            # (several stories) vs model+pipe, CPU per stage,
                                            # and a fit of the comparison stages' CPU against N
    python bench/run.py check CORPUS [--runs 3] [--jobs 1] [--against TREE]
                                            # check of CORPUS (one folder per story) vs model+pipe
    python bench/run.py same CORPUS --against TREE
                                            # are the findings byte-identical? diff JSON of each
                                            # story folder and the seeds, and check JSON of CORPUS

``--against TREE`` runs another checkout's code (e.g. ``git worktree add /tmp/base main``) in the
same alternation, so before and after are measured side by side. Children run with ``python -P``
from a neutral folder: otherwise the current folder, put first on ``sys.path``, would shadow
``PYTHONPATH`` and run this tree's code twice when the bench is started from the checkout.
Figures are medians of alternated runs of CPU time (user + system of the child process).

Every figure is measured now, on this machine; ratios compare runs made back to back, so the
machine's own speed cancels out. Nothing here is asserted in the test suite: timings on shared
machines are noisy, so they are reported, not tested.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import resource
import statistics
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


# The same bare pipeline with the model's products through numpy's BLAS on one thread, as
# factcheck.nlp runs it: what the model itself costs factcheck, beside spaCy's default.
BARE_NUMPY = BARE.replace("nlp = spacy.load(MODEL)", """from thinc.api import NumpyOps, set_current_ops
from factcheck.nlp import one_blas_thread
one_blas_thread()
set_current_ops(NumpyOps(use_blis=False))
nlp = spacy.load(MODEL)""")


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


STAGES = """
import json, sys, time
from factcheck import api, claims

cpu: dict[str, float] = {}
def timed_stage(name, fn):
    def run(*a, **k):
        t = time.process_time()
        try:
            return fn(*a, **k)
        finally:
            cpu[name] = cpu.get(name, 0.0) + time.process_time() - t
    return run
claims.align = timed_stage("align", claims.align)
claims.link_facts = timed_stage("link", claims.link_facts)
claims.compare = timed_stage("compare", claims.compare)
api.compare_facts = claims.compare
api.extract.parse_articles = timed_stage("model+extract",
                                         lambda *a, **k: list(api.extract.parse_articles_(*a, **k)))
"""


def _stage_code() -> str:
    # parse_articles is a generator: time it drained, under its own name.
    return STAGES.replace("api.extract.parse_articles = ", "api.extract.parse_articles_ = "
                          "api.extract.parse_articles\napi.extract.parse_articles = ") + """
import factcheck.engine as engine
api.run = timed_stage("rules", engine.run)
start = time.process_time()
report = api.compare(sys.argv[1:])
cpu["total"] = time.process_time() - start
cpu["names, quotes, groups"] = cpu["compare"] - cpu["align"] - cpu["link"]
print(json.dumps(cpu))
"""


def child_cpu(cmd: list[str], env: dict[str, str]) -> tuple[float, str]:
    """CPU seconds (user + system) of one fresh process, and its stdout.

    Python children run with ``-P`` in a neutral folder, so ``PYTHONPATH`` decides whose code
    runs (see ``--against``); paths given to them must be absolute.
    """
    if cmd[0] == sys.executable:
        cmd = [cmd[0], "-P", *cmd[1:]]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=tempfile.gettempdir())
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd[:4])}… failed ({proc.returncode}): {proc.stderr[-800:]}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), proc.stdout


def _trees(against: Path | None) -> dict[str, dict[str, str]]:
    env = {**os.environ, "FACTCHECK_NO_CACHE": "1", "PYTHONPATH": str(ROOT)}
    trees = {"this tree": env}
    if against is not None:
        trees[f"against {against}"] = {**env, "PYTHONPATH": str(against)}
    return trees


def _fit(ns: list[int], ys: list[float]) -> str:
    """Least squares y = a + b N + c N^2, and the log-log slope from the smallest to the
    largest N (1 is linear, 2 quadratic)."""
    import numpy as np

    x = np.array(ns, dtype=float)
    a, b, c = np.linalg.lstsq(np.vstack([np.ones_like(x), x, x * x]).T, np.array(ys),
                              rcond=None)[0]
    if len(ns) < 3:  # three coefficients need three sizes; a slope needs two
        return "needs three sizes or more (--sizes)"
    slope = math.log(ys[-1] / ys[0]) / math.log(ns[-1] / ns[0]) if ys[0] > 0 else float("nan")
    return (f"{a:.3f} s + {b * 1000:.1f} ms x N + {c * 1000:.3f} ms x N^2; "
            f"log-log slope {ns[0]}->{ns[-1]}: {slope:.2f}")


def scale(corpus: Path, sizes: list[int], runs: int, against: Path | None) -> None:
    """diff of N articles from several real stories, against model+pipe, per-stage CPU."""
    files = sorted(str(p) for p in corpus.glob("*/*.txt"))
    trees = _trees(against)
    print(f"machine: {machine()}; {runs} alternated runs per size, medians of CPU seconds")
    results: dict[str, dict[int, dict[str, float]]] = {t: {} for t in trees}
    bare_by_n: dict[int, float] = {}
    for n in sizes:
        chosen = files[:n]
        bare: list[float] = []
        per: dict[str, list[float]] = {t: [] for t in trees}
        stages: dict[str, list[dict[str, float]]] = {t: [] for t in trees}
        for _ in range(runs):
            bare.append(child_cpu([sys.executable, "-c", BARE, *chosen],
                                  trees["this tree"])[0])
            for name, env in trees.items():
                per[name].append(child_cpu([sys.executable, "-m", "factcheck.cli", "diff",
                                            *chosen, "--format", "json", "--fail-on", "never"],
                                           env)[0])
                _, out = child_cpu([sys.executable, "-c", _stage_code(), *chosen], env)
                stages[name].append(json.loads(out.strip().splitlines()[-1]))
        bare_by_n[n] = statistics.median(bare)
        for name in trees:
            keys = stages[name][0].keys()
            results[name][n] = {"diff": statistics.median(per[name]),
                                **{k: statistics.median([s[k] for s in stages[name]]) for k in keys}}
        print(f"N={n}: bare {bare_by_n[n]:.2f} s; " + "; ".join(
            f"{name}: diff {results[name][n]['diff']:.2f} s "
            f"(x{results[name][n]['diff'] / bare_by_n[n]:.2f}), comparison "
            f"{results[name][n]['compare']:.2f} s" for name in trees), flush=True)
    for name in trees:
        print(f"\n{name}")
        print(f"  {'N':>4} {'bare':>7} {'diff':>7} {'ratio':>6} {'model+extract':>14} "
              f"{'align':>7} {'link':>7} {'names,quotes,groups':>20} {'rules':>7}")
        for n in sizes:
            r = results[name][n]
            print(f"  {n:>4} {bare_by_n[n]:7.2f} {r['diff']:7.2f} {r['diff'] / bare_by_n[n]:6.2f} "
                  f"{r['model+extract']:14.2f} {r['align']:7.2f} {r['link']:7.2f} "
                  f"{r['names, quotes, groups']:20.2f} {r.get('rules', 0.0):7.2f}")
        print("  comparison stages (align + link + names/quotes/groups + rules), fit: "
              + _fit(sizes, [results[name][n]["compare"] + results[name][n].get("rules", 0.0)
                             for n in sizes]))


def check_bench(corpus: Path, runs: int, jobs: int, against: Path | None) -> None:
    """check over a corpus of story folders against model+pipe, alternated, CPU medians."""
    files = sorted(str(p) for p in corpus.glob("*/*.txt"))
    words = sum(len(Path(p).read_text(encoding="utf-8-sig", errors="replace").split())
                for p in files)
    trees = _trees(against)
    bare: list[float] = []
    per: dict[str, list[float]] = {t: [] for t in trees}
    code = BARE if jobs == 1 else BARE.replace("nlp.pipe(texts, batch_size=32)",
                                               f"nlp.pipe(texts, batch_size=32, n_process={jobs})")
    bare_numpy: list[float] = []
    code_numpy = BARE_NUMPY if jobs == 1 else BARE_NUMPY.replace(
        "nlp.pipe(texts, batch_size=32)", f"nlp.pipe(texts, batch_size=32, n_process={jobs})")
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(runs):
            bare.append(child_cpu([sys.executable, "-c", code, *files], trees["this tree"])[0])
            bare_numpy.append(child_cpu([sys.executable, "-c", code_numpy, *files],
                                        trees["this tree"])[0])
            for name, env in trees.items():
                per[name].append(child_cpu(
                    [sys.executable, "-m", "factcheck.cli", "check", str(corpus), "--group-by",
                     "folder", "--format", "json", "--fail-on", "never", "--quiet",
                     "--no-cache", "--jobs", str(jobs), "--output", str(Path(tmp) / "r.json")],
                    env)[0])
    print(f"machine: {machine()}")
    print(f"check of {len(files)} articles ({words} words), --jobs {jobs}, {runs} alternated "
          "runs, medians of CPU seconds:")
    print(f"  model load + nlp.pipe : {statistics.median(bare):7.1f} s")
    print(f"  the same, numpy BLAS  : {statistics.median(bare_numpy):7.1f} s")
    for name in trees:
        print(f"  check ({name}) : {statistics.median(per[name]):7.1f} s  "
              f"ratio {statistics.median(per[name]) / statistics.median(bare):.2f}, "
              f"{statistics.median(per[name]) / statistics.median(bare_numpy):.2f} against "
              "the numpy-BLAS pipeline")


DUMP = """
import sys
from pathlib import Path
from click.testing import CliRunner
import factcheck
from factcheck.cli import cli

print(Path(factcheck.__file__).parent.parent)
out = Path(sys.argv[1])
runner = CliRunner()
for line in sys.argv[2:]:
    name, *args = line.split("\\t")
    result = runner.invoke(cli, args, catch_exceptions=False)
    if result.exit_code not in (0, 1):
        raise SystemExit(f"{name}: exit {result.exit_code}: {result.output[-800:]}")
    (out / f"{name}.json").write_text(result.stdout, encoding="utf-8")
"""


def same(corpus: Path, against: Path) -> int:
    """Dump the findings of this tree and of ``against`` and compare them byte for byte: the
    ``diff`` JSON of every story folder of ``corpus`` and of the seeds, and the ``check`` JSON
    of the whole corpus. 0 when all are identical."""
    opts = ["--format", "json", "--fail-on", "never", "--no-cache", "--quiet"]
    jobs = ["seeds\tdiff\t" + "\t".join([*SEEDS, *opts])]
    for folder in sorted(p for p in corpus.iterdir() if p.is_dir()):
        files = sorted(str(p) for p in folder.glob("*.txt"))
        if len(files) >= 2:
            jobs.append(f"{folder.name}\tdiff\t" + "\t".join([*files, *opts]))
    jobs.append(f"check-{corpus.name}\tcheck\t{corpus}\t--group-by\tfolder\t"
                + "\t".join(opts))
    with tempfile.TemporaryDirectory() as tmp:
        outs = {}
        for name, env in _trees(against).items():
            out = Path(tmp) / str(len(outs))
            out.mkdir()
            _, ran = child_cpu([sys.executable, "-c", DUMP, str(out), *jobs], env)
            print(f"{name}: code of {ran.strip()}")
            outs[name] = out
        mine, theirs = outs.values()
        differ = [j.split("\t")[0] for j in jobs
                  if (mine / f"{j.split(chr(9))[0]}.json").read_bytes()
                  != (theirs / f"{j.split(chr(9))[0]}.json").read_bytes()]
        findings = sum(len(json.loads((mine / f"{j.split(chr(9))[0]}.json").read_text())
                           ["findings"]) for j in jobs)
    print(f"{len(jobs)} reports ({len(jobs) - 2} story folders, the seeds, check of the corpus), "
          f"{findings} findings in this tree: "
          + ("identical" if not differ else f"DIFFERENT in {', '.join(differ)}"))
    return 1 if differ else 0


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
    sc = sub.add_parser("scale")
    sc.add_argument("corpus", type=Path, help="a folder of story folders")
    sc.add_argument("--sizes", default="10,20,40,80")
    sc.add_argument("--runs", type=int, default=3)
    sc.add_argument("--against", type=Path)
    ch = sub.add_parser("check")
    ch.add_argument("corpus", type=Path, help="a folder of story folders")
    ch.add_argument("--runs", type=int, default=3)
    ch.add_argument("--jobs", type=int, default=1)
    ch.add_argument("--against", type=Path)
    sa = sub.add_parser("same")
    sa.add_argument("corpus", type=Path, help="a folder of story folders")
    sa.add_argument("--against", type=Path, required=True)
    a = ap.parse_args()
    if hasattr(a, "corpus") and isinstance(a.corpus, Path):
        a.corpus = a.corpus.resolve()
    if getattr(a, "against", None) is not None:
        a.against = a.against.resolve()
    if a.what == "same":
        raise SystemExit(same(a.corpus, a.against))
    if a.what == "scale":
        scale(a.corpus, [int(x) for x in a.sizes.split(",")], a.runs, a.against)
    elif a.what == "check":
        check_bench(a.corpus, a.runs, a.jobs, a.against)
    elif a.what == "seeds":
        seeds(a.runs)
    elif a.what == "real":
        real(a.cluster, a.runs, a.jobs)
    else:
        corpus(a.articles, a.source or [ROOT / "examples"], a.jobs)


if __name__ == "__main__":
    main()
