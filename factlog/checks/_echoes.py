"""Echoes: publishers printing one text as their own, with no ``derived_from`` to say so."""

from __future__ import annotations

from collections.abc import Iterator

from factlog.analysis import _phrasing as phrasing
from factlog.analysis._index import Index
from factlog.analysis._originals import original
from factlog.analysis._origins import declared_groups, origins, source_story, story_name
from factlog.analysis._wording import Echo, echoes
from factlog.checks._findings import Finding, Severity
from factlog.checks._groupings import reads
from factlog.checks._screens import POLARITIES, key_screens
from factlog.model._scales import Polarity

__all__ = ["SHOWN_CHARACTERS", "shared_wording"]

SHOWN_CHARACTERS = 100
"""A shared quote is shown up to this many characters, cut at a word, then "…"."""


@reads("slot")
def shared_wording(index: Index) -> Iterator[Finding]:
    """Publishers printing the same words in their own voice, with no ``derived_from`` between them.

    Five outlets that run one press release each say its sentences as their own: the
    claims read in them are in the publisher's own voice (the holder is the source's
    publisher, or speaks for the same party), their quotes share the same
    words, and nothing in the claim set says they are copies. Counted as five origins,
    they look like corroboration; they are one. Claims of one proposition and
    polarity, read in two sources or more, whose quotes share at least eight words in a row
    (``MIN_WORDS`` of ``factlog.analysis._wording``), are taken as one undeclared
    origin and reported once, unless one publisher or a ``derived_from`` already makes them one (that is
    ``hollow_corroboration``'s finding). Words are compared normalised (quotation
    marks, apostrophes and dashes typed either way, whitespace, case, punctuation
    around words), and a passage the quote itself puts in double quotation marks is
    another speaker's words and does not count.

    Why eight: plagiarism finders match six words in a row on general prose
    (WCopyfind's default); claims of one proposition share more by chance, as they
    name one subject, act and object, and names with titles alone run to five to seven
    words ("former U.S. President Donald Trump", printed alike by two unrelated papers
    in the example corpus; "North Korean leader Kim Jong Un").

    Not copying: a named speaker quoted word for word. When the holder is not the
    publisher (a minister, an agency, quoted by ten papers), verbatim agreement is
    what accurate reporting looks like, and the rule does not look at it.

    Copying, though: one paper printing *as its own* the words another source credits
    to a named speaker (Harbour Post: "Dawn-3 is transmitting images to the Tarvo
    ground station, the Karvonian Space Agency said"; Daily Courier: "Dawn-3 is
    transmitting images to the Tarvo ground station."). The paper repeats the speaker
    (or the release the speaker issued), and is no second origin. An own-voice quote
    joins a quote crediting a holder when runs of eight words it shares with it cover
    at least ``CREDITED_SHARE`` (80 %) of its words: a phrase naming a thing ("the
    80th anniversary of the founding of the Workers' Party of Korea") runs past eight
    words and is no copy. The message names the speaker and the source that credits
    it: "...: affirmed in its own voice by Daily Courier, printing words Harbour Post
    credits to Karvonian Space Agency, with no derived_from between them: likely
    Karvonian Space Agency's words, as Harbour Post (“Dawn-3 sends first images”,
    2026-11-27) reports them, not a second origin; declare derived_from
    ["harbour-post"] in daily-courier, or hold the claim by Karvonian Space Agency".
    Declared so, the copy is the speaker's origin (``factlog assess``) and
    ``shared_wording`` says nothing: no echo is reported whose sources a declared
    ``derived_from`` joins, directly or through a chain (a copy and its story, or two
    copies of one story); where the set counts them as one origin in two sources or more,
    ``hollow_corroboration`` reports it ("Hollow corroboration: …: affirmed in 2 sources,
    all from one origin, …"). Where only some are declared, the message names the ones
    no ``derived_from`` joins ("with no derived_from joining dcx to the others") and asks
    those alone to declare it; a source that credits the words to a holder it names is
    named with that holder ("Karvonian State Agency (crediting Karvonian Space
    Agency)"), not as speaking in its own voice. Words credited to holders of two
    parties or more (two papers each quoting its own speaker in one sentence) make the
    copy the words of one of them, the holder the earliest published crediting source
    names (then by publisher and title): a copier never joins the holders it copies.
    Copying is a relation between sources (Dong, Berti-Équille & Srivastava 2009): the
    message names the likely original, and asks the others to declare copying it. A
    source that declares ``derived_from`` is a copy, never the original: the story it
    declares copying (followed to its root) stands in its place, and is named as the
    likely original where it is the earliest: "...: likely one origin, Karvonian Space
    Agency (“Press release”, 2026-11-27), which daily-courier declares copying; declare
    derived_from ["kspace-release"] in harbour-post" (a copy whose own story prints the
    words leaves the declaring to that story). Of the stories left, one published
    definitely before every other is the original: "Shared wording: Acme Corp pollutes
    Town (2024): denied in their own voice by Outlet 1, Outlet 2 and Outlet 3, each
    printing “Acme Corp has at no time discharged untreated waste into the river”, with
    no derived_from between them: likely one origin, Acme Corp (“Press release”,
    2024-05-01), published first; declare derived_from ["pr"] in s1, s2 and s3"; an
    earlier source is never asked to declare a later one. Among stories of one day (or
    not dated apart), the one its publisher issues in its own right (a source of kind
    ``official-statement``, or a publisher that is no media outlet: a ministry's
    statement, not the wire that prints it the same day) is the original when exactly
    one is: "likely one origin, Orvanian Foreign Ministry (“Statement”, 2026-03-03),
    issued by Orvanian Foreign Ministry in its own right (none of the others dated
    before it); declare derived_from ["mfa-statement"] in mpa-wire". Otherwise the
    order cannot be told, and the message says so, never choosing by name: "likely one
    origin, but which is the original cannot be told: Outlet 1 (“Story 1”, 2025-10-02)
    and Outlet 2 (“Story 2”, 2025-10-02), published the same day; declare which copies
    which: derived_from ["s1"] in s2, or derived_from ["s2"] in s1". One side a
    source, earliest first. ``factlog assess`` (and the report's dispute panels)
    counts such claims as one origin already, as it counts declared copies, labelled
    "…, printing one wording (no derived_from)" where the wording alone joins them,
    speaking for the original's party and graded as its holders (where the original
    cannot be told, as the lowest graded it may be). Copying is a relation between
    sources: the sources so found are one origin for every other claim they agree on in
    their own voice too, however few its words (a toll "killing 12 civilians" the copy
    prints after the copied sentence). Declaring the copies names the story instead, and
    changes no origin nor grade. Severity: *warning*:
    the count of sources is not independent confirmation until the copies are declared
    or the echo is shown to be chance.
    """
    screens = key_screens(index)
    mixed = screens.mixed
    for entries in screens.several:  # one claim, most groups, is ruled out there
        sides = (
            [(polarity, [e for e in entries if e.polarity is polarity]) for polarity in POLARITIES]
            if id(entries) in mixed
            else [(entries[0].polarity, entries)]
        )
        for polarity, group in sides:
            for echo in echoes(index, group):
                finding = _finding(index, echo, polarity)
                if finding is not None:
                    yield finding


