"""The cue table: the words that mark who says something, how firmly, and whether they deny it.

Each :class:`Cue` is a pattern of words and what it does to a drafted claim. The
certainty a cue sets is a *word* that :meth:`factlog.Certainty.parse` reads, so a hedge
means the same here as everywhere else in factlog ("may" is ``possible`` on every
route; "expected" and "likely" are ``probable``); a test holds every word of
``Certainty``'s synonyms that is also a cue to the band the scale gives it. The table is
printed in ``docs/draft.md`` by ``python -m tools.draft_figures``.
"""

from __future__ import annotations

import enum
import functools
import re

import attrs

from factlog.model._scales import Certainty

__all__ = ["CUES", "Cue", "CueKind"]


class CueKind(enum.Enum):
    """What a cue does."""

    REPORTING = "reporting"
    """A verb of saying: its subject (or object) is the holder; the rest is what they hold."""
    ACCORDING = "according"
    """A phrase that names the holder after it ("according to KCNA")."""
    DOCUMENTARY = "documentary"
    """A verb of showing ("show"): its holder is whoever saw the record that shows ("records seen by X")."""
    PASSIVE = "passive"
    """Saying without a named holder ("widely regarded"): an anonymous holder."""
    HEDGE = "hedge"
    """Words that lower the certainty of what is said."""
    INFERENCE = "inference"
    """The outlet reads meaning into events ("signals", "underscores"): implied, probable."""
    NEGATION = "negation"
    """Words that deny what the sentence says."""


@attrs.frozen
class Cue:
    """One entry of the cue table."""

    words: str
    """A regular expression over the sentence (case-insensitive, whole words)."""
    kind: CueKind
    """What the cue does."""
    certainty: str = "certain"
    """A word :meth:`factlog.Certainty.parse` reads: the most a claim with this cue can be."""
    denies: bool = False
    """Whether the cue makes the claim a denial."""
    own_voice_only: bool = False
    """Whether the cue counts only where the outlet speaks for itself (a future "will")."""
    asks: bool = False
    """Whether the cue asks what follows ("asked whether"): an indirect question, asserting nothing."""
    printed: str | None = None
    """The words as the cue table in the docs prints them, where the pattern is more than a list of words."""
    before: str | None = None
    """A regular expression of the words that must follow the cue's, after a space, for it to count: its verbs."""

    @functools.cached_property
    def band(self) -> Certainty:
        """The certainty the cue's word names on factlog's scale."""
        return Certainty.parse(self.certainty)

    @functools.cached_property
    def pattern(self) -> re.Pattern[str]:
        """The compiled pattern."""
        following = "" if self.before is None else rf"(?=\s+(?:{self.before})(?![\w-]))"
        return re.compile(rf"(?<![\w-])(?:{self.words})(?![\w-]){following}", re.IGNORECASE)


_R = CueKind.REPORTING
_CONTRACTED = r"[^\W\d_]+n(?:’|')t"
"""A verb and its "n't" written as one word ("didn't", "can't", "won't", "couldn’t"): a negation as "not" is."""
_SAY = (
    r"said|says|say|told|tells|stated|states|announced|announces|added|adds|declared|insisted|argued|warned|warns|warn|"
    r"claimed|claims|alleged|alleges|accused|accuses|described|describe|describes|noted|notes|note|"
    r"reported|reports|wrote|writes|confirmed|confirms|confirm|explained|pointed out|stressed|emphasized"
)

# The determiner "no" denies ("sent no grain", "No grain was sent"); these words after it
# make idioms that do not ("no doubt", "no less than 40,000", "no later than May"). "No."
# (a number) and "no-fly" are no determiner: "no" must be followed by a space and a word.
_NOT_DENYING = (
    r"doubt|question that|(?:less|more|fewer|later|earlier) than|sooner|matter|wonder|longer|one|small|"
    r"mean|stranger|"
    r"coincidence|accident|exception|surprise"
)

_EVENT_VERBS = (
    r"visit|meet|attend|travel|go|come|hold|sign|launch|fire|send|deploy|withdraw|return|join|take part|reach|"
    r"open|build|test|attack|strike|invade|cross|leave|arrive"
)
"""Verbs of an event a wish or an attempt may be for ("hoped to meet", "tried to launch")."""

