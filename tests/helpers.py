"""What the tests share: small claim sets written a line each, generated scenarios, and the CLI runner.

``claim`` and ``world`` build claim sets for rule tests; ``echo_cluster`` and friends
generate truth-discovery scenarios; ``run`` calls ``factlog.cli.main`` in-process and
captures what it prints, as a user at a terminal would see it (one test in
``tests/cli/test_entry_point.py`` runs the real entry point instead).
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import os
import pickle
import random
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from types import FrameType
from typing import Any, TypeVar

import attrs
import pytest

import factlog
from factlog import (
    Acknowledgement,
    Attribution,
    Certainty,
    Claim,
    ClaimSet,
    DateValue,
    Entity,
    EntityKind,
    Evidence,
    Interval,
    PartialDate,
    Polarity,
    Predicate,
    PredicateKind,
    Proposition,
    Quantity,
    Regarding,
    Reliability,
    Source,
    TextValue,
    cli,
)
from factlog.analysis._discovery import Vote
from factlog.io._log import record_body

ENTITIES = (
    Entity(id="dprk", name="North Korea", kind=EntityKind.COUNTRY, aliases=("DPRK", "Pyongyang")),
    Entity(id="russia", name="Russia", kind=EntityKind.COUNTRY, aliases=("Moscow",)),
    Entity(id="prc", name="China", kind=EntityKind.COUNTRY, aliases=("Beijing",)),
    Entity(id="trump", name="Donald Trump", kind=EntityKind.PERSON),
    Entity(id="us-president", name="President of the United States", kind=EntityKind.OTHER),
    Entity(id="kcna", name="KCNA", kind=EntityKind.MEDIA_OUTLET, affiliation="dprk", reliability=Reliability.D),
    Entity(id="mfa-prc", name="Chinese Foreign Ministry", kind=EntityKind.GOVERNMENT_BODY, affiliation="prc"),
    Entity(id="analysts", name="analysts", kind=EntityKind.GROUP, anonymous=True),
    Entity(id="western-intelligence", name="Western intelligence", kind=EntityKind.GROUP, anonymous=True),
    Entity(id="tabloid", name="A tabloid", kind=EntityKind.MEDIA_OUTLET, reliability=Reliability.E),
    Entity(id="author", name="The author", kind=EntityKind.MEDIA_OUTLET),
    Entity(id="paper-a", name="Paper A", kind=EntityKind.MEDIA_OUTLET),
    Entity(id="paper-b", name="Paper B", kind=EntityKind.MEDIA_OUTLET),
    Entity(id="wire", name="The wire", kind=EntityKind.MEDIA_OUTLET),
    Entity(id="visit", name="the visit", kind=EntityKind.EVENT),
    Entity(id="peskov", name="the Kremlin spokesman", kind=EntityKind.PERSON, affiliation="russia"),
    Entity(id="ruritania", name="Ruritania", kind=EntityKind.COUNTRY),
    Entity(id="alice", name="Alice Example", kind=EntityKind.PERSON),
    Entity(id="bob", name="Bob Example", kind=EntityKind.PERSON),
    Entity(id="carol", name="Carol Example", kind=EntityKind.PERSON),
    Entity(id="ukraine", name="Ukraine", kind=EntityKind.COUNTRY),
    Entity(id="kursk", name="the Kursk region", kind=EntityKind.PLACE, part_of=("russia",)),
    Entity(id="sudzha", name="Sudzha", kind=EntityKind.PLACE, part_of=("kursk",)),
    Entity(id="sites", name="the enrichment sites", kind=EntityKind.PLACE),
)
PREDICATES = (
    Predicate(
        id="supplies-weapons-to", label="supplies weapons to", kind=PredicateKind.STATE, inverse="receives-weapons-from"
    ),
    Predicate(id="visits", label="visits", kind=PredicateKind.EVENT),
    Predicate(id="allied-with", label="is allied with", kind=PredicateKind.STATE, symmetric=True),
    Predicate(
        id="holds-office",
        label="holds the office of",
        kind=PredicateKind.STATE,
        exclusive_with=("no-longer-holds-office",),
    ),
    Predicate(id="no-longer-holds-office", label="no longer holds the office of", kind=PredicateKind.STATE),
    Predicate(id="former-holder-of", label="formerly held the office of", kind=PredicateKind.STATE),
    Predicate(id="head-of-government", label="has as head of government", kind=PredicateKind.STATE, functional=True),
    Predicate(id="premier-of", label="is premier of", kind=PredicateKind.STATE, inverse_functional=True),
    Predicate(
        id="cases-reported", label="cases reported to date", kind=PredicateKind.STATE, cumulative=True, tolerance=0.01
    ),
    Predicate(id="destroys", label="destroyed", kind=PredicateKind.EVENT, evaluative=True),
    Predicate(id="fights-in", label="fights in", kind=PredicateKind.EVENT),
    Predicate(id="battle-place", label="has its battle in", kind=PredicateKind.STATE, functional=True),
    Predicate(
        id="troops-deployed",
        label="number of troops deployed",
        kind=PredicateKind.STATE,
        functional=True,
        tolerance=0.1,
    ),
    Predicate(id="takes-place-on", label="takes place on", kind=PredicateKind.STATE, functional=True),
    Predicate(id="leader-of", label="leads", kind=PredicateKind.STATE, functional=True),
)
SOURCES = (
    Source(id="s1", title="Story one", publisher="author", published=PartialDate.parse("2025-10")),
    Source(id="s2", title="Wire story", publisher="wire", published=PartialDate.parse("2025-10")),
    Source(
        id="s3",
        title="Paper A's copy",
        publisher="paper-a",
        published=PartialDate.parse("2025-10"),
        derived_from=("s2",),
    ),
    Source(
        id="s4",
        title="Paper B's copy",
        publisher="paper-b",
        published=PartialDate.parse("2025-10"),
        derived_from=("s3",),
    ),
    Source(id="s5", title="Another story", publisher="paper-b", published=PartialDate.parse("2025-11")),
)


def claim(
    id: str,
    subject: str | None = "dprk",
    predicate: str = "supplies-weapons-to",
    obj: Any = "russia",
    when: str | None = "2025",
    *,
    denied: bool = False,
    certainty: str = "certain",
    holder: str = "author",
    source: str = "s1",
    answers: tuple[str, ...] = (),
    stated: str | None = None,
    via: tuple[str, ...] = (),
    qualifiers: dict[str, str] | None = None,
    regarding: Regarding | None = None,
) -> Claim:
    """A claim; ``subject=None`` gives one without a proposition."""
    if isinstance(obj, str) and obj.startswith("date:"):
        obj = DateValue(date=Interval.parse(obj.removeprefix("date:")))
    elif isinstance(obj, (int, float)):
        obj = Quantity(amount=obj)
    proposition = None
    if subject is not None:
        proposition = Proposition(
            subject=subject,
            predicate=predicate,
            object=obj,
            qualifiers=qualifiers or {},
            when=None if when is None else Interval.parse(when),
        )
    return Claim(
        id=id,
        statement=f"Statement {id}.",
        proposition=proposition,
        polarity=Polarity.DENIED if denied else Polarity.AFFIRMED,
        certainty=Certainty.parse(certainty),
        attribution=Attribution(holder=holder, via=via),
        evidence=(Evidence(source=source, quote=f"quote {id}", start=0, end=len(f"quote {id}")),),
        stated=None if stated is None else Interval.parse(stated),
        answers=answers,
        regarding=regarding,
    )


def world(*claims: Claim, acknowledged: tuple[tuple[str, str], ...] = ()) -> ClaimSet:
    """The shared entities, predicates and sources with the given claims."""
    return ClaimSet(
        entities=ENTITIES,
        predicates=PREDICATES,
        sources=SOURCES,
        claims=claims,
        acknowledged=tuple(Acknowledgement(finding=f, note=n) for f, n in acknowledged),
    )


VALUES = ("v0", "v1", "v2", "v3", "v4")


def echo_cluster(
    seed: int,
    questions: int = 2000,
    independent: int = 9,
    good: float = 0.75,
    bad: float = 0.35,
    copiers: int = 10,
    copied: bool = True,
    declared: bool = True,
) -> tuple[ClaimSet, dict[str, str]]:
    """Functional questions answered by independent origins and one echoed origin.

    ``independent`` origins give the true value with probability ``good``; one origin
    gives it with probability ``bad``, and ``copiers`` other outlets repeat it: half by
    relaying (``via``), half as rewrites of its source (``derived_from``). With
    ``copied=False`` the copiers answer on their own, like the independent origins but
    with the bad origin's accuracy; with ``declared=False`` they repeat it in their own
    voice, with no relay and no ``derived_from``: copying nobody declared. Returns the
    claim set and the truth per subject.
    """
    rng = random.Random(seed)
    origins = [f"origin-{n}" for n in range(independent)]
    echo, relays = "echoed", [f"copier-{n}" for n in range(copiers)]
    entities = [Entity(id=name, name=name, kind=EntityKind.MEDIA_OUTLET) for name in (*origins, echo, *relays)]
    subjects = [f"q{n}" for n in range(questions)]
    entities += [Entity(id=subject, name=subject, kind=EntityKind.EVENT) for subject in subjects]
    sources = [Source(id=f"s-{name}", title=name, publisher=name) for name in (*origins, echo)]
    for number, relay in enumerate(relays):
        derived = ("s-echoed",) if copied and declared and number % 2 else ()
        sources.append(Source(id=f"s-{relay}", title=relay, publisher=relay, derived_from=derived))
    claims: list[Claim] = []
    truth: dict[str, str] = {}

    def answer(accuracy: float, correct: str) -> str:
        return correct if rng.random() < accuracy else rng.choice([v for v in VALUES if v != correct])

    def say(subject: str, value: str, holder: str, source: str, via: tuple[str, ...] = ()) -> None:
        quote = f"{subject} is {value}"
        claims.append(
            Claim(
                id=f"{subject}-{holder}-{source}",
                statement=quote,
                proposition=Proposition(subject=subject, predicate="has-value", object=TextValue(text=value)),
                attribution=Attribution(holder=holder, via=via),
                evidence=(Evidence(source=source, quote=quote, start=0, end=len(quote)),),
            )
        )

    for subject in subjects:
        truth[subject] = correct = rng.choice(VALUES)
        for origin in origins:
            say(subject, answer(good, correct), origin, f"s-{origin}")
        echoed = answer(bad, correct)
        say(subject, echoed, echo, "s-echoed")
        for number, relay in enumerate(relays):
            if not copied:
                say(subject, answer(bad, correct), relay, f"s-{relay}")
            elif not declared or number % 2:
                say(subject, echoed, relay, f"s-{relay}")
            else:
                say(subject, echoed, echo, f"s-{relay}", via=(relay,))
    predicate = Predicate(id="has-value", label="has value", kind=PredicateKind.STATE, functional=True)
    return ClaimSet(
        entities=tuple(entities), predicates=(predicate,), sources=tuple(sources), claims=tuple(claims)
    ), truth


ROOT = Path(__file__).parent.parent
GOLDEN = ROOT / "tests" / "golden" / "v1.json"


@attrs.frozen
class Ran:
    """What one run of the command printed, and its exit code."""

    returncode: int
    stdout: str
    stderr: str


def run(*args: str, cwd: Path = ROOT) -> Ran:
    """Run ``factlog ARGS...`` in-process from ``cwd`` with NO_COLOR set, capturing both streams."""
    out, err = io.StringIO(), io.StringIO()
    saved = os.environ.get("NO_COLOR")
    os.environ["NO_COLOR"] = "1"
    try:
        with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = cli.main(list(args))
            except SystemExit as exit_:  # argparse exits on usage errors and --help
                code = exit_.code if isinstance(exit_.code, int) else 2
    finally:
        if saved is None:
            del os.environ["NO_COLOR"]
        else:
            os.environ["NO_COLOR"] = saved
    return Ran(code, out.getvalue(), err.getvalue())


def findings_of(rule: factlog.Rule, claims: ClaimSet) -> list[factlog.Finding]:
    """The findings of one rule, sorted as a check sorts them."""
    return list(factlog.check(claims, (rule,)).findings)


def sides(finding: factlog.Finding) -> dict[str, set[str]]:
    """A finding's claims by side, as sets."""
    return {side: set(ids) for side, ids in finding.claims}


