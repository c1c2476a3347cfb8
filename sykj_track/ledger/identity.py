"""Whose ledger this is: the body whose reports it tracks, read from targets/ledger.toml.

The identity decides which goals are the ledger's own (an agency other than the ledger's is tagged
in every view), what the HTML report and `--help` call the ledger, and which agency a draft of a new
report is written for. A ledger without ledger.toml gets a neutral identity: the loader then takes
the agency most of its sources declare, so nothing here ever names a particular city.

The identity itself (LedgerIdentity, NEUTRAL) is part of the model; this module reads and writes
targets/ledger.toml.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import NEUTRAL, LedgerIdentity
from ..vocabulary import LANGS, Lang

if TYPE_CHECKING:
    from ..model import Problem

__all__ = ["IDENTITY_FILE", "LANGS", "NEUTRAL", "Lang", "LedgerIdentity", "load_identity", "read_identity",
           "region_of", "render_identity_toml"]

IDENTITY_FILE = "ledger.toml"

# The fields of targets/ledger.toml, each a string.
IDENTITY_FIELDS = ("name", "agency", "region", "lang")

TEMPLATE = """\
# Whose ledger this is. `sykj-track` tags goals of any other agency, titles the HTML report and
# its --help with these names, and `extract` drafts new reports for this agency.
name = {name}        # what the ledger is called, e.g. "大连市科技局目标台账"
agency = {agency}    # the body whose reports are tracked, exactly as the reports write it
region = {region}    # its city or province; views shorten 大连市工业和信息化局 to 工业和信息化局
lang = {lang}        # the language of the reports and of the report page: "zh" or "en"
"""


def render_identity_toml(identity: LedgerIdentity) -> str:
    """targets/ledger.toml for `identity`, commented, as `init` writes it."""
    from json import dumps  # a TOML basic string is a JSON string for text without control characters

    return TEMPLATE.format(**{field: dumps(getattr(identity, field), ensure_ascii=False)
                              for field in IDENTITY_FIELDS})


def read_identity(root: Path) -> tuple[LedgerIdentity, list[Problem]]:
    """The identity declared in root/targets/ledger.toml, and the problems found reading it (each with
    file:line and a fix). No file: the neutral identity. A broken field falls back to its default."""
    path = Path(root) / "targets" / IDENTITY_FILE
    if not path.is_file():
        return NEUTRAL, []
    from .load import _parse_toml, _type_name, _unknown_fields  # the loader's words and checks
    from ..model import Problem, Where

    problems: list[Problem] = []
    parsed = _parse_toml(path, Path(root), problems)
    if parsed is None:
        return NEUTRAL, problems
    data, toml = parsed

    def at(key: str) -> Where:
        return Where(toml.name, _line_of(toml.lines, key))

    for key in data:
        problems += _unknown_fields({key: None}, set(IDENTITY_FIELDS), at(key), IDENTITY_FILE)
    values: dict[str, str] = {}
    for key in IDENTITY_FIELDS:
        if key not in data:
            continue
        if isinstance(data[key], str):
            values[key] = data[key].strip()
        else:
            problems.append(Problem.of(at(key), "field.not_string", key=key, type=_type_name(data[key])))
    if not values.get("agency"):
        problems.append(Problem.of(at("agency"), "ledger.no_agency", severity="warning"))
        values.pop("agency", None)
    if values.get("lang", "zh") not in LANGS:
        problems.append(Problem.of(at("lang"), "field.choice", key="lang", value=repr(values["lang"]),
                                   allowed=", ".join(LANGS)))
        values.pop("lang")
    return LedgerIdentity(**values), problems  # type: ignore[arg-type]


def load_identity(root: Path) -> LedgerIdentity:
    """The identity of the ledger in `root` (neutral when it declares none). Problems in ledger.toml
    are left to `sykj-track check` to report; what is readable is used."""
    return read_identity(root)[0]


def _line_of(lines: list[str], key: str) -> int:
    """Line (1-based) of a top-level `key = ...`, else 1."""
    for number, text in enumerate(lines, start=1):
        if text.lstrip().startswith("["):
            break
        if text.split("=", 1)[0].strip() == key:
            return number
    return 1


_REGION = re.compile(r"^(\S+?(?:特别行政区|自治区|自治州|省|市))")


def region_of(agency: str) -> str:
    """The city or province at the start of an agency's name, or "".

    >>> region_of("大连市科学技术局"), region_of("辽宁省科学技术厅"), region_of("科技部")
    ('大连市', '辽宁省', '')
    """
    match = _REGION.match(agency.strip())
    return match.group(1) if match and len(match.group(1)) < len(agency.strip()) else ""
