"""plan_notes: which long texts of a benchmark table become numbered notes."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sphinx_versus.benchmarks.notes import NOTE_CELL_MAX, plan_notes

LONG = "x" * (NOTE_CELL_MAX + 1)
CLAIM = "The article, as published in its 2024 edition (seed)"
MEASURED = "Measured by this project (make measure)"


def test_short_texts_stay_in_the_table() -> None:
    plan = plan_notes(["short", ""], ["Example lab", "Measured here"])
    assert plan.notes == () and not plan.numbers_notes and not plan.numbers_sources


def test_a_repeated_source_is_one_note_in_reading_order() -> None:
    notes = ["one", "", "three", "four"]
    sources = [CLAIM, MEASURED, CLAIM, MEASURED]
    plan = plan_notes([LONG, *notes[1:]], sources)
    # Row by row: the row's notes first (marked after its workload), then a
    # source not cited before.
    assert [(n.number, n.kind, n.row) for n in plan.notes] == [
        (1, "notes", 0),
        (2, "source", 0),
        (3, "source", 1),
        (4, "notes", 2),
        (5, "notes", 3),
    ]
    assert plan.row_notes == {0: 1, 2: 4, 3: 5}  # the empty notes cell has none
    assert plan.row_sources == {0: 2, 1: 3, 2: 2, 3: 3}
    assert [n.text for n in plan.notes if n.kind == "source"] == [CLAIM, MEASURED]


def test_width_is_what_the_reader_sees() -> None:
    """A link's address makes the markup long, not the column wide."""
    link = "[Example lab](https://example.org/a/very/long/address/indeed)"
    shown = {link: "Example lab", "Measured": "Measured"}
    plan = plan_notes([], [link, "Measured"], width=lambda t: len(shown[t]))
    assert plan.notes == ()
    assert plan_notes([], [link, "Measured"]).numbers_sources  # by raw length


def test_without_a_column_nothing_is_numbered() -> None:
    assert plan_notes([], []).notes == ()
    plan = plan_notes([LONG, LONG], [])
    assert plan.row_notes == {0: 1, 1: 2} and plan.row_sources == {}


@given(
    st.lists(st.tuples(st.text(max_size=50), st.sampled_from(["", "a", LONG, CLAIM])))
)
def test_every_row_cites_a_note_holding_its_text(
    rows: list[tuple[str, str]],
) -> None:
    notes = [n for n, _ in rows]
    sources = [s for _, s in rows]
    plan = plan_notes(notes, sources)
    by_number = {n.number: n for n in plan.notes}
    assert sorted(by_number) == list(range(1, len(plan.notes) + 1))
    for row, number in plan.row_notes.items():
        assert by_number[number].text == notes[row]
    for row, number in plan.row_sources.items():
        assert by_number[number].text == sources[row]
    # One note per distinct source, however many rows cite it.
    cited = [n.text for n in plan.notes if n.kind == "source"]
    assert len(cited) == len(set(cited))
