"""Every builder but interactive HTML: code-compare as labelled blocks.

code-compare's doctree already is labelled blocks; it only needs an anchor
for its ``:name:``.  (sphinx-tabs' output is matched to it in
:mod:`sphinx_versus.interop.sphinx_tabs`, loaded only beside sphinx-tabs.)
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinx_versus.doctree import CODE_COMPARE_CLASS


class CodeCompareAnchorTransform(SphinxPostTransform):
    """Give a named code-compare an anchor every non-web writer emits.

    LaTeX (and texinfo) ignore ids on plain containers, so ``{ref}`` to a
    code-compare's ``:name:`` would point nowhere in the PDF.  A target node
    carrying those ids is written as a ``\\label`` by every writer.
    """

    default_priority = 150

    def run(self, **kwargs: Any) -> None:
        for root in self.document.findall(nodes.container):
            if CODE_COMPARE_CLASS in root["classes"] and root["ids"]:
                target = nodes.target("", "", ids=root["ids"])
                root["ids"] = []
                root.insert(0, target)
