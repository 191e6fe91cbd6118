"""benchmark-table and benchmark-chart: figures read from a CSV file.

The data path reads in a straight line: ``data`` (CSV → validated records)
→ ``numbers`` (parse, format, ratios) → ``compare`` (best values, ratios
against the baseline) → ``table`` / ``chart`` (docutils nodes) → ``render``
(matplotlib, only when a chart is drawn).  ``directive`` holds what both
directives share: reading the file and the options.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_versus.benchmarks.cache import ChartsDomain, prune_chart_cache
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


def setup(app: Sphinx) -> None:
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
    app.add_domain(ChartsDomain)
    app.connect("build-finished", prune_chart_cache)
