"""Baselines: accept today's disagreements so that a CI gate fails only on new ones.

A corpus that already holds known disagreements would otherwise fail every run, and a gate that
always fails is switched off. ``--write-baseline FILE`` records a fingerprint for each
disagreement; ``--baseline FILE`` then drops the findings it knows.

A fingerprint must outlive everything that does not change the disagreement itself: edits
elsewhere in the article, lines moving, files renamed or moved to another folder, another article
joining the story (which changes story ids and, through borrowed dates, resolved values). So it is
built only from the rule id, the finding type and the *set* of normalised evidence texts: never
offsets, line numbers, paths, source ids, story ids or values. A set rather than a list means a
third source repeating "18.000 foyers" does not turn a known disagreement into a new one.

Matching counts fingerprints (a multiset): two identical disagreements in two stories need two
entries, so a second copy appearing later is reported as new.
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
    """sha256 over rule, type and the sorted set of normalised evidence texts."""
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
    """Read a baseline file into a multiset of fingerprints; a bad file is an error (exit 2),
    since silently using an empty baseline would fail, or pass, for the wrong reason."""
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
        if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str):
            raise InputError("baseline entry without a fingerprint", where=where,
                             hint="write it again with --write-baseline FILE")
        known[entry["fingerprint"]] += 1
    return known


def split(findings: Iterable[Finding], known: Counter[str]) -> tuple[list[Finding], list[Finding]]:
    """``(kept, suppressed)``: disagreements the baseline knows are suppressed, one per entry.

    Findings are taken in their given (deterministic) order, so which copy of a repeated
    fingerprint counts as new is stable from run to run.
    """
    left = Counter(known)
    kept: list[Finding] = []
    suppressed: list[Finding] = []
    for f in findings:
        if f.status == "disagreement":
            fp = fingerprint(f)
            if left[fp] > 0:
                left[fp] -= 1
                suppressed.append(f)
                continue
        kept.append(f)
    return kept, suppressed
