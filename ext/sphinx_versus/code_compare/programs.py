"""The complete programs behind a code-compare's excerpts, offered in HTML.

A code-compare usually shows excerpts (``literalinclude`` with
``:start-after:``/``:end-before:``) of verified programs.  The reader gets
the whole files too, read from the same files at build time -- never a
copy -- in a ``<details>`` element, collapsed, with a download link for each
(Sphinx's own download machinery copies the file into ``_downloads/``).

The directive records which files a block comes from and adds the download
links (they must exist when the page is read, for Sphinx to collect the
files); a post-transform fills in the full listings, only in the first
code-compare of a page that uses a file (later ones point to it), so a page
carries each program once.  Every builder shows the same: interactive HTML
in a collapsed ``<details>``, every other builder (PDF, epub, text, man) as
plain paragraphs and listings.

A listing is what a reader should see, not what the excerpt machinery needs:
the region markers that ``:start-after:``/``:end-before:`` cut excerpts at
(any comment ``[name]`` line closed by a ``[/name]`` line of the same
comment leader) are left out, and a trailing ``Output:`` comment becomes an
output block without its comment prefixes, shown once when every program
prints the same.

Only files the path policy allows are offered (:mod:`sphinx_versus.policy.paths`:
inside the docs or a folder of ``versus_file_dirs``, symlinks resolved), and
an excerpt or a listing is at most ``versus_data_max_bytes`` long.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from sphinx_versus.datafiles import read_at_most
from sphinx_versus.doctree import TAB_WIDTH
from sphinx_versus.locale import _, and_list
from sphinx_versus.policy import paths
from sphinx_versus.policy.ids import page_id

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment
    from sphinx.writers.html5 import HTML5Translator

PROGRAMS_CLASS = "versus-programs"

#: The first line of a block that shows what a program prints.
OUTPUT_LINE = re.compile(r"^\s*(//|#|--|;)\s*(Unordered\s+)?Output:", re.IGNORECASE)
#: On a code-compare (and a merged block) that shows program output.
OUTPUT_CLASS = "versus-output"

#: A line that holds only a comment leader and ``[name]`` or ``[/name]``: a
#: region marker if the file both opens and closes that name.
_MARKER = re.compile(
    r"^[ \t]*(?P<lead>[^\w\s\[]+)[ \t]*\[(?P<close>/?)(?P<name>[\w.:-]+)\][ \t]*$"
)

logger = logging.getLogger(__name__)


class versus_programs(nodes.General, nodes.Element):
    """``<details>``: the complete programs of one code-compare.

    Attributes: ``files`` (absolute paths, one per block that has one),
    ``labels`` (each file's tab label), ``languages`` (each file's lexer).
    """


def included_file(literal: nodes.literal_block, env: BuildEnvironment) -> str | None:
    """The file a ``literalinclude`` read, if the block came from one."""
    source = literal.get("source")
    if not source or Path(source) == Path(os.fspath(env.doc2path(env.docname))):
        return None
    path = Path(source)
    return str(path) if path.is_file() else None


def bound_excerpt(literal: nodes.literal_block, env: BuildEnvironment) -> None:
    """Cut an excerpt longer than ``versus_data_max_bytes``, with a warning.

    ``literalinclude`` reads a file whole, so a one-line excerpt of a 6 MiB
    file would put all of it (three times, once escaped and highlighted)
    into the page.
    """
    limit = int(env.config.versus_data_max_bytes)
    text = literal.astext()
    if len(text.encode("utf-8")) <= limit:
        return
    kept = text.encode("utf-8")[:limit].decode("utf-8", "ignore")
    logger.warning(
        "code-compare: a code block is %d bytes long, more than the "
        "versus_data_max_bytes limit of %d, so only its start is shown; "
        "choose a shorter excerpt (:lines:, :start-after:/:end-before:)",
        len(text.encode("utf-8")), limit,
        location=literal, type="versus", subtype="code_compare",
    )  # fmt: skip
    literal.children = []
    literal += nodes.Text(kept)
    literal.rawsource = kept


def programs_node(
    env: BuildEnvironment,
    files: list[tuple[str, str, str]],
    location: str | nodes.Node | None = None,
) -> versus_programs | None:
    """The programs node for (label, language, file) triples, with downloads.

    A file outside the folders the path policy allows is left out, with a
    warning at *location*.
    """
    allowed = []
    for label, language, path in files:
        problem = paths.file_problem(env, path, "complete program")
        if problem is None:
            allowed.append((label, language, path))
        else:
            logger.warning(
                "code-compare: %s", problem,
                location=location, type="versus", subtype="code_compare",
            )  # fmt: skip
    files = allowed
    if not files:
        return None
    node = versus_programs(
        classes=[PROGRAMS_CLASS],
        labels=[label for label, _, _ in files],
        languages=[language for _, language, _ in files],
        files=[path for _, _, path in files],
    )
    here = Path(os.fspath(env.doc2path(env.docname))).parent
    for _label, _language, path in files:
        name = Path(path).name
        target = os.path.relpath(path, here)
        node += addnodes.download_reference(
            "",
            "",
            nodes.literal(name, name),
            reftarget=target,
            refdoc=env.docname,
            refexplicit=True,
            refdomain="",
            reftype="download",
        )
    return node


def without_markers(text: str) -> str:
    """*text* without its region-marker lines.

    A marker is recognised by the convention, not by a list of names: a line
    of only a comment leader and ``[name]``, whose name the same leader also
    closes with ``[/name]`` (so Rust's ``#[test]`` is never taken for one).
    A blank line a marker kept apart from another is not doubled.
    """
    lines = text.split("\n")
    found = [_MARKER.match(line) for line in lines]
    opened = {(m["lead"], m["name"]) for m in found if m and not m["close"]}
    closed = {(m["lead"], m["name"]) for m in found if m and m["close"]}
    regions = opened & closed
    kept: list[str] = []
    dropped = False
    for line, match in zip(lines, found, strict=True):
        if match and (match["lead"], match["name"]) in regions:
            dropped = True
            continue
        blank = not line.strip()
        if dropped and blank and (not kept or not kept[-1].strip()):
            continue  # the marker's own spacing, not the program's
        dropped = dropped and blank
        kept.append(line)
    return "\n".join(kept)


def split_output(text: str) -> tuple[str, str | None]:
    """The program, and what its trailing ``Output:`` comment says it prints.

    The comment is the last block of line comments, its first line
    ``// Output:`` or ``// Unordered output:`` (any comment leader
    :data:`OUTPUT_LINE` knows); the output is its other lines without the
    leader and one space.  ``None`` when the program ends otherwise.
    """
    lines = text.rstrip().split("\n")
    start = len(lines)
    leader = None
    while start > 0:
        match = re.match(r"^(//|#|--|;)", lines[start - 1])
        if match is None or (leader is not None and match[1] != leader):
            break
        leader = match[1]
        start -= 1
    for offset, line in enumerate(lines[start:]):
        if OUTPUT_LINE.match(line) and leader is not None:
            rows = lines[start + offset + 1 :]
            strip = re.compile(rf"^{re.escape(leader)} ?")
            shown = "\n".join(strip.sub("", row, count=1).rstrip() for row in rows)
            program = "\n".join(lines[: start + offset]).rstrip() + "\n"
            return program, shown + "\n"
    return text, None


def _label(text: str) -> nodes.paragraph:
    """A label paragraph, not a caption: a caption would number the listing
    among the page's code blocks."""
    return nodes.paragraph("", "", nodes.strong(text, text))


