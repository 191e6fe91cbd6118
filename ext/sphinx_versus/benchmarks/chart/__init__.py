"""benchmark-chart: the CSV's figures as a bar chart, drawn at write time.

One job per module, in the order the data flows: ``directive`` (the CSV →
a chart node) → ``figure`` (what to draw, as plain data, and its hash) →
``output`` (each builder's files or words) → ``cache`` (drawings by content
hash) → ``layout`` (where text, bars and the linear or log axis go, measured
first) → ``drawing`` (matplotlib, imported only when a chart is drawn);
``ledger`` records which charts and files each page has, so that pruning
deletes only what the extension made.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_versus.benchmarks.chart import output
from sphinx_versus.benchmarks.chart.directive import (
    BenchmarkChartDirective,
    benchmark_chart,
    note_charts,
)
from sphinx_versus.benchmarks.chart.ledger import ChartsDomain, prune

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> None:
    app.add_directive("benchmark-chart", BenchmarkChartDirective)
    app.add_node(
        benchmark_chart,
        html=(output.html_visit_chart, None),
        latex=(output.latex_visit_chart, None),
        text=(output.text_visit_chart, None),
        man=(output.man_visit_chart, None),
        texinfo=(output.texinfo_visit_chart, None),
    )
    app.add_domain(ChartsDomain)
    app.connect("doctree-read", note_charts)
    app.connect("build-finished", prune)
