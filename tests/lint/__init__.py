"""Repository rules that run as lint (``python -m tests.lint``)."""
