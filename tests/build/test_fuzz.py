"""The fuzzer: hostile directive bodies, options and CSV files in real builds.

Hypothesis writes pages — MyST and reST — with every directive, options
and data files made of hostile strings (HTML tags, ``javascript:`` URLs,
event handlers, quotes, backslashes, pipes, roles, Jinja, deep JSON, figures
of any size, arbitrary bytes), builds each with one Sphinx app that is
rebuilt incrementally, and checks the policy of ``sphinx_versus/markup.py``:

- the build finishes, with no traceback and nothing on stderr's warnings;
- every warning is located (``file:line:``);
- nothing from the input is live in the HTML (no script, no handler, no
  ``javascript:`` address);
- every cell's text reaches the page (marker words put in every cell);
- a sentinel file planted beside the source tree (reachable by ``../``, a
  symlink and a symlinked folder) is in no output file;
- the page's size stays within ``SIZE_FACTOR`` times its input plus
  ``SIZE_BASE`` bytes, its build within ``SECONDS_BASE`` seconds plus
  ``SECONDS_PER_KB`` per KB of input;
- and, in the LaTeX build, no ``.tex`` holds a dangerous TeX primitive from
  the input (``tests/untrusted_checks.py``).

Generators for #23: paths as an attacker writes them (queries, fragments,
scheme-like prefixes, percent-escapes, backslashes, links), math (TeX
primitives and the tricks around a scanner), translations (templates for
the safe formatter) and sizes (long headers × many rows).

``make test`` runs the "ci" profile (a few dozen pages, about a minute);
``make fuzz`` the "long" one (``VERSUS_FUZZ=long``), with statistics.
Failures it finds are kept as ordinary tests in ``tests/build/test_untrusted.py``.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import os
import re
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sphinx.testing.util import SphinxTestApp

from sphinx_versus.benchmarks.data import BenchmarkDataError, parse_benchmarks
from sphinx_versus.benchmarks.numbers import ValueFormatError, parse_value
from sphinx_versus.comparison.rows import RowError, parse_json_rows, parse_pipe_rows
from sphinx_versus.datafiles import DataFileError, read_csv
from sphinx_versus.policy.formatting import MAX_WIDTH, FormatProblem, safe_format
from tests.untrusted_checks import (
    DANGEROUS_PRIMITIVES,
    live_markup,
    tex_from_data,
    unlocated,
    visible_text,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

_PHASES = [Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink]
#: What every profile shares: real builds are slow, and a page is big data.
_COMMON = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}
settings.register_profile("ci", max_examples=20, phases=_PHASES, **_COMMON)
settings.register_profile("long", max_examples=1000, phases=_PHASES, **_COMMON)
# No shrinking: the first failure, at once.
settings.register_profile(
    "debug",
    max_examples=40,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    **_COMMON,
)
#: Build tests: pages per test.  Pure parsers get ten times as many.
BUILDS = settings.get_profile(os.environ.get("VERSUS_FUZZ", "ci"))
PURE = settings(BUILDS, max_examples=BUILDS.max_examples * 10)
#: The slower builds of #23's generators (LaTeX, big tables): a quarter.
SLOW = settings(BUILDS, max_examples=max(4, BUILDS.max_examples // 4))

#: Planted beside the source tree; no output file may hold it.
SENTINEL = b"VERSUS-FUZZ-SENTINEL-5d1e"
#: Every TeX payload names it, so the .tex check knows what came from data.
MARK = "versusfuzzmark"
#: The stated bounds: output bytes <= SIZE_FACTOR x input + SIZE_BASE; build
#: seconds <= SECONDS_BASE + SECONDS_PER_KB x input KB (a loaded CI machine).
SIZE_FACTOR = 120
SIZE_BASE = 150_000
SECONDS_BASE = 20.0
SECONDS_PER_KB = 0.05

CONF = """\
extensions = ["myst_parser", "sphinx_versus"]
myst_enable_extensions = ["colon_fence", "substitution", "attrs_inline", "deflist"]
myst_substitutions = {"known": "substituted"}
exclude_patterns = ["_build", "vault"]
smartquotes = False
suppress_warnings = ["misc.highlighting_failure"]
versus_data_file_assets = True
"""

# -- what the pages are made of -------------------------------------------------

_ANSI = re.compile(r"\x1b\[[0-9;]*m")
#: Characters that end a line for Python, docutils or markdown-it.
_NEWLINES = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
#: Jinja that would leave a trace if MyST ever evaluated it.
_TRACE = "VERSUS_FUZZ_TRACE"

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "<svg onload=alert(1)>",
    "<iframe src=javascript:alert(1)></iframe>",
    "<style>*{color:red}</style>",
    "<meta http-equiv=refresh content=0>",
    '" onmouseover="alert(1)',
    "' onfocus='alert(1)",
    "javascript:alert(1)",
    "JaVa\tScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    "<javascript:alert(1)>",
    "[x](data:text/html;base64,PHNjcmlwdD4=)",
    "`x <javascript:alert(1)>`_",
    "`y <vbscript:msgbox(1)>`__",
    "javascript:alert(1)_",
    "![i](../../../../etc/hostname)",
    "{download}`../../../../etc/hostname`",
    "{download}`x <javascript://%0aalert(1)>`",
    ":download:`x <javascript://%0aalert(1)>`",
    ":download:`../../../../etc/hostname`",
    "[f](../../../../etc/hostname)",
    ":raw-html:`<script>alert(1)</script>`",
    "{raw-html}`<b>x</b>`",
    "[span]{onclick=alert(1) #id .cls}",
    "{{ cycler.__init__.__globals__.os.environ.__setitem__('" + _TRACE + "', '1') }}",
    "<b title='`'>{{ cycler.__init__.__globals__.os.environ.__setitem__('"
    + _TRACE
    + "', '2') }}<b title='`'>",
    "`{{ 7*7 }}`",
    "{{ 7*7 }}",
    "{{ env.srcdir }}",
    "{{known}}",
    "|sub|",
    "**bold**",
    "*em*",
    "``code``",
    "`code`",
    "{sub}`2`",
    ":sup:`2`",
    "\\",
    "\\|",
    "\\\\|",
    "&lt;script&gt;",
    "&#106;avascript:alert(1)",
    "%3Cscript%3E",
    "Option<T>",
    "Result<T, E>",
    "a || b",
    "1e27",
    "1e1000000",
    "~0.000000000000001",
    "---",
    ":---:",
    "[[",
    "]]",
    "{[",
    "“smart” ‘quotes’",
    "😀 解析",
    "\u202e\u200b\ufeff",
]

marker_words = st.from_regex(r"[a-z]{2}[0-9]{5}", fullmatch=True)
plain_text = st.text(
    st.characters(
        exclude_categories=("Cs",),
        exclude_characters="\0{}" + _NEWLINES,
    ),
    max_size=12,
)
tokens = st.one_of(st.sampled_from(HOSTILE), plain_text)
#: Text of the page itself (a code block's caption inside a code-compare is
#: parsed by Sphinx's code-block, as anywhere on the page): MyST's own rules
#: apply, Jinja included, so no Jinja here.
page_tokens = st.one_of(
    st.sampled_from([h for h in HOSTILE if "{{" not in h]), plain_text
)


@st.composite
def cell(draw: st.DrawFn, parts: st.SearchStrategy[str] = tokens) -> tuple[str, str]:
    """A cell's text and the marker word it must show."""
    marker = draw(marker_words)
    before = draw(st.lists(parts, max_size=2))
    after = draw(st.lists(parts, max_size=2))
    return " ".join([*before, marker, *after]).strip(), marker


