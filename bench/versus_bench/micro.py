"""Micro-benchmarks: JSON decode and encode (Go encoding/json v1 and v2,
serde_json) and the binary-search size sweep, with testing.B and criterion."""

from __future__ import annotations

import json
import re
import shutil
import sys
from typing import TYPE_CHECKING

from versus_bench.plan import Series
from versus_bench.tools import (
    BENCH,
    BUILD,
    GO_DIR,
    RUST_DIR,
    MeasureError,
    log,
    median,
    run,
    tool_env,
)

sys.path.insert(0, str(BENCH))
import jsondoc

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

    from versus_bench.machine import Versions
    from versus_bench.plan import Plan
    from versus_bench.tools import Cpus, Round


def go_bench(
    cpus: Cpus,
    test_binary: Path,
    name: str,
    env: Mapping[str, str],
    runs: int,
    benchtime: str,
) -> list[float]:
    """ns/op of each ``-count`` run of one testing.B benchmark, the first
    (warm-up) run dropped."""
    command = [
        test_binary,
        "-test.run",
        "^$",
        "-test.bench",
        f"^{name}$",
        "-test.count",
        str(runs + 1),
        "-test.benchtime",
        benchtime,
    ]
    output = run(cpus.pin(cpus.load, command), cwd=GO_DIR, env=tool_env(env))
    values = [
        float(ns)
        for ns in re.findall(rf"^{name}(?:-\d+)?\s+\d+\s+([\d.]+) ns/op", output, re.M)
    ]
    if len(values) != runs + 1:
        raise MeasureError(f"expected {runs + 1} results from {name}:\n{output}")
    return values[1:]


def criterion_bench(
    cpus: Cpus,
    executable: Path,
    bench_id: str,
    env: Mapping[str, str],
    *,
    warmup: float,
    seconds: float,
    samples: int,
) -> list[float]:
    """ns per iteration of each criterion sample, from the sample.json
    criterion writes (its raw measurements)."""
    home = BUILD / "criterion"
    shutil.rmtree(home, ignore_errors=True)
    command = [
        executable,
        "--bench",
        "--noplot",
        "--warm-up-time",
        f"{warmup:g}",
        "--measurement-time",
        f"{seconds:g}",
        "--sample-size",
        str(samples),
        f"^{bench_id}$",
    ]
    run(
        cpus.pin(cpus.load, command),
        cwd=RUST_DIR,
        env=tool_env({**env, "CRITERION_HOME": str(home)}),
    )
    sample = json.loads((home / bench_id / "new" / "sample.json").read_text())
    return [t / i for t, i in zip(sample["times"], sample["iters"], strict=True)]


def _method(
    plan: Plan,
    cpus: Cpus,
    ver: Versions,
    runs: int,
    benchtime: str,
    warmup: float,
    seconds: float,
    samples: int,
) -> str:
    return (
        f"Go {ver.go} testing.B, {runs} run(s) of {benchtime} after a warm-up run; "
        f"Rust criterion {ver.criterion}, {samples} samples in {seconds:g} s after "
        f"{warmup:g} s warm-up; each round's median of those; on CPU {cpus.load}"
    )