def _listing(label: str, language: str, path: str, text: str) -> nodes.container:
    literal = nodes.literal_block(text, text, language=language)
    literal["source"] = path
    title = f"{label}: {Path(path).name}"
    return nodes.container("", _label(title), literal, classes=["versus-program"])


def _outputs(shown: list[tuple[str, str]]) -> list[nodes.Node]:
    """Each program's output block; one, labelled with all, if all agree."""
    if len(shown) > 1 and len({text for _label, text in shown}) == 1:
        labels = and_list([label for label, _text in shown])
        merged = _("{languages}: the same output").format(languages=labels)
        shown = [(merged, shown[0][1])]
    else:
        shown = [(_("{label}: output").format(label=label), t) for label, t in shown]
    found: list[nodes.Node] = []
    for label, text in shown:
        literal = nodes.literal_block(text, text, language="text")
        literal["classes"].append(OUTPUT_CLASS)
        found.append(
            nodes.container(
                "", _label(label), literal, classes=["versus-program", OUTPUT_CLASS]
            )
        )
    return found


def fill_listings(document: nodes.document, env: BuildEnvironment) -> None:
    """The full listings, in the first programs node of a page per file."""
    first: dict[str, nodes.Element] = {}
    limit = int(env.config.versus_data_max_bytes)
    docname = env.docname if env.docname else "page"
    for serial, node in enumerate(document.findall(versus_programs), 1):
        files = list(node["files"])
        shown_before = [first[f] for f in files if f in first]
        if shown_before:
            node["see"] = shown_before[0]["ids"][0] if shown_before[0]["ids"] else ""
            continue
        # Unique across pages: singlehtml and epub join them into one file.
        node["ids"] = [page_id(docname, "programs", serial)]
        outputs: list[tuple[str, str]] = []
        for label, language, path in zip(
            node["labels"], node["languages"], files, strict=True
        ):
            try:
                text = _read_program(Path(path), limit)
            except (OSError, UnicodeDecodeError, ValueError) as exc:
                logger.warning(
                    "code-compare: the complete program %s cannot be shown "
                    "(%s); its download is still offered. Save it as UTF-8 "
                    "text to show it in full",
                    Path(path).name,
                    exc,
                    location=node,
                    type="versus",
                    subtype="code_compare",
                )
                continue
            first[path] = node
            program, output = split_output(without_markers(text.expandtabs(TAB_WIDTH)))
            node += _listing(label, language, path, program)
            if output is not None:
                outputs.append((label, output))
        node.extend(_outputs(outputs))


