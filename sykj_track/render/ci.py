"""check's findings as GitHub Actions annotations: each on its file and line in the pull request."""

from __future__ import annotations

import os
from pathlib import Path

from ..i18n import t
from ..model import CheckReport, Problem
from ..textsafe import github_data, github_property


def _path(root: Path, file: str, base: Path) -> str:
    """`file` (relative to the ledger) relative to `base`, the repository GitHub annotates."""
    path = root / file
    try:
        return Path(os.path.relpath(path, base)).as_posix()
    except ValueError:  # another drive on Windows
        return path.as_posix()


def annotation(problem: Problem, root: Path, base: Path, lang: str = "en") -> str:
    """One `::error file=…,line=…,title=…::message` line (::warning for a warning), in `lang`."""
    command = "error" if problem.is_error else "warning"
    properties = []
    if problem.where.file and (root / problem.where.file).is_file():  # not a directory: nothing to mark
        properties.append(f"file={github_property(_path(root, problem.where.file, base))}")
        if problem.where.line:
            properties.append(f"line={problem.where.line}")
    properties.append(f"title={github_property('sykj-track check')}")
    hint = problem.hint_in(lang)
    message = problem.message_in(lang) + (f"\n{t('check.fix', lang)}{t('check.colon', lang)}{hint}" if hint else "")
    return f"::{command} {','.join(properties)}::{github_data(message)}"


def render_check_github(report: CheckReport, base: Path | None = None, lang: str = "en") -> str:
    """Every error and warning as an annotation, then the summary as a plain line. `base` is the
    directory paths are made relative to: $GITHUB_WORKSPACE when set, else the current directory."""
    base = base or Path(os.environ.get("GITHUB_WORKSPACE") or Path.cwd())
    lines = [annotation(p, Path(report.root), base, lang) for p in (*report.errors, *report.warnings)]
    s = report.summary_dict()
    verdict = t("check.github_ok" if report.ok else "check.github_failed", lang)
    lines.append(t("check.github_summary", lang, verdict=verdict, sources=s["sources"], goals=s["goals"],
                   figures=s["figures"], errors=s["errors"], warnings=s["warnings"], root=report.root))
    return "\n".join(lines) + "\n"