def option_text() -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(HOSTILE), plain_text).map(str.strip)


# -- the site: one app, one new page per example ---------------------------------


@dataclass
class Site:
    app: SphinxTestApp
    srcdir: Path
    counter: Iterator[int] = field(default_factory=itertools.count)
    written: list[Path] = field(default_factory=list)

    def build(self, page: str, suffix: str, files: dict[str, bytes]) -> Page:
        os.environ.pop(_TRACE, None)
        for path in self.written:
            path.unlink(missing_ok=True)
        self.written.clear()
        number = next(self.counter)
        name = f"p{number}"
        files = {f"{name}{suffix}": page.encode(), **files}
        for rel, data in files.items():
            path = self.srcdir / rel.replace("{n}", str(number))
            path.write_bytes(data.replace(b"{n}", str(number).encode()))
            self.written.append(path)
        start_warnings = len(self.app.warning.getvalue())
        start_status = len(self.app.status.getvalue())
        started = time.monotonic()
        with warnings.catch_warnings(record=True) as python:
            warnings.simplefilter("always")
            self.app.build()
        seconds = time.monotonic() - started
        outdir = Path(self.app.outdir)
        published = [outdir / f"{name}.html"]
        published += [
            p for d in ("_downloads", "_images") for p in (outdir / d).rglob("*")
        ]
        leaks = [
            str(p) for p in published if p.is_file() and SENTINEL in p.read_bytes()
        ]
        return Page(
            html=(self.app.outdir / f"{name}.html").read_text("utf-8"),
            warnings=_ANSI.sub("", self.app.warning.getvalue()[start_warnings:]),
            status=_ANSI.sub("", self.app.status.getvalue()[start_status:]),
            python=[str(w.message) for w in python],
            leaks=leaks,
            seconds=seconds,
            input_bytes=sum(len(d) for d in files.values()),
        )


