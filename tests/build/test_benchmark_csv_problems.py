"""A CSV file's own problems are reported once per file per build, however
many roles quote it, on one process or several; a role's own problem stays
at the role's line."""

from __future__ import annotations

import os
import time
from pathlib import Path

from sphinx.cmd.build import build_main

ROOTS = Path(__file__).parents[1] / "roots"
CSV = (ROOTS / "benchmarks" / "data" / "ratios.csv").read_text("utf-8")
#: Two bad cells: an unknown system in a ratio (line 3), a word for a figure
#: (line 5).
BAD = CSV.replace("Rust/Go 0.213", "Rust/Zig 0.213").replace("5.546 (", "lots (")

ROLES = "\n\n".join(
    f"Use {n}: {{benchmark-{'verdict' if n % 2 else 'ratio'}}}`data/r.csv#compile`."
    for n in range(8)
)


def page(title: str) -> str:
    return f"# {title}\n\n{ROLES}\n"


def site(pages: int) -> dict[str, str | bytes]:
    names = [f"p{n}" for n in range(pages)]
    toctree = "\n".join(names)
    found: dict[str, str | bytes] = {
        "index.md": f"# Home\n\n```{{toctree}}\n{toctree}\n```\n",
        "data/r.csv": BAD.encode(),
    }
    found.update({f"{name}.md": page(name) for name in names})
    return found


def warning_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if "WARNING" in line]


def test_eight_roles_on_two_pages_report_each_bad_cell_once(build_site):
    files = site(2)
    files["data/good.csv"] = CSV.encode()
    unknown = "\nUnknown: {benchmark-ratio}`data/good.csv#nope`.\n"
    files["p1.md"] = str(files["p1.md"]) + unknown
    built = build_site(files, "text", warnings_ok=True)
    lines = warning_lines(built.warnings)
    csv = str(built.srcdir / "data" / "r.csv")
    about_csv = [line for line in lines if line.startswith(csv)]
    assert len(about_csv) == 2, built.warnings
    assert about_csv[0].startswith(
        f"{csv}:3: WARNING: benchmark-ratio, benchmark-verdict: data/r.csv:3, "
        "column 6 (ratio): 'Rust/Zig"
    )
    assert about_csv[1].startswith(f"{csv}:5: WARNING:")
    assert all("(quoted on p0, p1) [versus.benchmark]" in line for line in about_csv)
    # The role's own problem: at its line, once.
    p1 = str(built.srcdir / "p1.md")
    own = [line for line in lines if not line.startswith(csv)]
    assert len(own) == 1, built.warnings
    assert own[0].startswith(f"{p1}:19: WARNING: benchmark-ratio: ")
    assert "no row with the id 'nope'" in own[0]
    # Every use shows its text as written, never a figure.
    text = built.read("p0.txt")
    assert text.count("data/r.csv#compile") == 8


def _build(src: Path, out: Path, jobs: str) -> list[str]:
    log = out.parent / f"{out.name}.log"
    args = ["-q", "-j", jobs, "-b", "text", "-w", str(log), "-d", str(out / ".d")]
    build_main([*args, str(src), str(out)])
    return warning_lines(log.read_text("utf-8"))


def test_parallel_and_incremental_builds_report_once(tmp_path):
    src = tmp_path / "src"
    for rel, content in site(6).items():
        path = src / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, "utf-8")
    (src / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_versus"]\n', "utf-8"
    )
    serial = _build(src, tmp_path / "one", "1")
    parallel = _build(src, tmp_path / "two", "2")
    assert len(serial) == 2, serial
    assert parallel == serial
    # Nothing changed: nothing read, nothing repeated.
    assert _build(src, tmp_path / "two", "2") == []
    # One page read again: the file's problems once more, still once.
    future = time.time() + 5
    os.utime(src / "p3.md", (future, future))
    again = _build(src, tmp_path / "two", "2")
    assert len(again) == 2, again
    assert all("(quoted on p3)" in line for line in again)
    # The CSV fixed: every page that quotes it is read again, no warning.
    (src / "data" / "r.csv").write_text(CSV, "utf-8")
    os.utime(src / "data" / "r.csv", (future + 5, future + 5))
    assert _build(src, tmp_path / "two", "2") == []