def json_workload(job: Round) -> list[Series]:
    """One generated document, decoded into typed structs and encoded back,
    per iteration."""
    plan, programs, cpus, ver, order = job
    doc = BUILD / "json" / f"document-{plan.json_bytes}.json"
    size = jsondoc.write(doc, plan.json_bytes)
    users = json.loads(doc.read_bytes())["count"]
    env = {"BENCH_JSON_FILE": str(doc)}
    label = "1 MB" if plan.json_bytes == 1_000_000 else f"{round(size / 1000)} kB"
    method = _method(
        plan,
        cpus,
        ver,
        plan.go_runs,
        plan.go_benchtime,
        plan.criterion_warmup_seconds,
        plan.criterion_seconds,
        plan.criterion_samples,
    )
    what = (
        f"one {size}-byte document (bench/jsondoc.py, seed {jsondoc.SEED}: {users} "
        "users with nested objects, arrays, floats, escapes and non-ASCII text)"
    )
    rows = []
    for op, go_name, rust_id, verb in (
        ("decode", "Parse", "json/parse", f"decode {what} into typed structs"),
        (
            "encode",
            "Encode",
            "json/encode",
            f"encode the decoded structs of {what} back to JSON",
        ),
    ):
        workload = (
            f"JSON parsing ({label})" if op == "decode" else f"JSON encoding ({label})"
        )
        v1 = Series(
            f"json-{op}",
            workload,
            "ms",
            "lower",
            f"time to {verb}: Go encoding/json (v1) vs serde_json "
            f"{ver.serde_json}; {method}",
        )
        v2 = Series(
            f"json-{op}-v2",
            f"{workload}, Go json/v2",
            "ms",
            "lower",
            f"time to {verb}: Go encoding/json/v2 (GOEXPERIMENT=jsonv2, same structs) "
            f"vs serde_json {ver.serde_json}; {method}",
        )
        for language in order:
            if language == "go":
                for row, binary, name in (
                    (v1, "jsonparse", go_name),
                    (v2, "jsonparse-v2", go_name + "V2"),
                ):
                    ns = go_bench(
                        cpus,
                        programs.go_tests[binary],
                        f"Benchmark{name}",
                        env,
                        plan.go_runs,
                        plan.go_benchtime,
                    )
                    row.go += [v / 1e6 for v in ns]
            else:
                ns = criterion_bench(
                    cpus,
                    programs.criterion["json"],
                    rust_id,
                    env,
                    warmup=plan.criterion_warmup_seconds,
                    seconds=plan.criterion_seconds,
                    samples=plan.criterion_samples,
                )
                v1.rust += [v / 1e6 for v in ns]
                v2.rust += [v / 1e6 for v in ns]
        log(
            f"  JSON {op}: Go v1 {median(v1.go):.3f} ms, v2 {median(v2.go):.3f} ms, "
            f"Rust {median(v1.rust):.3f} ms"
        )
        rows += [v1, v2]
    return rows


def size_label(items: int) -> str:
    """10M items, 100k items: the article's spelling."""
    if items >= 1_000_000:
        return f"{items // 1_000_000}M"
    return f"{items // 1000}k"


def search_workload(job: Round) -> list[Series]:
    """One standard-library binary search per iteration, random keys, at
    each size of the sweep."""
    plan, programs, cpus, ver, order = job
    method = _method(
        plan,
        cpus,
        ver,
        plan.search_go_runs,
        plan.search_go_benchtime,
        plan.search_criterion_warmup_seconds,
        plan.search_criterion_seconds,
        plan.criterion_samples,
    )
    rows = []
    for items in plan.search_sizes:
        exponent = len(str(items)) - 1
        row = Series(
            f"search-1e{exponent}",
            f"Binary search ({size_label(items)} items)",
            "ns",
            "lower",
            f"time per lookup: slices.BinarySearch vs slice::binary_search over "
            f"{items} sorted 64-bit integers ({items * 8 / 1e6:g} MB), keys cycling "
            "through 65536 pseudo-random keys (splitmix64, seed 16; about half "
            f"present); {method}",
            extra={"items": items, "bytes": items * 8},
        )
        env = {"BENCH_SEARCH_ITEMS": str(items)}
        for language in order:
            if language == "go":
                row.go += go_bench(
                    cpus,
                    programs.go_tests["search"],
                    "BenchmarkBinarySearch",
                    env,
                    plan.search_go_runs,
                    plan.search_go_benchtime,
                )
            else:
                row.rust += criterion_bench(
                    cpus,
                    programs.criterion["search"],
                    "search/binary_search",
                    env,
                    warmup=plan.search_criterion_warmup_seconds,
                    seconds=plan.search_criterion_seconds,
                    samples=plan.criterion_samples,
                )
        log(
            f"  search {items}: Go {median(row.go):.1f} ns, "
            f"Rust {median(row.rust):.1f} ns"
        )
        rows.append(row)
    return rows
