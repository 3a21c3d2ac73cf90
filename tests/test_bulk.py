"""Bulk steps pause the cyclic garbage collector and always restore it."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

import factlog
import factlog._bulk

GOLDEN = Path(__file__).parent / "golden" / "v1.json"


def test_collector_is_paused_during_a_load_and_restored_after() -> None:
    """During load the collector is off; afterwards it is on again, even after an error."""
    seen = []

    @factlog._bulk.paused_gc
    def probe() -> None:
        seen.append(gc.isenabled())

    assert gc.isenabled()
    probe()
    assert seen == [False]
    assert gc.isenabled()
    with pytest.raises(factlog.FormatError):
        factlog.loads("[]")
    assert gc.isenabled()


def test_a_disabled_collector_stays_disabled() -> None:
    """A caller that turned the collector off keeps it off."""
    gc.disable()
    try:
        factlog.load(GOLDEN)
        assert not gc.isenabled()
    finally:
        gc.enable()
