"""benchmark-table, benchmark-chart and the ratio roles: figures from a CSV file.

The data path reads in a straight line: ``data`` (CSV → validated ``records``)
→ ``numbers`` (parse, format, ratios) → ``compare`` (best values, ratios
against the baseline; ``stats`` turns a ratio's interval into a verdict) →
``table`` / ``chart`` (a subpackage: figure data, drawing, per-builder output,
cache; matplotlib only when a chart is drawn); ``role`` puts a row's verdict
into a sentence, ``words`` keeps its figures whole.  ``directive`` holds what
both directives share: reading the file and the options.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_versus.benchmarks import chart, csv_problems
from sphinx_versus.benchmarks.role import BenchmarkRatioRole
from sphinx_versus.benchmarks.table import BenchmarkTableDirective
from sphinx_versus.benchmarks.words import (
    latex_depart_nowrap,
    latex_visit_nowrap,
    nowrap,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> None:
    app.add_directive("benchmark-table", BenchmarkTableDirective)
    chart.setup(app)
    app.add_role("benchmark-ratio", BenchmarkRatioRole())
    app.add_role("benchmark-verdict", BenchmarkRatioRole(verdict=True))
    csv_problems.setup(app)
    # Every other writer renders it as the inline it is.
    app.add_node(nowrap, latex=(latex_visit_nowrap, latex_depart_nowrap))
