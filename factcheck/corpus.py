"""Collect a corpus of articles from files, folders, globs and JSON Lines files.

``factcheck check`` runs as a CI gate over a whole folder of articles, where one bad file must not
stop the others from being checked: every per-file failure (empty, binary, unreadable, malformed
JSON line) becomes a :class:`~factcheck.model.Problem` and collection goes on. Only a command line
that names nothing at all (a missing path, a glob that matches no file) is a usage error, because
a CI job that silently checks nothing after a typo would pass for ever.

Articles are loaded with :func:`factcheck.load.load_file` and
:func:`factcheck.load.article_from_text`, so front matter, encodings and HTML behave exactly as in
``factcheck diff``. Each article's ``path`` is the file as the user spelt it (``file.jsonl:LINE``
for a JSON Lines record) and its ``id`` is a short path-based name, unique across the corpus.
"""

from __future__ import annotations

import dataclasses
import glob
import json
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO

from factcheck import files
from factcheck.errors import FactcheckError, InputError, UsageError
from factcheck.load import MAX_BYTES, article_from_text, decode, dedupe_names, load_file
from factcheck.model import Article, Evidence, Finding, Problem

#: File kinds taken from folders and globs; a file named explicitly is read whatever its suffix.
SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
#: Metadata a JSON Lines record may carry besides ``text``.
JSONL_META = ("title", "source", "outlet", "date", "url", "story", "language", "author")
#: The problem note for JSON Lines files: evidence positions index a record's text, not the file.
JSONL_NOTE = ("JSON Lines file: an article's path is FILE:LINE; evidence start/end/line/column "
              "refer to the record's text field, not to the .jsonl file")
#: Problems that only say where positions point (JSON Lines, HTML): notes, not failures.
_NOTE_MARKERS = (JSONL_NOTE, "offsets refer to")
_GLOB_CHARS = re.compile(r"[*?\[]")
_JSONL_PATH = re.compile(r"^(?P<file>.*\.jsonl):(?P<line>\d+)$", re.I)


@dataclass(frozen=True)
class Corpus:
    """The good articles, in a deterministic order (by path), and what went wrong with the rest."""

    articles: tuple[Article, ...]
    problems: tuple[Problem, ...]
    files: int  # files found (good or bad), to tell "nothing found" from "nothing readable"


def collect(paths: Sequence[str]) -> Corpus:
    """Load every article under ``paths`` (files, folders searched recursively, globs).

    Raises :class:`UsageError` for a path that names nothing, since that is a typo on the command
    line rather than a bad article; per-file failures become problems.
    """
    files = expand(paths)
    if not files:
        raise UsageError("no articles found", where=", ".join(paths) or None,
                         hint=f"give files or folders holding {', '.join(SUFFIXES)} files")
    found: list[tuple[str, Article, str | None]] = []  # (path, article, record id)
    problems: list[Problem] = []
    jsonl_files: list[str] = []
    for path in files:
        if path.lower().endswith(".jsonl"):
            records, bad = _read_jsonl(path)
            problems.extend(bad)
            if records:
                jsonl_files.append(path)
            found.extend(records)
            continue
        try:
            found.append((path, load_file(path, id=path), None))
        except FactcheckError as exc:
            problems.append(problem(path, exc))
    ids = _ids([(p, rec) for p, _a, rec in found])
    articles: list[Article] = []
    for (_path, art, _rec), new_id in zip(found, ids, strict=True):
        articles.append(dataclasses.replace(art, id=new_id))
    problems.extend(Problem(f, JSONL_NOTE) for f in jsonl_files)
    return Corpus(articles=tuple(articles), problems=tuple(problems), files=len(files))


def is_note(p: Problem) -> bool:
    """True for a problem that explains where positions point rather than reporting a failure;
    annotations show it as a notice, so it does not warn on every pull request."""
    return any(marker in p.message for marker in _NOTE_MARKERS)


def problem(source: str | None, exc: FactcheckError) -> Problem:
    """A problem line that reads like the CLI's errors, without repeating the path."""
    text = exc.message
    if exc.where and exc.where != source:
        text += f" ({exc.where})"
    if exc.hint:
        text += f". {exc.hint}"
    return Problem(source, text)


# ---------------------------------------------------------------------------- file discovery


