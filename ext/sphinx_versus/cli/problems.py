"""One reported problem and the one line format every subcommand prints.

``path:line:col: versus.check.<kind>: message`` is what compilers print, so
editors, pre-commit and CI annotate the line without any configuration.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """A located mistake; ``line`` and ``col`` count from 1."""

    path: str
    line: int
    col: int
    kind: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.col}"
        return f"{where}: versus.check.{self.kind}: {self.message}"
