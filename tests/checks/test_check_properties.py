"""Properties of the engine: order, spelling and growth do not change what conflicts."""

from __future__ import annotations

from typing import Any

import attrs
from hypothesis import given
from hypothesis import strategies as st

import factlog
from factlog import Claim, ClaimSet, Finding
from tests.helpers import claim, lines_executed, world

SUBJECTS = {"dprk": ["dprk", "pyongyang", "DPRK"], "russia": ["russia", "moscow"], "prc": ["prc", "beijing"]}
CONFLICT_RULES = (
    "opposed_claims",
    "answered_denial",
    "conflicting_values",
    "conflicting_holders",
    "exclusive_predicates",
    "self_contradiction",
)


@st.composite
def claim_lists(draw: st.DrawFn, max_size: int = 12) -> list[Claim]:
    """Claims about a few propositions, with every polarity, certainty and time."""
    count = draw(st.integers(1, max_size))
    claims = []
    for number in range(count):
        kind = draw(
            st.sampled_from(
                ["weapons", "visit", "troops", "office", "former", "no-longer", "allied", "premier", "place"]
            )
        )
        subject, predicate, obj = {
            "weapons": ("dprk", "supplies-weapons-to", "russia"),
            "visit": ("prc", "visits", "dprk"),
            "troops": ("dprk", "troops-deployed", draw(st.sampled_from([11000, 11500, 15000]))),
            "office": ("trump", "holds-office", "us-president"),
            "former": ("trump", "former-holder-of", "us-president"),
            "no-longer": ("trump", "no-longer-holds-office", "us-president"),
            "premier": (draw(st.sampled_from(["alice", "bob"])), "premier-of", "ruritania"),
            "place": ("russia", "fights-in", draw(st.sampled_from(["russia", "kursk", "sudzha", "ukraine"]))),
            "allied": (draw(st.sampled_from(["dprk", "russia"])), "allied-with", "prc"),
        }[kind]
        year = draw(st.integers(2019, 2025))
        when = draw(st.sampled_from([None, str(year), f"{year}/{year + 1}", f"{year}-06", f"{year}-01-20/.."]))
        answers = (f"c{draw(st.integers(0, number - 1))}",) if number and draw(st.booleans()) else ()
        claims.append(
            claim(
                f"c{number}",
                subject,
                predicate,
                obj,
                when,
                denied=draw(st.booleans()),
                certainty=draw(st.sampled_from(["certain", "probable", "possible", "uncommitted"])),
                holder=draw(st.sampled_from(["author", "kcna", "russia", "analysts", "wire", "mfa-prc"])),
                source=draw(st.sampled_from(["s1", "s2", "s3", "s4", "s5"])),
                answers=answers,
            )
        )
    return claims


def findings(claims: ClaimSet) -> list[tuple[str, str, str, str, tuple[Any, ...]]]:
    return [(f.id, f.rule, f.severity.value, f.message, f.claims) for f in factlog.check(claims).findings]


@given(claim_lists(), st.randoms(use_true_random=False))
def test_findings_do_not_depend_on_claim_order(claims: list[Claim], random: Any) -> None:
    """Shuffling the claims gives the same findings, in the same order, with the same words."""
    shuffled = list(claims)
    random.shuffle(shuffled)
    assert findings(world(*claims)) == findings(world(*shuffled))


def _respell(claim_: Claim, random: Any) -> Claim:
    proposition = claim_.proposition
    if proposition is None:
        return claim_
    subject, obj, predicate = proposition.subject, proposition.object, proposition.predicate
    if predicate == "supplies-weapons-to" and random.random() < 0.5:
        subject, obj, predicate = obj, subject, "receives-weapons-from"
    if predicate == "allied-with" and random.random() < 0.5:
        subject, obj = obj, subject
    subject = random.choice(SUBJECTS.get(subject, [subject])).casefold()
    if isinstance(obj, str):
        obj = random.choice(SUBJECTS.get(obj, [obj])).casefold()
    return attrs.evolve(claim_, proposition=attrs.evolve(proposition, subject=subject, object=obj, predicate=predicate))


@given(claim_lists(), st.randoms(use_true_random=False))
def test_findings_do_not_depend_on_spelling(claims: list[Claim], random: Any) -> None:
    """Aliases, the inverse predicate and swapped symmetric pairs give the same findings."""
    respelled = [_respell(c, random) for c in claims]
    assert findings(world(*claims)) == findings(world(*respelled))


def _conflicting_pairs(report_findings: tuple[Finding, ...]) -> set[tuple[str, str, str]]:
    pairs = set()
    for finding in report_findings:
        if finding.rule not in CONFLICT_RULES:
            continue
        for index, (_, first) in enumerate(finding.claims):
            for _, second in finding.claims[index + 1 :]:
                pairs |= {(finding.rule, *sorted((a, b))) for a in first for b in second}  # type: ignore[misc]
    return pairs


@given(claim_lists(), claim_lists(max_size=3))
def test_adding_claims_never_resolves_a_conflict(claims: list[Claim], extra: list[Claim]) -> None:
    """Two claims that conflict still conflict when more claims are added."""
    renamed = [attrs.evolve(c, id=f"x{c.id}", answers=tuple(f"x{a}" for a in c.answers)) for c in extra]
    before = _conflicting_pairs(factlog.check(world(*claims)).findings)
    after = _conflicting_pairs(factlog.check(world(*claims, *renamed)).findings)
    assert before <= after


