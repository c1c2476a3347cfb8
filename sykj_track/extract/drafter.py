"""The draft: every sentence's quantities given a metric, a kind, a year and a quote.

Nothing here reads files or the clock; `draft()` takes the report's bytes, the registry and the
records already in targets/.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from ..i18n import msg
from ..ledger.identity import region_of
from ..ledger.load import MAX_MAGNITUDE
from ..model import Figure, Goal, Metric
from ..vocabulary import Basis
from ..quantity import QuantityError, convert, parse_unit
from .cues import (ESTIMATE, GOAL_CUES, HORIZON, LAGGED, PAST_CUES, REVEALED_AFTER, REVEALED_BEFORE, SKIP_CONTEXT,
                   as_of, basis_of, bound_from, kind_and_year, period_end, tier_of)
from .dates import YEAR, Published, Years, find_published
from .decoding import ExtractError, decode
from .layout import (HEADING, ZONE, Section, agency_speaking, document_mode, open_paren, paragraphs, section_of,
                     sentences, tidy, zone_of_heading)
from .match import (Before, Context, Hit, MetricIndex, SentenceHits, breakdown_phrase, closest, fits, list_phrases,
                    respectively, specialise, tails, text_context)
from .proposed import (base_unit, better_of, kind_of_metric, same_measure, subject_after, subject_before,
                       subject_chars, subjectless, suggest_id, verbs_for)
from .quantities import Quantity, find_quantities
from .records import Draft, DraftSource, Item, ProposedMetric, Skipped
from .sentence import Sentence, prefix_sums
from .skip import counts_a_list, not_a_measure
from .table import Table, find_tables


class Reading:
    """One sentence as the drafter reads it: the text indexed (clauses, brackets, cues), its years, the
    registry names in it, its numbers, and the words per clause that could name a measure."""

    def __init__(self, text: str, index: MetricIndex):
        self.sentence = Sentence(text)
        self.text = text
        self.years = Years(text)
        self.quantities = find_quantities(text)
        self.hits = SentenceHits(index.hits(text) if self.quantities else [], index.metrics)
        self._subject_sums: list[int] | None = None

    def subject_sums(self) -> list[int]:
        """Prefix sums of subject_chars over the sentence's clauses (each with its closing mark)."""
        if self._subject_sums is None:
            starts = self.sentence.clause_starts()
            bounds = zip(starts, [*starts[1:], len(self.text)])
            self._subject_sums = prefix_sums([subject_chars(self.text[a:b]) for a, b in bounds])
        return self._subject_sums

    def measure_start(self, clause: tuple[int, int], subject_at: int) -> int:
        """Where the words naming a number's measure start: its clause (or the clause of its subject,
        `subject_at`), or an earlier one while the clauses from there to the number name none: the
        nearest clause start from which the text to the number's clause end holds a subject."""
        start = clause[0] if subject_at >= clause[0] else self.sentence.clause_start(subject_at)
        if start == 0:
            return 0
        own = self.sentence.clause_index(clause[0])
        tail = subject_chars(self.text[clause[0]:clause[1]])
        if start == clause[0] and tail >= 2:
            return start  # (clause[0] may be inside a clause longer than REACH)
        sums = self.subject_sums()
        # the last clause j at or before start's with sums[own] + tail - sums[j] >= 2
        j = bisect_right(sums, sums[own] + tail - 2, 0, self.sentence.clause_index(start) + 1) - 1
        return self.sentence.clause_starts()[j] if j > 0 else 0


@dataclass(frozen=True)
class Spot:
    """A quantity where it stands: its sentence, the bounds of its clause, and its basis."""

    read: Reading
    quantity: Quantity
    clause: tuple[int, int]
    basis: Basis


@dataclass(frozen=True)
class Measure:
    """What a quantity was matched to: a registry metric (known) or a proposed one, the words it was
    matched on, how sure the match is, and where the quote's subject starts in the sentence."""

    metric: str
    known: bool
    subject: str
    confidence: float
    subject_at: int


@dataclass(frozen=True)
class Frame:
    """The part of the report a sentence is in: its section and the mode of undated text."""

    section: Section
    default_mode: str


