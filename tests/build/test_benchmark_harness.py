"""The build benchmark (``make bench``, issue 8) at N=5: structural targets only.

One small run of the real command checks that a no-op rebuild reads nothing,
that editing one CSV or snippet re-reads exactly the pages that use it (and
that they show the edit), and that clean, ``-j 2`` and incremental builds give
byte-identical HTML.  The timed builds are left to ``make bench``; here only
their arithmetic and verdicts are checked, on made-up samples, never a
wall-clock time.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
from typing import TYPE_CHECKING, Any

import pytest
from bs4 import BeautifulSoup

from tests.benchmarks import (
    checks,
    generate,
    pages,
    report,
    run,
    timing,
)
from tests.paths import ROOT

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

PAGES = 5


@pytest.fixture(scope="module")
def bench(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The structural sections of ``make bench``, with 5 pages."""
    tmp = tmp_path_factory.mktemp("bench")
    out = tmp / "results.json"
    code = run.main(
        [
            f"--pages={PAGES}",
            "--only=incremental,determinism",
            f"--out={out}",
            f"--workdir={tmp / 'sites'}",
            "--no-docs",
        ]
    )
    results = json.loads(out.read_text("utf-8"))
    return {"code": code, "results": results, "sites": tmp / "sites"}


def test_every_structural_target_met(bench: dict[str, Any]) -> None:
    structural = [t for t in bench["results"]["targets"] if not t["timed"]]
    names = {t["name"] for t in structural}
    assert {
        "No-op rebuild",
        "Edit one comparison-table CSV",
        "Edit one benchmark-table CSV",
        "Edit one benchmark-chart CSV",
        "Edit one snippet (literalinclude)",
        "Two clean builds",
        "-j 2 vs -j 1",
        "Incremental vs clean build",
    } <= names
    assert [t for t in structural if not t["met"]] == []
    assert bench["code"] == 0


def test_noop_rebuild_reads_nothing(bench: dict[str, Any]) -> None:
    inc = bench["results"]["incremental"]
    assert inc["noop"]["read"] == []
    assert inc["noop_after_edits"]["read"] == []


def _pages_mentioning(srcdir: Path, rel: str) -> list[str]:
    """Recompute a file's dependents from the page text, not the manifest."""
    needle = re.sub(r"^docs/", "/", rel).replace("snippets/", "../../snippets/")
    return sorted(
        p.relative_to(srcdir).with_suffix("").as_posix()
        for p in srcdir.rglob("*.md")
        if needle in p.read_text("utf-8")
    )


def test_each_edit_rereads_exactly_its_pages(bench: dict[str, Any]) -> None:
    edits = bench["results"]["incremental"]["edits"]
    srcdir = bench["sites"] / "charts" / "docs"
    assert len(edits) == 4
    for label, edit in edits.items():
        dependents = _pages_mentioning(srcdir, edit["file"])
        assert dependents, label
        assert len(dependents) < PAGES, f"{label}: pick a file not used everywhere"
        assert edit["expected"] == dependents, label
        assert edit["read"] == dependents, label
        assert edit["stale"] == [], label


def test_output_byte_identical(bench: dict[str, Any]) -> None:
    det = bench["results"]["determinism"]
    assert det["files"] > PAGES
    for key in ("clean_twice", "j2_vs_j1", "incremental_vs_clean"):
        assert det[key]["differences"] == [], key


