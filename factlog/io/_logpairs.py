"""What an append must not declare: inverses that do not pair the predicates one to one.

A name made the inverse of two predicates, an inverse naming a third predicate as its
own, or a symmetric predicate made an inverse (:func:`factlog.model._coherence.inverse_clashes`)
leaves the pairing of names to the order of the declarations, and ``factlog validate``
refuses the set a replay gives. Only the clashes an append brings are refused: a store
written before they were checked may hold some, and its replay still reads it (pairing
in the order of the declarations: :func:`factlog.model._coherence.inverse_names`); an
append that leaves such a clash as it was, or undoes it, is accepted. An import's own
history is copied as it is (a clash its records alone hold is not refused).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from factlog.errors import ConflictError, FactlogError, FormatError
from factlog.io._logrecords import Appended
from factlog.io._logrules import LISTED
from factlog.model._coherence import inverse_clashes
from factlog.model._nouns import Predicate

__all__ = ["unpaired"]


def unpaired(
    store: str,
    appended: Appended,
    pre: Mapping[str, Predicate],
    post: Mapping[str, Predicate],
    *,
    appended_at: Callable[[str], str] = lambda _: "?",
    imported: bool = False,
) -> FactlogError | None:
    """The error for the inverse clashes the store's predicates ``post`` hold and ``pre`` did not; None for none.

    ``pre`` and ``post`` map id → predicate in force before and after the append (in a
    replay's order); ``appended_at`` gives when an earlier predicate was appended. A
    clash among the append's own predicates alone is a :class:`~factlog.FormatError`
    naming the store, the record and the predicates (``claims.db: record 2: inverse:
    predicate 'sends-to' names 'receives-from' as its inverse, but ...``); one with a
    predicate the store held before (or one that makes an earlier predicate's inverse
    clash) a :class:`~factlog.ConflictError` naming that predicate and when it was
    appended. With ``imported``, the clashes of the append's predicates alone are not
    the append's doing (an import's own history) and are left.
    """
    if not any(isinstance(record, Predicate) for record in appended.records):
        return None
    own: dict[str, str] = {}  # an appended predicate's id → the label of its last version
    mine: dict[str, Predicate] = {}
    for item in appended:
        if isinstance(item.record, Predicate):
            own[item.record.id] = item.label
            mine[item.record.id] = item.record
    before = set(_clashes(pre.values()))
    if imported:
        before |= set(_clashes(mine.values()))
    errors: list[str] = []
    conflict = False
    declared = tuple(post.values())
    for index, field, names, message in inverse_clashes(declared):
        predicate = declared[index]
        if (predicate.id, message) in before:
            continue
        held = [name for name in names if name in post and name not in own]
        if predicate.id in own:
            error = f"{store}: {own[predicate.id]}: {field}: {message}"
            if held:
                conflict = True
                error += f" ({_appended(held, appended_at)})"
        else:
            conflict = True
            labels = [label for name, label in own.items() if name in names] or list(own.values())
            error = (
                f"{store}: {', '.join(labels)}: would make the inverse of predicate {predicate.id!r}"
                f" (appended {appended_at(predicate.id)}) clash: {message}"
            )
        errors.append(error)
    if not errors:
        return None
    return (ConflictError if conflict else FormatError)(errors, shown=LISTED)


def _clashes(predicates: Iterable[Predicate]) -> Iterable[tuple[str, str]]:
    """(predicate id, message) of each inverse clash of a vocabulary."""
    declared = tuple(predicates)
    return ((declared[index].id, message) for index, _, _, message in inverse_clashes(declared))


def _appended(names: list[str], appended_at: Callable[[str], str]) -> str:
    """``the store's predicate 'gives-to' (appended ...)``, for the earlier predicates a clash involves."""
    listed = ", ".join(f"{name!r} (appended {appended_at(name)})" for name in names)
    return f"the store's predicate{'s' if len(names) > 1 else ''} {listed}"
