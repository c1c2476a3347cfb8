"""Every text the tool shows a reader, in Chinese and English: one catalogue, keyed by message id.

    >>> from sykj_track.i18n import t
    >>> t("status.hit", "zh")
    '达成'
    >>> t("summary.year_as_of", "en", year=2025, date="2026-01-01")
    '2025 (as of 2026-01-01): '

Why a module of messages and not gettext: there are two languages, both written by the people who
write the code, and the texts carry placeholders that must stay in step with the code that fills
them. A dict keeps both languages of a message on one line, where a reviewer sees them together;
a test checks that every id has both languages with the same placeholders; nothing is compiled
(.po to .mo) or looked up on disk, so the catalogue costs nothing at start-up and a renderer that
asks for an unknown id fails loudly in the tests instead of silently falling back to English.

This module imports nothing from the project, so every layer may use it: the loader and validator
for check's messages, audit for its explanations, the renderers and the CLI.

Language resolution (`resolve_lang`): the --lang option, else $SYKJ_TRACK_LANG, else the language
the ledger declares in targets/ledger.toml, else the locale ($LC_ALL, $LC_MESSAGES, $LANG): zh_* is
Chinese, anything else English.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")
ENV_VAR = "SYKJ_TRACK_LANG"

# id: (zh, en). Placeholders in braces are filled by t(); both languages use the same ones.
MESSAGES: dict[str, tuple[str, str]] = {
    # --- statuses and reasons (JSON keeps the English ids; these are what a reader sees) ----------
    "status.hit": ("达成", "hit"),
    "status.miss": ("未达成", "miss"),
    "status.pending": ("待定", "pending"),
    "status.unreported": ("逾期未报", "pending · unreported"),
    "status.superseded": ("已修订", "superseded"),
    "reason.not-due": ("未到期", "not-due"),
    "reason.no-figure": ("无数据", "no-figure"),
    "reason.partial": ("仅部分年度", "partial"),
    "reason.inconclusive": ("无法判定", "inconclusive"),
    "reason.revised": ("目标已修订", "revised"),
    "evidence.final": ("正式数据", "final"),
    "evidence.estimate": ("预计数", "estimate"),
    "evidence.derived": ("推算", "derived"),
    "evidence.partial": ("部分年度", "partial"),
    "evidence.bound": ("界限值", "bound"),
    "basis.level": ("", ""),
    "basis.growth": ("增速", "growth"),
    "basis.increment": ("新增", "increase"),
    "basis.title.level": ("总量", "level"),
    "basis.title.growth": ("增速（同比增长）", "growth rate (同比增长)"),
    "basis.title.increment": ("新增量", "increase (新增)"),
    "label.revealed": ("事后披露", "revealed"),
    "figure.estimate": ("预计", "est."),
    "figure.to": ("截至{date}", "to {date}"),
    "interval.any": ("任意值", "any value"),
    "interval.unbounded": ("无上限", "unbounded"),
    "interval.no_floor": ("无下限", "unbounded"),
    # --- status table -----------------------------------------------------------------------------
    "col.metric": ("指标", "metric"),
    "col.target": ("目标", "target"),
    "col.actual": ("实际", "actual"),
    "col.pct": ("完成率", "%"),
    "col.status": ("状态", "status"),
    "col.reason": ("依据", "reason / evidence"),
    "col.sources": ("来源", "sources"),
    "col.id": ("编号", "id"),
    "col.year": ("年份", "year"),
    "status.title": ("{year}年目标", "Goals for {year}"),
    "status.none": ("没有符合条件的目标（截至{date}）。", "No goals match (as of {date})."),
    "status.no_year": ("{years}年没有目标。有目标的年份：{known}。", "No goals for {years}. Years with goals: {known}."),
    "summary.year": ("{year}年：", "{year}: "),
    "summary.year_as_of": ("{year}年（截至{date}）：", "{year} (as of {date}): "),
    "summary.all": ("全部年份（截至{date}）：", "All years (as of {date}): "),
    "summary.counts": ("达成 {hit}，未达成 {miss}，待定 {pending}", "{hit} hit, {miss} miss, {pending} pending"),
    "summary.not_due": ("未到期 {n}", "{n} not due"),
    "summary.unreported": ("逾期未报 {n}", "{n} unreported"),
    "summary.other": ("其他 {n}", "{n} other"),
    "summary.superseded": ("，已修订 {n}", ", {n} superseded"),
    "summary.rate": ("；已判定目标达成率：{rate}", "; hit rate of decided goals: {rate}"),
    "summary.revealed": ("（{n} 个“超额完成才披露”的目标未计入：仅因报告称已完成而得知）",
                         " ({n} revealed goal left out| ({n} revealed goals left out"),
    "summary.revealed_why": ("", ": known only because a report says it was met)"),
    "sep.list": ("、", ", "),
    "sep.clause": ("，", ", "),
    "paren.open": ("（", " ("),
    "paren.close": ("）", ")"),
    "quote.goal": ("目标", "goal"),
    "quote.figure": ("数据", "figure"),
    "quote.note": ("注", "note"),
    "quote.doubt": ("存疑", "doubt"),
    "quote.revealed": ("超额完成才披露：仅因报告称已完成而得知，未计入达成率",
                       "revealed: known only because a report says it was met; left out of the hit rate"),
    "quote.derived": ("推算值 {range}，依据下列 {n} 个数据", "derived {range}, from the {n} figures below"),
    # --- sources and metrics ----------------------------------------------------------------------
    "sources.report": ("报告", "report"),
    "sources.seed": ("原文", "seed"),
    "sources.published": ("发布日期", "published"),
    "sources.approx": ("约", "approx."),
    "sources.goals": ("目标", "goals"),
    "sources.figures": ("数据", "figures"),
    "sources.total": ("合计", "total"),
    "sources.footer": ("（状态截至{date}；两份报告都提出的目标各计一次）",
                       "(statuses as of {date}; a goal stated by two reports counts for both)"),
    "sources.md_title": ("截至{date}的目标状态。", "Goal statuses as of {date}."),
    "metrics.zh": ("中文名", "Chinese name"),
    "metrics.en": ("英文名", "English name"),
    "metrics.unit": ("单位", "unit"),
    "metrics.kind": ("类型", "kind"),
    "metrics.goals": ("目标数", "goals"),
    "metrics.figures": ("数据数", "figures"),
    # --- check --------------------------------------------------------------------------------------
    "check.ok": ("通过", "ok"),
    "check.failed": ("未通过", "FAILED"),
    "check.error": ("错误", "error"),
    "check.warning": ("警告", "warning"),
    "check.fix": ("修改", "fix"),
    "check.colon": ("：", ": "),
    "check.severity": ("级别", "severity"),
    "check.summary": ("{verdict}：{sources}，{goals}（共表述 {stated} 次），{figures}；"
                      "截至{date}：达成 {hit}，未达成 {miss}，待定 {pending}；{errors}，{warnings}（{root}）",
                      "{verdict}: {sources}, {goals} (stated {stated} times), {figures}; "
                      "as of {date}: {hit} hit, {miss} miss, {pending} pending; {errors}, {warnings} ({root})"),
    # counted nouns: the English is "singular|plural"
    "n.source": ("{n} 份报告", "{n} source|{n} sources"),
    "n.goal": ("{n} 个目标", "{n} goal|{n} goals"),
    "n.figure": ("{n} 个数据", "{n} figure|{n} figures"),
    "n.error": ("{n} 个错误", "{n} error|{n} errors"),
    "n.warning": ("{n} 个警告", "{n} warning|{n} warnings"),
    "check.where": ("位置", "where"),
    "check.message": ("问题与修改", "problem and fix"),
    "load.problems": ("{root} 中有 {n} 个问题；未进行核对。", "{n} problem(s) in {root}; nothing was reconciled."),
    "load.warnings": ("警告：数据中有 {n} 个问题；请运行 `sykj-track check`。",
                      "warning: {n} problem(s) in the data; run `sykj-track check`."),
    # --- check's problems in a file (ledger/load.py, identity.py); "X.fix" is how to fix X ----------
    "toml.invalid": ("TOML 语法错误：{detail}", "not valid TOML: {detail}"),
    "toml.invalid.fix": ("检查这一行的引号、括号和 `键 = 值` 写法（字符串要用双引号；日期写作 2025-06-05）",
                         "check quotes, brackets and `key = value` syntax on that line (strings need double quotes; "
                         "dates are written 2025-06-05)"),
    "toml.digits": ("无法读取：{detail}", "not readable: {detail}"),
    "toml.digits.fix": ("没有哪个数据需要这么多位数字；按报告的写法写这个数", "no figure needs that many digits; write the number as the report does"),
    "toml.nested": ("无法读取：数组或表嵌套太深", "not readable: arrays or tables nested too deeply"),
    "toml.nested.fix": ("targets 文件只需要 [[goal]] 和 [[figure]] 表，不需要更深的嵌套",
                        "a targets file needs no nesting beyond [[goal]] and [[figure]] tables"),
    "toml.declare_twice": ("{key} 声明了两次", "Cannot declare {key} twice"),
    "toml.immutable": ("不能修改已定义的 {key}", "Cannot mutate immutable namespace {key}"),
    "toml.overwrite": ("不能覆盖已有的值", "Cannot overwrite a value"),
    "toml.overwrite_in": ("不能覆盖 {key} 中已有的值", "Cannot overwrite a value (in {key})"),
    "toml.redefine": ("不能重新定义 {key}", "Cannot redefine namespace {key}"),
    "toml.inline_twice": ("内联表中的键 {key} 重复", "Duplicate inline table key {key}"),
    "toml.escape": ("转义字符不是有效的 Unicode 字符", "Escaped character is not a Unicode scalar value"),
    "toml.expected_equals": ("键的后面缺少 '='", "Expected '=' after a key in a key/value pair"),
    "toml.expected_bracket": ("表头末尾缺少 ']'", "Expected ']' at the end of a table declaration"),
    "toml.expected_brackets": ("表数组头末尾缺少 ']]'", "Expected ']]' at the end of an array declaration"),
    "toml.expected": ("此处应为 {key}", "Expected {key}"),
    "toml.invalid_char": ("无效字符 {key}", "Found invalid character {key}"),
    "toml.illegal_char": ("非法字符 {key}", "Illegal character {key}"),
    "toml.bad_date": ("日期或时间无效", "Invalid date or datetime"),
    "toml.bad_hex": ("十六进制值无效", "Invalid hex value"),
    "toml.bad_key": ("键的首字符无效", "Invalid initial character for a key part"),
    "toml.bad_statement": ("无效语句", "Invalid statement"),
    "toml.bad_value": ("无效的值", "Invalid value"),
    "toml.unclosed_array": ("数组没有闭合", "Unclosed array"),
    "toml.unclosed_table": ("内联表没有闭合", "Unclosed inline table"),
    "toml.backslash": ("字符串中有未转义的 '\\'", "Unescaped '\\' in a string"),
    "toml.unterminated": ("字符串没有结束", "Unterminated string"),
    "type.string": ("字符串", "a string"),
    "type.int": ("整数", "a whole number"),
    "type.bool": ("true 或 false", "true or false"),
    "type.list": ("字符串列表", "a list of strings"),
    "type.date": ("日期", "a date"),
    "type.quantity": ("数字或数量字符串", "a number or a quantity string"),
    "type.of.bool": ("true/false", "true/false"),
    "type.of.datetime": ("带时刻的日期", "a date with a time"),
    "type.of.str": ("字符串", "a string"),
    "type.of.number": ("数字", "a number"),
    "type.of.list": ("列表", "a list"),
    "type.of.table": ("表", "a table"),
    "type.of.date": ("日期", "a date"),
    "type.of.time": ("时刻", "a time"),
    "type.of.other": ("{name}", "{name}"),
    "example.string": ("用双引号括起来：\"...\"", 'write it in double quotes: "..."'),
    "example.int_as": ("写成数字，不加引号：{key} = {value}", "write it as a number, without quotes: {key} = {value}"),
    "example.int": ("写成数字：year = 2025", "write it as a number: year = 2025"),
    "example.bool": ("写 true 或 false，不加引号", "write true or false, without quotes"),
    "example.list": ('写成列表：aliases = ["高企", "高新技术企业"]', 'write a list: aliases = ["高企", "高新技术企业"]'),
    "example.date": ("写成不加引号的 TOML 日期：2025-06-05", "write a TOML date without quotes: 2025-06-05"),
    "example.quantity": ('例如写 770，或 "2.5万家"', 'write e.g. 770, or "2.5万家"'),
    "field.unknown": ("{what} 中有未知字段 `{key}`", "unknown field `{key}` in {what}"),
    "field.did_you_mean": ("是不是 `{name}`？", "did you mean `{name}`?"),
    "field.allowed": ("可用字段：{names}", "allowed fields: {names}"),
    "field.wrong_type": ("`{key}` 是{type}（{value}），不是{expected}", "`{key}` is {type} ({value}), not {expected}"),
    "field.choice": ("`{key}` 的值 {value} 不在可选范围内", "`{key}` is {value}"),
    "field.choice.fix": ("可选：{allowed}", "use one of: {allowed}"),
    "field.not_string": ("`{key}` 是{type}，不是字符串", "`{key}` is {type}, not a string"),
    "field.not_string.fix": ("用双引号括起来：\"...\"", 'write it in double quotes: "..."'),
    "ledger.no_agency": ("ledger.toml 没有写明部门：以多数报告所属的部门作为本账本的部门",
                         "ledger.toml names no agency: the agency most sources declare is taken as the ledger's own"),
    "ledger.no_agency.fix": ('写明本账本追踪其报告的机构，例如 agency = "大连市科学技术局"',
                             'write the body whose reports this ledger tracks, e.g. agency = "大连市科学技术局"'),
    "metrics.missing": ("缺少指标文件", "missing metrics file"),
    "metrics.missing.fix": ("新建 targets/metrics.toml，每个指标一个 [metric.<id>] 表",
                            "create targets/metrics.toml with one [metric.<id>] table per measure"),
    "metrics.tables_only": ("metrics.toml 只能包含 [metric.<id>] 表", "metrics.toml holds [metric.<id>] tables only"),
    "metrics.tables_only.fix": ("每个指标写一个 [metric.<id>] 表，例如 [metric.hitech_enterprises]",
                                "write one [metric.<id>] table per measure, e.g. [metric.hitech_enterprises]"),
    "metrics.not_table": ("metric.{id} 不是表", "metric.{id} is not a table"),
    "metrics.not_table.fix": ("写成 [metric.<id>]", "write [metric.<id>]"),
    "metrics.lacks": ("指标 {id} 缺少 {fields}", "metric {id} lacks {fields}"),
    "metrics.lacks.fix": ("每个指标都需要 zh、en、unit、kind 和 better", "every metric needs zh, en, unit, kind and better"),
    "metrics.unit.fix": ("数量类指标用 家/个/项/名/人，金额用 亿元 或 万元，比例用 %",
                         "count metrics in 家/个/项/名/人, money in 亿元 or 万元, shares in %"),
    "metrics.bad_id": ("指标编号 {id} 不是 snake_case 英文", "metric id {id} is not snake_case English"),
    "metrics.bad_id.fix": ("编号写成 hitech_enterprises 这样", "use ids like hitech_enterprises"),
    "metrics.unread": ("指标表未能读取，{n} 条目标或数据的指标无法核对，暂未载入",
                       "the metric registry did not load, so {n} goals and figures could not be checked against it "
                       "and were left out"),
    "metrics.unread.fix": ("先改正指标表本身的错误（列在其行号处），再运行 check",
                           "fix the registry's own error (listed at its line) first, then run check again"),
    "metric.unknown": ("未知指标 {id}", "unknown metric {id}"),
    "metric.add": ("如果是新的指标，请在 targets/metrics.toml 中添加 [metric.{id}]。",
                   "Add [metric.{id}] to targets/metrics.toml if it is a new measure."),
    "metric.did_you_mean": ("是不是 {names}？", "did you mean {names}?"),
    "metric.did_you_mean_add": ("是不是 {names}？{add}", "did you mean {names}? {add}"),
    "part_of.unknown": ("part_of 指向的指标不存在：{name}", "part_of names no metric: {name}"),
    "part_of.unknown.fix": ("写总数那个 [metric.<id>] 的编号", "name the id of the total's [metric.<id>]"),
    "part_of.unit": ("{id}（{unit}）不能是 {total}（{total_unit}）的一部分", "{id} ({unit}) cannot be a part of {total} ({total_unit})"),
    "part_of.unit.fix": ("部分与总数用同一类单位（家对家，亿元对亿元）", "a part is counted in the unit of its total (家 of 家, 亿元 of 亿元)"),
    "part_of.circle": ("part_of 形成了循环：{chain}", "part_of goes round in a circle: {chain}"),
    "part_of.circle.fix": ("部分指向它的总数；总数不指向任何指标，或指向更大的总数",
                           "a part names its total; a total names nothing, or a larger total"),
    "unit.unknown": ("未知单位 {unit}；已知的单位词：{known}，前面可加 万/亿/万亿",
                     "unknown unit {unit}; known unit words: {known}, optionally after 万/亿/万亿"),
    "unit.multiplier": ("{unit} 只是倍数，不是指标可以计量的单位", "{unit} is a multiplier, not a unit a metric can be counted in"),
    "unit.multiplier_only": ("{unit} 只是倍数，不是单位", "{unit} is a multiplier, not a unit"),
    "unit.convert": ("{unit}（{dimension}）无法换算为 {to}（{to_dimension}）", "{unit} ({dimension}) cannot be converted to {to} ({to_dimension})"),
    "unit.growth_percent": ("增速是百分比，不是 {unit}", "a growth rate is a percentage, not {unit}"),
    "dimension.count": ("数量", "count"),
    "dimension.money": ("金额", "money"),
    "dimension.percent": ("百分比", "percent"),
    "dimension.points": ("百分点", "points"),
    "dimension.area": ("面积", "area"),
    "dimension.compute": ("算力", "compute"),
    "dimension.mass": ("质量", "mass"),
    "dimension.rank": ("名次", "rank"),
    "number.bad": ("不是数字：{text}；写成 770、2.5万家 或 394.28亿元 这样", "not a number: {text}; write it like 770, 2.5万家 or 394.28亿元"),
    "number.bad_short": ("不是数字：{text}", "not a number: {text}"),
    "amount.two_units": ("`{field}` 写的是 {written}，而 `unit` 写的是 {unit}", "`{field}` says {written} but `unit` says {unit}"),
    "amount.two_units.fix": ("只保留其中一个", "keep one of them"),
    "amount.number.fix": ('按报告的写法写数字，例如 2.5，unit 写 "万家"', 'write the number as the report does, e.g. 2.5 with unit "万家"'),
    "amount.no_unit": ("没有单位", "no unit"),
    "amount.no_unit.fix": ('添加 unit = "{unit}"（按报告的写法写单位词）', 'add unit = "{unit}" (the unit word as the report writes it)'),
    "amount.unit_misfit": ("单位与指标 {id}（{unit}）不符：{why}", "unit does not fit metric {id} ({unit}): {why}"),
    "amount.unit_misfit.fix": ("用与 {unit_repr} 同类的单位，或换一个指标", "use a unit of the same kind as {unit_repr}, or another metric"),
    "amount.beyond": ("`{field}` {raw} {unit} 超出了任何真实数据（{why}）", "`{field}` {raw} {unit} is beyond any real figure ({why})"),
    "amount.beyond.fix": ('按报告的写法、用指标的单位写这个数（例如 770，unit 写 "亿元"）',
                          'write the number as the report does, in the metric\'s unit (e.g. 770 with unit "亿元")'),
    "amount.not_finite": ("不是有限的数", "not a finite number"),
    "amount.over": ("超过 {limit} {unit}", "over {limit} {unit}"),
    "record.not_table": ("第 {n} 个 {what} 不是表", "{what} #{n} is not a table"),
    "record.not_table.fix": ("每个 {what} 写成一个由 `键 = 值` 行组成的 [[{what}]] 表",
                             "write each {what} as a [[{what}]] table of `key = value` lines"),
    "record.lacks": ("{what} 缺少 {fields}", "{what} lacks {fields}"),
    "record.lacks.fix": ("每个 {what} 都需要 {required}", "every {what} needs {required}"),
    "record.not_list": ("`{what}` 是{type}，不是表的列表", "`{what}` is {type}, not a list of tables"),
    "record.not_list.fix": ("每个 {what} 写成单独的 [[{what}]] 表（双方括号）",
                            "write each {what} as its own [[{what}]] table (double brackets)"),
    "year.range": ("年份 {year} 超出范围", "year {year} is out of range"),
    "year.range.fix": ("报告的年份在 {first} 到 {last} 之间，例如 year = 2025",
                       "a report year lies between {first} and {last}, e.g. year = 2025"),
    "quote.empty": ("引文为空", "empty quote"),
    "quote.empty.fix": ("从原文中复制带有这个数字的那句话", "copy the clause carrying the number from the seed"),
    "source.unknown_table": ("未知的表 `{key}`", "unknown table `{key}`"),
    "source.unknown_table.fix": ("报告文件只包含 [source]、[[goal]] 和 [[figure]]",
                                 "a source file holds [source], [[goal]] and [[figure]] only"),
    "source.missing": ("没有 [source] 表", "no [source] table"),
    "source.missing.fix": ("文件以 [source] 开头，写 id、file、title、agency、published",
                           "start the file with [source] id, file, title, agency, published"),
    "source.lacks": ("[source] 缺少 {fields}", "[source] lacks {fields}"),
    "source.lacks.fix": ("[source] 需要 id、file、title、agency 和 published", "[source] needs id, file, title, agency and published"),
    "source.id_file": ("报告编号 {id_repr} 与文件名 {stem_repr} 不同", "source id {id_repr} differs from the file name {stem_repr}"),
    "source.id_file.fix": ('把文件改名为 {id}.toml，或设 id = "{stem}"', 'rename the file to {id}.toml or set id = "{stem}"'),
    "source.retrieved_early": ("获取日期 {retrieved} 早于发布日期 {published}", "retrieved {retrieved} is before published {published}"),
    "source.retrieved_early.fix": ("文本只能在发布当天或之后获取：请核对两个日期（如果发布日期是估计的，设 published_approx = true）",
                                   "a text is fetched on or after the day it is published: check both dates (or set "
                                   "published_approx = true if the publication date is a guess)"),
    "source.url": ("`{key}` {value} 不是 http(s) 地址", "`{key}` {value} is not an http(s) address"),
    "source.url.fix": ('按浏览器显示的样子写地址：{key} = "https://..."', 'write the address as a browser shows it: {key} = "https://..."'),
    "source.sha256": ("`sha256` {value} 不是 64 位十六进制数", "`sha256` {value} is not 64 hex digits"),
    "source.sha256.fix": ("写 `sha256sum {file}` 的输出（第一个词）", "write the output of `sha256sum {file}` (the first word)"),
    "goal.between": ('op "between" 需要 target_max', 'op "between" needs target_max'),
    "goal.between.fix": ("3—5家 写成 target = 3, target_max = 5", "for 3—5家 write target = 3, target_max = 5"),
    "goal.target_max": ('有 target_max 却没有 op "between"', 'target_max without op "between"'),
    "goal.target_max.fix": ('设 op = "between"，或删去 target_max', 'set op = "between" or drop target_max'),
    "goal.max_below": ("target_max 不大于 target", "target_max is not above target"),
    "goal.max_below.fix": ("3—5家 写成 target = 3, target_max = 5", "for 3—5家 write target = 3, target_max = 5"),
    "figure.as_of": ("as_of {as_of} 不在该数据的年份 {year} 之内", "as_of {as_of} is not in the figure's year {year}"),
    "figure.as_of.fix": ("as_of 是部分年度数据截至的日期，在当年之内", "as_of is the date a partial-year figure runs to, within its year"),
    "goal.overdue": ("目标 {id}（{name}）逾期：{year}年已结束，尚无报告给出数据",
                     "goal {id} ({name}) is overdue: {year} is over and no report gives its figure"),
    "goal.overdue.fix": ("等后来的报告给出数据时补上", "add the figure when a later report gives it"),
    "goal.overdue_count": ("{n} 个目标逾期且无数据", "{n} goals are overdue with no figure"),
    "goal.overdue_count.fix": ("`sykj-track check --verbose` 逐一列出", "`sykj-track check --verbose` lists them"),
    "figures.disagree": ("{metric} {year}（{basis}）这里是 {here}，但{elsewhere}是 {there}（{at}）：「{quote}」与「{other}」；{arithmetic}",
                         "{metric} {year} ({basis}) is {here} here but {there} {elsewhere} ({at}): 「{quote}」 vs "
                         "「{other}」; {arithmetic}"),
    "figures.disagree.fix": ("如果一份报告更正了另一份，在 note 中说明；否则请核对两条引文",
                             "if one report corrects the other, say so in a note; otherwise check both quotes"),
    "figures.same_report": ("同一报告中", "in the same report"),
    "figures.in_report": ("在 {id} 中", "in {id}"),
    # --- check's problems across records (ledger/validate.py); "X.fix" is how to fix X -------------
    "seed.put_in": ("把报告放入 {seeds}/，并写 file = \"{seeds}/<name>.txt\" 引用它",
                    "put the report in {seeds}/ and cite it as file = \"{seeds}/<name>.txt\""),
    "seed.absolute": ("原文路径 {path} 是绝对路径", "seed path {path} is absolute"),
    "seed.climbs": ("原文路径 {path} 用 .. 跳出了目录", "seed path {path} climbs out with .."),
    "seed.outside": ("原文路径 {path} 不在 {seeds}/ 中", "seed path {path} is not inside {seeds}/"),
    "seed.unusable": ("原文路径 {path} 无法使用：{reason}", "seed path {path} cannot be used: {reason}"),
    "seed.not_found": ("找不到原文文件 {path}", "seed file {path} not found"),
    "seed.link": ("原文 {path} 是指向 {target} 的链接，在 {seeds}/ 之外", "seed {path} is a link to {target}, outside {seeds}/"),
    "seed.link.fix": ("把报告复制到 {seeds}/ 中，而不是链接过去", "copy the report into {seeds}/ instead of linking to it"),
    "seed.not_file": ("原文 {path} 不是文件", "seed {path} is not a file"),
    "seed.changed": ("原文 {file} 在记录之后被改动过：sha256 为 {actual}，记录的是 {recorded}",
                     "seed {file} has changed since it was recorded: sha256 {actual}, recorded {recorded}"),
    "seed.changed.fix": ("恢复 {file} 的发布原文（原文从不编辑）；如果新内容确是发布的报告，请逐条核对引文并设 sha256 = \"{actual}\"",
                         "restore the published text of {file} (seeds are never edited); if the new bytes are the "
                         "report as published, check every quote and set sha256 = \"{actual}\""),
    "seed.unreadable": ("无法读取：{reason}", "cannot be read: {reason}"),
    "seed.unreadable.fix": ("请确认文件可读", "check that it is readable"),
    "seed.dir_entry": ("不是文件", "is not a file"),
    "seed.dir_entry.fix": ("{seeds}/ 只存放报告原文；请把它移到别处", "{seeds}/ holds report texts only; move it elsewhere"),
    "seed.uncited": ("没有任何 targets 文件引用这份报告", "no targets file cites this report"),
    "seed.uncited.fix": ("新建 targets/<source-id>.toml，写 file = \"{seeds}/{name}\"",
                         "add targets/<source-id>.toml with file = \"{seeds}/{name}\""),
    "quote.not_found": ("在 {file} 中找不到引文：「{quote}」", "quote not found in {file}: 「{quote}」"),
    "quote.not_found.fix": ("从原文中原样复制这句话；只有空格、换行和全角/半角可以不同",
                            "copy the clause from the seed exactly; only spaces, line breaks and full-width/half-width "
                            "forms may differ"),
    "quote.no_number": ("数字 {written} 不在引文「{quote}」中", "the number {written} is not in its quote 「{quote}」"),
    "quote.no_number.fix": ("引用带有这个数字的那句话；如果目标是从正文推算出的，设 revealed = true 并在 note 中说明",
                            "quote the clause that carries the number, or, for a goal worked out from the text, set "
                            "revealed = true and explain in note"),
    "source.twice": ("报告编号 {id} 用了两次（第一次在 {first}）", "source id {id} is used twice (first at {first})"),
    "source.twice.fix": ("每份报告用自己的编号，与文件名相同", "give every report its own id, the same as its file name"),
    "goal.two_targets": ("{source} 对 {metric} {year}（{basis}）给出两个目标：{first}（{at}）和 {second}",
                         "{source} states two targets for {metric} {year} ({basis}): {first} at {at} and {second}"),
    "goal.two_targets.fix": ("一份报告中每个指标、年份、部门和口径只保留一个目标；另一种量需要自己的指标",
                             "keep one goal per metric, year, agency and basis in a report; a second measure needs a "
                             "metric of its own"),
    "record.twice": ("同一{what}记录了两次（第一次在 {first}）", "same {what} recorded twice (first at {first})"),
    "record.twice.fix": ("同一报告中每条表述只记录一次；删去这一条", "record a statement once per report; drop this one"),
    # --- the command line: its usage errors (render/usage.py) and the commands' own messages --------
    "usage.usage": ("用法：{usage}", "Usage: {usage}"),
    "usage.try": ("运行 '{command}' 查看帮助。", "Try '{command}' for help."),
    "usage.error": ("错误：{message}", "Error: {message}"),
    "usage.missing_argument": ("缺少参数 {hint}。", "Missing argument {hint}."),
    "usage.missing_option": ("缺少选项 {hint}。", "Missing option {hint}."),
    "usage.missing_parameter": ("缺少参数 {hint}。", "Missing parameter {hint}."),
    "usage.invalid_value": ("{hint} 的值无效：{message}", "Invalid value for {hint}: {message}"),
    "usage.no_such_option": ("没有选项 {name}。", "No such option {name}."),
    "usage.no_such_command": ("没有命令 {name}。", "No such command {name}."),
    "usage.did_you_mean": ("是不是 {names}？", "Did you mean {names}?"),
    "usage.not_one_of": ("{value} 不是可选值之一：{choices}。", "{value} is not one of {choices}."),
    "usage.not_number": ("{value} 不是有效的数字。", "{value} is not a valid number."),
    "usage.not_exist": ("{value} 不存在。", "{value} does not exist."),
    "usage.is_dir": ("{value} 是目录。", "{value} is a directory."),
    "usage.is_file": ("{value} 是文件。", "{value} is a file."),
    "usage.not_readable": ("{value} 不可读。", "{value} is not readable."),
    "usage.extra": ("多余的参数（{value}）", "Got unexpected extra arguments ({value})"),
    "usage.needs_value": ("选项 {value} 需要一个值。", "Option {value} requires an argument."),
    "usage.takes_no_value": ("选项 {value} 不接受值。", "Option {value} does not take a value."),
    "usage.missing_command": ("缺少命令。", "Missing command."),
    "cli.bad_url": ("{value} 不是 http(s) 地址；请按浏览器显示的样子写：https://...",
                    "{value} is not an http(s) address; write it as a browser shows it: https://..."),
    "cli.aborted": ("已中止！", "Aborted!"),
    "cli.bad_date": ("{value} 不是日期（{why}）。请写成 2025-12-31 这样。", "{value} is not a date ({why}). Write it like 2025-12-31."),
    "cli.year_first": ("年份要写在最前面", "write the year first"),
    "cli.bad_month": ("月份应在 1 到 12 之间", "month must be in 1..12"),
    "cli.bad_day": ("这一天不在该月之内", "day is out of range for month"),
    "cli.bad_year": ("{value} 不是年份；请用半角数字书写，例如 2025", "{value} is not a year; write it in ASCII digits, e.g. 2025"),
    "cli.no_metric": ("没有名为 {name} 的指标。{hint}`sykj-track metrics` 列出全部指标。",
                      "no metric called {name}.{hint} `sykj-track metrics` lists them all."),
    "cli.did_you_mean": ("是不是 {names}？", " Did you mean {names}?"),
    "cli.metric_matches": ("{name} 对应 {n} 个指标；请指明一个：{names}", "{name} matches {n} metrics; name one:{names}"),
    "cli.metric_note": ("注意：--metric {name} 对应 {n} 个指标：{ids}", "note: --metric {name} matches {n} metrics: {ids}"),
    "cli.cannot_write": ("无法写入 {path}：{reason}", "cannot write {path}: {reason}"),
    "write.ENOSPC": ("请释放该磁盘的空间", "free some space on that disk"),
    "write.EDQUOT": ("请释放空间（磁盘配额）", "free some space (disk quota)"),
    "write.EROFS": ("文件系统只读；请写到别的目录", "the file system is read-only; write to another directory"),
    "write.EACCES": ("你没有在那里写入的权限；请检查目录的权限", "you may not write there; check the directory's permissions"),
    "write.EPERM": ("你没有在那里写入的权限；请检查目录的权限", "you may not write there; check the directory's permissions"),
    "write.ENAMETOOLONG": ("文件名太长；请换一个短些的（例如 --id 2026-work-report）",
                           "the file name is too long; choose a shorter one (e.g. --id 2026-work-report)"),
    "cli.unreadable": ("{path}：无法读取：{reason}", "{path}: cannot be read: {reason}"),
    "extract.warning": ("警告：{root} 中有 {n} 个问题；用已加载的指标进行匹配（请运行 `sykj-track check`）。",
                        "warning: {n} problem(s) in {root}; matching with the metrics that loaded (run `sykj-track check`)."),
    "extract.bad_id": ("{id}：最多 100 个字母、数字、- 和 _（例如 2026-work-report）",
                       "{id}: use up to 100 letters, digits, - and _ (e.g. 2026-work-report)"),
    "extract.summary": ("{goals} 个目标，{figures} 个数据，{metrics} 个建议的新指标；{recorded} 个已记录；按 {encoding} 读取。",
                        "{goals} goal(s), {figures} figure(s), {metrics} proposed metric(s); {recorded} already recorded; "
                        "read as {encoding}."),
    "extract.convert_note": ("注意：{report} 是 {encoding} 编码；账本中的原文用 UTF-8（草稿的 sha256 是 UTF-8 文本的）。"
                             "转换：{command} —— 或加 --write 运行，它会转换。",
                             "note: {report} is {encoding}; the ledger keeps seeds in UTF-8 (the draft's sha256 is of the "
                             "UTF-8 text). Convert it: {command} — or run with --write, which does."),
    "extract.installed": ("--write 需要一个可写入的账本，而这里没有：正在使用的数据是随工具安装的副本（{root}）。"
                          "请在源码目录或 `sykj-track init DIR` 建立的账本中运行，或加 --data DIR。",
                          "--write needs a ledger to write to, and there is none here: the data in use is the copy "
                          "installed with the tool ({root}). Run it inside a checkout or a ledger made by "
                          "`sykj-track init DIR`, or pass --data DIR."),
    "extract.reserved.metrics": ("{id} 是账本自己的指标文件的名字，不是报告；请换一个编号（例如 2026-work-report）。",
                                 "{id} names the ledger's own metric registry, not a report; choose another id (e.g. "
                                 "2026-work-report)."),
    "extract.reserved.ledger": ("{id} 是账本自己的身份文件的名字，不是报告；请换一个编号（例如 2026-work-report）。",
                                "{id} names the ledger's own identity file, not a report; choose another id (e.g. "
                                "2026-work-report)."),
    "extract.exists": ("{path} 已存在；加 --force 替换它，或用 --id 换一个编号。",
                       "{path} exists; pass --force to replace it, or --id to choose another id."),
    "extract.wrote": ("已写入 {path}：{summary}", "wrote {path}: {summary}"),
    "extract.converted": ("已把报告从 {encoding} 转换为 UTF-8，存入 {seed}（原文件的 sha256 记在草稿 [source] 的 note 中）。",
                          "converted the report from {encoding} to UTF-8 in {seed} (the original's sha256 is in the "
                          "draft's [source] note)."),
    "extract.copy_seed": ("注意：请把报告复制到 {seed}；`check` 在那里查找引文。",
                          "note: copy the report to {seed}; `check` looks for the quotes there."),
    "extract.no_date": ("正文中没有发布日期，也没有可据以推断的年份；请加 --published YYYY-MM-DD",
                        "no publication date in the text and no year to infer one from; pass --published YYYY-MM-DD"),
    "extract.unreadable": ("{what}；{fix}", "{what}; {fix}"),
    "cli.file_error": ("{path}：{message}", "{path}: {message}"),
    "init.exists": ("{path} 已存在：{root} 中已经有账本了", "{path} already exists: {root} holds a ledger already"),
    "init.cannot_create": ("无法在 {root} 中建立账本：{reason}", "cannot create the ledger in {root}: {reason}"),
    "init.from_missing": ("--from {path}：没有这个目录", "--from {path}: no such directory"),
    "init.from_no_metrics": ("--from {path}：那里没有 targets/metrics.toml；请指定一个账本目录（含 targets/metrics.toml）",
                             "--from {path}: no targets/metrics.toml there; name a ledger directory (one holding "
                             "targets/metrics.toml)"),
    "init.from_errors": ("--from {path}：它的指标文件有 {n} 个错误，第一个：{first}\n请先运行 `sykj-track --data {root} check` 并改正",
                         "--from {path}: its metric registry has {n} error(s), the first: {first}\nrun "
                         "`sykj-track --data {root} check` and fix them first"),
    "data.no_targets": ("{origin} {value}：那里没有 targets/ 目录。请指向一个含有 targets/ 和 seeds/ 的目录。",
                        "{origin} {value}: no targets/ directory there. Point it at a directory that holds targets/ "
                        "and seeds/."),
    "data.none": ("没有找到数据：当前目录及其上级目录中都没有 targets/，软件包也没有附带数据。请加 --data DIR 或设置 {var}。",
                  "no data found: no targets/ here or in any parent directory, and none bundled with the package. "
                  "Pass --data DIR or set {var}."),
    "schema.kind": ("请指定 KIND（source、metrics 或 ledger），或加 --write DIR 写出全部。",
                    "name a KIND (source, metrics or ledger), or pass --write DIR for all of them."),
    "schema.wrote": ("已写入 {path}", "wrote {path}"),
    # --- files that are not UTF-8 text (ledger/textfile.py) ------------------------------------------
    "text.big5": ("不是 UTF-8、UTF-16 或 GB18030 编码的文本（可能是 Big5 或其他编码：按 GB18030 读出来是乱码）",
                  "is not text in UTF-8, UTF-16 or GB18030 (it may be Big5 or another encoding: read as GB18030 "
                  "it is garbage)"),
    "text.resave": ("用能正确显示它的编辑器打开，另存为 UTF-8", "open it in an editor that shows it right and save it as UTF-8"),
    "text.binary": ("不是 UTF-8、UTF-16 或 GB18030 编码的文本；看起来是二进制数据",
                    "is not text in UTF-8, UTF-16 or GB18030; it looks like binary data"),
    "text.binary.fix": ("从 PDF 或网页中复制正文，保存为 UTF-8", "copy the text out of the PDF or web page and save it as UTF-8"),
    "text.private_use": ("按 {encoding} 读取时含有私用区字符：是乱码，不是文本",
                         "holds private-use characters when read as {encoding}: garbage, not text"),
    "text.directory": ("是目录，不是文件", "is a directory, not a file"),
    "text.directory.fix": ("请指向一个文本文件", "point at a text file"),
    "text.unreadable": ("无法读取：{reason}", "cannot be read: {reason}"),
    "text.unreadable.fix": ("请确认文件存在且可读", "check that it exists and is readable"),
    "text.gb18030": ("不是 UTF-8；看起来是 {encoding}（政府公文常见）",
                     "is not UTF-8; it looks like {encoding} (common for Chinese government text)"),
    "text.other_encoding": ("不是 UTF-8；看起来是 {encoding}", "is not UTF-8; it looks like {encoding}"),
    "text.convert": ("转换编码：{command}", "convert it: {command}"),
    "text.not_utf8": ("不是 UTF-8 文本（第 {offset} 字节无效）；看起来是二进制数据、Big5 或其他编码",
                      "is not UTF-8 text (invalid byte at offset {offset}); it looks like binary data, Big5 or "
                      "another encoding"),
    "text.not_utf8.fix": ("保存为 UTF-8 文本", "save it as UTF-8 text"),
    # what the system says of a file it cannot read or write, by errno (else its own words)
    "os.ENOENT": ("文件不存在", "No such file or directory"),
    "os.EACCES": ("没有权限", "Permission denied"),
    "os.EPERM": ("不允许此操作", "Operation not permitted"),
    "os.EISDIR": ("是目录", "Is a directory"),
    "os.ENOTDIR": ("不是目录", "Not a directory"),
    "os.ENOSPC": ("磁盘空间不足", "No space left on device"),
    "os.EROFS": ("文件系统只读", "Read-only file system"),
    "os.ENAMETOOLONG": ("文件名太长", "File name too long"),
    "os.ELOOP": ("符号链接循环", "Too many levels of symbolic links"),
    "os.other": ("{reason}", "{reason}"),
    # --- diff ---------------------------------------------------------------------------------------
    "diff.title": ("{a} → {b}（截至{date}）", "{a} → {b} (as of {date})"),
    "diff.a_target": ("{year}目标", "{year} target"),
    "diff.a_actual": ("{year}实际", "{year} actual"),
    "diff.change": ("变化", "change"),
    "diff.stated": ("报告增速", "stated growth"),
    "diff.implied": ("推算增速", "implied growth"),
    "diff.flags": ("提示", "flags"),
    "diff.plan": ("按计划", "plan"),
    "diff.none": ("{a}年和{b}年没有符合条件的目标或数据（截至{date}）。",
                  "No goals or figures for {a} or {b} match (as of {date})."),
    "diff.rows": ("{n} 行；", "{n} rows; "),
    "diff.no_flags": ("无提示", "no flags"),
    "diff.missing": ("截至{date}发布的报告中没有{years}年的目标或数据。有数据的年份：{known}。",
                     "no goal or figure for {years} in the reports published by {date}. Years with data: {known}."),
    "diff.same_year": ("A 与 B 是同一年；请比较两个不同的年份，例如 2024 2025。",
                       "A and B are the same year; compare two different years, e.g. 2024 2025."),
    "diff.lacks_goals": ("台账中没有{year}年的目标（未记录{year}年的计划）：各行不因此标为新目标或目标取消。",
                         "The ledger records no goals for {year} (no plan for {year} is recorded): rows are not "
                         "flagged new-goal or dropped-goal against it."),
    "diff.lacks_agency": ("台账中有{year}年的目标，但没有{agency}的：其{other}年的目标不因此标为新目标或目标取消。",
                          "The ledger records goals for {year}, but none of {agency}: its goals for {other} are not "
                          "flagged new-goal or dropped-goal against it."),
    "diff.lacks_figures": ("台账中没有{year}年的数据（尚未记录{year}年成绩的报告）。",
                           "The ledger records no figures of {year} (no report of {year}'s results is recorded yet)."),
    "flag.consistent-growth": ("增速相符", "consistent-growth"),
    "flag.inconsistent-growth": ("增速不符", "inconsistent-growth"),
    "flag.target-below-prior": ("目标低于已有数据", "target-below-prior"),
    "flag.new-goal": ("新目标", "new-goal"),
    "flag.dropped-goal": ("目标取消", "dropped-goal"),
    "flag.status-change": ("状态变化", "status-change"),
    "none": ("无", "none"),
    # --- audit --------------------------------------------------------------------------------------
    "kind.increment-mismatch": ("新增量不符", "increment-mismatch"),
    "kind.growth-mismatch": ("增速不符", "growth-mismatch"),
    "kind.target-below-prior": ("目标低于已有数据", "target-below-prior"),
    "kind.conflicting-figures": ("数据互相矛盾", "conflicting-figures"),
    "kind.part-exceeds-total": ("部分大于总数", "part-exceeds-total"),
    "audit.none": ("没有发现问题：各报告的数字彼此一致。", "No findings: the reports' numbers agree with each other."),
    "audit.count": ("{n} 项发现：", "{n} finding(s): "),
    "audit.estimate": ("依据预计数", "rests on an estimate (预计)"),
    "audit.kind": ("类型", "kind"),
    "audit.years": ("年份", "years"),
    "audit.arithmetic": ("算式", "arithmetic"),
    "audit.plan.increment": ("{text}；新增目标 {n}", "{text}; increase goal {n}"),
    "audit.plan.growth": ("{text}；增速目标 {n}", "{text}; growth goal {n}"),
    "audit.stated.increment": ("{text}；报告的新增 {n}", "{text}; increase stated {n}"),
    "audit.stated.growth": ("{text}；报告的增速 {n}", "{text}; growth stated {n}"),
    "audit.note.plan.increment": ("同一报告的总量目标与新增目标，与最近的总量不相符。",
                                  "The level goal and the increase goal of one report do not agree with the last level."),
    "audit.note.plan.growth": ("同一报告的总量目标与增速目标，与最近的总量不相符。",
                               "The level goal and the growth goal of one report do not agree with the last level."),
    "audit.note.floors": ("{first}两个目标都是下限，一个结果可以同时满足两者：这是计划算式上的不一致，而非互相矛盾。",
                          "{first} Both goals are floors, so one result can meet both: the numbers disagree as the "
                          "plan's arithmetic, not as a contradiction."),
    "audit.below_prior.higher": ("{year}年目标：{goal}；{prior_year}年已报告：{prior}，已高于目标",
                                 "goal for {year}: {goal}; already reported for {prior_year}: {prior}, above the target"),
    "audit.below_prior.lower": ("{year}年目标：{goal}；{prior_year}年已报告：{prior}，已优于目标",
                                "goal for {year}: {goal}; already reported for {prior_year}: {prior}, better than the "
                                "target"),
    "audit.note.below_prior": ("目标低于已经报告的数（{kind}）。", "The goal asks for less than was already reported ({kind})."),
    "audit.no_overlap": ("{a}（{ia}）与 {b}（{ib}）不可能同时成立", "{a} ({ia}) and {b} ({ib}) do not overlap"),
    "audit.shrinks": ("累计数不会减少：截至{d1}为 {early}，截至{d2}却为 {late}",
                      "a running total cannot shrink: {early} by {d1} but {late} by {d2}"),
    "audit.part_exceeds": ("部分 {part}（{ip}）大于总数 {total}（{it}）",
                           "the part {part} ({ip}) is more than the whole {total} ({it})"),
    "audit.quotes": ("依据", "quotes"),
    "audit.place": ("原文位置", "in the report"),
    "audit.record": ("台账位置", "in the ledger"),
    "audit.quote": ("引文", "quote"),
    "audit.role": ("角色", "role"),
    "role.before": ("前一年", "before"),
    "role.after": ("当年", "after"),
    "role.first": ("其一", "first"),
    "role.second": ("其二", "second"),
    "role.part": ("部分", "part"),
    "role.total": ("总数", "total"),
    "role.prior": ("前值", "prior"),
    "role.increment": ("新增", "increment"),
    "role.level": ("总量", "level"),
    "role.growth": ("增速", "growth"),
    "role.goal": ("目标", "goal"),
    "role.figure": ("数据", "figure"),
    # --- show ---------------------------------------------------------------------------------------
    "show.unit_line": ("单位 {unit} · {kind} · {better} · 截至{date}", "unit {unit} · {kind} · {better} · as of {date}"),
    "metric_kind.stock": ("存量", "stock"),
    "metric_kind.flow": ("流量", "flow"),
    "metric_kind.ratio": ("比率", "ratio"),
    "metric_kind.rank": ("排名", "rank"),
    "show.better.higher": ("越高越好", "higher is better"),
    "show.better.lower": ("越低越好", "lower is better"),
    "show.none": ("截至{date}发布的报告中没有该指标的目标或数据。",
                  "No report published by {date} gives a goal or a figure of this metric."),
    "show.goals": ("目标（来源）", "goals (source)"),
    "show.figures": ("数据（来源）", "figures (source)"),
    "show.verdict": ("判定", "verdict"),
    "show.charted": ("* 图中采用并据以判定的数据：正式数优先于预计数，全年优先于部分年度，确数优先于界限值，再取较晚的报告",
                     "* the figure charted and judged: final over 预计, full year over part of it, exact over "
                     "bounded, then the later report"),
    "show.target_prefix": ("目标", "target "),
    "show.legend_plain": ("# 数据   | 目标   （状态写在每行末尾）",
                          "# figure   | target   (the status is written out at the end of each row)"),
    "show.legend_bar": ("█ 数据（浅色：预计或部分年度）   ┃ 目标", "█ figure (faint: 预计 or part of the year)   ┃ target"),
    "show.legend_colour": ("绿 达成 · 红 未达成 · 黄 待定 · 青 当年无目标",
                           "green hit · red miss · yellow pending · cyan no goal that year"),
    "show.quotes_title": ("引文", "Quotes"),
    # --- report (HTML) ------------------------------------------------------------------------------
    "html.lang_switch": ("English", "中文"),
    "html.summary": ("概览", "Summary"),
    "html.goals": ("目标明细", "Every goal"),
    "html.findings": ("审计发现", "Audit findings"),
    "html.charts": ("图表", "Targets vs. actuals"),
    "html.sources": ("来源", "Sources"),
    "html.hit_rate": ("达成率", "hit rate"),
    "html.year": ("目标年份", "target year"),
    "html.count": ("目标数", "goals"),
    "html.of_which_unreported": ("其中逾期未报", "of which unreported"),
    "html.rate_note": ("达成率 = 达成 ÷ (达成 + 未达成)：只算已有结论、且由计划提出的目标；事后才披露的目标（“超额完成…目标”）不计入。"
                       "待定的目标或未到期，或逾期未报（年份已过，尚无报告给出当年数据）。",
                       "Hit rate = hit ÷ (hit + miss): decided goals a plan stated; goals revealed only afterwards "
                       "(\u201cexceeded the goal of …\u201d) are left out. A pending goal is either not yet due, or "
                       "unreported (its year is over and no report gives a figure)."),
    "html.revealed_left_out": ("不含{n}项事后披露的目标", "{n} revealed goal(s) left out"),
    "html.all": ("全部", "all"),
    "html.search": ("搜索", "search"),
    "html.search_hint": ("指标、引文、报告…", "metric, quote, report…"),
    "html.reset": ("重置", "reset"),
    "html.expand": ("展开全部", "expand all"),
    "html.collapse": ("收起全部", "collapse all"),
    "html.agency": ("部门", "agency"),
    "html.showing": ("显示", "showing"),
    "html.count_tail": ("个目标 · 点击一行查看原文引文与来源", "goals · click a row for its quotes and sources"),
    "html.none": ("没有符合条件的目标。", "No goal matches these filters."),
    "html.reason": ("原因 / 依据", "reason / evidence"),
    "html.goal_quote": ("目标", "goal"),
    "html.figure_quote": ("{year}年数据", "figure of {year}"),
    "html.superseded_by": ("被后来的报告修订：{id}", "superseded by {id}"),
    "html.derived": ("由上面的数据推算：{range}", "derived from the figures above: {range}"),
    "html.revealed": ("事后披露的目标，不计入达成率", "revealed afterwards: left out of the hit rate"),
    "html.link": ("原文链接", "link"),
    "html.archive": ("存档", "archive"),
    "html.approx": ("约", "approx."),
    "html.not_found": ("未在原文中找到此引文", "quote not found in its seed"),
    "html.doubt_mark": ("存疑", "doubt"),
    "html.published": ("发布", "published"),
    "html.report": ("报告", "report"),
    "html.seed": ("原文", "seed"),
    "html.not_yet": ("晚于截止日期，未计入", "not yet published at the cut-off date; not counted"),
    "html.title": ("说过的目标，做到了吗？", "Goals stated, goals met?"),
    "html.sub": ("各报告提出的目标，与后来报告给出的数据对照。截至 {date}，依据 {n} 份已发布报告，共 {goals} 个目标。",
                 "Goals stated in the reports, against the figures later reports give. As of {date}, from {n} "
                 "published reports, {goals} goals."),
    "html.footer": ("由 sykj-track report --html --as-of {date} 生成。每个结论都附有报告原文；判定规则见项目 README。",
                    "Generated by sykj-track report --html --as-of {date}; every verdict carries the report's own words."),
    "html.no_goal": ("当年无目标", "no goal"),
    "html.faint": ("预计或部分年度", "estimate / part of the year"),
    "html.more_goal_only": ("另有 {n} 项指标只有目标、尚无数据", "{n} more metrics with goals but no figure yet"),
    "html.figure_only": ("{n} 项指标只有数据、没有目标，不在此绘制；sykj-track show 指标 可绘制任一指标。",
                         "{n} metrics with figures but no goal are not charted; sykj-track show METRIC charts any."),
    "report.empty_path": ("--html 需要文件名，例如 report.html（或用 - 输出到标准输出）。",
                          "--html needs a file name, e.g. report.html (or - for stdout)."),
    "report.is_dir": ("{path} 是目录；请指定文件名，例如 {example}。", "{path} is a directory; name a file, e.g. {example}."),
    "report.no_dir": ("没有目录 {dir} 可写入 {name}；请先创建。", "no directory {dir} to write {name} into; create it first."),
    "report.wrote": ("已写入 {path}（{kb} KB）：{n} 个目标，截至{date}，达成 {hit}，未达成 {miss}，待定 {pending}。",
                     "wrote {path} ({kb} KB): {n} goals as of {date}, {hit} hit, {miss} miss, {pending} pending."),
    # --- the ledger's identity: --help's closing line, init -------------------------------------------
    "help.ledger": ("当前账本：{who}的目标，位于：", "Ledger in use: the goals of {who}, in:"),
    "help.ledger_neutral": ("当前账本没有声明机构：请在 targets/ledger.toml 中写 agency = \"...\""
                            "（新账本用 `sykj-track init DIR --agency NAME` 写入）。账本位于：",
                            "The ledger in use names no agency: write agency = \"...\" in "
                            "targets/ledger.toml (`sykj-track init DIR --agency NAME` writes it for a new "
                            "ledger). It is in:"),
    "help.no_ledger": ("未找到账本：{error}", "No ledger found: {error}"),
    "init.created": ("已创建 {path}", "created {path}"),
    "init.copied": ("已从 {source} 复制 {n} 个指标", "copied {n} metrics from {source}"),
    "init.review": ("请复核 {n} 个复制来的指标，其措辞提到原账本的地名：{ids}",
                    "review {n} copied metric(s) whose wording names the other ledger's place: {ids}"),
    "init.no_agency": ("注意：未给出 --agency；请在 targets/ledger.toml 中写明（agency = \"...\"），以便区分其他部门的目标。",
                       "note: no --agency given; write it in targets/ledger.toml (agency = \"...\") so goals of "
                       "other agencies are told apart."),
    "init.next": ("下一步：把报告放入 {dir}/seeds/，在 targets/metrics.toml 中描述指标，然后运行 "
                  "`sykj-track --data {dir} extract {dir}/seeds/REPORT.txt --write`。",
                  "Next: put reports in {dir}/seeds/, describe measures in targets/metrics.toml, and run "
                  "`sykj-track --data {dir} extract {dir}/seeds/REPORT.txt --write`."),
    # --- changes: verdicts that changed between two dates (render/changes.py) -----------------------
    "change.new": ("新目标", "new goal"),
    "change.decided": ("有了结论", "decided"),
    "change.reversed": ("结论反转", "reversed"),
    "change.reopened": ("重新待定", "reopened"),
    "change.revised": ("目标调整", "target revised"),
    "change.evidence": ("依据更新", "new evidence"),
    "change.overdue": ("逾期无数据", "overdue, no figure"),
    "changes.header": ("{since} → {until}：{n} 项变化", "{since} → {until}: {n} change(s)"),
    "changes.figure": ("实绩", "figure"),
    "changes.no_report": ("{year}年已结束，尚无报告给出数据", "{year} is over and no report gives a figure"),
    "changes.feed_title": ("{title}：目标结论变化", "{title}: changes of verdicts"),
    "changes.until_before_since": ("--until {until} 不晚于 --since {since}；请给出更早的 --since。",
                                   "--until {until} is not after --since {since}; give an earlier --since."),
    # --- export, check --format github, status --fail-on -------------------------------------------
    "export.wrote": ("已写入 {db}（{counts}；结论截至{date}）和 {meta}。\n浏览：datasette {db} -m {meta}",
                     "wrote {db} ({counts}; verdicts as of {date}) and {meta}.\nBrowse it: datasette {db} -m {meta}"),
    "export.counts": ("{sources} 份报告，{metrics} 个指标，{goals} 条目标，{figures} 个数据，{verdicts} 个结论，{findings} 条核对发现",
                      "{sources} sources, {metrics} metrics, {goals} goals, {figures} figures, {verdicts} verdicts, "
                      "{findings} findings"),
    "export.same_file": ("数据库与元数据会是同一个文件；请另给 --metadata。",
                         "the database and its metadata would be one file; name another --metadata."),
    "export.is_dir": ("{path} 是目录；请给出文件名，例如 {example}。", "{path} is a directory; name a file, e.g. {example}."),
    "export.no_trigram": ("此 Python 的 SQLite 版本为 {version}；中文全文检索需要 SQLite {needed} 或更新版本的 trigram 分词器。"
                          "请换用更新的 Python（python.org 与 uv 的版本自带较新的 SQLite）。",
                          "this Python's SQLite is {version}; full-text search in Chinese needs the trigram tokenizer "
                          "of SQLite {needed} or newer. Use a newer Python (python.org and uv builds bundle a recent SQLite)."),
    "export.description": ("截至{date}的目标、公布数据与结论；每个数字都附有出处原文。可用中文检索原文（如：高新技术企业）。",
                           "Goals, reported figures and verdicts as of {date}; every number with the quote it comes "
                           "from. Search the quotes in Chinese (e.g. 高新技术企业)."),
    "export.query.misses": ("某年未达成的目标", "Misses of a year"),
    "export.table.sources": ("报告", "Reports"),
    "export.table.sources.about": ("每份公开报告一行；原文见 seeds/ 中的文件。",
                                   "One row per published report; the text itself is the file in seeds/."),
    "export.table.metrics": ("指标", "Measures"),
    "export.table.metrics.about": ("目标与数据所用的全部指标。", "Every measure goals and figures are recorded in."),
    "export.table.goals": ("目标", "Goals"),
    "export.table.goals.about": ("报告提出的每个目标；两份报告提出同一目标则有两行。",
                                 "Every goal as a report states it; a goal stated by two reports has two rows."),
    "export.table.figures": ("公布数据", "Reported figures"),
    "export.table.figures.about": ("报告给出的每个年度数据。", "Every figure a report gives for a year."),
    "export.table.verdicts": ("结论", "Verdicts"),
    "export.table.verdicts.about": ("每个目标的达成、未达成或待定，依据 as_of 当日已发布的报告判定。",
                                    "hit, miss or pending for every goal, judged with the reports published by as_of."),
    "export.table.findings": ("核对发现", "Audit findings"),
    "export.table.findings.about": ("报告自身数字相互矛盾之处（sykj-track audit）。",
                                    "Where the reports' own numbers contradict each other (sykj-track audit)."),
    "export.table.finding_records": ("核对依据", "Statements behind the findings"),
    "export.table.finding_records.about": ("每条核对发现所依据的目标与数据及其在算式中的角色。",
                                           "Each finding's goals and figures, with their role in the arithmetic."),
    # Column descriptions of the exported database (Datasette shows them as each column's help).
    "export.column.sources.id": ("报告编号，也是其在 targets/ 中的文件名",
                                 "Source id, also the name of its file in targets/"),
    "export.column.sources.file": ("台账中报告原文的文件（seeds/...），与发布时一致",
                                   "The report's text in the ledger, as published (seeds/...)"),
    "export.column.sources.title": ("报告标题", "Title of the report"),
    "export.column.sources.agency": ("发布报告的机关", "The body that published it"),
    "export.column.sources.published": ("发布日期（YYYY-MM-DD）", "Publication date (YYYY-MM-DD)"),
    "export.column.sources.published_approx": ("发布日期为推定时为 1（见备注）",
                                               "1 when the publication date is an estimate (see note)"),
    "export.column.sources.url": ("报告的发布网址", "Where the report was published"),
    "export.column.sources.archive_url": ("报告的存档副本", "An archived copy of the report"),
    "export.column.sources.retrieved": ("获取原文的日期", "When the text was retrieved"),
    "export.column.sources.sha256": ("获取时原文文件的 SHA-256", "SHA-256 of the seed file as retrieved"),
    "export.column.sources.note": ("关于报告的备注", "Remarks on the source"),
    "export.column.sources.record": ("targets/ 中 [source] 表的 文件:行",
                                     "file:line of the [source] table in targets/"),
    "export.column.metrics.id": ("指标编号（英文 snake_case）", "Metric id (snake_case English)"),
    "export.column.metrics.zh": ("中文名称", "Chinese name"),
    "export.column.metrics.en": ("英文名称", "English name"),
    "export.column.metrics.unit": ("数值换算成的单位（增速目标以 % 计）",
                                   "The unit values are converted to (growth goals are in %)"),
    "export.column.metrics.kind": ("stock（存量）、flow（流量）、ratio（比率）或 rank（排名）",
                                   "stock, flow, ratio or rank"),
    "export.column.metrics.better": ("higher（越高越好）或 lower（越低越好）", "higher or lower"),
    "export.column.metrics.aliases": ("报告使用的其他说法（JSON 列表）",
                                      "Other wordings the reports use (JSON list)"),
    "export.column.metrics.note": ("该指标是什么、不是什么", "What the measure is and is not"),
    "export.column.goals.id": ("行号", "Row number"),
    "export.column.goals.verdict": ("此条目标所属的结论（报告晚于导出的截至日期时为空）",
                                    "The verdict this statement belongs to (empty when its report appeared after "
                                    "the export's as-of)"),
    "export.column.goals.metric": ("指标编号", "Metric id"),
    "export.column.goals.source": ("提出目标的报告", "The report stating the goal"),
    "export.column.goals.agency": ("目标所属的机关", "The body the goal is set for"),
    "export.column.goals.year": ("目标年份", "Target year"),
    "export.column.goals.basis": ("level（水平）、growth（增速，以 % 计）或 increment（增量）",
                                  "level, growth (in %) or increment"),
    "export.column.goals.op": (">=、>、<=、< 或 between（区间）", ">=, >, <=, < or between"),
    "export.column.goals.target": ("目标值，以指标单位计（增速以 % 计）",
                                   "Target in the metric's unit (in % for growth)"),
    "export.column.goals.target_max": ("op 为 between 时的上限", "Upper end for op between"),
    "export.column.goals.unit": ("目标值的单位", "Unit of target"),
    "export.column.goals.written": ("报告中目标的原始写法", "The target as the report writes it"),
    "export.column.goals.revealed": ("目标仅见于后来的报告时为 1",
                                     "1 when the goal is known only from a later report"),
    "export.column.goals.quote": ("报告原文，逐字引用", "The report's words, verbatim"),
    "export.column.goals.seed_line": ("原文所在的 seeds/文件:行", "seeds/file:line where the quote stands"),
    "export.column.goals.record": ("记录所在的 targets/文件:行", "targets/file:line of the record"),
    "export.column.goals.note": ("备注", "Remarks"),
    "export.column.goals.doubt": ("解读可能有误时，说明原因", "Why the reading may be wrong, when it may"),
    "export.column.figures.id": ("行号", "Row number"),
    "export.column.figures.metric": ("指标编号", "Metric id"),
    "export.column.figures.source": ("给出数据的报告", "The report giving the figure"),
    "export.column.figures.year": ("数据所属年份", "The year the figure is for"),
    "export.column.figures.basis": ("level（水平）、growth（增速，以 % 计）或 increment（增量）",
                                    "level, growth (in %) or increment"),
    "export.column.figures.value": ("数值，以指标单位计（增速以 % 计）",
                                    "Value in the metric's unit (in % for growth)"),
    "export.column.figures.unit": ("数值的单位", "Unit of value"),
    "export.column.figures.written": ("报告中数值的原始写法", "The value as the report writes it"),
    "export.column.figures.bound": ("exact（确数）、more_than（突破）、at_least（以上）、about（约）或 "
                                    "at_most（以内）",
                                    "exact, more_than (突破), at_least (以上), about (约) or at_most"),
    "export.column.figures.estimate": ("预计数为 1", "1 for an estimate (预计)"),
    "export.column.figures.as_of": ("年内部分数据（截至）所到的日期",
                                    "For a partial-year figure, the day it runs to (截至)"),
    "export.column.figures.quote": ("报告原文，逐字引用", "The report's words, verbatim"),
    "export.column.figures.seed_line": ("原文所在的 seeds/文件:行", "seeds/file:line where the quote stands"),
    "export.column.figures.record": ("记录所在的 targets/文件:行", "targets/file:line of the record"),
    "export.column.figures.note": ("备注", "Remarks"),
    "export.column.figures.doubt": ("解读可能有误时，说明原因", "Why the reading may be wrong, when it may"),
    "export.column.verdicts.id": ("目标编号：年份:指标:口径（非本台账机关的目标另加机关名）",
                                  "Goal id: year:metric:basis (plus the agency when it is not the ledger's own)"),
    "export.column.verdicts.as_of": ("判定结论所依据的日期", "The date the verdict is judged at"),
    "export.column.verdicts.metric": ("指标编号", "Metric id"),
    "export.column.verdicts.name_zh": ("指标中文名称", "Chinese name of the metric"),
    "export.column.verdicts.name_en": ("指标英文名称", "English name of the metric"),
    "export.column.verdicts.agency": ("目标所属的机关", "The body the goal is set for"),
    "export.column.verdicts.year": ("目标年份", "Target year"),
    "export.column.verdicts.basis": ("level（水平）、growth（增速，以 % 计）或 increment（增量）",
                                     "level, growth (in %) or increment"),
    "export.column.verdicts.op": ("目标的比较符", "The goal's operator"),
    "export.column.verdicts.target": ("目标值", "Target"),
    "export.column.verdicts.target_max": ("op 为 between 时的上限", "Upper end for op between"),
    "export.column.verdicts.unit": ("目标值与实绩的单位", "Unit of target and actual"),
    "export.column.verdicts.status": ("hit（达成）、miss（未达成）、pending（待定）或 superseded（已修订）",
                                      "hit, miss, pending or superseded"),
    "export.column.verdicts.reason": ("待定的原因：not-due（未到期）、no-figure（逾期未报）、"
                                      "partial（仅有年内数据）、inconclusive（无法判定）；已修订为 revised",
                                      "Why pending: not-due, no-figure (overdue, 逾期未报), partial, inconclusive "
                                      "(revised for superseded)"),
    "export.column.verdicts.evidence": ("final（最终数）、estimate（预计数）、partial（年内数据）或 "
                                        "derived（由两年水平推算）",
                                        "final, estimate, partial or derived (from two levels)"),
    "export.column.verdicts.actual": ("结论所依据的数值（推算值无法判定时为空）",
                                      "The figure the verdict rests on (empty for a derived value that decides "
                                      "nothing)"),
    "export.column.verdicts.actual_bound": ("该数值的界限（突破、以上、约等）", "Its bound"),
    "export.column.verdicts.actual_estimate": ("该数值为预计数时为 1", "1 when it is an estimate"),
    "export.column.verdicts.actual_as_of": ("年内部分数据（截至）所到的日期",
                                            "For a partial-year figure, the day it runs to (截至)"),
    "export.column.verdicts.actual_lo": ("推算值的范围下限（下方无界或非推算值时为空）",
                                         "A derived value's range: its lower end (empty when open below or not "
                                         "derived)"),
    "export.column.verdicts.actual_hi": ("推算值的范围上限（上方无界或非推算值时为空）",
                                         "A derived value's range: its upper end (empty when open above or not "
                                         "derived)"),
    "export.column.verdicts.attainment": ("实绩 ÷ 目标（越低越好的指标为 目标 ÷ 实绩）",
                                          "actual / target (target / actual when lower is better)"),
    "export.column.verdicts.revealed": ("目标仅因报告称已完成（超额完成…目标）而得知时为 1：不计入达成率",
                                        "1 when the goal is known only because a report says it was met "
                                        "(超额完成…目标): left out of the hit rate"),
    "export.column.verdicts.quote": ("目标原文", "The goal's words"),
    "export.column.verdicts.goal": ("现行的目标表述", "The goal statement in force"),
    "export.column.verdicts.sources": ("提出该目标的全部报告（JSON 列表）",
                                       "Every report stating the goal (JSON list)"),
    "export.column.verdicts.source_urls": ("这些报告的网址，顺序相同（JSON 列表；未记录的为 null）",
                                           "Their urls, in the same order (JSON list; null where none is recorded)"),
    "export.column.verdicts.figure": ("结论所依据的数据", "The figure the verdict rests on"),
    "export.column.verdicts.figure_source": ("给出该数据的报告", "The report giving that figure"),
    "export.column.verdicts.figure_source_url": ("该报告的网址", "Its url"),
    "export.column.verdicts.figure_year": ("该数据所属年份", "The year of that figure"),
    "export.column.verdicts.figure_quote": ("数据原文", "The figure's words"),
    "export.column.verdicts.derived_from": ("推算值所依据的数据（JSON 列表：报告、年份、数值、原文）",
                                            "For a derived value, the figures it is worked out from (JSON list of "
                                            "source, year, value, quote)"),
    "export.column.verdicts.superseded_by_goal": ("已修订目标的修订表述",
                                                  "For a superseded goal, the statement that revised it"),
    "export.column.verdicts.superseded_by": ("修订该目标的报告", "For a superseded goal, the report that revised it"),
    "export.column.verdicts.note": ("关于目标的备注", "Remarks on the goal"),
    "export.column.verdicts.doubt": ("目标的解读可能有误时，说明原因",
                                     "Why the reading of the goal may be wrong, when it may"),
    "export.column.verdicts.figure_doubt": ("数据的解读可能有误时，说明原因",
                                            "Why the reading of the figure may be wrong, when it may"),
    "export.column.findings.id": ("行号", "Row number"),
    "export.column.findings.kind": ("increment-mismatch（增量不符）、growth-mismatch（增速不符）、"
                                    "target-below-prior（目标低于已有数据）、conflicting-figures（数据相互矛盾）或 "
                                    "part-exceeds-total（部分大于总数）",
                                    "increment-mismatch, growth-mismatch, target-below-prior, conflicting-figures "
                                    "or part-exceeds-total"),
    "export.column.findings.metric": ("指标编号", "Metric id"),
    "export.column.findings.years": ("涉及的年份（JSON 列表）", "The years involved (JSON list)"),
    "export.column.findings.arithmetic": ("对不上的算式", "The sum that does not add up"),
    "export.column.findings.estimate": ("涉及预计数时为 1", "1 when an estimate (预计) is involved"),
    "export.column.findings.note": ("备注", "Remarks"),
    "export.column.finding_records.finding": ("所属的核对发现", "The finding"),
    "export.column.finding_records.role": ("before、after、increment、growth、goal、prior、first 或 "
                                           "second：在算式中的角色",
                                           "before, after, increment, growth, goal, prior, first or second"),
    "export.column.finding_records.goal": ("依据为目标时，该目标", "The goal, when the statement is a goal"),
    "export.column.finding_records.figure": ("依据为数据时，该数据", "The figure, when the statement is a figure"),
    "export.column.finding_records.written": ("数字的原始写法", "The number as written"),
    "check.github_summary": ("{verdict}：{sources} 份报告，{goals} 个目标，{figures} 个数据；{errors} 个错误，{warnings} 个警告（{root}）",
                             "{verdict}: {sources} sources, {goals} goals, {figures} figures; {errors} error(s), "
                             "{warnings} warning(s) ({root})"),
    "check.github_ok": ("通过", "ok"),
    "check.github_failed": ("未通过", "failed"),
    "status.fail_on": ("{n} 个目标的状态为 {statuses}：{ids}", "{n} goal(s) with status {statuses}: {ids}"),
}


@dataclass(frozen=True)
class Msg:
    """A message to be said later, in whichever language the reader reads: its id and its fields.
    The loader and the validator describe a problem with one, audit its arithmetic; the renderer
    says it (`Msg.text(lang)`). A field may itself be a Msg (a type name, a reason), said in the
    same language."""

    key: str
    fields: tuple[tuple[str, object], ...] = ()

    def text(self, lang: str) -> str:
        """The message in `lang`."""
        return t(self.key, lang, **dict(self.fields))

    def __str__(self) -> str:
        return self.text("en")


def msg(key: str, /, **fields: object) -> Msg:
    """A Msg of the catalogue's `key`; fails at once on an unknown id, as t() does."""
    if key not in MESSAGES:
        raise KeyError(key)
    return Msg(key, tuple(fields.items()))


