"""One value written several ways ('Acme Corp', 'ACME  corp'; 3 and 3.0): the form shown never follows the ids.

Texts are compared casefolded with their spaces collapsed, and a quantity by its
amount, so several spellings are one value; an assessment names it in the form most
claims give (ties: the smallest ``repr``), whatever the claims' ids or order.
"""

from __future__ import annotations

import random
from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

import factlog
from factlog.model._literals import Object
from factlog.model._vocabulary import shown_form
from tests.helpers import claim, world

SPELLINGS = ("Acme Corp", "ACME  corp", "acme corp", "Acme  Corp")


def _employer(texts: list[str], ids: list[str], predicate: str) -> list[str]:
    """The statements of an assessment of Alice working for each text, claim ``n`` named ``ids[n]``."""
    claims = [
        claim(ids[n], "alice", predicate, factlog.TextValue(text=text), holder=holder, source=source)
        for n, (text, (holder, source)) in enumerate(
            zip(texts, [("wire", "s2"), ("paper-b", "s5"), ("author", "s1"), ("paper-a", "s3")], strict=False)
        )
    ]
    return [item.statement for item in factlog.assess(world(*claims), method="majority").propositions]


def test_the_spelling_most_claims_give_names_a_slots_value_whatever_the_ids() -> None:
    """Two claims write 'Acme Corp', one 'ACME  corp': 'Acme Corp' is shown, whichever claim's id sorts first."""
    texts = ["ACME  corp", "Acme Corp", "Acme Corp"]
    for ids in (["a", "b", "c"], ["c", "b", "a"], ["b", "a", "c"]):
        assert _employer(texts, ids, "leader-of") == ["Alice Example leads 'Acme Corp' (2025)"]


def test_two_spellings_once_each_give_the_smallest_form_in_a_yes_no_question() -> None:
    """'Acme Corp' once, 'ACME  corp' once, a plain (not functional) predicate: one statement, the same both ways."""
    texts = ["Acme Corp", "ACME  corp"]
    first, second = _employer(texts, ["a", "b"], "visits"), _employer(texts, ["b", "a"], "visits")
    assert first == second == ["Alice Example visits 'ACME  corp' (2025)"]


@given(st.lists(st.sampled_from(SPELLINGS), min_size=1, max_size=8), st.randoms(use_true_random=False))
def test_the_shown_form_is_the_commonest_whatever_the_order(texts: list[str], rng: random.Random) -> None:
    """Against a brute force: the commonest spelling, ties to the smallest repr; any permutation, the same."""
    objects = [factlog.TextValue(text=text) for text in texts]
    counts = Counter(repr(obj) for obj in objects)
    best = max(counts.values())
    expected = min(r for r, n in counts.items() if n == best)
    rng.shuffle(objects)
    assert repr(shown_form(objects)) == expected


def test_an_amount_written_3_and_3_0_is_one_value_shown_one_way() -> None:
    """Quantities 3 and 3.0 are one value: the form shown is the same whichever claim comes first."""
    three, three_point = factlog.Quantity(amount=3), factlog.Quantity(amount=3.0)
    assert repr(shown_form([three, three_point])) == repr(shown_form([three_point, three]))


@given(
    st.lists(st.lists(st.sampled_from(SPELLINGS), min_size=1, max_size=6), min_size=1, max_size=4),
    st.randoms(use_true_random=False),
)
def test_the_shown_form_remembered_across_calls_is_the_one_found_afresh(
    calls: list[list[str]], rng: random.Random
) -> None:
    """Reprs remembered across calls (objects shared between them, as claims between findings) change no form."""
    pool = [factlog.TextValue(text=text) for text in SPELLINGS]
    reprs: dict[int, tuple[Object | None, str]] = {}
    for texts in calls:
        objects = [
            pool[SPELLINGS.index(text)] if rng.random() < 0.5 else factlog.TextValue(text=text) for text in texts
        ]
        assert shown_form(objects, reprs) is shown_form(objects)
    assert all(text == repr(obj) for obj, text in reprs.values())
