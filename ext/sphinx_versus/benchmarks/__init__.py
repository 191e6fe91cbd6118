"""benchmark-table and benchmark-chart: figures read from a CSV file."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_benchmarks(app: Sphinx) -> None:
    """Register the benchmark directives (placeholder until implemented)."""
