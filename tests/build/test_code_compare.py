"""code-compare: doctree shape, the HTML tab widget, other builders, bad input.

The fixture project in tests/roots/code_compare/ has a MyST page (index.md,
with literalinclude regions of code/hello.go and code/hello.rs) and a reST page
(rest.rst).  Bad input is written inline below, where its line numbers show.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from docutils import nodes

from sphinx_versus.code_compare.languages import display_name, language_keys, sync_key

if TYPE_CHECKING:
    from tests.plugin import Built

ROOT = Path(__file__).resolve().parents[1] / "roots" / "code_compare"
PAGES = ("index.md", "rest.rst", "code/hello.go", "code/hello.rs")
FILES: dict[str, str | bytes] = {name: (ROOT / name).read_bytes() for name in PAGES}
CONF = (ROOT / "extra_conf.py").read_text("utf-8")


def normalised(text: str, srcdir: Path) -> str:
    """A doctree dump without machine paths and docutils/Sphinx version noise."""
    text = text.replace(str(srcdir), "<src>")
    return re.sub(r' translation_progress="[^"]*"', "", text)


def in_order(text: str, *needles: str) -> None:
    """Assert that every needle occurs in text, each after the previous one."""
    position = 0
    for needle in needles:
        found = text.find(needle, position)
        assert found >= 0, f"{needle!r} not found after offset {position}"
        position = found + len(needle)


def again(build_site, previous: Built, *args, **kwargs) -> Built:
    """Build once more in the same tree; sphinx.testing apps share global state."""
    previous.app.cleanup()
    return build_site(*args, srcdir=previous.srcdir, **kwargs)


def pair(head: str = "", go: str = "x := 1", rust: str = "let x = 1;") -> str:
    """A MyST code-compare of one Go and one Rust line; *head* is its title
    and option lines."""
    return f"````{{code-compare}}{head}\n```go\n{go}\n```\n```rust\n{rust}\n```\n````\n"


def tex(built: Built) -> str:
    """The document body of the single .tex file a LaTeX build wrote."""
    (path,) = built.outdir.glob("*.tex")
    text = path.read_text("utf-8")
    return text[text.index(r"\begin{document}") :]


# -- language names and sync keys ----------------------------------------------


@pytest.mark.parametrize(
    ("name", "key"),
    [("Go", "go"), ("C++", "cpp"), ("C#", "csharp"), (" Objective C ", "objective-c")],
)
def test_sync_key(name: str, key: str) -> None:
    assert sync_key(name) == key


def test_display_name_prefers_config_then_pygments() -> None:
    class Config:
        versus_languages = {"Go": "Golang"}  # noqa: RUF012

    config = Config()
    assert display_name("go", config) == "Golang"  # type: ignore[arg-type]
    assert display_name("rs", config) == "Rust"  # type: ignore[arg-type]
    assert display_name("hs", config) == "Haskell"  # type: ignore[arg-type]
    assert display_name("ocaml", config) == "OCaml"  # type: ignore[arg-type]
    assert display_name("nosuchlang", config) == "Nosuchlang"  # type: ignore[arg-type]
    keys = language_keys(config).split()  # type: ignore[arg-type]
    assert keys == sorted(set(keys))
    assert {"golang", "rust", "cpp", "csharp", "shell"} <= set(keys)


# -- doctree -------------------------------------------------------------------


def code_compares(doctree) -> str:
    """The pformat of every code-compare, without the rest of the page."""
    roots = doctree.findall(
        lambda n: (
            isinstance(n, nodes.container) and "versus-code-compare" in n["classes"]
        )
    )
    return "".join(root.pformat() for root in roots)


def test_doctree_before_and_after_html_transform(build_site, file_regression) -> None:
    built = build_site(FILES, conf=CONF)
    env, builder = built.app.env, built.app.builder
    for docname in ("index", "rest"):
        read = code_compares(env.get_doctree(docname))
        file_regression.check(
            normalised(read, built.srcdir), basename=f"{docname}_read", extension=".xml"
        )
        html = env.get_and_resolve_doctree(docname, builder, tags=builder.tags)
        file_regression.check(
            normalised(code_compares(html), built.srcdir),
            basename=f"{docname}_html",
            extension=".xml",
        )


# -- HTML ----------------------------------------------------------------------


def test_html_is_a_wai_aria_tab_widget(build_site) -> None:
    built = build_site(FILES, conf=CONF)
    soup = BeautifulSoup(built.read("index.html"), "html.parser")
    all_ids = [tag["id"] for tag in soup.select("[id]")]
    assert len(all_ids) == len(set(all_ids))
    assert soup.select_one('script[src*="copybutton.js"]')

    roots = soup.select("div.versus-code-compare")
    assert [r.get("id") for r in roots] == [None, "hello-world"]
    assert "versus-layout-tabs" in roots[0]["class"]
    assert "versus-layout-side-by-side" in roots[1]["class"]
    labels, syncs = [], []
    for root in roots:
        tablist = root.select_one('div.versus-code-compare-bar > [role="tablist"]')
        tabs = tablist.select('[role="tab"]')
        panels = root.select('div.versus-panels > [role="tabpanel"]')
        assert len(tabs) == len(panels) >= 2
        for index, (tab, panel) in enumerate(zip(tabs, panels, strict=True)):
            selected = index == 0
            assert tab.name == "button"
            assert tab["type"] == "button"
            assert tab["aria-selected"] == ("true" if selected else "false")
            assert tab["tabindex"] == ("0" if selected else "-1")
            assert soup.find(id=tab["aria-controls"]) is panel
            assert panel["aria-labelledby"] == tab["id"]
            assert panel["tabindex"] == "0"
            # The selected tab's panel shows; the others are hidden until chosen
            # (versus.css shows every panel where scripting is off).
            assert panel.has_attr("hidden") is not selected
            assert panel["data-versus-sync"] == tab["data-versus-sync"]
            # sphinx-copybutton's selector, and no caption duplicating the tab.
            assert panel.select_one("div.highlight > pre")
            assert not panel.select(".code-block-caption")
            label = panel.select_one("div.versus-panel-label")
            assert label.get_text() == tab.get_text()
        labels.append([t.get_text() for t in tabs])
        syncs.append([t["data-versus-sync"] for t in tabs])
    assert labels == [["Go", "Rust (HashMap)"], ["Go", "Rust", "Python"]]
    assert syncs == [["go", "rust"], ["go", "rust", "python"]]
    first_tablist = roots[0].select_one('[role="tablist"]')
    assert first_tablist["aria-label"] == "Counting words"
    assert roots[1].select_one('[role="tablist"]')["aria-label"] == "Code comparison"
    assert first_tablist.select('[role="tab"]')[1].select_one("code")
    assert roots[0].select_one("p.rubric.versus-code-compare-title em").text == "words"
    # literalinclude options survive: the region and :emphasize-lines: 2.
    rust = roots[0].select('[role="tabpanel"]')[1]
    assert "HashMap::new" in rust.select_one("span.hll").get_text()
    assert "fn main" not in rust.get_text()


def test_html_labels_are_text_not_markup(build_site) -> None:
    built = build_site(FILES, conf=CONF)
    html = built.read("rest.html")
    soup = BeautifulSoup(html, "html.parser")
    root = soup.select_one("div.versus-code-compare")
    assert "extra-class" in root["class"]
    tabs = root.select('[role="tab"]')
    assert [t.get_text() for t in tabs] == ["Go", "With ? <b>not html</b>"]
    assert [t["data-versus-sync"] for t in tabs] == ["go", "rust"]
    assert "&lt;b&gt;not html&lt;/b&gt;" in html
    assert not root.select("b")


def test_html_is_byte_identical_across_builds(build_site) -> None:
    first = build_site(FILES, conf=CONF)
    before = {name: first.read(name) for name in ("index.html", "rest.html")}
    second = again(build_site, first, {}, conf=CONF, freshenv=True)
    assert {name: second.read(name) for name in before} == before


def test_editing_an_included_file_rereads_the_page(build_site) -> None:
    first = build_site(FILES, conf=CONF)
    assert (
        "HashMap::new()" in BeautifulSoup(first.read("index.html"), "html.parser").text
    )
    rust = (ROOT / "code/hello.rs").read_text("utf-8")
    edited = rust.replace("HashMap::new()", "HashMap::with_capacity(8)")
    second = again(build_site, first, {"code/hello.rs": edited}, conf=CONF)
    assert "1 changed" in second.app.status.getvalue()
    text = BeautifulSoup(second.read("index.html"), "html.parser").text
    assert "HashMap::with_capacity(8)" in text
    assert "HashMap::new()" not in text


def test_versus_languages_overrides_labels(build_site) -> None:
    page = """\
        # Page

        ````{code-compare}
        ```go
        x := 1
        ```
        ```haskell
        x = 1
        ```
        ````
        """
    built = build_site({"index.md": page}, conf='versus_languages = {"go": "Golang"}\n')
    soup = BeautifulSoup(built.read("index.html"), "html.parser")
    tabs = soup.select('[role="tab"]')
    assert [(t.get_text(), t["data-versus-sync"]) for t in tabs] == [
        ("Golang", "golang"),
        ("Haskell", "haskell"),
    ]


def test_versus_code_layout_is_the_default_layout(build_site) -> None:
    page = "# Page\n\n" + pair() + "\n" + pair("\n:layout: tabs\n")

    def layouts(conf: str, warnings_ok: bool = False) -> tuple[list[str], str]:
        built = build_site({"index.md": page}, conf=conf, warnings_ok=warnings_ok)
        soup = BeautifulSoup(built.read("index.html"), "html.parser")
        roots = soup.select("div.versus-code-compare")
        found = [c for r in roots for c in r["class"] if c.startswith("versus-layout-")]
        return found, built.warnings

    assert layouts("")[0] == ["versus-layout-tabs"] * 2
    assert layouts('versus_code_layout = "auto"\n')[0] == [
        "versus-layout-auto",
        "versus-layout-tabs",
    ]
    found, warnings = layouts('versus_code_layout = "columns"\n', warnings_ok=True)
    assert found == ["versus-layout-tabs"] * 2
    assert "conf.py:" in warnings
    assert (
        "versus_code_layout: expected one of 'tabs', 'side-by-side', 'auto'; "
        "got 'columns'; using the default, 'tabs'"
    ) in warnings


# -- every other builder -------------------------------------------------------


def check_latex(built: Built) -> None:
    body = tex(built)
    in_order(
        body,
        r"\subsubsection*{Counting \sphinxstyleemphasis{words}}",
        r"\sphinxSetupCaptionForVerbatim{Go}",
        "{range}",
        r"\sphinxSetupCaptionForVerbatim{Rust (\sphinxcode{\sphinxupquote{HashMap}})}",
        "{entry}",
        r"\sphinxSetupCaptionForVerbatim{Go}",
        "{Println}",
        r"\sphinxSetupCaptionForVerbatim{Rust}",
        "{println!}",
        r"\sphinxSetupCaptionForVerbatim{Python}",
        "{print}",
        r"\subsubsection*{Errors}",
        r"\sphinxSetupCaptionForVerbatim{Go}",
        "{err}",
        r"\sphinxSetupCaptionForVerbatim{With \sphinxcode{\sphinxupquote{?}}",
        "{parse}",
    )
    # Labels are listing captions, never headings in the PDF outline.
    assert not re.search(r"\\(sub)*section\{(Go|Rust|Python|With)", body)
    assert r"\subsubsection*{Go}" not in body.split("Other tab widgets")[0]
    assert "tablist" not in body


def check_text(built: Built) -> None:
    index = built.read("index.txt")
    in_order(
        index,
        "Counting *words*",
        "Go\n\n   func count",
        'Rust ("HashMap")\n\n   fn count',
        'Go\n\n   fmt.Println("hello")',
        'Rust\n\n   println!("hello");',
        "Python\n\n   print(",
    )
    in_order(built.read("rest.txt"), "Go\n\n   if err", 'With "?" <b>not html</b>\n\n')


def test_latex_and_text_fresh(build_site, tmp_path: Path) -> None:
    latex = build_site(FILES, "latex", conf=CONF, srcdir=tmp_path / "latex")
    check_latex(latex)
    latex.app.cleanup()
    check_text(build_site(FILES, "text", conf=CONF, srcdir=tmp_path / "text"))


def test_latex_and_text_reusing_html_doctrees(build_site, tmp_path: Path) -> None:
    """Read the Docs: HTML first, then LaTeX from the same pickled doctrees."""
    html = build_site(FILES, "html", conf=CONF)
    latex = again(build_site, html, {}, "latex", conf=CONF)
    assert "0 added, 0 changed, 0 removed" in latex.app.status.getvalue()
    check_latex(latex)
    latex.app.cleanup()
    fresh = build_site(FILES, "latex", conf=CONF, srcdir=tmp_path / "fresh")
    assert tex(latex) == tex(fresh)
    text = again(build_site, latex, {}, "text", conf=CONF)
    assert "0 added, 0 changed, 0 removed" in text.app.status.getvalue()
    check_text(text)


@pytest.mark.parametrize("buildername", ["epub", "man", "texinfo", "singlehtml"])
def test_other_builders(build_site, buildername: str) -> None:
    built = build_site(FILES, buildername, conf=CONF)
    if buildername == "epub":
        page = built.read("index.xhtml")
        assert 'role="tab"' not in page
        in_order(page, '<span class="caption-text">Go</span>', "range")
    elif buildername == "singlehtml":
        soup = BeautifulSoup(built.read("index.html"), "html.parser")
        assert len(soup.select("div.versus-code-compare")) == 3
        ids = [tag["id"] for tag in soup.select("[id]")]
        assert len(ids) == len(set(ids))
    elif buildername == "man":
        (page,) = built.outdir.glob("*.1")
        in_order(page.read_text("utf-8"), "Go", "range", "Rust", "entry")


# -- bad input -----------------------------------------------------------------

BAD_MD = """\
# Bad input

