"""Who speaks: the phrase naming the speaker before or after a verb of saying, and the relays around it.

"Mao Ning, a Foreign Ministry spokesperson, said" is Mao Ning; "The Pentagon on Tuesday
said" the Pentagon; "KCNA, citing Yonhap, said" Yonhap, via KCNA; "..., said Kim Yo
Jong, the sister of Kim Jong Un." Kim Yo Jong. Phrases are returned as written,
outermost relay first and the speaker last; :mod:`factlog.drafting._holders` resolves
them to entities.
"""

from __future__ import annotations

import re

from factlog.drafting._findcues import Found
from factlog.drafting._names import VAGUE_NOUNS, names_someone
from factlog.drafting._times import WEEKDAYS

__all__ = [
    "CITING_AFTER",
    "WHEN",
    "noun_phrase",
    "phrase_after",
    "sources",
    "split_relays",
    "subject_after",
    "subject_before",
]

_END_OF_PHRASE = re.compile(r"[,;:.!?“”\"(]|\s(?:that|as|of|in|on|for|who|which|when|to|and said)\s")
_NAME_GOES_ON = re.compile(
    r"\s+(?:of|for)\s+(?:(?:(?<=Ministry of )|(?<=Department of )|(?<=Office of )|(?<=Bureau of ))the\s+)?"
    r"[A-Z][\w’'.&-]*(?:\s+(?:and\s+)?[A-Z][\w’'.&-]*)*"
)
"""A name in title case going on after "of" or "for": "Ministry of Unification", "Chiefs of Staff".

"Lee of the Ministry of Unification" is Lee: "of the" goes on only after a ministry's word
("Ministry of the Interior").
"""
_FRAME = re.compile(
    r"^(?:(?:a |the )?(?:statements?|reports?|comments?|remarks?|a report|an announcement|a readout|"
    r"a transcript|sources?|data|figures|information)\s+(?:from|by|of|released by|issued by|published by)\s+|"
    r"(?:[\w-]+\s+)?(?:images|imagery|photos|photographs|documents|records|data|footage)\s+"
    r"(?:analy[sz]ed|seen|obtained|reviewed|examined)\s+by\s+)",
    re.IGNORECASE,
)
_NAMED_REPORT = re.compile(
    r"^(?:an?|the)\s+(?P<name>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})\s+"
    r"(?:report|statement|dispatch|article|commentary|editorial|broadcast|bulletin)$"
)
"""A report named by its maker ("a KCNA report", "the Yonhap dispatch"): the maker holds or relays it."""
_UNMADE_RECORD = re.compile(
    r"(?:(?:an?|the|some|several|recent|new|earlier|classified|secret|unpublished|internal|leaked|satellite|"
    r"intelligence|military|official|unnamed|unspecified|its|their|his|her|own)\s+){0,4}"
    r"(?:reports?|assessments?|intelligence|data|documents?|records?|images|imagery|photos|footage|figures|"
    r"estimates?|stud(?:y|ies)|surveys?|analys[ie]s|evidence|findings|statistics|information)",
    re.IGNORECASE,
)
"""A record cited with no maker named: "intelligence reports", "satellite imagery", "its own data"."""
_THE = re.compile(r"^(?:the|The)\s+")
_LEADING = re.compile(r"^(?:recent|also|but|and|however|meanwhile)\s+", re.IGNORECASE)
_SUBJECT_WORDS = 9
_CONJUNCTION = re.compile(r"(?:and|but|or|yet)(?:\s+(?:then|also|later))?", re.IGNORECASE)
"""A clause that is only a conjunction before a verb: the verb's subject is the first clause's, no speaker here."""
_BOTH_AT_END = re.compile(r"\s+both$")
_RELATIVE_AT_END = re.compile(r",?\s+(?:who|which)$", re.IGNORECASE)
_SCARE_QUOTED = re.compile(
    r"(?:^|[,;:]\s*)(?P<determiner>(?i:the|these|those|some|so-called|many|several))\s*[“\"]"
    r"(?P<words>[^“”\",.;:!?]{1,40})[”\"]$"
)
"""A subject with a word in scare quotes: 'The “experts”', 'so-called “witnesses”'."""
_NAME_WITH_COMMAS = re.compile(
    r"(?:(?<=^)|(?<=[,;:]\s))(?:(?:the|The)\s+)?(?:[A-Z][\w’'&-]*\s+)+(?:of|for)\s+[A-Z][\w’'&-]*"
    r"(?:\s*,\s*[A-Z][\w’'&-]*)+,?\s+and\s+[A-Z][\w’'&-]*$"
)
"""A name whose last words are a list: "The Ministry of Trade, Industry and Energy" is one body."""
_OWNED_NOUN = re.compile(
    r"\s+(?P<noun>(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)\s+(?:met|visited|spoke|held|went|came|flew|arrived|left|"
    r"made|gave|took|told|wrote|saw|\w+ed)\b"
)
"""The noun an owner's name opens ("Kim Jong Un's sister met"): the words up to the clause's verb."""
_DESCRIBED_THEN_NAMED = re.compile(r"([^,.;:“”\"]{1,80}),\s*([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,3})[.!?]?")
"""A description, then the name it describes after a comma: "Ali Demir's lawyer, Jon Park"."""
_OPENING_SUBJECT = re.compile(r"(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})\s+(?=[a-z])(?![^“”\"]*[“”\"])")
"""A name opening a sentence before a verb in lower case, no quotation after it: the subject of its first clause."""
_NO_NAME = re.compile(r"(?:The|A|An|This|That|These|Those|It|There|Here)")
_LIST_NAME = re.compile(r"[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*){0,4}")
_LIST_END = re.compile(r"^and\s+")
_LIST_STOP = re.compile(
    r"(?:In|On|At|After|Before|From|For|With|By|During|Since|Meanwhile|However|But|And|Yet|Still|Instead|Today|"
    r"Yesterday|Tonight|Now|Then|Also|Later|Earlier|Moreover|Furthermore|Nevertheless|Likewise|Elsewhere|Here|"
    rf"There|Thus|Hence|Indeed|Again|Instead|Otherwise|Overall|{WEEKDAYS})\b|[A-Z][a-z]+ly$"
)
"""A first word that opens a sentence, not a list of names: "In Seoul,", "Separately,", "Yesterday,"."""
_AUXILIARY = re.compile(
    r"(?:\s+(?:has|have|had|also|reportedly|later|earlier|previously|could|would|can|will|may|might|must|should|did|does|"
    r"(?-i:repeatedly|strongly|immediately|long|firmly|flatly|publicly|privately|openly|again|already|consistently|"
    r"categorically|vehemently|quickly|swiftly|initially|originally|separately|recently|still|often|frequently|"
    r"formally|officially|angrily|bluntly|explicitly|vigorously|emphatically|sharply|fiercely|adamantly|"
    r"subsequently|likewise|similarly|specifically|directly|then|now|once|all|each|jointly|together)))+$",
    re.IGNORECASE,
)
"""Auxiliaries, adverbs and quantifiers between a speaker and the verb: "The opposition has repeatedly said" is the
opposition's, "Kim and Lee both said" Kim's and Lee's.

The adverbs are matched in lower case only, so that a name ending in one ("Song Long") keeps it.
"""
_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|did|does|can|could|may|might)\b", re.IGNORECASE)
_WEEKDAY = rf"(?:{WEEKDAYS})"
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_PART = r"(?:morning|afternoon|evening|night)"
WHEN = (
    r"(?:(?:late|early|earlier|later)\s+)?(?:"
    rf"(?:on\s+)?{_WEEKDAY}(?:\s+{_PART})?"
    rf"|(?:(?:earlier|later|late|early)\s+)?(?:last|this|next)\s+(?:{_WEEKDAY}|week|month|year|weekend|{_PART})"
    rf"|(?:on\s+)?(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:,?\s+\d{{4}})?"
    rf"|in\s+(?:{_MONTH}|\d{{4}})|yesterday|today|tonight|overnight|earlier|recently|previously"
    r")"
)
"""A time phrase beside a verb of saying, no part of who speaks: "on Tuesday", "last week", "late on Dec. 2"."""
_CITING = re.compile(
    rf"\s+(citing|quoting|(?:cited|quoted|carried|relayed|reported|interviewed)(?:\s+{WHEN})?\s+by)\s+", re.IGNORECASE
)
"""A citation inside a phrase: "X citing Y" is Y's words through X; "Y cited by X" (interviewed on Tuesday by X) the
same."""
_TIME_AT_END = re.compile(rf"(?:,?\s+{WHEN})+$")  # case kept: "USA Today" is a name
# Words between commas after a speaker that describe the speaker, never speak: "Mao Ning, a
# ministry spokesperson, said", "Lee, speaking on condition of anonymity, said", "The
# ministry, which has a spokesman, said".
_INTERRUPTION = re.compile(
    r"(?:(?:a|an|the|one|another|its|his|her|their)\s+\S|[a-z]+ing\b|[a-z]+ed\s+(?:by|in|on|at|to)\b|"
    r"(?:who|whom|whose|which|in|on|at|after|before|when|while|as|asked|under|in an?)\b)"
)
_AGE = re.compile(r"\d{1,3}")
"""An age between commas ("Kim, 41, said"): it describes the name before it."""
_ROLE = re.compile(
    rf"(?:[\w.'’-]+\s+){{0,5}}?(?:{VAGUE_NOUNS}|ministers?|secretary|director|chief|envoy|ambassador|general|"
    r"commander|chairman|chairwoman|chair|president|governor|mayor|premier|leader|head|sister|brother|daughter|"
    r"son|wife|husband|deputy|adviser|advisor|correspondent|reporter|editor|representative)"
    r"(?:\s+(?:of|for|to|at|in)\s.*)?",
    re.IGNORECASE,
)
"""A description by role, with or without an article: "Foreign Ministry spokesperson", "general secretary of X"."""
_POSSESSIVE = re.compile(r"[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*['’]s\s+[a-z]")
"""A description by what a name owns: "Russia's foreign minister"."""
_CITATION = re.compile(r"(?:citing|quoting|(?:which|who) (?:cited|quoted))\s+(?P<whom>.+)", re.IGNORECASE)
_CARRIED = re.compile(
    r"(?:in an? \w+ )?(?:carried|published|released|broadcast|relayed|aired|cited|quoted|reported|interviewed)"
    rf"(?:\s+{WHEN})? by\s+(?P<whom>.+)",
    re.IGNORECASE,
)
# A report as the subject is the frame of whoever carried it, and speaks for nobody else.
_REPORT_FRAME = re.compile(
    r"(?:the|a|an|that|this)\s+(?:report|dispatch|article|statement|story|bulletin|broadcast)", re.IGNORECASE
)
# A citation after a speaker or a verb: "Yonhap reported, citing an unnamed source, that ...".
CITING_AFTER = re.compile(
    r",?\s*(?:citing|quoting|(?:which|who) (?:cited|quoted))\s+(?P<whom>[^,;:“”\"]{1,80}?)"
    r"(?=\s*(?:[,;:“”\"]|$|\s(?:that|as)\s|[.!?]\s*$))",
    re.IGNORECASE,
)
_QUOTED_APPOSITION = re.compile(r"(?P<speaker>[^“”\"]+?),\s*(?P<words>[^“”\",]*)[“\"](?P<quoted>[^“”\"]*),[”\"]")
"""An apposition ending in a quotation, the comma inside its closing mark: 'Kim, the “supreme leader,”'."""


