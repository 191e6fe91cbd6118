"""What benchmark-table and benchmark-chart share: the file and the options.

The path is resolved like ``literalinclude`` (relative to the page; a leading
``/`` means the source directory), refused if it leaves the source tree, and
recorded as a dependency so that editing the CSV re-reads exactly the pages
that use it.  Every problem becomes one located warning.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from sphinx_versus.benchmarks.compare import SelectionError, compare
from sphinx_versus.benchmarks.data import (
    BenchmarkDataError,
    combine,
    parse_benchmarks,
)
from sphinx_versus.datafiles import DataFileError, read_data_file
from sphinx_versus.doctree import unbuilt
from sphinx_versus.locale import _
from sphinx_versus.markup import parse_inline
from sphinx_versus.options import check_options, lenient_spec

if TYPE_CHECKING:
    from sphinx.util.typing import OptionSpec

    from sphinx_versus.benchmarks.compare import Comparison
    from sphinx_versus.benchmarks.records import BenchmarkData

logger = logging.getLogger(__name__)


class BenchmarkFilesDirective(SphinxDirective):
    """The part both benchmark directives share, never registered itself.

    Reads the CSV files the argument names and compares the chosen systems;
    ``benchmark-table`` and ``benchmark-chart`` subclass it to draw the result.
    """

    #: One or more CSV files, separated by spaces: their rows are shown
    #: together, each workload's rows side by side.
    required_arguments = 0
    optional_arguments = 1  # required, but reported by us, not by docutils
    final_argument_whitespace = True
    has_content = True  # none is used; reported by us, so reST keeps the table
    option_spec: ClassVar[OptionSpec] = lenient_spec(
        {
            "caption": directives.unchanged_required,
            "name": directives.unchanged,
            "baseline": directives.unchanged_required,
            "systems": directives.unchanged_required,
            "class": directives.class_option,
        }
    )

    def warn(
        self, message: str, subtype: str = "benchmark", *, line: int | None = None
    ) -> None:
        """Warn at the directive, or at one of its lines (an option's)."""
        logger.warning(
            "%s: %s",
            self.name,
            message,
            location=(self.env.docname, line) if line else self.get_location(),
            type="versus",
            subtype=subtype,
        )

    def read_files(self) -> list[tuple[str, BenchmarkData]] | None:
        """Each named file's path and data, or ``None`` after warning."""
        found: list[tuple[str, BenchmarkData]] = []
        failed = False
        for given in self.arguments[0].split():
            try:
                rel, raw = read_data_file(self.env, given)
            except DataFileError as exc:
                self.warn(str(exc))
                failed = True
                continue
            try:
                found.append((rel, parse_benchmarks(raw, label=given)))
            except BenchmarkDataError as exc:
                for problem in exc.problems:
                    self.warn(problem.located(rel))
                failed = True
        return None if failed else found

    def systems_option(self) -> list[str] | None:
        raw = self.options.get("systems")
        if raw is None:
            return None
        names = [name.strip() for name in raw.split(",")]
        if not all(names):
            self.warn(
                f":systems: {raw!r} has an empty name; list systems separated "
                f"by commas, e.g. ':systems: Go, Rust'",
                line=self.option_line("systems"),
            )
            return None
        return names

    def load(self) -> tuple[str, Comparison] | None:
        """The CSV's path and the comparison, or ``None`` after warning."""
        check_options(self, "benchmark")
        if any(line.strip() for line in self.content):
            self.warn(
                "takes no content (the figures come from the CSV file), so the "
                "text inside the directive is not shown; move it after the "
                "directive"
            )
        if not self.arguments:
            self.warn(
                "needs the CSV file as its argument, e.g. "
                f"'{self.name}:: /data/benchmarks.csv'"
            )
            return None
        found = self.read_files()
        if found is None:
            return None
        rel = " ".join(path for path, _ in found)
        data = combine([data for _, data in found])
        systems = self.systems_option()
        if systems is None and "systems" in self.options:
            return None
        try:
            baseline = self.options.get("baseline")
            margin = Decimal(str(self.config.versus_ratio_margin))
            language = self.config.language
            return rel, compare(data, systems, baseline, _, margin, language)
        except SelectionError as exc:
            option = "systems" if str(exc).startswith(":systems:") else "baseline"
            self.warn(f"{rel}: {exc}", line=self.option_line(option))
            return None

    def option_line(self, name: str) -> int:
        """The line an option is written on, found in the directive's own text
        (``block_text`` starts at ``lineno`` in reST and MyST alike); the
        directive's line if it is not there."""
        for offset, text in enumerate(self.block_text.splitlines()[1:], 1):
            if text.strip().startswith((f":{name}:", f"{name}:")):
                return self.lineno + offset
        return self.lineno

    @staticmethod
    def environment_nodes(comparison: Comparison) -> list[nodes.paragraph]:
        """Where the figures come from, read from the files' ``# key: value``
        lines: one paragraph per file that has them, its values as text."""
        paragraphs = []
        for environment in comparison.environments:
            paragraph = nodes.paragraph(
                classes=["versus-environment"], support_smartquotes=False
            )
            lead = environment.label or _("Environment")
            paragraph += nodes.strong(lead, lead)
            paragraph += nodes.Text(": ")
            for index, (key, value) in enumerate(environment.pairs):
                if index:
                    paragraph += nodes.Text("; ")
                paragraph += nodes.emphasis(key, key)
                paragraph += nodes.Text(f" {value}")
            paragraph += nodes.Text(".")
            paragraphs.append(paragraph)
        return paragraphs

    def caption_nodes(self) -> list[nodes.Node]:
        """The caption by the policy of :mod:`sphinx_versus.markup`."""
        text = self.options.get("caption", "")
        if not text:
            return []
        parsed, messages = self.inline(text)
        return [*parsed, *messages]

    def inline(
        self, text: str, origin: str = ""
    ) -> tuple[list[nodes.Node], list[nodes.Node]]:
        """Inline markup of the page's language, never raw markup."""
        return parse_inline(self, text, self.lineno, subtype="benchmark", origin=origin)

    def unbuilt(self) -> list[nodes.Node]:
        """What was written, where the table or chart would be (after warning)."""
        source, line = self.get_source_info()
        return [unbuilt(self.block_text, source, line)]
