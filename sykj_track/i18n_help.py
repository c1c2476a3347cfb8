"""The help section of the catalogue: `--help` in Chinese. English stays the source, in cli.py's
docstrings and option help; here each command's help is keyed by its name and each option's by
"COMMAND --OPTION" (an option every command shares, such as --lang, by "--OPTION" alone).

Kept apart from i18n.py so that no command but --help pays for reading it. Lines are wrapped by
hand (a Chinese character is two columns wide, which click's wrapping does not know); commands,
option names and ids stay as they are typed.
"""

from __future__ import annotations

# click's own words
HEADINGS = {"Usage:": "用法：", "Options:": "选项：", "Commands:": "命令：",
            "[OPTIONS]": "[选项]", "COMMAND [ARGS]...": "命令 [参数]...", "default: ": "默认：",
            "required": "必填"}

COMMANDS: dict[str, str] = {
    "main": """\
让政府机构对自己的数字负责。

报告里定下的每个目标（高新技术企业达到4500家、技术合同成交额超过770亿元……）都与后来报告给出的
数字对照，判为达成、未达成或待定，每个判断都附有报告原文引语。账本属于哪个机构，由
targets/ledger.toml 说明；`sykj-track init DIR --agency NAME` 可为另一个机构新建账本。

示例：
  sykj-track status                       全部目标，截至今天
  sykj-track status --year 2022 -v        某一年，附引语
  sykj-track status --as-of 2023-06-30    当时已知的情况
  sykj-track status --format json | jq .summary
  sykj-track show 高新技术企业              一项指标的历年情况，附图
  sykj-track diff 2024 2025               去年的结果对照今年的计划
  sykj-track audit                        报告自相矛盾之处
  sykj-track report --html report.html    全部内容，做成一个可发送的网页
  sykj-track extract new-report.txt       为新报告起草记录
  sykj-track check                        校验数据（在 CI 中运行）""",
    "status": """\
每个目标：达成、未达成还是待定，附判断所依据的数字和引语。

达成      报告的数字证明目标已实现（按界限判断：突破5000 证明 ≥ 5000）
未达成    报告的数字证明目标未实现
待定      not-due（年份未结束）、no-figure（已逾期，没有报告给出数字；
          显示为“待定 · 未报告”，即逾期未报）、partial（只报告了年内部分时间）、
          inconclusive（界限或推算出的区间无法判定）
已被取代  后来的报告以另一个目标值重新表述了该目标

达成率只计入计划中明确提出的目标：仅因报告称“超额完成”才得知的目标（revealed）
不计入，汇总会说明有多少个。

示例：
  sykj-track status --reason no-figure     没有任何报告给出数字的逾期目标
  sykj-track status --status pending --reason inconclusive
  sykj-track status --year 2022 --fail-on miss   若 2022 年有目标未达成，退出码为 3

退出码：0 完成；1 数据无法加载；2 用法错误；3 所显示的目标中有 --fail-on 指定的状态
（表格照常输出）。""",
    "check": """\
校验数据：每份新报告在 CI 中都要通过的关口。

{rules}

示例：
  sykj-track check                      CI 运行的内容
  sykj-track check --strict -v          警告也算失败，逐个列出逾期目标
  sykj-track check --format json | jq '.errors[] | "\\(.file):\\(.line) \\(.message)"'
  sykj-track check --format github      在 GitHub Actions 中：每个问题标在所在行

退出码：0 无问题；1 有错误（或加 --strict 时有警告）；2 用法错误。""",
    "metrics": "列出指标：id、中英文名称、单位、类型，以及各有多少目标和数字用到它。",
    "sources": """\
按报告列出：发布日期、给出多少目标和数字，以及其中目标的现状。

两份报告都提出的目标，两边都计入。""",
    "extract": """\
为新报告起草目标和数字，附引语，供人审核。

读取 REPORT（UTF-8，带或不带 BOM；带 BOM 的 UTF-16 和 GB18030/GBK 也能读取，
加 --write 时种子文件会转为 UTF-8；Big5 和乱码会被拒绝），找出其日期，并为每个数字
判断：它说的是哪一年，是目标还是数字，界限（突破、以上、余、约），以及衡量的是哪项
指标（按 targets/metrics.toml 中的名称和别名匹配；未知的指标会作为新指标提出，
id 取自其字词）。targets/ 中已有的条目会被标出。

示例：
  sykj-track extract seeds/005_report.txt                 草稿输出到标准输出
  sykj-track extract seeds/005_report.txt --write         草稿写入 targets/<id>.toml
  sykj-track extract report.txt --format json | jq '.items[] | select(.kind == "goal")'
  sykj-track --data ~/ledger extract ~/ledger/seeds/report.txt --id 2026-work-report --write

之后：审核草稿，把提出的新指标加入 targets/metrics.toml，运行 `sykj-track check`。""",
    "init": """\
在 DIRECTORY 中为一个机构新建账本：targets/ledger.toml（账本属于谁）、
targets/metrics.toml（空的，附注释示例；或用 --from 复制）、seeds/，以及一份说明
如何填写的 README.md。

示例：
  sykj-track init ~/dalian --agency 大连市科学技术局
  sykj-track init ~/dalian --agency 大连市科学技术局 --from bundled
  sykj-track init ~/dalian --agency 大连市科学技术局 --from /path/to/another/ledger
  cp report.txt ~/dalian/seeds/ && cd ~/dalian
  sykj-track extract seeds/report.txt --write && sykj-track check""",
    "show": """\
一项指标的逐年情况：目标、报告的数字、判断，以及一张图。

METRIC 可以是 id（hitech_enterprises）、中文名称或别名（高新技术企业、高企）。
图中每年一行：条形是数字，标记是目标；在终端中，条形为绿色（达成）、红色（未达成）、
黄色（待定）或青色（当年没有目标）。通过管道输出时为纯 ASCII。

示例：
  sykj-track show 高新技术企业
  sykj-track show tech_contract_value --as-of 2023-06-30
  sykj-track show 高企 -v                   附每条引语及其上下文
  sykj-track show 技术合同成交额 --format json | jq '.series[0].years'""",
    "report": """\
把全貌做成一个网页，在浏览器中阅读，或发给同事。

网页包含：按年份的汇总（达成 / 未达成 / 待定、达成率）；全部目标的表格，可按年份、
状态、机构和文字筛选（点击一行可看引语和来源）；`sykj-track audit` 的发现及其算式和
引语；每项指标的目标与报告数字对照图。它是单个文件：内嵌 CSS、SVG 和少量
JavaScript，不联网，不下载字体。

示例：
  sykj-track report --html report.html
  sykj-track report --html report-2023.html --as-of 2023-06-30
  sykj-track report --html - | gzip > report.html.gz""",
    "diff": """\
A 年对照 B 年：目标、实际、变化，以及 B 年计划隐含的增长。

A 年或 B 年有目标或数字的每项指标占一行。增长的判断考虑了公布数字的取整及其界限
（突破、以上、约），且只在 B 紧接 A 时判断。

标记：
  consistent-growth    所述增长（同比增长 X%）与前后水平相符
  inconsistent-growth  在取整和界限范围内，找不到能使两者相符的数值
  target-below-prior   B 年的目标低于 A 年或更早已报告的数字
  new-goal             B 年有目标，同一机构 A 年的计划中没有
  dropped-goal         A 年有目标，同一机构 B 年的计划中没有
  status-change        两年都有判断，且不相同

示例：
  sykj-track diff 2024 2025 --as-of 2026-11-22
  sykj-track diff 2021 2022 --only-flagged -v
  sykj-track diff 2024 2025 --metric 科技型企业 --format json | jq '.rows[0].flags'
  sykj-track diff 2022 2025 --format csv > plan.csv""",
    "audit": """\
报告中数字相互矛盾的每一处，附引语。

只有在公布数字的取整及其界限（突破、以上、约）范围内，找不到能让算式成立的数值时，
才会列为发现。

类型：
  increment-mismatch   新增 X 与前后两个水平不符：原水平 + X ≠ 新水平
  growth-mismatch      同比增长 X% 与前后两个水平不符，或与新增 X 及新水平不符
  target-below-prior   目标低于更早年份已报告的数字
  conflicting-figures  同一指标同一年份报告的数值不可能同时成立
  part-exceeds-total   部分（各级中的国家级，指标登记的 part_of）大于总数

示例：
  sykj-track audit
  sykj-track audit --kind growth-mismatch
  sykj-track audit -v                     每条引语附其上下文
  sykj-track audit --format json | jq '.findings[] | .arithmetic'

每条引语都注明其在报告中的位置（seeds/FILE:LINE）和在账本中的位置（targets/FILE:LINE）。""",
    "export": """\
把账本导出为一个 SQLite 数据库，可用 Datasette 或 sqlite-utils 查阅。

表：sources、metrics、goals、figures、verdicts（截至 --as-of）、findings（审计发现）
和 finding_records，以外键相连。每个目标和数字都有其引语、记录所在的 file:line，以及
引语在种子文件中的行。引语、备注和标题支持可用中文的全文检索（SQLite 的 trigram
分词：至少搜索三个字）。数据库旁还会写一份供 Datasette 使用的 metadata.json（标题、
列说明、来源、许可），语言随 --lang。

示例：
  sykj-track export --sqlite ledger.db
  datasette ledger.db -m metadata.json          （`pip install 'sykj-track[datasette]'`）
  sqlite-utils search ledger.db goals 高新技术企业
  sqlite-utils ledger.db "select year, name_zh, status from verdicts where status = 'miss'"
  sykj-track export --sqlite ledger-2023.db --as-of 2023-06-30 --metadata ledger-2023.json""",
    "changes": """\
在两个日期之间判断发生变化的目标，附引起变化的报告及其引语。

判断只在报告发布当天，或目标年份之后的 1 月 1 日（未到期 -> 逾期）发生变化。
--since 之后直到 --until 的每一步都列在其当天，附变化前后的判断；任何包含这一天的
时间窗口都给出同样的结果：

new        当天发布的报告首次提出的目标
decided    待定 -> 达成或未达成（有报告给出了数字）
reversed   达成 -> 未达成，或未达成 -> 达成
reopened   达成或未达成 -> 待定
revised    后来的报告以另一个目标值重新表述了该目标
evidence   判断不变，但依据换了数字（估计数被正式数字证实）
overdue    目标年份已结束，仍没有报告给出数字

示例：
  sykj-track changes --since 2023-01-01 --until 2023-06-30    2023 年那篇报道带来的变化
  sykj-track changes --since 2025-01-01 --kind decided --kind reversed
  sykj-track changes --since 2018-01-01 --format json | jq -c 'select(.after.status == "miss")'
  sykj-track changes --since 2018-01-01 --format atom > changes.xml         可订阅的 feed

Atom 条目的 id 是由目标和变化日期组成的 tag: URI，因此用其他日期重新生成 feed，
或账本改名之后，读者看过的条目都不会重复出现。""",
    "schema": """\
账本文件的 JSON Schema，供 TOML 编辑器使用（Taplo、VS Code 的 Even Better TOML）。

KIND 为 source（targets/<source-id>.toml）、metrics（targets/metrics.toml）或 ledger
（targets/ledger.toml）。schema 由加载器自己的字段表生成，因此编辑器补全和检查的字段
与 `sykj-track check` 接受的完全一致（需要种子文件或其他文件的检查只由 check 进行）。

示例：
  sykj-track schema source                    输出一个 schema
  sykj-track schema --write schema            全部写入目录（再让 .taplo.toml 指向它们）""",
}

