"""Loads the shared fixtures; nothing here is meant to be imported.

The fixtures live in :mod:`tests.plugin` (``build_site``, ``docs_html``,
``require_tool``, ``ci``) and the repository's paths in :mod:`tests.paths`.
"""

pytest_plugins = ["sphinx.testing.fixtures", "tests.plugin"]
