"""The PDF and epub, built exactly as Read the Docs builds them, hold the whole site.

One module-scoped build replays Read the Docs' sequence on a copy of ``docs/``
(HTML, then LaTeX and epub from the same doctrees, latexmk with ``-f``) and the
checks read what came out: the LaTeX log (errors, missing glyphs), the PDF's
text, outline, metadata, fonts and images, and the epub's XHTML.  What the PDF
must contain is read from the pickled doctrees of that same build -- every
table row, every code block, every code-compare label, every chart -- and the
benchmark figures from ``docs/data/*.csv`` through the formatting
functions the directives use.

The site is two books (two ``latex_documents`` entries): Read the Docs builds
the first, the reader's guide; the writer's guide is then built from the same
LaTeX directory as ``make pdf`` builds it.  Both are checked for typography
read from what TeX shipped: no overfull line, no listing split that leaves
fewer than four lines on a page (from the ``.lines`` file the book's LaTeX
writes), one typeface per role, no wide spaces next to inline code.

A second, small build of ``tests/roots/pdf`` checks the LaTeX setup itself on
content the guide may not have: characters, a table longer than a page, long
cells, a code line wider than the page and listings of every length.
"""

from __future__ import annotations

import csv
import itertools
import pickle
import re
import runpy
import subprocess
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from docutils import nodes
from sphinx import addnodes
from sphinx.util.tags import Tags

from sphinx_versus.benchmarks.chart import benchmark_chart
from sphinx_versus.benchmarks.numbers import (
    compare_values,
    format_value,
    normalise_unit,
    parse_value,
)
from sphinx_versus.benchmarks.stats import no_difference, spreads_overlap
from sphinx_versus.config import DEFAULT_LANGUAGES
from sphinx_versus.doctree import CODE_COMPARE_BLOCK_CLASS as BLOCK_CLASS
from tests import rtd
from tests.paths import DOCS, SNIPPETS

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

pytestmark = [pytest.mark.pdf, pytest.mark.toolchain]

SLUG = "sphinx-versus"
WRITERS = "sphinx-versus-writers-guide"
FIXTURE = Path(__file__).resolve().parents[1] / "roots" / "pdf"
BENCHMARK_CSVS = (DOCS / "data" / "benchmarks.csv", DOCS / "data" / "measured.csv")
#: Builder tags the ``only`` directive sees (format and name).
LATEX_TAGS = ("latex",)
EPUB_TAGS = ("html", "epub")


# -- what the build produced ------------------------------------------------------


@dataclass
class Site:
    """One book of a Read the Docs build, and ways to read it.

    ``name`` is the book's file name in the LaTeX directory and ``start`` its
    start document (its ``latex_documents`` entry); Read the Docs builds the
    first book, the others are built as ``make pdf`` builds them.
    """

    build: rtd.RtdBuild
    name: str = SLUG
    start: str = "index"

    @property
    def pdf(self) -> Path:
        return self.build.latexdir / f"{self.name}.pdf"

    @property
    def log(self) -> str:
        path = self.build.latexdir / f"{self.name}.log"
        return path.read_text("utf-8", errors="replace")

    @property
    def lines(self) -> Path:
        """Where each code line was shipped (docs/_latex/versus-book.sty)."""
        return self.build.latexdir / f"{self.name}.lines"

    @cached_property
    def text(self) -> str:
        """The PDF's text in content order, :func:`rtd.squash`-ed."""
        return rtd.squash(rtd.pdf_text(self.pdf))

    @cached_property
    def pages(self) -> list[str]:
        return [rtd.squash(page) for page in rtd.pdf_pages(self.pdf)]

    @cached_property
    def outline(self) -> list[rtd.Bookmark]:
        return rtd.pdf_outline(self.pdf)

    @cached_property
    def tex(self) -> str:
        return (self.build.latexdir / f"{self.name}.tex").read_text("utf-8")

    @cached_property
    def docnames(self) -> set[str]:
        """The pages of this book: its start document and what its toctrees
        shown in LaTeX include, recursively."""
        found, todo = set(), [self.start]
        while todo:
            name = todo.pop()
            if name in found or name not in self.doctrees:
                continue
            found.add(name)
            for toctree in self.doctrees[name].findall(addnodes.toctree):
                if _shown(toctree, LATEX_TAGS):
                    todo += toctree["includefiles"]
        return found

    @cached_property
    def doctrees(self) -> dict[str, nodes.document]:
        """The doctrees every builder of the sequence shared, by docname."""
        found = {}
        for path in sorted(self.build.doctreedir.rglob("*.doctree")):
            name = path.relative_to(self.build.doctreedir).with_suffix("").as_posix()
            found[name] = pickle.loads(path.read_bytes())
        return found


