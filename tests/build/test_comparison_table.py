"""comparison-table in real builds: every form, every builder, every bad input.

The example project is ``tests/roots/comparison_table`` (MyST and reST pages,
CSV files).  Bad input is written per test so each warning can be matched to
its exact ``file:line``.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from docutils import nodes

if TYPE_CHECKING:
    from bs4 import Tag

ROOT = Path(__file__).resolve().parents[1] / "roots" / "comparison_table"
NUMFIG = "numfig = True\n"
FURO = NUMFIG + 'html_theme = "furo"\n'


def spreadsheet_csv(text: str | bytes) -> bytes:
    """A CSV as a spreadsheet saves it: UTF-8 BOM and CRLF line ends.

    Applied here rather than stored in git, whose line-end handling would
    otherwise decide what the test checks.
    """
    data = text.encode() if isinstance(text, str) else text
    return b"\xef\xbb\xbf" + data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def root_files() -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {}
    for path in sorted(ROOT.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            rel = path.relative_to(ROOT).as_posix()
            files[rel] = spreadsheet_csv(data) if path.suffix == ".csv" else data
    return files


def line_of(text: str, needle: str) -> int:
    """1-based line of the first line of *text* containing *needle*."""
    for number, line in enumerate(text.splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in the page")


def messages(warnings: str) -> list[str]:
    """The build's warnings and errors, each with its continuation lines."""
    starts = r"^(?=\S[^\n]*?: (?:WARNING|ERROR): )"
    return [m for m in re.split(starts, warnings, flags=re.M) if m.strip()]


def assert_reported(warnings: str, location: str, *fragments: str) -> None:
    for message in messages(warnings):
        if message.startswith(f"{location}: ") and all(f in message for f in fragments):
            return
    raise AssertionError(f"no message at {location} with {fragments!r} in:\n{warnings}")


def table_with_caption(soup: BeautifulSoup, caption: str) -> Tag:
    for table in soup.find_all("table"):
        found = table.find("caption")
        if found is not None and caption in found.get_text():
            return table
    raise AssertionError(f"no table captioned {caption!r}")


def cell_texts(row: Tag) -> list[str]:
    """What each cell reads (a <wbr> break opportunity is not a space)."""
    return [" ".join(cell.get_text().split()) for cell in row.find_all(["th", "td"])]


def body_rows(table: Tag) -> list[list[str]]:
    return [cell_texts(row) for row in table.find("tbody").find_all("tr")]


def header_texts(table: Tag) -> list[str]:
    return cell_texts(table.find("thead").find("tr"))


# ------------------------------------------------------------------ HTML


