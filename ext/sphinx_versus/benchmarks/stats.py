"""A ratio's confidence interval → which system is better, or no difference.

The measurement step writes, per workload, the ratio of two systems' values
(``Rust/Go 2.01 (1.87–2.15)``: a point estimate and its 95 % confidence
interval).  Only the interval decides: a system is called faster (smaller,
better) when the *whole* interval lies beyond ``1 + margin`` in its favour;
otherwise the difference is within the noise and the words say so.  The
table, the chart and the inline role all ask :func:`decide`, so a page can
never call a difference that its own figures do not support.  A row with no
interval has only its figures' spreads: where two overlap
(:func:`spreads_overlap`) the words are "no measurable difference" too, never
a point ratio.  Every phrase is written by :func:`phrase`.

Nothing here knows about Sphinx: the module is tested as plain functions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext
from typing import TYPE_CHECKING

from sphinx_versus.benchmarks.numbers import (
    EN_DASH,
    HIGHER,
    TIMES,
    in_language,
    ratio_words,
    untranslated,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from sphinx_versus.benchmarks.numbers import Value

#: Words glued by this never break across lines, in any builder.
NBSP = "\u00a0"

#: The default of ``versus_ratio_margin``: a difference under 5 % is noise.
DEFAULT_MARGIN = Decimal("0.05")

_NUMBER = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"
_CELL = re.compile(
    rf"(?P<names>.+?)\s+(?P<point>{_NUMBER})\s*"
    rf"\(\s*(?P<low>{_NUMBER})\s*[-{EN_DASH}]\s*(?P<high>{_NUMBER})\s*\)"
)


class RatioFormatError(ValueError):
    """A ``ratio`` cell that cannot be used; the message says how to fix it."""


@dataclass(frozen=True)
class RatioInterval:
    """``numerator``'s value divided by ``denominator``'s: estimate, 95 % CI."""

    numerator: str
    denominator: str
    point: Decimal
    low: Decimal
    high: Decimal


@dataclass(frozen=True)
class Verdict:
    """What an interval supports, on the goodness scale (> 1: better).

    ``winner`` is ``None`` when there is no measurable difference; then
    ``factor``, ``low`` and ``high`` are ``subject``'s goodness against
    ``other``, whose interval reaches within the margin of 1.  Otherwise they
    are the winner's goodness against the loser: all above ``1 + margin``.
    """

    subject: str
    other: str
    winner: str | None
    factor: Decimal
    low: Decimal
    high: Decimal

    def towards(self, system: str) -> Verdict:
        """The same verdict told from ``system``'s side (one of the two)."""
        if system == self.subject:
            return self
        if system != self.other:
            msg = f"{system!r} is neither {self.subject!r} nor {self.other!r}"
            raise ValueError(msg)
        if self.winner is not None:
            return Verdict(system, self.subject, self.winner, *self._ends())
        return Verdict(system, self.subject, None, *_inverse(self._ends()))

    def _ends(self) -> tuple[Decimal, Decimal, Decimal]:
        return self.factor, self.low, self.high


def _inverse(ends: tuple[Decimal, Decimal, Decimal]) -> tuple[Decimal, ...]:
    factor, low, high = ends
    return 1 / factor, 1 / high, 1 / low


def _number(text: str, cell: str) -> Decimal:
    try:
        number = Decimal(text)
    except InvalidOperation as exc:  # pragma: no cover - the pattern matched
        raise RatioFormatError(f"{cell!r}: {text!r} is not a number") from exc
    if not number.is_finite() or number <= 0:
        msg = (
            f"{cell!r} has {text!r}, but a ratio of two measurements is a "
            "positive number; check the measurement step's output"
        )
        raise RatioFormatError(msg)
    if not -12 <= number.adjusted() <= 12:
        msg = f"{cell!r} has {text!r}, far outside any ratio of two figures"
        raise RatioFormatError(msg)
    return number


_HOW = (
    "write the two systems' names, the ratio of their values and its 95 % "
    "confidence interval, e.g. 'Rust/Go 2.01 (1.87-2.15)'"
)


def parse_ratio(cell: str, systems: Sequence[str]) -> RatioInterval | None:
    """``Rust/Go 2.01 (1.87–2.15)`` → :class:`RatioInterval`; empty → ``None``.

    Both names must be among ``systems`` (names may themselves contain ``/``:
    the split that gives two known systems wins).
    """
    text = cell.strip()
    if not text:
        return None
    match = _CELL.fullmatch(text)
    if match is None:
        raise RatioFormatError(f"{text!r} is not a ratio with its interval; {_HOW}")
    names = match["names"].strip()
    pairs = [
        (names[:i].strip(), names[i + 1 :].strip())
        for i, char in enumerate(names)
        if char == "/"
    ]
    if not pairs:
        raise RatioFormatError(
            f"{text!r} does not say which systems' ratio it is; {_HOW}"
        )
    known = [(a, b) for a, b in pairs if a in systems and b in systems]
    if not known:
        shown = ", ".join(repr(s) for s in systems)
        msg = (
            f"{text!r} names {names!r}, but the ratio must be of two system "
            f"columns of this file ({shown}), written as numerator/denominator"
        )
        raise RatioFormatError(msg)
    numerator, denominator = known[0]
    if numerator == denominator:
        msg = f"{text!r} divides {numerator!r} by itself; name two systems"
        raise RatioFormatError(msg)
    point = _number(match["point"], text)
    low = _number(match["low"], text)
    high = _number(match["high"], text)
    if low > high:
        msg = (
            f"{text!r} has an interval whose low end is greater than its high "
            f"end; write it as ({match['high']}-{match['low']})"
        )
        raise RatioFormatError(msg)
    if not low <= point <= high:
        msg = (
            f"{text!r} has an estimate outside its own interval; check the "
            "measurement step's output"
        )
        raise RatioFormatError(msg)
    return RatioInterval(numerator, denominator, point, low, high)


