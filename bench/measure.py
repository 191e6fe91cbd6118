#!/usr/bin/env python3
"""``make measure``: run the article's five workloads as real Go and Rust
programs and write what they measured to ``docs/data/measured.csv``.

    python3 bench/measure.py [--quick] [--out PATH] [--only http,json,...]

Standard library only, so it runs from a fresh clone with nothing but
Python 3.11, Go, Rust, wrk, hyperfine and taskset.  Each value in the CSV is
the median of repeated measurements with their interquartile range, and the
CSV opens with the machine, tool versions and mode it ran with, because a
benchmark figure means nothing without them.  See bench/README.md.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import math
import os
import platform
import re
import selectors
import shlex
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Literal

import jsondoc

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

#: Written into the CSV's environment block; a test checks the committed CSV
#: carries the same number.  Raise it when a change alters what is measured
#: or how, so a CSV from the old harness is recognisably stale.
HARNESS_VERSION = 1

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
SNIPPETS = ROOT / "snippets"
BUILD = BENCH / "build"
RUST_DIR = BENCH / "rust"
GO_DIR = BENCH / "go"
#: The benchmarks' target dir; the guide's server is built into it too, so
#: the crates both use (serde, serde_json) compile once.
RUST_TARGET = RUST_DIR / "target"
DEFAULT_OUT = ROOT / "docs" / "data" / "measured.csv"

HEADER = ("workload", "unit", "better", "Go", "Rust", "source", "notes")
SOURCE = "Measured by this project (make measure)"
EN_DASH = "\u2013"
ENV_KEYS = (
    "harness",
    "date",
    "commit",
    "cpu",
    "cores",
    "memory",
    "os",
    "go",
    "rust",
    "wrk",
    "hyperfine",
    "criterion",
    "mode",
    "spread",
)
SPREAD = (
    "Each cell is the median of the repeated measurements its notes describe, "
    "and in brackets their interquartile range (25th to 75th percentile); the "
    "repetitions are separate runs for wrk, hyperfine, go test -count and "
    "server starts, and criterion's samples for criterion."
)

#: Pinned projects for the large clean builds: a popular command-line tool
#: in each language, fetched with the language's own package tool.
RIPGREP_VERSION = "15.1.0"
FZF_MODULE = "github.com/junegunn/fzf"
FZF_VERSION = "v0.65.2"
#: Go's build cache is per user and global; these keep every Go command on
#: the installed toolchain, off the network, and free of VCS stamping.
GO_ENV = {
    "GOTOOLCHAIN": "local",
    "CGO_ENABLED": "0",
    "GOFLAGS": "-mod=readonly -buildvcs=false",
}
RUST_ENV = {"CARGO_TERM_COLOR": "never"}
WORKLOADS = ("http", "json", "search", "memory", "compile")
Language = Literal["go", "rust"]
LANGUAGES: tuple[Language, ...] = ("go", "rust")

BUILD_TIMEOUT = 1800.0
RUN_TIMEOUT = 600.0
SERVER_READY_TIMEOUT = 30.0
SERVER_STOP_TIMEOUT = 15.0


class MeasureError(Exception):
    """A build or a measurement failed; the message says which and why."""


# -- how much to run -----------------------------------------------------------


@dataclass(frozen=True)
class Plan:
    """Sizes and repetitions of one mode: ``full`` for the published
    figures, ``quick`` to prove every workload runs, in seconds."""

    mode: Literal["full", "quick"]
    http_connections: tuple[int, ...] = (16, 64, 256)
    http_headline: int = 64
    http_seconds: int = 5
    http_warmup_seconds: int = 3
    http_runs: int = 5
    memory_runs: int = 5
    memory_settle_seconds: float = 1.0
    memory_burst_seconds: int = 2
    json_bytes: int = 1_000_000
    search_items: int = 10_000_000
    go_runs: int = 10
    go_warmup_runs: int = 1
    go_benchtime: str = "1s"
    criterion_warmup_seconds: float = 3.0
    criterion_seconds: float = 10.0
    criterion_samples: int = 50
    large_project: bool = True
    clean_runs: int = 3
    clean_warmup: int = 1
    incremental_runs: int = 5
    incremental_warmup: int = 1


FULL = Plan(mode="full")
QUICK = Plan(
    mode="quick",
    http_seconds=1,
    http_warmup_seconds=1,
    http_runs=1,
    memory_runs=1,
    memory_settle_seconds=0.5,
    memory_burst_seconds=1,
    json_bytes=16_000,
    search_items=100_000,
    go_runs=1,
    go_warmup_runs=0,
    go_benchtime="100ms",
    criterion_warmup_seconds=0.2,
    criterion_seconds=0.5,
    criterion_samples=10,
    large_project=False,
    clean_runs=1,
    clean_warmup=0,
    incremental_runs=1,
    incremental_warmup=0,
)


# -- progress and statistics ---------------------------------------------------

_STARTED = time.monotonic()
_LOADS: list[float] = []


def log(message: str) -> None:
    """Progress on stderr, so stdout stays free and a long run shows life."""
    minutes, seconds = divmod(int(time.monotonic() - _STARTED), 60)
    print(f"[measure {minutes}:{seconds:02d}] {message}", file=sys.stderr, flush=True)


def note_load(step: str) -> None:
    """Record the 1-minute load average: on a shared machine it is the first
    thing that explains a wide spread."""
    load = os.getloadavg()[0]
    _LOADS.append(load)
    log(f"{step} (load average {load:.2f})")


@dataclass(frozen=True)
class Spread:
    """The median of repeated measurements and their interquartile range."""

    median: float
    low: float
    high: float
    count: int

    @classmethod
    def of(cls, values: Sequence[float]) -> Spread:
        if not values:
            raise MeasureError("no measurements to summarise")
        if any(not math.isfinite(v) or v <= 0 for v in values):
            raise MeasureError(f"a measurement is not a positive number: {values}")
        if len(values) == 1:
            return cls(values[0], values[0], values[0], 1)
        q1, q2, q3 = statistics.quantiles(values, n=4, method="inclusive")
        return cls(q2, q1, q3, len(values))

    def scaled(self, factor: float) -> Spread:
        return replace(
            self,
            median=self.median * factor,
            low=self.low * factor,
            high=self.high * factor,
        )

    def cell(self) -> str:
        """``median (low–high)``, each to four significant digits."""
        low, median, high = (number(v) for v in (self.low, self.median, self.high))
        return f"{median} ({low}{EN_DASH}{high})"


def number(value: float, digits: int = 4) -> str:
    """A positive number to ``digits`` significant digits as a plain decimal:
    no exponent, no thousands separator, no trailing zeros.  Rounding is
    monotonic, so ``low <= median <= high`` survives it."""
    if not value > 0:
        raise MeasureError(f"not a positive number: {value}")
    decimals = digits - 1 - math.floor(math.log10(value))
    if decimals <= 0:
        return str(round(value / 10**-decimals) * 10**-decimals)
    return f"{value:.{decimals}f}".rstrip("0").rstrip(".")


@dataclass(frozen=True)
class Row:
    """One line of the CSV: a workload measured in both languages."""

    workload: str
    unit: str
    better: Literal["higher", "lower"]
    go: Spread
    rust: Spread
    notes: str

    def cells(self) -> list[str]:
        return [
            self.workload,
            self.unit,
            self.better,
            self.go.cell(),
            self.rust.cell(),
            SOURCE,
            self.notes,
        ]


# -- running tools -------------------------------------------------------------


def tool_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    env = {**os.environ, **GO_ENV, **RUST_ENV, "NO_COLOR": "1"}
    env.pop("CARGO_TARGET_DIR", None)  # every cargo call names its own
    return {**env, **(extra or {})}


def run(
    command: Sequence[str | Path],
    *,
    cwd: Path = ROOT,
    env: Mapping[str, str] | None = None,
    timeout: float = RUN_TIMEOUT,
    stream: bool = False,
    ok_codes: tuple[int, ...] = (0,),
) -> str:
    """Run a command in its own process group and return its stdout.

    A failure raises :class:`MeasureError` with the command and its output; a
    timeout or Ctrl-C kills the whole group, so no build or server outlives
    the harness.  ``stream`` sends the output to stderr as it comes (long
    hyperfine runs) instead of capturing it.
    """
    args = [str(c) for c in command]
    out = sys.stderr if stream else subprocess.PIPE
    with subprocess.Popen(
        args,
        cwd=cwd,
        env=dict(env) if env is not None else tool_env(),
        stdout=out,
        stderr=subprocess.STDOUT if stream else subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    ) as proc:
        try:
            stdout, stderr = proc.communicate(timeout=timeout)
        except BaseException as error:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            if isinstance(error, subprocess.TimeoutExpired):
                raise MeasureError(
                    f"`{shlex.join(args)}` took longer than {timeout:.0f} s"
                ) from None
            raise
    if proc.returncode not in ok_codes:
        output = "\n".join(s.rstrip() for s in (stdout, stderr) if s and s.strip())
        raise MeasureError(
            f"`{shlex.join(args)}` (in {cwd}) exited with {proc.returncode}"
            + (f":\n{output[-4000:]}" if output else "")
        )
    return stdout or ""


def require_tools() -> None:
    missing = [
        tool
        for tool in ("go", "cargo", "rustc", "wrk", "hyperfine", "taskset", "git")
        if shutil.which(tool) is None
    ]
    if missing:
        raise MeasureError(
            f"not on PATH: {', '.join(missing)}. Go: https://go.dev/dl/; Rust: "
            "https://rustup.rs; wrk, hyperfine and taskset (util-linux): "
            "apt-get install wrk hyperfine util-linux"
        )


@dataclass(frozen=True)
class Cpus:
    """Where things run: servers on one core, the load generator and the
    micro-benchmarks on another, so they do not take turns on one core."""

    server: int
    load: int

    @classmethod
    def pick(cls) -> Cpus:
        cpus = sorted(os.sched_getaffinity(0))
        return cls(cpus[0], cpus[1] if len(cpus) > 1 else cpus[0])

    def pin(self, cpu: int, command: Sequence[str | Path]) -> list[str]:
        return ["taskset", "-c", str(cpu), *(str(c) for c in command)]

    def describe(self) -> str:
        if self.server == self.load:
            return f"everything on CPU {self.server} (only one core available)"
        return (
            f"HTTP servers on CPU {self.server} and wrk on CPU {self.load} "
            f"(taskset); go test and criterion benchmarks on CPU {self.load}"
        )


def lock_versions(lockfile: Path) -> dict[str, str]:
    with lockfile.open("rb") as f:
        return {p["name"]: p["version"] for p in tomllib.load(f)["package"]}


# -- building ------------------------------------------------------------------


@dataclass(frozen=True)
class Programs:
    """Everything the workloads run, built once per harness run."""

    http: dict[Language, Path]
    go_tests: dict[str, Path]
    criterion: dict[str, Path]


def cargo_executables(output: str, kind: str) -> dict[str, Path]:
    """Executables of ``kind`` ("bin", "bench") from cargo's JSON messages."""
    found: dict[str, Path] = {}
    for line in output.splitlines():
        if not line.startswith("{"):
            continue
        message = json.loads(line)
        target = message.get("target", {})
        if message.get("executable") and kind in target.get("kind", []):
            found[target["name"]] = Path(message["executable"])
    return found


