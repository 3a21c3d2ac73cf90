"""Assessing a large JSON Lines file in compact form: :func:`assess_lines`.

The claims are read into integer columns (line offset, id and slot hashes); claims
linked through a slot (a claim whose readings fall in several slots links them) form
components, packed whole into bins. Each bin is decoded again from its line offsets
and indexed with the small tables, in id order, and its questions are built with the
unchanged code (:func:`~factlog.assessment._questions.placed_questions`, which also
gives each question its place among the questions of the whole set). A first pass
over the bins keeps each question's votes as a few integers; truth discovery runs on
them, in the order and under the names the whole-set path gives them; a second pass
rebuilds each bin's questions, takes their beliefs and assesses them. Each assessment
is pickled to an anonymous temporary file as it is made, with its sort key kept, so
only the bins, the votes and the keys are ever held. numpy joins the components (the
``scale`` extra).
"""

from __future__ import annotations

import datetime
import functools
import math
import operator
import os
from array import array
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from factlog._bulk import paused_gc
from factlog.analysis._dependence import Groups, found_in, merged, seed
from factlog.analysis._discovery import MAX_PAIRS, MAX_ROUNDS, Discovery, Vote
from factlog.analysis._index import Index
from factlog.analysis._lines import Unstreamable, check_references, index_of, materialise, read_tables, read_whole
from factlog.assessment._assessment import (
    Assessment,
    answered,
    arguments,
    assess,
    weight,
)
from factlog.assessment._canonical import canonical
from factlog.assessment._components import Columns, bins, numpy_module
from factlog.assessment._methods import DEFAULT_METHOD, EXTRAPOLATE, SLOT_FALSE_VALUES, belief, question_name, run
from factlog.assessment._questions import Place, Question, placed_questions
from factlog.assessment._reasons import Copying
from factlog.assessment._spooled import LinesAssessment, Spooled
from factlog.assessment._spooling import Spooler, sort_key
from factlog.errors import FormatError
from factlog.io._arguments import expect_path, expect_progress, expect_sizes
from factlog.io._documents import load
from factlog.io._files import LineTooLong
from factlog.io._parsing import DEFAULT_LIMITS, FORMAT_DEPTH, Limits, orjson_module
from factlog.model._dates import PartialDate

__all__ = ["LinesAssessment", "Spooled", "assess_lines"]

_ID = operator.attrgetter("id")

BATCH = 10_000
"""Claims decoded and indexed at once while the columns are built."""
BIN = 20_000
"""Claims assessed at once: whole components are packed into bins of about this many."""


@paused_gc
def assess_lines(
    path: str | os.PathLike[str],
    *,
    as_of: PartialDate | datetime.date | str | None = None,
    method: str = DEFAULT_METHOD,
    explain: bool = True,
    batch: int = BATCH,
    bin_size: int = BIN,
    max_pairs: int | None = MAX_PAIRS,
    max_rounds: int = MAX_ROUNDS,
    extrapolate: bool = EXTRAPOLATE,
    limits: Limits = DEFAULT_LIMITS,
    progress: Callable[[str], None] | None = None,
) -> LinesAssessment | Assessment:
    """Assess one JSON Lines claim file with bounded memory; what :func:`assess` gives on :func:`load`.

    The assessment is ``assess(load(path), as_of=as_of, method=method, explain=explain)``:
    the same propositions in the same order, the same learned sources, dependences and
    rounds, the same JSON bytes (:func:`~factlog.render_assessment_json`). Memory
    grows with a few integers a claim (offsets, hashes, votes) and a sort key a
    proposition, and with the largest bin of linked claims (``bin_size``, or one slot
    larger than that), not with the whole file: the propositions are kept in a
    temporary file (:class:`LinesAssessment`). ``max_pairs``, ``max_rounds`` and
    ``extrapolate`` are as for :func:`assess`. Raises what :func:`assess` raises for
    ``as_of``, ``method``, ``explain``, ``max_pairs``, ``max_rounds`` and
    ``extrapolate``, and :class:`~factlog.ArgumentError`
    for a ``path`` that is no :class:`str` or :class:`os.PathLike` or is empty (``""``;
    the working folder is ``"."``), ``limits`` that are
    no :class:`~factlog.Limits`, or a ``batch`` or ``bin_size`` that is no :class:`int`
    or is under 1, and :class:`~factlog.InputError`
    when the temporary file of the propositions cannot be made or written (a full disk: set ``TMPDIR``,
    :func:`tempfile.gettempdir`). A file this path does not take (an older
    version, a problem on a line, an unknown id, a duplicate id, a claim without an
    id, a ``when`` in words, orjson missing) is read whole with :func:`load` and assessed with
    :func:`assess` (an :class:`~factlog.Assessment` is returned), so its errors are
    the same: :class:`~factlog.FormatError` with file, line and JSON path.

    ``limits`` bounds each line (``max_bytes``, default 1 GiB), as for
    :func:`~factlog.check_lines`: a longer line is a :class:`~factlog.FormatError`
    naming the file and the line, refused after reading one byte past the limit. A file
    read whole (and any file under limits tighter than the format's own nesting) is
    read by :func:`load` under ``limits``. ``progress``, if given, is called with each
    stage in words as it starts (``"votes: bin 3 of 40"``, ``"learning (accucopy)"``),
    as for :func:`~factlog.check_lines`; one that is not callable is an
    :class:`~factlog.ArgumentError`.
    """
    file = Path(expect_path(path, "factlog.assess_lines", limits=limits))
    when = arguments(
        as_of, method, explain, max_pairs, "factlog.assess_lines", max_rounds=max_rounds, extrapolate=extrapolate
    )
    whole = functools.partial(
        assess, as_of=when, method=method, explain=explain, max_pairs=max_pairs, max_rounds=max_rounds
    )
    expect_sizes("factlog.assess_lines", batch=batch, bin_size=bin_size)
    say = expect_progress(progress, "factlog.assess_lines")
    numpy_module()  # the compact path's one requirement beyond the plain one: said, not fallen back from
    # A named pipe or a device is never opened here (never waited on): load refuses it. Limits
    # tighter than the format's own nesting are the whole-file reader's to enforce, line by line.
    if not file.is_file() or limits.max_depth < FORMAT_DEPTH:
        return whole(load(file, limits=limits), extrapolate=extrapolate)
    try:
        return _assess_lines(
            file,
            when,
            method,
            explain=explain,
            batch=batch,
            bin_size=bin_size,
            max_pairs=max_pairs,
            max_rounds=max_rounds,
            extrapolate=extrapolate,
            reading=(limits, say),
        )
    except LineTooLong as error:
        raise FormatError(error.errors) from None
    except Unstreamable as error:
        return whole(read_whole(file, limits, error), extrapolate=extrapolate)


