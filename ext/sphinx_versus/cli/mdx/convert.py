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
from sphinx_versus.cli.mdx.blocks import Event, events
from sphinx_versus.cli.mdx.jsx import JsxError, straight_quotes

if TYPE_CHECKING:
    from sphinx_versus.cli.mdx.jsx import Tag

_ADMONITIONS = {
    "note": "note",
    "tip": "tip",
    "info": "note",
    "caution": "caution",
    "warning": "warning",
    "danger": "danger",
    "important": "important",
}
_TAB_GROUPS = {"syncKey", "groupId"}
_MAPPED_TAB_PROPS = _TAB_GROUPS | {"defaultValue", "values", "queryString"}
_MAPPED_ITEM_PROPS = {"label", "value", "default", "icon"}


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


@dataclass
class _Tabs:
    tag: Tag
    line: int
    items: list[tuple[str, list[Event]]] = field(default_factory=list)
    current: tuple[str, list[Event]] | None = None


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
        self.tabs: _Tabs | None = None
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
            self._in_tabs(event)
            return
        if event.kind == "fence":
            self.pending.append(event)
            return
        self._flush_fences()
        handler = getattr(self, f"_{event.kind}")
        handler(event)

    def _markdown(self, event: Event) -> None:
        for token in _inline_html(event.text):
            self.note(
                event.line,
                "component",
                f"inline {token.strip()} is left in the text, where Sphinx passes "
                "it through as HTML a browser does not know; rewrite it in Markdown",
            )
        for expression in _inline_expressions(event.text):
            self.note(
                event.line,
                "expression",
                f"the inline expression {_short(expression)} is computed by the MDX "
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
            f"the expression {_short(event.text)} is computed by the MDX page at "
            "build time; kept as a comment, write its result into the page",
        )
        self.comment(event.line, event.text)

    def _error(self, event: Event) -> None:
        self.note(event.line, "syntax", f"cannot read: {_short(event.text, 120)}")
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
            self._tab_tag(event, tag)
        elif tag.name == "ComparisonTable" and tag.self_closing:
            self._comparison_table(event, tag)
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
            self._props(event, tag, _MAPPED_TAB_PROPS)
            self.tabs = _Tabs(tag, event.line)
        else:
            shown = f"<{'/' if tag.closing else ''}{tag.name}>"
            self.note(
                event.line,
                "component",
                f"{shown}: no directive for this component; kept as a comment "
                "(its children, if any, are converted)",
            )
            self.comment(event.line, event.text)

    # -- components -------------------------------------------------------------

    def _props(self, event: Event, tag: Tag, mapped: set[str]) -> None:
        for attr in tag.attributes:
            if attr.name not in mapped:
                self.note(
                    event.line,
                    "prop",
                    f"<{tag.name}> prop '{attr.name or '{…}'}' is not mapped; kept "
                    "as a comment",
                )
                self.comment(event.line, f"{attr.name}={attr.value}")

    def _evaluate(self, event: Event, tag: Tag, name: str) -> Any:
        attr = tag.attribute(name)
        if attr is None:
            raise JsxError(f"<{tag.name}> has no {name}= prop", 0)
        if attr.kind == "string":
            return attr.value
        import json5

        source, changed = straight_quotes(attr.value)
        if changed:
            self.note(
                event.line,
                "quotes",
                f"<{tag.name}> {name}: typographic quotes around strings were read "
                "as straight quotes",
            )
        try:
            return json5.loads(source)
        except ValueError as err:
            raise JsxError(
                f"{name}={{{_short(attr.value)}}} is not a literal the importer "
                f"can read ({err})",
                0,
            ) from None

    def _comparison_table(self, event: Event, tag: Tag) -> None:
        try:
            headers = self._evaluate(event, tag, "headers")
            rows = self._evaluate(event, tag, "rows")
            if not _strings(headers) or not isinstance(rows, list):
                raise JsxError("headers and rows must be arrays of strings", 0)
            if not all(_strings(r) for r in rows):
                raise JsxError("every row must be an array of strings", 0)
        except JsxError as err:
            self.note(
                event.line, "component", f"<ComparisonTable>: {err}; kept as a comment"
            )
            self.comment(event.line, event.text)
            return
        self._props(event, tag, {"headers", "rows", "title", "caption"})
        title_attr = tag.attribute("title") or tag.attribute("caption")
        title = (
            f" {title_attr.value}" if title_attr and title_attr.kind == "string" else ""
        )
        body = [f":headers: {' | '.join(_cell(h) for h in headers)}", ""]
        body += [" | ".join(_cell(c) for c in row) for row in rows]
        self.emit(_fence(f"{{comparison-table}}{title}", "\n".join(body)))

    def _in_tabs(self, event: Event) -> None:
        tabs = self.tabs
        assert tabs is not None
        if tabs.current is None:
            if event.kind == "markdown" and not event.text.strip():
                return
            self.note(
                event.line,
                "component",
                "content inside <Tabs> but outside a <TabItem>; kept after the tabs",
            )
            tabs.items.append(("", [event]))
            return
        tabs.current[1].append(event)

    def _tab_tag(self, event: Event, tag: Tag) -> None:
        tabs = self.tabs
        assert tabs is not None
        if tag.name == "TabItem" and not tag.closing:
            self._props(event, tag, _MAPPED_ITEM_PROPS)
            label = tag.attribute("label") or tag.attribute("value")
            tabs.current = (label.value if label else "", [])
        elif tag.name == "TabItem" and tabs.current is not None:
            tabs.items.append(tabs.current)
            tabs.current = None
        elif tag.name == "Tabs" and tag.closing:
            self._close_tabs()

    def _close_tabs(self) -> None:
        tabs = self.tabs
        assert tabs is not None
        if tabs.current is not None:
            tabs.items.append(tabs.current)
        self.tabs = None
        blocks: list[tuple[str, str]] = []
        rest: list[Event] = []
        for label, items in tabs.items:
            fences = [e for e in items if e.kind == "fence" and e.token is not None]
            for fence in fences:
                assert fence.token is not None
                language = (
                    fence.token.info.split()[0] if fence.token.info.strip() else ""
                )
                blocks.append((language or label.lower(), fence.token.content))
            others = [e for e in items if e.kind != "fence" and e.text.strip()]
            if others:
                self.note(
                    others[0].line,
                    "component",
                    f'<TabItem label="{label}"> holds text besides its code; the '
                    "text is kept after the code tabs",
                )
                rest += others
        if len(blocks) >= 2:
            self.emit(_code_compare(blocks))
        else:
            self.note(
                tabs.line,
                "component",
                f"<Tabs> with {len(blocks)} code block(s) is not a code comparison; "
                "its content is kept in order",
            )
            for language, code in blocks:
                self.emit(_fence(language, code.rstrip("\n")))
        for event in rest:
            self._event(event)

    def _flush_fences(self) -> None:
        fences, self.pending = self.pending, []
        languages = [
            (f.token.info.split()[0] if f.token and f.token.info.strip() else "")
            for f in fences
        ]
        if (
            len(fences) >= 2
            and all(languages)
            and len(set(languages)) == len(languages)
        ):
            self.emit(
                _code_compare(
                    [
                        (lang, f.token.content)
                        for lang, f in zip(languages, fences, strict=True)
                        if f.token
                    ]
                )
            )
            return
        for fence in fences:
            self.emit(fence.text)


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|") or " "


