"""One tab as a reader sees it outside interactive HTML: label, then content.

Shared by the sphinx-tabs and sphinx-design glue, so every tab widget in a
PDF, an EPUB or a text file reads as code-compare's do: a code tab becomes a
listing captioned with its label, any other tab a bold label paragraph
followed by its content.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from sphinx_versus.doctree import is_code_block
from sphinx_versus.policy.ids import page_id

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

TAB_LABEL_CLASS = "versus-tab-label"


def id_maker(document: nodes.document, docname: str) -> Callable[[], str]:
    """Ids for new listings, unique in the whole (LaTeX: assembled) document.

    ``document.set_id`` counts from its own ``id1``, which code-compare's
    listings of the same page already hold once the doctree was pickled, so
    LaTeX saw ``index:id1`` twice ("multiply defined").  These ids carry the
    page's name and skip every id already in the tree.
    """
    taken = {i for node in document.findall(nodes.Element) for i in node["ids"]}
    serial = 0

    def new_id() -> str:
        nonlocal serial
        while (candidate := page_id(docname, "tab", serial)) in taken:
            serial += 1
        taken.add(candidate)
        return candidate

    return new_id


def labelled(
    new_id: Callable[[], str],
    label: Sequence[nodes.Node],
    content: Sequence[nodes.Node],
) -> list[nodes.Node]:
    """One tab as a captioned listing, or as a label paragraph and its content."""
    text = "".join(n.astext() for n in label)
    if len(content) != 1 or not is_code_block(content[0]):
        strong = nodes.strong(text, "", *label)
        return [nodes.paragraph(text, "", strong, classes=[TAB_LABEL_CLASS]), *content]
    code = content[0]
    assert isinstance(code, nodes.Element)
    wrapper: nodes.Element
    if isinstance(code, nodes.literal_block):
        wrapper = nodes.container(
            "", literal_block=True, classes=["literal-block-wrapper"]
        )
        wrapper.source, wrapper.line = code.source, code.line
        wrapper += code
    else:
        wrapper = code
    caption = wrapper.next_node(nodes.caption)
    if caption is None:
        wrapper.insert(0, nodes.caption(text, "", *label))
    else:  # the code-tab had a :caption: of its own: keep both
        caption[0:0] = [*label, nodes.Text(" — ")]
    # HTML-like writers (epub) anchor a caption's permalink on the wrapper's
    # id; LaTeX labels the listing with it.
    if not wrapper["ids"]:
        wrapper["ids"].append(new_id())
    return [wrapper]
