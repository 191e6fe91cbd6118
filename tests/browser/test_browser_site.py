"""The 404 page, as a web host serves it: for any missing URL, at any depth.

Read the Docs answers a missing page with the site's ``404.html`` and status
404, at the missing URL.  A small server here does the same, and the page
must come out whole from deep below the site's root: styles and scripts
loaded, no failed request, and links that lead into the site.
"""

from __future__ import annotations

import functools
import threading
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from playwright.sync_api import BrowserContext, Page

    from tests.browser.served import PageProblems, Site

pytestmark = [pytest.mark.browser, pytest.mark.toolchain]


class _NotFoundHandler(SimpleHTTPRequestHandler):
    """Static files; a missing one is answered with 404.html, status 404."""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_error(
        self, code: int, message: str | None = None, explain: str | None = None
    ) -> None:
        page = Path(self.directory) / "404.html"
        if code != HTTPStatus.NOT_FOUND or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(HTTPStatus.NOT_FOUND)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="module")
def host(docs_site: Site) -> Iterator[str]:
    handler = functools.partial(_NotFoundHandler, directory=str(docs_site.root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address[:2]
    yield f"http://{host}:{port}/"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize(
    "missing", ["no-such-page.html", "a/b/c/gone.html", "guide/x/"]
)
def test_404_page_is_whole_at_any_depth(
    host: str,
    new_context: Callable[..., BrowserContext],
    watch: Callable[[Page], PageProblems],
    missing: str,
) -> None:
    page = new_context(viewport={"width": 375, "height": 800}).new_page()
    problems = watch(page)
    response = page.goto(host + missing, wait_until="load")
    assert response is not None and response.status == HTTPStatus.NOT_FOUND
    assert page.title().startswith("Page not found")
    # The page's own 404 is expected; anything else failing is not.
    others = [m for m in problems.messages if missing not in m]
    assert not others, "\n".join(others)
    # furo's stylesheet applied: the mobile header is laid out, not raw text.
    header = page.locator("header.mobile-header")
    assert header.is_visible()
    assert header.evaluate("h => getComputedStyle(h).position") in {"sticky", "fixed"}
    # A link leads into the site.
    page.locator("article").get_by_role("link", name="Quick verdict").click()
    page.wait_for_load_state("load")
    assert page.url == host + "guide/verdict.html#verdict"
    assert page.locator("h1").first.inner_text().startswith("Quick verdict")