def _build(
    tmp: Path, docs: Path, siblings: Sequence[Path], *, epub: bool = True
) -> Site:
    srcdir = rtd.copy_project(docs, tmp, siblings)
    build = rtd.run_rtd(srcdir, tmp / "_readthedocs", SLUG, epub=epub)
    print(f"\nRead the Docs sequence for {docs.name}: {build.timings()}")
    return Site(build)


@pytest.fixture(scope="session")
def rtd_tools(require_tool: Callable[[str, str], str]) -> None:
    """Every tool of the Read the Docs sequence; skips (CI: fails) without one."""
    for tool in rtd.TOOLS:
        require_tool(tool, rtd.APT_HINT)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, rtd_tools: None) -> Site:
    """The real guide, with the snippets its pages include."""
    return _build(tmp_path_factory.mktemp("rtd-site"), DOCS, [SNIPPETS])


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory, rtd_tools: None) -> Site:
    """tests/roots/pdf, which takes its LaTeX settings from docs/conf.py."""
    return _build(tmp_path_factory.mktemp("rtd-fixture"), FIXTURE, [], epub=False)


@pytest.fixture(scope="module")
def site_conf() -> dict[str, object]:
    return runpy.run_path(str(DOCS / "conf.py"))


@pytest.fixture(scope="module")
def writers_book(site: Site) -> Site:
    """The writer's guide, built from the RTD LaTeX directory as make pdf does."""
    step = site.build.build_book(f"{WRITERS}.tex")
    book = Site(site.build, WRITERS, "writers-guide/index")
    assert book.pdf.exists(), step.describe()
    return book


@pytest.fixture(scope="module", params=[SLUG, WRITERS])
def book(request: pytest.FixtureRequest, site: Site) -> Site:
    """Each book of the site in turn."""
    if request.param == WRITERS:
        return request.getfixturevalue("writers_book")
    return site


# -- reading doctrees ---------------------------------------------------------------


def _shown(node: nodes.Node, tags: Sequence[str]) -> bool:
    """False inside an ``only`` block the builder with these tags leaves out."""
    checker = Tags(list(tags))
    parent = node.parent
    while parent is not None:
        if isinstance(parent, addnodes.only) and not checker.eval_condition(
            parent["expr"]
        ):
            return False
        parent = parent.parent
    return True


def _find(
    site: Site, cls: type[nodes.Node], tags: Sequence[str]
) -> Iterator[tuple[str, nodes.Element]]:
    in_pdf = "latex" in tags
    for docname, doctree in site.doctrees.items():
        if in_pdf and docname not in site.docnames:
            continue  # a page of another book
        for node in doctree.findall(cls):
            if _shown(node, tags):
                yield docname, node


def _rows(table: nodes.table) -> list[list[str]]:
    """Each row's cell texts, header rows included."""
    return [
        [entry.astext() for entry in row.children]
        for part in table.findall(
            lambda node: isinstance(node, (nodes.thead, nodes.tbody))
        )
        for row in part.children
    ]


def _code_blocks(
    site: Site, tags: Sequence[str]
) -> Iterator[tuple[str, nodes.literal_block, str | None]]:
    """Every literal block, with its code-compare label when it has one."""
    for docname, block in _find(site, nodes.literal_block, tags):
        wrapper = block.parent
        label = None
        if isinstance(wrapper, nodes.container) and BLOCK_CLASS in wrapper["classes"]:
            label = wrapper["versus_label"]
        yield docname, block, label


def _code_lines(block: nodes.literal_block) -> list[str]:
    return [rtd.squash(line) for line in block.astext().splitlines() if line.strip()]


#: What may sit between two cells of a row in the PDF text: a footnote mark.
CELL_GAP = 12
#: What may sit between two lines of a listing: a page's footer and the next
#: page's header, where a listing breaks across pages.
LINE_GAP = 200


def _find_row(text: str, cells: Sequence[str], gap: int = CELL_GAP) -> bool:
    """The cells, squashed, follow one another in the PDF's content order."""
    wanted = [c for c in (rtd.squash(cell) for cell in cells) if c]
    return rtd.find_in_order(text, wanted, max_gap=gap) >= 0


# -- the Read the Docs sequence -------------------------------------------------------


