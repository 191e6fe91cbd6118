"""The guide against its source article, and the docs as the largest build test.

One session-scoped fixture builds the real ``docs/`` once, exactly as
``make html`` does (``-n -W --keep-going``, in a subprocess so the build sees
no pytest state), and every content check reads that output.  The expected
facts below are copied from ``../shared/seed/go-vs-rust-article.txt`` by hand
on purpose: the test is the contract that the site covers the article.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup

from sphinx_versus.config import DEFAULT_LANGUAGES
from tests.paths import DOCS, ROOT

if TYPE_CHECKING:
    from pathlib import Path

    from bs4 import Tag

    from tests.plugin import DocsHtml

WRITERS = DOCS / "writers-guide"

# -- the article, as facts the site must state --------------------------------

#: Article section -> (page, words its title must contain).
SECTIONS: dict[str, tuple[str, str]] = {
    "Quick Verdict": ("guide/verdict", "verdict"),
    "Feature Comparison": ("guide/features", "feature comparison"),
    "Memory Model": ("guide/memory", "memory model"),
    "Concurrency": ("guide/concurrency", "concurrency"),
    "HTTP Services": ("guide/http", "http services"),
    "Error Handling": ("guide/errors", "error handling"),
    "Performance Benchmarks": ("guide/performance", "performance"),
    "Ecosystem": ("guide/ecosystem", "ecosystem"),
    "Deployment": ("guide/deployment", "deployment"),
    "When to Choose Each": ("guide/choosing", "when to choose"),
    "Bottom Line": ("guide/bottom-line", "bottom line"),
}

#: The article's ten-row table: feature, then what each cell must say.
FEATURE_ROWS: list[tuple[str, str, str]] = [
    ("Memory management", "Garbage collected", "Ownership and borrowing (no GC)"),
    ("Learning curve", "Gentle (weeks)", "Steep (months)"),
    ("Concurrency", "Goroutines + channels", "Async/await + threads"),
    ("Compile speed", "Very fast", "Slower"),
    ("Runtime performance", "Excellent", "Best-in-class"),
    ("Binary size", "Medium (5-15 MB)", "Small (optimised)"),
    ("Error handling", "Multiple return values", "Result<T, E> type"),
    ("Package manager", "Go modules", "Cargo (excellent)"),
    ("WebAssembly", "Supported", "Excellent (wasm-pack)"),
    ("Ecosystem maturity", "Strong (cloud/backend)", "Growing rapidly"),
]

#: The article's benchmark table: workload -> (Go figures, Rust figures).
BENCHMARKS: dict[str, tuple[tuple[float, ...], tuple[float, ...]]] = {
    "HTTP requests/sec": ((150_000, 200_000), (200_000, 300_000)),
    "JSON parsing (1 MB)": ((2,), (0.8,)),
    "Binary search (10M items)": ((45,), (20,)),
    "Memory (idle server)": ((15,), (5,)),
    "Compile time (large project)": ((5,), (60,)),
}

ECOSYSTEM = [
    "Kubernetes",
    "Docker",
    "Terraform",
    "grpc-go",
    "AWS",
    "GCP",
    "Azure",
    "gin",
    "fiber",
    "echo",
    "standard library",
    "wasm-bindgen",
    "wasm-pack",
    "no_std",
    "clap",
    "crossterm",
    "RustCrypto",
    "Tokio",
]

#: Every "choose" bullet of the article (quick verdict and "When to Choose
#: Each"), as patterns for the project's own wording, per page.
CHOOSE: dict[str, list[str]] = {
    "guide/verdict": [
        r"backend services",
        r"simple deployment",
        r"onboard",
        r"command-line tools",
        r"DevOps infrastructure",
        r"maximum performance",
        r"memory safety that is guaranteed without a garbage collector",
        r"embedded systems",
        r"WebAssembly",
        r"safety-critical",
    ],
    "guide/choosing": [
        r"Backend APIs and microservices",
        r"DevOps tools",
        r"command-line applications",
        r"large teams",
        r"enforced simplicity",
        r"hire quickly",
        r"more Go developers",
        r"Kubernetes operators and cloud tooling",
        r"Performance-critical components",
        r"Game engines",
        r"data processing",
        r"WebAssembly modules",
        r"Embedded and real-time systems",
        r"Security-critical code",
        r"memory-safety bugs",
        r"Replacing C or C\+\+",
    ],
}

#: Other claims and figures of the article, by page.
FACTS: dict[str, list[str]] = {
    "index": [r"pragmatic default", r"raw speed", r"memory-safety guarantees"],
    "guide/verdict": [
        r"C and C\+\+",
        r"pragmatic default for most teams",
        r"quicker to learn",
        r"concurrency model is simpler",
        r"Rust wins",
    ],
    "guide/memory": [
        r"garbage collector",
        r"1-2 ms",
        r"real-time",
        r"freed deterministically",
        r"costs nothing at run time",
        r"borrow checker",
        r"net/http",
    ],
    "guide/concurrency": [
        r"millions",
        r"cheap",
        r"channels",
        r"more verbose",
        r"state machine",
        r"zero-cost abstraction",
        r"five worker",
        r"twenty jobs",
    ],
    "guide/http": [
        r"production-ready",
        r"no framework",
        r"axum",
        r"async",
        r"lifetimes",
        r"8080",
    ],
    "guide/errors": [
        r"verbose but explicit",
        r"handled or deliberately ignored",
        r"\? operator",
        r"compile time",
        r"thiserror",
        r"%w",
    ],
    "guide/performance": [
        r"99%",
        r"not measurements made by this project",
        r"95 % confidence interval",
    ],
    "guide/how-we-measured": [
        r"not measurements made by this project",
        r"hardware is unknown",
        r"versions are unknown",
        r"Go vs Rust article",
    ],
    "guide/deployment": [
        r"static binary",
        r"no shared libraries",
        r"2 to 10 minutes",
        r"30 seconds",
        r"Go 1\.23",
        r"Rust 1\.77",
        r"Not verified",
        r"container engine",
    ],
    "guide/bottom-line": [
        r"pragmatic choice for most backend teams",
        r"deploys as a single binary",
        r"engineering choice",
        r"zero|no garbage collector",
        r"embedded",
        r"WebAssembly",
        r"use both",
        r"Go for the services, Rust for the\s+performance-sensitive",
    ],
}

GLOSSARY_TERMS = [
    "ownership",
    "borrow checker",
    "goroutine",
    "channel",
    "async runtime",
    "GC pause",
    "zero-cost abstraction",
    "garbage collector",
    "lifetime",
    "trait",
    "static binary",
    "WebAssembly",
]

#: Writer's-guide reference page -> the directives whose options it documents.
REFERENCE_PAGES = {
    "comparison-table": ["comparison-table"],
    "code-compare": ["code-compare"],
    "benchmarks": ["benchmark-table", "benchmark-chart"],
}


# -- the build ------------------------------------------------------------------


@dataclass
class DocsBuild:
    returncode: int
    log: str
    outdir: Path

    def soup(self, docname: str) -> BeautifulSoup:
        path = self.outdir / f"{docname}.html"
        assert path.is_file(), f"{docname} was not built (no {path.name})"
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")

    def text(self, docname: str) -> str:
        """The page's main text, normalised for matching."""
        article = self.soup(docname).find(attrs={"role": "main"})
        assert article is not None, f"{docname}: no main content"
        return normalise(article.get_text(" "))