def expand(paths: Iterable[str]) -> list[str]:
    """Files named by ``paths``, each once, in order of path.

    Folders are walked recursively without following symlinked folders (a loop would never end),
    skipping hidden entries such as ``.git``; only :data:`SUFFIXES` are taken from folders and
    globs. Sorting makes the corpus, and so every report, independent of the file system's order.
    """
    out: dict[str, str] = {}
    for arg in paths:
        p = Path(arg)
        if p.is_dir():
            matched = _walk(p)
        elif p.exists():
            matched = [arg]
        elif _GLOB_CHARS.search(arg):
            matched = []
            for hit in sorted(glob.glob(arg, recursive=True)):
                if Path(hit).is_dir():
                    matched.extend(_walk(Path(hit)))
                elif hit.lower().endswith(SUFFIXES):
                    matched.append(hit)
            if not matched:
                raise UsageError("no file matches the pattern", where=arg,
                                 hint="check the glob (quote it so the shell leaves it alone)")
        else:
            raise UsageError("no such file or folder", where=arg, hint="check the path")
        for m in matched:
            key = os.path.realpath(m)
            out.setdefault(key, m)
    return sorted(out.values(), key=_sort_key)


def _sort_key(path: str) -> tuple[str, ...]:
    return PurePosixPath(Path(path).as_posix()).parts


def _walk(root: Path) -> list[str]:
    found: list[str] = []
    for folder, dirs, names in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not name.startswith(".") and name.lower().endswith(SUFFIXES):
                found.append(os.path.join(folder, name))
    return found


# ---------------------------------------------------------------------------------- JSON Lines


def _read_jsonl(path: str) -> tuple[list[tuple[str, Article, str | None]], list[Problem]]:
    """One article per non-blank line; a bad line is a problem, the other lines still count.

    The file is streamed line by line, so a corpus of any size is read with memory bounded by its
    articles, not by the file: no whole-file copy, decoded copy and split copy at once. A line
    longer than one article may be (:data:`~factcheck.load.MAX_BYTES`) is skipped unread.
    """
    try:
        handle = files.open_regular(path, InputError, what="JSON Lines file")
    except FactcheckError as exc:
        return [], [problem(path, exc)]
    problems: list[Problem] = []
    out: list[tuple[str, Article, str | None]] = []
    legacy: str | None = None
    seen_text = False
    with handle:
        for number, raw in enumerate(_lines(handle), 1):
            seen_text = seen_text or raw is None or bool(raw.strip())
            where = f"{path}:{number}"
            if raw is None:
                problems.append(Problem(where, f"record too large (over "
                                        f"{MAX_BYTES // (1024 * 1024)} MB). give one article "
                                        "per line"))
                continue
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError:
                try:
                    line, encoding, _ = decode(raw, where)
                except FactcheckError as exc:
                    problems.append(problem(where, exc))
                    continue
                legacy = legacy or encoding
            entry = _jsonl_record(line, where, legacy or "utf-8", problems)
            if entry is not None:
                out.append(entry)
    if not seen_text:
        return [], [Problem(path, "empty file. give one JSON object per line with a 'text' field")]
    if legacy:
        problems.insert(0, Problem(path, f"{path}: not UTF-8, decoded as {legacy}"))
    return out, problems


