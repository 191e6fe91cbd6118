"""A ratio's interval → verdict: parsing the cell, deciding, the words."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from sphinx_versus.benchmarks.numbers import HIGHER, LOWER, Value
from sphinx_versus.benchmarks.stats import (
    CELL,
    NBSP,
    SENTENCE,
    VERDICT,
    RatioFormatError,
    RatioInterval,
    Verdict,
    decide,
    parse_ratio,
    phrase,
    spreads_overlap,
)

D = Decimal
SYSTEMS = ("Go", "Rust")


def plain(text: str) -> str:
    return text.replace(NBSP, " ")


def sentence(verdict: Verdict, unit: str, better: str, **kw) -> str:
    return phrase(verdict, unit, better, SENTENCE, **kw)


def verdict_phrase(verdict: Verdict, unit: str, better: str, **kw) -> str:
    return phrase(verdict, unit, better, VERDICT, **kw)


def table_phrase(verdict: Verdict, unit: str, better: str, **kw) -> str:
    return phrase(verdict, unit, better, CELL, **kw)


def interval(point: str, low: str, high: str, pair=("Rust", "Go")) -> RatioInterval:
    return RatioInterval(pair[0], pair[1], D(point), D(low), D(high))


# -- the cell -----------------------------------------------------------------


@pytest.mark.parametrize(
    "cell",
    [
        "Rust/Go 2.01 (1.87–2.15)",
        "Rust/Go 2.01 (1.87-2.15)",
        " Rust / Go 2.01(1.87 – 2.15) ",
    ],
)
def test_a_cell_with_en_dash_or_hyphen(cell):
    assert parse_ratio(cell, SYSTEMS) == interval("2.01", "1.87", "2.15")


def test_an_empty_cell_is_no_interval():
    assert parse_ratio("  ", SYSTEMS) is None


def test_names_with_slashes_split_where_both_are_systems():
    systems = ("Go 1.26/json v2", "Rust")
    found = parse_ratio("Go 1.26/json v2/Rust 0.5 (0.4-0.6)", systems)
    assert found is not None
    assert (found.numerator, found.denominator) == ("Go 1.26/json v2", "Rust")


@pytest.mark.parametrize(
    ("cell", "says"),
    [
        ("2.01 (1.87-2.15)", "not a ratio with its interval"),
        ("Rust 2.01 (1.87-2.15)", "does not say which systems"),
        ("Rust/Zig 2.01 (1.87-2.15)", "two system columns of this file ('Go', 'Rust')"),
        ("Go/Go 1 (0.9-1.1)", "by itself"),
        ("Rust/Go 2.01 (2.15-1.87)", "write it as (1.87-2.15)"),
        ("Rust/Go 0 (0-2.15)", "positive number"),
        ("Rust/Go 2 (-1-2.15)", "positive number"),
        ("Rust/Go 3.01 (1.87-2.15)", "outside its own interval"),
        ("Rust/Go 2.01", "not a ratio with its interval"),
        ("Rust/Go 2.01 (1.87–2.15) extra", "not a ratio with its interval"),
    ],
)
def test_bad_cells_say_how_to_fix_them(cell, says):
    with pytest.raises(RatioFormatError) as info:
        parse_ratio(cell, SYSTEMS)
    assert says in str(info.value)


# -- the decision -------------------------------------------------------------


def test_the_words_of_each_verdict():
    json = decide(interval("0.213", "0.204", "0.222"), LOWER)
    assert plain(sentence(json, "ms", LOWER)) == "Rust 4.7× faster (95 % CI 4.5–4.9×)"
    assert plain(verdict_phrase(json, "ms", LOWER)) == "4.7× faster than Go"
    assert plain(table_phrase(json, "ms", LOWER)) == "4.7× faster, 95 % CI 4.5–4.9×"
    go_side = json.towards("Go")
    assert plain(verdict_phrase(go_side, "ms", LOWER)) == "4.7× slower than Rust"
    assert plain(table_phrase(go_side, "ms", LOWER)) == "4.7× slower, 95 % CI 4.5–4.9×"

    even = decide(interval("0.96", "0.93", "1.04"), LOWER)
    assert even.winner is None
    assert plain(sentence(even, "ns", LOWER)) == (
        "no measurable difference (95 % CI 0.96–1.08×)"
    )
    assert plain(verdict_phrase(even, "ns", LOWER)) == (
        "not measurably faster or slower than Go"
    )
    assert (
        plain(table_phrase(even, "ns", LOWER))
        == "no measurable difference (0.96–1.08×)"
    )

    memory = decide(interval("0.64", "0.62", "0.66"), LOWER)
    assert plain(verdict_phrase(memory, "MB", LOWER)) == "1.6× smaller than Go"
    compile_ = decide(interval("0.0396", "0.037", "0.042", ("Go", "Rust")), LOWER)
    assert plain(sentence(compile_, "s", LOWER)) == "Go 25× faster (95 % CI 24–27×)"


def test_the_margin_decides_near_one():
    # Excludes 1, but not by more than 5 %: within the noise.
    near = interval("1.1", "1.04", "1.2")
    assert decide(near, HIGHER).winner is None
    assert decide(near, HIGHER, margin=D("0.03")).winner == "Rust"
    assert decide(interval("1.1", "1.0501", "1.2"), HIGHER).winner == "Rust"
    # The bound itself is not beyond it.
    assert decide(interval("1.1", "1.05", "1.2"), HIGHER).winner is None


def test_glued_pieces_never_hold_an_ordinary_space():
    verdict = decide(interval("0.213", "0.204", "0.222"), LOWER)
    text = sentence(verdict, "ms", LOWER)
    assert f"4.7×{NBSP}faster" in text
    assert f"95{NBSP}%{NBSP}CI{NBSP}4.5–4.9×" in text


# -- properties ---------------------------------------------------------------

#: No deadline: the machine may be busy; the properties are what count.
quick = settings(max_examples=200, deadline=None)

_RATIO = st.decimals(min_value=D("0.001"), max_value=D("1000"), places=3)
_MARGIN = st.decimals(min_value=D("0"), max_value=D("0.5"), places=3)
_BETTER = st.sampled_from([HIGHER, LOWER])


@st.composite
def intervals(draw) -> RatioInterval:
    ends = sorted(draw(st.lists(_RATIO, min_size=3, max_size=3)))
    return RatioInterval("Rust", "Go", ends[1], ends[0], ends[2])


def swapped(given: RatioInterval) -> RatioInterval:
    """The same measurement written the other way round: Go/Rust."""
    return RatioInterval(
        given.denominator,
        given.numerator,
        1 / given.point,
        1 / given.high,
        1 / given.low,
    )


@quick
@given(intervals(), _BETTER, _MARGIN)
def test_writing_the_ratio_the_other_way_round_changes_nothing(given, better, margin):
    one = decide(given, better, margin)
    other = decide(swapped(given), better, margin)
    assert one.winner == other.winner
    if one.winner is not None:
        assert abs(one.factor - other.factor) < D("1e-20")


@quick
@given(intervals(), _MARGIN)
def test_flipping_better_flips_the_winner(given, margin):
    up = decide(given, HIGHER, margin).winner
    down = decide(given, LOWER, margin).winner
    if up is None:
        assert down is None
    else:
        assert down is not None
        assert down != up


@quick
@given(intervals(), _BETTER, _MARGIN)
def test_an_interval_that_holds_one_never_names_a_winner(given, better, margin):
    assume(given.low <= 1 <= given.high)
    verdict = decide(given, better, margin)
    assert verdict.winner is None
    assert plain(sentence(verdict, "ms", better)).startswith(
        "no measurable difference ("
    )
    assert plain(verdict_phrase(verdict, "ms", better)).startswith("not measurably ")


@quick
@given(intervals(), _BETTER, _MARGIN, _MARGIN)
def test_a_wider_margin_never_creates_a_winner(given, better, one, two):
    small, large = sorted((one, two))
    if decide(given, better, large).winner is not None:
        assert (
            decide(given, better, small).winner == decide(given, better, large).winner
        )


@quick
@given(
    intervals(),
    _BETTER,
    _MARGIN,
    st.decimals(min_value=D(1), max_value=D(50), places=2),
)
def test_moving_the_interval_away_from_one_keeps_the_winner(
    given, better, margin, scale
):
    verdict = decide(given, better, margin)
    assume(verdict.winner is not None)
    # Further in the same direction: the winner stays, by at least as much.
    if given.low > 1:
        moved = RatioInterval(
            "Rust", "Go", given.point * scale, given.low * scale, given.high * scale
        )
    else:
        moved = RatioInterval(
            "Rust", "Go", given.point / scale, given.low / scale, given.high / scale
        )
    after = decide(moved, better, margin)
    assert after.winner == verdict.winner
    assert after.factor >= verdict.factor


@quick
@given(intervals(), _BETTER, _MARGIN)
def test_a_winner_wins_by_more_than_the_margin_over_the_whole_interval(
    given, better, margin
):
    verdict = decide(given, better, margin)
    if verdict.winner is not None:
        assert verdict.low > 1 + margin
        assert verdict.low <= verdict.factor <= verdict.high


# -- the build's language -----------------------------------------------------


def test_figures_take_the_languages_decimal_sign():
    from sphinx_versus.benchmarks.numbers import format_number, in_language

    json = decide(interval("0.213", "0.204", "0.222"), LOWER)
    assert plain(sentence(json, "ms", LOWER, language="de")) == (
        "Rust 4,7× faster (95 % CI 4,5–4,9×)"
    )
    assert format_number(D("1234.50"), "de") == "1.234,50"
    assert format_number(D("1500000"), "de") == "1,5M"
    assert in_language("1,234.5", "en_GB") == "1,234.5"
    assert in_language("1,234.5", "not a language") == "1,234.5"
    assert in_language("1,234.5", None) == "1,234.5"


# -- rows without an interval: the spreads -----------------------------------


def measured(low: str, center: str, high: str) -> Value:
    return Value(D(low), D(high), center=D(center))


def test_overlapping_spreads_are_within_the_noise():
    # The load-generator CPU rows of docs/data/measured.csv: 77.67 (69.14-86.48)
    # against 84.84 (74.8-95.67) -- a point ratio would say "1.1x worse".
    go, rust = measured("69.14", "77.67", "86.48"), measured("74.8", "84.84", "95.67")
    assert spreads_overlap(go, rust)
    assert spreads_overlap(rust, go)


def test_apart_spreads_and_claims_are_not_within_the_noise():
    assert not spreads_overlap(measured("1", "2", "3"), measured("3.5", "4", "5"))
    claim = Value(D("150000"), D("200000"), approx=True)
    assert not spreads_overlap(claim, measured("160000", "170000", "180000"))
    assert not spreads_overlap(None, measured("1", "2", "3"))


@quick
@given(
    st.lists(
        st.decimals(min_value=D("0.01"), max_value=D("1000"), places=2),
        min_size=6,
        max_size=6,
    )
)
def test_overlap_is_symmetric_and_touching_ends_overlap(ends):
    a = measured(*(str(x) for x in sorted(ends[:3])))
    b = measured(*(str(x) for x in sorted(ends[3:])))
    assert spreads_overlap(a, b) == spreads_overlap(b, a)
    touching = measured(str(a.high), str(a.high + 1), str(a.high + 2))
    assert spreads_overlap(a, touching)
