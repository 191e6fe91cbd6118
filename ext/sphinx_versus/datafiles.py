"""Reading a data file named by a directive, the way ``literalinclude`` does.

comparison-table's ``:file:`` and the benchmark directives' argument share
one rule: a path is relative to the page, or to the docs source directory
with a leading ``/``; it may not resolve outside that directory (symlinks
included); and it is a recorded dependency even when reading fails, so the
edit that fixes the file re-reads the page.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

_HOW = (
    "paths are relative to this page, or to the docs source directory when "
    "they start with /"
)


class DataFileError(Exception):
    """A data file that cannot be used; the message says how to fix it."""


def read_data_file(env: BuildEnvironment, given: str) -> tuple[str, bytes]:
    """The file's source-relative path and bytes, or :class:`DataFileError`."""
    rel, absolute = env.relfn2path(given, env.docname)
    srcdir = Path(env.srcdir).resolve()
    path = Path(absolute).resolve()
    if not path.is_relative_to(srcdir):
        msg = (
            f"{given!r} resolves to {path}, outside the docs source directory "
            f"{srcdir}; keep data files inside it (a leading / means the docs "
            "source directory)"
        )
        raise DataFileError(msg)
    env.note_dependency(rel)
    try:
        return rel, path.read_bytes()
    except FileNotFoundError:
        problem = "no such file"
    except IsADirectoryError:
        problem = "it is a directory, not a file"
    except OSError as exc:
        problem = exc.strerror or str(exc)
    raise DataFileError(
        f"cannot read {given!r} (resolved to {path}): {problem}; {_HOW}"
    )
