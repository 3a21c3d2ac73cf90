"""The entities a draft has used or proposed, by id, and a look-up by the names they are written under."""

from __future__ import annotations

from typing import Any

from factlog.drafting._names import normal
from factlog.model._nouns import Entity

__all__ = ["Used"]


class Used(dict[str, Entity]):
    """The entities a draft uses, by id, in the order first used; :meth:`by_name` finds one by a written name.

    The look-up is an index of every entity's normalised name and aliases, built when asked
    after an entity was set and kept until the next one is: a draft asks far more often than
    it proposes, and scanning every entity for every person named made a long article's
    drafting time grow with the cube of its people. Each entity's names are normalised
    once. Raises nothing of its own.
    """

    def __init__(self) -> None:
        super().__init__()
        self._index: dict[str, str] | None = None
        self._written: dict[int, tuple[Entity, tuple[str, ...]]] = {}

    def __setitem__(self, key: str, value: Entity) -> None:
        super().__setitem__(key, value)
        self._index = None

    def __delitem__(self, key: str) -> None:
        super().__delitem__(key)
        self._index = None

    def update(self, *args: Any, **kwargs: Entity) -> None:
        """As :meth:`dict.update`, the index then rebuilt when next asked."""
        super().update(*args, **kwargs)
        self._index = None

    def by_name(self, phrase: str) -> str | None:
        """The id of the first entity used, in order, one of whose name and aliases is ``phrase`` (without "the ").

        Compared normalised, as :func:`~factlog.drafting._names.normal` writes them, a
        leading "the " left out on both sides ("the NIS" for "NIS"). None when none is.
        """
        if self._index is None:
            index: dict[str, str] = {}
            for entity in self.values():
                for written in self._names(entity):
                    index.setdefault(written, entity.id)
            self._index = index
        return self._index.get(normal(phrase).removeprefix("the "))

    def _names(self, entity: Entity) -> tuple[str, ...]:
        cached = self._written.get(id(entity))
        if cached is None or cached[0] is not entity:
            names = tuple(normal(name).removeprefix("the ") for name in (entity.name, *entity.aliases))
            cached = self._written[id(entity)] = (entity, names)
        return cached[1]