def _finding(index: Index, echo: Echo, polarity: Polarity) -> Finding | None:
    """The finding of one echo; None when ``derived_from`` (or one party) already makes it one origin."""
    groups = declared_groups(index, echo.sources)
    if len(groups) == 1:
        return None  # a declared copy explains the echo: hollow_corroboration's, not an undeclared origin
    found = origins(index, echo.entries)
    if len(found) < 2:
        return None
    what = phrasing.proposition_of(index, list(echo.entries))
    verb = "affirmed" if polarity is Polarity.AFFIRMED else "denied"
    if echo.quoted:
        return _credited(index, echo, what, verb)
    told = original(index, echo.sources)
    if told.source is None:
        return _untold(index, echo, told.tied or echo.sources, what, verb)
    root = told.source
    undeclared = _to_declare(index, echo, root)
    if not undeclared:
        return None
    copying = [source for source in echo.sources if source != root and source_story(index, source) == root]
    source = index.claims.source_by_id[root]
    dated = "" if source.published is None else f", {source.published}"
    if root not in echo.sources:  # the story a copy declares, printed by none of the others itself
        why = f"which {phrasing.join(copying)} declare{'s' if len(copying) == 1 else ''} copying"
    elif told.issued:
        publisher = index.name(index.publisher(root) or source.publisher)
        why = f"issued by {publisher} in its own right (none of the others dated before it)"
    else:
        why = "published first"
    return Finding(
        rule="shared_wording",
        severity=Severity.WARNING,
        message=f"Shared wording: {what}: {verb} {_voiced(index, echo)}, each printing"
        f" “{_shown(echo.quote)}”, {_between(declared_groups(index, echo.sources), undeclared)}:"
        f" likely one origin, {story_name(index, root)[:-1]}{dated}), {why};"
        f' declare derived_from ["{root}"] in {phrasing.join(undeclared)}',
        claims={f"in {source_id}": list(ids) for source_id, ids in echo.by_source},
    )


def _to_declare(index: Index, echo: Echo, root: str) -> list[str]:
    """The sources that should declare copying ``root``: each echo source not derived from it.

    A declared copy whose own story prints the words too leaves the declaring to that
    story (a paper running the wire: the wire copies the release); any other declares it
    itself.
    """
    found: dict[str, None] = {}
    for source_id in echo.sources:
        story = source_story(index, source_id)
        if root in (source_id, story):
            continue
        found[story if story is not None and story in echo.sources else source_id] = None
    return [source_id for source_id in found if source_id != root]


