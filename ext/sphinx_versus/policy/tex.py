r"""Which math from a directive's text may reach LaTeX: a safe subset, checked.

Sphinx writes a math node's text into the ``.tex`` file as it is, so math
in a CSV cell, a note or a caption is TeX from data.  Math is allowed only
when every control sequence in it is on :data:`SAFE_COMMANDS` — symbols,
Greek letters, operators, fonts, fractions, roots, accents, spacing and
matrix environments — which holds no command that reads, writes, runs or
redefines anything (``\input``, ``\include``, ``\openin``, ``\read``,
``\write``, ``\immediate``, ``\catcode``, ``\def``, ``\csname`` …).  An
allowlist, not a blocklist, because TeX has thousands of primitives and a
document's packages define more.  Two ways around a scanner are refused
too: ``^^5c`` (TeX's notation for a backslash) and a ``%`` (which would
comment out the closing delimiter Sphinx writes after the math).

Pure: :func:`math_problem` says what is wrong, the markup policy warns.
"""

from __future__ import annotations

import re

#: Longest math text checked at all; more is not a formula but a payload.
MAX_MATH_CHARS = 500

_GREEK = (
    "alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota "
    "kappa lambda mu nu xi pi varpi rho varrho sigma varsigma tau upsilon phi "
    "varphi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi "
    "Omega"
)
_SYMBOLS = (
    "times cdot div pm mp ast star circ bullet oplus otimes cap cup wedge vee "
    "setminus le leq ge geq ne neq approx sim simeq equiv cong propto ll gg "
    "subset subseteq supset supseteq in notin ni mid parallel perp to gets "
    "rightarrow leftarrow Rightarrow Leftarrow leftrightarrow Leftrightarrow "
    "mapsto implies iff infty partial nabla forall exists neg emptyset "
    "varnothing ldots cdots vdots ddots dots prime angle triangle hbar ell "
    "Re Im aleph langle rangle lceil rceil lfloor rfloor lvert rvert lVert "
    "rVert vert Vert backslash uparrow downarrow colon"
)
_OPERATORS = (
    "sum prod int iint oint lim limsup liminf sup inf max min log ln lg exp "
    "sin cos tan cot sec csc arcsin arccos arctan sinh cosh tanh det dim gcd "
    "deg arg ker Pr bmod pmod"
)
_STRUCTURE = (
    "frac dfrac tfrac sqrt binom tbinom dbinom left right middle big Big bigg "
    "Bigg bigl bigr Bigl Bigr overline underline widehat widetilde overbrace "
    "underbrace hat bar vec dot ddot tilde acute grave check breve mathrm "
    "mathbf mathit mathsf mathtt mathcal mathbb mathfrak boldsymbol text "
    "textrm textbf textit operatorname displaystyle textstyle scriptstyle "
    "quad qquad begin end substack stackrel overset underset cancel phantom "
    "limits nolimits"
)
#: Every control word math from data may use.
SAFE_COMMANDS = frozenset(f"{_GREEK} {_SYMBOLS} {_OPERATORS} {_STRUCTURE}".split())
#: Control symbols: spacing and escaped characters.
SAFE_SYMBOLS = frozenset(",;:! {}|\\%$#&_")
#: Environments ``\begin`` may open.
SAFE_ENVIRONMENTS = frozenset(
    {"matrix", "pmatrix", "bmatrix", "Bmatrix", "vmatrix", "Vmatrix"}
    | {"smallmatrix", "cases", "aligned", "array", "gathered", "split"}
)

_CONTROL = re.compile(r"\\(?:([A-Za-z@]+)|(.)|$)", re.S)
_ENVIRONMENT = re.compile(r"\\(?:begin|end)\s*\{([^}]*)\}")


def math_problem(text: str) -> str | None:
    """Why *text* may not go to LaTeX as math, or ``None`` if it may."""
    if len(text) > MAX_MATH_CHARS:
        return (
            f"the math is {len(text)} characters long, more than the "
            f"{MAX_MATH_CHARS} allowed in a directive's text"
        )
    if "^^" in text:
        return "the math holds ^^, TeX's notation for a character by its code"
    for match in _CONTROL.finditer(text):
        word, symbol = match.group(1), match.group(2)
        if word is not None and word not in SAFE_COMMANDS:
            return f"the math uses \\{word}, which is not in the safe subset"
        if symbol is not None and symbol not in SAFE_SYMBOLS:
            return f"the math uses \\{symbol!s}, which is not in the safe subset"
        if word is None and symbol is None:
            return "the math ends in a lone backslash"
    # a bare % comments out what Sphinx writes after the math
    if re.search(r"(?<!\\)(?:\\\\)*%", text):
        return "the math holds %, which would comment out the rest of the line"
    for name in _ENVIRONMENT.findall(text):
        if name.strip() not in SAFE_ENVIRONMENTS:
            return f"the math opens the environment {name!r}, not in the safe subset"
    return None
