"""The PDF reads as a book: toctree captions become parts; xindy works on RTD."""

from __future__ import annotations

FILES = {
    "index.md": """\
        # Book

        ```{toctree}
        :caption: The guide

        one
        ```

        ```{toctree}
        :caption: Writer's guide

        two
        ```
        """,
    "one.md": "# One\n\nText.\n",
    "two.md": "# Two\n\nText.\n",
}
CONF = """\
latex_engine = "xelatex"
latex_documents = [("index", "book.tex", "Book", "Me", "manual")]
"""


def test_captioned_root_toctrees_become_parts(build_site) -> None:
    built = build_site(FILES, "latex", conf=CONF)
    tex = built.read("book.tex")
    guide, writers = tex.index(r"\part{The guide}"), tex.index(r"\part{Writer’s guide}")
    assert guide < tex.index(r"\chapter{One}") < writers < tex.index(r"\chapter{Two}")
    # Read the Docs runs latexmk without Sphinx's Makefile: xindy still gets
    # sphinx.xdy, or the PDF would have no index.
    rc = built.read("latexmkrc")
    assert (
        rc.startswith("$ENV{'XINDYOPTS'} //= ")
        and "-M sphinx.xdy" in rc.splitlines()[0]
    )


def test_parts_can_be_turned_off(build_site) -> None:
    built = build_site(FILES, "latex", conf=CONF + "versus_latex_parts = False\n")
    assert r"\part{" not in built.read("book.tex")
