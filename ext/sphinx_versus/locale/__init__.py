"""The extension's own words, through Sphinx's locale machinery.

Everything the extension writes into a page by itself — the "Side by side"
toggle, "faster" and "lower is better", table headings, chart text and the
generated alt text — is a message of the ``sphinx_versus`` catalog in this
folder (``sphinx_versus.pot``, and ``<language>/LC_MESSAGES/sphinx_versus.mo``
per translation), so ``language = "de"`` in ``conf.py`` shows it in German.

The pure modules (``benchmarks.numbers``, ``benchmarks.compare``) take the
translating function as an argument instead of importing this one, so they
stay free of Sphinx; the directives pass :func:`_`.

A translation is data too (a pull request can change it): :func:`_` returns
a :class:`Message`, whose ``format()`` is the safe formatter of
:mod:`sphinx_versus.policy.formatting` — names only, no attribute or index,
a bounded width.  A translation that breaks it is a warning naming the
catalogue and the message, at the entry's line, and the English is used.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.locale import get_translation
from sphinx.util import logging

from sphinx_versus.policy.formatting import FormatProblem, safe_format

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

CATALOG = "sphinx_versus"
LOCALE_DIR = Path(__file__).parent

logger = logging.getLogger(__name__)
_translate = get_translation(CATALOG)
#: The build's language, for the warning's location (set at config-inited).
_language: list[str] = ["en"]
#: (language, message) pairs already warned about: once per build process.
_warned: set[tuple[str, str]] = set()


class Message(str):
    """A translated message that remembers its English and formats safely."""

    english: str

    def __new__(cls, translated: str, english: str | None = None) -> Message:
        # english is optional for pickle, which restores it from __dict__.
        message = super().__new__(cls, translated)
        message.english = translated if english is None else english
        return message

    def format(self, *args: object, **kwargs: object) -> str:
        """Fill in ``{name}`` fields only; a broken translation falls back."""
        if args:
            msg = "translated messages take names only: format(name=value)"
            raise TypeError(msg)
        try:
            return safe_format(str(self), kwargs)
        except FormatProblem as problem:
            if str(self) == self.english:
                raise  # the extension's own message: a bug, not data
            _report(self.english, str(problem))
            return safe_format(self.english, kwargs)


def _(message: str) -> Message:
    """``message`` in the build's language (a plain ``str``, never lazy)."""
    return Message(str(_translate(message)), message)


def _report(english: str, problem: str) -> None:
    language = _language[0]
    if (language, english) in _warned:
        return
    _warned.add((language, english))
    po = LOCALE_DIR / language / "LC_MESSAGES" / f"{CATALOG}.po"
    logger.warning(
        "the %s translation of %r in the %s catalogue cannot be used: %s; the "
        "English message is shown; fix the entry (keep the message's "
        "placeholders, each a plain {name})",
        language, english, CATALOG, problem,
        location=_where(po, english), type="versus", subtype="locale",
    )  # fmt: skip


def _where(po: Path, english: str) -> str | None:
    """``file.po:line`` of the entry, from the catalogue Babel reads."""
    from babel.messages.pofile import read_po  # only when something is wrong

    try:
        with po.open("rb") as handle:
            entry = read_po(handle).get(english)
    except (OSError, ValueError):
        return str(po.with_suffix(".mo")) if po.with_suffix(".mo").exists() else None
    line = entry.lineno if entry is not None and entry.lineno else 1
    return f"{po}:{line}"


def _remember_language(app: Sphinx, config: Config) -> None:
    _language[0] = str(config.language or "en")


def and_list(items: list[str]) -> str:
    """'Go', 'Go and Rust', 'Go, Rust and Zig', in the build's language."""
    if len(items) == 1:
        return items[0]
    return _("{first} and {last}").format(first=", ".join(items[:-1]), last=items[-1])


def setup(app: Sphinx) -> None:
    app.add_message_catalog(CATALOG, str(LOCALE_DIR))
    app.connect("config-inited", _remember_language)
