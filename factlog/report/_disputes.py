"""Findings grouped into disputes, each side with its origins and claims, and the assessment beside it.

A dispute is every finding that touches the same claims: findings are joined when they
share a claim (a contradiction and the self-contradiction inside it, an opposed claim and
the interested denial of it), so one quarrel reads as one block instead of five. Groups
come most severe first, then in the checker's own order, so the output is deterministic.

A note (a finding of :data:`NOTES`: one source's or one holder's claims, whatever they
are about) joins nothing: its claims are no sides of one question, and joining on them
would make one block of two quarrels that share a source. It stands with each dispute
whose claims it names, after that dispute's own findings, and on its own block, with all
its claims, when a claim it names is in no dispute or it is more severe than every
dispute it stands in (so it is never hidden below its severity).

Each claim stands once in its dispute, as a fact-checker reads one: the question, then
each side (the sides of the most severe finding first: affirming and denying, or each
value given), under each side its independent origins (:func:`factlog.origins`), and
under each origin its claims, each marked when its holder is a party to what it says
(:func:`~factlog.analysis._parties.interested`). A later finding's side adds a side only
for claims no earlier side holds: "origin belmar" of a hollow corroboration or
"interested" of an interested denial are already the origins and marks of the rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import attrs

from factlog.analysis import _phrasing as phrasing
from factlog.analysis._index import Index
from factlog.analysis._origins import origin_words, origins
from factlog.analysis._parties import interested
from factlog.analysis._unionfind import UnionFind
from factlog.assessment._assessment import Assessment, PropositionAssessment
from factlog.checks._engine import Report
from factlog.checks._findings import Finding, Severity
from factlog.model._scales import Credibility

__all__ = [
    "NOTES",
    "AssessmentView",
    "ClaimView",
    "Dispute",
    "OriginView",
    "SideView",
    "SourceView",
    "assessment_view",
    "disputes",
    "tally",
]

# The sides the checks name in words of their own ("affirming", "interested" ...): shown
# with a capital. Any other side is a value or a name, shown exactly as written.
_SIDE_WORDS = frozenset(
    {
        "about",
        "affirming",
        "answered",
        "answering",
        "certain",
        "citing",
        "claim",
        "denied",
        "denying",
        "drafted",
        "established",
        "hedged",
        "interested",
        "lower",
        "others",
        "record",
    }
)


@attrs.frozen
class SourceView:
    """A source as a reader sees it: title, publication date, link (may be empty) and the quote."""

    id: str
    title: str
    published: str
    url: str
    quote: str


@attrs.frozen
class ClaimView:
    """One claim: who holds it, through whom, how firmly, in which words, read where."""

    id: str
    statement: str
    holder: str
    holder_name: str
    relays: tuple[str, ...]
    """Relays as `via` lists them, outermost first (the page shows them the other way, as the words travelled)."""
    polarity: str
    certainty: str
    cue: str
    stated: str
    sources: tuple[SourceView, ...]
    label: str
    entities: tuple[str, ...]
    interested: bool = False
    stance: str = ""
    """The polarity and certainty in words (:func:`~factlog.analysis._phrasing.stance`), as its side reads it."""


@attrs.frozen
class OriginView:
    """One independent origin of a side: its holders in words (``Belmar, through Belmar News Agency``) and claims."""

    name: str
    claims: tuple[ClaimView, ...]


@attrs.frozen
class SideView:
    """One side of a dispute (``Affirming``, ``Denying``, a value ...) and its claims by independent origin."""

    name: str
    origins: tuple[OriginView, ...]

    @property
    def claims(self) -> tuple[ClaimView, ...]:
        """The side's claims, origin by origin."""
        return tuple(claim for origin in self.origins for claim in origin.claims)


@attrs.frozen
class AssessmentView:
    """What assessment concluded about one proposition, in the words of both scales.

    ``credibility`` is the Admiralty grade (1-6) with its wording; ``likelihood`` the ICD 203
    expression whose probability band holds the belief, held to the origins' ceiling
    (:attr:`~factlog.PropositionAssessment.likelihood`), or ``""`` for grade 6 (truth
    cannot be judged), which has no such words.
    """

    key: str
    statement: str
    status: str
    credibility: int
    credibility_words: str
    likelihood: str
    belief: float
    labels: tuple[tuple[str, str], ...]
    reasons: tuple[str, ...]