def _read_program(path: Path, limit: int) -> str:
    """The file's text, streamed, refused past the size limit."""
    with path.open("rb") as handle:
        data = read_at_most(handle, limit + 1)
    if len(data) > limit:
        msg = (
            f"it is more than the versus_data_max_bytes limit of {limit} bytes; "
            "raise versus_data_max_bytes in conf.py to show it"
        )
        raise ValueError(msg)
    return data.decode("utf-8")


def _summary(node: nodes.Element) -> tuple[str, list[nodes.Element]]:
    """The words every builder shows above the listings, and the downloads.

    The same words wherever the block sits: the files' names, never where
    they are shown (a pointer to the full listings is a link, not "above").
    """
    downloads: list[nodes.Element] = [
        c for c in node.children if isinstance(c, addnodes.download_reference)
    ]
    names = and_list([str(c.astext()) for c in downloads])
    return _("The complete programs: {names}").format(names=names), downloads


def visit_programs(self: HTML5Translator, node: nodes.Element) -> None:
    summary, downloads = _summary(node)
    listings = [c for c in node.children if c not in downloads]
    self.body.append(self.starttag(node, "details"))
    self.body.append(f"<summary>{self.encode(summary)}</summary>\n")
    lead = self.encode(_("Download"))
    self.body.append(f'<p class="versus-downloads">{lead} ')
    for index, download in enumerate(downloads):
        if index:
            self.body.append(" · ")
        download.walkabout(self)
    if not listings and node.get("see"):
        see = self.encode(_("see them in full"))
        self.body.append(f' · <a href="#{node["see"]}">{see}</a>')
    self.body.append("</p>\n")
    for listing in listings:
        listing.walkabout(self)
    self.body.append("</details>\n")
    raise nodes.SkipNode


class ProgramListingsTransform(SphinxPostTransform):
    """The complete programs outside interactive HTML (PDF, epub, text, man).

    Interactive HTML shows the node with :func:`visit_programs` (a collapsed
    ``<details>`` with downloads); every other builder gets the same words
    and listings as plain nodes: a summary naming the files, then the
    listings, or a reference to where this page shows them in full.
    """

    default_priority = 200

    def run(self, **kwargs: Any) -> None:
        fill_listings(self.document, self.env)
        for node in list(self.document.findall(versus_programs)):
            summary, downloads = _summary(node)
            paragraph = nodes.paragraph("", "", nodes.Text(summary))
            see = node.get("see")
            if see and not [c for c in node.children if c not in downloads]:
                paragraph += nodes.Text(" · ")
                paragraph += nodes.reference(
                    "",
                    _("see them in full"),
                    refid=see,
                    internal=True,
                )
            # A target, not ids on the container: LaTeX writes no label for
            # a plain container's ids.
            anchor = nodes.target("", "", ids=node["ids"])
            block = nodes.container("", anchor, paragraph, classes=[PROGRAMS_CLASS])
            block.extend(c for c in node.children if c not in downloads)
            # parent.replace, not replace_self: that copies the ids onto the
            # container too, and epub's XHTML then has each id twice.
            node.parent.replace(node, block)