def _lines(handle: BinaryIO) -> Iterator[bytes | None]:
    """The file's lines as bytes; ``None`` in place of a line too long to be one article, which
    is skipped without being held in memory."""
    while raw := handle.readline(MAX_BYTES + 1):
        if len(raw) > MAX_BYTES and not raw.endswith(b"\n"):
            while (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield raw


def _jsonl_record(line: str, where: str, encoding: str, problems: list[Problem]
                  ) -> tuple[str, Article, str | None] | None:
    """One JSON Lines record as an article, or None after listing what is wrong with it."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        problems.append(Problem(where, f"invalid JSON: {exc.msg} (column {exc.colno})"))
        return None
    except RecursionError:
        problems.append(Problem(where, "invalid JSON: nested too deep"))
        return None
    if not isinstance(record, dict):
        problems.append(Problem(where, "a JSON Lines record must be an object with 'text'"))
        return None
    body = record.get("text")
    if not isinstance(body, str) or not body.strip():
        problems.append(Problem(where, "no 'text' in the record. give the article as "
                                       "a non-empty 'text' string"))
        return None
    meta = {k: record[k] for k in JSONL_META if record.get(k) not in (None, "")}
    rec_id = record.get("id")
    try:
        article = article_from_text(body, id=where, path=where, encoding=encoding, meta=meta)
    except FactcheckError as exc:
        problems.append(problem(where, exc))
        return None
    rec = str(rec_id) if isinstance(rec_id, str | int) and str(rec_id).strip() else None
    return where, article, rec


def file_location(path: str) -> tuple[str, int | None]:
    """``file.jsonl:12`` -> ``("file.jsonl", 12)``; any other path -> ``(path, None)``.

    Annotations (SARIF, GitHub) must point at a real file: for a JSON Lines record that is the
    record's line, since offsets inside its text field have no place in the file.
    """
    m = _JSONL_PATH.match(path)
    if m:
        return m.group("file"), int(m.group("line"))
    return path, None


# ----------------------------------------------------------------------------------- ids


def _ids(items: Sequence[tuple[str, str | None]]) -> list[str]:
    """Short unique ids: the path below the corpus's common folder, without its suffix.

    A JSON Lines record is ``FILE:ID`` (its ``id`` field) or ``FILE:LINE``. The suffix comes back,
    then a counter, only when two names would clash, so ids stay readable in reports while never
    naming two articles.
    """
    files = [_JSONL_PATH.sub(r"\g<file>", p) for p, _ in items]
    distinct = sorted(set(files))
    base = os.path.commonpath([os.path.dirname(os.path.abspath(f)) for f in distinct]) if distinct else ""
    rel = {f: PurePosixPath(Path(os.path.relpath(os.path.abspath(f), base)).as_posix()) for f in distinct}
    stems = {f: str(r.with_suffix("")) for f, r in rel.items()}
    clash = {s for s in stems.values() if list(stems.values()).count(s) > 1}
    names: list[str] = []
    for (path, rec), file in zip(items, files, strict=True):
        name = str(rel[file]) if stems[file] in clash else stems[file]
        m = _JSONL_PATH.match(path)
        if m:
            name = f"{name}:{rec if rec is not None else m.group('line')}"
        names.append(name)
    return dedupe_names(names)


# --------------------------------------------------------------------- views for the renderers


@dataclass(frozen=True)
class Section:
    """One story as the CI formats show it: its articles and findings, or why it was skipped."""

    id: str
    reason: str
    articles: tuple[Article, ...]
    findings: tuple[Finding, ...]
    skipped: bool = False


def sections(report: Any) -> list[Section]:
    """Stories of a ``factcheck check`` report, or the single story of a ``diff`` report.

    The renderers take either: a check report has ``stories``; a diff report is one story whose
    id is the one its findings carry, if any.
    """
    stories = getattr(report, "stories", None)
    if stories is None:
        sid = next((f.story for f in report.results if f.story), None) or next(
            (a.story for a in report.articles if a.story), None) or "story"
        return [Section(sid, "", tuple(report.articles), tuple(report.results))]
    arts: dict[str | None, list[Article]] = {}
    for a in report.articles:
        arts.setdefault(a.story, []).append(a)
    found: dict[str | None, list[Finding]] = {}
    for f in report.results:
        found.setdefault(f.story, []).append(f)
    return [Section(s.id, s.reason, tuple(arts.get(s.id, ())), tuple(found.get(s.id, ())),
                    s.skipped) for s in stories]


class Locator:
    """Where evidence and problems sit in the corpus files, for annotations (SARIF, GitHub).

    A JSON Lines record gives its line in the .jsonl file and no column (offsets index its text
    field); an HTML page gives no line (offsets index the extracted text, not the markup).
    """

    def __init__(self, report: Any):
        self.paths = {a.id: a.path for a in report.articles}

    def evidence(self, e: Evidence) -> tuple[str, int | None, int | None]:
        """``(file, line, column)``; line and column are None where they would mislead."""
        file, record_line = file_location(self.paths.get(e.source, e.source))
        if record_line is not None:
            return file, record_line, None
        if file.lower().endswith((".html", ".htm")):
            return file, None, None
        return file, e.line, e.column

    def source(self, source: str | None) -> tuple[str | None, int | None]:
        """``(file, line)`` behind a problem's source (an article id or a path), if any."""
        if source is None:
            return None, None
        if source in self.paths:
            return file_location(self.paths[source])
        return file_location(source)  # collection problems name the file itself
