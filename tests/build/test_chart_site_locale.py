"""The site's own chart captions in German (issue 25).

``docs/locales/de`` translates the captions and text alternatives of the
site's charts.  The real pages are extracted by the ``gettext`` builder
(so each translation's ``msgid`` is exactly what Sphinx extracts), and a
German build of the real page shows the translated caption.
"""

from __future__ import annotations

import re

from babel.messages.pofile import read_po
from bs4 import BeautifulSoup

from tests.paths import DOCS

LOCALES = DOCS / "locales" / "de" / "LC_MESSAGES"
PAGE = "guide/how-we-measured"
CONF = 'myst_enable_extensions = ["colon_fence", "substitution"]\n'


def _catalog(domain: str) -> dict[str, str]:
    with (LOCALES / f"{domain}.po").open("rb") as handle:
        return {str(m.id): str(m.string) for m in read_po(handle) if m.id}


def _chart_texts(page: str) -> set[str]:
    """Every benchmark-chart's :caption: and :alt: on a page of the site."""
    text = (DOCS / page).read_text("utf-8")
    found = set()
    for block in re.findall(
        r"benchmark-chart(?:\}|::) [^\n]+\n((?:[ \t]*:\w+:[^\n]*\n)+)", text
    ):
        found |= set(re.findall(r":(?:caption|alt): ([^\n]+)", block))
    return found


def test_every_site_chart_text_has_a_german_translation():
    for domain in ("guide", "writers-guide"):
        catalog = _catalog(domain)
        wanted = set()
        for page in sorted((DOCS / domain).glob("*.md")):
            wanted |= _chart_texts(f"{domain}/{page.name}")
        assert wanted, domain
        assert wanted == set(catalog), f"docs/locales/de/LC_MESSAGES/{domain}.po"
        assert all(catalog.values())


def test_a_german_build_of_the_real_page_shows_the_translated_caption(build_site):
    files: dict[str, str | bytes] = {
        "index.md": "# Site\n\n```{toctree}\nguide/how-we-measured\n```\n",
        f"{PAGE}.md": (DOCS / f"{PAGE}.md").read_text("utf-8"),
        "data/benchmarks.csv": (DOCS / "data" / "benchmarks.csv").read_bytes(),
        "data/measured.csv": (DOCS / "data" / "measured.csv").read_bytes(),
    }
    # The page's links into the rest of the site do not resolve here.
    pot = build_site(files, "gettext", conf=CONF, warnings_ok=True).read("guide.pot")
    catalog = _catalog("guide")
    for english in catalog:
        assert english in _pot_ids(pot), "the .po's msgid is not what Sphinx extracts"
    files["locales/de/LC_MESSAGES/guide.po"] = (LOCALES / "guide.po").read_bytes()
    built = build_site(
        files,
        conf=CONF,
        confoverrides={"language": "de", "locale_dirs": ["locales"]},
        freshenv=True,
        warnings_ok=True,
    )
    assert "versus." not in built.warnings, built.warnings
    soup = BeautifulSoup(built.read(f"{PAGE}.html"), "html.parser")
    caption = soup.find("figure", class_="versus-chart").find("figcaption")
    (german,) = catalog.values()
    assert german in caption.get_text()
    assert "The article's claims" not in caption.get_text()


def _pot_ids(pot: str) -> set[str]:
    import io

    return {str(m.id) for m in read_po(io.StringIO(pot)) if m.id}