class _Drafter:
    def __init__(self, text: str, index: MetricIndex, published: Published, city: str, default_agency: str):
        self.index = index
        self.published = published
        self.city = city
        self.verbs = verbs_for(city)
        self.default_agency = default_agency
        self.text = text
        self.skipped: list[Skipped] = []
        self.carried_year: int | None = None
        self.horizon: int | None = None
        self.proposed_ids: dict[tuple[str, str | None], str] = {}  # (words, dimension) of a new measure -> id
        self.first_id: dict[str, str] = {}  # words of a new measure -> the first id given to them
        self.taken_ids: set[str] = set(index.metrics)
        self.next_suffix: dict[str, int] = {}  # id base -> the first _n not yet tried
        self.proposed_bases: dict[tuple[str, str | None], str] = {}  # (glossary id, dimension) -> id
        self.dated: dict[tuple[Decimal, str], int] = {}  # figures of 3+ digits the text gave a year to
        self.period: tuple[int | None, int] | None = None  # the part of a year the current heading names  # the year of the last 到YYYY年 in a section of goals  # a year opening a sentence, for the parts after its semicolons
        self.context = Context("")  # the paragraph: context for fuzzy matching
        self.offset = 0  # where the current sentence starts in it

    def run(self) -> list[Item]:
        lines = self.text.splitlines()
        tables = find_tables([tidy(line.strip()) for line in lines])
        items: list[Item] = [item for table in tables for item in self.table_items(table)]
        for table in tables:  # a table's cells are not prose
            lines[table.first_line:table.last_line + 1] = [""] * (table.last_line + 1 - table.first_line)
        paras = paragraphs("\n".join(lines))
        default_mode = document_mode(paras)
        section = Section("unknown", None, self.default_agency)
        for number, para in enumerate(paras):
            if number == 0 and len(para) <= 60 or HEADING.match(para) and len(para) <= 60:
                zone = section.zone
                section = section_of(para, section)
                if number > 0:  # a title naming a zone is the ledger's own body speaking
                    section = replace(section, zone=zone_of_heading(para, zone))
                self.horizon = None
                self.period = period_end(para)  # a heading "一、一季度：…" holds figures to 3-31
                if len(para) <= 40:
                    continue
            speaker = agency_speaking(para, self.city)
            if speaker:
                section = replace(section, agency=speaker)
            # A sentence setting goals (计划年底前, 力争) makes the rest of its paragraph a plan too.
            planning = False
            parts = sentences(para)
            self.context, self.offset = Context("".join(parts)), 0
            self.carried_year = None
            for sentence in parts:
                items += self.sentence(sentence, section, "plan" if planning else default_mode)
                self.offset += len(sentence)
                # "2020年全市R&D经费投入192.9亿元；R&D投入强度达到2.94%": a year opening a sentence
                # holds across its semicolons, up to the full stop
                opening = YEAR.search(sentence[:8])
                if sentence.endswith(("；", ";")):
                    self.carried_year = int(opening.group(1)) if opening else self.carried_year
                else:
                    self.carried_year = None
                planning = planning or bool(GOAL_CUES.search(sentence)) and section.mode == "unknown"
                # "到2027年，…。同时，…突破500家": in a section of goals, the horizon a sentence sets
                # holds for the goals after it that name no year, up to the next heading
                horizons = HORIZON.findall(sentence)
                if horizons and (section.mode == "plan" or planning):
                    self.horizon = int(horizons[-1])
        return items

    def new_id(self, subject: str, unit: str, basis: str) -> str:
        """The id of the measure the registry does not know that `subject` names: readable, the same
        for the same words (新增 and its level share one: the basis tells them apart), never an id of
        the registry or of another proposed measure."""
        named = re.sub(r"^(?:新增|净增|新认定|新备案|新建|新)", "", subject)
        words = same_measure(named)
        if basis == "growth" and words in self.first_id:
            return self.first_id[words]  # a rate of growth belongs to its measure, whatever that is counted in
        try:
            dimension = parse_unit(unit).dimension if basis != "growth" else "growth"
        except QuantityError:
            dimension = None
        key = (words, dimension)
        if key in self.proposed_ids:
            return self.proposed_ids[key]
        base = suggest_id(named, unit)
        if not base.startswith("measure_"):
            # 就新认定高新技术企业 and 高新技术企业总数: the glossary reads both as one measure
            same = [i for (b, d), i in self.proposed_bases.items() if b == base and (d == dimension or basis == "growth")]
            if same:
                self.proposed_ids[key] = same[0]
                return same[0]
        candidate = base
        if candidate in self.taken_ids:
            n = self.next_suffix.get(base, 2)  # every smaller suffix is taken already
            while f"{base}_{n}" in self.taken_ids:
                n += 1
            candidate = f"{base}_{n}"
            self.next_suffix[base] = n + 1
        self.proposed_ids[key] = candidate
        self.first_id.setdefault(words, candidate)
        self.taken_ids.add(candidate)
        self.proposed_bases.setdefault((base, dimension), candidate)
        return candidate

    def table_items(self, table: Table) -> list[Item]:
        """The figures of a one-cell-per-line table: each cell on the measure its row names."""
        items = []
        for cell in table.cells:
            hits = [h for h in self.index.hits(cell.label)
                    if fits(self.index.metrics[h.metric], cell.unit or "个", cell.basis)]
            metric = hits[-1].metric if hits else self.closest(cell.label, cell.unit or "个", cell.basis, text_context(""))
            unit = cell.unit if cell.unit else self.index.metrics[metric].unit if metric else "个"
            items.append(Item(kind="figure", metric=metric or self.new_id(cell.label, unit, cell.basis), year=cell.year,
                              value=cell.value, unit=unit, basis=cell.basis, quote=cell.quote, bound="exact",
                              estimate=cell.estimate, confidence=0.7 if metric else 0.4,
                              known_metric=metric is not None, agency=self.default_agency, subject=cell.label))
        return items

    # size: the pipeline over one sentence's numbers (match, skip, propose, classify); split, the state it
    # carries from number to number (the last metric and the last proposed measure) would travel in and out
    def sentence(self, sentence: str, section: Section, default_mode: str) -> list[Item]:  # noqa: C901
        read = Reading(sentence, self.index)
        quantities = read.quantities
        if not quantities:
            return []
        hits = read.hits.hits
        paired = respectively(sentence, quantities, hits)
        paired.update({k: v for k, v in self.list_pairs(read).items() if k not in paired})
        items: list[Item] = []
        last_metric: tuple[str, int] | None = None  # the metric a following 同比增长X% refers to
        # the same, for a measure the registry does not know: its id, words, and where its clause starts
        last_proposed: tuple[str, str, int] | None = None
        previous: tuple[Quantity, Basis] | None = None
        for number, q in enumerate(quantities):
            clause = read.sentence.clause(q.start)
            if _beyond_any_figure(q):
                self.skipped.append(Skipped(q.written, BEYOND, _quote(read, clause, clause[0])))
                continue
            before = sentence[clause[0]:q.start]
            if SKIP_CONTEXT.search(before) and q.unit.endswith("元") or re.search(r"[一二三四五六七八九十]、$", before):
                continue
            if counts_a_list(before, q):
                continue
            basis = basis_of(q, before, sentence[clause[0]:q.start])
            between = sentence[previous[0].end:q.start] if previous is not None else ""
            # 由2028年的21.5%回落至2030年的12.2%: the end of a from-to pair measures what its start does
            from_to = previous is not None and previous[0].unit == q.unit and FROM_TO.fullmatch(between) \
                and re.search(r"(?:由|从)(?:(?:19|20)\d{2}年(?:底|末)?的?)?$", sentence[clause[0]:previous[0].start])
            if previous is not None and (re.fullmatch(r"[、和及与]", between) or from_to):
                basis = previous[1]  # 分别增长23.6%、27.6%: every number of a run has the first one's basis
            previous = (q, basis)
            if REVEALED_BEFORE.search(before[-12:]) or \
                    read.sentence.opened(q.start) and REVEALED_AFTER.match(sentence[q.end:clause[1]]):
                # a target stated beside the figure that met it: 545家（任务目标400家）
                revealed = self.revealed(sentence, q, clause, items[-1] if items else None)
                if re.search(r"(?:超出|超过|超额|多出|高出)$", before[-4:]):
                    self.skipped.append(Skipped(q.written, "how far a figure beat its target (超出200家完成目标): the "
                                                "target is the difference, to be worked out by hand",
                                                _quote(read, clause, clause[0])))
                elif revealed is None:
                    self.skipped.append(Skipped(q.written, "a target stated beside a figure, with no figure before "
                                                "it to say what it measures", _quote(read, clause, clause[0])))
                else:
                    items.append(revealed)
                continue
            metric, subject_start, how = self.match(read, number, clause, basis, paired, last_metric)
            if metric is not None and how in ("before", "after", "respectively"):
                # the words that make a name specific stand close before it
                metric = self.specialise(sentence[subject_start[0]:subject_start[1]], metric, q, basis,
                                         sentence[max(0, subject_start[0] - 30):q.end])
            reason = not_a_measure(read.sentence, q.start, q.end, clause, metric is not None and how != "previous",
                                   q.unit)
            if reason:
                self.skipped.append(Skipped(q.written, reason, _quote(read, clause, clause[0])))
                continue
            named_at, doubt = clause[0], ""
            if metric is None and last_proposed is not None and (subjectless(before) or from_to):
                # 同比增长12.5% after a measure the registry does not know: that measure's growth
                (metric_id, subject, named_at), known = last_proposed, False
                confidence = 0.3
            elif metric is None:
                subject = subject_before(before, self.verbs) or subject_after(sentence, q, clause)
                if subjectless(before) and clause[0] > 0:
                    # 到2035年，示范工厂数量实现翻番，超过160家: the measure is named a clause earlier
                    start = read.measure_start(clause, clause[0])
                    earlier = sentence[start:min(read.sentence.clause(start)[1], clause[0])]  # its first clause
                    subject = subject_before(earlier, self.verbs) or subject
                share_of = items[-1] if items and SHARE_OF_TOTAL.fullmatch(before) else None
                if share_of is not None and share_of.kind == "figure" and share_of.quote in sentence:
                    # 1011家企业获评国家科技型中小企业，占全区总数的31.52%: the share of that count
                    subject = share_of.subject + before.rstrip("的")
                    named_at = sentence.find(share_of.quote)
                if not subject or len(subject) < 2:
                    continue
                if section.zone and not ZONE.search(subject) and not CITY_WIDE.search(before):
                    # under a heading naming a zone, a measure the text does not scope is the zone's
                    subject, doubt = section.zone + subject, self.zone_doubt(section.zone)
                metric_id, known = self.new_id(subject, q.unit, basis), False
                confidence = 0.3
                last_proposed = (metric_id, subject, named_at)
            else:
                metric_id, known, subject = metric, True, sentence[subject_start[0]:subject_start[1]]
                confidence = {"after": 0.8, "before": 0.85, "respectively": 0.8, "previous": 0.6, "fuzzy": 0.5,
                              "list": 0.6}[how]
                zoned = self.zoned(read, metric, subject_start[0], section, q.unit, basis)
                if zoned is not None:
                    metric_id, known, subject, doubt = zoned
                if basis != "growth":
                    last_metric = (metric, subject_start[0])
                elif last_metric is None:
                    last_metric = (metric, subject_start[0])
            item = self.classify(Spot(read, q, clause, basis),
                                 Measure(metric_id, known, subject, confidence,
                                         subject_start[0] if metric else named_at),
                                 Frame(section, default_mode))
            if item is not None:
                items.append(replace(item, doubt=doubt) if doubt else item)
        return items

    def zoned(self, read: Reading, metric: str, subject_at: int, section: Section, unit: str,
              basis: str) -> tuple[str, bool, str, str] | None:
        """A city measure put on the zone its words or its heading name (迁入高新区的高新技术企业26家; a
        heading "三、高新区超额完成年度任务"): the registry's measure of that zone when it has one, else a
        proposed one; (metric, known, subject, doubt), or None when the number is the city's."""
        names = self.index.names_of(metric)
        if any(ZONE.search(name) for name in names):
            return None  # a measure of a zone already
        head = read.text[read.sentence.clause_start(subject_at):subject_at]
        named = ZONE.search(head)
        if named:
            zone, doubt = named.group(), ""
        elif section.zone and not CITY_WIDE.search(head):
            zone, doubt = section.zone, self.zone_doubt(section.zone)
        else:
            return None
        own = [n.metric for n in self.index.names if zone in n.text and any(name in n.text for name in names)
               and fits(self.index.metrics[n.metric], unit, basis)]
        if own:
            return own[-1], True, zone + names[0], doubt
        subject = zone + self.index.metrics[metric].zh
        return self.new_id(subject, unit, basis), False, subject, doubt

    @staticmethod
    def zone_doubt(zone: str) -> str:
        return f"the section's heading names {zone}: a figure of the zone, not of the whole city — check"

    def revealed(self, sentence: str, q: Quantity, clause: tuple[int, int], figure: Item | None) -> Item | None:
        """The goal a figure met, stated beside it (545家（任务目标400家）): a revealed goal of the figure's
        measure, year and basis, quoted from the figure's measure to the target; None when no figure of
        a unit it can share comes before it in the sentence."""
        if figure is None or figure.kind != "figure" or figure.quote not in sentence:
            return None
        try:
            if parse_unit(figure.unit).dimension != parse_unit(q.unit).dimension:
                return None
        except QuantityError:
            return None
        start = sentence.find(figure.quote)
        doubt = "the target is the province's (省考目标): set the goal's agency" if "省考" in sentence[q.end:clause[1]] \
            else "the target is the city's (市考目标): set the goal's agency" if "市考" in sentence[q.end:clause[1]] else ""
        quote = sentence[start:max(clause[1], start + len(figure.quote))].strip().rstrip("。；;，,")
        return replace(figure, kind="goal", value=q.number, unit=q.unit, value_max=None, quote=quote, op=">=",
                       bound=None, estimate=False, as_of=None, tier="", revealed=True,
                       confidence=round(max(0.05, figure.confidence - 0.1), 2), doubt=doubt,
                       note=f"revealed: the target ({q.written}) is stated beside the figure that met it "
                            f"({figure.written})")

    def match(self, read: Reading, number: int, clause: tuple[int, int], basis: str, paired: dict[int, Hit],
              last: tuple[str, int] | None):
        """The metric a quantity measures: a name right after it (3个国家级科技创新平台), else the
        nearest name before it in its clause, else the measure of the clause before (同比增长15%)."""
        metrics = self.index.metrics
        sentence, q = read.text, read.quantities[number]
        if q.start in paired and fits(metrics[paired[q.start].metric], q.unit, basis):
            hit = paired[q.start]
            return hit.metric, (hit.start, hit.end), "respectively"
        following = [h for h in read.hits.starting(q.end, min(clause[1], q.end + 12))
                     if not re.search(r"[、（(和与及]", sentence[q.end:h.start])
                     and not find_quantities(sentence[q.end:h.start])]
        if following and fits(metrics[following[0].metric], q.unit, basis) and basis != "growth":
            hit = following[0]
            return hit.metric, (hit.start, hit.end), "after"
        # a name inside a parenthesis is an aside, never the subject of a number outside it, nor a
        # name outside the subject of a number inside (联盟成员总数达到621家(企业372家)
        inside = read.sentence.opened(q.start)
        preceding = [h for h in read.hits.starting(clause[0], q.start) if h.end <= q.start
                     and read.sentence.opened(h.start) == inside
                     and not open_paren(sentence[h.end:q.start]) and not re.search(r"[)）]", sentence[h.end:q.start])]
        for hit in reversed(preceding):
            if fits(metrics[hit.metric], q.unit, basis):
                return hit.metric, (hit.start, hit.end), "before"
        own = read.hits.starting(clause[0], clause[1])
        # 新增320家 continues the measure before; 新组建研发平台50家 names its own
        named = basis == "increment" and not subjectless(sentence[clause[0]:q.start]) and \
            len(subject_before(sentence[clause[0]:q.start], self.verbs)) >= 2
        continues = not own and not named and (basis != "level" or re.match(r"(?:全市)?(?:累计|总数|总量|共)", sentence[clause[0]:q.start])
                                 or subjectless(sentence[clause[0]:q.start]) and subjectless(sentence[q.end:clause[1]]))
        if last is not None and continues and basis != "growth" and metrics[last[0]].unit != q.unit:
            # 组建新型研发机构,覆盖20个产业细分领域,总数达到52家: the earlier name counted in 家
            same = read.hits.last_fitting(clause[0], q.unit, basis, same_unit=True)
            if same is not None:
                return same.metric, (same.start, same.end), "previous"
        if last is not None and (basis == "growth" or continues) and fits(metrics[last[0]], q.unit, basis):
            # 同比增长15%, 新增320家: a clause without a name of its own speaks of the previous one's
            return last[0], (last[1], last[1]), "previous"
        if basis == "growth" or continues or q.unit in ("%",) and sentence[clause[0]:q.start].endswith(("比重", "占比")):
            earlier = read.hits.last_fitting(clause[0], q.unit, basis)
            if earlier is not None:
                return earlier.metric, (earlier.start, earlier.end), "previous"
        return self.fuzzy(read, number, clause, basis)

    def list_pairs(self, read: Reading) -> dict[int, Hit]:
        """Numbers in a row (236家和338家, 分别增长23.6%、27.6%) paired with the items of the list before
        them (科技小巨人和高新技术企业培育库企业), each item completed with the list's shared tail."""
        sentence, quantities = read.text, read.quantities
        pairs: dict[int, Hit] = {}
        runs: list[list[Quantity]] = []
        for q in quantities:
            if runs and re.fullmatch(r"[、和及与]", sentence[runs[-1][-1].end:q.start]):
                runs[-1].append(q)
            else:
                runs.append([q])
        for run in runs:
            if len(run) < 2:
                continue
            clause = read.sentence.clause(run[0].start)
            subject = sentence[clause[0]:run[0].start]
            subject = re.sub(r"(?:分别)(?:增长|达到|达|为|实现|提高|增加)?$", "", subject)
            subject = self.verbs.sub("", subject)
            phrases = list_phrases(subject, len(run))
            if phrases is None:
                continue
            if "等" not in subject:
                for tail in tails(phrases[-1]):
                    trial = [p + tail for p in phrases[:-1]] + [phrases[-1]]
                    if self.closest(trial[0], run[0].unit, "level", self.before(run[0].start), strict=True):
                        phrases = trial
                        break
            basis = basis_of(run[0], sentence[clause[0]:run[0].start], sentence[clause[0]:run[0].start])
            for q, phrase in zip(run, phrases):
                metric = self.closest(phrase, q.unit, basis, self.before(q.start))
                if metric is not None:
                    pairs[q.start] = Hit(clause[0], run[0].start, metric)
        return pairs

    def fuzzy(self, read: Reading, number: int, clause: tuple[int, int], basis: str):
        """The registry name closest to the words around the number (the number taken out), or to a
        breakdown's level plus its total's subject; (None, ..) when nothing fits well."""
        sentence, q = read.text, read.quantities[number]
        # the numbers next to it in its clause bound its words
        previous = read.quantities[number - 1] if number > 0 else None
        following = read.quantities[number + 1] if number + 1 < len(read.quantities) else None
        left_start = previous.end if previous is not None and previous.start >= clause[0] else clause[0]
        right_end = following.start if following is not None and following.start < clause[1] else clause[1]
        left, right = sentence[left_start:q.start], sentence[q.end:right_end]
        phrase = breakdown_phrase(read.sentence, q.start, left) or left + right
        metric = self.closest(phrase, q.unit, basis, self.before(q.start))
        if metric is None:
            return None, (clause[0], clause[0]), ""
        return metric, (left_start, q.start), "fuzzy"

    def specialise(self, found: str, metric: str, q: Quantity, basis: str, before: str) -> str:
        """`specialise` over the registry names whose unit fits."""
        return specialise(found, metric, self.index.fitting(q.unit, basis), before)

    def closest(self, phrase: str, unit: str, basis: str, context: Before, strict: bool = False) -> str | None:
        """`closest` over the registry names whose unit fits."""
        return closest(phrase, self.index.fitting(unit, basis), context, strict, self.index.zones)

    def before(self, position: int) -> Before:
        """The paragraph up to `position` of the current sentence: the context of a number there."""
        return self.context.before(self.offset + position)

    def classify(self, spot: Spot, measure: Measure, frame: Frame) -> Item | None:
        """Kind, year, bound/op, estimate and as-of of one quantity, and its quote."""
        read, q, clause, basis = spot.read, spot.quantity, spot.clause, spot.basis
        sentence, section, confidence = read.text, frame.section, measure.confidence
        before = sentence[clause[0]:q.start]
        after = sentence[q.end:q.end + 4]
        upto = q.end + 4  # cues up to just after the number

        def said(pattern: re.Pattern[str]) -> bool:
            return read.sentence.said_before(pattern, upto)

        published = self.published.date
        year, explicit = read.years.at(q.start, clause)
        if not explicit and self.carried_year is not None and not ESTIMATE.search(sentence[clause[0]:q.start]):
            # "2023年R&D强度达3.08%；高新技术企业预计突破8800家": an estimate is of the year being
            # reported, not of the lagged year the sentence opened with
            year, explicit = self.carried_year, True
        if not explicit and self.horizon is not None and section.mode == "plan" and \
                not PAST_CUES.search(sentence[clause[0]:q.end + 2]):
            year, explicit = self.horizon, True
        goal_cue = said(GOAL_CUES)
        past_cue = bool(PAST_CUES.search(sentence[clause[0]:q.end + 2]))
        estimate = read.sentence.said_before(ESTIMATE, q.start)
        mode = section.mode if section.mode != "unknown" else frame.default_mode
        kind, year = kind_and_year(section, mode, published, year if explicit else None, goal_cue, past_cue,
                                   before, said)
        written = (q.number, q.unit)
        # only a number too specific to recur by chance (286.4, 42814; not 300)
        specific = len(q.number.normalize().as_tuple().digits) >= 3 and q.number % 10 != 0
        if specific and kind == "figure" and explicit:
            self.dated.setdefault(written, year)
        elif specific and kind == "figure" and not explicit and written in self.dated:
            # a figure repeated in the body after a lead that dated it (2017年，…286.4亿元 … 286.4亿元)
            year = self.dated[written]
        elif kind == "figure" and not explicit and section.year is None and \
                read.sentence.said_within(LAGGED, read.measure_start(clause, clause[0]), q.end):
            # R&D statistics of a year come out in the autumn of the next: an undated one in a text
            # written before September is two years old
            year = min(year, published.year - (1 if published.month >= 9 else 2))
        explicit = explicit and year is not None
        bound, op = bound_from(before, after)
        if q.more:
            bound, op = "more_than", ">"
        if q.number_max is not None:
            op, bound = "between", "exact"
        if q.ordinal or q.unit == "位":
            op = "<=" if op == ">=" else op
        cut_off = as_of(read.sentence, q.start, year, self.published, self.period) if kind == "figure" else None
        tier = tier_of(read.sentence, q.start) if kind == "goal" else ""
        quote = _quote(read, clause, measure.subject_at)
        if not _number_in(q, quote):
            return None
        if not explicit and section.mode == "unknown":
            confidence -= 0.1
        return Item(kind=kind, metric=measure.metric, year=year, value=q.number, unit=q.unit, basis=basis, quote=quote,
                    op=op if kind == "goal" else None, bound=bound if kind == "figure" else None,
                    estimate=estimate and kind == "figure", as_of=cut_off, value_max=q.number_max,
                    confidence=round(max(0.05, min(confidence, 0.95)), 2), known_metric=measure.known,
                    agency=section.agency, tier=tier, subject=measure.subject)


