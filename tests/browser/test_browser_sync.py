"""Rust and C++ in every kind of tab: keys Python wrote, one choice for all.

``site/sync.md`` offers Rust and C++ in a code-compare block, a sphinx-design
``tab-set-code`` (fences ``rust`` and ``c++``) and ``tab-set`` (``:sync:
C++``), and sphinx-tabs code tabs and group tabs.  The scripts compute no key
(``tests/build/test_code_compare_sync.py`` checks that), so these only sync if the
keys Python wrote for each widget agree.
"""

from __future__ import annotations

import re
import time
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import BrowserContext, Page

    from tests.browser.served import PageProblems, Site

pytestmark = [pytest.mark.browser, pytest.mark.toolchain]

SECTIONS = ("compare", "design-code", "design-sync", "tabs-code", "tabs-group")

#: Each section's languages whose code is visible, by ``highlight-<lexer>``.
VISIBLE_JS = """
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
#: The lexer names a language's blocks use on the page.
LEXERS = {"c++": "cpp", "cpp": "cpp", "rust": "rust"}


def shown(page: Page, lang: str, timeout: float = 3.0) -> None:
    """Assert every section shows ``lang`` only (waiting a little)."""
    expected = {section: [lang] for section in SECTIONS}
    deadline = time.monotonic() + timeout
    while True:
        raw = page.evaluate(VISIBLE_JS, list(SECTIONS))
        actual = {
            k: sorted({LEXERS.get(x, x) for x in v or []}) for k, v in raw.items()
        }
        if actual == expected or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    wrong = {k: v for k, v in actual.items() if v != [lang]}
    assert not wrong, f"{page.url}: expected only {lang}, but {wrong}"


def control(page: Page, section: str, label: str) -> Any:
    """The tab control labelled ``label`` in a section, of any widget."""
    pattern = re.compile(rf"^\s*{re.escape(label)}\s*$", re.IGNORECASE)
    found = (
        page.locator(f"#{section}")
        .locator('[role="tab"], label[for]')
        .filter(has_text=pattern)
    )
    assert found.count() == 1, f"#{section}: {found.count()} controls named {label}"
    return found


@pytest.fixture
def sync_page(
    fixture_site: Site,
    new_context: Callable[..., BrowserContext],
    watch: Callable[[Page], PageProblems],
) -> Callable[[str], tuple[Page, PageProblems]]:
    def open_(query: str = "") -> tuple[Page, PageProblems]:
        page = new_context().new_page()
        problems = watch(page)
        page.goto(fixture_site.url(f"sync.html{query}"))
        return page, problems

    return open_


@pytest.mark.parametrize("source", SECTIONS)
def test_choosing_cpp_or_rust_in_one_widget_syncs_the_others(
    sync_page: Callable[..., tuple[Page, PageProblems]], source: str
) -> None:
    page, problems = sync_page()
    shown(page, "rust")
    control(page, source, "C++").click()
    shown(page, "cpp")
    # (tab-set-code labels its tabs "RUST" and "C++"; the match ignores case)
    control(page, source, "Rust").click()
    shown(page, "rust")
    assert not problems.messages


@pytest.mark.parametrize("query", ["?lang=c%2B%2B", "?lang=CPP", "?lang=C%2B%2B"])
def test_lang_in_url_names_cpp_any_way(
    sync_page: Callable[..., tuple[Page, PageProblems]], query: str
) -> None:
    page, problems = sync_page(query)
    shown(page, "cpp")
    assert not problems.messages


def test_unknown_lang_in_url_keeps_the_stored_choice(
    sync_page: Callable[..., tuple[Page, PageProblems]], fixture_site: Site
) -> None:
    page, problems = sync_page()
    control(page, "tabs-group", "C++").click()
    shown(page, "cpp")
    page.goto(fixture_site.url("sync.html?lang=cobol"))
    shown(page, "cpp")
    assert page.evaluate("localStorage.getItem('versus-lang')") == "cpp"
    assert not problems.messages
