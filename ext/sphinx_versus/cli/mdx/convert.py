"""MDX comparison article -> MyST pages, a CSV per benchmark table, a report.

What maps: front matter (title, description); ``<ComparisonTable headers rows
/>`` -> ``comparison-table``; ``<Tabs>``/``<TabItem>`` (Astro, Starlight's
``syncKey``, Docusaurus' ``groupId``) and consecutive fences in different
languages -> ``code-compare``; a Markdown table whose figures all read as
figures -> a CSV and ``benchmark-table``; ``<Aside>`` and ``:::note`` ->
admonitions.  Everything else (imports, other components, expressions,
figures the benchmark reader cannot read) stays in the page as a ``%``
comment or as it was, and is in the report with its line.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sphinx_versus.cli.mdx import benchmarks
from sphinx_versus.cli.mdx.blocks import events
from sphinx_versus.cli.mdx.components import comparison_table, unmapped_props
from sphinx_versus.cli.mdx.inline import inline_expressions, inline_html
from sphinx_versus.cli.mdx.myst import short
from sphinx_versus.cli.mdx.tabs import TABS_PROPS, TabGroup, fence_run

if TYPE_CHECKING:
    from sphinx_versus.cli.mdx.blocks import Event

_ADMONITIONS = {
    "note": "note",
    "tip": "tip",
    "info": "note",
    "caution": "caution",
    "warning": "warning",
    "danger": "danger",
    "important": "important",
}


@dataclass(frozen=True)
class Note:
    """Something the importer could not map (or had to guess), located."""

    line: int
    kind: str
    message: str


@dataclass
class Section:
    """Output under one heading (level 0: before the first heading)."""

    level: int
    title: str
    lines: list[str] = field(default_factory=list)
    line: int = 0


@dataclass
class Conversion:
    title: str
    description: str
    front_comments: list[str]
    sections: list[Section]
    csvs: dict[str, str]
    notes: list[Note]


class Converter:
    """One MDX file's conversion; :meth:`run` returns the result."""

    def __init__(self, source: str, stem: str, data_prefix: str = "data/") -> None:
        self.source = source
        self.stem = stem
        self.data_prefix = data_prefix
        self.notes: list[Note] = []
        self.sections = [Section(0, "")]
        self.csvs: dict[str, str] = {}
        self.front: dict[str, Any] = {}
        self.front_comments: list[str] = []
        self.pending: list[Event] = []
        self.tabs: TabGroup | None = None
        self.open_unknown: list[str] = []

    # -- output ----------------------------------------------------------------

    def note(self, line: int, kind: str, message: str) -> None:
        self.notes.append(Note(line, kind, message))

    def emit(self, text: str) -> None:
        lines = self.sections[-1].lines
        if lines and lines[-1] != "":
            lines.append("")
        lines.extend(text.splitlines())

    def comment(self, line: int, text: str) -> None:
        self.emit(
            "\n".join(
                [f"% MDX line {line}, not converted:"]
                + [f"% {x}".rstrip() for x in text.splitlines()]
            )
        )

    # -- the walk --------------------------------------------------------------

    def run(self) -> Conversion:
        body, first_line = self._front_matter()
        for event in events(body, first_line):
            self._event(event)
        self._flush_fences()
        if self.tabs is not None:
            self.note(self.tabs.line, "component", "<Tabs> is never closed")
            self._close_tabs()
        self._heading_levels()
        title = str(self.front.get("title") or "")
        if not any(s.level == 1 for s in self.sections):
            title = title or self.stem.replace("-", " ").capitalize()
        return Conversion(
            title,
            str(self.front.get("description") or ""),
            self.front_comments,
            self.sections,
            self.csvs,
            sorted(self.notes, key=lambda n: n.line),
        )

    def _heading_levels(self) -> None:
        """Close gaps (``#`` then ``###``): MyST warns about skipped levels."""
        previous = 0 if any(s.level == 1 for s in self.sections) else 1
        for section in self.sections[1:]:
            level = min(section.level, previous + 1)
            if level != section.level:
                self.note(
                    section.line,
                    "heading",
                    f"heading '{section.title}' is level {section.level} after "
                    f"level {previous}; written as level {level} (MyST pages may "
                    "not skip a level)",
                )
                section.level = level
            previous = level

    def _front_matter(self) -> tuple[str, int]:
        lines = self.source.splitlines()
        if not lines or lines[0].strip() != "---":
            return self.source, 1
        end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), 0)
        if not end:
            self.note(1, "frontmatter", "front matter is never closed with ---")
            return self.source, 1
        import yaml

        try:
            data = yaml.safe_load("\n".join(lines[1:end])) or {}
        except yaml.YAMLError as err:
            self.note(1, "frontmatter", f"front matter is not YAML ({err})")
            data = {}
        if isinstance(data, dict):
            self.front = data
            for key, value in data.items():
                if key in {"title", "description"}:
                    continue
                self.note(
                    1,
                    "frontmatter",
                    f"front matter key '{key}' has no MyST equivalent; kept as a "
                    "comment",
                )
                self.front_comments.append(f"{key}: {json.dumps(value, default=str)}")
        return "\n".join(lines[end + 1 :]), end + 2

    def _event(self, event: Event) -> None:
        if self.tabs is not None and not (
            event.kind == "tag" and event.tag and event.tag.name in {"Tabs", "TabItem"}
        ):
            self.tabs.add(self, event)
            return
        if event.kind == "fence":
            self.pending.append(event)
            return
        self._flush_fences()
        handler = getattr(self, f"_{event.kind}")
        handler(event)

    def _markdown(self, event: Event) -> None:
        for token in inline_html(event.text):
            self.note(
                event.line,
                "component",
                f"inline {token.strip()} is left in the text, where Sphinx passes "
                "it through as HTML a browser does not know; rewrite it in Markdown",
            )
        for expression in inline_expressions(event.text):
            self.note(
                event.line,
                "expression",
                f"the inline expression {short(expression)} is computed by the MDX "
                "page; it is shown as written, replace it with its value",
            )
        self.emit(event.text)

    def _heading(self, event: Event) -> None:
        self.sections.append(Section(event.level, event.text, line=event.line))

    def _esm(self, event: Event) -> None:
        for n, statement in enumerate(event.text.splitlines()):
            if statement.strip():
                self.note(
                    event.line + n,
                    "esm",
                    f"'{statement.strip()}': module imports and exports have no "
                    "MyST equivalent; kept as a comment",
                )
        self.comment(event.line, event.text)

    def _expression(self, event: Event) -> None:
        inner = event.text[1:-1].strip()
        if inner.startswith("/*") and inner.endswith("*/"):
            self.emit(
                "\n".join(f"% {x}".rstrip() for x in inner[2:-2].strip().splitlines())
            )
            return
        self.note(
            event.line,
            "expression",
            f"the expression {short(event.text)} is computed by the MDX page at "
            "build time; kept as a comment, write its result into the page",
        )
        self.comment(event.line, event.text)

    def _error(self, event: Event) -> None:
        self.note(event.line, "syntax", f"cannot read: {short(event.text, 120)}")
        self.comment(event.line, event.text)

    def _container(self, event: Event) -> None:
        text = event.text
        if text == ":::":
            self.emit(":::")
            return
        match = re.match(
            r"^:::(?P<kind>[a-z]+)(?:\[(?P<t1>[^\]]*)\]|\s+(?P<t2>.*))?$", text
        )
        kind = _ADMONITIONS.get(match["kind"]) if match else None
        if match is None or kind is None:
            self.note(
                event.line, "component", f"'{text}' is not an admonition MyST has"
            )
            self.comment(event.line, text)
            return
        title = (match["t1"] or match["t2"] or "").strip()
        self.emit(
            f":::{{admonition}} {title}\n:class: {kind}" if title else f":::{{{kind}}}"
        )

    def _table(self, event: Event) -> None:
        name = f"{self.stem}-{len(self.csvs) + 1}.csv"
        source = str(self.front.get("title") or self.stem)
        result = benchmarks.table_to_csv(event.rows, source)
        if isinstance(result, str):
            self.note(event.line, "table", f"kept as a Markdown table: {result}")
            self.emit(event.text)
            return
        csv_text, guesses = result
        for guess in guesses:
            self.note(event.line, "table", guess)
        self.csvs[name] = csv_text
        self.emit(f"```{{benchmark-table}} {self.data_prefix}{name}\n```")

    def _tag(self, event: Event) -> None:
        tag = event.tag
        assert tag is not None
        if self.tabs is not None:
            if self.tabs.item(self, event, tag):
                self._close_tabs()
        elif tag.name == "ComparisonTable" and tag.self_closing:
            comparison_table(self, event, tag)
        elif tag.name == "Aside" and not tag.closing and not tag.self_closing:
            kind_attr = tag.attribute("type")
            kind = _ADMONITIONS.get(kind_attr.value if kind_attr else "note", "note")
            title = tag.attribute("title")
            self.open_unknown.append("Aside")
            self.emit(
                f":::{{admonition}} {title.value}\n:class: {kind}"
                if title
                else f":::{{{kind}}}"
            )
        elif tag.name == "Aside" and tag.closing:
            if "Aside" in self.open_unknown:
                self.open_unknown.remove("Aside")
            self.emit(":::")
        elif tag.name == "Tabs" and not tag.closing:
            unmapped_props(self, event, tag, TABS_PROPS)
            self.tabs = TabGroup(tag, event.line)
        else:
            shown = f"<{'/' if tag.closing else ''}{tag.name}>"
            self.note(
                event.line,
                "component",
                f"{shown}: no directive for this component; kept as a comment "
                "(its children, if any, are converted)",
            )
            self.comment(event.line, event.text)

    def _close_tabs(self) -> None:
        tabs, self.tabs = self.tabs, None
        assert tabs is not None
        for event in tabs.close(self):
            self._event(event)

    def _flush_fences(self) -> None:
        fences, self.pending = self.pending, []
        fence_run(self, fences)
