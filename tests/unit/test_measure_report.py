"""The report's arithmetic (bench/versus_bench/report.py) on small made-up
raw files: medians of round medians, the ratio's bootstrap interval, the
words the data decides, byte-identical output."""

from __future__ import annotations

import csv
import json
import statistics
from typing import TYPE_CHECKING, Any

import pytest

from tests.paths import ROOT

if TYPE_CHECKING:
    from pathlib import Path
    from types import ModuleType

CONDITIONS = {
    "seconds": 60.0,
    "load_start": [1.0, 1.0, 1.0],
    "load_end": [1.5, 1.0, 1.0],
    "steal_share": 0.01,
    "nice_share": 0.2,
    "others_share": 0.02,
    "busy_share": 0.9,
    "cpu_mhz_start": 2300.0,
    "cpu_mhz_end": 2300.0,
    "noisy": False,
    "noisy_reasons": [],
}


@pytest.fixture(scope="module")
def report() -> ModuleType:
    pytest.importorskip("scipy")
    with pytest.MonkeyPatch.context() as mp:
        mp.syspath_prepend(str(ROOT / "bench"))
        import versus_bench.report as module

        return module


def series(sid: str, go: list[float], rust: list[float], **kw: Any) -> dict[str, Any]:
    return {
        "id": sid,
        "workload": kw.get("workload", sid),
        "unit": kw.get("unit", "ms"),
        "better": kw.get("better", "lower"),
        "notes": kw.get("notes", "made up"),
        "go": go,
        "rust": rust,
        "extra": {},
    }


def make_run(
    root: Path, rounds: list[list[dict[str, Any]]], mode: str = "full"
) -> Path:
    run = root / "2026-01-01-abc1234"
    run.mkdir(parents=True)
    for n, items in enumerate(rounds, 1):
        d = run / f"round-{n}"
        d.mkdir(parents=True)
        (d / "work.json").write_text(json.dumps({"workload": "w", "series": items}))
        (d / "conditions.json").write_text(json.dumps(CONDITIONS))
    info = {
        "harness": 2, "date": "2026-01-01T00:00:00Z", "commit": "abc1234",
        "cpu": "made up", "cores": "2", "memory": "1 GiB", "os": "Linux",
        "go": "go1.26", "rust": "rustc 1.95", "wrk": "4", "vegeta": "v12",
        "hyperfine": "1", "criterion": "0.8", "mode": mode, "rounds": len(rounds),
        "pinning": "none", "noisy_rule": "rule", "build_seconds": 10.0,
        "duration_seconds": 125.4,
        "round_conditions": [
            {"round": n, **CONDITIONS} for n in range(1, len(rounds) + 1)
        ],
        "binary_sizes": [series("binary-size", [8.0], [4.0], unit="MB")],
    }  # fmt: skip
    (run / "run.json").write_text(json.dumps(info))
    return run


def parse(text: str) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    lines = text.splitlines()
    env = {}
    while lines[0].startswith("# "):
        key, _, value = lines.pop(0)[2:].partition(": ")
        env[key] = value
    return env, {row["id"]: row for row in csv.DictReader(lines)}


def test_cells_are_medians_of_round_medians_with_their_range(
    report: ModuleType, tmp_path: Path
) -> None:
    go_rounds = [[10.0, 12.0, 11.0], [13.0, 13.0], [9.0], [10.0, 10.0], [12.0]]
    rust_rounds = [[5.0], [6.0, 8.0], [4.0], [5.0], [5.5]]
    run = make_run(
        tmp_path,
        [[series("x", g, r)] for g, r in zip(go_rounds, rust_rounds, strict=True)],
    )
    env, rows = parse(report.render(run))
    # round medians: Go 11, 13, 9, 10, 12; Rust 5, 7, 4, 5, 5.5 (median 5)
    assert rows["x"]["Go"] == "11 (9–13)"
    assert rows["x"]["Rust"] == "5 (4–7)"
    ratios = [5 / 11, 7 / 13, 4 / 9, 5 / 10, 5.5 / 12]
    point = statistics.median(ratios)
    text = rows["x"]["ratio"]
    assert text.startswith(f"Rust/Go {report.number(point, 3)} (")
    low, high = (float(v) for v in text.split("(")[1].rstrip(")").split("–"))
    # three significant digits: within rounding of the observed ratios
    assert min(ratios) * 0.995 <= low <= point <= high <= max(ratios) * 1.005
    assert low < high
    assert env["rounds"] == "5"
    assert env["duration"].startswith("2 min 5 s")


