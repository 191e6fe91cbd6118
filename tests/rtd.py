"""Read the Docs' build, run locally, and readers for what it produces.

Read the Docs builds HTML first, then LaTeX and epub from the *same* cached
doctrees (``-d _build/doctrees`` relative to the docs dir), and runs
``latexmk -f``, which writes a PDF past any LaTeX error; Read the Docs then
trusts the exit code no further than "a PDF exists".  A PDF with missing
glyphs or missing content passes there, so :func:`run_rtd` replays the exact
commands and :class:`RtdBuild` reports every problem instead.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from pathlib import Path

#: The apt-get line for everything the PDF build and checks need.
APT_HINT = (
    "sudo apt-get install texlive-xetex texlive-latex-recommended "
    "texlive-latex-extra texlive-fonts-recommended tex-gyre fonts-freefont-otf "
    "xindy latexmk poppler-utils"
)
TOOLS = (
    "xelatex",
    "latexmk",
    "xindy",
    "pdftotext",
    "pdfinfo",
    "pdfimages",
    "pdffonts",
    "pdftohtml",
)

DOCTREES = "_build/doctrees"
STEP_TIMEOUT = 600

_SPHINX_PROBLEM = re.compile(r"\b(WARNING|ERROR|CRITICAL)\b")
#: hyperref's \BOOKMARK-style strings and pdftotext's view of Sphinx's
#: continuation marks for wrapped code lines (␣ at the break, ↪ after it).
_WRAP_MARKS = re.compile("[\u2423\u21aa]|,\u2192")
_SPACE = re.compile(r"\s+")


@dataclass
class Step:
    """One command of the sequence, with what it printed and how long it took."""

    name: str
    argv: list[str]
    cwd: Path
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    #: CPU time of the command and its children: comparable on a busy machine.
    cpu_seconds: float

    def describe(self) -> str:
        return (
            f"{self.name}: `{' '.join(self.argv)}` in {self.cwd} -> "
            f"exit {self.returncode} after {self.seconds:.1f}s\n"
            f"--- stderr ---\n{self.stderr[-4000:]}"
        )


@dataclass
class RtdBuild:
    """The outputs of one Read the Docs sequence under ``outdir``."""

    srcdir: Path
    outdir: Path
    slug: str
    steps: list[Step] = field(default_factory=list)

    @property
    def doctreedir(self) -> Path:
        return self.srcdir / DOCTREES

    @property
    def latexdir(self) -> Path:
        return self.outdir / "pdf"

    @property
    def pdf(self) -> Path:
        return self.latexdir / f"{self.slug}.pdf"

    @property
    def log(self) -> str:
        path = self.latexdir / f"{self.slug}.log"
        return path.read_text("utf-8", errors="replace") if path.exists() else ""

    @property
    def epub(self) -> Path | None:
        found = sorted((self.outdir / "epub").glob("*.epub"))
        return found[0] if found else None

    def step(self, name: str) -> Step:
        return next(s for s in self.steps if s.name == name)

    def timings(self) -> str:
        parts = [
            f"{s.name} {s.seconds:.1f}s (cpu {s.cpu_seconds:.1f}s)" for s in self.steps
        ]
        wall = sum(s.seconds for s in self.steps)
        cpu = sum(s.cpu_seconds for s in self.steps)
        return f"{', '.join(parts)}; total {wall:.1f}s (cpu {cpu:.1f}s)"

    def sphinx_problems(self) -> list[str]:
        """Failed Sphinx steps and every warning line any of them printed."""
        problems = []
        for step in self.steps:
            if step.name == "latexmk":
                continue
            if step.returncode != 0:
                problems.append(step.describe())
            problems += [
                f"{step.name}: {line}"
                for line in step.stderr.splitlines()
                if _SPHINX_PROBLEM.search(line)
            ]
        return problems

    def latex_problems(self) -> list[str]:
        """TeX errors and missing glyphs from the log, whatever latexmk returned."""
        log = self.log
        if not log:
            return [f"no LaTeX log; {self.step('latexmk').describe()}"]
        lines = log.splitlines()
        problems = []
        for index, line in enumerate(lines):
            if line.startswith("!") or "Missing character" in line:
                context = " | ".join(lines[index : index + 3])
                problems.append(f"{self.slug}.log:{index + 1}: {context}")
        # TeX wraps log lines at 79 characters, labels included.
        for match in re.finditer(
            r"(?:Hyper r|R)eference `([^']+)'\s+on\s+page\s+(\d+)\s+undefined", log
        ):
            label = match[1].replace("\n", "")
            problems.append(f"undefined reference {label!r} (printed page {match[2]})")
        if "There were undefined references" in log and not any(
            p.startswith("undefined reference") for p in problems
        ):
            problems.append("LaTeX reports undefined references")
        # latexmk -f carries on when a helper such as xindy fails (no index).
        latexmk = self.step("latexmk")
        problems += [
            f"latexmk: {line.strip()}"
            for line in (latexmk.stdout + latexmk.stderr).splitlines()
            if re.search(r"gave an error|gave return code", line)
        ]
        if not self.pdf.exists():
            problems.append(f"{self.pdf} was not written")
        return problems

    def overfull(self, limit_pt: float, log: str | None = None) -> list[str]:
        """Overfull boxes wider than ``limit_pt``: text running into the margin."""
        return overfull_boxes(self.log if log is None else log, limit_pt)

    def build_book(self, tex: str) -> Step:
        """Build another book of the LaTeX directory, as ``make pdf`` does.

        Read the Docs builds only latexmk's default file; Sphinx's Makefile
        runs ``latexmk`` once per ``.tex`` file, with Sphinx's ``latexmkrc``.
        """
        argv = ["latexmk", "-pdf", "-f", "-dvi-", "-ps-", "-interaction=nonstopmode"]
        step = _run(f"latexmk {tex}", [*argv, tex], self.latexdir, dict(os.environ))
        self.steps.append(step)
        return step


def overfull_boxes(log: str, limit_pt: float) -> list[str]:
    """``Overfull \\hbox`` lines of a LaTeX log wider than ``limit_pt``."""
    return [
        match.group(0)
        for match in re.finditer(
            r"^Overfull \\hbox \((?P<pt>[\d.]+)pt too wide\)(?P<where>.*)$",
            log,
            re.MULTILINE,
        )
        if float(match["pt"]) > limit_pt
    ]


def copy_project(docs: Path, dest: Path, siblings: Iterable[Path] = ()) -> Path:
    """Copy ``docs`` (and sibling dirs its pages include) into ``dest``.

    The copy keeps the repository's layout, so ``../snippets/...`` paths in the
    pages still resolve; build output and caches are left behind.
    """
    ignore = shutil.ignore_patterns("_build", "target", "__pycache__", ".*")
    srcdir = dest / docs.name
    shutil.copytree(docs, srcdir, ignore=ignore)
    for sibling in siblings:
        shutil.copytree(sibling, dest / sibling.name, ignore=ignore)
    return srcdir


def _run(name: str, argv: Sequence[str], cwd: Path, env: dict[str, str]) -> Step:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    done = subprocess.run(
        list(argv),
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        stdin=subprocess.DEVNULL,
        timeout=STEP_TIMEOUT,
        check=False,
    )
    seconds = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Step(
        name, list(argv), cwd, done.returncode, done.stdout, done.stderr, seconds, cpu
    )


def run_rtd(
    srcdir: Path, outdir: Path, slug: str, language: str = "en", *, epub: bool = True
) -> RtdBuild:
    """Run Read the Docs' commands for html, pdf and epub, in that order.

    Mirrors ``readthedocs/doc_builder/backends/sphinx.py``: the commands run in
    the directory of ``conf.py`` with the doctree dir relative to it, and the
    PDF is made by latexmk with Sphinx's ``latexmkrc`` and the project slug as
    job name.  Every step runs even if an earlier one failed, so a test sees all
    the problems at once.
    """
    env = {
        **os.environ,
        "READTHEDOCS": "True",
        "READTHEDOCS_PROJECT": slug,
        "READTHEDOCS_LANGUAGE": language,
        "READTHEDOCS_VERSION": "latest",
        "READTHEDOCS_OUTPUT": str(outdir),
    }
    build = RtdBuild(srcdir=srcdir, outdir=outdir, slug=slug)

    def sphinx(builder: str, *flags: str) -> list[str]:
        return [
            sys.executable,
            "-m",
            "sphinx",
            "-T",
            *flags,
            "-b",
            builder,
            "-d",
            DOCTREES,
            "-D",
            f"language={language}",
            ".",
            str(outdir / ("pdf" if builder == "latex" else builder)),
        ]

    build.steps.append(_run("html", sphinx("html", "-W", "--keep-going"), srcdir, env))
    build.steps.append(_run("latex", sphinx("latex"), srcdir, env))
    latexdir = build.latexdir
    if latexdir.is_dir():
        # Read the Docs computes bounding boxes of raster images first.
        for image in sorted(latexdir.iterdir()):
            if image.suffix.lower() in {".png", ".gif", ".jpg", ".jpeg"}:
                _run("extractbb", ["extractbb", image.name], latexdir, env)
        latexmk = [
            "latexmk",
            "-r",
            "latexmkrc",
            "-pdf",
            "-f",
            "-dvi-",
            "-ps-",
            f"-jobname={slug}",
            "-interaction=nonstopmode",
        ]
        build.steps.append(_run("latexmk", latexmk, latexdir, env))
    if epub:
        build.steps.append(
            _run("epub", sphinx("epub", "-W", "--keep-going"), srcdir, env)
        )
    return build


# -- Reading the PDF -------------------------------------------------------------


def _tool(argv: Sequence[str]) -> str:
    return subprocess.run(
        list(argv), capture_output=True, text=True, check=True, encoding="utf-8"
    ).stdout


def pdf_text(pdf: Path, *, mode: str = "raw") -> str:
    """The PDF's text: ``raw`` keeps content order (a table row's cells in
    sequence, even when they wrap), ``layout`` keeps the page geometry."""
    return _tool(["pdftotext", f"-{mode}", "-enc", "UTF-8", str(pdf), "-"])


def pdf_pages(pdf: Path, *, mode: str = "raw") -> list[str]:
    """The text of each page, page 1 first."""
    return pdf_text(pdf, mode=mode).split("\f")


def pdf_info(pdf: Path) -> dict[str, str]:
    info = {}
    for line in _tool(["pdfinfo", "-enc", "UTF-8", str(pdf)]).splitlines():
        key, sep, value = line.partition(":")
        if sep:
            info[key.strip()] = value.strip()
    return info


def pdf_fonts_not_embedded(pdf: Path) -> list[str]:
    """``pdffonts`` rows of fonts the PDF uses but does not embed."""
    rows = _tool(["pdffonts", str(pdf)]).splitlines()[2:]
    # Columns, from the right: emb sub uni object-number generation.
    return [row for row in rows if row.split()[-5] != "yes"]


@dataclass(frozen=True)
class PdfFont:
    name: str  # without the subset prefix: FreeSerif-Identity-H
    type: str  # CID Type 0C, Type 3, ...

    @property
    def family(self) -> str:
        """FreeSerif, FreeSans, FreeMono, DejaVuSans, CMSY5 ..."""
        base = self.name.split("-")[0]
        return re.sub(r"(Bold|Italic|Oblique|BoldItalic|BoldOblique)+$", "", base)


def pdf_fonts(pdf: Path) -> list[PdfFont]:
    """Every font ``pdffonts`` lists (subset prefix dropped)."""
    rows = _tool(["pdffonts", str(pdf)]).splitlines()[2:]
    fonts = []
    for row in rows:
        # name type... encoding emb sub uni object generation
        cols = row.split()
        name = cols[0].split("+", 1)[-1]
        fonts.append(PdfFont(name, " ".join(cols[1:-6])))
    return fonts


@dataclass(frozen=True)
class TextRun:
    """A run of text in one font, as ``pdftohtml -xml`` reports it (in pt)."""

    page: int
    top: float
    left: float
    width: float
    height: float
    font: str  # family name without the subset prefix
    bold: bool
    color: str  # #rrggbb
    text: str

    @property
    def right(self) -> float:
        return self.left + self.width

    @property
    def baseline(self) -> float:
        return self.top + self.height


def pdf_text_runs(
    pdf: Path, first: int | None = None, last: int | None = None
) -> list[TextRun]:
    """The PDF's text runs with their font and position, page by page."""
    argv = ["pdftohtml", "-xml", "-i", "-q", "-stdout", "-zoom", "1"]
    if first is not None:
        argv += ["-f", str(first)]
    if last is not None:
        argv += ["-l", str(last)]
    root = ET.fromstring(_tool([*argv, str(pdf)]))
    fonts: dict[str, str] = {}
    colors: dict[str, str] = {}
    runs = []
    for page in root.iter("page"):
        number = int(page.get("number", "0"))
        for spec in page.iter("fontspec"):
            family = spec.get("family", "").split("+", 1)[-1]
            fonts[spec.get("id", "")] = family
            colors[spec.get("id", "")] = spec.get("color", "")
        for text in page.iter("text"):
            content = "".join(text.itertext())
            if not content.strip():
                continue
            runs.append(
                TextRun(
                    page=number,
                    top=float(text.get("top", "0")),
                    left=float(text.get("left", "0")),
                    width=float(text.get("width", "0")),
                    height=float(text.get("height", "0")),
                    font=fonts.get(text.get("font", ""), ""),
                    bold=text.find(".//b") is not None,
                    color=colors.get(text.get("font", ""), ""),
                    text=content,
                )
            )
    return runs