def phrase_after(sentence: str, start: int) -> tuple[str, int]:
    """The phrase from ``start`` to the end of its noun phrase (a comma, "that", "as" ...), and where it ends."""
    rest = sentence[start:]
    stop = _END_OF_PHRASE.search(rest)
    while (
        stop is not None
        and rest[: stop.start()].split()[-1:] != []
        and rest[: stop.start()].split()[-1][:1].isupper()
        and (joined := _NAME_GOES_ON.match(rest, stop.start())) is not None
    ):
        # "the Joint Chiefs of Staff", "the Center for Strategic and International Studies": one name.
        stop = _END_OF_PHRASE.search(rest, joined.end())
    end = len(rest) if stop is None else stop.start()
    if stop is not None and rest[stop.start()] == "." and re.match(r"[A-Z]\.", rest[max(0, stop.start() - 1) :]):
        # An abbreviation such as "U.S." ends no phrase; take the rest up to a comma.
        comma = re.search(r"[,;:!?“”\"]", rest)
        end = len(rest) if comma is None else comma.start()
    phrase = rest[:end].strip().rstrip(".")
    return phrase, start + end


def sources(phrase: str) -> tuple[str, ...]:
    """Whom a citation names, when it names someone ("Yonhap", "an unnamed source").

    None for "safety concerns", nor for a record whose maker goes unnamed ("intelligence
    reports", "satellite imagery"): the one citing it holds what it is cited for.
    """
    parts = split_relays(phrase)
    named = all(
        (_THE.sub("", part)[:1].isupper() or names_someone(part)) and not _UNMADE_RECORD.fullmatch(part)
        for part in parts
    )  # "citing the NIS" names the NIS
    return parts if parts and named else ()


