"""One self-contained HTML page: summary, disputes with their assessments, timeline, relay graph.

The page is rendered by Jinja2 with autoescaping on for every template, so any text from
a claim set (statements, quotes, titles, names, notes) reaches the page as text. Autoescape
does not make a link safe: :func:`safe_url` keeps only http, https, mailto and relative
addresses. Styles and the small filter script are inline and the page carries a
Content-Security-Policy that forbids every network fetch, so it works offline and can be
mailed or attached as one file. Right-to-left names and quotes are isolated so they do not
reorder the text around them (:mod:`factlog.report._bidi`). Jinja2 and networkx are imported
only when a page is made.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from factlog._escape import escape_hidden
from factlog._escape import safe_url as _safe_url
from factlog._version import VERSION
from factlog.analysis._discovery import MAX_PAIRS, MAX_ROUNDS
from factlog.analysis._index import Index, chronological
from factlog.assessment._assessment import Assessment, arguments, assess
from factlog.assessment._legend import LEGEND_TITLE, legend
from factlog.assessment._methods import DEFAULT_METHOD, EXTRAPOLATE
from factlog.assessment._reasons import budget_note, unsettled_note
from factlog.checks._engine import Report, check
from factlog.model._claimset import ClaimSet
from factlog.model._dates import PartialDate
from factlog.report._bidi import direction, isolator
from factlog.report._disputes import claim_view, disputes, tally
from factlog.report._events import events
from factlog.report._graph import relay_graph

__all__ = ["html_report", "safe_url"]


def safe_url(value: object) -> str:
    r"""The address if it is http, https, mailto or relative; ``#`` for anything else.

    Browsers ignore spaces and control characters inside a scheme (``java\tscript:``), so
    they are removed before the scheme is read. The same test guards ClaimReview's addresses.
    Raises nothing: any value is read as ``str(value)`` (surrounding spaces stripped).
    """
    return _safe_url(value)


def _counted(number: int, word: str) -> str:
    """``1 claim``, ``2 claims``: a count with its noun, plural unless the count is one (regular nouns only)."""
    return f"{number} {word}{'s' * (number != 1)}"


def _no_bidi_controls(value: object) -> object:
    """Every value a template prints, with bidi and control characters shown as escapes (markup stays markup)."""
    if isinstance(value, str):
        return type(value)(escape_hidden(value)) if type(value) is not str else escape_hidden(value)
    return value


def _environment() -> Any:
    import jinja2  # noqa: PLC0415 - optional dependency, the [report] extra

    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("factlog.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_no_bidi_controls,
    )
    environment.filters["safe_url"] = safe_url
    environment.filters["counted"] = _counted
    environment.filters["direction"] = direction
    return environment


def _context(
    claims: ClaimSet, report: Report, assessment: Assessment, *, title: str, paths: Sequence[str]
) -> dict[str, Any]:
    index = Index.of(claims)
    grouped = disputes(report, assessment, index)
    dated = chronological(index.entries)
    everything = [claim_view(index, entry.id, assessment) for entry in dated]
    holders = sorted({view.holder for view in everything}, key=lambda e: (index.name(e).casefold(), e))
    mentioned = {entity for view in everything for entity in view.entities}
    entities = sorted(mentioned, key=lambda e: (index.name(e).casefold(), e))
    summary = report.summary()
    total, parts, _ = tally(summary, grouped)
    return {
        "title": title,
        "paths": list(paths),
        "counts": {
            "claims": len(claims.claims),
            "sources": len(claims.sources),
            "entities": len(claims.entities),
            "propositions": len(assessment.propositions),
            "errors": summary["error"],
            "warnings": summary["warning"],
            "info": summary["info"],
            "acknowledged": summary["acknowledged"],
        },
        "findings": f"{total}: {', '.join(part for part, _ in parts)}",
        "method": assessment.method,
        "version": VERSION,
        "provider_limit": assessment.provider_limit,
        "budget_note": None if assessment.provider_limit is None else budget_note(assessment.provider_limit),
        "unsettled_note": None if assessment.converged else unsettled_note(assessment.rounds),
        "as_of": "" if assessment.as_of is None else str(assessment.as_of),
        "disputes": [d for d in grouped if d.severity != "info"],
        "notes": [d for d in grouped if d.severity == "info"],
        "events": events(index),
        "graph": relay_graph(index, report.findings),
        "claims": everything,
        "holders": [(holder, index.name(holder)) for holder in holders],
        "entities": [(entity, index.name(entity)) for entity in entities],
        "isolate": isolator(index.name(entity.id) for entity in claims.entities),
        "legend_title": LEGEND_TITLE,
        "legend": legend(),
    }


def html_report(
    claims: ClaimSet,
    *,
    title: str = "factlog report",
    paths: Sequence[str] = (),
    as_of: PartialDate | str | None = None,
    method: str = DEFAULT_METHOD,
    max_pairs: int | None = MAX_PAIRS,
    max_rounds: int = MAX_ROUNDS,
    extrapolate: bool = EXTRAPOLATE,
) -> str:
    """The claim set checked and assessed, as one HTML page (a str ending in a newline).

    ``paths`` are named in the summary as what was checked; ``as_of``, ``method``,
    ``max_pairs``, ``max_rounds`` and ``extrapolate`` are passed to :func:`~factlog.assessment.assess`
    (which raises :class:`~factlog.ArgumentError`, a :class:`ValueError`, for an unknown
    method or a limit it refuses). Needs the ``[report]`` extra (Jinja2, networkx): :class:`ImportError`
    without it. The same claim set gives the same bytes.
    """
    # Refused before the check runs, naming this function.
    arguments(as_of, method, True, max_pairs, "factlog.html_report", max_rounds=max_rounds, extrapolate=extrapolate)
    report = check(claims)
    assessment = assess(
        claims, as_of=as_of, method=method, max_pairs=max_pairs, max_rounds=max_rounds, extrapolate=extrapolate
    )
    context = _context(claims, report, assessment, title=title, paths=paths)
    page: str = _environment().get_template("report.html.j2").render(context)
    return page
