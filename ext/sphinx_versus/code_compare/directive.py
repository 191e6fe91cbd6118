"""The code-compare directive: one labelled block per language, any builder.

The directive shapes a builder-independent doctree: per code block, exactly
what ``code-block :caption:`` produces (a ``literal-block-wrapper`` container
holding a ``caption`` and the ``literal_block``).  LaTeX, text, epub and man
already render that as labelled listings one after the other, and the pickled
doctree is right whichever builder read it.  The tab widget is made later, for
interactive HTML only, by :mod:`sphinx_versus.code_compare.html`.

Two kinds of block get more shape here, for every builder alike:

- *Output*: blocks whose first line is an ``Output:`` comment (the snippets'
  convention, ``// Output:`` or ``# Output:``) are program output.  The whole
  code-compare is marked as output (its lines wrap in HTML), and when every
  block prints the same text it is shown once, labelled with every language.
- *Excerpts of files*: blocks read by ``literalinclude`` offer the complete
  files (:mod:`sphinx_versus.code_compare.programs`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from sphinx_versus.code_compare.choice import CHOICE_OPTIONS, group_of, mark_default
from sphinx_versus.code_compare.languages import (
    LANGUAGE_GROUP,
    display_name,
    sync_for,
    sync_key,
)
from sphinx_versus.code_compare.programs import (
    OUTPUT_CLASS,
    OUTPUT_LINE,
    bound_excerpt,
    included_file,
    programs_node,
)
from sphinx_versus.config import CODE_LAYOUTS
from sphinx_versus.doctree import (
    CODE_COMPARE_BLOCK_CLASS,
    CODE_COMPARE_CLASS,
    CODE_COMPARE_TITLE_CLASS,
    is_code_block,
    unbuilt,
)
from sphinx_versus.locale import _, and_list
from sphinx_versus.markup import enforce, parse_inline
from sphinx_versus.options import check_options, lenient_spec
from sphinx_versus.policy.budget import budgeted

if TYPE_CHECKING:
    from docutils.nodes import Node
    from sphinx.util.typing import OptionSpec

logger = logging.getLogger(__name__)

#: A warning's text and the node it is about (None: the directive itself).
Problem = tuple[str, "Node | None"]

#: Languages that do not name a language: Sphinx's placeholders.
NO_LANGUAGE = frozenset({"", "default", "none"})

_FIX_LANGUAGE = (
    "give it a language: ```rust for a fence, "
    "'.. code-block:: rust', or ':language: rust' for literalinclude"
)


def _describe(node: Node) -> str:
    """Name a node the way a writer would recognise it in their source."""
    if isinstance(node, nodes.paragraph):
        text = " ".join(node.astext().split())
        return f'a paragraph ("{text[:40]}{"…" if len(text) > 40 else ""}")'
    if isinstance(node, nodes.target):
        return "a target label (use the code block's :name: option instead)"
    kind = type(node).__name__.replace("_", " ")
    article = "an" if kind[:1] in "aeiou" else "a"
    return f"{article} {kind}"


def _duplicate_labels(wrappers: list[nodes.Element]) -> list[Problem]:
    """Two tabs with one label cannot be told apart by a reader."""
    problems: list[Problem] = []
    seen: dict[str, nodes.Element] = {}
    for wrapper in wrappers:
        label = wrapper["versus_label"]
        first = seen.setdefault(label.casefold(), wrapper)
        if first is not wrapper:
            literal = first.next_node(nodes.literal_block)
            first_line = literal.line if literal is not None else None
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
    option_spec: ClassVar[OptionSpec] = lenient_spec(
        {
            "layout": lambda arg: directives.choice(arg, CODE_LAYOUTS),
            "class": directives.class_option,
            "name": directives.unchanged,
            **CHOICE_OPTIONS,
        }
    )

    @budgeted("code_compare")
    def run(self) -> list[Node]:
        check_options(self, "code_compare")
        if not any(line.strip() for line in self.content):
            logger.warning(
                "code-compare is empty; put two or more code blocks in it",
                location=self.get_location(),
                type="versus",
                subtype="code_compare",
            )
            source, line = self.get_source_info()
            return [unbuilt(self.block_text, source, line)]
        body = nodes.container()
        self.set_source_info(body)
        self.state.nested_parse(self.content, self.content_offset, body)
        # Comments render nowhere; parse errors were reported already.
        messages: list[Node] = [
            c
            for c in body.children
            if isinstance(c, nodes.comment | nodes.system_message)
        ]
        problems: list[Problem] = [
            (
                "code-compare takes only code blocks (fences, code-block, "
                f"literalinclude), but found {_describe(child)}; "
                "move it out of the code-compare",
                child,
            )
            for child in body.children
            if child not in messages and not is_code_block(child)
        ]
        blocks = [c for c in body.children if is_code_block(c)]
        wrappers = [self._wrap(block, problems) for block in blocks]
        if group_of(self) != LANGUAGE_GROUP:
            # Outside the language's group a tab is keyed by what it says.
            for wrapper in wrappers:
                wrapper["versus_sync"] = sync_key(wrapper["versus_label"])
        unique_sync_keys(wrappers)
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
            return [*messages, *self._title(messages), *body.children]
        root = self._output_root(wrappers, messages) or self._root(wrappers, messages)
        return [*messages, root]

    def _title(self, messages: list[Node]) -> list[nodes.rubric]:
        """The title as a rubric, by the policy of :mod:`sphinx_versus.markup`."""
        if not self.arguments:
            return []
        title = self.arguments[0]
        inline, problems = parse_inline(
            self, title, self.lineno, subtype="code_compare"
        )
        messages.extend(problems)
        rubric = nodes.rubric(title, "", *inline, classes=[CODE_COMPARE_TITLE_CLASS])
        self.set_source_info(rubric)
        return [rubric]

    def _output_root(
        self, wrappers: list[nodes.Element], messages: list[Node]
    ) -> nodes.container | None:
        """Output blocks: marked, and shown once if every language prints the same."""
        texts = [_literal(w).astext() for w in wrappers]
        firsts = [t.lstrip("\n").split("\n", 1)[0] for t in texts]
        if not all(OUTPUT_LINE.match(first) for first in firsts):
            return None
        if len({t.strip() for t in texts}) > 1:
            return None  # different output: tabs, marked as output in _root
        labels = [w["versus_label"] for w in wrappers]
        label = _("{languages}: the same output").format(languages=and_list(labels))
        merged = wrappers[0]
        caption = merged.next_node(nodes.caption)
        assert caption is not None
        caption.clear()
        caption += nodes.Text(label)
        merged["versus_label"] = label
        merged["classes"].append(OUTPUT_CLASS)
        root = self._root([merged], messages)
        root["classes"].append(OUTPUT_CLASS)
        root["versus_single"] = True
        return root

    def _root(
        self, wrappers: list[nodes.Element], messages: list[Node]
    ) -> nodes.container:
        layout = self.options.get("layout", self.config.versus_code_layout)
        classes = [
            CODE_COMPARE_CLASS,
            f"versus-layout-{layout}",
            *self.options.get("class", []),
        ]
        texts = [_literal(w).astext() for w in wrappers]
        if all(OUTPUT_LINE.match(t.lstrip("\n")) for t in texts):
            classes.append(OUTPUT_CLASS)
        root = nodes.container(classes=classes, versus_layout=layout)
        if group_of(self) != LANGUAGE_GROUP:
            root["versus_group"] = group_of(self)
        if len(wrappers) > 1:
            mark_default(self, root, wrappers)
        self.set_source_info(root)
        self.add_name(root)
        root += self._title(messages)
        root += wrappers
        files = []
        for wrapper in wrappers:
            literal = _literal(wrapper)
            bound_excerpt(literal, self.env)
            path = included_file(literal, self.env)
            if path is not None and OUTPUT_CLASS not in root["classes"]:
                label = wrapper["versus_label"]
                files.append((label, str(literal.get("language", "")), path))
        programs = programs_node(self.env, files, self.get_location())
        if programs is not None:
            root += programs
        return root

    def _wrap(self, block: Node, problems: list[Problem]) -> nodes.Element:
        """Give a block the caption container ``code-block :caption:`` makes."""
        if isinstance(block, nodes.literal_block):
            literal = block
            wrapper: nodes.Element = nodes.container(
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
            # The caption becomes a tab label: the same policy as the title.
            enforce(captions[0], self, subtype="code_compare", location=literal)
            label = captions[0].astext()
        else:
            label = name
            caption = nodes.caption(name, name)
            caption.source, caption.line = literal.source, literal.line
            wrapper.insert(0, caption)
        wrapper["classes"].append(CODE_COMPARE_BLOCK_CLASS)
        wrapper["versus_label"] = label
        wrapper["versus_sync"] = sync_for(label, name, self.config)
        return wrapper


def unique_sync_keys(wrappers: list[nodes.Element]) -> None:
    """Two tabs of one language ("v1", "v2") are keyed by their labels.

    Otherwise choosing either would store the same key and a reload would
    always select the first of them.
    """
    keys = [w["versus_sync"] for w in wrappers]
    for wrapper in wrappers:
        if keys.count(wrapper["versus_sync"]) > 1:
            wrapper["versus_sync"] = sync_key(wrapper["versus_label"])


def _literal(wrapper: nodes.Element) -> nodes.literal_block:
    literal = wrapper.next_node(nodes.literal_block)
    assert literal is not None  # every wrapper holds its code block
    return literal
