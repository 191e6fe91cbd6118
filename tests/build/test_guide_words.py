"""No page of the guide states a measured comparison by hand.

The words "faster", "slower", "N×" about a measured workload (HTTP, JSON,
binary search, memory, builds, binary size, GC pauses, start-up) must come
from the data: the ``benchmark-ratio``/``benchmark-verdict`` roles or the
benchmark tables, which write them from ``docs/data/measured.csv`` at build
time.  A sentence may still repeat a claim when it says whose claim it is
("the article states …").  Everything else is what a reader sees: the page's
main text, sentence by sentence, code excluded.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup

if TYPE_CHECKING:
    from tests.plugin import DocsHtml

#: A comparison: a comparative word or a factor.
COMPARATIVE = re.compile(
    r"\b(faster|slower|quicker|speedier|leaner|smaller|larger|bigger|"
    r"outperform\w*|twice|half as|order of magnitude|"
    r"\d+(?:[.,]\d+)?\s*(?:×|x\b|times\b))",
    re.IGNORECASE,
)
#: What this project measures (issue 22's workloads).
WORKLOAD = re.compile(
    r"\b(https?|requests?|throughput|json|pars\w+|decod\w+|encod\w+|"
    r"binary search|search|memory|rss|compil\w+|builds?|binary size|binar(?:y|ies)"
    r"|gc pauses?|pauses?|start-?up|latency|runtime performance|speed|performance)\b",
    re.IGNORECASE,
)
#: A sentence that says whose claim it repeats.
ATTRIBUTED = re.compile(
    r"\b(the article|article[’']s|the source|as published|according to|"
    r"(?:it|they|article) (?:claims|states|quotes|says|concludes))\b",
    re.IGNORECASE,
)
#: What the extension writes from data; code; the sidebar and the footer.
GENERATED = (
    ".versus-ratio, .versus-benchmark-table, .versus-table-notes, .versus-chart, "
    ".versus-environment, pre, .highlight, .headerlink"
)
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=[A-Z(*\"'“])")


def hand_comparisons(html: str) -> list[str]:
    """Sentences of a page's main text that compare a measured workload by hand."""
    soup = BeautifulSoup(html, "html.parser")
    main = soup.find(attrs={"role": "main"}) or soup
    for node in main.select(GENERATED):
        node.replace_with(" ⟨from the data⟩ ")
    found = []
    for table in main.find_all("table"):
        caption = table.find("caption")
        if caption is not None and ATTRIBUTED.search(caption.get_text(" ")):
            table.decompose()  # a table of the article's claims, labelled so
    # A table row is read as one sentence: "Compile speed | Very fast | Slower".
    blocks = main.find_all(["p", "li", "dd", "dt", "tr", "caption"])
    for block in blocks:
        if block.name != "tr" and (
            block.find_parent("tr") or block.find(["p", "li", "dd", "tr"])
        ):
            continue  # its row is read as a whole, or its inner blocks are
        text = re.sub(r"\s+", " ", block.get_text(" ")).strip()
        for sentence in _SENTENCE_END.split(text):
            if (
                COMPARATIVE.search(sentence)
                and WORKLOAD.search(sentence)
                and not ATTRIBUTED.search(sentence)
            ):
                found.append(sentence)
    return found


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<main role='main'><p>Rust is 2× faster at JSON.</p></main>", 1),
        ("<main role='main'><p>Go builds are far faster.</p></main>", 1),
        ("<main role='main'><li>HTTP: Rust serves 1.4 times more.</li></main>", 1),
        (
            "<main role='main'><p>JSON: <span class='versus-ratio'>Rust 4.7× "
            "faster (95 % CI 4.5–4.9×)</span>.</p></main>",
            0,
        ),
        (
            "<main role='main'><p>The article states that Rust is 2× faster "
            "at JSON.</p></main>",
            0,
        ),
        ("<main role='main'><p>Go is quicker to learn.</p></main>", 0),
    ],
)
def test_the_check_finds_hand_comparisons(html: str, expected: int) -> None:
    """The detector itself: it fires on a typed ratio, not on role output."""
    assert len(hand_comparisons(html)) == expected, hand_comparisons(html)


def test_no_page_states_a_measured_comparison_by_hand(docs_html: DocsHtml) -> None:
    if docs_html.returncode != 0:
        pytest.fail(f"the docs did not build:\n{docs_html.log}", pytrace=False)
    pages = [docs_html.outdir / "index.html", docs_html.outdir / "glossary.html"]
    pages += sorted((docs_html.outdir / "guide").glob("*.html"))
    found = {
        page.relative_to(docs_html.outdir).as_posix(): hand_comparisons(
            page.read_text(encoding="utf-8")
        )
        for page in pages
    }
    found = {page: sentences for page, sentences in found.items() if sentences}
    assert not found, (
        "comparisons of measured workloads typed by hand; use "
        "{benchmark-ratio} or {benchmark-verdict}, or say whose claim it is:\n"
        + "\n".join(f"{page}: {s}" for page, ss in found.items() for s in ss)
    )
