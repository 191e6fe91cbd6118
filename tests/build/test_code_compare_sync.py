"""One source of truth for sync keys: Python writes them, the scripts read them.

code-compare tabs carry ``data-versus-sync``; sphinx-design and sphinx-tabs
tabs are keyed by the per-page ``versus-sync-ids`` JSON, and ``?lang=`` by
the language table on the script tag.  The browser side of this is
``tests/browser/test_browser_sync.py``.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup

from sphinx_versus.code_compare.languages import key_for, language_table, sync_key
from tests.paths import ROOT

if TYPE_CHECKING:
    from bs4 import Tag

STATIC = ROOT / "ext" / "sphinx_versus" / "static"
SCRIPTS = sorted(STATIC.glob("*.js"))


class Config:
    versus_languages = {"kt": "Kotlin"}  # noqa: RUF012


# -- the scripts compute no key -------------------------------------------------

#: What turning a label into a key takes: case, replacing, decoding base64.
KEY_MAKING = re.compile(
    r"toLowerCase|toUpperCase|toLocale\w*Case|\.normalize\(|\.replace(All)?\("
    r"|\batob\(|TextDecoder|syncKey|\[\^a-z0-9\]"
)


def test_one_script() -> None:
    assert [p.name for p in SCRIPTS] == ["versus.js"]


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_no_script_computes_a_key(script) -> None:
    code = "\n".join(
        line
        for line in script.read_text("utf-8").splitlines()
        if not line.lstrip().startswith(("//", "*", "/*"))
    )
    assert not KEY_MAKING.findall(code), KEY_MAKING.findall(code)


def test_the_check_would_see_the_old_rule() -> None:
    old = 'name.trim().toLowerCase().replace(/\\+/g, "p").replace(/[^a-z0-9]+/g, "-")'
    assert KEY_MAKING.findall(old)


# -- the table of names -----------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Go", "go"),
        ("golang", "go"),
        ("GO", "go"),
        ("C++", "cpp"),
        ("c++", "cpp"),
        ("cpp", "cpp"),
        ("C#", "csharp"),
        ("kt", "kotlin"),
        ("bash", "shell"),
        ("Haskell", "haskell"),  # not configured: the key rule
        (" Objective C ", "objective-c"),
    ],
)
def test_key_for_names_any_spelling(name: str, key: str) -> None:
    assert key_for(name, Config()) == key  # type: ignore[arg-type]


def test_language_table_is_case_folded_and_agrees_with_sync_key() -> None:
    table = language_table(Config())  # type: ignore[arg-type]
    assert all(name == name.casefold() for name in table)
    assert table["c++"] == table["cpp"] == sync_key("C++") == "cpp"
    assert table["golang"] == table["go"] == "go"
    # every key names itself
    assert all(table[key] == key for key in set(table.values()))


# -- what a page carries ---------------------------------------------------------

PAGE = """\
# Sync

````{code-compare}
```rust
fn main() {}
```
```cpp
int main() {}
```
````

````{tab-set-code}
```golang
package main
```
```c++
int main() {}
```
````

::::{tab-set}
:::{tab-item} Linux
:sync: linux
On Linux.
:::
:::{tab-item} Rust
:sync: RUST
Rust.
:::
:::{tab-item} Odd
:sync: </script><b>
Odd.
:::
::::

`````{tabs}
````{group-tab} C++
C++ prose.
````
````{group-tab} Rust
Rust prose.
````
`````

````{tabs}
```{code-tab} rust
fn main() {}
```
```{code-tab} zig
pub fn main() void {}
```
````
"""

CONF = 'extensions.append("sphinx_tabs.tabs")\n'


def _b64(text: str) -> str:
    import base64

    return base64.b64encode(text.encode()).decode()


def _sync_ids(soup: BeautifulSoup) -> dict[str, object] | None:
    tag: Tag | None = soup.find("script", id="versus-sync-ids")
    if tag is None:
        return None
    assert tag["type"] == "application/json"
    return json.loads(tag.string or "")


def test_page_carries_every_widgets_keys(build_site) -> None:
    plain_page = "---\norphan: true\n---\n# Plain\n"
    built = build_site({"index.md": PAGE, "plain.md": plain_page}, conf=CONF)
    html = built.read("index.html")
    soup = BeautifulSoup(html, "html.parser")
    ids = _sync_ids(soup)
    assert ids is not None
    assert ids["design"] == {
        "golang": "go",  # tab-set-code: the lexer, keyed as code-compare would
        "c++": "cpp",
        "linux": "linux",
        "RUST": "rust",
        "</script><b>": "script-b",
    }
    assert ids["tabs"] == {
        _b64("C++"): "cpp",
        _b64("Rust"): "rust",
        _b64("Zig"): "zig",
    }
    languages = ids["languages"]
    assert isinstance(languages, list)
    # code-compare, tab-set-code and code-tab keys; configured ones; not "linux"
    assert {"rust", "cpp", "go", "zig", "python"} <= set(languages)
    assert "linux" not in languages and "script-b" not in languages
    # the keys really are what the HTML carries
    labels = {label["data-sync-id"] for label in soup.select("label[data-sync-id]")}
    assert labels == set(ids["design"])
    names = {b["name"] for b in soup.select("button.sphinx-tabs-tab.group-tab")}
    assert names == set(ids["tabs"])
    tabs = [t["data-versus-sync"] for t in soup.select("[role=tab][data-versus-sync]")]
    assert tabs == ["rust", "cpp"]
    # a writer's text cannot close the script early
    assert "</script><b>" not in html.split('id="versus-sync-ids"', 1)[1][:400]

    # no such widgets, no JSON and no script; the language table is on the tag
    plain = BeautifulSoup(built.read("plain.html"), "html.parser")
    assert _sync_ids(plain) is None
    assert plain.select_one('script[src*="versus.js"]') is None
    tag = soup.select_one('script[src*="versus.js"]')
    table = json.loads(tag["data-versus-languages"])
    assert table == language_table(built.app.config)
    assert table["c++"] == "cpp"


def test_only_interactive_html_gets_sync_ids(build_site) -> None:
    epub = CONF + 'copyright = "2026"\nversion = "1"\n'
    built = build_site({"index.md": PAGE}, "epub", conf=epub)
    assert "versus-sync-ids" not in built.read("index.xhtml")
