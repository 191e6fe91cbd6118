"""A page added to a toctree shows in every page's navigation at once.

Sphinx writes only the pages it re-read; without ``docs/_ext/
versus_navigation.py`` the other pages keep their old sidebar and "Next"
link until ``make clean``.  Both behaviours are built here, so the test
fails if Sphinx's own behaviour changes and the fix is no longer needed.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.paths import DOCS

if TYPE_CHECKING:
    from collections.abc import Callable

PAGES = {
    "index.md": "# Home\n\n```{toctree}\na\nb\n```\n",
    "a.md": "# Page A\n\nText.\n",
    "b.md": "# Page B\n\nText.\n",
}
CONF = f"""
import sys
sys.path.insert(0, {str(DOCS / "_ext")!r})
"""
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.mark.parametrize("fixed", [True, False], ids=["with-fix", "sphinx-alone"])
def test_new_page_reaches_every_page(
    build_site: Callable[..., object], tmp_path: Path, fixed: bool
) -> None:
    conf = CONF + ('extensions.append("versus_navigation")\n' if fixed else "")
    build_site(PAGES, conf=conf)
    # Only the changed files are written: a.md and b.md stay as they were.
    built = build_site(
        {"index.md": "# Home\n\n```{toctree}\na\nb\nc\n```\n", "c.md": "# Page C\n"},
        conf=conf,
    )
    outdir = Path(built.outdir)  # type: ignore[attr-defined]
    b_page = (outdir / "b.html").read_text("utf-8")
    # Page B's "Next" link points to C (the test theme has no global sidebar;
    # a theme's sidebar is written in the same pass).
    assert ('<link rel="next" title="Page C" href="c.html"' in b_page) is fixed
    # An unchanged build afterwards writes nothing again.
    again = build_site({}, conf=conf)
    status = again.app._status.getvalue()  # type: ignore[attr-defined]
    assert "writing output... [" not in _ANSI.sub("", status)
