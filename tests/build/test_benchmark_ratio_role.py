"""benchmark-ratio and benchmark-verdict: a sentence's figure and word from
the CSV, in every builder, with located warnings and exact rebuilds."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup

from tests.prose_checks import hand_written_comparisons

if TYPE_CHECKING:
    from tests.plugin import Built

NBSP = "\u00a0"

#: A fixture, not a measurement: intervals chosen to cover each verdict.
CSV = (
    Path(__file__).parents[1] / "roots" / "benchmarks" / "data" / "ratios.csv"
).read_text("utf-8")

PAGE = """\
# Ratios

JSON: {benchmark-ratio}`data/r.csv#json-decode`. Rust is
{benchmark-verdict}`/data/r.csv#json-decode` at JSON decoding.

Search: {benchmark-ratio}`data/r.csv#binary-search`; Rust is
{benchmark-verdict}`data/r.csv#binary-search` at search.

Compile: {benchmark-ratio}`data/r.csv#compile`.
"""

RST = """\
reST
====

JSON in reST: :benchmark-ratio:`data/r.csv#json-decode`.
"""

INDEX = "# Home\n\n```{toctree}\nratios\nrest\nother\n```\n"

JSON = "Rust 4.7× faster (95 % CI 4.5–4.9×)"
JSON_VERDICT = "4.7× faster than Go"
SEARCH = "no measurable difference (95 % CI 0.96–1.08×)"
SEARCH_VERDICT = "not measurably faster or slower than Go"
COMPILE = "Go 25× faster (95 % CI 24–27×)"

RECORD_READS = """
def _record(app, env, docnames):
    app.versus_read_docs = sorted(docnames)

def setup(app):
    app.connect("env-before-read-docs", _record)
