"""Everything the workloads run, built once per harness run before the
first round: the guide's two /health servers (release builds, as the
deployment Dockerfiles build them, and stripped copies), the Go test
binaries, the criterion benchmarks and the fixed-rate load generator."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from versus_bench.tools import (
    BUILD,
    BUILD_TIMEOUT,
    GO_DIR,
    RUST_DIR,
    RUST_TARGET,
    SNIPPETS,
    Language,
    cargo_executables,
    log,
    run,
    tool_env,
)

if TYPE_CHECKING:
    from pathlib import Path

#: The fixed-rate (open-loop) load generator: a Go module, fetched and built
#: through the Go module proxy, pinned by version and checked against the
#: checksum database.
VEGETA_MODULE = "github.com/tsenart/vegeta/v12"
VEGETA_VERSION = "v12.13.0"


@dataclass(frozen=True)
class Programs:
    """Paths of the built programs."""

    http: dict[Language, Path]
    stripped: dict[Language, Path]
    go_tests: dict[str, Path]
    criterion: dict[str, Path]
    vegeta: Path


def build() -> Programs:
    bindir = BUILD / "bin"
    bindir.mkdir(parents=True, exist_ok=True)
    log("building the Go server, its stripped copy and the Go benchmarks")
    go_http = bindir / "go-http"
    go_stripped = bindir / "go-http-stripped"
    cwd = SNIPPETS / "go"
    run(
        ["go", "build", "-trimpath", "-o", go_http, "./http"],
        cwd=cwd,
        timeout=BUILD_TIMEOUT,
    )
    run(
        ["go", "build", "-trimpath", "-ldflags=-s -w", "-o", go_stripped, "./http"],
        cwd=cwd,
        timeout=BUILD_TIMEOUT,
    )
    go_tests = {}
    for name, package, experiment in (
        ("jsonparse", "jsonparse", ""),
        ("jsonparse-v2", "jsonparse", "jsonv2"),
        ("search", "search", ""),
    ):
        go_tests[name] = bindir / f"{name}.test"
        run(
            ["go", "test", "-c", "-o", go_tests[name], f"./{package}"],
            cwd=GO_DIR,
            env=tool_env({"GOEXPERIMENT": experiment} if experiment else None),
            timeout=BUILD_TIMEOUT,
        )
    log(f"building vegeta {VEGETA_VERSION} (Go module proxy)")
    run(
        ["go", "install", f"{VEGETA_MODULE}@{VEGETA_VERSION}"],
        cwd=BUILD,
        env=tool_env({"GOBIN": str(bindir), "GOFLAGS": "-buildvcs=false"}),
        timeout=BUILD_TIMEOUT,
    )
    log("building the Rust server (release; a minute when cold)")
    message = ["--message-format", "json-render-diagnostics"]
    output = run(
        [
            "cargo",
            "build",
            "--release",
            "--locked",
            "--target-dir",
            RUST_TARGET,
            "--bin",
            "http",
            *message,
        ],
        cwd=SNIPPETS / "rust",
        timeout=BUILD_TIMEOUT,
    )
    rust_http = cargo_executables(output, "bin")["http"]
    rust_stripped = bindir / "rust-http-stripped"
    run(["strip", "-o", rust_stripped, rust_http])
    log("building the criterion benchmarks (a minute when cold)")
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
        stripped={"go": go_stripped, "rust": rust_stripped},
        go_tests=go_tests,
        criterion={"json": benches["json"], "search": benches["search"]},
        vegeta=bindir / "vegeta",
    )


def file_size(path: Path) -> int:
    return path.stat().st_size
