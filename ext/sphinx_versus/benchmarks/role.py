"""The inline roles ``benchmark-ratio`` and ``benchmark-verdict``.

A sentence about a measured workload takes its figure and its word from the
data: ``{benchmark-ratio}`data/measured.csv#json-decode``` becomes "Rust
4.7× faster (95 % CI 4.5–4.9×)", and ``benchmark-verdict`` the phrase that
follows "Rust is" ("4.7× faster than Go", "not measurably faster or slower
than Go").  The file is read and parsed exactly as ``benchmark-table`` reads
it (:mod:`sphinx_versus.datafiles`, :func:`~.data.parse_benchmarks`) and is
a dependency of the page, so editing the CSV rebuilds the pages that quote
it.  Every problem is a located warning, and the role's text is shown as
written: the role's own (an unknown id) at the role's line, the file's own
(a bad cell) once per file per build, at its line in the CSV
(:mod:`~.csv_problems`).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxRole

from sphinx_versus.benchmarks.csv_problems import CsvProblemsDomain
from sphinx_versus.benchmarks.data import BenchmarkDataError, parse_benchmarks
from sphinx_versus.benchmarks.stats import SENTENCE, VERDICT, decide, phrase
from sphinx_versus.benchmarks.words import RATIO_CLASS, phrase_nodes
from sphinx_versus.datafiles import DataFileError, read_data_file
from sphinx_versus.doctree import UNBUILT_CLASS
from sphinx_versus.locale import _

if TYPE_CHECKING:
    from docutils.nodes import Node, system_message

    from sphinx_versus.benchmarks.records import Record

logger = logging.getLogger(__name__)

#: What the role's text looks like; said in every message about its shape.
_EXAMPLE = "data/measured.csv#json-decode"


class BenchmarkRatioRole(SphinxRole):
    """``benchmark-ratio`` (the full sentence) or ``benchmark-verdict``."""

    def __init__(self, *, verdict: bool = False) -> None:
        self.verdict = verdict

    def warn(self, message: str) -> None:
        logger.warning(
            "%s: %s",
            self.name,
            message,
            location=self.get_location(),
            type="versus",
            subtype="benchmark",
        )

    def run(self) -> tuple[list[Node], list[system_message]]:
        record = self.record()
        if record is None or record.ratio is None:
            shown = nodes.literal(self.rawtext, self.text, classes=[UNBUILT_CLASS])
            return [shown], []
        margin = Decimal(str(self.config.versus_ratio_margin))
        verdict = decide(record.ratio, record.better, margin)
        form = VERDICT if self.verdict else SENTENCE
        language = self.config.language
        text = phrase(verdict, record.unit, record.better, form, _, language)
        node = nodes.inline("", "", *phrase_nodes(text), classes=[RATIO_CLASS])
        self.set_source_info(node)
        return [node], []

    def record(self) -> Record | None:
        """The row the role names, or ``None`` after warning why not."""
        given, hash_, row_id = self.text.strip().rpartition("#")
        given, row_id = given.strip(), row_id.strip()
        if not hash_ or not given or not row_id:
            self.warn(
                f"{self.text!r} does not name a file and a row; write the CSV "
                f"file, '#' and the row's id, e.g. {_EXAMPLE!r}"
            )
            return None
        try:
            rel, raw = read_data_file(self.env, given)
        except DataFileError as exc:
            self.warn(str(exc))
            return None
        try:
            data = parse_benchmarks(raw, label=given)
        except BenchmarkDataError as exc:
            # The file's own problems: once per file per build, not per use.
            found = [(p.line, p.located(rel)) for p in exc.problems]
            CsvProblemsDomain.note(self.env, self.name, rel, found)
            return None
        record = data.by_id(row_id)
        if record is None:
            ids = [r.id for r in data.records if r.id]
            known = (
                f"its ids are {', '.join(repr(i) for i in ids[:12])}"
                + (" …" if len(ids) > 12 else "")
                if ids
                else "it has no 'id' column; add one with a slug per row"
            )
            self.warn(f"{rel} has no row with the id {row_id!r}; {known}")
            return None
        if record.ratio is None:
            self.warn(
                f"{rel}:{record.line}: the row {row_id!r} has no ratio, so "
                "there is nothing to say; give it a 'ratio' cell such as "
                "'Rust/Go 2.01 (1.87-2.15)' (the measurement step writes it), "
                "or state the figures another way"
            )
            return None
        return record