# check's rules, in the order of ledger/rules.py's ERRORS and WARNINGS
CHECK_ERRORS = (
    "TOML 语法；未知或缺少字段、类型错误、日期错误、op/bound/basis/kind 不在可选范围内；空引语",
    "没有 targets/metrics.toml；指标 id 不是 snake_case；未知指标；单位与指标不符；part_of 指向不存在的指标或形成循环",
    "年份不在 1949..2100 之内；as_of 不在其年份内；数值超出任何真实数字；between 没有大于 target 的 target_max",
    "来源的 id 与文件名不同，或其文件不是 seeds/ 中的 UTF-8 文本；url 不是 http(s)；种子文件的 SHA-256 与记录的 "
    "sha256 不符",
    "引语不在其种子文件中（经 NFKC 规范化并去掉所有空白后比较）",
    "数字不在其引语中（引语中的 2.5万 与记录的 25000 相符）",
    "同一报告中同一目标有两个目标值；来源 id 或记录写了两次",
    "seeds/ 中有没有任何来源引用的文件",
)
CHECK_WARNINGS = (
    "两份报告对同一指标、年份和截止日期给出的数值不可能同时成立",
    "年份已过却没有数字的目标（计数；加 --verbose 逐个列出）",
    "ledger.toml 没有写明机构；来源的 retrieved 早于 published",
)
CHECK_HEADINGS = ("错误（退出码 1）：", "警告（仅加 --strict 时退出码为 1）：")

