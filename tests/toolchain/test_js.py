"""The reader-side scripts type-check under ``// @ts-check`` (strict)."""

from __future__ import annotations

import subprocess

import pytest

from tests.paths import ROOT

SCRIPTS = sorted((ROOT / "ext" / "sphinx_versus" / "static").glob("*.js"))
TYPESCRIPT = "typescript@5"


@pytest.mark.toolchain
@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_script_type_checks(script, tmp_path, require_tool) -> None:
    npx = require_tool("npx", "apt-get install npm (Node.js)")
    assert script.read_text("utf-8").startswith("// @ts-check"), script
    result = subprocess.run(
        [
            npx, "--yes", "--package", TYPESCRIPT, "tsc", "--noEmit", "--strict",
            "--allowJs", "--checkJs", "--target", "es2020", "--lib", "es2020,dom",
            str(script),
        ],
        cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, f"{script.name}:\n{result.stdout}{result.stderr}"
