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
- every cell's text reaches the page (marker words put in every cell).

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
import warnings
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sphinx.testing.util import SphinxTestApp

from sphinx_versus.benchmarks.data import BenchmarkDataError, parse_benchmarks
from sphinx_versus.benchmarks.numbers import ValueFormatError, parse_value
from sphinx_versus.comparison.rows import RowError, parse_json_rows, parse_pipe_rows
from sphinx_versus.datafiles import DataFileError, read_csv
from tests.untrusted_checks import live_markup, unlocated, visible_text

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

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

CONF = """\
extensions = ["myst_parser", "sphinx_versus"]
myst_enable_extensions = ["colon_fence", "substitution", "attrs_inline", "deflist"]
myst_substitutions = {"known": "substituted"}
exclude_patterns = ["_build"]
smartquotes = False
suppress_warnings = ["misc.highlighting_failure"]
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
        with warnings.catch_warnings(record=True) as python:
            warnings.simplefilter("always")
            self.app.build()
        return Page(
            html=(self.app.outdir / f"{name}.html").read_text("utf-8"),
            warnings=_ANSI.sub("", self.app.warning.getvalue()[start_warnings:]),
            status=_ANSI.sub("", self.app.status.getvalue()[start_status:]),
            python=[str(w.message) for w in python],
        )


@dataclass
class Page:
    html: str
    warnings: str
    status: str
    python: list[str]

    def check(self, markers: list[str]) -> None:
        """The policy, for any input."""
        log = self.status + self.warnings
        assert "Traceback" not in log and "Exception occurred" not in log, log
        assert unlocated(self.warnings) == [], self.warnings
        assert [w for w in self.python if "Glyph" in w or "font" in w] == []
        assert live_markup(self.html) == [], self.warnings
        assert _TRACE not in os.environ, "MyST evaluated a Jinja expression"
        text = visible_text(self.html)
        missing = [m for m in markers if m not in text]
        assert missing == [], (missing, self.warnings)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    srcdir = tmp_path_factory.mktemp("fuzz") / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(CONF, "utf-8")
    (srcdir / "index.md").write_text("# Fuzz\n", "utf-8")
    app = SphinxTestApp(
        "html", srcdir=srcdir, status=io.StringIO(), warning=io.StringIO()
    )
    app.build()
    yield Site(app, srcdir)
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
