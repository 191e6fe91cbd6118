"""``make measure`` (issue 16): the harness runs every workload and writes the
CSV the extension reads, and the committed CSV came from this harness.

The quick run needs Go, Rust, wrk, hyperfine and taskset: it skips without
them locally and fails under ``CI=true``.  Its numbers are not checked, only
that each is a positive measurement with a sane spread; the figures
themselves belong to the full run on the machine its CSV names.
"""

from __future__ import annotations

import csv
import importlib
import json
import re
import subprocess
from datetime import datetime
from typing import TYPE_CHECKING, Any

import pytest

from tests.paths import ROOT

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path
    from types import ModuleType

BENCH = ROOT / "bench"
COMMITTED = ROOT / "docs" / "data" / "measured.csv"
ARTICLE_WORKLOADS = (
    "HTTP requests/sec",
    "JSON parsing (1 MB)",
    "Binary search (10M items)",
    "Memory (idle server)",
    "Compile time (large project)",
)
UNITS = {"req/s", "ms", "µs", "ns", "MB", "MiB", "s"}
NUMBER = r"\d+(?:\.\d+)?"
CELL = re.compile(rf"^({NUMBER}) \(({NUMBER})–({NUMBER})\)$")
TOOLS = {
    "go": "Go from https://go.dev/dl/",
    "cargo": "Rust with rustup (https://rustup.rs)",
    "wrk": "apt-get install wrk",
    "hyperfine": "apt-get install hyperfine",
    "taskset": "apt-get install util-linux",
    "make": "apt-get install make",
}
#: Generous: a cold quick run compiles the server and the criterion benches
#: (release), the timed clean build of the samples (axum and tokio, dev) and
#: part of Go's standard library; on a busy shared machine that takes minutes.
QUICK_TIMEOUT = 1800


@pytest.fixture(scope="module")
def measure(bench_on_path: None) -> ModuleType:
    """bench/measure.py as a module (it imports its sibling jsondoc)."""
    return importlib.import_module("measure")


@pytest.fixture(scope="module")
def bench_on_path() -> Any:
    with pytest.MonkeyPatch.context() as mp:
        mp.syspath_prepend(str(BENCH))
        yield


def read_measured(path: Path) -> tuple[dict[str, str], list[str], list[dict[str, str]]]:
    """The ``# key: value`` environment block, the header, the rows."""
    lines = path.read_text(encoding="utf-8").splitlines()
    env: dict[str, str] = {}
    while lines and lines[0].startswith("# "):
        key, sep, value = lines.pop(0)[2:].partition(": ")
        assert sep and key not in env, f"bad environment line for {key!r}"
        env[key] = value
    header = next(csv.reader(lines[:1]))
    return env, header, list(csv.DictReader(lines))


def check_schema(
    measure: ModuleType, path: Path, mode: str
) -> tuple[dict[str, str], list[dict[str, str]]]:
    env, header, rows = read_measured(path)
    assert set(measure.ENV_KEYS) <= env.keys(), env.keys()
    assert all(env[key].strip() for key in measure.ENV_KEYS)
    assert env["harness"] == str(measure.HARNESS_VERSION)
    assert env["mode"] == mode
    datetime.strptime(env["date"], "%Y-%m-%dT%H:%M:%SZ")
    assert re.fullmatch(r"[0-9a-f]{7,}(-dirty)?", env["commit"]), env["commit"]
    assert int(env["cores"]) >= 1
    assert header == list(measure.HEADER)
    assert rows
    names = [row["workload"] for row in rows]
    assert len(names) == len(set(names)), names
    for row in rows:
        where = row["workload"]
        assert row["unit"] in UNITS, where
        assert row["better"] in {"higher", "lower"}, where
        assert row["source"] == measure.SOURCE, where
        assert row["notes"].strip(), where
        for language in ("Go", "Rust"):
            cell = CELL.match(row[language])
            assert cell, f"{where}, {language}: {row[language]!r}"
            median, low, high = (float(v) for v in cell.groups())
            assert 0 < low <= median <= high, f"{where}, {language}: {row[language]}"
    return env, rows


@pytest.mark.toolchain
@pytest.mark.measure
def test_quick_run_measures_every_workload(
    measure: ModuleType,
    tmp_path: Path,
    require_tool: Callable[[str, str], str],
) -> None:
    for tool, hint in TOOLS.items():
        require_tool(tool, hint)
    out = tmp_path / "measured.csv"
    ran = subprocess.run(
        ["make", "measure", "QUICK=1", f"OUT={out}"],
        cwd=ROOT, capture_output=True, text=True, timeout=QUICK_TIMEOUT, check=False,
    )  # fmt: skip
    assert ran.returncode == 0, ran.stdout + ran.stderr[-6000:]
    _env, rows = check_schema(measure, out, "quick")
    names = {row["workload"] for row in rows}
    for expected in (
        "HTTP requests/sec",
        "HTTP latency p99 (64 connections)",
        "Memory (idle server)",
        "Memory after load",
        "Compile time (guide samples, clean)",
        "Compile time (guide samples, incremental)",
    ):
        assert expected in names
    # Quick sizes are named as what they are, not as the article's workloads.
    assert any(n.startswith("JSON parsing (") and "kB" in n for n in names)
    assert any(n.startswith("Binary search (") and "k items" in n for n in names)
    assert "Compile time (large project)" not in names


