"""Every text the tool shows a reader, in Chinese and English: one catalogue, keyed by message id.

    from sykj_track.i18n import t
    t("status.hit", "zh")                       -> "达成"
    t("summary.as_of", "en", date="2026-01-01")  -> "as of 2026-01-01"

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


def msg(key: str, **fields: object) -> Msg:
    """A Msg of the catalogue's `key`; fails at once on an unknown id, as t() does."""
    if key not in MESSAGES:
        raise KeyError(key)
    return Msg(key, tuple(fields.items()))


def t(key: str, lang: str, **fields: object) -> str:
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
    """A counted noun: count("n.goal", 3, "en") -> "3 goals", count("n.goal", 1, "en") -> "1 goal"."""
    text = t(key, lang, n=n)
    if "|" in text:
        singular, plural = text.split("|", 1)
        return singular if n == 1 else plural
    return text


def has(key: str) -> bool:
    """Whether the catalogue holds `key` (for labels looked up from data, such as a reason id)."""
    return key in MESSAGES


def label(prefix: str, value: str, lang: str) -> str:
    """The reader's word for an id of a fixed set (`label("status", "hit", "zh")` -> 达成); an id the
    catalogue does not know is shown as it is."""
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
