"""The copying explanation counts tied origins as AccuCopy does: by the mean over the orders of their tie."""

from __future__ import annotations

import pytest

from factlog.analysis._discovery import Dependence, SourceTrust
from factlog.assessment._questions import OriginWeight
from factlog.assessment._reasons import Copying
from factlog.model import Reliability


def _origin(name: str) -> OriginWeight:
    return OriginWeight(name, name, (f"c-{name}",), (f"s-{name}",), 0.62, Reliability.F, interested=False)


@pytest.mark.parametrize("hub", ["a", "z"])
def test_tied_origins_count_the_same_whatever_their_names(hub: str) -> None:
    """One origin repeating two others (p = 0.9), all tied on grade and claims: about 1.7 whether named first or last.

    In the order of the names the hub counted 1 and the others 0.28 each (about 1.6),
    or, named last, the others 1 each and the hub 0.28² (about 2.1). The mean over the
    orders gives the hub (1 + 0.28 + 0.28²)/3 and each other (1 + 0.28)/2: 1.73.
    """
    others = ["m", "n"]
    pairs = [Dependence(*sorted((hub, other)), 0.9, 0.45, 0.45, False, 4, 4, 1, 1, 4) for other in others]
    trust = [SourceTrust(name, 0.6, 10, 10.0) for name in [hub, *others]]
    note = Copying.of(pairs, trust).note([_origin(name) for name in [hub, *others]])
    assert note == (
        "copying: of these 3 origins, 3 likely repeat others among them (detected, p ≥ 0.90):"
        " together they count as about 1.7"
    )
