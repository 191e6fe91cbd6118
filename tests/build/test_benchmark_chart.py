"""benchmark-chart: every builder, determinism, the cache, lazy matplotlib."""

from __future__ import annotations

import re
import subprocess
import sys
from typing import TYPE_CHECKING

from bs4 import BeautifulSoup
from sphinx.cmd.build import build_main

from sphinx_versus.benchmarks.chart import cache, drawing
from tests.paths import DOCS, ROOT

if TYPE_CHECKING:
    from pathlib import Path

    from tests.plugin import Built

CSV = (DOCS / "data" / "benchmarks.csv").read_bytes()

PAGE = """\
# Charts

```{benchmark-chart} /data/benchmarks.csv
:caption: Rust relative to *Go*
:name: the-chart
```

```{benchmark-chart} data/benchmarks.csv
:alt: A hand-written description.
```

See {numref}`the-chart`.
"""

FILES: dict[str, str | bytes] = {"index.md": PAGE, "data/benchmarks.csv": CSV}
CONF = "numfig = True\n"


def rebuild(build_site, previous: Built, buildername="html", **kwargs) -> Built:
    """Build again in the same tree (sphinx.testing apps share global state)."""
    previous.app.cleanup()
    return build_site({}, buildername, srcdir=previous.srcdir, **kwargs)


def test_html_shows_two_cached_svg_files_with_one_accessible_name(build_site):
    built = build_site(FILES, conf=CONF)
    html = built.read("index.html")
    soup = BeautifulSoup(html, "html.parser")
    first, second = soup.find_all("figure", class_="versus-chart")
    assert first["id"] == "the-chart"
    assert "Fig. 1" in first.find("figcaption").get_text()
    assert first.find("figcaption").find("em").get_text() == "Go"
    assert soup.find("a", class_="reference", href="#the-chart").get_text() == (
        "Fig. 1"
    )

    # A <picture>: the wide drawing from 44em up, the narrow one below; files
    # the browser caches, fetched when they scroll into view.
    picture = first.find("picture")
    source, img = picture.find("source"), picture.find("img")
    assert source["media"] == "(min-width: 44em)"
    assert source["srcset"].endswith("-wide.svg")
    assert img["src"].endswith("-narrow.svg")
    assert img["loading"] == "lazy"
    assert int(img["width"]) > 0 and int(img["height"]) > 0
    assert first.find("svg") is None, "the chart is a file, not inline"
    # The accessible name is the text alternative stating every figure.
    alt = img["alt"]
    assert alt.startswith("Bar chart of Rust relative to Go")
    for figure in (
        "Go 150K–200K, Rust 200K–300K; Rust 1.4× faster",
        "(µs, lower is better): Go ~45, Rust ~20; Rust 2.3× faster",
        "Go ~5, Rust ~60; Rust 12× slower",
    ):
        assert figure in alt
    assert second.find("img")["alt"] == "A hand-written description."

    for name in (source["srcset"], img["src"]):
        svg = (built.outdir / name).read_text("utf-8")
        assert svg.startswith("<?xml")
        assert f'<title id="c-title">{alt[:30]}' in svg.replace("&#x27;", "'")
        # Dark ink on no ground: CSS inverts it for dark mode.
        assert drawing.PRINT_INK in svg
        assert "currentColor" not in svg
        assert "background-color" not in svg
        refs = re.findall(r'(?:href="#|url\(#)([^")]+)', svg)
        assert refs
        assert set(refs) <= set(re.findall(r'\bid="([^"]+)"', svg))
    # The same drawing with another text alternative (its <title>): its own
    # files, named by the drawing and the text.
    other = second.find("img")["src"]
    assert other != img["src"]
    assert other.split("-")[:-2] == img["src"].split("-")[:-2]
    assert "_static/versus.css" in html


def test_latex_epub_text_man_texinfo(build_site):
    built = build_site(FILES, "latex", conf=CONF)
    (tex,) = built.outdir.glob("*.tex")
    body = tex.read_text("utf-8")
    match = re.search(
        r"\\sphinxincludegraphics\[width=\\linewidth,height=0\.5\\textheight,"
        r"keepaspectratio\]\{\{(versus-chart-\w+)\}\.pdf\}",
        body,
    )
    assert match
    pdf = built.outdir / f"{match[1]}.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert pdf.stat().st_mode & 0o777 == 0o644  # readable, like other images
    assert r"\caption{Rust relative to \sphinxstyleemphasis{Go}}" in body
    assert r"\label{\detokenize{index:the-chart}}" in body

    epub = rebuild(
        build_site, built, "epub", conf=CONF + 'epub_copyright = "x"\nversion = "1"\n'
    )
    soup = BeautifulSoup(epub.read("index.xhtml"), "html.parser")
    images = soup.find_all("img", class_="versus-chart-image")
    assert len(images) == 2
    assert images[0]["alt"].startswith("Bar chart of Rust relative to Go")
    svg = (epub.outdir / images[0]["src"]).read_text("utf-8")
    assert svg.startswith("<?xml")
    assert "background-color: #ffffff" in svg
    assert "currentColor" not in svg
    assert "<title" in svg

    text = rebuild(build_site, epub, "text", conf=CONF).read("index.txt")
    assert "[Chart: Bar chart of Rust relative to Go" in text
    assert "[Chart: A hand-written description.]" in text
    assert "Rust relative to *Go*" in text  # the caption

    man = rebuild(build_site, epub, "man", conf=CONF)
    (page,) = man.outdir.glob("*.1")
    # roff escapes the hyphen of the text it is given: \-
    man_text = page.read_text("utf-8").replace("\\-", "-")
    assert "[Chart: A hand-written description.]" in man_text

    texinfo = rebuild(build_site, man, "texinfo", conf=CONF)
    (info,) = texinfo.outdir.glob("*.texi")
    assert "[Chart: A hand-written description.]" in info.read_text("utf-8")


