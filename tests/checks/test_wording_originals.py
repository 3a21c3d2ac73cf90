"""``shared_wording`` names as original a story, never a declared copy nor a later source, or says it cannot tell."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

import factlog
from tests.release_story import story

_DAYS = st.sampled_from(["2026-03-02", "2026-03-03", "2026-03-04"])


def _message(claims: factlog.ClaimSet) -> str:
    [finding] = factlog.check(claims).by_rule("shared_wording")
    return finding.message


def test_a_same_day_statement_is_the_original_not_the_paper_first_by_name() -> None:
    """Wire, paper and ministry print one sentence on one day: the ministry's own statement, never the paper."""
    message = _message(story())
    assert "likely one origin, Orvanian Foreign Ministry (“Statement”, 2026-03-03), issued by" in message
    assert 'declare derived_from ["mfa-statement"] in wire-story' in message
    assert "first by name" not in message


def test_a_statement_published_before_the_wire_is_never_asked_to_copy_it() -> None:
    """The statement of 2 March is the original of the wire story of 3 March, however the paper copies the wire."""
    message = _message(story(statement="2026-03-02"))
    assert "likely one origin, Orvanian Foreign Ministry (“Statement”, 2026-03-02), published first" in message
    assert message.endswith('declare derived_from ["mfa-statement"] in wire-story')


def test_a_same_day_tie_nothing_tells_apart_is_asked_both_ways() -> None:
    """Two outlets' reports of one day, neither issued in its own right: which copies which is the user's to say."""
    message = _message(story(statement_kind="news-report", ministry_kind="media-outlet"))
    assert "which is the original cannot be told" in message
    assert "declare which copies which: " in message
    assert 'derived_from ["mfa-statement"] in wire-story' in message
    assert 'derived_from ["wire-story"] in mfa-statement' in message


@given(_DAYS, _DAYS, st.booleans())
def test_the_named_original_is_never_a_declared_copy_nor_published_after_another(
    statement: str, wire: str, issued: bool
) -> None:
    """Whatever the days: the source asked to be copied declares no derived_from and is dated no later."""
    kind = "official-statement" if issued else "news-report"
    claims = story(statement=statement, wire=wire, statement_kind=kind, ministry_kind="media-outlet")
    message = _message(claims)
    by_id = {source.id: source for source in claims.sources}
    for named in re.findall(r'derived_from \["([^"]+)"\] in ([\w-]+)', message):
        original, copy = (by_id[source] for source in named)
        assert not original.derived_from
        assert original.published is not None
        assert copy.published is not None
        assert not copy.published.before(original.published, definitely=True)
