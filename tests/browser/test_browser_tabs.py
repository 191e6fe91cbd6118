"""Language tabs in a real browser: one choice for the whole site.

Runs against the fixture site (``site/``), whose first page holds every kind
of language tab, each in its own section: the tests find widgets by section
id and ARIA role, and tell which language a widget shows by the visible
``div.highlight-<lang>`` inside it, so they do not depend on how a widget
hides its other panels.
"""

from __future__ import annotations

import re
import time
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import BrowserContext, Locator, Page

    from tests.browser.served import PageProblems, Site

pytestmark = [pytest.mark.browser, pytest.mark.toolchain]

# Sections of index.html that offer Go and Rust in tabs, and of other.html.
INDEX_SYNCED = (
    "compare-three",
    "compare-two",
    "design-sync",
    "design-code",
    "tabs-code",
    "tabs-group",
)
OTHER_SYNCED = ("compare-again", "design-code-again", "tabs-code-again")

VISIBLE_LANGUAGES_JS = """
(ids) => Object.fromEntries(ids.map((id) => {
  const section = document.getElementById(id);
  if (!section) return [id, null];
  const langs = new Set();
  for (const el of section.querySelectorAll('div[class*="highlight-"]')) {
    const cls = [...el.classList].find((c) => c.startsWith('highlight-'));
    if (cls && el.checkVisibility({visibilityProperty: true})) {
      langs.add(cls.slice('highlight-'.length));
    }
  }
  return [id, [...langs].sort()];
}))
"""

ACTIVE_JS = """
() => {
  const el = document.activeElement;
  return {
    id: el.id,
    role: el.getAttribute('role'),
    text: el.textContent.trim(),
    selected: el.getAttribute('aria-selected'),
    labelledby: el.getAttribute('aria-labelledby'),
    tag: el.tagName.toLowerCase(),
  };
}
"""

FOCUS_STYLE_JS = """
(el) => {
  const s = getComputedStyle(el);
  return {
    focusVisible: el.matches(':focus-visible'),
    outlineStyle: s.outlineStyle,
    outlineWidth: parseFloat(s.outlineWidth) || 0,
    outlineColor: s.outlineColor,
    boxShadow: s.boxShadow,
    background: getComputedStyle(document.body).backgroundColor,
  };
}
"""


def index_expected(lang: str) -> dict[str, list[str]]:
    """What index.html shows at 1280 px once ``lang`` is chosen."""
    expected = {key: [lang] for key in INDEX_SYNCED}
    expected["other-languages"] = ["python"]  # has no Go or Rust: left alone
    expected["side-by-side"] = ["go", "rust"]  # wide screen: both columns
    return expected


def other_expected(lang: str) -> dict[str, list[str]]:
    return {key: [lang] for key in OTHER_SYNCED}


def shown(page: Page, expected: dict[str, list[str]], timeout: float = 3.0) -> None:
    """Assert each section shows the expected languages (waiting a little)."""
    deadline = time.monotonic() + timeout
    while True:
        actual = page.evaluate(VISIBLE_LANGUAGES_JS, list(expected))
        if actual == expected or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    wrong = {
        k: f"shows {actual[k]}, expected {v}"
        for k, v in expected.items()
        if actual[k] != v
    }
    assert not wrong, f"{page.url}: {wrong}"


def control(page: Page, section: str, label: str) -> Locator:
    """The tab control labelled ``label`` in a section, of any tab widget.

    ARIA tabs (code-compare, sphinx-tabs) by role; sphinx-design's tab-sets
    are radio buttons whose visible control is the ``<label for=...>``.
    """
    pattern = re.compile(rf"^\s*{re.escape(label)}\s*$", re.IGNORECASE)
    found = (
        page.locator(f"#{section}")
        .locator('[role="tab"], label[for]')
        .filter(has_text=pattern)
    )
    assert found.count() == 1, f"#{section}: {found.count()} controls named {label}"
    return found


@pytest.fixture
def open_page(
    new_context: Callable[..., BrowserContext],
    watch: Callable[[Page], PageProblems],
) -> Callable[..., tuple[Page, PageProblems]]:
    def make(**options: Any) -> tuple[Page, PageProblems]:
        page = new_context(**options).new_page()
        return page, watch(page)

    return make


