"""Builder layout: what each builder shows a reader, beyond the HTML.

- singlehtml joins every page into one file: a captioned versus table's id
  carries its page's name, so no two are ``id1`` and a ``{numref}`` to the
  second page's table lands on it.
- A reST option a directive does not have is a located ``versus.*`` warning
  that names the options it has, and the table, comparison or figure is still
  built (docutils used to drop the whole directive with an ERROR).
"""

from __future__ import annotations

import collections
from pathlib import Path

from bs4 import BeautifulSoup

CSV = Path(__file__).parents[1] / "roots" / "benchmarks" / "data" / "ratios.csv"

PAGE = """\
{title}
=====

.. comparison-table:: Errors on {title}
   :headers: Topic | Go | Rust

   Errors | values | Result

.. benchmark-table:: data/r.csv
   :caption: Figures on {title}

See :numref:`two-table`.
"""

TWO_EXTRA = """
.. comparison-table:: Named
   :headers: Topic | Go | Rust
   :name: two-table

   Named | row | here
"""

INDEX = """\
Home
====

.. toctree::

   one
   two
"""


def test_singlehtml_ids_are_unique_and_numref_lands(build_site):
    files: dict[str, str | bytes] = {
        "index.rst": INDEX,
        "one.rst": PAGE.format(title="One"),
        "two.rst": PAGE.format(title="Two") + TWO_EXTRA,
        "data/r.csv": CSV.read_bytes(),
    }
    built = build_site(files, "singlehtml", conf="numfig = True\n")
    soup = BeautifulSoup(built.read("index.html"), "html.parser")
    ids = collections.Counter(e["id"] for e in soup.find_all(id=True))
    tables = soup.find_all("table", class_="versus-table")
    assert len(tables) == 5
    table_ids = [t.get("id") for t in tables]
    assert all(table_ids), table_ids
    assert [i for i in table_ids if ids[i] > 1] == [], ids
    # Each page's numbered table is named for its page.
    assert any(i.startswith("versus-one-") for i in table_ids), table_ids
    assert any(i.startswith("versus-two-") for i in table_ids), table_ids
    # (From page one Sphinx writes "#document-two#two-table", its own quirk.)
    links = [a for a in soup.select('a[href="#two-table"]') if "Table" in a.text]
    assert links
    target = soup.find(id="two-table")
    assert target is not None and "Named" in target.get_text()


BAD_OPTIONS = """\
Options
=======

.. comparison-table::
   :headers: Topic | Go | Rust
   :colour: red

   Errors | values | Result

.. code-compare:: Hello
   :layuot: tabs

   .. code-block:: go

      fmt.Println("x")

   .. code-block:: rust

      println!("x");

.. benchmark-table:: data/r.csv
   :bogus: 1
"""


def test_unknown_rest_option_is_a_located_warning_and_the_output_stays(
    build_site,
):
    built = build_site(
        {"index.rst": BAD_OPTIONS, "data/r.csv": CSV.read_bytes()},
        "html",
        warnings_ok=True,
    )
    warnings = built.warnings.splitlines()
    src = built.srcdir / "index.rst"
    expected = {
        4: ("comparison-table: :colour: is not an option", "[versus.table]"),
        10: ("did you mean :layout:?", "[versus.code_compare]"),
        21: ("benchmark-table: :bogus: is not an option", "[versus.benchmark]"),
    }
    for line, fragments in expected.items():
        assert any(
            w.startswith(f"{src}:{line}: WARNING:") and all(f in w for f in fragments)
            for w in warnings
        ), (line, warnings)
    assert len(warnings) == 3, warnings
    assert "ERROR" not in built.warnings
    soup = BeautifulSoup(built.read("index.html"), "html.parser")
    assert len(soup.find_all("table", class_="versus-table")) == 2
    assert "Errors" in soup.get_text() and 'println!("x");' in soup.get_text()


NOTED_CSV = """\
# cpu: the test machine
workload,unit,better,Go,Rust,notes
Decode,ms,lower,30,6,{long}
Encode,ms,lower,20,10,{long}
""".format(long="a long note about how this row was measured " * 4)


def test_environment_sits_with_its_table_before_the_numbered_notes(build_site):
    page = "Env\n===\n\n.. benchmark-table:: data/n.csv\n\nAfter.\n"
    built = build_site({"index.rst": page, "data/n.csv": NOTED_CSV}, "html")
    soup = BeautifulSoup(built.read("index.html"), "html.parser")
    table = soup.find("table", class_="versus-table")
    assert table is not None
    after = [
        e for e in table.find_all_next(["p", "ol"]) if e.find_parent("table") is None
    ]
    kinds = [
        "env" if "versus-environment" in (e.get("class") or []) else e.name
        for e in after
    ]
    assert "env" in kinds and "ol" in kinds, kinds
    assert kinds.index("env") < kinds.index("ol"), kinds
    assert "the test machine" in after[kinds.index("env")].get_text()