@attrs.frozen
class Dispute:
    """Findings about the same claims, read as one quarrel."""

    id: str
    title: str
    severity: str
    findings: tuple[Finding, ...]
    sides: tuple[SideView, ...]
    assessments: tuple[AssessmentView, ...]
    holders: tuple[str, ...]
    entities: tuple[str, ...]

    @property
    def acknowledged(self) -> bool:
        """Whether every finding of the dispute has been acknowledged."""
        return all(finding.acknowledged for finding in self.findings)


def assessment_view(item: PropositionAssessment) -> AssessmentView:
    """The assessment of one proposition, ready for a page."""
    return AssessmentView(
        key=item.key,
        statement=item.statement,
        status=item.status.value,
        credibility=item.credibility.value,
        credibility_words=item.credibility.description,
        likelihood="" if item.credibility is Credibility.CANNOT_BE_JUDGED else item.likelihood.value.replace("-", " "),
        belief=item.belief,
        labels=tuple((claim, label.value) for claim, label in item.labels),
        reasons=item.reasons,
    )


def _claim_entities(index: Index, claim_id: str) -> tuple[str, ...]:
    entry = index.by_id[claim_id]
    found = [entry.holder, *(index.vocabulary.entity(v) for v in entry.claim.attribution.via)]
    for reading in (entry, *index.implied.get(claim_id, ())):  # several objects: each one is involved
        proposition = reading.proposition
        if proposition is None:
            continue
        found.append(proposition.subject)
        if isinstance(proposition.object, str):
            found.append(proposition.object)
        found.extend(value for _, value in proposition.qualifiers)
    return tuple(dict.fromkeys(found))


def claim_view(index: Index, claim_id: str, assessment: Assessment | None, side: str = "") -> ClaimView:
    """One claim of the index, with its sources and its assessment label (empty without an assessment).

    ``side``: the finding's side it is shown on (``denying``: a pattern claim reads as its implied denial).
    """
    entry = index.by_id[claim_id]
    claim = entry.claim
    sources = []
    for evidence in claim.evidence:
        source = index.claims.source_by_id.get(evidence.source)
        sources.append(
            SourceView(
                id=evidence.source,
                title=evidence.source if source is None else source.title,
                published="" if source is None or source.published is None else str(source.published),
                url="" if source is None or source.url is None else source.url,
                quote=evidence.quote,
            )
        )
    label = None if assessment is None else assessment.label(claim_id)
    return ClaimView(
        id=claim_id,
        statement=claim.statement,
        holder=entry.holder,
        holder_name=index.name(entry.holder),
        relays=tuple(index.name(relay) for relay in claim.attribution.via),
        polarity=claim.polarity.value,
        certainty=claim.certainty.value,
        cue=claim.attribution.cue or "",
        stated="" if entry.stated is None else str(entry.stated),
        sources=tuple(sources),
        label="" if label is None else label.value,
        entities=_claim_entities(index, claim_id),
        interested=interested(index, entry),
        stance=phrasing.stance(claim, side),
    )


NOTES = frozenset(
    {
        "document_mismatch",
        "overconfident_holder",
        "quote_unverified",
        "source_dates_disagree",
        "undeclared_copying",
        "unreviewed_draft",
    }
)
"""The rules whose findings annotate claims rather than oppose them: one finding per source
(its document, its quotes, its dates, its drafts), per holder (its certainty) or per pair of
holders (their shared values), listing claims about any number of questions."""


def _groups(findings: Sequence[Finding]) -> list[list[Finding]]:
    """The findings in disputes: joined on shared claims, each note with every dispute it touches.

    Each group lists its joined findings first, then its notes; a note stands alone
    too when a claim of it is in no group or it is more severe than every group it is in.
    """
    union: UnionFind[str] = UnionFind()
    joined = [finding for finding in findings if finding.rule not in NOTES]
    for finding in joined:
        union.find(finding.id)
        for claim in finding.claim_ids:
            union.union(finding.id, f"claim:{claim}")
    groups: dict[str, list[Finding]] = {}
    for finding in joined:
        groups.setdefault(union.find(finding.id), []).append(finding)
    held = {claim: union.find(f"claim:{claim}") for finding in joined for claim in finding.claim_ids}
    rank = {root: max(finding.severity.rank for finding in group) for root, group in groups.items()}
    alone = []
    for note in (finding for finding in findings if finding.rule in NOTES):
        roots = list(dict.fromkeys(held[claim] for claim in note.claim_ids if claim in held))
        for root in roots:
            groups[root].append(note)
        loose = any(claim not in held for claim in note.claim_ids)
        if loose or all(note.severity.rank > rank[root] for root in roots):
            alone.append([note])
    return [*groups.values(), *alone]


