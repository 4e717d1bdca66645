"""One error hierarchy: each error knows its exit code and a hint for the fix.

The CLI prints ``Error: what failed (where). how to fix`` and exits with ``exit_code``; only
``--debug`` shows a traceback.
"""

from __future__ import annotations


class FactcheckError(Exception):
    exit_code = 2

    def __init__(self, message: str, *, where: str | None = None, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.where = where
        self.hint = hint

    def __str__(self) -> str:
        text = self.message
        if self.where:
            text += f" ({self.where})"
        if self.hint:
            text += f". {self.hint}"
        return text


class InputError(FactcheckError):
    """An article cannot be read or holds no usable text."""


class RuleError(FactcheckError):
    """A rule or configuration file is invalid."""


class UsageError(FactcheckError):
    """The command line asks for something impossible (one source, bad date, ...)."""
