"""Project configuration: ``factcheck.toml`` or ``[tool.factcheck]`` in ``pyproject.toml``.

It sets what a team wants every run to use (extra rule folders, rule selection, severities,
options, the failure threshold) so that CI and a person's terminal agree without long command
lines. Command-line options win over the file.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck import files
from factcheck.errors import RuleError
from factcheck.model import Severity
from factcheck.rules import Rule, build_options, require_known

KEYS = ("rules", "select", "ignore", "fail-on", "severity", "options")


@dataclass(frozen=True)
class Config:
    path: str | None = None
    rules: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    severity: dict[str, str] = field(default_factory=dict)
    options: dict[str, dict[str, Any]] = field(default_factory=dict)


def find_config(start: Path | None = None) -> Path | None:
    """The nearest ``factcheck.toml``, or ``pyproject.toml`` with a [tool.factcheck] table."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "factcheck.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and re.search(r"^\[tool\.factcheck[\].]", _read(pyproject), re.M):
            return pyproject
        if (folder / ".git").exists():
            break
    return None


#: A configuration is a few lines; a huge file is a mistake, not a configuration.
MAX_CONFIG_BYTES = 1024 * 1024


def _read(path: Path) -> str:
    return files.read_text(path, RuleError, limit=MAX_CONFIG_BYTES, what="configuration file")


def _line_of(text: str, key: str) -> int:
    match = re.search(rf"^\s*\"?{re.escape(key)}\"?\s*=|^\s*\[.*\b{re.escape(key)}\b.*\]", text,
                      re.M)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def load_config(path: Path) -> Config:
    text = _read(path)
    where = str(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = re.search(r"line (\d+)", str(exc))
        raise RuleError(f"invalid TOML: {exc}", where=f"{where}:{line.group(1) if line else 1}",
                        hint="fix the TOML syntax") from exc
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("factcheck", {})
    for key in data:
        if key not in KEYS:
            close = difflib.get_close_matches(key, KEYS, n=1)
            raise RuleError(f"unknown configuration key '{key}'",
                            where=f"{where}:{_line_of(text, key)}",
                            hint=f"did you mean '{close[0]}'?" if close else
                            f"expected one of {', '.join(KEYS)}")

    def strings(key: str) -> tuple[str, ...]:
        value = data.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise RuleError(f"'{key}' must be a list of strings", where=f"{where}:{_line_of(text, key)}")
        return tuple(value)

    base = path.parent
    rules = tuple(str((base / d).resolve()) for d in strings("rules"))
    fail_on = data.get("fail-on")
    if fail_on is not None and fail_on not in ("error", "warning", "info", "never"):
        raise RuleError(f"'fail-on' must be error, warning, info or never, not {fail_on!r}",
                        where=f"{where}:{_line_of(text, 'fail-on')}")
    severity = data.get("severity", {})
    options = data.get("options", {})
    if not isinstance(severity, dict) or not isinstance(options, dict):
        raise RuleError("'severity' and 'options' must be tables", where=where)
    return Config(where, rules, strings("select"), strings("ignore"), fail_on,
                  {str(k): v for k, v in severity.items()},
                  {str(k): v for k, v in options.items()})


def _value_line(text: str, key: str, value: str, start: int = 0) -> int:
    """Line of ``value`` written as a string in the ``key = [...]`` list (or the key's line),
    looking from ``start`` (the ``[tool.factcheck]`` table of a pyproject.toml)."""
    match = re.compile(rf"^\s*\"?{re.escape(key)}\"?\s*=", re.M).search(text, start)
    if not match:
        return 1
    quoted = re.compile(rf"[\"']{re.escape(value)}[\"']")
    hit = quoted.search(text, match.start())
    return text.count("\n", 0, (hit or match).start()) + 1


def check_selection(rules: list[Rule], config: Config) -> None:
    """Every ``select``/``ignore`` name must name a loaded rule, tag or kind (file:line)."""
    if not config.path:
        return
    text = _read(Path(config.path))
    table = re.search(r"^\[tool\.factcheck\]", text, re.M)
    start = table.start() if table and Path(config.path).name == "pyproject.toml" else 0
    for key in ("select", "ignore"):
        require_known(rules, getattr(config, key),
                      lambda name, key=key: f"{config.path}:{_value_line(text, key, name, start)}")


def apply(rules: list[Rule], config: Config) -> list[Rule]:
    """Set the configured severities and options on the rules, checking every name."""
    by_id = {r.id: r for r in rules}
    text = _read(Path(config.path)) if config.path else ""
    where = config.path or "configuration"

    def unknown(rule_id: str) -> RuleError:
        close = difflib.get_close_matches(rule_id, list(by_id), n=1)
        return RuleError(f"configuration names unknown rule '{rule_id}'",
                         where=f"{where}:{_line_of(text, rule_id)}",
                         hint=f"did you mean '{close[0]}'?" if close else "see 'factcheck rules'")

    for rule_id, level in config.severity.items():
        if rule_id not in by_id:
            raise unknown(rule_id)
        try:
            sev = Severity.parse(str(level))
        except KeyError:
            raise RuleError(f"unknown severity {level!r} for {rule_id}",
                            where=f"{where}:{_line_of(text, rule_id)}",
                            hint="use error, warning or info") from None
        by_id[rule_id] = dataclasses.replace(by_id[rule_id], severity=sev)
    for rule_id, values in config.options.items():
        if rule_id not in by_id:
            raise unknown(rule_id)
        rule = by_id[rule_id]
        merged = {**dataclasses.asdict(rule.options), **values}
        options = build_options(rule.kind, merged,
                                lambda key, rid=rule_id: f"{where}:{_line_of(text, rid)}")
        by_id[rule_id] = dataclasses.replace(rule, options=options)
    return sorted(by_id.values(), key=lambda r: r.id)