@pytest.fixture(scope="session")
def docs_build(docs_html: DocsHtml) -> DocsBuild:
    """The real docs, built once per session (``docs_html`` in conftest)."""
    return DocsBuild(docs_html.returncode, docs_html.log, docs_html.outdir)


def normalise(text: str) -> str:
    """Fold the typography Sphinx adds so plain patterns match."""
    text = unicodedata.normalize("NFKC", text)
    for dash in "\u2010\u2011\u2012\u2013\u2014\u2212":
        text = text.replace(dash, "-")
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    text = text.replace("\u2018", "'").replace("\u2019", "'")
    return re.sub(r"\s+", " ", text).strip()


def numbers_in(text: str) -> list[float]:
    """Every figure in a cell: ``150K-200K`` -> 150000, 200000; ``~0.8`` -> 0.8."""
    found = []
    for match in re.finditer(r"(\d[\d,]*(?:\.\d+)?)\s*([KkM]?)(?![\w])", text):
        value = float(match.group(1).replace(",", ""))
        value *= {"": 1, "k": 1_000, "K": 1_000, "M": 1_000_000}[match.group(2)]
        found.append(value)
    return found


def table_rows(table: Tag) -> dict[str, list[str]]:
    """Body rows of an HTML table keyed by their row-header text."""
    rows = {}
    for tr in table.select("tbody tr"):
        cells = [normalise(cell.get_text()) for cell in tr.find_all(["th", "td"])]
        rows[cells[0]] = cells[1:]
    return rows


