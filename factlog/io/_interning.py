"""Ids as the generated readers take them: interned, and checked against the ids a set defines.

A reader interns every id it reads in one table (``ids``), so ``"e1"`` is one string
however often it is named. Reading a document's claims, it also vouches for their
references (:class:`Interned`): an entity, predicate or source a claim names is looked
up among the ids the document's own tables define, in the table of its kind, and
found there in the one lookup that interns it. A claim whose every reference is found
so needs no look at all in the reference check (:mod:`factlog.io._references`), which
then only walks the claims the reader could not vouch for: a name as written, an id
defined in another file, a claim that answers or regards other claims. At a million
claims that check walked every claim again, 1.0–1.4 s of CPU (``benchmarks/RESULTS.md``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from factlog.model import _fields as fields
from factlog.model import _nouns as model
from factlog.model._dates import Interval
from factlog.model._written import read_when

__all__ = [
    "REFERENCES",
    "Interned",
    "Refused",
    "fail",
    "id_list",
    "intern_id",
    "name",
    "name_list",
    "text",
    "text_list",
    "when",
]


class Refused(ValueError):
    """The fast path met something it does not accept; the converter will say what."""


def intern_id(value: Any, ids: dict[str, str]) -> str:
    """A valid id, as the one string object ``ids`` keeps for it."""
    found = ids.get(value)
    if found is not None:
        return found
    if type(value) is not str or fields.ID.fullmatch(value) is None:
        raise Refused
    ids[value] = value
    return value


def fail() -> Any:
    """Raise :class:`Refused` (for use inside an expression)."""
    raise Refused


def text(value: Any) -> str:
    """A text the model's ``is_text`` accepts; :class:`Refused` otherwise."""
    # The same test as the model's validator: ``not value.strip()`` is ``not value or value.isspace()``.
    if type(value) is not str or not value or value.isspace():
        raise Refused
    return value


def name(value: Any, ids: dict[str, str]) -> str:
    """An entity reference: an id (interned) or a name as written; the generated code looks in ``ids`` first."""
    if type(value) is str and fields.ID.fullmatch(value) is not None:
        ids[value] = value
        return value
    return text(value)


def name_list(value: Any, ids: dict[str, str]) -> tuple[str, ...]:
    """A list of entity references, as a tuple."""
    if type(value) is not list:
        raise Refused
    return tuple([ids.get(item) or name(item, ids) for item in value])


def id_list(value: Any, ids: dict[str, str]) -> tuple[str, ...]:
    """A list of ids, interned, as a tuple."""
    if type(value) is not list:
        raise Refused
    return tuple([intern_id(item, ids) for item in value])


def text_list(value: Any) -> tuple[str, ...]:
    """A list of texts, as a tuple."""
    if type(value) is not list:
        raise Refused
    return tuple([text(item) for item in value])


def when(value: str, ids: Interned) -> Interval:
    """:func:`~factlog.model._written.read_when`, kept in ``ids.whens`` for the rest of the reading.

    Every proposition's ``when`` read passes here, so whether any is in words is known
    from the values kept, without a pass over the claims (about 0.15 s at a million);
    the look-up costs about what a hit of read_when's own cache does.
    """
    found = ids.whens[value] = read_when(value)
    return found


class Interned(dict[str, str]):
    """The intern table of one reading, with the ids its tables define, by kind.

    ``entities``, ``predicates`` and ``sources`` map each id the document defines to
    itself (the string the intern table keeps); ``predicates`` holds the declared
    inverses too, also in ``inverses``: a proposition with one of those and an object
    that is no entity is ``missed``. The claim readers made with
    ``vouching`` (:func:`factlog.io._records.reader`) look a reference up in the table
    of its kind first, and set ``missed`` for anything not found there, or anything the
    reference check must look at in any case (qualifiers, answers, ``regarding``, a
    pattern, a list of objects); the claim reader then adds the claim to ``unvouched``
    and clears ``missed``. ``whens`` keeps each proposition's ``when`` read, by its
    text (:func:`when`), and ``claims`` the id of each claim read. ``floats`` is set
    when a claim's object is a quantity with a float among its numbers (``dumps`` then
    looks at them for one too small for orjson to write as the standard library does).
    """

    __slots__ = ("claims", "entities", "floats", "inverses", "missed", "predicates", "sources", "unvouched", "whens")

    def __init__(self) -> None:
        super().__init__()
        self.entities: dict[str, str] = {}
        self.predicates: dict[str, str] = {}
        self.inverses: set[str] = set()
        self.sources: dict[str, str] = {}
        self.missed = False
        self.unvouched: list[Any] = []
        self.whens: dict[str, Interval] = {}
        self.claims: set[str] = set()
        self.floats = False

    def define(self, section: str, items: Sequence[Any]) -> None:
        """Record the ids the items of a table section (read by the readers) define."""
        table = {"entities": self.entities, "predicates": self.predicates, "sources": self.sources}.get(section)
        if table is None:
            return
        table.update((item.id, item.id) for item in items)
        if section == "predicates":  # a declared inverse names a predicate too, when its object is an entity
            self.inverses.update(item.inverse for item in items if item.inverse is not None)
            table.update((name, name) for name in self.inverses if name not in table)


REFERENCES: dict[tuple[type, str], str | None] = {
    (model.Attribution, "holder"): "entities",
    (model.Attribution, "via"): "entities",
    (model.Proposition, "subject"): "entities",
    (model.Proposition, "object"): "entities",
    (model.Proposition, "predicate"): "predicates",
    (model.Evidence, "source"): "sources",
    (model.Proposition, "qualifiers"): None,
    (model.Claim, "answers"): None,
    (model.Claim, "regarding"): None,
    (model.Claim, "pattern"): None,
}
"""The fields of a claim that name other records, and the table of ``Interned`` they are looked up in.

None for a field the reference check must look at whenever it is given (it depends on
the whole vocabulary, or names claims).
"""
