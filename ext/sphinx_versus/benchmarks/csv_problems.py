"""A CSV file's own problems, reported once per file per build.

A page may quote one CSV file many times (a ``benchmark-ratio`` per
sentence); each use finds the same bad cells, and warning at every use
repeated each of them once per role.  The roles record what they found in a
small domain instead (the way ``sphinx.ext.todo`` keeps its data, so it
survives ``-j`` and incremental builds); after reading, the main process
reports each problem once, at the CSV's own line, naming the pages that
quote the file.  Only files quoted by a page read in this build are
reported, as Sphinx itself repeats no warning of a page it did not read
again; editing the CSV rereads its pages (a noted dependency), so the
problems come back until they are fixed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from sphinx.domains import Domain
from sphinx.util import logging

if TYPE_CHECKING:
    from collections.abc import Sequence, Set

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)

#: One problem: the line of the CSV (``None``: the whole file), the message.
Found = tuple[int | None, str]


class CsvProblemsDomain(Domain):
    """Per page: the CSV files it quoted that have problems, and what they are."""

    name = "versus-csv"
    label = "sphinx-versus CSV problems"
    initial_data: ClassVar[dict[str, Any]] = {"found": {}, "reading": []}

    @property
    def found(self) -> dict[str, dict[str, tuple[list[str], list[Found]]]]:
        """docname → CSV path → (the roles that quoted it, its problems)."""
        return self.data.setdefault("found", {})  # type: ignore[no-any-return]

    @classmethod
    def note(
        cls, env: BuildEnvironment, role: str, rel: str, problems: Sequence[Found]
    ) -> None:
        """Record *rel*'s problems, found by *role* on the page being read."""
        domain = env.get_domain(cls.name)
        assert isinstance(domain, cls)
        page = domain.found.setdefault(env.docname, {})
        roles, _known = page.get(rel, ([], []))
        page[rel] = (sorted({*roles, role}), list(problems))

    def clear_doc(self, docname: str) -> None:
        self.found.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for docname in docnames:
            if docname in otherdata["found"]:
                self.found[docname] = otherdata["found"][docname]

    def resolve_any_xref(self, *args: Any, **kwargs: Any) -> list[Any]:
        return []


def _domain(env: BuildEnvironment) -> CsvProblemsDomain:
    domain = env.get_domain(CsvProblemsDomain.name)
    assert isinstance(domain, CsvProblemsDomain)
    return domain


def note_reading(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Remember which pages this build reads (in the main process)."""
    _domain(env).data["reading"] = sorted(docnames)


def report(app: Sphinx, env: BuildEnvironment) -> None:
    """Each problem of each quoted file once, at the file's own line."""
    domain = _domain(env)
    reading = set(domain.data.get("reading", ()))
    files: dict[str, tuple[set[str], list[str], dict[Found, None]]] = {}
    for docname in sorted(domain.found):
        if docname not in reading:
            continue
        for rel, (roles, problems) in domain.found[docname].items():
            by, pages, found = files.setdefault(rel, (set(), [], {}))
            by.update(roles)
            pages.append(docname)
            found.update(dict.fromkeys(problems))
    domain.data["reading"] = []
    for rel in sorted(files):
        by, pages, found = files[rel]
        path = str(Path(env.srcdir) / rel)
        for line, message in sorted(found, key=lambda problem: problem[0] or 0):
            logger.warning(
                "%s: %s (quoted on %s)",
                ", ".join(sorted(by)),
                message,
                ", ".join(pages),
                location=path if line is None else f"{path}:{line}",
                type="versus",
                subtype="benchmark",
            )


def setup(app: Sphinx) -> None:
    app.add_domain(CsvProblemsDomain)
    app.connect("env-before-read-docs", note_reading)
    app.connect("env-updated", report)
