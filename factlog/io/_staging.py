"""The hidden staging folders a split is written in, named so that a check never reads one.

A split of ``FOLDER`` is written into ``.FOLDER.split-HOST-PID-RANDOM`` beside it, and
an earlier split it replaces is moved aside to the same name with ``.old`` added
(:mod:`factlog.io._splitfolder`). A process killed outright leaves such a folder behind;
:func:`is_staging` is how the search of a folder for claim files passes it by.
"""

from __future__ import annotations

import os
import re
import secrets
import socket

__all__ = ["host", "is_staging", "staging_name"]

_STAGING = re.compile(r"\..+\.split-.+-[0-9]+-[0-9a-f]{8}(?:\.old)?")


def is_staging(name: str) -> bool:
    """Whether a folder's ``name`` is one of a split's staging folders (``.out.split-HOST-PID-RANDOM[.old]``)."""
    return _STAGING.fullmatch(name) is not None


def host() -> str:
    """The name of this machine as a staging folder holds it (only letters, digits, ``.`` and ``-``)."""
    return re.sub(r"[^A-Za-z0-9.-]", "-", socket.gethostname()) or "host"


def staging_name(name: str) -> str:
    """A new staging folder's name for a split of the folder ``name``, by this process on this machine."""
    return f".{name}.split-{host()}-{os.getpid()}-{secrets.token_hex(4)}"
