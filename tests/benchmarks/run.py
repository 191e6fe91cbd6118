"""``make bench``: the build-performance benchmark of issue 8.

    python -m tests.benchmarks.run --pages 200 --repeat 5

Generates the synthetic sites, times full builds (directives vs built-ins,
charts cold and warm), checks incremental rebuilds and byte-identical output,
prints a table, writes JSON and, for a full-size run, the writer's-guide
include.  Exit status: 0 when every structural target is met (timing targets
too with ``--strict``), 1 when one is missed, 2 when a build fails or warns.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from tests.benchmarks import builds, checks, generate, report, timing

ROOT = report.ROOT
DEFAULT_OUT = ROOT / "tests" / "benchmarks" / "results" / "latest.json"
DEFAULT_DOCS = ROOT / "docs" / "writers-guide" / "_bench-results.md"
SECTIONS = ("full", "incremental", "determinism")
#: A run with fewer pages does not overwrite the published figures by default.
PUBLISH_PAGES = 200


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m tests.benchmarks.run", description=__doc__.split("\n")[0]
    )
    p.add_argument("--pages", type=int, default=200, help="pages per site (200)")
    p.add_argument("--repeat", type=int, default=5, help="timed builds per site (5)")
    p.add_argument("--jobs", type=int, default=1, help="sphinx -j for timed builds")
    p.add_argument(
        "--only",
        default=",".join(SECTIONS),
        help=f"comma-separated subset of {','.join(SECTIONS)}",
    )
    p.add_argument(
        "--chart-pages", type=int, default=50, help="pages of the chart timing (50)"
    )
    p.add_argument(
        "--charts-per-page",
        type=int,
        default=generate.CHARTS_PER_PAGE,
        help=f"charts per page of the chart timing ({generate.CHARTS_PER_PAGE})",
    )
    p.add_argument(
        "--split",
        action="store_true",
        help="also time the control pages with sphinx-versus loaded but unused, "
        "to split the ratio into fixed and per-directive cost",
    )
    p.add_argument(
        "--no-charts", action="store_true", help="leave out every benchmark-chart"
    )
    p.add_argument(
        "--no-warmup", action="store_true", help="skip the untimed warm-up round"
    )
    p.add_argument(
        "--judge",
        choices=("cpu", "wall"),
        default="cpu",
        help="time the verdicts use (cpu: robust on a loaded machine)",
    )
    p.add_argument("--out", type=Path, default=DEFAULT_OUT, help="results JSON")
    p.add_argument(
        "--docs",
        type=Path,
        default=None,
        help="MyST include to write (default: the writer's guide one, "
        f"only for runs of at least {PUBLISH_PAGES} pages)",
    )
    p.add_argument("--no-docs", action="store_true", help="write no MyST include")
    p.add_argument(
        "--workdir",
        type=Path,
        default=None,
        help="where to generate the sites (kept); default a temp dir",
    )
    p.add_argument(
        "--allow-warnings",
        action="store_true",
        help="time builds even when they print warnings",
    )
    p.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 when a timing target is missed, too",
    )
    return p


def _run(args: argparse.Namespace, workdir: Path) -> dict[str, Any]:
    sections = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = set(sections) - set(SECTIONS)
    if unknown:
        raise SystemExit(f"unknown --only section(s): {', '.join(sorted(unknown))}")
    timed = ["control", "ext"]
    if args.split:
        timed.insert(1, "control-loaded")
    if not args.no_charts:
        timed += ["chart-bench", "chart-base"]
    checked = "ext" if args.no_charts else "charts"
    kinds = [*timed] if "full" in sections else []
    if {"incremental", "determinism"} & set(sections) and checked not in kinds:
        kinds.append(checked)
    results: dict[str, Any] = {
        "meta": report.machine(),
        "params": {
            "pages": args.pages,
            "repeat": args.repeat,
            "jobs": args.jobs,
            "judge": args.judge,
            "sections": sections,
            "kinds": kinds,
            "chart_pages": args.chart_pages,
            "charts_per_page": args.charts_per_page,
        },
    }
    results["meta"]["bytecode"] = f"cached in {builds.PYCACHE}"
    print(f"Generating sites ({', '.join(kinds)}) in {workdir}")
    sites = {
        k: generate.generate(
            workdir / k,
            k,
            args.chart_pages if k.startswith("chart-") else args.pages,
            args.charts_per_page,
        )
        for k in kinds
    }
    target = sites.get(checked)
    if "full" in sections:
        print(f"Full builds: {args.repeat} rounds of {', '.join(timed)}")
        results["full"] = timing.full_builds(
            {k: sites[k] for k in timed},
            repeat=args.repeat,
            jobs=args.jobs,
            warmup=not args.no_warmup,
        )
    if "incremental" in sections and target:
        print(f"Incremental rebuilds of the {target.kind} site")
        results["incremental"] = checks.incremental(target)
    if "determinism" in sections and target:
        print(f"Determinism: two clean builds and -j 2 of the {target.kind} site")
        results["determinism"] = checks.determinism(
            target,
            incremental_out=(
                builds.outdirs(target)[0] if "incremental" in sections else None
            ),
        )
    results["meta"]["load_at_end"] = report.loadavg()
    results["targets"] = report.targets(results, args.judge)
    return results


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = _parser().parse_args(argv)
    builds.ALLOW_WARNINGS = args.allow_warnings
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="versus-bench-"))
    try:
        results = _run(args, workdir)
    except builds.BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    print()
    print(report.console(results))
    report.write_json(results, args.out)
    print(f"\nResults: {args.out}")
    docs = args.docs or (DEFAULT_DOCS if args.pages >= PUBLISH_PAGES else None)
    if docs and not args.no_docs:
        docs.parent.mkdir(parents=True, exist_ok=True)
        docs.write_text(report.myst(results, report.invocation(argv)), "utf-8")
        print(f"Writer's guide figures: {docs}")
    missed = [
        t
        for t in results["targets"]
        if t["met"] is False and (args.strict or not t["timed"])
    ]
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