SOURCES = {
    "code-compare": ("compare-two", "Rust"),
    "design-tab-set-sync": ("design-sync", "Rust"),
    "design-tab-set-code": ("design-code", "Rust"),
    "sphinx-tabs-code-tab": ("tabs-code", "Rust"),
    "sphinx-tabs-group-tab": ("tabs-group", "Rust"),
}


@pytest.mark.parametrize("source", list(SOURCES))
def test_choosing_rust_anywhere_switches_every_tab(
    fixture_site: Site, open_page: Callable[..., Any], source: str
) -> None:
    page, problems = open_page()
    page.goto(fixture_site.url("index.html"))
    shown(page, index_expected("go"))
    control(page, *SOURCES[source]).click()
    shown(page, index_expected("rust"))
    # Choosing the selected language again changes nothing.  (Not for
    # sphinx-tabs sources: a second click on a selected sphinx-tabs tab closes
    # that group, sphinx-tabs' own behaviour unless the site sets
    # sphinx_tabs_disable_tab_closing.)
    if not source.startswith("sphinx-tabs"):
        control(page, *SOURCES[source]).click()
        shown(page, index_expected("rust"))
    control(page, "compare-three", "Go").click()
    shown(page, index_expected("go"))
    assert not problems.messages


@pytest.mark.parametrize(
    "source", ["code-compare", "design-tab-set-code", "sphinx-tabs-group-tab"]
)
def test_choice_survives_navigation_and_reload(
    fixture_site: Site, open_page: Callable[..., Any], source: str
) -> None:
    page, problems = open_page()
    page.goto(fixture_site.url("index.html"))
    control(page, *SOURCES[source]).click()
    page.get_by_role("link", name="Go to the second page").click()
    page.wait_for_url("**/other.html")
    shown(page, other_expected("rust"))
    page.reload()
    shown(page, other_expected("rust"))
    page.goto(fixture_site.url("index.html"))
    shown(page, index_expected("rust"))
    assert not problems.messages


def test_lang_in_url_wins_over_stored_choice(
    fixture_site: Site, open_page: Callable[..., Any]
) -> None:
    page, problems = open_page()
    page.goto(fixture_site.url("other.html?lang=rust"))
    shown(page, other_expected("rust"))
    page.goto(fixture_site.url("index.html"))
    control(page, "compare-two", "Rust").click()
    page.goto(fixture_site.url("other.html?lang=go"))
    shown(page, other_expected("go"))
    page.goto(fixture_site.url("index.html?lang=go"))
    shown(page, index_expected("go"))
    assert not problems.messages


def _focus_tab_into(page: Page, section: str) -> dict[str, Any]:
    """Click the heading just before a block, then Tab into the block.

    A click sets Chromium's sequential focus starting point, as it does for a
    reader who clicks into the text and then uses the keyboard.
    """
    heading = page.locator(f"#{section} > h2")
    heading.click(position={"x": 2, "y": 5})
    page.keyboard.press("Tab")
    if heading.evaluate("(h) => h.contains(document.activeElement)"):
        page.keyboard.press("Tab")  # past the heading's own permalink
    return page.evaluate(ACTIVE_JS)


