"""benchmark-table and benchmark-chart: figures read from a CSV file.

The data path reads in a straight line: ``data.py`` (CSV → validated records)
→ ``numbers.py`` (parse, format, ratios) → ``compare.py`` (best values, ratios
against the baseline) → ``table.py`` / ``chart.py`` (docutils nodes) →
``render.py`` (matplotlib, only when a chart is drawn).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_versus.benchmarks.chart import (
    BenchmarkChartDirective,
    benchmark_chart,
    html_visit_chart,
    latex_visit_chart,
    man_visit_chart,
    texinfo_visit_chart,
    text_visit_chart,
)
from sphinx_versus.benchmarks.table import BenchmarkTableDirective

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_benchmarks(app: Sphinx) -> None:
    """Register both directives and the chart node's visitor for every writer."""
    app.add_directive("benchmark-table", BenchmarkTableDirective)
    app.add_directive("benchmark-chart", BenchmarkChartDirective)
    app.add_node(
        benchmark_chart,
        html=(html_visit_chart, None),
        latex=(latex_visit_chart, None),
        text=(text_visit_chart, None),
        man=(man_visit_chart, None),
        texinfo=(texinfo_visit_chart, None),
    )
