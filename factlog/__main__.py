"""``python -m factlog``: the same as the ``factlog`` command."""

import sys

from factlog.cli import main

sys.exit(main())
