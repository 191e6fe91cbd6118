"""The ``versus_*`` configuration values, in one place with their defaults."""

from __future__ import annotations

from typing import TYPE_CHECKING

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


def language_names(config: Config) -> dict[str, str]:
    """The effective language table: defaults overlaid with the user's."""
    merged = dict(DEFAULT_LANGUAGES)
    merged.update({k.lower(): v for k, v in config.versus_languages.items()})
    return merged


def setup_config(app: Sphinx) -> None:
    app.add_config_value("versus_languages", {}, "env", types=frozenset({dict}))