def test_every_form_html(build_site):
    """With furo, the theme of the site."""
    built = build_site(root_files(), "html", conf=FURO)
    myst = BeautifulSoup(built.read("myst.html"), "html.parser")

    feature = myst.find("table", id="feature-table")
    assert {"versus-table", "versus-comparison", "versus-featured"} <= set(
        feature["class"]
    )
    assert "Go and Rust at a glance" in feature.caption.get_text()
    assert header_texts(feature) == ["Feature", "Go", "Rust"]
    rows = body_rows(feature)
    assert [row[0] for row in rows] == [
        "Memory management",
        "Learning curve",
        "Compile speed",
        "Closures",
        "Links",
    ]
    assert rows[0][2] == "Ownership and borrowing, no GC"
    # the first column heads its row; header cells head their column
    for tr in feature.tbody.find_all("tr"):
        first, *rest = tr.find_all(["th", "td"])
        assert first.name == "th"
        assert [cell.name for cell in rest] == ["td", "td"]
    assert [c.name for c in feature.thead.find_all(["th", "td"])] == ["th"] * 3
    # MyST markup in cells: bold, code with an escaped pipe, link, role
    compile_row, closures, links = feature.tbody.find_all("tr")[2:]
    assert compile_row.find("strong").get_text() == "Very fast"
    assert closures.find_all("code")[1].get_text() == "|x| x * 2"
    assert links.find("a", href="https://go.dev").get_text() == "Go"
    assert links.find("a", href="#feature-table").get_text() == (
        "Go and Rust at a glance"
    )
    # the wrapper scrolls; furo's copy of the id is removed (ids stay unique)
    wrapper = feature.parent
    assert "versus-table-wrapper" in wrapper["class"]
    assert wrapper.get("id") is None
    assert len(myst.find_all(id="feature-table")) == 1

    # {numref} and {ref} resolve to the caption number and the caption
    number = feature.caption.find(class_="caption-number").get_text().strip()
    assert re.fullmatch(r"Table \d+", number)
    refs = [a.get_text() for a in myst.find_all("a", href="#feature-table")]
    assert number in refs and "Go and Rust at a glance" in refs

    pasted = myst.find("table", id="pasted-table")
    assert "align-center" in pasted["class"]
    assert header_texts(pasted) == ["Aspect", "Go", "Rust"]
    assert body_rows(pasted) == [
        ["Generics", "Since 1.18", "Traits and monomorphisation"],
        ["Absent values", "nil", "Option<T>"],
    ]

    migrated = table_with_caption(myst, "Migrated from the original site")
    assert header_texts(migrated) == ["Feature", "Go", "Rust"]
    assert body_rows(migrated) == [
        ["Memory management", "Garbage collected", "Ownership/borrowing (no GC)"],
        ["Error handling", "Multiple return values", "Result<T, E> type"],
        ["Rust’s editions", "None", "2015, 2018, 2021, 2024"],
    ]
    widths = [col["style"] for col in migrated.find_all("col")]
    assert widths == ["width: 25.0%", "width: 37.5%", "width: 37.5%"]

    toolchain = myst.find_all("table")[-1]
    assert "align-right" in toolchain["class"]
    assert toolchain.find("colgroup") is None
    assert body_rows(toolchain) == [
        ["Formatter", "gofmt", "rustfmt"],
        ["Linter", "go vet", "clippy"],
    ]

    rest = BeautifulSoup(built.read("rest.html"), "html.parser")
    concurrency = rest.find("table", id="rest-table")
    assert concurrency.caption.find("em").get_text() == "models"
    assert [col["style"] for col in concurrency.find_all("col")] == [
        "width: 20.0%",
        "width: 40.0%",
        "width: 40.0%",
    ]
    primitive, channels, docs = concurrency.tbody.find_all("tr")
    assert primitive.find("strong").get_text() == "goroutines"
    assert [c.get_text() for c in primitive.find_all("code")] == ["async", "await"]
    assert channels.find("a", href="https://docs.rs/crossbeam").get_text() == (
        "crossbeam"
    )
    rest_number = concurrency.caption.find(class_="caption-number").get_text()
    assert docs.find("a", href="#rest-table").get_text() in {
        "Concurrency models",
        rest_number.strip(),
    }
    json_table, csv_table = rest.find_all("table")[1:]
    assert header_texts(json_table) == ["Tool", "Go", "Rust"]
    assert body_rows(json_table) == [
        ["Build", "go build", "cargo build"],
        ["Test", "go test", "cargo test"],
    ]
    assert "versus-tools" in csv_table["class"]
    assert header_texts(csv_table) == ["Tool", "Go", "Rust"]
    assert body_rows(csv_table)[1] == [
        "Package manager",
        "go modules",
        "cargo, with crates.io",
    ]

    files = BeautifulSoup(built.read("guide/files.html"), "html.parser")
    relative = table_with_caption(files, "Relative to this page")
    assert header_texts(relative) == ["Feature", "Go", "Rust"]
    assert body_rows(relative)[0] == [
        "Errors, in short",
        "Multiple return values",
        "Result<T, E>",
    ]
    markup = relative.tbody.find_all("tr")[2]
    assert markup.find("strong").get_text() == "Markup"
    assert markup.find("code").get_text() == "go vet"
    assert markup.find("a")["href"].startswith("https://github.com/")
    absolute = table_with_caption(files, "Relative to the source directory")
    assert header_texts(absolute) == ["Tool", "Go", "Rust"]
    assert len(body_rows(absolute)) == 2
    given = table_with_caption(files, "every CSV row is data")
    assert header_texts(given) == ["Task", "In Go", "In Rust"]
    assert [row[0] for row in body_rows(given)] == [
        "Tool",
        "Formatter",
        "Package manager",
    ]

    # The pickled doctree is plain docutils; the HTML-only cells appear only
    # when the HTML writer resolves it.
    doctree = built.doctree("myst")
    tables = list(doctree.findall(nodes.table))
    assert len(tables) == 4
    first = tables[0]
    assert isinstance(first[0], nodes.title)
    tgroup = first[1]
    assert tgroup["cols"] == 3
    colspecs = [c for c in tgroup.children if isinstance(c, nodes.colspec)]
    assert [c.get("stub") for c in colspecs] == [1, None, None]
    assert len(tgroup[-1]) == 5  # tbody
    assert "colwidths-auto" in tables[3]["classes"]
    assert not list(doctree.findall(nodes.raw))


