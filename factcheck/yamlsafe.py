"""YAML for untrusted input: front matter of articles and rule files.

``yaml.safe_load`` runs no code, but it still expands aliases: ten nested anchors of ten aliases
each ("billion laughs") make a structure of 10**10 references that any later ``str()`` or walk
never finishes. Nothing factcheck reads needs aliases, so they are refused outright rather than
capped. Timestamps are left as strings, because PyYAML raises a bare ``ValueError`` for
``2023-13-45`` while building the value, before the caller could say which file and line; dates
are parsed by the caller, who knows both. Nesting is bounded for the same reason as aliases: a
line of ten thousand ``[`` exhausts the recursion of the composer.
"""

from __future__ import annotations

from typing import Any

import yaml

from factcheck.errors import FactcheckError

MAX_DEPTH = 50
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _Loader(yaml.SafeLoader):
    """SafeLoader without aliases, timestamps or deep nesting."""

    depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed", mark)
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise yaml.composer.ComposerError(None, None, f"nested more than {MAX_DEPTH} deep",
                                                  self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load(text: str, where: str, error: type[FactcheckError], *, first_line: int = 1,
         hint: str = "fix the YAML syntax") -> tuple[Any, dict[str, int]]:
    """Parse one YAML document; return it and the line of each key (``a`` and ``a.b``).

    ``first_line`` is the file line of the text's first line (front matter starts on line 2).
    Every failure is ``error`` at ``where:line``.
    """
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = (mark.line if mark else 0) + first_line
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise error(f"invalid YAML: {problem}", where=f"{where}:{line}", hint=hint) from None
    except RecursionError:
        raise error("invalid YAML: nested too deep", where=f"{where}:{first_line}",
                    hint=hint) from None
    finally:
        loader.dispose()
    return data, _key_lines(node, first_line)


def _key_lines(node: Any, first_line: int) -> dict[str, int]:
    lines: dict[str, int] = {}
    if not isinstance(node, yaml.MappingNode):
        return lines
    for key, value in node.value:
        name = str(key.value)
        lines.setdefault(name, key.start_mark.line + first_line)
        if isinstance(value, yaml.MappingNode):
            for sub, _ in value.value:
                lines.setdefault(f"{name}.{sub.value}", sub.start_mark.line + first_line)
    return lines
