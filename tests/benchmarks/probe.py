"""Sphinx extension copied into each benchmark site as ``_bench_probe``.

It records the exact list of documents Sphinx is about to read, which is
more robust than parsing the console output: ``env-before-read-docs`` fires
once per build in the main process (also with ``-j``), after every extension
has added its outdated documents, and fires with an empty list on a no-op
build.  It writes only when ``VERSUS_BENCH_READ_LOG`` names a file, so timed
builds pay nothing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: Runs after every default-priority handler, which may still edit the list.
LATE = 900


def _record(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    target = os.environ.get("VERSUS_BENCH_READ_LOG")
    if target:
        Path(target).write_text(json.dumps(sorted(docnames)), encoding="utf-8")


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("env-before-read-docs", _record, priority=LATE)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
