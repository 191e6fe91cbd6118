"""The writer's command line, ``sphinx-versus``: check, new, import.

Separate from the Sphinx extension: nothing here is imported by a build, and
nothing here starts one, so ``check`` answers in well under a second.
"""
