"""``python -m tests.lint``: every rule of :mod:`tests.lint.rules`, as lint."""

from __future__ import annotations

import sys

from tests.lint.rules import RULES


def main() -> int:
    problems = [problem for rule in RULES for problem in rule()]
    for problem in problems:
        print(problem)
    print(f"tests.lint: {len(RULES)} rules, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
