"""One self-contained HTML page: summary, disputes with their assessments, timeline, relay graph.

The page is rendered by Jinja2 with autoescaping on for every template, so any text from
a claim set (statements, quotes, titles, names, notes) reaches the page as text. Autoescape
does not make a link safe: :func:`safe_url` keeps only http, https, mailto and relative
addresses. Styles and the small filter script are inline and the page carries a
Content-Security-Policy that forbids every network fetch, so it works offline and can be
mailed or attached as one file. Jinja2 and networkx are imported only when a page is made.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from factlog.analysis._index import Index
from factlog.assessment._assessment import Assessment, assess
from factlog.assessment._methods import DEFAULT_METHOD
from factlog.checks._engine import Report, check
from factlog.model._claimset import ClaimSet
from factlog.model._dates import PartialDate
from factlog.report._disputes import claim_view, disputes
from factlog.report._events import events
from factlog.report._graph import relay_graph

__all__ = ["html_report", "safe_url"]

_SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"^([^/?#]*?):")


def safe_url(value: object) -> str:
    r"""The address if it is http, https, mailto or relative; ``#`` for anything else.

    Browsers ignore spaces and control characters inside a scheme (``java\tscript:``), so
    they are removed before the scheme is read.
    """
    text = str(value)
    cleaned = "".join(ch for ch in text if ord(ch) > 0x20 and ch != "\x7f")
    found = _SCHEME.match(cleaned)
    if found is not None and found.group(1).lower() not in _SAFE_SCHEMES:
        return "#"
    return text.strip()


def _environment() -> Any:
    import jinja2  # noqa: PLC0415 - optional dependency, the [report] extra

    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("factlog.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["safe_url"] = safe_url
    return environment


def _context(
    claims: ClaimSet, report: Report, assessment: Assessment, *, title: str, paths: Sequence[str]
) -> dict[str, Any]:
    index = Index.of(claims)
    grouped = disputes(report, assessment, index)
    dated = sorted(index.entries, key=lambda e: (e.stated.sort_key if e.stated is not None else (0, 0), e.id))
    everything = [claim_view(index, entry.id, assessment) for entry in dated]
    holders = sorted({view.holder for view in everything}, key=lambda e: (index.name(e).casefold(), e))
    mentioned = {entity for view in everything for entity in view.entities}
    entities = sorted(mentioned, key=lambda e: (index.name(e).casefold(), e))
    summary = report.summary()
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
        "method": assessment.method,
        "as_of": "" if assessment.as_of is None else str(assessment.as_of),
        "disputes": [d for d in grouped if d.severity != "info"],
        "notes": [d for d in grouped if d.severity == "info"],
        "events": events(index),
        "graph": relay_graph(index, report.findings),
        "claims": everything,
        "holders": [(holder, index.name(holder)) for holder in holders],
        "entities": [(entity, index.name(entity)) for entity in entities],
    }


def html_report(
    claims: ClaimSet,
    *,
    title: str = "factlog report",
    paths: Sequence[str] = (),
    as_of: PartialDate | str | None = None,
    method: str = DEFAULT_METHOD,
) -> str:
    """The claim set checked and assessed, as one HTML page (a str ending in a newline).

    ``paths`` are named in the summary as what was checked; ``as_of`` and ``method`` are
    passed to :func:`~factlog.assessment.assess` (which raises :class:`ValueError` for an
    unknown method). Needs the ``[report]`` extra (Jinja2, networkx): :class:`ImportError`
    without it. The same claim set gives the same bytes.
    """
    report = check(claims)
    assessment = assess(claims, as_of=as_of, method=method)
    context = _context(claims, report, assessment, title=title, paths=paths)
    page: str = _environment().get_template("report.html.j2").render(context)
    return page