````{code-compare}
```go
a := 1
```
Some prose that does not belong here.
```rust
let a = 1;
```
````

````{code-compare}
```go
only := "one"
```
````

````{code-compare}
```
no language
```
```rust
let b = 2;
```
````

````{code-compare}
```go
x := 1
```
```golang
x := 2
```
````

````{code-compare}
:layout: sideways

```go
x := 1
```
```rust
let x = 1;
```
````

````{code-compare}
```{note}
A note.
```
```go
x := 1
```
```rust
let x = 1;
```
````

```{code-compare}
```
"""

BAD_RST = """\
Bad reST
========

.. code-compare::

   .. code-block:: go

      x := 1

   ::

      plain literal block

   .. code-block:: rust
      :caption: Go

      let x = 1;

.. code-compare::
   :layout: sideways

   .. code-block:: go

      x := 1
"""


def test_bad_input_is_located_and_kept(build_site) -> None:
    built = build_site(
        {"index.md": "# Home\n\n```{toctree}\nbad\nbadrst\n```\n", "bad.md": BAD_MD}
        | {"badrst.rst": BAD_RST},
        warnings_ok=True,
    )
    warnings = built.warnings
    expected = [
        (
            "bad.md:7",
            "code-compare takes only code blocks (fences, code-block, literalinclude), "
            'but found a paragraph ("Some prose that does not belong here."); '
            "move it out of the code-compare",
        ),
        (
            "bad.md:13",
            "code-compare needs at least two code blocks, found 1; add the block "
            "in the other language, or use a plain code block",
        ),
        (
            "bad.md:20",
            "a code block in code-compare has no language; give it a language: "
            "```rust for a fence, '.. code-block:: rust', or ':language: rust' "
            "for literalinclude",
        ),
        (
            "bad.md:32",
            "code-compare has two blocks labelled 'Go' (the first at line 29); "
            "give one of them a different :caption:",
        ),
        (
            "bad.md:37",
            "code-compare: :layout: has 'sideways', which is not valid "
            '("sideways" unknown; choose from "tabs", "side-by-side", or "auto"); '
            "the option is ignored",
        ),
        (
            "bad.md:49",
            "code-compare takes only code blocks (fences, code-block, literalinclude), "
            "but found a note; move it out of the code-compare",
        ),
        ("bad.md:60", "code-compare is empty; put two or more code blocks in it"),
        (
            "badrst.rst:12",
            "a code block in code-compare has no language; give it a language",
        ),
        (
            "badrst.rst:14",
            "code-compare has two blocks labelled 'Go' (the first at line 6)",
        ),
        ("badrst.rst:19", "code-compare: :layout: has 'sideways', which is not"),
        ("badrst.rst:19", "code-compare needs at least two code blocks, found 1"),
    ]
    lines = warnings.splitlines()
    for location, message in expected:
        assert any(location in line and message in line for line in lines), (
            f"no warning {location}: {message}\n{warnings}"
        )
    assert "[versus.code_compare]" in warnings
    assert "Traceback" not in warnings

    # Nothing the writer wrote is dropped: the faulty blocks render untabbed.
    bad = built.read("bad.html")
    text = BeautifulSoup(bad, "html.parser").text
    for kept in ("Some prose that does not", 'only := "one"', "no language", "A note."):
        assert kept in text
    # MyST drops the invalid :layout: and keeps the block, so only it is tabbed.
    tabbed = BeautifulSoup(bad, "html.parser").select("div.versus-code-compare")
    assert [t.select_one("[role=tab]").text for t in tabbed] == ["Go"]
    assert "versus-layout-tabs" in tabbed[0]["class"]
    badrst = BeautifulSoup(built.read("badrst.html"), "html.parser").text
    assert "plain literal block" in badrst
    # reST no longer loses a directive over one bad option value.
    assert badrst.count("x := 1") == 2


def test_rest_and_myst_agree(build_site, tmp_path: Path) -> None:
    """The same comparison in reST and MyST gives the same HTML widget."""
    myst = """\
        # Page

        ````{code-compare} Title
        ```go
        x := 1
        ```
        ```{code-block} rust
        :caption: Safe
        let x = 1;
        ```
        ````
        """
    rest = """\
        Page
        ====

        .. code-compare:: Title

           .. code-block:: go

              x := 1

           .. code-block:: rust
              :caption: Safe

              let x = 1;
        """
    widgets = []
    for name, page in (("index.md", myst), ("index.rst", rest)):
        built = build_site({name: page}, srcdir=tmp_path / name)
        built.app.cleanup()
        soup = BeautifulSoup(built.read("index.html"), "html.parser")
        widgets.append(str(soup.select_one("div.versus-code-compare")))
    assert widgets[0] == widgets[1]
    assert 'role="tab"' in widgets[0]


def test_captions_naming_languages_sync_like_languages(build_site) -> None:
    """Two Dockerfiles captioned Go and Rust follow the reader's Go/Rust choice."""
    page = """\
        # Deploy

        ````{code-compare}
        ```{code-block} dockerfile
        :caption: Go
        FROM golang:1.26-alpine
        ```
        ```{code-block} dockerfile
        :caption: Rust
        FROM rust:1.95-alpine
        ```
        ````

        ````{code-compare}
        ```{code-block} go
        :caption: server.go
        package main
        ```
        ```{code-block} rust
        :caption: server.rs
        fn main() {}
        ```
        ````

        ````{code-compare}
        ```{code-block} go
        :caption: Before
        x := 1
        ```
        ```{code-block} go
        :caption: After
        x := 2
        ```
        ````
        """
    html = build_site({"index.md": page}).read("index.html")
    blocks = BeautifulSoup(html, "html.parser").select("div.versus-code-compare")
    keys = [[t["data-versus-sync"] for t in b.select('[role="tab"]')] for b in blocks]
    assert keys == [["go", "rust"], ["go", "rust"], ["before", "after"]]


