"""What the minifiers (rjsmin, rcssmin) ship keeps every selector and literal.

rcssmin drops the space before ``:`` inside an ``@container`` block (it
reads it as a declaration), which turns ``a :is(b)`` into ``a:is(b)``; the
stylesheet writes ``a *:is(b)`` there, and this test keeps it so.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from typing import TYPE_CHECKING

from sphinx_versus.assets import CSS, JS, STATIC, shipped
from sphinx_versus.minify import minify_css, minify_js

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path


def _selectors(css: str) -> list[str]:
    """Each rule's selector (or at-rule prelude), with optional spaces removed.

    A space before ``:`` is kept, as it is a descendant combinator there.
    """
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    found = []
    for prelude in re.findall(r"([^{};]*)\{", css):
        prelude = re.sub(r"\s*([>,+~()])\s*", r"\1", prelude)
        prelude = re.sub(r":\s+", ":", prelude)
        found.append(re.sub(r"\s+", " ", prelude).strip())
    return found


def test_every_selector_survives_minifying() -> None:
    source = (STATIC / CSS).read_text("utf-8")
    assert _selectors(shipped()[CSS]) == _selectors(source)


def test_a_space_lost_before_a_colon_is_caught() -> None:
    broken = "@container (min-width:1px){.a :is(.b){color:red}}"
    assert _selectors(minify_css(broken)) != _selectors(broken)
    fixed = broken.replace(" :is", " *:is")
    assert _selectors(minify_css(fixed)) == _selectors(fixed)


def test_the_shipped_files_are_smaller() -> None:
    for name in (CSS, JS):
        assert len(shipped()[name]) < len((STATIC / name).read_text("utf-8")), name


def test_the_js_minifier_leaves_literals_whole(
    tmp_path: Path, require_tool: Callable[[str, str], str]
) -> None:
    src = (
        "// a comment\n"
        "const a = 'x // y', b = \"/* z */\", c = `${a} // ${b}`;\n"
        "/* a block\n   of comment */\n"
        "const d = /\\/*[/]x/g, e = a + +b, f = 4 / 2 / 1;\n"
        "function g() {\n  return a\n}\n"
        "let h = 1, k = h\n++h\n"
    )
    out = minify_js(src)
    assert "a comment" not in out
    assert "of comment" not in out
    for literal in ("'x // y'", '"/* z */"', "`${a} // ${b}`", "/\\/*[/]x/g"):
        assert literal in out, (literal, out)
    assert "a+ +b" in out
    assert "4/2/1" in out
    node = require_tool("node", "apt-get install nodejs")
    script = tmp_path / "check.js"
    script.write_text(
        "const vm = require('vm');\n"
        "const run = (s) => { const c = {}; vm.runInNewContext(s + "
        "'\\n;globalThis.r=[a,b,c,d.source,e,f,g(),h,k]', c); "
        "return JSON.stringify(c.r); };\n"
        f"const a = run({json.dumps(src)}), b = run({json.dumps(out)});\n"
        "if (a !== b) { console.error(a, b); process.exit(1); }\n",
        "utf-8",
    )
    result = subprocess.run(
        [node, str(script)], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert shutil.which("node") == node
