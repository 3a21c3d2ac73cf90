from __future__ import annotations

import importlib
import os
import pkgutil
import signal
import subprocess
import sys

import attrs
import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci", deadline=None, derandomize=True, max_examples=30, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", deadline=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", deadline=None, max_examples=2000, suppress_health_check=list(HealthCheck))
# Derandomised by default, so a run of `make test` is the same run everywhere, and short: the same 30 examples each
# run find nothing new the second time. HYPOTHESIS_PROFILE=dev explores at random (60 new examples a property each
# run) and HYPOTHESIS_PROFILE=long searches harder (see docs/architecture.md).
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# A suite started in the background of a script (`cmd &`, nohup) inherits SIGINT ignored, and a child process keeps
# what it inherits ignored: the tests that press Ctrl-C on a real `factlog` process would see no interrupt. The
# tests run as from a terminal, where Ctrl-C interrupts: a handler here is reset to the default in every child.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

_FRESH_IMPORT = """
import sys, factlog
print(factlog.io._documents._converter.cache_info().currsize)
print(*sorted(sys.modules), sep="\\n")
"""


@attrs.frozen
class FreshImport:
    """What a new interpreter holds after ``import factlog`` and nothing else."""

    modules: frozenset[str]
    """The names in ``sys.modules``."""
    converters: int
    """The document converters built (the size of their cache)."""


@pytest.fixture(scope="session")
def fresh_import() -> FreshImport:
    """``import factlog`` in a new interpreter, started once for every test that checks the import stays light."""
    result = subprocess.run([sys.executable, "-c", _FRESH_IMPORT], capture_output=True, text=True, check=True)
    converters, *modules = result.stdout.splitlines()
    assert "factlog" in modules
    return FreshImport(modules=frozenset(modules), converters=int(converters))


def pytest_collection_finish(session: pytest.Session) -> None:
    """Import every module of the project before any test runs, so every run draws the same examples.

    Hypothesis mixes into its draws constants read from the project's modules already
    imported when a test runs; which those are would depend on the tests run before it
    on the same worker (a derandomised example then varies from run to run). With every
    module imported first, the set is the same in every process.
    """
    for package in ("factlog", "benchmarks", "tools", "tests"):
        for module in pkgutil.walk_packages(importlib.import_module(package).__path__, f"{package}."):
            if not module.name.endswith("__main__"):
                importlib.import_module(module.name)
