"""Translations, as Sphinx users do them (issue 13).

Writer content inside the directives — table cells from text rows and CSV
files, code-compare titles and labels, benchmark captions — is extracted by
the ``gettext`` builder, and a ``.po`` translation of it shows in a build with
``language`` and ``locale_dirs``, like any paragraph of the page.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from babel.messages.pofile import read_po, write_po

if TYPE_CHECKING:
    from collections.abc import Callable

    from conftest import Built

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
workload,unit,better,SQLite,PostgreSQL
Bulk insert,s,lower,4.2,9.8
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
    build_site: Callable[..., Built],
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
