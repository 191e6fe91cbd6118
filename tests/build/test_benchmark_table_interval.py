"""benchmark-table rows with a ratio interval: the cell says what the
interval supports, bold only where it does, one legend, every builder."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

NBSP = "\u00a0"
CSV = Path(__file__).parents[1] / "roots" / "benchmarks" / "data" / "ratios.csv"

PAGE = "# Table\n\n```{benchmark-table} data/r.csv\n:name: ratios\n```\n"

#: Each row's ratio cell, and whether Go's and Rust's figures are bold.
EXPECTED = [
    ("4.7× faster, 95 % CI 4.5–4.9×", [False, True]),
    ("no measurable difference (0.96–1.08×)", [False, False]),
    ("1.6× smaller", [False, True]),  # no interval: today's rule
    ("25× slower, 95 % CI 24–27×", [True, False]),
]
LEGEND = (
    "95 % CI: the measured ratio's confidence interval, at 95 %. A system is "
    "called faster or slower only where the whole interval lies more than 5 % "
    "beyond 1×; otherwise there is no measurable difference, and no figure of "
    "the row is bold."
)


def files() -> dict[str, str | bytes]:
    return {"index.md": PAGE, "data/r.csv": CSV.read_bytes()}


def words(text: str) -> str:
    return " ".join(text.replace(NBSP, " ").split())


def test_html_cells_bold_and_legend(build_site):
    built = build_site(files())
    soup = BeautifulSoup(built.read("index.html"), "html.parser")
    table = soup.find("table", id="ratios")
    rows = table.find("tbody").find_all("tr")
    found = []
    for row in rows:
        ratio = row.find("td", class_="versus-ratio")
        for label in ratio.select(".versus-cell-label"):
            label.extract()
        figures = row.find_all("td")[:2]
        found.append(
            (words(ratio.get_text()), [bool(td.find("strong")) for td in figures])
        )
    assert found == EXPECTED
    # The figure with its word and the interval: each one unbreakable piece.
    first = rows[0].find("td", class_="versus-ratio")
    pieces = [s.get_text() for s in first.select(".versus-nowrap")]
    assert pieces == [f"4.7×{NBSP}faster,", f"95{NBSP}%{NBSP}CI{NBSP}4.5–4.9×"]
    legend = soup.select(".versus-table-notes .versus-legend")
    assert len(legend) == 1
    text = words(legend[0].get_text())
    assert text.count("95 % CI:") == 1
    assert LEGEND in text


def test_text_never_breaks_a_figure_or_an_interval(build_site):
    built = build_site(files(), "text")
    lines = built.read("index.txt").replace(NBSP, " ").splitlines()
    for phrase in ("4.7× faster, 95 % CI 4.5–4.9×", "25× slower, 95 % CI 24–27×"):
        assert any(phrase in line for line in lines), phrase
    assert words(" ".join(lines)).count("95 % CI:") == 1


@pytest.mark.parametrize("builder", ["latex", "man", "epub", "singlehtml"])
def test_every_builder_shows_the_same_cells(build_site, builder):
    conf = 'copyright = "test"\nversion = "1"\n' if builder == "epub" else ""
    built = build_site(files(), builder, conf=conf)
    out = built.outdir
    if builder == "latex":
        raw = next(out.glob("*.tex")).read_text("utf-8")
        assert f"\\mbox{{95{NBSP}\\%{NBSP}CI{NBSP}4.5\\textendash{{}}4.9×}}" in raw
        assert "\\mbox{25×" + NBSP + "slower,}" in raw
        # The supported best figure is bold, the unsupported one is not.
        assert "\\sphinxstylestrong{" in raw
        raw = raw.replace("\\textendash{}", "–").replace("\\%", "%")
        raw = raw.replace("\\textquotesingle{}", "'")
        text = words(re.sub(r"[{}]|\\mbox|\\sphinxstylestrong|\\DUrole", "", raw))
    elif builder == "man":
        raw = next(out.glob("*.1")).read_text("utf-8")
        for escape, char in (("\\ ", " "), ("\\&", ""), ("\\(aq", "'")):
            raw = raw.replace(escape, char)
        text = words(re.sub(r"\\f[BIRP]", "", raw))
    else:
        name = "index.xhtml" if builder == "epub" else "index.html"
        soup = BeautifulSoup((out / name).read_text("utf-8"), "html.parser")
        text = words(soup.get_text())
    for ratio, _bold in EXPECTED:
        assert ratio in text, (builder, ratio)
    assert LEGEND in text


def test_german(build_site):
    built = build_site(files(), "text", confoverrides={"language": "de"})
    text = words(built.read("index.txt"))
    assert "4,7× schneller, 95-%-KI 4,5–4,9×" in text
    assert "30,61 (30,06–31,27)" in text
    # A narrow cell may put the interval under the words, never split it.
    assert "| kein messbarer Unterschied" in text
    assert "| (0,96–1,08×)" in text
    assert "sonst gibt es keinen messbaren Unterschied" in text


#: Rows with no interval: the load-generator CPU row of docs/data/measured.csv
#: (spreads overlap) and one whose spreads lie apart.
SPREADS = (
    "workload,unit,better,Go,Rust\n"
    '"Load generator CPU",%,lower,77.67 (69.14–86.48),84.84 (74.8–95.67)\n'
    "Apart,ms,lower,10 (9–11),20 (19–21)\n"
)


@pytest.mark.parametrize("builder", ["html", "text", "latex"])
def test_overlapping_spreads_say_no_difference_in_every_builder(build_site, builder):
    page = (
        "# T\n\n```{benchmark-table} data/s.csv\n```\n\n"
        "```{benchmark-chart} data/s.csv\n```\n"
    )
    built = build_site({"index.md": page, "data/s.csv": SPREADS.encode()}, builder)
    if builder == "html":
        soup = BeautifulSoup(built.read("index.html"), "html.parser")
        close, apart = soup.find("tbody").find_all("tr")
        for label in close.select(".versus-cell-label"):
            label.extract()
        assert "no measurable difference" in words(close.get_text())
        assert not close.find("strong")
        assert apart.find("strong") is not None
        alt = soup.select_one(".versus-chart img")["alt"]
        text = words(soup.get_text()) + " " + alt
    elif builder == "latex":
        text = words(next(built.outdir.glob("*.tex")).read_text("utf-8"))
    else:
        text = words(built.read("index.txt"))
    assert "no measurable difference" in text
    assert "1.1× worse" not in text and "1.1× better" not in text
    assert "2× slower" in text