def test_own_wrapper_without_furo(build_site):
    """Other themes get the scrolling box from the extension itself."""
    page = (
        "# Plain\n\n```{comparison-table} Caption\n:headers: A | B\n:name: t\n\n"
        "a | b\n```\n\n| Markdown | table |\n|---|---|\n| not | ours |\n"
    )
    built = build_site({"index.md": page}, "html", conf='html_theme = "alabaster"\n')
    soup = BeautifulSoup(built.read("index.html"), "html.parser")
    ours, markdown = soup.find_all("table")
    wrapper = ours.parent
    assert wrapper.name == "div"
    assert wrapper["class"] == ["versus-table-wrapper", "docutils", "container"]
    assert wrapper.get("id") is None and ours["id"] == "t"
    # other tables are left exactly as Sphinx writes them
    assert "versus-table-wrapper" not in markdown.parent.get("class", [])
    assert "versus-table" not in markdown.get("class", [])


def test_raw_html_in_cells_is_text(build_site):
    page = """\
        # Raw

        ```{comparison-table}
        :headers: Type | Go | Rust

        Optional | *T | Option<T>
        Markup | <b>bold</b> | <script>alert(1)</script>
        ```
        """
    html = build_site({"index.md": page}).read("index.html")
    assert "<script>alert" not in html and "<b>bold" not in html
    table = BeautifulSoup(html, "html.parser").find("table")
    assert body_rows(table) == [
        ["Optional", "*T", "Option<T>"],
        ["Markup", "<b>bold</b>", "<script>alert(1)</script>"],
    ]


# ----------------------------------------------------------- LaTeX, text


def test_every_form_latex(build_site):
    built = build_site(root_files(), "latex", conf=NUMFIG)
    (tex_path,) = built.outdir.glob("*.tex")
    tex = tex_path.read_text("utf-8")
    assert r"\sphinxcaption{Go and Rust at a glance}" in tex
    assert r"\label{\detokenize{myst:feature-table}}" in tex
    assert r"\ref{\detokenize{myst:feature-table}}" in tex  # the numref
    # row headers use the table-head style, body cells do not
    assert "\\sphinxstyletheadfamily \\sphinxAtStartPar\nMemory management" in tex
    assert "\\sphinxAtStartPar\nGarbage collected" in tex
    assert r"\sphinxstylestrong{Very fast}" in tex
    assert r"\sphinxcode{\sphinxupquote{|x| x * 2}}" in tex
    assert r"\sphinxhref{https://go.dev}{Go}" in tex
    assert r"\X{20}{100}\X{40}{100}\X{40}{100}" in tex  # :widths: 1 2 2
    assert r"\sphinxstylestrong{goroutines}" in tex

    # short tables stay tabulary; the 25-row one can break across pages
    # and has wrapping columns sized from its text
    long_start = tex.index("five rows")
    opening = tex.rindex(r"\begin{longtable}", 0, long_start)
    long_table = tex[opening : tex.index(r"\end{longtable}", long_start)]
    assert re.match(
        r"\\begin\{longtable\}(\[c\])?\{(\|?\\X\{\d+\}\{\d+\}){3}", long_table
    )
    assert r"\endfirsthead" in long_table  # header repeated on each page
    assert tex.count(r"\begin{longtable}") == 1
    assert tex.count(r"\begin{tabulary}") >= 5