def _assess_lines(
    file: Path,
    when: PartialDate | None,
    method: str,
    *,
    explain: bool,
    batch: int,
    bin_size: int,
    max_pairs: int | None,
    max_rounds: int,
    extrapolate: bool,
    reading: tuple[Limits, Callable[[str], None]],
) -> LinesAssessment:
    limits, say = reading
    if orjson_module() is None:
        raise Unstreamable("orjson")
    with file.open("rb") as stream:
        offsets: array[int] = array("q")
        try:
            say("reading each claim's columns")
            base = Index.of(canonical(read_tables(stream, offsets, str(file.parent), limits, name=str(file))))
            groups = bins(_columns(stream, base, offsets, (when, batch, limits)), bin_size)
        except LineTooLong:
            raise
        except Exception as error:  # any reader's error: the whole-file reader reports it as load does
            raise Unstreamable(str(error)) from error
        claim_count = len(offsets)
        del offsets
        votes = _Votes()
        found: list[Groups] = []
        for number, part in enumerate(groups, 1):
            say(f"votes: bin {number:,} of {len(groups):,}")
            votes.add(_questions(stream, base, part, limits, found=found))
        dependent = merged(found)
        if dependent:  # sources copying across bins: each bin's origins count every bin's copying
            votes = _Votes()
            for number, part in enumerate(groups, 1):
                say(f"votes, with the sources found copying: bin {number:,} of {len(groups):,}")
                votes.add(_questions(stream, base, part, limits, dependent=dependent))
        numbers = votes.numbered()
        say(f"learning ({method})")
        discovery = votes.discover(method, max_pairs, max_rounds, extrapolate)
        del votes
        learned = (
            tuple(trust.named(base.name) for trust in discovery.sources.values()),
            discovery.dependences,
            discovery.rounds,
            discovery.converged,
            discovery.provider_limit,
        )
        copying = Copying.of(learned[1], learned[0], learned[4]) if explain else None
        spooler = Spooler(f"factlog.assess_lines: {file}")
        try:
            _spool(
                stream, base, (groups, numbers), discovery, spooler, copying=copying, reading=(limits, say, dependent)
            )
            say("putting the propositions in order")
            spooled = spooler.spooled()
        except BaseException:
            spooler.close()
            raise
    return LinesAssessment(spooled, method, when, *learned, max_rounds, extrapolate, claim_count=claim_count)


def _spool(
    stream: IO[bytes],
    base: Index,
    bins: tuple[list[Any], array[int]],
    discovery: Discovery,
    spooler: Spooler,
    *,
    copying: Copying | None,
    reading: tuple[Limits, Callable[[str], None], Groups],
) -> None:
    """The second pass: each question assessed and pickled to ``spooler`` with its sort key."""
    groups, numbers = bins
    results = discovery.questions
    position = 0
    limits, say, dependent = reading
    for done, part in enumerate(groups, 1):
        say(f"assessing: bin {done:,} of {len(groups):,}")
        for _, question in _questions(stream, base, part, limits, dependent=dependent):
            number = numbers[position]
            position += 1
            beliefs = belief(question, results.get(question_name(number)), discovery.method)
            for rank, item in enumerate(answered(question, beliefs, explain=copying is not None, copying=copying)):
                spooler.add(item, sort_key(item, number, rank))


