"""The release of factlog, in one place: the package, ``factlog --version`` and the report page read it."""

from __future__ import annotations

__all__ = ["VERSION"]

VERSION = "0.1.0"
"""Kept equal to ``version`` in pyproject.toml (a test compares it with the installed distribution's)."""
