"""The chart cache: drawings named by their content hash, checked on read.

An entry is one file, ``<key>-<variant>-<format>.chart``: a JSON header line
(the SHA-256 of the drawing and the characters its font lacked) followed by
the drawing.  A read checks the hash, so an empty, truncated or altered entry
is drawn again and overwritten, never published; every write goes to a
temporary file in the same folder and is renamed into place, so a reader
(a parallel writer, a second build) never sees half a file.

Where: beside the doctrees, Sphinx's own build state, unless the doctrees lie
inside the output (plain ``sphinx-build -b epub SRC OUT`` puts them in
``OUT/.doctrees``, and the epub builder packs every image file under ``OUT``);
then beside the output, in ``<OUT>/../.versus-charts`` (where myst-nb keeps its
notebook cache).  No builder packs or publishes that folder.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Set

#: The cache's folder name (beside the doctrees or the output).
CACHE_DIR = "versus-charts"
#: Every temporary file the chart code writes starts with this.
TMP_PREFIX = ".tmp-versus-chart-"
SUFFIX = ".chart"
_FORMAT = 1


def cache_dir(
    outdir: str | os.PathLike[str], doctreedir: str | os.PathLike[str]
) -> Path:
    """The folder of the chart cache, outside anything a builder packs."""
    out = Path(outdir).resolve()
    doctrees = Path(doctreedir).resolve()
    if (doctrees == out or out in doctrees.parents) and out.parent != out:
        return out.parent / f".{CACHE_DIR}"
    return doctrees / CACHE_DIR


def entry_name(key: str, variant: str, fmt: str) -> str:
    return f"{key}-{variant}-{fmt}{SUFFIX}"


def _decode(raw: bytes) -> tuple[bytes, list[str]] | None:
    """The drawing and its missing characters, or ``None`` if damaged."""
    head, newline, data = raw.partition(b"\n")
    if not newline or not data:
        return None
    try:
        header = json.loads(head)
    except ValueError:
        return None
    if not isinstance(header, dict) or header.get("format") != _FORMAT:
        return None
    missing = header.get("missing")
    if header.get("sha256") != hashlib.sha256(data).hexdigest() or not (
        isinstance(missing, list) and all(isinstance(c, str) for c in missing)
    ):
        return None
    return data, missing


def _encode(data: bytes, missing: Set[str]) -> bytes:
    header = {
        "format": _FORMAT,
        "sha256": hashlib.sha256(data).hexdigest(),
        "missing": sorted(missing),
    }
    return json.dumps(header, sort_keys=True).encode() + b"\n" + data


def read_entry(path: Path) -> tuple[bytes, list[str]] | None:
    """A sound entry's drawing; ``None`` (the entry removed) if missing or
    damaged."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    found = _decode(raw)
    if found is None:
        with contextlib.suppress(OSError):
            path.unlink()
    return found


def cached(
    path: Path, draw: Callable[[], tuple[bytes, set[str]]]
) -> tuple[bytes, list[str], OSError | None]:
    """The drawing at *path*, drawing and storing it on a miss.

    The third item is the error that kept a fresh drawing out of the cache
    (a read-only folder): the drawing is still good, only not kept.
    """
    found = read_entry(path)
    if found is not None:
        return found[0], found[1], None
    data, missing = draw()
    try:
        write_atomically(path, _encode(data, missing))
    except OSError as exc:
        return data, sorted(missing), exc
    return data, sorted(missing), None


def write_atomically(path: Path, data: bytes) -> None:
    """Parallel writers may draw the same chart; never expose half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=TMP_PREFIX, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        # mkstemp creates 0600; published images must be readable like others.
        Path(tmp).chmod(0o644)
        Path(tmp).replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(tmp).unlink()
        raise


def publish(path: Path, data: bytes) -> None:
    """Write an output file unless it already holds exactly *data*."""
    try:
        if path.read_bytes() == data:
            return
    except OSError:
        pass
    write_atomically(path, data)


def remove_strays(folder: Path) -> None:
    """Delete the temporary files an interrupted build left in *folder*."""
    for path in _listing(folder):
        if path.name.startswith(TMP_PREFIX):
            with contextlib.suppress(OSError):
                path.unlink()


def prune(folder: Path, used: Set[str]) -> None:
    """Keep the entries of the charts in *used* (keys); delete the rest.

    Only entries are touched (``*.chart`` and stray temporary files): the
    folder is the extension's own, but a file someone put there is not.
    """
    remove_strays(folder)
    for path in _listing(folder):
        if path.name.endswith(SUFFIX) and path.name.split("-")[0] not in used:
            with contextlib.suppress(OSError):
                path.unlink()


def _listing(folder: Path) -> list[Path]:
    try:
        return [p for p in folder.iterdir() if p.is_file()]
    except OSError:
        return []
