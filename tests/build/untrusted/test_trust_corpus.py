"""The regression corpus of #23: an attacker who controls a data file.

One test per class of the issue (the number in its name), each building
every variant found so far in one site, and checking the policy the class
broke, besides what every hostile build must hold (:func:`hostile`): no
file from outside the source tree in the output, every warning located, no
traceback.  The policies are in ``sphinx_versus/policy/``; the pure rules
are tested many times faster in ``tests/unit/test_policy.py``.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import time
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup

from sphinx_versus.policy.budget import MAX_LABEL_CHARS, MAX_WARNINGS
from tests.untrusted_checks import (
    live_markup,
    sentinel_leaks,
    tex_from_data,
    unlocated,
)

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from tests.plugin import Built

SENTINEL = b"VERSUS-SENTINEL-7f3a"
MARK = "versusmark"
BENCH_HEAD = ["workload", "unit", "better", "Go", "Rust", "source", "notes"]


def csv_text(rows: list[list[str]]) -> str:
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def warning_lines(built: Built) -> list[str]:
    return [
        re.sub(r"^.*?/src/", "", line)
        for line in built.warnings.splitlines()
        if "WARNING:" in line or "ERROR:" in line
    ]


@pytest.fixture
def hostile(build_site: Callable[..., Built], tmp_path: Path) -> Callable[..., Built]:
    """Build with a sentinel planted beside the source tree, then check what
    every hostile build must hold."""
    secret = tmp_path / "secret.txt"
    secret.write_bytes(SENTINEL + b"\n")
    (tmp_path / "secret.png").write_bytes(SENTINEL)
    (tmp_path / "vault").mkdir()
    (tmp_path / "vault" / "secret.txt").write_bytes(SENTINEL + b"\n")

    def build(
        files: dict[str, str | bytes], builder: str = "html", **kw: object
    ) -> Built:
        built = build_site(files, builder, warnings_ok=True, **kw)
        log = built.warnings + built.app.status.getvalue()
        assert "Traceback" not in log and "Exception occurred" not in log, log
        assert unlocated(built.warnings) == [], built.warnings
        assert sentinel_leaks(built.outdir, SENTINEL) == []
        return built

    return build


# -- class 1: paths as Sphinx resolves them --------------------------------------

#: Targets that reach the sentinel beside the source tree once Sphinx
#: resolves the whole string (query, fragment, scheme-like prefix, a link).
OUTSIDE = [
    "a?/../../secret.txt",
    "a#/../../secret.txt",
    "http:x/../../secret.txt",
    "mailto:x/../../secret.txt",
    "x:/../../secret.txt",
    "/../secret.txt",
    "../secret.txt",
    "sub/../../secret.txt",
    "link.txt",  # a symlink inside the docs to the file outside
    "linkdir/secret.txt",  # a symlinked folder
]
#: Forms Sphinx does not decode: they name files inside (that do not exist).
LITERAL = ["a%2F..%2F..%2Fsecret.txt", "..\\..\\secret.txt"]


def _plant_links(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir(exist_ok=True)
    (src / "link.txt").symlink_to(tmp_path / "secret.txt")
    (src / "linkdir").symlink_to(tmp_path / "vault")


@pytest.mark.parametrize("kind", ["download", "image"])
def test_class_1_paths_resolved_as_sphinx_resolves_them(hostile, tmp_path, kind):
    """#23 class 1: ``a?/../../secret.txt`` passed the check, which looked
    only before the ``?``, and Sphinx published the file."""
    _plant_links(tmp_path)

    def markup(target: str) -> str:
        return f"{{download}}`{target}`" if kind == "download" else f"![i]({target})"

    rows = [[f"r{n}", markup(t)] for n, t in enumerate(OUTSIDE + LITERAL)]
    pipes = "\n".join(f"p{n} | {markup(t)}" for n, t in enumerate(OUTSIDE))
    page = (
        "# Paths\n\n```{comparison-table}\n:file: data.csv\n```\n\n"
        f"```{{comparison-table}}\n:headers: A | B\n\n{pipes}\n```\n"
    )
    built = hostile(
        {"index.md": page, "data.csv": csv_text([["A", "B"], *rows])},
        conf="versus_data_file_assets = True\n",
    )
    reported = warning_lines(built)
    for target in OUTSIDE:
        # once from the CSV, once from the page's own rows
        hits = [
            w
            for w in reported
            if "outside the docs source directory" in w and repr(target) in w
        ]
        assert len(hits) >= 2, (target, reported)
    assert all(w.startswith("index.md:") for w in reported), reported


def test_class_1_data_files_name_no_files_by_default(hostile):
    """Unless the writer allows it, a data file's markup names no file at all."""
    cells = "{download}`notes.txt` ![i](logo.png)"
    built = hostile(
        {
            "index.md": "# D\n\n```{comparison-table}\n:file: d.csv\n```\n",
            "d.csv": csv_text([["A", "B"], ["x", cells]]),
            "notes.txt": "notes",
            "logo.png": b"\x89PNG\r\n",
        }
    )
    published = {p.name for p in built.outdir.rglob("*") if p.is_file()}
    assert not {"notes.txt", "logo.png"} & published
    reported = warning_lines(built)
    assert len(reported) == 2, reported
    assert all("versus_data_file_assets = True" in w for w in reported), reported
    assert all(
        w.startswith("index.md:3: WARNING: comparison-table: d.csv:2: ")
        for w in reported
    )


