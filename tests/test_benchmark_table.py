"""benchmark-table: HTML, LaTeX and text builds, incremental rebuilds, bad input."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path
from typing import TYPE_CHECKING

from bs4 import BeautifulSoup
from sphinx.cmd.build import build_main

from tests.paths import DOCS

if TYPE_CHECKING:
    from tests.plugin import Built

ROOT = Path(__file__).parent / "roots" / "benchmarks"

#: Records which documents each build reads (the incremental-rebuild checks).
RECORD_READS = """
def _record(app, env, docnames):
    app.versus_read_docs = sorted(docnames)

def setup(app):
    app.connect("env-before-read-docs", _record)
"""


NUMFIG = "numfig = True\n"


def root_files() -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {
        str(p.relative_to(ROOT)): p.read_bytes() for p in ROOT.rglob("*") if p.is_file()
    }
    files["data/benchmarks.csv"] = (DOCS / "data" / "benchmarks.csv").read_bytes()
    return files


def rebuild(build_site, previous: Built, buildername="html", **kwargs) -> Built:
    """Build again in the same tree (sphinx.testing apps share global state)."""
    previous.app.cleanup()
    return build_site({}, buildername, srcdir=previous.srcdir, **kwargs)


def cells(row) -> list[str]:
    """What each cell holds (without the column label card view shows)."""
    texts = []
    for cell in row.find_all(["th", "td"]):
        strings = [
            s
            for s in cell.strings
            if "versus-cell-label" not in s.parent.get("class", [])
        ]
        texts.append(" ".join("".join(strings).split()))
    return texts


def test_html_table(build_site):
    built = build_site(root_files(), conf=NUMFIG)
    soup = BeautifulSoup(built.read("three.html"), "html.parser")
    table = soup.find("table", id="three-table")
    assert "versus-benchmark-table" in table["class"]
    assert "versus-table" in table["class"]
    caption = table.find("caption")
    assert caption.find("em").get_text() == "systems"
    assert "Table 1" in caption.get_text()
    head, *rows = table.find_all("tr")
    assert cells(head) == [
        "Workload",
        "Go",
        "Rust",
        "Zig",
        "Rust vs Go",
        "Zig vs Go",
        "Source",
        "Notes",
    ]
    assert [cells(r) for r in rows] == [
        [
            "Requests (req/s, higher is better)",
            "1.2M",
            "1.5M–2M",
            "—",
            "1.5× faster",
            "—",
            "Example lab",
            "Zig not measured",
        ],
        [
            "Latency p99 (µs, lower is better)",
            "~120",
            "80–90",
            "95",
            "1.4× faster",
            "1.3× faster",
            "Example lab",
            "",
        ],
        [
            "Binary size (MB, lower is better)",
            "5",
            "0.8",
            "0.8",
            "6.3× smaller",
            "6.3× smaller",
            "",
            "Stripped release builds",
        ],
        [
            "Score (points, higher is better)",
            "10",
            "10",
            "10",
            "same",
            "same",
            "",
            "All equal",
        ],
    ]
    # The best value per row is <strong class="versus-best">; ties all marked,
    # nothing marked where all are equal.
    best = [
        [s.get_text() for s in r.find_all("strong", class_="versus-best")] for r in rows
    ]
    assert best == [["1.5M–2M"], ["80–90"], ["0.8", "0.8"], []]
    # Empty cells are an em dash, marked as no data.
    assert rows[0].find_all("span", class_="versus-no-data")[0].get_text() == "—"
    # Source text is the page's markup: the Markdown link is a link.
    link = rows[0].find("a", href="https://example.org/lab")
    assert link.get_text() == "Example lab"
    # The workload is the row header.
    header = rows[0].find("th", class_="stub")
    assert header.get_text(" ", strip=True) == "Requests (req/s, higher is better)"
    assert header.find("span", class_="versus-unit").get_text() == (
        "(req/s, higher is better)"
    )
    # numref to the table.
    numref = soup.find("a", class_="reference", href="#three-table")
    assert numref.get_text() == "Table 1"

    subset = soup.find("table", id="subset-table")
    head, *rows = subset.find_all("tr")
    assert cells(head) == [
        "Workload",
        "Zig",
        "Go",
        "Zig vs Go",
        "Source",
        "Notes",
    ]
    assert cells(rows[2])[1:4] == ["0.8", "5", "6.3× smaller"]

    rst = BeautifulSoup(built.read("rst.html"), "html.parser")
    first, second = rst.find_all("table")
    assert first.find("caption").find("strong").get_text() == "reST"
    # One source for every row: a link, once, under the table.
    notes = first.find_next(class_="versus-table-notes")
    assert notes.find("a", href="https://example.org/lab").get_text() == "Example lab"
    assert "extra-class" in second["class"]
    assert cells(second.find_all("tr")[1]) == [
        "Start-up (ms, lower is better)",
        "10",
        "4",
        "2.5× faster",
    ]

    article = BeautifulSoup(built.read("article.html"), "html.parser")
    rows = article.find("table", id="article-table").find_all("tr")[1:]
    assert [cells(r)[1:] for r in rows] == [
        ["150K–200K", "200K–300K", "1.4× faster"],
        ["~2", "~0.8", "2.5× faster"],
        ["~45", "~20", "2.3× faster"],
        ["~15", "~5", "3× smaller"],
        ["~5", "~60", "12× slower"],
    ]
    # Each row's long note is a numbered note under the table, its number a
    # link after the workload's name; the source every row shares is said once.
    assert cells(rows[2])[0] == "Binary search (10M items)3 (µs, lower is better)"
    ref = rows[2].find("a", class_="versus-note-ref")
    notes = article.find(class_="versus-table-notes")
    items = notes.find("ol").find_all("li")
    assert len(items) == 5
    assert items[2].find(id=ref["href"][1:]) is not None
    assert "whether this is one search or a batch" in items[2].get_text()
    assert "Source of every figure: Go vs Rust article (seed)." in notes.get_text()
    assert notes.find("strong", class_="versus-best").get_text() == "Bold"
    # Card view: each figure cell carries its column's name, hidden on a wide
    # screen (versus-tables.css).
    labels = [s.get_text() for s in rows[0].select(".versus-cell-label")]
    assert labels == ["Go", "Rust", "Rust vs Go"]
    assert "versus-stackable" in article.find("table", id="article-table")["class"]
    assert "versus-benchmarks.css" in built.read("article.html")


def test_latex_and_text(build_site):
    built = build_site(root_files(), "latex", conf=NUMFIG)
    tex = next(built.outdir.glob("*.tex")).read_text("utf-8")
    assert r"\sphinxstylestrong{1.5M\textendash{}2M}" in tex
    assert r"\sphinxstylestrong{\textasciitilde{}0.8}" in tex
    assert "12× slower" in tex
    assert r"\sphinxcaption{Three \sphinxstyleemphasis{systems}}" in tex
    assert r"\sphinxhref{https://example.org/lab}{Example lab}" in tex
    # Figures keep their width (r), text columns share the rest (\X).
    x = r"\\X\{\d+\}\{1000\}"
    assert re.search(rf"\\begin\{{tabular\}}\[t\]\{{{x}rrrrr{x}{x}\}}", tex)

    built.app.cleanup()
    text = build_site(root_files(), "text", conf=NUMFIG).read("article.txt")
    assert "**~0.8**" in text  # the best value stays marked in plain text
    assert "**200K–300K**" in text
    assert "12× slower" in text
    assert "Go and Rust on five workloads" in text
    assert "| HTTP requests/sec^1 (req/s,    | 150K–200K | **200K–300K** |" in text
    assert "Source of every figure: Go vs Rust article (seed)." in text
    assert "3. Approximate, as published; whether this is one search" in text


def test_incremental_rebuild_rereads_only_dependents(build_site, tmp_path):
    src = tmp_path / "inc"
    files = {
        "index.md": "# Home\n\n```{toctree}\nuses\ndrawn\nother\n```\n",
        "uses.md": "# Uses\n\n```{benchmark-table} data/b.csv\n```\n",
        "drawn.md": "# Drawn\n\n```{benchmark-chart} /data/b.csv\n```\n",
        "other.md": "# Other\n\nNo figures here.\n",
        "data/b.csv": "workload,unit,better,Go,Rust\nRun,s,lower,5,60\n",
    }
    first = build_site(files, srcdir=src, conf=RECORD_READS)
    assert first.app.versus_read_docs == ["drawn", "index", "other", "uses"]
    assert "12× slower" in first.read("uses.html")
    drawn_before = first.read("drawn.html")
    assert "Rust 60; Rust 12× slower" in drawn_before
    image = BeautifulSoup(drawn_before, "html.parser").find("img")["src"]
    drawing_before = (Path(first.outdir) / image).read_text("utf-8")

    noop = rebuild(build_site, first, conf=RECORD_READS)
    assert noop.app.versus_read_docs == []

    csv = src / "data" / "b.csv"
    csv.write_text("workload,unit,better,Go,Rust\nRun,s,lower,5,7.5\n", "utf-8")
    future = time.time() + 5
    os.utime(csv, (future, future))
    second = rebuild(build_site, noop, conf=RECORD_READS)
    assert second.app.versus_read_docs == ["drawn", "uses"]
    table = second.read("uses.html")
    assert "7.5" in table
    assert "1.5× slower" in table
    assert "12× slower" not in table
    drawn = second.read("drawn.html")
    assert "Rust 7.5; Rust 1.5× slower" in drawn
    assert "12× slower" not in drawn

    # A new drawing (new files), not only a new text alternative.
    def drawing(html: str) -> str:
        src = BeautifulSoup(html, "html.parser").find(
            "img", class_="versus-chart-image"
        )
        return (Path(second.outdir) / src["src"]).read_text("utf-8")

    old_paths = re.findall(r'<path d="[^"]*"', drawing_before)
    assert old_paths
    assert re.findall(r'<path d="[^"]*"', drawing(drawn)) != old_paths


def test_bad_input_is_located_and_nothing_is_dropped(build_site):
    page = """\
    # Bad

    ```{benchmark-table} data/missing.csv
    ```

    ```{benchmark-table} ../../outside.csv
    ```

    ```{benchmark-table} data/bad.csv
    ```

    ```{benchmark-table} data/empty.csv
    ```

    ```{benchmark-table} data/three.csv
    :baseline: C++
    ```

    ```{benchmark-table} data/three.csv
    :systems: Go, Java
    ```

    ```{benchmark-table} data/three.csv
    :systems: Go
    ```

    ```{benchmark-table} data/three.csv
    :systems: Go,,Rust
    ```

    ```{benchmark-table} data/header-only.csv
    ```

    ```{benchmark-table} data
    ```

    ```{benchmark-chart} data/no-unit.csv
    ```

    ```{benchmark-table} data/one-system.csv
    ```
    """
    built = build_site(
        {
            "index.md": page,
            "data/three.csv": (ROOT / "data" / "three.csv").read_bytes(),
            "data/bad.csv": (
                "workload,unit,better,Go,Rust\n"
                "Start,s,sometimes,1,2ms\n"
                "Stop,s,lower,9-3,2\n"
                "start,s,lower,1,2\n"
            ),
            "data/empty.csv": "",
            "data/header-only.csv": "workload,unit,better,Go,Rust\n",
            "data/no-unit.csv": "workload,better,Go,Rust\nW,lower,1,2\n",
            "data/one-system.csv": "workload,unit,better,Go,notes\nW,s,lower,1,\n",
        },
        warnings_ok=True,
    )
    src = built.srcdir
    lines = [
        re.sub(r"^.*?/src/", "", line)
        for line in built.warnings.splitlines()
        if "WARNING" in line
    ]
    known = "the known systems are 'Go', 'Rust', 'Zig' [versus.benchmark]"
    assert lines == [
        f"index.md:3: WARNING: benchmark-table: cannot read 'data/missing.csv' "
        f"(resolved to {src}/data/missing.csv): no such file; paths are relative "
        f"to this page, or to the docs source directory when they start with / "
        f"[versus.benchmark]",
        f"index.md:6: WARNING: benchmark-table: '../../outside.csv' resolves to "
        f"{src.parent.parent}/outside.csv, outside the docs source directory "
        f"{src}; keep data files inside it (a leading / means the docs source "
        f"directory) [versus.benchmark]",
        "index.md:9: WARNING: benchmark-table: data/bad.csv:2, column 3 "
        "(better): 'better' must be 'higher' or 'lower', not 'sometimes' "
        "[versus.benchmark]",
        "index.md:9: WARNING: benchmark-table: data/bad.csv:2, column 5 (Rust): "
        "'2ms' is not a number or a range; write a number such as 1500, 0.8 or "
        "~2, a range such as 150000-200000, or a measurement with its spread "
        "such as 61230 (60110-62050) or 2.1 ± 0.1, and put the unit in the "
        "'unit' column (leave the cell empty for no data) [versus.benchmark]",
        "index.md:9: WARNING: benchmark-table: data/bad.csv:3, column 4 (Go): "
        "'9-3' is a range whose low end is greater than its high end; write it "
        "as 3-9 [versus.benchmark]",
        "index.md:9: WARNING: benchmark-table: data/bad.csv:4, column 1 "
        "(workload): duplicate workload 'start' (first on line 2); give each "
        "workload one row per source [versus.benchmark]",
        "index.md:12: WARNING: benchmark-table: data/empty.csv: the file is "
        "empty; it needs a header row (workload,unit,better,<system>,<system>,...)"
        " and a row per workload [versus.benchmark]",
        f"index.md:15: WARNING: benchmark-table: data/three.csv: :baseline: "
        f"'C++' is not a system in the file; {known}",
        f"index.md:19: WARNING: benchmark-table: data/three.csv: :systems: names "
        f"'Java', which the file does not have; {known}",
        f"index.md:23: WARNING: benchmark-table: data/three.csv: :systems: needs "
        f"at least two systems to compare, got 'Go'; {known}",
        "index.md:27: WARNING: benchmark-table: :systems: 'Go,,Rust' has an "
        "empty name; list systems separated by commas, e.g. ':systems: Go, "
        "Rust' [versus.benchmark]",
        "index.md:31: WARNING: benchmark-table: data/header-only.csv:1: the file "
        "has a header row but no data rows; add one row per workload "
        "[versus.benchmark]",
        f"index.md:34: WARNING: benchmark-table: cannot read 'data' (resolved to "
        f"{src}/data): it is a directory, not a file; paths are relative to "
        f"this page, or to the docs source directory when they start with / "
        f"[versus.benchmark]",
        "index.md:37: WARNING: benchmark-chart: data/no-unit.csv:1: missing "
        "required column 'unit'; the header has 'workload', 'better', 'Go', "
        "'Rust' and needs workload, unit, better, then one column per system "
        "[versus.benchmark]",
        "index.md:40: WARNING: benchmark-table: data/one-system.csv:1: needs at "
        "least two system columns to compare (columns other than workload, "
        "unit, better, source, notes, ratio, id); found 'Go' [versus.benchmark]",
    ]


def test_warnings_fail_a_strict_build(tmp_path):
    src = tmp_path / "src"
    (src / "data").mkdir(parents=True)
    (src / "conf.py").write_text('extensions = ["sphinx_versus"]\n', "utf-8")
    (src / "data" / "b.csv").write_text(
        "workload,unit,better,Go,Rust\nW,s,lower,1,fast\n", "utf-8"
    )
    (src / "index.rst").write_text(
        "Home\n====\n\n.. benchmark-table:: data/b.csv\n", "utf-8"
    )
    args = ["-q", "-b", "html", str(src), str(tmp_path / "out")]
    assert build_main(["-W", *args]) != 0
