"""The guide's sample programs as a reader should see them.

The files in ``snippets/`` carry two things for the test suite that are not
for readers: region markers (``// [user]`` ... ``// [/user]``) that pages
cut excerpts at, and a trailing comment block with the output the test
expects (``// Output:``, ``// Unordered output:``, ``// Serves:``).  Two
directives show the files without them, read at build time so the page can
never drift from the verified program:

``program-listing``
    ``literalinclude`` (every option of it) with the marker lines taken out
    and the trailing output comment left off: the whole program, as in the
    PDF's appendix of listings.

``program-output``
    The trailing comment block of one or more programs as plain output,
    without its ``// `` prefixes; shown once when every program promises the
    same lines.  A located warning says so when they differ.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.directives.code import LiteralInclude, container_wrapper
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

if TYPE_CHECKING:
    from docutils.nodes import Node
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata, OptionSpec

logger = logging.getLogger(__name__)

#: A region marker alone on its line (snippets/README.md, "Region markers").
MARKER = re.compile(r"^[ \t]*//[ \t]*\[/?[a-z0-9]+(?:-[a-z0-9]+)*\][ \t]*$")
#: The first line of the expected-output block that ends every sample.
OUTPUT_START = re.compile(r"^// (?:Output:|Unordered output:|Serves: )")


def without_markers(text: str) -> str:
    """``text`` without region-marker lines and the blank lines they leave."""
    kept = [line for line in text.split("\n") if not MARKER.match(line)]
    joined = "\n".join(kept)
    return re.sub(r"\n{3,}", "\n\n", joined).strip("\n") + "\n"


def program_body(text: str) -> str:
    """The program before its trailing output comment."""
    lines = text.rstrip().split("\n")
    start = len(lines)
    while start > 0 and lines[start - 1].startswith("//"):
        start -= 1
    for offset, line in enumerate(lines[start:]):
        if OUTPUT_START.match(line):
            return "\n".join(lines[: start + offset]).rstrip() + "\n"
    return text


def promised_output(text: str) -> str | None:
    """The trailing output comment without its prefixes, or None without one."""
    lines = text.rstrip().split("\n")
    start = len(lines)
    while start > 0 and lines[start - 1].startswith("//"):
        start -= 1
    block = lines[start:]
    for offset, line in enumerate(block):
        if OUTPUT_START.match(line):
            body = (
                block[offset:]
                if line.startswith("// Serves: ")
                else block[offset + 1 :]
            )
            shown = [re.sub(r"^// ?", "", row, count=1).rstrip() for row in body]
            if shown and shown[0].startswith("Serves: "):
                shown[0] = shown[0].removeprefix("Serves: ")
            return "\n".join(shown) + "\n"
    return None


class ProgramListingDirective(LiteralInclude):
    """``literalinclude`` of a whole sample, markers and output comment removed."""

    def run(self) -> list[Node]:
        result = super().run()
        for node in result:
            for literal in node.findall(nodes.literal_block):
                text = without_markers(program_body(literal.astext()))
                literal.children = [nodes.Text(text)]
                literal.rawsource = text
        return result


class ProgramOutputDirective(SphinxDirective):
    """What one or more verified samples print, as an output block."""

    required_arguments = 1
    optional_arguments = 8
    option_spec: ClassVar[OptionSpec] = {
        "caption": directives.unchanged_required,
        "name": directives.unchanged,
    }

    def warn(self, message: str) -> list[Node]:
        logger.warning(
            "program-output: %s",
            message,
            location=self.get_location(),
            type="versus",
            subtype="snippets",
        )
        return []

    def run(self) -> list[Node]:
        outputs: list[str] = []
        for argument in self.arguments:
            rel, path = self.env.relfn2path(argument)
            self.env.note_dependency(rel)
            try:
                text = Path(path).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                return self.warn(f"cannot read {argument} ({exc}); name a sample file")
            shown = promised_output(text)
            if shown is None:
                return self.warn(
                    f"{argument} ends with no '// Output:', '// Unordered output:' "
                    "or '// Serves:' comment; add the one the sample keeps"
                )
            outputs.append(shown)
        if len(set(outputs)) > 1:
            return self.warn(
                "the programs promise different output; give each its own "
                "program-output inside a code-compare"
            )
        literal = nodes.literal_block(outputs[0], outputs[0], language="text")
        literal["classes"].append("program-output")
        self.set_source_info(literal)
        result: nodes.Element = literal
        if "caption" in self.options:
            result = container_wrapper(self, literal, self.options["caption"])
        self.add_name(result)
        return [result]


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_directive("program-listing", ProgramListingDirective)
    app.add_directive("program-output", ProgramOutputDirective)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