def test_class_1_benchmark_notes_and_sources(hostile, tmp_path):
    _plant_links(tmp_path)
    rows = [
        ["JSON", "ms", "lower", "2", "1", f"{{download}}`{t}`", f"![n]({t})"]
        for t in OUTSIDE
    ]
    built = hostile(
        {
            "index.md": "# B\n\n```{benchmark-table} b.csv\n```\n",
            "b.csv": csv_text([BENCH_HEAD, *rows]),
        },
        conf="versus_data_file_assets = True\n",
    )
    assert sum(
        "outside the docs source directory" in w for w in warning_lines(built)
    ) >= len(OUTSIDE)


# -- class 2: TeX from data ---------------------------------------------------------

#: Math that reads, writes, runs or redefines, and the ways around a scanner.
TEX_PAYLOADS = [
    rf"\input{{{MARK}}}",
    rf"\include{{{MARK}}}",
    rf"\immediate\write18{{{MARK}}}",
    rf"\openin5={MARK}",
    rf"\read5 to\x {MARK}",
    rf"\catcode`\@=11 {MARK}",
    rf"\def\x{{{MARK}}}",
    rf"\csname input\endcsname{{{MARK}}}",
    rf"^^5cinput{{{MARK}}}",
    rf"\text{{\input{{{MARK}}}}}",
    rf"\begin{{filecontents}}{{{MARK}}}",
    rf"\expandafter\input{MARK}",
    rf"x % {MARK}",
]
SAFE_MATH = r"\frac{a}{b} + \alpha^2"


def test_class_2_math_from_data_never_reaches_latex_unchecked(hostile):
    """#23 class 2: ``{math}`` in cells, notes, captions and JSON rows wrote
    ``\\input{…}`` and ``\\write18{…}`` straight into the ``.tex`` file."""
    cells = [[f"m{n}", f"{{math}}`{p}`"] for n, p in enumerate(TEX_PAYLOADS)]
    cells.append(["safe", f"{{math}}`{SAFE_MATH}`"])
    json_rows = json.dumps(
        [[f"j{n}", f"{{math}}`{p}`"] for n, p in enumerate(TEX_PAYLOADS)]
    )
    bench = [
        ["w", "ms", "lower", "2", "1", f"{{math}}`{p}`", f"${p}$"] for p in TEX_PAYLOADS
    ]
    page = (
        "# TeX\n\n```{comparison-table}\n:file: m.csv\n```\n\n"
        f"```{{comparison-table}}\n:headers: A | B\n\n{json_rows}\n```\n\n"
        "```{benchmark-table} b.csv\n:caption: {math}`\\input{" + MARK + "}`\n```\n"
    )
    built = hostile(
        {
            "index.md": page,
            "m.csv": csv_text([["A", "B"], *cells]),
            "b.csv": csv_text([BENCH_HEAD, *bench]),
        },
        "latex",
        conf='myst_enable_extensions = ["colon_fence", "dollarmath"]\n',
    )
    tex = "\n".join(p.read_text("utf-8") for p in built.outdir.glob("*.tex"))
    assert tex_from_data(tex, MARK) == []
    assert r"\(\frac{a}{b} + \alpha^2\)" in tex  # safe math is still math
    reported = warning_lines(built)
    refused = [
        w
        for w in reported
        if "not in the safe subset" in w or "^^" in w or "comment out" in w
    ]
    # CSV, JSON rows, benchmark source and notes, and the caption; notes
    # stop at the warning budget
    assert len(refused) >= 2 * len(TEX_PAYLOADS), reported
    assert MARK in tex  # shown as text, not dropped


