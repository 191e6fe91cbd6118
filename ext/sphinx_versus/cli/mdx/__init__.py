"""``sphinx-versus import``: an MDX comparison article as MyST pages."""
