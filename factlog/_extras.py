"""Optional dependencies: each comes with an extra of the ``factlog-claims`` distribution.

One wording for every command and function that needs one and finds it missing:
``factlog report needs networkx, in the [report] extra of factlog-claims: pip install
'.[report]' in a checkout of factlog`` (factlog is installed from a checkout, not from a
package index).
"""

from __future__ import annotations

import importlib
from types import ModuleType

from factlog.errors import InputError

__all__ = ["install_hint", "missing_extra", "optional_import"]


def install_hint(extra: str) -> str:
    """How to install an extra: ``pip install '.[report]' in a checkout of factlog``."""
    return f"pip install '.[{extra}]' in a checkout of factlog"


def missing_extra(needed_by: str, module: str, extra: str) -> str:
    """The one-line message for a missing optional module (``needed_by`` says who needs it: "factlog report")."""
    return f"{needed_by} needs {module}, in the [{extra}] extra of factlog-claims: {install_hint(extra)}"


def optional_import(module: str, *, extra: str, needed_by: str) -> ModuleType:
    """The module named, imported; raises :class:`~factlog.InputError` (exit 3) naming the extra when it is missing."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise InputError(missing_extra(needed_by, module, extra)) from None
