"""benchmark-chart's options and translations in real builds (issue 25).

``:values:`` and ``:scale:`` in every builder, each mistake a located
``versus.*`` warning; the caption and a writer's ``:alt:`` extracted by the
``gettext`` builder and replaced by a ``.po`` translation in HTML and LaTeX,
where the axis and the figures use the language's numbers.
"""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING, Any

from babel.messages.pofile import read_po, write_po
from bs4 import BeautifulSoup

from tests.paths import DOCS

if TYPE_CHECKING:
    from collections.abc import Callable

    from tests.plugin import Built

LATENCY = """\
workload,unit,better,Go,Rust
JSON decode,µs,lower,1234.5 (1200-1300),45 (44-46)
Binary search,µs,lower,0.8,0.5
"""

PAGE = """\
# Charts

```{benchmark-chart} latency.csv
:caption: Latency of *each* system
:alt: Go and Rust latency, in microseconds.
:values: absolute
:scale: log
:name: absolute
```

```{benchmark-chart} latency.csv
:caption: Rust relative to Go
:scale: log
```
"""

FILES: dict[str, str | bytes] = {"index.md": PAGE, "latency.csv": LATENCY}
CONF = "numfig = True\n"


def _rebuild(
    build_site: Callable[..., Built], previous: Built, name: str, **kw: Any
) -> Built:
    previous.app.cleanup()
    kw.setdefault("conf", CONF)
    return build_site({}, name, srcdir=previous.srcdir, **kw)


def test_every_builder_draws_or_describes_the_options(build_site):
    html = build_site(FILES, conf=CONF)
    soup = BeautifulSoup(html.read("index.html"), "html.parser")
    first, second = soup.find_all("figure", class_="versus-chart")
    assert first.find("img")["alt"] == "Go and Rust latency, in microseconds."
    alt = second.find("img")["alt"]
    assert alt.startswith(
        "Bar chart of Rust relative to Go (Go = 1×), on a logarithmic scale"
    )
    assert "Go 1,234.5 (1,200–1,300), Rust 45 (44–46); Rust 27× faster" in alt
    for picture in (first, second):
        for name in (picture.find("source")["srcset"], picture.find("img")["src"]):
            assert (html.outdir / name).read_text("utf-8").startswith("<?xml")

    latex = _rebuild(build_site, html, "latex")
    (tex,) = latex.outdir.glob("*.tex")
    pdfs = re.findall(r"\{\{(versus-chart-\w+)\}\.pdf\}", tex.read_text("utf-8"))
    assert len(set(pdfs)) == 2  # two drawings: absolute and ratio
    assert all((latex.outdir / f"{p}.pdf").read_bytes()[:4] == b"%PDF" for p in pdfs)

    text = " ".join(_rebuild(build_site, latex, "text").read("index.txt").split())
    assert "[Chart: Go and Rust latency, in microseconds.]" in text
    assert "[Chart: Bar chart of Rust relative to Go (Go = 1×), on a log" in text
    man = _rebuild(build_site, latex, "man")
    (page,) = man.outdir.glob("*.1")
    assert "latency, in microseconds." in page.read_text("utf-8")
    epub = _rebuild(
        build_site, man, "epub", conf=CONF + 'epub_copyright = "x"\nversion = "1"\n'
    )
    images = BeautifulSoup(epub.read("index.xhtml"), "html.parser").find_all("img")
    assert [i["alt"][:6] for i in images] == ["Go and", "Bar ch"]


def test_the_text_alternative_says_what_the_bars_are(build_site):
    page = "# C\n\n```{benchmark-chart} latency.csv\n:values: absolute\n```\n"
    built = build_site({"index.md": page, "latency.csv": LATENCY})
    alt = BeautifulSoup(built.read("index.html"), "html.parser").img["alt"]
    assert alt.startswith("Bar chart of each system's figures (Go, Rust).")
    assert "Go 0.8, Rust 0.5" in alt


