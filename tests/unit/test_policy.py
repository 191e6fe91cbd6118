"""The policies of ``sphinx_versus/policy/`` as pure functions, without a build.

Each rule's variants run here in milliseconds; the builds that show the
rules hold end to end are in ``tests/build/untrusted/test_trust_corpus.py``.
"""

from __future__ import annotations

import io
import logging
import time

import pytest

from sphinx_versus.book.latexmkrc import perl_quote
from sphinx_versus.config import CONFIG_VALUES
from sphinx_versus.datafiles import read_at_most
from sphinx_versus.locale import Message
from sphinx_versus.policy.budget import Budget, warning_budget
from sphinx_versus.policy.formatting import FormatProblem, safe_format
from sphinx_versus.policy.ids import page_id
from sphinx_versus.policy.paths import is_remote
from sphinx_versus.policy.tex import MAX_MATH_CHARS, math_problem

# -- class 2: TeX ---------------------------------------------------------------------

UNSAFE_MATH = [
    r"\input{/etc/passwd}",
    r"\include{x}",
    r"\openin5=x",
    r"\read5 to\x",
    r"\immediate\write18{rm -rf /}",
    r"\write18{id}",
    r"\catcode`\^=7",
    r"\def\x{y}",
    r"\edef\x{y}",
    r"\let\x\y",
    r"\csname input\endcsname{x}",
    r"\expandafter\x",
    r"\newcommand{\x}{y}",
    r"\directlua{os.execute('id')}",
    r"\special{x}",
    r"^^5cinput{x}",
    r"\text{\input{x}}",
    r"\frac{a}{\input{x}}",
    r"\begin{filecontents}{x}",
    r"\begin{ verbatim }",
    r"a % \)",
    r"\\%",
    r"\input@path",
    "\\",
    "x" * (MAX_MATH_CHARS + 1),
]
SAFE_MATH = [
    r"\frac{a}{b}",
    r"\alpha + \beta^2 \le \sqrt{x}",
    r"\sum_{i=1}^{n} i = \frac{n(n+1)}{2}",
    r"\mathrm{ms} \times 10^{3}",
    r"\left( \frac{1}{2} \right)",
    r"\begin{pmatrix} a & b \\ c & d \end{pmatrix}",
    r"50\% \, \text{faster}",
    r"O(n \log n)",
]


@pytest.mark.parametrize("math", UNSAFE_MATH)
def test_unsafe_math_is_refused(math):
    assert math_problem(math)


@pytest.mark.parametrize("math", SAFE_MATH)
def test_formulas_pass(math):
    assert math_problem(math) is None


# -- class 1: paths -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "target", "remote"),
    [
        ("download", "https://go.dev/x.zip", True),
        ("download", "javascript://%0aalert(1)", True),
        ("download", "http:x/../../secret.txt", False),  # no "//": a path
        ("download", "a?/../../secret.txt", False),
        ("download", "data:text/plain,x", False),
        ("image", "data:image/png;base64,AAAA", True),
        ("image", "mailto:x/../../secret.png", False),
    ],
)
def test_remote_exactly_as_sphinx_decides(kind, target, remote):
    assert is_remote(kind, target) is remote


# -- class 4: limits ------------------------------------------------------------------


class _Endless(io.RawIOBase):
    """A file that never ends: a read must stop at its limit by itself."""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        buffer[:] = b"x" * len(buffer)
        return len(buffer)


def test_reads_stream_and_stop_at_the_limit():
    """``read(limit + 1)`` allocated the whole limit: 2**36 was a MemoryError."""
    data = read_at_most(io.BufferedReader(_Endless()), 3 * 1024 * 1024 + 5)
    assert len(data) == 3 * 1024 * 1024 + 5
    assert read_at_most(io.BytesIO(b"short"), 2**36) == b"short"


