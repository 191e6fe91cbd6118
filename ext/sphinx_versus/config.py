"""Every ``versus_*`` configuration value: its name, default, type and rebuild.

:data:`CONFIG_VALUES` registers every setting (with its description); no
feature calls ``add_config_value`` of its own, so this module is the one list
a writer needs, and the one the config reference page
(``docs/writers-guide/config.md``) is tested against.  Features read a value
as ``config.versus_*``; the language table through :func:`language_names`.

Each value is checked when the config is read (``config-inited``).  A value
that cannot be used is a warning located at its line in ``conf.py`` — the
setting, what was expected, what was given — and the default is used
instead, as Sphinx does for its own settings of the wrong type.  A
``ConfigError`` would stop the build at once, but Sphinx 9 reports any such
error with a traceback and a request to file a bug; a warning is one line,
and ``-W`` still fails the build on it.  A ``versus_*`` name in ``conf.py``
that no value has is a warning naming the closest real one.
"""

from __future__ import annotations

import ast
import copy
import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from sphinx.util import logging

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)
PREFIX = "versus_"

#: Display names for the languages of code blocks, keyed by Pygments lexer
#: name (lower case).  Writers extend or override it with ``versus_languages``
#: in ``conf.py``; their entries are merged over these defaults.
DEFAULT_LANGUAGES: dict[str, str] = {
    "go": "Go",
    "golang": "Go",
    "rust": "Rust",
    "rs": "Rust",
    "python": "Python",
    "py": "Python",
    "python3": "Python",
    "c": "C",
    "cpp": "C++",
    "c++": "C++",
    "java": "Java",
    "javascript": "JavaScript",
    "js": "JavaScript",
    "typescript": "TypeScript",
    "ts": "TypeScript",
    "shell": "Shell",
    "sh": "Shell",
    "bash": "Shell",
    "console": "Shell",
    "dockerfile": "Dockerfile",
    "docker": "Dockerfile",
    "toml": "TOML",
    "yaml": "YAML",
    "yml": "YAML",
    "json": "JSON",
    "kotlin": "Kotlin",
    "swift": "Swift",
    "csharp": "C#",
    "zig": "Zig",
    "sql": "SQL",
    "text": "Text",
}


def _given(value: object) -> str:
    """``a str: '20'`` — the type with its article, then the value."""
    name = type(value).__name__
    article = "an" if name[0] in "aeiou" else "a"
    return f"{article} {name}: {value!r}"


def _count(
    minimum: int, maximum: int, unit: str = ""
) -> Callable[[object], str | None]:
    """A whole number in a sane range: a limit past *maximum* limits nothing.

    ``10**30`` bytes would overflow a read and ``2**36`` exhaust memory, so
    the upper bound is part of the check, and the message shows it.
    """
    expected = f"expected an int from {minimum:_} to {maximum:_}{unit}"

    def check(value: object) -> str | None:
        # bool is an int to Python, never to a writer.
        if not isinstance(value, int) or isinstance(value, bool):
            return f"{expected}; got {_given(value)}"
        if not minimum <= value <= maximum:
            shown = (
                repr(value)
                if abs(value) < 10**12
                else f"an int of {len(str(abs(value)))} digits"
            )
            return f"{expected}; got {shown}"
        return None

    return check


def _folders(value: object) -> str | None:
    if not isinstance(value, list | tuple):
        return (
            "expected a list of folders relative to conf.py, such as "
            f"['../snippets']; got {_given(value)}"
        )
    for name in value:
        if not isinstance(name, str) or not name.strip():
            return (
                "expected a str for each folder, a path relative to conf.py "
                f"such as '../snippets'; got {_given(name)}"
            )
    return None


def _flag(value: object) -> str | None:
    if not isinstance(value, bool):
        return f"expected a bool (True or False); got {_given(value)}"
    return None


def _margin(value: object) -> str | None:
    # bool is a number to Python, never to a writer.
    if not isinstance(value, int | float) or isinstance(value, bool):
        return f"expected a number from 0 to 1, such as 0.05; got {_given(value)}"
    if not 0 <= value < 1:
        return f"expected a number from 0 to 1 (0.05 is 5 %); got {value!r}"
    return None


#: How a code-compare shows its blocks in HTML: tabs, or side by side where
#: every block fits its longest line ("auto" and "side-by-side" alike; the
#: two names let a site default to one and a page ask for the other).
CODE_LAYOUTS = ("tabs", "side-by-side", "auto")


def _layout(value: object) -> str | None:
    if value not in CODE_LAYOUTS:
        shown = repr(value) if isinstance(value, str) else _given(value)
        choices = ", ".join(repr(name) for name in CODE_LAYOUTS)
        return f"expected one of {choices}; got {shown}"
    return None


def _selector(value: object) -> str | None:
    if not isinstance(value, str):
        return f"expected a str (a CSS selector); got {_given(value)}"
    if any(char in value for char in "{};<>@"):
        return f"expected one CSS selector, without {{ }} ; < > or @; got {value!r}"
    return None


def _languages(value: object) -> str | None:
    if not isinstance(value, dict):
        return (
            "expected a dict from language to display name, such as "
            f'{{"elixir": "Elixir"}}; got {_given(value)}'
        )
    for key, name in value.items():
        if not isinstance(key, str) or not key.strip():
            return (
                "expected a str for each key, a language such as 'elixir'; "
                f"got {_given(key)}"
            )
        if not isinstance(name, str):
            return f"expected a str as the display name of {key!r}; got {_given(name)}"
        if not name.strip():
            return (
                f"the display name of {key!r} is empty; expected a name like 'Elixir'"
            )
    return None