def _number_in(q: Quantity, quote: str) -> bool:
    from ..ledger.quotes import squeeze

    text = squeeze(quote)
    return f"{q.number:f}" in text or f"{q.number.normalize():f}" in text or not str(q.number)[0].isdigit() or \
        any(ch in text for ch in "一二两三四五六七八九十百千") and q.number == q.number.to_integral_value()


# A share of a total that does not say of what: 占全区总数的31.52%, 占全省的四成.
SHARE_OF_TOTAL = re.compile(r"约?占(?:全国|全省|全区|全市|全州)(?:总数|总量|数量)?的?(?:比重|比例)?(?:为|达|达到)?")

# Words that scope a number to the whole city or province, whatever zone the section is about.
CITY_WIDE = re.compile(r"全市|我市|本市|全省|我省|本省")

FROM_TO = re.compile(r"[^，,；;。]{0,6}?(?:至|到)(?:(?:19|20)\d{2}年(?:底|末)?的?)?")


BEYOND = f"beyond any real figure (over {MAX_MAGNITUDE:.0e} in the base unit): a typo, or not a measure"


def _beyond_any_figure(q: Quantity) -> bool:
    """A number check would refuse as beyond any real figure (a run of digits, 1e308万亿)."""
    return max(abs(q.number), abs(q.number_max or Decimal(0))) * parse_unit(q.unit).factor > MAX_MAGNITUDE