@pytest.mark.parametrize(
    ("name", "value", "ok"),
    [
        ("versus_data_max_bytes", 10**30, False),
        ("versus_data_max_bytes", 2**36, False),
        ("versus_data_max_bytes", 32 * 1024 * 1024, True),
        ("versus_data_max_bytes", 0, False),
        ("versus_table_max_cells", 10**9, False),
        ("versus_table_max_cells", 200_000, True),
        ("versus_table_longtable_rows", -1, False),
        ("versus_file_dirs", ["../snippets"], True),
        ("versus_file_dirs", [""], False),
        ("versus_data_file_assets", 1, False),
    ],
)
def test_limits_have_sane_ranges(name, value, ok):
    (config,) = [c for c in CONFIG_VALUES if c.name == name]
    assert (config.check(value) is None) is ok


# -- class 5: translations ----------------------------------------------------------


@pytest.mark.parametrize(
    "template",
    [
        "{alt.__class__.__mro__}",
        "{alt[0]}",
        "{0}",
        "{}",
        "{missing}",
        "{alt!r}",
        "{alt:>30000000}",
        "{alt:>41}",
        "{alt:{alt}}",
        "{alt",
        "}",
    ],
)
def test_the_safe_formatter_refuses(template):
    start = time.monotonic()
    with pytest.raises(FormatProblem):
        safe_format(template, {"alt": "x"})
    assert time.monotonic() - start < 0.1


def test_the_safe_formatter_fills_names():
    assert safe_format("[{alt}] {alt:>5}|", {"alt": "ab"}) == "[ab]    ab|"


def test_a_broken_translation_falls_back_to_english(monkeypatch):
    import sphinx_versus.locale as versus_locale

    reported: list[tuple[str, str]] = []
    monkeypatch.setattr(
        versus_locale,
        "_report",
        lambda english, problem: reported.append((english, problem)),
    )
    message = Message("{names.__class__}", "The programs: {names}")
    assert message.format(names="a.go") == "The programs: a.go"
    assert reported and "not a plain name" in reported[0][1]
    with pytest.raises(TypeError):
        message.format("positional")


def test_the_extensions_own_message_is_checked_too():
    with pytest.raises(FormatProblem):
        Message("{x}").format(y=1)


# -- class 7: warning budget --------------------------------------------------------


def test_the_budget_passes_the_first_warnings_and_counts_the_rest():
    # a namespace of its own: Sphinx's handlers, left by other tests, rewrite
    # the records that pass through them
    logger = logging.getLogger("versus_budget_test.child")
    logger.setLevel(logging.INFO)
    root = logging.getLogger("versus_budget_test")
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    root.addHandler(handler)
    try:
        with warning_budget(3, "versus_budget_test") as budget:
            for n in range(10):
                logger.warning("w%d", n)
            logger.info("info passes")
    finally:
        root.removeHandler(handler)
    assert stream.getvalue().split() == ["w0", "w1", "w2", "info", "passes"]
    assert (budget.shown, budget.suppressed) == (3, 7)
    assert handler.filters == []


def test_one_record_through_two_handlers_counts_once():
    budget = Budget(1)
    record = logging.LogRecord("sphinx", logging.WARNING, "", 0, "m", (), None)
    assert budget.filter(record) and budget.filter(record)
    other = logging.LogRecord("sphinx", logging.WARNING, "", 0, "m", (), None)
    assert not budget.filter(other)


# -- classes 10 and 13a -------------------------------------------------------------


def test_ids_carry_their_page():
    assert page_id("guide/one", "table", 0, "note", 1) != page_id(
        "guide/two", "table", 0, "note", 1
    )
    assert page_id("guide/one", "programs", 1) == "versus-guide-one-programs-1"


@pytest.mark.parametrize(
    ("value", "quoted"),
    [
        ("plain.tex", "'plain.tex'"),
        ("it's.tex", r"'it\'s.tex'"),
        ("a\\'; system('x'); '", r"'a\\\'; system(\'x\'); \''"),
    ],
)
def test_perl_quote(value, quoted):
    assert perl_quote(value) == quoted
