"""The MyST text the importer writes: fences, code-compare blocks, table cells.

Also :class:`Output`, where a conversion step puts that text and its notes,
so each component's module writes through the converter without importing it.
"""

from __future__ import annotations

import re
from typing import Protocol


class Output(Protocol):
    """The page being written and the report beside it."""

    def note(self, line: int, kind: str, message: str) -> None: ...

    def emit(self, text: str) -> None: ...

    def comment(self, line: int, text: str) -> None: ...


def fence(info: str, body: str) -> str:
    """*body* in a fence longer than any backtick run inside it."""
    longest = max((len(m) for m in re.findall(r"`{3,}", body)), default=2)
    marker = "`" * max(3, longest + 1)
    return f"{marker}{info}\n{body}\n{marker}"


def code_compare(blocks: list[tuple[str, str]]) -> str:
    """``(language, code)`` pairs as one code-compare block."""
    inner = "\n\n".join(fence(lang, code.rstrip("\n")) for lang, code in blocks)
    return fence("{code-compare}", inner)


def cell(text: str) -> str:
    """A comparison-table cell on one line, its pipes escaped."""
    return " ".join(text.split()).replace("|", "\\|") or " "


def short(text: str, limit: int = 60) -> str:
    """*text* on one line, cut to *limit* characters for a note."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
