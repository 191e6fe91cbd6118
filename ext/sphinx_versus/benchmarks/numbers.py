"""Benchmark figures: parse what writers type, format what readers see.

Values are kept as :class:`~decimal.Decimal` so that formatting is lossless
(``parse(format(v)) == v``) and a ratio such as 45 / 20 rounds the way a person
would (2.25 → 2.3), not the way binary floating point happens to.

Nothing here knows about Sphinx: the module is tested as plain functions.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal, localcontext
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable


def untranslated(message: str) -> str:
    """The default translation: English.  The directives pass the extension's
    catalog (``sphinx_versus.locale._``) wherever a function takes ``_``."""
    return message


@functools.cache
def _symbols(language: str) -> tuple[str, str] | None:
    """The decimal sign and the digit-group separator of *language*, from
    Babel's locale data (Babel comes with Sphinx); ``None``: English's."""
    from babel import Locale, UnknownLocaleError
    from babel.numbers import get_decimal_symbol, get_group_symbol

    try:
        locale = Locale.parse(language.replace("-", "_"))
    except (ValueError, TypeError, UnknownLocaleError):
        return None
    symbols = (get_decimal_symbol(locale), get_group_symbol(locale))
    return None if symbols == (".", ",") else symbols


def in_language(figure: str, language: str | None) -> str:
    """A figure formatted the English way (``1,234.5``) in *language*'s
    symbols (``1.234,5`` in German).  Only the symbols change: the digits,
    and so the precision the writer typed, stay as they are."""
    symbols = _symbols(language) if language else None
    if symbols is None:
        return figure
    decimal, group = symbols
    table: dict[str, str | int | None] = {".": decimal, ",": group}
    return figure.translate(str.maketrans(table))


#: The micro sign (U+00B5) is what units are written with on output: it is in
#: Latin-1, so every font and LaTeX's default text encodings have it, whereas
#: the Greek small letter mu (U+03BC) is not available to pdfLaTeX.
MICRO_SIGN = "\u00b5"
GREEK_MU = "\u03bc"

EN_DASH = "\u2013"
EM_DASH = "\u2014"
TIMES = "\u00d7"

#: Compact suffixes, largest first.  Inputs may use them too (``150K``).
_SUFFIXES: tuple[tuple[str, Decimal], ...] = (
    ("G", Decimal(10) ** 9),
    ("M", Decimal(10) ** 6),
    ("K", Decimal(10) ** 3),
)
_SUFFIX_VALUE = {"k": Decimal(1000), "K": Decimal(1000)} | dict(_SUFFIXES)
#: Values from this size up are shown with a suffix when that is exact.
_COMPACT_FROM = Decimal(10_000)
#: Beyond this the plain digits are clearer than ``1,000,000,000,000G``.
_COMPACT_BELOW = Decimal(10) ** 15

_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][+-]?\d+)?[kKMG]?|\.\d+"
_VALUE = re.compile(
    rf"(?P<approx>[~\u2248]\s*)?(?P<low>{_NUMBER})"
    rf"(?:\s*[-{EN_DASH}]\s*(?P<high>{_NUMBER}))?"
)
#: A measurement with its spread: ``61230 (60110–62050)`` or ``2.1 ± 0.1``.
_SPREAD = re.compile(
    rf"(?P<center>{_NUMBER})\s*(?:"
    rf"\(\s*(?P<low>{_NUMBER})\s*[-{EN_DASH}]\s*(?P<high>{_NUMBER})\s*\)"
    rf"|(?:\u00b1|\+/-)\s*(?P<plusminus>{_NUMBER}))"
)

#: The figures a benchmark compares: zero, or a size in this range.  Beyond
#: it a value is almost surely a typo or an export bug, and a ratio of two
#: such numbers would be meaningless (and outgrow ``decimal``'s precision).
SMALLEST = Decimal("1e-12")
LARGEST = Decimal("1e15")
#: Arithmetic on figures in range (ratios up to 1e27) never rounds an integer
#: part or traps in this context.
_WIDE = Context(prec=60)

HIGHER = "higher"
LOWER = "lower"


class ValueFormatError(ValueError):
    """A cell that is neither empty, a number nor a range."""


@dataclass(frozen=True)
class Value:
    """One figure: a number (``low == high``) or a range, maybe approximate.

    A measurement with a spread has a ``center`` (its median or mean) and
    the spread's ends as ``low`` and ``high``: ratios use the center, and the
    ends become error bars.
    """

    low: Decimal
    high: Decimal
    approx: bool = False
    center: Decimal | None = None

    @property
    def is_range(self) -> bool:
        return self.low != self.high

    @property
    def midpoint(self) -> Decimal:
        """The figure ratios and "best" are computed on."""
        if self.center is not None:
            return self.center
        return (self.low + self.high) / 2


def _parse_number(text: str, cell: str) -> Decimal:
    scale = Decimal(1)
    if text[-1] in _SUFFIX_VALUE:
        scale = _SUFFIX_VALUE[text[-1]]
        text = text[:-1]
    number = Decimal(text.replace(",", ""))
    # Checked before scaling: 1e999999G would overflow the multiplication.
    if number and not -30 < number.adjusted() < 30:
        raise ValueFormatError(_out_of_range(cell))
    with localcontext(_WIDE):
        number *= scale
    if number and not SMALLEST <= number <= LARGEST:
        raise ValueFormatError(_out_of_range(cell))
    return number


def _out_of_range(cell: str) -> str:
    return (
        f"{cell!r} is outside the range of figures a benchmark compares "
        "(0, or from 1e-12 to 1e15); write it in a unit that "
        f"brings it into range, such as ms instead of ns or GB instead of bytes"
    )


def parse_value(text: str) -> Value | None:
    """Parse ``1500``, ``~2``, ``0.8``, ``150,000``, ``150K``, ``1-2``, ``1–2``.

    An empty (or blank) cell means "no data" and gives ``None``.
    """
    stripped = text.strip()
    if not stripped:
        return None
    spread = _SPREAD.fullmatch(stripped)
    if spread is not None:
        return _spread_value(stripped, spread)
    match = _VALUE.fullmatch(stripped)
    if match is None:
        raise ValueFormatError(
            f"{stripped!r} is not a number or a range; write a number such as "
            f"1500, 0.8 or ~2, a range such as 150000-200000, or a measurement "
            f"with its spread such as 61230 (60110-62050) or 2.1 ± 0.1, and put "
            f"the unit in the 'unit' column (leave the cell empty for no data)"
        )
    low = _parse_number(match["low"], stripped)
    high = _parse_number(match["high"], stripped) if match["high"] else low
    if low > high:
        raise ValueFormatError(
            f"{stripped!r} is a range whose low end is greater than its high "
            f"end; write it as {match['high']}-{match['low']}"
        )
    return Value(low, high, approx=match["approx"] is not None)


def _spread_value(text: str, match: re.Match[str]) -> Value:
    center = _parse_number(match["center"], text)
    if match["plusminus"] is not None:
        half = _parse_number(match["plusminus"], text)
        low, high = center - half, center + half
    else:
        low = _parse_number(match["low"], text)
        high = _parse_number(match["high"], text)
    if low < 0:
        raise ValueFormatError(
            f"{text!r} has a spread that goes below zero; give the spread's "
            f"ends in brackets instead, e.g. 2.1 (0.1-4.0)"
        )
    if not low <= center <= high:
        raise ValueFormatError(
            f"{text!r} has a spread that does not contain its value; write "
            f"the value, then its spread's low and high ends in brackets, "
            f"e.g. 61230 (60110-62050)"
        )
    return Value(low, high, center=center)


def _plain(number: Decimal) -> str:
    """Fixed-point with thousands separators, keeping the written decimals."""
    return f"{number:,f}"


def format_number(number: Decimal, language: str | None = None) -> str:
    """``150000`` → ``150K``, ``1500000`` → ``1.5M``, ``1234`` → ``1,234``
    (``1.234`` in German: see :func:`in_language`).

    A suffix is used only when it is exact (at most two decimals before it),
    so formatting never hides digits the writer typed.
    """
    if _COMPACT_FROM <= abs(number) < _COMPACT_BELOW:
        for suffix, size in _SUFFIXES:
            if abs(number) < size:
                continue
            mantissa = number.scaleb(-size.adjusted())
            if mantissa == mantissa.quantize(Decimal("0.01")):
                return in_language(_plain(mantissa.normalize()), language) + suffix
            break
    return in_language(_plain(number), language)


def format_value(
    value: Value | None, *, spread: bool = True, language: str | None = None
) -> str:
    """``~2``, ``0.8``, ``150K–200K``, ``61,230 (60,110–62,050)``; an em dash
    for no data.  ``spread=False`` gives a measurement's center alone."""
    if value is None:
        return EM_DASH
    if value.center is not None:
        text = format_number(value.center, language)
        if spread:
            text += f" ({format_spread(value, language)})"
        return text
    text = format_number(value.low, language)
    if value.is_range:
        text += EN_DASH + format_number(value.high, language)
    return ("~" if value.approx else "") + text


