"""Build layer: real Sphinx builds per feature and builder, and the docs."""
