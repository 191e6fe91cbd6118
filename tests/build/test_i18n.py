"""Translations, as Sphinx users do them (issue 13).

The extension's own words (the toggle, "faster", "lower is better", table
headings, chart text and the generated alt text) come from its
``sphinx_versus`` message catalog, shipped in the package with a German
translation, so ``language = "de"`` shows them in German.

Writer content inside the directives — table cells from text rows and CSV
files, code-compare titles and labels, benchmark captions — is extracted by
the ``gettext`` builder, and a ``.po`` translation of it shows in a build with
``language`` and ``locale_dirs``, like any paragraph of the page.
"""

from __future__ import annotations

import gettext
import io
import re
from typing import TYPE_CHECKING, Any

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from sphinx_versus.locale import CATALOG, LOCALE_DIR

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from babel.messages.catalog import Catalog

PACKAGE = LOCALE_DIR.parent
LANGUAGES = sorted(p.name for p in LOCALE_DIR.iterdir() if (p / "LC_MESSAGES").is_dir())

PAGE = """\
# Databases

```{comparison-table} At a glance
:headers: Question | PostgreSQL | SQLite

Where does the data live? | A server process | A single file
```

```{comparison-table} From a file
:file: features.csv
```

````{code-compare} Creating a table

```{code-block} sql
:caption: PostgreSQL

CREATE TABLE events (id bigint);
```

```{code-block} sql
:caption: SQLite

CREATE TABLE events (id INTEGER);
```
````

```{benchmark-table} bench.csv
:caption: Bulk loading figures
```
"""

FEATURES = """\
Feature,PostgreSQL,SQLite
Concurrent writers,Many,One at a time
"""

BENCH = """\
workload,unit,better,SQLite,PostgreSQL,notes
Bulk insert,s,lower,4.2,9.8,one transaction
Cold start,ms,lower,1,,
"""

GERMAN = {
    "At a glance": "Auf einen Blick",
    "Where does the data live?": "Wo liegen die Daten?",
    "A single file": "Eine einzige Datei",
    "From a file": "Aus einer Datei",
    "Concurrent writers": "Gleichzeitige Schreiber",
    "One at a time": "Einer nach dem anderen",
    "Creating a table": "Eine Tabelle anlegen",
    "Bulk loading figures": "Zahlen zum Massenladen",
    "one transaction": "eine Transaktion",  # a benchmark CSV's notes cell
}

FILES: dict[str, str | bytes] = {
    "index.md": PAGE,
    "features.csv": FEATURES,
    "bench.csv": BENCH,
}


def _translate(pot: str, translations: dict[str, str]) -> bytes:
    """A .po file from a .pot, with the given msgstrs filled in."""
    catalog = read_po(io.StringIO(pot), locale="de")
    for message in catalog:
        if message.id in translations:
            message.string = translations[message.id]
    out = io.BytesIO()
    write_po(out, catalog)
    return out.getvalue()


def test_writer_content_is_extracted_and_translated(
    build_site: Callable[..., Any],
) -> None:
    pot = build_site(FILES, "gettext").read("index.pot")
    missing = [text for text in GERMAN if f'msgid "{text}"' not in pot]
    assert not missing, f"not extracted by the gettext builder: {missing}\n{pot}"

    files = {**FILES, "locales/de/LC_MESSAGES/index.po": _translate(pot, GERMAN)}
    html = build_site(
        files,
        "html",
        confoverrides={"language": "de", "locale_dirs": ["locales"]},
        freshenv=True,  # the gettext build's environment is not for html
    ).read("index.html")
    for english, german in GERMAN.items():
        assert german in html, f"{english!r} was not translated to {german!r}"
        assert f">{english}<" not in html, f"{english!r} is still in English"
    # The extension's own words in the same build come from its catalog.
    assert ">Messung<" in html  # the "Workload" heading
    assert "2,3× langsamer" in html


# -- the extension's own words ------------------------------------------------

CHART_PAGE = (
    PAGE
    + """
```{benchmark-chart} bench.csv
:caption: Drawn
```

````{code-compare}

```python
print("untitled")
```

```sql
SELECT 1;
```
````
"""
)


@pytest.fixture(scope="module")
def german(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The small site built in German: html and text output, by file name."""
    import subprocess
    import sys
    import textwrap

    src = tmp_path_factory.mktemp("de") / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_versus"]\nlanguage = "de"\n', "utf-8"
    )
    for name, text in {**FILES, "index.md": CHART_PAGE}.items():
        (src / name).write_text(textwrap.dedent(str(text)), "utf-8")
    out: dict[str, str] = {}
    for builder, name in (("html", "index.html"), ("text", "index.txt")):
        target = src.parent / builder
        done = subprocess.run(
            [sys.executable, "-m", "sphinx", "-b", builder, "-q", "-W",
             str(src), str(target)],
            capture_output=True, text=True, timeout=300, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        out[builder] = (target / name).read_text("utf-8")
    return out


@pytest.mark.parametrize(
    ("builder", "english", "german_text"),
    [
        (
            "html",
            'type="button">Side by side</button>',
            'type="button">Nebeneinander</button>',
        ),
        ("html", ">Workload<", ">Messung<"),
        ("html", ">Notes<", ">Anmerkungen<"),
        ("html", "PostgreSQL vs SQLite", "PostgreSQL vs. SQLite"),
        ("html", "2.3× slower", "2,3× langsamer"),
        ("html", "lower is better", "niedriger ist besser"),
        ("html", ">no data<", "keine Daten"),  # the chart's bar label, in its title
        ("html", "Bar chart of PostgreSQL relative to SQLite", "Balkendiagramm von"),
        ("html", 'aria-label="Code comparison"', 'aria-label="Codevergleich"'),
        ("text", "[Chart: Bar chart of", "[Diagramm: Balkendiagramm von"),
        ("text", "| Workload", "| Messung"),
        ("text", "| Notes", "| Anmerkungen"),
    ],
)
def test_extension_words_follow_the_language(
    german: dict[str, str], builder: str, english: str, german_text: str
) -> None:
    assert german_text in german[builder]
    assert english not in german[builder]


def _messages_in_code() -> set[str]:
    """Every ``_("...")`` message in the package, as babel extracts them."""
    return {
        message if isinstance(message, str) else message[0]
        for _file, _line, message, *_rest in extract_from_dir(
            str(PACKAGE), keywords={"_": None}
        )
    }


def _read(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as f:
        return read_po(f, locale=locale)


def test_the_template_has_every_message() -> None:
    template = {m.id for m in _read(LOCALE_DIR / f"{CATALOG}.pot") if m.id}
    assert template == _messages_in_code(), "run make locale"


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_translation_is_complete_and_compiled(language: str) -> None:
    folder = LOCALE_DIR / language / "LC_MESSAGES"
    catalog = _read(folder / f"{CATALOG}.po", language)
    messages = {m.id: m for m in catalog if m.id}
    assert set(messages) == _messages_in_code(), "run make locale"
    untranslated = [i for i, m in messages.items() if not m.string or m.fuzzy]
    assert not untranslated, untranslated
    with (folder / f"{CATALOG}.mo").open("rb") as f:
        compiled = gettext.GNUTranslations(f)
    for message in messages.values():
        assert compiled.gettext(str(message.id)) == message.string, "run make locale"
        # A placeholder lost or misspelt in translation would raise at build time.
        wanted = set(re.findall(r"\{(\w+)\}", str(message.id)))
        assert set(re.findall(r"\{(\w+)\}", str(message.string))) == wanted