def test_named_code_compare_is_a_latex_target(build_site) -> None:
    """{ref} to a code-compare's :name: resolves in the PDF, not only in HTML."""
    page = """\
        # Page

        (intro)=
        ## Intro

        See {ref}`the greeting <greeting>`.

        ````{code-compare} Greeting
        :name: greeting

        ```go
        fmt.Println("hi")
        ```
        ```rust
        println!("hi");
        ```
        ````
        """
    built = build_site({"index.md": page}, "latex")
    tex = next(built.outdir.glob("*.tex")).read_text("utf-8")
    assert r"\label{\detokenize{index:greeting}}" in tex
    assert r"\hyperref[\detokenize{index:greeting}]" in tex


# -- what the tab widget must keep ------------------------------------------------

KEPT_RST = """\
Kept
====

See :ref:`the Rust version <rust-hello>`.

.. code-compare::

   .. code-block:: go
      :caption: Go with `fmt <https://pkg.go.dev/fmt>`_

      fmt.Println("hi")

   .. code-block:: rust
      :caption: Rust
      :name: rust-hello

      println!("hi");
"""


@pytest.fixture
def kept(build_site) -> BeautifulSoup:
    built = build_site({"index.rst": KEPT_RST})
    return BeautifulSoup(built.read("index.html"), "html.parser")


