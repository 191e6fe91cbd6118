"""The per-format shaping every sphinx-versus table gets, whoever made it.

comparison-table and benchmark-table both emit plain ``table`` nodes carrying
``versus-table``; these post-transforms adapt them to one output format each,
so the cached doctree never depends on the builder that read it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_versus.table_output.html import (
    FitTableTransform,
    TableScrollBoxTransform,
)
from sphinx_versus.table_output.ids import TableIdsTransform
from sphinx_versus.table_output.latex import LongTablesTransform
from sphinx_versus.table_output.man import ManTableNotesTransform

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> None:
    app.add_transform(TableIdsTransform)
    app.add_post_transform(TableScrollBoxTransform)
    app.add_post_transform(FitTableTransform)
    app.add_post_transform(LongTablesTransform)
    app.add_post_transform(ManTableNotesTransform)
