"""Paths as Sphinx resolves them: which files a page's input may publish.

A path is checked in the very form Sphinx will use, never a cleaned-up
copy: Sphinx resolves a download's or image's whole target, query,
fragment, percent-escapes and backslashes included
(``env.relfn2path``, which follows symlinks), and treats it as remote only
when it holds ``://`` (an image also when it starts with ``data:``).  So
``a?/../../secret.txt`` and ``http:x/../../secret.png`` are local paths
here too, and are refused because they resolve outside.

A file may be read from the docs source directory, or from a folder the
writer names in ``versus_file_dirs`` (relative to ``conf.py``), symlinks
resolved first.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

Kind = Literal["image", "download"]


class PathError(ValueError):
    """A path the build may not read or publish; the message says how to fix it."""


def is_remote(kind: Kind, target: str) -> bool:
    """True where Sphinx links *target* as written instead of copying a file.

    The same tests as Sphinx's asset collectors: ``://`` anywhere, and for
    an image a ``data:`` prefix.
    """
    return "://" in target or (kind == "image" and target.startswith("data:"))


def allowed_dirs(env: BuildEnvironment) -> list[Path]:
    """The source directory and the writer's ``versus_file_dirs``, resolved."""
    # config.check_config made each folder absolute (from conf.py's folder).
    extra = [Path(name).resolve() for name in env.config.versus_file_dirs]
    return [Path(env.srcdir).resolve(), *extra]


def inside(path: Path, dirs: list[Path]) -> bool:
    """True if *path*, symlinks resolved, lies in one of *dirs*."""
    real = path.resolve(strict=False)
    return any(real.is_relative_to(folder) for folder in dirs)


def resolve(
    env: BuildEnvironment, given: str, what: str = "data files"
) -> tuple[str, Path]:
    """*given*'s source-relative path and real location, if it may be read.

    Resolved with ``env.relfn2path``, the call Sphinx itself makes, so the
    file checked is the file Sphinx would read.  Raises :class:`PathError`.
    """
    dirs = allowed_dirs(env)
    try:
        # relfn2path resolves too, so a symlink loop can raise from either.
        rel, absolute = env.relfn2path(given, env.docname)
        path = Path(absolute).resolve(strict=False)
    except (OSError, RuntimeError, ValueError) as exc:
        msg = f"cannot resolve {given!r}: {exc}; replace the link with the file"
        raise PathError(msg) from exc
    if not inside(path, dirs):
        others = (
            "or in a folder named in versus_file_dirs"
            if len(dirs) > 1
            else "or name its folder in versus_file_dirs in conf.py"
        )
        msg = (
            f"{given!r} resolves to {path}, outside the docs source directory "
            f"{dirs[0]}; keep {what} inside it (a leading / means the docs "
            f"source directory), {others}"
        )
        raise PathError(msg)
    return rel, path


def file_problem(env: BuildEnvironment, path: str, what: str) -> str | None:
    """Why the build may not publish the file at absolute *path*, or ``None``."""
    dirs = allowed_dirs(env)
    if inside(Path(path), dirs):
        return None
    return (
        f"{path} lies outside the docs source directory {dirs[0]}"
        + ("" if len(dirs) == 1 else " and the folders of versus_file_dirs")
        + f" (symlinks resolved), so its {what} is not published; move it "
        "inside, or name its folder in versus_file_dirs in conf.py"
    )
