"""Load and validate rule files.

A rule is data: one YAML file naming a kind from :mod:`factcheck.kinds`, a severity, a message
template and option values. Files are read with :mod:`factcheck.yamlsafe` (no tags, no code, no
aliases); every key and option is checked, and errors point at ``file:line`` with a "did you
mean".
"""

from __future__ import annotations

import dataclasses
import difflib
import string
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from factcheck import files, yamlsafe
from factcheck.errors import FactcheckError, RuleError
from factcheck.kinds import KINDS
from factcheck.model import FACT_TYPES, Severity

#: A rule is a page of YAML; anything far larger is not a rule file.
MAX_RULE_BYTES = 1024 * 1024
REQUIRED = ("id", "name", "kind", "fact", "severity", "message", "description")
OPTIONAL = ("options", "examples", "tags", "enabled")


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    kind: str
    fact: str
    severity: Severity
    message: str
    description: str
    options: Any
    tags: tuple[str, ...] = ()
    enabled: bool = True
    examples: dict[str, list[dict[str, Any]]] = field(default_factory=dict, compare=False,
                                                      hash=False)
    path: str = ""


def builtin_rules_dir() -> Path:
    """Where the shipped rules are: inside the wheel, or the checkout's ``rules/`` folder."""
    packaged = resources.files("factcheck") / "_rules"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "rules"


def _suggest(word: str, choices: list[str] | tuple[str, ...]) -> str:
    close = difflib.get_close_matches(str(word), list(choices), n=1)
    return f"; did you mean '{close[0]}'?" if close else f"; expected one of {', '.join(choices)}"


def load_rule(path: Path) -> Rule:
    where = str(path)
    text = files.read_text(path, RuleError, limit=MAX_RULE_BYTES, what="rule file")
    data, lines = yamlsafe.load(text, where, RuleError)
    if not isinstance(data, dict):
        raise RuleError("a rule file must be a mapping of keys", where=f"{where}:1")

    def at(key: str) -> str:
        return f"{where}:{lines.get(key, 1)}"

    for key in data:
        if key not in REQUIRED and key not in OPTIONAL:
            raise RuleError(f"unknown key '{key}'{_suggest(key, REQUIRED + OPTIONAL)}",
                            where=at(str(key)))
    for key in REQUIRED:
        if key not in data:
            raise RuleError(f"missing key '{key}'", where=f"{where}:1",
                            hint=f"add '{key}:' to the rule")
        if not isinstance(data[key], str) or not data[key].strip():
            raise RuleError(f"'{key}' must be a non-empty string", where=at(key))
    kind = data["kind"]
    if kind not in KINDS:
        raise RuleError(f"unknown kind '{kind}'{_suggest(kind, tuple(KINDS))}", where=at("kind"))
    if data["fact"] not in FACT_TYPES and data["fact"] != "any":
        raise RuleError(f"unknown fact type '{data['fact']}'{_suggest(data['fact'], FACT_TYPES)}",
                        where=at("fact"))
    try:
        severity = Severity.parse(data["severity"])
    except KeyError:
        raise RuleError(f"unknown severity '{data['severity']}'"
                        f"{_suggest(data['severity'], ('error', 'warning', 'info'))}",
                        where=at("severity")) from None
    options = build_options(kind, data.get("options") or {}, at)
    _check_template(data["message"], at("message"))
    examples = data.get("examples") or {}
    if not isinstance(examples, dict) or set(examples) - {"pass", "fail"}:
        raise RuleError("'examples' must have 'pass' and/or 'fail' lists", where=at("examples"))
    for label, cases in examples.items():
        _check_examples(label, cases, at(f"examples.{label}"))
    tags = data.get("tags") or []
    if not isinstance(tags, list):
        raise RuleError("'tags' must be a list", where=at("tags"))
    return Rule(id=data["id"], name=data["name"], kind=kind, fact=data["fact"], severity=severity,
                message=data["message"], description=data["description"].strip(),
                options=options, tags=tuple(str(t) for t in tags),
                enabled=bool(data.get("enabled", True)), examples=examples, path=where)


def _check_examples(label: str, cases: Any, where: str) -> None:
    """Examples run as tests and are shown by ``factcheck rule``: each must be real text."""
    shape = f"examples.{label} must be a list of {{sources: [text, text, ...], date: YYYY-MM-DD}}"
    if not isinstance(cases, list):
        raise RuleError(shape, where=where)
    for n, case in enumerate(cases, 1):
        if not isinstance(case, dict) or set(case) - {"sources", "date"}:
            raise RuleError(f"{shape} (example {n})", where=where)
        sources = case.get("sources")
        if not isinstance(sources, list) or len(sources) < 2:
            raise RuleError(f"examples.{label}: example {n} needs two or more sources",
                            where=where)
        if not all(isinstance(t, str) and t.strip() for t in sources):
            raise RuleError(f"examples.{label}: example {n} has a source that is not text",
                            where=where, hint="quote each source as a string")
        if case.get("date") is not None and not isinstance(case["date"], str):
            raise RuleError(f"examples.{label}: example {n} has a date that is not YYYY-MM-DD",
                            where=where)