def build() -> Programs:
    """The guide's two /health servers (release builds, as the deployment
    Dockerfiles build them), the Go test binaries and the criterion benches."""
    bindir = BUILD / "bin"
    bindir.mkdir(parents=True, exist_ok=True)
    note_load("building the Go server and benchmarks")
    go_http = bindir / "go-http"
    run(
        ["go", "build", "-trimpath", "-o", go_http, "./http"],
        cwd=SNIPPETS / "go",
        timeout=BUILD_TIMEOUT,
    )
    go_tests = {}
    for package in ("jsonparse", "search"):
        go_tests[package] = bindir / f"{package}.test"
        run(
            ["go", "test", "-c", "-o", go_tests[package], f"./{package}"],
            cwd=GO_DIR,
            timeout=BUILD_TIMEOUT,
        )
    note_load("building the Rust server (release; minutes when cold)")
    cargo = ["cargo", "build", "--release", "--locked", "--target-dir", RUST_TARGET]
    message = ["--message-format", "json-render-diagnostics"]
    output = run(
        [*cargo, "--bin", "http", *message],
        cwd=SNIPPETS / "rust",
        timeout=BUILD_TIMEOUT,
    )
    rust_http = cargo_executables(output, "bin")["http"]
    note_load("building the criterion benchmarks (minutes when cold)")
    output = run(
        [
            "cargo",
            "bench",
            "--no-run",
            "--locked",
            "--target-dir",
            RUST_TARGET,
            *message,
        ],
        cwd=RUST_DIR,
        timeout=BUILD_TIMEOUT,
    )
    benches = cargo_executables(output, "bench")
    return Programs(
        http={"go": go_http, "rust": rust_http},
        go_tests=go_tests,
        criterion={"json": benches["json"], "search": benches["search"]},
    )


