"""benchmark-chart: the CSV's figures as a chart node, drawn at write time.

The directive stores only what to draw (a small JSON-able spec, its content
hash, its text alternative and where each label came from) in the doctree;
:mod:`.output` draws it for the builders that show pictures.  Reading a page
never draws and never imports matplotlib.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives

from sphinx_versus.benchmarks.chart.figure import chart_key, chart_spec
from sphinx_versus.benchmarks.chart.ledger import ChartsDomain
from sphinx_versus.benchmarks.compare import describe
from sphinx_versus.benchmarks.directive import BenchmarkFilesDirective
from sphinx_versus.locale import _
from sphinx_versus.options import lenient_spec
from sphinx_versus.policy.budget import budgeted

if TYPE_CHECKING:
    from sphinx.util.typing import OptionSpec

    from sphinx_versus.benchmarks.compare import Comparison


#: The most bars (workloads × systems besides the baseline) one chart draws:
#: so many fit one phone screen (about 700 CSS px at 375 px) and half a PDF
#: page with their text at full size.
MAX_BARS = 18


class benchmark_chart(nodes.General, nodes.Element):
    """A chart to draw: ``spec`` (what), ``key`` (its hash), ``alt`` (its
    text), ``labels`` (each label's origin and text, for located warnings)."""


class BenchmarkChartDirective(BenchmarkFilesDirective):
    """``benchmark-chart``: each system relative to the baseline, per workload."""

    option_spec: ClassVar[OptionSpec] = lenient_spec(
        {"alt": directives.unchanged_required},
        base=BenchmarkFilesDirective.option_spec,
    )

    @budgeted("benchmark")
    def run(self) -> list[nodes.Node]:
        loaded = self.load()
        if loaded is None:
            return self.unbuilt()
        rel, comparison = loaded
        comparison, alt = self.fit(rel, comparison)
        spec = chart_spec(comparison, _)
        alt = " ".join((self.options.get("alt") or alt).split())
        chart = benchmark_chart(
            spec=spec,
            key=chart_key(spec),
            # One line: a text alternative has no line structure to keep.
            alt=alt,
            labels=list(self.labels(rel, comparison).items()),
        )
        self.set_source_info(chart)
        ChartsDomain.note_chart(self.env, chart["key"], alt)
        figure = nodes.figure(classes=["versus-chart", *self.options.get("class", [])])
        figure += chart
        caption = self.caption_nodes()
        if caption:
            figure += nodes.caption(self.options["caption"], "", *caption)
        # After the figure, not in its legend: a figure cannot break across
        # a PDF page, and a long environment would push it into the footer.
        environment: list[nodes.Node] = [*self.environment_nodes(comparison)]
        self.set_source_info(figure)
        self.add_name(figure)
        return [figure, *environment]

    def fit(self, rel: str, comparison: Comparison) -> tuple[Comparison, str]:
        """At most :data:`MAX_BARS` bars, and the text alternative of those.

        A taller drawing does not fit a phone's screen or half a PDF page
        without shrinking its text: the chart keeps the first workloads and
        says so, in the warning and in its text alternative.
        """
        rows, systems = len(comparison.rows), len(comparison.others)
        keep = max(1, MAX_BARS // systems)
        if rows <= keep:
            return comparison, describe(comparison, _)
        self.warn(
            f"{rel}: the chart would have {rows * systems} bars ({rows} workloads "
            f"× {systems} systems besides the baseline), more than the "
            f"{MAX_BARS} a chart can show; it "
            f"shows the first {keep} workloads: split the CSV file, choose fewer "
            "systems with :systems:, or show the figures with benchmark-table",
            subtype="chart",
        )
        shown = replace(comparison, rows=comparison.rows[:keep])
        note = f" The chart shows the first {keep} of the {rows} workloads."
        return shown, describe(shown, _) + note

    @staticmethod
    def labels(rel: str, comparison: Comparison) -> dict[str, str]:
        """Every label the writer gave the chart, keyed by where it came from."""
        found = {f"{rel} (system {s!r})": s for s in comparison.systems}
        for row in comparison.rows:
            record = row.record
            found[f"{rel}:{record.line} (workload)"] = record.workload
            if comparison.several_sources:
                found[f"{rel}:{record.line} (source)"] = record.source
        return found
