"""Words for findings: names, lists of holders, propositions read as sentences."""

from __future__ import annotations

from collections.abc import Iterable

from factlog.grading import Certainty
from factlog.index import Entry, Index
from factlog.model import Proposition
from factlog.timeline import Interval

__all__ = ["holders", "join", "proposition", "span"]

_VERBS = {
    Certainty.CERTAIN: ("state", "states"),
    Certainty.PROBABLE: ("consider likely", "considers likely"),
    Certainty.POSSIBLE: ("suggest", "suggests"),
    Certainty.UNCOMMITTED: ("report", "reports"),
}


def join(names: Iterable[str]) -> str:
    """``A``, ``A and B``, ``A, B and C``."""
    items = list(dict.fromkeys(names))
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def holders(index: Index, entries: Iterable[Entry]) -> tuple[str, bool]:
    """The holders' names joined, and whether they are several (for the verb)."""
    names = [index.name(entry.holder) for entry in entries]
    distinct = list(dict.fromkeys(names))
    return join(distinct), len(distinct) > 1


def verb(certainty: Certainty, plural: bool) -> str:
    """What holders do with a claim of this certainty: state, suggest, ..."""
    return _VERBS[certainty][0 if plural else 1]


def span(interval: Interval | None) -> str:
    """A valid time as words: ``2024–2025-10``, ``since 2025-01-20``, ``2019``."""
    if interval is None:
        return ""
    if interval.start is not None and interval.start == interval.end:
        return str(interval.start)
    if interval.start is None:
        return f"until {interval.end}"
    if interval.end is None:
        return f"since {interval.start}"
    return f"{interval.start}–{interval.end}"


def proposition(index: Index, value: Proposition, *, with_time: bool = True) -> str:
    """A proposition as a sentence: ``North Korea supplies weapons to Russia (2024–2025-10)``."""
    predicate = index.vocabulary.predicate(value.predicate)
    label = value.predicate if predicate is None else predicate.label
    words = [index.name(value.subject), label]
    if isinstance(value.object, str):
        words.append(index.name(value.object))
    elif value.object is not None:
        words.append(str(value.object))
    text = " ".join(words)
    if value.qualifiers:
        text += " (" + ", ".join(f"{name}: {index.name(item)}" for name, item in value.qualifiers) + ")"
    if with_time and value.when is not None:
        text += f" ({span(value.when)})"
    return text


def statement(entry: Entry) -> str:
    """The claim's own plain-words statement, without a final full stop."""
    return entry.claim.statement.rstrip(". ")
