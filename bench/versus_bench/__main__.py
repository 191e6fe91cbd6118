"""``python -m versus_bench``: run the rounds (see :mod:`versus_bench.runner`)."""

import sys

from versus_bench.runner import main

sys.exit(main())
