"""A second team's project: PostgreSQL vs SQLite, built from the installed wheel.

Only ``sphinx_versus`` and ``myst_parser`` are loaded, on Sphinx's default
theme, as a team adopting the extension would start.  Nothing here imports
from the sphinx-versus repository.
"""

project = "PostgreSQL vs SQLite"
author = "The storage team"
copyright = "2026, The storage team"
version = release = "1.0"

extensions = ["myst_parser", "sphinx_versus"]
myst_enable_extensions = ["colon_fence"]

root_doc = "index"
exclude_patterns = ["_build"]
numfig = True
nitpicky = True

versus_languages = {"psql": "psql"}

man_pages = [("index", "pg-vs-sqlite", project, [author], 7)]
