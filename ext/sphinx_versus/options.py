"""Option values are data: a bad one is a located warning, never a lost directive.

docutils drops a whole reST directive, with an ERROR, when one option value
does not convert; MyST drops only the option.  Wrapped by :func:`lenient`,
a converter never raises: the directive starts, :func:`check_options`
warns (``versus.*``, at the directive) and ignores the bad value, and the
table, chart or comparison is built with the default, in either language.
"""

from __future__ import annotations

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


def lenient(convert: Callable[[str], Any]) -> Callable[[str], Any]:
    """*convert*, returning :class:`Rejected` instead of raising."""

    def converted(argument: str) -> Any:
        try:
            return convert(argument)
        except (ValueError, TypeError, OverflowError) as exc:
            return Rejected(argument, str(exc) or type(exc).__name__)

    return converted


def lenient_spec(spec: OptionSpec) -> OptionSpec:
    """Every converter of *spec* made :func:`lenient`."""
    return {name: lenient(convert) for name, convert in spec.items()}


def check_options(directive: SphinxDirective, subtype: str) -> None:
    """Warn about each rejected option of *directive* and drop it."""
    for name, value in list(directive.options.items()):
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