def listing_pages(lines_file: Path) -> dict[int, dict[int, int]]:
    """Listing number -> {page: how many of its lines were shipped on it}.

    ``docs/_latex/versus-book.sty`` writes one ``<listing> <line> <page>``
    line per visual code line as TeX ships the page out, so this is where each
    line really landed.
    """
    pages: dict[int, dict[int, int]] = {}
    for line in lines_file.read_text("utf-8").splitlines():
        listing, _line, page = (int(field) for field in line.split())
        by_page = pages.setdefault(listing, {})
        by_page[page] = by_page.get(page, 0) + 1
    return pages


@dataclass
class Bookmark:
    title: str
    page: int
    depth: int


def pdf_outline(pdf: Path) -> list[Bookmark]:
    """The PDF's bookmarks (outline), in order, with their nesting depth."""
    xml = _tool(["pdftohtml", "-xml", "-i", "-q", "-stdout", str(pdf)])
    start = xml.find("<outline")
    if start < 0:
        return []
    end = xml.rfind("</outline>") + len("</outline>")
    root = ET.fromstring(xml[start:end])
    found: list[Bookmark] = []

    def walk(outline: ET.Element, depth: int) -> None:
        for child in outline:
            if child.tag == "item":
                title = "".join(child.itertext()).strip()
                found.append(Bookmark(title, int(child.get("page", "0")), depth))
            elif child.tag == "outline":
                walk(child, depth + 1)

    walk(root, 0)
    return found


