"""The patterns by which a sentence's attribution is read: quotations, passives, relays, citations, addressees."""

from __future__ import annotations

import re

from factlog.drafting._cues import CueKind
from factlog.drafting._speakers import WHEN

__all__ = [
    "ADDRESSEE_NAME",
    "AGENT",
    "BODY_NOUN",
    "CARRIED_IN",
    "LEARNED_FROM",
    "NAMING",
    "NOBODY",
    "NOT_A_HEAD",
    "NOUN_BEFORE",
    "OBJECT_RELATIVE",
    "OPENING_QUOTE",
    "PASSIVE",
    "QUOTED",
    "QUOTED_AS",
    "RELATIVE",
    "RUN_ON_HOLDER",
    "RUN_ON_INSTITUTION",
    "RUN_ON_NAME",
    "RUN_ON_TITLE",
    "SAID_NOTHING",
    "SEEN_BY",
    "SEEN_HOW",
    "TAIL",
    "TIME_BEFORE_CITING",
    "TOLD",
    "UNSAID",
    "WHOLLY_QUOTED",
]

QUOTED = re.compile(r"[“\"]([^”\"]*)[”\"]")
PASSIVE = re.compile(r"\b(?:was|were|is|are|been|being|be)(?:\s+(?:also|widely|not))?$", re.IGNORECASE)
RELATIVE = re.compile(r"(?:who|whom|whose|which)\s", re.IGNORECASE)
AGENT = re.compile(r"^\s+by\s+")
RUN_ON_HOLDER = re.compile(r"(?P<holder>[A-Z][A-Z0-9&.-]+|(?:[\w.'’-]+\s+)*?[a-z][\w-]*)\s+(?=[A-Z])")
"""A holder run into the clause after "According to" with no comma: "KCNA Kim attended", "state media Kim ..."."""
RUN_ON_INSTITUTION = re.compile(
    r"(?P<holder>(?:the\s+)?(?:[A-Z][\w’'.&-]*\s+){0,5}(?:Agency|Service|Ministry|Office|Council|Committee|"
    r"Commission|Department|Bureau|Institute|Command|News|Times|Post|Press|Journal|Network|Television|Radio|"
    r"Broadcasting))\s+(?=[A-Z])"
)
"""An institution's name run into the clause: "the Korean Central News Agency Kim attended" ends at "Agency"."""
RUN_ON_TITLE = re.compile(
    r"\b(?i:leader|spokes(?:man|woman|person)|minister|secretary|director|chief|envoy|ambassador|general|commander|"
    r"chairman|chairwoman|president|governor|mayor|premier|head|official|diplomat|adviser|advisor|aide)$"
)
"""A one-person title ending a run-on holder: the name after it is the holder's ("leader Kim Jong Un the test ...")."""
RUN_ON_NAME = re.compile(r"\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}(?=\s+[a-z])")
OBJECT_RELATIVE = re.compile(r",\s*(?:which|whom)\s+[^,;:“”\"]{1,60}$", re.IGNORECASE)
"""A verb of saying in a clause about a noun before it ("the visit, which Seoul reported"): not the sentence's."""
NOT_A_HEAD = re.compile(r"\b(?:the|a|an|of|for|in|on|at|to|and|by|from|with)$", re.IGNORECASE)
SEEN_BY = re.compile(
    r"(?:^|,\s*)(?:[\w'’-]+\s+){0,4}?(?i:records|documents|data|figures|files|papers|images|imagery|photographs|"
    r"photos|pictures|footage|emails|minutes|logs|filings|statistics)(?:\s+|\s*,\s*)"
    r"(?:seen|obtained|reviewed|examined|analy[sz]ed)\s+by\s+(?P<holder>[^,;:“”\"]{1,60}?)"
    r"(?:\s*,\s*(?i:an?|the|one)\s+[^,;:“”\"]{1,60}?)?\s*,?\s*$"
)
"""Records seen by someone before a verb of showing, an apposition after the name allowed: "Data analysed by
the Maritime Watch Institute, a research group in Manila, show ..." is the institute's."""
# How or when the records were seen ends the phrase naming who saw them: "CPA under a freedom of information request".
SEEN_HOW = re.compile(r"\s+(?:under|in|on|at|from|during|through|after|before|via|with)\s")
# A verb of saying under negation ("has yet to confirm", "did not say") is nobody's saying.
UNSAID = re.compile(
    r"\b(?:yet to|not|\w+n['’]t|cannot|never|declined to|refused to|(?:did|does|do|has|have|had) not)\s*$",
    re.IGNORECASE,
)
# A speaker that is nobody: "Nobody said ...", "No official said ...", "None of them said ...".
NOBODY = re.compile(
    r"(?:nobody|no one|no-one|none|neither|nothing|not (?:a single|one|any|a)\s+[a-z][\w-]*|"
    r"no\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\b.*",
    re.I,
)
# A verb of saying with nothing said: "They said nothing", "declined to comment".
SAID_NOTHING = re.compile(r"\s*(?:nothing|no more|little|none)\b", re.IGNORECASE)
# An outer relay at the end of a sentence whose speaker is named earlier: "..., according
# to KCNA.", "..., Yonhap reported, citing a source.", "..., which cited Yonhap.".
CARRIED_IN = (
    r"in\s+(?:(?:an?|his|her|its|their)\s+)?(?:[\w-]+\s+){1,2}?(?:carried|relayed|published|broadcast|aired)\s+by"
)
"""The words a carrier follows: "in a speech carried by", "in televised remarks aired by"."""
TAIL = re.compile(
    # A comma before a trailing relay, or none before "in a speech carried by X": the words say it is a relay.
    rf"(?:,\s*|\s+(?={CARRIED_IN}\s))(?:according to\s+(?P<according>[^,;:“”\"]{{1,80}}?)|"
    r"(?!(?:citing|quoting)\s)(?P<reporter>[^,;:“”\"]{1,60}?)\s+(?:reported|reports|said|says)|"
    r"(?:which|who)\s+(?:cited|quoted)\s+(?P<cited>[^,;:“”\"]{1,80}?)|"
    rf"(?:{CARRIED_IN}|(?:carried|relayed|published)\s+by)\s+(?P<carrier>[^,;:“”\"]{{1,60}}?))"
    rf"(?:\s+{WHEN})?"
    r"(?P<citing>(?:,?\s*(?:citing|quoting|(?:which|who) (?:cited|quoted))\s+[^,;:“”\"]{1,80}?)*)"
    r"\s*[.!?]?[”\"]?\s*$",
    re.IGNORECASE,
)
LEARNED_FROM = re.compile(r"(?:learned|learnt|learns|heard|hears) from", re.IGNORECASE)
BODY_NOUN = re.compile(
    r"\b(?:ministry|department|office|government|agency|embassy|council|committee|commission|police|military|"
    r"army|authorities|administration|spokes(?:man|woman|person)|presidency|cabinet|secretariat|bureau|service)$",
    re.IGNORECASE,
)
"""The last word of a phrase naming a body ("the ministry"): somebody who can be learned from, not a thing."""
QUOTED_AS = re.compile(r"(?:quoted|quotes|quoting)\s*(?P<whom>.*?)\s*as saying", re.IGNORECASE | re.DOTALL)
TOLD = re.compile(
    r"(?:told|tells)\s+(?P<whom>[^,;:.“”\"]{1,60}?)(?=\s*(?:$|[,;:.“”\"]|\s(?:that|on|in|at|last|this|late)\s))"
)
ADDRESSEE_NAME = re.compile(r"(?P<name>(?:the\s+)?[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*)*)\s+[a-z]")
"""A name told, then what was told with no "that" between: "TASS" in "TASS the talks went well"."""
TIME_BEFORE_CITING = re.compile(rf"\s+{WHEN}(?=,\s*(?:citing|quoting)\s)", re.IGNORECASE)
"""A time between a verb of saying and a citation: "reported on Friday, citing ..."."""
NOUN_BEFORE = re.compile(
    r"\b(?:media|news|press|the|these|those|such|recent|earlier|some|many|several|unconfirmed|intelligence|his|her|"
    r"their|its|our|western|foreign|local|state|official|previous|similar)\s+$",
    re.IGNORECASE,
)
"""A word before "reports" or "claims" that makes it a noun: "Western media reports that ...", "these claims"."""
NAMING = (CueKind.ACCORDING, CueKind.REPORTING, CueKind.DOCUMENTARY)
OPENING_QUOTE = re.compile(r"^[“\"][^“”\"]+[”\"]")
WHOLLY_QUOTED = re.compile(r"^[“\"][^“”\"]*[”\"][.!?]?$")
