"""comparison-table: a feature table from ``a | b | c`` rows, JSON or a CSV file.

``rows`` turns the writer's text into cells (pure functions, no Sphinx);
``directive`` turns cells into a docutils table with located warnings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_versus.comparison.directive import NAME, ComparisonTableDirective

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> None:
    app.add_directive(NAME, ComparisonTableDirective)
