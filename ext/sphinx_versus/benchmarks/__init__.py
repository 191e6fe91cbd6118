"""benchmark-table and benchmark-chart: figures read from a CSV file.

The data path reads in a straight line: ``data`` (CSV → validated records)
→ ``numbers`` (parse, format, ratios) → ``compare`` (best values, ratios
against the baseline) → ``table`` / ``chart`` (a subpackage: figure data, drawing,
per-builder output, cache; matplotlib only when a chart is drawn).
``directive`` holds what both directives share: reading the file and the
options.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx_versus.assets import add_static_files
from sphinx_versus.benchmarks import chart
from sphinx_versus.benchmarks.table import BenchmarkTableDirective

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> None:
    app.add_directive("benchmark-table", BenchmarkTableDirective)
    chart.setup(app)
    add_static_files(
        app, Path(__file__).parent / "static", css=["versus-benchmarks.css"]
    )
