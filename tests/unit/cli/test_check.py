"""``sphinx-versus check``: each silent mistake reported at its line.

The writer's guide shows every case with the exact output; those examples are
run here, so the page and the program cannot drift apart.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from sphinx_versus.cli.__main__ import main
from sphinx_versus.cli.check import check
from tests.paths import DOCS, ROOT

PAGE = DOCS / "writers-guide" / "command-line.md"
_CAPTIONED = re.compile(
    r"^(?P<fence>`{3,})\{code-block\} \S+\n:caption: (?P<caption>[^\n]+)\n\n"
    r"(?P<body>.*?)^(?P=fence)$",
    re.M | re.S,
)


def _cases() -> list[tuple[str, dict[str, str]]]:
    text = PAGE.read_text(encoding="utf-8")
    section = text.split("(writers-cli-silent)=", 1)[1]
    cases = []
    for part in re.split(r"^### ", section, flags=re.M)[1:]:
        blocks = {m["caption"]: m["body"] for m in _CAPTIONED.finditer(part)}
        if "example.md" in blocks:
            cases.append((part.splitlines()[0], blocks))
    return cases


CASES = _cases()


def test_the_catalogue_has_every_silent_mistake() -> None:
    kinds = {
        m.group(1)
        for _, blocks in CASES
        for m in re.finditer(r"versus\.check\.(\w+)", blocks["Checked"])
    }
    assert kinds >= {
        "fence", "title", "dash", "number", "footnote", "directive", "option",
        "system", "language", "wrap", "link",
    }, kinds  # fmt: skip


@pytest.mark.parametrize(("title", "blocks"), CASES, ids=[t for t, _ in CASES])
def test_catalogue_example_is_reported_as_the_page_says(
    tmp_path: Path, title: str, blocks: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "conf.py").write_text("", "utf-8")
    names = [n for n in blocks if n != "Checked"]
    for name in names:
        (tmp_path / name).write_text(blocks[name], "utf-8")
    monkeypatch.chdir(tmp_path)
    printed = [str(p) for p in check([Path(n) for n in names])]
    assert printed == blocks["Checked"].strip().splitlines()


def test_the_site_is_clean_and_checked_in_under_three_seconds() -> None:
    """CPU seconds, interpreter start included: on a loaded machine the wall
    clock measures the other processes (on an idle one the two agree)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    ran = subprocess.run(
        [sys.executable, "-m", "sphinx_versus.cli", "check", "docs/"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    elapsed = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    assert (ran.returncode, ran.stdout, ran.stderr) == (0, "", "")
    assert elapsed < 3.0, f"check docs/ took {elapsed:.2f} s"


def test_exit_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.md"
    page.write_text("# Fine\n\nNothing wrong.\n", "utf-8")
    assert main(["check", str(page)]) == 0
    page.write_text("# Broken\n\n```{code-compare}\n", "utf-8")
    assert main(["check", str(page)]) == 1
    assert f"{page}:3:1: versus.check.fence:" in capsys.readouterr().out
    assert main(["check", str(tmp_path / "missing")]) == 2


def _snippet_site(tmp_path: Path, recorded: str | None) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "conf.py").write_text("", "utf-8")
    go = tmp_path / "snippets" / "go" / "hello" / "main.go"
    go.parent.mkdir(parents=True)
    go.write_text("package main\n", "utf-8")
    stamp = {} if recorded is None else {"go/hello/main.go": recorded}
    (tmp_path / "snippets" / "VERIFIED.json").write_text(json.dumps(stamp), "utf-8")
    page = tmp_path / "docs" / "page.md"
    page.write_text(
        "# Page\n\n```{literalinclude} /../snippets/go/hello/main.go\n"
        ":language: go\n```\n",
        "utf-8",
    )
    return page


def test_a_sample_changed_since_it_was_verified_is_reported(tmp_path: Path) -> None:
    page = _snippet_site(tmp_path, recorded="0" * 64)
    (problem,) = check([page])
    assert (problem.line, problem.col, problem.kind) == (3, 21, "snippet")
    assert "snippets/go/hello/main.go changed since it was last verified" in str(
        problem
    )
    assert "make snippet NAME=hello" in problem.message


def test_a_verified_sample_is_not_reported(tmp_path: Path) -> None:
    digest = hashlib.sha256(b"package main\n").hexdigest()
    page = _snippet_site(tmp_path, recorded=digest)
    assert check([page]) == []


def test_a_sample_never_verified_is_reported(tmp_path: Path) -> None:
    page = _snippet_site(tmp_path, recorded=None)
    (problem,) = check([page])
    assert "was never verified" in problem.message


def test_the_site_record_matches_every_sample() -> None:
    """snippets/VERIFIED.json is committed: it must match the samples as they
    are, or a sample was changed without ``make snippet``."""
    record = json.loads((ROOT / "snippets" / "VERIFIED.json").read_text("utf-8"))
    samples = sorted(
        p.relative_to(ROOT / "snippets").as_posix()
        for p in [
            *(ROOT / "snippets" / "go").glob("*/main.go"),
            *(ROOT / "snippets" / "rust" / "src" / "bin").glob("*.rs"),
        ]
    )
    assert sorted(record) == samples
    for sample in samples:
        digest = hashlib.sha256((ROOT / "snippets" / sample).read_bytes()).hexdigest()
        assert record[sample] == digest, f"{sample} changed since it was verified"


def test_directive_bodies_are_checked_at_their_own_lines(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "# T\n\n:::{note}\nRun it with --fast.\n:::\n\n"
        "````{code-compare}\n```golang\nx\n```\n\n```rsut\ny\n```\n````\n",
        "utf-8",
    )
    found = [(p.line, p.col, p.kind) for p in check([page])]
    assert found == [(4, 13, "dash"), (12, 4, "language")]


def test_code_is_never_checked_as_prose(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "# T\n\nUse `--release` and `averyveryveryveryveryverylongidentifier_x`.\n\n"
        "```text\ncargo build --release\n```\n",
        "utf-8",
    )
    assert check([page]) == []


@pytest.mark.skipif(os.name != "posix", reason="console script path")
def test_console_script_is_installed() -> None:
    script = Path(sys.executable).parent / "sphinx-versus"
    ran = subprocess.run(
        [str(script), "check", "--help"], capture_output=True, text=True, check=False
    )
    assert ran.returncode == 0
    assert "versus.check" in ran.stdout