def test_committed_csv_comes_from_this_harness(measure: ModuleType) -> None:
    """Read the Docs shows the committed CSV without running anything: it
    must be a full run, by the harness version in the tree, with a row for
    each of the article's five workloads."""
    env, rows = check_schema(measure, COMMITTED, "full")
    assert env["harness"] == str(measure.HARNESS_VERSION)
    names = {row["workload"] for row in rows}
    assert set(ARTICLE_WORKLOADS) <= names, set(ARTICLE_WORKLOADS) - names


def test_makefile_has_a_measure_target() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^measure:", makefile, re.M)
    assert "make measure" in makefile


def test_json_document_is_deterministic(bench_on_path: None) -> None:
    jsondoc = importlib.import_module("jsondoc")
    first = jsondoc.generate(20_000)
    assert first == jsondoc.generate(20_000)
    assert first != jsondoc.generate(20_000, seed=jsondoc.SEED + 1)
    doc = json.loads(first)
    assert 20_000 <= len(first) < 21_000
    assert doc["count"] == len(doc["users"])
    assert doc["orders"] == sum(len(u["orders"]) for u in doc["users"])


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (61234.5, "61230"),
        (1234.4, "1234"),
        (12.3456, "12.35"),
        (0.0123456, "0.01235"),
        (2.0, "2"),
        (99999.9, "100000"),
    ],
)
def test_numbers_are_plain_decimals(
    measure: ModuleType, value: float, expected: str
) -> None:
    assert measure.number(value) == expected


def test_spread_is_median_and_interquartile_range(measure: ModuleType) -> None:
    spread = measure.Spread.of([5.0, 1.0, 3.0, 2.0, 4.0])
    assert (spread.low, spread.median, spread.high) == (2.0, 3.0, 4.0)
    assert spread.cell() == "3 (2–4)"
    assert measure.Spread.of([7.0]).cell() == "7 (7–7)"
    with pytest.raises(measure.MeasureError):
        measure.Spread.of([1.0, 0.0])


WRK_OUTPUT = """\
Running 5s test @ http://127.0.0.1:8080/health
  1 threads and 64 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     1.05ms  312.00us   9.80ms   91.00%
    Req/Sec    61.23k     1.10k   63.00k    80.00%
  Latency Distribution
     50%  987.00us
     75%    1.10ms
     90%    1.30ms
     99%    2.50ms
  306150 requests in 5.00s, 40.87MB read
Requests/sec:  61230.00
Transfer/sec:      8.17MB
"""


def test_wrk_output_is_parsed(measure: ModuleType) -> None:
    result = measure.parse_wrk(WRK_OUTPUT)
    assert result.requests_per_second == 61230.0
    assert result.p50_ms == pytest.approx(0.987)
    assert result.p99_ms == pytest.approx(2.5)
    assert result.requests == 306150


def test_wrk_errors_fail_the_run(measure: ModuleType) -> None:
    broken = WRK_OUTPUT.replace(
        "Requests/sec", "  Non-2xx or 3xx responses: 12\nRequests/sec"
    )
    with pytest.raises(measure.MeasureError, match="errors"):
        measure.parse_wrk(broken)


def _figure(cell: str) -> float:
    return float(cell.split(" (")[0])


def test_performance_page_quotes_the_committed_run() -> None:
    """The prose's measured figures are the committed CSV's, so a new run
    that changes them fails here until the page is reworded."""
    rows = {
        row["workload"]: row
        for row in csv.DictReader(
            line
            for line in COMMITTED.read_text("utf-8").splitlines()
            if not line.startswith("#")
        )
    }
    page = (ROOT / "docs" / "guide" / "performance.md").read_text("utf-8")
    text = " ".join(page.split())
    quoted = {
        ("HTTP requests/sec", "Rust"): "113,500 requests per second",
        ("HTTP requests/sec", "Go"): "against Go's 57,030",
        ("JSON parsing (1 MB)", "Go"): "30.6 ms in Go",
        ("JSON parsing (1 MB)", "Rust"): "6.4 ms in Rust",
        ("Binary search (10M items)", "Go"): "Go took 567 ns",
        ("Binary search (10M items)", "Rust"): "Rust 532 ns",
        ("Memory (idle server)", "Go"): "Go server held 5.5 MB",
        ("Memory (idle server)", "Rust"): "Rust server 3.5 MB",
        ("Compile time (large project)", "Go"): "took 4.0 s",
        ("Compile time (large project)", "Rust"): "58 s",
    }
    for (workload, system), phrase in quoted.items():
        assert phrase in text, phrase
        number = float(re.findall(r"[\d,]+(?:\.\d+)?", phrase)[-1].replace(",", ""))
        measured = _figure(rows[workload][system])
        assert abs(number - measured) <= 0.01 * measured + 0.05, (phrase, measured)
