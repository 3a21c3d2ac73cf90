"""The Dask options of a command (``--dask``, ``--workers``, ``--partitions``, ``--dask-timeout``), as on ``check``."""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Callable
from typing import Any, TypeVar

from factlog.cli._common import UsageError
from factlog.cli._streams import report_interrupt
from factlog.cli._terminal import progress

__all__ = ["add_dask_options", "on_cluster", "refuse_stray_options"]

_T = TypeVar("_T")


def add_dask_options(parser: argparse.ArgumentParser, verb: str) -> Any:
    """Add the four options; ``verb`` ("check", "assess") says what runs on the cluster.

    Returns the group in which ``--dask`` and ``--workers`` exclude each other, for
    the options that exclude both (``--stream``).
    """
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--dask",
        metavar="ADDRESS",
        help=f"{verb} on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786); the workers read"
        " the files at the same paths (needs the dask extra)",
    )
    where.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help=f"{verb} on a local Dask cluster of N worker processes (needs the dask extra)",
    )
    parser.add_argument(
        "--partitions",
        type=int,
        metavar="N",
        help="with --dask or --workers: split the claims into N partitions (default: twice the workers;"
        " at most the number of claims)",
    )
    parser.add_argument(
        "--dask-timeout",
        type=float,
        metavar="SECONDS",
        help="with --dask: how long to wait for the scheduler to answer and to have a worker"
        " (default: FACTLOG_DASK_TIMEOUT, else 30)",
    )
    return where


def refuse_stray_options(arguments: argparse.Namespace, command: str) -> None:
    """Raise :class:`UsageError` for ``--partitions`` without a cluster, ``--dask-timeout`` without ``--dask``.

    Called by :func:`on_cluster`, and by ``--stream``, which takes neither ``--dask`` nor ``--workers``.
    """
    if arguments.dask is None and arguments.workers is None and arguments.partitions is not None:
        raise UsageError(f"factlog {command}: error: --partitions needs --dask or --workers")
    if arguments.dask is None and arguments.dask_timeout is not None:
        raise UsageError(f"factlog {command}: error: --dask-timeout needs --dask")


def on_cluster(arguments: argparse.Namespace, command: str, call: Callable[[Any, dict[str, Any]], _T]) -> _T | None:
    """``call(factlog.dask, options)`` on the cluster the options name, or None when they name none.

    ``options`` holds ``client``, ``partitions``, ``progress`` (each stage shown on stderr
    when it is a terminal) and, with ``--dask``, ``timeout``.
    Raises :class:`UsageError` for an option without the one it needs, a malformed
    address, or a count below 1, before any cluster starts.
    """
    refuse_stray_options(arguments, command)
    if arguments.dask is None and arguments.workers is None:
        return None
    if arguments.max_problems is not None:  # the workers read the files, under the default limits
        raise UsageError(f"factlog {command}: error: --max-problems is not taken with --dask or --workers")
    option = "--dask" if arguments.dask is not None else "--workers"
    try:
        from factlog import dask as distributed  # noqa: PLC0415 - an optional extra, imported only when asked for
    except ImportError:
        raise UsageError(
            f"factlog {command}: error: {option} needs Dask, the dask extra of factlog-claims:"
            " pip install -e '.[dask]' in a checkout of factlog, or pip install 'dask[distributed]'"
        ) from None
    if arguments.dask is not None:
        from factlog.dask._connect import parse_address  # noqa: PLC0415 - an optional extra

        try:
            parse_address(arguments.dask)
        except ValueError as error:
            raise UsageError(f"factlog {command}: error: --dask: {error}") from None
    if arguments.workers is not None and arguments.workers < 1:
        raise UsageError(f"factlog {command}: error: --workers must be at least 1, not {arguments.workers}")
    if arguments.partitions is not None and arguments.partitions < 1:
        raise UsageError(f"factlog {command}: error: --partitions must be at least 1, not {arguments.partitions}")
    if arguments.dask_timeout is not None and not arguments.dask_timeout > 0:
        raise UsageError(
            f"factlog {command}: error: --dask-timeout must be more than 0 seconds, not {arguments.dask_timeout}"
        )
    label = f"{'checking' if command == 'check' else 'assessing'} on the Dask cluster"
    if arguments.dask is not None:
        with progress(label) as stage:
            return call(
                distributed,
                {
                    "client": arguments.dask,
                    "partitions": arguments.partitions,
                    "timeout": arguments.dask_timeout,
                    "progress": stage,
                },
            )
    with contextlib.ExitStack() as cluster:
        with progress(f"starting a local Dask cluster of {arguments.workers} workers"):
            client = cluster.enter_context(distributed.local_client(arguments.workers))
        try:
            with progress(label) as stage:
                return call(distributed, {"client": client, "partitions": arguments.partitions, "progress": stage})
        except KeyboardInterrupt as stop:  # Ctrl-C, or SIGTERM (factlog.cli._streams.Terminated)
            report_interrupt(stop)  # before the cluster stops, which prints what it was doing
            raise
