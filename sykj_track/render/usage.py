"""click's usage errors in the reader's language: click says them in English (its gettext catalogue
has no Chinese), so for a Chinese reader the error is said again here, from click's exception:
the usage line, where to find help, and what was wrong. An English reader gets click's own words.
"""

from __future__ import annotations

import re
from typing import Any

from ..i18n import t

# click's messages for values it refuses (types.py, parser.py, core.py of click 8.1-8.3)
_CLICK = tuple((re.compile(pattern), key) for pattern, key in (
    (r"(?P<value>.+) is not one of (?P<choices>.+)\.", "usage.not_one_of"),
    (r"(?P<value>.+) is not (?P<choices>'[^']*')\.", "usage.not_one_of"),
    (r"(?P<value>.+) is not a valid (?:integer|float|int)\.", "usage.not_number"),
    (r"(?:File|Directory|Path) (?P<value>.+) does not exist\.", "usage.not_exist"),
    (r"(?:File|Directory|Path) (?P<value>.+) is a directory\.", "usage.is_dir"),
    (r"(?:File|Directory|Path) (?P<value>.+) is a file\.", "usage.is_file"),
    (r"(?:File|Directory|Path) (?P<value>.+) is not readable\.", "usage.not_readable"),
    (r"Got unexpected extra arguments? \((?P<value>.+)\)", "usage.extra"),
    (r"Option (?P<value>.+) requires an argument\.", "usage.needs_value"),
    (r"Option (?P<value>.+) requires \d+ arguments\.", "usage.needs_value"),
    (r"Option (?P<value>.+) does not take a value\.", "usage.takes_no_value"),
    (r"Missing command\.", "usage.missing_command"),
))


def click_message(text: str, lang: str) -> str:
    """One of click's messages in `lang`; a message of the tool's own (already in `lang`) as it is."""
    for pattern, key in _CLICK:
        match = pattern.fullmatch(text.strip())
        if match:
            return t(key, lang, **match.groupdict())
    return text


def _possibilities(found: list[str] | None, lang: str) -> str:
    if not found:
        return ""
    return ("" if lang == "zh" else " ") + t("usage.did_you_mean", lang, names=", ".join(repr(p) for p in sorted(found)))


def _message(exc: Any, lang: str) -> str:
    from click.exceptions import BadParameter, MissingParameter, NoSuchOption

    name = type(exc).__name__
    if isinstance(exc, MissingParameter):
        hint = exc.param_hint or (exc.param.get_error_hint(exc.ctx) if exc.param is not None else "")
        kind = exc.param_type or (exc.param.param_type_name if exc.param is not None else "parameter")
        return t(f"usage.missing_{kind}" if kind in ("argument", "option") else "usage.missing_parameter", lang,
                 hint=hint)
    if isinstance(exc, BadParameter):
        hint = exc.param_hint or (exc.param.get_error_hint(exc.ctx) if exc.param is not None else "")
        if isinstance(hint, (list, tuple)):
            hint = " / ".join(hint)
        return t("usage.invalid_value", lang, hint=hint, message=click_message(exc.message, lang))
    if isinstance(exc, NoSuchOption):
        return t("usage.no_such_option", lang, name=repr(exc.option_name)) + _possibilities(exc.possibilities, lang)
    if name == "NoSuchCommand":
        return (t("usage.no_such_command", lang, name=repr(exc.command_name))
                + _possibilities(getattr(exc, "possibilities", None), lang))
    return click_message(exc.format_message(), lang)


def usage_error(exc: Any, lang: str) -> str:
    """The text click's `exc.show()` prints, in `lang`: the usage and the hint for a usage error,
    then "Error: ..."."""
    from click.exceptions import UsageError

    lines = []
    ctx = getattr(exc, "ctx", None)
    if isinstance(exc, UsageError) and ctx is not None:
        usage = ctx.get_usage().split(" ", 1)[1]  # after click's "Usage:"
        lines.append(t("usage.usage", lang, usage=usage))
        lines.append(t("usage.try", lang, command=f"{ctx.command_path} --help"))
        lines.append("")
    lines.append(t("usage.error", lang, message=_message(exc, lang)))
    return "\n".join(lines)