def test_longtable_only_where_latex_allows_it(build_site):
    rows = [f"Row {n} | go {n} | rust {n}" for n in range(14)]
    table = [":headers: Row | Go | Rust", "", *rows, "```"]
    page = "\n".join(
        [
            "# Nested",
            "",
            "````{note}",
            "```{comparison-table} In a note",
            *table,
            "````",
            "",
            "```{comparison-table} At top level",
            *table,
            "",
        ]
    )
    built = build_site({"index.md": page}, "latex")
    (tex_path,) = built.outdir.glob("*.tex")
    tex = tex_path.read_text("utf-8")
    assert tex.count(r"\begin{longtable}") == 1
    opening = tex.index(r"\begin{longtable}")
    assert tex.index("In a note") < opening < tex.index("At top level")
    assert r"\begin{tabulary}" in tex[tex.index("In a note") - 600 : opening]


def test_longtable_threshold_is_configurable(build_site):
    page = "# Few\n\n```{comparison-table}\n:headers: A | B\n\na | b\nc | d\n```\n"
    built = build_site(
        {"index.md": page}, "latex", confoverrides={"versus_table_longtable_rows": 1}
    )
    (tex_path,) = built.outdir.glob("*.tex")
    assert r"\begin{longtable}" in tex_path.read_text("utf-8")


def test_every_form_text(build_site):
    built = build_site(root_files(), "text", conf=NUMFIG)
    text = built.read("myst.txt")
    assert "Go and Rust at a glance" in text
    assert re.search(r"^\| Feature +\| Go +\| Rust +\|$", text, re.M)
    assert re.search(r"^\|=+\|=+\|=+\|$", text, re.M)
    assert re.search(r"^\| Memory management +\| Garbage collected +\|", text, re.M)
    assert "|x| x * 2" in text
    assert "Rust’s editions" in text
    rest = built.read("rest.txt")
    assert re.search(r"^\| Primitive +\| \*\*goroutines\*\* +\|", rest, re.M)
    files = built.read("guide/files.txt")
    assert "Errors, in short" in files and "cargo, with crates.io" in files


@pytest.mark.parametrize(
    ("builder", "output", "scoped"),
    [
        ("epub", "myst.xhtml", True),
        ("singlehtml", "index.html", True),
        ("man", "projectnamenotset.1", False),
        ("texinfo", "projectnamenotset.texi", False),
    ],
)
def test_other_builders(build_site, builder, output, scoped):
    """epub and singlehtml get the HTML treatment; man and texinfo the plain table."""
    conf = NUMFIG + 'copyright = "2025, tests"\nversion = "1"\n'
    built = build_site(root_files(), builder, conf=conf)
    text = built.read(output).replace("<wbr />", "")  # a break opportunity
    for cell in ("Memory management", "Ownership/borrowing (no GC)", "rustfmt"):
        assert cell in text
    assert ('<th class="stub">' in text) is scoped


# ------------------------------------------------------------- bad input

