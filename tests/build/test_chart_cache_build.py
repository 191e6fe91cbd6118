"""The chart cache in real builds: damaged entries, strays, the writer's own
files, and what an epub packs (issue 23, items 8, 9 and 14)."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from typing import TYPE_CHECKING

from sphinx_versus.benchmarks.chart import cache
from tests.paths import DOCS, ROOT

if TYPE_CHECKING:
    from pathlib import Path

CSV = (DOCS / "data" / "benchmarks.csv").read_bytes()
PAGE = "# Charts\n\n```{benchmark-chart} data/benchmarks.csv\n```\n"
FILES: dict[str, str | bytes] = {"index.md": PAGE, "data/benchmarks.csv": CSV}


def _entries(built) -> list[Path]:
    folder = cache.cache_dir(built.app.outdir, built.app.doctreedir)
    return sorted(folder.glob(f"*{cache.SUFFIX}"))


def _charts(built) -> dict[str, bytes]:
    images = built.outdir / "_images"
    return {p.name: p.read_bytes() for p in sorted(images.glob("versus-chart-*"))}


def test_damaged_entries_are_drawn_again_not_published(build_site):
    first = build_site(FILES)
    published = _charts(first)
    wide, narrow = sorted(_entries(first), key=lambda p: "narrow" in p.name)
    wide.write_bytes(b"")  # emptied
    narrow.write_bytes(narrow.read_bytes()[:-200])  # truncated
    # and an output file that a crash left half-written
    name = next(iter(published))
    (first.outdir / "_images" / name).write_bytes(published[name][:100])
    first.app.cleanup()
    again = build_site({}, srcdir=first.srcdir, freshenv=True)  # no warnings
    assert _charts(again) == published
    for entry in _entries(again):
        assert cache.read_entry(entry) is not None


def test_stray_temporary_files_are_removed(build_site):
    first = build_site(FILES)
    folder = cache.cache_dir(first.app.outdir, first.app.doctreedir)
    strays = [
        folder / f"{cache.TMP_PREFIX}crashed.tmp",
        first.outdir / "_images" / f"{cache.TMP_PREFIX}crashed.tmp",
    ]
    for stray in strays:
        stray.write_bytes(b"<svg")
    first.app.cleanup()
    build_site({}, srcdir=first.srcdir, freshenv=True)
    assert not [s for s in strays if s.exists()]


def test_the_old_caches_bare_drawings_are_removed(build_site):
    """They sat beside the doctrees, which an epub built into the same folder
    packed; only the old entries' names go, nothing else there."""
    first = build_site(FILES)
    legacy = first.app.doctreedir / "versus-charts"
    legacy.mkdir(exist_ok=True)
    old = [legacy / f"{'a' * 32}.svg", legacy / f"{'a' * 32}-narrow.svg"]
    kept = legacy / "notes.svg"
    for path in (*old, kept):
        path.write_text("<svg/>")
    first.app.cleanup()
    build_site({}, srcdir=first.srcdir)
    assert not [p for p in old if p.exists()]
    assert kept.exists()


def test_pruning_keeps_the_writers_own_chart_named_files(build_site, tmp_path):
    """``_images/versus-chart-*.svg`` matched the pattern pruning deleted."""
    own = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        '<rect width="10" height="10"/></svg>'
    )
    files = {
        **FILES,
        "index.md": PAGE + "\n![mine](versus-chart-mine.svg)\n",
        "versus-chart-mine.svg": own,
        "versus-chart-0123456789abcdef0123456789abcdef-wide.svg": own,
    }
    files["index.md"] += (
        "\n![mine too](versus-chart-0123456789abcdef0123456789abcdef-wide.svg)\n"
    )
    first = build_site(files)
    before = _charts(first)
    assert "versus-chart-mine.svg" in before
    # Change the chart: its old files go, the writer's stay.
    first.app.cleanup()
    csv = CSV.replace(b"~45", b"~46")
    second = build_site({"data/benchmarks.csv": csv}, srcdir=first.srcdir)
    after = _charts(second)
    assert after["versus-chart-mine.svg"] == before["versus-chart-mine.svg"]
    assert "versus-chart-0123456789abcdef0123456789abcdef-wide.svg" in after
    ours = {n for n in before if re.fullmatch(r"versus-chart-[0-9a-f]{32}-.*", n)}
    ours.discard("versus-chart-0123456789abcdef0123456789abcdef-wide.svg")
    assert len(ours) == 2
    assert not ours & after.keys(), "the old drawing's files stay"
    assert len(after) == len(before), "the new drawing's files are missing"


def test_a_plain_epub_build_packs_no_cache_entry(tmp_path: Path):
    """``sphinx-build -b epub SRC OUT`` keeps the doctrees in ``OUT``: the
    book packed the cache's SVG fragments, each a fatal epubcheck error."""
    src = tmp_path / "src"
    (src / "data").mkdir(parents=True)
    (src / "data" / "benchmarks.csv").write_bytes(CSV)
    (src / "index.md").write_text(PAGE, "utf-8")
    (src / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_versus"]\nproject = "p"\n'
        'version = "1"\nepub_copyright = "x"\n',
        "utf-8",
    )
    out = tmp_path / "OUT"
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-b", "epub", str(src), str(out)],
        capture_output=True, text=True, cwd=ROOT, timeout=600, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "versus-charts" not in result.stderr  # no "unknown mimetype" of ours
    (book,) = out.glob("*.epub")
    names = zipfile.ZipFile(book).namelist()
    charts = [n for n in names if "versus-chart" in n]
    assert len(charts) == 1
    assert re.fullmatch(r"_images/versus-chart-[0-9a-f]{32}\.svg", charts[0])
    assert not [n for n in names if "doctrees" in n or n.endswith(cache.SUFFIX)]
    assert not list(out.rglob(f"*{cache.SUFFIX}"))
    assert len(list((tmp_path / ".versus-charts").glob(f"*{cache.SUFFIX}"))) == 2