def _quote(read: Reading, clause: tuple[int, int], subject_at: int) -> str:
    """The clause holding the number, reaching back to the clause naming its measure: a rate in a
    follow-on clause (…交易额达到12亿元，同比增长9%) is quoted with the clause before, so the quote says
    what grew."""
    return read.text[read.measure_start(clause, subject_at):clause[1]].strip().rstrip("。；;，,")


# ---------------------------------------------------------------------------------------- entry point

def _value_in_metric_unit(value: Decimal, unit: str, metric: Metric, basis: str) -> float | None:
    target = "%" if basis == "growth" else metric.unit
    try:
        if basis == "increment" and metric.kind == "ratio" and parse_unit(unit).dimension == "points":
            target = unit
        return convert(value, unit, target)
    except QuantityError:
        return None


def recorded_key(kind: str, metric: str, year: int, basis: str, value: float) -> tuple:
    """The identity of a goal or figure when comparing drafts with the ledger: kind, metric, year,
    basis and the value in the metric's unit (rounded so 2.5万家 and 25000家 agree)."""
    return kind, metric, year, basis, round(value, 6)


def ledger_keys(goals: tuple[Goal, ...] | list[Goal], figures: tuple[Figure, ...] | list[Figure]) -> dict[tuple, str]:
    """Keys of recorded goals and figures, each with the id of the first source recording it."""
    keys: dict[tuple, str] = {}
    for g in goals:
        keys.setdefault(recorded_key("goal", g.metric, g.year, g.basis, g.target), g.source.id)
    for f in figures:
        keys.setdefault(recorded_key("figure", f.metric, f.year, f.basis, f.value), f.source.id)
    return keys


