"""``signals_deferred``: SIGINT and SIGTERM held while a split's renames run, then taken as they would have been."""

from __future__ import annotations

import signal
from collections.abc import Iterator

import pytest

from factlog.io._splitfolder import signals_deferred


@pytest.fixture
def interruptible() -> Iterator[None]:
    """SIGINT raises KeyboardInterrupt, as in a terminal, whatever the test runner set."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


@pytest.mark.usefixtures("interruptible")
def test_signals_wait_until_the_block_ends() -> None:
    """SIGINT raised inside signals_deferred takes effect as the block ends, once; an ignored SIGTERM stays ignored."""
    done = []

    def deferred() -> None:
        with signals_deferred():
            signal.raise_signal(signal.SIGINT)
            signal.raise_signal(signal.SIGINT)
            signal.raise_signal(signal.SIGTERM)
            done.append("the block ran to its end")

    previous = signal.signal(signal.SIGTERM, signal.SIG_IGN)
    try:
        with pytest.raises(KeyboardInterrupt):
            deferred()
        assert signal.getsignal(signal.SIGTERM) == signal.SIG_IGN
        assert signal.getsignal(signal.SIGINT) == signal.default_int_handler
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert done == ["the block ran to its end"]
