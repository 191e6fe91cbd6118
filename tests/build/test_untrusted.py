"""Untrusted input (#12): each case found by hand or by the fuzzer, pinned.

The policy these check is written in ``sphinx_versus/markup.py`` and on the
writer's guide's errors page: a directive's text is inline markup of the
page's language only, every problem is a located ``versus.*`` warning, the
build goes on, and nothing can make it crash, hang or blow up.
"""

from __future__ import annotations

import os
import re
import signal
import time
import warnings
from contextlib import contextmanager
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup

from sphinx_versus.benchmarks.chart import benchmark_chart, drawing, figure
from sphinx_versus.comparison.rows import MAX_JSON_DEPTH, RowError, parse_json_rows
from sphinx_versus.markup import escape_templates
from sphinx_versus.policy.inline import url_scheme
from tests.untrusted_checks import live_markup

if TYPE_CHECKING:
    from collections.abc import Iterator

CONF = 'myst_enable_extensions = ["colon_fence", "substitution"]\n'
BENCH_HEAD = "workload,unit,better,Go,Rust,source,notes\n"


def located(warnings_text: str) -> list[str]:
    """Each warning with the build's source directory cut off its path."""
    return [
        re.sub(r"^.*?/src/", "", line)
        for line in warnings_text.splitlines()
        if "WARNING:" in line or "ERROR:" in line
    ]


@contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """Fail, rather than hang the suite, if the block takes longer."""

    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"still running after {seconds} s: the build hangs")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# -- markup: the page's parser, never raw markup --------------------------------


def test_raw_role_in_a_rest_cell_is_text(build_site):
    """``AssertionError: Losing "classes" attribute`` from docutils, before."""
    page = """\
        Raw
        ===

        .. role:: raw-html(raw)
           :format: html

        .. comparison-table::
           :headers: Feature | Go

           Bold | :raw-html:`<b>x</b>`
        """
    built = build_site({"index.rst": page})
    html = built.read("index.html")
    assert "<b>x</b>" not in html
    cell = BeautifulSoup(html, "html.parser").find("tbody").find_all("td")[0]
    assert cell.get_text() == "<b>x</b>"
    assert cell.find("span", class_="raw-html") is not None


HOSTILE = "<img src=x onerror=alert(1)> <script>alert(2)</script>"


def test_raw_html_in_every_directive_is_text(build_site):
    """Benchmark source/notes cells and captions, code-compare titles and
    labels, comparison titles and cells: all shown as typed, none live."""
    page = f"""\
        # Hostile

        ```{{benchmark-table}} bench.csv
        :caption: Table {HOSTILE}
        ```

        ```{{benchmark-chart}} bench.csv
        :caption: Chart {HOSTILE}
        ```

        ````{{code-compare}} Title {HOSTILE}
        ```{{code-block}} go
        :caption: Go {HOSTILE}

        x
        ```

        ```rust
        y
        ```
        ````

        ```{{comparison-table}} Title {HOSTILE}
        :headers: A | B

        {HOSTILE} | b
        ```
        """
    csv = BENCH_HEAD + f'JSON,ms,lower,2,1,"{HOSTILE}","{HOSTILE}"\n'
    built = build_site({"index.md": page, "bench.csv": csv})
    html = built.read("index.html")
    assert live_markup(html) == []
    text = " ".join(BeautifulSoup(html, "html.parser").get_text().split())
    # caption ×2, source, notes, code-compare title and label, comparison ×2
    assert text.count(HOSTILE) >= 8, text


def test_unsafe_links_are_text_and_warned(build_site):
    page = """\
        Links
        =====

        .. comparison-table::
           :headers: Feature | Link

           Standalone | javascript:alert(1)
           Embedded | `click <java\tscript:alert(2)>`_
           Safe | `Go <https://go.dev>`_ and `here <#links>`_
        """
    built = build_site({"index.rst": page}, warnings_ok=True)
    html = built.read("index.html")
    assert live_markup(html) == []
    soup = BeautifulSoup(html, "html.parser")
    assert [a["href"] for a in soup.find("tbody").find_all("a")] == [
        "https://go.dev",
        "#links",
    ]
    assert "javascript:alert(1)" in soup.get_text()
    reported = located(built.warnings)
    assert len(reported) == 2, reported
    assert reported[0].startswith("index.rst:7: WARNING: comparison-table: the link")
    assert "'javascript:alert(1' is shown as text" in reported[0]
    assert reported[1].startswith("index.rst:8: WARNING: comparison-table: the link")
    assert all(r.endswith("[versus.table]") for r in reported)