def _short(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _fence(info: str, body: str) -> str:
    longest = max((len(m) for m in re.findall(r"`{3,}", body)), default=2)
    marker = "`" * max(3, longest + 1)
    return f"{marker}{info}\n{body}\n{marker}"


def _code_compare(blocks: list[tuple[str, str]]) -> str:
    inner = "\n\n".join(_fence(lang, code.rstrip("\n")) for lang, code in blocks)
    return _fence("{code-compare}", inner)


def _inline_html(text: str) -> list[str]:
    """Inline JSX elements (capitalised tags) in Markdown text, outside code."""
    from markdown_it import MarkdownIt

    found: list[str] = []
    for token in MarkdownIt("commonmark").parse(text):
        for child in token.children or ():
            if child.type == "html_inline" and re.match(r"</?[A-Z]", child.content):
                found.append(child.content)
    return found


def _inline_expressions(text: str) -> list[str]:
    """``{…}`` in Markdown text, outside code (MDX evaluates them)."""
    from markdown_it import MarkdownIt

    from sphinx_versus.cli.mdx.jsx import read_expression

    found: list[str] = []
    for token in MarkdownIt("commonmark").parse(text):
        for child in token.children or ():
            start = child.content.find("{") if child.type == "text" else -1
            while start >= 0:
                try:
                    source, end = read_expression(child.content, start)
                except JsxError:
                    break
                found.append("{" + source + "}")
                start = child.content.find("{", end)
    return found
