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
