"""Turn the results into a verdict per target, a console table, JSON and the
MyST snippet the writer's guide includes."""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import subprocess
from importlib import metadata
from pathlib import Path
from typing import Any

PACKAGES = (
    "sphinx",
    "docutils",
    "myst-parser",
    "sphinx-design",
    "furo",
    "matplotlib",
    "sphinx-versus",
)
ROOT = Path(__file__).resolve().parents[2]


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def loadavg() -> float | None:
    try:
        return os.getloadavg()[0]
    except OSError:
        return None


def _git_commit() -> str:
    try:
        out = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return out.stdout.strip()


def machine() -> dict[str, Any]:
    """What the figures were measured on; they mean little without it."""
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "platform": platform.platform(terse=True),
        "cpu": _cpu_model(),
        "nproc": len(os.sched_getaffinity(0)),
        "python": platform.python_version(),
        "versions": {name: _version(name) for name in PACKAGES},
        "commit": _git_commit(),
        "load_at_start": loadavg(),
    }


def _target(
    name: str, target: str, value: str, met: bool | None, *, timed: bool = False
) -> dict[str, Any]:
    """A verdict; ``timed`` ones depend on the machine, the others never do."""
    return {"name": name, "target": target, "value": value, "met": met, "timed": timed}


def targets(results: dict[str, Any], judge: str) -> list[dict[str, Any]]:
    """One verdict per issue-8 target; ``met`` is None when not measured."""
    rows: list[dict[str, Any]] = []
    full = results.get("full", {})
    ratio = full.get("ratios", {}).get("ext / control")
    rows.append(
        _target(
            "Full build, directives / built-ins",
            "≤ 1.10",
            f"{ratio[judge]:.2f}" if ratio else "not measured",
            ratio[judge] <= 1.10 if ratio else None,
            timed=True,
        )
    )
    per_chart = full.get("per_chart_ms", {})
    for name, limit in (("warm", 5.0), ("cold", 300.0)):
        cost = per_chart.get(name)
        rows.append(
            _target(
                f"A {name} chart",
                f"< {limit:g} ms",
                f"{cost[judge]:.1f} ms" if cost else "not measured",
                cost[judge] < limit if cost else None,
                timed=True,
            )
        )
    inc = results.get("incremental")
    if inc:
        noop = [len(inc["noop"]["read"]), len(inc["noop_after_edits"]["read"])]
        rows.append(
            _target(
                "No-op rebuild",
                "0 documents read",
                " / ".join(f"{n} read" for n in noop),
                noop == [0, 0],
            )
        )
        for label, edit in inc["edits"].items():
            value = f"{len(edit['read'])} read, {len(edit['expected'])} expected"
            if edit["extra"] or edit["missing"] or edit["stale"]:
                value += (
                    f" (extra {edit['extra']}, missing {edit['missing']}, "
                    f"stale {edit['stale']})"
                )
            rows.append(
                _target(f"Edit one {label}", "only its pages", value, edit["ok"])
            )
    det = results.get("determinism")
    if det:
        for key, name in (
            ("clean_twice", "Two clean builds"),
            ("j2_vs_j1", "-j 2 vs -j 1"),
            ("incremental_vs_clean", "Incremental vs clean build"),
        ):
            if key in det:
                diffs = det[key]["differences"]
                value = "identical" if not diffs else f"{len(diffs)} files differ"
                rows.append(_target(name, "byte-identical", value, det[key]["ok"]))
    return rows


def _verdict(met: bool | None) -> str:
    return {True: "met", False: "MISSED", None: "-"}[met]


#: Readers' names for the timed sites and ratios (the JSON keeps the keys).
LABELS = {
    "control": "Full build, built-ins only (control)",
    "control-loaded": "Full build, built-ins, sphinx-versus loaded",
    "ext": "Full build, sphinx-versus directives",
    "chart-bench": "Chart pages, cold chart cache",
    "chart-bench (pages touched)": "Chart pages re-read, warm chart cache",
    "chart-base": "Same pages without charts",
    "chart-base (pages touched)": "Same pages without charts, re-read",
    "ext / control": "Ratio directives / built-ins",
    "control-loaded / control": "Ratio built-ins with sphinx-versus loaded / without",
    "ext / control-loaded": "Ratio directives / built-ins with sphinx-versus loaded",
}


