"""``shared_wording``: publishers printing one text in their own voice, with no ``derived_from`` to say so."""

from __future__ import annotations

import tempfile
from pathlib import Path

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import factlog
import factlog.dask
from factlog import Attribution, Claim, ClaimSet, Entity, EntityKind, Evidence, PartialDate, Source
from factlog.analysis._wording import _FEWEST_CHARACTERS, MIN_WORDS, most_words, words_of
from factlog.checks import shared_wording
from factlog.render import render_assessment_json, render_json
from tests import renaming
from tests.helpers import claim, findings_of, sides, world
from tests.strategies import echoed_claim_sets

RELEASE = "Acme Corp has at no time discharged untreated waste into the river"

_OUTLETS = tuple(Entity(id=f"o{n}", name=f"Outlet {n}", kind=EntityKind.MEDIA_OUTLET) for n in range(1, 6))
_STORIES = tuple(
    Source(id=f"o{n}-story", title=f"Story {n}", publisher=f"o{n}", published=PartialDate.parse(f"2025-10-0{n + 1}"))
    for n in range(1, 6)
)
_RELEASE = Source(id="release", title="Press release", publisher="author", published=PartialDate.parse("2025-10-01"))


def _printed(number: int, quote: str = RELEASE, *, holder: str | None = None, source: str | None = None) -> Claim:
    """Outlet ``number``'s claim that North Korea supplies weapons to Russia, in its own voice unless ``holder``."""
    base = claim(f"print-{number}")
    return attrs.evolve(
        base,
        attribution=Attribution(holder=holder or f"o{number}"),
        evidence=(Evidence(source=source or f"o{number}-story", quote=quote),),
    )


def _echoes(*claims: Claim, derived: bool = False) -> ClaimSet:
    """The shared world, five outlets, their stories (derived from the release if ``derived``) and the release."""
    base = world(*claims)
    stories = tuple(attrs.evolve(s, derived_from=("release",)) if derived else s for s in _STORIES)
    return attrs.evolve(base, entities=(*base.entities, *_OUTLETS), sources=(*base.sources, _RELEASE, *stories))


def test_five_outlets_printing_one_release_are_one_undeclared_origin() -> None:
    """Five outlets' own-voice claims sharing the release's words: one warning, a side a source, earliest first."""
    [finding] = findings_of(shared_wording, _echoes(*(_printed(n) for n in (3, 1, 5, 2, 4))))
    assert finding.severity is factlog.Severity.WARNING
    assert [side for side, _ in finding.claims] == [f"in o{n}-story" for n in range(1, 6)]
    assert "Outlet 1 (“Story 1”, 2025-10-02), published first" in finding.message
    assert 'declare derived_from ["o1-story"] in o2-story, o3-story, o4-story and o5-story' in finding.message


def test_the_release_itself_is_named_as_the_original() -> None:
    """The publisher's own release, published first, is the likely original the copies should name."""
    release = _printed(0, holder="author", source="release")
    [finding] = findings_of(shared_wording, _echoes(release, _printed(1), _printed(2)))
    assert "The author (“Press release”, 2025-10-01), published first" in finding.message
    assert 'declare derived_from ["release"] in o1-story and o2-story' in finding.message


def test_a_minister_quoted_word_for_word_by_every_outlet_is_not_copying() -> None:
    """Outlets quoting a named speaker verbatim (the holder is no publisher) report; they do not echo."""
    quoted = [_printed(n, holder="mfa-prc") for n in range(1, 6)]
    assert findings_of(shared_wording, _echoes(*quoted)) == []
    assert len(findings_of(shared_wording, _echoes(*(_printed(n) for n in range(1, 6))))) == 1  # as their own: one


def test_declared_copies_are_left_to_hollow_corroboration() -> None:
    """Stories declared as derived from the release are already one origin: nothing to declare."""
    claims = _echoes(*(_printed(n) for n in range(1, 4)), derived=True)
    assert findings_of(shared_wording, claims) == []
    assert len(findings_of(shared_wording, _echoes(*(_printed(n) for n in range(1, 4))))) == 1  # undeclared: one
    assert factlog.check(claims).by_rule("hollow_corroboration")


def test_one_story_left_undeclared_is_the_only_one_named() -> None:
    """Two stories declared as copies of the first, one not: the undeclared one is named."""
    base = _echoes(*(_printed(n) for n in range(1, 5)))
    sources = tuple(
        attrs.evolve(s, derived_from=("o1-story",)) if s.id in {"o2-story", "o3-story"} else s for s in base.sources
    )
    [finding] = findings_of(shared_wording, attrs.evolve(base, sources=sources))
    assert finding.message.endswith('declare derived_from ["o1-story"] in o4-story')