def format_spread(value: Value, language: str | None = None) -> str:
    """A measurement's spread as its two ends: ``60,110–62,050``."""
    low = format_number(value.low, language)
    return low + EN_DASH + format_number(value.high, language)


def normalise_unit(unit: str) -> str:
    """Accept the Greek mu in units and write the micro sign."""
    return unit.strip().replace(GREEK_MU, MICRO_SIGN)


_TIME_UNITS = frozenset(
    {"ns", f"{MICRO_SIGN}s", "us", "ms", "s", "sec", "secs", "second", "seconds"}
    | {"min", "mins", "minute", "minutes", "h", "hr", "hrs", "hour", "hours"}
)
_SIZE_UNITS = frozenset(
    {"B", "byte", "bytes", "kB", "KB", "KiB", "MB", "MiB", "GB", "GiB"}
    | {"TB", "TiB", "bit", "bits", "Kb", "Mb", "Gb"}
)
_RATE = re.compile(r"(?:/\s*(?:s|sec|second)|per\s+second|\bps)$", re.IGNORECASE)


def ratio_words(unit: str, better: str) -> tuple[str, str]:
    """The words for "more than 1× as good" and "less than 1× as good".

    ``faster``/``slower`` only where they are true (a time that should be
    low, a rate that should be high); sizes get ``smaller``/``larger``; every
    other unit ``better``/``worse``.
    """
    unit = normalise_unit(unit)
    if (unit in _TIME_UNITS and better == LOWER) or (
        _RATE.search(unit) and better == HIGHER
    ):
        return "faster", "slower"
    if unit in _SIZE_UNITS:
        return ("smaller", "larger") if better == LOWER else ("larger", "smaller")
    return "better", "worse"


