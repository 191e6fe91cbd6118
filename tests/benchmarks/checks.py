"""The structural checks: what an incremental build re-reads, and whether
identical input gives identical output.

Both return plain dicts that go straight into the JSON results; the ``ok``
keys are what ``make bench`` and the small-N test assert.
"""

from __future__ import annotations

import csv
import filecmp
import io
import shutil
from typing import TYPE_CHECKING, Any

from tests.benchmarks import pages
from tests.benchmarks.builds import clean, outdirs, sphinx_build
from tests.benchmarks.generate import Site

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

#: Edited files, by what they feed; each edit leaves a marker in the output.
EDITS = {
    "comparison-table CSV": "docs/data/features-",
    "benchmark-table CSV": "docs/data/bench-",
    "benchmark-chart CSV": "docs/data/chart-",
    "snippet (literalinclude)": "snippets/go/",
}


def _edit_csv(path: Path, marker: str) -> None:
    """Rename the first row's first cell (a feature or workload) to ``marker``."""
    rows = list(csv.reader(io.StringIO(path.read_text("utf-8"))))
    rows[1][0] = f"{rows[1][0]} {marker}"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), "utf-8")


def _edit_snippet(path: Path, marker: str) -> None:
    start = f"// [{pages.SNIPPET_REGION}]\n"
    text = path.read_text("utf-8")
    path.write_text(text.replace(start, f"{start}// {marker}\n", 1), "utf-8")


def _pick(site: Site, prefix: str) -> str | None:
    """A file of the given kind, preferably not the first (so not page 0's)."""
    candidates = sorted(rel for rel in site.deps if rel.startswith(prefix))
    if not candidates:
        return None
    return candidates[1] if len(candidates) > 1 else candidates[0]


def _timed_read(site: Site, jobs: int) -> dict[str, Any]:
    build = sphinx_build(site, jobs=jobs)
    return {"seconds": round(build.wall, 3), "read": build.read}


def incremental(
    site: Site, *, jobs: int = 1, edits: dict[str, str] | None = None
) -> dict[str, Any]:
    """Build, rebuild unchanged, then edit one file of each kind and rebuild.

    Each edit must re-read exactly the pages that use the file (``Site.deps``)
    and its marker must show up in every one of them: a page that is re-read
    but still shows the old value is as wrong as one that is not re-read.
    """
    clean(site)
    first = _timed_read(site, jobs)
    result: dict[str, Any] = {"site": site.kind, "full_seconds": first["seconds"]}
    noop = _timed_read(site, jobs)
    result["noop"] = {**noop, "ok": noop["read"] == []}
    out = outdirs(site)[0]
    done: dict[str, Any] = {}
    for n, (label, prefix) in enumerate((edits or EDITS).items()):
        rel = _pick(site, prefix)
        if rel is None:
            continue
        marker = f"versus-edit-{n}"
        editor: Callable[[Path, str], None] = (
            _edit_csv if rel.endswith(".csv") else _edit_snippet
        )
        editor(site.root / rel, marker)
        run = _timed_read(site, jobs)
        expected = sorted(site.deps[rel])
        stale = [
            doc
            for doc in expected
            if marker not in (out / f"{doc}.html").read_text("utf-8")
        ]
        done[label] = {
            "file": rel,
            "expected": expected,
            **run,
            "extra": sorted(set(run["read"]) - set(expected)),
            "missing": sorted(set(expected) - set(run["read"])),
            "stale": stale,
            "ok": run["read"] == expected and not stale,
        }
    result["edits"] = done
    after = _timed_read(site, jobs)
    result["noop_after_edits"] = {**after, "ok": after["read"] == []}
    result["ok"] = (
        result["noop"]["ok"]
        and result["noop_after_edits"]["ok"]
        and all(edit["ok"] for edit in done.values())
    )
    return result


def _differences(a: Path, b: Path, limit: int = 10) -> list[dict[str, str]]:
    """Files that differ between two output trees, with the first difference."""
    found: list[dict[str, str]] = []
    names_a = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    names_b = {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    for name in sorted(names_a ^ names_b):
        side = "first" if name in names_a else "second"
        found.append({"file": name, "difference": f"only in the {side} build"})
    for name in sorted(names_a & names_b):
        if filecmp.cmp(a / name, b / name, shallow=False):
            continue
        x, y = (a / name).read_bytes(), (b / name).read_bytes()
        at = next(
            (i for i, (p, q) in enumerate(zip(x, y, strict=False)) if p != q),
            min(len(x), len(y)),
        )
        lo = max(0, at - 60)
        found.append(
            {
                "file": name,
                "difference": f"byte {at}: "
                f"{x[lo : at + 60].decode('utf-8', 'replace')!r} vs "
                f"{y[lo : at + 60].decode('utf-8', 'replace')!r}",
            }
        )
    return found[:limit] + (
        [{"file": "...", "difference": f"{len(found) - limit} more"}]
        if len(found) > limit
        else []
    )


def _copy(site: Site, root: Path) -> Site:
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(site.root, root, ignore=shutil.ignore_patterns("_build*"))
    return Site(
        kind=site.kind, root=root, pages=site.pages, charts=site.charts, deps=site.deps
    )


def determinism(site: Site, *, incremental_out: Path | None = None) -> dict[str, Any]:
    """Two clean builds from two different directories with different hash
    seeds must match byte for byte, and so must a ``-j 2`` build.

    Building the copy elsewhere catches absolute paths leaking into the
    output; different ``PYTHONHASHSEED`` values catch set-order output.
    Every file under the output dir is compared, ``.buildinfo``,
    ``searchindex.js`` and ``objects.inv`` included: none of them legitimately
    differs between identical inputs.
    """
    twin = _copy(site, site.root.with_name(f"{site.root.name}-twin"))
    for tag in ("-a", "-j2"):
        clean(site, tag)
    clean(twin, "-b")
    sphinx_build(site, tag="-a", hash_seed="1")
    sphinx_build(twin, tag="-b", hash_seed="2")
    sphinx_build(site, tag="-j2", jobs=2, hash_seed="3")
    a, b, j2 = (outdirs(site, "-a")[0], outdirs(twin, "-b")[0], outdirs(site, "-j2")[0])
    files = sum(1 for p in a.rglob("*") if p.is_file())
    result: dict[str, Any] = {"files": files}
    result["clean_twice"] = {"differences": _differences(a, b)}
    result["j2_vs_j1"] = {"differences": _differences(a, j2)}
    if incremental_out is not None:
        # After the incremental edits, the incremental output must equal a
        # clean build of the same sources: anything else is stale output.
        result["incremental_vs_clean"] = {
            "differences": _differences(a, incremental_out)
        }
    for check in result.values():
        if isinstance(check, dict):
            check["ok"] = not check["differences"]
    result["ok"] = all(
        check["ok"] for check in result.values() if isinstance(check, dict)
    )
    shutil.rmtree(twin.root, ignore_errors=True)
    return result
