"""One policy per boundary where a page's input meets the build, each in one place.

- :mod:`.paths` — which files a page's input may make the build read or
  publish, resolved exactly as Sphinx will resolve them;
- :mod:`.inline` — which nodes of a directive's text are kept (links,
  images, downloads, math, raw markup);
- :mod:`.tex` — which math from a directive's text may reach LaTeX;
- :mod:`.budget` — how many warnings one directive may print, and how long a
  card label may be;
- :mod:`.formatting` — how a translated message is filled in;
- :mod:`.ids` — ids that stay unique when pages are joined (singlehtml, epub).

The modules hold rules, not Sphinx wiring: the directives, transforms and
readers call them, so each rule is written and tested once.
"""
