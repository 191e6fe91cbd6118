"""Every ``versus_*`` configuration value: its name, default, type and rebuild.

Features read their settings through :data:`CONFIG_VALUES` and the helpers
here, never through a ``add_config_value`` of their own, so this module is the
one list a writer (and the config reference page) needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

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


@dataclass(frozen=True)
class ConfigValue:
    """One setting as Sphinx registers it."""

    name: str
    default: Any
    #: What a change re-reads: "env" (every page), "" (nothing, output only).
    rebuild: Literal["", "env"]
    types: tuple[type, ...]
    doc: str


CONFIG_VALUES: tuple[ConfigValue, ...] = (
    ConfigValue(
        "versus_languages",
        {},
        "env",
        (dict,),
        "Tab labels by Pygments lexer name, merged over DEFAULT_LANGUAGES.",
    ),
    ConfigValue(
        "versus_table_longtable_rows",
        12,
        "",
        (int,),
        "LaTeX: a table with more body rows than this may break across pages.",
    ),
    ConfigValue(
        "versus_latex_parts",
        True,
        "env",
        (bool,),
        "LaTeX: each captioned root toctree opens a \\part.",
    ),
    ConfigValue(
        "versus_data_max_bytes",
        4 * 1024 * 1024,
        "env",
        (int,),
        "The largest data file (CSV) a directive reads, in bytes.",
    ),
)


def language_names(config: Config) -> dict[str, str]:
    """The effective language table: defaults overlaid with the user's."""
    merged = dict(DEFAULT_LANGUAGES)
    merged.update({k.lower(): v for k, v in config.versus_languages.items()})
    return merged


def setup(app: Sphinx) -> None:
    for value in CONFIG_VALUES:
        app.add_config_value(
            value.name,
            value.default,
            value.rebuild,
            types=frozenset(value.types),
        )