# -- tests ----------------------------------------------------------------------


def test_docs_build_without_warnings(docs_build: DocsBuild) -> None:
    assert docs_build.returncode == 0, docs_build.log
    assert "WARNING" not in docs_build.log, docs_build.log


@pytest.mark.parametrize("section", list(SECTIONS))
def test_every_article_section_has_a_page(docs_build: DocsBuild, section: str) -> None:
    docname, title_words = SECTIONS[section]
    h1 = docs_build.soup(docname).find("h1")
    assert h1 is not None, f"{docname} has no title"
    assert title_words in normalise(h1.get_text()).lower()
    # A page, not a stub: a few paragraphs of prose at least.
    assert len(docs_build.text(docname).split()) > 150, f"{docname} is too short"


def test_guide_pages_are_in_the_navigation(docs_build: DocsBuild) -> None:
    nav = docs_build.soup("index").select_one(".sidebar-tree")
    assert nav is not None
    linked = {a["href"].split("#")[0] for a in nav.find_all("a", href=True)}
    for docname, _ in SECTIONS.values():
        assert f"{docname}.html" in linked, f"{docname} is not in the toctree"


@pytest.mark.parametrize(("feature", "go", "rust"), FEATURE_ROWS)
def test_feature_table_row(
    docs_build: DocsBuild, feature: str, go: str, rust: str
) -> None:
    table = docs_build.soup("guide/features").find("table", id="feature-table")
    assert table is not None, "the feature table has no id 'feature-table'"
    rows = table_rows(table)
    assert feature in rows, f"{feature!r} missing; rows: {list(rows)}"
    assert rows[feature] == [normalise(go), normalise(rust)]


def test_feature_table_has_exactly_the_article_rows(docs_build: DocsBuild) -> None:
    table = docs_build.soup("guide/features").find("table", id="feature-table")
    assert table is not None
    assert list(table_rows(table)) == [row[0] for row in FEATURE_ROWS]
    headers = [normalise(th.get_text()) for th in table.select("thead th")]
    assert headers == ["Feature", "Go", "Rust"]


@pytest.mark.parametrize("workload", list(BENCHMARKS))
def test_benchmark_workload_and_figures(docs_build: DocsBuild, workload: str) -> None:
    soup = docs_build.soup("guide/how-we-measured")
    table = soup.find("table", id="benchmark-table")
    assert table is not None, "the benchmark table has no id 'benchmark-table'"
    row = next(
        (
            tr
            for tr in table.select("tbody tr")
            if normalise(tr.find(["th", "td"]).get_text(" ")).startswith(workload)
        ),
        None,
    )
    assert row is not None, f"{workload!r} is not a row of the benchmark table"
    figures = numbers_in(normalise(row.get_text(" ")))
    go, rust = BENCHMARKS[workload]
    for value in (*go, *rust):
        assert value in figures, f"{workload}: {value} not in {figures}"
    # The figure's source is shown with it: in its row, or said once under the
    # table when every row shares it.
    notes = table.find_next(class_="versus-table-notes")
    shown = normalise(row.get_text(" ")) + normalise(
        notes.get_text(" ") if notes else ""
    )
    assert "Go vs Rust article" in shown


