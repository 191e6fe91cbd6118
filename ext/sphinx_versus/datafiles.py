"""The one way a directive reads a data file: path rules, limits, CSV dialect.

comparison-table's ``:file:`` and the benchmark directives' argument share
every rule, and so every message:

- a path is relative to the page, or to the docs source directory with a
  leading ``/`` (as ``literalinclude``); it may not resolve outside that
  directory, symlinks included;
- it must be a regular file (no FIFO, device or directory, which would block
  or mislead the build) no larger than ``versus_data_max_bytes``;
- it is a recorded dependency even when reading fails, so the edit that fixes
  the file re-reads exactly the pages that use it;
- its text is UTF-8 (a BOM is welcome) and CSV is read with one dialect.

Problems are :class:`DataFileError` with a line and column where there is
one; the directives turn them into located warnings.
"""

from __future__ import annotations

import csv
import io
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

_HOW = (
    "paths are relative to this page, or to the docs source directory when "
    "they start with /"
)


class DataFileError(ValueError):
    """A data file that cannot be used; the message says how to fix it."""

    def __init__(
        self, reason: str, line: int | None = None, column: int | None = None
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line
        self.column = column

    def __str__(self) -> str:
        where = [f"line {self.line}"] if self.line is not None else []
        if self.column is not None:
            where.append(f"column {self.column}")
        return f"{', '.join(where)}: {self.reason}" if where else self.reason


@dataclass(frozen=True)
class CsvRow:
    """The stripped cells of one CSV record and the 1-based line it starts on."""

    cells: tuple[str, ...]
    line: int


def read_data_file(env: BuildEnvironment, given: str) -> tuple[str, bytes]:
    """The file's source-relative path and bytes, or :class:`DataFileError`."""
    rel, absolute = env.relfn2path(given, env.docname)
    srcdir = Path(env.srcdir).resolve()
    try:
        path = Path(absolute).resolve(strict=False)
    except (OSError, RuntimeError) as exc:  # a symlink loop
        msg = f"cannot resolve {given!r}: {exc}; replace the link with the file"
        raise DataFileError(msg) from exc
    if not path.is_relative_to(srcdir):
        msg = (
            f"{given!r} resolves to {path}, outside the docs source directory "
            f"{srcdir}; keep data files inside it (a leading / means the docs "
            "source directory)"
        )
        raise DataFileError(msg)
    env.note_dependency(rel)
    limit = int(env.config.versus_data_max_bytes)
    return rel, _read_regular_file(given, path, limit)


def _read_regular_file(given: str, path: Path, limit: int) -> bytes:
    """Read without ever blocking: a FIFO or device is refused before opening."""
    try:
        info = path.stat()
    except FileNotFoundError:
        problem = "no such file"
    except OSError as exc:
        problem = exc.strerror or str(exc)
    else:
        if stat.S_ISDIR(info.st_mode):
            problem = "it is a directory, not a file"
        elif not stat.S_ISREG(info.st_mode):
            problem = "it is not a regular file (a pipe, socket or device)"
        elif info.st_size > limit:
            msg = (
                f"{given!r} is {info.st_size} bytes, more than the "
                f"versus_data_max_bytes limit of {limit}; split the file or "
                "raise versus_data_max_bytes in conf.py"
            )
            raise DataFileError(msg)
        else:
            # O_NONBLOCK: should the file be swapped for a FIFO after stat(),
            # opening it still cannot hang the build.
            try:
                fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
                with os.fdopen(fd, "rb") as handle:
                    data = handle.read(limit + 1)
            except OSError as exc:
                problem = exc.strerror or str(exc)
            else:
                if len(data) > limit:
                    msg = (
                        f"{given!r} is more than the versus_data_max_bytes "
                        f"limit of {limit} bytes; split the file or raise "
                        "versus_data_max_bytes in conf.py"
                    )
                    raise DataFileError(msg)
                return data
    raise DataFileError(
        f"cannot read {given!r} (resolved to {path}): {problem}; {_HOW}"
    )


def decode_text(data: bytes) -> str:
    """UTF-8 text (a BOM is dropped), or an error at the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        msg = (
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); "
            "save the file with UTF-8 encoding"
        )
        raise DataFileError(msg, line, column) from exc


def read_csv(data: bytes) -> tuple[CsvRow, ...]:
    """Records of a UTF-8 CSV file (BOM and CRLF welcome), each with its line.

    Records whose cells are all empty (blank lines, a spreadsheet's ``,,,``)
    are skipped; cells are stripped of surrounding white space.
    """
    text = decode_text(data)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[CsvRow] = []
    while True:
        start = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            msg = (
                f"not valid CSV ({exc}); quote fields that contain commas or "
                "quotes, and double a quote inside a quoted field"
            )
            raise DataFileError(msg, reader.line_num or start) from exc
        stripped = tuple(cell.strip() for cell in cells)
        if any(stripped):
            rows.append(CsvRow(stripped, start))
    return tuple(rows)
