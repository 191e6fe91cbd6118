"""sphinx-versus: directives for "X vs Y" comparison sites.

Every registration happens in the ``setup_*`` function of the module that owns
the feature; this ``setup()`` calls them in one place, so a newcomer can find
any directive, node, transform or config value from here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> dict[str, Any]:
    from sphinx_versus import (
        a11y,
        assets,
        benchmarks,
        code_compare,
        config,
        latex_book,
        tables,
    )

    config.setup_config(app)
    assets.setup_assets(app)
    a11y.setup_a11y(app)
    tables.setup_tables(app)
    code_compare.setup_code_compare(app)
    benchmarks.setup_benchmarks(app)
    latex_book.setup_latex_book(app)
    return {
        "version": __version__,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