def test_benchmark_figures_come_from_the_csv(docs_build: DocsBuild) -> None:
    with (DOCS / "data" / "benchmarks.csv").open(encoding="utf-8-sig") as f:
        records = list(csv.DictReader(f))
    assert [r["workload"] for r in records] == list(BENCHMARKS)
    for record in records:
        go, rust = BENCHMARKS[record["workload"]]
        assert tuple(numbers_in(record["Go"])) == go
        assert tuple(numbers_in(record["Rust"])) == rust
        assert record["source"].strip(), f"{record['workload']} has no source"


def test_benchmark_chart_is_shown(docs_build: DocsBuild) -> None:
    figure = docs_build.soup("guide/how-we-measured").find(id="benchmark-chart")
    assert figure is not None, "the chart has no id 'benchmark-chart'"
    chart = figure.find(["svg", "img", "object"])
    assert chart is not None, "no chart image on the how-we-measured page"
    title = chart.find("title")
    alt = normalise(title.get_text() if title else chart.get("alt", ""))
    for workload in BENCHMARKS:
        assert workload in alt, f"the chart's text alternative omits {workload}"
    figures = numbers_in(alt)
    for go, rust in BENCHMARKS.values():
        assert set(go) | set(rust) <= set(figures), alt


@pytest.mark.parametrize("item", ECOSYSTEM)
def test_ecosystem_item(docs_build: DocsBuild, item: str) -> None:
    assert re.search(rf"\b{re.escape(item)}\b", docs_build.text("guide/ecosystem"))


@pytest.mark.parametrize(
    ("docname", "pattern"),
    [(page, pattern) for page, patterns in CHOOSE.items() for pattern in patterns],
)
def test_choose_bullet(docs_build: DocsBuild, docname: str, pattern: str) -> None:
    assert re.search(pattern, docs_build.text(docname), re.IGNORECASE), pattern


@pytest.mark.parametrize(
    ("docname", "pattern"),
    [(page, pattern) for page, patterns in FACTS.items() for pattern in patterns],
)
def test_article_fact(docs_build: DocsBuild, docname: str, pattern: str) -> None:
    assert re.search(pattern, docs_build.text(docname), re.IGNORECASE), pattern


def test_verdict_cards_on_the_landing_page(docs_build: DocsBuild) -> None:
    soup = docs_build.soup("index")
    titles = [normalise(t.get_text()) for t in soup.select(".sd-card-title")]
    assert any(t.startswith("Choose Go") for t in titles), titles
    assert any(t.startswith("Choose Rust") for t in titles), titles


def test_samples_are_verified_versions_not_typed(docs_build: DocsBuild) -> None:
    go = re.search(r"^go\s+(\S+)", (ROOT / "snippets/go/go.mod").read_text(), re.M)
    rust = re.search(
        r'^rust-version\s*=\s*"([^"]+)"',
        (ROOT / "snippets/rust/Cargo.toml").read_text(),
        re.M,
    )
    assert go and rust
    for docname in ("guide/deployment", "guide/memory", "guide/how-we-measured"):
        text = docs_build.text(docname)
        assert f"Go {go.group(1)}" in text, docname
        assert f"Rust {rust.group(1)}" in text, docname
    for page in DOCS.rglob("*.md"):
        source = page.read_text(encoding="utf-8")
        prose = re.sub(r"^(`{3,}|:{3,}).*?^\1\s*$", "", source, flags=re.M | re.S)
        for version in (go.group(1), rust.group(1)):
            assert not re.search(rf"(Go|Rust) {re.escape(version)}\b", prose), (
                f"{page.relative_to(ROOT)} types version {version} by hand; "
                "use {{go_version}} / {{rust_version}}"
            )


