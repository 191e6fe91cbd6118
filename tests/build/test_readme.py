"""The README is the PyPI page: its examples must build as they are written.

What it must name (the install, the extension, each directive, every
``versus_*`` setting) are lint rules in :mod:`tests.lint.rules`.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"


def _pypi_part() -> str:
    """The README down to a "Developing" part, if it has one (the PyPI page)."""
    text = README.read_text(encoding="utf-8")
    return text.split("\n# Developing sphinx-versus", 1)[0]


def _blocks(text: str, language: str) -> list[str]:
    """Fenced blocks of one language; the fence may be 3 to 5 backticks."""
    pattern = re.compile(
        rf"^(?P<fence>`{{3,5}}){language}\n(?P<body>.*?)^(?P=fence)$",
        re.MULTILINE | re.DOTALL,
    )
    return [m.group("body") for m in pattern.finditer(text)]


def test_readme_examples_build(build_site):
    part = _pypi_part()
    examples = _blocks(part, "markdown")
    (csv,) = [b for b in _blocks(part, "text") if b.startswith("workload,")]
    assert len(examples) == 3
    page = "# Examples\n\n" + "\n".join(examples)
    built = build_site(
        {"index.md": page, "data/benchmarks.csv": csv},
        "text",
    )
    out = built.read("index.txt")
    for expected in (
        "Client–server",  # comparison-table
        "Reading a JSON file",  # code-compare
        'json.loads(open("config.json").read())',
        "2.3× slower",  # benchmark-table: PostgreSQL vs the SQLite baseline
        "15× faster",
        "[Chart: Bar chart of PostgreSQL relative to SQLite",  # benchmark-chart
    ):
        assert expected in out, out
