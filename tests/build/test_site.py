"""Site basics a reader expects, read from the real build's HTML.

Two books in one site (the reader's guide and the writer's guide, whose
"Next" and "Previous" links never cross), a favicon, a 404 page whose links
work from any depth, and Open Graph / Twitter card meta on every page.  (The
404 page at depth, in a browser, is in tests/browser/test_browser_site.py.)
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup

if TYPE_CHECKING:
    from tests.plugin import DocsHtml

READERS = [
    "guide/verdict",
    "guide/bottom-line",
    "glossary",
]


def _soup(docs_html: DocsHtml, page: str) -> BeautifulSoup:
    return BeautifulSoup(
        (docs_html.outdir / f"{page}.html").read_text("utf-8"), "html.parser"
    )


def _pages(docs_html: DocsHtml) -> list[str]:
    return sorted(
        p.relative_to(docs_html.outdir).with_suffix("").as_posix()
        for p in docs_html.outdir.rglob("*.html")
        if not any(
            part.startswith("_") for part in p.relative_to(docs_html.outdir).parts
        )
    )


@pytest.fixture(scope="module")
def built(docs_html: DocsHtml) -> DocsHtml:
    assert docs_html.returncode == 0, docs_html.log
    return docs_html


def _rel(soup: BeautifulSoup, rel: str) -> str | None:
    link = soup.find("link", rel=rel)
    return None if link is None else str(link["href"])


def test_next_and_previous_stay_within_a_book(built: DocsHtml) -> None:
    # The last pages of the reader's guide lead on to the glossary and the
    # complete programs (the PDF's appendix), no further.
    assert _rel(_soup(built, "guide/bottom-line"), "next") == "../glossary.html"
    assert _rel(_soup(built, "glossary"), "next") == "programs.html"
    assert _rel(_soup(built, "programs"), "next") is None
    # The writer's guide starts a book of its own: no way back into the guide.
    assert _rel(_soup(built, "writers-guide/index"), "prev") is None
    assert _rel(_soup(built, "writers-guide/index"), "next") == "about.html"
    for page in _pages(built):
        soup = _soup(built, page)
        for rel in ("next", "prev"):
            href = _rel(soup, rel)
            if href is None:
                continue
            writers = "writers-guide/" in page
            target_writers = (
                "writers-guide" in href if not writers else not href.startswith("../")
            )
            assert target_writers == writers, f"{page}: {rel} leads to {href}"


def test_sidebar_holds_both_books_in_order(built: DocsHtml) -> None:
    nav = _soup(built, "index").select_one(".sidebar-tree")
    assert nav is not None
    captions = [c.get_text(strip=True) for c in nav.select("p.caption")]
    assert captions == ["The guide", "Reference", "Appendix", "For writers"]
    links = [a["href"] for a in nav.select("a.reference")]
    assert links.index("glossary.html") < links.index("writers-guide/index.html")


def test_every_page_has_a_favicon_and_social_meta(built: DocsHtml) -> None:
    assert (built.outdir / "_static" / "favicon.svg").is_file()
    for page in _pages(built):
        soup = _soup(built, page)
        icon = soup.find("link", rel="icon") or soup.find("link", rel="shortcut icon")
        assert icon is not None and icon["href"].endswith("favicon.svg"), page
        meta = {
            m.get("property") or m.get("name"): m.get("content")
            for m in soup.find_all("meta")
        }
        assert meta.get("og:title"), page
        assert meta.get("og:site_name") == "Go vs Rust", page
        assert meta.get("og:type") in {"website", "article"}, page
        assert meta.get("twitter:card"), page
        description = meta.get("description")
        assert description and len(description) > 60, page
        assert meta.get("og:description") == description, page


def test_404_page_works_from_any_depth(built: DocsHtml) -> None:
    soup = _soup(built, "404")
    head = soup.find("head")
    base = head.find("base")
    # The first URL in <head> is resolved against <base>, so it comes first.
    assert base is not None and base["href"] == "/"
    first_url = head.find(lambda t: t.has_attr("href") or t.has_attr("src"))
    assert first_url is base
    assert soup.find("h1").get_text(strip=True).startswith("Page not found")
    links = {a["href"] for a in soup.select("article a.reference")}
    assert {"guide/verdict.html#verdict", "glossary.html#glossary"} <= links
    # Not a page of either book: no Next or Previous, not in the search index.
    assert _rel(soup, "next") is None and _rel(soup, "prev") is None
    raw = (built.outdir / "searchindex.js").read_text("utf-8")
    index = json.loads(raw[raw.index("(") + 1 : raw.rindex(")")])
    page = index["docnames"].index("404")
    indexed = [
        term
        for term, docs in index["terms"].items()
        if page in (docs if isinstance(docs, list) else [docs])
    ]
    assert indexed == [], "the 404 page's words are in the search index"
