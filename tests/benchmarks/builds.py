"""Run one Sphinx build in a fresh process and measure it.

Every build is ``python -m sphinx -b html -q`` in its own process, so import
and start-up costs count as a writer pays them, and no state leaks between
builds.  Besides wall time we record the child's CPU time (user + system,
including ``-j`` workers): on a shared machine it is far less noisy than the
wall clock, so the ratios are computed on both.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tests.benchmarks.generate import Site


#: Set by ``run --allow-warnings``: time builds even if the directives warn.
ALLOW_WARNINGS = False


class BuildError(RuntimeError):
    """A benchmark build failed or warned: its figures would be meaningless."""


@dataclass(frozen=True)
class Build:
    wall: float
    cpu: float
    read: list[str]
    warnings: str


def outdirs(site: Site, tag: str = "") -> tuple[Path, Path]:
    """The HTML output and doctree dirs of a site (``tag`` keeps several)."""
    base = site.root / f"_build{tag}"
    return base / "html", base / "doctrees"


def clean(site: Site, tag: str = "") -> None:
    shutil.rmtree(site.root / f"_build{tag}", ignore_errors=True)


#: Compiled bytecode for the build processes, outside the repository and venv.
PYCACHE = Path(tempfile.gettempdir()) / "sphinx-versus-bench-pycache"


def build_env(read_log: Path, hash_seed: str | None) -> dict[str, str]:
    """The environment of one build.

    Bytecode is always cached (under ``PYCACHE``), even when the caller set
    ``PYTHONDONTWRITEBYTECODE``: an installed package has its ``.pyc`` files,
    and compiling Sphinx from source on every build (about 3 s) would swamp
    what is measured.
    """
    env = {**os.environ, "VERSUS_BENCH_READ_LOG": str(read_log)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    if hash_seed is not None:
        env["PYTHONHASHSEED"] = hash_seed
    return env


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def sphinx_build(
    site: Site,
    *,
    tag: str = "",
    jobs: int = 1,
    hash_seed: str | None = None,
    allow_warnings: bool | None = None,
) -> Build:
    """Build ``site`` into its output dir; raise ``BuildError`` on any warning."""
    out, doctrees = outdirs(site, tag)
    cmd = [sys.executable, "-m", "sphinx", "-b", "html", "-q"]
    cmd += ["-d", str(doctrees), str(site.srcdir), str(out)]
    if jobs > 1:
        cmd += ["-j", str(jobs)]
    with tempfile.TemporaryDirectory(prefix="versus-bench-") as tmp:
        log = Path(tmp) / "read.json"
        env = build_env(log, hash_seed)
        cpu0 = _children_cpu()
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
        wall = time.perf_counter() - t0
        cpu = _children_cpu() - cpu0
        read = json.loads(log.read_text("utf-8")) if log.exists() else None
    stderr = proc.stderr.strip()
    if proc.returncode != 0:
        raise BuildError(
            f"{site.kind} build failed (exit {proc.returncode}): {' '.join(cmd)}\n"
            f"{stderr[-4000:]}"
        )
    if allow_warnings is None:
        allow_warnings = ALLOW_WARNINGS
    if stderr and not allow_warnings:
        raise BuildError(
            f"{site.kind} build printed warnings, so its timings would not "
            f"measure working directives (rerun with --allow-warnings to see "
            f"the figures anyway):\n{stderr[-4000:]}"
        )
    if read is None:
        raise BuildError(f"the re-read probe did not run in {site.kind}: {cmd}")
    return Build(wall=wall, cpu=cpu, read=read, warnings=stderr)