def split_relays(phrase: str) -> tuple[str, ...]:
    """The phrases a citation joins, outermost first: "KCNA citing Yonhap" and "Yonhap cited by KCNA" alike.

    A record cited with no maker named ("officials citing intelligence reports") is what the
    one citing rests on, neither a relay nor a holder: it is left out.
    """
    pieces = _CITING.split(phrase)
    chain = [_clean(pieces[0])]
    for connector, part in zip(pieces[1::2], pieces[2::2], strict=True):
        if connector.casefold().endswith(" by"):
            chain.insert(len(chain) - 1, _clean(part))  # "sources cited by Reuters": Reuters relays the sources
        elif not _UNMADE_RECORD.fullmatch(_clean(part)):
            chain.append(_clean(part))
    return tuple(part for part in chain if part)


def _clean(phrase: str) -> str:
    # "Kim Yo Jong (her sister)": an aside names nobody; an acronym "(NIS)" is kept, another name of the holder.
    phrase = re.sub(r"\s*\((?![A-Z][A-Z0-9&.-]{1,9}\))[^()]*\)", "", phrase)
    phrase = _FRAME.sub("", phrase.strip())
    phrase = _NAMED_REPORT.sub(r"\g<name>", phrase)
    phrase = _LEADING.sub("", phrase)
    return phrase.strip(" ,;")