def test_keyboard_moves_and_selects(
    fixture_site: Site, open_page: Callable[..., Any]
) -> None:
    page, problems = open_page()
    page.goto(fixture_site.url("index.html"))
    tabs = page.locator("#compare-three").get_by_role("tab")
    names = [t.strip() for t in tabs.all_inner_texts()]
    assert names == ["Go", "Rust", "Python"]

    def check(key: str | None, name: str) -> None:
        if key:
            page.keyboard.press(key)
        active = page.evaluate(ACTIVE_JS)
        where = f"after {key or 'Tab'}"
        assert (active["role"], active["text"]) == ("tab", name), (
            f"{where}: focus is on {active}, expected the {name} tab"
        )
        assert active["selected"] == "true", f"{where}: {name} is focused, not selected"
        tabindex = [t.get_attribute("tabindex") for t in tabs.all()]
        expected_tabindex = ["0" if n == name else "-1" for n in names]
        assert tabindex == expected_tabindex, f"{where}: roving tabindex {tabindex}"
        shown(page, {"compare-three": [name.lower()]})

    active = _focus_tab_into(page, "compare-three")
    assert active["role"] == "tab", f"Tab from the heading reached {active}, not a tab"
    check(None, "Go")
    check("ArrowRight", "Rust")
    # Keyboard selection is a choice like a click: the other blocks follow.
    shown(page, {"compare-two": ["rust"], "tabs-code": ["rust"]})
    check("ArrowRight", "Python")
    check("ArrowRight", "Go")  # wraps around
    check("ArrowLeft", "Python")  # and back
    check("Home", "Go")
    check("End", "Python")
    check("ArrowLeft", "Rust")

    # Tab leaves the tablist (one tab stop), and the panel is next in line.
    seen = []
    for _ in range(3):
        page.keyboard.press("Tab")
        active = page.evaluate(ACTIVE_JS)
        seen.append(active)
        assert active["role"] != "tab", f"Tab moved within the tablist: {seen}"
        if active["role"] == "tabpanel":
            break
    assert active["role"] == "tabpanel", f"Tab never reached the panel: {seen}"
    assert active["labelledby"] == tabs.nth(1).get_attribute("id")
    page.keyboard.press("Shift+Tab")
    if seen[0]["role"] != "tabpanel":
        page.keyboard.press("Shift+Tab")
    active = page.evaluate(ACTIVE_JS)
    assert (active["role"], active["text"]) == ("tab", "Rust"), (
        f"Shift+Tab back into the tablist reached {active}, not the selected tab"
    )
    assert not problems.messages


def _luminance(css_color: str) -> float:
    r, g, b = (float(c) / 255 for c in re.findall(r"[\d.]+", css_color)[:3])

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def _contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_focus_is_visible(
    fixture_site: Site, open_page: Callable[..., Any], mode: str
) -> None:
    page, problems = open_page(color_scheme=mode)
    page.add_init_script(f"localStorage.setItem('theme', '{mode}')")
    page.goto(fixture_site.url("index.html"))
    active = _focus_tab_into(page, "compare-three")
    assert active["role"] == "tab", f"Tab from the heading reached {active}"
    tabs = page.locator("#compare-three").get_by_role("tab")
    focused = tabs.nth(0).evaluate(FOCUS_STYLE_JS)
    resting = tabs.nth(1).evaluate(FOCUS_STYLE_JS)
    assert focused["focusVisible"], "keyboard focus does not match :focus-visible"
    has_outline = focused["outlineStyle"] != "none" and focused["outlineWidth"] >= 1
    has_ring = (
        focused["boxShadow"] != "none" and focused["boxShadow"] != resting["boxShadow"]
    )
    assert has_outline or has_ring, f"no focus indicator on the focused tab: {focused}"
    if has_outline:
        ratio = _contrast(focused["outlineColor"], focused["background"])
        assert ratio >= 3, (
            f"focus outline {focused['outlineColor']} on {focused['background']}"
            f" has contrast {ratio:.2f} < 3 (WCAG 1.4.11)"
        )
    assert not problems.messages


def test_without_javascript_first_code_shows_and_all_code_is_reachable(
    fixture_site: Site, open_page: Callable[..., Any]
) -> None:
    page, problems = open_page(java_script_enabled=False)
    page.goto(fixture_site.url("index.html"))
    blocks = {
        "compare-three": ["go", "rust", "python"],
        "compare-two": ["go", "rust"],
        "side-by-side": ["go", "rust"],
        "other-languages": ["python", "c"],
    }
    for section, langs in blocks.items():
        first = page.locator(f"#{section} div.highlight-{langs[0]}")
        assert first.is_visible(), f"#{section}: the first tab's code is hidden"
        for lang in langs[1:]:
            code = page.locator(f"#{section} div.highlight-{lang}")
            if not code.is_visible():
                name = {"go": "Go", "rust": "Rust", "python": "Python", "c": "C"}[lang]
                tab = page.locator(f"#{section}").get_by_role("tab", name=name)
                if tab.is_visible():
                    tab.click()
            assert code.is_visible(), (
                f"#{section}: without JavaScript the {lang} code cannot be reached"
            )
    assert not problems.messages


