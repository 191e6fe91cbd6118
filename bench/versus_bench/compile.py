"""Compile time: the guide's samples (the same programs in both languages)
clean and incremental, and two fuzzy finders that do the same job, fzf (Go)
and skim (Rust); wall and CPU seconds, with hyperfine."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

from versus_bench.plan import Series
from versus_bench.tools import (
    BUILD,
    BUILD_TIMEOUT,
    SNIPPETS,
    MeasureError,
    log,
    run,
    tool_env,
)

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from versus_bench.machine import Versions
    from versus_bench.plan import Plan
    from versus_bench.tools import Language, Round

FZF_MODULE = "github.com/junegunn/fzf"
FZF_VERSION = "v0.65.2"
SKIM_VERSION = "5.9.0"
SCRATCH = BUILD / "compile"


def rust_env() -> dict[str, str]:
    """skim pins its toolchain channel in rust-toolchain.toml (with an extra
    component rustup would download); this keeps every build on the
    installed toolchain."""
    toolchain = (
        run(["rustup", "show", "active-toolchain"]).split()[0]
        if shutil.which("rustup")
        else ""
    )
    return tool_env({"RUSTUP_TOOLCHAIN": toolchain} if toolchain else None)


def hyperfine(
    label: str,
    command: str,
    *,
    prepare: str,
    runs: int,
    cwd: Path,
    env: Mapping[str, str],
) -> tuple[list[float], float]:
    """Wall seconds of each run and the mean CPU seconds (user + system of
    the build and its children) per run; ``prepare`` runs before each run
    and is not timed."""
    export = BUILD / "hyperfine" / f"{re.sub(r'[^a-z0-9]+', '-', label.lower())}.json"
    export.parent.mkdir(parents=True, exist_ok=True)
    args = [
        "hyperfine",
        "--style",
        "basic",
        "--runs",
        str(runs),
        "--prepare",
        prepare,
        "--export-json",
        str(export),
        command,
    ]
    try:
        run(args, cwd=cwd, env=env, timeout=(runs + 1) * BUILD_TIMEOUT, stream=True)
    except MeasureError:
        # hyperfine hides the command's own output; show why it failed.
        run(
            ["sh", "-c", f"{prepare} && {command}"],
            cwd=cwd,
            env=env,
            timeout=BUILD_TIMEOUT,
        )
        raise
    result = json.loads(export.read_text())["results"][0]
    times = [float(t) for t in result["times"]]
    cpu = float(result["user"]) + float(result["system"])
    log(f"  {label}: " + ", ".join(f"{t:.2f} s" for t in times) + f" (CPU {cpu:.1f} s)")
    return times, cpu


def q(path: Path) -> str:
    return shlex.quote(str(path))


def clean_go(seed: Path, cache: Path, out: Path) -> str:
    """Makes the next Go build clean: a fresh copy of the standard-library
    cache, and no binaries from the last run."""
    return f"rm -rf {q(cache)} {q(out)} && cp -a {q(seed)} {q(cache)}"


def go_std_cache(label: str, cwd: Path, patterns: Sequence[str]) -> Path:
    """A Go build cache holding only the standard-library packages the build
    imports, compiled: Rust ships its standard library precompiled, so each
    clean Go build starts from a copy of this and times the project only."""
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
    packages = sorted(
        p
        for p in set(listing.split())
        if not p.startswith(("vendor/", "internal/")) and "/internal/" not in p
    )
    seed = SCRATCH / f"go-std-{label}"
    stamp = seed / "packages.txt"
    wanted = run(["go", "version"]) + "\n".join(packages)
    if not stamp.exists() or stamp.read_text() != wanted:
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


def fetch_skim() -> Path:
    """skim's published source through cargo (a throwaway package depending
    on exactly this version), then its own Cargo.lock's dependencies."""
    fetcher = SCRATCH / "fetch-skim"
    (fetcher / "src").mkdir(parents=True, exist_ok=True)
    (fetcher / "src" / "lib.rs").write_text("")
    (fetcher / "Cargo.toml").write_text(
        '[package]\nname = "fetch-skim"\nversion = "0.0.0"\nedition = "2024"\n'
        f'publish = false\n\n[dependencies]\nskim = "={SKIM_VERSION}"\n'
    )
    run(
        ["cargo", "fetch", "--quiet"],
        cwd=fetcher,
        env=rust_env(),
        timeout=BUILD_TIMEOUT,
    )
    cargo_home = Path(os.environ.get("CARGO_HOME") or Path.home() / ".cargo")
    manifests = sorted(
        cargo_home.glob(f"registry/src/*/skim-{SKIM_VERSION}/Cargo.toml")
    )
    if not manifests:
        raise MeasureError(
            f"cargo fetched skim {SKIM_VERSION} but its source is not in {cargo_home}"
        )
    source = manifests[-1].parent
    run(
        ["cargo", "fetch", "--locked", "--quiet"],
        cwd=source,
        env=rust_env(),
        timeout=BUILD_TIMEOUT,
    )
    return source


