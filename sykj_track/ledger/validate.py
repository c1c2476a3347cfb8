"""Checks across records, the provenance rules among them: a loaded Ledger against its seeds (which
rules, in plain words: rules.py, the list `check --help` and the README show).

Errors and warnings come back as Problems, all at once; nothing here raises on bad data.
"""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal, InvalidOperation
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from ..i18n import Msg, msg, os_reason
from ..model import Figure, Goal, Ledger, Problem, Source, Where
from ..quantity import MULTIPLIERS, QuantityError, chinese_numerals, parse_quantity, parse_unit
from .quotes import found_in_order, squeeze
from .textfile import TextFileError, decode, read_bytes

if TYPE_CHECKING:
    from .cache import Cache

SEEDS = "seeds"
_CITED = re.compile(r"^\s*file\s*=\s*[\"']seeds/([^\"'/]+)[\"']", re.MULTILINE)
_QUOTE_NUMBER = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?)(" + "|".join(MULTIPLIERS) + ")?", re.ASCII)


def _amount_in_base(written: str) -> tuple[Decimal, Decimal] | None:
    """(the number as written, the amount in base units), or None when `written` is no quantity.

    >>> _amount_in_base("2.5万家")
    (Decimal('2.5'), Decimal('25000.0'))
    """
    try:
        number, unit = parse_quantity(written)
        factor = parse_unit(unit).factor if unit else Decimal(1)
    except QuantityError:
        return None
    return number, number * factor


def number_in_quote(written: str, quote: str) -> bool:
    """Whether the quantity `written` ("2.5万家", "25000家", "394.28亿元") is in `quote`, after unit
    normalization (2.5万 in the quote matches 25000 recorded) or in characters (百项, 两个, 千亿).

    >>> number_in_quote("25000家", "高新技术企业突破2.5万家"), number_in_quote("100项", "新增百项")
    (True, True)
    >>> number_in_quote("110个", "达到100个")
    False
    """
    amount = _amount_in_base(written)
    if amount is None:
        return False
    number, base = amount
    text = squeeze(quote)
    for match in _QUOTE_NUMBER.finditer(text):
        try:
            found = Decimal(match.group(1).replace(",", ""))
        except InvalidOperation:  # pragma: no cover - the regex admits only decimals
            continue
        multiplier = MULTIPLIERS.get(match.group(2) or "", Decimal(1))
        if found == number or found * multiplier == base:
            return True
    if number == number.to_integral_value():
        return any(form in text for form in chinese_numerals(int(number)))
    return False


def seed_path(root: Path, source: Source) -> Path | Problem:
    """The seed a source cites, if it is a regular file inside root/seeds/; else the problem."""
    raw = source.file
    posix = PurePosixPath(raw.replace("\\", "/"))
    where = source.where
    hint = msg("seed.put_in", seeds=SEEDS)
    if posix.is_absolute() or raw.startswith("~") or re.match(r"^[A-Za-z]:", raw):
        return Problem.said(where, msg("seed.absolute", path=repr(raw)), hint)
    if ".." in posix.parts:
        return Problem.said(where, msg("seed.climbs", path=repr(raw)), hint)
    if len(posix.parts) < 2 or posix.parts[0] != SEEDS:
        return Problem.said(where, msg("seed.outside", path=repr(raw), seeds=SEEDS), hint)
    try:
        return _existing_seed(root, root.joinpath(*posix.parts), raw, where, hint)
    except (OSError, ValueError, RuntimeError) as exc:  # too long a name, a NUL byte, a loop of links
        reason = os_reason(exc) if isinstance(exc, OSError) else str(exc)
        return Problem.said(where, msg("seed.unusable", path=repr(raw), reason=reason), hint)


def _existing_seed(root: Path, path: Path, raw: str, where: Where, hint: Msg) -> Path | Problem:
    if not path.exists() and not path.is_symlink():
        return Problem.said(where, msg("seed.not_found", path=repr(raw)), hint)
    if not path.resolve().is_relative_to((root / SEEDS).resolve()):
        return Problem.of(where, "seed.link", path=repr(raw), target=path.resolve(), seeds=SEEDS)
    if not path.is_file():
        return Problem.said(where, msg("seed.not_file", path=repr(raw)), hint)
    return path


def validate(ledger: Ledger, quotes: bool = True, cache: Cache | None = None) -> list[Problem]:
    """Problems the loader cannot see one record at a time. `quotes=False` skips reading the seeds;
    with a cache, the quotes of a report whose seed and records are unchanged are not searched again.

    Figures that cannot both be true are analysis's to find: api.validate adds them."""
    problems: list[Problem] = []
    problems += _duplicate_sources(ledger.sources)
    records: dict[str, list[Goal | Figure]] = defaultdict(list)
    every: tuple[Goal | Figure, ...] = (*ledger.goals, *ledger.figures)
    for record in every:
        records[record.source.id].append(record)
    for source in ledger.sources:
        path = seed_path(ledger.root, source)
        if isinstance(path, Problem):
            problems.append(path)
        elif quotes:
            problems += _seed_hash(source, path)
            problems += _quotes_of(source, path, records[source.id], cache)
    problems += _conflicting_goals(ledger.goals)
    problems += _duplicates(ledger)
    problems += _uncited_seeds(ledger)
    return problems


