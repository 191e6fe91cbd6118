"""Unit layer: pure functions, no Sphinx build; seconds (``make check``)."""
