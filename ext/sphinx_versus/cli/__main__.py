"""``sphinx-versus``: the writer's command line (``python -m sphinx_versus.cli``).

Each subcommand imports its own module only when it runs, so ``check`` does
not pay for the importer and nothing pays for Sphinx's application.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sphinx-versus",
        description="Check, scaffold and import sphinx-versus pages.",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser(
        "check",
        help="find silent mistakes in pages and CSV files, without a build",
        description="Report each problem as path:line:col: versus.check.<kind>: "
        "message; exit 1 if there is any.",
    )
    check.add_argument("paths", nargs="*", type=Path, default=[Path("docs")])

    new = commands.add_parser("new", help="scaffold a page or a snippet pair")
    new.add_argument("what", choices=["page", "snippet"])
    new.add_argument("name", help="page: guide/my-topic; snippet: my-example")
    new.add_argument("--docs", type=Path, default=Path("docs"), help="source folder")
    new.add_argument("--snippets", type=Path, default=Path("snippets"))
    new.add_argument("--title", help="the page's title (default: from NAME)")

    mdx = commands.add_parser("import", help="convert an MDX comparison article")
    mdx.add_argument("file", type=Path)
    mdx.add_argument("-o", "--output", type=Path, default=Path())
    mdx.add_argument(
        "--split", action="store_true", help="one page per section and a toctree"
    )
    return parser


#: What the ``cli`` extra installs (myst-parser brings markdown-it-py,
#: mdit-py-plugins and PyYAML): the command's parsers, never a build's.
_CLI_EXTRA = frozenset(
    {"myst_parser", "markdown_it", "mdit_py_plugins", "yaml", "json5"}
)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except ModuleNotFoundError as exc:
        if (exc.name or "").split(".")[0] not in _CLI_EXTRA:
            raise
        print(
            f"sphinx-versus {args.command}: needs {exc.name}, which comes with "
            'the cli extra: pip install "sphinx-versus[cli]"',
            file=sys.stderr,
        )
        return 2


def _run(args: argparse.Namespace) -> int:
    if args.command == "check":
        from sphinx_versus.cli.check import check

        missing = [p for p in args.paths if not p.exists()]
        if missing:
            print(f"sphinx-versus check: no such file or folder: {missing[0]}")
            return 2
        problems = check(args.paths)
        for problem in problems:
            print(problem)
        return 1 if problems else 0
    if args.command == "new":
        from sphinx_versus.cli import new

        return new.run(args.what, args.name, args.docs, args.snippets, args.title)
    from sphinx_versus.cli.mdx import command

    return command.run(args.file, args.output, split=args.split)


if __name__ == "__main__":
    sys.exit(main())