def test_read_the_docs_sequence_is_clean(site: Site) -> None:
    build = site.build
    problems = build.sphinx_problems()
    assert not problems, "\n".join(problems)
    # RTD passes -pdf (pdflatex); Sphinx's latexmkrc must make that XeLaTeX.
    assert build.log.startswith("This is XeTeX"), build.log[:200]
    problems = build.latex_problems()
    assert not problems, "\n".join(problems)
    assert build.pdf.stat().st_size > 0
    assert build.epub is not None
    # One .tex per book; RTD's latexmk (-jobname, no file name) builds the
    # first, which latexmkrc names as its default file.
    tex_files = sorted(p.name for p in build.latexdir.glob("*.tex"))
    assert tex_files == sorted([f"{SLUG}.tex", f"{WRITERS}.tex"])
    rc = (build.latexdir / "latexmkrc").read_text("utf-8")
    assert f"@default_files = ('{SLUG}.tex');" in rc


def test_pdf_is_a_book(site: Site, site_conf: dict[str, object]) -> None:
    info = rtd.pdf_info(site.build.pdf)
    assert info["Title"] == site_conf["project"]
    assert info["Author"] == site_conf["author"]
    assert "Go" in info["Subject"]
    assert "Rust" in info["Subject"]
    assert "Rust" in info["Keywords"]
    title_page = site.pages[0]
    for text in (
        site_conf["project"],
        site_conf["_SUBTITLE"],
        f"Go {site_conf['go_version']}",
        f"Rust {site_conf['rust_version']}",
        site_conf["author"],
    ):
        assert rtd.squash(str(text)) in title_page
    assert rtd.pdf_fonts_not_embedded(site.build.pdf) == []


def test_pdf_has_the_index_the_html_has(site: Site) -> None:
    """Glossary terms and index entries make an index in HTML; the PDF too."""
    terms = [
        entry[1].split(";")[0].strip()
        for _, node in _find(site, addnodes.index, LATEX_TAGS)
        for entry in node["entries"]
    ]
    if not terms:
        pytest.skip("the docs have no index entries")
    last = site.outline[-1]
    assert last.title == "Index", [b.title for b in site.outline[-3:]]
    index_text = "".join(site.pages[last.page - 1 :])
    missing = [t for t in terms if rtd.squash(t) not in index_text]
    assert not missing, "\n".join(missing)


def test_every_guide_page_is_one_chapter(site: Site) -> None:
    """The reader's guide: the root toctrees the PDF shows, and nothing else."""
    index = site.doctrees["index"]
    toctrees = [t for t in index.findall(addnodes.toctree) if _shown(t, LATEX_TAGS)]
    expected = [
        _title(site.doctrees[name])
        for toctree in toctrees
        for name in toctree["includefiles"]
    ]
    # latex_appendices (the complete programs) follow the parts' chapters.
    expected += [_title(site.doctrees[name]) for name in _appendices()]
    chapters = [b.title for b in site.outline if b.depth == 1]
    if chapters[-1:] == ["Index"]:  # the index closes the book, after the pages
        chapters.pop()
    assert chapters == expected
    parts = [b.title for b in site.outline if b.depth == 0]
    captions = [t["caption"] for t in toctrees]
    assert len(parts) == len(captions)
    assert all(_same(p, c) for p, c in zip(parts, captions, strict=True)), parts


def _appendices() -> list[str]:
    found = runpy.run_path(str(DOCS / "conf.py")).get("latex_appendices", [])
    return [str(name) for name in found]


def _title(doctree: nodes.document) -> str:
    return doctree.next_node(nodes.title).astext()


def _norm(title: str) -> str:
    title = re.sub(r"^[IVXLC]+\s+", "", title)  # a part's number
    return re.sub(r"[’']", "'", title).casefold().strip()


def _same(a: str, b: str) -> bool:
    return _norm(a) == _norm(b)


def test_outline_has_no_tab_labels_and_no_duplicates(site: Site) -> None:
    labels = {label for _, _, label in _code_blocks(site, LATEX_TAGS) if label}
    labels |= set(DEFAULT_LANGUAGES.values())
    as_labels = [b for b in site.outline if b.title in labels]
    assert as_labels == [], "tab labels became PDF bookmarks"
    # A bookmark repeating its parent's or previous sibling's title reads as a
    # duplicated section (e.g. a part and its first chapter with one name).
    duplicates = []
    stack: list[rtd.Bookmark] = []
    previous: dict[int, rtd.Bookmark] = {}
    for mark in site.outline:
        del stack[mark.depth :]
        parent = stack[-1] if stack else None
        for other in (parent, previous.get(mark.depth)):
            if other is not None and _same(other.title, mark.title):
                duplicates.append(
                    f"{other.title!r} then {mark.title!r} (p. {mark.page})"
                )
        previous[mark.depth] = mark
        for deeper in [d for d in previous if d > mark.depth]:
            del previous[deeper]
        stack.append(mark)
    assert not duplicates, "\n".join(duplicates)


