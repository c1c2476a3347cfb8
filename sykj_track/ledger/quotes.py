"""Quotes in their place: where a recorded quote stands in its seed, and the text around it.

A quote is compared with its seed the way `check` compares it: after Unicode NFKC normalization, with
all whitespace removed (PDF text breaks lines and puts spaces inside numbers; full-width digits are
the same text as ASCII ones). `squeeze` is that normalization, and the one place it is defined;
`locate` maps a match in the squeezed text back to the seed as written, so a reader gets the line
number, the sentence and the paragraph around the quote.

Nothing here imports the rest of the project (but textfile, to read a seed): any layer may use it.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from pathlib import Path

_SPACE = re.compile(r"\s+")
# A sentence ends at 。！？ (and their ASCII forms) or at a semicolon of a list of results; a line that
# is a heading or a numbered item ends at its line break only when a blank line follows.
_SENTENCE_END = "。！？!?；;"
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v\u3000]*\n")


def squeeze(text: str) -> str:
    """NFKC-normalize and drop all whitespace: PDF text breaks lines and puts spaces inside numbers
    (2022 年, 8416 项), and full-width digits and signs (１２％) are the same text as ASCII ones."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


@dataclass(frozen=True)
class Located:
    """Where a quote stands in its seed.

    `line` is 1-based (the line the quote starts on), `start`/`end` the span of the quote in the seed
    text as written (end exclusive), `sentence` the sentence (or sentences) holding it and `paragraph`
    the block of text between blank lines holding it, both with runs of whitespace collapsed (cut
    from the seed's `text` when asked for: a paragraph may be long).
    """

    line: int
    end_line: int
    start: int
    end: int
    text: str = field(repr=False)
    sentence_span: tuple[int, int]
    paragraph_span: tuple[int, int]

    @property
    def sentence(self) -> str:
        return _collapse(self.text[self.sentence_span[0]:self.sentence_span[1]])

    @property
    def paragraph(self) -> str:
        return _collapse(self.text[self.paragraph_span[0]:self.paragraph_span[1]])

    def where(self, file: str) -> str:
        """"seeds/x.txt:12" (or "seeds/x.txt:12-13" for a quote over two lines)."""
        lines = f"{self.line}" if self.end_line == self.line else f"{self.line}-{self.end_line}"
        return f"{file}:{lines}"


def found_in_order(seed: str, needles: list[str]) -> list[bool]:
    """Whether each needle occurs in `seed`, each searched for from where the one before it was found
    (then before that): a report's records follow its text, so its quotes cost about one pass over
    the seed, not one pass each (8,000 quotes of one long sentence: the square of its length)."""
    found, hint = [], 0
    for needle in needles:
        at = seed.find(needle, hint)
        if at < 0:  # an occurrence that starts before the hint ends before hint + len(needle) - 1
            at = seed.find(needle, 0, hint + len(needle) - 1)
        found.append(at >= 0)
        hint = at if at >= 0 else hint
    return found


def _squeezed_with_positions(text: str) -> tuple[str, list[int]]:
    """The squeezed text, and for each of its characters the index in `text` it comes from.

    Normalized character by character, which equals normalizing the whole text except around
    combining marks (never in a report's Chinese and digits); `locate` falls back to None there.
    """
    normalized = unicodedata.normalize("NFKC", text)
    if len(normalized) == len(text):  # the usual case: every character maps to one (１ -> 1)
        kept = [(index, char) for index, char in enumerate(normalized) if not char.isspace()]
        if "".join(char for _, char in kept) == squeeze(text):
            return "".join(char for _, char in kept), [index for index, _ in kept]
    out: list[str] = []
    positions: list[int] = []
    for index, char in enumerate(text):
        piece = squeeze(char)
        out.append(piece)
        positions.extend([index] * len(piece))
    return "".join(out), positions


def _joins(before: str, after: str) -> bool:
    """No space is kept between Chinese characters, nor between them and digits."""
    wide_before, wide_after = ord(before) > 127, ord(after) > 127
    return (wide_before and (wide_after or after.isdigit())) or (before.isdigit() and wide_after)


