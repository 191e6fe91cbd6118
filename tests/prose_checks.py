"""Comparative words a writer typed: what "words follow from data" forbids.

A measured comparison on a page ("4.7× faster", "no measurable difference")
must come from the data, through the ``benchmark-ratio``/``benchmark-verdict``
roles or a benchmark table, whose output carries the class ``versus-ratio``
(or sits in a ``versus-benchmark-table``).  :func:`hand_written_comparisons`
finds every comparative figure or word in a built HTML page's visible prose
that did not come from there, so a test can fail on a sentence that drifts
from the figures.  Code, and whatever else a caller names, is left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, NavigableString, Tag

#: "4.7×", "2x", "2.5 times", and the verdict words themselves.
COMPARATIVE = re.compile(
    r"""
    (?<![\w.])\d+(?:[.,]\d+)?(?:\s*[-\u2013]\s*\d+(?:[.,]\d+)?)?\s*(?:\u00d7|x(?![\w]))
  | (?<![\w.])\d+(?:[.,]\d+)?\s+times\b
  | \b(?:faster|slower|quicker|no\s+measurable\s+difference)\b
    """,
    re.IGNORECASE | re.VERBOSE,
)

#: Classes whose text the extension wrote from data.
GENERATED_CLASSES = frozenset({"versus-ratio", "versus-benchmark-table"})
#: Elements whose text is not prose: code, and what is never shown.
NOT_PROSE = frozenset(
    {"code", "pre", "kbd", "samp", "script", "style", "template", "math", "svg"}
)


@dataclass(frozen=True)
class Finding:
    """A comparative word or figure, and the text it stands in."""

    match: str
    context: str


def _skipped(text: NavigableString, skip: frozenset[str]) -> bool:
    for parent in text.parents:
        if not isinstance(parent, Tag):
            continue
        if parent.name in NOT_PROSE:
            return True
        if (GENERATED_CLASSES | skip) & set(parent.get("class") or []):
            return True
    return False


def hand_written_comparisons(
    html: str, *, skip_classes: frozenset[str] = frozenset()
) -> list[Finding]:
    """Every comparative figure or word in the page's main content that is
    not inside generated ratio output, code, or an element with a class in
    *skip_classes* (say, a block that quotes an attributed claim)."""
    soup = BeautifulSoup(html, "html.parser")
    main = soup.find(attrs={"role": "main"}) or soup.find("main") or soup.body or soup
    found: list[Finding] = []
    for text in main.find_all(string=True):
        if not isinstance(text, NavigableString) or _skipped(text, skip_classes):
            continue
        plain = text.replace("\u00a0", " ")
        for match in COMPARATIVE.finditer(plain):
            start, end = match.span()
            context = " ".join(plain[max(0, start - 60) : end + 60].split())
            found.append(Finding(" ".join(match.group().split()), context))
    return found