OPTIONS: dict[str, str] = {
    "--help": "显示此帮助并退出。",
    "--version": "显示版本并退出。",
    "--lang": "输出语言（标签、表头、消息；JSON 的键保持英文）。默认取 $SYKJ_TRACK_LANG，"
              "其次是 targets/ledger.toml 中的 lang，再次是系统区域设置。",
    "--excel": "与 --format csv 同用：写入 UTF-8 字节顺序标记（BOM）和 CRLF 换行，"
               "让 Excel 和 WPS 正确显示汉字。",
    "--as-of": "按 DATE 之前发布的内容判断（默认：今天）。例如 2023-06-30。",
    "--metric": "只看这项指标：id、中文名称或别名。可重复。",
    "main --data": "存放 targets/ 和 seeds/ 的数据目录。默认取 $SYKJ_TRACK_DATA，其次是当前目录"
                   "及其上级目录中最近的含 targets/ 的目录，再次是随工具附带的数据。",
    "main --no-cache": "每个文件都重新解析，不复用未改动文件的结果（结果保存在 $SYKJ_TRACK_CACHE，"
                       "否则在 ~/.cache/sykj-track；SYKJ_TRACK_CACHE=off 可关闭）。",
    "status --year": "只看这一目标年份的目标（可重复）。",
    "status --metric": "只看这项指标：id（hitech_enterprises）、中文名称或别名（高新技术企业）。可重复。",
    "status --status": "只看这一状态的目标（可重复）。",
    "status --reason": "只看这一原因的待定（或已被取代）目标（可重复）；no-figure 列出没有任何报告"
                       "给出数字的逾期目标。",
    "status --agency": "只看这个机构的目标（写名称的一部分即可：科学技术局、工业和信息化局；"
                       "科技局、工信局也可以）。",
    "status --format": "table 供阅读；json 或 csv 供其他工具使用。",
    "status --verbose": "列出每个判断所依据的引语。",
    "status --fail-on": "所显示的目标中有这一状态时以退出码 3 结束（可重复），用于出现未达成就应报红"
                        "的流水线。",
    "check --as-of": "统计截至 DATE 的逾期目标（默认：今天）。例如 2026-01-01。",
    "check --strict": "把警告当作错误（有任何警告即退出码 1）。",
    "check --format": "text 供阅读；json 供其他工具使用；github 在 GitHub Actions 中把问题标注在出错的行上"
                      "（::error file=…,line=…::message）。",
    "check --verbose": "逐个列出逾期目标，而不只是计数。",
    "metrics --format": "table 供阅读；json 供其他工具使用。",
    "sources --as-of": "按 DATE 之前发布的内容判断（默认：今天）。",
    "sources --format": "table 供阅读；markdown 用于 README 的覆盖表；json 和 csv（附每份报告的 url、"
                        "archive_url、retrieved 和 sha256）供其他工具使用。",
    "extract --format": "toml：一个供审核的 targets/ 文件；json：{source, encoding, items, new_metrics, "
                        "skipped}，供其他工具使用。",
    "extract --write": "把草稿写入 targets/<id>.toml，而不是输出到标准输出。",
    "extract --force": "与 --write 同用：覆盖已有的 targets/<id>.toml。",
    "extract --id": "来源 id（也是文件名）；默认形如 2024-work-report。",
    "extract --published": "发布日期，用于正文没有写明时（2021-12-31）。",
    "extract --url": "报告发布的网址（http 或 https）；写入草稿的 [source]。",
    "init --agency": "账本追踪其报告的机构，按报告中的写法（大连市科学技术局）。其他机构的目标会标上"
                     "各自的机构；`extract` 为这个机构起草。",
    "init --name": "账本的名称。默认：机构名。",
    "init --region": "所在城市或省份（大连市、辽宁省）。默认：机构名称的开头部分。",
    "init --lang": "报告和报告网页所用的语言。",
    "init --from": "从 DIR 中账本的指标登记表开始，而不是从空表开始；`--from bundled` 取随工具附带"
                   "数据的登记表。",
    "show --format": "table（附图）供阅读；json 或 csv（每个目标或数字一行）供其他工具使用。",
    "show --verbose": "在图之后列出每条引语：所属报告、在种子文件中的位置（file:line）及其上下文。",
    "report --html": "把报告写入 FILE，做成一个自成一体的网页（'-' 表示标准输出）。",
    "diff --only-flagged": "只看带标记的行。",
    "diff --as-of": "采用 DATE 之前发布的内容（默认：今天）。例如 2026-11-22。",
    "diff --format": "table 供阅读；json 或 csv 供其他工具使用。",
    "diff --verbose": "列出每一行所依据的引语。",
    "audit --kind": "只看这一类型的发现（可重复）。",
    "audit --format": "table 供阅读；json 或 csv（每条引语一行）供其他工具使用。",
    "audit --verbose": "列出每条引语在报告中的上下文。",
    "export --sqlite": "把账本写入 FILE，做成一个 SQLite 数据库（已存在则替换）。",
    "export --metadata": "Datasette 元数据的写入位置（默认：数据库旁的 metadata.json）。",
    "export --as-of": "按 DATE 之前发布的内容作出判断（默认：今天）。",
    "changes --since": "以截至 DATE 的判断为起点（例如 2023-01-01）。",
    "changes --until": "与截至 DATE 的判断比较（默认：今天）。",
    "changes --kind": "只看这一类型的变化（可重复）。",
    "changes --format": "text 供阅读；json 输出 JSON Lines（每个变化一行）；atom 输出可订阅的 feed。",
    "schema --write": "把所有 schema 写入 DIR（source.schema.json、metrics.schema.json、ledger.schema.json）。",
}


def command_help(name: str) -> str | None:
    """The Chinese help of command `name` ("main" for the group itself), None if it has none."""
    return COMMANDS.get(name)


def option_help(command: str, option: str) -> str | None:
    """The Chinese help of `option` (its longest name, e.g. "--as-of") of `command`."""
    return OPTIONS.get(f"{command} {option}", OPTIONS.get(option))
