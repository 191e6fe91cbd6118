"""Browser fixtures: build each site once, serve it on 127.0.0.1, drive Chromium.

Two sites are served per session, each built with ``python -m sphinx`` in a
subprocess (so nothing of the build leaks into the browser tests' process):
the real guide (the ``docs_html`` build the content tests share) and a small
fixture site from ``site/`` that puts every kind of language tab on one page.
Each is served by a threaded ``http.server`` on an ephemeral port; one
Chromium (Debian's, never a downloaded one) serves the whole session and
every test gets fresh contexts.
"""

from __future__ import annotations

import subprocess
import sys
from http import HTTPStatus
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.browser.served import (
    CHROMIUM_ARGS,
    PageProblems,
    QuietHandler,
    Site,
    serve,
)
from tests.paths import DOCS, ROOT

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from http.server import ThreadingHTTPServer

    from playwright.sync_api import (
        Browser,
        BrowserContext,
        Page,
    )

    from tests.plugin import DocsHtml

HERE = Path(__file__).resolve().parent
FIXTURE_SRC = HERE / "site"
SCREENSHOTS = ROOT / "tests" / "output" / "screenshots"

BUILD_TIMEOUT = 900  # seconds; the real guide renders benchmark charts


class _QuietHandler(QuietHandler):
    """Serve files silently; answer a favicon nobody configured with 204.

    Chromium asks for ``/favicon.ico`` on every site by itself.  Neither furo
    nor the guide configures one, and the 404 would show up as a console
    error that no page caused; a real host answers it however it likes.
    """

    def do_GET(self) -> None:
        if (
            self.path.split("?")[0] == "/favicon.ico"
            and not Path(self.translate_path(self.path)).exists()
        ):
            self.send_response(HTTPStatus.NO_CONTENT)
            self.end_headers()
            return
        super().do_GET()


@pytest.fixture(scope="session")
def chromium_path(require_tool: Callable[[str, str], str]) -> str:
    """Debian's Chromium; skips locally (fails under CI=true) when missing."""
    return require_tool("chromium", "apt-get install chromium")


def _build_html(src: Path, out: Path, *, strict: bool) -> None:
    """Build ``src`` to ``out``; a failed build fails the test with its output."""
    cmd = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-j", "auto"]
    cmd += ["-d", str(out.parent / f"{out.name}-doctrees")]
    if strict:
        cmd += ["-W", "--keep-going"]
    cmd += [str(src), str(out)]
    done = subprocess.run(
        cmd, capture_output=True, text=True, timeout=BUILD_TIMEOUT, check=False
    )
    if done.returncode != 0:
        pytest.fail(
            f"sphinx-build of {src} failed (exit {done.returncode}):\n"
            f"{done.stderr}{done.stdout}",
            pytrace=False,
        )


@pytest.fixture(scope="session")
def _site_factory(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Callable[[str, Path, bool], Site]]:
    servers: list[ThreadingHTTPServer] = []

    def make(name: str, src: Path, strict: bool, out: Path | None = None) -> Site:
        if out is None:  # not built yet
            out = tmp_path_factory.mktemp(f"{name}-html", numbered=True) / "html"
            _build_html(src, out, strict=strict)
        server, base_url = serve(out, _QuietHandler)
        servers.append(server)
        return Site(name=name, root=out, base_url=base_url)

    yield make
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def docs_site(
    chromium_path: str, _site_factory: Callable[..., Site], docs_html: DocsHtml
) -> Site:
    """The real guide, as the content tests built it (once per session)."""
    if docs_html.returncode != 0:
        pytest.fail(f"the docs did not build:\n{docs_html.log}", pytrace=False)
    return _site_factory("docs", DOCS, False, docs_html.outdir)


@pytest.fixture(scope="session")
def fixture_site(chromium_path: str, _site_factory: Callable[..., Site]) -> Site:
    """The tab fixture site; it must build without a single warning."""
    return _site_factory("fixture", FIXTURE_SRC, True)


@pytest.fixture(scope="session")
def browser(chromium_path: str) -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=chromium_path, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    """Where screenshots go for people to look at (gitignored, not compared)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


@pytest.fixture
def new_context(browser: Browser) -> Iterator[Callable[..., BrowserContext]]:
    """Open browser contexts (own storage each) that close after the test."""
    contexts: list[BrowserContext] = []

    def make(**options: Any) -> BrowserContext:
        options.setdefault("viewport", {"width": 1280, "height": 900})
        options.setdefault("locale", "en-US")
        context = browser.new_context(**options)
        # Generous: two cores shared with Sphinx builds can be slow to paint.
        context.set_default_timeout(15_000)
        context.set_default_navigation_timeout(30_000)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def watch() -> Callable[[Page], PageProblems]:
    """``problems = watch(page)`` records console errors and failed requests."""
    return lambda page: PageProblems().attach(page)
