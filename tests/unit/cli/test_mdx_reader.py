"""The importer's readers: JSX tags, ``{…}`` expressions, figure tables."""

from __future__ import annotations

import json5
import pytest

from sphinx_versus.cli.mdx.benchmarks import table_to_csv
from sphinx_versus.cli.mdx.blocks import events
from sphinx_versus.cli.mdx.jsx import (
    JsxError,
    read_expression,
    read_tag,
    straight_quotes,
)


def test_tag_attributes_of_every_kind() -> None:
    text = '<Tabs syncKey="lang" open data={{"a": "}"}} {...rest} />after'
    tag = read_tag(text, 0)
    assert (tag.name, tag.self_closing, text[tag.end :]) == ("Tabs", True, "after")
    assert [(a.name, a.kind, a.value) for a in tag.attributes] == [
        ("syncKey", "string", "lang"),
        ("open", "flag", ""),
        ("data", "expression", '{"a": "}"}'),
        ("", "expression", "...rest"),
    ]


def test_expression_skips_strings_templates_and_comments() -> None:
    text = "{[`a ${ {b: '}'}.b } c`, /* } */ 'x' // }\n]} tail"
    source, end = read_expression(text, 0)
    assert text[end:] == " tail"
    assert source.startswith("[`a ${")


@pytest.mark.parametrize(
    "text", ['<Tabs label="open', "<Tabs a={[1, 2}", "<Tabs =x>", "{'never"]
)
def test_broken_syntax_is_an_error_not_a_hang(text: str) -> None:
    with pytest.raises(JsxError):
        if text.startswith("{"):
            read_expression(text, 0)
        else:
            read_tag(text, 0)


def test_typographic_quotes_delimit_strings_apostrophes_stay() -> None:
    source, changed = straight_quotes("[“Go’s GC”, 'it’s', \"“quoted”\"]")
    assert changed
    assert json5.loads(source) == ["Go’s GC", "it’s", "“quoted”"]
    assert straight_quotes('["plain"]') == ('["plain"]', False)


def test_jsx_lines_become_events_and_fences_stay_fences() -> None:
    body = (
        '<Tabs syncKey="x">\n<TabItem label="Go">\n\n```go\n{ x }\n```\n\n'
        "</TabItem>\n</Tabs>\n"
    )
    kinds = [(e.kind, e.line) for e in events(body, 10)]
    assert kinds == [("tag", 10), ("tag", 11), ("fence", 13), ("tag", 17), ("tag", 18)]


def test_figures_table_needs_units_and_directions() -> None:
    rows = [["Workload", "Go", "Rust"], ["Start (cold)", "~2ms", "~0.8ms"]]
    result = table_to_csv(rows, "Article")
    assert not isinstance(result, str)
    assert result[0].splitlines()[1] == "Start (cold),ms,lower,~2,~0.8,Article"
    assert "not a figure" in str(
        table_to_csv([["W", "Go", "Rust"], ["x", "fast", "2"]], "")
    )
    unclear = table_to_csv([["W", "Go", "Rust"], ["Score", "3 pts", "4 pts"]], "")
    assert "cannot tell whether a higher or lower pts is better" in str(unclear)
