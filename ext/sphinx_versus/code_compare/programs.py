"""The complete programs behind a code-compare's excerpts, offered in HTML.

A code-compare usually shows excerpts (``literalinclude`` with
``:start-after:``/``:end-before:``) of verified programs.  The reader gets
the whole files too, read from the same files at build time -- never a
copy -- in a ``<details>`` element, collapsed, with a download link for each
(Sphinx's own download machinery copies the file into ``_downloads/``).

The directive records which files a block comes from and adds the download
links (they must exist when the page is read, for Sphinx to collect the
files); the HTML transform fills in the full listings, only in the first
code-compare of a page that uses a file (later ones link to it), so a page
carries each program once.  Every other builder leaves the programs out: the
PDF shows the excerpts, and the files live in the repository.

Only files the path policy allows are offered (:mod:`sphinx_versus.policy.paths`:
inside the docs or a folder of ``versus_file_dirs``, symlinks resolved), and
an excerpt or a listing is at most ``versus_data_max_bytes`` long.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
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
            text = text.expandtabs(TAB_WIDTH)
            literal = nodes.literal_block(text, text, language=language)
            literal["source"] = path
            # A label paragraph, not a caption: a caption would number the
            # listing among the page's code blocks.
            title = f"{label}: {Path(path).name}"
            heading = nodes.paragraph("", "", nodes.strong(title, title))
            node += nodes.container("", heading, literal, classes=["versus-program"])


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


def visit_programs(self: HTML5Translator, node: nodes.Element) -> None:
    if self.builder.name.startswith("epub"):
        raise nodes.SkipNode
    downloads = [c for c in node.children if isinstance(c, addnodes.download_reference)]
    listings = [c for c in node.children if c not in downloads]
    self.body.append(self.starttag(node, "details"))
    names = [str(c.astext()) for c in downloads]
    joined = and_list(names)
    if listings:
        summary = _("The complete programs: {names}").format(names=joined)
    else:
        summary = _("The complete programs ({names}) are shown above").format(
            names=joined
        )
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