@pytest.mark.parametrize(
    ("page", "cell"),
    [
        ("index.md", "{download}`click <javascript://%0aalert(1)>`"),
        ("index.rst", ":download:`click <javascript://%0aalert(1)>`"),
    ],
)
def test_a_download_of_a_javascript_address_is_text(build_site, page, cell):
    """Sphinx links a download target with "://" as written: it ran."""
    directive = (
        "# T\n\n```{comparison-table}\n:file: f.csv\n```\n"
        if page.endswith(".md")
        else "T\n=\n\n.. comparison-table::\n   :file: f.csv\n"
    )
    built = build_site(
        {page: directive, "f.csv": f'A,B\nx,"{cell}"\n'}, warnings_ok=True
    )
    html = built.read("index.html")
    assert live_markup(html) == []
    assert "click" in BeautifulSoup(html, "html.parser").find("tbody").get_text()
    (reported,) = located(built.warnings)
    assert "the download of 'javascript://%0aalert(1)' is shown as its text" in (
        reported
    )


def test_images_and_downloads_outside_the_docs_are_refused(build_site, tmp_path):
    """A CSV cell could publish any file the build can read, before."""
    (tmp_path / "secret.txt").write_text("secret", "utf-8")
    cells = (
        "![inside](logo.png) {download}`notes.txt` "
        "![outside](../secret.txt) {download}`../secret.txt` "
        "[link](../secret.txt)"
    )
    built = build_site(
        {
            "index.md": "# Files\n\n```{comparison-table}\n:file: data/f.csv\n```\n",
            "data/f.csv": f'A,B\nx,"{cells}"\n',
            # paths in a cell are relative to the page, as in its prose
            "logo.png": (tmp_path / "secret.txt").read_bytes(),
            "notes.txt": "notes",
        },
        conf="versus_data_file_assets = True\n",
        warnings_ok=True,
    )
    published = {p.name for p in built.outdir.rglob("*") if p.is_file()}
    assert "secret.txt" not in published
    assert {"logo.png", "notes.txt"} <= published
    reported = located(built.warnings)
    assert len(reported) == 3, reported
    for line in reported:
        assert line.startswith("index.md:3: WARNING: comparison-table: data/f.csv:2: ")
        assert "outside the docs source directory" in line
    text = BeautifulSoup(built.read("index.html"), "html.parser").get_text()
    assert "outside" in text and "link" in text


def test_myst_template_expressions_are_text(build_site, tmp_path):
    """MyST evaluates ``{{ ... }}`` as Jinja: from a CSV cell, that ran code."""
    marker = tmp_path / "ran"
    payload = f"{{{{ cycler.__init__.__globals__.os.system('touch {marker}') }}}}"
    # Backticks in HTML attributes are not code: no way around the escaping.
    hidden = f'<b title=""`"">{payload}<b title=""`"">'
    built = build_site(
        {
            "index.md": "# T\n\n```{comparison-table}\n:file: f.csv\n```\n",
            "f.csv": (
                f'A,B\ncode,"{payload}"\nsum,{{{{ 6 + 7 }}}}\n'
                'name,"Go {{go}}, `{{x}}`"\n'
                f'tags,"{hidden}"\n'
            ),
        },
        conf=CONF + 'myst_substitutions = {"go": "1.24"}\n',
    )
    assert not marker.exists()
    soup = BeautifulSoup(built.read("index.html"), "html.parser")
    rows = [
        [td.get_text() for td in tr.find_all(["th", "td"])]
        for tr in soup.find("tbody").find_all("tr")
    ]
    assert rows[0][1].startswith("{{ cycler.")
    assert rows[1:3] == [["sum", "{{ 6 + 7 }}"], ["name", "Go 1.24, {{x}}"]]
    assert "{{ cycler." in rows[3][1]


def test_escape_templates():
    assert escape_templates("{{ 7*7 }}") == "\\{{ 7*7 }}"
    assert escape_templates("{{name}} {{ other-name }}") == "{{name}} {{ other-name }}"
    # in code too: telling code apart would take a second Markdown parser
    assert escape_templates("`{{ 7*7 }}`") == "`\\{{ 7*7 }}`"
    # an escaped brace stays escaped; an escaped backslash escapes nothing
    assert escape_templates("\\{{x.y}}") == "\\{{x.y}}"
    assert escape_templates("\\\\{{x.y}}") == "\\\\\\{{x.y}}"
    assert escape_templates("{{{x}}}") == "\\{{{x}}}"


