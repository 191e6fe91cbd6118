"""What the browser fixtures hand to tests: a served site, a page's problems;
and how every browser run here serves a build and starts Chromium (the
tests, ``make shots`` and ``make lighthouse``).

Kept out of ``conftest.py`` so tests can name these types (under
``TYPE_CHECKING``) without importing a conftest.
"""

from __future__ import annotations

import functools
import threading
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

    from playwright.sync_api import ConsoleMessage, Page, Request, Response


# Without the background-networking flags Chromium keeps dialling Google
# services, which this closed network refuses (and which would show up as
# noise); QUIC is off for the same reason.
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


class QuietHandler(SimpleHTTPRequestHandler):
    """Static files, without a log line per request."""

    def log_message(self, format: str, *args: Any) -> None:
        pass


def serve(
    root: Path, handler: type[SimpleHTTPRequestHandler] = QuietHandler
) -> tuple[ThreadingHTTPServer, str]:
    """Serve *root* on a free local port, in a daemon thread; its base URL."""
    bound = functools.partial(handler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), bound)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address[:2]
    return server, f"http://{host}:{port}/"


@dataclass(frozen=True)
class Site:
    """A built HTML site served over HTTP."""

    name: str
    root: Path
    base_url: str

    def url(self, page: str) -> str:
        return self.base_url + page

    @functools.cached_property
    def pages(self) -> list[str]:
        """Every HTML page of the site, relative to its root.

        Sphinx's own folders (``_static``, ``_sources``, ``_images``...) hold
        no pages of the site, so they are left out; everything else,
        ``genindex.html`` and ``search.html`` included, is a page a reader
        can open.
        """
        found = (
            path.relative_to(self.root).as_posix()
            for path in self.root.rglob("*.html")
            if not any(
                part.startswith("_") for part in path.relative_to(self.root).parts
            )
        )
        return sorted(found)


@dataclass
class PageProblems:
    """What went wrong while a page loaded: console errors, failed requests."""

    messages: list[str] = field(default_factory=list)

    def attach(self, page: Page) -> PageProblems:
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.messages.append(f"uncaught {error}"))
        page.on("requestfailed", self._on_failed)
        page.on("response", self._on_response)
        return self

    def clear(self) -> None:
        self.messages.clear()

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            where = message.location.get("url", "")
            self.messages.append(f"console error: {message.text} ({where})")

    def _on_failed(self, request: Request) -> None:
        self.messages.append(f"request failed: {request.url} ({request.failure})")

    def _on_response(self, response: Response) -> None:
        if response.status >= 400:
            self.messages.append(f"HTTP {response.status}: {response.url}")