_SECTIONING = ("part", "chapter", "section", "subsection", "subsubsection", "paragraph")
_HEADING = re.compile(r"\\(" + "|".join(_SECTIONING) + r")\*?\{")
_NOT_CONTENT = re.compile(
    r"\\label\{[^{}]*(\{[^{}]*\}[^{}]*)*\}|\\index\{[^{}]*\}|\\sphinxstepscope"
    r"|\\phantomsection|\\sphinxAtStartPar|%[^\n]*|\s+"
)


def test_no_empty_sections(site: Site) -> None:
    headings = list(_HEADING.finditer(site.tex))
    empty = []
    for here, following in itertools.pairwise(headings):
        level = _SECTIONING.index(here[1])
        if _SECTIONING.index(following[1]) > level:
            continue  # a subsection may open a section
        body_start = _end_of_braces(site.tex, here.end())
        between = _NOT_CONTENT.sub("", site.tex[body_start : following.start()])
        if not between:
            empty.append(site.tex[here.start() : body_start])
    assert not empty, "\n".join(empty)


def _end_of_braces(text: str, start: int) -> int:
    depth = 1
    for index in range(start, len(text)):
        depth += {"{": 1, "}": -1}.get(text[index], 0)
        if depth == 0:
            return index + 1
    return len(text)


# -- two books ----------------------------------------------------------------------


def _chapters(pdf: Path) -> list[str]:
    return [b.title for b in rtd.pdf_outline(pdf) if b.depth <= 1]


# -- the reader's guide as a book (issue 24) -------------------------------------

#: Guide concepts the PDF's index must hold, beyond the glossary's terms.
MIN_INDEX_CONCEPTS = 30


def test_running_header_is_the_title_not_the_release(
    site: Site, site_conf: dict[str, object]
) -> None:
    """Every page after the title page is headed by the book's title; no page
    repeats "Release 0.1.0" (the title page names the release once)."""
    release = rtd.squash(f"Release {site_conf['release']}")
    title = rtd.squash(str(site_conf["project"]))
    later = site.pages[1:]
    assert not [n for n, page in enumerate(later, 2) if release in page]
    headed = [page for page in later if page.startswith(title) or title in page]
    # Part and chapter openers have no header; every other page has the title.
    assert len(headed) > len(later) / 2, (len(headed), len(later))


def test_index_holds_the_guides_concepts(site: Site) -> None:
    """At least 30 index entries from the guide's own pages (not the
    glossary), each of them in the PDF's index."""
    concepts = {
        entry[1].split(";")[0].strip()
        for docname, node in _find(site, addnodes.index, LATEX_TAGS)
        if docname.startswith("guide/")
        for entry in node["entries"]
    }
    assert len(concepts) >= MIN_INDEX_CONCEPTS, sorted(concepts)
    last = site.outline[-1]
    index_text = "".join(site.pages[last.page - 1 :])
    assert [c for c in concepts if rtd.squash(c) not in index_text] == []


def test_home_pages_answer_is_in_the_pdf(site: Site) -> None:
    assert rtd.squash("start with Go, reach for Rust when you must") in site.text


def test_home_pages_answer_opens_the_first_part(site: Site) -> None:
    """The answer is on the page of Part I, the first page after the
    contents, not alone on a page whose footer still says "Contents"."""
    answer = rtd.squash("start with Go, reach for Rust when you must")
    found = [n for n, page in enumerate(site.pages, 1) if answer in page]
    assert len(found) == 1, found
    (page,) = found
    part = next(b for b in site.outline if _same(b.title, "I The guide"))
    assert part.page == page, (part, page)
    text = site.pages[page - 1]
    assert text.startswith(rtd.squash("Part I The guide")), text[:80]
    assert "contents" not in text.casefold()
    # Nothing but the contents between the title page and this page.
    chapter = next(b for b in site.outline if b.depth == 1)
    assert chapter.page == page + 1, (chapter, page)


def test_performance_summary_table_prints_on_one_page(site: Site) -> None:
    caption = rtd.squash("The article’s claims and this project’s measurements")
    pages = [page for page in site.pages if caption in page]
    assert len(pages) == 1, f"the summary's caption is on {len(pages)} pages"
    for workload in (
        "HTTP requests per second",
        "Decoding 1 MB of JSON",
        "Binary search, 10M items",
        "Idle server memory",
        "Compile time",
    ):
        assert rtd.squash(workload) in pages[0], workload
    assert pages[0].count(rtd.squash("95 % CI")) >= 5