def lines_executed(function: Callable[[], object]) -> int:
    """How many lines of factlog's code run during a call: a count, not a timing (for complexity tests)."""
    count = 0

    def tracer(frame: FrameType, event: str, arg: object) -> Any:
        nonlocal count
        if "factlog" not in frame.f_code.co_filename:
            return None
        if event == "line":
            count += 1
        return tracer

    previous = sys.gettrace()  # coverage's tracer, when it runs: put it back afterwards
    sys.settrace(tracer)
    try:
        function()
    finally:
        sys.settrace(previous)
    return count


def remade(value: Any) -> list[Any]:
    """The same attrs object made every way the library and its users make one: fields, evolve, pickle, copies."""
    fields = {field.alias: getattr(value, field.name) for field in attrs.fields(type(value))}
    return [
        type(value)(**fields),
        attrs.evolve(value),
        pickle.loads(pickle.dumps(value)),
        copy.copy(value),
        copy.deepcopy(value),
    ]


def import_history(log: factlog.ClaimLog, folder: Path, records: Sequence[factlog.Record]) -> int:
    """Import records as a JSON Lines log, one transaction at 2025-10-01T12:00:01Z: a history appends would refuse.

    A second after the appends the tests date at noon: an import at a store's latest time is refused.
    """
    return log.import_lines(history_file(folder, records))


