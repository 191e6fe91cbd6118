# Appended to the conf.py that tests/conftest.py writes (BASE_CONF defines
# `extensions`), so this is not a complete conf.py on its own.
extensions += ["sphinx_tabs.tabs", "sphinx_copybutton"]  # noqa: F821
project = "code-compare fixture"
copyright = "2026, sphinx-versus"
version = release = "1.0"