def test_each_mistake_is_a_located_warning_and_the_chart_still_draws(build_site):
    mixed = (DOCS / "data" / "benchmarks.csv").read_bytes()
    page = """\
# C

```{benchmark-chart} mixed.csv
:caption: Mixed units
:values: absolute
```

```{benchmark-chart} zero.csv
:scale: log
:values: absolute
```

```{benchmark-chart} latency.csv
:scale: logarithmic
:values: percent
```
"""
    zero = "workload,unit,better,Go,Rust\nAllocs,count,lower,0,3\n"
    built = build_site(
        {"index.md": page, "mixed.csv": mixed, "zero.csv": zero,
         "latency.csv": LATENCY},
        warnings_ok=True,
    )  # fmt: skip
    warnings = [re.sub(r"^.*?/src/", "", w) for w in built.warnings.splitlines()]
    assert len(warnings) == 4, warnings
    assert warnings[0].startswith(
        "index.md:5: WARNING: benchmark-chart: mixed.csv: ':values: absolute' "
        "draws one axis, but the workloads are in different units"
    )
    assert warnings[0].endswith("[versus.chart]")
    assert warnings[1].startswith(
        "index.md:9: WARNING: benchmark-chart: zero.csv: ':scale: log' cannot "
        "show a figure of 0 ('Go')"
    )
    rest = sorted(warnings[2:])
    assert rest[0].startswith("index.md:13: WARNING: benchmark-chart: :scale: has ")
    assert "'logarithmic'" in rest[0] and '"linear", or "log"' in rest[0]
    assert rest[1].startswith("index.md:13: WARNING: benchmark-chart: :values: has ")
    assert all(w.endswith(("[versus.chart]", "[versus.benchmark]")) for w in warnings)
    # Every chart is still drawn, with what it can show.
    soup = BeautifulSoup(built.read("index.html"), "html.parser")
    alts = [img["alt"] for img in soup.find_all("img", class_="versus-chart-image")]
    assert len(alts) == 3
    assert alts[0].startswith("Bar chart of Rust relative to Go (Go = 1×; a longer")
    assert alts[1].startswith("Bar chart of each system's figures (Go, Rust).")


GERMAN = {
    "Latency of *each* system": "Latenz *jedes* Systems",
    "Go and Rust latency, in microseconds.": (
        "Latenz von Go und Rust, in Mikrosekunden."
    ),
    "Rust relative to Go": "Rust im Verhältnis zu Go",
}


def _po(pot: str) -> bytes:
    catalog = read_po(io.StringIO(pot), locale="de")
    for message in catalog:
        if message.id in GERMAN:
            message.string = GERMAN[message.id]
    out = io.BytesIO()
    write_po(out, catalog)
    return out.getvalue()


def test_captions_and_alt_text_are_translated_in_html_and_latex(build_site):
    pot = build_site(FILES, "gettext", conf=CONF).read("index.pot")
    for english in GERMAN:
        assert f'msgid "{english}"' in pot, pot
    files = {**FILES, "locales/de/LC_MESSAGES/index.po": _po(pot)}
    german = {"language": "de", "locale_dirs": ["locales"]}
    html = build_site(files, conf=CONF, confoverrides=german, freshenv=True)
    soup = BeautifulSoup(html.read("index.html"), "html.parser")
    first, second = soup.find_all("figure", class_="versus-chart")
    caption = first.find("figcaption")
    assert "Latenz jedes Systems" in caption.get_text()
    assert caption.find("em").get_text() == "jedes"  # markup of the page's parser
    assert "Rust im Verhältnis zu Go" in second.find("figcaption").get_text()
    img = first.find("img")
    assert img["alt"] == "Latenz von Go und Rust, in Mikrosekunden."
    # The drawing's own <title> is the translated text, and its file exists
    # after the build (pruning keeps what the translated page uses).
    svg = (html.outdir / img["src"]).read_text("utf-8")
    assert '<title id="c-title">Latenz von Go und Rust' in svg
    generated = second.find("img")["alt"]
    assert generated.startswith("Balkendiagramm von Rust im Verhältnis zu Go")
    assert "Go 1.234,5 (1.200–1.300), Rust 45 (44–46); Rust 27× schneller" in (
        generated
    )
    latex = _rebuild(build_site, html, "latex", confoverrides=german)
    (tex,) = latex.outdir.glob("*.tex")
    body = tex.read_text("utf-8")
    assert r"\caption{Latenz \sphinxstyleemphasis{jedes} Systems}" in body
    assert r"\caption{Rust im Verhältnis zu Go}" in body
    assert "Latency of" not in body
