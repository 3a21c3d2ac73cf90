"""Sentences of an article, with their character spans, by pysbd.

A news text is read a line at a time: a line is a paragraph, and a line without final
punctuation (a headline, a section heading) is a sentence of its own. Each paragraph is
then split by pysbd (Python Sentence Boundary Disambiguation, rule-based, no model to
download), which keeps "U.S.", "Oct. 9", "3 p.m." and closing quotation marks inside
their sentence. pysbd is imported on first use, so ``import factlog`` stays light.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from factlog._extras import optional_import

__all__ = ["sentences"]

_LINE = re.compile(r"[^\n]+")


@functools.cache
def _segmenter() -> Any:
    pysbd = optional_import("pysbd", extra="draft", needed_by="factlog draft")  # loaded on first use
    return pysbd.Segmenter(language="en", clean=False)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _split(paragraph: str) -> list[str]:
    try:
        pieces = [str(piece) for piece in _segmenter().segment(paragraph)]
    except (ValueError, IndexError, TypeError, AttributeError, RecursionError, re.error):
        return [paragraph]
    return pieces or [paragraph]


def sentences(text: str) -> list[tuple[int, int]]:
    """The sentences of ``text`` as ``(start, end)`` string offsets, in order, without edge spaces.

    Every non-space character of the text lies in exactly one span. Where pysbd's
    pieces cannot be found again in the text in order (it never rewrites text with
    ``clean=False``, but a span must be exact), the rest of the paragraph is one sentence.
    """
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        paragraph = line.group()
        cursor = 0
        for piece in _split(paragraph):
            stripped = piece.strip()
            if not stripped:
                continue
            found = paragraph.find(stripped, cursor)
            if found < 0 or paragraph[cursor:found].strip():
                break
            cursor = found + len(stripped)
            span = _trimmed(text, line.start() + found, line.start() + cursor)
            if span is not None:
                spans.append(span)
        rest = _trimmed(text, line.start() + cursor, line.end())
        if rest is not None:
            spans.append(rest)
    return spans
