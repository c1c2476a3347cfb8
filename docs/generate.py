"""Write the parts of README.md that the code and the data can say themselves, so they cannot drift.

    python docs/generate.py            rewrite them in place
    python docs/generate.py --check    exit 1 with a diff when a part is stale (.ci/run does this)
    python docs/generate.py --check --only help,check-rules   only these kinds

A generated part sits between two HTML comments, which a Markdown viewer does not show:

    <!-- generated: KIND ARGUMENTS -->
    ...whatever KIND produces...
    <!-- end generated -->

KIND is one of:

    run [OPTION ...] -- ARGS ...   the output of `sykj-track ARGS`, in a text fence
    help                           every command's --help
    check-rules                    what `check` refuses and what it warns about
    corpus SETTING                 benchmarks/extract_corpus.py's table for SETTING (bundled or init)
    seeds                          benchmarks/extract_eval.py's table: extract on the seeds

Options of `run`: columns=N (the width, default 100), lang=zh|en (default en), prompt (the command
line first, after `$ `), exit=N (the exit status expected, default 0), keep=1,3,-1 (only these
paragraphs, `…` where some are left out; -1 is the last), from=REGEX and to=REGEX (only the lines from
the first that matches one to the next that matches the other, dedented), fence=NAME (the fence's
language; `none` for Markdown to include as it is), data=DIR (run inside DIR of the repository, on its
data, instead of the repository's own: a hand-made ledger of tests/fixtures/).

Commands run in process, through the console script pyproject.toml names, from an empty temporary
directory with the repository's data (SYKJ_TRACK_DATA), no colour, no cache and no locale of the
machine. A command that takes --as-of or --until must be given it (the script refuses otherwise), so
the output is the same on every day; where the repository's own path would show, `~/sykj-track` is
written instead. The extract tables need the corpus at ../shared/extract-corpus: without it those parts
are left as they are and the script says so.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import importlib
import importlib.util
import os
import re
import shlex
import sys
import tempfile
import textwrap
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DOCUMENTS = ("README.md", "README.zh.md")
PATH_SHOWN = "~/sykj-track"
_PART = re.compile(r"^<!-- generated: (?P<spec>.+?) -->\n(?P<body>.*?)^<!-- end generated -->$",
                   re.MULTILINE | re.DOTALL)


class Unavailable(Exception):
    """A part that cannot be made on this machine (a corpus missing): left as it is, and said so."""


def console_script():
    """The click group `sykj-track` runs: the console script pyproject.toml declares, or, when that
    is a plain function wrapping the group, the one click group of its module."""
    import click

    with open(REPO / "pyproject.toml", "rb") as file:
        target = tomllib.load(file)["project"]["scripts"]["sykj-track"]
    module_name, _, name = target.partition(":")
    module = importlib.import_module(module_name)
    script = getattr(module, name)
    if isinstance(script, click.Command):
        return script
    (group,) = {id(v): v for v in vars(module).values() if isinstance(v, click.Group)}.values()
    return group


@dataclass(frozen=True)
class Run:
    """One command's output, and how much of it the README shows."""

    args: tuple[str, ...]
    columns: int = 100
    lang: str = "en"
    prompt: bool = False
    exit: int = 0
    keep: tuple[int, ...] = ()
    start: str | None = None
    stop: str | None = None
    fence: str = "text"
    data: str | None = None


def parse_run(words: list[str]) -> Run:
    if "--" not in words:
        raise SystemExit(f"run needs `--` before the command's arguments: {' '.join(words)}")
    cut = words.index("--")
    options: dict = {}
    for word in words[:cut]:
        key, _, value = word.partition("=")
        if key in ("columns", "exit"):
            options[key] = int(value)
        elif key == "keep":
            options[key] = tuple(int(n) for n in value.split(","))
        elif key in ("from", "to"):
            options["start" if key == "from" else "stop"] = value
        elif key in ("lang", "fence", "data"):
            options[key] = value
        elif key == "prompt":
            options[key] = True
        else:
            raise SystemExit(f"run: unknown option {word!r}")
    return Run(tuple(words[cut + 1:]), **options)


