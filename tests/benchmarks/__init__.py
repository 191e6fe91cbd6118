"""Build-performance benchmark for sphinx-versus (``make bench``; issue 8).

``pages`` writes one page with the directives and with built-ins only,
``generate`` lays out whole sites, ``probe`` is the Sphinx extension that
records re-read documents, ``builds`` runs Sphinx in fresh processes,
``timing`` the timed full builds, ``checks`` the incremental and determinism
checks, ``report`` the verdicts, table, JSON and MyST include, and ``run``
the command line.
"""
