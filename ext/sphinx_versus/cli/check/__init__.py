"""``sphinx-versus check``: the mistakes a build accepts without a word.

Reads Markdown pages and CSV files only, never runs Sphinx or ``conf.py``, so
it answers in well under the time of a no-op build.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from pathlib import Path

    from sphinx_versus.cli.problems import Problem

#: Folders never checked: build output, virtual environments, caches.
SKIPPED = frozenset(
    {"_build", ".venv", "node_modules", ".git", "target", "__pycache__"}
)


def files(paths: Iterable[Path]) -> Iterator[Path]:
    """Markdown pages and CSV files under *paths* (files named are taken as is)."""
    for path in paths:
        if path.is_dir():
            for found in sorted(path.rglob("*")):
                parts = set(found.relative_to(path).parts)
                if parts & SKIPPED or not found.is_file():
                    continue
                if found.suffix in {".md", ".csv"}:
                    yield found
        else:
            yield path


def check(paths: Iterable[Path]) -> list[Problem]:
    """Every problem in *paths*, sorted by file, line and column."""
    from sphinx_versus.cli.check.csvfiles import check_csv
    from sphinx_versus.cli.check.pages import check_page

    problems: list[Problem] = []
    for file in files(paths):
        shown = file.as_posix()
        if file.suffix == ".csv":
            problems += check_csv(file, shown)
        elif file.suffix == ".md":
            problems += check_page(file, shown)
    return sorted(problems)