def os_reason(exc: OSError) -> Msg:
    """Why the system could not read or write a file, as a message: the catalogue's words for the
    common errno values (the system's own are English), else the system's."""
    import errno

    name = errno.errorcode.get(exc.errno or 0, "")
    reason = str(exc.strerror or exc)
    if f"os.{name}" in MESSAGES:
        return msg(f"os.{name}", reason=reason)
    return msg("os.other", reason=reason)


def t(key: str, lang: str, /, **fields: object) -> str:
    """The message `key` in `lang` ("zh" or "en"), its placeholders filled from `fields` (a Msg
    among them said in `lang` too)."""
    zh, en = MESSAGES[key]
    text = zh if lang == "zh" else en
    if not fields:
        return text
    return text.format(**{k: v.text(lang) if isinstance(v, Msg) else v for k, v in fields.items()})


def say(text: str | Msg, lang: str) -> str:
    """A text that may be a Msg (said in `lang`) or a plain string (from the data, said as it is)."""
    return text.text(lang) if isinstance(text, Msg) else text


def count(key: str, n: int, lang: str) -> str:
    """A counted noun, singular or plural as the number asks.

    >>> count("n.goal", 3, "en"), count("n.goal", 1, "en")
    ('3 goals', '1 goal')
    """
    text = t(key, lang, n=n)
    if "|" in text:
        singular, plural = text.split("|", 1)
        return singular if n == 1 else plural
    return text


