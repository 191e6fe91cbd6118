"""The machine, the tool versions and each round's conditions (load, steal
time, CPU frequency): a figure means nothing without them."""

from __future__ import annotations

import os
import platform
import re
import resource
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from versus_bench.tools import RUST_DIR, SNIPPETS, lock_versions, run

#: A round is noisy when the hypervisor took more than this share of the
#: CPU time (steal), or other processes at normal priority (not niced: the
#: harness runs at normal priority, so niced work yields to it) used more
#: than this share of all cores; a noisy round is repeated once, and
#: flagged in its file when the repeat is noisy too.  The load average is
#: recorded but counts niced processes, which barely compete.
STEAL_LIMIT = 0.05
OTHERS_LIMIT = 0.25


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
        wrk_out = run(["wrk", "--version"], ok_codes=(0, 1))
        wrk = re.search(r"^wrk (\S+)", wrk_out, re.M)
        return cls(
            go=run(["go", "version"]).split()[2],
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
    changed = run(
        ["git", "status", "--porcelain", "--", "bench", "snippets", ":!bench/results"]
    )
    return f"{head}-dirty" if changed.strip() else head


def cpu_times() -> dict[str, int]:
    """The aggregate ``cpu`` line of /proc/stat, in clock ticks."""
    fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    names = ("user", "nice", "system", "idle", "iowait", "irq", "softirq", "steal")
    return {name: int(value) for name, value in zip(names, fields, strict=False)}


def cpu_mhz() -> float:
    """Mean current frequency over the cores: sysfs when the kernel exposes
    cpufreq, else /proc/cpuinfo's ``cpu MHz``."""
    sysfs = sorted(
        Path("/sys/devices/system/cpu").glob("cpu[0-9]*/cpufreq/scaling_cur_freq")
    )
    values = [int(p.read_text()) / 1000 for p in sysfs if p.read_text().strip()]
    if not values:
        values = [
            float(v)
            for v in re.findall(
                r"^cpu MHz\s*:\s*([\d.]+)", Path("/proc/cpuinfo").read_text(), re.M
            )
        ]
    return round(sum(values) / len(values), 1) if values else 0.0


def own_cpu_seconds() -> float:
    """CPU seconds of the harness and its finished children."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


class Conditions:
    """Load, steal time and frequency over one round, from its start to its
    end."""

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.start_times = cpu_times()
        self.load_start = os.getloadavg()
        self.mhz_start = cpu_mhz()
        self.own_start = own_cpu_seconds()

    def finish(self) -> dict[str, Any]:
        end_times = cpu_times()
        delta = {k: end_times[k] - self.start_times.get(k, 0) for k in end_times}
        total = sum(delta.values()) or 1
        load_end = os.getloadavg()
        steal = delta.get("steal", 0) / total
        tick = os.sysconf("SC_CLK_TCK")
        busy = sum(delta.get(k, 0) for k in ("user", "system", "irq", "softirq")) / tick
        own = own_cpu_seconds() - self.own_start
        others = max(0.0, busy - own) / (total / tick)
        reasons = []
        if steal > STEAL_LIMIT:
            reasons.append(f"steal {steal:.1%} > {STEAL_LIMIT:.0%}")
        if others > OTHERS_LIMIT:
            reasons.append(
                f"other processes at normal priority used {others:.0%} "
                f"> {OTHERS_LIMIT:.0%}"
            )
        return {
            "seconds": round(time.monotonic() - self.started, 1),
            "load_start": [round(v, 2) for v in self.load_start],
            "load_end": [round(v, 2) for v in load_end],
            "steal_share": round(steal, 4),
            "nice_share": round(delta.get("nice", 0) / total, 4),
            "others_share": round(others, 4),
            "busy_share": round(
                1 - (delta.get("idle", 0) + delta.get("iowait", 0)) / total, 4
            ),
            "cpu_mhz_start": self.mhz_start,
            "cpu_mhz_end": cpu_mhz(),
            "noisy": bool(reasons),
            "noisy_reasons": reasons,
        }
