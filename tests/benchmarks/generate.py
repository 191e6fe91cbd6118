"""Write the synthetic sites the benchmark builds.

The kinds share one layout (``<root>/docs`` is the Sphinx source dir,
``<root>/snippets`` the Go and Rust programs, like the real repository):

* ``control`` – built-ins only (``list-table``, ``csv-table``,
  ``tab-set-code``, ``literalinclude``); sphinx-versus is *not* loaded, so the
  ratio against ``ext`` is everything an author pays for adopting it;
* ``control-loaded`` – the control pages with sphinx-versus loaded but unused
  (``--split``), which splits that cost into a fixed and a per-directive part;
* ``ext`` – the same content written with the sphinx-versus directives;
* ``charts`` – ``ext`` plus one ``benchmark-chart`` per page, each drawn from
  its own CSV so no two charts share a cache entry: every directive at once,
  for the incremental and determinism checks;
* ``chart-bench`` / ``chart-base`` – short pages with several charts each, and
  the same pages without them, for the cost of one chart: a small baseline
  keeps the difference well above the noise of a 200-page build.

``Site.deps`` maps every data or snippet file to the pages that use it: the
incremental checks compare Sphinx's re-read list against it.
"""

from __future__ import annotations

import csv
import io
import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from tests.benchmarks import pages
from tests.benchmarks.pages import PageData, docname

KINDS = ("control", "control-loaded", "ext", "charts", "chart-bench", "chart-base")
CHARTS_PER_PAGE = 4
PROBE = Path(__file__).with_name("probe.py")
SYSTEMS = ("Go", "Rust")
WORKLOADS = (
    ("HTTP requests/sec", "req/s", "higher"),
    ("JSON parsing (1 MB)", "ms", "lower"),
    ("Binary search (1M items)", "µs", "lower"),
    ("Idle memory", "MB", "lower"),
    ("Cold compile", "s", "lower"),
)

CONF = '''\
"""Synthetic {kind} site for the sphinx-versus build benchmark."""

import sys
from pathlib import Path

# The probe that records re-read documents lives next to docs/.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

project = "Benchmark ({kind})"
author = "sphinx-versus benchmark"
copyright = "2026, sphinx-versus benchmark"
extensions = {extensions!r}
exclude_patterns = ["_build"]
myst_enable_extensions = [
    "colon_fence",
    "deflist",
    "fieldlist",
    "attrs_inline",
    "attrs_block",
    "smartquotes",
    "replacements",
]
myst_heading_anchors = 3
# The snippets sit beside the docs, as in the real site.
versus_file_dirs = ["../snippets"]
html_theme = "furo"
html_title = "Benchmark"
'''

#: The real docs' extensions (docs/conf.py), plus the re-read probe.
BASE_EXTENSIONS = (
    "myst_parser",
    "sphinx_design",
    "sphinx_tabs.tabs",
    "sphinx_copybutton",
)


@dataclass
class Site:
    kind: str
    root: Path
    pages: list[str]
    charts: int = 0
    deps: dict[str, list[str]] = field(default_factory=dict)

    @property
    def srcdir(self) -> Path:
        return self.root / "docs"


