"""The extension as a whole: metadata, parallel safety, assets per builder."""

from __future__ import annotations

import sphinx_versus


def test_setup_metadata(build_site):
    built = build_site({"index.md": "# Home\n"})
    ext = built.app.extensions["sphinx_versus"]
    assert ext.version == sphinx_versus.__version__
    assert ext.parallel_read_safe is True
    assert ext.parallel_write_safe is True


PAIR = "````{code-compare}\n```go\nx := 1\n```\n```rust\nlet x = 1;\n```\n````\n"


def test_assets_only_on_pages_that_use_them(build_site):
    built = build_site(
        {"index.md": "# Home\n\n" + PAIR, "plain.md": "---\norphan: true\n---\n# P\n"}
    )
    html = built.read("index.html")
    assert html.count("_static/versus.js") == 1
    assert html.count("_static/versus.css") == 1
    # A page holding nothing the extension made links none of its files.
    assert "versus" not in built.read("plain.html").split("<body")[0]


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


def test_rebuild_does_not_report_a_config_change(build_site):
    """The static folder is added without touching ``html_static_path``.

    Appending to the user's ``html_static_path`` made the pickled config differ
    from ``conf.py`` on every run, so each incremental build said "The
    configuration has changed" and re-read every page.
    """
    files = {
        "index.md": "# Home\n\n```{toctree}\nother\n```\n",
        "other.md": "# Other\n",
    }
    # sphinx.testing swaps alabaster for "basic" after reading conf.py, which
    # would itself look like a config change; an override keeps the theme.
    # sphinx-design appends to html_static_path itself, so it is left out.
    overrides = {
        "html_theme": "alabaster",
        "extensions": ["myst_parser", "sphinx_versus"],
    }
    build_site(files, confoverrides=overrides)
    second = build_site({}, confoverrides=overrides)  # the pages untouched
    status = second.app.status.getvalue()
    assert "configuration has changed" not in status.lower(), status
    assert "html_static_path" not in status, status
    # Nothing changed, so nothing is read again; the static files are still there.
    assert "0 added, 0 changed, 0 removed" in status, status
    for static in ("versus.js", "versus.css"):
        assert (second.outdir / "_static" / static).is_file()
    assert second.app.config.html_static_path == []


def test_another_themes_dark_marker(build_site):
    built = build_site(
        {"index.md": "# Home\n\n" + PAIR},
        confoverrides={"versus_dark_selector": "html.night"},
    )
    assert "_static/versus-dark.css" in built.read("index.html")
    rule = (built.outdir / "_static" / "versus-dark.css").read_text("utf-8")
    assert rule.startswith(":is(html.night) :is(.versus-code-compare,")
    assert "color-scheme:dark" in rule


def test_a_dark_selector_cannot_inject_css(build_site):
    built = build_site(
        {"index.md": "# Home\n\n" + PAIR},
        confoverrides={"versus_dark_selector": "html}body{display:none"},
        warnings_ok=True,
    )
    assert "versus_dark_selector" in built.warnings
    assert not (built.outdir / "_static" / "versus-dark.css").exists()