def test_complete_programs_are_an_appendix_without_markers(site: Site) -> None:
    """The PDF lists every verified program in full, and no region marker or
    output comment shows anywhere in it."""
    appendix = next(b for b in site.outline if _same(b.title, "The complete programs"))
    text = "".join(site.pages[appendix.page - 1 :])
    assert text.count(rtd.squash("package main")) == 4
    assert text.count(rtd.squash("fn main()")) >= 4
    leaks = re.findall(r"//\[/?[a-z-]+\]", site.text)
    assert not leaks, leaks
    assert rtd.squash("// Output:") not in site.text


def test_writers_guide_is_a_book_of_its_own(
    site: Site, writers_book: Site, site_conf: dict[str, object]
) -> None:
    step = site.build.step(f"latexmk {WRITERS}.tex")
    assert step.returncode == 0, step.describe()
    problems = [line for line in writers_book.log.splitlines() if line.startswith("!")]
    assert not problems, "\n".join(problems)
    assert "There were undefined references" not in writers_book.log
    info = rtd.pdf_info(writers_book.pdf)
    assert _same(info["Title"], "Writer's guide"), info["Title"]
    writers = _chapters(writers_book.pdf)
    readers = _chapters(site.build.pdf)
    about = _title(site.doctrees["writers-guide/about"])
    assert writers[0] == about, writers[:3]
    assert "Glossary" not in writers
    assert about not in readers, "the reader's guide holds the writer's guide"
    assert not set(writers) & set(readers) - {"Index"}


def test_writers_guide_prints_each_example_once(writers_book: Site) -> None:
    """A MyST/reST tab pair prints both tabs on paper; the result prints once."""
    text = rtd.pdf_text(writers_book.pdf)
    captions = re.findall(r"(?m)^(?:Table|Fig\.) \d+\.\d+: (.+)$", text)
    assert len(captions) >= 5, captions
    repeated = sorted({c for c in captions if captions.count(c) > 1})
    assert not repeated, repeated


# -- typography, read from what TeX shipped ------------------------------------------

#: A listing this short never breaks across pages; a longer one leaves at
#: least MIN_LINES lines on each page (docs/_latex/versus-book.sty).
SHORT_LISTING = 12
MIN_LINES = 4


def _listing_problems(lines_file: Path) -> tuple[list[str], int]:
    """Listings split badly, and how many listings were split at all."""
    problems, split = [], 0
    for listing, by_page in sorted(rtd.listing_pages(lines_file).items()):
        if len(by_page) < 2:
            continue
        split += 1
        total = sum(by_page.values())
        pages = sorted(by_page)
        where = ", ".join(f"p. {page}: {by_page[page]}" for page in pages)
        if total <= SHORT_LISTING:
            problems.append(f"listing {listing} ({total} lines) is split: {where}")
        elif min(by_page[pages[0]], by_page[pages[-1]]) < MIN_LINES:
            problems.append(
                f"listing {listing} ({total} lines) leaves fewer than "
                f"{MIN_LINES} lines on a page: {where}"
            )
    return problems, split


def test_no_line_runs_into_the_margin(book: Site) -> None:
    """No overfull line over 1 pt: tables, code, long inline literals."""
    overfull = rtd.overfull_boxes(book.log, limit_pt=1.0)
    assert not overfull, "\n".join(overfull)


def test_listings_never_leave_a_few_lines_alone(book: Site) -> None:
    problems, _ = _listing_problems(book.lines)
    assert not problems, "\n".join(problems)


#: Font families by role: body (serif), headings and captions (sans), code
#: (mono); Computer Modern only for the math arrow that marks a wrapped code
#: line.
FONT_FAMILIES = {"FreeSerif", "FreeSans", "FreeMono", "CMMI5", "CMSY5"}
#: The charts' face: matplotlib draws them with the DejaVu Sans it ships, as
#: Type 3 fonts (vector and searchable; Type 42 would cost four times the
#: drawing, benchmarks/chart/drawing.py).
CHART_FAMILY = "DejaVuSans"


def test_fonts_are_one_family_per_role(book: Site) -> None:
    fonts = rtd.pdf_fonts(book.pdf)
    assert fonts
    allowed = FONT_FAMILIES | {CHART_FAMILY}
    strays = sorted({f"{f.name} ({f.type})" for f in fonts if f.family not in allowed})
    assert not strays, f"fonts outside {sorted(allowed)}: {strays}"
    type3 = sorted({f.name for f in fonts if f.type == "Type 3"})
    assert all(name.startswith(CHART_FAMILY) for name in type3), type3


