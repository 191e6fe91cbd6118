"""Write the converted pages and CSV files, and print the report."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from sphinx_versus.cli.mdx.convert import Conversion, Converter, Section

if TYPE_CHECKING:
    from pathlib import Path


def run(file: Path, output: Path, *, split: bool) -> int:
    try:
        source = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        print(f"sphinx-versus import: cannot read {file}: {err}")
        return 2
    stem = _slug(file.stem)
    folder = output / stem if split else output
    written = write(Converter(source, stem).run(), folder, stem, split=split)
    for path in written.pages:
        print(f"wrote {path}")
    for note in written.notes:
        print(f"{file}:{note.line}:1: versus.import.{note.kind}: {note.message}")
    return 0


class Written:
    def __init__(self, conversion: Conversion) -> None:
        self.pages: list[Path] = []
        self.notes = conversion.notes


def write(conversion: Conversion, folder: Path, stem: str, *, split: bool) -> Written:
    """Write the page(s) and CSV files under *folder*; return what was written."""
    written = Written(conversion)
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in conversion.csvs.items():
        (folder / "data").mkdir(exist_ok=True)
        (folder / "data" / name).write_text(text, encoding="utf-8")
        written.pages.append(folder / "data" / name)
    pages = (
        split_pages(conversion, stem)
        if split
        else {stem: render(conversion, conversion.sections)}
    )
    for name, text in pages.items():
        path = folder / f"{name}.md"
        path.write_text(text, encoding="utf-8")
        written.pages.append(path)
    return written


def render(
    conversion: Conversion,
    sections: list[Section],
    shift: int = 0,
    toc: list[str] | None = None,
) -> str:
    out: list[str] = []
    if conversion.description:
        out += ["---", "myst:", "  html_meta:"]
        out.append(
            f"    description: {json.dumps(conversion.description, ensure_ascii=False)}"
        )
        out += ["---", ""]
    if conversion.front_comments and not shift:
        out += ["% Front matter without a MyST equivalent:"]
        out += [f"% {line}" for line in conversion.front_comments] + [""]
    if conversion.title and not any(s.level - shift == 1 for s in sections):
        out += [f"# {conversion.title}", ""]
    for section in sections:
        if section.level:
            out += [f"{'#' * max(section.level - shift, 1)} {section.title}", ""]
        if section.lines:
            out += [*section.lines, ""]
    if toc:
        out += ["```{toctree}", ":maxdepth: 1", "", *toc, "```", ""]
    return "\n".join(out).rstrip("\n") + "\n"


def split_pages(conversion: Conversion, stem: str) -> dict[str, str]:
    """``index`` (title, introduction, toctree) and one page per ``##`` section."""
    intro: list[Section] = []
    parts: list[list[Section]] = []
    for section in conversion.sections:
        if section.level == 2:
            parts.append([section])
        elif parts and section.level > 2:
            parts[-1].append(section)
        else:
            intro.append(section)
    names: list[str] = []
    pages: dict[str, str] = {}
    for part in parts:
        name = _slug(part[0].title) or "section"
        while name in names or name == "index":
            name += "-2"
        names.append(name)
        page = Conversion("", "", [], [], {}, [])
        pages[name] = render(page, part, shift=1)
    pages = {"index": render(conversion, intro, toc=names), **pages}
    return pages


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
