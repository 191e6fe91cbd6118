"""A code block's language as readers see it: its tab label and its sync key.

The sync key is computed here only; the HTML carries it in
``data-versus-sync`` and the script reads it from there.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sphinx_versus.config import language_names

if TYPE_CHECKING:
    from sphinx.config import Config


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


def sync_for(label: str, name: str, config: Config) -> str:
    """The sync key of a tab: a caption that names a language wins.

    Two Dockerfiles captioned "Go" and "Rust" are both ``dockerfile``; keyed
    by their captions they follow the reader's Go/Rust choice like the rest.
    """
    known = {sync_key(n) for n in language_names(config).values()}
    return sync_key(label) if sync_key(label) in known else sync_key(name)
