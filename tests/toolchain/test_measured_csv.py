"""The committed ``docs/data/measured.csv`` is exactly what the report
derives from the committed raw files it names (issue #22): recompute it
byte for byte, and check the run behind it is a full run of >= 5 rounds."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from tests.paths import ROOT

if TYPE_CHECKING:
    from types import ModuleType

COMMITTED = ROOT / "docs" / "data" / "measured.csv"


@pytest.fixture(scope="module")
def report() -> ModuleType:
    with pytest.MonkeyPatch.context() as mp:
        mp.syspath_prepend(str(ROOT / "bench"))
        import versus_bench.report as module

        return module


def header(text: str) -> dict[str, str]:
    env = {}
    for line in text.splitlines():
        if not line.startswith("# "):
            break
        key, _, value = line[2:].partition(": ")
        env[key] = value
    return env


def test_committed_csv_is_recomputed_byte_for_byte(report: ModuleType) -> None:
    committed = COMMITTED.read_text(encoding="utf-8")
    raw = header(committed)["raw"].split(" (")[0]
    run = ROOT / raw
    assert run.is_dir() and run.parent == ROOT / "bench" / "results", raw
    assert report.render(run) == committed


def test_committed_run_is_full_with_five_rounds() -> None:
    raw = header(COMMITTED.read_text(encoding="utf-8"))["raw"].split(" (")[0]
    run = ROOT / raw
    info = json.loads((run / "run.json").read_text(encoding="utf-8"))
    assert info["mode"] == "full"
    assert info["rounds"] >= 5
    rounds = sorted(p.name for p in run.glob("round-*") if p.name[6:].isdigit())
    assert len(rounds) == info["rounds"]
    for name in rounds:
        conditions = json.loads((run / name / "conditions.json").read_text("utf-8"))
        assert {"load_start", "steal_share", "cpu_mhz_start"} <= conditions.keys()


def test_raw_results_stay_small() -> None:
    """Summaries of samples, not logs: the whole results folder < 2 MB."""
    size = sum(p.stat().st_size for p in (ROOT / "bench" / "results").rglob("*"))
    assert size < 2_000_000, size
