"""sphinx-tabs pages come out as labelled sequential blocks outside HTML.

sphinx-tabs shapes its doctree while reading, for the builder that reads it
(sphinx-tabs #150).  Read the Docs builds HTML and then LaTeX from the same
pickled doctrees, which used to print every tab label and then every panel.
sphinx_versus.interop.sphinx_tabs rewrites both shapes; these tests build
in that order and fresh, and require the same labelled interleaving from both.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from tests.plugin import Built

ROOT = Path(__file__).resolve().parents[1] / "roots" / "code_compare"
FILES: dict[str, str | bytes] = {"index.rst": (ROOT / "tabs.rst").read_bytes()}
CONF = (ROOT / "extra_conf.py").read_text("utf-8")

# Tab labels, each followed by its own panel's content, in document order.
LATEX_ORDER = (
    r"\sphinxSetupCaptionForVerbatim{Go}",
    "go tab",
    r"\sphinxSetupCaptionForVerbatim{Rust}",
    "rust tab",
    r"\sphinxstylestrong{Linux}",
    "Install with apt.",
    r"\sphinxstylestrong{macOS}",
    "Install with brew.",
    r"\sphinxstylestrong{Apples}",
    "Apples are red.",
    r"\sphinxstylestrong{Inner A}",
    "Inner text A.",
    r"\sphinxstylestrong{Inner B}",
    "Inner text B.",
    r"\sphinxstylestrong{Pears}",
    "Pears are green.",
    r"\sphinxSetupCaptionForVerbatim{Python — script.py}",
    "captioned tab",
)
TEXT_ORDER = (
    "Go\n\n",
    'fmt.Println("go tab")',
    "Rust\n\n",
    'println!("rust tab");',
    "**Linux**\n\nInstall with apt.",
    "**macOS**\n\nInstall with brew.",
    "**Apples**\n\nApples are red.",
    "**Inner A**\n\nInner text A.",
    "**Inner B**\n\nInner text B.",
    "**Pears**\n\nPears are green.",
    "Python — script.py\n\n",
    'print("captioned tab")',
)


def in_order(text: str, needles: tuple[str, ...]) -> None:
    position = 0
    for needle in needles:
        found = text.find(needle, position)
        assert found >= 0, f"{needle!r} not found after offset {position}:\n{text}"
        position = found + len(needle)


def tex(built: Built) -> str:
    (path,) = built.outdir.glob("*.tex")
    text = path.read_text("utf-8")
    return text[text.index(r"\begin{document}") :]


def check_latex(body: str) -> None:
    in_order(body, LATEX_ORDER)
    labels = "Go|Rust|Linux|macOS|Apples|Inner A|Inner B|Pears"
    assert not re.search(rf"\\(sub)*section\*?\{{({labels})\}}", body)
    # Code panels are highlighted listings, not loose paragraphs.
    assert body.count(r"\begin{sphinxVerbatim}") == 3


def roles(built: Built) -> set[str]:
    doctree = built.app.env.get_doctree("index")
    return {n["role"] for n in doctree.findall(nodes.Element) if "role" in n}


def test_html_then_latex_and_text_share_doctrees(build_site, tmp_path: Path) -> None:
    html = build_site(FILES, "html", conf=CONF)
    html.app.cleanup()
    latex = build_site({}, "latex", conf=CONF, srcdir=html.srcdir)
    # The LaTeX build really reused the HTML-shaped doctree (the bug's setting).
    assert "0 added, 0 changed, 0 removed" in latex.app.status.getvalue()
    assert {"tablist", "tab", "tabpanel"} <= roles(latex)
    check_latex(tex(latex))
    latex.app.cleanup()

    text = build_site({}, "text", conf=CONF, srcdir=html.srcdir)
    assert "0 added, 0 changed, 0 removed" in text.app.status.getvalue()
    in_order(text.read("index.txt"), TEXT_ORDER)
    text.app.cleanup()

    # A fresh LaTeX build reads sphinx-tabs' other shape; the PDF is the same.
    fresh = build_site(FILES, "latex", conf=CONF, srcdir=tmp_path / "fresh")
    assert not roles(fresh)
    assert tex(fresh) == tex(latex)


def test_fresh_text_build(build_site) -> None:
    in_order(build_site(FILES, "text", conf=CONF).read("index.txt"), TEXT_ORDER)


def test_html_keeps_sphinx_tabs_widget(build_site) -> None:
    """The fix stays out of HTML: sphinx-tabs' own widget is untouched."""
    html = build_site(FILES, "html", conf=CONF).read("index.html")
    assert html.count('role="tablist"') == 5
    assert "versus-tab-label" not in html


def test_epub_reusing_html_doctrees_shows_every_panel(build_site) -> None:
    """epub readers rarely run scripts: hidden panels would be lost there."""
    html = build_site(FILES, "html", conf=CONF)
    html.app.cleanup()
    epub = build_site({}, "epub", conf=CONF, srcdir=html.srcdir)
    page = epub.read("index.xhtml")
    assert "hidden" not in page
    assert 'role="tab"' not in page
    in_order(
        page,
        (
            '<span class="caption-text">Go</span>',
            "go tab",
            '<span class="caption-text">Rust</span>',
            "rust tab",
            "<strong>Linux</strong>",
            "Install with apt.",
            "<strong>Pears</strong>",
            "Pears are green.",
        ),
    )
