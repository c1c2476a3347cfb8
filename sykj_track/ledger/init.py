"""Start a ledger: its identity (ledger.toml), a metric registry (empty, or another ledger's), seeds/
and targets/, and a README on how to fill them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..i18n import Msg, msg, os_reason
from .atomicwrite import write_atomic
from .identity import IDENTITY_FILE, LedgerIdentity, render_identity_toml, region_of

METRICS_TEMPLATE = """\
# The registry of measures this ledger tracks: one [metric.<id>] table per distinct measure.
# Ids are snake_case English. `aliases` are the wordings the reports use; `sykj-track extract`
# matches report text against zh and aliases, so list every wording you meet.
#
# [metric.hitech_enterprises]
# zh = "高新技术企业数量"
# en = "High-tech enterprises"
# unit = "家"            # the unit values are converted to: 家/个/项/名/人, 亿元/万元, %, 位 ...
# kind = "stock"         # stock (a level at year end) | flow (adds up over the year) | ratio | rank
# better = "higher"      # higher | lower (a rank: 18th beats 20th)
# aliases = ["高新技术企业", "高企", "高新技术企业总数"]
# note = "Why two close measures are kept apart or merged."
"""

README_TEMPLATE = """\
# {title}

{about}

- `targets/ledger.toml`: whose ledger this is (name, agency, region, language).
- `seeds/`: the reports, as published (UTF-8 text, never edited).
- `targets/metrics.toml`: the measures tracked.
- `targets/<source-id>.toml`: the goals and figures of one report, each with its exact quote.

Add a report: put its text in seeds/, then

    sykj-track --data . extract seeds/REPORT.txt --write   # draft targets/<id>.toml
    # review the draft, add new metrics to targets/metrics.toml
    sykj-track --data . check
    sykj-track --data . status
"""

ABOUT_AGENCY = "Goals that {agency} sets in its reports, against the figures its later reports give."
ABOUT_NEUTRAL = ("Goals stated in the reports kept here, against the figures later reports give. "
                 "Name the body whose reports these are in targets/ledger.toml (agency = \"...\").")

# A region is the start of an agency's name up to its first 省, 市, 自治区 ... (辽宁省科学技术厅 -> 辽宁省).


class InitError(Exception):
    """The directory already holds a ledger, or cannot be written; `what` says so as a message of the
    catalogue (sykj_track.i18n), str() in English."""

    def __init__(self, what: Msg):
        super().__init__(what.text("en"))
        self.what = what


@dataclass(frozen=True)
class InitResult:
    """What `init` made: the paths created, the identity written, and the metrics copied (0: none)."""

    created: tuple[Path, ...]
    identity: LedgerIdentity
    metrics_copied: int = 0
    to_review: tuple[str, ...] = ()  # ids of copied metrics whose wording names the other ledger's region


def init_ledger(directory: str | Path, agency: str = "", name: str = "", region: str | None = None,
                lang: str = "zh", metrics_from: str | Path | None = None) -> InitResult:
    """Create a ledger in `directory` (made if missing) for `agency` and return what was made.

    `region` defaults to the start of the agency's name (大连市); `name` to the agency. With
    `metrics_from` (a ledger directory, or its metrics.toml) the new ledger starts from that ledger's
    metric registry instead of an empty one. Refuses when targets/metrics.toml or targets/ledger.toml
    already exists there, so nothing is ever overwritten.
    """
    root = Path(directory).expanduser()
    metrics = root / "targets" / "metrics.toml"
    for existing in (metrics, root / "targets" / IDENTITY_FILE):
        if existing.exists():
            raise InitError(msg("init.exists", path=existing, root=root))
    agency = agency.strip()
    identity = LedgerIdentity(name=name.strip() or agency, agency=agency,
                              region=region_of(agency) if region is None else region.strip(),
                              lang=lang)  # type: ignore[arg-type]
    registry, copied = METRICS_TEMPLATE, 0
    review: tuple[str, ...] = ()
    if metrics_from is not None:
        registry, copied, review = _registry_of(Path(metrics_from).expanduser())
    created = []
    try:
        for sub in (root, root / "seeds", root / "targets"):
            if not sub.is_dir():
                sub.mkdir(parents=True, exist_ok=True)
                created.append(sub)
        created.append(write_atomic(root / "targets" / IDENTITY_FILE, _identity_text(identity)))
        created.append(write_atomic(metrics, registry))
        readme = root / "README.md"
        if not readme.exists():
            about = ABOUT_AGENCY.format(agency=agency) if agency else ABOUT_NEUTRAL
            created.append(write_atomic(readme, README_TEMPLATE.format(title=identity.title or "Ledger",
                                                                       about=about)))
    except OSError as exc:
        raise InitError(msg("init.cannot_create", root=root, reason=os_reason(exc))) from None
    return InitResult(tuple(created), identity, copied, review)


def _identity_text(identity: LedgerIdentity) -> str:
    text = render_identity_toml(identity)
    if identity.agency:
        return text
    # No agency given: leave the line for the user to fill; until then the ledger is neutral.
    return re.sub(r"^agency = .*$", '# agency = "大连市科学技术局"    # the body whose reports are tracked: fill in',
                  text, flags=re.MULTILINE)


def _registry_of(path: Path) -> tuple[str, int, tuple[str, ...]]:
    """The text of the metric registry at `path` (a ledger directory or a metrics.toml), the number of
    metrics in it, and the ids of those whose names, aliases or note name that ledger's region.
    Refuses a registry that does not load cleanly: a new ledger must start without errors."""
    from .identity import load_identity
    from .load import load_metrics
    from ..model import Problem

    root = path.parent.parent if path.is_file() else path
    source = root / "targets" / "metrics.toml"
    if not path.exists():
        raise InitError(msg("init.from_missing", path=path))
    if not source.is_file():
        raise InitError(msg("init.from_no_metrics", path=path))
    problems: list[Problem] = []
    metrics = load_metrics(root, problems)
    errors = [p for p in problems if p.is_error]
    if errors:
        raise InitError(msg("init.from_errors", path=path, n=len(errors), first=str(errors[0]), root=root))
    place = load_identity(root).region
    stem = re.sub(r"(市|省|自治区|特别行政区)$", "", place)
    review = tuple(m.id for m in metrics.values()
                   if stem and any(stem in text for text in (m.zh, m.note, *m.aliases)))
    return source.read_text(encoding="utf-8"), len(metrics), review
