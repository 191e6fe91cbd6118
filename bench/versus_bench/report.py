"""Derive ``docs/data/measured.csv`` from a run's raw files only.

    python -m versus_bench.report RUN_DIR [--out PATH]

Per row: each round's median of its samples; the cell is the median of
those round medians with their range across rounds; the ``ratio`` cell is
the median of the per-round Rust/Go ratios with its 95 % bootstrap
confidence interval (scipy.stats.bootstrap, percentile method, fixed seed),
rounds being the independent unit.  The same files give the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import re
import statistics
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HEADER = ("workload", "unit", "better", "Go", "Rust", "ratio", "id", "source", "notes")
SOURCE = "Measured by this project (make measure)"
EN_DASH = "\u2013"
#: The bootstrap's fixed seed and resample count: same files, same interval.
SEED = 22
RESAMPLES = 10_000
CONFIDENCE = 0.95
#: The CSV's order of workloads (the harness runs the builds first).
ROW_ORDER = ("http", "memory", "startup", "json", "search", "compile")
#: Rows measured for both languages that are not a Go-versus-Rust result
#: (the load generator's own CPU use): no ratio, so no words.
NO_RATIO = ("http-wrk-cpu-",)
#: The site's default ``versus_ratio_margin`` (1.05): a notes sentence
#: calls a size faster only when the whole interval clears it.
MARGIN = 1.05
#: wrk at or above this share of its core may be the bottleneck.
SATURATED = 90.0
_KEYS = (
    "harness|date|commit|cpu|cores|memory|os|go|rust|wrk|vegeta|hyperfine|"
    "criterion|mode|rounds|spread|ratio|raw|pinning|priority|load|steal|"
    "cpu frequency|noisy rounds|duration"
)
ENV_KEYS = tuple(_KEYS.split("|"))
SPREAD = (
    "Each cell is the median across rounds of each round's median, and in "
    "brackets the lowest and highest round median; each round is a separate "
    "set of fresh processes (servers, benchmarks, builds), Go and Rust in "
    "alternating order."
)
RATIO = (
    "Rust's value divided by Go's: the median of the per-round ratios and its "
    "95 % bootstrap confidence interval (scipy.stats.bootstrap, percentile "
    f"method, {RESAMPLES} resamples, seed {SEED}) over the rounds; binary "
    "sizes are exact, so their interval is the value itself."
)


class ReportError(Exception):
    """The raw files are missing or malformed."""


def number(value: float, digits: int = 4) -> str:
    """A positive number to ``digits`` significant digits as a plain decimal."""
    if not value > 0 or not math.isfinite(value):
        raise ReportError(f"not a positive number: {value}")
    decimals = digits - 1 - math.floor(math.log10(value))
    if decimals <= 0:
        return str(round(value / 10**-decimals) * 10**-decimals)
    text = f"{value:.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


@dataclass(frozen=True)
class Summary:
    """One system's round medians, summarised."""

    rounds: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.rounds)

    def cell(self, exact: bool = False) -> str:
        if not self.rounds:
            return ""
        if exact:
            return number(self.median)
        low, mid, high = (
            number(v) for v in (min(self.rounds), self.median, max(self.rounds))
        )
        return f"{mid} ({low}{EN_DASH}{high})"


Interval = tuple[float, float, float]


def ratio_interval(ratios: list[float]) -> Interval:
    """Median ratio and its bootstrap CI (``low == high`` when every round
    agrees exactly, where a resampled median cannot vary)."""
    point = statistics.median(ratios)
    if len(set(ratios)) == 1:
        return point, point, point
    import numpy as np
    from scipy import stats

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = stats.bootstrap(
            (np.asarray(ratios, dtype=float),),
            np.median,
            confidence_level=CONFIDENCE,
            n_resamples=RESAMPLES,
            method="percentile",
            rng=np.random.default_rng(SEED),
        )
    low = float(result.confidence_interval.low)
    high = float(result.confidence_interval.high)
    return point, min(low, point), max(high, point)


def ratio_cell(point: float, low: float, high: float) -> str:
    return f"Rust/Go {number(point, 3)} ({number(low, 3)}{EN_DASH}{number(high, 3)})"


