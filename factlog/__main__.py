"""``python -m factlog``: the same as the ``factlog`` command (:func:`_factlog_cli.main`).

Its start-up Ctrl-C is caught from here on, as the command's is; Python has imported
the whole package by the time this runs, so one while it did ends as Python ends it
(docs/cli.md).
"""

import sys

from _factlog_cli import main

sys.exit(main())