# -- HTTP servers and wrk ------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    """One of the guide's /health servers, pinned to a core, on loopback."""

    language: Language
    binary: Path
    cpus: Cpus
    port: int = field(default_factory=free_port)
    proc: subprocess.Popen[str] | None = None
    errors: IO[str] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/health"

    def __enter__(self) -> Server:
        self.errors = tempfile.TemporaryFile("w+", encoding="utf-8")
        env = tool_env({"HOST": "127.0.0.1", "PORT": str(self.port)})
        # taskset execs the server, so proc.pid is the server's own pid.
        self.proc = subprocess.Popen(
            self.cpus.pin(self.cpus.server, [self.binary]),
            env=env,
            stdout=subprocess.PIPE,
            stderr=self.errors,
            stdin=subprocess.DEVNULL,
            text=True,
            start_new_session=True,
        )
        try:
            self._wait_ready()
        except BaseException:
            self.__exit__()
            raise
        return self

    def _wait_ready(self) -> None:
        assert self.proc is not None and self.proc.stdout is not None
        expected = f"listening on 127.0.0.1:{self.port}"
        with selectors.DefaultSelector() as sel:
            sel.register(self.proc.stdout, selectors.EVENT_READ)
            if sel.select(SERVER_READY_TIMEOUT):
                line = self.proc.stdout.readline().strip()
                if line == expected:
                    return
                raise MeasureError(
                    f"{self.language} server printed {line!r}, want {expected!r}"
                    + self._stderr()
                )
        raise MeasureError(
            f"{self.language} server not ready in {SERVER_READY_TIMEOUT:.0f} s"
            + self._stderr()
        )

    def _stderr(self) -> str:
        if self.errors is None:
            return ""
        self.errors.seek(0)
        text = self.errors.read().strip()
        return f"\n{text}" if text else ""

    def memory(self) -> dict[str, int]:
        """VmRSS and VmHWM from /proc/<pid>/status, in bytes."""
        assert self.proc is not None
        if self.proc.poll() is not None:
            raise MeasureError(f"{self.language} server exited" + self._stderr())
        status = Path(f"/proc/{self.proc.pid}/status").read_text()
        found = dict(re.findall(r"^(VmRSS|VmHWM):\s+(\d+) kB$", status, re.M))
        return {key: int(kib) * 1024 for key, kib in found.items()}

    def __exit__(self, *_exc: object) -> None:
        if self.proc is not None:
            with contextlib.suppress(ProcessLookupError):
                self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(SERVER_STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
            if self.proc.stdout is not None:
                self.proc.stdout.close()
        if self.errors is not None:
            self.errors.close()


@dataclass(frozen=True)
class WrkResult:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int


_WRK_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3}