@dataclass
class Page:
    html: str
    warnings: str
    status: str
    python: list[str]
    leaks: list[str] = field(default_factory=list)
    seconds: float = 0.0
    input_bytes: int = 0

    def check(self, markers: list[str], *, images: bool = False) -> None:
        """The policy, for any input (*images*: the writer allows them)."""
        log = self.status + self.warnings
        assert "Traceback" not in log and "Exception occurred" not in log, log
        assert unlocated(self.warnings) == [], self.warnings
        assert self.leaks == [], "a file from outside the source tree is published"
        assert len(self.html) <= SIZE_FACTOR * self.input_bytes + SIZE_BASE, (
            len(self.html),
            self.input_bytes,
        )
        assert self.seconds <= SECONDS_BASE + SECONDS_PER_KB * self.input_bytes / 1024
        assert [w for w in self.python if "Glyph" in w or "font" in w] == []
        assert live_markup(self.html, images=images) == [], self.warnings
        assert _TRACE not in os.environ, "MyST evaluated a Jinja expression"
        text = visible_text(self.html)
        missing = [m for m in markers if m not in text]
        assert missing == [], (missing, self.warnings)


def _plant(base: Path) -> Path:
    """A source tree with a sentinel beside it, a symlink to it and a
    symlinked folder that holds it."""
    srcdir = base / "src"
    srcdir.mkdir()
    (base / "secret.txt").write_bytes(SENTINEL)
    (base / "secret.png").write_bytes(SENTINEL)
    (base / "vault").mkdir()
    (base / "vault" / "secret.txt").write_bytes(SENTINEL)
    (srcdir / "link.txt").symlink_to(base / "secret.txt")
    (srcdir / "linkdir").symlink_to(base / "vault")
    (srcdir / "inside.txt").write_text("inside", "utf-8")
    (srcdir / "conf.py").write_text(CONF, "utf-8")
    (srcdir / "index.md").write_text("# Fuzz\n", "utf-8")
    return srcdir


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    srcdir = _plant(tmp_path_factory.mktemp("fuzz"))
    app = SphinxTestApp(
        "html", srcdir=srcdir, status=io.StringIO(), warning=io.StringIO()
    )
    app.build()
    yield Site(app, srcdir)
    app.cleanup()


@pytest.fixture(scope="module")
def latex_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SphinxTestApp]:
    """A LaTeX build whose root page each example rewrites (the book holds
    only the root's toctree, so the page must be the root)."""
    srcdir = _plant(tmp_path_factory.mktemp("fuzz-latex"))
    conf = CONF.replace('"deflist"]', '"deflist", "dollarmath"]')
    (srcdir / "conf.py").write_text(conf, "utf-8")
    app = SphinxTestApp(
        "latex", srcdir=srcdir, status=io.StringIO(), warning=io.StringIO()
    )
    yield app
    app.cleanup()


# -- writing directives in either language -----------------------------------------


def _fence(content: str) -> str:
    """A MyST tilde fence longer than any run of tildes in *content*."""
    longest = max((len(m) for m in re.findall("~+", content)), default=0)
    return "~" * max(3, longest + 1)


