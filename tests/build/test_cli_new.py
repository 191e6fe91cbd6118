"""``sphinx-versus new page``: a page that builds with -W, listed in its toctree."""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

from sphinx_versus.cli.__main__ import main
from tests.paths import DOCS, SNIPPETS

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path


def test_new_page_builds_and_is_listed(
    build_site: Callable[..., object], tmp_path: Path
) -> None:
    docs, snippets = tmp_path / "docs", tmp_path / "snippets"
    (docs / "guide").mkdir(parents=True)
    (docs / "data").mkdir()
    shutil.copy(DOCS / "data" / "measured.csv", docs / "data")
    (snippets / "go").mkdir(parents=True)
    shutil.copy(SNIPPETS / "go" / "go.mod", snippets / "go")
    (docs / "conf.py").write_text("", "utf-8")
    (docs / "index.md").write_text(
        "# Home\n\n```{toctree}\n:caption: Guide\n\nguide/one\n```\n\n"
        "```{toctree}\n:caption: Other\n\nabout\n```\n",
        "utf-8",
    )
    (docs / "guide" / "one.md").write_text("# One\n", "utf-8")
    (docs / "about.md").write_text("# About\n", "utf-8")
    args = ["--docs", str(docs), "--snippets", str(snippets)]
    assert main(["new", "page", "guide/json-decode", *args]) == 0
    index = (docs / "index.md").read_text("utf-8")
    assert "guide/one\nguide/json-decode\n```" in index
    assert (snippets / "go" / "json-decode" / "main.go").is_file()
    assert (snippets / "rust" / "src" / "bin" / "json-decode.rs").is_file()
    # The same name again is refused, nothing is overwritten.
    assert main(["new", "page", "guide/json-decode", *args]) == 2
    assert main(["check", str(docs)]) == 0  # nothing to fix before building
    files: dict[str, str | bytes] = {
        str(p.relative_to(docs)): p.read_bytes()
        for p in docs.rglob("*")
        if p.is_file() and p.name != "conf.py"
    }
    # The site names its snippets folder, as docs/conf.py does.
    conf = f"versus_file_dirs = [{str(snippets)!r}]\n"
    built = build_site(files, srcdir=docs, conf=conf)  # no warnings at all
    html = built.read("guide/json-decode.html")  # type: ignore[attr-defined]
    assert "Json decode" in html
    assert "hello, %s" in html and "hello, {name}" in html
    assert "versus-benchmarks" in html or "benchmark" in html
