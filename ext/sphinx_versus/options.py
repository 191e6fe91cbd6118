"""Option values are data: a bad one is a located warning, never a lost directive.

docutils drops a whole reST directive, with an ERROR, when one option value
does not convert or one option name is unknown; MyST drops only the option.
Wrapped by :func:`lenient`, a converter never raises, and a spec made by
:func:`lenient_spec` answers an unknown name too: the directive starts,
:func:`check_options` warns (``versus.*``, at the directive, with the names
it knows) and ignores the option, and the table, chart or comparison is
built with the default, in either language.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sphinx.util import logging

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.util.docutils import SphinxDirective
    from sphinx.util.typing import OptionSpec

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Rejected:
    """An option value its converter refused, and why."""

    value: str | None
    reason: str


@dataclass(frozen=True)
class Unknown:
    """An option name the directive does not have."""

    value: str | None


def lenient(convert: Callable[[str], Any]) -> Callable[[str], Any]:
    """*convert*, returning :class:`Rejected` instead of raising."""

    def converted(argument: str) -> Any:
        try:
            return convert(argument)
        except (ValueError, TypeError, OverflowError) as exc:
            return Rejected(argument, str(exc) or type(exc).__name__)

    return converted


class _Spec(dict[str, Any]):
    """An option spec that turns an unknown name into :class:`Unknown`.

    docutils and MyST look a name up with ``spec[name]``; ``in``, iteration
    and ``cli.check`` still see only the real options.
    """

    def __missing__(self, name: str) -> Callable[[str], Any]:
        return Unknown


def lenient_spec(spec: OptionSpec, base: OptionSpec | None = None) -> OptionSpec:
    """Every converter of *spec* made :func:`lenient`, added to *base* (a
    subclass's options); unknown names kept (``{**base}`` would lose that)."""
    lenient_ones = {name: lenient(convert) for name, convert in spec.items()}
    return _Spec({**(base or {}), **lenient_ones})


def check_options(directive: SphinxDirective, subtype: str) -> None:
    """Warn about each rejected or unknown option of *directive* and drop it."""
    for name, value in list(directive.options.items()):
        if isinstance(value, Unknown):
            del directive.options[name]
            _warn_unknown(directive, name, subtype)
            continue
        if not isinstance(value, Rejected):
            continue
        del directive.options[name]
        shown = "no value" if value.value is None else repr(value.value)
        logger.warning(
            "%s: :%s: has %s, which is not valid (%s); the option is ignored",
            directive.name,
            name,
            shown,
            value.reason,
            location=directive.get_location(),
            type="versus",
            subtype=subtype,
        )


def _warn_unknown(directive: SphinxDirective, name: str, subtype: str) -> None:
    known = sorted(directive.option_spec or {})
    close = difflib.get_close_matches(name, known, n=1)
    hint = f"did you mean :{close[0]}:? " if close else ""
    logger.warning(
        "%s: :%s: is not an option of %s; %sremove it or use one of %s; "
        "the option is ignored",
        directive.name,
        name,
        directive.name,
        hint,
        ", ".join(f":{k}:" for k in known),
        location=directive.get_location(),
        type="versus",
        subtype=subtype,
    )
