"""Config mistakes in conf.py: one clear message each, never a traceback.

A ``versus_*`` value of the wrong type or out of range is one warning at its
line in ``conf.py`` — the setting, what was expected, what was given — and
the default is used instead, as Sphinx does for its own settings of the wrong
type; ``-W`` makes it fail the build.  A ``versus_*`` name the extension does
not define is a warning that suggests the closest real name.
"""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from sphinx_versus.config import CONFIG_VALUES

if TYPE_CHECKING:
    from collections.abc import Callable

ROOT = Path(__file__).resolve().parents[2]
DEFAULTS = {value.name: value.default for value in CONFIG_VALUES}
#: conftest's BASE_CONF is three lines; a setting appended to it is line 4.
LINE = 4
PAGE = {"index.md": "# Home\n"}

# (conf.py line, words the message must hold: setting, expectation, given value)
MISTAKES = {
    "languages-list": (
        'versus_languages = ["elixir"]',
        ["versus_languages", "expected a dict", "got a list", "['elixir']"],
    ),
    "languages-value": (
        'versus_languages = {"elixir": 1}',
        ["versus_languages", "'elixir'", "expected a str", "got an int", "1"],
    ),
    "languages-key": (
        'versus_languages = {1: "One"}',
        ["versus_languages", "key", "expected a str", "got an int"],
    ),
    "languages-empty-name": (
        'versus_languages = {"elixir": "  "}',
        ["versus_languages", "'elixir'", "empty"],
    ),
    "longtable-str": (
        'versus_table_longtable_rows = "20"',
        ["versus_table_longtable_rows", "expected an int", "got a str", "'20'"],
    ),
    "longtable-bool": (
        "versus_table_longtable_rows = True",
        ["versus_table_longtable_rows", "expected an int", "got a bool", "True"],
    ),
    "longtable-negative": (
        "versus_table_longtable_rows = -1",
        ["versus_table_longtable_rows", "from 0 to 1_000_000", "-1"],
    ),
    "max-bytes-zero": (
        "versus_data_max_bytes = 0",
        ["versus_data_max_bytes", "expected an int from 1 to", "got 0"],
    ),
    # Class 4 of #23: OverflowError and MemoryError, before.
    "max-bytes-huge": (
        "versus_data_max_bytes = 10**30",
        ["versus_data_max_bytes", "to 33_554_432 (bytes; 32 MiB)", "31 digits"],
    ),
    "max-bytes-64-gib": (
        "versus_data_max_bytes = 2**36",
        ["versus_data_max_bytes", "to 33_554_432", "got 68719476736"],
    ),
    "max-cells-huge": (
        "versus_table_max_cells = 10**9",
        ["versus_table_max_cells", "from 1 to 200_000", "got 1000000000"],
    ),
    "file-dirs-str": (
        'versus_file_dirs = "../snippets"',
        ["versus_file_dirs", "expected a list of folders", "got a str"],
    ),
    "data-file-assets-str": (
        'versus_data_file_assets = "yes"',
        ["versus_data_file_assets", "expected a bool", "got a str"],
    ),
    "latex-parts-str": (
        'versus_latex_parts = "yes"',
        ["versus_latex_parts", "expected a bool", "got a str", "'yes'"],
    ),
}


@pytest.mark.parametrize("case", list(MISTAKES))
def test_a_wrong_value_is_one_warning_and_the_default(
    build_site: Callable[..., Any], case: str
) -> None:
    line, words = MISTAKES[case]
    built = build_site(PAGE, conf=line + "\n", warnings_ok=True)
    warning = built.warnings.strip()
    name = line.split(" ", 1)[0]
    assert warning.count("\n") == 0, f"more than one line: {warning!r}"
    assert f"conf.py:{LINE}: WARNING: {name}: " in warning, warning
    for word in words:
        assert word in warning, f"{word!r} not in {warning!r}"
    assert f"using the default, {DEFAULTS[name]!r}" in warning, warning
    assert warning.endswith("[versus.config]"), warning
    assert getattr(built.app.config, name) == DEFAULTS[name]


