"""A plain table cell skips the inline parser and comes out the same.

``comparison.directive.plain_cell`` turns a cell of letters, digits, spaces,
commas and semicolons into one Text node without calling the page's inline
parser (tens of thousands of cells on a large site).  Here hypothesis draws
such cells, and a probe directive puts the fast path's nodes beside
:func:`sphinx_versus.markup.parse_inline`'s, in reST and in MyST with every
inline extension on: they must be identical, with no message.
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sphinx_versus.comparison.directive import _PLAIN_CELL, plain_cell

PROBE = '''\
"""Each content line: the fast path's nodes and parse_inline's, as JSON."""

import json

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from sphinx_versus.comparison.directive import plain_cell
from sphinx_versus.markup import parse_inline


def _shape(found):
    return [[type(node).__name__, node.astext()] for node in found]


class Probe(SphinxDirective):
    has_content = True

    def run(self):
        report = []
        for offset, text in enumerate(json.loads("\\\\n".join(self.content))):
            parsed, messages = parse_inline(
                self, text, self.content_offset + 1 + offset, subtype="table"
            )
            fast = plain_cell(text)
            report.append(
                [text, _shape(fast or []), _shape(parsed), len(messages)]
            )
        return [nodes.literal_block("", json.dumps(report))]


def setup(app):
    app.add_directive("probe", Probe)
'''

CONF = """
import os, sys
sys.path.insert(0, os.path.dirname(__file__))
extensions.append("probe")
myst_enable_extensions = [
    "colon_fence", "replacements", "smartquotes", "substitution", "dollarmath",
    "strikethrough", "deflist", "attrs_inline", "html_image",
]
suppress_warnings = ["myst.strikethrough"]
"""

#: What the fast path accepts, drawn so that words, runs of spaces, and
#: commas and semicolons next to anything all occur.
CELL_CHARS = st.characters(
    categories=("L", "N"), exclude_characters="_"
) | st.sampled_from(" ,;")
CELLS = st.text(CELL_CHARS, min_size=1, max_size=40).map(str.strip).filter(bool)


def _results(built, docname: str) -> list[list[object]]:
    block = next(
        node
        for node in built.doctree(docname).findall()
        if type(node).__name__ == "literal_block"
    )
    return json.loads(block.astext())


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(cells=st.lists(CELLS, min_size=1, max_size=60))
def test_plain_cells_are_what_the_parser_gives(build_site, cells) -> None:
    assert all(_PLAIN_CELL.fullmatch(cell) for cell in cells)
    body = json.dumps(cells, ensure_ascii=False)
    built = build_site(
        {
            "probe.py": PROBE,
            "index.rst": (
                f"Cells\n=====\n\n.. toctree::\n\n   md\n\n.. probe::\n\n   {body}\n"
            ),
            "md.md": f"# Cells\n\n```{{probe}}\n{body}\n```\n",
        },
        "dummy",
        conf=CONF,
        freshenv=True,
    )
    for docname in ("index", "md"):
        for text, fast, parsed, messages in _results(built, docname):
            assert fast == parsed == [["Text", text]], (docname, text)
            assert messages == 0


def test_anything_else_goes_to_the_parser() -> None:
    for text in (
        "*a*", "a_", "a.b", "go.dev", "a-b", "(c)", "a--b", "a: b", "a@b",
        "'a'", '"a"', "a\\b", "`a`", "[a]", "{a}", "<a>", "a|b", "a&b", "$a$",
        "~~a~~", "a\u00a0b", "a\tb", "a\nb", "",
    ):  # fmt: skip
        assert plain_cell(text) is None, text
    assert plain_cell("x" * 100_000) is None  # too long: the policy's warning
    (node,) = plain_cell("Memory management, GC; 2 µs") or []
    assert node.astext() == "Memory management, GC; 2 µs"