def history_file(folder: Path, records: Sequence[factlog.Record]) -> Path:
    """``folder/history.jsonl``: records as a JSON Lines log of one transaction at 2025-10-01T12:00:01Z."""
    lines = [json.dumps({"format": "factlog-log", "version": 1})]
    for record in records:
        kind, _, action, body = record_body(record)
        if action == "retract":
            assert isinstance(record, factlog.Retraction)
            lines.append(json.dumps({"at": "2025-10-01T12:00:01Z", "type": "retraction", **attrs.asdict(record)}))
        else:
            lines.append(json.dumps({"at": "2025-10-01T12:00:01Z", "type": kind, **body}))
    path = folder / "history.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def assessment_json(assessment: factlog.Assessment | factlog.LinesAssessment) -> str:
    """An assessment's JSON, as ``factlog assess --format json`` writes it."""
    out = io.StringIO()
    factlog.write_assessment_json(assessment, out)
    return out.getvalue()


def generated_lines(folder: Path, size: int, seed: int = 1) -> Path:
    """``size`` claims of the benchmarks' generator (``seed``) written as ``folder/claims.jsonl``."""
    from benchmarks.generate import generate, write  # noqa: PLC0415 - only the tests of large sets need it

    path = folder / "claims.jsonl"
    write(generate(size, seed), path)
    return path