BAD_MD = """\
# Bad input

```{comparison-table}
:headers: Feature | Go | Rust

Too few | only two
Too many | a | b | c
Escaped \\| pipe | a | b
```

```{comparison-table}
Feature | Go
Rows | but no headers
```

```{comparison-table}
:headers: Feature | Go
```

```{comparison-table}
:headers: Feature | Go

[[“a”, “b”],
 [“c” “d”]]
```

```{comparison-table}
:headers: [“Feature”, “Go”

a | b
```

```{comparison-table}
:file: missing.csv
```

```{comparison-table}
:file: ../outside.csv
```

```{comparison-table}
:file: latin1.csv
```

```{comparison-table}
:file: broken.csv
```

```{comparison-table}
:file: /data/ok.csv

a | b
```

```{comparison-table}
:headers: Feature | Go | Rust
:widths: 1 2

a | b | c
```

```{comparison-table}
:headers: Feature | Go
:align: middle

a | b
```

```{comparison-table}
:headers: Feature | Go
:colour: red

Unknown option | still shown
```

```{comparison-table}
:headers: Feature | Go

| Pasted header | row |
|---|---|
| Body | row |
```

```{comparison-table}
:file: /data/short.csv
```

```{comparison-table}
:headers: Feature | Go

Roles | {nosuchrole}`kept`
```

```{comparison-table}
:headers: | Unquoted | pipe |

a | b
```
"""

BAD_RST = """\
Bad reST
========

.. comparison-table::
   :headers: Feature | Go
   :colour: red

   a | b

.. comparison-table::
   :headers: Feature | Go

   [["a", "b"],
    ["c", "d",, ]]

.. comparison-table::
   :headers: Feature | Go

   a | b
   too | many | cells

.. comparison-table::
   :headers: Feature | Go

   Roles | :nosuchrole:`kept`
"""


def test_bad_input_is_located(build_site, tmp_path):
    files: dict[str, str | bytes] = {
        "index.md": "# Home\n\n```{toctree}\nbad\nbad_rest\n```\n",
        "bad.md": BAD_MD.encode(),
        "bad_rest.rst": BAD_RST.encode(),
        "../outside.csv": b"Feature,Go\na,b\n",
        "latin1.csv": b"Feature,Go\nCaf\xe9,x\n",
        "broken.csv": b'Feature,Go\n"unclosed,x\n',
        "data/ok.csv": b"Feature,Go\na,b\n",
        "data/short.csv": spreadsheet_csv("Feature,Go,Rust\nOnly,two\n"),
    }
    built = build_site(files, "html", warnings_ok=True)
    warnings = built.warnings
    md = str(built.srcdir / "bad.md")
    rst = str(built.srcdir / "bad_rest.rst")

    def at(needle: str, source: str = BAD_MD, path: str = md) -> str:
        return f"{path}:{line_of(source, needle)}"

    def directive(index: int, source: str = BAD_MD, path: str = md) -> str:
        """The location of the *index*-th directive on the page (0-based)."""
        starts = [
            n
            for n, line in enumerate(source.splitlines(), 1)
            if "comparison-table" in line
        ]
        return f"{path}:{starts[index]}"

    expected = [
        (at("Too few"), "row has 2 cell(s), expected 3", "Feature | Go | Rust"),
        (at("Too many"), "row has 4 cell(s), expected 3", "write a literal pipe"),
        (directive(1), "no header row", ":headers: Feature | Go | Rust"),
        (directive(2), "the table has no rows", "one row per line"),
        (at("[“c” “d”]]"), "malformed JSON (Expecting ',' delimiter)", "column 7"),
        (directive(4), ":headers: has malformed JSON", "column 17"),
        (
            directive(5),
            ":file: cannot read 'missing.csv'",
            str(built.srcdir / "missing.csv"),
        ),
        (directive(6), "outside the docs source directory", "outside.csv"),
        (directive(7), "latin1.csv:2, column 4: not valid UTF-8 (byte 0xe9)"),
        (directive(8), "broken.csv:2: not valid CSV"),
        (directive(9), "either in the directive body or with :file:, not both"),
        (directive(10), ":widths: gives 2 width(s)", "has 3 column(s)"),
        (directive(11), ":align: has 'middle', which is not valid", "ignored"),
        (directive(12), ":colour: is not an option", "use one of :align:"),
        (at("| Pasted header"), "Markdown header row", "remove that row or remove"),
        (directive(14), "data/short.csv:2: row has 2 cell(s), expected 3"),
        # reST too: a located versus warning, and the table is still built
        (directive(0, BAD_RST, rst), ":colour: is not an option", "ignored"),
        (
            at('["c", "d",, ]]', BAD_RST, rst),
            "malformed JSON (Expecting value)",
            "column 14",
        ),
        (at("too | many", BAD_RST, rst), "row has 3 cell(s), expected 2"),
        (at("| Unquoted"), "Invalid options format"),
        (directive(16), "no header row", "quote a value that starts with |"),
        # the inline parser's own messages, at the row's line
        (at("{nosuchrole}"), 'Unknown interpreted text role "nosuchrole"'),
        (
            at(":nosuchrole:", BAD_RST, rst),
            'Unknown interpreted text role "nosuchrole"',
        ),
    ]
    for location, *fragments in expected:
        assert_reported(warnings, location, *fragments)
    assert len(messages(warnings)) == len(expected), warnings

    # Rows with the wrong number of cells still show everything written.
    soup = BeautifulSoup(built.read("bad.html"), "html.parser")
    first = soup.find("table")
    assert body_rows(first) == [
        ["Too few", "only two", ""],
        ["Too many", "a", "b | c"],
        ["Escaped | pipe", "a", "b"],
    ]
    tables = soup.find_all("table")
    assert body_rows(tables[-4]) == [["Unknown option", "still shown"]]
    assert body_rows(tables[-3]) == [["Pasted header", "row"], ["Body", "row"]]
    assert body_rows(tables[-2]) == [["Only", "two", ""]]
    assert body_rows(tables[-1])[0][0] == "Roles"
    rest = BeautifulSoup(built.read("bad_rest.html"), "html.parser")
    assert ":nosuchrole:`kept`" in body_rows(rest.find_all("table")[-1])[0][1]
    assert body_rows(rest.find_all("table")[0]) == [["a", "b"]]