def test_named_block_keeps_its_anchor_on_the_panel(kept: BeautifulSoup) -> None:
    """A ``:name:`` on a code block in code-compare still anchors a {ref}."""
    link = kept.select_one('a.reference.internal[href$="#rust-hello"]')
    assert link is not None and link.get_text() == "the Rust version"
    target = kept.find(id="rust-hello")
    assert target is not None, "the named block's id was dropped"
    panel = (
        target
        if target.get("role") == "tabpanel"
        else target.find_parent(attrs={"role": "tabpanel"})
    )
    assert panel is not None and panel["data-versus-sync"] == "rust"


def test_tab_buttons_hold_no_links_but_panel_labels_do(kept: BeautifulSoup) -> None:
    """A button may not contain a link, so the tab gets the caption's text; the
    label over the panel (shown without JavaScript, side by side) keeps it."""
    go_tab = kept.select('[role="tab"]')[0]
    assert go_tab.get_text() == "Go with fmt"
    assert go_tab.select("a") == []
    go_label = kept.select('[role="tabpanel"]')[0].select_one(".versus-panel-label")
    assert go_label.get_text() == "Go with fmt"
    assert go_label.select_one('a[href="https://pkg.go.dev/fmt"]') is not None


# -- what the reader gets beyond the excerpts (issue 14) ---------------------------

