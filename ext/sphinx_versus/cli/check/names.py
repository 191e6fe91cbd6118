"""The names a page may use, and did-you-mean for the ones it misspells.

Our directives' options come from the directive classes themselves, so the
check never drifts from what the build accepts.  Other extensions' directives
cannot be known without running ``conf.py``: a name that is close to none of
the names below is left to the build, which reports unknown directives itself.
"""

from __future__ import annotations

import difflib
import functools

#: Directives of docutils, Sphinx, MyST and the extensions sites commonly use.
#: Only a misspelling *close* to one of these (or ours) is reported.
COMMON_DIRECTIVES = frozenset(
    [
        "admonition",
        "attention",
        "caution",
        "danger",
        "error",
        "hint",
        "important",
        "note",
        "tip",
        "warning",
        "seealso",
        "versionadded",
        "versionchanged",
        "versionremoved",
        "deprecated",
        "centered",
        "hlist",
        "only",
        "tabularcolumns",
        "toctree",
        "glossary",
        "productionlist",
        "code",
        "code-block",
        "sourcecode",
        "literalinclude",
        "highlight",
        "include",
        "image",
        "figure",
        "table",
        "csv-table",
        "list-table",
        "math",
        "raw",
        "eval-rst",
        "rubric",
        "topic",
        "sidebar",
        "epigraph",
        "highlights",
        "pull-quote",
        "compound",
        "container",
        "contents",
        "sectnum",
        "header",
        "footer",
        "meta",
        "default-role",
        "role",
        "title",
        "class",
        "parsed-literal",
        "line-block",
        "index",
        "sectionauthor",
        "moduleauthor",
        "codeauthor",
        "tab-set",
        "tab-item",
        "tab-set-code",
        "grid",
        "grid-item",
        "grid-item-card",
        "card",
        "card-carousel",
        "dropdown",
        "button-link",
        "button-ref",
        "article-info",
        "tabs",
        "tab",
        "group-tab",
        "code-tab",
        "div",
        "mermaid",
        "graphviz",
        "digraph",
        "autosummary",
        "automodule",
        "autoclass",
        "autofunction",
    ]
)

#: Directives whose body is not Markdown (never parsed for nested blocks).
LITERAL_BODY = frozenset(
    [
        "code",
        "code-block",
        "sourcecode",
        "literalinclude",
        "highlight",
        "math",
        "raw",
        "eval-rst",
        "csv-table",
        "productionlist",
        "mermaid",
        "graphviz",
        "digraph",
        "parsed-literal",
        "include",
    ]
)


@functools.cache
def versus_directives() -> dict[str, frozenset[str]]:
    """Our directive names and the options each accepts (from the classes)."""
    from sphinx_versus.benchmarks.chart.directive import BenchmarkChartDirective
    from sphinx_versus.benchmarks.table import BenchmarkTableDirective
    from sphinx_versus.code_compare.compare_tabs import (
        CompareTabDirective,
        CompareTabsDirective,
    )
    from sphinx_versus.code_compare.directive import CodeCompareDirective
    from sphinx_versus.comparison.directive import ComparisonTableDirective

    classes = {
        "comparison-table": ComparisonTableDirective,
        "code-compare": CodeCompareDirective,
        "compare-tabs": CompareTabsDirective,
        "compare-tab": CompareTabDirective,
        "benchmark-table": BenchmarkTableDirective,
        "benchmark-chart": BenchmarkChartDirective,
    }
    return {name: frozenset(cls.option_spec or {}) for name, cls in classes.items()}


@functools.cache
def known_options() -> dict[str, frozenset[str]]:
    """Options of every directive whose full option list we know."""
    from sphinx.directives.code import CodeBlock, LiteralInclude
    from sphinx.directives.other import TocTree

    # MyST accepts these on every directive and handles them itself.
    shared = frozenset({"name", "class"})
    known = dict(versus_directives())
    for name, cls in {
        "code-block": CodeBlock,
        "sourcecode": CodeBlock,
        "literalinclude": LiteralInclude,
        "toctree": TocTree,
    }.items():
        known[name] = frozenset(cls.option_spec or {}) | shared
    return known


def known_directives() -> frozenset[str]:
    return COMMON_DIRECTIVES | frozenset(versus_directives())


@functools.cache
def lexer_names() -> frozenset[str]:
    """Every alias Pygments knows (read from its table; no lexer is imported)."""
    from pygments.lexers import get_all_lexers

    names = {alias for _, aliases, _, _ in get_all_lexers() for alias in aliases}
    return frozenset(names | {"default", "none", "text", "myst", "mdx", "jsx"})


def common_languages() -> frozenset[str]:
    """The languages code-compare labels itself: tried first for a typo."""
    from sphinx_versus.config import DEFAULT_LANGUAGES

    return frozenset(DEFAULT_LANGUAGES)


def suggestion(
    name: str, candidates: frozenset[str] | set[str], shown: str = "'{}'"
) -> str:
    """``; did you mean 'x'?`` for the closest candidate (any case), or nothing."""
    folded = {c.casefold(): c for c in sorted(candidates)}
    close = difflib.get_close_matches(name.casefold(), list(folded), n=1, cutoff=0.6)
    return f"; did you mean {shown.format(folded[close[0]])}?" if close else ""


def close_to(name: str, candidates: frozenset[str]) -> str | None:
    """The candidate *name* is most likely a typo of, if any is close enough."""
    close = difflib.get_close_matches(name, sorted(candidates), n=1, cutoff=0.8)
    return close[0] if close else None