def _columns(
    stream: IO[bytes], base: Index, offsets: array[int], options: tuple[PartialDate | None, int, Limits]
) -> Columns:
    """The columns of every claim, decoded ``batch`` claims at a time (see :class:`Columns`).

    ``options``: the date of the assessment (``as_of``), ``batch`` and the limits of a line.
    """
    when, batch, limits = options
    columns = Columns(offsets)
    for start in range(0, len(offsets), batch):
        index = index_of(base, materialise(stream, offsets[start : start + batch], limits))
        check_references(index.claims, base.vocabulary)
        for entry in index.entries:
            number = start + entry.position
            columns.ids.append(hash(entry.id))
            claim = entry.claim
            columns.references.extend(
                hash(other) for other in (*claim.answers, *(claim.regarding.claims if claim.regarding else ()))
            )
            if when is not None and (entry.stated is None or entry.stated.last_day > when.last_day):
                continue  # as known_before leaves it out
            for reading in (entry, *index.implied.get(entry.id, ())):
                proposition = reading.proposition
                if reading.key is not None and proposition is not None:
                    columns.token_claim.append(number)
                    columns.token.append(hash((proposition.subject, proposition.predicate, proposition.qualifiers)))
    return columns


def _questions(
    stream: IO[bytes],
    base: Index,
    offsets: Any,
    limits: Limits,
    *,
    dependent: Groups = (),
    found: list[Groups] | None = None,
) -> Iterator[tuple[Place, Question]]:
    """The questions of one bin of whole components, each with its place among those of the whole set.

    ``dependent``: the sources found copying in every bin (:mod:`factlog.analysis._dependence`);
    with ``found``, those this bin's claims show are added to it.
    """
    claims = sorted(materialise(stream, offsets.tolist(), limits), key=_ID)  # canonical: by id
    index = index_of(base, claims)
    if found is not None:
        found.append(found_in(index))
    return placed_questions(seed(index, dependent), weight)


class _Votes:
    """The committed, current votes of every question, as a few numbers each, and each question's place."""

    def __init__(self) -> None:
        self.places: list[Place] = []
        self.slot = bytearray()
        self.start = array("q", [0])
        self.answer, self.speaker, self.within = array("q"), array("q"), array("q")
        self.weight, self.prior = array("d"), array("d")
        self.answers: dict[str, int] = {}
        self.speakers: dict[str, int] = {}
        self.order: array[int] = array("q")

    def add(self, placed: Iterator[tuple[Place, Question]]) -> None:
        """Keep the votes of some questions (those truth discovery takes: current and committed)."""
        for place, question in placed:
            self.places.append(place)
            self.slot.append(question.slot is not None)
            for number, vote in enumerate(question.votes):
                if vote.current and vote.weight > 0:
                    self.answer.append(self.answers.setdefault(vote.answer, len(self.answers)))
                    self.speaker.append(self.speakers.setdefault(vote.origin.speaks_for, len(self.speakers)))
                    self.within.append(number)
                    self.weight.append(min(1.0, vote.weight))
                    self.prior.append(vote.origin.reliability.prior)
            self.start.append(len(self.answer))

    def numbered(self) -> array[int]:
        """Each question's number (in the order they were added) among the questions of the whole set."""
        self.order = array("q", sorted(range(len(self.places)), key=self.places.__getitem__))
        self.places = []
        numbers = array("q", bytes(8 * len(self.order)))
        for number, question in enumerate(self.order):
            numbers[question] = number
        return numbers

    def discover(self, method: str, max_pairs: int | None, max_rounds: int, extrapolate: bool) -> Discovery:
        """Truth discovery on the votes, as :func:`~factlog.assessment._methods.discover` runs it on the questions.

        The votes are let go as soon as the method has indexed them (it holds its own index).
        """
        answers, speakers = list(self.answers), list(self.speakers)
        graded: dict[str, set[float]] = {}
        domains: dict[str, float] = {}
        for number, question in enumerate(self.order):
            domains[question_name(number)] = SLOT_FALSE_VALUES if self.slot[question] else 1
            for vote in range(self.start[question], self.start[question + 1]):
                graded.setdefault(speakers[self.speaker[vote]], set()).add(self.prior[vote])
        priors = {speaker: math.fsum(found) / len(found) for speaker, found in graded.items()}
        del graded
        names = list(domains)  # one string a question, shared by its votes and the method's index

        def votes() -> Iterator[Vote]:
            for number, question in enumerate(self.order):
                name = names[number]
                for vote in range(self.start[question], self.start[question + 1]):
                    source = f"{name}/{self.within[vote]}" if method == "majority" else speakers[self.speaker[vote]]
                    yield Vote(name, answers[self.answer[vote]], source, self.weight[vote])
            names.clear()
            self.clear()

        limits = functools.partial(run, max_pairs=max_pairs, max_rounds=max_rounds, extrapolate=extrapolate)
        return limits(method, votes(), priors, domains, None)

    def clear(self) -> None:
        """Let every vote go."""
        for column in (self.order, self.start, self.answer, self.speaker, self.within):
            del column[:]
        del self.weight[:], self.prior[:]
        self.slot.clear()
        self.answers.clear()
        self.speakers.clear()