GO_PROGRAM = (
    'package main\n\nfunc main() {\n\tprintln("hi") // [x]\n}\n\n// Output:\n// hi\n'
)
RUST_PROGRAM = 'fn main() {\n    println!("hi"); // [x]\n}\n\n// Output:\n// hi\n'
OUTPUT_PAGE = """\
# Output

````{code-compare} Same output
```{literalinclude} p/main.go
:language: go
:start-at: "// Output:"
```

```{literalinclude} p/main.rs
:language: rust
:start-at: "// Output:"
```
````

````{code-compare} Different output
```{code-block} text
:caption: Go

// Output:
// a long line of Go output that must wrap rather than hide behind a scroll
```

```{code-block} text
:caption: Rust

// Output:
// Rust says it differently
```
````

````{code-compare} First excerpt
```{literalinclude} p/main.go
:language: go
:lines: 3-5
```

```{literalinclude} p/main.rs
:language: rust
:lines: 1-3
```
````

````{code-compare} Second excerpt
```{literalinclude} p/main.go
:language: go
:lines: 4
```

```{literalinclude} p/main.rs
:language: rust
:lines: 2
```
````
"""
OUTPUT_FILES: dict[str, str | bytes] = {
    "index.md": OUTPUT_PAGE,
    "p/main.go": GO_PROGRAM,
    "p/main.rs": RUST_PROGRAM,
}