def decide(
    interval: RatioInterval, better: str, margin: Decimal = DEFAULT_MARGIN
) -> Verdict:
    """Which of the two systems the interval shows better, and by how much.

    The numerator wins when its goodness (the ratio where higher is better,
    its inverse where lower is) exceeds ``1 + margin`` over the whole
    interval; the denominator wins in the mirror case; otherwise nobody does.
    """
    with localcontext() as context:
        context.prec = 28
        ratio = (interval.point, interval.low, interval.high)
        goodness = ratio if better == HIGHER else _inverse(ratio)
        factor, low, high = goodness
        bound = 1 + margin
        subject, other = interval.numerator, interval.denominator
        if low > bound:
            return Verdict(subject, other, subject, factor, low, high)
        if high * bound < 1:
            inverse = _inverse((factor, low, high))
            return Verdict(subject, other, other, *inverse)
        return Verdict(subject, other, None, factor, low, high)


def _fixed(number: Decimal, places: int) -> str:
    step = Decimal(1).scaleb(-places)
    return f"{number.quantize(step, rounding=ROUND_HALF_UP):,f}"


def format_factor(factor: Decimal, language: str | None = None) -> str:
    """``4.7``, ``12``, ``1.06``: two decimals below 1.1, where one would
    round a real difference away to "1.0"; no decimals from 10."""
    places = 1
    if factor >= Decimal("9.95"):
        places = 0
    elif Decimal("0.9") <= factor < Decimal("1.095"):
        places = 2
    return in_language(_fixed(factor, places), language)


def format_interval(low: Decimal, high: Decimal, language: str | None = None) -> str:
    """``4.5–4.9×``, ``0.93–1.04×``: both ends to the same precision."""
    places = 0 if low >= Decimal("9.95") else 1
    if low < Decimal("2") or high - low < Decimal("0.2"):
        places = 2
    ends = (in_language(_fixed(end, places), language) for end in (low, high))
    return EN_DASH.join(ends) + TIMES


def _glued(text: str) -> str:
    """Spaces that may not break: between a factor and its word, in "95 % CI"."""
    return text.replace(" ", NBSP)


#: The shapes :func:`phrase` writes a verdict in (see its docstring).
SENTENCE, VERDICT, CELL = "sentence", "verdict", "cell"


def _factor_words(word: str, _: Callable[[str], str]) -> str:
    """The catalogue's "{factor}× <word>" for one of the six ratio words."""
    return {
        "faster": _("{factor}× faster"),
        "slower": _("{factor}× slower"),
        "smaller": _("{factor}× smaller"),
        "larger": _("{factor}× larger"),
        "better": _("{factor}× better"),
        "worse": _("{factor}× worse"),
    }[word]


def _not_measurably(good: str, _: Callable[[str], str]) -> str:
    """The catalogue's "not measurably <good> or <bad> than {other}"."""
    return {
        "faster": _("not measurably faster or slower than {other}"),
        "smaller": _("not measurably smaller or larger than {other}"),
        "larger": _("not measurably larger or smaller than {other}"),
        "better": _("not measurably better or worse than {other}"),
    }[good]


def spreads_overlap(first: Value | None, second: Value | None) -> bool:
    """Two measurements whose min–max spreads overlap: within the noise.

    The policy for a row without a ``ratio`` interval: its figures' spreads
    are all there is, and where they overlap no point ratio and no "best"
    mark may be shown.  Only measurements count (a center with its spread);
    a claim's range ("150K–200K") is an approximation, not repeated runs.
    """
    if first is None or second is None:
        return False
    if first.center is None or second.center is None:
        return False
    return first.low <= second.high and second.low <= first.high


def no_difference(_: Callable[[str], str] = untranslated) -> str:
    """The words for figures within each other's noise."""
    return _("no measurable difference")


def phrase(
    verdict: Verdict,
    unit: str,
    better: str,
    form: str = SENTENCE,
    _: Callable[[str], str] = untranslated,
    language: str | None = None,
) -> str:
    """A verdict in words, in one of three shapes, from the subject's side.

    ``sentence`` (the inline role): ``Rust 4.7× faster (95 % CI 4.5–4.9×)``
    or ``no measurable difference (95 % CI 0.93–1.04×)``.
    ``verdict`` (what follows "Rust is"): ``4.7× faster than Go`` or ``not
    measurably faster or slower than Go``.
    ``cell`` (a table's ratio cell): ``4.7× faster, 95 % CI 4.5–4.9×`` or
    ``no measurable difference (0.93–1.04×)``.
    """
    good, bad = ratio_words(unit, better)
    if form == SENTENCE and verdict.winner is not None:
        verdict = verdict.towards(verdict.winner)
    ends = format_interval(verdict.low, verdict.high, language)
    ci = _glued(_("95 % CI {interval}").format(interval=ends))
    if verdict.winner is None:
        if form == VERDICT:
            return _not_measurably(good, _).format(other=verdict.other)
        shown = ends if form == CELL else ci
        return _("no measurable difference ({interval})").format(interval=shown)
    word = good if verdict.winner == verdict.subject else bad
    factor = format_factor(verdict.factor, language)
    words = _glued(_factor_words(word, _).format(factor=factor))
    if form == VERDICT:
        return _("{phrase} than {other}").format(phrase=words, other=verdict.other)
    if form == CELL:
        return _("{phrase}, {interval}").format(phrase=words, interval=ci)
    return _("{system} {phrase} ({interval})").format(
        system=verdict.subject, phrase=words, interval=ci
    )
