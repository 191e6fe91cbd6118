"""HTTP: closed-loop throughput with wrk (and wrk's own CPU use), an
open-loop fixed-rate latency run with vegeta, and the Go runtime's GC
pauses during that load (from GODEBUG=gctrace=1)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from versus_bench.plan import Series
from versus_bench.programs import VEGETA_VERSION
from versus_bench.server import Server
from versus_bench.tools import BUILD, MeasureError, log, median, run_measured

if TYPE_CHECKING:
    from versus_bench.programs import Programs
    from versus_bench.tools import Round


@dataclass(frozen=True)
class WrkResult:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    cpu_share: float


_WRK_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3}


def parse_wrk(output: str, cpu_share: float = 0.0) -> WrkResult:
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
        float(rps.group(1)),
        percentiles["50"],
        percentiles["99"],
        int(total.group(1)),
        cpu_share,
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
    ran = run_measured(server.cpus.pin(server.cpus.load, command), timeout=seconds + 60)
    return parse_wrk(ran.stdout, ran.cpu_seconds / seconds)


#: One GC cycle of GODEBUG=gctrace=1: its two stop-the-world phases are
#: the first and last of the wall-clock triple (sweep termination, then
#: mark termination); the middle one is concurrent marking.
_GCTRACE = re.compile(
    r"^gc \d+ @[\d.]+s \d+%: ([\d.]+)\+[\d.]+\+([\d.]+) ms clock", re.M
)


def gc_pauses_ms(stderr: str) -> list[float]:
    """Every stop-the-world pause in a gctrace, in milliseconds."""
    pauses = []
    for sweep_term, mark_term in _GCTRACE.findall(stderr):
        pauses += [float(sweep_term), float(mark_term)]
    return pauses


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile (a pause that happened, not an average)."""
    ordered = sorted(values)
    rank = max(1, -(-int(fraction * 1000) * len(ordered) // 1000))
    return ordered[min(rank, len(ordered)) - 1]


def vegeta(
    programs: Programs, server: Server, rate: int, seconds: int
) -> dict[str, float]:
    """Latency of requests sent at a constant rate whatever the answers'
    timing (open loop, so slow answers are not hidden by fewer requests)."""
    out = BUILD / "vegeta" / f"{server.language}.bin"
    out.parent.mkdir(parents=True, exist_ok=True)
    targets = out.with_suffix(".targets")
    targets.write_text(f"GET {server.url}\n")
    attack = [
        programs.vegeta,
        "attack",
        f"-rate={rate}/s",
        f"-duration={seconds}s",
        f"-targets={targets}",
        f"-output={out}",
    ]
    ran = run_measured(server.cpus.pin(server.cpus.load, attack), timeout=seconds + 60)
    report = json.loads(
        run_measured([programs.vegeta, "report", "-type=json", str(out)]).stdout
    )
    if report["success"] < 1 or set(report["status_codes"]) != {"200"}:
        raise MeasureError(f"vegeta saw failures: {report}")
    latencies = report["latencies"]
    return {
        "p50_ms": latencies["50th"] / 1e6,
        "p99_ms": latencies["99th"] / 1e6,
        "max_ms": latencies["max"] / 1e6,
        "rate": report["rate"],
        "cpu_share": ran.cpu_seconds / seconds,
    }


def http_workload(job: Round) -> list[Series]:
    """Both servers run side by side; within the round each measurement
    runs in the round's language order."""
    plan, programs, cpus, ver, order = job
    servers_note = (
        f"GET /health on 127.0.0.1 answered by the guide's http samples (Go "
        f"net/http, {ver.go}; Rust axum {ver.axum} on tokio {ver.tokio}; release "
        f"builds), each server pinned to CPU {cpus.server}"
    )
    wrk_note = (
        f"wrk {ver.wrk}, 1 thread on CPU {cpus.load}, {{c}} connections, one "
        f"{plan.http_seconds} s run per round after a {plan.http_warmup_seconds} s "
        f"warm-up; {servers_note}"
    )
    rows: dict[str, Series] = {}

    def series(key: str, name: str, unit: str, better: str, notes: str) -> Series:
        if key not in rows:
            rows[key] = Series(key, name, unit, better, notes)  # type: ignore[arg-type]
        return rows[key]

    with (
        Server("go", programs.http["go"], cpus, gctrace=True) as go_server,
        Server("rust", programs.http["rust"], cpus) as rust_server,
    ):
        servers = {"go": go_server, "rust": rust_server}
        for language in order:
            wrk(servers[language], plan.http_headline, plan.http_warmup_seconds)
        head = plan.http_headline
        for connections in (head, *(c for c in plan.http_connections if c != head)):
            name = "HTTP requests/sec"
            if connections != head:
                name += f" ({connections} connections)"
            for language in order:
                result = wrk(servers[language], connections, plan.http_seconds)
                log(
                    f"  HTTP {language:4} {connections:3} connections: "
                    f"{result.requests_per_second:.0f} req/s, wrk CPU "
                    f"{result.cpu_share:.0%}"
                )
                row = series(
                    f"http-throughput-{connections}",
                    name,
                    "req/s",
                    "higher",
                    wrk_note.format(c=connections),
                )
                getattr(row, language).append(result.requests_per_second)
                cpu = series(
                    f"http-wrk-cpu-{connections}",
                    f"Load generator CPU (wrk, {connections} connections)",
                    "%",
                    "lower",
                    "share of its core the load generator (wrk, 1 thread) used "
                    "while loading each server (CPU seconds from the kernel's "
                    "rusage / run time); near 100 % the generator, not the "
                    "server, limits the throughput row",
                )
                getattr(cpu, language).append(100 * result.cpu_share)
                if connections == head:
                    p99 = series(
                        f"http-closed-p99-{head}",
                        f"HTTP latency p99, closed loop ({head} connections)",
                        "ms",
                        "lower",
                        "p99 of wrk --latency; wrk waits for each answer before "
                        "the next request (coordinated omission), so this "
                        "understates latency under load; " + wrk_note.format(c=head),
                    )
                    getattr(p99, language).append(result.p99_ms)
        fixed = (
            f"vegeta {VEGETA_VERSION} attack at a constant {plan.fixed_rate} "
            f"requests/s for {plan.fixed_rate_seconds} s per round on CPU "
            f"{cpus.load} (open loop: requests are sent on schedule whatever the "
            f"answers' timing, so no coordinated omission); {servers_note}"
        )
        for language in order:
            result_v = vegeta(
                programs, servers[language], plan.fixed_rate, plan.fixed_rate_seconds
            )
            log(
                f"  fixed rate {language:4}: p50 {result_v['p50_ms']:.3f} ms, "
                f"p99 {result_v['p99_ms']:.3f} ms, "
                f"vegeta CPU {result_v['cpu_share']:.0%}"
            )
            for key, label in (("p50_ms", "p50"), ("p99_ms", "p99")):
                row = series(
                    f"http-fixed-{label}",
                    f"HTTP latency {label}, fixed rate ({plan.fixed_rate} req/s)",
                    "ms",
                    "lower",
                    fixed,
                )
                getattr(row, language).append(result_v[key])
            rows["http-fixed-p99"].extra.setdefault(
                f"{language}_generator_cpu", []
            ).append(round(100 * result_v["cpu_share"], 1))
        pauses = gc_pauses_ms(go_server.stderr())
    if not pauses:
        raise MeasureError("the Go server's gctrace shows no GC during the HTTP load")
    gc_note = (
        f"stop-the-world pauses of the Go server (GODEBUG=gctrace=1: sweep "
        f"termination and mark termination of each cycle, wall clock) during "
        f"this round's HTTP load; per round {{what}} of its pauses; Rust has no "
        f"garbage collector; {servers_note}"
    )
    for label, fraction in (("p50", 0.5), ("p99", 0.99), ("max", 1.0)):
        row = series(
            f"gc-pause-{label}",
            f"Go GC pause {label} (under HTTP load)",
            "ms",
            "lower",
            gc_note.format(what="the " + ("largest" if label == "max" else label)),
        )
        row.go.append(percentile(pauses, fraction))
        row.extra["pauses"] = len(pauses)
    log(
        f"  Go GC: {len(pauses)} pauses, median {median(pauses):.3f} ms, "
        f"max {max(pauses):.3f} ms"
    )
    return list(rows.values())
