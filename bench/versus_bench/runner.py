"""The rounds: build once, then run every workload in at least five
independent rounds (fresh server processes, Go/Rust order alternating),
saving each round's raw samples and conditions under
``bench/results/<UTC date>-<commit>/round-N/``.  The CSV comes from these
files alone (:mod:`versus_bench.report`)."""

from __future__ import annotations

import argparse
import json
import signal
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from versus_bench import compile as compile_
from versus_bench import http_load, memory, micro
from versus_bench.machine import (
    OTHERS_LIMIT,
    STEAL_LIMIT,
    Conditions,
    Versions,
    commit,
    machine,
)
from versus_bench.plan import FULL, HARNESS_VERSION, QUICK, Plan
from versus_bench.programs import VEGETA_VERSION, build
from versus_bench.tools import (
    BUILD,
    LANGUAGES,
    RESULTS,
    Cpus,
    MeasureError,
    Round,
    elapsed,
    log,
    raise_priority,
    require_tools,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from versus_bench.plan import Series
    from versus_bench.programs import Programs
    from versus_bench.tools import Language

    Workload = Callable[[Round], list[Series]]

#: Run order within a round: the long builds first, so a broken build
#: fails the run in minutes rather than at the end of the first round.
WORKLOADS: dict[str, Workload] = {
    "compile": compile_.compile_workload,
    "http": http_load.http_workload,
    "memory": memory.memory_workload,
    "startup": memory.startup_workload,
    "json": micro.json_workload,
    "search": micro.search_workload,
}


def write_json(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n", "utf-8"
    )


def run_dir(parent: Path, started: datetime, measured: str) -> Path:
    """A new directory per run; earlier runs are never touched."""
    base = parent / f"{started:%Y-%m-%d}-{measured}"
    candidate, n = base, 1
    while candidate.exists():
        n += 1
        candidate = base.with_name(f"{base.name}-{n}")
    return candidate


def one_round(
    directory: Path,
    n: int,
    only: Sequence[str],
    plan: Plan,
    programs: Programs,
    cpus: Cpus,
    ver: Versions,
) -> dict[str, Any]:
    """Every workload once, in this round's language order; returns the
    round's conditions (noisy or not)."""
    order: tuple[Language, ...] = LANGUAGES if n % 2 else LANGUAGES[::-1]
    conditions = Conditions()
    for name in only:
        log(f"round {n}: {name} ({' then '.join(order)})")
        series = WORKLOADS[name](Round(plan, programs, cpus, ver, order))
        write_json(
            directory / f"{name}.json",
            {"workload": name, "series": [s.as_json() for s in series]},
        )
    result = conditions.finish()
    result["order"] = list(order)
    write_json(directory / "conditions.json", result)
    return result


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m versus_bench", description=__doc__.split("\n")[0]
    )
    p.add_argument(
        "--quick", action="store_true", help="two short rounds at tiny sizes (minutes)"
    )
    p.add_argument(
        "--rounds", type=int, help="rounds to run (default: 5 full, 2 quick)"
    )
    p.add_argument(
        "--results",
        type=Path,
        help="parent of the run directory (default bench/results; quick: "
        "bench/build/results-quick)",
    )
    p.add_argument(
        "--run-dir-file", type=Path, help="write the run directory's path here"
    )
    p.add_argument(
        "--only",
        default=",".join(WORKLOADS),
        help=f"comma-separated subset of {','.join(WORKLOADS)}",
    )
    return p


def _stop(signum: int, _frame: object) -> None:
    """SIGTERM ends the run like Ctrl-C: running builds and servers die."""
    raise KeyboardInterrupt(f"signal {signum}")


def main(argv: Sequence[str] | None = None) -> int:
    signal.signal(signal.SIGTERM, _stop)
    args = _parser().parse_args(argv)
    plan = QUICK if args.quick else FULL
    rounds = args.rounds or plan.rounds
    only = [w.strip() for w in args.only.split(",") if w.strip()]
    unknown = sorted(set(only) - set(WORKLOADS))
    if unknown:
        print(f"unknown workload(s): {', '.join(unknown)}", file=sys.stderr)
        return 2
    started = datetime.now(UTC)
    try:
        require_tools()
        cpus = Cpus.pick()
        priority = raise_priority()
        measured = commit()
        parent = args.results or (BUILD / "results-quick" if args.quick else RESULTS)
        directory = run_dir(parent.resolve(), started, measured)
        log(
            f"{plan.mode} mode, {rounds} rounds, {cpus.describe()}; "
            f"raw data in {directory}"
        )
        ver = Versions.read()
        programs = build()
        built = elapsed()
        summary: list[dict[str, Any]] = []
        for n in range(1, rounds + 1):
            conditions = one_round(
                directory / f"round-{n}", n, only, plan, programs, cpus, ver
            )
            if conditions["noisy"] and plan.mode == "full":
                log(
                    f"round {n} was noisy "
                    f"({'; '.join(conditions['noisy_reasons'])}): repeating it once"
                )
                (directory / f"round-{n}").rename(directory / f"round-{n}-noisy")
                conditions = one_round(
                    directory / f"round-{n}", n, only, plan, programs, cpus, ver
                )
                conditions["repeated"] = True
                write_json(directory / f"round-{n}" / "conditions.json", conditions)
            summary.append({"round": n, **conditions})
        seconds = elapsed()
        write_json(
            directory / "run.json",
            {
                "harness": HARNESS_VERSION,
                "date": started.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "commit": measured,
                **machine(),
                "go": ver.go,
                "rust": ver.rust,
                "wrk": ver.wrk,
                "vegeta": VEGETA_VERSION,
                "hyperfine": ver.hyperfine,
                "criterion": ver.criterion,
                "mode": plan.mode,
                "rounds": rounds,
                "workloads": only,
                "pinning": cpus.describe(),
                "priority": priority,
                "noisy_rule": (
                    "quick runs flag noisy rounds without repeating; "
                    if plan.mode == "quick"
                    else ""
                )
                + (
                    f"a round is noisy when steal time exceeds {STEAL_LIMIT:.0%} of "
                    f"CPU time or other processes at normal priority (not niced) "
                    f"used more than {OTHERS_LIMIT:.0%} of all cores; "
                    "it is repeated once "
                    "(the first attempt kept as round-N-noisy) and flagged if the "
                    "repeat is noisy too"
                ),
                "build_seconds": round(built, 1),
                "duration_seconds": round(seconds, 1),
                "round_conditions": summary,
                "binary_sizes": [
                    s.as_json() for s in memory.binsize_rows(programs, ver)
                ],
            },
        )
    except MeasureError as error:
        print(f"measure: {error}", file=sys.stderr)
        return 1
    if args.run_dir_file:
        args.run_dir_file.parent.mkdir(parents=True, exist_ok=True)
        args.run_dir_file.write_text(f"{directory}\n")
    log(f"{rounds} rounds in {seconds:.0f} s; raw data in {directory}")
    return 0
