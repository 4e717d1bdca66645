"""Benchmark automatic story grouping (``factcheck.stories``).

Why: story grouping decides which articles get compared, so its quality and
its cost on big corpora must be measured, not assumed.

* default: the RPM2 corpus (15 topics x 2 clusters x 10 French articles; the
  two clusters of a topic are a month apart).  All 300 articles are grouped as
  one flat list and the adjusted Rand index (ARI) against the 15 topic labels
  is printed, then the same with dated copies (cluster 2 = cluster 1 + 30
  days, ``window_days=7``) against the 30 cluster labels.
* ``--synthetic N``: N realistic article variants built from RPM2 (sentences
  shuffled, dropped and duplicated, numbers changed, per-story invented
  names injected so there are many distinct stories), reporting wall time and
  peak memory of grouping them, plus the ARI against the generated stories.

Usage: ``python bench/stories.py [RPM2_DIR] [--synthetic N] [--threshold T]``
"""

from __future__ import annotations

import argparse
import datetime
import math
import random
import re
import resource
import sys
import time
import tracemalloc
from collections import Counter
from collections.abc import Hashable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from factcheck.stories import StoryDoc, group_stories  # noqa: E402

DEFAULT_RPM2 = REPO.parent / "shared" / "cases" / "rpm2"
_FILE_RE = re.compile(r"^T(\d+)_C(\d)_\d+\.txt$")


# ------------------------------------------------------------------------------ metrics


def adjusted_rand_index(truth: Sequence[Hashable], pred: Sequence[Hashable]) -> float:
    """ARI (Hubert & Arabie) from the contingency table, no scikit-learn needed."""
    n = len(truth)
    if n != len(pred):
        raise ValueError("label sequences differ in length")
    if n < 2:
        return 1.0

    def pairs(x: int) -> float:
        return x * (x - 1) / 2

    joint = sum(pairs(c) for c in Counter(zip(truth, pred, strict=True)).values())
    a = sum(pairs(c) for c in Counter(truth).values())
    b = sum(pairs(c) for c in Counter(pred).values())
    expected = a * b / pairs(n)
    top = (a + b) / 2
    if math.isclose(top, expected):
        return 1.0
    return (joint - expected) / (top - expected)


def predicted_labels(ids: Sequence[str], stories: Sequence[Sequence[str]]) -> list[str]:
    """One label per id: its story index, or its own id when unassigned."""
    label = {m: f"story{k}" for k, members in enumerate(stories) for m in members}
    return [label.get(i, i) for i in ids]


# ------------------------------------------------------------------------------ corpus


def read_article(path: Path) -> str:
    """Decode a RPM2 file: BOMs and mixed CRLF/LF line ends are common there."""
    text = path.read_bytes().decode("utf-8-sig")
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def split_title(text: str) -> tuple[str | None, str]:
    """First line as title when it looks like one (short, no final full stop)."""
    first, _, rest = text.partition("\n")
    first = first.strip()
    if first and len(first) <= 160 and not first.endswith((".", ":")) and rest.strip():
        return first, rest.strip()
    return None, text


def load_rpm2(folder: Path) -> list[tuple[str, int, int, str | None, str]]:
    """(doc id, topic, cluster, title, body) for every RPM2 article."""
    out = []
    for path in sorted(folder.glob("T*_C*/*.txt")):
        m = _FILE_RE.match(path.name)
        if not m:
            continue
        title, body = split_title(read_article(path))
        out.append((path.name, int(m.group(1)), int(m.group(2)), title, body))
    if not out:
        raise SystemExit(f"no RPM2 articles under {folder}")
    return out


# ------------------------------------------------------------------------------- modes


def bench_rpm2(folder: Path, threshold: float | None) -> None:
    articles = load_rpm2(folder)
    docs = [StoryDoc(id=i, text=b, title=t) for i, _, _, t, b in articles]
    ids = [a[0] for a in articles]
    start = time.perf_counter()
    grouping = group_stories(docs, threshold=threshold)
    elapsed = time.perf_counter() - start
    pred = predicted_labels(ids, [s.members for s in grouping.stories])
    topics = [a[1] for a in articles]
    ari = adjusted_rand_index(topics, pred)
    print(f"rpm2: {len(docs)} articles, {len(set(topics))} topics, {elapsed:.2f}s")
    print(f"  ARI vs topics: {ari:.3f}  stories: {len(grouping.stories)}  "
          f"unassigned: {len(grouping.unassigned)}")
    for story in grouping.stories:
        mix = Counter(f"T{a[1]:02d}_C{a[2]}" for a in articles if a[0] in set(story.members))
        print(f"    {story.id:<32} {dict(sorted(mix.items()))}  {story.reason}")

    base = datetime.date(2008, 3, 1)
    dated = [
        StoryDoc(id=i, text=b, title=t, date=base + datetime.timedelta(days=30 * (c - 1)))
        for i, _, c, t, b in articles
    ]
    grouping = group_stories(dated, window_days=7, threshold=threshold)
    pred = predicted_labels(ids, [s.members for s in grouping.stories])
    clusters = [(a[1], a[2]) for a in articles]
    month = {a[0]: a[2] for a in articles}
    crossing = sum(1 for s in grouping.stories if len({month[m] for m in s.members}) > 1)
    print(f"dated copies (C2 = C1 + 30 days, window_days=7): "
          f"ARI vs 30 clusters: {adjusted_rand_index(clusters, pred):.3f}  "
          f"stories: {len(grouping.stories)}  unassigned: {len(grouping.unassigned)}  "
          f"stories mixing C1 and C2: {crossing}")