def _seed_hash(source: Source, path: Path) -> list[Problem]:
    """A seed whose bytes no longer have the SHA-256 its source recorded: it was edited (or replaced)
    after the records were checked against it."""
    if not source.sha256:
        return []
    import hashlib

    try:
        actual = hashlib.sha256(read_bytes(path)).hexdigest()
    except OSError:
        return []  # _quotes_of says why it cannot be read
    if actual == source.sha256:
        return []
    return [Problem.of(source.where, "seed.changed", file=source.file, actual=actual, recorded=source.sha256)]


def _quotes_of(source: Source, path: Path, records: list[Goal | Figure], cache: Cache | None) -> list[Problem]:
    """Provenance problems of one report's records against its seed."""
    try:
        data = read_bytes(path)
    except OSError as exc:
        return [Problem.of(Where(source.file), "seed.unreadable", reason=os_reason(exc))]
    key = None
    if cache is not None:
        fingerprint = "\x1f".join(f"{r.where}\x1e{r.quote}\x1e{r.written}\x1e{isinstance(r, Goal) and r.revealed}"
                                  for r in records)
        key = cache.key("quotes", source.file, data, fingerprint)
        stored: list[Problem] | None = cache.get(key)
        if stored is not None:
            return stored
    try:
        seed = squeeze(decode(data, path))
    except TextFileError as exc:
        return [Problem.said(Where(source.file), exc.what, exc.fix)]
    present = found_in_order(seed, [squeeze(record.quote) for record in records])
    found = [problem for record, there in zip(records, present) for problem in _provenance(record, there)]
    if cache is not None and key is not None:
        cache.put(key, found)
    return found


def _provenance(record: Goal | Figure, in_seed: bool) -> list[Problem]:
    """The quote is in the seed and the number is in the quote."""
    problems = []
    if not in_seed:
        problems.append(Problem.of(record.where, "quote.not_found", file=record.source.file, quote=record.quote))
    revealed = isinstance(record, Goal) and record.revealed
    if not revealed and not number_in_quote(record.written, record.quote):
        problems.append(Problem.of(record.where, "quote.no_number", written=record.written, quote=record.quote))
    return problems


def _duplicate_sources(sources: tuple[Source, ...]) -> list[Problem]:
    first: dict[str, Source] = {}
    problems = []
    for source in sources:
        seen = first.setdefault(source.id, source)
        if seen is not source:
            problems.append(Problem.of(source.where, "source.twice", id=repr(source.id), first=seen.where))
    return problems


def _conflicting_goals(goals: tuple[Goal, ...]) -> list[Problem]:
    """One report cannot both set and revise a goal: two targets for one goal in one source is a typo."""
    seen: dict[tuple[str, str, int, str, str], Goal] = {}
    problems = []
    for goal in goals:
        key = (goal.source.id, goal.metric, goal.year, goal.agency, goal.basis)
        first = seen.setdefault(key, goal)
        if first is not goal and (first.op, first.target, first.target_max) != (goal.op, goal.target, goal.target_max):
            problems.append(Problem.of(goal.where, "goal.two_targets", source=goal.source.id, metric=goal.metric,
                                       year=goal.year, basis=goal.basis, first=first.written, at=first.where,
                                       second=goal.written))
    return problems


def _duplicates(ledger: Ledger) -> list[Problem]:
    counts: dict[tuple[object, ...], list[Goal | Figure]] = defaultdict(list)  # a record's fields -> its copies
    for goal in ledger.goals:
        counts[("goal", goal.source.id, goal.metric, goal.year, goal.basis, goal.agency, goal.op, goal.target)].append(goal)
    for fig in ledger.figures:
        counts[("figure", fig.source.id, fig.metric, fig.year, fig.basis, fig.value, fig.bound,
                fig.estimate, fig.as_of)].append(fig)
    return [Problem.of(later.where, "record.twice", what=msg(f"quote.{key[0]}"), first=records[0].where)
            for key, records in counts.items() if len(records) > 1 for later in records[1:]]


def _uncited_seeds(ledger: Ledger) -> list[Problem]:
    """Every entry of seeds/ (but hidden files such as .gitkeep) must be a report some source cites."""
    seeds_dir = ledger.root / SEEDS
    if not seeds_dir.is_dir():
        return []
    cited = {PurePosixPath(s.file.replace("\\", "/")).name for s in ledger.sources}
    # A targets file that did not load still names its seed: one error for it is enough.
    for path in (ledger.root / "targets").glob("*.toml"):
        try:
            cited.update(_CITED.findall(read_bytes(path).decode("utf-8", errors="replace")))
        except OSError:
            pass
    problems = []
    for path in sorted(seeds_dir.iterdir()):
        if path.name.startswith("."):
            continue
        if not path.is_file():
            problems.append(Problem.of(Where(f"{SEEDS}/{path.name}"), "seed.dir_entry", seeds=SEEDS))
        elif path.name not in cited:
            problems.append(Problem.of(Where(f"{SEEDS}/{path.name}"), "seed.uncited", seeds=SEEDS, name=path.name))
            # a report just copied in: say now, not once a targets file cites it, that it must be converted
            try:
                decode(read_bytes(path), path)
            except TextFileError as exc:
                problems.append(Problem.said(Where(f"{SEEDS}/{path.name}"), exc.what, exc.fix))
            except OSError:
                pass
    return problems