_FALSE = r"fiction|fabrications?|fabricated|lies|lie|false|untrue|baseless|groundless|unfounded|nonsense|fake|absurd"
"""Words of a verdict of falsity: "Reports that X are pure fiction", "Lavrov called the allegations 'absurd'"."""
_REJECTING = (
    r"(?:(?:deliberate|political|hostile|malicious|western|another|blatant|cheap|dangerous)\s+)*"
    r"(?:provocations?|slander|smears?|propaganda|disinformation|misinformation|hoax(?:es)?|fake news|farce)"
)
"""Words that reject what is reported as a hostile invention: calling a report "a provocation" denies it."""
_REPORTED = (
    r"reports?|allegations?|claims?|accusations?|charges?|rumou?rs?|stories|story|suggestions?|assertions?|"
    r"speculation|media reports?|news reports?"
)
"""What is said by others and may be called false: "the allegations", "Western media reports"."""

_NOT_AFTER_A_DETERMINER = "".join(
    rf"(?<!\b{word} )"
    for word in (
        *("the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "any", "no"),
        *("legal", "trade", "border", "labor", "labour", "territorial", "hotly", "bitter", "long", "pay", "land"),
    )
)
"""What makes "disputed" or "disputes" after it an adjective or a noun: "the disputed islands", "trade disputes"."""
_LONG_DISPUTED = (
    r"(?:(?<=\bhas long )|(?<=\bhad long )|(?<=\bhave long )|"
    r"(?<=\blong )(?=\w+\s+(?:the|that|this|these|those|his|her|its|their|our|any)\b))"
)
"""What makes "disputed" after "long" a verb: "has long disputed", "long disputed the figures".

Before a noun it stays an adjective ("long disputed islands").
"""
_NOT_BEFORE_A_NOUNS_WORD = (
    r"(?!\s+(?:over|between|with|among|about|in|on|at|of|for|is|was|are|were|has|have|had|and|or|remain|"
    r"remains|continue|continues|settlement|resolution)\b)"
)
"""What makes "disputes" before it a noun: "disputes over land", "disputes between neighbours"."""

CUES: tuple[Cue, ...] = (
    Cue(
        r"(?:said )?in an? (?:statement|speech|interview|message|letter|commentary|editorial|address) carried by",
        CueKind.ACCORDING,
    ),
    Cue(r"according to", CueKind.ACCORDING),
    # "Russia no longer denies X" acknowledges X: a saying, no denial.
    Cue(r"no longer (?:denies|denied|deny|disputes|disputed|dispute|rejects|rejected|reject)", _R),
    Cue(r"denied|denies|deny|dismissed|dismisses|dismiss|rejected|rejects|reject|refuted|refutes", _R, denies=True),
    # "Residents disputed that account": a rejection, the holder's denial. Not the noun ("the border dispute",
    # "trade disputes over fishing") nor the adjective ("the disputed islands").
    Cue(
        rf"(?:{_NOT_AFTER_A_DETERMINER}|{_LONG_DISPUTED})(?:disputed|disputes){_NOT_BEFORE_A_NOUNS_WORD}|"
        rf"{_NOT_AFTER_A_DETERMINER}dispute(?=\s+(?:(?:the|that|this|these|those|his|her|its|their|our|any|claims?|"
        r"reports?|figures?|accounts?)\b|(?-i:[A-Z])))",
        _R,
        denies=True,
        printed="disputed, disputes, dispute (a verb: not after a determiner, not before over, between, with ...;"
        " dispute before its object)",
    ),
    # Not ruling something out holds it possible, and denies nothing (FactBank's PS+); not being
    # able to confirm it is no commitment either way (Uu), not a denial.
    Cue(
        r"(?:(?:did|does|do|has|have|had|would|could|can|will) not|(?:did|does|do|has|have|had|would|could)n(?:’|')t|"
        r"can(?:’|')t|cannot|won(?:’|')t)(?: yet)? rule(?:s|d)?(?: (?:it|this|that|them|anything))? out|"
        r"(?:refused|declined|refuses|declines) to rule(?: (?:it|this|that|them|anything))? out|"
        r"not ruling(?: (?:it|this|that|them|anything))? out",
        _R,
        "possible",
        printed="(did, does, has, would, could, can, will) not rule (it, this, that, them, anything)? out; cannot"
        " (can't, won't, didn't ...) rule out; (refused, declined) to rule out; not ruling out",
    ),
    # Not denying X, or refusing to, is no commitment either way (FactBank's Uu): neither a denial nor an assertion.
    Cue(
        r"(?:(?:did|does|do|has|have|had|would|will|could) not|(?:did|does|do|has|have|had|would|wo|could)n(?:’|')t)"
        r"(?: yet)? (?:deny|denied|dispute|disputed)|"
        r"(?:refused|declined|refuses|declines|refusing|declining) to (?:deny|dispute)",
        _R,
        "uncommitted",
        printed="(did, does, has, would, will, could) not (deny, dispute); (refused, declined) to (deny, dispute)",
    ),
    # Declining to comment (on a report that X) commits to nothing (Uu), and denies nothing.
    Cue(
        r"(?:refused|declined|refuses|declines|refusing|declining) to (?:comment|speculate)(?: (?:on|about))?",
        _R,
        "uncommitted",
        printed="(refused, declined) to (comment, speculate) (on, about)?",
    ),
    Cue(
        r"(?:(?:could|can) not|couldn(?:’|')t|cannot|can(?:’|')t|(?:was|were|is|are) unable to)(?: immediately)?"
        r"(?: independently)? (?:confirm|verify)",
        _R,
        "uncommitted",
    ),
    # Neither confirming nor denying, or refusing to confirm, is no commitment either way (Uu):
    # the one who will not say holds it uncommitted, and denies nothing.
    Cue(
        r"(?:neither|(?:did|does|do|would|will|could) not|(?:did|does|do|would|wo|could)n(?:’|')t) "
        r"(?:confirm|confirmed|confirms) (?:nor|or) (?:deny|denied|denies)|"
        r"(?:refused|declined|refuses|declines|refusing|declining) to (?:confirm|verify)",
        _R,
        "uncommitted",
        printed="neither confirmed nor denied; did not confirm or deny; refused (declined) to confirm",
    ),
    # "The ministry did not confirm the report" answers without committing to it (Uu): the ministry's, no
    # denial of the report. "has yet to confirm" (nothing said yet) stays nobody's saying.
    Cue(
        r"(?:did|does|do)(?: not|n(?:’|')t)(?: (?:immediately|publicly|officially|independently))? confirm",
        _R,
        "uncommitted",
        printed="(did, does) not (immediately, publicly, officially)? confirm",
    ),
    # "KCNA quoted Kim as saying", "Kim was quoted by KCNA as saying": Kim's words, through KCNA.
    Cue(r"(?:quoted|quotes|quoting)\b[^,.;:“”\"]{0,80}?\bas saying", _R, printed="quoted … as saying"),
    # "Lavrov called the allegations 'absurd'" (branded, dismissed ... as) is Lavrov's denial of what they allege.
    Cue(
        r"(?:called|calls|call|branded|brands|brand|termed|terms|labell?ed|labels|described|describes|describe|"
        rf"dismissed|dismisses|dismiss|rejected|rejects|reject)\s+(?:[\w'’-]+\s+){{0,3}}?(?:{_REPORTED})"
        r"(?:\s+(?:of|about|that)\s+[^,.;:“”\"]{1,60}?)?\s+(?:as\s+)?(?:“|\")?"
        rf"(?:(?:pure|utter|complete|total|an?|simply)\s+)*(?:{_FALSE}|{_REJECTING})",
        _R,
        denies=True,
        printed="(called, branded, termed, labelled, described, dismissed, rejected) the (reports, allegations,"
        " claims, accusations, charges, rumours, stories ...) (as)? (false, baseless, absurd, fabricated, lies,"
        " a provocation, slander, propaganda, disinformation, a hoax ...)",
    ),
    # "The embassy called the report “a provocation”": a characterisation in the caller's words, which
    # denies nothing (calling it false, above, does). "The FBI attributed the hack to a group": the FBI's.
    Cue(
        r"(?:called|calls|branded|brands|termed|terms|labell?ed|labels)(?=\s+(?:[\w'’-]+\s+){1,6}?[“\"])",
        _R,
        printed="(called, branded, termed, labelled) X “Y”",
    ),
    Cue(r"attributed|attributes|attribute|blamed|blames", _R),
    # "Xinhua learned from the ministry that X": the ministry's words, Xinhua only the relay.
    Cue(r"(?:learned|learnt|learns|heard|hears) from", _R),
    Cue(_SAY, _R),
    Cue(r"condemned|condemns|criticized|criticised|criticizes|criticises|welcomed|welcomes|praised|praises", _R),
    Cue(r"show|shows|showed", CueKind.DOCUMENTARY),
    Cue(r"believe|believes|believed|think|thinks|thought|expect|expects", _R, "probable"),
    Cue(r"suggested|suggest|suggests", _R, "suggested"),
    Cue(r"speculate|speculates|speculated|speculation|fear|fears|feared", _R, "possible"),
    Cue(r"(?:is|are|was|were) widely (?:regarded|seen|considered|believed|viewed)", CueKind.PASSIVE, "probable"),
    Cue(
        r"(?:could|can)(?: not|n(?:’|')t)(?: yet)? be(?: immediately)?(?: independently)? (?:confirmed|verified)",
        CueKind.HEDGE,
        "uncommitted",
    ),
    Cue(
        r"(?:is|are|was|were) (?:believed|thought|understood|presumed|considered|estimated) to",
        CueKind.HEDGE,
        "probable",
    ),
    # "Reporters asked whether Kim visited", "refused to say whether": an indirect question, which
    # asserts nothing (FactBank's Uu), as a question does.
    Cue(
        r"(?:asked|asks|ask|asking|wondered|wonders|wondering|questioned|questions|questioning|inquired|enquired)"
        r" (?:if|whether)|"
        r"(?:(?:refused|declined|refuses|declines|refusing|declining) to|(?:did|does|would|will) not|"
        r"(?:did|does|would|wo)n(?:’|')t) (?:say|comment on|disclose|reveal|specify|confirm) (?:if|whether)|"
        r"(?:hard|difficult|impossible|too early) to (?:say|tell|know|predict) (?:if|whether)",
        CueKind.HEDGE,
        "uncommitted",
        asks=True,
        printed="(asked, wondered, questioned, inquired) (if, whether); (refused to, declined to, did not, would"
        " not) (say, comment on, disclose, reveal, specify, confirm) (if, whether); (hard, difficult, too early)"
        " to (say, tell, know) (if, whether)",
    ),
    # "Lavrov hoped to meet Choe", "Kim tried to visit": the wish or the attempt commits nobody to the
    # event (FactBank reads these verbs as non-factive: Uu). Before other verbs ("is trying to
    # demonstrate") the attempt itself is what is held.
    Cue(
        r"(?:hoped|hopes|hope|hoping|wanted|wants|want|wanting|wished|wishes|wish|tried|tries|try|trying|"
        r"attempted|attempts|attempting|sought|seeks|seek|seeking|intended|intends|intend|planned|planning) to",
        CueKind.HEDGE,
        "uncommitted",
        before=_EVENT_VERBS,
        printed="(hoped, wanted, wished, tried, attempted, sought, intended, planned) to (visit, meet, attend,"
        " travel, hold, sign, launch, send, deploy ...)",
    ),
    Cue(r"(?:is|are|was|were) (?:said|reported|alleged|rumou?red) to", CueKind.HEDGE, "possible"),
    Cue(r"may|might|could|possibly|perhaps|reportedly|allegedly|apparently", CueKind.HEDGE, "possible"),
    Cue(
        r"(?:is|are|was|were) (?:expected|likely|set|due|scheduled|poised) to|expected|likely|probably|"
        r"appears? to|appeared to|seems? to|seemed to",
        CueKind.HEDGE,
        "probable",
    ),
    # ICD 203 "unlikely" (20-45 %) is FactBank's PR- ("probably not"): probable, denied, as
    # Likelihood.UNLIKELY.factuality and Factuality.PR_MINUS.likelihood have it.
    Cue(r"unlikely", CueKind.HEDGE, "probable", denies=True),
    Cue(r"will|would|shall|plans? to|planned to|aims? to", CueKind.HEDGE, "probable", own_voice_only=True),
    Cue(
        r"signals?|signalled|signaled|underscores?|underscored|highlights?|highlighted|illustrates?|"
        r"is (?:particularly )?significant|indicates?",
        CueKind.INFERENCE,
        "probable",
    ),
    # "The last X was in 2019" and "the first X since 2019" deny X in between (docs/concepts.md).
    Cue(r"the last\b[^,.;]*?\b(?:was|were|occurred|took place|came) in", CueKind.NEGATION, denies=True),
    Cue(r"the first\b[^,.;]*?\bsince", CueKind.NEGATION, denies=True),
    # "It remains unclear whether X", "It is not clear whether X": nobody is committed either way
    # (FactBank's Uu), neither an affirmation nor a denial of X.
    Cue(
        r"(?:is|are|was|were|remains?|remained)(?: still)? (?:not(?: yet| immediately)? (?:clear|known|certain)|"
        r"unclear|unknown|uncertain) (?:whether|if|when|how|why|what|who|where)",
        CueKind.HEDGE,
        "uncommitted",
        printed="(is, are, was, were, remains) (unclear, unknown, uncertain, not clear, not known, not certain)"
        " (whether, if, when, how, why, what, who, where)",
    ),
    # "Reports that X are pure fiction" deny X: a verdict of falsity on what is reported.
    Cue(
        rf"(?:is|are|was|were) (?:“|\")?(?:(?:pure|utter|complete|total|a|an) )?(?:{_FALSE})",
        CueKind.NEGATION,
        denies=True,
        printed="(is, are, was, were) (pure, utter, complete, a)? (fiction, fabrication, fabricated, lie(s), false,"
        " untrue, baseless, groundless, unfounded, nonsense, fake, absurd)",
    ),
    # "There is no evidence that X" denies nothing about X: whoever says it is uncommitted (FactBank's Uu).
    Cue(
        r"no (?:evidence|proof|indication|confirmation)(?: yet)? (?:that|of)|no signs? (?:yet )?that",
        CueKind.HEDGE,
        "uncommitted",
    ),
    # "It remains unconfirmed that X", "had no information on whether X": no commitment either way (Uu).
    Cue(
        r"(?:is|are|was|were|remains?|remained)(?: still| as yet)? (?:unconfirmed|unverified)|"
        r"no information (?:on|about|as to) (?:whether|if)",
        CueKind.HEDGE,
        "uncommitted",
        printed="(is, are, was, were, remains) unconfirmed (unverified); no information on (about) whether",
    ),
    # "Nothing suggests X" is "no evidence that X": no commitment either way (FactBank's Uu), no denial.
    Cue(
        r"nothing (?:suggests|indicates|shows|proves|confirms)(?: that)?",
        CueKind.HEDGE,
        "uncommitted",
    ),
    # Negations that deny nothing: "Nobody doubts that X" holds X; "not only did Kim attend" and
    # "Kim did not only attend" add to it; "Kim attended, not Putin" denies Putin's part alone.
    # "It was not the first time X" holds that X happened before; "never misses" and "never fails
    # to" are "always": two negations that affirm. "Nothing but a provocation", "nothing less than a
    # rehearsal", "no choice but to respond" affirm what follows them. "Came out of nowhere", "from
    # nowhere" and "nowhere near as large" deny nothing of what is held.
    Cue(
        r"(?:nobody|no one|no-one|none) (?:doubts|doubted|disputes|disputed|questions|questioned|denies|denied)|"
        r"not only|(?<=, )not|(?<=, but )not|not (?:for )?the first|"
        r"never (?:misses|missed|miss|fails to|failed to|fail to)|"
        r"nothing (?:but|less than|short of|more than|other than)|none other than|"
        r"(?:no|little) (?:choice|alternative|option|other option) (?:but|than)|"
        r"not to be (?:named|identified|quoted)|(?:out of|from) nowhere|nowhere near as",
        CueKind.NEGATION,
        printed="(nobody, no one, none) (doubts, disputes, questions, denies); not only; ', not X';"
        " not (for) the first; never (misses, fails to); nothing (but, less than, short of, more than, other than);"
        " none other than; no (choice, alternative, option) but; (asking) not to be (named, identified);"
        " (out of, from) nowhere; nowhere near as",
    ),
    # "Kim failed to visit Moscow", "Kim refused to meet Putin": the event did not happen (FactBank's CT-).
    Cue(
        r"(?:failed|fails|fail|failing|refused|refuses|refuse|refusing) to",
        CueKind.NEGATION,
        denies=True,
        printed="(failed, refused) to",
    ),
    Cue(
        r"not|no longer|never|neither|nor|none|nobody|no one|nothing|nowhere|without any|has yet to|have yet to|"
        rf"cannot|{_CONTRACTED}",
        CueKind.NEGATION,
        denies=True,
        printed="not, no longer, never, neither, nor, none, nobody, no one, nothing, nowhere, without any, (has, have)"
        " yet to, cannot, and every n't (didn't, can't, won't, isn't ...)",
    ),
    Cue(
        rf"no(?=\s+(?!(?:{_NOT_DENYING})(?![\w-]))[^\W\d_])",
        CueKind.NEGATION,
        denies=True,
        printed="no before a word (not: no "
        + _NOT_DENYING.replace("(?:less|more|fewer|later|earlier) than", "less/more/fewer/later/earlier than").replace(
            "|", ", no "
        )
        + ")",
    ),
)
"""The cue table, in the order cues are tried: the first reporting or according cue wins."""