def load_rounds(run: Path, order: list[str]) -> list[dict[str, dict[str, Any]]]:
    """Each round's series by id, in round order and, within a round, in
    the run's workload order (``round-N`` directories; ``round-N-noisy``
    attempts are kept but not used)."""
    dirs = sorted(
        (d for d in run.iterdir() if re.fullmatch(r"round-\d+", d.name)),
        key=lambda d: int(d.name.split("-")[1]),
    )
    if not dirs:
        raise ReportError(f"{run} holds no round-N directories")
    rounds = []
    for d in dirs:
        series: dict[str, dict[str, Any]] = {}
        names = [p.stem for p in d.glob("*.json") if p.name != "conditions.json"]
        ranked = sorted(
            names, key=lambda n: (order.index(n) if n in order else len(order), n)
        )
        for name in ranked:
            for item in json.loads((d / f"{name}.json").read_text("utf-8"))["series"]:
                series[item["id"]] = item
        rounds.append(series)
    return rounds


def _round_medians(
    rounds: list[dict[str, dict[str, Any]]], sid: str, system: str
) -> list[float]:
    return [
        statistics.median(r[sid][system]) for r in rounds if sid in r and r[sid][system]
    ]


def _fixed_rate_note(rounds: list[dict[str, dict[str, Any]]]) -> str:
    """Which rounds' open-loop generator could not keep its schedule."""
    busy = []
    for n, r in enumerate(rounds, 1):
        extra = r.get("http-fixed-p99", {}).get("extra", {})
        peak = max((v for values in extra.values() for v in values), default=0.0)
        if peak >= SATURATED:
            busy.append(f"{n} ({peak:.0f} %)")
    if not busy:
        return " vegeta stayed below saturation in every round."
    return (
        f" vegeta's CPU time reached {SATURATED:.0f} % of the attack's length "
        "or more (it is pinned to one core) in round(s) "
        f"{', '.join(busy)}: there the generator itself fell behind its "
        "schedule, its own delay counts as latency, and the tail (p99) of "
        "those rounds measures the generator as much as the server."
    )


def derived_notes(
    sid: str, rounds: list[dict[str, Any]], ratios: dict[str, Interval]
) -> str:
    """Sentences the data decides: a saturated load generator, the
    binary-search crossover."""
    if sid.startswith("http-fixed-"):
        return _fixed_rate_note(rounds)
    if sid.startswith("http-throughput-"):
        connections = sid.rsplit("-", 1)[1]
        cpu = {
            s: _round_medians(rounds, f"http-wrk-cpu-{connections}", s)
            for s in ("go", "rust")
        }
        if not cpu["go"] or not cpu["rust"]:
            return ""
        go, rust = statistics.median(cpu["go"]), statistics.median(cpu["rust"])
        text = (
            f" wrk used {go:.0f} % of its core against Go and {rust:.0f} % against Rust"
        )
        if max(go, rust) >= SATURATED:
            return (
                text
                + f"; at {SATURATED:.0f} % or more the single-threaded load generator, "
                "not the server, is the limit (the machine has no spare core for a "
                "second wrk thread), so the faster server's figure is a lower bound "
                "and the ratio understates the difference."
            )
        return text + ": below saturation, so the servers set the pace."
    if sid.startswith("search-"):
        sizes = sorted(
            (int(k.rsplit("e", 1)[1]), v) for k, v in ratios.items() if "search-" in k
        )
        rust = [f"10^{e}" for e, (_, _, high) in sizes if high < 1 / MARGIN]
        go = [f"10^{e}" for e, (_, low, _) in sizes if low > MARGIN]
        even = [f"10^{e}" for e, _ in sizes if f"10^{e}" not in rust + go]
        return (
            " Across the sweep the whole 95 % interval of the ratio lay below "
            f"1/{MARGIN:g} (Rust faster) at {', '.join(rust) or 'no size'} items, "
            f"above {MARGIN:g} (Go faster) at {', '.join(go) or 'no size'}, and "
            f"within that margin of 1 at {', '.join(even) or 'no size'}. Rust's "
            "slice::binary_search is branchless (conditional moves), Go's "
            "slices.BinarySearch branches: while the array fits in the caches the "
            "branchless loop avoids mispredictions and wins; once it does not, "
            "each probe waits on memory, and a predicted branch lets the CPU "
            "start loading the next probe speculatively while the branchless "
            "loop must wait for each comparison, so the advantage shrinks or turns."
        )
    return ""


