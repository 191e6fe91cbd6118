"""The extension's own words, through Sphinx's locale machinery.

Everything the extension writes into a page by itself — the "Side by side"
toggle, "faster" and "lower is better", table headings, chart text and the
generated alt text — is a message of the ``sphinx_versus`` catalog in this
folder (``sphinx_versus.pot``, and ``<language>/LC_MESSAGES/sphinx_versus.mo``
per translation), so ``language = "de"`` in ``conf.py`` shows it in German.

The pure modules (``benchmarks.numbers``, ``benchmarks.compare``) take the
translating function as an argument instead of importing this one, so they
stay free of Sphinx; the directives pass :func:`_`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.locale import get_translation

if TYPE_CHECKING:
    from sphinx.application import Sphinx

CATALOG = "sphinx_versus"
LOCALE_DIR = Path(__file__).parent

_translate = get_translation(CATALOG)


def _(message: str) -> str:
    """``message`` in the build's language (a plain ``str``, never lazy)."""
    return str(_translate(message))


def and_list(items: list[str]) -> str:
    """'Go', 'Go and Rust', 'Go, Rust and Zig', in the build's language."""
    if len(items) == 1:
        return items[0]
    return _("{first} and {last}").format(first=", ".join(items[:-1]), last=items[-1])


def setup(app: Sphinx) -> None:
    app.add_message_catalog(CATALOG, str(LOCALE_DIR))
