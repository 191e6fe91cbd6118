"""Translated messages are data: filled in by a formatter that runs no code.

``str.format`` on a catalogue entry walks attributes (``{alt.__class__}``),
indexes, and pads to any width (``{alt:>30000000}`` took 35 s); a missing
name raises ``KeyError``.  :func:`safe_format` allows only ``{name}``
fields the English message has, no conversion, and a format spec of a fill,
an alignment and a width of at most :data:`MAX_WIDTH`.  A translation that
breaks these rules is reported (by the caller) and the English message is
used.
"""

from __future__ import annotations

import re
import string

MAX_WIDTH = 40
_SPEC = re.compile(r"(?:.?[<>^])?(\d{0,3})")
_formatter = string.Formatter()


class FormatProblem(ValueError):
    """A message that the safe formatter refuses, and why."""


def check_template(template: str, names: frozenset[str]) -> None:
    """Raise :class:`FormatProblem` unless *template* is safe with *names*."""
    try:
        fields = list(_formatter.parse(template))
    except ValueError as exc:
        raise FormatProblem(f"it is not a valid template ({exc})") from exc
    for _text, name, spec, conversion in fields:
        if name is None:
            continue
        if not name.isidentifier():
            raise FormatProblem(
                f"the placeholder {{{name}}} is not a plain name: only "
                "{name} is allowed, no position, attribute or index"
            )
        if name not in names:
            known = ", ".join(f"{{{n}}}" for n in sorted(names)) or "none"
            raise FormatProblem(
                f"the placeholder {{{name}}} is not one of the message's ({known})"
            )
        if conversion:
            raise FormatProblem(f"the placeholder {{{name}!{conversion}}} converts")
        width = _SPEC.fullmatch(spec or "")
        if width is None or "{" in (spec or ""):
            raise FormatProblem(
                f"the placeholder {{{name}:{spec}}} has a format other than "
                f"an alignment and a width up to {MAX_WIDTH}"
            )
        if width.group(1) and int(width.group(1)) > MAX_WIDTH:
            raise FormatProblem(
                f"the placeholder {{{name}:{spec}}} is wider than {MAX_WIDTH}"
            )


def safe_format(template: str, values: dict[str, object]) -> str:
    """*template* filled in with *values*, or :class:`FormatProblem`."""
    check_template(template, frozenset(values))
    return _formatter.vformat(template, (), {k: str(v) for k, v in values.items()})