@pytest.mark.parametrize(
    ("url", "scheme"),
    [
        ("javascript:alert(1)", "javascript"),
        (" JaVa\tScRiPt:alert(1)", "javascript"),
        ("\x01data:text/html,x", "data"),
        ("https://go.dev", "https"),
        ("#anchor", None),
        ("page.html", None),
        ("./java:script", None),
    ],
)
def test_url_scheme_as_a_browser_sees_it(url, scheme):
    assert url_scheme(url) == scheme


# -- the severity rule -------------------------------------------------------------


def test_an_unbuilt_directive_shows_what_was_written(build_site):
    page = """\
        # Missing

        Before.

        ```{comparison-table} Features
        :file: missing.csv
        ```

        ```{benchmark-chart} missing.csv
        :caption: Speed
        ```

        After.
        """
    built = build_site({"index.md": page}, warnings_ok=True)
    reported = located(built.warnings)
    assert [r.split(": ")[0:2] for r in reported] == [
        ["index.md:5", "WARNING"],
        ["index.md:9", "WARNING"],
    ]
    assert reported[0].endswith("[versus.table]")
    assert reported[1].endswith("[versus.benchmark]")
    soup = BeautifulSoup(built.read("index.html"), "html.parser")
    shown = [
        d.find("pre").get_text() for d in soup.find_all("div", class_="versus-unbuilt")
    ]
    assert shown == [
        "```{comparison-table} Features\n:file: missing.csv\n```\n",
        "```{benchmark-chart} missing.csv\n:caption: Speed\n```\n",
    ]
    text = soup.get_text()
    assert "Before." in text and "After." in text


# -- tracebacks ---------------------------------------------------------------------


@pytest.mark.parametrize("value", ["1e27", "1e1000000", "1e-1000000", "9e999999G"])
def test_figures_out_of_range_are_refused(build_site, value):
    """A ratio of 1e27 to 1 overflowed decimal; 1e1000000 printed a million
    digits."""
    csv = BENCH_HEAD + f"JSON,ms,lower,{value},1,,\n"
    page = "# T\n\n```{benchmark-table} b.csv\n```\n\n```{benchmark-chart} b.csv\n```\n"
    built = build_site({"index.md": page, "b.csv": csv}, warnings_ok=True)
    reported = located(built.warnings)
    assert len(reported) == 2, reported
    assert reported[0] == (
        f"index.md:3: WARNING: benchmark-table: b.csv:2, column 4 (Go): "
        f"'{value}' is outside the range of figures a benchmark compares (0, or "
        "from 1e-12 to 1e15); write it in a unit that brings it into range, such "
        "as ms instead of ns or GB instead of bytes [versus.benchmark]"
    )


def test_extreme_figures_in_range_compare(build_site):
    csv = BENCH_HEAD + "Tiny,ms,lower,1e-12,1e15,,\nHuge,ms,higher,1e-12,1e15,,\n"
    page = "# T\n\n```{benchmark-table} b.csv\n```\n\n```{benchmark-chart} b.csv\n```\n"
    built = build_site({"index.md": page, "b.csv": csv})
    text = BeautifulSoup(built.read("index.html"), "html.parser").get_text()
    assert "1,000,000,000,000,000,000,000,000,000× slower" in text
    assert "1,000,000,000,000,000,000,000,000,000× better" in text


def test_deeply_nested_json_rows_are_refused(build_site):
    """``RecursionError`` from json, before."""
    deep = "[" * 1000 + "]" * 1000
    page = f"# T\n\n```{{comparison-table}}\n:headers: A | B\n\n{deep}\n```\n"
    built = build_site({"index.md": page}, warnings_ok=True)
    assert located(built.warnings) == [
        f"index.md:6: WARNING: comparison-table: the rows have arrays nested more "
        f"than {MAX_JSON_DEPTH} deep; rows are an array of arrays of strings at "
        "column 9; write a JSON array of arrays of strings such as "
        '[["Compile speed", "Very fast", "Slower"]], or write one row per line '
        "with cells separated by |, e.g. 'Compile speed | Very fast | Slower' "
        "[versus.table]"
    ]


def test_json_depth_limit_is_located():
    with pytest.raises(RowError) as caught:
        parse_json_rows('[\n  ["a", [[[[[[[["deep"]]]]]]]]]\n]')
    assert (caught.value.line, caught.value.column) == (2, 15)


