"""epubcheck passes this site's EPUB and the external fixture's, with no error.

Both are built as a writer builds them (``make epub``: ``-n -W --keep-going``,
doctrees outside the output) and checked by the real EPUBCheck
(``org.w3c:epubcheck``, fetched and checksum-pinned by ``tests/epubcheck.py``;
``.ci/run`` installs it).  Every fatal and error message is printed with its
file and line, so a failure says which chapter broke and why.
"""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from typing import TYPE_CHECKING

import pytest

from tests import epubcheck
from tests.paths import DOCS, ROOT

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = [pytest.mark.toolchain]

FIXTURE = ROOT / "tests" / "external" / "docs"


def _jar(ci: bool) -> Path:
    jar = epubcheck.jar_path()
    if not jar.is_file():
        message = f"{jar} is missing; install it with: python3 -m tests.epubcheck"
        if ci:
            pytest.fail(f"CI=true and {message}", pytrace=False)
        pytest.skip(message)
    return jar


def _build_epub(src: Path, out: Path) -> Path:
    result = subprocess.run(
        [
            *(sys.executable, "-m", "sphinx", "-b", "epub", "-n", "-W", "--keep-going"),
            *("-d", str(out / "doctrees"), str(src), str(out / "epub")),
        ],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-6000:]
    (book,) = (out / "epub").glob("*.epub")
    return book


def _problems(java: str, jar: Path, book: Path) -> tuple[dict[str, int], list[str]]:
    """epubcheck's counts by severity, and each error or fatal, located."""
    report = book.with_suffix(".json")
    subprocess.run(
        [java, "-jar", str(jar), str(book), "--json", str(report)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    data = json.loads(report.read_text(encoding="utf-8"))
    counts: dict[str, int] = {}
    located = []
    for message in data["messages"]:
        severity = message["severity"]
        counts[severity] = counts.get(severity, 0) + (len(message["locations"]) or 1)
        if severity in {"FATAL", "ERROR"}:
            for where in message["locations"] or [{}]:
                located.append(
                    f"{severity}({message['ID']}) {where.get('path', '?')}"
                    f":{where.get('line', '?')}: {message['message']}"
                )
    assert data["checker"]["checkerVersion"] == epubcheck.VERSION
    return counts, located


@pytest.mark.parametrize("src", [DOCS, FIXTURE], ids=["site", "external-fixture"])
def test_epub_passes_epubcheck(src, tmp_path, require_tool, ci):
    java = require_tool("java", "apt-get install default-jre-headless")
    jar = _jar(ci)
    book = _build_epub(src, tmp_path)
    counts, located = _problems(java, jar, book)
    assert not located, f"{book.name}: {counts}\n" + "\n".join(located)
    assert counts.get("FATAL", 0) == counts.get("ERROR", 0) == 0


def test_epubcheck_finds_an_unclosed_input(tmp_path, require_tool, ci):
    """The check can fail: the XHTML sphinx-design wrote before is an error."""
    java = require_tool("java", "apt-get install default-jre-headless")
    jar = _jar(ci)
    book = _build_epub(FIXTURE, tmp_path)
    broken = tmp_path / "broken.epub"
    with zipfile.ZipFile(book) as zin, zipfile.ZipFile(broken, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename.endswith("index.xhtml"):
                data = data.replace(
                    b"<h1>", b'<input type="radio" name="sd-tab-set-0"><h1>', 1
                )
            zout.writestr(info, data)
    counts, located = _problems(java, jar, broken)
    assert counts.get("FATAL", 0) >= 1
    assert any("RSC-016" in line and "index.xhtml" in line for line in located)