def _untold(index: Index, echo: Echo, tied: tuple[str, ...], what: str, verb: str) -> Finding:
    """The finding of an echo whose original cannot be told: the stories it may be, and what to declare."""
    by_id = index.claims.source_by_id
    dates = {by_id[s].published for s in tied if s in by_id}
    alike = (
        "published the same day"
        if None not in dates and len({d.sort_key for d in dates if d}) == 1
        else "not dated apart"
    )
    named = phrasing.join(
        f"{story_name(index, s)[:-1]}{'' if by_id[s].published is None else f', {by_id[s].published}'})" for s in tied
    )
    if len(tied) == 2:
        first, second = tied
        ask = (
            f'declare which copies which: derived_from ["{first}"] in {second}, or derived_from ["{second}"] in {first}'
        )
    else:
        ask = (
            f"declare which copies which: derived_from naming the original, one of {phrasing.join(tied)}, in the others"
        )
    return Finding(
        rule="shared_wording",
        severity=Severity.WARNING,
        message=f"Shared wording: {what}: {verb} {_voiced(index, echo)}, each printing"
        f" “{_shown(echo.quote)}”, {_between(declared_groups(index, echo.sources), list(tied))}:"
        f" likely one origin, but which is the original cannot be told: {named}, {alike}; {ask}",
        claims={f"in {source_id}": list(ids) for source_id, ids in echo.by_source},
    )


def _credited(index: Index, echo: Echo, what: str, verb: str) -> Finding:
    """The finding of an echo of words another source credits to a holder it names: the holder's, not a new origin."""
    quoted = set(echo.quoted)
    crediting = [s for s, ids in echo.by_source if any(claim in quoted for claim in ids)]
    own = [s for s, ids in echo.by_source if any(claim not in quoted for claim in ids)]
    holders = phrasing.join(dict.fromkeys(index.name(e.holder) for e in echo.entries if e.id in quoted))
    original = crediting[0]  # the earliest source to name the holder
    source = index.claims.source_by_id[original]
    story = f"{index.name(index.publisher(original) or source.publisher)} (“{source.title}”"
    story += ")" if source.published is None else f", {source.published})"
    publishers = phrasing.join(dict.fromkeys(index.name(index.publisher(s) or s) for s in own))
    credit = phrasing.join(dict.fromkeys(index.name(index.publisher(s) or s) for s in crediting))
    groups = declared_groups(index, echo.sources)
    declared = next(group for group in groups if original in group)
    copied = [s for s in own if s != original and s not in declared]
    copies = phrasing.join(copied)
    return Finding(
        rule="shared_wording",
        severity=Severity.WARNING,
        message=f"Shared wording: {what}: {verb} in its own voice by {publishers}, printing words"
        f" {credit} credit{'s' if len(crediting) == 1 else ''} to {holders}, {_between(groups, copied)}:"
        f" likely {holders}'s words, as {story} reports them, not a second origin;"
        f' declare derived_from ["{original}"] in {copies}, or hold the claim by {holders}',
        claims={f"in {source_id}": list(ids) for source_id, ids in echo.by_source},
    )


def _between(groups: list[tuple[str, ...]], undeclared: list[str]) -> str:
    """Says no ``derived_from`` joins them, or, where some are declared copies, which sources none joins."""
    if all(len(group) == 1 for group in groups):
        return "with no derived_from between them"
    return f"with no derived_from joining {phrasing.join(undeclared)} to the others"


def _voiced(index: Index, echo: Echo) -> str:
    """Who prints the words: in their own voice where each publisher holds its claims, else whom each credits."""
    credited: dict[str, dict[str, None]] = {}
    for entry in echo.entries:
        for source_id in entry.sources:
            if source_id in echo.sources and index.publisher(source_id) not in (None, entry.holder):
                credited.setdefault(source_id, {})[index.name(entry.holder)] = None
    names = [index.name(index.publisher(source) or source) for source in echo.sources]
    if not credited:
        return f"in their own voice by {phrasing.join(names)}"
    return "by " + phrasing.join(
        f"{name} (crediting {phrasing.join(credited[source])})" if source in credited else name
        for name, source in zip(names, echo.sources, strict=True)
    )


def _shown(quote: str) -> str:
    """The quote on one line, cut at a word after :data:`SHOWN_CHARACTERS` characters."""
    text = " ".join(quote.split())
    if len(text) <= SHOWN_CHARACTERS:
        return text
    cut = text.rfind(" ", 0, SHOWN_CHARACTERS)
    return text[: cut if cut > 0 else SHOWN_CHARACTERS] + "…"