def acknowledgement_lines(path: Path) -> list[int]:
    """The lines (from 1) of a JSON Lines file's acknowledgement records, each line parsed by the standard library."""
    lines = path.read_text(encoding="utf-8").split("\n")
    return [
        number
        for number, line in enumerate(lines, start=1)
        if number > 1 and line.strip() and json.loads(line).get("type") == "acknowledgement"
    ]


def random_votes(seed: int, sources: tuple[int, int] = (30, 120), questions: tuple[int, int] = (1, 60)) -> list[Vote]:
    """Random votes (``random.Random(seed)``) of ``sources`` (a range) sources on ``questions`` questions.

    Each source votes on a share of the questions (a fifth, half or nine tenths), for one of
    2–5 answers, with weight 1, 0.5 or 0.25: sets whose rounds jump and undo jumps.
    """
    rng = random.Random(seed)
    count, asked, answers = rng.randrange(*sources), rng.randrange(*questions), rng.randrange(2, 6)
    return [
        Vote(f"q{q}", f"a{rng.randrange(answers)}", f"s{s}", rng.choice([1.0, 0.5, 0.25, 1.0]))
        for s in range(count)
        for q in range(asked)
        if rng.random() < rng.choice([0.2, 0.5, 0.9])
    ]


@contextlib.contextmanager
def read_end(fifo: Path) -> Iterator[list[bytes]]:
    """The read end of ``fifo``, open before the write (so the writer never waits); yields what it read after."""
    os.mkfifo(fifo)
    descriptor = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    read: list[bytes] = []
    try:
        yield read
        with contextlib.suppress(BlockingIOError):  # no writer ever came: nothing to read
            while chunk := os.read(descriptor, 1 << 16):
                read.append(chunk)
    finally:
        os.close(descriptor)


