"""Output for people and programs: findings, assessments and timelines as text, Markdown and JSON."""

from __future__ import annotations

from factlog.render._assessment import (
    assessment_document,
    render_assessment_json,
    render_assessment_markdown,
    render_assessment_text,
    write_assessment_json,
)
from factlog.render._findings import render_json, render_markdown, render_text, report_document, write_report_json
from factlog.render._timeline import (
    TimelineRow,
    entity_timeline,
    holder_timeline,
    render_timeline_json,
    render_timeline_text,
    resolve_entity,
)

__all__ = [
    "TimelineRow",
    "assessment_document",
    "entity_timeline",
    "holder_timeline",
    "render_assessment_json",
    "render_assessment_markdown",
    "render_assessment_text",
    "render_json",
    "render_markdown",
    "render_text",
    "render_timeline_json",
    "render_timeline_text",
    "report_document",
    "resolve_entity",
    "write_assessment_json",
    "write_report_json",
]
