"""Walk one MyST page's blocks, directive bodies included, and check each."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_versus.cli.check import directives, fences, names, text
from sphinx_versus.cli.check.context import Page, markdown

if TYPE_CHECKING:
    from pathlib import Path

    from sphinx_versus.cli.problems import Problem


def check_page(path: Path, shown: str) -> list[Problem]:
    """Every problem of one Markdown page, in line order."""
    source = path.read_text(encoding="utf-8")
    page = Page(path, shown, source.splitlines())
    _walk(page, source, 0)
    return sorted(set(page.problems))


def _walk(page: Page, source: str, offset: int) -> None:
    """Check the blocks of *source*, whose first line is page line *offset*+1."""
    end = offset + len(source.splitlines())
    for token in markdown().parse(source):
        if token.map is None:
            continue
        if token.type == "fence":
            _fence(page, token.info, token.content, token.map[0] + offset, end)
            fences.check_fence(page, token, offset, end)
        elif token.type == "colon_fence":
            _fence(page, token.info, token.content, token.map[0] + offset, end)
        elif token.type == "paragraph_open":
            fences.check_paragraph(page, token, offset)
        elif token.type == "inline":
            text.check_inline(page, token, offset)


def _fence(page: Page, info: str, content: str, first: int, end: int) -> None:
    """A fence at 0-based page line *first*: a directive or a code block."""
    directive = directives.parse(info, content, first + 1)
    if directive is None:
        language = info.split()[0] if info.strip() else ""
        if language:
            directives.check_language(page, language, first + 1)
        return
    directives.check(page, directive)
    if directive.name not in names.LITERAL_BODY and directive.name not in {
        "comparison-table",
        "toctree",
    }:
        _walk(page, "\n".join(directive.body), first + 1)
