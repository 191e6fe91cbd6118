"""What this site needs beyond the extension: a 404 page, social meta, its PDF look.

- **Its PDF typography and title page** (``site_book``), set up from here.
- **Program output wraps**: a plain code block (outside code-compare, which
  marks its own) that shows a program's ``// Output:`` gets ``site-output``,
  and versus-site.css wraps its lines, so no line of output hides.

- **A 404 page that works at any depth.**  A web server answers a missing
  ``/a/b/c.html`` with ``404.html``, whose relative links would then resolve
  against ``/a/b/``.  The 404 page gets ``<base href>`` pointing at its own
  place in the site, so its styles, scripts and links work from any URL.
- **Open Graph and Twitter card meta** on every page, from the page's title
  and its ``description`` meta, added to Sphinx's ``metatags`` (which every
  theme derived from Sphinx's ``basic`` prints at the top of ``<head>``).

Everything goes through public Sphinx API: config values and the
``html-page-context`` event.  (The two books -- the reader's guide and the
writer's guide -- are sphinx-versus' business: ``sphinx_versus.book``.)
"""

from __future__ import annotations

import html
import posixpath
import re
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: The page a web server answers a missing URL with.
NOT_FOUND = "404"
#: Open Graph image, relative to the output directory (drawn for this site).
SOCIAL_IMAGE = "_static/social-card.png"


def site_root(app: Sphinx) -> str:
    """The site's root URL: ``html_baseurl`` when set, else the server root."""
    base = app.config.html_baseurl or "/"
    return base if base.endswith("/") else base + "/"


def _description(doctree: nodes.document | None) -> str | None:
    if doctree is None:
        return None
    for meta in doctree.findall(nodes.meta):
        if meta.get("name") == "description":
            return str(meta["content"])
    return None


def _meta(attribute: str, name: str, content: str) -> str:
    return f'<meta {attribute}="{name}" content="{html.escape(content, quote=True)}">'


def _head_tags(
    app: Sphinx, pagename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    if app.builder.name not in {"html", "dirhtml"}:
        return
    tags = []
    if pagename == NOT_FOUND:
        # Before every other URL of <head>: a browser resolves relative URLs
        # against the first <base>.
        uri = app.builder.get_target_uri(pagename)
        folder = posixpath.dirname(uri)
        base = site_root(app) + (folder + "/" if folder else "")
        tags.append(f'<base href="{html.escape(base, quote=True)}">')
    project = str(app.config.project)
    title = re.sub(r"<[^>]+>", "", str(context.get("title") or project))
    title = html.unescape(title)
    description = _description(doctree)
    if description is None and app.config.versus_site_description:
        # Generated pages (index, search) have no description of their own.
        description = app.config.versus_site_description
        tags.append(_meta("name", "description", description))
    is_root = pagename == app.config.root_doc
    tags += [
        _meta("property", "og:site_name", project),
        _meta("property", "og:title", title),
        _meta("property", "og:type", "website" if is_root else "article"),
        _meta("name", "twitter:card", "summary_large_image"),
    ]
    if description:
        tags.append(_meta("property", "og:description", description))
    if context.get("pageurl"):  # html_baseurl is set: absolute URLs are known
        image = site_root(app) + SOCIAL_IMAGE
        tags += [
            _meta("property", "og:url", str(context["pageurl"])),
            _meta("property", "og:image", image),
            _meta("property", "og:image:width", "1200"),
            _meta("property", "og:image:height", "630"),
            _meta("property", "og:image:alt", project),
        ]
    before = tags[:1] if pagename == NOT_FOUND else []
    after = tags[1:] if pagename == NOT_FOUND else tags
    metatags = str(context.get("metatags", ""))
    context["metatags"] = "\n".join([*before, metatags, *after])


def _page_context(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    _head_tags(app, pagename, context, doctree)


#: A code block whose first line is an output comment: ``// Output:``.
OUTPUT_LINE = re.compile(r"^\s*(//|#|--|;)\s*(Unordered\s+)?Output:", re.IGNORECASE)


class OutputBlocks(SphinxPostTransform):
    """Mark the site's plain code blocks that show a program's output."""

    default_priority = 200
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for literal in self.document.findall(nodes.literal_block):
            first = literal.astext().lstrip("\n").split("\n", 1)[0]
            if OUTPUT_LINE.match(first):
                literal["classes"].append("site-output")


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("site_book")
    app.add_config_value("versus_site_description", "", "html", types=frozenset({str}))
    app.connect("html-page-context", _page_context)
    # A new or retitled page shows in every page's sidebar and links.
    app.setup_extension("versus_navigation")
    app.add_post_transform(OutputBlocks)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
