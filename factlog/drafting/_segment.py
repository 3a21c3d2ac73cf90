"""Sentences of an article, with their character spans, by pysbd.

A news text is read a line at a time: a line is a paragraph, and a line without final
punctuation (a headline, a section heading) is a sentence of its own. Each paragraph is
then split by pysbd (Python Sentence Boundary Disambiguation, rule-based, no model to
download), which keeps "U.S.", "Oct. 9", "3 p.m." and closing quotation marks inside
their sentence. pysbd is imported on first use, so ``import factlog`` stays light.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from typing import Any

from factlog._extras import optional_import

__all__ = ["sentences", "visible"]

_LINE = re.compile(r"[^\n]+")
_WINDOW = 2000
"""The most characters pysbd is given at once, and so the longest sentence: a longer one is cut."""
_CLOCK = re.compile(r"\b[ap]\.m\.$", re.IGNORECASE)
_MONTH_CUT = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.$")
"""An abbreviated month ending a piece pysbd cut: "Nov. 30-Dec." before "1."."""
_DAY = re.compile(r"\d{1,2}(?!\d)")
_ASKED = re.compile(r"[?!][”\"»’]$")
"""A quotation ending in a question or an exclamation: "“Will they come?”", which pysbd ends a sentence after."""
_SPEAKER_ONLY = re.compile(
    r"(?:[A-Z][\w.'’-]*\s+){1,4}(?:said|says|added|adds|wrote|writes|declared|insisted|warned|stated|told\s+[\w.'’-]+)"
    r"(?:\s+(?:on|in|at|during|to|after|before|earlier|later|yesterday|today|late|early)\b[^.!?]*)?[.,]",
)
"""A speaker and a verb of saying with nothing said after them: "Lavrov said.", "Kim Jong Un added on Tuesday, ..."."""
_ZONE = re.compile(
    r"(?:UTC|GMT|ET|PT|CT|MT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|EET|EEST|MSK|KST|JST|IST|AEST|AEDT|HKT|SGT)"
    r"(?![\w-])"
)
_HIDDEN_KINDS = frozenset({"Cc", "Cf", "Cs", "Zs", "Zl", "Zp"})
"""Unicode categories that show nothing: controls, format characters (zero-width space, byte-order mark, soft
hyphen, bidirectional marks), surrogates and spaces."""
_IGNORABLE = re.compile("[\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u3164\ufe00-\ufe0f\uffa0\U000e0100-\U000e01ef]")
"""Default-ignorable characters outside those categories: fillers and variation selectors, which show nothing."""


def visible(text: str) -> bool:
    """Whether ``text`` holds a character that shows something: not only spaces, controls and format characters."""
    return any(unicodedata.category(char) not in _HIDDEN_KINDS and not _IGNORABLE.match(char) for char in text)


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


_BOUNDARY = re.compile(r"[.!?。．！？)）」\"”'’ȸȹ☉☈☇☄\r]")
"""What pysbd may end a sentence at (stops, closing brackets and quotation marks before a capital, list items):
a text with none of these is one sentence, and pysbd, a regular expression compiled for each sentence it finds,
is not asked."""


def _segment(text: str) -> list[str]:
    if _BOUNDARY.search(text) is None:
        return [text]  # a headline or a heading: no sentence end for pysbd to find
    try:
        pieces = [str(piece) for piece in _segmenter().segment(text)]
    except (ValueError, IndexError, TypeError, AttributeError, RecursionError, re.error):
        return [text]
    return pieces or [text]


def _split(paragraph: str) -> list[str]:
    """The sentences pysbd finds in a paragraph, read a window of at most ``_WINDOW`` characters at a time.

    pysbd takes time quadratic in the length of what it is given: a paragraph of 3,000
    sentences took 20 s whole. Each window's last sentence may be cut by the window's
    end, so it is read again at the start of the next window. The sentences are the
    ones pysbd finds in the whole paragraph (its rules look at a sentence and its
    neighbours, never further), but for one longer than a window (a paragraph with no
    sentence end, or semicolons only): it is cut at the window's last space (or its
    end, with none), and the rest read on as a sentence of its own.
    """
    if len(paragraph) <= _WINDOW:
        return _segment(paragraph)
    found: list[str] = []
    start = 0
    while start < len(paragraph):
        window = paragraph[start : start + _WINDOW]
        pieces = _segment(window)
        if start + _WINDOW >= len(paragraph):
            return found + pieces
        kept = _kept_length(window, pieces[:-1])
        if kept is None or kept == 0:  # one sentence longer than the window, or pieces not found again
            cut = _cut(window)
            found.append(window[:cut])
            start += cut
            while start < len(paragraph) and paragraph[start].isspace():
                start += 1
            continue
        found += pieces[:-1]
        start += kept
    return found


def _cut(window: str) -> int:
    """Where to end a sentence longer than ``window``: after its last space (and the spaces before it), else its end."""
    end = len(window)
    while end > 0 and not window[end - 1].isspace():
        end -= 1
    while end > 0 and window[end - 1].isspace():
        end -= 1
    return end or len(window)


def _kept_length(window: str, pieces: list[str]) -> int | None:
    """Where the last of ``pieces`` ends in ``window``, found in order; None when one is not found."""
    cursor = 0
    for piece in pieces:
        stripped = piece.strip()
        found = window.find(stripped, cursor) if stripped else cursor
        if found < 0 or window[cursor:found].strip():
            return None
        cursor = found + len(stripped)
    while cursor < len(window) and window[cursor].isspace():
        cursor += 1
    return cursor


def _speaker_only(sentence: str) -> bool:
    """Whether a sentence is a speaker and a verb of saying only ("Lavrov said."), saying nothing of its own."""
    found = _SPEAKER_ONLY.match(sentence)
    return found is not None and " that " not in found.group() and (found.end() == len(sentence) or found[0][-1] == ",")


def _joined(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans with a time zone after "a.m." or "p.m." joined to the time it qualifies ("7 p.m. EST on Tuesday").

    A day after an abbreviated month ("Nov. 30-Dec. 1.") is joined to its month likewise,
    and a speaker after a quoted question or exclamation to the quotation ("“Will they
    come?” Lavrov said."), as after a quotation ending in a comma.
    """
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined and (
            (_CLOCK.search(text, joined[-1][0], joined[-1][1]) and _ZONE.match(text, start))
            or (_MONTH_CUT.search(text, joined[-1][0], joined[-1][1]) and _DAY.match(text, start))
            or (_ASKED.search(text, joined[-1][0], joined[-1][1]) and _speaker_only(text[start:end]))
        ):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


