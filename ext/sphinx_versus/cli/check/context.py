"""What one check run knows: the page being read, the site around it.

A page is parsed by MyST's own Markdown parser (``myst_parser``'s
markdown-it configuration), so the blocks the check sees are the blocks the
build will see, each with its line map.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sphinx_versus.cli.problems import Problem

if TYPE_CHECKING:
    from pathlib import Path

    from markdown_it import MarkdownIt

#: MyST syntax extensions the check understands; replacements and smart
#: quotes stay off, so the check sees ``--`` as the writer typed it.
MYST_EXTENSIONS = frozenset(
    {
        "colon_fence",
        "deflist",
        "fieldlist",
        "substitution",
        "attrs_inline",
        "attrs_block",
    }
)


@functools.cache
def markdown() -> MarkdownIt:
    """MyST's Markdown parser, created once per run."""
    from markdown_it.renderer import RendererHTML
    from myst_parser.config.main import MdParserConfig
    from myst_parser.parsers.mdit import create_md_parser

    config = MdParserConfig(enable_extensions=set(MYST_EXTENSIONS))
    return create_md_parser(config, RendererHTML)


def source_dir(path: Path) -> Path:
    """The Sphinx source directory a file belongs to: the nearest folder
    above it with a ``conf.py`` (else the file's own folder)."""
    for folder in path.resolve().parents:
        if (folder / "conf.py").is_file():
            return folder
    return path.resolve().parent


@dataclass
class Page:
    """One Markdown page being checked, and the problems found in it."""

    path: Path
    shown: str
    lines: list[str]
    problems: list[Problem] = field(default_factory=list)
    #: A fence problem was reported: a bare fence left open after it is its
    #: consequence, not news.
    fence_trouble: bool = False

    @functools.cached_property
    def srcdir(self) -> Path:
        return source_dir(self.path)

    def report(self, line: int, col: int, kind: str, message: str) -> None:
        """Record a problem; *line* and *col* count from 1."""
        self.problems.append(Problem(self.shown, line, max(col, 1), kind, message))

    def column(self, line: int, text: str) -> int:
        """Where *text* starts on 1-based *line* (1 when it is not there)."""
        if 1 <= line <= len(self.lines):
            found = self.lines[line - 1].find(text)
            if found >= 0:
                return found + 1
        return 1

    def resolve(self, written: str) -> Path:
        """A path as Sphinx reads it: ``/`` is the source directory, anything
        else is relative to the page."""
        if written.startswith("/"):
            return self.srcdir / written.lstrip("/")
        return self.path.parent / written

    def doc_exists(self, written: str) -> bool:
        """Is there a page (any source suffix) for this document name?"""
        base = self.resolve(written.split("#", 1)[0])
        if base.suffix in {".md", ".rst", ".ipynb"} and base.is_file():
            return True
        return any(base.with_name(base.name + s).is_file() for s in (".md", ".rst"))
