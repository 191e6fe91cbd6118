"""How much to run (full or quick) and the shape of one measured row."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

#: Written into run.json and the CSV; raise it when a change alters what is
#: measured or how, so a CSV from the old harness is recognisably stale.
HARNESS_VERSION = 2


@dataclass(frozen=True)
class Plan:
    """Sizes and repetitions of one mode: ``full`` for the published
    figures, ``quick`` to prove every workload runs in a few minutes."""

    mode: Literal["full", "quick"]
    rounds: int = 5
    http_connections: tuple[int, ...] = (16, 64, 256)
    http_headline: int = 64
    http_seconds: int = 4
    http_warmup_seconds: int = 2
    #: vegeta's constant request rate and duration (below both servers'
    #: capacity, so latency is measured without queueing at the generator).
    fixed_rate: int = 5_000
    fixed_rate_seconds: int = 5
    memory_runs: int = 2
    memory_settle_seconds: float = 1.0
    memory_load_seconds: int = 3
    startup_runs: int = 10
    json_bytes: int = 1_000_000
    search_sizes: tuple[int, ...] = (
        1_000,
        10_000,
        100_000,
        1_000_000,
        10_000_000,
        100_000_000,
    )
    go_runs: int = 5
    go_benchtime: str = "300ms"
    search_go_runs: int = 3
    search_go_benchtime: str = "200ms"
    criterion_warmup_seconds: float = 1.0
    criterion_seconds: float = 3.0
    criterion_samples: int = 20
    search_criterion_warmup_seconds: float = 0.3
    search_criterion_seconds: float = 1.0
    large_project: bool = True
    incremental_runs: int = 3


FULL = Plan(mode="full")
QUICK = Plan(
    mode="quick",
    rounds=2,
    http_connections=(64,),
    http_seconds=1,
    http_warmup_seconds=1,
    fixed_rate=2_000,
    fixed_rate_seconds=1,
    memory_runs=1,
    memory_settle_seconds=0.5,
    memory_load_seconds=2,
    startup_runs=3,
    json_bytes=16_000,
    search_sizes=(1_000, 100_000),
    go_runs=1,
    go_benchtime="50ms",
    search_go_runs=1,
    search_go_benchtime="50ms",
    criterion_warmup_seconds=0.1,
    criterion_seconds=0.3,
    criterion_samples=10,
    search_criterion_warmup_seconds=0.1,
    search_criterion_seconds=0.3,
    large_project=False,
    incremental_runs=1,
)


@dataclass
class Series:
    """One future CSV row's raw samples in one round: every repetition of
    the Go and the Rust measurement (either may be empty when the other
    language has no such thing, e.g. GC pauses), plus what the notes need."""

    id: str
    workload: str
    unit: str
    better: Literal["higher", "lower"]
    notes: str
    go: list[float] = field(default_factory=list)
    rust: list[float] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "workload": self.workload,
            "unit": self.unit,
            "better": self.better,
            "notes": self.notes,
            "go": self.go,
            "rust": self.rust,
            "extra": self.extra,
        }