def fetch_fzf() -> Path:
    """fzf's module source and dependencies, through the Go module proxy."""
    SCRATCH.mkdir(parents=True, exist_ok=True)
    info = json.loads(
        run(
            ["go", "mod", "download", "-json", f"{FZF_MODULE}@{FZF_VERSION}"],
            cwd=SCRATCH,
            timeout=BUILD_TIMEOUT,
        )
    )
    source = Path(info["Dir"])
    run(["go", "mod", "download"], cwd=source, timeout=BUILD_TIMEOUT)
    return source


def lines_of_code(root: Path, suffix: str, skip: Sequence[str]) -> int:
    """Non-blank lines of the project's own sources (tests excluded)."""
    total = 0
    for path in root.rglob(f"*{suffix}"):
        rel = path.relative_to(root).as_posix()
        if any(part in rel for part in skip):
            continue
        total += sum(
            1 for line in path.read_text(errors="replace").splitlines() if line.strip()
        )
    return total


def project_facts(fzf: Path, skim: Path) -> dict[str, Any]:
    """Lines of code and dependency counts of the two large projects."""
    modules = run(
        ["go", "list", "-deps", "-f", "{{with .Module}}{{.Path}}{{end}}", "."], cwd=fzf
    )
    go_deps = sorted(set(modules.split()) - {FZF_MODULE})
    tree = run(
        [
            "cargo",
            "tree",
            "--locked",
            "--offline",
            "-e",
            "normal,build",
            "--prefix",
            "none",
            "-f",
            "{p}",
        ],
        cwd=skim,
        env=rust_env(),
    )
    crates = {line.split(" (")[0].strip() for line in tree.splitlines() if line.strip()}
    crates = {c for c in crates if not c.startswith("skim v")}
    return {
        "fzf_loc": lines_of_code(fzf, ".go", ("_test.go", "/test/", "vendor/")),
        "skim_loc": lines_of_code(skim / "src", ".rs", ("tests/",)),
        "fzf_modules": len(go_deps),
        "skim_crates": len(crates),
    }


def compile_workload(job: Round) -> list[Series]:
    plan, _, _, ver, order = job
    try:
        return _compile(plan, ver, order)
    finally:
        for name in (
            "fzf-gocache",
            "fzf-bin",
            "skim-target",
            "samples-gocache",
            "samples",
        ):
            shutil.rmtree(SCRATCH / name, ignore_errors=True)


def _pair(
    rows: list[Series], slug: str, name: str, notes: str
) -> tuple[Series, Series]:
    wall = Series(slug, name, "s", "lower", f"wall-clock seconds; {notes}")
    cpu = Series(
        f"{slug}-cpu",
        f"{name}, CPU",
        "s",
        "lower",
        "CPU seconds (user + system of the build and every process it "
        f"started); {notes}",
    )
    rows += [wall, cpu]
    return wall, cpu


