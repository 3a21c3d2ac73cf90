"""The public API: one front door, sorted, complete and documented."""

from __future__ import annotations

import inspect
import subprocess
import sys

import factlog


def test_all_is_sorted() -> None:
    """__all__ is in sorted order, so additions are easy to review."""
    assert factlog.__all__ == sorted(factlog.__all__)


def test_all_names_exist_and_are_documented() -> None:
    """Every exported name exists and has a docstring of its own."""
    for name in factlog.__all__:
        value = getattr(factlog, name)
        if name.isupper() or name in (
            "Object",
            "PropositionKey",
            "Record",
            "Rule",
            "SlotKey",
        ):  # constants and type aliases
            continue
        assert inspect.getdoc(value), name


def test_every_public_name_is_exported() -> None:
    """Every public class or function defined in factlog's modules is in __all__."""
    exported = set(factlog.__all__)
    for module_name in (
        "assessment",
        "assessment_report",
        "show",
        "exports",
        "log",
        "claimset",
        "codec",
        "engine",
        "errors",
        "grading",
        "index",
        "model",
        "origins",
        "report",
        "timeline",
        "vocabulary",
        "schema",
    ):
        module = __import__(f"factlog.{module_name}", fromlist=["__all__"])
        missing = {name for name in module.__all__ if name not in exported and not name.startswith("_")}
        assert not missing, f"{module_name}: {sorted(missing)}"


def test_import_is_light() -> None:
    """Importing factlog builds no converter and pulls in no optional dependency."""
    code = "import sys, factlog; print('orjson' in sys.modules, factlog.codec._converter.cache_info().currsize)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "0"]