def _yaml(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def directive(
    myst: bool, name: str, argument: str, options: dict[str, str], body: list[str]
) -> str:
    if not myst and argument.startswith(":"):
        argument = "\\" + argument  # else reST reads the argument as an option
    argument = f" {argument}" if argument else ""
    if myst:
        # Quoted, so that MyST's YAML reads any value as the string it is.
        head = "".join(f":{k}: {_yaml(v)}\n" for k, v in options.items())
        text = head + ("\n" + "\n".join(body) + "\n" if body else "")
        fence = _fence(text + argument)
        return f"{fence}{{{name}}}{argument}\n{text}{fence}\n\n"
    head = "".join(f"   :{k}: {v}\n" for k, v in options.items())
    content = "".join(f"   {line}\n" if line else "\n" for line in body)
    return f".. {name}::{argument}\n{head}" + (f"\n{content}" if body else "") + "\n"


def page(myst: bool, *directives: str) -> tuple[str, str]:
    if myst:
        return "---\norphan: true\n---\n# Fuzz\n\n" + "".join(directives), ".md"
    prolog = (
        ":orphan:\n\nFuzz\n====\n\n.. role:: raw-html(raw)\n   :format: html\n\n"
        ".. |sub| replace:: substituted\n\n"
    )
    return prolog + "".join(directives), ".rst"


def pipe_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|")


def csv_bytes(rows: list[list[str]]) -> bytes:
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode()


options_comparison = st.fixed_dictionaries(
    {},
    optional={
        "name": option_text(),
        "class": option_text(),
        "align": st.one_of(st.sampled_from(["left", "center", "right"]), option_text()),
        "widths": st.one_of(
            st.just("auto"),
            st.lists(st.integers(1, 10**12), min_size=1, max_size=4).map(
                lambda ws: " ".join(map(str, ws))
            ),
            option_text(),
        ),
    },
)


# -- the build properties -------------------------------------------------------------


@BUILDS
@given(
    myst=st.booleans(),
    title=st.one_of(st.none(), cell()),
    header=st.lists(cell(), min_size=1, max_size=4),
    rows=st.lists(st.lists(cell(), min_size=1, max_size=5), min_size=1, max_size=4),
    form=st.sampled_from(["pipes", "json", "csv", "bytes"]),
    options=options_comparison,
    junk=st.binary(max_size=200),
)
def test_comparison_table(site, myst, title, header, rows, form, options, junk):
    markers = [m for _, m in header] + [m for row in rows for _, m in row]
    texts = [[t for t, _ in row] for row in rows]
    heads = [t for t, _ in header]
    files: dict[str, bytes] = {}
    body: list[str] = []
    opts = dict(options)
    if form == "pipes":
        opts["headers"] = json.dumps(heads, ensure_ascii=False)
        body = [" | ".join(pipe_cell(c) for c in row) for row in texts]
    elif form == "json":
        opts["headers"] = json.dumps(heads, ensure_ascii=False)
        body = [json.dumps(texts, ensure_ascii=False, indent=1)]
        body = body[0].splitlines()
    else:
        opts["file"] = "d{n}.csv"
        data = csv_bytes([heads, *texts])
        if form == "bytes":
            data, markers = data[: len(junk)] + junk, []
        files["d{n}.csv"] = data
    argument = title[0] if title else ""
    if title:
        markers.append(title[1])
    source, suffix = page(
        myst, directive(myst, "comparison-table", argument, opts, body)
    )
    site.build(source, suffix, files).check(markers)


#: Figures as a spreadsheet or a CI job might write them, sane or not.
FIGURES = (
    "", "~2", "0.8", "150K", "1.5M", "2G", "150,000", "1-2", "2–1", "0", "1e27",
    "1e-13", "1e1000000", "1e-1000000", "9e999999G", "1e15", "1e-12", "about 2",
    "NaN", "inf", "-1", "1e", "..5",
)  # fmt: skip
values = st.one_of(
    st.decimals(min_value=0, max_value=10**16, allow_nan=False, places=3).map(str),
    st.sampled_from(FIGURES),
    plain_text,
)


@BUILDS
@given(
    myst=st.booleans(),
    systems=st.lists(cell(), min_size=2, max_size=3),
    rows=st.lists(
        st.tuples(cell(), option_text(), st.sampled_from(["higher", "lower", "x"])),
        min_size=1,
        max_size=4,
    ),
    figures=st.lists(values, min_size=12, max_size=12),
    extra=st.lists(cell(), min_size=2, max_size=2),
    which=st.sampled_from(["benchmark-table", "benchmark-chart"]),
    caption=st.one_of(st.none(), cell()),
    alt=st.one_of(st.none(), option_text()),
    pick=st.one_of(st.none(), st.lists(option_text(), max_size=3)),
    junk=st.one_of(st.none(), st.binary(max_size=200)),
)
def test_benchmark_directives(
    site, myst, systems, rows, figures, extra, which, caption, alt, pick, junk
):
    names = [t for t, _ in systems]
    head = ["workload", "unit", "better", *names, "source", "notes"]
    table = [head]
    for index, ((workload, _), unit, better) in enumerate(rows):
        own = figures[index * 3 : index * 3 + len(names)]
        table.append([workload, unit, better, *own, extra[0][0], extra[1][0]])
    data = csv_bytes(table) if junk is None else junk
    opts: dict[str, str] = {}
    if caption:
        opts["caption"] = caption[0]
    if alt and which == "benchmark-chart":
        opts["alt"] = alt
    if pick is not None:
        opts["systems"] = ", ".join(pick)
    source, suffix = page(myst, directive(myst, which, "d{n}.csv", opts, []))
    result = site.build(source, suffix, {"d{n}.csv": data})
    markers = [caption[1]] if caption else []
    if "[versus.benchmark]" not in result.warnings and junk is None:
        # Built: every workload is on the page (a chart's in its text
        # alternative, unless the writer gave their own), and in a table
        # every cell.
        if which == "benchmark-table":
            markers += [m for (_, m), _, _ in rows]
            markers += [m for _, m in systems] + [m for _, m in extra]
        elif "alt" not in opts:
            markers += [m for (_, m), _, _ in rows]
    result.check(markers)


@BUILDS
@given(
    myst=st.booleans(),
    title=st.one_of(st.none(), cell()),
    blocks=st.lists(
        st.tuples(
            st.one_of(st.sampled_from(["go", "rust", "python", ""]), option_text()),
            st.one_of(st.none(), cell(page_tokens)),
            plain_text,
        ),
        min_size=1,
        max_size=3,
    ),
    layout=st.one_of(
        st.none(), st.sampled_from(["tabs", "side-by-side"]), option_text()
    ),
)
def test_code_compare(site, myst, title, blocks, layout):
    markers = [title[1]] if title else []
    inner = []
    for language, caption, code in blocks:
        opts = {"caption": caption[0]} if caption else {}
        if caption:
            markers.append(caption[1])
        lang = "".join(language.split()) or "text"  # code-block takes one word
        inner.append(directive(myst, "code-block", lang, opts, [code or "x"]))
    body = "\n".join(inner).splitlines()
    opts = {"layout": layout} if layout else {}
    argument = title[0] if title else ""
    source, suffix = page(myst, directive(myst, "code-compare", argument, opts, body))
    site.build(source, suffix, {}).check(markers)


# -- the pure parsers, many more examples -------------------------------------------


@PURE
@given(st.text(st.characters(exclude_categories=("Cs",)), max_size=300))
def test_rows_parsers_fail_only_with_located_errors(text):
    try:
        parse_json_rows(text)
    except RowError as exc:
        assert exc.line is None or exc.line >= 1
    parse_pipe_rows(text.splitlines())


nested = st.recursive(
    st.text(max_size=5),
    lambda inner: st.lists(inner, min_size=1, max_size=3),
    max_leaves=30,
)


@PURE
@given(nested, st.integers(0, 2_000))
def test_json_of_any_shape_and_depth(value, depth):
    text = "[" * depth + json.dumps(value) + "]" * depth
    try:
        rows = parse_json_rows(text)
    except RowError as exc:
        assert exc.reason
    else:
        assert all(isinstance(c, str) for row in rows for c in row.cells)


@PURE
@given(st.one_of(values, st.text(max_size=40)))
def test_values_parse_or_fail_with_a_message(text):
    try:
        parse_value(text)
    except ValueFormatError as exc:
        assert str(exc)


@PURE
@given(st.binary(max_size=400))
def test_data_files_of_any_bytes(data):
    try:
        read_csv(data)
    except DataFileError as exc:
        assert exc.reason
    try:
        parse_benchmarks(data)
    except BenchmarkDataError as exc:
        assert exc.problems


# -- #23: paths, math, translations, sizes -------------------------------------------

#: What an attacker puts before ``../``: Sphinx resolves the whole target.
PATH_PREFIXES = ["", "a?/", "a#/", "http:x/", "mailto:x/", "x:/", "/", "sub/", "./"]
PATH_ENDS = ["secret.txt", "secret.png", "link.txt", "linkdir/secret.txt", "inside.txt"]
#: Spellings Sphinx does not decode, which must not be decoded here either.
PATH_SPELLINGS = ["", "%2e%2e/", "..%2F", "..\\", "..\\..\\"]

path_targets = st.builds(
    lambda prefix, ups, spelling, end: prefix + "../" * ups + spelling + end,
    st.sampled_from(PATH_PREFIXES),
    st.integers(0, 3),
    st.sampled_from(PATH_SPELLINGS),
    st.sampled_from(PATH_ENDS),
)


def path_markup(myst: bool, form: str, target: str) -> str:
    if form == "download":
        return f"{{download}}`{target}`" if myst else f":download:`{target}`"
    if form == "image":
        return f"![i]({target})" if myst else f"`x <{target}>`_"
    return f"[l]({target})" if myst else f"`l <{target}>`__"


@SLOW
@given(
    myst=st.booleans(),
    targets=st.lists(
        st.tuples(path_targets, st.sampled_from(["download", "image", "link"])),
        min_size=1,
        max_size=6,
    ),
    where=st.sampled_from(["csv", "pipes", "notes"]),
)
def test_paths_never_publish_the_sentinel(site, myst, targets, where):
    """Class 1 of #23: any target, as Sphinx resolves it, stays inside."""
    cells = [path_markup(myst, form, target) for target, form in targets]
    files: dict[str, bytes] = {}
    if where == "csv":
        files["d{n}.csv"] = csv_bytes(
            [["A", "B"], *[[f"r{i}", c] for i, c in enumerate(cells)]]
        )
        body = directive(myst, "comparison-table", "", {"file": "d{n}.csv"}, [])
    elif where == "notes":
        rows = [["w", "ms", "lower", "2", "1", c, c] for c in cells]
        files["d{n}.csv"] = csv_bytes(
            [["workload", "unit", "better", "Go", "Rust", "source", "notes"], *rows]
        )
        body = directive(myst, "benchmark-table", "d{n}.csv", {}, [])
    else:
        body = directive(
            myst, "comparison-table", "", {"headers": "A | B"},
            [f"r{i} | {pipe_cell(c)}" for i, c in enumerate(cells)],
        )  # fmt: skip
    source, suffix = page(myst, body)
    site.build(source, suffix, files).check([], images=True)


#: Math that reads, writes, runs or redefines, each naming MARK.
TEX_TRICKS = ["^^5c", "%", "\\", "{", "}", "\\endcsname", " ", "\\text{", "$"]
tex_payloads = st.one_of(
    st.builds(
        lambda name, trick: f"\\{name}{trick}{{{MARK}}}",
        st.sampled_from(DANGEROUS_PRIMITIVES),
        st.sampled_from(["", " ", "18", "5=", "\\x"]),
    ),
    st.builds(
        lambda name: f"^^5c{name}{{{MARK}}}", st.sampled_from(DANGEROUS_PRIMITIVES)
    ),
    st.lists(
        st.one_of(
            st.sampled_from(TEX_TRICKS),
            st.sampled_from(DANGEROUS_PRIMITIVES).map(lambda n: "\\" + n),
            st.sampled_from(["\\frac{a}{b}", "\\alpha", "x^2", "\\sqrt{2}"]),
        ),
        max_size=6,
    ).map(lambda parts: "".join(parts) + MARK),
)


def math_markup(myst: bool, tex: str, dollar: bool) -> str:
    if myst:
        return f"${tex}$" if dollar else f"{{math}}`{tex}`"
    return f":math:`{tex}`"


@SLOW
@given(
    myst=st.booleans(),
    payloads=st.lists(st.tuples(tex_payloads, st.booleans()), min_size=1, max_size=5),
    where=st.sampled_from(["csv", "json", "notes", "caption"]),
)
def test_no_tex_from_data_reaches_latex(latex_site, myst, payloads, where):
    """Class 2 of #23: math from data is checked before LaTeX sees it."""
    cells = [math_markup(myst, tex, dollar) for tex, dollar in payloads]
    srcdir = Path(latex_site.srcdir)
    for stale in ("index.md", "index.rst"):
        (srcdir / stale).unlink(missing_ok=True)
    if where in ("csv", "notes"):
        rows = [["w", "ms", "lower", "2", "1", c, c] for c in cells]
        data = (
            csv_bytes(
                [["workload", "unit", "better", "Go", "Rust", "source", "notes"], *rows]
            )
            if where == "notes"
            else csv_bytes([["A", "B"], *[[f"r{i}", c] for i, c in enumerate(cells)]])
        )
        (srcdir / "d.csv").write_bytes(data)
        name = "benchmark-table" if where == "notes" else "comparison-table"
        argument = "d.csv" if where == "notes" else ""
        opts = {} if where == "notes" else {"file": "d.csv"}
        body = directive(myst, name, argument, opts, [])
    elif where == "json":
        rows = json.dumps([[f"r{i}", c] for i, c in enumerate(cells)])
        body = directive(myst, "comparison-table", "", {"headers": "A | B"}, [rows])
    else:
        (srcdir / "d.csv").write_bytes(
            csv_bytes(
                [
                    ["workload", "unit", "better", "Go", "Rust"],
                    ["w", "ms", "lower", "2", "1"],
                ]
            )
        )
        body = directive(
            myst, "benchmark-table", "d.csv", {"caption": " ".join(cells)}, []
        )
    text, suffix = page(myst, body)
    text = text.replace(":orphan:\n\n", "").replace("---\norphan: true\n---\n", "")
    (srcdir / f"index{suffix}").write_text(text, "utf-8")
    start = len(latex_site.warning.getvalue())
    latex_site.build(force_all=True)
    log = _ANSI.sub("", latex_site.warning.getvalue()[start:])
    assert "Traceback" not in log, log
    assert unlocated(log) == [], log
    tex = "\n".join(p.read_text("utf-8") for p in Path(latex_site.outdir).glob("*.tex"))
    assert tex_from_data(tex, MARK) == [], log
    assert SENTINEL.decode() not in tex


@PURE
@given(
    template=st.text(
        st.sampled_from("{}[]!:>.<^0123456789abx_ ") | st.characters(), max_size=40
    ),
    value=st.text(max_size=20),
)
def test_translations_are_filled_safely(template, value):
    """Class 5 of #23: any catalogue entry is refused or filled, fast and small."""
    start = time.monotonic()
    try:
        out = safe_format(template, {"alt": value, "x": value})
    except FormatProblem as exc:
        assert str(exc)
    else:
        fields = template.count("{")
        assert len(out) <= len(template) + fields * (len(value) + MAX_WIDTH)
    assert time.monotonic() - start < 0.5


@SLOW
@given(
    rows=st.integers(1, 150),
    columns=st.integers(2, 8),
    header=st.integers(1, 3_000),
    cell=st.integers(0, 200),
    myst=st.booleans(),
)
def test_output_grows_with_the_input_not_with_headers_times_rows(
    site, rows, columns, header, cell, myst
):
    """Class 6 of #23: a 432 KB CSV gave a 157 MB page."""
    heads = [f"h{c} " + "w" * header for c in range(columns)]
    body = [[f"r{r}", *("c" * cell for _ in range(columns - 1))] for r in range(rows)]
    data = csv_bytes([heads, *body])
    source, suffix = page(
        myst, directive(myst, "comparison-table", "", {"file": "d{n}.csv"}, [])
    )
    site.build(source, suffix, {"d{n}.csv": data}).check([])
