"""Rendering: verdicts, diffs, audits, series and the ledger as tables, JSON, CSV and one HTML page.

Knows nothing of how verdicts are reached. One module per view (verdicts; diffs for diff and audit;
chart for `show`; html for `report`), one table renderer (tables: rich, fitted to the terminal), one
module of labels (labels: the words of a verdict, taken from sykj_track.i18n). Importing the package
costs no more than the verdicts module: rich is imported only when a table is drawn.
"""

from __future__ import annotations

from .labels import (BOUND_SIGNS, OP_SIGNS, STATUS_STYLE, actual_text, interval_text, reason_text, shown_status,
                     status_label, target_text)
from .verdicts import (COLUMNS, problem_text, render_check, render_check_json, render_csv, render_json,
                       render_metrics, render_metrics_json, render_quotes, render_sources, render_sources_csv,
                       render_sources_json, render_table, summary_record, verdict_record, with_bom)

__all__ = ["BOUND_SIGNS", "COLUMNS", "OP_SIGNS", "STATUS_STYLE", "actual_text", "interval_text", "problem_text",
           "reason_text", "render_check", "render_check_json", "render_csv", "render_json", "render_metrics",
           "render_metrics_json", "render_quotes", "render_sources", "render_sources_csv", "render_sources_json", "render_table",
           "shown_status", "status_label", "summary_record", "target_text", "verdict_record", "with_bom"]