def test_fewer_words_in_a_row_than_the_minimum_are_chance() -> None:
    """A shared run one word short of MIN_WORDS is no finding; the same run with a word more is."""
    run = RELEASE.split()
    short, long = " ".join(run[: MIN_WORDS - 1]), " ".join(run[:MIN_WORDS])
    assert findings_of(shared_wording, _echoes(_printed(1, short), _printed(2, f"{short} today"))) == []
    assert len(findings_of(shared_wording, _echoes(_printed(1, long), _printed(2, f"{long} today")))) == 1


def test_a_title_printed_alike_by_two_papers_is_no_echo() -> None:
    """ "former U.S. President Donald Trump" (five words) in two papers' own voice: names, not a shared text."""
    title = "former U.S. President Donald Trump"
    claims = _echoes(_printed(1, f"{title} said on Monday"), _printed(2, f"{title.upper()} told reporters"))
    assert findings_of(shared_wording, claims) == []
    said = _echoes(_printed(1, f"{title} said on Monday"), _printed(2, f"{title.upper()} said on Monday night"))
    assert len(findings_of(shared_wording, said)) == 1  # three words more in common: eight in a row


def test_wording_typed_differently_is_the_same() -> None:
    """Case, runs of spaces, typographic apostrophes and a run inside longer quotes: one text."""
    typed = [
        _printed(1, "Acme Corp has at no time discharged untreated waste into the river, it said."),
        _printed(2, "ACME CORP HAS AT  NO TIME\tDISCHARGED UNTREATED WASTE into the river’s banks"),
    ]
    [finding] = findings_of(shared_wording, _echoes(*typed))
    assert sides(finding) == {"in o1-story": {"print-1"}, "in o2-story": {"print-2"}}


def test_a_passage_the_quote_itself_quotes_is_another_speakers() -> None:
    """Words in double quotation marks inside an own-voice quote are someone else's, quoted: they do not count."""
    claims = _echoes(_printed(1, f"Acme said “{RELEASE}”."), _printed(2, f'The firm insisted: "{RELEASE}"'))
    assert findings_of(shared_wording, claims) == []
    assert words_of(f"Acme said “{RELEASE}”.") == ("acme", "said")


def _own(id: str, source: str, holder: str) -> Claim:
    return attrs.evolve(claim(id, holder=holder, source=source), evidence=(Evidence(source=source, quote=RELEASE),))


def test_one_publishers_two_stories_are_one_party() -> None:
    """A publisher printing its words in two stories of its own repeats itself: no origin to join."""
    claims = world(_own("a", "s5", "paper-b"), _own("b", "s6", "paper-b"))
    other = Source(id="s6", title="Paper B's follow-up", publisher="paper-b", published=PartialDate.parse("2025-12"))
    assert findings_of(shared_wording, attrs.evolve(claims, sources=(*claims.sources, other))) == []
    theirs = attrs.evolve(other, publisher="paper-a")  # another publisher's story, held by it
    claims = world(_own("a", "s5", "paper-b"), _own("b", "s6", "paper-a"))
    assert len(findings_of(shared_wording, attrs.evolve(claims, sources=(*claims.sources, theirs)))) == 1


def test_a_copy_of_a_wire_story_speaks_for_the_wire() -> None:
    """Paper B's copy of the wire story and Paper B's own later story, in one wording: the later one copies the wire."""
    [finding] = findings_of(shared_wording, world(_own("copy", "s4", "paper-b"), _own("own", "s5", "paper-b")))
    assert "likely one origin, The wire (“Wire story”, 2025-10), which s4 declares copying" in finding.message
    assert 'declare derived_from ["s2"] in s5' in finding.message  # the story, never the copy that declares it


def test_the_two_polarities_are_two_texts() -> None:
    """An affirmation and a denial sharing words are not one origin's repetition."""
    denied = attrs.evolve(_printed(2), polarity=factlog.Polarity.DENIED)
    assert findings_of(shared_wording, _echoes(_printed(1), denied)) == []
    assert len(findings_of(shared_wording, _echoes(_printed(1), _printed(2)))) == 1  # one polarity: one text


def _shared(claims: ClaimSet, back: renaming.Names) -> list[tuple[str, tuple[tuple[str, tuple[str, ...]], ...]]]:
    """shared_wording's messages and sides, claim ids named back, sorted (a check breaks ties by finding id)."""
    return sorted(
        (f.message, tuple((side, tuple(sorted(back.get(c, c) for c in ids))) for side, ids in f.claims))
        for f in factlog.check(claims, (shared_wording,)).by_rule("shared_wording")
    )