def test_json_rows_parse_in_linear_time():
    """40,000 rows took 30 s (quadratic slicing), before."""

    def cost(rows: int) -> float:
        text = "[\n" + "\n".join(f"  [“row {i}”, ‘b’, 'c']," for i in range(rows))
        started = time.process_time()
        assert len(parse_json_rows(text + "\n]")) == rows
        return time.process_time() - started

    small, large = cost(5_000), cost(40_000)
    assert large < 10, large
    assert large < 8 * small * 2.5, (small, large)  # 8× the rows, not 64×


def test_a_line_of_unclosed_quotes_parses_in_linear_time():
    text = "[[" + "‘x" * 25_000 + "]]"  # no ‘ closes a string
    started = time.process_time()
    with pytest.raises(RowError):
        parse_json_rows(text)
    assert time.process_time() - started < 5


def test_a_symlink_loop_is_a_located_warning(build_site, tmp_path):
    """``RuntimeError: Symlink loop`` from Sphinx's relfn2path, before."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "loop.csv").symlink_to("loop.csv")
    page = "# T\n\n```{comparison-table}\n:file: loop.csv\n```\n\n"
    page += "```{benchmark-table} loop.csv\n```\n"
    built = build_site({"index.md": page}, srcdir=src, warnings_ok=True)
    reported = located(built.warnings)
    assert len(reported) == 2, reported
    assert reported[0].startswith(
        "index.md:3: WARNING: comparison-table: :file: cannot resolve 'loop.csv': "
    )
    assert reported[1].startswith(
        "index.md:7: WARNING: benchmark-table: cannot resolve 'loop.csv': "
    )
    assert all("replace the link with the file" in r for r in reported)


# -- hangs and blow-ups ---------------------------------------------------------------


def test_a_fifo_is_refused_without_hanging(build_site, tmp_path):
    """Opening a FIFO for reading blocks until a writer comes: forever."""
    src = tmp_path / "src"
    src.mkdir()
    os.mkfifo(src / "pipe.csv")
    page = "# T\n\n```{comparison-table}\n:file: pipe.csv\n```\n\n"
    page += "```{benchmark-chart} pipe.csv\n```\n"
    with deadline(120):
        built = build_site({"index.md": page}, srcdir=src, warnings_ok=True)
    reported = located(built.warnings)
    assert len(reported) == 2, reported
    assert all(
        "it is not a regular file (a pipe, socket or device)" in r for r in reported
    )


def test_a_data_file_over_the_size_limit_is_refused(build_site):
    csv = "Feature,Go\n" + "x,y\n" * 100
    built = build_site(
        {"index.md": "# T\n\n```{comparison-table}\n:file: f.csv\n```\n", "f.csv": csv},
        conf="versus_data_max_bytes = 100\n",
        warnings_ok=True,
    )
    assert located(built.warnings) == [
        "index.md:3: WARNING: comparison-table: :file: 'f.csv' is 411 bytes, more "
        "than the versus_data_max_bytes limit of 100; split the file or raise "
        "versus_data_max_bytes in conf.py [versus.table]"
    ]


def test_huge_widths_do_not_blow_up_the_text_output(build_site):
    """``:widths: 100000000 1 1`` made the text builder write 800 MB."""
    page = """\
        # T

        ```{comparison-table}
        :headers: A | B | C
        :widths: 100000000 1 1

        x | y | z
        ```
        """
    built = build_site({"index.md": page}, "text")
    assert len(built.read("index.txt")) < 2_000


def test_too_many_columns_and_cells_are_refused(build_site):
    wide = " | ".join(f"c{i}" for i in range(41))
    tall = "\n".join("a | b" for _ in range(60))
    bench = "workload,unit,better,Go,Rust\n" + "".join(
        f"w{i},ms,lower,1,2\n" for i in range(40)
    )
    page = (
        f"# T\n\n```{{comparison-table}}\n:headers: {wide}\n\n{wide}\n```\n\n"
        f"```{{comparison-table}}\n:headers: A | B\n\n{tall}\n```\n\n"
        "```{benchmark-table} b.csv\n```\n"
    )
    built = build_site(
        {"index.md": page, "b.csv": bench},
        conf="versus_table_max_cells = 100\n",
        warnings_ok=True,
    )
    bench_line = page.splitlines().index("```{benchmark-table} b.csv") + 1
    assert located(built.warnings) == [
        "index.md:3: WARNING: comparison-table: the table has 41 columns, more "
        "than the 40 a page can show; split it into several tables [versus.table]",
        "index.md:9: WARNING: comparison-table: the table has 61 rows of 2 columns "
        "(122 cells), more than the versus_table_max_cells limit of 100; split it "
        "into several tables, or raise versus_table_max_cells in conf.py "
        "[versus.table]",
        f"index.md:{bench_line}: WARNING: benchmark-table: b.csv: the table has "
        "41 rows of 4 "
        "columns (164 cells), more than the versus_table_max_cells limit of 100; "
        "split it into several tables, or raise versus_table_max_cells in conf.py "
        "[versus.benchmark]",
    ]


MANY = "workload,unit,better,Go,Rust\n" + "".join(
    f"Workload {i},ms,lower,{i + 1},{i + 2}\n" for i in range(1000)
)


def test_a_chart_of_many_workloads_fits_every_builder(build_site):
    """1,000 workloads drew a PDF figure 56,000 pt tall: "Dimension too large"."""
    page = "# T\n\n```{benchmark-chart} b.csv\n```\n"
    built = build_site({"index.md": page, "b.csv": MANY}, "latex", warnings_ok=True)
    assert located(built.warnings) == [
        "index.md:3: WARNING: benchmark-chart: b.csv: the chart would have 1000 "
        "bars (1000 workloads × 1 systems besides the baseline), more than the 18 "
        "a chart can show; it shows the first 18 workloads: split the CSV file, "
        "choose fewer systems with :systems:, or show the figures with "
        "benchmark-table [versus.chart]"
    ]
    (pdf,) = built.outdir.glob("versus-chart-*.pdf")
    box = re.search(rb"/MediaBox \[ *0 0 ([\d.]+) ([\d.]+) *\]", pdf.read_bytes())
    assert box is not None
    width, height = float(box[1]), float(box[2])
    assert height < 2_000 and width < 1_000, (width, height)  # TeX's limit: 16383
    tex = next(built.outdir.glob("*.tex")).read_text("utf-8")
    assert "height=0.5\\textheight,keepaspectratio" in tex
    (chart,) = built.doctree().findall(benchmark_chart)
    assert chart["alt"].endswith("The chart shows the first 18 of the 1000 workloads.")


def test_long_labels_keep_the_chart_narrow():
    bar = {"system": "Rust", "ratio": "1× faster", "rel": 1.0, "low": None,
           "high": None}  # fmt: skip
    spec = {
        "systems": ["Rust"],
        "items": [
            ["group", figure.short_label("s" * 10_000, "source")],
            ["bar", {**bar, "label": figure.short_label("x" * 10_000, "workload")}],
        ],
        "legend": ["Relative to Go"],
    }
    assert len(spec["items"][1][1]["label"]) == 60
    for variant in drawing.VARIANTS:
        pdf = drawing.render_chart(spec, "pdf", variant)
        box = re.search(rb"/MediaBox \[ *0 0 ([\d.]+) ([\d.]+) *\]", pdf)
        assert box is not None and float(box[1]) == drawing.VARIANTS[variant].width_pt


# -- chart glyphs ---------------------------------------------------------------------


def test_a_glyph_the_chart_font_lacks_is_a_located_warning(build_site):
    """CJK was drawn as boxes, reported only as a UserWarning on stderr."""
    csv = "workload,unit,better,Go,Rust\n解析 JSON,ms,lower,2,1\n"
    page = "# T\n\n```{benchmark-chart} b.csv\n```\n"
    with warnings.catch_warnings(record=True) as python_warnings:
        warnings.simplefilter("always")
        built = build_site({"index.md": page, "b.csv": csv}, warnings_ok=True)
    assert [str(w.message) for w in python_warnings if "Glyph" in str(w.message)] == []
    assert located(built.warnings) == [
        "index.md:3: WARNING: benchmark-chart: b.csv:2 (workload): the chart's "
        "font (DejaVu Sans) cannot draw '解' (U+89E3), '析' (U+6790) in "
        "'解析 JSON', so the chart shows \ufffd instead (the text alternative "
        "keeps the text); write the label without it [versus.chart]"
    ]
    soup = BeautifulSoup(built.read("index.html"), "html.parser")
    assert "解析 JSON" in soup.find("img", class_="versus-chart-image")["alt"]


def test_drawable_text_needs_no_font_check():
    assert drawing.undrawable(["Go", "Rust 1.5×", "µs"]) == set()
    assert drawing.undrawable(["plain ASCII ~!"]) == set()
    assert drawing.undrawable(["中"]) == {"中"}


def test_a_long_cell_is_plain_text_not_a_slow_parse(build_site):
    """docutils' inline parser is quadratic on some text: 8 KB of ``a:``
    took seconds, a 4 MiB CSV cell would take days."""
    long = "a:" * 30_000
    page = "T\n=\n\n.. comparison-table::\n   :file: f.csv\n"
    started = time.process_time()
    built = build_site(
        {"index.rst": page, "f.csv": f"A,B\nx,{long}\n"}, warnings_ok=True
    )
    assert time.process_time() - started < 30
    assert located(built.warnings) == [
        "index.rst:4: WARNING: comparison-table: f.csv:2: the text is 60000 "
        "characters long, more than the 1000 read as markup, so it is shown as "
        "plain text; shorten it or split it [versus.table]"
    ]
    assert long in built.read("index.html")


def test_a_csv_field_over_pythons_limit_says_so(build_site):
    built = build_site(
        {
            "index.md": "# T\n\n```{comparison-table}\n:file: f.csv\n```\n",
            "f.csv": 'A,B\nx,"an open quote\n' + "y" * 200_000 + "\n",
        },
        warnings_ok=True,
    )
    assert located(built.warnings) == [
        "index.md:3: WARNING: comparison-table: f.csv:2: a field is longer than "
        "131072 characters, the most a CSV field may have; shorten it, or close "
        "the quote that makes the rest of the file one field [versus.table]"
    ]


def test_a_chart_alt_text_cannot_inject_roff_into_a_man_page(build_site):
    """``:alt:`` (or a CSV workload, in the default alt) went into the man page
    unescaped: a line starting ``.so`` is a roff request, ``\\fB`` a font."""
    csv = 'workload,unit,better,Go,Rust\n"JSON\n.so /etc/passwd",ms,lower,2,1\n'
    page = (
        "T\n=\n\n.. benchmark-chart:: b.csv\n\n"
        ".. benchmark-chart:: b.csv\n   :alt: bold \\fB text\n      .so /etc/passwd\n"
    )
    built = build_site({"index.rst": page, "b.csv": csv}, "man")
    (man,) = built.outdir.glob("*.1")
    lines = man.read_text("utf-8").splitlines()
    assert not [line for line in lines if line.startswith(".so")]
    assert not [line for line in lines if "\\fB" in line]
    charts = [line for line in lines if line.startswith("[Chart: ")]
    assert len(charts) == 2
    assert "JSON .so /etc/passwd" in charts[0]
    assert charts[1] == "[Chart: bold \\efB text .so /etc/passwd]"


def test_content_in_a_benchmark_directive_is_reported_not_fatal(build_site):
    """docutils dropped a reST benchmark-chart with content (an ERROR)."""
    csv = "workload,unit,better,Go,Rust\nJSON,ms,lower,2,1\n"
    page = "T\n=\n\n.. benchmark-chart:: b.csv\n\n   some text\n"
    built = build_site({"index.rst": page, "b.csv": csv}, warnings_ok=True)
    assert located(built.warnings) == [
        "index.rst:4: WARNING: benchmark-chart: takes no content (the figures "
        "come from the CSV file), so the text inside the directive is not "
        "shown; move it after the directive [versus.benchmark]"
    ]
    assert "versus-chart-image" in built.read("index.html")


@pytest.mark.parametrize("cell", ["![pic](x:/secret.txt)", "{download}`x:/secret.txt`"])
def test_a_path_a_browser_reads_as_a_url_is_text(build_site, cell):
    """Found by the fuzz test: Sphinx took ``x:/secret.txt`` for a missing local
    file and wrote it as given, which a browser reads as an ``x:`` URL."""
    built = build_site(
        {
            "index.md": "# T\n\n```{comparison-table}\n:file: f.csv\n```\n",
            "f.csv": f'A,B\nx,"{cell}"\n',
        },
        conf="versus_data_file_assets = True\n",
        warnings_ok=True,
    )
    html = built.read("index.html")
    assert live_markup(html, images=True) == []
    shown = BeautifulSoup(html, "html.parser").find("tbody").get_text()
    assert ("pic" if cell.startswith("!") else "x:/secret.txt") in shown
    (reported,) = located(built.warnings)
    assert "'x:/secret.txt' is shown as its text" in reported
