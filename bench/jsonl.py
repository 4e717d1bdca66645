"""How long a large JSON Lines corpus takes, and how much memory reading it needs.

    python bench/jsonl.py SOURCE_DIR [--mb 100] [--check-mb 2]

Builds a JSON Lines file of about ``--mb`` megabytes from the ``*.txt`` articles under
SOURCE_DIR (cycled, each record tagged with its own story so grouping stays cheap), then
measures, each in a fresh process:

1. reading it (``factcheck.corpus.collect``: streaming, decoding, front matter): time and peak
   memory, against the file size;
2. a whole ``factcheck check --jobs 1`` on a ``--check-mb`` slice of the same records (the model
   dominates), and what that throughput means for the whole file.

Figures are printed, never asserted: timings on a shared machine are noisy.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

READ = """
import resource, sys, time
t = time.perf_counter()
from factcheck.corpus import collect
corpus = collect([sys.argv[1]])
words = sum(len(a.raw.split()) for a in corpus.articles)
print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
      len(corpus.articles), len(corpus.problems), words)
"""


def build(source: Path, target: Path, megabytes: float) -> tuple[int, int]:
    """Write about ``megabytes`` MB of records; return (records, bytes)."""
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(source.rglob("*.txt"))]
    if not texts:
        sys.exit(f"no .txt articles under {source}")
    limit = int(megabytes * 1024 * 1024)
    size = n = 0
    with target.open("w", encoding="utf-8") as out:
        while size < limit:
            # Pairs of records share a story so that `check` compares something.
            line = json.dumps({"id": n, "story": f"s{n // 2}", "text": texts[n % len(texts)]},
                              ensure_ascii=False) + "\n"
            out.write(line)
            size += len(line.encode("utf-8"))
            n += 1
    return n, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("--mb", type=float, default=100.0)
    parser.add_argument("--check-mb", type=float, default=2.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        big, small = Path(tmp) / "big.jsonl", Path(tmp) / "small.jsonl"
        records, size = build(args.source, big, args.mb)
        out = subprocess.run([sys.executable, "-c", READ, str(big)], capture_output=True,
                             text=True, check=True).stdout.split()
        seconds, peak, articles, problems, words = (float(out[0]), float(out[1]), int(out[2]),
                                                    int(out[3]), int(out[4]))
        print(f"read {size / 2**20:.0f} MB ({records} records, {words:,} words): {seconds:.1f} s, "
              f"{size / 2**20 / seconds:.1f} MB/s, peak {peak:.0f} MB "
              f"({articles} articles, {problems} problems)")

        small_records, small_size = build(args.source, small, args.check_mb)
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", "from factcheck.cli import main; main()",
                               "check", str(small),
                               "--jobs", "1", "--no-cache", "--quiet", "--format", "json",
                               "--fail-on", "never"], capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        if done.returncode not in (0, 1):
            sys.exit(f"check failed: {done.stderr.strip()}")
        rate = small_size / 2**20 / elapsed
        print(f"check --jobs 1 on {small_size / 2**20:.1f} MB ({small_records} records): "
              f"{elapsed:.1f} s, {rate:.3f} MB/s -> about {size / 2**20 / rate / 60:.0f} min "
              f"for the {size / 2**20:.0f} MB file on one core")


if __name__ == "__main__":
    main()
