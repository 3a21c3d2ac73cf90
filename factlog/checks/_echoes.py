"""Echoes: publishers printing one text as their own, with no ``derived_from`` to say so."""

from __future__ import annotations

from collections.abc import Iterator

from factlog.analysis import _phrasing as phrasing
from factlog.analysis._index import Index
from factlog.analysis._origins import origins
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

    The message names the earliest published source as the likely original and the
    sources to declare as its copies: "Shared wording: Acme Corp pollutes Town (2024):
    denied in their own voice by Outlet 1, Outlet 2 and Outlet 3, each printing “Acme
    Corp has at no time discharged untreated waste into the river”, with no
    derived_from between them: likely one origin, Acme Corp (“Press release”,
    2024-05-01), published first; declare derived_from ["pr"] in s1, s2 and s3". One
    side a source, earliest first. ``factlog assess`` counts such claims as one origin
    already, as it counts declared copies, labelled "…, printing one wording (no
    derived_from)"; declaring the copies names the story instead. Severity: *warning*:
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
    found = origins(index, echo.entries)
    if len(found) < 2:
        return None
    original = echo.sources[0]
    shared = set(echo.sources)
    joined = {source for origin in found if original in origin.sources for source in origin.sources}
    undeclared = [source for source in echo.sources if source not in joined] or list(echo.sources[1:])
    publishers = phrasing.join(index.name(index.publisher(source) or source) for source in echo.sources)
    what = phrasing.proposition_of(index, list(echo.entries))
    verb = "affirmed" if polarity is Polarity.AFFIRMED else "denied"
    source = index.claims.source_by_id[original]
    story = f"{index.name(index.publisher(original) or source.publisher)} (“{source.title}”"
    if source.published is None:
        likely = f"likely one origin, none dated to tell which came first ({story}) is first by name)"
    else:
        likely = f"likely one origin, {story}, {source.published}), published first"
        later = index.claims.source_by_id.get(echo.sources[1])
        if later is not None and later.published is not None and later.published.sort_key == source.published.sort_key:
            likely += " (with others that day: first by name)"
    return Finding(
        rule="shared_wording",
        severity=Severity.WARNING,
        message=f"Shared wording: {what}: {verb} in their own voice by {publishers}, each printing"
        f" “{_shown(echo.quote)}”, with no derived_from between them: {likely};"
        f' declare derived_from ["{original}"] in {phrasing.join(s for s in undeclared if s in shared)}',
        claims={f"in {source_id}": list(ids) for source_id, ids in echo.by_source},
    )


def _shown(quote: str) -> str:
    """The quote on one line, cut at a word after :data:`SHOWN_CHARACTERS` characters."""
    text = " ".join(quote.split())
    if len(text) <= SHOWN_CHARACTERS:
        return text
    cut = text.rfind(" ", 0, SHOWN_CHARACTERS)
    return text[: cut if cut > 0 else SHOWN_CHARACTERS] + "…"