def _side_name(index: Index, name: str) -> str:
    """The heading of a side: a check's own word with a capital, an origin by its name, a value as written."""
    if name in _SIDE_WORDS:
        return name.capitalize()
    if name.startswith("origin ") and index.entity(name.removeprefix("origin ")) is not None:
        return "Origin: " + index.name(name.removeprefix("origin "))
    return name


def _sides(index: Index, group: Iterable[Finding], assessment: Assessment | None) -> tuple[SideView, ...]:
    sides: dict[str, list[str]] = {}
    placed: set[str] = set()
    for finding in group:
        for side, ids in finding.claims:
            fresh = [claim for claim in ids if claim not in placed and claim in index.by_id]
            placed.update(fresh)
            if fresh:
                sides.setdefault(side, []).extend(fresh)
    result = []
    for name, claims in sides.items():
        found = origins(index, [index.by_id[claim] for claim in claims], wording=True)  # as factlog assess counts
        result.append(
            SideView(
                _side_name(index, name),
                tuple(
                    OriginView(
                        origin_words(index, origin.label, origin.speaks_for),
                        tuple(claim_view(index, entry.id, assessment, name) for entry in origin.entries),
                    )
                    for origin in found
                ),
            )
        )
    return tuple(result)


def disputes(report: Report, assessment: Assessment | None, index: Index) -> list[Dispute]:
    """The report's findings grouped by shared claims, most severe group first.

    Without an assessment the disputes carry no assessment views and the claims no labels.
    """
    order = {finding.id: number for number, finding in enumerate(report.findings)}
    result = []
    for group in _groups(report.findings):
        # The dispute's own findings lead (its title and severity), its notes follow: a lone note leads its own.
        lead = [finding for finding in group if finding.rule not in NOTES] or group
        group.sort(key=lambda f: (f not in lead, -f.severity.rank, order[f.id]))
        sides = _sides(index, lead, assessment)
        claims = [claim for side in sides for claim in side.claims]
        weighed: dict[str, PropositionAssessment] = {}
        for claim in claims:
            for item in () if assessment is None else assessment.about(claim.id):
                weighed.setdefault(item.key, item)
        result.append(
            Dispute(
                id=group[0].id,
                title=group[0].message,
                severity=group[0].severity.value,
                findings=tuple(group),
                sides=sides,
                assessments=tuple(assessment_view(item) for item in weighed.values()),
                holders=tuple(sorted({claim.holder for claim in claims})),
                entities=tuple(sorted({entity for claim in claims for entity in claim.entities})),
            )
        )
    result.sort(key=lambda d: (-Severity(d.severity).rank, order[d.findings[0].id]))
    return result


def tally(summary: Mapping[str, int], grouped: Sequence[Dispute]) -> tuple[str, tuple[tuple[str, str], ...], str]:
    """The words of a report's summary: how many findings, of which severity, and the blocks they make.

    ``summary`` is :meth:`~factlog.checks.Report.summary`; ``grouped`` the disputes of
    :func:`disputes`. Gives ``("9 findings", (("3 errors", "error"), ("2 warnings", "warning"),
    ("4 info", "info")), "4 disputes and 3 other findings")``: the severities count findings
    and add up to the findings counted (acknowledged ones last, with the key
    ``"acknowledged"``, only when there are some); the blocks count disputes and other
    findings, as the page and the panels show them (a dispute joins every finding on the
    claims it shares, so there are fewer blocks than findings). Raises nothing.
    """
    counts = [(summary[key], key) for key in ("error", "warning", "info", "acknowledged")]
    parts = tuple(
        (f"{number} {key}{'s' * (number != 1 and key in ('error', 'warning'))}", key)
        for number, key in counts
        if number or key != "acknowledged"
    )
    total = sum(number for number, _ in counts)
    serious = sum(1 for dispute in grouped if dispute.severity != "info")
    others = len(grouped) - serious
    blocks = f"{serious} dispute{'s' * (serious != 1)}"
    blocks += f" and {others} other finding{'s' * (others != 1)}" if others else ""
    return f"{total} finding{'s' * (total != 1)}", parts, blocks
