"""code-compare: code blocks in several languages as synced, accessible tabs."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_code_compare(app: Sphinx) -> None:
    """Register code-compare (placeholder until implemented)."""
