"""What `sykj-track check` refuses and what it warns about, in plain words: the one list that
`check --help` and the README are made from (docs/generate.py writes the README's copy).

The checks themselves are in load (fields, types, units, years), validate (seeds, quotes, numbers,
duplicates), identity (ledger.toml) and analysis/audit (figures that disagree); a rule added there is
written here too. Imports nothing, so the CLI can build its --help from it at start-up.
"""

from __future__ import annotations

import textwrap

FIRST_YEAR, LAST_YEAR = 1949, 2100  # the years a report may speak of

# Each rule: how the README says it (Markdown), and how --help says it (plain, shorter).
ERRORS: tuple[tuple[str, str], ...] = (
    ("TOML syntax; unknown or missing fields, wrong types, bad dates, an `op`/`bound`/`basis`/`kind` "
     "outside its list; an empty quote",
     "TOML syntax; unknown or missing fields, wrong types, bad dates, an op/bound/basis/kind outside its "
     "list; an empty quote"),
    ("no `targets/metrics.toml`; a metric id not in snake_case; unknown metrics; a unit that cannot be "
     "converted to its metric's; a `part_of` that names no metric, counts in another kind of unit or goes "
     "round in a circle",
     "no targets/metrics.toml; a metric id not in snake_case; unknown metrics; units that do not fit their "
     "metric; a part_of that names no metric or goes in a circle"),
    (f"a year outside {FIRST_YEAR}..{LAST_YEAR}; an `as_of` outside its figure's year; a value beyond any "
     "real figure; `between` without a `target_max` above its `target`, or a `target_max` without `between`",
     f"years outside {FIRST_YEAR}..{LAST_YEAR}; an as_of outside its year; a value beyond any real figure; "
     "between without a target_max above the target"),
    ("a source whose `id` is not its file's name, or whose `file` is not a UTF-8 text inside `seeds/` "
     "(no absolute paths, no `..`, no links out; "
     "a GB18030 file is named as such, with the `iconv` line that converts it); a `url` or `archive_url` "
     "that is not http(s); a seed whose SHA-256 is not the `sha256` recorded",
     "a source whose id is not its file's name or whose file is not a UTF-8 text inside seeds/; a url "
     "that is not http(s); a seed whose "
     "SHA-256 is not the sha256 recorded"),
    ("a quote not in its seed (compared after Unicode NFKC normalization, with all whitespace removed)",
     "a quote not in its seed (compared after NFKC and with all whitespace removed)"),
    ("a number not in its quote (after unit normalization: a quote saying 2.5万家 carries 25000 家, "
     "394.28亿元 carries 394.28)",
     "a number not in its quote (2.5万 in the quote matches 25000 recorded)"),
    ("two targets for one goal in one report; a source id or a record written twice",
     "two targets for one goal in one report; a source id or a record written twice"),
    ("a file in `seeds/` that no source cites", "a file in seeds/ that no source cites"),
)

WARNINGS: tuple[tuple[str, str], ...] = (
    ("two reports giving one metric, year, basis and cut-off values that cannot both be true (the "
     "rounding of the published numbers and their bounds counted: 5902 and 0.59万 agree; an estimate is "
     "compared only with estimates)",
     "two reports giving one metric, year and cut-off values that cannot both be true"),
    ("goals whose year is over with no figure (counted; `--verbose` lists each)",
     "goals whose year is over with no figure (counted; listed with --verbose)"),
    ("a `targets/ledger.toml` that names no agency; a source `retrieved` before it was `published`",
     "a ledger.toml that names no agency; a source retrieved before it was published"),
)


def markdown() -> str:
    """The rules as the README lists them."""
    lines = ["**Errors** (exit 1):", "", *(f"- {readme}" for readme, _ in ERRORS), "",
             "**Warnings** (exit 1 only with `--strict`):", "", *(f"- {readme}" for readme, _ in WARNINGS)]
    return "\n".join(lines) + "\n"


def help_text() -> str:
    """The rules as `check --help` lists them (click keeps the lines of a paragraph after \\b)."""
    def listed(rules: tuple[tuple[str, str], ...]) -> list[str]:
        return [line for _, short in rules
                for line in textwrap.wrap(short, 76, initial_indent="  - ", subsequent_indent="    ")]

    return "\n".join(["\b", "Errors (exit 1):", *listed(ERRORS), "Warnings (exit 1 only with --strict):",
                      *listed(WARNINGS)])