def devices_guarded(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail, before it happens, any creation of a file in /dev or rename there: a test never replaces a device."""
    opened, replaced = os.open, os.replace

    def guarded_open(path: Any, flags: int, *rest: Any, **named: Any) -> int:
        if flags & os.O_CREAT and os.fspath(path).startswith("/dev/"):
            raise AssertionError(f"a file was about to be made in /dev: {path}")
        return opened(path, flags, *rest, **named)

    def guarded_replace(source: Any, target: Any, **named: Any) -> None:
        if os.fspath(target).startswith("/dev/"):
            raise AssertionError(f"{target} was about to be replaced")
        replaced(source, target, **named)

    monkeypatch.setattr(os, "open", guarded_open)
    monkeypatch.setattr(os, "replace", guarded_replace)


KILOMETRE_SPELLINGS = (
    ("km", 1),
    ("kilometres", 1),
    ("kilometre", 1),
    ("kilometer", 1),
    ("m", 1000),
    ("metres", 1000),
    ("cm", 100_000),
)
"""Ways to give a figure in kilometres: a spelling of the unit, or the figure converted exactly."""


Node = TypeVar("Node")
"""A node of a graph of links (an id)."""


def links_on_cycles(links: Mapping[Node, Iterable[Node]]) -> set[tuple[Node, Node]]:
    """The links ``(a, b)`` on a cycle (``b`` leads back to ``a``), by brute force: an oracle for cycle checks."""

    def reaches(start: Node, goal: Node) -> bool:
        seen, pending = set(), [start]
        while pending:
            node = pending.pop()
            if node == goal:
                return True
            if node not in seen:
                seen.add(node)
                pending.extend(links.get(node, ()))
        return False

    return {(a, b) for a, targets in links.items() for b in targets if reaches(b, a)}


def assert_every_path_alike(claims: ClaimSet, path: Path) -> None:
    """The check and the assessment of ``claims`` give the same JSON bytes on every path.

    One process; the incremental :class:`~factlog.Checker` fed the claims in two parts at
    every split; the Dask path in two partitions; and ``check_lines`` / ``assess_lines``
    over ``path`` (a JSON Lines file written here), the check in bins of two claims.
    """
    import factlog.dask  # noqa: PLC0415 - Dask only for the tests that ask for it
    from factlog.render import render_assessment_json, render_json  # noqa: PLC0415

    expected = render_json(factlog.check(claims))
    assessed = render_assessment_json(factlog.assess(claims))
    for half in range(1, len(claims.claims)):
        checker = factlog.Checker(attrs.evolve(claims, claims=claims.claims[:half]))
        checker.add(claims.claims[half:])
        assert render_json(checker.report()) == expected, half
    assert render_json(factlog.dask.check(claims, partitions=2)) == expected
    assert render_assessment_json(factlog.dask.assess(claims, partitions=2)) == assessed
    path.write_text(factlog.dumps_lines(claims), encoding="utf-8")
    assert render_json(factlog.check_lines(path, batch=1, bin_size=2)) == expected
    assert render_assessment_json(factlog.assess_lines(path)) == assessed
