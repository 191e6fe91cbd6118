"""Every page's navigation follows a new, removed or retitled page.

Sphinx rewrites only the pages it re-read, but each page's sidebar, "Next"
and "Previous" links come from the whole site's toctrees: after a page is
added to a toctree, every other page kept its stale sidebar until
``make clean``.  Here each page's toctree entries and title are recorded as
it is read; when that record differs from the last build's, every page is
written again (not re-read: the doctrees are already up to date).

Public API only: ``doctree-read`` records, ``env-purge-doc`` and
``env-merge-info`` keep the record right for removed pages and ``-j``
builds, and ``env-get-updated`` names the pages to write.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: docname -> (toctree entries, title), kept in the pickled environment.
_RECORD = "versus_navigation"
#: The record as of the last build's end.
_SEEN = "versus_navigation_seen"

Entry = tuple[tuple[tuple[str, ...], ...], str]


def _record(env: BuildEnvironment) -> dict[str, Entry]:
    if not hasattr(env, _RECORD):
        setattr(env, _RECORD, {})
    record: dict[str, Entry] = getattr(env, _RECORD)
    return record


def _read(app: Sphinx, doctree: nodes.document) -> None:
    entries = tuple(
        tuple(str(part) for part in entry)
        for toctree in doctree.findall(addnodes.toctree)
        for entry in toctree["entries"]
    )
    title = doctree.next_node(nodes.title)
    _record(app.env)[app.env.docname] = (entries, title.astext() if title else "")


def _purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    _record(env).pop(docname, None)


def _merge(
    app: Sphinx, env: BuildEnvironment, docnames: Iterable[str], other: BuildEnvironment
) -> None:
    theirs = _record(other)
    _record(env).update({d: theirs[d] for d in docnames if d in theirs})


def _updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    now = sorted(_record(env).items())
    seen = getattr(env, _SEEN, None)
    setattr(env, _SEEN, now)
    if seen is None or seen == now:
        return []
    return sorted(env.found_docs)


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("doctree-read", _read)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("env-get-updated", _updated)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