def build_options(kind: str, raw: Any, at: Any = lambda k: "") -> Any:
    cls = KINDS[kind].options
    if not isinstance(raw, dict):
        raise RuleError("'options' must be a mapping", where=at("options"))
    known = {f.name: f for f in dataclasses.fields(cls)}
    defaults = cls()
    values = {}
    for key, value in raw.items():
        if key not in known:
            raise RuleError(f"unknown option '{key}' for kind {kind}"
                            f"{_suggest(key, tuple(known))}", where=at(f"options.{key}"))
        expected = type(getattr(defaults, key))
        if expected is list and isinstance(value, list) and key == "pairs" and not all(
                isinstance(p, list) and len(p) == 2 and all(isinstance(w, str) for w in p)
                for p in value):
            raise RuleError("option 'pairs' must be a list of [word, word] pairs",
                            where=at(f"options.{key}"))
        ok = isinstance(value, expected) or (expected is float and isinstance(value, int)
                                             and not isinstance(value, bool))
        if expected is int and isinstance(value, bool):
            ok = False
        if not ok:
            raise RuleError(f"option '{key}' must be {expected.__name__}, got {value!r}",
                            where=at(f"options.{key}"))
        if expected is float:
            value = float(value)
        values[key] = value
    try:
        return cls(**values)
    except (TypeError, ValueError) as exc:  # pragma: no cover - checked above
        raise RuleError(str(exc), where=at("options")) from exc


ALLOWED_FIELDS = {"type", "values", "a", "b", "sources", "count", "source", "value", "text",
                  "how", "changes", "detail"}


def _check_template(template: str, where: str) -> None:
    try:
        parts = [(f, conv) for _, f, _, conv in string.Formatter().parse(template)
                 if f is not None]
    except ValueError as exc:
        raise RuleError(f"bad message template: {exc}", where=where) from exc
    for name, conversion in parts:
        if name not in ALLOWED_FIELDS:
            raise RuleError(f"unknown field {{{name}}} in message"
                            f"{_suggest(name, tuple(sorted(ALLOWED_FIELDS)))}", where=where)
        if conversion not in (None, "s", "r", "a"):
            raise RuleError(f"bad conversion !{conversion} in message field {{{name}}}",
                            where=where, hint="use !s, !r or !a, or none")
    try:  # format specs: every field is text when the message is made (see format_message)
        template.format(**dict.fromkeys(ALLOWED_FIELDS, "x"))
    except (ValueError, TypeError) as exc:
        raise RuleError(f"bad message template: {exc}", where=where) from exc


def load_rules(extra_dirs: list[str] | None = None, *, include_builtin: bool = True) -> list[Rule]:
    dirs = ([builtin_rules_dir()] if include_builtin else []) + [Path(d) for d in extra_dirs or []]
    rules: dict[str, Rule] = {}
    for d in dirs:
        if not d.is_dir():
            raise RuleError("rules folder not found", where=str(d), hint="check --rules")
        for path in sorted(list(d.glob("*.yaml")) + list(d.glob("*.yml"))):
            rule = load_rule(path)
            rules[rule.id] = rule  # a user's rule with a built-in id replaces it
    return sorted(rules.values(), key=lambda r: r.id)


def select_rules(rules: list[Rule], select: list[str] | None, ignore: list[str] | None
                 ) -> list[Rule]:
    def hit(rule: Rule, names: list[str]) -> bool:
        return any(n == rule.id or n in rule.tags or n == rule.kind for n in names)

    out = [r for r in rules if r.enabled]
    if select:
        out = [r for r in out if hit(r, select)]
    if ignore:
        out = [r for r in out if not hit(r, ignore)]
    return out


def rule_names(rules: list[Rule]) -> set[str]:
    """Every name :func:`select_rules` accepts: rule ids, tags and kinds (disabled rules too:
    naming one is a choice, not a typo)."""
    return {n for r in rules for n in (r.id, r.kind, *r.tags)}


def require_known(rules: list[Rule], names: list[str] | tuple[str, ...] | None,
                  where: Callable[[str], str | None], error: type[FactcheckError] = RuleError
                  ) -> None:
    """Raise ``error`` for the first name that selects nothing, with a "did you mean".

    A mistyped ``--select`` would otherwise run no rule, or a mistyped ``--ignore`` every rule,
    and the report would look clean for the wrong reason. ``where(name)`` says where the name
    was written (an option, ``file:line``).
    """
    known = sorted(rule_names(rules))
    for name in names or ():
        if name not in known:
            close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
            raise error(f"unknown rule id, tag or kind '{name}'", where=where(name),
                        hint=f"did you mean '{close[0]}'?" if close else
                        "'factcheck rules' lists the rule ids and kinds")


def format_message(rule: Rule, fields: dict[str, Any]) -> str:
    safe = {k: str(fields.get(k, "")) for k in ALLOWED_FIELDS}
    return rule.message.format(**safe)
