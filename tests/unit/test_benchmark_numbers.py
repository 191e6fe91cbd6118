"""Benchmark figures: parsing, formatting and ratios (plain functions)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sphinx_versus.benchmarks.numbers import (
    EM_DASH,
    MICRO_SIGN,
    Value,
    ValueFormatError,
    compare_values,
    format_number,
    format_ratio,
    format_value,
    goodness,
    normalise_unit,
    parse_value,
    ratio_words,
)

D = Decimal


@pytest.mark.parametrize(
    ("text", "low", "high", "approx"),
    [
        ("1500", "1500", "1500", False),
        ("~2", "2", "2", True),
        ("≈ 2", "2", "2", True),
        ("0.8", "0.8", "0.8", False),
        (".5", "0.5", "0.5", False),
        ("150000-200000", "150000", "200000", False),
        ("150000–200000", "150000", "200000", False),
        ("150000 - 200000", "150000", "200000", False),
        ("150,000", "150000", "150000", False),
        ("1,234.5", "1234.5", "1234.5", False),
        ("150K-200K", "150000", "200000", False),
        ("1.5M", "1500000", "1500000", False),
        ("2G", "2000000000", "2000000000", False),
        ("1e3", "1000", "1000", False),
        ("~150K–200K", "150000", "200000", True),
        ("  42  ", "42", "42", False),
        ("3-3", "3", "3", False),
    ],
)
def test_parse_value(text, low, high, approx):
    assert parse_value(text) == Value(D(low), D(high), approx)


@pytest.mark.parametrize("text", ["", "   ", "\t"])
def test_empty_cell_is_no_data(text):
    assert parse_value(text) is None


@pytest.mark.parametrize(
    "text", ["2ms", "-", "—", "abc", "~", "1,5", "-5", "1--2", "1-", "n/a", "1.2.3"]
)
def test_not_a_number_is_quoted_with_a_fix(text):
    with pytest.raises(ValueFormatError) as info:
        parse_value(text)
    message = str(info.value)
    assert repr(text.strip()) in message
    assert "is not a number or a range" in message
    assert "leave the cell empty for no data" in message


def test_low_above_high_suggests_the_swap():
    with pytest.raises(ValueFormatError, match=r"'5-3' is a range whose low end"):
        parse_value("5-3")
    with pytest.raises(ValueFormatError, match="write it as 3-5"):
        parse_value("5-3")


@pytest.mark.parametrize(
    ("number", "text"),
    [
        ("150000", "150K"),
        ("200000", "200K"),
        ("1500000", "1.5M"),
        ("2500000000", "2.5G"),
        ("10500", "10.5K"),
        ("12345", "12,345"),
        ("1234", "1,234"),
        ("9999", "9,999"),
        ("1234000", "1,234,000"),
        ("0.8", "0.8"),
        ("0.80", "0.80"),
        ("2", "2"),
        ("1E+6", "1M"),
        ("1234.5", "1,234.5"),
        ("0", "0"),
    ],
)
def test_format_number(number, text):
    assert format_number(D(number)) == text


def test_format_value():
    assert format_value(parse_value("150000-200000")) == "150K–200K"
    assert format_value(parse_value("~2")) == "~2"
    assert format_value(parse_value("~0.8")) == "~0.8"
    assert format_value(parse_value("1500")) == "1,500"
    assert format_value(None) == EM_DASH


def test_units_use_the_micro_sign():
    assert normalise_unit(" \u03bcs ") == f"{MICRO_SIGN}s"
    assert normalise_unit(f"{MICRO_SIGN}s") == f"{MICRO_SIGN}s"
    assert normalise_unit("ms") == "ms"


@pytest.mark.parametrize(
    ("base", "other", "unit", "better", "text"),
    [
        # The article's five rows, Rust against Go.
        ("150000-200000", "200000-300000", "req/s", "higher", "1.4× faster"),
        ("~2", "~0.8", "ms", "lower", "2.5× faster"),
        ("~45", "~20", "µs", "lower", "2.3× faster"),
        ("~45", "~20", "\u03bcs", "lower", "2.3× faster"),
        ("~15", "~5", "MB", "lower", "3× smaller"),
        ("~5", "~60", "s", "lower", "12× slower"),
        # And the other way round.
        ("~60", "~5", "s", "lower", "12× faster"),
        ("~5", "~15", "MB", "lower", "3× larger"),
        ("200", "100", "req/s", "higher", "2× slower"),
        # Neither time nor rate nor size: plain words.
        ("10", "14", "points", "higher", "1.4× better"),
        ("10", "14", "points", "lower", "1.4× worse"),
        # A time that should be high is not "faster".
        ("10", "20", "h", "higher", "2× better"),
        ("1", "1.04", "x", "higher", "same"),
        ("1", "1", "x", "lower", "same"),
        ("1", "1234", "ms", "lower", "1,234× slower"),
        ("0", "5", "ms", "lower", EM_DASH),
    ],
)
def test_ratio_text(base, other, unit, better, text):
    assert compare_values(parse_value(base), parse_value(other), unit, better)[1] == (
        text
    )


def test_ratio_without_data_is_a_dash():
    assert compare_values(None, parse_value("1"), "s", "lower") == (None, EM_DASH)
    assert compare_values(parse_value("1"), None, "s", "lower") == (None, EM_DASH)
    assert format_ratio(None, "s", "lower") == EM_DASH


def test_ratio_words():
    assert ratio_words("ms", "lower") == ("faster", "slower")
    assert ratio_words("ops/s", "higher") == ("faster", "slower")
    assert ratio_words("requests per second", "higher") == ("faster", "slower")
    assert ratio_words("MiB", "lower") == ("smaller", "larger")
    assert ratio_words("MB", "higher") == ("larger", "smaller")
    assert ratio_words("req/s", "lower") == ("better", "worse")
    assert ratio_words("", "higher") == ("better", "worse")


# ------------------------------------------------------------ properties

_amounts = st.builds(
    lambda digits, places: Decimal(digits).scaleb(-places),
    st.integers(min_value=0, max_value=10**13),
    st.integers(min_value=0, max_value=4),
)


@st.composite
def _values(draw: st.DrawFn) -> Value:
    low, high = sorted((draw(_amounts), draw(_amounts)))
    if draw(st.booleans()):
        high = low
    return Value(low, high, draw(st.booleans()))


@given(_values())
def test_format_then_parse_round_trips(value):
    parsed = parse_value(format_value(value))
    assert parsed is not None
    assert (parsed.low, parsed.high, parsed.approx) == (
        value.low,
        value.high,
        value.approx,
    )


@given(_amounts)
def test_formatting_is_lossless_and_plain(number):
    text = format_number(number)
    assert parse_value(text) == Value(number, number)
    assert "E" not in text
    assert "e" not in text


@given(_amounts, _amounts)
def test_ranges_keep_low_at_most_high(a, b):
    text = f"{a}-{b}"
    if a <= b:
        value = parse_value(text)
        assert value is not None
        assert value.low <= value.midpoint <= value.high
        assert (value.low, value.high) == (a, b)
    else:
        with pytest.raises(ValueFormatError):
            parse_value(text)


_positive = _amounts.filter(lambda d: d > 0)


@given(_positive, _positive, st.sampled_from(["higher", "lower"]))
def test_ratio_is_symmetric_and_respects_better(a, b, better):
    forward = goodness(a, b, better)
    backward = goodness(b, a, better)
    assert forward is not None
    assert backward is not None
    assert abs(forward * backward - 1) < D("1e-20")
    b_is_better = b > a if better == "higher" else b < a
    text = format_ratio(forward, "ms" if better == "lower" else "req/s", better)
    if text != "same":
        assert text.endswith("faster") == b_is_better
        assert text.endswith("slower") == (not b_is_better)
