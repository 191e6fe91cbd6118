"""Paths, the process runner and the pinning every workload shares."""

from __future__ import annotations

import contextlib
import json
import os
import resource
import shlex
import shutil
import signal
import subprocess
import sys
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from versus_bench.machine import Versions
    from versus_bench.plan import Plan
    from versus_bench.programs import Programs

BENCH = Path(__file__).resolve().parent.parent
ROOT = BENCH.parent
SNIPPETS = ROOT / "snippets"
BUILD = BENCH / "build"
RESULTS = BENCH / "results"
RUST_DIR = BENCH / "rust"
GO_DIR = BENCH / "go"
#: The benchmarks' target dir; the guide's server is built into it too, so
#: the crates both use (serde, serde_json) compile once.
RUST_TARGET = RUST_DIR / "target"

#: Go's build cache is per user and global; these keep every Go command on
#: the installed toolchain, off the network, and free of VCS stamping.
GO_ENV = {
    "GOTOOLCHAIN": "local",
    "CGO_ENABLED": "0",
    "GOFLAGS": "-mod=readonly -buildvcs=false",
}
RUST_ENV = {"CARGO_TERM_COLOR": "never"}
Language = Literal["go", "rust"]
LANGUAGES: tuple[Language, ...] = ("go", "rust")

BUILD_TIMEOUT = 1800.0
RUN_TIMEOUT = 600.0


class MeasureError(Exception):
    """A build or a measurement failed; the message says which and why."""


_STARTED = time.monotonic()


def elapsed() -> float:
    """Seconds since the harness started."""
    return time.monotonic() - _STARTED


def log(message: str) -> None:
    """Progress on stderr, so a long run shows life."""
    minutes, seconds = divmod(int(elapsed()), 60)
    load = os.getloadavg()[0]
    print(
        f"[measure {minutes}:{seconds:02d} load {load:.2f}] {message}",
        file=sys.stderr,
        flush=True,
    )


#: The scheduler weight this run asks for: with autogroups (Linux's default
#: for desktop and many server kernels) a process's nice value only counts
#: inside its session, so other sessions' work at nice 19 still takes an
#: equal share per session.  Raising this run's session group to nice -20
#: restores the priority a plain nice difference would give; children stay
#: in the session (own process group, not own session) to share it.
AUTOGROUP_NICE = -20


def raise_priority() -> str:
    """Best effort (needs CAP_SYS_NICE); says what it did, for run.json."""
    autogroup = Path("/proc/self/autogroup")
    if not autogroup.exists():
        return "no autogroup scheduling; process nice values apply"
    try:
        autogroup.write_text(f"{AUTOGROUP_NICE}\n")
    except OSError as error:
        return f"autogroup left at its nice value ({error.strerror})"
    now = autogroup.read_text().strip()
    return f"this run's session autogroup at nice {AUTOGROUP_NICE} ({now})"


def tool_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    env = {**os.environ, **GO_ENV, **RUST_ENV, "NO_COLOR": "1"}
    env.pop("CARGO_TARGET_DIR", None)  # every cargo call names its own
    env.pop("GODEBUG", None)
    return {**env, **(extra or {})}


@dataclass(frozen=True)
class Ran:
    """What a finished command printed and the CPU seconds it used."""

    stdout: str
    cpu_seconds: float
    wall_seconds: float


def run_measured(
    command: Sequence[str | Path],
    *,
    cwd: Path = ROOT,
    env: Mapping[str, str] | None = None,
    timeout: float = RUN_TIMEOUT,
    stream: bool = False,
    ok_codes: tuple[int, ...] = (0,),
) -> Ran:
    """Run a command in its own process group; return its output and the
    CPU time of it and its children (from the kernel's rusage).

    A failure raises :class:`MeasureError` with the command and its output; a
    timeout or Ctrl-C kills the whole group, so no build or server outlives
    the harness.
    """
    args = [str(c) for c in command]
    out = sys.stderr if stream else subprocess.PIPE
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    with subprocess.Popen(
        args,
        cwd=cwd,
        env=dict(env) if env is not None else tool_env(),
        stdout=out,
        stderr=subprocess.STDOUT if stream else subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        process_group=0,
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
    wall = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode not in ok_codes:
        output = "\n".join(s.rstrip() for s in (stdout, stderr) if s and s.strip())
        raise MeasureError(
            f"`{shlex.join(args)}` (in {cwd}) exited with {proc.returncode}"
            + (f":\n{output[-4000:]}" if output else "")
        )
    return Ran(stdout or "", cpu, wall)


def run(command: Sequence[str | Path], **kwargs: object) -> str:
    """:func:`run_measured`, for when only the output matters."""
    return run_measured(command, **kwargs).stdout  # type: ignore[arg-type]


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
            f"HTTP servers on CPU {self.server}, the load generator (wrk, "
            f"vegeta) on CPU {self.load} (taskset); go test and criterion "
            f"benchmarks on CPU {self.load}"
        )


def lock_versions(lockfile: Path) -> dict[str, str]:
    with lockfile.open("rb") as f:
        return {p["name"]: p["version"] for p in tomllib.load(f)["package"]}


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


def median(values: Sequence[float]) -> float:
    """The median (the raw files keep every sample; logs show this)."""
    ordered = sorted(values)
    mid = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[mid]
    return (ordered[mid - 1] + ordered[mid]) / 2


class Round(NamedTuple):
    """What every workload is given: the plan, the built programs, where to
    run, the versions its method text names, and this round's language order
    (a tuple, so a workload unpacks what it uses in one line)."""

    plan: Plan
    programs: Programs
    cpus: Cpus
    ver: Versions
    order: tuple[Language, ...]