def test_same_files_same_bytes_and_noisy_attempts_ignored(
    report: ModuleType, tmp_path: Path
) -> None:
    run = make_run(
        tmp_path,
        [[series("x", [float(n + 10)], [float(n + 3)])] for n in range(5)],
    )
    first = report.render(run)
    assert report.render(run) == first
    noisy = run / "round-2-noisy"
    noisy.mkdir()
    (noisy / "work.json").write_text(
        json.dumps({"series": [series("x", [1000.0], [1.0])]})
    )
    assert report.render(run) == first


def test_exact_rounds_give_an_exact_interval_and_missing_systems_none(
    report: ModuleType, tmp_path: Path
) -> None:
    run = make_run(
        tmp_path,
        [[series("x", [2.0], [3.0]), series("gc", [1.5 + n], [])] for n in range(5)],
    )
    _env, rows = parse(report.render(run))
    assert rows["x"]["ratio"] == "Rust/Go 1.5 (1.5–1.5)"
    assert rows["gc"]["Rust"] == "" and rows["gc"]["ratio"] == ""
    assert rows["gc"]["Go"] == "3.5 (1.5–5.5)"
    assert rows["binary-size"]["Go"] == "8"
    assert rows["binary-size"]["ratio"] == "Rust/Go 0.5 (0.5–0.5)"


def test_quick_runs_say_so(report: ModuleType, tmp_path: Path) -> None:
    run = make_run(tmp_path, [[series("x", [2.0], [3.0])]] * 2, mode="quick")
    env, _rows = parse(report.render(run))
    assert env["mode"].startswith("quick (QUICK=1")


def test_saturated_load_generator_is_named(report: ModuleType, tmp_path: Path) -> None:
    def round_(rust_cpu: float) -> list[dict[str, Any]]:
        return [
            series("http-throughput-64", [50000.0], [100000.0], better="higher"),
            series("http-wrk-cpu-64", [60.0], [rust_cpu], unit="%"),
        ]

    busy = make_run(tmp_path / "a", [round_(97.0)] * 5)
    _env, rows = parse(report.render(busy))
    assert "lower bound" in rows["http-throughput-64"]["notes"]
    calm = make_run(tmp_path / "b", [round_(70.0)] * 5)
    _env, rows = parse(report.render(calm))
    assert "servers set the pace" in rows["http-throughput-64"]["notes"]


def test_search_crossover_comes_from_the_data(
    report: ModuleType, tmp_path: Path
) -> None:
    rounds = [
        [series("search-1e3", [20.0], [10.0]), series("search-1e8", [500.0], [700.0])]
    ] * 5
    _env, rows = parse(report.render(make_run(tmp_path, rounds)))
    notes = rows["search-1e3"]["notes"]
    assert "below 1/1.05 (Rust faster) at 10^3 items" in notes
    assert (
        "above 1.05 (Go faster) at 10^8, and within that margin of 1 at no size"
        in notes
    )


def test_a_run_without_rounds_is_an_error(report: ModuleType, tmp_path: Path) -> None:
    run = make_run(tmp_path, [])
    assert report.main([str(run)]) == 1


def test_a_saturated_fixed_rate_generator_is_named(
    report: ModuleType, tmp_path: Path
) -> None:
    def round_(cpu: float) -> list[dict[str, Any]]:
        p99 = series("http-fixed-p99", [1.0], [1.0])
        p99["extra"] = {"go_generator_cpu": [cpu], "rust_generator_cpu": [40.0]}
        return [series("http-fixed-p50", [0.2], [0.2]), p99]

    run = make_run(tmp_path, [round_(50.0), round_(96.0), round_(50.0)])
    _env, rows = parse(report.render(run))
    assert "round(s) 2 (96 %)" in rows["http-fixed-p50"]["notes"]
    calm = make_run(tmp_path / "calm", [round_(50.0)] * 3)
    _env, rows = parse(report.render(calm))
    assert "below saturation in every round" in rows["http-fixed-p99"]["notes"]


def test_a_sweep_size_inside_the_noise_is_called_even(
    report: ModuleType, tmp_path: Path
) -> None:
    rounds = [
        [series("search-1e3", [20.0], [10.0]), series("search-1e7", [400.0], [rust])]
        for rust in (300.0, 500.0, 420.0, 380.0, 460.0)
    ]
    _env, rows = parse(report.render(make_run(tmp_path, rounds)))
    notes = rows["search-1e7"]["notes"]
    assert "(Go faster) at no size, and within that margin of 1 at 10^7." in notes
