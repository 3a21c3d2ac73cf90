"""How much one claim's vote weighs: its expressed certainty, and the discounts that apply to it."""

from __future__ import annotations

from factlog.analysis._index import Entry, Index
from factlog.model._kinds import Mode
from factlog.model._scales import Certainty

__all__ = ["CERTAINTY_WEIGHT", "DISCOUNTS", "vote_weight"]

CERTAINTY_WEIGHT = {
    Certainty.CERTAIN: 1.0,
    Certainty.PROBABLE: 0.7,
    Certainty.POSSIBLE: 0.4,
    Certainty.UNCOMMITTED: 0.0,
}
"""How much of a vote a claim casts for the certainty its holder expressed (uncommitted: none).

Chosen here, like :data:`DISCOUNTS`: a factlog convention that keeps the certainty
words in order (certain 1, probable 0.7, possible 0.4), not a measured rate.
"""

DISCOUNTS = {
    "interested": 0.2,
    "anonymous": 0.5,
    "implied": 0.5,
    "unnamed relay": 0.7,
}
"""Factors on a vote's weight, multiplied together when several apply.

* ``interested``: a denial by a party the proposition accuses, or a party judging its own
  conduct (an ``evaluative`` predicate: "our strike obliterated the sites"), says little
  about the truth;
* ``anonymous``: a vague holder ("analysts", "a source") cannot be checked or held to
  account, and may be several people or one;
* ``implied``: a claim the reporter reads into a text is the reporter's inference, not
  the holder's statement;
* ``unnamed relay``: a claim relayed through an anonymous intermediary may have been
  altered on the way.

A named holder speaking first hand casts a full vote. These factors are a factlog
convention (ordered as the intelligence-analysis literature ranks such sourcing), not
measured rates.
"""


def vote_weight(index: Index, entry: Entry, interested: bool) -> tuple[float, tuple[str, ...]]:
    """A claim's vote weight in [0, 1] and the discounts applied (see :data:`DISCOUNTS`)."""
    applied = []
    if interested:
        applied.append("interested")
    holder = index.entity(entry.holder)
    if holder is not None and holder.anonymous:
        applied.append("anonymous")
    if entry.claim.attribution.mode is Mode.IMPLIED:
        applied.append("implied")
    relays = (index.entity(relay) for relay in entry.claim.attribution.via)
    if any(relay is not None and relay.anonymous for relay in relays):
        applied.append("unnamed relay")
    weight = CERTAINTY_WEIGHT[entry.certainty]
    for name in applied:
        weight *= DISCOUNTS[name]
    return weight, tuple(applied)