def test_timing_summary_arithmetic() -> None:
    def runs(*walls: float) -> list[dict[str, float]]:
        return [{"wall": w, "cpu": w / 2} for w in walls]

    summary = timing.summarise(
        {
            "control": runs(10.0, 30.0, 11.0),
            "control-loaded": runs(10.5, 10.5, 10.5),
            "ext": runs(12.0, 11.0, 99.0),
            "chart-bench": runs(21.0, 21.0, 21.0),
            "chart-base": runs(12.0, 12.0, 12.0),
            "chart-base (pages touched)": runs(5.0, 5.0, 5.0),
            "chart-bench (pages touched)": runs(5.02, 5.02, 5.02),
        },
        charts=10,
    )
    assert summary["median"]["control"] == {"wall": 11.0, "cpu": 5.5}
    assert summary["ratios"]["ext / control"] == {"wall": 1.091, "cpu": 1.091}
    assert summary["per_chart_ms"]["cold"] == {"wall": 900.0, "cpu": 450.0}
    assert summary["per_chart_ms"]["warm"]["wall"] == pytest.approx(2.0)
    verdicts = {t["name"]: t["met"] for t in report.targets({"full": summary}, "wall")}
    assert verdicts == {
        "Full build, directives / built-ins": True,
        "A warm chart": True,
        "A cold chart": False,
    }


def test_no_charts_no_chart_verdict() -> None:
    summary = timing.summarise(
        {"control": [{"wall": 1.0, "cpu": 1.0}], "ext": [{"wall": 1.2, "cpu": 1.2}]},
        charts=0,
    )
    verdicts = {t["name"]: t["met"] for t in report.targets({"full": summary}, "cpu")}
    assert verdicts["Full build, directives / built-ins"] is False
    assert verdicts["A cold chart"] is None


def test_writers_guide_include_builds(
    bench: dict[str, Any], build_site: Callable[..., Any]
) -> None:
    text = report.myst(bench["results"], report.invocation(["--pages", "5"]))
    built = build_site({"index.md": "# Performance\n\n" + text})
    text = BeautifulSoup(built.read("index.html"), "html.parser").get_text()
    assert "Incremental: no-op rebuild" in text
    assert "Two clean builds" in text
    assert 'make bench BENCH_ARGS="--pages 5"' in text


def test_control_page_has_the_same_content() -> None:
    """The ratio is only fair if both sites show the same cells and code."""
    for index in range(3):
        data = pages.page_data(index, 3)
        ext = pages.ext_page(data, chart=False)
        control = pages.control_page(data)
        cells = [c for row in data.glance + data.json_rows for c in row]
        for text in (*cells, *data.paragraphs, data.go_code, data.rust_code):
            assert text in ext
            assert text in control
        for directive in ("comparison-table", "code-compare", "benchmark-table"):
            assert directive in ext
            assert directive not in control


def test_differences_finds_changed_and_missing_files(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    for root in (a, b):
        (root / "sub").mkdir(parents=True)
        (root / "same.html").write_text("<p>same</p>")
    (a / "sub" / "page.html").write_text("<p>id=1</p>")
    (b / "sub" / "page.html").write_text("<p>id=2</p>")
    (a / "only-a.js").write_text("x")
    diffs = {d["file"]: d["difference"] for d in checks._differences(a, b)}
    assert set(diffs) == {"only-a.js", "sub/page.html"}
    assert "byte 6" in diffs["sub/page.html"]
    assert diffs["only-a.js"] == "only in the first build"


def test_incremental_check_catches_over_reading(tmp_path: Path) -> None:
    """An extension that re-reads every page on every build must fail."""
    site = generate.generate(tmp_path / "site", "control", 3)
    conf = site.srcdir / "conf.py"
    conf.write_text(
        conf.read_text("utf-8")
        + textwrap.dedent(
            """
            def setup(app):
                app.connect(
                    "env-get-outdated", lambda app, env, a, c, r: env.found_docs
                )
            """
        ),
        "utf-8",
    )
    result = checks.incremental(
        site, edits={"snippet": checks.EDITS["snippet (literalinclude)"]}
    )
    assert result["ok"] is False
    docs = ["sec-00/page-000", "sec-00/page-001", "sec-00/page-002"]
    assert result["noop"]["read"] == ["index", "sec-00/index", *docs]
    snippet = result["edits"]["snippet"]
    assert snippet["expected"] == ["sec-00/page-002"]
    assert snippet["extra"] == ["index", "sec-00/index", *docs[:2]]
    assert snippet["ok"] is False


def test_command_line_entry_point() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.run", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "--pages" in proc.stdout
    assert "--jobs" in proc.stdout