def _collapse(text: str) -> str:
    """Runs of whitespace as one space, and none between Chinese characters or between them and digits:
    PDF text breaks lines and spaces out characters (科技型企业数 量达 15363 家), which a reader need not see."""
    pieces = text.split()
    out: list[str] = []
    for piece in pieces:
        if out and not _joins(out[-1][-1], piece[0]):
            out.append(" ")
        out.append(piece)
    return "".join(out)


class SeedIndex:
    """One seed read once to locate any number of quotes in it: the squeezed text and where each of
    its characters comes from, and the places of line breaks, blank lines and sentence ends, so that
    each quote costs a search (`str.find`, faster than any index measured for up to 20,000 quotes in
    a 2 MB seed) and a few bisections, never a rescan of the text before it."""

    def __init__(self, text: str):
        self.text = text
        self.squeezed, self.positions = _squeezed_with_positions(text)
        self._breaks = [m.start() for m in re.finditer("\n", text)]
        blank = list(_BLANK_LINE.finditer(text))
        self._blank_starts, self._blank_ends = [m.start() for m in blank], [m.end() for m in blank]
        self._sentence_ends = [m.start() for m in re.finditer("[" + re.escape(_SENTENCE_END) + "]", text)]

    def locate(self, quote: str) -> Located | None:
        """Where `quote` first stands in the seed (NFKC, whitespace ignored), or None."""
        needle = squeeze(quote)
        if not needle:
            return None
        at = self.squeezed.find(needle)
        if at < 0:
            return None
        text, positions = self.text, self.positions
        start, end = positions[at], positions[at + len(needle) - 1] + 1
        line = bisect_left(self._breaks, start) + 1
        end_line = bisect_left(self._breaks, end) + 1
        # the paragraph: from the end of the last blank line before the quote to the next one after it
        before = bisect_right(self._blank_ends, start) - 1
        para_start = self._blank_ends[before] if before >= 0 else 0
        following = bisect_left(self._blank_starts, end)
        para_end = self._blank_starts[following] if following < len(self._blank_starts) else len(text)
        # the sentence: after the last sentence end before the quote, to the first one from its last character
        last = bisect_left(self._sentence_ends, start) - 1
        sent_start = self._sentence_ends[last] + 1 if last >= 0 and self._sentence_ends[last] >= para_start \
            else para_start
        next_end = bisect_left(self._sentence_ends, end - 1)
        sent_end = self._sentence_ends[next_end] + 1 if next_end < len(self._sentence_ends) and \
            self._sentence_ends[next_end] < para_end else para_end
        return Located(line, end_line, start, end, text, (sent_start, sent_end), (para_start, para_end))


def locate(seed_text: str, quote: str) -> Located | None:
    """Find `quote` in `seed_text` as `check` does (NFKC, whitespace ignored); None when it is not there.

    The first occurrence wins, as `check` accepts a quote that occurs anywhere.
    """
    return SeedIndex(seed_text).locate(quote)


class SeedTexts:
    """Seeds read once each, to locate many quotes: `SeedTexts(root).locate(source_file, quote)`.

    A seed that cannot be read or decoded locates nothing (check reports it; a renderer only loses
    the line number).
    """

    def __init__(self, root: Path):
        self.root = Path(root)
        self._texts: dict[str, str | None] = {}
        self._index: dict[str, SeedIndex] = {}

    def text(self, file: str) -> str | None:
        """The decoded text of a seed named as a source cites it ("seeds/x.txt"), or None."""
        if file not in self._texts:
            try:
                from .textfile import decode, read_bytes

                path = self.root / file
                self._texts[file] = decode(read_bytes(path), path)
            except Exception:  # noqa: BLE001 - any unreadable seed only loses its line numbers
                self._texts[file] = None
        return self._texts[file]

    def locate(self, file: str, quote: str) -> Located | None:
        """Where `quote` stands in the seed `file`, or None."""
        text = self.text(file)
        if text is None:
            return None
        if file not in self._index:
            self._index[file] = SeedIndex(text)
        return self._index[file].locate(quote)

    def cite(self, file: str, quote: str) -> str:
        """"seeds/x.txt:12" for a quote of the seed `file`; the file alone when the quote is not found."""
        found = self.locate(file, quote)
        return found.where(file) if found is not None else file

    def sentence(self, file: str, quote: str) -> str | None:
        """The sentence around a quote in its seed, or None when it cannot be located."""
        found = self.locate(file, quote)
        return found.sentence if found is not None else None
