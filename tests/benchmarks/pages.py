"""The text of one synthetic page, written twice: with the directives and with
the built-ins a writer would use without sphinx-versus.

Both versions carry the same words, cells and code, so the build-time ratio
measures the directives, not a difference in content.  ``PageData`` is drawn
once per page from a seeded generator; the two writers only format it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

WORDS = (
    "ownership",
    "borrow",
    "checker",
    "goroutine",
    "channel",
    "compile",
    "latency",
    "throughput",
    "allocation",
    "garbage",
    "collector",
    "lifetime",
    "trait",
    "interface",
    "generic",
    "module",
    "crate",
    "package",
    "runtime",
    "scheduler",
    "binary",
    "toolchain",
    "error",
    "value",
    "panic",
    "result",
    "option",
    "memory",
    "safety",
    "concurrency",
    "parallel",
    "async",
    "await",
    "thread",
    "mutex",
    "benchmark",
    "deploy",
    "container",
    "service",
    "request",
    "response",
    "handler",
    "pointer",
    "slice",
    "vector",
    ").split(",
)

ASPECTS = (
    "Memory management",
    "Error handling",
    "Concurrency model",
    "Generics",
    "Build tool",
    "Package registry",
    "Compile speed",
    "Learning curve",
    "Binary size",
    "Cross compiling",
)

#: How many consecutive pages share one data or snippet file.  Different sizes
#: make the "re-reads exactly its dependents" checks discriminating.
FEATURES_GROUP = 4
BENCH_GROUP = 3
SNIPPET_GROUP = 2
PAGES_PER_SECTION = 20
SNIPPET_REGION = "handler"


@dataclass(frozen=True)
class PageData:
    index: int
    title: str
    paragraphs: tuple[str, ...]
    glance: tuple[tuple[str, str, str], ...]
    json_rows: tuple[tuple[str, str, str], ...]
    go_code: str
    rust_code: str
    neighbour: int

    @property
    def features(self) -> int:
        return self.index // FEATURES_GROUP

    @property
    def bench(self) -> int:
        return self.index // BENCH_GROUP

    @property
    def snippet(self) -> int:
        return self.index // SNIPPET_GROUP


def docname(index: int) -> str:
    return f"sec-{index // PAGES_PER_SECTION:02d}/page-{index:03d}"


def _sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(8, 16))
    return " ".join(words).capitalize() + "."


def _paragraph(rng: random.Random) -> str:
    sentences = [_sentence(rng) for _ in range(rng.randint(4, 7))]
    sentences[1] = sentences[1][:-1] + f", see `{rng.choice(WORDS)}()`."
    return " ".join(sentences)


def page_data(index: int, pages: int) -> PageData:
    rng = random.Random(index)
    glance = tuple(
        (
            aspect,
            f"**{rng.choice(WORDS)}** {rng.choice(WORDS)} {rng.choice(WORDS)}",
            f"`{rng.choice(WORDS)}` and {rng.choice(WORDS)}",
        )
        for aspect in rng.sample(ASPECTS, 8)
    )
    json_rows = tuple(
        (aspect, rng.choice(WORDS).title(), f"{rng.choice(WORDS)}<T, E>")
        for aspect in rng.sample(ASPECTS, 4)
    )
    go_code = "\n".join(
        [
            f"func fetch{index}(id int) (*User, error) {{",
            "\tif id <= 0 {",
            f'\t\treturn nil, fmt.Errorf("fetch{index}: bad id %d", id)',
            "\t}",
            "\tu, err := db.Lookup(id)",
            "\tif err != nil {",
            f'\t\treturn nil, fmt.Errorf("fetch{index}: %w", err)',
            "\t}",
            "\treturn u, nil",
            "}",
        ]
    )
    rust_code = "\n".join(
        [
            f"fn fetch{index}(id: i64) -> Result<User, FetchError> {{",
            "    if id <= 0 {",
            "        return Err(FetchError::BadId(id));",
            "    }",
            "    let user = db::lookup(id)?;",
            "    Ok(user)",
            "}",
        ]
    )
    return PageData(
        index=index,
        title=f"Topic {index}: {rng.choice(WORDS)} and {rng.choice(WORDS)}",
        paragraphs=tuple(_paragraph(rng) for _ in range(4)),
        glance=glance,
        json_rows=json_rows,
        go_code=go_code,
        rust_code=rust_code,
        neighbour=(index + 1) % pages,
    )


def _fence(
    name: str, body: str = "", arg: str = "", options: str = "", ticks: int = 3
) -> str:
    """A MyST directive fence; a body after options is set off by a blank line."""
    fence = "`" * ticks
    lines = [f"{fence}{{{name}}} {arg}".rstrip()]
    if options:
        lines.append(options)
    if body:
        lines.extend(["", body] if options else [body])
    lines.append(fence)
    return "\n".join(lines) + "\n"


def _snippet_includes(data: PageData) -> str:
    region = (
        f':start-after: "// [{SNIPPET_REGION}]"\n:end-before: "// [/{SNIPPET_REGION}]"'
    )
    name = f"ex{data.snippet:03d}"
    go = _fence(
        "literalinclude",
        arg=f"../../snippets/go/{name}/main.go",
        options=f":language: go\n{region}",
    )
    rust = _fence(
        "literalinclude",
        arg=f"../../snippets/rust/src/bin/{name}.rs",
        options=f":language: rust\n{region}",
    )
    return (go + rust).rstrip("\n")


def _complete_programs(data: PageData) -> str:
    """What code-compare adds below excerpts of files, written by hand: the
    complete programs to download and read, folded (so both pages carry the
    same code)."""
    name = f"ex{data.snippet:03d}"
    go = f"../../snippets/go/{name}/main.go"
    rust = f"../../snippets/rust/src/bin/{name}.rs"
    body = (
        f"Download {{download}}`main.go <{go}>` · {{download}}`{name}.rs <{rust}>`\n\n"
        + _fence("literalinclude", arg=go, options=":language: go")
        + _fence("literalinclude", arg=rust, options=":language: rust")
    )
    return "\n" + _fence("dropdown", body, "The complete programs", ticks=4)


def _inline_code(data: PageData) -> str:
    return f"```go\n{data.go_code}\n```\n```rust\n{data.rust_code}\n```"


def _head(data: PageData) -> str:
    p = data.paragraphs
    return f"(page-{data.index})=\n# {data.title}\n\n{p[0]}\n\n## At a glance\n\n"


def _prose(data: PageData, n: int) -> str:
    return f"\n{data.paragraphs[n]}\n\n"


def ext_page(data: PageData, *, chart: bool) -> str:
    """The page as a sphinx-versus writer writes it."""
    i = data.index
    rows = "\n".join(" | ".join(row) for row in data.glance)
    json_rows = ",\n".join(
        "  [" + ", ".join(f'"{cell}"' for cell in row) + "]" for row in data.json_rows
    )
    parts = [
        _head(data),
        _fence(
            "comparison-table",
            rows,
            f"At a glance {i}",
            f":headers: Aspect | Go | Rust\n:name: glance-{i}",
        ),
        _prose(data, 1),
        f"See also {{ref}}`glance-{data.neighbour}`.\n\n",
        _fence(
            "comparison-table",
            f"[\n{json_rows}\n]",
            options=':headers: ["Concern", "Go", "Rust"]',
        ),
        "\n## Tooling\n\n",
        _fence(
            "comparison-table",
            arg=f"Tooling {data.features}",
            options=f":file: /data/features-{data.features:03d}.csv",
        ),
        "\n## Code\n\n",
        _fence("code-compare", _inline_code(data), f"Fetching a user ({i})", ticks=4),
        _prose(data, 2),
        _fence(
            "code-compare",
            _snippet_includes(data),
            f"A handler ({i})",
            ":layout: side-by-side",
            ticks=4,
        ),
        "\n## Performance\n\n",
        _fence(
            "benchmark-table",
            arg=f"/data/bench-{data.bench:03d}.csv",
            options=f":caption: Measured figures ({data.bench})\n:name: bench-{i}",
        ),
    ]
    if chart:
        parts.append("\n")
        parts.append(
            _fence(
                "benchmark-chart",
                arg=f"/data/chart-{i:03d}.csv",
                options=f":caption: Relative performance ({i})\n:name: chart-{i}",
            )
        )
    parts.append(_prose(data, 3))
    return "".join(parts)


def _list_table(
    title: str,
    header: tuple[str, ...],
    rows: tuple[tuple[str, ...], ...],
    name: str = "",
) -> str:
    body = "\n".join("* - " + "\n  - ".join(row) for row in (header, *rows))
    opts = ":header-rows: 1\n:stub-columns: 1" + (f"\n:name: {name}" if name else "")
    return _fence("list-table", body, title, opts)


def control_page(data: PageData) -> str:
    """The same page written with built-ins only (no sphinx-versus directive)."""
    i = data.index
    csv_opts = ":header-rows: 1\n:stub-columns: 1"
    parts = [
        _head(data),
        _list_table(
            f"At a glance {i}", ("Aspect", "Go", "Rust"), data.glance, f"glance-{i}"
        ),
        _prose(data, 1),
        f"See also {{ref}}`glance-{data.neighbour}`.\n\n",
        _list_table("", ("Concern", "Go", "Rust"), data.json_rows),
        "\n## Tooling\n\n",
        _fence(
            "csv-table",
            arg=f"Tooling {data.features}",
            options=f":file: /data/features-{data.features:03d}.csv\n{csv_opts}",
        ),
        "\n## Code\n\n",
        f"```{{rubric}} Fetching a user ({i})\n```\n",
        _fence("tab-set-code", _inline_code(data), ticks=4),
        _prose(data, 2),
        f"```{{rubric}} A handler ({i})\n```\n",
        _fence("tab-set-code", _snippet_includes(data), ticks=4),
        _complete_programs(data),
        "\n## Performance\n\n",
        _fence(
            "csv-table",
            arg=f"Measured figures ({data.bench})",
            options=f":file: /data/bench-{data.bench:03d}-rendered.csv\n{csv_opts}"
            f"\n:name: bench-{i}",
        ),
        _prose(data, 3),
    ]
    return "".join(parts)


def chart_page(data: PageData, charts: int) -> str:
    """A page of charts for the per-chart timing; ``charts=0`` is its baseline.

    The baseline keeps the heading and prose, so the difference between the
    two sites is the charts alone: directive, CSV, drawing and output.
    """
    i = data.index
    parts = [f"# Charts {i}\n\n{data.paragraphs[0]}\n\n"]
    for k in range(charts):
        parts.append(
            _fence(
                "benchmark-chart",
                arg=f"/data/chart-{i:03d}-{k}.csv",
                options=f":caption: Relative performance ({i}.{k})",
            )
        )
        parts.append("\n")
    parts.append(data.paragraphs[1] + "\n")
    return "".join(parts)