def _compile(plan: Plan, ver: Versions, order: tuple[Language, ...]) -> list[Series]:
    rows: list[Series] = []
    cores = f"{os.cpu_count()} cores"
    builds: dict[str, dict[Language, tuple[str, str, Path, Mapping[str, str]]]] = {}
    if plan.large_project:
        fzf, skim = fetch_fzf(), fetch_skim()
        facts = project_facts(fzf, skim)
        seed = go_std_cache("fzf", fzf, ["."])
        cache, out = SCRATCH / "fzf-gocache", SCRATCH / "fzf-bin"
        target = SCRATCH / "skim-target"
        builds["large"] = {
            "go": (
                f"go build -o {q(out)}/ .",
                clean_go(seed, cache, out),
                fzf,
                tool_env({"GOCACHE": str(cache), "GOPROXY": "off"}),
            ),
            "rust": (
                f"cargo build --release --locked --offline --target-dir {q(target)}",
                f"rm -rf {q(target)}",
                skim,
                rust_env(),
            ),
        }
        wall, cpu = _pair(
            rows,
            "compile-large",
            "Compile time (large project)",
            f"one clean release build per language per round, {cores}: two fuzzy "
            f"finders that do the same job: Go: go build of fzf {FZF_VERSION} "
            f"({facts['fzf_loc']} non-blank lines of Go, {facts['fzf_modules']} "
            f"dependency modules, its go.sum; cgo disabled) from a fresh GOCACHE "
            f"holding only the precompiled standard library; Rust: cargo build "
            f"--release --locked of skim {SKIM_VERSION} ({facts['skim_loc']} "
            f"non-blank lines of Rust in src/, {facts['skim_crates']} dependency "
            "crates, its Cargo.lock, default features) into a fresh target dir; "
            "sources fetched beforehand, builds offline",
        )
        wall.extra = cpu.extra = dict(facts)
    samples = SCRATCH / "samples"
    shutil.rmtree(samples, ignore_errors=True)
    shutil.copytree(SNIPPETS / "go", samples / "go")
    shutil.copytree(
        SNIPPETS / "rust", samples / "rust", ignore=shutil.ignore_patterns("target")
    )
    run(["cargo", "fetch", "--locked", "--quiet"], cwd=samples / "rust")
    seed = go_std_cache("samples", samples / "go", ["./..."])
    cache, out = SCRATCH / "samples-gocache", samples / "bin"
    target = samples / "target"
    go_build = (
        f"go build -o {q(out)}/ ./...",
        samples / "go",
        tool_env({"GOCACHE": str(cache), "GOPROXY": "off"}),
    )
    rust_build = (
        f"cargo build --locked --offline --target-dir {q(target)}",
        samples / "rust",
        rust_env(),
    )
    what = (
        "the guide's four samples (snippets/: memory, concurrency, http, errors): "
        "Go: go build -o <dir>/ ./... (standard library only; cgo disabled); "
        f"Rust: cargo build --locked, dev profile (axum {ver.axum}, tokio "
        f"{ver.tokio}, serde, serde_json, thiserror, futures)"
    )
    builds["clean"] = {
        "go": (go_build[0], clean_go(seed, cache, out), go_build[1], go_build[2]),
        "rust": (rust_build[0], f"rm -rf {q(target)}", rust_build[1], rust_build[2]),
    }
    edit = 'echo "// edit $(date +%s%N)" >> '
    builds["incremental"] = {
        "go": (go_build[0], edit + "http/main.go", go_build[1], go_build[2]),
        "rust": (rust_build[0], edit + "src/bin/http.rs", rust_build[1], rust_build[2]),
    }
    _pair(
        rows,
        "compile-samples-clean",
        "Compile time (guide samples, clean)",
        f"one clean build per language per round, {cores}: {what}; Go from a fresh "
        "GOCACHE holding only the precompiled standard library, Rust into a fresh "
        "target dir",
    )
    _pair(
        rows,
        "compile-samples-incremental",
        "Compile time (guide samples, incremental)",
        f"{plan.incremental_runs} build(s) per language per round after the clean "
        "build, {cores}: before each, a comment line is appended to the http "
        "sample (go/http/main.go, src/bin/http.rs), then the clean row's build "
        f"with its caches warm; {what}".replace("{cores}", cores),
    )
    by_slug = {row.id: row for row in rows}
    for kind, slug in (
        ("large", "compile-large"),
        ("clean", "compile-samples-clean"),
        ("incremental", "compile-samples-incremental"),
    ):
        if kind not in builds:
            continue
        runs = plan.incremental_runs if kind == "incremental" else 1
        for language in order:
            command, prepare, cwd, env = builds[kind][language]
            times, cpu = hyperfine(
                f"{language} {kind}",
                command,
                prepare=prepare,
                runs=runs,
                cwd=cwd,
                env=env,
            )
            getattr(by_slug[slug], language).extend(times)
            getattr(by_slug[f"{slug}-cpu"], language).append(cpu)
    return rows
