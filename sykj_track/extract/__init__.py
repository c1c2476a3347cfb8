"""Draft the ledger entries of a new report: every goal and figure it states, with its quote.

The pipeline, one module per stage:

    decoding    bytes -> text (UTF-8, GB18030)
    layout      paragraphs, sentences, clauses; the section a heading opens (summary or plan of a year)
    dates       the publication date; the year a number speaks of
    quantities  the numbers of a sentence with their units
    cues        goal or figure, bound, basis, estimate, cut-off (as_of), two-tier goals
    match       the registry metric a number measures (verbatim, list, 分别, fuzzy)
    skip        numbers that are neither goals nor figures, and why
    proposed    new measures the registry does not know
    drafter     the stages wired together: draft()
    output      the draft as TOML for review, or JSON

Nothing here reads files or the clock. The rules are about how such reports speak, not about
particular reports: a heading "2024年工作情况" opens a summary of 2024, "2025年工作安排" a plan for
2025; 预计 marks an estimate, 截至9月底 a partial year, 突破/以上/余/约 a bound; 力争/确保 a goal.
"""

from .dates import Published, find_published, month_end
from .decoding import ExtractError, decode
from .drafter import draft, item_key, ledger_keys, recorded_key, suggest_source_id
from .layout import Section, paragraphs, section_of, tidy
from .quantities import Quantity, find_quantities
from .records import Draft, DraftSource, Item, ProposedMetric, Skipped

__all__ = ["Draft", "DraftSource", "ExtractError", "Item", "ProposedMetric", "Published", "Quantity", "Section",
           "Skipped", "decode", "draft", "find_published", "find_quantities", "item_key", "ledger_keys",
           "month_end", "paragraphs", "recorded_key", "section_of", "suggest_source_id", "tidy"]