# -- class 3: complete programs -----------------------------------------------------


def _program_page(target: str) -> str:
    return (
        "# P\n\n````{code-compare}\n"
        f"```{{literalinclude}} {target}\n:language: go\n:lines: 1\n```\n\n"
        "```rust\nfn main() {}\n```\n````\n"
    )


@pytest.mark.parametrize("where", ["outside", "symlink", "symlinked-dir-in-allowed"])
def test_class_3_complete_programs_only_from_allowed_folders(hostile, tmp_path, where):
    """#23 class 3: the excerpt's whole file was offered and shown in full."""
    program = b"package main\n// " + SENTINEL + b"\n"
    (tmp_path / "outside.go").write_bytes(program)
    src = tmp_path / "src"
    (src / "snippets").mkdir(parents=True)
    conf = ""
    if where == "outside":
        target = "../outside.go"
    elif where == "symlink":
        (src / "snippets" / "main.go").symlink_to(tmp_path / "outside.go")
        target = "snippets/main.go"
    else:
        allowed = tmp_path / "allowed"
        allowed.mkdir()
        (allowed / "escape").symlink_to(tmp_path / "vault")
        (tmp_path / "vault" / "outside.go").write_bytes(program)
        conf = 'versus_file_dirs = ["../allowed"]\n'
        target = "/../allowed/escape/outside.go"
    built = hostile({"index.md": _program_page(target)}, conf=conf)
    html = built.read("index.html")
    assert "versus-programs" not in html
    (warning,) = [w for w in warning_lines(built) if "complete program" in w]
    assert warning.startswith("index.md:3: WARNING: code-compare: ")
    assert "versus_file_dirs" in warning


def test_class_3_a_named_folder_is_allowed(hostile, tmp_path):
    allowed = tmp_path / "snippets"
    allowed.mkdir()
    (allowed / "main.go").write_text("package main\nfunc main() {}\n", "utf-8")
    built = hostile(
        {"index.md": _program_page("/../snippets/main.go")},
        conf='versus_file_dirs = ["../snippets"]\n',
    )
    text = BeautifulSoup(built.read("index.html"), "html.parser").get_text()
    assert "func main() {}" in text and "The complete programs" in text
    assert warning_lines(built) == []


# -- class 4: limits ---------------------------------------------------------------


def test_class_4_an_excerpt_is_bounded(hostile):
    """#23 class 4: a one-line excerpt of a 6 MiB file put 15 MiB in the page."""
    line = "x" * 50_000
    built = hostile(
        {"index.md": _program_page("big.go"), "big.go": f"{line}\n"},
        conf="versus_data_max_bytes = 10_000\n",
    )
    html = built.read("index.html")
    assert len(html) < 200_000
    reported = warning_lines(built)
    assert any("code block is 50001 bytes long" in w for w in reported), reported
    assert any("complete program" in w and "more than the" in w for w in reported), (
        reported
    )


# The config bounds (10**30, 2**36) are held by
# tests/test_config.py::test_a_wrong_value_is_one_warning_and_the_default
# [max-bytes-huge, max-bytes-64-gib, max-cells-huge]; the streaming read by
# tests/unit/test_policy.py::test_reads_stream_and_stop_at_the_limit.


# -- class 5: translations are data -------------------------------------------------

HOSTILE_TRANSLATIONS = {
    "The complete programs: {names}": "{names.__class__.__mro__}",
    "{first} and {last}": "{first:>30000000}",
    "Download": "Herunterladen {0}",
}


