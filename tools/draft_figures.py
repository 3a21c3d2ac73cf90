"""How close ``factlog draft`` comes to a hand encoding: the figures and the cue table of docs/draft.md.

``python -m tools.draft_figures`` prints the figures; ``python -m tools.draft_figures docs``
rewrites the marked sections of ``docs/draft.md`` (a test fails when they drift).

How a drafted sentence is compared with the hand encoding: the hand claims whose first
evidence span overlaps the sentence are its reference; the one overlapping it most (the
first in the file on a tie) is the *main* claim. Holder agreement: the drafted holder
is the main claim's holder or the holder of another hand claim with the same span (one
sentence, two holders: "KCNA and China's Foreign Ministry"), compared by id or, for an
entity the draft proposes, by its name against the hand entities' names and aliases.
Relays agree when the drafted ``via``, outermost first, is that of the main claim or of
another hand claim with the same span, each relay compared as the holder is. Certainty
and polarity are compared with the main claim. Propositions are compared where the
drafted claim and an overlapping hand claim both have one: subject, predicate, object
and polarity equal. Sentences with no hand claim are counted and left out of the rates.

The articles the drafter was tuned on (*bundled* and *added*, together *tuned*) are
summed apart from the *held-out* ones (``tests/draft_corpus/heldout``), which were
encoded by hand before any draft of them was made and on which no rule is tuned, and
apart from the *held-out 2* ones (``tests/draft_corpus/heldout2``), a second such set
written when the drafter began to be mended on faults the first one showed, and apart
from the *held-out 3* ones (``tests/draft_corpus/heldout3``), a third written while it
was mended on faults of the first two, so that one set is always unseen.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import attrs

import factlog
from factlog.drafting._cues import CUES
from factlog.drafting._names import Names

__all__ = ["ARTICLES", "TOTALS", "Figures", "article_figures", "cue_table", "fill", "figures", "figures_table"]

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ("sources/entities.json", "sources/vocabulary.json")
EXTRA = (*BUNDLED, "tests/draft_corpus/entities.json")
HELD_OUT = (*BUNDLED, "tests/draft_corpus/heldout/entities.json")
HELD_OUT_2 = (*BUNDLED, "tests/draft_corpus/heldout2/entities.json")
HELD_OUT_3 = (*BUNDLED, "tests/draft_corpus/heldout3/entities.json")
ARTICLES: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    ("li-qiang-visit", "sources/li-qiang-visit", BUNDLED, "bundled"),
    ("choe-moscow", "sources/choe-moscow", BUNDLED, "bundled"),
    ("busan-fire", "tests/draft_corpus/busan-fire", EXTRA, "added"),
    ("grain-commission", "tests/draft_corpus/grain-commission", EXTRA, "added"),
    ("missile-launch", "tests/draft_corpus/missile-launch", EXTRA, "added"),
    ("kazakh-sanctions", "tests/draft_corpus/heldout/kazakh-sanctions", HELD_OUT, "held-out"),
    ("laos-dam", "tests/draft_corpus/heldout/laos-dam", HELD_OUT, "held-out"),
    ("nairobi-count", "tests/draft_corpus/heldout/nairobi-count", HELD_OUT, "held-out"),
    ("shoal-ramming", "tests/draft_corpus/heldout/shoal-ramming", HELD_OUT, "held-out"),
    ("izmit-blast", "tests/draft_corpus/heldout2/izmit-blast", HELD_OUT_2, "held-out 2"),
    ("border-shelling", "tests/draft_corpus/heldout2/border-shelling", HELD_OUT_2, "held-out 2"),
    ("naira-inflation", "tests/draft_corpus/heldout2/naira-inflation", HELD_OUT_2, "held-out 2"),
    ("port-cyberattack", "tests/draft_corpus/heldout2/port-cyberattack", HELD_OUT_2, "held-out 2"),
    ("san-lorenzo-count", "tests/draft_corpus/heldout3/san-lorenzo-count", HELD_OUT_3, "held-out 3"),
    ("kellner-recall", "tests/draft_corpus/heldout3/kellner-recall", HELD_OUT_3, "held-out 3"),
    ("tamor-glacier-lake", "tests/draft_corpus/heldout3/tamor-glacier-lake", HELD_OUT_3, "held-out 3"),
    ("kestrel-grounding", "tests/draft_corpus/heldout3/kestrel-grounding", HELD_OUT_3, "held-out 3"),
)
"""Each article: source id, folder (document.txt and the hand claims.json), registry files, corpus.