@settings(max_examples=30, deadline=None)
@given(echoed_claim_sets(), st.sampled_from(renaming.WAYS), st.integers(0, 99))
def test_claim_ids_and_order_change_no_message_side_or_order(claims: ClaimSet, way: str, seed: int) -> None:
    """Claim ids renamed and the claims reversed: the same messages, and sides in the same order."""
    renamed, back = renaming.renamed_set(claims, ("claim",), way, seed)
    renamed = attrs.evolve(renamed, claims=renamed.claims[::-1])
    assert _shared(renamed, back) == _shared(claims, {})


@settings(max_examples=15, deadline=None)
@given(echoed_claim_sets(), st.integers(1, 5))
def test_single_incremental_stream_and_distributed_checks_agree(claims: ClaimSet, partitions: int) -> None:
    """check, Checker.add, check_lines and the synchronous Dask path: the same report bytes."""
    claims = attrs.evolve(claims, acknowledged=())  # a stale one is named by its file line when streamed
    expected = render_json(factlog.check(claims))
    half = len(claims.claims) // 2
    checker = factlog.Checker(attrs.evolve(claims, claims=claims.claims[:half]))
    checker.add(claims.claims[half:])
    assert render_json(checker.report()) == expected
    assert render_json(factlog.dask.check(claims, partitions=partitions)) == expected
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "claims.jsonl"
        path.write_text(factlog.dumps_lines(claims), encoding="utf-8")
        assert render_json(factlog.check_lines(path, batch=2, bin_size=3)) == expected


def test_the_echo_strategy_gives_findings_to_compare() -> None:
    """The properties above see echoes: an example of the strategy's holds a finding."""
    found = []

    @settings(max_examples=30, deadline=None, database=None)
    @given(echoed_claim_sets())
    def collect(claims: ClaimSet) -> None:
        found.extend(factlog.check(claims, (shared_wording,)).by_rule("shared_wording"))

    collect()
    assert found


def _against(claims: ClaimSet) -> list[factlog.OriginWeight]:
    """The origins the assessment counts for the proposition the outlets print (one proposition)."""
    [assessed] = factlog.assess(claims, method="majority").propositions
    return list(assessed.supporting)


def test_the_assessment_counts_one_wording_as_one_origin() -> None:
    """Five outlets printing one release in their own voice vote once, and the reasons say why."""
    [origin] = _against(_echoes(*(_printed(n) for n in range(1, 6))))
    assert len(origin.claims) == 5
    assert origin.label.endswith(", printing one wording (no derived_from)")


def test_the_assessment_counts_outlets_in_their_own_words_apart() -> None:
    """Five outlets each in words of their own are five origins, as before."""
    own = [_printed(n, f"{RELEASE.split()[n]} outlet {n} wrote this in words of its own") for n in range(1, 6)]
    assert len(_against(_echoes(*own))) == 5
    assert len(_against(_echoes(*(_printed(n) for n in range(1, 6))))) == 1  # one wording: one origin


@settings(max_examples=10, deadline=None)
@given(echoed_claim_sets(), st.integers(1, 4))
def test_single_streamed_and_distributed_assessments_agree(claims: ClaimSet, partitions: int) -> None:
    """assess, assess_lines and the synchronous Dask path count echoes alike: the same assessment bytes."""
    claims = attrs.evolve(claims, acknowledged=())
    expected = render_assessment_json(factlog.assess(claims))
    assert render_assessment_json(factlog.dask.assess(claims, partitions=partitions)) == expected
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "claims.jsonl"
        path.write_text(factlog.dumps_lines(claims), encoding="utf-8")
        assert render_assessment_json(factlog.assess_lines(path)) == expected


_TRICKY = st.sampled_from(
    ["İ", "ß", "ﬁ", "’", "“", "”", "—", "-", "'", ".", '"', " ", "\u00a0", "\u0307", "a", "Z", "9", "_"]
)


@given(st.lists(st.one_of(_TRICKY, st.characters()), max_size=60).map("".join))
def test_the_screen_never_counts_fewer_words_than_a_quote_has(quote: str) -> None:
    """``most_words`` bounds ``words_of`` from above, so a quote it passes over could share no run of eight words."""
    assert most_words(quote) >= len(words_of(quote))


@given(st.text(st.characters(max_codepoint=127), max_size=_FEWEST_CHARACTERS + 4))
def test_an_ascii_quote_too_short_for_eight_words_has_fewer(quote: str) -> None:
    """An ASCII quote shorter than ``_FEWEST_CHARACTERS`` has fewer than MIN_WORDS words; one that long may not."""
    if len(quote) < _FEWEST_CHARACTERS:
        assert most_words(quote) < MIN_WORDS
    assert most_words(" ".join("a" * MIN_WORDS)) == MIN_WORDS == (_FEWEST_CHARACTERS + 1) // 2