def test_included_output_is_shown_once_and_output_wraps(build_site):
    built = build_site(OUTPUT_FILES)
    soup = BeautifulSoup(built.read("index.html"), "html.parser")
    same, different, *_ = soup.select("div.versus-code-compare")
    # Included from the programs, the same output is one block, as written.
    assert "versus-output" in same["class"]
    assert same.find(role="tablist") is None
    assert len(same.find_all("pre")) == 1
    # Different output stays tabs, but marked as output (its lines wrap).
    assert "versus-output" in different["class"]
    assert len(different.find_all(role="tab")) == 2
    # Other builders: one listing, captioned with both languages; the three
    # code-compares of excerpts, then the complete programs (two listings and
    # their shared output).
    latex = again(build_site, built, {}, "latex")
    body = tex(latex)
    assert body.count(r"\begin{sphinxVerbatim}") == 2 + 2 + 2 + 1 + 3
    assert r"Go and Rust: the same output" in body


def test_excerpts_offer_the_complete_programs_once_per_page(build_site):
    built = build_site(OUTPUT_FILES)
    soup = BeautifulSoup(built.read("index.html"), "html.parser")
    first, second = soup.select("details.versus-programs")
    # The whole files, read from the files the excerpts come from, collapsed.
    assert first.get("open") is None
    listings = [pre.get_text() for pre in first.find_all("pre")]
    # The program without its output comment, the output once as an output
    # block (both print "hi"); a "// [x]" after code is no region marker.
    go, rust = (
        GO_PROGRAM.expandtabs(4).split("\n\n// Output:")[0] + "\n",
        RUST_PROGRAM.split("\n\n// Output:")[0] + "\n",
    )
    assert listings == [go, rust, "hi\n"]
    assert "// [x]" in listings[0]
    (output,) = first.select("div.versus-output pre")
    assert output.get_text() == "hi\n"
    assert "Go and Rust: the same output" in first.get_text()
    # The same words wherever the block sits: nothing is "above".
    assert first.summary.get_text() == "The complete programs: main.go and main.rs"
    assert second.summary.get_text() == first.summary.get_text()
    downloads = first.select("a.download")
    assert [a.get_text() for a in downloads] == ["main.go", "main.rs"]
    for a in downloads:
        path = Path(built.outdir) / a["href"]
        assert path.read_text("utf-8") in (GO_PROGRAM, RUST_PROGRAM)
    # The second example links to the first instead of repeating the files.
    assert second.find("pre") is None
    assert second.select_one(f'a[href="#{first["id"]}"]') is not None
    assert len(second.select("a.download")) == 2
    # Output blocks offer no programs; the PDF carries the same as the HTML.
    assert soup.select("div.versus-output details") == []
    latex = again(build_site, built, {}, "latex")
    body = tex(latex)
    assert body.count(r"\PYG{k+kn}{package}") == 1
    assert body.count("The complete programs: main.go and main.rs") == 2
    assert body.count("Go and Rust: the same output") == 2  # excerpt, program


