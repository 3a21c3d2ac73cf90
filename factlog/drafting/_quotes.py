"""Quotations that run over several sentences, and on into the next paragraph.

pysbd keeps a closed quotation in one sentence ("“We will respond. Nobody should doubt
it,” Kim said."), but a quotation left open at a sentence's end goes on in the next
one, and in news style on into the next paragraph: a paragraph of a quotation that
goes on has no closing mark, and the next paragraph opens with a quotation mark again.
The sentences inside it are the speaker's words, never the outlet's voice.
"""

from __future__ import annotations

import attrs

from factlog.model import Attribution

__all__ = ["OPENING", "Quotation", "open_after", "quotation_after", "quotation_at"]

OPENING = '“«„"'
"""The marks that open a double quotation (straight ones open and close)."""
_CLOSING = "”»"


def open_after(sentence: str, *, open_before: bool, reopened: bool = False) -> bool:
    """Whether a double quotation is open at the end of ``sentence``.

    ``open_before`` says one was open at its start; ``reopened`` that the sentence opens
    a paragraph continuing it, so that its first mark opens the quotation again rather
    than closing it. Single quotation marks are not counted: they nest inside double
    ones, and ’ is also an apostrophe. „ opens a quotation that “ closes („...“). A
    straight mark after a digit is an inch mark ('a 12" gun'), not a quotation mark.
    """
    is_open, low = open_before, False
    for index, char in enumerate(sentence):
        if index == 0 and reopened and char in OPENING:
            continue
        if char == "“" and low:
            is_open = low = False
        elif char in "“«„":
            is_open, low = True, char == "„"
        elif char in _CLOSING:
            is_open = low = False
        elif char == '"' and not (index and sentence[index - 1].isdigit()):  # not the inch mark of 'a 12" gun'
            is_open = not is_open
    return is_open


@attrs.frozen
class Quotation:
    """A quotation open over several sentences: ``speaker`` is who opened it, None when nobody was named."""

    speaker: Attribution | None = None


def quotation_at(sentence: str, before: Quotation | None, *, new_paragraph: bool) -> tuple[Quotation | None, bool]:
    """The quotation ``sentence`` stands in (None outside any), and whether one is open at its end.

    ``before`` is the quotation open at the end of the sentence before. A new paragraph
    goes on with it only when it opens with a quotation mark; a sentence opening with
    a mark that it leaves open stands in a quotation of its own, whose speaker is not
    known yet.
    """
    reopened = new_paragraph and before is not None and sentence.startswith(tuple(OPENING))
    if new_paragraph and not reopened:
        before = None
    still_open = open_after(sentence, open_before=before is not None, reopened=reopened)
    if before is None and still_open and sentence.startswith(tuple(OPENING)):
        return Quotation(), still_open
    return before, still_open


def quotation_after(inside: Quotation | None, still_open: bool, said: Attribution, outlet: str) -> Quotation | None:
    """The quotation open after a sentence: the one it stood in, or one it opened, spoken by ``said``'s holder."""
    if not still_open:
        return None
    if inside is not None and inside.speaker is not None:
        return inside
    return Quotation(None if said.holder == outlet else said)
