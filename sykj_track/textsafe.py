"""Make text that comes from data inert wherever it is shown: a terminal, rich markup, a spreadsheet, a page.

A ledger is written by other people: a quote copied from a web page, a pull request from a stranger.
Any field may hold ESC sequences (clear the screen, set the window title, a hyperlink that shows one
text and opens another), C1 controls (U+009B is a one-byte CSI to many terminals), bidirectional
overrides (U+202E shows "1.5%" as "%5.1"), or rich markup ("[red]" would become colour). Every renderer
passes data through this module, and only through it, so that there is one place to get it right:

- `inert(text)`: every control and format character shown as a visible escape (\\x1b, \\x9b, \\u202e);
- `markup(text)`: the same, and rich's square brackets escaped, for strings rich parses as markup;
- `markdown_cell(text)`: a Markdown table cell whose `|` cannot split the row;
- `csv_cell(value)`: a spreadsheet cell that cannot start a formula;
- `json_inert(document)`: machine-readable output with C1 and bidi characters as \\u escapes;
- `html_text(text)`, `safe_url(url)`: for the HTML report.

Escaping happens only on display: quotes stay verbatim in the ledger and in JSON (json escapes
control characters itself), and `check` compares them with the seeds byte for byte.
"""

from __future__ import annotations

import re
from typing import Any

# Characters a terminal (or a bidi-aware viewer) acts on rather than shows: C0 controls but the line
# break, DEL and the C1 controls; soft hyphen; Arabic letter mark; Mongolian vowel separator; zero-width
# and directional marks; line and paragraph separators; the bidi embeddings, overrides and isolates;
# invisible operators and deprecated format controls; BOM; interlinear annotation; the tag characters.
_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e"
                     "\u2060-\u206f\ufeff\ufff9-\ufffb\U000e0000-\U000e007f]")
_UNSAFE_INLINE = re.compile("[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e"
                            "\u2060-\u206f\ufeff\ufff9-\ufffb\U000e0000-\U000e007f]")


def _escape(match: re.Match[str]) -> str:
    return match.group().encode("unicode_escape").decode("ascii")


def inert(text: Any, newlines: bool = True) -> str:
    """`text` with every control and format character shown as an escape (ESC as \\x1b, U+202E as
    \\u202e), so that it cannot move the cursor, retitle the window, link elsewhere or reorder what
    follows. Line breaks are kept when `newlines` (table cells wrap on them), else shown as \\n."""
    text = "" if text is None else str(text)
    if text.isprintable():  # the common case, at C speed: no Cc, Cf, Zl or Zp character at all
        return text
    return (_UNSAFE if newlines else _UNSAFE_INLINE).sub(_escape, text)


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code > 0xFFFF:  # JSON spells characters beyond the BMP as a surrogate pair
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def json_inert(document: str) -> str:
    """A JSON document (or any machine-readable output) with the characters `inert` escapes written as
    \\uXXXX: for JSON the same values (json escapes C0 controls but writes C1 controls and bidi
    overrides raw with ensure_ascii=False), and nothing a terminal acts on when it is printed there."""
    if document.isprintable():
        return document
    return _UNSAFE.sub(_json_escape, document)


def markdown_cell(text: Any) -> str:
    """A Markdown table cell: `inert` on one line, with `|` (which would end the cell) and the
    backslash (which would escape it) escaped."""
    return inert(text, False).replace("\\", "\\\\").replace("|", "\\|")


def markup(text: Any, newlines: bool = True) -> str:
    """`inert(text)` for a string rich parses as console markup: "[red]" stays literal text."""
    from rich.markup import escape

    return escape(inert(text, newlines))


# A cell a spreadsheet would read as a formula: =, +, -, @ first, or a tab / carriage return, which
# some spreadsheets strip before looking.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?", re.ASCII)


def csv_cell(value: Any) -> Any:
    """A CSV cell that opens as data in a spreadsheet: text starting with = + - @ (or tab, CR) gets a
    leading apostrophe, which spreadsheets show as text; numbers, and text that is exactly a number
    ("-3.5", "+12.0%"), are left alone so that they stay numbers."""
    if not isinstance(value, str):
        return value
    value = inert(value)
    if not value.startswith(_FORMULA_START) or _NUMBER.fullmatch(value):
        return value
    return "'" + value


def html_text(text: Any) -> str:
    """Text for an HTML page: &, <, >, " and ' escaped (safe in element content and quoted attributes),
    and control and bidi characters shown as escapes as in a terminal."""
    from html import escape

    return escape(inert(text), quote=True)


SAFE_SCHEMES = ("http", "https")


def safe_url(url: Any) -> str | None:
    """`url` when it is an absolute http(s) URL with a host and nothing a browser would act on
    (javascript:, data:, control characters, spaces); else None, and a link must not be made."""
    if not isinstance(url, str) or not url or url != url.strip() or _UNSAFE_INLINE.search(url) or " " in url:
        return None
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in SAFE_SCHEMES or not parts.netloc or "\\" in url:
        return None
    return url


def github_data(text: Any) -> str:
    """Text for the message of a GitHub Actions workflow command (::error ...::MESSAGE): controls made
    inert, then %, CR and LF percent-encoded as the Actions toolkit does, so a message cannot end the
    command early or start another one on a new line."""
    text = "" if text is None else str(text)
    return inert(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def github_property(text: Any) -> str:
    """Text for a property of a workflow command (file=..., title=...): as github_data, and : and ,
    encoded too, since they separate the properties."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")