def test_panels_carry_the_width_their_code_needs(build_site):
    built = build_site(FILES, conf=CONF)
    soup = BeautifulSoup(built.read("index.html"), "html.parser")
    for panel in soup.select('[role="tabpanel"]'):
        code = panel.find("pre").get_text()
        widest = max(len(line.expandtabs(4)) for line in code.splitlines())
        assert int(panel["data-versus-columns"]) == widest


@pytest.mark.parametrize("marker", ["Output", "Unordered output"])
def test_the_same_output_is_one_block(build_site, marker: str):
    """Output both languages print alike is shown once, labelled with both,
    whether the programs print in order or, concurrent, in any order."""
    block = (
        "```{code-block} text\n:caption: %s\n\n// " + marker + ":\n// 2\n// 4\n```\n"
    )
    page = (
        "# Output\n\n````{code-compare} The same lines\n"
        + block % "Go"
        + "\n"
        + block % "Rust"
        + "````\n"
    )
    built = build_site({"index.md": page})
    soup = BeautifulSoup(built.read("index.html"), "html.parser")
    (same,) = soup.select("div.versus-code-compare")
    assert "versus-output" in same["class"]
    assert same.find(role="tablist") is None
    assert len(same.find_all("pre")) == 1
    assert same.select_one(".versus-panel-label").get_text() == (
        "Go and Rust: the same output"
    )


