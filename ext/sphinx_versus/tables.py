"""comparison-table: rows from text, JSON or CSV become a docutils table."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_tables(app: Sphinx) -> None:
    """Register the comparison-table directive (placeholder until implemented)."""