def test_warnings_fail_a_strict_build(make_app, tmp_path):
    """`-W` (as `make html` uses it) turns a bad row into a failed build.

    ``statuscode`` is what ``sphinx-build`` exits with.
    """
    page = "# Strict\n\n```{comparison-table}\n:headers: A | B\n\na | b\n%s\n```\n"
    codes = []
    for name, last_row in (("good", "c | d"), ("bad", "c")):
        src = tmp_path / name
        src.mkdir()
        (src / "conf.py").write_text(
            'extensions = ["myst_parser", "sphinx_versus"]\n', "utf-8"
        )
        (src / "index.md").write_text(page % last_row, "utf-8")
        app = make_app("html", srcdir=src, warningiserror=True)
        app.build()
        codes.append(app.statuscode)
        app.cleanup()  # Sphinx's global registries, as between two runs
    assert codes == [0, 1]
    assert "index.md:7: WARNING: comparison-table: row has 1 cell(s)" in (
        app.warning.getvalue()
    )


# ----------------------------------------------------------- incremental


def reread(status: str) -> set[str]:
    """The pages a build's status output says it read."""
    plain = re.sub(r"\x1b\[[0-9;]*m", "", status)
    return set(re.findall(r"reading sources\.\.\. \[\s*\d+%\] (\S+)", plain))


def test_editing_a_csv_rereads_only_the_pages_using_it(build_site):
    files: dict[str, str | bytes] = {
        "index.md": "# Home\n\n```{toctree}\nabsolute\nguide/relative\nplain\n```\n",
        "absolute.md": "# A\n\n```{comparison-table}\n:file: /data/x.csv\n```\n",
        "guide/relative.md": (
            "# R\n\n```{comparison-table}\n:file: ../data/x.csv\n```\n"
        ),
        "plain.md": "# Plain\n\n```{comparison-table}\n:headers: A | B\n\na | b\n```\n",
        "data/x.csv": spreadsheet_csv("Feature,Go\nValue,old value\n"),
    }
    first = build_site(files, "html")
    assert "old value" in first.read("absolute.html")
    csv_path = first.srcdir / "data" / "x.csv"
    csv_path.write_bytes(spreadsheet_csv("Feature,Go\nValue,new value\n"))
    # File times can lag the clock by a tick: make the edit clearly newer
    # than the first read, as a writer's edit minutes later would be.
    later = csv_path.stat().st_mtime + 5
    os.utime(csv_path, (later, later))
    first.app.cleanup()  # Sphinx's global registries, as between two runs
    second = build_site({}, "html", srcdir=first.srcdir)
    assert reread(second.app.status.getvalue()) == {"absolute", "guide/relative"}
    assert "new value" in second.read("absolute.html")
    assert "new value" in second.read("guide/relative.html")
    assert "old value" not in second.read("guide/relative.html")