def _csv_text(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def _bench_rows(seed: str) -> list[list[str]]:
    """Figures in the issue-4 format: numbers, ``~`` and ``low-high`` ranges."""
    rng = random.Random(seed)
    rows = [["workload", "unit", "better", *SYSTEMS, "source"]]
    for n, (workload, unit, better) in enumerate(WORKLOADS):
        go = rng.randint(100, 200_000)
        rust = max(1, int(go * rng.uniform(0.3, 1.8)))
        if n == 0:
            values = [f"{go}-{go * 4 // 3}", f"{rust}-{rust * 3 // 2}"]
        elif n == 1:
            values = [f"~{go / 1000:.1f}", f"~{rust / 1000:.1f}"]
        else:
            values = [str(go), str(rust)]
        source = "[article](https://example.org/go-vs-rust)" if n % 2 else ""
        rows.append([workload, unit, better, *values, source])
    return rows


def _rendered_rows(rows: list[list[str]]) -> list[list[str]]:
    """What a writer without the extension would type: formatted, with a ratio."""
    out = [["Workload", *SYSTEMS, "Rust vs Go", "Source"]]
    for workload, unit, better, go, rust, source in rows[1:]:
        mid = [_midpoint(v) for v in (go, rust)]
        ratio = mid[0] / mid[1] if better == "lower" else mid[1] / mid[0]
        verdict = f"{ratio:.1f}× faster" if ratio >= 1 else f"{1 / ratio:.1f}× slower"
        out.append([f"{workload} ({unit})", go, rust, verdict, source])
    return out


def _midpoint(value: str) -> float:
    low, _, high = value.lstrip("~").partition("-")
    return (float(low) + float(high or low)) / 2


def _features_rows(group: int) -> list[list[str]]:
    rng = random.Random(f"features-{group}")
    rows = [["Feature", "Go", "Rust"]]
    for aspect in rng.sample(pages.ASPECTS, 6):
        rows.append([aspect, rng.choice(pages.WORDS), f"*{rng.choice(pages.WORDS)}*"])
    return rows


def _go_program(name: str) -> str:
    return (
        "package main\n\n"
        'import "fmt"\n\n'
        f"// [{pages.SNIPPET_REGION}]\n"
        f"func {name}(id int) (string, error) {{\n"
        "\tif id < 0 {\n"
        '\t\treturn "", fmt.Errorf("bad id %d", id)\n'
        "\t}\n"
        '\treturn fmt.Sprintf("user-%d", id), nil\n'
        "}\n"
        f"// [/{pages.SNIPPET_REGION}]\n\n"
        "func main() {\n"
        f"\tname, err := {name}(1)\n"
        "\tfmt.Println(name, err)\n"
        "}\n"
    )


def _rust_program(name: str) -> str:
    return (
        f"// [{pages.SNIPPET_REGION}]\n"
        f"fn {name}(id: i64) -> Result<String, String> {{\n"
        "    if id < 0 {\n"
        '        return Err(format!("bad id {id}"));\n'
        "    }\n"
        '    Ok(format!("user-{id}"))\n'
        "}\n"
        f"// [/{pages.SNIPPET_REGION}]\n\n"
        "fn main() {\n"
        f'    println!("{{:?}}", {name}(1));\n'
        "}\n"
    )


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _index(section_count: int) -> str:
    entries = "\n".join(f"sec-{s:02d}/index" for s in range(section_count))
    return (
        "# Benchmark site\n\nA synthetic Go vs Rust site.\n\n"
        f"```{{toctree}}\n:maxdepth: 1\n\n{entries}\n```\n"
    )


def _section_index(section: int, docnames: list[str]) -> str:
    entries = "\n".join(name.split("/", 1)[1] for name in docnames)
    return (
        f"# Section {section}\n\nPages of section {section}.\n\n"
        f"```{{toctree}}\n:maxdepth: 1\n\n{entries}\n```\n"
    )


def generate(
    root: Path, kind: str, page_count: int, charts_per_page: int = CHARTS_PER_PAGE
) -> Site:
    """Write one site of ``page_count`` pages under ``root`` (replaced)."""
    if kind not in KINDS:
        raise ValueError(f"unknown site kind {kind!r}; expected one of {KINDS}")
    if page_count < 1:
        raise ValueError("a site needs at least one page")
    if root.exists():
        shutil.rmtree(root)
    src = root / "docs"
    extensions = [*BASE_EXTENSIONS]
    if kind != "control":
        extensions.append("sphinx_versus")
    extensions.append("_bench_probe")
    _write(src / "conf.py", CONF.format(kind=kind, extensions=extensions))
    shutil.copyfile(PROBE, root / "_bench_probe.py")

    site = Site(kind=kind, root=root, pages=[docname(i) for i in range(page_count)])
    datas = [pages.page_data(i, page_count) for i in range(page_count)]
    for data in datas:
        if kind.startswith("chart-"):
            _write_chart_page(
                site, data, charts_per_page if kind == "chart-bench" else 0
            )
        else:
            _write_page(site, data)

    sections: dict[int, list[str]] = {}
    for name in site.pages:
        sections.setdefault(int(name[4:6]), []).append(name)
    _write(src / "index.md", _index(len(sections)))
    for section, names in sections.items():
        _write(src / f"sec-{section:02d}" / "index.md", _section_index(section, names))
    return site


def _use(site: Site, rel: str, page: str) -> bool:
    """Record that ``page`` uses ``rel``; True the first time ``rel`` is seen."""
    users = site.deps.setdefault(rel, [])
    users.append(page)
    return len(users) == 1


def _write_page(site: Site, data: PageData) -> None:
    name = docname(data.index)
    kind = site.kind
    control = kind.startswith("control")
    text = (
        pages.control_page(data)
        if control
        else pages.ext_page(data, chart=kind == "charts")
    )
    _write(site.srcdir / f"{name}.md", text)

    rel = f"docs/data/features-{data.features:03d}.csv"
    if _use(site, rel, name):
        _write(site.root / rel, _csv_text(_features_rows(data.features)))
    rel = f"docs/data/bench-{data.bench:03d}.csv"
    rows = _bench_rows(f"bench-{data.bench}")
    if control:
        rel = rel.replace(".csv", "-rendered.csv")
        rows = _rendered_rows(rows)
    if _use(site, rel, name):
        _write(site.root / rel, _csv_text(rows))
    snippet = f"ex{data.snippet:03d}"
    for rel, program in (
        (f"snippets/go/{snippet}/main.go", _go_program),
        (f"snippets/rust/src/bin/{snippet}.rs", _rust_program),
    ):
        if _use(site, rel, name):
            _write(site.root / rel, program(f"handle_{snippet}"))
    if kind == "charts":
        rel = f"docs/data/chart-{data.index:03d}.csv"
        _use(site, rel, name)
        _write(site.root / rel, _csv_text(_bench_rows(f"chart-{data.index}")))
        site.charts += 1


def _write_chart_page(site: Site, data: PageData, charts: int) -> None:
    name = docname(data.index)
    _write(site.srcdir / f"{name}.md", pages.chart_page(data, charts))
    for k in range(charts):
        rel = f"docs/data/chart-{data.index:03d}-{k}.csv"
        _use(site, rel, name)
        _write(site.root / rel, _csv_text(_bench_rows(f"chart-{data.index}-{k}")))
        site.charts += 1