#: Upper bounds of the limits: past them a limit protects nothing (see _count).
MAX_DATA_BYTES = 32 * 1024 * 1024
MAX_TABLE_CELLS = 200_000
MAX_LONGTABLE_ROWS = 1_000_000


@dataclass(frozen=True)
class ConfigValue:
    """One setting as Sphinx registers it."""

    name: str
    default: Any
    #: What a change re-reads: "env" (every page), "" (nothing, output only).
    rebuild: Literal["", "env"]
    types: tuple[type, ...]
    doc: str
    #: What is wrong with a value (one line), or None when it can be used.
    check: Callable[[object], str | None]


CONFIG_VALUES: tuple[ConfigValue, ...] = (
    ConfigValue(
        "versus_languages",
        {},
        "env",
        (dict,),
        "Tab labels by Pygments lexer name, merged over DEFAULT_LANGUAGES.",
        _languages,
    ),
    ConfigValue(
        "versus_table_longtable_rows",
        12,
        "",
        (int,),
        "LaTeX: a table with more body rows than this may break across pages.",
        _count(0, MAX_LONGTABLE_ROWS),
    ),
    ConfigValue(
        "versus_latex_parts",
        True,
        "env",
        (bool,),
        "LaTeX: each captioned root toctree opens a \\part.",
        _flag,
    ),
    ConfigValue(
        "versus_data_max_bytes",
        4 * 1024 * 1024,
        "env",
        (int,),
        "The largest data file (CSV) a directive reads, in bytes.",
        _count(1, MAX_DATA_BYTES, " (bytes; 32 MiB)"),
    ),
    ConfigValue(
        "versus_table_max_cells",
        20_000,
        "env",
        (int,),
        "The most cells (rows × columns) a comparison or benchmark table has.",
        _count(1, MAX_TABLE_CELLS),
    ),
    ConfigValue(
        "versus_file_dirs",
        [],
        "env",
        (list, tuple),
        "Folders outside the docs (relative to conf.py) whose files the "
        "extension may read and publish, such as ['../snippets'].",
        _folders,
    ),
    ConfigValue(
        "versus_data_file_assets",
        False,
        "env",
        (bool,),
        "Whether markup in data files (CSV cells, notes) may name images and "
        "downloads; off, they are shown as text.",
        _flag,
    ),
    ConfigValue(
        "versus_ratio_margin",
        0.05,
        "env",
        (float, int),
        "How far a ratio's 95 % interval must lie beyond 1 (0.05: above 1.05 "
        "or below 1/1.05) to be called faster or slower.",
        _margin,
    ),
    ConfigValue(
        "versus_code_layout",
        "tabs",
        "env",
        (str,),
        "HTML: the layout of a code-compare without :layout: ('tabs', "
        "'side-by-side' or 'auto': side by side where every block fits).",
        _layout,
    ),
    ConfigValue(
        "versus_dark_selector",
        "",
        "",
        (str,),
        "HTML: a selector that matches an ancestor when a theme not known to "
        "the extension is dark (e.g. 'html.night').",
        _selector,
    ),
)


def language_names(config: Config) -> dict[str, str]:
    """The effective language table: defaults overlaid with the user's."""
    merged = dict(DEFAULT_LANGUAGES)
    merged.update({k.lower(): v for k, v in config.versus_languages.items()})
    return merged


def _conf_py(app: Sphinx) -> Path | None:
    return Path(app.confdir, "conf.py") if app.confdir else None


def _assignments(path: Path) -> dict[str, int]:
    """Names ``conf.py`` assigns at its top level, with their first lines.

    Read from the file's syntax tree rather than the config, whose record of
    unknown names is private to Sphinx; conf.py has run already, so it parses.
    """
    try:
        tree = ast.parse(path.read_bytes(), filename=str(path))
    except (OSError, SyntaxError, ValueError):
        return {}
    found: dict[str, int] = {}
    for node in tree.body:
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AnnAssign | ast.AugAssign):
            targets = [node.target]
        for target in targets:
            if isinstance(target, ast.Name):
                found.setdefault(target.id, node.lineno)
    return found


def check_config(app: Sphinx, config: Config) -> None:
    """``config-inited``: warn about each unusable or unknown ``versus_*`` name."""
    path = _conf_py(app)
    lines = _assignments(path) if path else {}

    def warn(name: str, message: str, *args: object) -> None:
        where = f"{path}:{lines[name]}" if path and name in lines else None
        logger.warning(message, *args, location=where, type="versus", subtype="config")

    for value in CONFIG_VALUES:
        problem = value.check(getattr(config, value.name))
        if problem is not None:
            warn(
                value.name,
                "%s: %s; using the default, %r",
                value.name,
                problem,
                value.default,
            )
            setattr(config, value.name, copy.deepcopy(value.default))

    # Folders are relative to conf.py; the path policy needs them absolute.
    if app.confdir:
        config.versus_file_dirs = [
            str(Path(app.confdir, name)) for name in config.versus_file_dirs
        ]

    known = {value.name for value in CONFIG_VALUES}
    suffixes = [name.removeprefix(PREFIX) for name in sorted(known)]
    for name in lines:
        if not name.startswith(PREFIX) or name in known or name in config:
            continue
        close = difflib.get_close_matches(name.removeprefix(PREFIX), suffixes, n=1)
        hint = f"; did you mean {PREFIX + close[0]!r}?" if close else ""
        warn(name, "unknown setting %r: sphinx-versus has no such value%s", name, hint)


def setup(app: Sphinx) -> None:
    for value in CONFIG_VALUES:
        app.add_config_value(
            value.name,
            value.default,
            value.rebuild,
            types=frozenset(value.types),
            description=value.doc,
        )
    # Before Sphinx's own type check (priority 800), so that a wrong type is
    # one message from here, and Sphinx then sees the default.
    app.connect("config-inited", check_config, priority=750)