@given(claim_lists())
def test_every_finding_names_existing_claims(claims: list[Claim]) -> None:
    """Every claim id in every finding is a claim of the input; no rule fails."""
    ids = {c.id for c in claims}
    report = factlog.check(world(*claims))
    for finding in report.findings:
        assert set(finding.claim_ids) <= ids
        assert finding.rule != "rule_failure", finding.message


def _one_proposition(size: int) -> ClaimSet:
    """``size`` claims about one proposition, half affirming and half denying, at many times."""
    claims = [
        claim(
            f"c{n}",
            when=f"{2000 + (n // 2) % 25}" if n % 5 else f"{2000 + (n // 2) % 25}-{1 + n % 12:02d}",
            denied=n % 2 == 1,
            certainty=("certain", "possible")[n % 3 == 0],
            holder=("author", "russia", "kcna", "wire")[n % 4],
        )
        for n in range(size)
    ]
    return world(*claims)


def test_a_large_group_costs_n_log_n_not_n_squared() -> None:
    """Ten times the claims on one proposition costs about ten times the work, not a hundred.

    Counted in executed lines of factlog's own code, which does not depend on the machine.
    """
    rules = (factlog.checks.opposed_claims, factlog.checks.self_contradiction, factlog.checks.hollow_corroboration)
    # Comparing every pair of the large group's claims, at one line a pair, would cost about 60 times the small's.
    small, large = _one_proposition(500), _one_proposition(5_000)
    small_cost = lines_executed(lambda: factlog.check(small, rules))
    large_cost = lines_executed(lambda: factlog.check(large, rules))
    assert large_cost < 14 * small_cost, (small_cost, large_cost)
    report = factlog.check(large, rules)
    assert len(report.by_rule("opposed_claims")) >= 1


def _analyst_world(size: int) -> ClaimSet:
    """``size`` claims for the rules of issue 15: values, holders, totals, places, stances, hedges."""
    people = ("alice", "bob", "carol")
    claims: list[Claim] = []
    for n in range(size):
        year = 1000 + n // 8  # a few claims per year, years apart: groups stay small as the set grows
        holder = ("author", "russia", "kcna", "wire", "tabloid", "mfa-prc")[n % 6]
        kind = n % 8
        if kind == 0:
            made = claim(f"c{n}", "ruritania", "head-of-government", people[n % 3], f"{year}/{year + 1}", holder=holder)
        elif kind == 1:
            made = claim(f"c{n}", people[(n // 8) % 3], "premier-of", "ruritania", f"{year - year % 2}", holder=holder)
        elif kind == 2:
            made = claim(f"c{n}", "ruritania", "cases-reported", 5000 - n % 7, f"{year}-03-0{1 + n % 9}", holder=holder)
        elif kind == 3:  # fought in Sudzha one year, did not fight in Russia the next: one two-year span
            place, denied = ("sudzha", False) if (n // 8) % 2 == 0 else ("russia", True)
            made = claim(f"c{n}", "dprk", "fights-in", place, f"{year - year % 2}", holder=holder, denied=denied)
        elif kind == 4:
            made = claim(f"c{n}", "trump", "holds-office", "us-president", f"{year}/{year + 1}", holder=holder)
        elif kind == 5:
            made = claim(f"c{n}", "trump", "no-longer-holds-office", "us-president", f"{year + 1}-06", holder=holder)
        elif kind == 6:
            made = claim(
                f"c{n}",
                "prc",
                "destroys",
                "sites",
                f"{year}-05",
                holder=holder,
                certainty=("possible", "certain")[n % 2],
            )
        else:
            regarding = factlog.Regarding(
                claims=(f"c{n - 1}",), party="mfa-prc", stance=factlog.StanceKind.AFTER, days=7
            )
            made = claim(f"c{n}", None, holder="wire", stated=f"{year}-06", regarding=regarding)
        claims.append(made)
    return world(*claims)


def test_the_analyst_rules_cost_n_log_n_not_n_squared() -> None:
    """Ten times the claims for the rules of issue 15 costs about ten times the work, not a hundred."""
    rules = (
        factlog.checks.conflicting_values,
        factlog.checks.conflicting_holders,
        factlog.checks.exclusive_predicates,
        factlog.checks.falling_total,
        factlog.checks.misreported_stance,
        factlog.checks.opposed_claims,
        factlog.checks.interested_judgement,
        factlog.checks.understated_certainty,
        factlog.checks.self_contradiction,
    )
    # Comparing every pair of claims, at one line a pair, would cost about 47 times the small set's.
    small, large = _analyst_world(400), _analyst_world(4_000)
    small_cost = lines_executed(lambda: factlog.check(small, rules))
    large_cost = lines_executed(lambda: factlog.check(large, rules))
    assert large_cost < 14 * small_cost, (small_cost, large_cost)
    report = factlog.check(large, rules)
    for rule in ("conflicting_values", "conflicting_holders", "exclusive_predicates", "opposed_claims"):
        assert report.by_rule(rule), rule
