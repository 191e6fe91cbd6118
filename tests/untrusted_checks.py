"""What "safe output" means, checked the same way by the fuzzer and the
regression tests: no live markup in the HTML, every warning located, no
file from outside the docs in the output, no TeX from data in a .tex."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bs4 import BeautifulSoup, Tag

from sphinx_versus.policy.inline import url_scheme

if TYPE_CHECKING:
    from pathlib import Path

#: Elements that run, load or submit something; none may come from input.
ACTIVE_TAGS = frozenset(
    {"script", "iframe", "frame", "frameset", "object", "embed", "applet"}
    | {"base", "meta", "link", "form", "img", "video", "audio", "source"}
)
#: Attributes that hold an address the browser follows or loads.
URL_ATTRIBUTES = frozenset(
    {"href", "src", "srcset", "action", "formaction", "xlink:href", "data", "poster"}
)
#: The chart's own drawing: files the extension wrote, in its chart body.
_CHART_FILE = re.compile(
    r"(?:\.\./)*_images/versus-chart-[0-9a-f]+-[0-9a-f]+-(?:wide|narrow)\.svg"
)
SAFE_SCHEMES = frozenset({None, "http", "https", "mailto", "ftp", "tel"})

_MESSAGE = re.compile(r"^(?=\S).*?\b(?:WARNING|ERROR|CRITICAL|SEVERE):", re.M)
_LOCATED = re.compile(r"^[^\s:][^:]*:\d+: (?:WARNING|ERROR|CRITICAL|SEVERE):")


def main_content(html: str) -> BeautifulSoup:
    """The page's body (what the directives wrote), without the theme."""
    soup = BeautifulSoup(html, "html.parser")
    return soup.find("div", role="main") or soup


def _chart_drawing(tag: Tag) -> bool:
    """The <picture> of a benchmark-chart: the extension's, not the input's."""
    url = str(tag.get("src") or tag.get("srcset") or "")
    return (
        tag.name in {"img", "source"}
        and tag.find_parent("div", class_="versus-chart-body") is not None
        and _CHART_FILE.fullmatch(url) is not None
    )


def live_markup(html: str, *, images: bool = False) -> list[str]:
    """Elements or attributes in the page's body that would run or load.

    With *images*, an ``<img>`` is allowed (a writer may let data files name
    images, ``versus_data_file_assets``); its attributes are still checked.
    """
    found = []
    for tag in main_content(html).find_all(True):
        in_chart = tag.find_parent("svg") is not None or tag.name == "svg"
        if _chart_drawing(tag):
            continue
        image = images and tag.name == "img"
        if (tag.name in ACTIVE_TAGS and not image) or (
            tag.name == "style" and not in_chart
        ):
            found.append(str(tag)[:120])
        for name, value in tag.attrs.items():
            text = value if isinstance(value, str) else " ".join(value)
            if (
                name.lower().startswith("on")
                or name.lower() == "srcdoc"
                or (
                    name.lower() in URL_ATTRIBUTES
                    and url_scheme(text) not in SAFE_SCHEMES
                )
            ):
                found.append(f"<{tag.name} {name}={text[:60]!r}>")
    return found


def visible_text(html: str) -> str:
    """The body's text as a reader sees it, white space normalised."""
    return " ".join(main_content(html).get_text(" ").split())


def unlocated(warnings: str) -> list[str]:
    """Every warning or error that does not start with ``file:line:``."""
    return [
        m.group() for m in _MESSAGE.finditer(warnings) if not _LOCATED.match(m.group())
    ]


# -- #23: files from outside the docs, TeX from data ------------------------------

#: TeX primitives and commands that read, write, run or redefine.
DANGEROUS_PRIMITIVES = (
    "input", "include", "openin", "openout", "read", "readline", "write",
    "immediate", "catcode", "def", "edef", "gdef", "xdef", "let", "futurelet",
    "csname", "endcsname", "newcommand", "renewcommand", "providecommand",
    "directlua", "special", "shipout", "scantokens", "expandafter", "jobname",
    "usepackage", "documentclass", "begingroup", "newwrite", "newread",
)  # fmt: skip


def tex_from_data(tex: str, marker: str) -> list[str]:
    """Dangerous TeX in *tex* that came from data: every payload the tests
    write names *marker*, so a primitive shortly before it, unescaped, came
    from the input (Sphinx's own preamble never names it)."""
    names = "|".join(DANGEROUS_PRIMITIVES)
    live = re.compile(
        rf"(?<!\\textbackslash{{}})\\(?:{names})(?![A-Za-z])[^\n]{{0,40}}{marker}"
    )
    found = [m.group() for m in live.finditer(tex)]
    # ^^5c is TeX's notation for a backslash: \input without a backslash.
    found += [m.group() for m in re.finditer(rf"\^\^5c[^\n]{{0,40}}{marker}", tex)]
    return found


def sentinel_leaks(outdir: Path, sentinel: bytes) -> list[str]:
    """Output files that hold the *sentinel* planted outside the source tree."""
    return [
        str(path.relative_to(outdir))
        for path in sorted(outdir.rglob("*"))
        if path.is_file() and sentinel in path.read_bytes()
    ]