def test_a_program_that_is_not_utf8_is_a_located_warning(build_site):
    """literalinclude reads Latin-1 when told; the full listing cannot, and
    says so instead of stopping the build with a traceback."""
    page = (
        "# P\n\n````{code-compare}\n"
        "```{literalinclude} p/main.go\n:language: go\n:encoding: latin-1\n```\n\n"
        "```{literalinclude} p/main.rs\n:language: rust\n```\n````\n"
    )
    files: dict[str, str | bytes] = {
        "index.md": page,
        "p/main.go": "package main // café\n".encode("latin-1"),
        "p/main.rs": RUST_PROGRAM,
    }
    built = build_site(files, warnings_ok=True)
    warnings = built.warnings
    assert "index.md:3: WARNING: code-compare: the complete program main.go cannot" in (
        warnings
    )
    assert "Save it as UTF-8 text to show it in full [versus.code_compare]" in warnings
    soup = BeautifulSoup(built.read("index.html"), "html.parser")
    (programs,) = soup.select("details.versus-programs")
    shown = [pre.get_text() for pre in programs.find_all("pre")]
    assert shown == [RUST_PROGRAM.split("\n\n// Output:")[0] + "\n", "hi\n"]
    assert len(programs.select("a.download")) == 2


@pytest.mark.parametrize("builder", ["text", "man", "epub", "latex"])
def test_every_builder_shows_the_complete_programs_as_html_does(build_site, builder):
    """The same words and listings as the HTML's <details>: the summary, each
    program once per page without its output comment, the shared output once,
    and from the second example a pointer to them."""
    page = OUTPUT_PAGE[OUTPUT_PAGE.index("````{code-compare} First excerpt") :]
    files = {**OUTPUT_FILES, "index.md": "# Programs\n\n" + page}
    conf = 'copyright = "2026, A"\nversion = "1"\n'
    built = build_site(files, builder, conf=conf)
    if builder == "epub":
        xhtml = (built.outdir / "index.xhtml").read_text("utf-8")
        text = BeautifulSoup(xhtml, "html.parser").get_text()
    elif builder == "latex":
        text = tex(built)
    else:
        (path,) = [
            p
            for p in built.outdir.rglob("*")
            if p.suffix in {".txt", ".1"} and p.name != "sources.txt"
        ]
        text = path.read_text("utf-8")
    assert text.count("The complete programs: main.go and main.rs") == 2
    assert text.count("see them in full") == 1
    assert "// Output:" not in text
    assert "Go: main.go" in text and "Rust: main.rs" in text
    if builder != "latex":  # LaTeX highlights, the words come apart
        assert text.count("package main") == 1  # the excerpts start below it