def test_class_5_a_broken_translation_falls_back_to_english(
    hostile, tmp_path, monkeypatch
):
    """#23 class 5: KeyError/IndexError, 35 s of padding, attribute walks."""
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import write_po

    import sphinx_versus.locale as versus_locale

    catalog = Catalog(locale="de")
    for english, translated in HOSTILE_TRANSLATIONS.items():
        catalog.add(english, translated)
    folder = tmp_path / "locale" / "de" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with (folder / "sphinx_versus.po").open("wb") as po:
        write_po(po, catalog)
    with (folder / "sphinx_versus.mo").open("wb") as mo:
        write_mo(mo, catalog)
    monkeypatch.setattr(versus_locale, "LOCALE_DIR", tmp_path / "locale")
    monkeypatch.setattr(versus_locale, "_warned", set())
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.go").write_text("package main\n", "utf-8")
    (tmp_path / "src" / "b.rs").write_text("fn main() {}\n", "utf-8")
    page = (
        "# T\n\n````{code-compare}\n```{literalinclude} a.go\n:language: go\n```\n\n"
        "```{literalinclude} b.rs\n:language: rust\n```\n````\n"
    )
    start = time.monotonic()
    built = hostile({"index.md": page}, conf='language = "de"\n')
    assert time.monotonic() - start < 20
    text = BeautifulSoup(built.read("index.html"), "html.parser").get_text()
    assert "The complete programs: a.go and b.rs" in text
    assert "__mro__" not in text and "class" not in text.split("programs")[1][:40]
    reported = warning_lines(built)
    broken = [w for w in reported if "catalogue cannot be used" in w]
    assert len(broken) == 2, reported  # the two used messages; "Download" too?
    for line in broken:
        assert re.match(
            r".*/locale/de/LC_MESSAGES/sphinx_versus\.po:\d+: WARNING: ", line
        )
        assert "sphinx_versus catalogue" in line


# -- class 6: output bounded by input -------------------------------------------------


def test_class_6_card_labels_do_not_copy_long_headers_into_every_cell(hostile):
    """#23 class 6: a 432 KB CSV gave a 157 MB page (headers × rows)."""
    header = ["Feature", *(f"H{n} " + "long " * 400 for n in range(5))]
    rows = [[f"r{n}", *("c" for _ in range(5))] for n in range(300)]
    data = csv_text([header, *rows])
    built = hostile(
        {"index.md": "# L\n\n```{comparison-table}\n:file: w.csv\n```\n", "w.csv": data}
    )
    html = built.read("index.html")
    assert len(html) < 4 * len(data) + 200_000, (len(html), len(data))
    labels = BeautifulSoup(html, "html.parser").select(".versus-cell-label")
    assert len(labels) == 300 * 5
    assert max(len(label.get_text()) for label in labels) <= MAX_LABEL_CHARS
    (warning,) = [w for w in warning_lines(built) if "card" in w]
    assert re.match(
        r"index.md:3: WARNING: a header of this table is \d{4} characters", warning
    )


# -- class 7: warning floods ------------------------------------------------------


@pytest.mark.parametrize("cell", ["<`|" * 1000, "<`|" * 300, "`x <y>`__ |s|" * 60])
def test_class_7_warnings_per_directive_are_bounded(hostile, cell):
    """#23 class 7: 40 cells of ``<`|`` × 1000 gave 26,640 warnings."""
    rows = [[f"r{n}", cell] for n in range(40)]
    for name in ("index.md", "index.rst"):
        directive = (
            "# F\n\n```{comparison-table}\n:file: f.csv\n```\n"
            if name.endswith(".md")
            else "F\n=\n\n.. comparison-table::\n   :file: f.csv\n"
        )
        start = time.monotonic()
        built = hostile({name: directive, "f.csv": csv_text([["A", "B"], *rows])})
        assert time.monotonic() - start < 30
        reported = warning_lines(built)
        # the directive's budget, shared by its run and the transform that
        # resolves references later; each says once what it left out
        assert len(reported) <= MAX_WARNINGS + 2, reported
        if len(reported) > MAX_WARNINGS:
            assert any("not shown" in w for w in reported), reported
        (built.srcdir / name).unlink()


# -- class 10: ids unique across joined pages ---------------------------------


