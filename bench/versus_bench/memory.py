"""Memory (RSS, PSS and private anonymous memory, idle and under load),
start-up time to the first response, and the servers' binary sizes."""

from __future__ import annotations

import subprocess
import time
from typing import TYPE_CHECKING

from versus_bench.plan import Series
from versus_bench.programs import file_size
from versus_bench.server import Server, first_response_seconds
from versus_bench.tools import log, median

if TYPE_CHECKING:
    from versus_bench.machine import Versions
    from versus_bench.programs import Programs
    from versus_bench.tools import Cpus, Round

KINDS = (
    ("Rss", "rss", "RSS", "resident set: every page mapped in, shared code included"),
    (
        "Pss",
        "pss",
        "PSS",
        "proportional set: each shared page divided by the processes sharing it",
    ),
    (
        "Anonymous",
        "anon",
        "private anonymous",
        "anonymous pages only: heap, stacks, runtime data; no code or files",
    ),
)


def _servers(ver: Versions, cpus: Cpus) -> str:
    return (
        f"the guide's http samples (Go net/http, {ver.go}; Rust axum {ver.axum} "
        f"on tokio {ver.tokio}; release builds) pinned to CPU {cpus.server}; "
        "/proc/<pid>/smaps_rollup; MB = 10^6 bytes"
    )


def memory_workload(job: Round) -> list[Series]:
    """A fresh server per repetition: read its memory when idle, then in
    the middle of a wrk run."""
    plan, programs, cpus, ver, order = job
    rows: dict[str, Series] = {}
    for state in ("idle", "load"):
        for field, slug, label, what in KINDS:
            name = f"Memory {label}, {'idle' if state == 'idle' else 'under load'}"
            if slug == "rss" and state == "idle":
                name = "Memory (idle server)"  # the article's workload
            when = (
                f"{plan.memory_settle_seconds:g} s after the server printed its "
                "ready line, before any request"
                if state == "idle"
                else f"{plan.memory_load_seconds - 1} s into a "
                f"{plan.memory_load_seconds} s "
                f"wrk run at {plan.http_headline} connections"
            )
            rows[f"{state}-{field}"] = Series(
                f"memory-{state}-{slug}",
                name,
                "MB",
                "lower",
                f"{field} ({what}), {when}; {plan.memory_runs} fresh start(s) "
                f"of each server per round; {_servers(ver, cpus)}",
            )
    for _ in range(plan.memory_runs):
        for language in order:
            with Server(language, programs.http[language], cpus) as server:
                time.sleep(plan.memory_settle_seconds)
                idle = server.memory()
                command = cpus.pin(
                    cpus.load,
                    [
                        "wrk",
                        "--threads",
                        "1",
                        "--connections",
                        str(plan.http_headline),
                        "--duration",
                        f"{plan.memory_load_seconds}s",
                        server.url,
                    ],
                )
                with subprocess.Popen(command, stdout=subprocess.DEVNULL) as load:
                    time.sleep(plan.memory_load_seconds - 1 + 0.0)
                    loaded = server.memory()
                    load.wait(60)
            for field, _slug, _label, _what in KINDS:
                getattr(rows[f"idle-{field}"], language).append(idle[field] / 1e6)
                getattr(rows[f"load-{field}"], language).append(loaded[field] / 1e6)
            log(
                f"  memory {language:4}: idle RSS {idle['Rss'] / 1e6:.2f} PSS "
                f"{idle['Pss'] / 1e6:.2f} anon {idle['Anonymous'] / 1e6:.2f} MB; "
                f"load RSS {loaded['Rss'] / 1e6:.2f} "
                f"anon {loaded['Anonymous'] / 1e6:.2f} MB"
            )
    return list(rows.values())


def startup_workload(job: Round) -> list[Series]:
    """Time from starting the process to its first answer, fresh each time."""
    plan, programs, cpus, ver, order = job
    row = Series(
        "startup-first-response",
        "Start-up to first response",
        "ms",
        "lower",
        "from spawning the server process (taskset on CPU "
        f"{cpus.server}) to the first complete 200 answer to GET /health, "
        "connection attempts every 0.2 ms from the harness; "
        f"{plan.startup_runs} fresh starts of each per round; {_servers(ver, cpus)}",
    )
    for _ in range(plan.startup_runs):
        for language in order:
            server = Server(language, programs.http[language], cpus)
            try:
                getattr(row, language).append(1000 * first_response_seconds(server))
            finally:
                server.__exit__()
    log(f"  start-up: Go {median(row.go):.2f} ms, Rust {median(row.rust):.2f} ms")
    return [row]


def binsize_rows(programs: Programs, ver: Versions) -> list[Series]:
    """The release binaries' sizes: one build, so one exact value each."""
    rows = []
    for slug, label, files, how in (
        (
            "binary-size",
            "Binary size (release)",
            programs.http,
            "as built: go build -trimpath; cargo build --release (Rust's default "
            "release profile drops debug info, keeps symbols)",
        ),
        (
            "binary-size-stripped",
            "Binary size (release, stripped)",
            programs.stripped,
            "stripped: go build -trimpath -ldflags='-s -w'; strip of the Rust "
            "release binary",
        ),
    ):
        rows.append(
            Series(
                slug,
                label,
                "MB",
                "lower",
                f"the guide's http sample (Go net/http, {ver.go}; Rust axum "
                f"{ver.axum} on tokio {ver.tokio}), {how}; statically linked Go "
                "(cgo off), Rust linked against the system's libc; one build, "
                "so the size is exact; MB = 10^6 bytes",
                go=[file_size(files["go"]) / 1e6],
                rust=[file_size(files["rust"]) / 1e6],
            )
        )
    return rows
