"""Bulk steps pause the cyclic garbage collector and always restore it."""

from __future__ import annotations

import gc
from typing import Any

import pytest

import factlog
from factlog.io import _documents as documents
from tests.helpers import GOLDEN


def test_collector_is_paused_during_a_load_and_restored_after(monkeypatch: pytest.MonkeyPatch) -> None:
    """While load builds objects the collector is off; afterwards it is on again, even after an error."""
    seen: list[bool] = []
    real = documents.read_claim_set

    def probe(*args: Any, **kwargs: Any) -> Any:
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(documents, "read_claim_set", probe)
    assert gc.isenabled()
    factlog.load(GOLDEN)
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
