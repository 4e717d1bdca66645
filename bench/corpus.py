"""Generate a realistic corpus of story variants from real articles.

Each story starts from one real article and gets 2 to 5 versions, made the way wire copy is
rewritten: sentences dropped or reordered, a figure changed, quote marks restyled, a paragraph
added from another article. Stories are written as .txt files with YAML front matter
(``story``, ``date``), one folder for the whole corpus.

    python bench/corpus.py OUT_DIR --articles 1000 [--source DIR ...] [--seed 1]

Sources default to ``examples/`` of this repository; pass ``--source ../shared/cases/rpm2`` (or
any folder of .txt articles) for more variety.
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def read_articles(folders: list[Path]) -> list[str]:
    texts = []
    for folder in folders:
        for path in sorted(folder.rglob("*.txt")):
            if "expected" in path.parts:
                continue
            text = path.read_bytes().decode("utf-8-sig", errors="replace").replace("\r\n", "\n")
            paragraphs = [p.strip() for p in text.split("\n") if len(p.split()) >= 8]
            if len(paragraphs) >= 3:
                texts.append("\n\n".join(paragraphs))
    if not texts:
        raise SystemExit(f"no usable articles under {', '.join(map(str, folders))}")
    return texts


def _sentences(paragraph: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?»])\s+(?=[A-ZÀ-Ý«\"'])", paragraph) if s]


def variant(text: str, rng: random.Random, donor: str) -> str:
    paragraphs = text.split("\n\n")
    out = []
    for p in paragraphs:
        sentences = _sentences(p)
        if len(sentences) > 1 and rng.random() < 0.2:
            sentences.pop(rng.randrange(len(sentences)))
        if rng.random() < 0.15:
            sentences = [re.sub(r"\b(\d{2,})\b", lambda m: str(int(m.group(1)) + rng.randint(1, 9)),
                                s, count=1) for s in sentences]
        p = " ".join(sentences)
        if rng.random() < 0.5:
            p = p.replace("«\u00a0", '"').replace("\u00a0»", '"').replace("« ", '"').replace(" »", '"')
        out.append(p)
    if len(out) > 3 and rng.random() < 0.3:
        i = rng.randrange(1, len(out) - 1)
        out[i], out[i + 1] = out[i + 1], out[i]
    if rng.random() < 0.3:
        extra = donor.split("\n\n")
        out.insert(rng.randrange(1, len(out) + 1), rng.choice(extra))
    return "\n\n".join(out)


def generate(out: Path, n_articles: int, sources: list[Path], seed: int = 1) -> list[Path]:
    rng = random.Random(seed)
    texts = read_articles(sources)
    out.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    story = 0
    while len(paths) < n_articles:
        base = texts[story % len(texts)]
        size = min(rng.randint(2, 5), n_articles - len(paths))
        if size < 2 and paths:
            size = 2
        day = 1 + story % 28
        for k in range(size):
            donor = texts[rng.randrange(len(texts))]
            body = base if k == 0 else variant(base, rng, donor)
            path = out / f"s{story:06d}-{k}.txt"
            path.write_text(f"---\nstory: s{story:06d}\ndate: 2023-05-{day:02d}\n---\n{body}\n",
                            encoding="utf-8")
            paths.append(path)
        story += 1
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--articles", type=int, default=100)
    ap.add_argument("--source", type=Path, action="append")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    paths = generate(a.out, a.articles, a.source or [ROOT / "examples"], a.seed)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
    print(f"wrote {len(paths)} articles, {words} words, to {a.out}")


if __name__ == "__main__":
    main()
