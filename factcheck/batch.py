"""Several stories compared in one process: the model is loaded once for all of them.

A cold ``factcheck diff`` spends most of its time starting spaCy; comparing many stories one
process each pays that every time. Stories come from a folder (one subfolder per story), a
manifest (one story per line) or the caller; :func:`compare_stories` runs them through
:func:`factcheck.api.compare_articles`, whose model stays loaded between calls. The CLI
command is ``factcheck diff-many`` (commands/diff_many.py).
"""

from __future__ import annotations

import shlex
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.errors import InputError, UsageError

if TYPE_CHECKING:
    from factcheck.api import Report, Source

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")


def stories_from_folder(folder: str | Path) -> list[tuple[str, list[str]]]:
    """One story per subfolder holding two or more articles, in name order."""
    root = Path(folder)
    if not root.is_dir():
        raise UsageError("not a folder", where=str(root), hint="give a folder of story folders")
    out = []
    for sub in sorted(p for p in root.iterdir() if p.is_dir()):
        files = sorted(str(f) for f in sub.iterdir()
                       if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES)
        if len(files) >= 2:
            out.append((sub.name, files))
    if not out:
        raise InputError("no subfolder with two or more articles", where=str(root),
                         hint="put each story's articles in a folder of its own")
    return out


def stories_from_manifest(path: str | Path) -> list[tuple[str, list[str]]]:
    """``NAME: FILE FILE...`` or ``FILE FILE...`` per line; ``#`` starts a comment; paths are
    relative to the manifest's folder."""
    manifest = Path(path)
    try:
        lines = manifest.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the manifest: {exc}", where=str(manifest)) from exc
    out = []
    for n, line in enumerate(lines, 1):
        text = line.split("#", 1)[0].strip()
        if not text:
            continue
        name, _, rest = text.partition(":") if ":" in text.split()[0] else ("", "", text)
        try:
            files = [str(manifest.parent / f) for f in shlex.split(rest)]
        except ValueError as exc:
            raise InputError(f"unreadable line: {exc}", where=f"{manifest}:{n}") from exc
        if len(files) < 2:
            raise InputError("a story needs two or more files", where=f"{manifest}:{n}",
                             hint="list the story's files on one line, separated by spaces")
        missing = [f for f in files if not Path(f).is_file()]
        if missing:
            raise InputError(f"no such file: {missing[0]}", where=f"{manifest}:{n}")
        out.append((name.strip() or f"story{len(out) + 1}", files))
    if not out:
        raise InputError("the manifest lists no story", where=str(manifest))
    return out


def compare_stories(stories: Iterable[tuple[str, Sequence[Source]]], **options: Any
                    ) -> Iterator[tuple[str, Report]]:
    """``(name, report)`` per story, in order; sources are as for ``compare`` and
    ``options`` go to ``compare_articles`` (``date``, ``rules``, ``select``, ``ignore``,
    ``cache``). The model is loaded by the first story that needs it and kept for the rest.
    """
    from factcheck.api import _as_articles, compare_articles

    for name, sources in stories:
        yield name, compare_articles(_as_articles(list(sources)), story=name, **options)