def test_no_unexpanded_substitutions(docs_build: DocsBuild) -> None:
    for html in docs_build.outdir.rglob("*.html"):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for pre in soup.find_all(["pre", "code"]):
            pre.decompose()
        text = soup.get_text(" ")
        assert "{{" not in text, f"{html.name}: unexpanded MyST substitution"
        assert not soup.select(".problematic"), f"{html.name}: problematic markup"


def test_every_page_has_a_description(docs_build: DocsBuild) -> None:
    sources = [*DOCS.rglob("*.md"), *DOCS.rglob("*.rst")]
    docnames = [
        p.relative_to(DOCS).with_suffix("").as_posix()
        for p in sources
        # _-prefixed files are {include}d fragments (exclude_patterns), not pages
        if "_build" not in p.parts and not p.name.startswith("_")
    ]
    assert len(docnames) > 20
    for docname in docnames:
        meta = docs_build.soup(docname).find("meta", attrs={"name": "description"})
        assert meta is not None, f"{docname} has no description"
        assert len(meta["content"]) > 60, f"{docname}: description too short"


@pytest.mark.parametrize("term", GLOSSARY_TERMS)
def test_glossary_term_defined_and_used(docs_build: DocsBuild, term: str) -> None:
    soup = docs_build.soup("glossary")
    entry = next(
        (
            dt
            for dt in soup.select("dl.glossary dt[id]")
            if normalise(dt.get_text()).rstrip("¶ ") == term
        ),
        None,
    )
    assert entry is not None, f"the glossary has no term {term!r}"
    anchor = entry["id"]
    users = [
        html
        for html in (docs_build.outdir / "guide").glob("*.html")
        if f"glossary.html#{anchor}" in html.read_text(encoding="utf-8")
    ]
    assert users, f"no guide page links to the glossary term {term!r}"


def test_pages_cross_reference_each_other(docs_build: DocsBuild) -> None:
    for docname, _ in SECTIONS.values():
        soup = docs_build.soup(docname)
        main = soup.find(attrs={"role": "main"})
        assert main is not None
        internal = {
            a["href"].split("#")[0]
            for a in main.select("a.reference.internal[href]")
            if not a["href"].startswith("#")
        }
        internal.discard("../glossary.html")
        assert internal, f"{docname} links to no other page of the guide"


# -- the writer's guide -----------------------------------------------------------

_FENCE = re.compile(
    r"^(?P<fence>`{3,})(?P<lang>markdown|rst)\n(?P<body>.*?)^(?P=fence)$", re.M | re.S
)
_EVAL_RST = re.compile(
    r"^(?P<fence>`{3,})\{eval-rst\}\n(?P<body>.*?)^(?P=fence)$", re.M | re.S
)


@pytest.mark.parametrize(
    "page", ["comparison-table", "code-compare", "benchmarks", "config"]
)
def test_reference_examples_are_live(page: str) -> None:
    """Each source shown on a reference page is also rendered from that source."""
    source = (WRITERS / f"{page}.md").read_text(encoding="utf-8")
    live_rst = [m["body"] for m in _EVAL_RST.finditer(source)]
    shown = list(_FENCE.finditer(source))
    assert shown, f"{page}.md shows no examples"
    for match in shown:
        body = match["body"]
        if match["lang"] == "rst":
            if not re.search(r"^\.\. [\w-]+::", body, re.M):
                continue  # plain reST text, explained on the page
            assert body in live_rst, f"{page}.md: reST example not rendered:\n{body}"
        else:
            rest = source[: match.start()] + source[match.end() :]
            assert body in rest, f"{page}.md: MyST example not rendered:\n{body}"