def parse_wrk(output: str) -> WrkResult:
    """Requests/s and latency percentiles from ``wrk --latency``; any socket
    error or non-2xx answer fails the run instead of counting as speed."""
    rps = re.search(r"^Requests/sec:\s+([\d.]+)", output, re.M)
    total = re.search(r"^\s*(\d+) requests in", output, re.M)
    percentiles = {
        pct: float(value) * _WRK_UNITS[unit]
        for pct, value, unit in re.findall(
            r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", output, re.M
        )
    }
    if rps is None or total is None or set(percentiles) != {"50", "99"}:
        raise MeasureError(f"unexpected wrk output:\n{output}")
    errors = re.search(r"Socket errors: (.*)", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors or non_2xx:
        raise MeasureError(f"wrk saw errors:\n{output}")
    return WrkResult(
        float(rps.group(1)), percentiles["50"], percentiles["99"], int(total.group(1))
    )


def wrk(server: Server, connections: int, seconds: int) -> WrkResult:
    command = [
        "wrk",
        "--threads",
        "1",
        "--connections",
        str(connections),
        "--duration",
        f"{seconds}s",
        "--timeout",
        "10s",
        "--latency",
        server.url,
    ]
    output = run(server.cpus.pin(server.cpus.load, command), timeout=seconds + 60)
    return parse_wrk(output)


def http_workload(
    plan: Plan, programs: Programs, cpus: Cpus, ver: Versions
) -> list[Row]:
    """Requests/s and latency of both servers at a few connection counts.

    Both servers run side by side and the runs interleave (Go, Rust, Go, ...),
    so a burst of load from elsewhere on a shared machine hits both languages
    rather than whichever happened to be running.
    """
    rps: dict[tuple[Language, int], list[float]] = {}
    p50: dict[tuple[Language, int], list[float]] = {}
    p99: dict[tuple[Language, int], list[float]] = {}
    with (
        Server("go", programs.http["go"], cpus) as go_server,
        Server("rust", programs.http["rust"], cpus) as rust_server,
    ):
        servers = {"go": go_server, "rust": rust_server}
        for language, server in servers.items():
            note_load(f"HTTP: {language} warm-up, {plan.http_warmup_seconds} s")
            wrk(server, plan.http_headline, plan.http_warmup_seconds)
        for n in range(plan.http_runs):
            note_load(f"HTTP: run {n + 1}/{plan.http_runs}")
            for connections in plan.http_connections:
                for language in LANGUAGES:
                    result = wrk(servers[language], connections, plan.http_seconds)
                    key = (language, connections)
                    rps.setdefault(key, []).append(result.requests_per_second)
                    p50.setdefault(key, []).append(result.p50_ms)
                    p99.setdefault(key, []).append(result.p99_ms)
                    log(
                        f"  {language:4} {connections:3} connections: "
                        f"{result.requests_per_second:.0f} req/s, "
                        f"p50 {result.p50_ms:.3f} ms, p99 {result.p99_ms:.3f} ms"
                    )
    method = (
        f"wrk 1 thread, {{connections}} connections, {plan.http_runs} run(s) of "
        f"{plan.http_seconds} s after a {plan.http_warmup_seconds} s warm-up; "
        f"GET /health on 127.0.0.1 answered by the guide's http samples "
        f"(Go net/http, {ver.go}; Rust axum {ver.axum} on tokio {ver.tokio}; "
        f"release builds); server on CPU {cpus.server}, wrk on CPU {cpus.load}"
    )
    rows = []
    head = plan.http_headline
    ordered = [head, *(c for c in plan.http_connections if c != head)]
    for connections in ordered:
        name = "HTTP requests/sec"
        if connections != head:
            name += f" ({connections} connections)"
        rows.append(
            Row(
                name,
                "req/s",
                "higher",
                Spread.of(rps["go", connections]),
                Spread.of(rps["rust", connections]),
                method.format(connections=connections),
            )
        )
    for label, table in (("p50", p50), ("p99", p99)):
        rows.append(
            Row(
                f"HTTP latency {label} ({head} connections)",
                "ms",
                "lower",
                Spread.of(table["go", head]),
                Spread.of(table["rust", head]),
                f"{label} of wrk --latency per run; " + method.format(connections=head),
            )
        )
    return rows


def memory_workload(
    plan: Plan, programs: Programs, cpus: Cpus, ver: Versions
) -> list[Row]:
    """Resident memory of a fresh server when idle, then after a burst of
    requests; each run starts new processes."""
    idle: dict[Language, list[float]] = {"go": [], "rust": []}
    after: dict[Language, list[float]] = {"go": [], "rust": []}
    peak: dict[Language, list[float]] = {"go": [], "rust": []}
    for n in range(plan.memory_runs):
        note_load(f"memory: run {n + 1}/{plan.memory_runs}")
        for language in LANGUAGES:
            with Server(language, programs.http[language], cpus) as server:
                time.sleep(plan.memory_settle_seconds)
                start = server.memory()
                wrk(server, plan.http_headline, plan.memory_burst_seconds)
                time.sleep(0.5)
                loaded = server.memory()
            idle[language].append(start["VmRSS"] / 1e6)
            after[language].append(loaded["VmRSS"] / 1e6)
            peak[language].append(loaded["VmHWM"] / 1e6)
            log(
                f"  {language:4} VmRSS idle {idle[language][-1]:.2f} MB, after load "
                f"{after[language][-1]:.2f} MB, VmHWM {peak[language][-1]:.2f} MB"
            )
    servers = (
        f"the guide's http samples (Go net/http, {ver.go}; Rust axum {ver.axum} "
        f"on tokio {ver.tokio}; release builds) pinned to one core; "
        f"{plan.memory_runs} fresh start(s) of each; MB = 10^6 bytes"
    )
    burst = (
        f"after {plan.memory_burst_seconds} s of wrk at {plan.http_headline} "
        "connections and 0.5 s of quiet"
    )

    def row(name: str, values: dict[Language, list[float]], what: str) -> Row:
        return Row(
            name,
            "MB",
            "lower",
            Spread.of(values["go"]),
            Spread.of(values["rust"]),
            f"{what}; {servers}",
        )

    return [
        row(
            "Memory (idle server)",
            idle,
            f"VmRSS from /proc/<pid>/status {plan.memory_settle_seconds:g} s after "
            "the server printed its ready line, before any request",
        ),
        row("Memory after load", after, f"VmRSS {burst}"),
        row("Memory peak under load", peak, f"VmHWM (peak resident memory) {burst}"),
    ]


# -- micro-benchmarks: go test -bench and criterion ----------------------------


def go_bench(
    plan: Plan, cpus: Cpus, test_binary: Path, name: str, env: Mapping[str, str]
) -> list[float]:
    """ns/op of each ``-count`` run of one testing.B benchmark, warm-up runs
    dropped."""
    count = plan.go_runs + plan.go_warmup_runs
    command = [
        test_binary,
        "-test.run",
        "^$",
        "-test.bench",
        f"^{name}$",
        "-test.count",
        str(count),
        "-test.benchtime",
        plan.go_benchtime,
    ]
    output = run(cpus.pin(cpus.load, command), cwd=GO_DIR, env=tool_env(env))
    values = [
        float(ns)
        for ns in re.findall(rf"^{name}(?:-\d+)?\s+\d+\s+([\d.]+) ns/op", output, re.M)
    ]
    if len(values) != count:
        raise MeasureError(f"expected {count} results from {name}:\n{output}")
    return values[plan.go_warmup_runs :]


def criterion_bench(
    plan: Plan, cpus: Cpus, executable: Path, bench_id: str, env: Mapping[str, str]
) -> list[float]:
    """ns per iteration of each criterion sample, from the sample.json
    criterion writes (its raw measurements; its own estimates come from the
    same numbers)."""
    home = BUILD / "criterion"
    shutil.rmtree(home, ignore_errors=True)
    command = [
        executable,
        "--bench",
        "--noplot",
        "--warm-up-time",
        f"{plan.criterion_warmup_seconds:g}",
        "--measurement-time",
        f"{plan.criterion_seconds:g}",
        "--sample-size",
        str(plan.criterion_samples),
        bench_id,
    ]
    run(
        cpus.pin(cpus.load, command),
        cwd=RUST_DIR,
        env=tool_env({**env, "CRITERION_HOME": str(home)}),
    )
    sample = json.loads((home / bench_id / "new" / "sample.json").read_text())
    return [t / i for t, i in zip(sample["times"], sample["iters"], strict=True)]


def micro_method(plan: Plan, cpus: Cpus, ver: Versions) -> str:
    go = (
        f"Go {ver.go} testing.B (go test -bench), {plan.go_runs} run(s) of "
        f"{plan.go_benchtime}"
        + (f" after {plan.go_warmup_runs} warm-up run" if plan.go_warmup_runs else "")
    )
    rust = (
        f"Rust criterion {ver.criterion}, {plan.criterion_samples} samples in "
        f"{plan.criterion_seconds:g} s after {plan.criterion_warmup_seconds:g} s "
        "warm-up"
    )
    return f"{go}; {rust}; both on CPU {cpus.load}"


def json_workload(
    plan: Plan, programs: Programs, cpus: Cpus, ver: Versions
) -> list[Row]:
    """One generated document decoded into typed structs, per iteration."""
    doc = BUILD / "json" / f"document-{plan.json_bytes}.json"
    size = jsondoc.write(doc, plan.json_bytes)
    users = json.loads(doc.read_bytes())["count"]
    env = {"BENCH_JSON_FILE": str(doc)}
    note_load(f"JSON: Go encoding/json, {size} bytes")
    go = go_bench(plan, cpus, programs.go_tests["jsonparse"], "BenchmarkParse", env)
    note_load(f"JSON: Rust serde_json, {size} bytes")
    rust = criterion_bench(plan, cpus, programs.criterion["json"], "json/parse", env)
    name = (
        "JSON parsing (1 MB)"
        if plan.json_bytes == FULL.json_bytes
        else f"JSON parsing ({round(size / 1000)} kB)"
    )
    return [
        Row(
            name,
            "ms",
            "lower",
            Spread.of(go).scaled(1e-6),
            Spread.of(rust).scaled(1e-6),
            f"time to decode one {size}-byte document (bench/jsondoc.py, seed "
            f"{jsondoc.SEED}: {users} users with nested objects, arrays, floats, "
            f"escapes and non-ASCII text) into typed structs: encoding/json vs "
            f"serde_json {ver.serde_json}; {micro_method(plan, cpus, ver)}",
        )
    ]


def search_workload(
    plan: Plan, programs: Programs, cpus: Cpus, ver: Versions
) -> list[Row]:
    """One standard-library binary search per iteration, random keys."""
    items = plan.search_items
    env = {"BENCH_SEARCH_ITEMS": str(items)}
    note_load(f"binary search: Go, {items} items")
    go = go_bench(plan, cpus, programs.go_tests["search"], "BenchmarkBinarySearch", env)
    note_load(f"binary search: Rust, {items} items")
    rust = criterion_bench(
        plan, cpus, programs.criterion["search"], "search/binary_search", env
    )
    millions = items / 1e6
    name = (
        f"Binary search ({millions:g}M items)"
        if items >= 1_000_000
        else f"Binary search ({items // 1000}k items)"
    )
    return [
        Row(
            name,
            "ns",
            "lower",
            Spread.of(go),
            Spread.of(rust),
            f"time per lookup: slices.BinarySearch vs slice::binary_search over "
            f"{items} sorted 64-bit integers, keys cycling through 65536 "
            f"pseudo-random keys (splitmix64, seed 16; about half present); "
            f"{micro_method(plan, cpus, ver)}",
        )
    ]


# -- compile time: hyperfine ---------------------------------------------------


def hyperfine(
    label: str,
    command: str,
    *,
    prepare: str,
    runs: int,
    warmup: int,
    cwd: Path,
    env: Mapping[str, str],
) -> list[float]:
    """Wall-clock seconds of each timed run; ``prepare`` runs before every
    run, warm-ups included (hyperfine's rule), and is not timed."""
    note_load(f"compile: {label}: {warmup} warm-up + {runs} run(s)")
    export = BUILD / "hyperfine" / f"{re.sub(r'[^a-z0-9]+', '-', label.lower())}.json"
    export.parent.mkdir(parents=True, exist_ok=True)
    args = [
        "hyperfine",
        "--style",
        "basic",
        "--warmup",
        str(warmup),
        "--runs",
        str(runs),
        "--prepare",
        prepare,
        "--export-json",
        str(export),
        command,
    ]
    try:
        run(
            args,
            cwd=cwd,
            env=env,
            timeout=(runs + warmup + 1) * BUILD_TIMEOUT,
            stream=True,
        )
    except MeasureError:
        # hyperfine hides the command's own output; show why it failed.
        run(
            ["sh", "-c", f"{prepare} && {command}"],
            cwd=cwd,
            env=env,
            timeout=BUILD_TIMEOUT,
        )
        raise
    times = json.loads(export.read_text())["results"][0]["times"]
    log(f"  {label}: " + ", ".join(f"{t:.2f} s" for t in times))
    return [float(t) for t in times]


def q(path: Path) -> str:
    """A path quoted for the shell hyperfine runs commands in."""
    return shlex.quote(str(path))


def clean_go(seed: Path, cache: Path, out: Path) -> str:
    """The shell command that makes the next Go build clean: a fresh copy of
    the standard-library cache, and no binaries from the last run (go build
    skips a build whose binary is already up to date)."""
    return f"rm -rf {q(cache)} {q(out)} && cp -a {q(seed)} {q(cache)}"


def go_std_cache(label: str, cwd: Path, patterns: Sequence[str]) -> Path:
    """A Go build cache holding only the standard-library packages the build
    imports, compiled.

    Rust ships its standard library precompiled; Go compiles it into the
    build cache on first use.  Starting each clean Go build from a copy of
    this cache times the project, as the Rust builds do, and not Go's
    standard library.
    """
    listing = run(
        [
            "go",
            "list",
            "-deps",
            "-f",
            "{{if .Standard}}{{.ImportPath}}{{end}}",
            *patterns,
        ],
        cwd=cwd,
    )
    # Internal and vendored packages cannot be named on the command line;
    # the packages that import them pull them in.
    packages = sorted(
        p
        for p in set(listing.split())
        if not p.startswith(("vendor/", "internal/")) and "/internal/" not in p
    )
    seed = BUILD / "compile" / f"go-std-{label}"
    stamp = seed / "packages.txt"
    wanted = run(["go", "version"]) + "\n".join(packages)
    if not stamp.exists() or stamp.read_text() != wanted:
        log(f"compile: precompiling {len(packages)} standard-library packages")
        shutil.rmtree(seed, ignore_errors=True)
        seed.mkdir(parents=True)
        run(
            ["go", "build", *packages],
            cwd=cwd,
            env=tool_env({"GOCACHE": str(seed / "cache")}),
            timeout=BUILD_TIMEOUT,
        )
        stamp.write_text(wanted)
    return seed / "cache"


def fetch_ripgrep() -> Path:
    """ripgrep's published source, through cargo: a throwaway package that
    depends on exactly this version makes ``cargo fetch`` download and unpack
    it into cargo's registry sources, then ripgrep's own Cargo.lock fetches
    its dependencies.  (``cargo metadata`` leaves a dependency without a
    library out, so the unpacked source is found where cargo puts it.)"""
    fetcher = BUILD / "compile" / "fetch-ripgrep"
    (fetcher / "src").mkdir(parents=True, exist_ok=True)
    (fetcher / "src" / "lib.rs").write_text("")
    (fetcher / "Cargo.toml").write_text(
        '[package]\nname = "fetch-ripgrep"\nversion = "0.0.0"\nedition = "2024"\n'
        f'publish = false\n\n[dependencies]\nripgrep = "={RIPGREP_VERSION}"\n'
    )
    run(["cargo", "fetch", "--quiet"], cwd=fetcher, timeout=BUILD_TIMEOUT)
    cargo_home = Path(os.environ.get("CARGO_HOME") or Path.home() / ".cargo")
    manifests = sorted(
        cargo_home.glob(f"registry/src/*/ripgrep-{RIPGREP_VERSION}/Cargo.toml"),
        key=lambda p: p.stat().st_mtime,
    )
    if not manifests:
        raise MeasureError(
            f"cargo fetched ripgrep {RIPGREP_VERSION} but its source is not "
            f"under {cargo_home / 'registry' / 'src'}"
        )
    source = manifests[-1].parent
    run(["cargo", "fetch", "--locked", "--quiet"], cwd=source, timeout=BUILD_TIMEOUT)
    return source


def fetch_fzf() -> Path:
    """fzf's module source and its dependencies, through the Go module
    proxy, pinned by version and checked against go.sum."""
    info = json.loads(
        run(
            ["go", "mod", "download", "-json", f"{FZF_MODULE}@{FZF_VERSION}"],
            cwd=BUILD,
            timeout=BUILD_TIMEOUT,
        )
    )
    source = Path(info["Dir"])
    run(["go", "mod", "download"], cwd=source, timeout=BUILD_TIMEOUT)
    return source


def compile_workload(
    plan: Plan, programs: Programs, cpus: Cpus, ver: Versions
) -> list[Row]:
    """Clean release builds of a real project per language (full mode), and
    clean and incremental builds of the guide's own samples."""
    del programs  # the builds time fresh copies, not the harness's programs
    scratch = BUILD / "compile"
    scratch.mkdir(parents=True, exist_ok=True)
    try:
        return _compile_rows(plan, ver, scratch)
    finally:
        # Build output of the timed runs: hundreds of MB, never reused.
        for name in ("fzf-gocache", "fzf-bin", "ripgrep-target", "samples-gocache"):
            shutil.rmtree(scratch / name, ignore_errors=True)
        shutil.rmtree(scratch / "samples", ignore_errors=True)


def _compile_rows(plan: Plan, ver: Versions, scratch: Path) -> list[Row]:
    rows = []
    clean = {"runs": plan.clean_runs, "warmup": plan.clean_warmup}
    cores = f"{len(os.sched_getaffinity(0))} cores"

    if plan.large_project:
        note_load(f"compile: fetching fzf {FZF_VERSION} and ripgrep {RIPGREP_VERSION}")
        fzf = fetch_fzf()
        ripgrep = fetch_ripgrep()
        seed = go_std_cache("fzf", fzf, ["."])
        cache, out = scratch / "fzf-gocache", scratch / "fzf-bin"
        go = hyperfine(
            f"Go fzf {FZF_VERSION} clean",
            f"go build -o {q(out)}/ .",
            prepare=clean_go(seed, cache, out),
            cwd=fzf,
            env=tool_env({"GOCACHE": str(cache), "GOPROXY": "off"}),
            **clean,
        )
        target = scratch / "ripgrep-target"
        rust = hyperfine(
            f"Rust ripgrep {RIPGREP_VERSION} clean",
            f"cargo build --release --locked --offline --target-dir {q(target)}",
            prepare=f"rm -rf {q(target)}",
            cwd=ripgrep,
            env=tool_env(),
            **clean,
        )
        rows.append(
            Row(
                "Compile time (large project)",
                "s",
                "lower",
                Spread.of(go),
                Spread.of(rust),
                f"hyperfine, {plan.clean_warmup} warm-up + {plan.clean_runs} "
                f"clean builds each, {cores}: Go: go build of fzf {FZF_VERSION} "
                f"({FZF_MODULE.removeprefix('github.com/')} on GitHub, its go.sum; "
                "cgo disabled), each from a fresh "
                "GOCACHE holding only the precompiled standard library; Rust: "
                f"cargo build --release --locked of ripgrep {RIPGREP_VERSION} "
                "(fetched with cargo, its Cargo.lock) into a fresh target dir; sources "
                "fetched beforehand, builds offline",
            )
        )

    samples = scratch / "samples"
    shutil.rmtree(samples, ignore_errors=True)
    shutil.copytree(SNIPPETS / "go", samples / "go")
    shutil.copytree(
        SNIPPETS / "rust", samples / "rust", ignore=shutil.ignore_patterns("target")
    )
    run(["cargo", "fetch", "--locked", "--quiet"], cwd=samples / "rust")
    seed = go_std_cache("samples", samples / "go", ["./..."])
    cache = scratch / "samples-gocache"
    go_env = tool_env({"GOCACHE": str(cache), "GOPROXY": "off"})
    out = samples / "bin"
    go_build = f"go build -o {q(out)}/ ./..."
    target = scratch / "samples" / "target"
    cargo_build = f"cargo build --locked --offline --target-dir {q(target)}"
    go = hyperfine(
        "Go samples clean",
        go_build,
        prepare=clean_go(seed, cache, out),
        cwd=samples / "go",
        env=go_env,
        **clean,
    )
    rust = hyperfine(
        "Rust samples clean",
        cargo_build,
        prepare=f"rm -rf {q(target)}",
        cwd=samples / "rust",
        env=tool_env(),
        **clean,
    )
    what = (
        "the guide's four samples (snippets/: memory, concurrency, http, errors): "
        f"Go: go build -o <dir>/ ./... (standard library only; cgo disabled); "
        f"Rust: cargo build --locked, dev profile (axum {ver.axum}, tokio "
        f"{ver.tokio}, serde, serde_json, thiserror, futures)"
    )
    rows.append(
        Row(
            "Compile time (guide samples, clean)",
            "s",
            "lower",
            Spread.of(go),
            Spread.of(rust),
            f"hyperfine, {plan.clean_warmup} warm-up + {plan.clean_runs} clean "
            f"builds each, {cores}: {what}; Go from a fresh GOCACHE holding only "
            "the precompiled standard library, Rust into a fresh target dir",
        )
    )
    edit = 'echo "// edit $(date +%s%N)" >> '
    incremental = {"runs": plan.incremental_runs, "warmup": plan.incremental_warmup}
    go = hyperfine(
        "Go samples incremental",
        go_build,
        prepare=edit + "http/main.go",
        cwd=samples / "go",
        env=go_env,
        **incremental,
    )
    rust = hyperfine(
        "Rust samples incremental",
        cargo_build,
        prepare=edit + "src/bin/http.rs",
        cwd=samples / "rust",
        env=tool_env(),
        **incremental,
    )
    rows.append(
        Row(
            "Compile time (guide samples, incremental)",
            "s",
            "lower",
            Spread.of(go),
            Spread.of(rust),
            f"hyperfine, {plan.incremental_warmup} warm-up + "
            f"{plan.incremental_runs} runs each, {cores}: before each build a "
            "comment line is appended to the http sample (go/http/main.go, "
            f"src/bin/http.rs), then the build of the clean row with its "
            f"caches warm; {what}",
        )
    )
    return rows


# -- the environment block -----------------------------------------------------


@dataclass(frozen=True)
class Versions:
    """Tool and library versions, read once and quoted in notes."""

    go: str
    rust: str
    wrk: str
    hyperfine: str
    criterion: str
    serde_json: str
    axum: str
    tokio: str

    @classmethod
    def read(cls) -> Versions:
        bench = lock_versions(RUST_DIR / "Cargo.lock")
        snippets = lock_versions(SNIPPETS / "rust" / "Cargo.lock")
        go = run(["go", "version"]).split()[2]
        wrk_out = run(["wrk", "--version"], ok_codes=(0, 1))
        wrk = re.search(r"^wrk (\S+)", wrk_out, re.M)
        return cls(
            go=go,
            rust=run(["rustc", "--version"]).strip(),
            wrk=wrk.group(1) if wrk else "unknown",
            hyperfine=run(["hyperfine", "--version"]).split()[-1],
            criterion=bench["criterion"],
            serde_json=bench["serde_json"],
            axum=snippets["axum"],
            tokio=snippets["tokio"],
        )


def machine() -> dict[str, str]:
    cpuinfo = Path("/proc/cpuinfo").read_text()
    model = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.M)
    meminfo = Path("/proc/meminfo").read_text()
    total = re.search(r"^MemTotal:\s+(\d+) kB", meminfo, re.M)
    os_release = Path("/etc/os-release")
    pretty = "Linux"
    if os_release.exists():
        found = re.search(r'^PRETTY_NAME="?([^"\n]+)"?', os_release.read_text(), re.M)
        pretty = found.group(1) if found else pretty
    return {
        "cpu": model.group(1).strip() if model else platform.processor(),
        "cores": str(os.cpu_count()),
        "memory": f"{int(total.group(1)) / 2**20:.1f} GiB" if total else "unknown",
        "os": f"{pretty}, kernel {platform.release()}",
    }


