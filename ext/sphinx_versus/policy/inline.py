"""Which nodes of a directive's text are kept: the rest become their text.

The page's own parser turned the text into nodes; :func:`neutralise` walks
them and keeps only what is safe to publish, returning why it changed each
other one, so that :mod:`sphinx_versus.markup` can warn at the directive:

- raw markup (MyST's inline HTML, a reST ``raw``-based role) is its text;
- a link keeps only a safe scheme (:data:`SAFE_SCHEMES`, or none); an
  anonymous link (``text__``) without its address is text: it would take
  the page's next anonymous target, and shift every other link's;
- math keeps to the subset of :mod:`.tex`;
- an image or a download names a file as Sphinx will resolve it
  (:mod:`.paths`), or a safe remote address; text from a data file names
  no file unless ``versus_data_file_assets`` is on;
- numbered or anonymous footnote references in a data file's text are text
  (they would take the page's own footnotes); named ones stay.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from sphinx_versus.policy import paths
from sphinx_versus.policy.tex import math_problem

if TYPE_CHECKING:
    from docutils.nodes import Node
    from sphinx.util.docutils import SphinxDirective

#: Link schemes a reader's browser treats as navigation, never as code.
SAFE_SCHEMES = frozenset({"http", "https", "mailto", "ftp", "tel"})
#: Image schemes fetched as images (a local path has none).
SAFE_IMAGE_SCHEMES = frozenset({"http", "https"})

#: Browsers drop these anywhere in a URL (``java\tscript:`` is ``javascript:``).
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")


def url_scheme(url: str) -> str | None:
    """The lower-case scheme a browser would see in *url*, or ``None``."""
    match = _SCHEME.match(_URL_NOISE.sub("", url))
    return match.group(1).lower() if match else None


def neutralise(
    root: nodes.Element, directive: SphinxDirective, *, from_data: bool = False
) -> list[str]:
    """Apply the policy to the nodes under *root*; the reasons to warn about."""
    reasons: list[str] = []
    for raw in list(root.findall(nodes.raw)):
        replace_node(raw, _as_text(raw, raw.astext()))
    if from_data:
        # [1]_, [#]_ or [*]_ would take (and renumber) the page's own
        # footnotes; a named reference ([^note], [#note]_) only points at a
        # footnote the writer defined on the page, and stays a reference.
        for note in list(root.findall(_is_note_reference)):
            assert isinstance(note, nodes.Element)
            if note.get("refname"):
                continue
            text = note.rawsource or note.astext()
            replace_node(note, nodes.inline(text, text))
    for math in list(root.findall(_is_math)):
        problem = math_problem(math.astext())
        if problem:
            reasons.append(
                f"{problem}, so it is shown as its text; math in a directive's "
                "text may use letters, digits, operators and the common "
                "commands of formulas (\\frac, \\sqrt, Greek letters) only"
            )
            text = math.astext()
            assert isinstance(math, nodes.Element)
            replace_node(math, nodes.literal(text, text))
    for ref in list(root.findall(nodes.reference)):
        if ref.get("anonymous") and not ref.get("refuri") and not ref.get("refid"):
            reasons.append(
                f"the anonymous link {ref.astext()!r} (ending in __) is shown "
                "as text: in a directive's text give the address inside the "
                "link, as `text <https://...>`__"
            )
            replace_node(ref, nodes.inline(ref.rawsource, "", *ref.children))
            continue
        uri = ref.get("refuri")
        scheme = url_scheme(uri) if uri else None
        if scheme is not None and scheme not in SAFE_SCHEMES:
            reasons.append(
                f"the link to {uri!r} is shown as text: a link in a directive's "
                f"text may use {_schemes(SAFE_SCHEMES)} or a relative address"
            )
            replace_node(ref, nodes.inline(ref.rawsource, "", *ref.children))
    for target in list(root.findall(nodes.target)):
        uri = target.get("refuri")
        scheme = url_scheme(uri) if uri else None
        if scheme is not None and scheme not in SAFE_SCHEMES:
            # Invisible, but a reference elsewhere on the page could use it.
            target.parent.remove(target)
    for image in list(root.findall(nodes.image)):
        uri = str(image.get("uri", ""))
        problem = _image_problem(uri, directive, from_data)
        if problem:
            reasons.append(problem)
            alt = str(image.get("alt", "")) or uri
            replace_node(image, nodes.inline(alt, alt))
    for download in list(root.findall(addnodes.download_reference)):
        given = str(download.get("reftarget", ""))
        problem = _download_problem(given, directive, from_data)
        if problem:
            reasons.append(problem)
            replace_node(download, nodes.inline("", "", *download.children))
    return reasons


def _schemes(names: frozenset[str]) -> str:
    return ", ".join(f"{name}:" for name in sorted(names))


def _is_note_reference(node: Node) -> bool:
    return isinstance(node, nodes.footnote_reference | nodes.citation_reference)


def _is_math(node: Node) -> bool:
    return isinstance(node, nodes.math | nodes.math_block)


def _image_problem(uri: str, directive: SphinxDirective, from_data: bool) -> str | None:
    if paths.is_remote("image", uri):
        if url_scheme(uri) in SAFE_IMAGE_SCHEMES:
            return None
        return (
            f"the image {uri!r} is shown as its text: an image in a directive's "
            f"text may use {_schemes(SAFE_IMAGE_SCHEMES)} or a file in the docs"
        )
    return _local_file_problem(uri, directive, "image", from_data)


def _download_problem(
    given: str, directive: SphinxDirective, from_data: bool
) -> str | None:
    if paths.is_remote("download", given):
        # Sphinx links such a target as written: javascript://%0a... would run.
        if url_scheme(given) in SAFE_SCHEMES:
            return None
        return (
            f"the download of {given!r} is shown as its text: a download in a "
            f"directive's text may use {_schemes(SAFE_SCHEMES)} or a file in "
            "the docs"
        )
    return _local_file_problem(given, directive, "download", from_data)


def _local_file_problem(
    given: str, directive: SphinxDirective, what: str, from_data: bool
) -> str | None:
    """The target exactly as Sphinx will read it: query, fragment and all."""
    if from_data and not directive.config.versus_data_file_assets:
        return (
            f"the {what} of {given!r} is shown as its text: text from a data "
            f"file may not name files to publish; set versus_data_file_assets "
            "= True in conf.py to allow it"
        )
    try:
        paths.resolve(directive.env, given, f"{what}s")
    except paths.PathError as exc:
        return f"the {what} is shown as its text: {exc}"
    if url_scheme(given) is not None:
        # "x:/a.png", "http:x/../a.png": a file path to Sphinx (no "://"), which
        # writes a missing one as given, and an address to the browser.
        return (
            f"the {what} of {given!r} is shown as its text: Sphinx would read "
            "it as a file and a browser as an address; write a path without "
            "a colon, or a full address with ://"
        )
    return None


def _as_text(node: nodes.Element, text: str) -> nodes.Node:
    """Plain text, in an ``inline`` only to keep *node*'s classes (a role's)."""
    classes: list[str] = list(node.get("classes", []))
    return nodes.inline(text, text, classes=classes) if classes else nodes.Text(text)


def replace_node(old: nodes.Element, new: nodes.Node) -> None:
    """*old* replaced by *new* in its parent."""
    # parent.replace, not replace_self: that asserts when attributes differ.
    old.parent.replace(old, new)
