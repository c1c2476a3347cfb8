"""`--help` in Chinese: click's layout (usage, help text, options, commands) with the texts of the
catalogue's help section, wrapped by display width (a Chinese character takes two columns)."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from ..i18n_help import CHECK_ERRORS, CHECK_HEADINGS, CHECK_WARNINGS, HEADINGS, command_help, option_help

_TOKEN = re.compile(r"[\x21-\x7e]+|\s+|.", re.S)  # an ASCII word is kept whole; any other character alone
_NO_LINE_START = set("，。、；：？！）」』”’》")  # Chinese typesetting keeps these off the start of a line
_NO_LINE_END = set("（「『“‘《")
_LAST = re.compile(r"(?:[\x21-\x7e]+|\S)$")


def _cells(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def wrap(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` columns, broken between Chinese characters or at spaces."""
    lines, line = [], ""
    for token in _TOKEN.findall(text):
        if line and _cells(line + token.rstrip()) > width:
            # a closing mark takes the word before it to the next line; an opening one goes there too
            last = _LAST.search(line) if token in _NO_LINE_START or line[-1] in _NO_LINE_END else None
            carried = last.group() if last and last.start() > 0 else ""
            lines.append(line[:len(line) - len(carried)].rstrip())
            line = carried + ("" if token.isspace() else token)
        else:
            line += token
    return [*lines, line.rstrip()] if line.strip() else lines or [""]


def _usage(ctx: Any, command: Any) -> str:
    pieces = " ".join(command.collect_usage_pieces(ctx))
    for en in ("[OPTIONS]", "COMMAND [ARGS]..."):  # click's metavars of the usage line
        pieces = pieces.replace(en, HEADINGS[en])
    return f"{HEADINGS['Usage:']}{ctx.command_path} {pieces}"


def _option_rows(ctx: Any, command: Any, name: str) -> list[tuple[str, str]]:
    rows = []
    for param in command.get_params(ctx):
        record = param.get_help_record(ctx) if param.param_type_name == "option" else None
        if record is None:
            continue
        opts, text = record
        zh = option_help(name, max(param.opts, key=len)) or ""
        extra = text[len(param.help or ""):].strip()  # click's "[default: table]"
        for en in ("default: ", "required"):
            extra = extra.replace(en, HEADINGS[en])
        rows.append((opts, f"{zh}  {extra}" if extra else zh))
    return rows


def _short(name: str) -> str:
    """The command's line in the group's list: the first sentence of its help (or what comes before
    its colon, when the first line does not end the sentence)."""
    first = (command_help(name) or "").split("\n", 1)[0]
    return (first.split("。", 1)[0] if "。" in first else first.split("：", 1)[0]) + "。"


def _rules(width: int) -> str:
    """check's rules, as `check --help` lists them."""
    lines = []
    for heading, rules in zip(CHECK_HEADINGS, (CHECK_ERRORS, CHECK_WARNINGS)):
        lines.append(heading)
        for rule in rules:
            wrapped = wrap(rule, width - 4)
            lines += ["  - " + wrapped[0], *("    " + line for line in wrapped[1:])]
    return "\n".join(lines)


def _joined(rows: list[str]) -> str:
    """The lines of a paragraph as one: Chinese joins without a space, a Latin word keeps its own."""
    text = rows[0]
    for row in rows[1:]:
        ends, starts = text[-1:], row[:1]
        latin = (ends.isascii() and starts not in _NO_LINE_START) or (starts.isascii() and ends not in _NO_LINE_END
                                                                       and ends not in _NO_LINE_START)
        text += (" " if latin else "") + row
    return text


def _paragraphs(text: str, width: int) -> list[str]:
    """The help text's lines: a paragraph of prose flowed to `width`; a block laid out by hand (an
    indented line or columns aligned with spaces) as it is."""
    lines: list[str] = []
    for block in text.split("\n\n"):
        rows = block.split("\n")
        if any(row.startswith(" ") or "  " in row for row in rows):
            lines.extend(rows)
        else:
            lines.extend(wrap(_joined(rows), width))
        lines.append("")
    return lines[:-1]


def _table(rows: list[tuple[str, str]], width: int, indent: int = 2) -> list[str]:
    first = min(max((len(a) for a, _ in rows), default=0), 30)
    lines = []
    for left, right in rows:
        text = wrap(right, max(width - indent - first - 2, 20))
        if len(left) > first:
            lines.append(" " * indent + left)
            lines.extend(" " * (indent + first + 2) + line for line in text)
            continue
        lines.append(" " * indent + left.ljust(first) + "  " + text[0])
        lines.extend(" " * (indent + first + 2) + line for line in text[1:])
    return lines


def help_text(ctx: Any, command: Any, name: str, width: int) -> str:
    """The whole of `command --help` in Chinese; `name` is its key in the catalogue ("main" for
    the group)."""
    lines = [_usage(ctx, command), ""]
    text = (command_help(name) or "").replace("{rules}", _rules(width - 2))
    lines.extend("  " + line if line else "" for line in _paragraphs(text, width - 2))
    lines += ["", HEADINGS["Options:"], *_table(_option_rows(ctx, command, name), width)]
    commands = getattr(command, "list_commands", None)
    if commands:
        rows = [(sub, _short(sub)) for sub in commands(ctx)
                if not command.get_command(ctx, sub).hidden]
        lines += ["", HEADINGS["Commands:"], *_table(rows, width)]
    return "\n".join(lines) + "\n"