def subject_before(sentence: str, found: Found) -> tuple[str, ...] | None:
    """The speaker before a verb of saying, with the relays around them, outermost first; None without one."""
    before = sentence[: found.start].rstrip()
    # "The Pentagon on Tuesday said", "The State Department last week alleged", "... in May has said": when, not who.
    both = None
    for _ in range(2):
        # "Kim and Lee (have) both said": a list of two, "both" no part of a name.
        both = both or _BOTH_AT_END.search(before)
        before = before if both is None else before[: both.start()] if before.endswith("both") else before
        # "Kim, the sister of X, on Monday said": the comma before the time closes the apposition, and stays.
        before = (
            _TIME_AT_END.sub(lambda m: "," if m[0].startswith(",") else "", before)
            if not before.endswith(",")
            else before
        )
        before = _AUXILIARY.sub("", before).rstrip()
    relative = _RELATIVE_AT_END.search(before)
    if relative is not None:
        # "Kim, who said talks would resume, attended": the relative pronoun stands for Kim.
        before = before[: relative.start()].rstrip()
    if before.endswith(","):
        return _apposition(before[:-1])
    scare = _SCARE_QUOTED.search(before)
    if scare is not None:
        # 'The “experts” said': quotation marks doubt a word of the subject, and quote nobody.
        return (f"{scare['determiner']} {scare['words']}",)
    quoted = _QUOTED_APPOSITION.fullmatch(before)
    if quoted is not None:
        # "Kim, the “supreme leader,” said": the comma inside the quotation mark closes the apposition.
        return _apposition(f"{quoted['speaker']}, {quoted['words']}{quoted['quoted']}")
    if before.endswith(("”", '"')):
        return None
    named = _NAME_WITH_COMMAS.search(before)
    clause = named.group() if named else _listed(before) or re.split(r"[,;:“”\"]", before)[-1].strip()
    words = clause.split()
    if _CONJUNCTION.fullmatch(clause):
        # "Lavrov met Wang, and said ...": a second verb of the first clause's subject, when a name opens it; "The
        # ministry has yet to confirm it, and said ..." names none.
        opening = _OPENING_SUBJECT.match(before)
        name = None if opening is None or _LIST_STOP.match(opening["name"]) else opening["name"]
        if name is not None and name.endswith(("'s", "’s")):  # "Kim Jong Un's sister met Lee, and said": the sister
            owned = _OWNED_NOUN.match(before, len(name))
            name = None if owned is None else f"{name} {owned['noun']}"
        return None if name is None or _NO_NAME.fullmatch(name) else (name,)
    listed = named is None and clause is not before and "," in clause
    if not words or (len(words) > _SUBJECT_WORDS and not listed):  # "A, B, C, D and E said": a list of any length
        return None
    spoken = split_relays(clause)
    if both is not None and spoken and " and " in spoken[-1]:
        spoken = (*spoken[:-1], f"both {spoken[-1]}")  # read as "Both Kim and Lee": a list
    return spoken or None


