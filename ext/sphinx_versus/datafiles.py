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
from typing import TYPE_CHECKING, BinaryIO

from sphinx_versus.policy import paths

if TYPE_CHECKING:
    from pathlib import Path

    from sphinx.environment import BuildEnvironment

#: A read takes this much at a time, so memory follows the file, not the limit.
_CHUNK = 1024 * 1024

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

    def located(self, filename: str) -> str:
        """``data.csv:2, column 4: reason``, the form every directive reports."""
        return f"{located(filename, self.line, self.column)}: {self.reason}"


def located(filename: str, line: int | None, column: int | None = None) -> str:
    """Where in a data file: ``data.csv``, ``data.csv:2``, ``data.csv:2, column 4``."""
    where = filename if line is None else f"{filename}:{line}"
    return where if column is None else f"{where}, column {column}"


@dataclass(frozen=True)
class CsvRow:
    """The stripped cells of one CSV record and the 1-based line it starts on."""

    cells: tuple[str, ...]
    line: int


def resolve_inside(
    env: BuildEnvironment, given: str, what: str = "data files"
) -> tuple[str, Path]:
    """*given*'s source-relative path and real location, if it may be read.

    The path policy (:mod:`sphinx_versus.policy.paths`) as a
    :class:`DataFileError`.
    """
    try:
        return paths.resolve(env, given, what)
    except paths.PathError as exc:
        raise DataFileError(str(exc)) from exc


def read_data_file(env: BuildEnvironment, given: str) -> tuple[str, bytes]:
    """The file's source-relative path and bytes, or :class:`DataFileError`."""
    rel, path = resolve_inside(env, given)
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
                    data = read_at_most(handle, limit + 1)
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


def read_at_most(handle: BinaryIO, size: int) -> bytes:
    """Up to *size* bytes, read a chunk at a time: a read of ``limit + 1``
    would allocate the whole limit up front, whatever the file's size."""
    chunks: list[bytes] = []
    left = size
    while left > 0:
        chunk = handle.read(min(left, _CHUNK))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


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
            if "field limit" in str(exc):
                msg = (
                    f"a field is longer than {csv.field_size_limit()} "
                    "characters, the most a CSV field may have; shorten it, or "
                    "close the quote that makes the rest of the file one field"
                )
                raise DataFileError(msg, start) from exc
            raise DataFileError(msg, reader.line_num or start) from exc
        stripped = tuple(cell.strip() for cell in cells)
        if any(stripped):
            rows.append(CsvRow(stripped, start))
    return tuple(rows)
