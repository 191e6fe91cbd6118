"""Named sync groups, default tabs, a tab chosen by the URL, in Chromium.

A small project of its own: an "os" group of compare-tabs on two pages, the
language's code-compare and compare-tabs beside them.  A choice in one group
moves every block of that group (and is remembered across pages) and leaves
the other group alone; ``:default:`` opens a block on its tab until the
reader chooses; ``?os=windows`` opens that tab; the keyboard moves within a
group's tabs as a click does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import BrowserContext, Page

    from tests.browser.served import Site

CONF = """\
project = "Groups"
extensions = ["myst_parser", "sphinx_versus"]
html_theme = "furo"
"""


def _os_block(title: str, default: str = "") -> str:
    option = f":default: {default}\n" if default else ""
    tabs = "".join(
        f"````{{compare-tab}} {name}\nInstall on {name}.\n````\n"
        for name in ("Linux", "macOS", "Windows")
    )
    return f"`````{{compare-tabs}} {title}\n:sync-group: os\n{option}\n{tabs}`````\n"


CODE = """
````{code-compare} Code
```go
x := 1
```
```rust
let x = 1;
```
````
"""

PROSE = """
`````{compare-tabs} Prose
````{compare-tab} Go
Go's errors are values.
````
````{compare-tab} Rust
Rust's errors are Results.
````
`````
"""

PAGES = {
    "index.md": "# Groups\n\n```{toctree}\nother\n```\n\n[Other](other.md)\n\n"
    + _os_block("Install", default="macOS")
    + CODE
    + _os_block("Configure")
    + PROSE,
    "other.md": "# Other\n\n" + _os_block("Uninstall") + CODE,
}

#: Per block (by title): the selected tab's label and the text shown.
SHOWN_JS = """
() => Object.fromEntries([...document.querySelectorAll('.versus-code-compare')]
  .map((root) => [
    root.querySelector('[role=tablist]').getAttribute('aria-label'),
    [...root.querySelectorAll('[role=tabpanel]')]
      .filter((p) => p.checkVisibility({visibilityProperty: true}))
      .map((p) => document.getElementById(p.getAttribute('aria-labelledby'))
        .textContent.trim()),
  ]))
"""


@pytest.fixture(scope="module")
def groups_site(
    tmp_path_factory: pytest.TempPathFactory, _site_factory: Callable[..., Site]
) -> Site:
    src = tmp_path_factory.mktemp("groups-src")
    (src / "conf.py").write_text(CONF, "utf-8")
    for name, text in PAGES.items():
        (src / name).write_text(text, "utf-8")
    return _site_factory("groups", src, True)


def _page(new_context: Callable[..., BrowserContext]) -> Page:
    return new_context(viewport={"width": 900, "height": 900}).new_page()


def _shown(page: Page) -> dict[str, list[str]]:
    page.wait_for_selector(".versus-code-compare.versus-js")
    shown: dict[str, list[str]] = page.evaluate(SHOWN_JS)
    return shown


def test_default_tab_opens_until_the_reader_chooses(
    groups_site: Site, new_context: Callable[..., BrowserContext]
) -> None:
    page = _page(new_context)
    page.goto(groups_site.url("index.html"))
    assert _shown(page) == {
        "Install": ["macOS"],  # :default: macOS
        "Code": ["Go"],
        "Configure": ["Linux"],  # no default: the first
        "Prose": ["Go"],
    }
    page.get_by_role("tablist", name="Configure", exact=True).get_by_role(
        "tab", name="Windows"
    ).click()
    page.reload()
    assert _shown(page)["Install"] == ["Windows"]  # the reader's choice wins


def test_a_group_syncs_apart_from_the_language_and_across_pages(
    groups_site: Site, new_context: Callable[..., BrowserContext]
) -> None:
    page = _page(new_context)
    page.goto(groups_site.url("index.html"))
    block = page.get_by_role("tablist", name="Install", exact=True)
    block.get_by_role("tab", name="Windows").click()
    assert _shown(page) == {
        "Install": ["Windows"],
        "Code": ["Go"],
        "Configure": ["Windows"],
        "Prose": ["Go"],
    }
    page.get_by_role("tablist", name="Code", exact=True).get_by_role(
        "tab", name="Rust"
    ).click()
    # Prose tabs labelled with a language follow the language's choice.
    assert _shown(page) == {
        "Install": ["Windows"],
        "Code": ["Rust"],
        "Configure": ["Windows"],
        "Prose": ["Rust"],
    }
    page.locator("article a[href='other.html']").first.click()
    assert _shown(page) == {"Uninstall": ["Windows"], "Code": ["Rust"]}


def test_the_url_opens_a_tab_of_its_group(
    groups_site: Site, new_context: Callable[..., BrowserContext]
) -> None:
    page = _page(new_context)
    page.goto(groups_site.url("other.html?os=Windows"))
    assert _shown(page) == {"Uninstall": ["Windows"], "Code": ["Go"]}
    page.goto(groups_site.url("index.html?os=linux&lang=rust"))
    assert _shown(page) == {
        "Install": ["Linux"],  # the URL wins over :default:
        "Code": ["Rust"],
        "Configure": ["Linux"],
        "Prose": ["Rust"],
    }
    page.goto(groups_site.url("other.html?os=beos"))  # names no tab: ignored
    assert _shown(page) == {"Uninstall": ["Linux"], "Code": ["Rust"]}


def test_keyboard_moves_within_a_group(
    groups_site: Site, new_context: Callable[..., BrowserContext]
) -> None:
    page = _page(new_context)
    page.goto(groups_site.url("index.html"))
    tab = page.get_by_role("tablist", name="Install", exact=True).get_by_role(
        "tab", name="macOS"
    )
    tab.focus()
    page.keyboard.press("ArrowRight")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Windows"
    assert _shown(page)["Configure"] == ["Windows"]
    page.keyboard.press("ArrowRight")  # wraps round
    assert _shown(page)["Install"] == ["Linux"]
    page.keyboard.press("End")
    assert _shown(page)["Configure"] == ["Windows"]
    page.keyboard.press("Home")
    shown = _shown(page)
    assert shown["Install"] == shown["Configure"] == ["Linux"]
    assert shown["Code"] == shown["Prose"] == ["Go"]  # the language untouched
    # Only the selected tab is in the tab order, as the WAI-ARIA pattern says.
    order = page.evaluate(
        "[...document.querySelectorAll('[role=tab]')].filter((t) => t.tabIndex == 0)"
        ".map((t) => t.textContent.trim())"
    )
    assert order == ["Linux", "Go", "Linux", "Go"]
