"""Code in tabs, or in a run of fences, as a ``code-compare`` block.

``<Tabs>``/``<TabItem>`` (Astro, Starlight's ``syncKey``, Docusaurus'
``groupId``) holding a fence each, and consecutive fences in different
languages, are one comparison; tabs with fewer than two code blocks keep
their content in order, and text inside a tab is kept after the code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sphinx_versus.cli.mdx.components import unmapped_props
from sphinx_versus.cli.mdx.myst import code_compare, fence

if TYPE_CHECKING:
    from sphinx_versus.cli.mdx.blocks import Event
    from sphinx_versus.cli.mdx.jsx import Tag
    from sphinx_versus.cli.mdx.myst import Output

#: ``<Tabs>`` props the conversion accounts for (a sync group is the language).
TABS_PROPS = {"syncKey", "groupId", "defaultValue", "values", "queryString"}
_ITEM_PROPS = {"label", "value", "default", "icon"}


@dataclass
class TabGroup:
    """An open ``<Tabs>``: the items read so far, and the one being read."""

    tag: Tag
    line: int
    items: list[tuple[str, list[Event]]] = field(default_factory=list)
    current: tuple[str, list[Event]] | None = None

    def add(self, out: Output, event: Event) -> None:
        """An event inside the tabs: into the open item, or kept after them."""
        if self.current is not None:
            self.current[1].append(event)
            return
        if event.kind == "markdown" and not event.text.strip():
            return
        out.note(
            event.line,
            "component",
            "content inside <Tabs> but outside a <TabItem>; kept after the tabs",
        )
        self.items.append(("", [event]))

    def item(self, out: Output, event: Event, tag: Tag) -> bool:
        """A ``<TabItem>`` opened or closed; ``True`` when ``</Tabs>`` ends it."""
        if tag.name == "TabItem" and not tag.closing:
            unmapped_props(out, event, tag, _ITEM_PROPS)
            label = tag.attribute("label") or tag.attribute("value")
            self.current = (label.value if label else "", [])
        elif tag.name == "TabItem" and self.current is not None:
            self.items.append(self.current)
            self.current = None
        return tag.name == "Tabs" and tag.closing

    def close(self, out: Output) -> list[Event]:
        """Write the group; the events (text in tabs) to convert after it."""
        if self.current is not None:
            self.items.append(self.current)
            self.current = None
        blocks: list[tuple[str, str]] = []
        rest: list[Event] = []
        for label, items in self.items:
            for event in items:
                if event.kind == "fence" and event.token is not None:
                    info = event.token.info
                    language = info.split()[0] if info.strip() else ""
                    blocks.append((language or label.lower(), event.token.content))
            others = [e for e in items if e.kind != "fence" and e.text.strip()]
            if others:
                out.note(
                    others[0].line,
                    "component",
                    f'<TabItem label="{label}"> holds text besides its code; the '
                    "text is kept after the code tabs",
                )
                rest += others
        if len(blocks) >= 2:
            out.emit(code_compare(blocks))
        else:
            out.note(
                self.line,
                "component",
                f"<Tabs> with {len(blocks)} code block(s) is not a code comparison; "
                "its content is kept in order",
            )
            for language, code in blocks:
                out.emit(fence(language, code.rstrip("\n")))
        return rest


def fence_run(out: Output, fences: list[Event]) -> None:
    """Consecutive fences: one comparison if each has its own language."""
    languages = [
        (f.token.info.split()[0] if f.token and f.token.info.strip() else "")
        for f in fences
    ]
    if len(fences) >= 2 and all(languages) and len(set(languages)) == len(languages):
        out.emit(
            code_compare(
                [
                    (lang, f.token.content)
                    for lang, f in zip(languages, fences, strict=True)
                    if f.token
                ]
            )
        )
        return
    for event in fences:
        out.emit(event.text)