def test_table_reads_in_one_typeface_with_bold_headers(site: Site) -> None:
    """The feature table: header row and row headers bold, in the cells' face."""
    page = next(
        n
        for n, text in enumerate(site.pages, 1)
        if rtd.squash("Go and Rust at a glance") in text
    )
    runs = rtd.pdf_text_runs(site.build.pdf, page, page)

    def run_of(text: str) -> rtd.TextRun:
        return next(r for r in runs if r.text.strip() == text)

    header = [run_of(t) for t in ("Feature", "Go", "Rust")]
    stubs = [run_of(t) for t in ("Memory management", "Learning curve")]
    cells = [run_of(t) for t in ("Gentle (weeks)", "Steep (months)", "Very fast")]
    family = {r.font.split("-")[0] for r in cells}
    assert len(family) == 1, family
    (body,) = family
    for run in header + stubs:
        assert run.font.split("-")[0].startswith(body), (run.text, run.font)
        assert run.bold, f"{run.text!r} is not bold ({run.font})"


#: The widest space next to inline code, in pt (a natural space is 2.5 pt).
MAX_CODE_GAP = 6.0


def test_no_wide_spaces_around_inline_code(book: Site) -> None:
    """Lines with inline code must not open wide gaps beside it.

    A gap is measured between a run of the body face and a run of code on
    one line.  Table columns are told apart by alignment: a run that starts
    where runs on two other lines of the page start is a column, not a word.
    """
    runs = rtd.pdf_text_runs(book.pdf)
    lines: dict[tuple[int, int], list[rtd.TextRun]] = {}
    starts: dict[tuple[int, int], int] = {}
    for run in runs:
        lines.setdefault((run.page, round(run.baseline / 3)), []).append(run)
        starts[run.page, round(run.left)] = (
            starts.get((run.page, round(run.left)), 0) + 1
        )
    wide = []
    for (page, _), line in lines.items():
        line.sort(key=lambda r: r.left)
        for a, b in itertools.pairwise(line):
            if {"Mono" in a.font, "Mono" in b.font} != {True, False}:
                continue  # not prose beside inline code
            if "Sans" in a.font + b.font or starts[page, round(b.left)] >= 3:
                continue  # a heading, or a table column
            gap = b.left - a.right
            if MAX_CODE_GAP < gap < 30:  # further away: another column
                between = f"{a.text[-25:]!r} and {b.text[:25]!r}"
                wide.append(f"p. {page}: {gap:.1f} pt between {between}")
    assert not wide, "\n".join(wide)


def test_title_page_is_the_designed_one(
    site: Site, site_conf: dict[str, object]
) -> None:
    """White title on the dark band, not Sphinx's default title page."""
    runs = rtd.pdf_text_runs(site.build.pdf, 1, 1)
    title = max(runs, key=lambda r: r.height)
    assert title.text.strip() == site_conf["project"]
    assert title.color.lower() == "#ffffff", title


# -- content: everything the HTML has -------------------------------------------


def test_pdf_has_every_table_row(book: Site) -> None:
    tables = list(_find(book, nodes.table, LATEX_TAGS))
    comparison = [t for _, t in tables if "versus-comparison" in t["classes"]]
    assert comparison, "no comparison-table in the docs"
    assert sum(len(_rows(t)) for t in comparison) >= 10
    missing = [
        f"{docname}: {cells}"
        for docname, table in tables
        for cells in _rows(table)
        if not _find_row(book.text, cells)
    ]
    assert not missing, "\n".join(missing)


def _benchmark_rows() -> list[list[str]]:
    """workload, each system's figure, each ratio to the baseline: from the
    CSVs (the article's claims and this project's measurements)."""
    rows = []
    for path in BENCHMARK_CSVS:
        lines = [
            line
            for line in path.read_text(encoding="utf-8-sig").splitlines()
            if not line.startswith("#")  # the environment lines
        ]
        reader = csv.DictReader(lines)
        fixed = {"workload", "unit", "better", "source", "notes", "id", "ratio"}
        systems = [c for c in reader.fieldnames or [] if c not in fixed]
        for record in reader:
            values = [parse_value(record[s]) for s in systems]
            unit, better = normalise_unit(record["unit"]), record["better"]
            # A row with a ratio interval says its word from the interval
            # (tests/toolchain/test_ratio_pdf.py reads those back); the others
            # compare their figures.
            # Figures whose measured spreads overlap are within the noise:
            # the words say so instead of a ratio.
            ratios = (
                []
                if (record.get("ratio") or "").strip()
                else [
                    no_difference()
                    if spreads_overlap(values[0], value)
                    else compare_values(values[0], value, unit, better)[1]
                    for value in values[1:]
                ]
            )
            rows.append(
                [record["workload"], *(format_value(v) for v in values), *ratios]
            )
    return rows


