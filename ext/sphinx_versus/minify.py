"""Shrink the commented ``static/`` sources into the bytes a page downloads.

The sources stay readable (and type-checked by ``tsc``); a page gets them
without comments and needless whitespace, by two maintained minifiers,
rjsmin and rcssmin (small, pure Python, with optional C speedups that give
the same output).  Neither renames nor reorders anything, and both read
strings, template literals and regular expressions whole.  Same input, same
output: builds stay byte-identical.  Imported only when an HTML build copies
the files.
"""

from __future__ import annotations


def minify_js(src: str) -> str:
    """*src* without comments and the whitespace nothing needs."""
    import rjsmin

    return str(rjsmin.jsmin(src)) + "\n"


def minify_css(src: str) -> str:
    """*src* without comments and the whitespace nothing needs."""
    import rcssmin

    return str(rcssmin.cssmin(src)) + "\n"
