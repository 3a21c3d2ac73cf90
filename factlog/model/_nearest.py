"""The entities whose id, name or alias comes close to a name that names none: what "did you mean" offers."""

from __future__ import annotations

from collections.abc import Iterable

from factlog.model._nouns import Entity

__all__ = ["nearest_entities", "nearest_ids"]


def nearest_entities(entities: Iterable[Entity], name: str, most: int = 3) -> list[Entity]:
    """Up to ``most`` entities whose id, name or alias comes close to ``name``, closest first; raises nothing.

    Close is a rapidfuzz ``WRatio`` of 80 or more after its default processing (case and
    punctuation folded), which takes a name inside a longer phrase ("BNA news" is near
    "BNA"). Ties keep the order of ``entities``.
    """
    from rapidfuzz import fuzz, process, utils  # noqa: PLC0415 - only a name that resolves to nothing needs it

    labels: list[str] = []
    owners: list[Entity] = []
    for entity in entities:
        for label in (entity.id, entity.name, *entity.aliases):
            labels.append(label)
            owners.append(entity)
    near: dict[str, Entity] = {}
    for _, _, position in process.extract(
        name, labels, scorer=fuzz.WRatio, processor=utils.default_process, limit=None, score_cutoff=80
    ):
        entity = owners[position]
        near.setdefault(entity.id, entity)
        if len(near) == most:
            break
    return list(near.values())


def nearest_ids(ids: Iterable[str], name: str, most: int = 3, *, within: int | None = None) -> list[str]:
    """Up to ``most`` of ``ids`` (of sources or claims) that come close to ``name``, closest first; raises nothing.

    Close as :func:`nearest_entities` says (a ``WRatio`` of 80 or more, case and
    punctuation folded); with ``within``, at most that many characters away (a Levenshtein
    distance, case kept: for ids of fixed form, such as a finding's ``f-`` and 20 hex
    digits, which any two would come close by ``WRatio``). Ties keep the order of
    ``ids``; an id given twice is offered once.
    """
    from rapidfuzz import distance, fuzz, process, utils  # noqa: PLC0415 - only an id that resolves to nothing needs it

    labels = list(dict.fromkeys(ids))
    if within is not None:
        near = process.extract(name, labels, scorer=distance.Levenshtein.distance, limit=most, score_cutoff=within)
        return [label for label, _, _ in near]
    found = process.extract(
        name, labels, scorer=fuzz.WRatio, processor=utils.default_process, limit=most, score_cutoff=80
    )
    return [label for label, _, _ in found]
