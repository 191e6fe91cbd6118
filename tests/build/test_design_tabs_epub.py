"""sphinx-design's tab-sets in an EPUB: valid XHTML, each label before its content.

sphinx-design writes a tab-set as radio ``<input>`` elements it never
closes; in an EPUB's XHTML that made the chapter unparseable (epubcheck
RSC-016, a blank chapter in strict readers).  sphinx_versus.interop.sphinx_design
turns tab-sets into labelled blocks there, as code-compare does.  These tests
parse the chapter as XML, read its text in order and follow a link to a named
tab; the interactive HTML keeps sphinx-design's own widget.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

PAGE = """\
# Install

See {ref}`the macOS tab <tab-macos>`.

::::{tab-set}
:::{tab-item} Linux
Install with *apt*.
:::
:::{tab-item} macOS
:name: tab-macos
Install with brew.
:::
::::

:::{tab-set-code}
```go
fmt.Println("go tab")
```
```rust
println!("rust tab");
```
:::

::::::{tab-set}
:::::{tab-item} Outer
::::{tab-set}
:::{tab-item} Inner A
Inner text A.
:::
:::{tab-item} Inner B
Inner text B.
:::
::::
:::::
::::::
"""

CONF = 'copyright = "2026, Tests"\nversion = "1.0"\n'
XHTML = "{http://www.w3.org/1999/xhtml}"


def _text(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def test_tab_sets_are_valid_xhtml_in_reading_order(build_site):
    built = build_site({"index.md": PAGE}, "epub", conf=CONF)
    chapter = (built.outdir / "index.xhtml").read_bytes()
    root = ET.fromstring(chapter)  # raises on the unclosed <input> of before
    body = root.find(f"{XHTML}body")
    assert body is not None
    assert not list(body.iter(f"{XHTML}input"))
    text = _text(body)
    order = [
        "Linux",
        "Install with apt.",
        "macOS",
        "Install with brew.",
        "GO",
        'fmt.Println("go tab")',
        "RUST",
        'println!("rust tab");',
        "Outer",
        "Inner A",
        "Inner text A.",
        "Inner B",
        "Inner text B.",
    ]
    # After the intro's link, each piece comes after the one before it.
    at = text.find("Linux")
    for piece in order:
        found = text.find(piece, at)
        assert found >= 0, f"{piece!r} missing or out of order after {at}: {text}"
        at = found + len(piece)
    # Each code tab is a listing captioned with its label.
    captions = [_text(c) for c in body.iter() if "caption" in c.get("class", "")]
    assert any(c.startswith("GO") for c in captions), captions
    # No element keeps sphinx-design's tab classes (its CSS hides panels).
    classes = " ".join(e.get("class", "") for e in body.iter())
    assert "sd-tab-set" not in classes and "sd-tab-content" not in classes


def test_a_link_to_a_named_tab_lands_on_its_label(build_site):
    built = build_site({"index.md": PAGE}, "epub", conf=CONF)
    root = ET.fromstring((built.outdir / "index.xhtml").read_bytes())
    (link,) = [a for a in root.iter(f"{XHTML}a") if _text(a) == "the macOS tab"]
    fragment = link.get("href", "").partition("#")[2]
    assert fragment
    (target,) = [e for e in root.iter() if e.get("id") == fragment]
    assert _text(target).startswith("macOS")


def test_interactive_html_keeps_sphinx_designs_widget(build_site):
    built = build_site({"index.md": PAGE}, "html")
    html = built.read("index.html")
    assert html.count('type="radio"') == 7  # 2 + 2 + 1 + 2 tabs
    assert "sd-tab-set" in html
