"""A second team's project that installs sphinx-versus from its wheel."""
