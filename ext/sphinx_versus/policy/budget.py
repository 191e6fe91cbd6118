"""Output and warning budgets: what one directive may print and copy.

A hostile data file can make a directive say the same thing thousands of
times (40 cells of ``<`|`` × 1000 gave 26,640 warnings, 15 s and 508 MB).
:func:`warning_budget` lets the first :data:`MAX_WARNINGS` warnings of a
directive's run through, whoever logs them (the extension, docutils'
parser, MyST), counts the rest, and the directive then prints one summary
line.  It filters the handlers of Sphinx's ``sphinx`` logger namespace with
the standard :mod:`logging` API, so parallel reads (whose handlers collect
records for the main process) are budgeted the same way.
"""

from __future__ import annotations

import functools
import logging
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from sphinx.util import logging as sphinx_logging

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from docutils.nodes import Node
    from sphinx.util.docutils import SphinxDirective

#: Warnings one directive prints before the summary line.
MAX_WARNINGS = 20
#: The longest card label (a header copied into each cell of a stacked table).
MAX_LABEL_CHARS = 60

_logger = sphinx_logging.getLogger(__name__)
_D = TypeVar("_D", bound="SphinxDirective")


#: The verdict on a record, kept on the record: one record passes through
#: several handlers (and ids of freed records are reused).
_VERDICT = "_versus_budget_verdict"


class Budget(logging.Filter):
    """A filter that passes the first *limit* warnings and counts the rest."""

    def __init__(self, limit: int = MAX_WARNINGS) -> None:
        super().__init__()
        self.limit = limit
        self.shown = 0
        self.suppressed = 0

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        verdict = record.__dict__.get(_VERDICT)
        if verdict is None or verdict[0] is not self:
            passed = self.shown < self.limit
            self.shown += passed
            self.suppressed += not passed
            verdict = (self, passed)
            record.__dict__[_VERDICT] = verdict
        return bool(verdict[1])


@contextmanager
def warning_budget(
    limit: int = MAX_WARNINGS, namespace: str = sphinx_logging.NAMESPACE
) -> Iterator[Budget]:
    """Within the block, at most *limit* warnings reach Sphinx's handlers."""
    budget = Budget(limit)
    handlers = list(logging.getLogger(namespace).handlers)
    for handler in handlers:
        handler.addFilter(budget)
    try:
        yield budget
    finally:
        for handler in handlers:
            handler.removeFilter(budget)


def budgeted(
    subtype: str,
) -> Callable[[Callable[[_D], list[Node]]], Callable[[_D], list[Node]]]:
    """Run a directive's ``run`` within a warning budget, then summarise."""

    def wrap(run: Callable[[_D], list[Node]]) -> Callable[[_D], list[Node]]:
        @functools.wraps(run)
        def budgeted_run(self: _D) -> list[Node]:
            with warning_budget() as budget:
                result = run(self)
            note_spent(self.state.document, self.get_location(), budget.shown)
            if budget.suppressed:
                _logger.warning(
                    "%s: %d more warnings about this directive are not shown "
                    "(at most %d are); fix the ones above and build again",
                    self.name, budget.suppressed, budget.limit,
                    location=self.get_location(), type="versus", subtype=subtype,
                )  # fmt: skip
            return result

        return budgeted_run

    return wrap


#: The document attribute that carries each directive's spent warnings from
#: its run to the transforms of the same read (removed by the last reader).
_SPENT = "_versus_warnings_spent"


def note_spent(document: Any, key: str, count: int) -> None:
    """Record that the directive at *key* printed *count* warnings."""
    spent: dict[str, int] = document.__dict__.setdefault(_SPENT, {})
    spent[key] = spent.get(key, 0) + count


def remaining(document: Any, key: str) -> int:
    """How many more warnings the directive at *key* may print."""
    spent: dict[str, int] = document.__dict__.get(_SPENT, {})
    return max(0, MAX_WARNINGS - spent.get(key, 0))


def forget_spent(document: Any) -> None:
    """Drop the record, so that it is not stored with the doctree."""
    document.__dict__.pop(_SPENT, None)


def capped(messages: list[Any], limit: int = MAX_WARNINGS) -> list[Any]:
    """The first *limit* system messages: the rest were not shown either."""
    return messages[:limit]