def test_every_mistake_is_reported(build_site: Callable[..., Any]) -> None:
    conf = 'versus_languages = ["elixir"]\nversus_latex_parts = "yes"\n'
    warnings = build_site(PAGE, conf=conf, warnings_ok=True).warnings
    assert f"conf.py:{LINE}: WARNING: versus_languages: " in warnings
    assert f"conf.py:{LINE + 1}: WARNING: versus_latex_parts: " in warnings
    assert warnings.count("WARNING") == 2, warnings


def _sphinx_build(
    tmp_path: Path, conf: str, *options: str
) -> subprocess.CompletedProcess[str]:
    src = tmp_path / "src"
    src.mkdir(parents=True)
    (src / "conf.py").write_text(
        'extensions = ["sphinx_versus"]\n' + textwrap.dedent(conf), "utf-8"
    )
    (src / "index.rst").write_text("Home\n====\n", "utf-8")
    return subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-q", *options,
         str(src), str(tmp_path / "out")],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


@pytest.mark.parametrize("case", ["languages-list", "longtable-str"])
def test_sphinx_build_prints_no_traceback(tmp_path: Path, case: str) -> None:
    line, words = MISTAKES[case]
    lenient = _sphinx_build(tmp_path / "lenient", line + "\n")
    strict = _sphinx_build(tmp_path / "strict", line + "\n", "-W")
    assert lenient.returncode == 0, lenient.stderr
    assert strict.returncode != 0, strict.stderr
    for done in (lenient, strict):
        output = done.stdout + done.stderr
        assert "conf.py:2: WARNING: " in output, output
        for word in words:
            assert word in output, output
        for noise in ("Traceback", "Extension error", "report", "has type"):
            assert noise not in output, output


def test_valid_values_build_quietly(build_site: Callable[..., Any]) -> None:
    conf = """\
    versus_languages = {"elixir": "Elixir", "Console": "Terminal"}
    versus_table_longtable_rows = 0
    versus_latex_parts = False
    """
    built = build_site(PAGE, conf=conf)  # no warning
    assert built.app.config.versus_languages["Console"] == "Terminal"
    assert built.app.config.versus_table_longtable_rows == 0


@pytest.mark.parametrize(
    ("line", "suggestion"),
    [
        ('versus_language = {"elixir": "Elixir"}', "versus_languages"),
        ("versus_longtable_rows = 20", "versus_table_longtable_rows"),
        ("versus_latex_part = False", "versus_latex_parts"),
        ("versus_frobnicate = 1", None),
    ],
)
def test_an_unknown_setting_names_the_closest_one(
    build_site: Callable[..., Any], line: str, suggestion: str | None
) -> None:
    built = build_site(PAGE, conf=f"# a comment\n{line}\n", warnings_ok=True)
    warning = built.warnings
    name = line.split(" ", 1)[0]
    assert f"conf.py:{LINE + 1}:" in warning, warning  # after the comment
    assert f"unknown setting {name!r}" in warning, warning
    if suggestion:
        assert f"did you mean {suggestion!r}?" in warning, warning
    else:
        assert "did you mean" not in warning, warning
    assert "[versus.config]" in warning, warning
    assert warning.count("WARNING") == 1, warning


def test_the_config_reference_shows_what_the_build_reports(
    tmp_path: Path, make_app: Callable[..., Any]
) -> None:
    """The example on the configuration page, built, reports what it says."""
    page = (ROOT / "docs" / "writers-guide" / "config.md").read_text("utf-8")
    section = page.split("(ref-config-mistakes)=", 1)[1]
    blocks = dict(re.findall(r":caption: (\S+)\n\n(.*?)^```$", section, re.M | re.S))
    (tmp_path / "conf.py").write_text(blocks["conf.py"], "utf-8")
    (tmp_path / "index.rst").write_text("Home\n====\n", "utf-8")
    app = make_app("html", srcdir=tmp_path)
    app.build()
    reported = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue())
    reported = reported.replace(f"{tmp_path}/", "")
    assert reported.strip().splitlines() == blocks["Reported"].strip().splitlines()