def item_key(item: Item, metrics: dict[str, Metric]) -> tuple | None:
    """The comparison key of a drafted item (None for a proposed metric or a unit that does not fit)."""
    metric = metrics.get(item.metric)
    if metric is None:
        return None
    value = _value_in_metric_unit(item.value, item.unit, metric, item.basis)
    return None if value is None else recorded_key(item.kind, item.metric, item.year, item.basis, value)


def _title(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return tidy(line)[:80]
    return ""


def suggest_source_id(title: str, published: Published, summary_year: int | None) -> str:
    """An id like 2024-work-report: the year the report looks back on, and what kind of report it is."""
    kind = "work-report" if re.search(r"工作(?:总结|报告|情况|完成情况|要点|安排|思路)", title) else \
        "press-conference" if re.search(r"发布会", title) else "report"
    year = summary_year or published.date.year
    return f"{year}-{kind}"


# size: the public entry: the report and the registry, then options, each with its default
def draft(data: bytes, metrics: dict[str, Metric], recorded: dict[tuple, str] | None = None,
          seed_file: str = "seeds/report.txt", source_id: str | None = None, city: str = "",
          agency: str | None = None, published: date | None = None, url: str | None = None) -> Draft:
    """Draft the goals and figures of a report.

    `data` is the report's bytes; `metrics` the registry; `recorded` the keys of what targets/ already
    holds (see ledger_keys). `published` overrides the date found in the text. Raises ExtractError when
    the bytes are not text or no date can be found or inferred.
    """
    decoded = decode(data)
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    found = find_published(text)
    if published is not None:
        found = Published(published, False, "--published")
    if found is None:
        raise ExtractError(msg("extract.no_date"))
    title = _title(text)
    named = _named_agency(text)
    agency = agency or _agency_of(text, city) or ""
    city = city or region_of(agency)
    index = MetricIndex(metrics)
    drafter = _Drafter(text, index, found, city, agency)
    items = drafter.run()
    items = _finish(items, metrics, recorded or {})
    first = section_of(title, Section("unknown", None, agency))
    summary_year = first.year if first.mode == "summary" else None
    if summary_year is None:
        years = [i.year for i in items if i.kind == "figure"]
        summary_year = max(set(years), key=years.count) if years else None
    proposed = {}
    first_level: dict[str, Item] = {}  # the first item of each metric that is not a rate of growth
    for item in items:
        if item.basis != "growth":
            first_level.setdefault(item.metric, item)
    for item in items:
        if not item.known_metric and item.metric not in proposed:
            level = first_level.get(item.metric, item)
            proposed[item.metric] = ProposedMetric(item.metric, level.subject, base_unit(level.unit),
                                                   kind_of_metric(level.unit, level.basis, level.subject),
                                                   better_of(level.subject, level.unit))
    # The hash of the seed as the ledger keeps it: UTF-8. A report in another encoding is converted
    # when the draft is written; the original's hash stays in the note, so it can still be checked.
    seed_bytes = data if decoded.is_utf8 else decoded.text.encode("utf-8")
    note = "" if decoded.is_utf8 else (f"The report was published in {decoded.encoding.upper()}; the seed is its "
                                       f"UTF-8 conversion. sha256 of the original: {hashlib.sha256(data).hexdigest()}")
    source = DraftSource(id=source_id or suggest_source_id(title, found, summary_year), file=seed_file, title=title,
                         agency=agency, published=found.date, published_approx=found.approx, url=url or "",
                         sha256=hashlib.sha256(seed_bytes).hexdigest(), note=note)
    warnings: tuple[str, ...] = ()
    if named and agency and named not in agency and agency not in named:
        warnings = (f"The report names {named}, not the ledger's agency {agency}: check that it belongs in this "
                    f"ledger; if it does, its records are {named}'s (set agency on them).",)
    return Draft(source, tuple(items), tuple(proposed.values()), decoded.encoding, found.how,
                 tuple(drafter.skipped), warnings)


# A body named at the head of a report: 某市科学技术局, 某省科学技术厅, 某市科学技术委员会.
_BODY = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:市|省|自治区|区|县|州)[\u4e00-\u9fff]{1,10}?(?:局|厅|委员会)")


