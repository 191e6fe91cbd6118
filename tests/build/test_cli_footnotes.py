"""Footnotes in table cells work in every builder (documented in the
writer's guide): comparison-table cells, Markdown tables, benchmark notes."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from collections.abc import Callable

PAGE = """\
# Footnotes

```{comparison-table} Features
:headers: Feature | Go | Rust

Memory | Collector[^gc] | Ownership
```

| Plain | Table |
|---|---|
| cell[^pipe] | x |

```{benchmark-table} bench.csv
```

[^gc]: A concurrent tracing collector.
[^pipe]: From a pipe table.
[^note]: From the benchmark notes.
"""
CSV = "workload,unit,better,Go,Rust,notes\nStart,ms,lower,20,10,cold start[^note]\n"
OUTPUT = {"html": "index.html", "singlehtml": "index.html", "text": "index.txt",
          "latex": "*.tex", "epub": "index.xhtml", "man": "*.1"}  # fmt: skip
CONF = 'project = "Footnotes"\ncopyright = "2026"\nversion = "1"\n'


@pytest.mark.parametrize("builder", sorted(OUTPUT))
def test_footnotes_in_cells(build_site: Callable[..., object], builder: str) -> None:
    built = build_site({"index.md": PAGE, "bench.csv": CSV}, builder, conf=CONF)
    (file,) = Path(built.outdir).glob(OUTPUT[builder])  # type: ignore[attr-defined]
    out = file.read_text("utf-8")
    for text in ("A concurrent tracing collector.", "From a pipe table.",
                 "From the benchmark notes."):  # fmt: skip
        assert text in out, (builder, text)
    assert "[^" not in out
