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
from sphinx import addnodes

from sphinx_versus.benchmarks.chart.figure import (
    SCALES,
    VALUES,
    chart_key,
    chart_spec,
    shared_unit,
    unloggable,
)
from sphinx_versus.benchmarks.chart.ledger import ChartsDomain
from sphinx_versus.benchmarks.compare import describe
from sphinx_versus.benchmarks.directive import BenchmarkFilesDirective
from sphinx_versus.locale import _
from sphinx_versus.options import lenient_spec
from sphinx_versus.policy.budget import budgeted

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from sphinx.application import Sphinx
    from sphinx.util.typing import OptionSpec

    from sphinx_versus.benchmarks.compare import Comparison


#: The most bars (workloads × systems besides the baseline) one chart draws:
#: so many fit one phone screen (about 700 CSS px at 375 px) and half a PDF
#: page with their text at full size.
MAX_BARS = 18


class benchmark_chart(addnodes.translatable, nodes.General, nodes.Element):
    """A chart to draw: ``spec`` (what), ``key`` (its hash), ``alt`` (its
    text), ``labels`` (each label's origin and text, for located warnings).

    An ``:alt:`` the writer gave is a message of the page, as a caption is:
    the ``gettext`` builder extracts it and a translation replaces it (the
    generated text alternative is in the extension's own catalogue).
    """

    def preserve_original_messages(self) -> None:
        self.setdefault("original_alt", self["alt"] if self.get("own_alt") else "")

    def apply_translated_message(self, original_message: str, translated: str) -> None:
        if self.get("own_alt") and original_message == self["alt"]:
            self["alt"] = " ".join(translated.split())

    def extract_original_messages(self) -> Sequence[str]:
        original = self.get("original_alt") or (
            self["alt"] if self.get("own_alt") else ""
        )
        return [original] if original else []


def _choice(values: tuple[str, ...]) -> Callable[[str], str]:
    def convert(argument: str) -> str:
        return directives.choice(argument, values)

    return convert


class BenchmarkChartDirective(BenchmarkFilesDirective):
    """``benchmark-chart``: each system relative to the baseline, per workload
    (``:values: absolute``: each system's own figure), on a linear or a
    logarithmic axis (``:scale:``)."""

    option_spec: ClassVar[OptionSpec] = lenient_spec(
        {
            "alt": directives.unchanged_required,
            "values": _choice(VALUES),
            "scale": _choice(SCALES),
        },
        base=BenchmarkFilesDirective.option_spec,
    )

    @budgeted("benchmark")
    def run(self) -> list[nodes.Node]:
        loaded = self.load()
        if loaded is None:
            return self.unbuilt()
        rel, comparison = loaded
        values, scale = self.drawn_as(rel, comparison)
        comparison, note = self.fit(rel, comparison, values)
        language = self.config.language
        spec = chart_spec(comparison, _, values=values, scale=scale, language=language)
        if scale == "log" and (zero := unloggable(spec)) is not None:
            self.warn(
                f"{rel}: ':scale: log' cannot show a figure of 0 ({zero!r}), so "
                "the chart is drawn on a linear scale; leave the option out or "
                "leave that figure out of the chart",
                subtype="chart",
                line=self.option_line("scale"),
            )
            scale = "linear"
            spec = chart_spec(comparison, _, values=values, language=language)
        alt = describe(comparison, _, self.lead(comparison, values, scale)) + note
        own = bool(self.options.get("alt"))
        alt = " ".join((self.options.get("alt") or alt).split())
        chart = benchmark_chart(
            spec=spec,
            key=chart_key(spec),
            # One line: a text alternative has no line structure to keep.
            alt=alt,
            own_alt=own,
            labels=list(self.labels(rel, comparison).items()),
        )
        self.set_source_info(chart)
        figure = nodes.figure(classes=["versus-chart", *self.options.get("class", [])])
        figure += chart
        caption = self.caption_nodes()
        if caption:
            # With a source, so that the gettext builder extracts it and a
            # translation replaces it, like any figure's caption.
            legend = nodes.caption(self.options["caption"], "", *caption)
            self.set_source_info(legend)
            figure += legend
        # After the figure, not in its legend: a figure cannot break across
        # a PDF page, and a long environment would push it into the footer.
        environment: list[nodes.Node] = [*self.environment_nodes(comparison)]
        self.set_source_info(figure)
        self.add_name(figure)
        return [figure, *environment]

    def drawn_as(self, rel: str, comparison: Comparison) -> tuple[str, str]:
        """``:values:`` and ``:scale:``; absolute figures need one unit."""
        values = self.options.get("values", "ratio")
        scale = self.options.get("scale", "linear")
        if values == "absolute" and shared_unit(comparison) is None:
            units = sorted({row.record.unit for row in comparison.rows})
            self.warn(
                f"{rel}: ':values: absolute' draws one axis, but the workloads "
                f"are in different units ({', '.join(map(repr, units))}), so the "
                "chart shows each system relative to the baseline; put the "
                "workloads of one unit in a CSV file of their own, or leave the "
                "option out",
                subtype="chart",
                line=self.option_line("values"),
            )
            values = "ratio"
        return values, scale

    @staticmethod
    def lead(comparison: Comparison, values: str, scale: str) -> str | None:
        """The text alternative's first sentence: what the bars are (``None``:
        the default, ratios on a linear axis)."""
        if values == "absolute":
            names = ", ".join(comparison.systems)
            if scale == "log":
                return _(
                    "Bar chart of each system's figures ({names}), on a "
                    "logarithmic scale."
                ).format(names=names)
            return _("Bar chart of each system's figures ({names}).").format(
                names=names
            )
        if scale == "linear":
            return None
        others = comparison.others
        return _(
            "Bar chart of {names} relative to {base} ({base} = 1×), on a "
            "logarithmic scale; a bar right of the 1× line is better."
        ).format(names=", ".join(others), base=comparison.baseline)

    def fit(
        self, rel: str, comparison: Comparison, values: str = "ratio"
    ) -> tuple[Comparison, str]:
        """At most :data:`MAX_BARS` bars, and what the text alternative adds.

        A taller drawing does not fit a phone's screen or half a PDF page
        without shrinking its text: the chart keeps the first workloads and
        says so, in the warning and in its text alternative.
        """
        drawn = comparison.systems if values == "absolute" else comparison.others
        rows, systems = len(comparison.rows), len(drawn)
        keep = max(1, MAX_BARS // systems)
        if rows <= keep:
            return comparison, ""
        besides = "" if values == "absolute" else " besides the baseline"
        self.warn(
            f"{rel}: the chart would have {rows * systems} bars ({rows} workloads "
            f"× {systems} systems{besides}), more than the "
            f"{MAX_BARS} a chart can show; it "
            f"shows the first {keep} workloads: split the CSV file, choose fewer "
            "systems with :systems:, or show the figures with benchmark-table",
            subtype="chart",
        )
        shown = replace(comparison, rows=comparison.rows[:keep])
        note = _("The chart shows the first {keep} of the {rows} workloads.")
        return shown, " " + note.format(keep=str(keep), rows=str(rows))

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


def note_charts(app: Sphinx, doctree: nodes.document) -> None:
    """Record the page's charts once the page is read, translated text
    alternatives included (the files' names carry the alt text)."""
    for chart in doctree.findall(benchmark_chart):
        ChartsDomain.note_chart(app.env, chart["key"], chart["alt"])