def test_creating_a_missing_csv_fixes_the_page(build_site):
    page = "# A\n\n```{comparison-table}\n:file: later.csv\n```\n"
    first = build_site({"index.md": page}, "html", warnings_ok=True)
    assert "cannot read 'later.csv'" in first.warnings
    first.app.cleanup()  # Sphinx's global registries, as between two runs
    second = build_site(
        {"later.csv": b"Feature,Go\nNow,here\n"}, "html", srcdir=first.srcdir
    )
    assert "index" in reread(second.app.status.getvalue())
    assert "Now" in second.read("index.html")


# ------------------------------------------------------------------- PDF


@pytest.mark.pdf
@pytest.mark.toolchain
def test_long_table_breaks_across_pdf_pages(build_site, require_tool):
    """25 rows of wrapping text: more than a page.  As a tabulary it would run
    off the bottom of one page (Overfull \\vbox); it must break instead, with
    no line running into the margin."""
    latexmk = require_tool("latexmk", "apt-get install latexmk texlive-latex-extra")
    pdftotext = require_tool("pdftotext", "apt-get install poppler-utils")
    files = {"index.md": (ROOT / "long.md").read_bytes()}
    built = build_site(files, "latex", conf='project = "tables"\n')
    result = subprocess.run(
        [latexmk, "-pdf", "-interaction=nonstopmode", "-halt-on-error", "tables.tex"],
        cwd=built.outdir,
        capture_output=True,
        text=True,
        check=False,
    )
    log = (built.outdir / "tables.log").read_text("utf-8", errors="replace")
    assert result.returncode == 0, log[-3000:]
    overfull = re.findall(r"Overfull \\[hv]box \((\d+\.\d+)pt too (?:wide|high)\)", log)
    assert [size for size in overfull if float(size) > 1.0] == []
    text = subprocess.run(
        [pdftotext, "tables.pdf", "-"],
        cwd=built.outdir,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    pages = text.split("\f")

    def page_of(needle: str) -> int:
        return next(n for n, page in enumerate(pages) if needle in page)

    assert page_of("Memory") < page_of("Documentation")
    assert "continued from previous page" in pages[page_of("Documentation")]


def test_longtable_boundary_is_more_than_the_limit(build_site):
    """Exactly ``versus_table_longtable_rows`` body rows stay a tabulary; one
    more row makes a longtable."""

    def table(name: str, rows: int) -> list[str]:
        body = [f"{name}{n} | go {n} | rust {n}" for n in range(rows)]
        return ["```{comparison-table}", ":headers: Row | Go | Rust", "", *body, "```"]

    page = "\n".join(["# Boundary", "", *table("atlimit", 3), "", *table("over", 4)])
    built = build_site(
        {"index.md": page}, "latex", confoverrides={"versus_table_longtable_rows": 3}
    )
    (tex_path,) = built.outdir.glob("*.tex")
    tex = tex_path.read_text("utf-8")

    def environment(cell: str) -> str:
        before = tex[: tex.index(cell)]
        return max(("tabulary", "longtable"), key=lambda e: before.rfind(e))

    assert environment("atlimit0") == "tabulary"
    assert environment("over0") == "longtable"
    assert tex.count(r"\begin{longtable}") == 1
