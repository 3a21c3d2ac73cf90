"""A report a reporter can hand on: one self-contained HTML page of disputes, assessments, timeline and relays.

Needs the ``[report]`` extra (Jinja2 for the page, networkx for the graph layout); both
are imported only when a page is made, so importing factlog stays light.
"""

from __future__ import annotations

from factlog.report._events import DateGiven, Event, events, render_events_text
from factlog.report._html import html_report, safe_url

__all__ = ["DateGiven", "Event", "events", "html_report", "render_events_text", "safe_url"]