"""


def files() -> dict[str, str | bytes]:
    return {
        "index.md": INDEX,
        "ratios.md": PAGE,
        "rest.rst": RST,
        "other.md": "# Other\n\nNo figures here.\n",
        "data/r.csv": CSV.encode(),
    }


def words(text: str) -> str:
    """What a reader sees: no-break spaces are spaces, lines joined."""
    return " ".join(text.replace(NBSP, " ").split())


def test_html_phrases_are_marked_and_never_break(build_site):
    built = build_site(files())
    soup = BeautifulSoup(built.read("ratios.html"), "html.parser")
    ratios = [words(s.get_text()) for s in soup.select("span.versus-ratio")]
    assert ratios == [JSON, JSON_VERDICT, SEARCH, SEARCH_VERDICT, COMPILE]
    body = words(soup.find("main").get_text() if soup.find("main") else soup.get_text())
    assert f"Rust is {JSON_VERDICT} at JSON decoding." in body
    # The factor with its word, and the interval, each one unbreakable piece.
    pieces = [s.get_text() for s in soup.select(".versus-ratio .versus-nowrap")]
    assert pieces[:2] == [f"4.7×{NBSP}faster", f"(95{NBSP}%{NBSP}CI{NBSP}4.5–4.9×)"]
    css = (built.outdir / "_static" / "versus.css").read_text("utf-8")
    rule = r"\.versus-ratio \.versus-nowrap\s*\{\s*white-space:\s*nowrap"
    assert re.search(rule, css)
    rest = BeautifulSoup(built.read("rest.html"), "html.parser")
    assert [words(s.get_text()) for s in rest.select("span.versus-ratio")] == [JSON]


@pytest.mark.parametrize("builder", ["text", "man", "latex", "epub", "singlehtml"])
def test_every_builder_shows_the_same_words(build_site, builder):
    conf = 'copyright = "test"\nversion = "1"\n' if builder == "epub" else ""
    built = build_site(files(), builder, conf=conf)
    out = built.outdir
    if builder == "text":
        text = words((out / "ratios.txt").read_text("utf-8"))
    elif builder == "man":
        raw = next(out.glob("*.1")).read_text("utf-8")
        text = words(raw.replace("\\ ", " ").replace("\\&", ""))
    elif builder == "latex":
        raw = next(out.glob("*.tex")).read_text("utf-8")
        # Each glued piece is one \mbox (never broken across lines).
        assert "\\mbox{4.7×" + NBSP + "faster}" in raw
        assert (
            "\\mbox{(95" + NBSP + "\\%" + NBSP + "CI" + NBSP + "4.5\\textendash{}4.9×)}"
            in raw
        )
        raw = raw.replace("\\textendash{}", "–").replace("\\%", "%")
        raw = raw.replace("\\DUrole{versus-ratio}", "").replace("\\mbox", "")
        text = words(re.sub("[{}]", "", raw))
    elif builder == "epub":
        text = words(
            BeautifulSoup(
                (out / "ratios.xhtml").read_text("utf-8"), "html.parser"
            ).get_text()
        )
    else:
        text = words(
            BeautifulSoup(
                (out / "index.html").read_text("utf-8"), "html.parser"
            ).get_text()
        )
    for phrase in (JSON, SEARCH, COMPILE):
        assert phrase in text, (phrase, builder)
    assert f"Rust is {JSON_VERDICT} at JSON decoding" in text
    assert f"Rust is {SEARCH_VERDICT} at search" in text


def test_german_words_from_the_catalogue(build_site):
    built = build_site(files(), "text", confoverrides={"language": "de"})
    text = words(built.read("ratios.txt"))
    # German words, and German decimal signs (Babel's locale data).
    assert "Rust 4,7× schneller (95-%-KI 4,5–4,9×)" in text
    assert "Rust is 4,7× schneller als Go at JSON decoding" in text
    assert "kein messbarer Unterschied (95-%-KI 0,96–1,08×)" in text
    assert "nicht messbar schneller oder langsamer als Go" in text


def test_the_margin_is_a_setting(build_site):
    # With a 10 % margin, 1.04–1.20× is still no measurable difference; with
    # 3 % it is a difference (here: an interval 4.5–4.9× either way).
    csv = CSV + "Start,ms,lower,12,11,Rust/Go 0.89 (0.83–0.96),start,Test fixture\n"
    page = "# S\n\n{benchmark-ratio}`data/r.csv#start`\n"
    base = {"index.md": page, "data/r.csv": csv.encode()}
    default = words(build_site(base, "text").read("index.txt"))
    assert "no measurable difference (95 % CI 1.04–1.20×)" in default
    loose = build_site(base, "text", conf="versus_ratio_margin = 0.03\n")
    assert "Rust 1.1× faster (95 % CI 1.04–1.20×)" in words(loose.read("index.txt"))


def test_problems_are_located_warnings_and_show_the_text(build_site):
    page = (
        "# Bad\n\n"
        "One {benchmark-ratio}`data/r.csv#nope`.\n\n"
        "Two {benchmark-ratio}`data/r.csv#memory-idle`.\n\n"
        "Three {benchmark-verdict}`missing.csv#x`.\n\n"
        "Four {benchmark-ratio}`data/r.csv`.\n\n"
        "Five {benchmark-ratio}`../../etc/passwd#x`.\n"
    )
    built = build_site({"index.md": page, "data/r.csv": CSV.encode()}, warnings_ok=True)
    lines = [line for line in built.warnings.splitlines() if line.strip()]
    assert len(lines) == 5, built.warnings
    index = str(built.srcdir / "index.md")
    assert lines[0] == (
        f"{index}:3: WARNING: benchmark-ratio: data/r.csv has no row with the id "
        "'nope'; its ids are 'json-decode', 'binary-search', 'memory-idle', "
        "'compile' [versus.benchmark]"
    )
    assert lines[1].startswith(
        f"{index}:5: WARNING: benchmark-ratio: data/r.csv:5: the row "
        "'memory-idle' has no ratio"
    )
    assert "give it a 'ratio' cell" in lines[1]
    assert lines[2].startswith(
        f"{index}:7: WARNING: benchmark-verdict: cannot read 'missing.csv'"
    )
    assert lines[3].startswith(
        f"{index}:9: WARNING: benchmark-ratio: 'data/r.csv' does not name a "
        "file and a row"
    )
    assert lines[4].startswith(
        f"{index}:11: WARNING: benchmark-ratio: '../../etc/passwd' resolves to"
    )
    assert "outside the docs source directory" in lines[4]
    assert all(line.endswith("[versus.benchmark]") for line in lines)
    soup = BeautifulSoup(built.read("index.html"), "html.parser")
    shown = [c.get_text() for c in soup.select("code.versus-unbuilt")]
    assert shown == [
        "data/r.csv#nope",
        "data/r.csv#memory-idle",
        "missing.csv#x",
        "data/r.csv",
        "../../etc/passwd#x",
    ]
    assert not soup.select(".versus-ratio")


def test_a_bad_csv_is_reported_at_its_cell(build_site):
    bad = CSV.replace("Rust/Go 0.213 (0.204–0.222)", "Rust/Zig 0.213 (0.204–0.222)")
    built = build_site(
        {
            "index.md": "# X\n\n{benchmark-ratio}`data/r.csv#compile`\n",
            "data/r.csv": bad.encode(),
        },
        warnings_ok=True,
    )
    assert (
        "benchmark-ratio: data/r.csv:3, column 6 (ratio): 'Rust/Zig" in built.warnings
    )
    assert "[versus.benchmark]" in built.warnings


def _rebuild(build_site, previous: Built, **kwargs) -> Built:
    previous.app.cleanup()
    return build_site({}, srcdir=previous.srcdir, **kwargs)


def test_editing_the_csv_rereads_exactly_the_pages_that_quote_it(build_site, tmp_path):
    first = build_site(files(), srcdir=tmp_path / "inc", conf=RECORD_READS)
    assert first.app.versus_read_docs == ["index", "other", "ratios", "rest"]
    assert JSON in words(
        BeautifulSoup(first.read("ratios.html"), "html.parser").get_text()
    )

    noop = _rebuild(build_site, first, conf=RECORD_READS)
    assert noop.app.versus_read_docs == []

    csv = first.srcdir / "data" / "r.csv"
    csv.write_text(
        CSV.replace("Rust/Go 0.213 (0.204–0.222)", "Rust/Go 0.98 (0.9–1.1)"), "utf-8"
    )
    future = time.time() + 5
    os.utime(csv, (future, future))
    second = _rebuild(build_site, noop, conf=RECORD_READS)
    assert second.app.versus_read_docs == ["ratios", "rest"]
    text = words(BeautifulSoup(second.read("ratios.html"), "html.parser").get_text())
    assert "JSON: no measurable difference (95 % CI 0.91–1.11×)" in text
    assert "4.7×" not in text


def test_a_test_can_tell_quoted_figures_from_typed_ones(build_site):
    page = PAGE + "\nBy hand: Go compiles 15× faster.\n"
    # A table's cells and its legend ("faster or slower") are generated too.
    page += "\n```{benchmark-table} data/r.csv\n```\n"
    built = build_site({**files(), "ratios.md": page})
    found = hand_written_comparisons(built.read("ratios.html"))
    assert [(f.match, f.context) for f in found] == [
        ("15×", "By hand: Go compiles 15× faster."),
        ("faster", "By hand: Go compiles 15× faster."),
    ]
