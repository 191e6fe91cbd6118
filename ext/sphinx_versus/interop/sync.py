"""The language keys of other tab widgets, written for the script to read.

versus.js selects the reader's language in sphinx-design tab-sets
and sphinx-tabs groups too.  Those widgets name a tab their own way -- a
``:sync:`` id or, in ``tab-set-code``, a lexer name (``data-sync-id``), and a
base64 label (sphinx-tabs' ``name``) -- so Python decides which versus key
each stands for, and whether choosing it is a language choice to remember,
and writes that per page as ``<script type="application/json"
id="versus-sync-ids">``.  The script computes no
key itself, so it can never disagree with :mod:`.languages`.

Both widgets are recognised by their node classes and attributes only, so
neither package has to be installed.
"""

from __future__ import annotations

import base64
import binascii
from typing import TYPE_CHECKING, Any

from docutils import nodes

from sphinx_versus.code_compare.html import json_for_script, versus_tab
from sphinx_versus.code_compare.languages import (
    display_name,
    key_for,
    language_keys,
    sync_key,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

#: The id of the per-page JSON script versus-language.js reads.
SYNC_IDS_ID = "versus-sync-ids"


def _classes(node: nodes.Element) -> list[str]:
    return list(node.get("classes", []))


def _design_key(node: nodes.Element, config: Config) -> str:
    sync_id = str(node["sync_id"])
    if node.get("sync_group") == "code":
        # tab-set-code keys a block by its lexer, as code-compare does.
        return sync_key(display_name(sync_id, config))
    return key_for(sync_id, config)


def _tabs_label(name: str) -> str | None:
    try:
        return base64.b64decode(name, validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None


def page_sync_ids(doctree: nodes.Node, config: Config) -> dict[str, Any] | None:
    """What the script needs to sync this page's other widgets, or None.

    ``design`` maps each ``data-sync-id`` to a key, ``tabs`` each sphinx-tabs
    ``name``, and ``languages`` lists the keys that count as a language
    choice: the configured languages, every code-compare tab's, every
    ``tab-set-code`` block's and every sphinx-tabs ``code-tab``'s.
    """
    design: dict[str, str] = {}
    tabs: dict[str, str] = {}
    languages = set(language_keys(config).split())
    for node in doctree.findall(nodes.Element):
        classes = _classes(node)
        if isinstance(node, versus_tab):
            languages.add(str(node["sync"]))
        elif "sd-tab-label" in classes and "sync_id" in node:
            key = design[str(node["sync_id"])] = _design_key(node, config)
            if node.get("sync_group") == "code":
                languages.add(key)
        elif {"sphinx-tabs-tab", "group-tab"} <= set(classes) and node.get("name"):
            label = _tabs_label(str(node["name"]))
            if label is None:
                continue
            key = tabs[str(node["name"])] = key_for(label, config)
            if "code-tab" in classes:
                languages.add(key)
    if not design and not tabs:
        return None
    return {"design": design, "tabs": tabs, "languages": sorted(languages)}


def add_page_sync_ids(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """``html-page-context`` (interactive HTML): the page's sync ids, if any."""
    if doctree is None:
        return
    data = page_sync_ids(doctree, app.config)
    if data is not None:
        app.add_js_file(
            None,
            body=json_for_script(data),
            type="application/json",
            id=SYNC_IDS_ID,
        )