def test_class_10_ids_are_unique_in_singlehtml(hostile):
    """#23 class 10: notes from different pages had the same id in singlehtml."""
    # a long note is numbered, and linked from its row by id
    note = "a note long enough to be numbered under the table " * 4
    bench = csv_text([BENCH_HEAD, ["JSON", "ms", "lower", "2", "1", "s", note]])
    page = "# {n}\n\n```{{benchmark-table}} b.csv\n```\n\n" + (
        "````{{code-compare}}\n```{{literalinclude}} a.go\n:language: go\n```\n\n"
        "```rust\nfn main() {{}}\n```\n````\n"
    )
    files: dict[str, str | bytes] = {
        "index.md": "# Home\n\n```{toctree}\none\ntwo\n```\n",
        "one.md": page.format(n="One"),
        "two.md": page.format(n="Two"),
        "b.csv": bench,
        "a.go": "package main\n",
    }
    built = hostile(files, "singlehtml")
    soup = BeautifulSoup(built.read("index.html"), "html.parser")
    ids = [tag["id"] for tag in soup.find_all(id=True)]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert duplicates == []
    assert sum("note-1" in i for i in ids) == 2


# -- class 11: math untouched ----------------------------------------------------------


def test_class_11_no_wbr_inside_math(hostile):
    cells = r"cloud/backend {math}`\mathrm{abcd/efgh}`"
    rows = [["x", cells, "b", "c", "d"]]
    built = hostile(
        {
            "index.md": "# W\n\n```{comparison-table}\n:file: w.csv\n```\n",
            "w.csv": csv_text([["A", "B", "C", "D", "E"], *rows]),
        }
    )
    soup = BeautifulSoup(built.read("index.html"), "html.parser")
    math = soup.select_one("span.math")
    assert math is not None and math.find("wbr") is None
    assert r"\mathrm{abcd/efgh}" in math.get_text()
    assert soup.find("wbr") is not None  # the prose still may break


# -- class 12: docutils' messages located ---------------------------------------------


def test_class_12_messages_from_a_cell_are_located(hostile):
    """#23 class 12: "Anonymous hyperlink mismatch" had no file or line."""
    page = (
        "Links\n=====\n\n.. comparison-table::\n   :file: a.csv\n\n"
        ".. comparison-table::\n   :headers: A | B\n\n   x | anon__ and `z`_\n\n"
        "A real `anonymous <https://example.org>`__ link.\n"
    )
    built = hostile(
        {"index.rst": page, "a.csv": csv_text([["A", "B"], ["x", "anon__ and `z`_"]])}
    )
    reported = warning_lines(built)
    assert not any("Anonymous hyperlink mismatch" in w for w in reported), reported
    anonymous = [w for w in reported if "anonymous link 'anon'" in w]
    assert [w.split(":")[1] for w in anonymous] == ["4", "10"], reported
    unknown = [w for w in reported if "'z' in a directive's text names a link" in w]
    assert [w.split(":")[1] for w in unknown] == ["4", "10"], reported
    html = built.read("index.html")
    assert 'href="https://example.org"' in html  # the page's own link is intact
    assert live_markup(html) == []


# -- class 13a: generated config files quote their values ------------------------------


def test_class_13a_latexmkrc_quotes_the_target_name(hostile):
    """#23 class 13a: a target name with ' made latexmkrc invalid Perl."""
    conf = (
        "latex_documents = [\n"
        "    ('index', \"it's\\\\'; system('touch pwned'); '.tex\",\n"
        "     'A', 'B', 'manual'),\n"
        "    ('other', 'other.tex', 'O', 'B', 'manual'),\n"
        "]\n"
    )
    built = hostile(
        {"index.md": "# A\n\n```{toctree}\nother\n```\n", "other.md": "# O\n"},
        "latex",
        conf=conf,
    )
    rc = (built.outdir / "latexmkrc").read_text("utf-8")
    line = next(x for x in rc.splitlines() if x.startswith("@default_files"))
    assert line.startswith(
        r"@default_files = ('it\'s\\\'; system(\'touch pwned\'); \'.tex');"
    )
    perl = shutil.which("perl")
    if perl:
        check = subprocess.run(
            [perl, "-e", line.split("#")[0] + " print $default_files[0];"],
            capture_output=True, text=True, check=True, cwd=built.outdir,
        )  # fmt: skip
        assert check.stdout == "it's\\'; system('touch pwned'); '.tex"
        assert not (built.outdir / "pwned").exists()
