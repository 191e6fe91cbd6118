"""benchmark-table: long sources and notes go under the table as numbered
notes, a source several rows share is one note (issue 25: wide tables)."""

from __future__ import annotations

from bs4 import BeautifulSoup

ARTICLE = '"[The article, as published](https://example.org/article)"'
CLAIMS = f"""\
workload,unit,better,Go,Rust,source,notes
JSON,ms,lower,~2,~0.8,{ARTICLE},As published.
Memory,MB,lower,~15,~5,{ARTICLE},As published.
"""
MEASURED = """\
workload,unit,better,Go,Rust,source,notes
JSON,ms,lower,4.1 (4.0–4.3),1.9 (1.8–2.0),Measured by this project (make measure),one
Memory,MB,lower,12 (11–13),5 (4–6),Measured by this project (make measure),two
"""
PAGE = """\
# Figures

```{benchmark-table} claims.csv measured.csv
:baseline: Go
:name: both
```
"""


def test_long_sources_are_numbered_notes_once_each(build_site) -> None:
    files = {"index.md": PAGE, "claims.csv": CLAIMS, "measured.csv": MEASURED}
    built = build_site(files, "html")
    soup = BeautifulSoup(built.read("index.html"), "html.parser")
    table = soup.find("table", id="both")
    heads = [th.get_text(" ", strip=True) for th in table.thead.find_all("th")]
    # Notes are short: they stay a column; the long sources do not.
    assert heads == ["Workload", "Source", "Go", "Rust", "Rust vs Go", "Notes"]
    cells = [tr.find("td", class_="versus-source") for tr in table.tbody("tr")]
    marks = [c.find("a", class_="versus-note-ref") for c in cells]
    assert [m.get_text() for m in marks] == ["1", "2", "1", "2"]
    notes = soup.find(class_="versus-table-notes").find("ol").find_all("li")
    assert len(notes) == 2  # four rows, two distinct sources
    for mark in marks:
        note = soup.find(id=mark["href"][1:])
        assert note is not None and note.find_parent("li") in notes
    # The source is still the writer's markup: its link works in the note.
    assert notes[0].find("a", href="https://example.org/article").get_text() == (
        "The article, as published"
    )
    assert notes[1].get_text(" ", strip=True) == (
        "Measured by this project (make measure)"
    )

    built.app.cleanup()
    text = build_site({}, "text", srcdir=built.srcdir).read("index.txt")
    assert text.count("Measured by this project (make measure)") == 1
    assert "1. The article, as published" in text
