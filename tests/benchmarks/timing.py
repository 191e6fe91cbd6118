"""Timed full builds: control vs directives, and the cost of a chart.

Sites are built in rounds; each round builds every site once from scratch,
in an order that rotates from round to round so that a drift in machine load
does not favour one site.  A clean build of ``chart-bench`` draws every chart
(cold cache); it and ``chart-base`` are then rebuilt after touching every
page, so all pages are re-read and rewritten while the chart cache (wherever
the chart code keeps it: build dir, doctrees or environment) stays warm.
The extra time over ``chart-base``, divided by the number of charts, is what
a cold or a cached chart costs.
"""

from __future__ import annotations

import os
import shutil
import statistics
import time
from typing import TYPE_CHECKING, Any

from tests.benchmarks.builds import BuildError, clean, sphinx_build
from tests.benchmarks.generate import generate

if TYPE_CHECKING:
    from pathlib import Path

    from tests.benchmarks.generate import Site

#: Sites rebuilt after touching every page (the warm-chart measurement).
TOUCHED = ("chart-bench", "chart-base")


def touch_pages(site: Site) -> None:
    """Mark every page as edited without changing it."""
    now = time.time()
    for page in site.srcdir.rglob("*.md"):
        os.utime(page, (now, now))


def _samples(
    sites: dict[str, Site], rounds: int, jobs: int
) -> dict[str, list[dict[str, float]]]:
    samples: dict[str, list[dict[str, float]]] = {}
    kinds = list(sites)
    for r in range(rounds):
        shift = r % len(kinds)
        for kind in kinds[shift:] + kinds[:shift]:
            site = sites[kind]
            clean(site)
            build = sphinx_build(site, jobs=jobs)
            samples.setdefault(kind, []).append({"wall": build.wall, "cpu": build.cpu})
            print(f"  round {r + 1}: {kind} {build.wall:.1f} s", flush=True)
            if kind in TOUCHED:
                touch_pages(site)
                build = sphinx_build(site, jobs=jobs)
                if len(build.read) < len(site.pages):
                    raise BuildError(
                        f"touching every page of {kind} re-read only "
                        f"{len(build.read)} of {len(site.pages)} pages"
                    )
                samples.setdefault(f"{kind} (pages touched)", []).append(
                    {"wall": build.wall, "cpu": build.cpu}
                )
    return samples


def warm_up(root: Path, kind: str) -> None:
    """Build a two-page site using every directive once, untimed.

    It compiles the bytecode and fills matplotlib's font cache, which a
    writer pays once per installation, not once per build.
    """
    site = generate(root, kind, 2)
    sphinx_build(site)
    shutil.rmtree(root, ignore_errors=True)


def _median(values: list[dict[str, float]], key: str) -> float:
    return statistics.median(v[key] for v in values)


def full_builds(
    sites: dict[str, Site], *, repeat: int, jobs: int, warmup: bool = True
) -> dict[str, Any]:
    """Time every site ``repeat`` times and summarise (see ``summarise``)."""
    if warmup:
        root = next(iter(sites.values())).root.parent / "warm-up"
        warm_up(root, "charts" if "chart-bench" in sites else "ext")
    samples = _samples(sites, repeat, jobs)
    charts = sites["chart-bench"].charts if "chart-bench" in sites else 0
    return {"repeat": repeat, "jobs": jobs, **summarise(samples, charts)}


RATIOS = (
    ("ext / control", "ext", "control"),
    ("control-loaded / control", "control-loaded", "control"),
    ("ext / control-loaded", "ext", "control-loaded"),
)
PER_CHART = (
    ("cold", "chart-bench", "chart-base"),
    ("warm", "chart-bench (pages touched)", "chart-base (pages touched)"),
)


def summarise(
    samples: dict[str, list[dict[str, float]]], charts: int
) -> dict[str, Any]:
    """Medians per site, ratios of medians, and the extra median time of the
    chart site over its baseline divided by its number of charts."""
    medians = {
        kind: {key: round(_median(runs, key), 3) for key in ("wall", "cpu")}
        for kind, runs in samples.items()
    }
    result: dict[str, Any] = {
        "median": medians,
        "samples": {
            kind: [{k: round(v, 3) for k, v in run.items()} for run in runs]
            for kind, runs in samples.items()
        },
        "ratios": {
            name: {
                key: round(medians[top][key] / medians[bottom][key], 3)
                for key in ("wall", "cpu")
            }
            for name, top, bottom in RATIOS
            if top in medians and bottom in medians
        },
    }
    if charts and all(
        k in medians for _, top, bottom in PER_CHART for k in (top, bottom)
    ):
        result["charts"] = charts
        result["per_chart_ms"] = {
            name: {
                key: round(
                    1000 * (medians[top][key] - medians[bottom][key]) / charts, 2
                )
                for key in ("wall", "cpu")
            }
            for name, top, bottom in PER_CHART
        }
    return result
