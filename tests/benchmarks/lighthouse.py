"""``make lighthouse``: Lighthouse (mobile) scores for every page of the site.

A benchmark, not a test: Lighthouse's performance score depends on the
machine it runs on (its mobile preset simulates a slow phone on a slow
network from a trace of this machine).  It serves ``docs/_build/html`` on
127.0.0.1 -- gzip-compressed, as Read the Docs serves it -- runs
``npx lighthouse`` on every page with Debian's Chromium and
prints performance, accessibility, best practices and SEO per page, with
each failed audit of the last three.  Full reports go to
``docs/_build/lighthouse/``.

Targets (issue 14): performance >= 97, accessibility, best practices and
SEO 100 on every page.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.browser.served import QuietHandler, serve
from tests.shots import site_pages

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "docs" / "_build"
#: Pinned, so that scores compare across runs (13.x needs Node 22).
LIGHTHOUSE = "lighthouse@12.8.2"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 97, "accessibility": 100, "best-practices": 100, "seo": 100}
CHROME_FLAGS = " ".join(
    [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
    ]
)


#: Compressed like a web host compresses them.
COMPRESSED = {".html", ".css", ".js", ".svg", ".json", ".txt", ".xml"}


class _GzipHandler(QuietHandler):
    """Static files, gzip-compressed when the browser accepts it."""

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.suffix in COMPRESSED and path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)


def run_lighthouse(url: str, out: Path) -> dict[str, object]:
    argv = [
        "npx",
        "--yes",
        LIGHTHOUSE,
        url,
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        "--output=json",
        f"--output-path={out}",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    env = {**os.environ, "CHROME_PATH": shutil.which("chromium") or "/usr/bin/chromium"}
    done = subprocess.run(
        argv, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    if done.returncode != 0 or not out.exists():
        raise RuntimeError(f"lighthouse failed on {url}:\n{done.stderr[-2000:]}")
    report: dict[str, object] = json.loads(out.read_text("utf-8"))
    return report


def failed_audits(report: dict[str, object], category: str) -> list[str]:
    """Audits of a category that did not pass (score below 1, not informative)."""
    categories = report["categories"]
    audits = report["audits"]
    assert isinstance(categories, dict)
    assert isinstance(audits, dict)
    found = []
    for ref in categories[category]["auditRefs"]:
        audit = audits[ref["id"]]
        if (
            ref.get("weight", 0)
            and audit.get("score") is not None
            and audit["score"] < 1
        ):
            found.append(f"{ref['id']} ({audit['score']:.2f})")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--html", type=Path, default=BUILD / "html")
    parser.add_argument("--out", type=Path, default=BUILD / "lighthouse")
    parser.add_argument("--pages", nargs="*", help="only these pages (index.html ...)")
    args = parser.parse_args(argv)
    if not (args.html / "index.html").exists():
        sys.exit(f"no site in {args.html}: run make html first")
    for tool in ("npx", "chromium"):
        if shutil.which(tool) is None:
            sys.exit(
                f"make lighthouse needs {tool} (apt-get install nodejs npm chromium)"
            )
    args.out.mkdir(parents=True, exist_ok=True)
    pages = args.pages or site_pages(args.html)
    server, base_url = serve(args.html, _GzipHandler)
    rows = []
    try:
        for page in pages:
            report = run_lighthouse(
                base_url + page, args.out / (page.replace("/", "__") + ".json")
            )
            categories = report["categories"]
            assert isinstance(categories, dict)
            scores = {c: round(100 * (categories[c]["score"] or 0)) for c in CATEGORIES}
            notes = [
                f"{c}: {', '.join(failed_audits(report, c))}"
                for c in CATEGORIES[1:]
                if scores[c] < 100
            ]
            rows.append((page, scores, notes))
            print(
                f"{page:40} "
                + "  ".join(f"{scores[c]:3d}" for c in CATEGORIES)
                + ("   " + "; ".join(notes) if notes else ""),
                flush=True,
            )
    finally:
        server.shutdown()
        server.server_close()
    header = "page".ljust(40) + " " + "  ".join(c[:4] for c in CATEGORIES)
    print("\n" + header)
    below = 0
    for page, scores, _ in rows:
        misses = [c for c in CATEGORIES if scores[c] < TARGETS[c]]
        below += bool(misses)
        print(
            f"{page:40} "
            + "  ".join(f"{scores[c]:4d}" for c in CATEGORIES)
            + (f"   below target: {', '.join(misses)}" if misses else "")
        )
    print(f"\n{len(rows) - below} of {len(rows)} pages meet every target {TARGETS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
