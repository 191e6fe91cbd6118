"""The extension as a whole: metadata, parallel safety, assets per builder."""

from __future__ import annotations

import sphinx_versus


def test_setup_metadata(build_site):
    built = build_site({"index.md": "# Home\n"})
    ext = built.app.extensions["sphinx_versus"]
    assert ext.version == sphinx_versus.__version__
    assert ext.parallel_read_safe is True
    assert ext.parallel_write_safe is True


def test_assets_only_for_html(build_site):
    html = build_site({"index.md": "# Home\n"}).read("index.html")
    assert "versus-tabs.js" in html
    assert "versus-tables.css" in html


def test_no_assets_for_text(build_site):
    built = build_site({"index.md": "# Home\n"}, "text")
    assert not (built.outdir / "_static").exists()


def test_toctree_captions_get_an_aria_level(build_site):
    """Sphinx omits aria-level on role=heading captions (sphinx#14030)."""
    files = {
        "index.md": "# Home\n\n```{toctree}\n:caption: The guide\n\npage\n```\n",
        "page.md": "# Page\n",
    }
    confs = {
        "furo": "html_theme = 'furo'\n",
        "basic": "html_theme = 'basic'\nhtml_sidebars = {'**': ['globaltoc.html']}\n",
    }
    for theme, conf in confs.items():
        html = build_site(files, conf=conf).read("page.html")
        assert 'role="heading"' in html, theme
        assert html.count('role="heading"') == html.count(
            'role="heading" aria-level="2"'
        ), theme