@pytest.mark.parametrize("page", list(REFERENCE_PAGES))
def test_reference_documents_every_option(build_site, page: str) -> None:
    from docutils.parsers.rst import directives

    build_site({"index.md": "# Options\n"})  # registers the directives
    source = (WRITERS / f"{page}.md").read_text(encoding="utf-8")
    myst = "\n".join(
        m["body"] for m in _FENCE.finditer(source) if m["lang"] == "markdown"
    )
    rst = "\n".join(m["body"] for m in _EVAL_RST.finditer(source))
    for name in REFERENCE_PAGES[page]:
        directive, _ = directives.directive(name, None, None)  # type: ignore[arg-type]
        assert directive is not None, f"{name} is not registered"
        assert f"{{{name}}}" in myst and f".. {name}::" in rst, name
        for option in directive.option_spec or {}:
            assert f"`:{option}:`" in source, f"{page}.md does not describe :{option}:"
            assert re.search(rf"^\s*:{option}:", myst, re.M), (
                f"{page}.md has no MyST example of :{option}:"
            )
            assert re.search(rf"^\s*:{option}:", rst, re.M), (
                f"{page}.md has no live reST example of :{option}:"
            )


def test_config_page_lists_every_default_language() -> None:
    source = (WRITERS / "config.md").read_text(encoding="utf-8")
    rows = [line for line in source.splitlines() if line.startswith("| `")]
    for key, label in DEFAULT_LANGUAGES.items():
        row = next((line for line in rows if f"`{key}`" in line), None)
        assert row is not None, f"config.md does not list the language {key!r}"
        assert row.rstrip().endswith(f"| {label} |"), (key, label, row)


def test_config_page_documents_every_setting(build_site) -> None:
    """Every ``versus_*`` value any module registers has its own section."""
    built = build_site({"index.md": "# Settings\n"})
    source = (WRITERS / "config.md").read_text(encoding="utf-8")
    names = [
        value.name for value in built.app.config if value.name.startswith("versus_")
    ]
    assert "versus_languages" in names, names
    for name in names:
        assert re.search(rf"^## `{name}`", source, re.M), (
            f"config.md has no section for {name}"
        )


def _section_rows(source: str, label: str) -> list[list[str]]:
    """The body rows of the first Markdown table after ``(label)=``, as cells."""
    lines = source[source.index(f"({label})=") :].splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("|"))
    table: list[str] = []
    for line in lines[first:]:
        if not line.startswith("|"):
            break
        table.append(line)
    return [[cell.strip() for cell in row.strip("|").split(" | ")] for row in table[2:]]


def test_benchmark_formatting_rules_match_the_code() -> None:
    """The writer's guide's tables of figures and ratio words are what the
    directives really do."""
    from sphinx_versus.benchmarks.numbers import (
        format_value,
        parse_value,
        ratio_words,
    )

    source = (WRITERS / "benchmarks.md").read_text(encoding="utf-8")
    rows = _section_rows(source, "ref-benchmarks-formatting")
    assert len(rows) >= 6, rows
    for typed, shown, _rule in rows:
        inputs = re.findall(r"`([^`]+)`", typed) if typed != "(empty)" else [""]
        outputs = shown.split(" · ")
        if len(outputs) == 1:
            outputs *= len(inputs)
        assert len(inputs) == len(outputs), (typed, shown)
        for text, expected in zip(inputs, outputs, strict=True):
            assert format_value(parse_value(text)) == expected, (text, expected)
    words = _section_rows(source, "ref-benchmarks-ratios")
    checked = 0
    for units, better, pair in words:
        direction = better.strip("`")
        if direction not in ("higher", "lower"):
            continue
        expected = tuple(pair.split(" / "))
        for unit in re.findall(r"`([^`]+)`", units):
            assert ratio_words(unit, direction) == expected, (unit, direction)
            checked += 1
    assert checked >= 10, words


# -- the writer's guide's error catalogue -------------------------------------------

_CAPTIONED = re.compile(
    r"^(?P<fence>`{3,})\{code-block\} (?P<lang>\S+)\n:caption: (?P<caption>[^\n]+)\n\n"
    r"(?P<body>.*?)^(?P=fence)$",
    re.M | re.S,
)
#: Files a case describes in words instead of showing (an empty file cannot be
#: shown as a code block).
_UNSHOWN_FILES = {"An empty file": {"bench.csv": ""}}
_LATIN1 = " (saved as Latin-1)"
#: How the page writes the absolute paths of the build machine.
_PROJECT = "/home/you/project"


