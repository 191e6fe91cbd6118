"""code-compare: the same program in several languages, one labelled block each.

The directive shapes a builder-independent doctree: per code block, exactly
what ``code-block :caption:`` produces (a ``literal-block-wrapper`` container
holding a ``caption`` and the ``literal_block``).  LaTeX, text, epub and man
already render that as labelled listings one after the other, and the pickled
doctree is right whichever builder read it.  The tab widget is made later, for
interactive HTML only, by :mod:`sphinx_versus.tabs_html`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from sphinx_versus.config import language_names

if TYPE_CHECKING:
    from docutils.nodes import Node
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.util.typing import OptionSpec

logger = logging.getLogger(__name__)

#: A warning's text and the node it is about (None: the directive itself).
Problem = tuple[str, "Node | None"]

LAYOUTS = ("tabs", "side-by-side")
ROOT_CLASS = "versus-code-compare"
TITLE_CLASS = "versus-code-compare-title"
BLOCK_CLASS = "versus-code-compare-block"
#: Languages that do not name a language: Sphinx's placeholders.
NO_LANGUAGE = frozenset({"", "default", "none"})

_FIX_LANGUAGE = (
    "give it a language: ```rust for a fence, "
    "'.. code-block:: rust', or ':language: rust' for literalinclude"
)


def sync_key(name: str) -> str:
    """The language key shared by tabs, storage and ``?lang=``: 'C++' -> 'cpp'.

    versus-tabs.js applies the same rule to sphinx-design sync ids and
    sphinx-tabs group names, so the two must stay identical.
    """
    key = name.strip().lower().replace("+", "p").replace("#", "sharp")
    return re.sub(r"[^a-z0-9]+", "-", key).strip("-")


def display_name(language: str, config: Config) -> str:
    """The tab label of a language: ``versus_languages``, else Pygments' name."""
    names = language_names(config)
    if language.lower() in names:
        return names[language.lower()]
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound

    try:
        return str(get_lexer_by_name(language).name)
    except ClassNotFound:
        # Sphinx warns about the unknown lexer itself when it highlights.
        return language[:1].upper() + language[1:]


def language_keys(config: Config) -> str:
    """The sync keys of all configured languages, space-separated.

    Meant for a ``data-versus-languages`` attribute on the versus-tabs.js
    script tag: the script then treats a sphinx-design or sphinx-tabs choice
    as a language choice only for these keys (or keys of code-compare tabs on
    the page), so choosing "Linux" in an OS tab-set keeps the reader's language.
    """
    return " ".join(
        sorted({sync_key(name) for name in language_names(config).values()})
    )


def _describe(node: Node) -> str:
    """Name a node the way a writer would recognise it in their source."""
    if isinstance(node, nodes.paragraph):
        text = " ".join(node.astext().split())
        return f'a paragraph ("{text[:40]}{"…" if len(text) > 40 else ""}")'
    if isinstance(node, nodes.target):
        return "a target label (use the code block's :name: option instead)"
    kind = node.tagname.replace("_", " ")
    article = "an" if kind[:1] in "aeiou" else "a"
    return f"{article} {kind}"


def _is_code(node: Node) -> bool:
    """A bare literal block, or the caption wrapper code-block/literalinclude make."""
    if isinstance(node, nodes.literal_block):
        return True
    return (
        isinstance(node, nodes.container)
        and bool(node.get("literal_block"))
        and any(isinstance(c, nodes.literal_block) for c in node.children)
    )


def _duplicate_labels(wrappers: list[nodes.Element]) -> list[Problem]:
    """Two tabs with one label cannot be told apart by a reader."""
    problems: list[Problem] = []
    seen: dict[str, nodes.Element] = {}
    for wrapper in wrappers:
        label = wrapper["versus_label"]
        first = seen.setdefault(label.casefold(), wrapper)
        if first is not wrapper:
            first_line = first.next_node(nodes.literal_block).line
            problems.append(
                (
                    f"code-compare has two blocks labelled {label!r} (the first "
                    f"at line {first_line}); give one of them a different :caption:",
                    wrapper.next_node(nodes.literal_block),
                )
            )
    return problems