def rows(run: Path) -> tuple[dict[str, Any], list[list[str]]]:
    info = json.loads((run / "run.json").read_text("utf-8"))
    rounds = load_rounds(run, list(ROW_ORDER))
    ids: list[str] = []
    for r in rounds:
        ids += [sid for sid in r if sid not in ids]
    first = {sid: next(r[sid] for r in rounds if sid in r) for sid in ids}
    out: list[list[str]] = []
    intervals: dict[str, Interval] = {}
    for sid in ids:
        paired = [
            statistics.median(r[sid]["rust"]) / statistics.median(r[sid]["go"])
            for r in rounds
            if sid in r and r[sid]["go"] and r[sid]["rust"]
        ]
        if paired and not sid.startswith(NO_RATIO):
            intervals[sid] = ratio_interval(paired)
    for sid in ids:
        item = first[sid]
        go = Summary(tuple(_round_medians(rounds, sid, "go")))
        rust = Summary(tuple(_round_medians(rounds, sid, "rust")))
        ratio = ratio_cell(*intervals[sid]) if sid in intervals else ""
        notes = item["notes"] + (
            f"; {len(go.rounds or rust.rounds)} rounds."
            + derived_notes(sid, rounds, intervals)
        )
        head = [item["workload"], item["unit"], item["better"]]
        out.append([*head, go.cell(), rust.cell(), ratio, sid, SOURCE, notes])
    for item in info.get("binary_sizes", []):
        go_v, rust_v = item["go"][0], item["rust"][0]
        r = rust_v / go_v
        head = [item["workload"], item["unit"], item["better"], number(go_v)]
        out.append([*head, number(rust_v), ratio_cell(r, r, r), item["id"], SOURCE])
        out[-1].append(item["notes"])
    return info, out


def raw_path(run: Path) -> str:
    """Where the raw files are, relative to the repository when inside it."""
    root = Path(__file__).resolve().parents[2]
    try:
        return run.resolve().relative_to(root).as_posix()
    except ValueError:
        return run.name


def environment(info: dict[str, Any]) -> dict[str, str]:
    conditions = info["round_conditions"]
    loads = [c["load_start"][0] for c in conditions] + [
        c["load_end"][0] for c in conditions
    ]
    steal = [100 * c["steal_share"] for c in conditions]
    mhz = [c["cpu_mhz_start"] for c in conditions] + [
        c["cpu_mhz_end"] for c in conditions
    ]
    noisy = [str(c["round"]) for c in conditions if c["noisy"]]
    repeated = [str(c["round"]) for c in conditions if c.get("repeated")]
    minutes, secs = divmod(round(info["duration_seconds"]), 60)
    keys = (
        "harness",
        "date",
        "commit",
        "cpu",
        "cores",
        "memory",
        "os",
        "go",
        "rust",
        "wrk",
        "vegeta",
        "hyperfine",
        "criterion",
        "mode",
        "rounds",
    )
    env = {key: str(info[key]) for key in keys}
    env["mode"] = info["mode"] + (
        " (QUICK=1: tiny sizes, two short rounds; not for publishing)"
        if info["mode"] == "quick"
        else ""
    )
    env.update(
        {
            "spread": SPREAD,
            "ratio": RATIO,
            "pinning": info["pinning"],
            "priority": info.get("priority", "not recorded"),
            "load": (
                f"1-minute load average {min(loads):.2f}-{max(loads):.2f} "
                "at the rounds' starts and ends"
            ),
            "steal": (
                f"{min(steal):.1f}-{max(steal):.1f} % of CPU time per round "
                "(/proc/stat)"
            ),
            "cpu frequency": (
                f"{min(mhz):.0f}-{max(mhz):.0f} MHz "
                "(sampled at each round's start and end)"
            ),
            "noisy rounds": (
                f"{info['noisy_rule']}; repeated: {', '.join(repeated) or 'none'}; "
                f"still noisy: {', '.join(noisy) or 'none'}"
            ),
            "duration": (
                f"{minutes} min {secs} s for the whole run "
                f"({info['build_seconds']:.0f} s of builds, "
                f"then {info['rounds']} rounds)"
            ),
        }
    )
    return env


def render(run: Path) -> str:
    info, table = rows(run)
    env = environment(info)
    env["raw"] = f"{raw_path(run)} (make measure-report RUN=<this> re-derives it)"
    buffer = io.StringIO()
    for key in ENV_KEYS:
        buffer.write(f"# {key}: {' '.join(env[key].split())}\n")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(table)
    return buffer.getvalue()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m versus_bench.report", description=__doc__.split("\n")[0]
    )
    p.add_argument("run", type=Path, help="a run directory (bench/results/<dir>)")
    p.add_argument("--out", type=Path, help="CSV to write (default: stdout)")
    args = p.parse_args(argv)
    try:
        text = render(args.run)
    except (ReportError, OSError, KeyError, ValueError) as error:
        print(f"report: {args.run}: {error}", file=sys.stderr)
        return 1
    if args.out is None:
        sys.stdout.write(text)
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    partial = args.out.with_name(f".{args.out.name}.partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(args.out)
    print(f"report: wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
