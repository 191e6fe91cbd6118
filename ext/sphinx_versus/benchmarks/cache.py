"""The chart cache: drawings stored by content hash, pruned of unused ones.

A chart is drawn once for its content and format and kept under the doctree
directory, so an unchanged chart costs one file read on the next build.  The
charts each page uses are recorded in a small domain (the way
``sphinx.ext.todo`` keeps its data), which survives incremental and parallel
builds; at the end of a build every drawing no page uses is deleted.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from sphinx.domains import Domain

from sphinx_versus.benchmarks import render

if TYPE_CHECKING:
    from collections.abc import Iterable, Set

    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

CACHE_DIR = "versus-charts"


class ChartsDomain(Domain):
    """Which chart drawings (content hashes) each page uses."""

    name = "versus"
    label = "sphinx-versus charts"
    initial_data: ClassVar[dict[str, Any]] = {"charts": {}}

    @property
    def charts(self) -> dict[str, set[str]]:
        return self.data.setdefault("charts", {})  # type: ignore[no-any-return]

    @classmethod
    def note_chart(cls, env: BuildEnvironment, key: str) -> None:
        domain = env.get_domain(cls.name)
        assert isinstance(domain, cls)
        domain.charts.setdefault(env.docname, set()).add(key)

    def clear_doc(self, docname: str) -> None:
        self.charts.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for docname in docnames:
            if docname in otherdata["charts"]:
                self.charts[docname] = otherdata["charts"][docname]

    def resolve_any_xref(self, *args: Any, **kwargs: Any) -> list[Any]:
        return []

    def used_keys(self) -> set[str]:
        return {key for keys in self.charts.values() for key in keys}


def _write_atomically(path: Path, data: bytes) -> None:
    """Parallel writers may draw the same chart; never expose half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    # mkstemp creates 0600; published images must be readable like any other.
    Path(tmp).chmod(0o644)
    Path(tmp).replace(path)


def chart_bytes(
    builder: Builder, node: nodes.Element, fmt: str, variant: str = "wide"
) -> bytes:
    """The drawing from the cache, drawing (and caching) it on a miss."""
    suffix = "" if variant == "wide" else f"-{variant}"
    path = Path(builder.doctreedir) / CACHE_DIR / f"{node['key']}{suffix}.{fmt}"
    try:
        return path.read_bytes()
    except FileNotFoundError:
        pass
    data = render.render_chart(node["spec"], fmt, variant)
    if fmt == "svg":
        data = render.prepare_svg(data).encode()
    _write_atomically(path, data)
    return data


def copy_to_output(path: Path, data: bytes) -> None:
    if not path.is_file() or path.read_bytes() != data:
        _write_atomically(path, data)


def prune_chart_cache(app: Sphinx, exception: Exception | None) -> None:
    """Delete the drawings no page of the project uses any more."""
    if exception is not None:
        return
    folder = Path(app.doctreedir) / CACHE_DIR
    if not folder.is_dir():
        return
    domain = app.env.get_domain(ChartsDomain.name)
    assert isinstance(domain, ChartsDomain)
    used = domain.used_keys()
    _delete_unused(folder.iterdir(), used)
    # The chart files an incremental HTML build wrote for drawings no page
    # shows any more: an incremental build's output equals a clean one's.
    images = Path(app.outdir) / str(getattr(app.builder, "imagedir", ""))
    if app.builder.format == "html" and images != Path(app.outdir) and images.is_dir():
        for path in images.glob("versus-chart-*.svg"):
            if path.stem.removeprefix("versus-chart-").split("-")[0] not in used:
                path.unlink(missing_ok=True)


def _delete_unused(files: Iterable[Path], used: set[str]) -> None:
    for path in files:
        if path.name.startswith(".tmp-"):
            continue  # a parallel writer's file in progress
        if path.stem.split("-")[0] not in used:  # <key> or <key>-<variant>
            path.unlink(missing_ok=True)