def _listed(before: str) -> str | None:
    """A list of three or more names before a verb ("Russia, China(,) and North Korea"), or None.

    The last comma-separated part joins with "and"; each part before it is a proper name
    of at most five capitalised words ("Unification Minister Kim Yung-ho"), or words describing the name before them
    ("Lavrov, the foreign minister, and Putin"), and a part opening with a preposition or
    a connective ("In Seoul", "However") ends the list.
    """
    parts = [part.strip() for part in re.split(r"[;:“”\"]", before)[-1].split(",")]
    last = parts[-1]
    if len(parts) < 2 or not (_LIST_END.match(last) or " and " in last):
        return None
    names: list[str] = []
    described = False
    for index in range(len(parts) - 2, -1, -1):
        part = parts[index]
        named = index > 0 and _LIST_NAME.fullmatch(parts[index - 1]) and not _LIST_STOP.match(parts[index - 1])
        if named and _describes(part):
            described = True  # "Lavrov, the foreign minister, and Putin": the apposition describes Lavrov, no name
            continue
        if not _LIST_NAME.fullmatch(part) or _LIST_STOP.match(part):
            break
        names.insert(0, part)
    if not names:
        return None
    if described:
        return f"{', '.join(names)}, and {_LIST_END.sub('', last)}"  # the commas say it is a list, not one name
    return f"{', '.join(names)} and {_LIST_END.sub('', last)}" if _LIST_END.match(last) else ", ".join([*names, last])