_QUOTE_OPENING = '“«„"'
_QUOTE_CLOSING = {"“": "”", "«": "»", "„": "“", '"': '"'}
_SENTENCE_END = re.compile(r"[.!?][’'»)\]]*$")
_SENTENCE_START = re.compile(r"[“‘'\"«(\[]*[^\W\d_]")


def _closed_quotations(sentence: str) -> list[tuple[int, int]]:
    """The insides of the quotations a sentence opens and closes, as ``(start, end)`` offsets between the marks.

    A straight mark after a digit is an inch mark ('a 12" gun'), no quotation mark.
    """
    found: list[tuple[int, int]] = []
    index = 0
    while index < len(sentence):
        char = sentence[index]
        if char in _QUOTE_OPENING and not (char == '"' and index and sentence[index - 1].isdigit()):
            closing = sentence.find(_QUOTE_CLOSING[char], index + 1)
            if closing < 0:
                return found
            found.append((index + 1, closing))
            index = closing
        index += 1
    return found


def _quoted_sentences(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """A sentence cut where a sentence inside one of its quotations ends.

    pysbd keeps a quotation of several sentences whole ("“We will not accept this result.
    We will go to court,” she said."); each of its sentences is a claim of its own, with
    its own polarity: the quotation's inside is read by pysbd, and the sentence cut after
    each inner sentence that ends in a stop and is followed by a word.
    """
    start, end = span
    cuts: list[int] = []
    for inner_start, inner_end in _closed_quotations(text[start:end]):
        inner = text[start + inner_start : start + inner_end]
        if _BOUNDARY.search(inner) is None:
            continue
        cursor = 0
        pieces = [piece.strip() for piece in _segment(inner) if piece.strip()]
        for piece, following in itertools.pairwise(pieces):
            at = inner.find(piece, cursor)
            if at < 0:
                break
            cursor = at + len(piece)
            if _SENTENCE_END.search(piece) and _SENTENCE_START.match(following):
                cuts.append(start + inner_start + cursor)
    result: list[tuple[int, int]] = []
    for cut in cuts:
        before = _trimmed(text, start, cut)
        if before is not None:
            result.append(before)
        start = cut
    rest = _trimmed(text, start, end)
    if rest is not None:
        result.append(rest)
    return result


def sentences(text: str) -> list[tuple[int, int]]:
    """The sentences of ``text`` as ``(start, end)`` string offsets, in order, without edge spaces.

    Every non-space character of the text lies in exactly one span. Where pysbd's
    pieces cannot be found again in the text in order (it never rewrites text with
    ``clean=False``, but a span must be exact), the rest of the paragraph is one sentence.
    A time zone after "a.m." or "p.m." ("7 p.m. EST", "9 a.m. ET.") stays in the sentence
    of its time: pysbd ends a sentence after "p.m." when a capital follows. A quotation
    of several sentences is cut after each of them (pysbd keeps it whole).
    """
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        paragraph = line.group()
        cursor = 0
        found: list[tuple[int, int]] = []
        for piece in _split(paragraph):
            stripped = piece.strip()
            if not stripped:
                continue
            at = paragraph.find(stripped, cursor)
            if at < 0 or paragraph[cursor:at].strip():
                break
            cursor = at + len(stripped)
            span = _trimmed(text, line.start() + at, line.start() + cursor)
            if span is not None:
                found.append(span)
        rest = _trimmed(text, line.start() + cursor, line.end())
        if rest is not None:
            found.append(rest)
        spans += [piece for span in _joined(text, found) for piece in _quoted_sentences(text, span)]
    return spans
