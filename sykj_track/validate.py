"""Checks across records: every quote is in its seed, every number is in its quote, no report
states two different targets for one goal, and every seed has its targets file."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from .model import Figure, Goal, Ledger, Problem, Where
from .quantity import QuantityError, chinese_numerals, parse_quantity

_SPACE = re.compile(r"\s+")


def squeeze(text: str) -> str:
    """Drop all whitespace: PDF text breaks lines and puts spaces inside numbers (2022 年, 8416 项)."""
    return _SPACE.sub("", text)


def _number_in_quote(record: Goal | Figure) -> bool:
    try:
        number, _ = parse_quantity(record.written)
    except QuantityError:
        return False
    quote = squeeze(record.quote)
    forms = {f"{number:f}", f"{number.normalize():f}"}
    if number == number.to_integral_value():
        forms |= chinese_numerals(int(number))  # 百项, 两个, 千亿
    return any(form in quote for form in forms)


def validate(ledger: Ledger, quotes: bool = True) -> list[Problem]:
    """Problems the loader cannot see one record at a time. `quotes=False` skips reading the seeds."""
    problems: list[Problem] = []
    seeds: dict[str, str | None] = {}
    for source in ledger.sources:
        path = ledger.root / source.file
        if not path.is_file():
            problems.append(Problem(source.where, f"seed file {source.file} not found",
                                    "put the report text in seeds/ and cite it as file = \"seeds/<name>.txt\""))
            seeds[source.id] = None
        elif quotes:
            seeds[source.id] = squeeze(path.read_text(encoding="utf-8"))
    if quotes:
        for record in (*ledger.goals, *ledger.figures):
            seed = seeds.get(record.source.id)
            if seed is not None and squeeze(record.quote) not in seed:
                problems.append(Problem(record.where, f"quote not found in {record.source.file}: "
                                        f"「{record.quote}」",
                                        "copy the clause from the seed exactly; only spaces and line "
                                        "breaks may differ"))
            revealed = isinstance(record, Goal) and record.revealed
            if not revealed and not _number_in_quote(record):
                problems.append(Problem(record.where, f"the number {record.written} is not in its quote "
                                        f"「{record.quote}」",
                                        "quote the clause that carries the number, or, for a goal "
                                        "worked out from the text, set revealed = true and explain in note"))
    problems += _conflicting_goals(ledger.goals)
    problems += _duplicates(ledger)
    problems += _uncited_seeds(ledger)
    return problems


def _conflicting_goals(goals: tuple[Goal, ...]) -> list[Problem]:
    """One report cannot both set and revise a goal: two targets for one goal in one source is a typo."""
    seen: dict[tuple, Goal] = {}
    problems = []
    for goal in goals:
        key = (goal.source.id, goal.metric, goal.year, goal.agency, goal.basis)
        first = seen.setdefault(key, goal)
        if first is not goal and (first.op, first.target, first.target_max) != (goal.op, goal.target, goal.target_max):
            problems.append(Problem(goal.where, f"{goal.source.id} states two targets for {goal.metric} "
                                    f"{goal.year} ({goal.basis}): {first.written} at {first.where} and "
                                    f"{goal.written}",
                                    "keep one goal per metric, year, agency and basis in a report; a "
                                    "second measure needs a metric of its own"))
    return problems


def _duplicates(ledger: Ledger) -> list[Problem]:
    counts: dict[tuple, list[Goal | Figure]] = defaultdict(list)
    for goal in ledger.goals:
        counts[("goal", goal.source.id, goal.metric, goal.year, goal.basis, goal.agency, goal.op, goal.target)].append(goal)
    for fig in ledger.figures:
        counts[("figure", fig.source.id, fig.metric, fig.year, fig.basis, fig.value, fig.bound,
                fig.estimate, fig.as_of)].append(fig)
    return [Problem(later.where, f"same {key[0]} recorded twice (first at {records[0].where})",
                    "record a statement once per report; drop this one")
            for key, records in counts.items() if len(records) > 1 for later in records[1:]]


def _uncited_seeds(ledger: Ledger) -> list[Problem]:
    seeds_dir = ledger.root / "seeds"
    if not seeds_dir.is_dir():
        return []
    cited = {Path(s.file).name for s in ledger.sources}
    return [Problem(Where(f"seeds/{path.name}"), "no targets file cites this report",
                    f"add targets/<source-id>.toml with file = \"seeds/{path.name}\"")
            for path in sorted(seeds_dir.glob("*.txt")) if path.name not in cited]
