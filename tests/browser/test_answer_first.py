"""On a phone, every page of the guide gives its answer before anything else.

At 375 × 812 CSS px (an iPhone-sized screen), the first thing under each
guide page's title is a paragraph that answers the page's question, and all
of it is on the first screen, without scrolling.  The performance page's
summary -- the article's claim and the measured ratio for each of the five
workloads -- ends within the first one and a half screens, and the whole page
stays short enough to read on a phone (≤ 8,000 px).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import pytest

from tests.paths import DOCS

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import BrowserContext

    from tests.browser.served import Site

pytestmark = [pytest.mark.browser, pytest.mark.toolchain]

PHONE = {"width": 375, "height": 812}
GUIDE = [*sorted(f"guide/{p.stem}" for p in (DOCS / "guide").glob("*.md")), "index"]
#: The performance page: its summary within 1.5 screens, the page ≤ 8,000 px.
SUMMARY_SCREENS = 1.5
MAX_PERFORMANCE_HEIGHT = 8_000
WORKLOADS = 5

#: The first visible block after the page's title, and where it sits.
_ANSWER = """
() => {
  const h1 = document.querySelector('[role="main"] h1');
  if (!h1) return null;
  const after = [];
  let node = h1.nextElementSibling;
  if (!node) node = h1.parentElement.nextElementSibling;
  while (node) {
    const box = node.getBoundingClientRect();
    if (box.height > 0) {
      return {
        tag: node.tagName, text: node.innerText,
        top: box.top + scrollY, bottom: box.bottom + scrollY,
        titleBottom: h1.getBoundingClientRect().bottom + scrollY,
      };
    }
    node = node.nextElementSibling;
  }
  return null;
}
"""


@pytest.fixture
def phone(new_context: Callable[..., BrowserContext]) -> BrowserContext:
    return new_context(viewport=PHONE, device_scale_factor=1)


@pytest.mark.parametrize("docname", GUIDE)
def test_answer_is_on_the_first_screen(
    docs_site: Site, phone: BrowserContext, docname: str
) -> None:
    page = phone.new_page()
    page.goto(docs_site.url(f"{docname}.html"))
    page.wait_for_load_state("load")
    answer: dict[str, Any] | None = page.evaluate(_ANSWER)
    assert answer is not None, f"{docname}: nothing under the title"
    assert answer["tag"] == "P", (
        f"{docname}: the first thing under the title is a {answer['tag']}, "
        f"not the answer: {answer['text'][:80]!r}"
    )
    words = len(answer["text"].split())
    assert 20 <= words <= 110, (
        f"{docname}: the answer has {words} words; two to four lines of source "
        f"(20-110 words) say it: {answer['text'][:120]!r}"
    )
    assert answer["top"] - answer["titleBottom"] < 100, (
        f"{docname}: the answer starts {answer['top'] - answer['titleBottom']:.0f} px "
        "below the title"
    )
    assert answer["bottom"] <= PHONE["height"], (
        f"{docname}: the answer ends at y = {answer['bottom']:.0f} px, below the "
        f"first screen ({PHONE['height']} px): {answer['text'][:80]!r}"
    )


def test_performance_summary_comes_first_and_the_page_is_short(
    docs_site: Site, phone: BrowserContext
) -> None:
    page = phone.new_page()
    page.goto(docs_site.url("guide/performance.html"))
    page.wait_for_load_state("load")
    rows: list[dict[str, Any]] = page.evaluate(
        """() => [...document.querySelectorAll(
              '[role="main"] table#performance-summary-table tbody tr')]
            .map(tr => ({text: tr.innerText,
                         bottom: tr.getBoundingClientRect().bottom + scrollY}))"""
    )
    assert len(rows) == WORKLOADS, f"the summary has {len(rows)} rows: {rows}"
    limit = SUMMARY_SCREENS * PHONE["height"]
    for row in rows:
        text = re.sub(r"\s+", " ", row["text"])
        # Each row: the article's claim (Go and Rust figures), then the
        # measured ratio with its interval and its word.
        assert "Go" in text and "Rust" in text, text
        assert re.search(r"95\s%\sCI\s[\d.]+[–-][\d.]+×", text), (
            f"no measured interval in the summary row {text!r}"
        )
        assert re.search(r"faster|slower|smaller|larger|no measurable", text), text
        assert row["bottom"] <= limit, (
            f"the summary row {text[:40]!r} ends at y = {row['bottom']:.0f} px, "
            f"past {SUMMARY_SCREENS} screens ({limit:.0f} px)"
        )
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height <= MAX_PERFORMANCE_HEIGHT, (
        f"guide/performance is {height} px tall at 375 px "
        f"(at most {MAX_PERFORMANCE_HEIGHT})"
    )
