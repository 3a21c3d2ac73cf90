"""Text saved in an encoding other than UTF-8, told by its first bytes, so that a file is told what it is.

A claim file is UTF-8. A file saved as UTF-16 or UTF-32 (Windows editors offer them as
"Unicode") would be told ``not UTF-8: byte 0``, or, without a byte order mark, that
its every line is no JSON. Its first bytes say what it is: a byte order mark, or the
NUL bytes these encodings give an ASCII character. JSON text begins with two ASCII
characters (RFC 4627, section 3, which reads the encoding from the NULs among the first
four bytes the same way); a NUL byte is never valid JSON outside a string, and a raw
one is refused inside a string too, so no valid UTF-8 claim file is taken for one.
"""

from __future__ import annotations

__all__ = ["wide_encoding", "wide_message"]

_MARKS = (
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe\x00\x00", "UTF-32"),  # before UTF-16's mark, which it starts with
    (b"\xfe\xff", "UTF-16"),
    (b"\xff\xfe", "UTF-16"),
)
_NULS: dict[tuple[bool, ...], str] = {
    (True, True, True, False): "UTF-32",  # big-endian: 00 00 00 7B
    (False, True, True, True): "UTF-32",  # little-endian: 7B 00 00 00
    (True, False, True, False): "UTF-16",  # big-endian: 00 7B 00 22
    (False, True, False, True): "UTF-16",  # little-endian: 7B 00 22 00
}


def wide_encoding(raw: bytes) -> str | None:
    """``"UTF-16"`` or ``"UTF-32"`` for bytes in that encoding; None for any other bytes.

    Told by a byte order mark, or by the pattern of NUL bytes among the first four.
    """
    for mark, name in _MARKS:
        if raw.startswith(mark):
            return name
    if len(raw) < 4:
        return None
    return _NULS.get(tuple(byte == 0 for byte in raw[:4]))


def wide_message(encoding: str) -> str:
    """What a file in ``encoding`` (from :func:`wide_encoding`) is told."""
    return f"not UTF-8: the file is {encoding}; save it as UTF-8"
