"""Baselines: accept today's disagreements so that a CI gate fails only on new ones.

A corpus that already holds known disagreements would otherwise fail every run, and a gate that
always fails is switched off. ``--write-baseline FILE`` records each disagreement; ``--baseline
FILE`` then drops the findings it knows.

A record must outlive everything that does not change the disagreement itself: edits elsewhere
in the article, lines moving, files renamed or moved to another folder, and above all the story
grouping: a story recorded alone and later checked inside a larger corpus gets another story id,
may gain sources (which repeat a side in other words, "Quelque 33.000 foyers" for "33.000
foyers") or be split. So an entry holds only the rule id, the finding type and the *set* of
normalised evidence texts (never offsets, line numbers, paths, source ids, story ids or values),
and a finding is known when one entry of its rule and type **covers every side** of it: each
group of evidence sharing a value contains a text the entry recorded. Sources joining a known
disagreement on a known side, or a story split in two, change nothing; a source bringing a value
no recorded text had is a new side, so the finding is new.

Matching is by coverage, not by count: the same disagreement in two stories is one known
disagreement (counting copies would make the result depend on how stories are grouped). The
``fingerprint`` field stays in the file as a stable, diff-friendly name for each entry; files
written before coverage matching have the same fields and are read as they are.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from factcheck import files
from factcheck.errors import InputError
from factcheck.model import Finding

SCHEMA = "factcheck.baseline/1"
#: Bumped if the recipe changes, so an old baseline never matches by accident.
RECIPE = "v1"
_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "«": '"', "»": '"', "“": '"', "”": '"',
                         "\u00a0": " ", "\u202f": " ", "\u2009": " "})


def normalise(text: str) -> str:
    """Text as a reader would compare it: NFKC, one kind of apostrophe and quote, case and
    runs of white space folded (a re-wrapped line must not make a finding new)."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return " ".join(text.casefold().split())


def evidence_texts(finding: Finding) -> list[str]:
    return sorted({normalise(e.text) for e in finding.evidence})


def fingerprint(finding: Finding) -> str:
    """sha256 over rule, type and the sorted set of normalised evidence texts: a stable name
    for an entry (matching itself is by :func:`is_known`)."""
    payload = json.dumps([RECIPE, finding.rule, finding.type, evidence_texts(finding)],
                         ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def baselined(findings: Iterable[Finding]) -> list[Finding]:
    """The findings a baseline records: disagreements (agreements need no accepting)."""
    return [f for f in findings if f.status == "disagreement"]


def dumps(findings: Iterable[Finding]) -> str:
    """The baseline file text: sorted, path-free, so renames do not churn it in a diff."""
    entries = [{"fingerprint": fingerprint(f), "rule": f.rule, "type": f.type,
                "severity": str(f.severity), "texts": evidence_texts(f)}
               for f in baselined(findings)]
    entries.sort(key=lambda e: (e["fingerprint"], e["rule"]))
    return json.dumps({"schema": SCHEMA, "findings": entries}, ensure_ascii=False, indent=2) + "\n"


def load(path: str | Path) -> Counter[str]:
    """Read a baseline file; a bad file is an error (exit 2), since silently using an empty
    baseline would fail, or pass, for the wrong reason.

    The result maps each entry (:func:`entry_key`) to 1; :func:`split` matches findings against
    these keys by coverage and never uses the counts up.
    """
    where = str(path)
    if not Path(path).exists():
        raise InputError("no such baseline file", where=where,
                         hint="create it with --write-baseline FILE")
    try:
        data = json.loads(files.read_text(path, InputError, what="baseline file"))
    except json.JSONDecodeError as exc:
        raise InputError(f"baseline is not JSON: {exc.msg}", where=f"{where}:{exc.lineno}",
                         hint="write it again with --write-baseline FILE") from exc
    except RecursionError:
        raise InputError("baseline is not a baseline: JSON nested too deep", where=where,
                         hint="write it again with --write-baseline FILE") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA or not isinstance(
            data.get("findings"), list):
        raise InputError(f"not a {SCHEMA} file", where=where,
                         hint="write it again with --write-baseline FILE")
    known: Counter[str] = Counter()
    for entry in data["findings"]:
        texts = entry.get("texts") if isinstance(entry, dict) else None
        if not (isinstance(entry, dict) and isinstance(entry.get("rule"), str)
                and isinstance(entry.get("type"), str) and isinstance(texts, list)
                and texts and all(isinstance(t, str) for t in texts)):
            raise InputError("baseline entry without rule, type and texts", where=where,
                             hint="write it again with --write-baseline FILE")
        known[entry_key(entry["rule"], entry["type"], texts)] = 1
    return known


def entry_key(rule: str, type_: str, texts: Iterable[str]) -> str:
    """One baseline entry as a string key: rule, type and the sorted normalised texts."""
    return json.dumps([rule, type_, sorted({normalise(t) for t in texts})], ensure_ascii=False,
                      separators=(",", ":"))


def sides(finding: Finding) -> list[set[str]]:
    """The finding's sides: the normalised texts of each group of evidence with one value."""
    groups: dict[str, set[str]] = {}
    for e in finding.evidence:
        value = json.dumps(e.value, sort_keys=True, default=str, ensure_ascii=False)
        groups.setdefault(value, set()).add(normalise(e.text))
    return list(groups.values())


def is_known(finding: Finding, entries: Iterable[tuple[str, str, frozenset[str]]]) -> bool:
    """Whether one entry of the finding's rule and type has a text on every side of it."""
    parts = sides(finding)
    return any(rule == finding.rule and type_ == finding.type
               and all(side & texts for side in parts) for rule, type_, texts in entries)


def split(findings: Iterable[Finding], known: Counter[str]) -> tuple[list[Finding], list[Finding]]:
    """``(kept, suppressed)``: disagreements the baseline covers are suppressed."""
    entries = []
    for key in known:
        rule, type_, texts = json.loads(key)
        entries.append((rule, type_, frozenset(texts)))
    kept: list[Finding] = []
    suppressed: list[Finding] = []
    for f in findings:
        if f.status == "disagreement" and is_known(f, entries):
            suppressed.append(f)
        else:
            kept.append(f)
    return kept, suppressed