def _error_cases() -> list[tuple[str, dict[str, str]]]:
    source = (WRITERS / "errors.md").read_text(encoding="utf-8")
    cases = []
    for section in re.split(r"^### ", source, flags=re.M)[1:]:
        title = section.splitlines()[0].strip()
        blocks = {m["caption"]: m["body"] for m in _CAPTIONED.finditer(section)}
        if "example.md" in blocks:
            cases.append((title, blocks))
    return cases


_ERROR_CASES = _error_cases()


def test_error_catalogue_is_complete() -> None:
    assert len(_ERROR_CASES) >= 25, [title for title, _ in _ERROR_CASES]
    for title, blocks in _ERROR_CASES:
        assert "Reported" in blocks, f"errors.md: {title!r} has no report"


@pytest.mark.parametrize(
    ("title", "blocks"), _ERROR_CASES, ids=[title for title, _ in _ERROR_CASES]
)
def test_error_catalogue_matches_the_build(
    build_site, tmp_path: Path, title: str, blocks: dict[str, str]
) -> None:
    """Each example on the errors page, built, reports exactly what the page says."""
    import shutil

    project = tmp_path / "project"
    srcdir = project / "docs"
    files: dict[str, str | bytes] = {
        "index.md": "# Errors\n\n```{toctree}\nexample\n```\n",
        **_UNSHOWN_FILES.get(title, {}),
    }
    for caption, body in blocks.items():
        if caption == "Reported":
            continue
        if caption.endswith(_LATIN1):
            files[caption.removesuffix(_LATIN1)] = body.encode("latin-1")
        else:
            files[caption] = body
    if "/../snippets/" in blocks["example.md"]:
        shutil.copytree(
            ROOT / "snippets",
            project / "snippets",
            ignore=shutil.ignore_patterns("target"),
        )
    # the guide's own conf.py names the snippets folder the same way
    conf = (
        'versus_file_dirs = ["../snippets"]\n'
        if "/../snippets/" in (blocks["example.md"])
        else ""
    )
    built = build_site(files, srcdir=srcdir, warnings_ok=True, conf=conf)
    reported = built.warnings.replace(f"{srcdir}/", "").replace(str(project), _PROJECT)
    actual = [
        line for line in reported.splitlines() if "WARNING:" in line or "ERROR:" in line
    ]
    expected = blocks["Reported"].strip().splitlines()
    assert actual == expected


# -- the performance page's summary (issue 24) ---------------------------------------


def test_performance_summary_claims_are_the_csvs(docs_build: DocsBuild) -> None:
    """The summary's "article claims" column repeats docs/data/benchmarks.csv,
    row for row, and its measured column is written by the role, never typed."""
    with (DOCS / "data" / "benchmarks.csv").open(encoding="utf-8-sig") as f:
        records = list(csv.DictReader(f))
    table = docs_build.soup("guide/performance").find(
        "table", id="performance-summary-table"
    )
    assert table is not None, "no summary table on guide/performance"
    rows = table.select("tbody tr")
    assert len(rows) == len(records)
    for tr, record in zip(rows, records, strict=True):
        _workload, claims, measured = tr.find_all("td")
        expected = numbers_in(record["Go"]) + numbers_in(record["Rust"])
        assert numbers_in(normalise(claims.get_text(" "))) == expected, (
            record["workload"],
            claims.get_text(" "),
        )
        assert measured.select(".versus-ratio"), f"{record['workload']}: typed"


def test_dockerfiles_share_their_final_stage() -> None:
    """guide/deployment shows the final stage once, from go.Dockerfile, and
    says it is the same in both files: it must be, line for line."""
    stages = [
        (ROOT / "snippets" / "docker" / f"{lang}.Dockerfile")
        .read_text(encoding="utf-8")
        .split("# Stage 2", 1)
        for lang in ("go", "rust")
    ]
    assert all(len(parts) == 2 for parts in stages), "no '# Stage 2' marker"
    assert stages[0][1] == stages[1][1]
    assert stages[0][0] != stages[1][0]