_SENT_RE = re.compile(r"(?<=[.!?])\s+")
_SYLLABLES = ["ka", "lo", "mi", "ra", "tu", "ven", "dor", "sel", "ba", "rek", "zu", "fi", "no",
              "gha", "pel", "tri", "mo", "san", "vi", "lek", "ou", "an", "ber", "cas"]


def _invented_name(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def synthetic_corpus(
    articles: Sequence[tuple[str, int, int, str | None, str]], n: int, seed: int = 7
) -> tuple[list[StoryDoc], list[int]]:
    """``n`` article variants in stories of 1-12 articles, with their story labels.

    A story mixes 40% of the sentences of three random RPM2 articles (usually
    of different topics, so stories are many and distinct) and gets its own
    invented names, invented rare words and a figure.  Each article of the
    story is a noisy rewrite: about half the sentences kept, shuffled, one
    maybe repeated, a sentence from a random unrelated article mixed in,
    numbers changed, names sprinkled in.  Stories built on the same base
    article overlap, as running topics do; their specifics tell them apart.
    """
    rng = random.Random(seed)
    docs: list[StoryDoc] = []
    labels: list[int] = []
    bases = [(t, [s for s in _SENT_RE.split(b.replace("\n", " ")) if len(s) > 20])
             for *_, t, b in articles]
    bases = [(t, ss) for t, ss in bases if len(ss) >= 2]
    all_sentences = [s for _, ss in bases for s in ss]
    start = datetime.date(2024, 1, 1)
    story = 0
    while len(docs) < n:
        picked = rng.sample(bases, 3)
        title = picked[0][0]
        pool = [x for _, ss in picked for x in rng.sample(ss, max(1, 2 * len(ss) // 5))]
        names = [_invented_name(rng) for _ in range(rng.randint(2, 4))]
        words = [_invented_name(rng).lower() for _ in range(3)]
        figure = f"{rng.randint(2, 999)} {rng.randint(100, 999)}"
        size = min(n - len(docs), rng.choice([1, 1, 2, 2, 3, 4, 5, 8, 12]))
        day = start + datetime.timedelta(days=rng.randrange(365))
        for k in range(size):
            keep = [s for s in pool if rng.random() < 0.5] or pool[:2]
            rng.shuffle(keep)
            if rng.random() < 0.3:
                keep.append(rng.choice(keep))
            keep.insert(rng.randrange(len(keep) + 1), rng.choice(all_sentences))
            keep = [re.sub(r"\d+", lambda _m: str(rng.randint(2, 999)), s)
                    if rng.random() < 0.3 else s for s in keep]
            for nm in rng.sample(names, rng.randint(2, len(names))):
                at = rng.randrange(len(keep))
                keep[at] = f"{keep[at]} {nm} a réagi."
            for w in rng.sample(words, 2):
                at = rng.randrange(len(keep))
                keep[at] = f"{keep[at]} Le {w} est en cause."
            lead = f"{names[0]} et {names[1]} ont évoqué le chiffre de {figure}."
            docs.append(StoryDoc(
                id=f"s{story:06d}-{k:02d}",
                text=" ".join([lead, *keep]),
                title=f"{title or 'Actualité'} : {names[0]}",
                date=day + datetime.timedelta(days=rng.randrange(3)),
            ))
            labels.append(story)
        story += 1
    return docs, labels


def _max_rss_mib() -> float:
    """Peak resident set size of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_synthetic(
    folder: Path, n: int, threshold: float | None, window: int | None, traced: bool
) -> None:
    articles = load_rpm2(folder)
    docs, labels = synthetic_corpus(articles, n)
    print(f"synthetic: {len(docs)} articles in {len(set(labels))} stories")
    base_rss = _max_rss_mib()
    start = time.perf_counter()
    grouping = group_stories(docs, threshold=threshold, window_days=window)
    elapsed = time.perf_counter() - start
    peak_rss = _max_rss_mib()
    print(f"  grouping time: {elapsed:.1f}s  peak RSS: {peak_rss:.0f} MiB "
          f"(corpus loaded: {base_rss:.0f} MiB, grouping added {peak_rss - base_rss:.0f} MiB)")
    if traced:
        tracemalloc.start()
        group_stories(docs, threshold=threshold, window_days=window)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"  peak memory allocated by grouping (tracemalloc): {peak / 2**20:.0f} MiB")
    pred = predicted_labels([d.id for d in docs], [s.members for s in grouping.stories])
    print(f"  stories: {len(grouping.stories)}  unassigned: {len(grouping.unassigned)}  "
          f"ARI vs generated stories: {adjusted_rand_index(labels, pred):.3f}")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("rpm2", nargs="?", type=Path, default=DEFAULT_RPM2)
    parser.add_argument("--synthetic", type=int, metavar="N", help="grouping N synthetic articles")
    parser.add_argument("--window", type=int, default=None, help="window_days for --synthetic")
    parser.add_argument("--threshold", type=float, default=None)
    parser.add_argument("--tracemalloc", action="store_true",
                        help="--synthetic: rerun under tracemalloc (slow)")
    args = parser.parse_args(argv)
    if args.synthetic:
        bench_synthetic(args.rpm2, args.synthetic, args.threshold, args.window, args.tracemalloc)
    else:
        bench_rpm2(args.rpm2, args.threshold)


if __name__ == "__main__":
    main()
