"""``factlog assess`` and ``factlog export``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from factlog._echo import counted
from factlog.assessment import Assessment, LinesAssessment, assess, assess_lines
from factlog.assessment._reasons import unsettled_note
from factlog.cli._common import (
    EXIT_OK,
    UsageError,
    add_assessment_options,
    add_paths,
    as_of,
    limits,
    printed_warnings,
    stream_refused,
)
from factlog.cli._distributed import add_dask_options, on_cluster, refuse_stray_options
from factlog.cli._streams import write_data
from factlog.cli._terminal import progress
from factlog.errors import ArgumentError
from factlog.interchange import to_claimreview, to_prov
from factlog.interchange._claimreview import check_base
from factlog.io import load
from factlog.model import PartialDate
from factlog.render import (
    render_assessment_markdown,
    render_assessment_text,
    write_assessment_json,
)

__all__ = ["register"]


def register(commands: Any) -> None:
    """Add ``assess`` and ``export`` to the subcommands."""
    parser = commands.add_parser(
        "assess",
        help="weigh each proposition by its independent origins",
        description="For each proposition: status, Admiralty credibility, belief, origins for and against,"
        " whether it is accepted, contested or rejected against what others claim, and the reasons"
        " (docs/cli.md, 'Reading an assessment', says what each part of the text means).",
        epilog="Exit 0 when the assessment is written (disputes never change it: factlog check exits 1 for them),"
        " 2 for a usage error, 3 when the input cannot be read or the Dask cluster cannot be reached.",
    )
    add_paths(parser)
    parser.add_argument(
        "--format", choices=("text", "json", "markdown"), default="text", help="output format (default: text)"
    )
    add_assessment_options(parser)
    parser.add_argument(
        "--beliefs-only",
        action="store_true",
        help="for large runs: beliefs, statuses and learned trust, without reasons or per-claim labels",
    )
    where = add_dask_options(parser, "assess")
    where.add_argument(
        "--stream",
        action="store_true",
        help="assess one large JSON Lines file in compact form, in under 1 KiB of memory a claim (JSON output only;"
        " needs numpy, the scale extra); the same JSON as without it",
    )
    parser.set_defaults(run=_assess)

    export = commands.add_parser(
        "export",
        help="write W3C PROV-JSON or schema.org ClaimReview JSON-LD",
        description="Export claims as W3C PROV-JSON, or assessed propositions as schema.org ClaimReview,"
        " to standard output.",
        epilog="Exit 0 when written, 2 for a usage error, 3 when the input cannot be read.",
    )
    add_paths(export)
    export.add_argument("--to", choices=("prov", "claimreview"), required=True, help="the format to write")
    export.add_argument(
        "--author", default="factlog", metavar="NAME", help="ClaimReview: the reviewing organisation (default: factlog)"
    )
    export.add_argument(
        "--url",
        default="urn:factlog:review:",
        metavar="BASE",
        help="ClaimReview: the base of each review's URL; a slug and a short hash of the proposition are appended",
    )
    export.add_argument(
        "--all",
        action="store_true",
        dest="everything",
        help="ClaimReview: review every proposition someone makes, not only the disputed or doubtful ones",
    )
    export.add_argument(
        "--date",
        metavar="DATE",
        help="ClaimReview: the reviews' datePublished (default: --as-of, else the latest date a claim the review"
        " weighs was stated, for or against the proposition, else the latest date in the claims)",
    )
    add_assessment_options(export, purpose="ClaimReview")
    export.set_defaults(run=_export)


def _assess(arguments: argparse.Namespace) -> int:
    if arguments.stream:
        return _assess_stream(arguments)
    learning: dict[str, Any] = {
        "as_of": as_of(arguments),
        "method": arguments.method,
        "explain": not arguments.beliefs_only,
        "max_pairs": arguments.max_pairs,
        "max_rounds": arguments.max_rounds,
        "extrapolate": not arguments.plain_rounds,
    }
    with printed_warnings("assess"):
        result = on_cluster(
            arguments,
            "assess",
            lambda distributed, options: distributed.assess(
                [str(path) for path in arguments.paths], **learning, **options
            ),
        )
    any_claims = True  # on a cluster the claims stay with the workers, which count them
    if isinstance(result, LinesAssessment) and result.claim_count is not None:
        any_claims = result.claim_count > 0
    if result is None:
        with progress("loading claims"):
            claims = load(arguments.paths, limits=limits(arguments))
        with progress(f"assessing {counted(len(claims.claims), 'claim')}"), printed_warnings("assess"):
            result = assess(claims, **learning)
        any_claims = bool(claims.claims)
    if result.as_of is not None and any_claims and not result.propositions:
        print(f"factlog assess: no claims stated by {result.as_of}: nothing to assess", file=sys.stderr)
    if arguments.format == "json":  # the text and Markdown say it in the assessment itself
        _warn_unsettled(result)
    if arguments.format == "json":  # a proposition at a time: a cluster's result stays in a temporary file
        write_assessment_json(result, sys.stdout)
    else:
        render = render_assessment_markdown if arguments.format == "markdown" else render_assessment_text
        sys.stdout.write(render(result))
    return EXIT_OK


def _assess_stream(arguments: argparse.Namespace) -> int:
    """``assess --stream FILE.jsonl --format json``: :func:`factlog.assess_lines`, written a proposition at a time."""
    paths = [str(path) for path in arguments.paths]
    if len(paths) != 1 or not paths[0].endswith(".jsonl") or arguments.format != "json":
        raise stream_refused("assess", paths, arguments.format)
    refuse_stray_options(arguments, "assess")
    with progress("assessing claims in compact form") as stage, printed_warnings("assess"):
        result = assess_lines(
            paths[0],
            as_of=as_of(arguments),
            method=arguments.method,
            explain=not arguments.beliefs_only,
            max_pairs=arguments.max_pairs,
            max_rounds=arguments.max_rounds,
            extrapolate=not arguments.plain_rounds,
            progress=stage,
            limits=limits(arguments),
        )
    # The notes before the JSON, as the plain command prints them. The compact reading counted
    # the file's claims; a file it left to the whole-file reader is looked at again, up to its first claim.
    if result.as_of is not None and not len(result.propositions):
        counted = result.claim_count if isinstance(result, LinesAssessment) else None
        if _has_claims(Path(paths[0])) if counted is None else counted > 0:
            print(f"factlog assess: no claims stated by {result.as_of}: nothing to assess", file=sys.stderr)
    _warn_unsettled(result)
    write_assessment_json(result, sys.stdout)
    return EXIT_OK


def _warn_unsettled(result: Assessment | LinesAssessment) -> None:
    """One warning line on stderr when the learning stopped at its limit of rounds: JSON says it only as a field."""
    if not result.converged:
        print(f"factlog assess: warning: learning: {unsettled_note(result.rounds)}", file=sys.stderr)


def _has_claims(path: Path) -> bool:
    """Whether a JSON Lines claim file (already read whole and valid) holds a claim: read up to the first."""
    with path.open("rb") as stream:
        return any(b'"claim"' in line and json.loads(line).get("type") == "claim" for line in stream)


def _date(arguments: argparse.Namespace) -> PartialDate | None:
    if arguments.date is None:
        return None
    try:
        return PartialDate.parse(arguments.date)
    except ValueError as error:
        raise UsageError(f"factlog export: error: --date: {error}") from None


def _export(arguments: argparse.Namespace) -> int:
    if arguments.to == "claimreview":
        try:
            check_base(arguments.url, "--url")
        except ArgumentError as error:
            raise UsageError(f"factlog export: error: {error}") from None
    with progress("loading claims"):
        claims = load(arguments.paths, limits=limits(arguments))
    if arguments.to == "prov":
        document = to_prov(claims)
    else:
        with progress(f"assessing {counted(len(claims.claims), 'claim')}"), printed_warnings("export"):
            result = assess(
                claims,
                as_of=as_of(arguments),
                method=arguments.method,
                max_pairs=arguments.max_pairs,
                max_rounds=arguments.max_rounds,
                extrapolate=not arguments.plain_rounds,
            )
        if not result.converged:  # ClaimReview has no place to say so
            print(f"factlog export: warning: learning: {unsettled_note(result.rounds)}", file=sys.stderr)
        document = to_claimreview(
            result,
            claims,
            author=arguments.author,
            url=arguments.url,
            everything=arguments.everything,
            date=_date(arguments),
        )
    write_data(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK
