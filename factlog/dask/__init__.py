"""Check and assess on a Dask cluster: the same rules, the same findings, in the same order.

An optional extra (``pip install -e '.[dask]'`` in a checkout), never imported by
``import factlog``. Claims are partitioned by their normalised slot key (subject and
predicate family), and again by holder, by source and by claim id for the rules that
read those groups; the small tables (entities, predicates, sources, acknowledgements)
go to every worker. Each partition runs the rule functions of :mod:`factlog.checks`
on an index of its claims, and the findings are put in the single process's order by
the engine's own ``finish``. See ``docs/scale.md``.
"""

from __future__ import annotations

try:
    import dask
    import distributed
except ImportError as error:  # say what to install, not which module of Dask is missing
    raise ImportError(
        "factlog.dask needs Dask and its distributed scheduler, the dask extra of factlog-claims:"
        " pip install -e '.[dask]' in a checkout of factlog, or pip install 'dask[distributed]'",
        name=error.name,
    ) from error

from factlog.dask._assessing import assess
from factlog.dask._cluster import ClaimsOrPaths, check, local_client

del dask, distributed

__all__ = ["ClaimsOrPaths", "assess", "check", "local_client"]
