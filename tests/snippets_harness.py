"""Compile, lint and run the Go and Rust samples under ``snippets/``.

Plain functions, no pytest: a failed check raises :class:`SnippetError` whose
message names the sample file and carries the tool's own output, so the tests
stay short and the "a broken sample is caught" tests run exactly the same
checks on a temporary copy.  Every subprocess has a timeout and runs in its
own process group, so a timeout or a failed server test leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from tests.paths import ROOT, SNIPPETS

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

GO_DIR = SNIPPETS / "go"
RUST_DIR = SNIPPETS / "rust"
UNVERIFIED_FILE = SNIPPETS / "UNVERIFIED.toml"

#: A cold ``cargo build`` compiles tokio, axum and serde: give it minutes.
BUILD_TIMEOUT = 900.0
LINT_TIMEOUT = 900.0
RUN_TIMEOUT = 60.0
SERVER_READY_TIMEOUT = 30.0
SERVER_STOP_TIMEOUT = 15.0
HTTP_TIMEOUT = 10.0

Language = Literal["go", "rust"]
#: No colour codes in messages; GOTOOLCHAIN=local: check the Go that is
#: installed instead of silently downloading the one go.mod names.
TOOL_ENV = {"CARGO_TERM_COLOR": "never", "NO_COLOR": "1", "GOTOOLCHAIN": "local"}


class SnippetError(Exception):
    """A sample failed a check; the message says which file and why."""


# -- where things are ----------------------------------------------------------


def go_examples(go_dir: Path = GO_DIR) -> list[str]:
    """Examples in the Go module: every folder with a ``main.go``."""
    return sorted(p.parent.name for p in go_dir.glob("*/main.go"))


def rust_examples(rust_dir: Path = RUST_DIR) -> list[str]:
    """Examples in the Cargo package: every ``src/bin/<example>.rs``."""
    return sorted(p.stem for p in (rust_dir / "src" / "bin").glob("*.rs"))


def source_file(language: Language, example: str, root: Path | None = None) -> Path:
    if language == "go":
        return (root or GO_DIR) / example / "main.go"
    return (root or RUST_DIR) / "src" / "bin" / f"{example}.rs"


def verified_files() -> set[Path]:
    """Files under snippets/ a page may show as verified: every example's
    source, and the files the checks themselves read (go.mod, Cargo.toml,
    Cargo.lock, UNVERIFIED.toml)."""
    files = {source_file("go", e) for e in go_examples()}
    files |= {source_file("rust", e) for e in rust_examples()}
    files |= {GO_DIR / "go.mod", RUST_DIR / "Cargo.toml", RUST_DIR / "Cargo.lock"}
    files.add(UNVERIFIED_FILE)
    return {f.resolve() for f in files}


def unverified_samples(path: Path = UNVERIFIED_FILE) -> dict[str, str]:
    """``UNVERIFIED.toml``: path relative to snippets/ -> why it is not checked."""
    with path.open("rb") as f:
        table = tomllib.load(f).get("unverified", {})
    return {str(k): str(v) for k, v in table.items()}


def rust_target_dir() -> Path:
    """Cargo's build directory, kept between runs and between clones.

    ``CARGO_TARGET_DIR`` wins; otherwise a per-user cache directory, so a fresh
    clone (as in CI) reuses the compiled dependencies of the last run.
    """
    if env := os.environ.get("CARGO_TARGET_DIR"):
        return Path(env).expanduser()
    cache = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(cache) / "sphinx-versus" / "rust-target"


def display_path(path: Path) -> str:
    """A path as a reader finds it: relative to the repository when inside it."""
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


# -- running tools -------------------------------------------------------------


@dataclass(frozen=True)
class Ran:
    """One finished command: what ran, where, and everything it printed."""

    command: Sequence[str]
    cwd: Path
    returncode: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return "\n".join(s.rstrip() for s in (self.stdout, self.stderr) if s.strip())

    def mentions(self, path: str) -> bool:
        return path in self.output


def run(
    command: Sequence[str],
    cwd: Path,
    *,
    timeout: float,
    env: Mapping[str, str] | None = None,
) -> Ran:
    """Run a command to completion; on timeout kill its whole process group."""
    full_env = {**os.environ, **TOOL_ENV, **(env or {})}
    with subprocess.Popen(
        list(command),
        cwd=cwd,
        env=full_env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    ) as proc:
        try:
            stdout, stderr = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            kill_group(proc)
            stdout, stderr = proc.communicate()
            raise SnippetError(
                f"`{' '.join(command)}` (in {display_path(cwd)}) timed out after "
                f"{timeout:.0f}s.\n{stdout}{stderr}"
            ) from None
    return Ran(command, cwd, proc.returncode, stdout, stderr)


def kill_group(proc: subprocess.Popen[str]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)


def require_success(ran: Ran, what: str, file: Path | None = None) -> Ran:
    if ran.returncode != 0:
        where = f"{display_path(file)}: " if file else ""
        raise SnippetError(
            f"{where}{what} failed (`{' '.join(ran.command)}` in "
            f"{display_path(ran.cwd)}, exit {ran.returncode}):\n{ran.output}"
        )
    return ran


# -- module-wide checks (once per session) -------------------------------------


def go_unformatted(go_dir: Path = GO_DIR) -> Ran:
    """``gofmt -l``: success means it printed no file names."""
    ran = run(["gofmt", "-l", "."], go_dir, timeout=LINT_TIMEOUT)
    if ran.returncode == 0 and ran.stdout.strip():
        hint = "gofmt would reformat these files (run `gofmt -w .` in snippets/go)"
        return Ran(ran.command, go_dir, 1, ran.stdout, hint)
    return ran


def go_vet(go_dir: Path = GO_DIR) -> Ran:
    return run(["go", "vet", "./..."], go_dir, timeout=LINT_TIMEOUT)


def rust_env() -> dict[str, str]:
    return {"CARGO_TARGET_DIR": str(rust_target_dir())}


def cargo_fmt_check(rust_dir: Path = RUST_DIR) -> Ran:
    return run(
        ["cargo", "fmt", "--check"], rust_dir, timeout=LINT_TIMEOUT, env=rust_env()
    )


def cargo_clippy(rust_dir: Path = RUST_DIR) -> Ran:
    command = ["cargo", "clippy", "--locked", "--all-targets", "--", "-D", "warnings"]
    return run(command, rust_dir, timeout=LINT_TIMEOUT, env=rust_env())


def module_failures(checks: Mapping[str, Ran], file: Path, root: Path) -> list[str]:
    """The module-wide checks that failed because of ``file`` (its path, relative
    to the module root, appears in their output)."""
    rel = file.relative_to(root).as_posix()
    return [
        f"{display_path(file)}: {name} failed (`{' '.join(ran.command)}`):\n"
        + ran.output
        for name, ran in checks.items()
        if ran.returncode != 0 and ran.mentions(rel)
    ]


# -- per-example build ---------------------------------------------------------


def go_build(example: str, bindir: Path, go_dir: Path = GO_DIR) -> Path:
    binary = bindir / example
    ran = run(
        ["go", "build", "-o", str(binary), f"./{example}"],
        go_dir,
        timeout=BUILD_TIMEOUT,
    )
    require_success(ran, "go build", source_file("go", example, go_dir))
    return binary


def cargo_build(example: str, rust_dir: Path = RUST_DIR) -> Path:
    command = ["cargo", "build", "--locked", "--bin", example]
    ran = run(command, rust_dir, timeout=BUILD_TIMEOUT, env=rust_env())
    require_success(ran, "cargo build", source_file("rust", example, rust_dir))
    return rust_target_dir() / "debug" / example


def run_program(file: Path, binary: Path, cwd: Path, args: Sequence[str] = ()) -> str:
    """Run a finished sample (with its ``// Args:``) and return its stdout."""
    ran = run([str(binary), *args], cwd, timeout=RUN_TIMEOUT)
    require_success(ran, "running the program", file)
    return ran.stdout


# -- the record of verified samples --------------------------------------------

#: ``snippets/VERIFIED.json``: sample path -> SHA-256 of the bytes that passed.
#: ``sphinx-versus check`` compares pages' included samples with it.
VERIFIED_STAMP = SNIPPETS / "VERIFIED.json"


def record_verified(file: Path, stamp: Path = VERIFIED_STAMP) -> None:
    """Note that *file*, as it is now, passed every check.

    Sorted keys, hashes only: the file changes exactly when a sample does.
    A lock keeps parallel test workers from losing each other's entries.
    """
    import fcntl
    import hashlib
    import json

    key = file.resolve().relative_to(stamp.parent.resolve()).as_posix()
    digest = hashlib.sha256(file.read_bytes()).hexdigest()
    with (stamp.parent / ".VERIFIED.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            data = json.loads(stamp.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        if data.get(key) == digest:
            return
        data[key] = digest
        text = json.dumps(dict(sorted(data.items())), indent=2) + "\n"
        stamp.write_text(text, encoding="utf-8")
