"""``sphinx-versus new page|snippet NAME``: a start that already builds.

A new page has each directive filled with something that builds with ``-W``
(a table row to replace, the code pair of its snippet, the site's measured
figures), and is listed in the toctree that lists its neighbours, so the
first ``make html`` shows it in the navigation.  A new snippet is a Go and
Rust pair that passes ``make snippet NAME=…`` as written.
"""

from __future__ import annotations

import re
from pathlib import Path

from sphinx_versus.cli.check.context import markdown

_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

PAGE = """\
---
myst:
  html_meta:
    description: "{title}: replace this with one sentence for search results."
---

({label})=
# {title}

Replace this paragraph: what the reader will know after this page.

```{{comparison-table}} At a glance
:headers: Feature | Go | Rust

A feature | How Go does it | How Rust does it
```

````{{code-compare}} The same task in both languages
```{{literalinclude}} /{up}snippets/go/{snippet}/main.go
:language: go
:start-after: "// [main]"
:end-before: "// [/main]"
```

```{{literalinclude}} /{up}snippets/rust/src/bin/{snippet}.rs
:language: rust
:start-after: "// [main]"
:end-before: "// [/main]"
```
````

````{{code-compare}} What the programs print
```{{literalinclude}} /{up}snippets/go/{snippet}/main.go
:language: go
:start-at: "// Args:"
```

```{{literalinclude}} /{up}snippets/rust/src/bin/{snippet}.rs
:language: rust
:start-at: "// Args:"
```
````
{benchmark}"""

BENCHMARK = """
% Figures come from a CSV file, never typed into the page; :systems: and
% :baseline: choose the columns.
```{{benchmark-table}} /{csv}
:caption: Measured figures
```
"""

GO = """\
// Command {name} greets everyone named on its command line.
package main

import (
	"fmt"
	"os"
)

func main() {{
	// [main]
	for _, name := range os.Args[1:] {{
		fmt.Printf("hello, %s\\n", name)
	}}
	// [/main]
}}

// Args: Go Rust
// Output:
// hello, Go
// hello, Rust
"""

RUST = """\
//! {name}: greets everyone named on its command line.

fn main() {{
    // [main]
    for name in std::env::args().skip(1) {{
        println!("hello, {{name}}");
    }}
    // [/main]
}}

// Args: Go Rust
// Output:
// hello, Go
// hello, Rust
"""


def run(what: str, name: str, docs: Path, snippets: Path, title: str | None) -> int:
    try:
        if what == "snippet":
            created = new_snippet(name, snippets)
        else:
            created = new_page(name, docs, snippets, title)
    except ValueError as err:
        print(f"sphinx-versus new: {err}")
        return 2
    for line in created:
        print(line)
    return 0


def new_snippet(name: str, snippets: Path) -> list[str]:
    """Write the Go and Rust files of example *name*; say what was written."""
    if not _NAME.match(name):
        raise ValueError(
            f"{name!r} is not a snippet name: lowercase letters, digits and "
            "single hyphens, such as 'json-decode'"
        )
    go = snippets / "go" / name / "main.go"
    rust = snippets / "rust" / "src" / "bin" / f"{name}.rs"
    if not (snippets / "go" / "go.mod").is_file():
        raise ValueError(f"{snippets}/go/go.mod not found; pass --snippets FOLDER")
    for file in (go, rust):
        if file.exists():
            raise ValueError(f"{file} exists already; choose another name")
    go.parent.mkdir(parents=True, exist_ok=True)
    rust.parent.mkdir(parents=True, exist_ok=True)
    go.write_text(GO.format(name=name), encoding="utf-8")
    rust.write_text(RUST.format(name=name), encoding="utf-8")
    return [
        f"created {go}",
        f"created {rust}",
        f"next: edit both, then `make snippet NAME={name}` compiles, lints and "
        "runs them",
    ]


