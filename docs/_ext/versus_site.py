"""What this site needs beyond the extension: two books, a 404 page, social meta.

- **Two books.** Each ``latex_documents`` entry is a book: the reader's guide
  (the root page) and the writer's guide.  A page belongs to the book whose
  start document is its nearest toctree ancestor.  "Next" and "Previous"
  links never cross from one book into the other, so the last page of the
  reader's guide does not lead into the writer's guide.
- **A book leaves out what it does not show.**  A toctree inside an
  ``{only} html`` block (the root page's link to the writer's guide) is
  still inlined into the LaTeX document, so references into those pages
  would become links to labels the PDF never prints.  Before references are
  resolved, the pages under such a block are taken out of the book: a
  reference to them reads "Title (in Writer's guide)", Sphinx's own wording
  for a page of another book.
- **One PDF on Read the Docs.**  Read the Docs runs ``latexmk -jobname=<slug>``
  without a file name, which fails when the LaTeX directory holds two
  ``.tex`` files.  ``latexmkrc`` names the first book's file as latexmk's
  default, so Read the Docs builds the reader's guide; ``make pdf`` (Sphinx's
  Makefile) names each file and builds both books.
- **A 404 page that works at any depth.**  A web server answers a missing
  ``/a/b/c.html`` with ``404.html``, whose relative links would then resolve
  against ``/a/b/``.  The 404 page gets ``<base href>`` pointing at its own
  place in the site, so its styles, scripts and links work from any URL.
- **Open Graph and Twitter card meta** on every page, from the page's title
  and its ``description`` meta, added to Sphinx's ``metatags`` (which every
  theme derived from Sphinx's ``basic`` prints at the top of ``<head>``).

Everything goes through public Sphinx API: config values, the
``html-page-context`` and ``build-finished`` events.
"""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)

#: The page a web server answers a missing URL with.
NOT_FOUND = "404"
#: Open Graph image, relative to the output directory (drawn for this site).
SOCIAL_IMAGE = "_static/social-card.png"


# -- two books ---------------------------------------------------------------------


def book_starts(app: Sphinx) -> list[str]:
    return [entry[0] for entry in app.config.latex_documents]


def book_of(env: BuildEnvironment, docname: str, starts: list[str]) -> str | None:
    """The start document of the nearest book holding ``docname``."""
    parents = {
        child: parent
        for parent, children in env.toctree_includes.items()
        for child in children
    }
    seen: set[str] = set()
    current: str | None = docname
    while current is not None and current not in seen:
        if current in starts:
            return current
        seen.add(current)
        current = parents.get(current)
    return None


def _keep_within_book(
    app: Sphinx, pagename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    """Drop "Next"/"Previous" links that lead into another book."""
    if doctree is None:
        return
    env = app.env
    starts = book_starts(app)
    relations = env.collect_relations().get(pagename)
    if not relations:
        return
    _parent, previous, following = relations
    here = book_of(env, pagename, starts)
    crossing = {
        name
        for name in (previous, following)
        if name is not None and book_of(env, name, starts) != here
    }
    if not crossing:
        return
    if following in crossing:
        context["next"] = None
    if previous in crossing:
        context["prev"] = None
    context["rellinks"] = [
        link for link in context.get("rellinks", []) if link[0] not in crossing
    ]


class LeaveOutHiddenPages(SphinxPostTransform):
    """Take pages inlined under an ``only`` block LaTeX drops out of the book."""

    default_priority = 5  # before ReferencesResolver (10) and ``only`` (50)
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        docnames = getattr(self.app.builder, "docnames", None)
        if not isinstance(docnames, set):
            return
        for only in self.document.findall(addnodes.only):
            if self.app.tags.eval_condition(only["expr"]):
                continue
            for start in only.findall(addnodes.start_of_file):
                docnames.discard(start["docname"])


def latexmk_default_file(app: Sphinx, exception: BaseException | None) -> None:
    """Make the first book latexmk's default file (for Read the Docs)."""
    if exception is not None or app.builder.format != "latex":
        return
    documents = app.config.latex_documents
    rc = Path(app.outdir) / "latexmkrc"
    if len(documents) < 2 or not rc.is_file():
        return
    target = documents[0][1]
    line = f"@default_files = ('{target}');  # Read the Docs: the first book\n"
    text = rc.read_text("utf-8")
    if "@default_files" not in text:
        rc.write_text(text + ("" if text.endswith("\n") else "\n") + line, "utf-8")


# -- 404 and social meta --------------------------------------------------------------


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
    description = _description(doctree) or app.config.versus_site_description
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
    _keep_within_book(app, pagename, context, doctree)
    _head_tags(app, pagename, context, doctree)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("versus_site_description", "", "html", types=frozenset({str}))
    app.add_post_transform(LeaveOutHiddenPages)
    app.connect("html-page-context", _page_context)
    app.connect("build-finished", latexmk_default_file)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
