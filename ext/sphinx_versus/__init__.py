"""sphinx-versus: directives for "X vs Y" comparison sites.

Each feature is a subpackage with a ``setup()`` of its own; this ``setup()``
lists them once, so a newcomer finds every directive, node, transform and
asset from here.  No feature registers another's parts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: Bump when what the extension stores in the environment changes shape, so
#: Sphinx re-reads every page instead of unpickling stale data.
ENV_VERSION = 5


def setup(app: Sphinx) -> dict[str, Any]:
    from sphinx_versus import (
        assets,
        benchmarks,
        book,
        code_compare,
        comparison,
        config,
        interop,
        locale,
        markup,
        table_output,
    )

    config.setup(app)
    locale.setup(app)
    markup.setup(app)
    table_output.setup(app)
    comparison.setup(app)
    benchmarks.setup(app)
    code_compare.setup(app)
    book.setup(app)
    interop.setup(app)
    assets.setup(app, js_attributes=code_compare.script_attributes)
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
