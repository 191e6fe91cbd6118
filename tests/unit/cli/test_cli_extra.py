"""Without the ``cli`` extra, the command says what to install, not a traceback."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import pytest

from sphinx_versus.cli.__main__ import main

if TYPE_CHECKING:
    from pathlib import Path


def _without(monkeypatch: pytest.MonkeyPatch, *packages: str) -> None:
    """Make ``import package`` (and its submodules) fail as if not installed."""
    for name in [*sys.modules, *packages]:
        if name.split(".")[0] in packages:
            monkeypatch.setitem(sys.modules, name, None)
    # A subcommand another test already ran holds its imports: read it again.
    for name in list(sys.modules):
        if name.startswith(("sphinx_versus.cli.check", "sphinx_versus.cli.mdx")):
            monkeypatch.delitem(sys.modules, name)


@pytest.mark.parametrize(
    ("command", "missing"),
    [(["check"], ("markdown_it", "myst_parser")), (["import"], ("json5",))],
)
def test_a_missing_extra_is_a_message(
    command: list[str],
    missing: tuple[str, ...],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    page = tmp_path / ("page.md" if command == ["check"] else "page.mdx")
    page.write_text(
        '# Hi\n\n<ComparisonTable headers={["", "a"]} rows={[["x", "y"]]} />\n',
        "utf-8",
    )
    _without(monkeypatch, *missing)
    argv = [*command, str(page)]
    if command == ["import"]:
        argv += ["-o", str(tmp_path / "out")]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert f"sphinx-versus {command[0]}: needs " in err
    assert 'pip install "sphinx-versus[cli]"' in err


def test_another_missing_module_is_not_hidden(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "sphinx_versus.cli.check", None)
    with pytest.raises(ModuleNotFoundError):
        main(["check", "."])