def test_two_clean_builds_give_identical_bytes(build_site, tmp_path):
    outputs = []
    previous = None
    for name in ("one", "two"):
        if previous is not None:
            previous.app.cleanup()
        html = build_site(FILES, srcdir=tmp_path / name, conf=CONF)
        html.app.cleanup()
        latex = build_site(FILES, "latex", srcdir=tmp_path / name, conf=CONF)
        previous = latex
        pdfs = sorted(latex.outdir.glob("versus-chart-*.pdf"))
        assert pdfs
        outputs.append(
            (html.read("index.html"), [(p.name, p.read_bytes()) for p in pdfs])
        )
    assert outputs[0] == outputs[1]


def test_an_unchanged_chart_is_not_drawn_again(build_site, monkeypatch):
    calls: list[str] = []
    real = drawing.render_chart

    def counting(spec, fmt, variant="wide"):
        calls.append(f"{fmt}-{variant}")
        return real(spec, fmt, variant)

    monkeypatch.setattr(drawing, "render_chart", counting)
    first = build_site(FILES, conf=CONF)
    # two charts, one content: one drawing per layout
    assert sorted(calls) == ["svg-narrow", "svg-wide"]
    folder = cache.cache_dir(first.app.outdir, first.app.doctreedir)
    cached = sorted(p.name for p in folder.iterdir())
    assert [p.split("-", 1)[1] for p in cached] == [
        "narrow-svg.chart",
        "wide-svg.chart",
    ]

    # A fresh environment re-reads and rewrites the page; the drawing comes
    # from the cache, so matplotlib is not even needed.
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    again = rebuild(build_site, first, conf=CONF, freshenv=True)
    assert sorted(calls) == ["svg-narrow", "svg-wide"]
    assert again.read("index.html") == first.read("index.html")


def test_missing_matplotlib_is_a_located_warning(build_site, monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    page = PAGE + "\n```{benchmark-chart} data/benchmarks.csv\n:baseline: C\n```\n"
    built = build_site(
        {"index.md": page, "data/benchmarks.csv": CSV},
        conf=CONF,
        warnings_ok=True,
    )
    warnings = [
        re.sub(r"^.*?/src/", "", line)
        for line in built.warnings.splitlines()
        if "WARNING" in line
    ]
    assert warnings == [
        "index.md:15: WARNING: benchmark-chart: data/benchmarks.csv: :baseline: "
        "'C' is not a system in the file; the known systems are 'Go', 'Rust' "
        "[versus.benchmark]",
        "index.md:3: WARNING: benchmark-chart: matplotlib is not installed, so "
        "benchmark charts cannot be drawn; install it with: pip install "
        '"sphinx-versus[charts]"; the chart\'s text alternative is shown '
        "instead [versus.chart]",
    ]
    assert "Traceback" not in built.warnings
    soup = BeautifulSoup(built.read("index.html"), "html.parser")
    alts = [p.get_text() for p in soup.find_all("p", class_="versus-chart-alt")]
    assert len(alts) == 2
    assert alts[1] == "A hand-written description."


LAZY = """\
import sys
from pathlib import Path

import sphinx_versus  # noqa: F401
from sphinx.cmd.build import build_main

src = Path(sys.argv[1])
code = build_main(["-q", "-W", "-b", "html", str(src), str(src / "_build")])
assert code == 0, code
assert "matplotlib" not in sys.modules, "matplotlib was imported"
print("ok")
"""


def test_matplotlib_is_imported_only_to_draw(tmp_path: Path):
    src = tmp_path / "src"
    (src / "data").mkdir(parents=True)
    (src / "data" / "benchmarks.csv").write_bytes(CSV)
    (src / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_versus"]\n', "utf-8"
    )
    (src / "index.md").write_text(
        "# Table only\n\n```{benchmark-table} data/benchmarks.csv\n```\n", "utf-8"
    )
    result = subprocess.run(
        [sys.executable, "-c", LAZY, str(src)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_parallel_build_matches_serial(tmp_path: Path):
    src = tmp_path / "src"
    (src / "data").mkdir(parents=True)
    (src / "data" / "benchmarks.csv").write_bytes(CSV)
    (src / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_versus"]\n', "utf-8"
    )
    pages = [f"p{i}" for i in range(8)]
    toctree = "\n".join(pages)
    (src / "index.md").write_text(f"# Home\n\n```{{toctree}}\n{toctree}\n```\n")
    for i, name in enumerate(pages):
        systems = ":systems: Rust, Go\n" if i % 2 else ""
        page = (
            f"# Page {i}\n\n"
            f"```{{benchmark-chart}} data/benchmarks.csv\n{systems}```\n\n"
            f"```{{benchmark-table}} data/benchmarks.csv\n{systems}```\n"
        )
        (src / f"{name}.md").write_text(page, "utf-8")
    results = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"out-{jobs}"
        args = ["-q", "-W", "-j", jobs, "-b", "html", "-d", str(out / ".doctrees")]
        assert build_main([*args, str(src), str(out)]) == 0
        results[jobs] = {p: (out / f"{p}.html").read_bytes() for p in pages}
    assert results["1"] == results["2"]
