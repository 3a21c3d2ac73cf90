"""The public API: one front door, sorted, complete and documented."""

from __future__ import annotations

import importlib
import inspect
from typing import Any

import pytest

import factlog
from tests.conftest import FreshImport


def test_all_is_sorted() -> None:
    """__all__ is in sorted order, so additions are easy to review."""
    assert factlog.__all__ == sorted(factlog.__all__)


# The layer packages are public namespaces in their own right; everything else that
# factlog exposes must be a name of __all__.
LAYERS = {
    "analysis",
    "assessment",
    "checks",
    "cli",
    "dask",
    "drafting",
    "errors",
    "interchange",
    "io",
    "model",
    "render",
    "report",
}
# Not re-exported name by name: the CLI, the errors, and the optional Dask extra (whose
# check and assess stand beside factlog's; it is an attribute of factlog only once imported).
APART = {"cli", "dask", "errors"}
ALIASES = {"Object", "PropositionKey", "Record", "Rule", "SlotKey"}  # type aliases carry no docstring


def test_all_is_exactly_the_public_attributes() -> None:
    """No leaked submodule or helper (such as ``annotations``): the public attributes are __all__."""
    public = {name for name in vars(factlog) if not name.startswith("_")}
    assert public - LAYERS == set(factlog.__all__)


def test_every_name_has_a_docstring_of_its_own() -> None:
    """Every exported class and function documents itself; an inherited docstring does not count."""
    for name in factlog.__all__:
        value = getattr(factlog, name)
        if name.isupper() or name in ALIASES:
            continue
        own = value.__dict__.get("__doc__") if isinstance(value, type) else getattr(value, "__doc__", None)
        assert (own or "").strip(), name


def _public_callables() -> list[tuple[str, Any]]:
    """Every exported function, and every public method (static and class ones too) of an exported class.

    Methods are taken from the class and the factlog classes it derives from (an Enum's
    or attrs' own are not factlog's to document); exceptions are left out.
    """
    found: list[tuple[str, Any]] = []
    for name in factlog.__all__:
        value = getattr(factlog, name)
        if inspect.isfunction(value):
            found.append((name, value))
        elif isinstance(value, type) and not issubclass(value, BaseException):
            for base in value.__mro__:
                if not base.__module__.startswith("factlog"):
                    continue
                for method, member in vars(base).items():
                    function = member.__func__ if isinstance(member, staticmethod | classmethod) else member
                    if not method.startswith("_") and inspect.isfunction(function):
                        found.append((f"{name}.{method}", getattr(value, method)))
    return found


def test_the_public_callables_are_found() -> None:
    """The walk below sees functions, methods, class methods and inherited factlog methods."""
    names = {name for name, _ in _public_callables()}
    assert {"load", "ClaimLog.replay", "Interval.between", "WrittenWhen.overlaps", "Certainty.parse"} <= names


def test_every_public_callable_says_what_it_raises() -> None:
    """Every public function and method tells what it raises ("Raises nothing" included)."""
    documented = {name: (inspect.getdoc(value) or "").lower() for name, value in _public_callables()}
    assert sorted(name for name, doc in documented.items() if "raise" not in doc) == []


def test_every_layer_exports_through_the_front_door() -> None:
    """Each layer package's __all__ is re-exported by factlog, the same objects (rules stay in checks)."""
    rules = {rule.__name__ for rule in factlog.DEFAULT_RULES}
    for layer in sorted(LAYERS - APART):
        module = importlib.import_module(f"factlog.{layer}")
        for name in sorted(set(module.__all__) - rules):
            assert getattr(factlog, name) is getattr(module, name), f"{layer}.{name}"


def test_import_is_light(fresh_import: FreshImport) -> None:
    """Importing factlog builds no converter and pulls in no optional dependency."""
    assert ("orjson" in fresh_import.modules, fresh_import.converters) == (False, 0)


@pytest.mark.parametrize(
    ("function", "name"),
    [
        (factlog.check, "factlog.check"),
        (factlog.assess, "factlog.assess"),
        (factlog.dumps, "factlog.dumps"),
        (factlog.dumps_lines, "factlog.dumps_lines"),
    ],
)
def test_a_path_given_for_a_claim_set_is_an_argument_error(function: Any, name: str) -> None:
    """A path where a ClaimSet belongs is an ArgumentError naming the function (it was an AttributeError)."""
    with pytest.raises(factlog.ArgumentError, match=rf"^{name}: claims: expected a ClaimSet .*got 'sources/' \(str\)$"):
        function("sources/")