The corpus is ``bundled`` or ``added`` for the articles the drafter was tuned on, and
``held-out``, ``held-out 2`` or ``held-out 3`` (the second and third sets) for those it must
never be tuned on.
"""
TOTALS: dict[str, tuple[str, ...]] = {
    "bundled": ("bundled",),
    "added": ("added",),
    "tuned": ("bundled", "added"),
    "held-out": ("held-out",),
    "held-out 2": ("held-out 2",),
    "held-out 3": ("held-out 3",),
}
"""Each total row: its name and the corpora it sums (tuned and any held-out set are never summed together)."""


@attrs.define
class Figures:
    """Counts for one article or a group of them."""

    sentences: int = 0
    characters: int = 0
    covered: int = 0
    referenced: int = 0
    holder: int = 0
    relays: int = 0
    certainty: int = 0
    polarity: int = 0
    propositions: int = 0
    propositions_agreeing: int = 0

    def add(self, other: Figures) -> None:
        """Add another's counts to these."""
        for field in attrs.fields(Figures):
            setattr(self, field.name, getattr(self, field.name) + getattr(other, field.name))


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _span(claim: factlog.Claim) -> tuple[int, int]:
    evidence = claim.evidence[0]
    if evidence.start is None or evidence.end is None:  # drafts and the hand encodings both carry offsets
        raise ValueError(f"claim {claim.id!r} has no offsets in its source")
    return evidence.start, evidence.end


def _triple(claim: factlog.Claim) -> tuple[object, ...] | None:
    if claim.proposition is None:
        return None
    p = claim.proposition
    return (p.subject, p.predicate, str(p.object), claim.polarity)


def _readings(entity: str, drafted: factlog.ClaimSet, names: Names) -> set[str]:
    """The ids a drafted entity may stand for in the hand encoding: its own, and its name's."""
    proposed = drafted.entity_by_id.get(entity)
    alias = names.lookup(proposed.name) if proposed is not None else None
    return {entity} if alias is None else {entity, alias}


def _same_relays(readings: Sequence[set[str]], via: Sequence[str]) -> bool:
    """Whether the drafted relays (each as the ids it may stand for) are ``via``, in its order."""
    return len(readings) == len(via) and all(relay in read for read, relay in zip(readings, via, strict=True))


def article_figures(source: str, folder: str, registry: Sequence[str]) -> Figures:
    """Draft one article and compare it with its hand encoding."""
    hand = factlog.load([ROOT / folder / "claims.json", *(ROOT / path for path in registry)])
    reference = hand.source_by_id[source]
    text = (ROOT / folder / "document.txt").read_text(encoding="utf-8")
    drafted = factlog.draft(
        text,
        source=source,
        published=reference.published,
        publisher=reference.publisher,
        registry=factlog.load([ROOT / path for path in registry]),
    )
    names = Names(hand.entities)
    hand_claims = [c for c in hand.claims if c.evidence[0].source == source]
    result = Figures()
    covered: set[int] = set()
    for claim in drafted.claims:
        if "-office-" in claim.id or "-holder-" in claim.id:  # one row per sentence
            continue
        span = _span(claim)
        covered.update(range(*span))
        result.sentences += 1
        overlapping = [c for c in hand_claims if _overlap(_span(c), span) > 0]
        if not overlapping:
            continue
        result.referenced += 1
        main = max(overlapping, key=lambda c: (_overlap(_span(c), span), -hand_claims.index(c)))
        same_span = [c for c in overlapping if _span(c) == _span(main)]
        holders = {c.attribution.holder for c in same_span}
        result.holder += int(bool(_readings(claim.attribution.holder, drafted, names) & holders))
        relays = {c.attribution.via for c in same_span}
        readings = [_readings(relay, drafted, names) for relay in claim.attribution.via]
        result.relays += int(any(_same_relays(readings, via) for via in relays))
        result.certainty += int(claim.certainty is main.certainty)
        result.polarity += int(claim.polarity is main.polarity)
    for claim in drafted.claims:
        mine = _triple(claim)
        theirs = {_triple(c) for c in hand_claims if _overlap(_span(c), _span(claim)) > 0} - {None}
        if mine is not None and theirs:
            result.propositions += 1
            result.propositions_agreeing += int(mine in theirs)
    result.covered = sum(1 for i in covered if not text[i].isspace())
    result.characters = sum(1 for ch in text if not ch.isspace())
    return result


