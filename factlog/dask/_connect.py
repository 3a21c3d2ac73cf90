"""Connecting to a Dask scheduler by its address: checked first, then bounded in time.

A scheduler address is ``tcp://HOST:PORT`` (or ``HOST:PORT``); anything else is an
:class:`~factlog.errors.ArgumentError` before any connection is tried. A refused
connection fails at once; a connection that is accepted but never answered (something
else listening on the port), or a scheduler with no workers, fails after the timeout:
``FACTLOG_DASK_TIMEOUT`` seconds if that variable is set, else :data:`DEFAULT_TIMEOUT`.
Either is a :class:`~factlog.errors.ClusterError`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import re
import socket
import threading
from collections.abc import Iterator
from typing import Any

import dask.config
from distributed import Client
from distributed.client import AllExit

from factlog.errors import ArgumentError, ClusterError

__all__ = [
    "DEFAULT_TIMEOUT",
    "MESSAGE_LOG",
    "client_of",
    "connect",
    "parse_address",
    "heartbeats_stopped",
    "timeout_of",
    "wait_for_workers",
]

DEFAULT_TIMEOUT = 30.0
"""Seconds to wait for a scheduler to answer, and for it to have a worker (Dask's own connect timeout is 30 s)."""

MESSAGE_LOG = 100
"""Messages a client factlog makes keeps of those it sent (Dask's ``distributed.admin.low-level-log-length``,
1,000 by default): each under 1 MB, a round's arguments among them, so 1,000 could hold a gigabyte."""


def client_of(address: object, **options: object) -> Client:
    """``distributed.Client(address, **options)`` keeping :data:`MESSAGE_LOG` of the messages it sends.

    Its event loop (a thread of its own, the client's alone) does not report the tasks a
    Ctrl-C leaves behind (:func:`_unreported_stops`).
    """
    with dask.config.set({"distributed.admin.low-level-log-length": MESSAGE_LOG}):
        client = Client(address, **options)  # type: ignore[no-untyped-call]
    loop = getattr(client.loop, "asyncio_loop", None)
    if isinstance(loop, asyncio.AbstractEventLoop):
        loop.set_exception_handler(_unreported_stops)
    return client


def _unreported_stops(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    """Hand each report of a failed task nobody awaited to the loop's own handler, but Dask's ``AllExit``.

    Ctrl-C in a gather cancels it; Dask's ``distributed.utils.All`` then leaves the task
    waiting on each result unwatched (it watches them on an ``Exception`` only, and a
    cancellation is none), and closing the client ends each with ``AllExit``, Dask's own
    signal to stop waiting, which asyncio would print as "Task exception was never
    retrieved" with a traceback, one per task, before factlog's one line "interrupted".
    """
    if not isinstance(context.get("exception"), AllExit):
        loop.default_exception_handler(context)


_START_SCHEDULER = (
    "is a Dask scheduler running there? Start one with: dask scheduler (it listens on tcp://HOST:8786),"
    " then on each machine: dask worker tcp://HOST:8786"
)

_ADDRESS = re.compile(r"(?:tcp://)?(?P<host>\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_.-]+):(?P<port>[0-9]{1,5})")


def parse_address(address: str) -> tuple[str, int]:
    """The host and port of a scheduler address ``tcp://HOST:PORT`` or ``HOST:PORT``.

    Raises :class:`~factlog.errors.ArgumentError` for anything else (no port, a port
    above 65535), and for another protocol, by name: ``tls://`` is refused (a
    ``distributed.Client`` made with its ``security`` can be passed instead).
    """
    scheme = address.partition("://")[0].lower() if "://" in address else "tcp"
    if scheme != "tcp":
        raise ArgumentError(
            f"{scheme}:// addresses are not supported: {address!r}; factlog connects by address over tcp:// only."
            " For TLS, connect in Python and pass the client:"
            " factlog.dask.check(paths, client=distributed.Client(ADDRESS, security=...))"
        )
    found = _ADDRESS.fullmatch(address)
    if found is None or not 0 < int(found["port"]) < 65536:
        raise ArgumentError(f"not a Dask scheduler address: {address!r} (expected tcp://HOST:PORT)")
    return found["host"].strip("[]"), int(found["port"])


def timeout_of(seconds: float | None = None) -> float:
    """The timeout in seconds: ``seconds`` if given, else ``FACTLOG_DASK_TIMEOUT``, else :data:`DEFAULT_TIMEOUT`.

    Raises :class:`~factlog.errors.ArgumentError` for a timeout that is not a positive number.
    """
    if seconds is None:
        text = os.environ.get("FACTLOG_DASK_TIMEOUT", "")
        try:
            seconds = float(text) if text else DEFAULT_TIMEOUT
        except ValueError:
            raise ArgumentError(f"FACTLOG_DASK_TIMEOUT must be a number of seconds, not {text!r}") from None
    if not seconds > 0:
        raise ArgumentError(f"the Dask timeout must be more than 0 seconds, not {seconds}")
    return seconds


def connect(address: str, seconds: float) -> Client:
    """A client of the scheduler at ``address``, with at least one worker, within ``seconds``.

    Raises :class:`~factlog.errors.ArgumentError` for a malformed address and
    :class:`~factlog.errors.ClusterError` for a scheduler that cannot be reached or has no workers.
    """
    host, port = parse_address(address)
    # A refused connection fails here at once, where Dask would retry until its timeout; and a
    # scheduler speaks first (its handshake), where something else on the port may never answer.
    try:
        with socket.create_connection((host, port), timeout=seconds) as probe:
            answered = probe.recv(1)
    except TimeoutError:
        answered = None
    except OSError as error:
        raise ClusterError(
            f"cannot reach the Dask scheduler at {address}: {error.strerror or error}; {_START_SCHEDULER}"
        ) from None
    if not answered:
        raise ClusterError(
            f"cannot reach the Dask scheduler at {address}: no answer within {seconds:g} s; {_START_SCHEDULER}"
        )
    try:
        client = client_of(f"tcp://{host}:{port}" if ":" not in host else f"tcp://[{host}]:{port}", timeout=seconds)
    except (OSError, TimeoutError) as error:
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {error}; {_START_SCHEDULER}") from None
    try:
        wait_for_workers(client, address, seconds)
    except BaseException:
        client.close()  # type: ignore[no-untyped-call]
        raise
    return client


def wait_for_workers(client: Client, address: str, seconds: float) -> None:
    """Wait up to ``seconds`` for the scheduler to have a worker; else :class:`~factlog.errors.ClusterError`."""
    try:
        client.wait_for_workers(1, timeout=seconds)
    except TimeoutError:
        raise ClusterError(
            f"the scheduler at {address} has no workers (waited {seconds:g} s);"
            f" start one on each machine with: dask worker {address}"
        ) from None


async def _stop_heartbeat(dask_worker: Any) -> None:
    """Stop a worker's heartbeat (run in the worker's event loop, so no new one begins after it)."""
    dask_worker.periodic_callbacks["heartbeat"].stop()


@contextlib.contextmanager
def heartbeats_stopped(client: Client) -> Iterator[Client]:
    """``client``; when the block ends, its workers' heartbeats are stopped (raises nothing more).

    Made to close a local cluster: a worker's heartbeat (every second or so) that meets
    the scheduler closing fails, and the worker logs it as an error with a traceback
    ("Failed to communicate with scheduler during heartbeat"), though nothing went
    wrong. Stopped first, while the scheduler still answers, no heartbeat is left to fail.
    """
    try:
        yield client
    finally:
        # A worker already gone (killed) fails the broadcast, which the scheduler (in this
        # process) logs as an error: a cluster already broken closes as it can, quietly.
        scheduler = logging.getLogger("distributed.scheduler")
        level = scheduler.level
        scheduler.setLevel(logging.CRITICAL)
        try:
            with contextlib.suppress(Exception):
                client.run(_stop_heartbeat)
        finally:
            scheduler.setLevel(level)


class _NotFrom(logging.Filter):
    """Drops the records logged by one thread."""

    def __init__(self, thread: int) -> None:
        super().__init__()
        self.thread = thread

    def filter(self, record: logging.LogRecord) -> bool:
        return record.thread != self.thread


_DASK_LOGGERS = ("distributed", "tornado", "bokeh")
"""The families of loggers Dask gives handlers of their own (``distributed.config``), which keep their records."""


async def _this_thread() -> int:
    return threading.get_ident()


@contextlib.contextmanager
def closed_quietly(client: Client) -> Iterator[Client]:
    """``client`` (made by :func:`connect`), closed when the block ends; what its own thread logs goes nowhere.

    A client Dask makes in a program runs its connection in a thread of its own (its
    event loop). When the scheduler goes away, that thread logs the closed connection
    with a traceback, the failed reconnection and the closing as errors, while the call
    ends in one :class:`~factlog.ClusterError` that says what happened. Records of that
    thread are dropped by every handler of Dask's, tornado's and the root logger until the
    client is closed; other clients' and threads' logging is untouched. (A
    ``distributed.Client`` passed in is the caller's, logging and all.)
    """
    quiet = _NotFrom(client.sync(_this_thread))  # type: ignore[no-untyped-call]
    known = list(logging.root.manager.loggerDict.items())
    loggers = [logger for name, logger in known if name.split(".")[0] in _DASK_LOGGERS]
    handlers = {
        handler
        for logger in (logging.root, *loggers)
        if isinstance(logger, logging.Logger)
        for handler in logger.handlers
    }
    for handler in handlers:
        handler.addFilter(quiet)
    try:
        yield client
    finally:
        try:
            client.close()  # type: ignore[no-untyped-call]
        finally:
            for handler in handlers:
                handler.removeFilter(quiet)