def invoke(args: tuple[str, ...] | list[str], columns: int = 100, lang: str = "en", exit: int = 0,
           data: str | None = None) -> str:
    """What `sykj-track ARGS` prints, stdout and stderr as a terminal would interleave them."""
    from click.testing import CliRunner

    root = REPO / data if data else REPO
    env = {"SYKJ_TRACK_DATA": str(root), "SYKJ_TRACK_LANG": lang, "SYKJ_TRACK_CACHE": "off", "NO_COLOR": "1",
           "COLUMNS": str(columns), "LINES": "50", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8",
           # what would colour the output, or change its paths, on some machine
           "FORCE_COLOR": None, "CLICOLOR_FORCE": None, "TTY_COMPATIBLE": None, "TTY_INTERACTIVE": None,
           "GITHUB_WORKSPACE": None}
    runner = CliRunner()
    with tempfile.TemporaryDirectory() as empty:
        cwd = os.getcwd()
        os.chdir(root if data else empty)
        try:
            result = runner.invoke(console_script(), list(args), env=env, prog_name="sykj-track",
                                   terminal_width=columns)
        finally:
            os.chdir(cwd)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    if result.exit_code != exit:
        raise SystemExit(f"sykj-track {shlex.join(args)} exited {result.exit_code}, not {exit}:\n{result.output}")
    return result.output.replace(str(REPO), PATH_SHOWN)


def excerpt(text: str, run: Run) -> str:
    """The part of the output the README shows."""
    lines = text.rstrip("\n").split("\n")
    if run.start:
        first = next((i for i, line in enumerate(lines) if re.search(run.start, line)), None)
        if first is None:
            raise SystemExit(f"run: no line matches from={run.start!r} in the output of {shlex.join(run.args)}")
        last = next((i for i in range(first + 1, len(lines)) if run.stop and re.search(run.stop, lines[i])),
                    len(lines) - 1)
        lines = textwrap.dedent("\n".join(lines[first:last + 1])).split("\n")
    if run.keep:
        paragraphs = "\n".join(lines).split("\n\n")
        wanted = sorted({n - 1 if n > 0 else len(paragraphs) + n for n in run.keep})
        shown, previous = [], -1
        for index in wanted:
            if index != previous + 1:
                shown.append("…")
            shown.append(paragraphs[index])
            previous = index
        if previous != len(paragraphs) - 1:
            shown.append("…")
        lines = "\n\n".join(shown).split("\n")
    return "\n".join(lines) + "\n"


def undated(args: tuple[str, ...]) -> list[str]:
    """The date options a command takes that `args` leave to today (its output would change daily)."""
    import click

    command = console_script().commands.get(next((a for a in args if not a.startswith("-")), ""))
    options = {flag for p in command.params if isinstance(p, click.Option) for flag in p.opts} if command else set()
    return [flag for flag in ("--as-of", "--until") if flag in options and flag not in args]


def make_run(words: list[str]) -> str:
    run = parse_run(words)
    if missing := undated(run.args):
        raise SystemExit(f"run: give {' and '.join(missing)} to sykj-track {shlex.join(run.args)}, "
                         "or its output changes with the day")
    text = excerpt(invoke(run.args, run.columns, run.lang, run.exit, run.data), run)
    if run.prompt:
        text = f"$ sykj-track {shlex.join(run.args)}\n{text}"
    return text if run.fence == "none" else f"```{run.fence}\n{text}```\n"


def make_help(words: list[str]) -> str:
    """`sykj-track --help`, then each command's, each in a block a reader opens when needed."""
    group = console_script()
    parts = []
    for name in [None, *sorted(group.commands)]:
        args = ["--help"] if name is None else [name, "--help"]
        title = "sykj-track --help" if name is None else f"sykj-track {name} --help"
        parts.append(f"<details><summary><code>{title}</code></summary>\n\n```text\n{invoke(args, columns=80)}```\n"
                     "\n</details>\n")
    return "\n".join(parts)


def make_check_rules(words: list[str]) -> str:
    from sykj_track.ledger.rules import markdown

    return markdown()