def commit() -> str:
    """The commit measured; ``-dirty`` when the programs or the harness
    differ from it."""
    head = run(["git", "rev-parse", "--short", "HEAD"]).strip()
    changed = run(["git", "status", "--porcelain", "--", "bench", "snippets"])
    return f"{head}-dirty" if changed.strip() else head


def environment(
    plan: Plan, ver: Versions, cpus: Cpus, started: datetime, seconds: float
) -> dict[str, str]:
    minutes, secs = divmod(round(seconds), 60)
    return {
        "harness": str(HARNESS_VERSION),
        "date": started.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "commit": commit(),
        **machine(),
        "go": ver.go,
        "rust": ver.rust,
        "wrk": ver.wrk,
        "hyperfine": ver.hyperfine,
        "criterion": ver.criterion,
        "mode": plan.mode,
        "spread": SPREAD,
        "pinning": cpus.describe(),
        "load": (
            f"1-minute load average {_LOADS[0]:.2f} at the start, "
            f"{_LOADS[-1]:.2f} at the last step, {max(_LOADS):.2f} at most "
            "(sampled before each step)"
        ),
        "duration": f"{minutes} min {secs} s",
    }


def write_csv(path: Path, env: Mapping[str, str], rows: Sequence[Row]) -> None:
    """The environment block (``# key: value``), then the benchmark CSV."""
    missing = [key for key in ENV_KEYS if not env.get(key)]
    if missing:
        raise MeasureError(f"environment block lacks {missing}")
    buffer = io.StringIO()
    for key, value in env.items():
        buffer.write(f"# {key}: {' '.join(value.split())}\n")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(row.cells() for row in rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    partial.write_text(buffer.getvalue(), encoding="utf-8")
    partial.replace(path)


# -- main ----------------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="bench/measure.py", description=__doc__.split("\n")[0]
    )
    p.add_argument(
        "--quick",
        action="store_true",
        help="every workload once at tiny size, the guide's samples instead of "
        "the large projects (about a minute once built)",
    )
    p.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help="CSV to write (%(default)s)"
    )
    p.add_argument(
        "--only",
        default=",".join(WORKLOADS),
        help=f"comma-separated subset of {','.join(WORKLOADS)} (to try one; "
        "the published CSV comes from a run of all)",
    )
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    plan = QUICK if args.quick else FULL
    only = [w.strip() for w in args.only.split(",") if w.strip()]
    unknown = sorted(set(only) - set(WORKLOADS))
    if unknown:
        print(f"unknown workload(s): {', '.join(unknown)}", file=sys.stderr)
        return 2
    started = datetime.now(UTC)
    out = args.out.resolve()
    try:
        require_tools()
        cpus = Cpus.pick()
        note_load(f"measure: {plan.mode} mode, {cpus.describe()}; writing {out}")
        ver = Versions.read()
        programs = build()
        workloads = {
            "http": http_workload,
            "json": json_workload,
            "search": search_workload,
            "memory": memory_workload,
            "compile": compile_workload,
        }
        rows: list[Row] = []
        for name in WORKLOADS:
            if name in only:
                rows += workloads[name](plan, programs, cpus, ver)
        note_load("writing the CSV")
        seconds = time.monotonic() - _STARTED
        write_csv(out, environment(plan, ver, cpus, started, seconds), rows)
    except MeasureError as error:
        print(f"measure: {error}", file=sys.stderr)
        return 1
    log(f"wrote {len(rows)} rows to {out} in {seconds:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
