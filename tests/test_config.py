"""Config mistakes in conf.py: one clear message each, never a traceback.

A ``versus_*`` value of the wrong type or out of range stops the build with a
``ConfigError`` — "Configuration error:" and one line naming the setting, what
was expected and what was given — as Sphinx itself and sphinx.ext.intersphinx
do for a setting that cannot be used.  A ``versus_*`` name the extension does
not define is a warning that suggests the closest real name.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from typing import TYPE_CHECKING

import pytest
from sphinx.errors import ConfigError

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from conftest import Built

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
        ["versus_table_longtable_rows", "0 or more", "-1"],
    ),
    "latex-parts-str": (
        'versus_latex_parts = "yes"',
        ["versus_latex_parts", "expected a bool", "got a str", "'yes'"],
    ),
}


@pytest.mark.parametrize("case", list(MISTAKES))
def test_a_wrong_value_is_one_config_error(
    build_site: Callable[..., Built], case: str
) -> None:
    line, words = MISTAKES[case]
    with pytest.raises(ConfigError) as raised:
        build_site(PAGE, conf=line + "\n")
    message = str(raised.value)
    for word in words:
        assert word in message, f"{word!r} not in {message!r}"
    assert "\n" not in message.strip(), f"more than one line: {message!r}"


def test_every_mistake_is_reported_at_once(build_site: Callable[..., Built]) -> None:
    conf = 'versus_languages = ["elixir"]\nversus_latex_parts = "yes"\n'
    with pytest.raises(ConfigError) as raised:
        build_site(PAGE, conf=conf)
    message = str(raised.value)
    assert "versus_languages" in message
    assert "versus_latex_parts" in message


def _sphinx_build(tmp_path: Path, conf: str) -> subprocess.CompletedProcess[str]:
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        'extensions = ["sphinx_versus"]\n' + textwrap.dedent(conf), "utf-8"
    )
    (src / "index.rst").write_text("Home\n====\n", "utf-8")
    return subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-q", str(src),
         str(tmp_path / "out")],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


@pytest.mark.parametrize("case", ["languages-list", "longtable-str"])
def test_sphinx_build_prints_no_traceback(tmp_path: Path, case: str) -> None:
    line, words = MISTAKES[case]
    done = _sphinx_build(tmp_path, line + "\n")
    output = done.stdout + done.stderr
    assert done.returncode != 0
    assert "Configuration error:" in output, output
    for word in words:
        assert word in output, output
    for noise in ("Traceback", "Extension error", "report", "Exception occurred"):
        assert noise not in output, output


def test_valid_values_build_quietly(build_site: Callable[..., Built]) -> None:
    conf = """\
    versus_languages = {"elixir": "Elixir", "Console": "Terminal"}
    versus_table_longtable_rows = 0
    versus_latex_parts = False
    """
    build_site(PAGE, conf=conf)  # no warning, no error


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
    build_site: Callable[..., Built], line: str, suggestion: str | None
) -> None:
    built = build_site(PAGE, conf=f"# a comment\n{line}\n", warnings_ok=True)
    warning = built.warnings
    name = line.split(" ", 1)[0]
    # BASE_CONF is three lines long; the comment is line 4, the setting line 5.
    assert "conf.py:5:" in warning, warning
    assert f"unknown setting {name!r}" in warning, warning
    if suggestion:
        assert f"did you mean {suggestion!r}?" in warning, warning
    else:
        assert "did you mean" not in warning, warning
    assert "[versus.config]" in warning, warning
    assert warning.count("WARNING") == 1, warning