def _timing_rows(full: dict[str, Any]) -> list[tuple[str, str, str]]:
    rows = [
        (LABELS.get(kind, kind), f"{m['wall']:.2f} s", f"{m['cpu']:.2f} s")
        for kind, m in full.get("median", {}).items()
    ]
    rows += [
        (LABELS.get(name, name), f"{r['wall']:.3f}", f"{r['cpu']:.3f}")
        for name, r in full.get("ratios", {}).items()
    ]
    rows += [
        (f"Per chart ({name})", f"{c['wall']:.1f} ms", f"{c['cpu']:.1f} ms")
        for name, c in full.get("per_chart_ms", {}).items()
    ]
    return rows


def _incremental_rows(inc: dict[str, Any]) -> list[tuple[str, str, str]]:
    rows = [("Incremental: first build", f"{inc['full_seconds']:.2f} s", "")]
    rows.append(
        (
            "Incremental: no-op rebuild",
            f"{inc['noop']['seconds']:.2f} s",
            f"{len(inc['noop']['read'])} read",
        )
    )
    rows += [
        (
            f"Incremental: edit {label}",
            f"{e['seconds']:.2f} s",
            f"{len(e['read'])} read",
        )
        for label, e in inc["edits"].items()
    ]
    return rows


def _table(rows: list[tuple[str, ...]], header: tuple[str, ...]) -> str:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    line = "  ".join("-" * w for w in widths)
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    return "\n".join([fmt.format(*header), line, *(fmt.format(*r) for r in rows)])


def console(results: dict[str, Any]) -> str:
    rows = _timing_rows(results.get("full", {}))
    if "incremental" in results:
        rows += _incremental_rows(results["incremental"])
    parts = []
    if rows:
        parts.append(_table(rows, ("Measurement (median)", "wall", "CPU / docs")))
    parts.append(
        _table(
            [
                (t["name"], t["target"], t["value"], _verdict(t["met"]))
                for t in results["targets"]
            ],
            ("Target", "wanted", "measured", "verdict"),
        )
    )
    return "\n\n".join(parts)


def write_json(results: dict[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", "utf-8")


def _md_table(rows: list[tuple[str, ...]], header: tuple[str, ...]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def myst(results: dict[str, Any], command: str) -> str:
    """The writer's-guide include: figures, machine and how to reproduce."""
    meta, params = results["meta"], results["params"]
    v = meta["versions"]
    start, end = meta.get("load_at_start"), meta.get("load_at_end")
    judge = "CPU time" if params["judge"] == "cpu" else "wall-clock time"
    lines = [
        "% Written by `make bench` (tests/benchmarks/run.py): do not edit by hand.",
        "",
        f"Measured on {meta['date']} (commit `{meta['commit']}`) on "
        f"{meta['platform']}, {meta['nproc']} CPUs ({meta['cpu']}"
        + (
            f", load average {start:.1f} at the start and {end:.1f} at the end"
            if start is not None and end is not None
            else ""
        )
        + f"), Python {meta['python']}, Sphinx {v['sphinx']}, "
        f"docutils {v['docutils']}, MyST-Parser {v['myst-parser']}, "
        f"sphinx-design {v['sphinx-design']}, furo {v['furo']}, "
        f"matplotlib {v['matplotlib']}.",
        "",
        f"The synthetic site has {params['pages']} pages, each with three "
        "comparison tables, two code comparisons (one inline, one from snippet "
        "files) and a benchmark table. The control site has the same content "
        "written with `list-table`, `csv-table`, `tab-set-code` and "
        "`literalinclude`, and does not load sphinx-versus. The chart cost "
        f"comes from {params['chart_pages']} pages with "
        f"{params['charts_per_page']} charts each (each from its own CSV) "
        "against the same pages without them; the incremental and determinism "
        "checks use the main site with one chart added per page. Every build "
        f"runs in a fresh process, each timed site {params['repeat']} times; "
        f"medians are shown. Verdicts use {judge}.",
        "",
    ]
    full = results.get("full", {})
    rows = [(name, wall, cpu) for name, wall, cpu in _timing_rows(full)]
    if "incremental" in results:
        rows += _incremental_rows(results["incremental"])
    if rows:
        lines += [_md_table(rows, ("Measurement", "Wall clock", "CPU / documents")), ""]
    lines += [
        _md_table(
            [
                (t["name"], t["target"], t["value"], _verdict(t["met"]))
                for t in results["targets"]
            ],
            ("Target", "Wanted", "Measured", "Verdict"),
        ),
        "",
        "To reproduce (results also go to `tests/benchmarks/results/latest.json`):",
        "",
        "```console",
        f"$ {command}",
        "```",
        "",
    ]
    return "\n".join(lines)


def invocation(argv: list[str]) -> str:
    args = " ".join(argv)
    return f'make bench BENCH_ARGS="{args}"' if args else "make bench"
