"""Find every code block in the docs sources and where its code comes from.

MyST pages are tokenised with MyST's own markdown-it parser, and the bodies of
directives such as ``code-compare`` or ``tab-set`` are parsed again, so nested
fences are found at their real line; ``eval-rst`` bodies and ``.rst`` pages go
through a small reST line scanner.  The result is a flat list of
:class:`Block` records; deciding what is allowed is the test's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from markdown_it import MarkdownIt

#: Pygments names of the two languages the suite verifies.
LANGUAGES = {"go": "go", "golang": "go", "rust": "rust", "rs": "rust"}
SUFFIXES = {".go": "go", ".rs": "rust"}
#: Directives whose body is code: a language argument makes them a code block.
CODE_DIRECTIVES = frozenset({"code-block", "code", "sourcecode", "code-tab"})
#: Directives whose body is neither markup nor code to check.
OPAQUE_DIRECTIVES = frozenset({"raw", "math", "csv-table", "parsed-literal"})
_ROLE_PREFIX = re.compile(r"^\{(?P<name>[\w:.-]+)\}\s*(?P<args>.*)$")
_OPTION = re.compile(r"^:(?P<key>[\w-]+):(?:\s+(?P<value>.*))?$")
_RST_DIRECTIVE = re.compile(
    r"^(?P<indent>\s*)\.\.\s+(?P<name>[\w:.-]+)::(?:\s+(?P<args>.*))?$"
)


@dataclass(frozen=True)
class Block:
    """One code block of a page."""

    page: Path
    line: int
    syntax: str
    language: str
    include: Path | None = None

    @property
    def verified_language(self) -> str | None:
        """'go'/'rust' if this block shows Go or Rust code (by its language, or
        by the included file's extension whatever language it claims)."""
        by_name = LANGUAGES.get(self.language.lower())
        if by_name or self.include is None:
            return by_name
        return SUFFIXES.get(self.include.suffix)


def scan_docs(docs: Path) -> list[Block]:
    """Every code block in ``docs/**/*.md`` and ``*.rst`` (not ``_build``)."""
    blocks: list[Block] = []
    for page in sorted([*docs.rglob("*.md"), *docs.rglob("*.rst")]):
        if "_build" in page.relative_to(docs).parts:
            continue
        text = page.read_text(encoding="utf-8")
        if page.suffix == ".md":
            blocks += scan_myst(text, page, docs)
        else:
            blocks += scan_rst(text, page, docs)
    return blocks


def resolve_include(argument: str, page: Path, docs: Path) -> Path:
    """Resolve a literalinclude path the way Sphinx does (``/`` = docs root)."""
    argument = argument.strip()
    if argument.startswith("/"):
        return (docs / argument.lstrip("/")).resolve()
    return (page.parent / argument).resolve()


# -- MyST -----------------------------------------------------------------------


@cache
def _parser() -> MarkdownIt:
    from markdown_it.renderer import RendererHTML
    from myst_parser.config.main import MdParserConfig
    from myst_parser.parsers.mdit import create_md_parser

    config = MdParserConfig(
        enable_extensions={"colon_fence", "deflist", "fieldlist", "attrs_block"}
    )
    return create_md_parser(config, RendererHTML)


def _split_options(content: str) -> tuple[dict[str, str], list[str], int]:
    """A MyST directive body -> (options, body lines, lines the options took)."""
    lines = content.splitlines()
    options: dict[str, str] = {}
    used = 0
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), 0)
        for line in lines[1:end]:
            key, _, value = line.partition(":")
            options[key.strip()] = value.strip().strip("\"'")
        used = end + 1 if end else 0
    else:
        while used < len(lines) and (match := _OPTION.match(lines[used].strip())):
            options[match["key"]] = (match["value"] or "").strip()
            used += 1
    return options, lines[used:], used


def scan_myst(text: str, page: Path, docs: Path, first_line: int = 1) -> list[Block]:
    blocks: list[Block] = []
    for token in _parser().parse(text):
        if token.type not in {"fence", "colon_fence"} or token.map is None:
            continue
        line = first_line + token.map[0]
        info = token.info.strip()
        directive = _ROLE_PREFIX.match(info)
        if directive is None:
            language = info.split()[0] if info else ""
            syntax = f"{token.markup}{language} fence"
            blocks.append(Block(page, line, syntax, language))
            continue
        name, args = directive["name"], directive["args"].strip()
        options, body, used = _split_options(token.content)
        body_line = line + 1 + used
        code = _code_block(name, args, options, page, docs, line, f"{{{name}}}")
        if code is not None:
            blocks.append(code)
        elif name == "eval-rst":
            blocks += scan_rst("\n".join(body), page, docs, body_line)
        elif name not in OPAQUE_DIRECTIVES:
            blocks += scan_myst("\n".join(body), page, docs, body_line)
    return blocks


def _code_block(
    name: str,
    args: str,
    options: dict[str, str],
    page: Path,
    docs: Path,
    line: int,
    syntax: str,
) -> Block | None:
    """The code a literalinclude or code directive shows, in either markup."""
    if name == "literalinclude":
        target = resolve_include(args, page, docs)
        return Block(page, line, syntax, options.get("language", ""), target)
    if name in CODE_DIRECTIVES:
        language = args.split()[0] if args else options.get("language", "")
        return Block(page, line, f"{syntax} {language}", language)
    return None


# -- reStructuredText ------------------------------------------------------------


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _block_end(lines: list[str], start: int, indent: int) -> int:
    """Index after the lines, from ``start``, that are blank or indented more."""
    end = start
    while end < len(lines) and (not lines[end].strip() or _indent(lines[end]) > indent):
        end += 1
    return end


def scan_rst(text: str, page: Path, docs: Path, first_line: int = 1) -> list[Block]:
    blocks: list[Block] = []
    lines = text.splitlines()
    highlight = ""
    i = 0
    while i < len(lines):
        line = lines[i]
        match = _RST_DIRECTIVE.match(line)
        if match is None:
            stripped = line.strip()
            if stripped.startswith(".."):
                # a comment, target or substitution: its body is not shown
                i = _block_end(lines, i + 1, _indent(line))
            elif stripped.endswith("::"):
                end = _block_end(lines, i + 1, _indent(line))
                if any(x.strip() for x in lines[i + 1 : end]):
                    syntax = f"'::' literal block (highlight {highlight or 'default'})"
                    blocks.append(Block(page, first_line + i, syntax, highlight))
                i = end
            else:
                i += 1
            continue
        name, args = match["name"], (match["args"] or "").strip()
        end = _block_end(lines, i + 1, len(match["indent"]))
        options: dict[str, str] = {}
        for option_line in lines[i + 1 : end]:
            option = _OPTION.match(option_line.strip())
            if option is None:
                break
            options[option["key"]] = (option["value"] or "").strip()
        where = first_line + i
        if name == "highlight":
            highlight = args
        elif code := _code_block(
            name, args, options, page, docs, where, f".. {name}::"
        ):
            blocks.append(code)
        if name in CODE_DIRECTIVES or name in OPAQUE_DIRECTIVES:
            i = end  # the body is code: do not read directives inside it
        else:
            i += 1  # the body is markup: nested directives are scanned in turn
    return blocks