def _named_agency(text: str) -> str | None:
    """The body a report's title line or 来源 line names as its author, if any."""
    lines = [tidy(line) for line in text.splitlines()[:6] if line.strip()]
    for line in lines:
        if line.startswith("来源"):
            found = _BODY.search(line)
            if found:
                return found.group()
    found = _BODY.match(lines[0]) if lines else None
    return found.group() if found else None


def _agency_of(text: str, city: str) -> str | None:
    head = "\n".join(text.splitlines()[:4])
    match = re.search(r"来源[:：]\s*(\S*?局)", head) or re.search(r"^(\S*?局)", tidy(head))
    if match:
        name = match.group(1)
        return name if name.startswith(city) else None
    return None



def _finish(items: list[Item], metrics: dict[str, Metric], recorded: dict[tuple, str]) -> list[Item]:
    """Drop repeats within the report and mark what targets/ already holds."""
    seen: set[tuple] = set()
    result = []
    for item in items:
        identity = (item.kind, item.metric, item.year, item.basis, item.value, item.unit, item.op, item.bound,
                    item.estimate, item.agency)
        if identity in seen:
            continue
        seen.add(identity)
        key = item_key(item, metrics)
        if key is not None and key in recorded:
            item = replace(item, already_recorded=True, note=f"already recorded in targets/{recorded[key]}.toml")
        result.append(item)
    return result