def goodness(baseline: Decimal, other: Decimal, better: str) -> Decimal | None:
    """How many times as good ``other`` is as ``baseline`` (> 1: better).

    ``None`` when the ratio is undefined (one of the two is zero).
    """
    if baseline == other:
        return Decimal(1)
    if baseline == 0 or other == 0:
        return None
    return other / baseline if better == HIGHER else baseline / other


def _round_factor(factor: Decimal) -> str:
    with localcontext(_WIDE):
        one_decimal = factor.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        if one_decimal >= 10:
            return f"{factor.quantize(Decimal(1), rounding=ROUND_HALF_UP):,f}"
        return f"{one_decimal:f}".removesuffix(".0")


def format_ratio(
    factor: Decimal | None,
    unit: str,
    better: str,
    _: Callable[[str], str] = untranslated,
    language: str | None = None,
) -> str:
    """``1.4× faster``, ``12× slower``, ``3× smaller``, ``same``; em dash if
    undefined."""
    if factor is None:
        return EM_DASH
    good, bad = ratio_words(unit, better)
    word = good
    if factor < 1:
        factor, word = 1 / factor, bad
    shown = _round_factor(factor)
    if shown == "1":
        return _("same")
    phrases = {
        "faster": _("{factor}× faster"),
        "slower": _("{factor}× slower"),
        "smaller": _("{factor}× smaller"),
        "larger": _("{factor}× larger"),
        "better": _("{factor}× better"),
        "worse": _("{factor}× worse"),
    }
    return phrases[word].format(factor=in_language(shown, language))


def compare_values(
    baseline: Value | None,
    other: Value | None,
    unit: str,
    better: str,
    _: Callable[[str], str] = untranslated,
    language: str | None = None,
) -> tuple[Decimal | None, str]:
    """The goodness factor on range midpoints, and its text."""
    if baseline is None or other is None:
        return None, EM_DASH
    factor = goodness(baseline.midpoint, other.midpoint, better)
    return factor, format_ratio(factor, unit, better, _, language)
