"""One MyST directive: its name, options, language, files and titles.

The build reports most of these too, but without a suggestion, sometimes at
the directive's first line, and only after a full build; here each is at
its own line, in a fraction of a second.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sphinx_versus.cli.check import names, snippets
from sphinx_versus.cli.check.text import check_words

if TYPE_CHECKING:
    from sphinx_versus.cli.check.context import Page

_OPTION = re.compile(r"^:(?P<name>[\w-]+):(?P<value>.*)$")
_YAML_KEY = re.compile(r"^(?P<name>[\w-]+):(?P<value>.*)$")
_TOCTREE_ENTRY = re.compile(r"^(?:.*<(?P<angle>[^>]+)>|(?P<plain>\S+))\s*$")
#: Options whose value is a caption or title a reader sees.
_TITLE_OPTIONS = frozenset({"caption"})


@dataclass
class Directive:
    """A directive fence taken apart; lines are 1-based page lines."""

    name: str
    argument: str
    line: int
    options: dict[str, tuple[str, int]] = field(default_factory=dict)
    #: The body with the option lines blanked, so its lines stay the page's.
    body: list[str] = field(default_factory=list)
    body_line: int = 0


def parse(info: str, content: str, line: int) -> Directive | None:
    """``{name} argument`` and the fence's content, or None if not a directive."""
    match = re.match(r"^\{(?P<name>[^}\s]+)\}\s*(?P<arg>.*)$", info.strip())
    if match is None:
        return None
    directive = Directive(match["name"], match["arg"].strip(), line)
    lines = content.splitlines()
    directive.body_line = line + 1
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), 0)
        for i in range(1, end):
            if key := _YAML_KEY.match(lines[i]):
                directive.options[key["name"]] = (key["value"].strip(), line + 1 + i)
        blanked = end + 1
    else:
        blanked = 0
        while blanked < len(lines) and (opt := _OPTION.match(lines[blanked])):
            directive.options[opt["name"]] = (opt["value"].strip(), line + 1 + blanked)
            blanked += 1
    directive.body = [""] * blanked + lines[blanked:]
    return directive


def check(page: Page, directive: Directive) -> None:
    """Everything that can be known about *directive* without building."""
    _check_name(page, directive)
    _check_options(page, directive)
    name, line = directive.name, directive.line
    if name in {"code-block", "sourcecode", "code"} and directive.argument:
        check_language(page, directive.argument.split()[0], line)
    if "language" in directive.options:
        value, at = directive.options["language"]
        check_language(page, value, at)
    if name in {"code-compare", "comparison-table"}:
        check_words(page, directive.argument, line, title=True)
    for option in _TITLE_OPTIONS & directive.options.keys():
        value, at = directive.options[option]
        check_words(page, value, at)
    if name == "literalinclude":
        _check_file(page, directive.argument, line)
        snippets.check_stamp(page, directive.argument, line)
    elif name in {"benchmark-table", "benchmark-chart"}:
        _check_benchmark(page, directive)
    elif name == "comparison-table":
        if "file" in directive.options:
            _check_file(page, *directive.options["file"])
        _check_rows(page, directive)
    elif name == "toctree":
        _check_toctree(page, directive)


def check_language(page: Page, language: str, line: int) -> None:
    known = names.lexer_names()
    if language.lower() in known:
        return
    hint = names.suggestion(
        language.lower(), names.common_languages()
    ) or names.suggestion(language.lower(), known)
    page.report(
        line,
        page.column(line, language),
        "language",
        f"unknown language '{language}': Pygments has no lexer of that name, so "
        f"the code is not highlighted and its tab is labelled '{language}'"
        f"{hint}",
    )


def _check_name(page: Page, directive: Directive) -> None:
    name = directive.name
    if name in names.known_directives() or ":" in name:
        return
    close = names.close_to(name, names.known_directives())
    if close:
        page.report(
            directive.line,
            page.column(directive.line, name),
            "directive",
            f"unknown directive '{name}'; did you mean '{close}'?",
        )


def _check_options(page: Page, directive: Directive) -> None:
    accepted = names.known_options().get(directive.name)
    if accepted is None:
        return
    for option, (_, line) in directive.options.items():
        if option in accepted:
            continue
        page.report(
            line,
            page.column(line, option),
            "option",
            f"{directive.name} has no option ':{option}:'"
            f"{names.suggestion(option, accepted, ':{}:')} (it has: "
            f"{', '.join(sorted(accepted))})",
        )


def _check_file(page: Page, written: str, line: int) -> bool:
    if not written or page.resolve(written).is_file():
        return True
    page.report(
        line,
        page.column(line, written),
        "link",
        f"no file '{written}' (paths are relative to this page, or to the source "
        "folder with a leading /)",
    )
    return False


def _check_benchmark(page: Page, directive: Directive) -> None:
    from sphinx_versus.benchmarks.data import BenchmarkDataError, parse_benchmarks

    systems: set[str] = set()
    for written in directive.argument.split():
        if not _check_file(page, written, directive.line):
            return
        try:
            data = parse_benchmarks(page.resolve(written).read_bytes(), label=written)
        except (BenchmarkDataError, ValueError, OSError):
            return  # the build reports a broken file, located in the file
        systems.update(data.systems)
    chosen: list[tuple[str, int]] = []
    if "baseline" in directive.options:
        chosen.append(directive.options["baseline"])
    if "systems" in directive.options:
        value, line = directive.options["systems"]
        chosen.extend((s.strip(), line) for s in value.split(",") if s.strip())
    for system, line in chosen:
        if system not in systems:
            page.report(
                line,
                page.column(line, system),
                "system",
                f"'{system}' is not a system of {directive.argument} (it has: "
                f"{', '.join(sorted(systems))})"
                f"{names.suggestion(system, systems)}",
            )


def _check_rows(page: Page, directive: Directive) -> None:
    from sphinx_versus.comparison.rows import split_cells

    header = directive.options.get("headers")
    rows = [(header[0], header[1])] if header else []
    rows += [
        (text, directive.body_line + i)
        for i, text in enumerate(directive.body)
        if text.strip() and not text.lstrip().startswith("[")
    ]
    for text, line in rows:
        for cell in split_cells(text):
            check_words(page, re.sub(r"`[^`]*`", "", cell), line)


def _check_toctree(page: Page, directive: Directive) -> None:
    for i, text in enumerate(directive.body):
        entry = text.strip()
        if not entry or entry.startswith(":") or entry == "self":
            continue
        match = _TOCTREE_ENTRY.match(entry)
        target = (match["angle"] or match["plain"]) if match else entry
        if "*" in target or "://" in target:
            continue
        if not page.doc_exists(target):
            line = directive.body_line + i
            page.report(
                line,
                page.column(line, target),
                "link",
                f"the toctree lists '{target}', but there is no page "
                f"'{target}.md' or '.rst' next to this one",
            )