def new_page(name: str, docs: Path, snippets: Path, title: str | None) -> list[str]:
    """Write page *name* (``guide/topic``) and list it in its toctree."""
    docname = name.removesuffix(".md").strip("/")
    slug = docname.rsplit("/", 1)[-1]
    if not _NAME.match(slug):
        raise ValueError(
            f"{slug!r} is not a page name: lowercase letters, digits and single "
            "hyphens, such as 'guide/json-decode'"
        )
    page = docs / f"{docname}.md"
    if page.exists() or page.with_suffix(".rst").exists():
        raise ValueError(f"{page} exists already; choose another name")
    if not (docs / "conf.py").is_file():
        raise ValueError(f"{docs}/conf.py not found; pass --docs FOLDER")
    created: list[str] = []
    if not (snippets / "go" / slug / "main.go").exists():
        created += new_snippet(slug, snippets)[:2]
    index, entry_line, entry = _toctree_for(docs, docname)
    up = Path(
        *[".."] * len(docs.resolve().relative_to(snippets.resolve().parent).parts)
    )
    csv = _benchmark_csv(docs)
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(
        PAGE.format(
            title=title or slug.replace("-", " ").capitalize(),
            label=slug,
            snippet=slug,
            up=f"{up.as_posix()}/",
            benchmark=BENCHMARK.format(csv=csv) if csv else "",
        ),
        encoding="utf-8",
    )
    lines = index.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(entry_line, f"{entry}\n")
    index.write_text("".join(lines), encoding="utf-8")
    return [
        *created,
        f"created {page}",
        f"listed it in {index}, line {entry_line + 1}",
        f"next: `make html`, then `sphinx-versus check {page}`",
    ]


def _benchmark_csv(docs: Path) -> str | None:
    for csv in sorted((docs / "data").glob("*.csv")):
        lines = csv.read_text(encoding="utf-8", errors="replace").splitlines()
        # The header is the first line that is not a "# key: value" comment.
        header = next((line for line in lines if not line.startswith("#")), "")
        if header.startswith("workload,"):
            return csv.relative_to(docs).as_posix()
    return None


def _toctree_for(docs: Path, docname: str) -> tuple[Path, int, str]:
    """The index file, the 0-based line to insert at, and the entry to write:
    after the last entry of the toctree listing most of the page's folder."""
    folder = docname.rsplit("/", 1)[0] if "/" in docname else ""
    best: tuple[int, Path, int, str] | None = None
    for index in sorted(docs.rglob("*.md")):
        if "_build" in index.parts:
            continue
        base = index.parent.relative_to(docs).as_posix().strip(".")
        source = index.read_text(encoding="utf-8")
        for token in markdown().parse(source):
            if token.type != "fence" or not token.info.startswith("{toctree}"):
                continue
            assert token.map is not None
            entries = [
                (token.map[0] + 1 + i, line.strip())
                for i, line in enumerate(token.content.splitlines())
                if line.strip() and not line.strip().startswith(":")
            ]
            siblings = [
                (n, e)
                for n, e in entries
                if _parent(f"{base}/{e}".strip("/") if base else e) == folder
            ]
            if siblings and (best is None or len(siblings) > best[0]):
                relative = docname[len(base) + 1 :] if base else docname
                best = (len(siblings), index, siblings[-1][0] + 1, relative)
    if best is None:
        root = docs / "index.md"
        if not root.is_file():
            raise ValueError(f"no toctree lists pages of {folder or 'the root'}")
        source = root.read_text(encoding="utf-8")
        tocs = [
            t
            for t in markdown().parse(source)
            if t.type == "fence" and t.info.startswith("{toctree}") and t.map
        ]
        if not tocs or tocs[0].map is None:
            raise ValueError(f"{root} has no toctree to list the page in")
        return root, tocs[0].map[1] - 1, docname
    return best[1], best[2], best[3]


def _parent(docname: str) -> str:
    return docname.rsplit("/", 1)[0] if "/" in docname else ""