def _copy_from(page: Page, panel: Locator) -> tuple[str, str]:
    """Click the copy button of a panel's code; return (clipboard, code)."""
    page.evaluate("navigator.clipboard.writeText('')")
    pre = panel.locator("pre")
    pre.hover()
    panel.locator("button.copybtn").click()
    deadline = time.monotonic() + 2
    clipboard = ""
    while not clipboard and time.monotonic() < deadline:
        clipboard = page.evaluate("navigator.clipboard.readText()")
        time.sleep(0.05)
    return clipboard, pre.inner_text().rstrip("\n")


def test_copy_button_copies_the_shown_tab(
    fixture_site: Site, open_page: Callable[..., Any]
) -> None:
    page, problems = open_page(permissions=["clipboard-read", "clipboard-write"])
    page.goto(fixture_site.url("index.html"))
    section = page.locator("#compare-three")
    for name, marker in (
        ("Rust", "rust one"),
        ("Python", "python one"),
        ("Go", "go one"),
    ):
        section.get_by_role("tab", name=name).click()
        panel = section.locator('[role="tabpanel"]:visible')
        assert panel.count() == 1, f"{panel.count()} panels visible after {name}"
        clipboard, code = _copy_from(page, panel)
        assert marker in clipboard, f"{name} tab copied {clipboard!r}"
        assert clipboard == code
    # Side by side, each column copies its own code.
    columns = page.locator('#side-by-side [role="tabpanel"]')
    assert columns.count() == 2
    clipboard, code = _copy_from(page, columns.nth(1))
    assert "rust side" in clipboard and clipboard == code
    assert not problems.messages


@pytest.mark.parametrize(("width", "columns"), [(1400, 2), (375, 1)])
def test_side_by_side_falls_back_to_tabs_on_narrow_screens(
    fixture_site: Site, open_page: Callable[..., Any], width: int, columns: int
) -> None:
    page, problems = open_page(viewport={"width": width, "height": 900})
    page.goto(fixture_site.url("index.html"))
    section = page.locator("#side-by-side")
    if columns == 2:
        shown(page, {"side-by-side": ["go", "rust"]})
        go = section.locator("div.highlight-go").bounding_box()
        rust = section.locator("div.highlight-rust").bounding_box()
        assert go and rust
        assert go["x"] + go["width"] <= rust["x"] + 1, f"not in columns: {go} {rust}"
        assert abs(go["y"] - rust["y"]) < 2, f"columns not aligned: {go} {rust}"
    else:
        shown(page, {"side-by-side": ["go"]})
        assert section.get_by_role("tablist").is_visible()
        section.get_by_role("tab", name="Rust").click()
        shown(page, {"side-by-side": ["rust"]})
    assert not problems.messages


def test_reader_view_toggle_persists(
    fixture_site: Site, open_page: Callable[..., Any]
) -> None:
    """The optional reader-side toggle: tabs <-> side by side, remembered."""
    page, problems = open_page(viewport={"width": 1400, "height": 900})
    page.goto(fixture_site.url("index.html"))
    toggle = page.locator("#compare-two").get_by_role("button", name="Side by side")
    assert toggle.get_attribute("aria-pressed") == "false"
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "true"
    shown(page, {"compare-two": ["go", "rust"]})
    page.reload()
    # Three columns would cut compare-three's lines: it stays tabs, and says so.
    shown(page, {"compare-two": ["go", "rust"], "compare-three": ["go"]})
    three = page.locator("#compare-three .versus-code-compare")
    assert three.get_attribute("data-versus-fit") == "tabs"
    assert not three.get_by_role("button", name="Side by side").is_visible()
    toggle.click()
    shown(page, {"compare-two": ["go"], "side-by-side": ["go"]})
    page.goto(fixture_site.url("other.html"))
    shown(page, {"compare-again": ["go"]})
    assert not problems.messages
