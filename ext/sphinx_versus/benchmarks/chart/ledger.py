"""Which charts each page uses and which files they publish: the record
that pruning trusts.

A small domain (the way ``sphinx.ext.todo`` keeps its data) survives
incremental and parallel builds.  When a page is read again, the names its
charts published move to a list of retired names; at the end of a build the
files of retired names no page uses any more are deleted from the output, so
an incremental build's output equals a clean one's.  Only names recorded
here are ever deleted: a writer's own ``_images/versus-chart-mine.svg`` is
not the extension's, whatever its name.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from sphinx.domains import Domain

from sphinx_versus.benchmarks.chart import cache

if TYPE_CHECKING:
    from collections.abc import Set

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: Retired names kept at most (the oldest are forgotten first).
MAX_RETIRED = 10_000
#: Entries of the cache before its entries were checked (bare SVG and PDF
#: files beside the doctrees, which an epub built into the same folder packed).
_LEGACY = re.compile(r"[0-9a-f]{32}(-narrow)?\.(svg|pdf)")


def html_stem(key: str, alt: str) -> str:
    """HTML files carry the text alternative as their <title>: named by both."""
    return f"versus-chart-{key}-{hashlib.sha256(alt.encode()).hexdigest()[:8]}"


def published_names(key: str, alt: str) -> list[str]:
    """Every file name a chart publishes, in any builder."""
    stem = html_stem(key, alt)
    return [
        f"{stem}-wide.svg",  # html: the wide drawing
        f"{stem}-narrow.svg",  # html: the narrow one
        f"versus-chart-{key}.svg",  # epub
        f"versus-chart-{key}.pdf",  # latex
    ]


class ChartsDomain(Domain):
    """Which chart drawings (content hashes) and files each page uses."""

    name = "versus"
    label = "sphinx-versus charts"
    initial_data: ClassVar[dict[str, Any]] = {"charts": {}, "files": {}, "retired": {}}

    @property
    def charts(self) -> dict[str, set[str]]:
        return self.data.setdefault("charts", {})  # type: ignore[no-any-return]

    @property
    def files(self) -> dict[str, set[str]]:
        return self.data.setdefault("files", {})  # type: ignore[no-any-return]

    @property
    def retired(self) -> dict[str, None]:
        return self.data.setdefault("retired", {})  # type: ignore[no-any-return]

    @classmethod
    def note_chart(cls, env: BuildEnvironment, key: str, alt: str) -> None:
        domain = env.get_domain(cls.name)
        assert isinstance(domain, cls)
        domain.charts.setdefault(env.docname, set()).add(key)
        domain.files.setdefault(env.docname, set()).update(published_names(key, alt))

    def clear_doc(self, docname: str) -> None:
        self.charts.pop(docname, None)
        for name in sorted(self.files.pop(docname, ())):
            self.retired.pop(name, None)
            self.retired[name] = None
        while len(self.retired) > MAX_RETIRED:
            del self.retired[next(iter(self.retired))]

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for docname in docnames:
            if docname in otherdata["charts"]:
                self.charts[docname] = otherdata["charts"][docname]
            if docname in otherdata.get("files", {}):
                self.files[docname] = otherdata["files"][docname]

    def resolve_any_xref(self, *args: Any, **kwargs: Any) -> list[Any]:
        return []

    def used_keys(self) -> set[str]:
        return {key for keys in self.charts.values() for key in keys}

    def used_names(self) -> set[str]:
        return {name for names in self.files.values() for name in names}


def prune(app: Sphinx, exception: Exception | None) -> None:
    """Delete the drawings and the published files no page uses any more."""
    if exception is not None:
        return
    domain = app.env.get_domain(ChartsDomain.name)
    assert isinstance(domain, ChartsDomain)
    cache.prune(cache.cache_dir(app.outdir, app.doctreedir), domain.used_keys())
    legacy = Path(app.doctreedir) / cache.CACHE_DIR
    for path in legacy.glob("*") if legacy.is_dir() else ():
        if _LEGACY.fullmatch(path.name):
            with contextlib.suppress(OSError):
                path.unlink()
    used = domain.used_names()
    outdir = Path(app.outdir)
    folders = {outdir, outdir / str(getattr(app.builder, "imagedir", ""))}
    for folder in folders:
        cache.remove_strays(folder)
        for name in domain.retired:
            if name not in used:
                with contextlib.suppress(OSError):
                    (folder / name).unlink(missing_ok=True)