def has(key: str) -> bool:
    """Whether the catalogue holds `key` (for labels looked up from data, such as a reason id)."""
    return key in MESSAGES


def label(prefix: str, value: str, lang: str) -> str:
    """The reader's word for an id of a fixed set; an id the catalogue does not know is shown as it is.

    >>> label("status", "hit", "zh"), label("status", "odd", "zh")
    ('达成', 'odd')
    """
    key = f"{prefix}.{value}"
    return t(key, lang) if key in MESSAGES else value


def _normalise(value: str | None) -> Lang | None:
    """"zh", "zh_CN.UTF-8", "zh-Hans" -> zh; "en", "en_US" -> en; anything else -> None."""
    if not value:
        return None
    value = value.strip().lower()
    if value.startswith("zh"):
        return "zh"
    if value.startswith("en"):
        return "en"
    return None


def locale_lang(env: Mapping[str, str] | None = None) -> Lang:
    """The language of the locale: the first of $LC_ALL, $LC_MESSAGES, $LANG that is set; zh_* is
    Chinese, everything else (C, POSIX, en_US, de_DE ...) English."""
    env = os.environ if env is None else env
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if env.get(name):
            return "zh" if env[name].lower().startswith("zh") else "en"
    return "en"


def explicit_lang(option: str | None = None, env: Mapping[str, str] | None = None) -> Lang | None:
    """The language `option` (--lang) or $SYKJ_TRACK_LANG names, None if neither does: then the
    ledger's declared lang decides, which costs reading it."""
    env = os.environ if env is None else env
    return _normalise(option) or _normalise(env.get(ENV_VAR))


def resolve_lang(option: str | None = None, ledger_lang: str | None = None,
                 env: Mapping[str, str] | None = None) -> Lang:
    """The language to speak: `option` (--lang), else $SYKJ_TRACK_LANG, else `ledger_lang` (what the
    ledger's targets/ledger.toml declares, None when it declares nothing), else the locale."""
    env = os.environ if env is None else env
    for candidate in (option, env.get(ENV_VAR), ledger_lang):
        lang = _normalise(candidate)
        if lang:
            return lang
    return locale_lang(env)