def _apposition(before: str) -> tuple[str, ...] | None:
    """The speaker of "X, <words between commas>, said": the words describe or relay X, and never speak.

    "The operator, Namhae Port Services," is the name in apposition; "Mao Ning, a
    ministry spokesperson," and "Lee, speaking on condition of anonymity," are Mao Ning
    and Lee; "KCNA, citing Yonhap," is Yonhap's, via KCNA; "The report, carried by
    Yonhap citing a source," is the source's, via Yonhap (the report is only the frame).
    """
    parts = [part.strip() for part in re.split(r"[,;:“”\"]", before)]
    carriers: list[str] = []
    cited: list[str] = []
    name: str | None = None
    index = len(parts) - 1
    while index >= 1:
        part = parts[index]
        if _LIST_END.match(part) and (listed := _listed(", ".join(parts[: index + 1]))) is not None:
            # "Lavrov, the foreign minister, and Wang Yi, his Chinese counterpart, said": both speak.
            return (*carriers, *split_relays(listed), *cited)
        if (citing := _CITATION.match(part)) is not None:
            cited = [*sources(citing["whom"]), *cited]  # "citing safety concerns" cites no one
        elif (carried := _CARRIED.match(part)) is not None:
            carriers = [*split_relays(carried["whom"]), *carriers]
        elif not _describes(part):
            if index == len(parts) - 1 and part[:1].isupper() and len(part.split()) <= _SUBJECT_WORDS:
                name = part  # "The operator, Namhae Port Services, said": the name between the commas speaks
            else:
                break
        index -= 1
    if not parts[index] and index + 1 < len(parts) - 1 and name is None and noun_phrase(parts[index + 1]):
        # '“...,” one European diplomat, who asked not to be named, told AFP': after the quotation, the
        # first words between commas are the speaker, whatever article opens them.
        index += 1
    if index == len(parts) - 1 or (name is None and not noun_phrase(parts[index])):
        return None
    speaker = name or parts[index]
    spoken = () if _REPORT_FRAME.fullmatch(speaker) else split_relays(speaker)
    return (*carriers, *spoken, *cited) or None


def _describes(part: str) -> bool:
    """Whether words between commas after a name describe it ("a spokesperson", "general secretary of the WPK")."""
    return (
        _INTERRUPTION.match(part) is not None
        or part[:1].islower()
        or _POSSESSIVE.match(part) is not None
        or _ROLE.fullmatch(part) is not None
        or _AGE.fullmatch(part) is not None
    )


def noun_phrase(text: str) -> bool:
    """Whether a clause part can be a speaker: short, with no finite verb ("The ministry", not "The port was shut")."""
    return 0 < len(text.split()) <= _SUBJECT_WORDS and _FINITE.search(text) is None


def subject_after(sentence: str, found: Found) -> tuple[str, ...] | None:
    """Inverted or trailing attribution: '..., X said.' or '..., said X.' (or '..., said X, which cited Y.')."""
    before = sentence[: found.start].rstrip()
    after = sentence[found.end :].strip()
    trailing = re.fullmatch(r"(.*)[,”\"]\s*([^,“”\"]{1,80})", before, re.DOTALL)
    if trailing and re.fullmatch(r"(?:\s*(?:on|in|at|late|earlier|later|this|last)\b[^.]*)?[.!?]?[”\"]?", after):
        return split_relays(trailing.group(2)) or None
    named = _DESCRIBED_THEN_NAMED.fullmatch(after)
    if named is not None and before.endswith((",", "”", '"')) and noun_phrase(named[1]) and named[1][-1].islower():
        return (named[2],)  # "..., said Ali Demir's lawyer, Jon Park.": the name the description is of speaks
    inverted = re.match(
        r"([^,.;:“”\"]{1,80})((?:,\s*(?:citing|quoting|(?:which|who) (?:cited|quoted))\s+[^,;:“”\"]{1,80}?)*)[.!?]?$",
        after,
    )
    described = re.fullmatch(r"([^,.;:“”\"]{1,80})((?:,\s*[^,;:“”\"]{1,80}?)+)[.!?]?", after)
    if (
        inverted is None
        and described is not None
        and all(_describes(part.strip()) for part in described[2].split(",")[1:])
    ):
        # "..., said Kim Yo Jong, the sister of Kim Jong Un.": the words after the name describe her.
        inverted = re.match(r"([^,.;:“”\"]{1,80})()", after)
    if before.endswith((",", "”", '"')) and inverted and noun_phrase(inverted.group(1)):
        # "..., said KCNA." names KCNA; "..., said talks would resume." names nobody (a clause, not a speaker).
        cited = tuple(phrase for match in CITING_AFTER.finditer(inverted.group(2)) for phrase in sources(match["whom"]))
        return (*split_relays(inverted.group(1)), *cited) or None
    return None
