"""Every page, on a phone and a laptop, light and dark: no sideways scroll, no
console errors, no failed requests, no serious accessibility violations.

One context per (site, width, mode) visits every page in turn, so the whole
crawl costs one page load and one axe-core run per page and mode.  All
problems of all pages are gathered before the test fails, so one run shows
everything to fix.

The four modes cover each way furo can end up light or dark, because our CSS
must follow every one of them (``theme`` is furo's localStorage key; "OS" is
Chromium's emulated ``prefers-color-scheme``):

=========  =========  ======  =========================================
width      theme      OS      what it proves
=========  =========  ======  =========================================
1280 px    light      dark    an explicit choice beats the OS
1280 px    dark       light   ``body[data-theme="dark"]`` alone is enough
375 px     auto       light   the default path
375 px     auto       dark    ``@media (prefers-color-scheme: dark)``
=========  =========  ======  =========================================

axe-core's colour rules (most of its run time) run in the three modes whose
colours differ: both explicit themes and the OS dark path; "auto, light" has
the explicit light theme's colours.  Its other rules depend on layout, not
colour, so they run once per width, in the light modes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from playwright.sync_api import BrowserContext, Page

    from tests.browser.served import PageProblems, Site

pytestmark = [pytest.mark.browser, pytest.mark.toolchain]

WIDTHS = (375, 1280)
MODES = ("light", "dark")
BLOCKING_IMPACTS = frozenset({"serious", "critical"})
_COLOUR_RULE_IDS = ["color-contrast", "link-in-text-block"]
ALL_RULES: dict[str, Any] = {"resultTypes": ["violations"]}
COLOUR_RULES: dict[str, Any] = {
    "resultTypes": ["violations"],
    "runOnly": {"type": "rule", "values": _COLOUR_RULE_IDS},
}
LAYOUT_RULES: dict[str, Any] = {
    "resultTypes": ["violations"],
    "rules": {rule: {"enabled": False} for rule in _COLOUR_RULE_IDS},
}


@dataclass(frozen=True)
class Mode:
    """How one (width, light/dark) case is set up and what axe checks in it."""

    theme: str  # furo's localStorage "theme"
    os_scheme: str  # emulated prefers-color-scheme
    axe_options: dict[str, Any]


MODE_SETUP = {
    (1280, "light"): Mode("light", "dark", ALL_RULES),
    (1280, "dark"): Mode("dark", "light", COLOUR_RULES),
    (375, "light"): Mode("auto", "light", LAYOUT_RULES),
    (375, "dark"): Mode("auto", "dark", COLOUR_RULES),
}

# Finds the boxes the page itself scrolls sideways in, and what sticks out of
# them.  The root element is not enough: furo sets ``html {overflow-x:
# hidden}`` and lets ``.content`` scroll, so a too-wide element scrolls that
# box while ``documentElement.scrollWidth`` stays at the viewport width.  So
# every scrolling or clipping ancestor of the main article counts; boxes
# inside the article that scroll by themselves (code, table wrappers) do not.
OVERFLOW_JS = """
() => {
  const width = window.innerWidth;
  const root = document.documentElement;
  const main = document.querySelector('[role="main"]')
    || document.querySelector('main') || document.body;
  const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
    + [...el.classList].map((c) => '.' + c).join('');
  const boxes = [];
  if (root.scrollWidth > width) boxes.push([root, width]);
  for (let el = main; el && el !== root; el = el.parentElement) {
    if (getComputedStyle(el).overflowX !== 'visible'
        && el.scrollWidth > el.clientWidth + 1) {
      boxes.push([el, el.getBoundingClientRect().left + el.clientWidth]);
    }
  }
  return boxes.map(([box, limit]) => {
    const culprits = [];
    const walk = (el, parentOut) => {
      for (const child of el.children) {
        const s = getComputedStyle(child);
        if (s.position === 'fixed' || s.display === 'none') continue;
        const r = child.getBoundingClientRect();
        const out = r.width > 0 && r.right > limit + 1;
        if (out && !parentOut) culprits.push(child);
        if (s.overflowX === 'visible') walk(child, out);
      }
    };
    walk(box, false);
    return {
      box: name(box),
      scrollWidth: box === root ? root.scrollWidth : box.scrollWidth,
      clientWidth: box === root ? width : box.clientWidth,
      culprits: culprits.slice(0, 5).map((el) => ({
        element: name(el),
        right: Math.round(el.getBoundingClientRect().right),
        html: el.outerHTML.slice(0, 160),
      })),
    };
  });
}
"""

# The effective colour mode, from what a reader sees: the page background.
BACKGROUND_IS_DARK_JS = """
() => {
  const rgb = getComputedStyle(document.body).backgroundColor.match(/[\\d.]+/g)
    .slice(0, 3).map(Number);
  const [r, g, b] = rgb.map((c) => c / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}
"""


def open_mode(
    new_context: Callable[..., BrowserContext], width: int, mode: str
) -> BrowserContext:
    setup = MODE_SETUP[width, mode]
    context = new_context(
        viewport={"width": width, "height": 900}, color_scheme=setup.os_scheme
    )
    theme = json.dumps(setup.theme)
    context.add_init_script(
        f"try {{ localStorage.setItem('theme', {theme}); }} catch (e) {{}}"
    )
    return context


def axe_problems(page: Page, options: dict[str, Any]) -> list[str]:
    """Serious and critical axe-core violations, one line per element."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options=options)
    lines = []
    for violation in results.response["violations"]:
        if violation["impact"] not in BLOCKING_IMPACTS:
            continue
        for node in violation["nodes"]:
            target = " ".join(str(t) for t in node["target"])
            snippet = " ".join(node["html"].split())[:200]
            lines.append(
                f"axe {violation['id']} ({violation['impact']}): "
                f"{violation['help']} at {target}: {snippet}"
            )
    return lines


def check_page(page: Page, problems: PageProblems, width: int, mode: str) -> list[str]:
    found: list[str] = []
    if page.evaluate(BACKGROUND_IS_DARK_JS) != (mode == "dark"):
        found.append(f"background is not {mode}")
    for box in page.evaluate(OVERFLOW_JS):
        found.append(
            f"scrolls sideways in {box['box']}: scrollWidth {box['scrollWidth']} > "
            f"{box['clientWidth']}; sticking out: "
            + "; ".join(
                f"{c['element']} (right edge {c['right']}px) {c['html']}"
                for c in box["culprits"]
            )
        )
    found += axe_problems(page, MODE_SETUP[width, mode].axe_options)
    found += problems.messages
    return found


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("site_name", ["fixture", "docs"])
def test_every_page(
    request: pytest.FixtureRequest,
    new_context: Callable[..., BrowserContext],
    watch: Callable[[Page], PageProblems],
    site_name: str,
    width: int,
    mode: str,
) -> None:
    site: Site = request.getfixturevalue(f"{site_name}_site")
    assert site.pages, f"{site.root} has no HTML pages"
    page = open_mode(new_context, width, mode).new_page()
    problems = watch(page)
    report: list[str] = []
    for name in site.pages:
        problems.clear()
        page.goto(site.url(name), wait_until="load")
        report += [
            f"{name}: {line}" for line in check_page(page, problems, width, mode)
        ]
    assert not report, (
        f"{len(report)} problem(s) at {width}px, {mode} mode:\n" + "\n".join(report)
    )


SCREENSHOT_PAGES = {"landing": "index", "feature": "feature", "performance": "perform"}


def _find_page(site: Site, stem_part: str) -> str:
    """The page whose file name contains ``stem_part`` (index: the root one)."""
    if stem_part == "index":
        return "index.html"
    matches = [p for p in site.pages if stem_part in p.rsplit("/", 1)[-1]]
    assert matches, f"no page of {site.root} has {stem_part!r} in its name"
    return min(matches, key=len)


@pytest.mark.parametrize("mode", MODES)
def test_screenshots(
    docs_site: Site,
    fixture_site: Site,
    new_context: Callable[..., BrowserContext],
    screenshot_dir: Path,
    mode: str,
) -> None:
    """Full-page screenshots for people to look at, in tests/output/screenshots."""
    shots = [
        (f"docs-{key}", docs_site, _find_page(docs_site, part))
        for key, part in SCREENSHOT_PAGES.items()
    ]
    shots.append(("fixture-tabs", fixture_site, "index.html"))
    for width in WIDTHS:
        context = new_context(
            viewport={"width": width, "height": 900}, color_scheme=mode
        )
        context.add_init_script(f"localStorage.setItem('theme', '{mode}')")
        page = context.new_page()
        for key, site, name in shots:
            page.goto(site.url(name), wait_until="load")
            assert page.evaluate(BACKGROUND_IS_DARK_JS) == (mode == "dark"), name
            path = screenshot_dir / f"{key}-{mode}-{width}.png"
            page.screenshot(path=path, full_page=True, animations="disabled")
            assert path.stat().st_size > 0