def test_pdf_has_every_benchmark_figure(site: Site) -> None:
    rows = _benchmark_rows()
    assert len(rows) >= 5
    # The unit and "higher/lower is better" may sit between workload and figures.
    missing = [str(row) for row in rows if not _find_row(site.text, row, gap=60)]
    assert not missing, "\n".join(missing)


def test_pdf_has_every_code_block_with_its_label(book: Site) -> None:
    blocks = list(_code_blocks(book, LATEX_TAGS))
    labelled = [b for b in blocks if b[2]]
    assert {label for *_, label in labelled} >= {"Go", "Rust"}
    included = [
        b
        for b in blocks
        if Path(b[1].get("source", "")).is_relative_to(
            book.build.srcdir.parent / "snippets"
        )
    ]
    assert included, "no literalinclude of snippets/ in the docs"
    missing, unlabelled = [], []
    for docname, block, label in blocks:
        lines = _code_lines(block)
        if lines and rtd.find_in_order(book.text, lines, max_gap=LINE_GAP) < 0:
            missing.append(f"{docname}: {block.astext()[:80]!r}")
        if label and lines:
            # The label is the listing's caption, directly above its code
            # (a line number may sit between them).
            caption = re.compile(
                re.escape(rtd.squash(label)) + r"\d*" + re.escape(lines[0])
            )
            if not caption.search(book.text):
                unlabelled.append(f"{docname}: {label} above {lines[0]!r}")
    assert not missing, "\n".join(missing)
    assert not unlabelled, "\n".join(unlabelled)


def test_chart_is_an_embedded_vector_figure(book: Site) -> None:
    charts = list(_find(book, benchmark_chart, LATEX_TAGS))
    assert charts, "no benchmark-chart in the docs"
    included = re.findall(
        r"\\sphinxincludegraphics(?:\[[^\]]*\])?\{\{?([^{}]+)\}?(\.pdf)\}", book.tex
    )
    chart_files = [book.build.latexdir / (name + ext) for name, ext in included]
    chart_files = [f for f in chart_files if f.name.startswith("versus-chart")]
    assert len(chart_files) == len(charts)
    raster_pages = {image.page for image in rtd.pdf_images(book.build.pdf)}
    for chart in chart_files:
        assert chart.read_bytes().startswith(b"%PDF")
        chart_text = rtd.squash(rtd.pdf_text(chart))
        assert chart_text, f"{chart.name} has no text: drawn as an image?"
        pages = [n for n, page in enumerate(book.pages, 1) if chart_text in page]
        assert pages, f"the text of {chart.name} is not in the PDF"
        assert not raster_pages & set(pages), "the chart's page holds a raster image"


# -- epub -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def epub_pages(site: Site) -> dict[str, BeautifulSoup]:
    assert site.build.epub is not None
    return {
        name: BeautifulSoup(text, "html.parser")
        for name, text in rtd.epub_documents(site.build.epub).items()
    }


def test_epub_has_every_table_row(
    site: Site, epub_pages: dict[str, BeautifulSoup]
) -> None:
    rows = [
        [rtd.squash(td.get_text()) for td in tr.find_all(["td", "th"])]
        for soup in epub_pages.values()
        for tr in soup.find_all("tr")
    ]
    missing = []
    for docname, table in _find(site, nodes.table, EPUB_TAGS):
        for cells in _rows(table):
            wanted = [rtd.squash(c) for c in cells]
            if not any(
                len(row) == len(wanted)
                and all(w in got for w, got in zip(wanted, row, strict=True))
                for row in rows
            ):
                missing.append(f"{docname}: {cells}")
    assert not missing, "\n".join(missing)
    figures = [[rtd.squash(c) for c in row] for row in _benchmark_rows()]
    absent = [
        figure
        for figure in figures
        if not any(all(f in " ".join(row) for f in figure) for row in rows)
    ]
    assert not absent, f"benchmark rows not in any epub table row: {absent}"


def test_epub_has_both_languages_of_every_code_compare(
    site: Site, epub_pages: dict[str, BeautifulSoup]
) -> None:
    listings = [
        (
            rtd.squash(wrapper.find(class_="caption-text").get_text()),
            rtd.squash(wrapper.find("pre").get_text()),
        )
        for soup in epub_pages.values()
        for wrapper in soup.find_all(class_="literal-block-wrapper")
        if wrapper.find(class_="caption-text") and wrapper.find("pre")
    ]
    code = "".join(
        rtd.squash(pre.get_text())
        for s in epub_pages.values()
        for pre in s.find_all("pre")
    )
    missing = []
    for docname, block, label in _code_blocks(site, EPUB_TAGS):
        squashed = "".join(_code_lines(block))
        if label:
            if (rtd.squash(label), squashed) not in listings:
                missing.append(f"{docname}: {label}: {block.astext()[:60]!r}")
        elif squashed not in code:
            missing.append(f"{docname}: {block.astext()[:60]!r}")
    assert not missing, "\n".join(missing)


