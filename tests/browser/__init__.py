"""End-to-end tests of the built site in headless Chromium (issue 7).

A package, so that ``conftest.py`` here does not replace ``tests/conftest.py``
in ``sys.modules`` (pytest names every non-package conftest ``conftest``).
"""
