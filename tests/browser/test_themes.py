"""The extension in the seven themes other teams use, light, dark and print.

The external fixture (``tests/external/docs``: PostgreSQL vs SQLite, only
sphinx-versus and myst-parser) is built with ``-W`` from the wheel, in a clean
venv per profile of ``tests/external/matrix.py`` (the newest releases, and
the lowest versions ``pyproject.toml`` declares, themes included), once per
theme per session, and served.  Themes: alabaster, sphinx-rtd-theme,
pydata-sphinx-theme, sphinx-book-theme, furo, shibuya, and this site's own
look (furo with ``docs/_static``'s stylesheet and script); every one on the
newest profile and on the floor (``FLOOR_THEMES``).

In each theme: tabs switch; every panel of a side-by-side block (authored, or
the reader's "Side by side" toggle) is visible with its label; printing shows
every panel with its label; tab labels and the toggle meet 4.5:1 contrast in
the theme's light and dark mode; the toggle is drawn from the theme (its
font, its surface, its border colour), not as a foreign widget.  Dark mode
follows the theme wherever it is set — the reader's system setting, and the
theme's own switch where it has one, also when the two disagree — and the
chart's text keeps 4.5:1 (its bars 3:1) on the page behind it.  At 1,280 px
no table hides a cell: nothing scrolls sideways, nothing is clipped.

Bootstrap themes (pydata, book) hide ``[hidden]`` with ``!important``, which
once beat the extension's own rule and lost code; these tests caught it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from playwright.sync_api import BrowserContext, Page

# The served site and the page-problem recorder come from the browser fixtures.
Site = Any
PageProblems = Any

pytestmark = [pytest.mark.browser, pytest.mark.toolchain]

from tests.external import matrix  # noqa: E402
from tests.external.matrix import FIXTURE  # noqa: E402
from tests.paths import DOCS  # noqa: E402

#: This site's own stylesheet and script (its look beside furo's).
SITE_STATIC = DOCS / "_static"


@dataclass(frozen=True)
class Theme:
    name: str  # html_theme
    dark: bool  # has a dark mode that follows prefers-color-scheme
    #: CSS variable holding the theme's border colour, if it has one.
    border_var: str | None
    #: The localStorage key where the theme's own switch keeps the reader's
    #: choice ("dark" / "light"), if it has a switch.
    switch: str | None = None
    #: This site's own look: docs/_static's stylesheet and script on top.
    site_look: bool = False


FURO_BORDER = "--color-background-border"
THEMES = {
    "alabaster": Theme("alabaster", dark=False, border_var=None),
    "rtd": Theme("sphinx_rtd_theme", dark=False, border_var=None),
    "pydata": Theme("pydata_sphinx_theme", True, "--pst-color-border", "mode"),
    "book": Theme("sphinx_book_theme", True, "--pst-color-border", "mode"),
    "furo": Theme("furo", True, FURO_BORDER, "theme"),
    "shibuya": Theme("shibuya", True, None, "_theme"),
    "site": Theme("furo", True, FURO_BORDER, "theme", site_look=True),
}
#: The themes also built on the floor profile: all of them, each theme at
#: the lowest version the test group declares.
FLOOR_THEMES = tuple(THEMES)
BUILDS = [("newest", t) for t in THEMES] + [("floor", t) for t in FLOOR_THEMES]
MIN_CONTRAST = 4.5  # WCAG 1.4.3, normal-size text
WIDE = {"width": 1400, "height": 1000}

# Effective colours: walk up until an opaque background; blend alpha over it.
COLOURS_JS = """
(el) => {
  const parse = (c) => {
    const m = c.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return [0, 0, 0, 0];
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const layers = [];
  for (let n = el; n; n = n.parentElement) {
    const bg = parse(getComputedStyle(n).backgroundColor);
    if (bg[3] > 0) layers.push(bg);
    if (bg[3] >= 1) break;
  }
  let out = [255, 255, 255];
  for (const [r, g, b, a] of layers.reverse()) {
    out = [r, g, b].map((c, i) => c * a + out[i] * (1 - a));
  }
  const fg = parse(getComputedStyle(el).color);
  const text = [0, 1, 2].map((i) => fg[i] * fg[3] + out[i] * (1 - fg[3]));
  const s = getComputedStyle(el);
  return {
    text, background: out,
    ownBackground: parse(s.backgroundColor),
    border: parse(s.borderTopColor),
    borderWidth: parseFloat(s.borderTopWidth) || 0,
    font: s.fontFamily,
    bodyFont: getComputedStyle(document.body).fontFamily,
    label: el.textContent.trim(),
  };
}
"""

CSS_VAR_JS = """
(name) => {
  const probe = document.createElement("div");
  probe.style.color = `var(${name})`;
  document.querySelector(".versus-code-compare").append(probe);
  const value = getComputedStyle(probe).color;
  probe.remove();
  return value;
}
"""

# The page's ground: the body's background, or the root's where the body
# has none (shibuya paints <html>).
PAGE_IS_DARK_JS = """
() => {
  let m = [255, 255, 255];
  for (const el of [document.body, document.documentElement]) {
    const p = getComputedStyle(el).backgroundColor.match(/[\\d.]+/g).map(Number);
    if (p.length < 4 || p[3] > 0) { m = p; break; }
  }
  return (0.2126 * m[0] + 0.7152 * m[1] + 0.0722 * m[2]) / 255 < 0.3;
}
"""


def _luminance(rgb: list[float]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: list[float], b: list[float]) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _rgb(css: str) -> list[float]:
    return [float(x) for x in re.findall(r"[\d.]+", css)[:3]]


def _build_theme_site(
    python: str, theme: Theme, base: Path, out: Path, *options: str
) -> Path:
    """Build the fixture (copied once into *base*) in *theme* with -W.

    The builds of one profile share their doctrees folder, read afresh by
    each (``-E``), so that a chart drawn once is cached for the next theme.
    """
    src = base / "src"
    if not src.exists():
        shutil.copytree(FIXTURE, src, ignore=shutil.ignore_patterns("_build"))
        shutil.copytree(SITE_STATIC, src / "_static")
    cmd = [python, "-P", "-m", "sphinx", "-b", "html", "-q", "-E", "-W"]
    cmd += ["--keep-going", "-D", f"html_theme={theme.name}"]
    if theme.site_look:
        cmd += [
            "-D",
            "html_static_path=_static",
            "-D",
            "html_css_files=versus-site.css",
        ]
        cmd += ["-D", "html_js_files=versus-site.js"]
    cmd += ["-d", str(base / "doctrees"), *options]
    done = subprocess.run(
        [*cmd, str(src), str(out)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=base,
        check=False,
    )
    if done.returncode != 0:
        pytest.fail(
            f"{theme.name}: the fixture did not build:\n{done.stderr}{done.stdout}",
            pytrace=False,
        )
    return out


@pytest.fixture(scope="session")
def profile_python(
    tmp_path_factory: pytest.TempPathFactory,
    require_tool: Callable[[str, str], str],
) -> Callable[[str], tuple[str, Path]]:
    """A clean venv per profile with the wheel and the themes: its python."""
    require_tool("uv", "pip install uv")
    made: dict[str, tuple[str, Path]] = {}

    def get(name: str) -> tuple[str, Path]:
        if name not in made:
            if not made:
                made["dist"] = ("", tmp_path_factory.mktemp("theme-dist"))
            wheel = matrix.build_dists(made["dist"][1]) if "wheel" not in made else None
            if wheel is not None:
                made["wheel"] = (str(wheel[1]), wheel[1])
            base = tmp_path_factory.mktemp(f"themes-{name}")
            profile = matrix.themes_profile(name)
            vpython = matrix.make_venv(profile, made["wheel"][1], base / "venv")
            made[name] = (str(vpython), base)
        return made[name]

    return get


@pytest.fixture(scope="session", params=BUILDS, ids=[f"{p}-{t}" for p, t in BUILDS])
def themed(
    request: pytest.FixtureRequest,
    chromium_path: str,
    profile_python: Callable[[str], tuple[str, Path]],
    _site_factory: Callable[..., Site],
) -> tuple[Theme, Site]:
    """The external fixture in one theme, built once per session and served."""
    profile, key = request.param
    theme = THEMES[key]
    python, base = profile_python(profile)
    out = _build_theme_site(python, theme, base, base / key)
    return theme, _site_factory(f"theme-{profile}-{key}", FIXTURE, True, out)


#: pydata-sphinx-theme (and sphinx-book-theme on it) logs this on every page
#: of a site that leaves its ``default_mode`` option unset; not ours to fix.
#: shibuya loads its fonts from Google's and jsDelivr's servers, which this
#: closed network refuses; the extension itself asks for nothing off-site.
THEME_NOISE = re.compile(
    r"console error: Got invalid theme mode: \. Resetting"
    r"|request failed: https://(fonts\.googleapis\.com|cdn\.jsdelivr\.net)/"
    r"|console error: Failed to load resource: net::ERR_NAME_NOT_RESOLVED"
)


@pytest.fixture
def open_page(
    new_context: Callable[..., BrowserContext],
    watch: Callable[[Page], PageProblems],
) -> Callable[..., tuple[Page, PageProblems]]:
    def make(**options: Any) -> tuple[Page, PageProblems]:
        options.setdefault("viewport", WIDE)
        page = new_context(**options).new_page()
        return page, watch(page)

    return make


def own(problems: PageProblems) -> list[str]:
    """Console errors and failed requests, less the themes' own noise."""
    return [m for m in problems.messages if not THEME_NOISE.match(m)]


def _visible(page: Page, selector: str) -> list[bool]:
    return page.eval_on_selector_all(
        selector, "els => els.map(e => e.checkVisibility({visibilityProperty: true}))"
    )


def _ready(page: Page) -> None:
    page.wait_for_selector(".versus-code-compare.versus-js")


def test_tabs_switch(themed: tuple[Theme, Site], open_page: Callable[..., Any]) -> None:
    theme, site = themed
    page, problems = open_page()
    page.goto(site.url("queries.html"))
    _ready(page)
    block = page.locator("#create-table")
    panels = block.locator('[role="tabpanel"]')
    assert _visible(page, "#create-table [role=tabpanel]") == [True, False], theme
    block.get_by_role("tab", name="SQLite").click()
    assert block.get_by_role("tab", name="SQLite").get_attribute("aria-selected") == (
        "true"
    )
    assert _visible(page, "#create-table [role=tabpanel]") == [False, True], theme
    assert "STRICT" in panels.nth(1).inner_text()
    assert not own(problems)


def _side_by_side(page: Page, root: str) -> None:
    """Every panel of the block is visible, in columns, each under its tab.

    Side by side, the tab row stays where it was and each tab heads its
    panel's column, so switching views moves nothing on the page.
    """
    selector = f"{root} [role=tabpanel]"
    assert all(_visible(page, selector)), f"{root}: a panel is hidden"
    assert all(_visible(page, f"{root} [role=tab]")), f"{root}: no label"
    boxes = [p.bounding_box() for p in page.locator(selector).all()]
    heads = [t.bounding_box() for t in page.locator(f"{root} [role=tab]").all()]
    assert all(boxes) and len(heads) == len(boxes)
    first, second = boxes[0], boxes[1]
    assert first and second
    assert first["x"] + first["width"] <= second["x"] + 1, f"not columns: {boxes}"
    for head, box in zip(heads, boxes, strict=True):
        assert head and box
        assert abs(head["x"] - box["x"]) <= 1, f"{root}: tab not over its panel"
        assert head["y"] + head["height"] <= box["y"] + 1


def test_side_by_side_shows_every_panel(
    themed: tuple[Theme, Site],
    open_page: Callable[..., Any],
) -> None:
    theme, site = themed
    page, problems = open_page()
    page.goto(site.url("queries.html"))
    _ready(page)
    # Authored :layout: side-by-side, but its lines need more than half the
    # column: tabs, one panel at full width, and no toggle that could not act.
    root = "#connecting-from-python .versus-code-compare"
    assert _visible(page, f"{root} [role=tabpanel]") == [True, False], theme.name
    assert not page.locator(f"{root} .versus-view-toggle").is_visible()
    # The reader's toggle on a tabs block whose lines fit half the column.
    toggle = page.locator("#create-table").get_by_role("button", name="Side by side")
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "true"
    _side_by_side(page, "#create-table")
    assert _visible(page, f"{root} [role=tabpanel]") == [True, False], theme.name
    assert not own(problems), theme.name


@pytest.mark.parametrize("page_name", ["queries.html", "operations.html"])
def test_print_shows_every_panel_with_its_label(
    themed: tuple[Theme, Site],
    open_page: Callable[..., Any],
    page_name: str,
) -> None:
    theme, site = themed
    page, problems = open_page()
    page.goto(site.url(page_name))
    _ready(page)
    page.emulate_media(media="print")
    blocks = page.locator(".versus-code-compare")
    assert blocks.count() >= 2
    for i in range(blocks.count()):
        block = blocks.nth(i)
        # The tab row itself is not printed, so read its labels from the DOM.
        tabs = [
            (t.text_content() or "").strip()
            for t in block.locator('[role="tab"]').all()
        ]
        panels = block.locator("[role=tabpanel]")
        assert panels.count() == len(tabs) >= 2
        for j, tab in enumerate(tabs):
            panel = panels.nth(j)
            label = panel.locator(".versus-panel-label")
            assert panel.is_visible(), f"{theme.name} print: panel {tab!r} hidden"
            assert label.is_visible(), f"{theme.name} print: label {tab!r} hidden"
            assert label.inner_text().strip() == tab
            assert panel.locator("pre").is_visible()
    assert not own(problems)


def _open_in_mode(
    theme: Theme, site: Site, open_page: Callable[..., Any], mode: str, **options: Any
) -> Page:
    page, _ = open_page(color_scheme=mode, **options)
    page.goto(site.url("queries.html"))
    _ready(page)
    if theme.dark:
        assert page.evaluate(PAGE_IS_DARK_JS) == (mode == "dark"), (
            f"{theme.name} did not switch to {mode} mode"
        )
    return page


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_tab_labels_meet_contrast(
    themed: tuple[Theme, Site],
    open_page: Callable[..., Any],
    mode: str,
    record_property: Callable[[str, object], None],
) -> None:
    theme, site = themed
    # No colour transitions: each state is measured as it settles.
    page = _open_in_mode(theme, site, open_page, mode, reduced_motion="reduce")
    block = page.locator("#create-table")
    tabs = block.get_by_role("tab").all()
    toggle = block.locator(".versus-view-toggle")
    low: list[str] = []
    ratios: list[float] = []

    def measure(state: str, *elements: Any) -> None:
        for el in elements:
            c = el.evaluate(COLOURS_JS)
            ratio = contrast(c["text"], c["background"])
            ratios.append(round(ratio, 2))
            if ratio < MIN_CONTRAST:
                low.append(f"{c['label']!r} ({state}) {ratio:.2f}:1")

    measure("selected", tabs[0])
    measure("unselected", tabs[1])
    measure("toggle", toggle)
    tabs[1].hover()
    measure("hovered", tabs[1])
    # The toggle pressed, and the panel labels side by side.
    toggle.click()
    measure("pressed", toggle)
    measure("side by side", *block.locator(".versus-panel-label").all())
    record_property(f"contrast-{theme.name}-{mode}", min(ratios))
    print(f"{theme.name} {mode}: contrast {ratios}")
    assert not low, f"{theme.name} {mode}: below {MIN_CONTRAST}:1: {low}"


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_toggle_is_drawn_from_the_theme(
    themed: tuple[Theme, Site], open_page: Callable[..., Any], mode: str
) -> None:
    theme, site = themed
    page = _open_in_mode(theme, site, open_page, mode)
    toggle = page.locator("#create-table .versus-view-toggle")
    assert toggle.is_visible()
    c = toggle.evaluate(COLOURS_JS)
    assert c["font"] == c["bodyFont"], f"{theme.name}: the toggle has its own font"
    surface = page.locator("#create-table").evaluate(COLOURS_JS)["background"]
    if c["ownBackground"][3] > 0:  # an opaque button must sit on the same surface
        assert contrast(c["ownBackground"], surface) < 1.1, (
            f"{theme.name} {mode}: toggle background {c['ownBackground']}"
            f" on a {surface} page"
        )
    assert c["borderWidth"] >= 1
    if theme.border_var:
        expected = _rgb(page.evaluate(CSS_VAR_JS, theme.border_var))
        assert [round(x) for x in c["border"][:3]] == [round(x) for x in expected], (
            f"{theme.name} {mode}: toggle border {c['border']} is not the theme's"
            f" {theme.border_var} {expected}"
        )


@pytest.fixture(scope="session")
def german_site(
    chromium_path: str,
    tmp_path_factory: pytest.TempPathFactory,
    _site_factory: Callable[..., Site],
) -> Site:
    """The external fixture with ``language = "de"`` (default theme)."""
    base = tmp_path_factory.mktemp("theme-de")
    theme = THEMES["alabaster"]
    out = _build_theme_site(
        sys.executable, theme, base, base / "html", "-D", "language=de"
    )
    return _site_factory("theme-de", FIXTURE, True, out)


def test_the_toggle_speaks_the_site_language(
    german_site: Site, open_page: Callable[..., Any]
) -> None:
    """Python writes the label in the build's language; the script uses it."""
    page, problems = open_page()
    page.goto(german_site.url("queries.html"))
    _ready(page)
    toggle = page.locator("#create-table").get_by_role("button", name="Nebeneinander")
    assert toggle.is_visible()
    toggle.click()
    _side_by_side(page, "#create-table")
    assert not own(problems)


# -- Dark mode from the theme's own switch, the chart, wide tables -------------

#: Each setting: the reader's system preference, and the choice stored by the
#: theme's own switch (None: never touched), and the mode the page must show.
SETTINGS = {
    "system-dark": ("dark", None),
    "switch-dark-on-light-system": ("light", "dark"),
    "switch-light-on-dark-system": ("dark", "light"),
}

#: Every colour of the chart's text (matplotlib's text groups) and its bars
#: (patches) as the page shows them: through the <img>'s CSS filter, drawn on
#: a canvas with the same filter.
CHART_INKS_JS = """
async (img) => {
  const svg = await (await fetch(img.currentSrc)).text();
  const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
  const fills = (selector) => {
    const found = new Set();
    for (const group of doc.querySelectorAll(selector)) {
      for (const el of [group, ...group.querySelectorAll("*")]) {
        const m = (el.getAttribute("style") || "").match(/fill:\\s*(#[0-9a-fA-F]{6})/);
        if (m) found.add(m[1]);
      }
    }
    return [...found];
  };
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 1;
  const ctx = canvas.getContext("2d", {willReadFrequently: true});
  ctx.filter = getComputedStyle(img).filter;
  const shown = (ink) => {
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = ink;
    ctx.fillRect(0, 0, 1, 1);
    return [...ctx.getImageData(0, 0, 1, 1).data];
  };
  return {
    text: fills('g[id^="c-text"]').map((ink) => [ink, shown(ink)]),
    bars: fills('g[id^="c-patch"]').map((ink) => [ink, shown(ink)]),
    filter: getComputedStyle(img).filter,
  };
}
"""

#: Every versus table that hides something: an element between the table and
#: its wrapper (the wrapper included) that scrolls sideways, or a cell that
#: reaches past the wrapper's box.
HIDDEN_CELLS_JS = """
() => [...document.querySelectorAll(".versus-table-wrapper")].flatMap((w) => {
  const table = w.querySelector("table");
  const box = w.getBoundingClientRect();
  const name = ((table.caption || {}).textContent || table.id).trim();
  const problems = [];
  for (let n = table; n && n !== w.parentElement; n = n.parentElement) {
    const hides = getComputedStyle(n).overflowX !== "visible";
    if (hides && n.scrollWidth > n.clientWidth + 1)
      problems.push(`${n.className} scrolls ${n.scrollWidth} > ${n.clientWidth}`);
  }
  for (const cell of table.querySelectorAll("th, td")) {
    const r = cell.getBoundingClientRect();
    if (r.width && (r.right > box.right + 1 || r.left < box.left - 1))
      problems.push(`"${cell.textContent.trim().slice(0, 30)}" outside the box`);
  }
  return problems.map((p) => `${name}: ${p}`);
})
"""


def _apply_setting(theme: Theme, setting: str, open_page: Callable[..., Any]) -> Page:
    system, stored = SETTINGS[setting]
    if stored is not None and theme.switch is None:
        pytest.skip(f"{theme.name} has no dark switch of its own")
    page, _ = open_page(color_scheme=system, reduced_motion="reduce")
    if stored is not None:  # what the theme's switch remembers for the reader
        page.add_init_script(f"localStorage.setItem({theme.switch!r}, {stored!r})")
    return page


def _expected_dark(theme: Theme, setting: str) -> bool:
    system, stored = SETTINGS[setting]
    return (stored or system) == "dark" and theme.dark


@pytest.mark.parametrize("setting", list(SETTINGS))
def test_dark_mode_follows_the_theme(
    themed: tuple[Theme, Site], open_page: Callable[..., Any], setting: str
) -> None:
    """The extension is dark exactly when the page is, however it was set."""
    theme, site = themed
    page = _apply_setting(theme, setting, open_page)
    dark = _expected_dark(theme, setting)
    page.goto(site.url("queries.html"))
    _ready(page)
    assert page.evaluate(PAGE_IS_DARK_JS) == dark, f"{theme.name} {setting}: page"
    block = page.locator("#create-table")
    ours = block.evaluate("e => getComputedStyle(e).getPropertyValue('--versus-dark')")
    assert ours.strip() == ("1" if dark else "0"), f"{theme.name} {setting}: {ours}"
    low = []
    for tab in block.get_by_role("tab").all():
        c = tab.evaluate(COLOURS_JS)
        ratio = contrast(c["text"], c["background"])
        if ratio < MIN_CONTRAST:
            low.append(f"{c['label']!r} {ratio:.2f}:1")
    assert not low, f"{theme.name} {setting}: tab labels below 4.5:1: {low}"


@pytest.mark.parametrize("setting", ["system-light", *SETTINGS])
def test_chart_text_meets_contrast(
    themed: tuple[Theme, Site],
    open_page: Callable[..., Any],
    setting: str,
    record_property: Callable[[str, object], None],
) -> None:
    """Chart text >= 4.5:1 and bars >= 3:1 on the page behind the chart."""
    theme, site = themed
    if setting == "system-light":
        page, _ = open_page(color_scheme="light")
    else:
        page = _apply_setting(theme, setting, open_page)
    page.goto(site.url("performance.html"))
    images = page.locator("img.versus-chart-image")
    assert images.count() >= 1
    worst: list[float] = []
    for img in images.all():
        img.scroll_into_view_if_needed()
        page.wait_for_function(
            "(img) => img.complete && img.naturalWidth", arg=img.element_handle()
        )
        inks = img.evaluate(CHART_INKS_JS)
        ground = img.evaluate(COLOURS_JS)["background"]
        assert inks["text"] and inks["bars"], inks
        for kind, minimum in (("text", MIN_CONTRAST), ("bars", 3.0)):
            for ink, shown in inks[kind]:
                ratio = contrast(shown, ground)
                worst.append(round(ratio, 2))
                assert ratio >= minimum, (
                    f"{theme.name} {setting}: chart {kind} {ink} shows as {shown}"
                    f" (filter {inks['filter']}) on {ground}: {ratio:.2f}:1"
                )
    record_property(f"chart-contrast-{theme.name}-{setting}", min(worst))


@pytest.mark.parametrize("page_name", ["index.html", "performance.html"])
def test_no_table_hides_a_cell_at_1280(
    themed: tuple[Theme, Site], open_page: Callable[..., Any], page_name: str
) -> None:
    theme, site = themed
    page, problems = open_page(viewport={"width": 1280, "height": 900})
    page.goto(site.url(page_name))
    page.wait_for_load_state("load")
    assert page.locator(".versus-table-wrapper").count() >= 2
    # Tables, not cards: the wide screen shows every table as one.
    stacked = page.eval_on_selector_all(
        "table.versus-table tbody tr",
        "rows => rows.filter(r => getComputedStyle(r).display === 'block').length",
    )
    assert stacked == 0, f"{theme.name}: {stacked} rows shown as cards at 1280 px"
    hidden = page.evaluate(HIDDEN_CELLS_JS)
    assert not hidden, f"{theme.name} {page_name}: {hidden}"
    assert not own(problems)