class CodeCompareDirective(SphinxDirective):
    """Two or more code blocks shown as tabs in HTML, labelled listings elsewhere."""

    has_content = True
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec: ClassVar[OptionSpec] = {
        "layout": lambda arg: directives.choice(arg, LAYOUTS),
        "class": directives.class_option,
        "name": directives.unchanged,
    }

    def run(self) -> list[Node]:
        self.assert_has_content()
        body = nodes.container()
        self.set_source_info(body)
        self.state.nested_parse(self.content, self.content_offset, body)
        # Comments render nowhere; parse errors were reported already.
        messages: list[Node] = [
            c
            for c in body.children
            if isinstance(c, nodes.comment | nodes.system_message)
        ]
        problems = [
            (
                "code-compare takes only code blocks (fences, code-block, "
                f"literalinclude), but found {_describe(child)}; "
                "move it out of the code-compare",
                child,
            )
            for child in body.children
            if child not in messages and not _is_code(child)
        ]
        blocks = [c for c in body.children if _is_code(c)]
        wrappers = [self._wrap(block, problems) for block in blocks]
        _unique_sync_keys(wrappers)
        problems += _duplicate_labels(wrappers)
        if len(blocks) < 2:
            problems.append(
                (
                    f"code-compare needs at least two code blocks, found "
                    f"{len(blocks)}; add the block in the other language, or "
                    "use a plain code block",
                    None,
                )
            )
        if problems:
            for message, node in problems:
                logger.warning(
                    message,
                    location=node or self.get_location(),
                    type="versus",
                    subtype="code_compare",
                )
            # Show what was written, untabbed, rather than drop any of it.
            return [*messages, *body.children]
        root = self._root(wrappers, messages)
        return [*messages, root]

    def _root(
        self, wrappers: list[nodes.Element], messages: list[Node]
    ) -> nodes.container:
        layout = self.options.get("layout", LAYOUTS[0])
        classes = [
            ROOT_CLASS,
            f"versus-layout-{layout}",
            *self.options.get("class", []),
        ]
        root = nodes.container(classes=classes, versus_layout=layout)
        self.set_source_info(root)
        self.add_name(root)
        if self.arguments:
            title = self.arguments[0]
            inline, problems = self.state.inline_text(title, self.lineno)
            messages.extend(problems)
            rubric = nodes.rubric(title, "", *inline, classes=[TITLE_CLASS])
            self.set_source_info(rubric)
            root += rubric
        root += wrappers
        return root

    def _wrap(self, block: Node, problems: list[Problem]) -> nodes.Element:
        """Give a block the caption container ``code-block :caption:`` makes."""
        if isinstance(block, nodes.literal_block):
            literal = block
            wrapper = nodes.container(
                "", literal_block=True, classes=["literal-block-wrapper"]
            )
            wrapper.source, wrapper.line = block.source, block.line
            block.replace_self(wrapper)
            wrapper += block
        else:
            assert isinstance(block, nodes.Element)
            wrapper = block
            literal = next(
                c for c in block.children if isinstance(c, nodes.literal_block)
            )
        language = str(literal.get("language", "")).strip()
        if language.lower() in NO_LANGUAGE:
            problems.append(
                (
                    f"a code block in code-compare has no language; {_FIX_LANGUAGE}",
                    literal,
                )
            )
            language = "text"
        name = display_name(language, self.config)
        captions = [c for c in wrapper.children if isinstance(c, nodes.caption)]
        if captions:
            label = captions[0].astext()
        else:
            label = name
            caption = nodes.caption(name, name)
            caption.source, caption.line = literal.source, literal.line
            wrapper.insert(0, caption)
        wrapper["classes"].append(BLOCK_CLASS)
        wrapper["versus_label"] = label
        wrapper["versus_sync"] = _sync_for(label, name, self.config)
        return wrapper


def _unique_sync_keys(wrappers: list[nodes.Element]) -> None:
    """Two tabs of one language ("v1", "v2") are keyed by their labels.

    Otherwise choosing either would store the same key and a reload would
    always select the first of them.
    """
    keys = [w["versus_sync"] for w in wrappers]
    for wrapper in wrappers:
        if keys.count(wrapper["versus_sync"]) > 1:
            wrapper["versus_sync"] = sync_key(wrapper["versus_label"])


def _sync_for(label: str, name: str, config: Config) -> str:
    """The sync key of a tab: a caption that names a language wins.

    Two Dockerfiles captioned "Go" and "Rust" are both ``dockerfile``; keyed
    by their captions they follow the reader's Go/Rust choice like the rest.
    """
    known = {sync_key(n) for n in language_names(config).values()}
    return sync_key(label) if sync_key(label) in known else sync_key(name)


def setup_code_compare(app: Sphinx) -> None:
    """Register the directive and the per-format shaping of its doctree."""
    from sphinx_versus import latex, tabs_html

    app.add_directive("code-compare", CodeCompareDirective)
    tabs_html.setup_tabs_html(app)
    latex.setup_latex(app)