def figures() -> list[tuple[str, str, Figures]]:
    """Figures for each article, then the totals of :data:`TOTALS`: (name, corpus, figures)."""
    rows = []
    totals = {key: Figures() for key in TOTALS}
    for source, folder, registry, corpus in ARTICLES:
        found = article_figures(source, folder, registry)
        rows.append((source, corpus, found))
        for key, corpora in TOTALS.items():
            if corpus in corpora:
                totals[key].add(found)
    rows += [(f"**{key}**", key, value) for key, value in totals.items()]
    return rows


def _percent(part: int, whole: int) -> str:
    return "–" if whole == 0 else f"{100 * part / whole:.0f} %"


def _rate(part: int, whole: int) -> str:
    return "–" if whole == 0 else f"{100 * part / whole:.0f} % ({part}/{whole})"


def figures_table() -> str:
    """The figures as a Markdown table."""
    lines = [
        "| article | corpus | sentences | text covered | with a hand claim | holder | relays | certainty"
        " | polarity | propositions |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, corpus, f in figures():
        kind = "" if name.startswith("**") else corpus  # a total's name says what it sums
        lines.append(
            f"| {name} | {kind} | {f.sentences} | {_percent(f.covered, f.characters)} | {f.referenced}"
            f" | {_rate(f.holder, f.referenced)} | {_rate(f.relays, f.referenced)}"
            f" | {_rate(f.certainty, f.referenced)} | {_rate(f.polarity, f.referenced)}"
            f" | {_rate(f.propositions_agreeing, f.propositions)} |"
        )
    return "\n".join(lines) + "\n"


def cue_table() -> str:
    """The cue table as Markdown."""
    lines = ["| words | kind | certainty at most | denies |", "| --- | --- | --- | --- |"]
    for cue in CUES:
        words = cue.printed or cue.words.replace(r"\b[^,.;]*?\b", " … ").replace("|", ", ").replace("(?:", "(")
        scope = " (own voice only)" if cue.own_voice_only else ""
        denies = "yes" if cue.denies else ""
        lines.append(f"| {words} | {cue.kind.value}{scope} | {cue.certainty} → {cue.band.value} | {denies} |")
    return "\n".join(lines) + "\n"


def fill(text: str, name: str, body: str) -> str:
    """Replace the text between ``<!-- name:start -->`` and ``<!-- name:end -->``."""
    start, end = f"<!-- {name}:start -->\n", f"<!-- {name}:end -->"
    head, _, rest = text.partition(start)
    _, _, tail = rest.partition(end)
    return f"{head}{start}{body}{end}{tail}"


def main(argv: Sequence[str]) -> int:
    """Print the figures, or with ``docs`` rewrite docs/draft.md."""
    if argv[:1] != ["docs"]:
        sys.stdout.write(figures_table())
        return 0
    path = ROOT / "docs" / "draft.md"
    text = path.read_text(encoding="utf-8")
    updated = fill(fill(text, "draft-figures", figures_table()), "draft-cues", cue_table())
    if updated != text:
        path.write_text(updated, encoding="utf-8")
        print(f"updated {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
