"""``sphinx-versus import``: MDX articles become MyST pages that build with -W.

The corpus in ``tests/build/mdx/`` has one page per flavour (Astro with the
seed article's structure, Starlight, Docusaurus).  Each is converted as one
page and split per section, built with warnings as errors, and every heading,
code line and table row of the input is looked for in the built HTML (or the
CSV the importer wrote); what could not be mapped must be in the report.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import json5
import pytest
from bs4 import BeautifulSoup
from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin

from sphinx_versus.cli.mdx.command import write
from sphinx_versus.cli.mdx.convert import Converter
from sphinx_versus.cli.mdx.jsx import read_tag, straight_quotes

if TYPE_CHECKING:
    from collections.abc import Callable

CORPUS = sorted((Path(__file__).parent / "mdx").glob("*.mdx"))
#: What each corpus page cannot map, by line and kind (checked exactly).
EXPECTED_NOTES = {
    "astro-article": {
        (1, "frontmatter"), (8, "esm"), (9, "esm"), (21, "quotes"), (42, "table"),
    },
    "starlight-tabs": {
        (6, "esm"), (39, "component"), (41, "component"), (43, "expression"),
    },
    "docusaurus-tabs": {
        (1, "frontmatter"), (6, "esm"), (7, "esm"), (8, "esm"), (16, "heading"),
        (37, "table"), (46, "expression"),
    },
}  # fmt: skip


def _text(html: str) -> str:
    """The visible text, without white space (code is split into spans)."""
    return _flat(BeautifulSoup(html, "html.parser").get_text(""))


def _flat(text: str) -> str:
    return "".join(text.split())


def _input_parts(source: str) -> tuple[list[str], list[str], list[list[str]]]:
    """Headings, code lines and table rows of an MDX page (the test's own
    reading, with the same Markdown parser and JSON5 for the props)."""
    headings, code, rows = [], [], []
    reader = MarkdownIt("commonmark", {"html": False}).enable("table").disable("code")
    tokens = reader.use(front_matter_plugin).parse(source)
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            headings.append(tokens[i + 1].content)
        elif token.type == "fence":
            code += [
                line.strip() for line in token.content.splitlines() if line.strip()
            ]
        elif token.type == "tr_open":
            rows.append([])
        elif token.type == "inline" and tokens[i - 1].type in {"th_open", "td_open"}:
            rows[-1].append(token.content)
    for match in re.finditer(r"<ComparisonTable", source):
        tag = read_tag(source, match.start())
        for name in ("headers", "rows"):
            attr = tag.attribute(name)
            assert attr is not None
            value = json5.loads(straight_quotes(attr.value)[0])
            rows += [value] if name == "headers" else value
    return headings, code, rows


@pytest.mark.parametrize("split", [False, True], ids=["one-page", "split"])
@pytest.mark.parametrize("mdx", CORPUS, ids=[p.stem for p in CORPUS])
def test_converted_pages_build_and_keep_everything(
    build_site: Callable[..., object], tmp_path: Path, mdx: Path, split: bool
) -> None:
    source = mdx.read_text(encoding="utf-8")
    conversion = Converter(source, mdx.stem).run()
    out = tmp_path / "converted"
    write(conversion, out, mdx.stem, split=split)
    files: dict[str, str | bytes] = {
        f"out/{p.relative_to(out)}": p.read_bytes()
        for p in out.rglob("*")
        if p.is_file()
    }
    root = "index" if split else mdx.stem
    files["index.md"] = f"# Corpus\n\n```{{toctree}}\nout/{root}\n```\n"
    built = build_site(files, "html")  # asserts: no warnings at all
    html = " ".join(
        _text(p.read_text("utf-8"))
        for p in Path(built.outdir, "out").glob("*.html")  # type: ignore[attr-defined]
    )
    csv_rows = [
        _flat(line)
        for p in out.rglob("*.csv")
        for line in p.read_text("utf-8").splitlines()
    ]
    csv = " ".join(csv_rows)
    headings, code, rows = _input_parts(source)
    for heading in headings:
        assert _flat(heading) in html, f"heading {heading!r} missing"
    for line in code:
        assert _flat(line) in html, f"code line {line!r} missing"
    for row in rows:
        for cell in row:
            if _flat(cell) in html or _flat(cell) in csv:
                continue
            # A figure with its unit: the CSV holds the number and, in the
            # row's unit column, the unit.
            figure = re.fullmatch(r"(?P<number>.*\d)\s*(?P<unit>\D+)", cell.strip())
            assert figure, f"cell {cell!r} missing"
            line = next(x for x in csv_rows if x.startswith(_flat(row[0]) + ","))
            assert f",{figure['unit']}," in line, f"unit of {cell!r} missing"
            assert f",{_flat(figure['number'])}," in line, f"figure {cell!r} missing"


@pytest.mark.parametrize("mdx", CORPUS, ids=[p.stem for p in CORPUS])
def test_what_is_not_mapped_is_reported_and_kept(tmp_path: Path, mdx: Path) -> None:
    source = mdx.read_text(encoding="utf-8")
    conversion = Converter(source, mdx.stem).run()
    assert {(n.line, n.kind) for n in conversion.notes} == EXPECTED_NOTES[mdx.stem]
    written = write(conversion, tmp_path, mdx.stem, split=False)
    page = next(p for p in written.pages if p.suffix == ".md").read_text("utf-8")
    lines = source.splitlines()
    for note in conversion.notes:
        if note.kind in {"esm", "component", "expression"}:
            original = lines[note.line - 1].strip()
            assert original in page, f"line {note.line} {original!r} dropped"


def test_seed_structure_maps_to_our_directives(tmp_path: Path) -> None:
    mdx = next(p for p in CORPUS if p.stem == "astro-article")
    written = write(
        Converter(mdx.read_text("utf-8"), mdx.stem).run(), tmp_path, "a", split=False
    )
    page = (tmp_path / "a.md").read_text("utf-8")
    assert page.count("{comparison-table}") == 1
    assert page.count("{code-compare}") == 1
    assert "```{benchmark-table} data/astro-article-1.csv" in page
    assert page.startswith('---\nmyst:\n  html_meta:\n    description: "Two compiled')
    csv = (tmp_path / "data" / "astro-article-1.csv").read_text("utf-8").splitlines()
    assert csv[0] == "workload,unit,better,Go,Rust,source"
    assert (
        csv[2] == "Parsing a 1 MB file,ms,lower,~3,~1.2,Go or Rust for a backend team"
    )
    assert len(written.pages) == 2


def test_split_gives_one_page_per_section(tmp_path: Path) -> None:
    mdx = next(p for p in CORPUS if p.stem == "astro-article")
    write(Converter(mdx.read_text("utf-8"), mdx.stem).run(), tmp_path, "a", split=True)
    names = sorted(p.stem for p in tmp_path.glob("*.md"))
    assert names == [
        "feature-comparison", "index", "memory-model", "performance-benchmarks",
        "quick-verdict", "verdict",
    ]  # fmt: skip
    index = (tmp_path / "index.md").read_text("utf-8")
    assert "```{toctree}\n:maxdepth: 1\n\nquick-verdict\nfeature-comparison\n" in index
    assert (tmp_path / "verdict.md").read_text("utf-8").startswith("# Verdict\n")
