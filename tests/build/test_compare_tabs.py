"""Tabs with any content, named sync groups, a default tab, the layout note.

compare-tabs holds compare-tab directives of any content; it and
code-compare take ``:sync-group:`` and ``:default:``.  In HTML: the WAI-ARIA
widget with the default tab selected in the markup and the group on each
tab.  In every other builder: each tab's label over its content.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup

if TYPE_CHECKING:
    from tests.plugin import Built

PAGE = """\
# Tabs

`````{compare-tabs} Install
:sync-group: Operating system
:default: macOS
:name: install

````{compare-tab} Linux
Run the package manager.

```shell
apt install hello
```
````
````{compare-tab} macOS
Use **Homebrew**.
````
`````

`````{compare-tabs} Errors in prose

````{compare-tab} Go
An `error` value.
````
````{compare-tab} Rust
:sync: rust
A `Result`.
````
`````

````{code-compare} Hello
:default: rust

```go
x := 1
```
```rust
let x = 1;
```
````
"""


def _tabs(html: str) -> list[dict[str, str | None]]:
    soup = BeautifulSoup(html, "html.parser")
    return [
        {
            "label": tab.get_text(" ", strip=True),
            "key": tab.get("data-versus-sync"),
            "group": tab.get("data-versus-group"),
            "selected": tab.get("aria-selected"),
            "hidden": "hidden"
            if soup.find(id=tab["aria-controls"]).has_attr("hidden")
            else "shown",
        }
        for tab in soup.select('[role="tab"]')
    ]


def test_html_groups_keys_and_default_tabs(build_site) -> None:
    built: Built = build_site({"index.md": PAGE}, "html")
    assert _tabs(built.read("index.html")) == [
        {"label": "Linux", "key": "linux", "group": "operating-system",
         "selected": "false", "hidden": "hidden"},
        {"label": "macOS", "key": "macos", "group": "operating-system",
         "selected": "true", "hidden": "shown"},
        {"label": "Go", "key": "go", "group": None,
         "selected": "true", "hidden": "shown"},
        {"label": "Rust", "key": "rust", "group": None,
         "selected": "false", "hidden": "hidden"},
        {"label": "Go", "key": "go", "group": None,
         "selected": "false", "hidden": "hidden"},
        {"label": "Rust", "key": "rust", "group": None,
         "selected": "true", "hidden": "shown"},
    ]  # fmt: skip
    soup = BeautifulSoup(built.read("index.html"), "html.parser")
    panel = soup.select('[role="tabpanel"]')[1]
    assert panel.find("strong").get_text() == "Homebrew"  # content, not text
    assert soup.select_one("#install") is not None  # :name: anchors the block


@pytest.mark.parametrize(
    ("builder", "name"),
    [("text", "index.txt"), ("man", "python.1"), ("latex", "python.tex")],
)
def test_every_other_builder_shows_every_tab_labelled(
    build_site, builder: str, name: str
) -> None:
    built: Built = build_site({"index.md": PAGE}, builder, conf='project = "Python"\n')
    text = built.read(name)
    order = ["Linux", "hello", "macOS", "Homebrew", "Go", "error",
             "Rust", "Result"]  # fmt: skip
    position = 0
    for needle in order:
        found = text.find(needle, position)
        assert found >= 0, f"{builder}: {needle!r} missing after {position}"
        position = found
    assert "macOS" in text[: text.find("Homebrew")]


def test_epub_shows_every_tab_labelled(build_site) -> None:
    conf = 'project = "P"\ncopyright = "2026"\nversion = "1"\n'
    built: Built = build_site({"index.md": PAGE}, "epub", conf=conf)
    soup = BeautifulSoup(built.read("index.xhtml"), "html.parser")
    assert not soup.select('[role="tab"]')
    labels = [r.get_text(strip=True) for r in soup.select(".versus-tab-label")]
    assert labels == ["Linux", "macOS", "Go", "Rust"]


BAD = """\
# Bad

`````{compare-tabs}
:default: Windows

````{compare-tab} Linux
a
````
````{compare-tab} macOS
b
````
`````

`````{compare-tabs}
:sync-group: view

````{compare-tab} One
a
````
A stray paragraph.
`````

````{code-compare}
:layout: side-by-side

```go
x := "LONG"
```
```rust
let x = 1;
```
````
""".replace("LONG", "a" * 100)


def test_mistakes_are_located_warnings(build_site) -> None:
    built: Built = build_site({"index.md": BAD}, "html", warnings_ok=True)
    warnings = built.warnings
    expected = [
        ("index.md:3:", ":default: 'Windows' names no tab"),
        ("index.md:14:", ":sync-group: has 'view', which is not valid"),
        ("index.md:20:", "compare-tabs takes only compare-tab directives"),
        ("index.md:14:", "needs at least two compare-tab directives, found 1"),
        ("index.md:23:", "side by side never fits this block"),
    ]
    for where, what in expected:
        lines = [line for line in warnings.splitlines() if what in line]
        assert lines, f"no warning {what!r} in:\n{warnings}"
        assert where in lines[0], lines[0]
        assert "[versus.code_compare]" in lines[0]
    soup = BeautifulSoup(built.read("index.html"), "html.parser")
    assert "A stray paragraph." in soup.get_text()  # nothing written is lost
    # The unknown default: the first tab opens.
    first = soup.select('[role="tab"]')[0]
    assert first.get_text(strip=True) == "Linux"
    assert first["aria-selected"] == "true"