def _benchmark(name: str):
    """A script of benchmarks/ as a module, so its functions can be called."""
    spec = importlib.util.spec_from_file_location(f"benchmark_{name}", REPO / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def make_corpus(words: list[str]) -> str:
    (setting,) = words
    corpus = _benchmark("extract_corpus")
    if not (corpus.DEFAULT_CORPUS / "reports").is_dir():
        raise Unavailable(f"no corpus at {corpus.DEFAULT_CORPUS}")
    outcomes = corpus.evaluate(corpus.DEFAULT_CORPUS, setting)
    totals = corpus.summary(outcomes)
    return (f"{corpus.table(outcomes)}\n\nPartial-year figures matched without their as_of: "
            f"{totals['partial_without_as_of']}; distractors proposed: {totals['distractors']}.\n")


def make_seeds(words: list[str]) -> str:
    seeds = _benchmark("extract_eval")
    return seeds.table(seeds.evaluate(REPO)) + "\n"


def data_digest() -> str:
    """A digest of the ledger's data (targets/ and seeds/), recorded in each document beside the parts
    made from it."""
    digest = hashlib.sha256()
    for folder in ("targets", "seeds"):
        for path in sorted((REPO / folder).iterdir()):
            if path.is_file():
                digest.update(f"{folder}/{path.name}\0".encode() + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def make_data(words: list[str]) -> str:
    return f"<!-- the ledger's data these parts were made from: {data_digest()} -->\n"


_DIGEST = re.compile(r"<!-- the ledger's data these parts were made from: ([0-9a-f]+) -->")


def from_data(kind: str, words: list[str]) -> bool:
    """Whether a part shows the ledger's data (and so changes when a report is added): command output
    on the repository's own ledger, the tables of its seeds and registry. --help and the rule list do
    not; nor does a command run on a hand-made fixture (data=)."""
    if kind in ("help", "check-rules"):
        return False
    return not (kind == "run" and any(word.startswith("data=") for word in words))


KINDS: dict[str, Callable[[list[str]], str]] = {
    "run": make_run, "data": make_data, "help": make_help, "check-rules": make_check_rules, "corpus": make_corpus, "seeds": make_seeds,
}


def regenerate(text: str, only: set[str] | None = None, notes: list[str] | None = None,
               check: bool = False) -> str:
    """The document with every generated part (of the kinds in `only`, if given) made afresh.

    With `check`, when the ledger's data differ from the digest the document records (a report was
    added since it was generated), the parts made from the data are left as they are and a note says
    so: adding a correct report must not fail CI. The parts made from the code are always compared."""
    recorded = _DIGEST.search(text)
    data_moved = check and recorded is not None and recorded.group(1) != data_digest()
    if data_moved and notes is not None:
        notes.append("not checked: the parts made from the ledger's data, which changed since they were "
                     "generated (run `python docs/generate.py` and commit to bring them up to date)")

    def fill(match: re.Match) -> str:
        spec = match.group("spec")
        kind, *words = shlex.split(spec)
        if kind not in KINDS:
            raise SystemExit(f"unknown kind of generated part: {spec}")
        if only is not None and kind not in only:
            return match.group(0)
        if data_moved and from_data(kind, words):
            return match.group(0)
        try:
            body = KINDS[kind](words)
        except Unavailable as why:
            if notes is not None:
                notes.append(f"not checked: {spec} ({why})")
            return match.group(0)
        return f"<!-- generated: {spec} -->\n{body}<!-- end generated -->"

    return _PART.sub(fill, text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 with a diff if stale")
    parser.add_argument("--only", help="comma-separated kinds to make (default: all)")
    args = parser.parse_args(argv)
    only = set(args.only.split(",")) if args.only else None
    notes: list[str] = []
    stale = []
    for name in DOCUMENTS:
        path = REPO / name
        old = path.read_text(encoding="utf-8")
        new = regenerate(old, only, notes, check=args.check)
        if new == old:
            continue
        stale.append(name)
        if args.check:
            sys.stdout.writelines(difflib.unified_diff(old.splitlines(True), new.splitlines(True),
                                                       f"{name} (committed)", f"{name} (generated)"))
        else:
            path.write_text(new, encoding="utf-8")
    for note in notes:
        print(note, file=sys.stderr)
    if args.check and stale:
        print(f"\n{', '.join(stale)}: generated parts are stale; run `python docs/generate.py` and commit",
              file=sys.stderr)
        return 1
    print(("stale: " if args.check else "rewritten: ") + ", ".join(stale) if stale else "up to date",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    raise SystemExit(main())
