"""A code block's language as readers see it: its tab label and its sync key.

Sync keys are computed here only.  The HTML carries them (code-compare's
``data-versus-sync``, the tables :mod:`sphinx_versus.interop.sync`
writes for sphinx-design and sphinx-tabs) and the scripts only read them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from sphinx_versus.config import language_names

if TYPE_CHECKING:
    from sphinx.config import Config

#: The sync group of the reader's language: its storage key and ``?lang=``.
LANGUAGE_GROUP = "lang"


@lru_cache(maxsize=4096)
def sync_key(name: str) -> str:
    """The language key shared by tabs, storage and ``?lang=``: 'C++' -> 'cpp'."""
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


def language_table(config: Config) -> dict[str, str]:
    """Every name of a configured language, case-folded, with its sync key.

    Lexer names (``golang``), labels (``Go``) and the keys themselves, so a
    ``:sync:`` id, a sphinx-tabs label or ``?lang=`` written any of these ways
    finds the key code-compare gives that language.
    """
    return _table(tuple(sorted(language_names(config).items())))


@lru_cache(maxsize=16)
def _table(names: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """:func:`language_table` of one configuration, built once per build: every
    tab of every page asks for it."""
    table: dict[str, str] = {}
    # A key names its own language first, then a label, then a lexer name.
    for spelling in ("key", "name", "lexer"):
        for lexer, name in names:
            key = sync_key(name)
            written = {"key": key, "name": name, "lexer": lexer}[spelling]
            table.setdefault(written.casefold(), key)
    return table


def key_for(name: str, config: Config) -> str:
    """The sync key of a tab another widget names: 'golang', 'GO', 'Go' -> 'go'."""
    return language_table(config).get(name.strip().casefold(), sync_key(name))


def language_keys(config: Config) -> str:
    """The sync keys of all configured languages, space-separated, sorted.

    A sphinx-design or sphinx-tabs choice of one of these keys is a language
    choice (so choosing "Linux" in an OS tab-set keeps the reader's language).
    """
    return " ".join(sorted({sync_key(n) for n in language_names(config).values()}))


def sync_for(label: str, name: str, config: Config) -> str:
    """The sync key of a tab: a caption that names a language wins.

    Two Dockerfiles captioned "Go" and "Rust" are both ``dockerfile``; keyed
    by their captions they follow the reader's Go/Rust choice like the rest.
    """
    known = {sync_key(n) for n in language_names(config).values()}
    return sync_key(label) if sync_key(label) in known else sync_key(name)
