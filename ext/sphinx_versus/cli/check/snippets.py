"""Samples that changed since the snippet tests last passed on them.

The snippet tests (``make snippet NAME=…``, ``make snippets``) record the
SHA-256 of every sample they verified in ``snippets/VERIFIED.json``; a page
that includes a sample whose bytes differ from the recorded ones shows code
nobody has compiled.  The stamp is committed on purpose: it holds only
hashes (no dates, no paths outside the repository), so it changes exactly
when a sample does, and a review sees that the sample was verified again.
"""

from __future__ import annotations

import functools
import hashlib
import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from sphinx_versus.cli.check.context import Page

STAMP = "VERIFIED.json"


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def example_of(relative: str) -> str | None:
    """``go/memory/main.go`` or ``rust/src/bin/memory.rs`` -> ``memory``."""
    parts = relative.split("/")
    if len(parts) == 3 and parts[0] == "go" and parts[2] == "main.go":
        return parts[1]
    if (
        len(parts) == 4
        and parts[:3] == ["rust", "src", "bin"]
        and parts[3].endswith(".rs")
    ):
        return parts[3][: -len(".rs")]
    return None


@functools.cache
def _stamp(folder: Path) -> dict[str, str] | None:
    try:
        data = json.loads((folder / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else None


def _snippets_folder(file: Path) -> Path | None:
    for folder in file.parents:
        if (folder / STAMP).is_file():
            return folder
    return None


def check_stamp(page: Page, written: str, line: int) -> None:
    """Report *written* (a literalinclude argument) if its sample changed."""
    file = page.resolve(written).resolve()
    folder = _snippets_folder(file)
    if folder is None or not file.is_file():
        return
    relative = file.relative_to(folder).as_posix()
    example = example_of(relative)
    stamp = _stamp(folder)
    if example is None or stamp is None:
        return
    recorded = stamp.get(relative)
    if recorded == file_hash(file):
        return
    state = (
        "was never verified"
        if recorded is None
        else "changed since it was last verified"
    )
    page.report(
        line,
        page.column(line, written),
        "snippet",
        f"{folder.name}/{relative} {state}; run `make snippet NAME={example}` "
        "(it compiles, lints and runs the Go and Rust pair)",
    )