@dataclass
class PdfImage:
    page: int
    kind: str
    width: int
    height: int


def pdf_images(pdf: Path) -> list[PdfImage]:
    """Raster images embedded in the PDF (vector drawings are not listed)."""
    images = []
    for line in _tool(["pdfimages", "-list", str(pdf)]).splitlines()[2:]:
        cols = line.split()
        if len(cols) >= 5 and cols[0].isdigit():
            images.append(PdfImage(int(cols[0]), cols[2], int(cols[3]), int(cols[4])))
    return images


def squash(text: str) -> str:
    """Text with nothing layout can change: no whitespace, no hyphens (LaTeX
    hyphenates table cells), no continuation marks of wrapped code lines."""
    return _WRAP_MARKS.sub("", _SPACE.sub("", text)).replace("-", "")


def find_in_order(
    haystack: str, needles: Sequence[str], start: int = 0, max_gap: int | None = None
) -> int:
    """Index after the last needle, if each occurs after the previous; else -1.

    Both sides should be :func:`squash`-ed.  With ``max_gap``, at most that
    many characters may separate two needles (room for a footnote mark, or a
    page footer and header where a listing breaks across pages); every
    occurrence of the first needle is tried.
    """
    if not needles:
        return start
    first = haystack.find(needles[0], start)
    while first >= 0:
        position = first + len(needles[0])
        for needle in needles[1:]:
            found = haystack.find(needle, position)
            if found < 0:
                return -1
            if max_gap is not None and found - position > max_gap:
                break
            position = found + len(needle)
        else:
            return position
        first = haystack.find(needles[0], first + 1)
    return -1


# -- Reading the epub -------------------------------------------------------------


def epub_documents(epub: Path) -> dict[str, str]:
    """The XHTML documents of an epub, by their name inside the archive."""
    with zipfile.ZipFile(epub) as archive:
        return {
            name: archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.endswith((".xhtml", ".html"))
        }