# -- the LaTeX setup, on hard content (tests/roots/pdf) --------------------------

GLYPHS = "µμ≥≤≠×→–—“”‘’…±"


def test_fixture_builds_clean_with_every_glyph(fixture_site: Site) -> None:
    build = fixture_site.build
    problems = build.sphinx_problems() + build.latex_problems()
    assert not problems, "\n".join(problems)
    text = rtd.pdf_text(build.pdf)
    assert [g for g in GLYPHS if g not in text] == []
    assert rtd.pdf_fonts_not_embedded(build.pdf) == []
    # Nothing runs into the margin: not the long table cells, not the code.
    overfull = build.overfull(limit_pt=1.0)
    assert not overfull, "\n".join(overfull)


def test_fixture_missing_glyph_is_an_error(tmp_path: Path, fixture_site: Site) -> None:
    """\\tracinglostchars=3: a character the fonts lack stops `make pdf`."""
    latexdir = fixture_site.build.latexdir
    tex = (latexdir / f"{SLUG}.tex").read_text("utf-8")
    probe = tex.replace(r"\begin{document}", "\\begin{document}\n\U0001f980\n", 1)
    job = tmp_path / "probe.tex"
    job.write_text(probe, "utf-8")
    subprocess.run(
        [
            "xelatex",
            "-interaction=nonstopmode",
            "-halt-on-error",
            f"-output-directory={tmp_path}",
            str(job),
        ],
        cwd=latexdir,
        capture_output=True,
        check=False,
        timeout=120,
    )
    log = (tmp_path / "probe.log").read_text("utf-8", errors="replace")
    assert re.search(r"^! Missing character: There is no \U0001f980", log, re.MULTILINE)


#: The fixture's long tables: header row, and the start of each body row.
LONG_TABLES = {
    "Row Go Rust": ("Row {:02d} Go value", 40),
    "Feature Go Rust": ("Feature {:02d} Go cell", 30),
}


@pytest.mark.parametrize("header", LONG_TABLES)
def test_fixture_long_table_repeats_its_header(fixture_site: Site, header: str) -> None:
    """A long table breaks across pages, its header row on top of each."""
    row, count = LONG_TABLES[header]
    rows = [rtd.squash(row.format(i)) for i in range(1, count + 1)]
    assert rtd.find_in_order(fixture_site.text, rows) >= 0
    holding = [p for p in fixture_site.pages if any(r in p for r in rows)]
    assert len(holding) >= 2, "the long table should span pages"
    assert all(rtd.squash(header) in page for page in holding)


def test_fixture_long_code_line_wraps(fixture_site: Site) -> None:
    layout = rtd.pdf_text(fixture_site.build.pdf, mode="layout")
    line = next(line for line in layout.splitlines() if "fn main() { let" in line)
    assert "LONGLINE-END" not in line, "the line was not wrapped"
    source = (FIXTURE / "code.md").read_text("utf-8")
    code = next(line for line in source.splitlines() if "LONGLINE-END" in line)
    assert rtd.squash(code) in fixture_site.text


def test_fixture_sphinx_tabs_are_labelled_blocks(fixture_site: Site) -> None:
    """HTML read the doctrees first; the PDF still pairs each label with its code."""
    text = fixture_site.text
    assert rtd.squash("Go package main // TABS-GO") in text
    assert rtd.squash("Rust fn main() {} // TABS-RUST") in text
    titles = [b.title for b in fixture_site.outline]
    assert "Go" not in titles
    assert "Rust" not in titles


def test_fixture_parts_from_toctree_captions(fixture_site: Site) -> None:
    outline = [(b.depth, _norm(b.title)) for b in fixture_site.outline]
    assert outline[:3] == [(0, "the pages"), (1, "typography"), (1, "tables")]
    assert (0, "the code") in outline
    assert "CONTENTS" in fixture_site.pages[1]  # not "THE PAGES"


def test_fixture_listings_at_page_breaks(fixture_site: Site) -> None:
    """Listings of every length meet page breaks; each split obeys the rule."""
    lines = fixture_site.build.latexdir / f"{SLUG}.lines"
    problems, split = _listing_problems(lines)
    assert not problems, "\n".join(problems)
    assert split >= 2, "no listing met a page break: the check proved nothing"
    text = fixture_site.text
    for n in range(1, 17):
        assert rtd.squash(f"LISTING-{n:02d}-01") in text
