"""The READMEs cannot drift from the tool: every command and option is documented, every example
names commands and options that exist, and the generated parts that do not depend on the data
(each command's --help, check's rules) are current. The parts made from the data (coverage, output
excerpts, the extract tables) are checked by `python docs/generate.py --check` in .ci/run, since a new
report changes them."""

from __future__ import annotations

import importlib.util
import re
import shlex
import sys

import click
import pytest

from helpers import REPO

spec = importlib.util.spec_from_file_location("docs_generate", REPO / "docs" / "generate.py")
generate = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = generate
spec.loader.exec_module(generate)

GROUP = generate.console_script()
README = (REPO / "README.md").read_text(encoding="utf-8")
PROSE = generate._PART.sub("", README)  # what a person wrote, not what the generator made
DOCUMENTS = {name: (REPO / name).read_text(encoding="utf-8") for name in generate.DOCUMENTS}


def _sections(text: str) -> list[str]:
    """Paragraphs, each with the heading of its section, so `### changes` covers its paragraphs."""
    out = []
    for section in re.split(r"^(?=#{1,4} )", text, flags=re.MULTILINE):
        heading = section.split("\n", 1)[0] if section.startswith("#") else ""
        out += [f"{heading}\n{paragraph}" for paragraph in re.split(r"\n\s*\n", section)]
    return out


PARAGRAPHS = _sections(PROSE)


def _word(word: str, text: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None


def _options(command: click.Command) -> list[click.Option]:
    return [p for p in command.params if isinstance(p, click.Option) and "--help" not in p.opts]


COMMANDS = sorted(GROUP.commands.items())


@pytest.mark.parametrize("name", [name for name, _ in COMMANDS])
def test_every_command_has_an_example_in_the_readme(name: str) -> None:
    assert re.search(rf"sykj-track {name}\b", PROSE), f"README shows no `sykj-track {name}` outside generated parts"


@pytest.mark.parametrize(("name", "flags"), [(name, tuple(o.opts + o.secondary_opts))
                                             for name, command in [("", GROUP), *COMMANDS]
                                             for o in _options(command)])
def test_every_option_is_documented_beside_its_command(name: str, flags: tuple[str, ...]) -> None:
    """Written in a paragraph (or under a heading) that names the command, not only in --help; the
    group's own options (--data, --no-cache) anywhere."""
    found = [p for p in PARAGRAPHS if any(_word(flag, p) for flag in flags) and (not name or _word(name, p))]
    assert found, f"README never explains {'/'.join(flags)} of {name} (outside the generated --help)"


def _examples(text: str) -> list[str]:
    """Every `sykj-track …` command line written in a document, in code blocks and inline code."""
    lines = []
    for line in text.split("\n"):
        for match in re.finditer(r"(?:^|`|\$ |&& |\| )\s*(sykj-track(?: [-\w~$][^`#|>&]*)?)", line, re.ASCII):
            lines.append(match.group(1).strip())
    return lines


def _check_example(example: str) -> str | None:
    """What is wrong with one example command line, or None."""
    try:
        words = shlex.split(example)[1:]
    except ValueError:
        words = example.split()[1:]
    command: click.Command = GROUP
    expects_value = False
    for word in words:
        if expects_value:
            expects_value = False
            continue
        if word.startswith("-") and word != "-":
            flag = word.split("=", 1)[0]
            option = next((o for o in command.params if isinstance(o, click.Option)
                           and flag in o.opts + o.secondary_opts), None)
            if option is None and flag not in ("--help", "-h"):
                return f"{flag} is no option of {command.name}"
            expects_value = option is not None and not option.is_flag and "=" not in word
        elif command is GROUP:
            if word.isupper():  # a placeholder: sykj-track COMMAND --help
                return None
            if word not in GROUP.commands:
                return f"{word!r} is no command"
            command = GROUP.commands[word]
    return None


@pytest.mark.parametrize("document", list(DOCUMENTS))
def test_examples_name_commands_and_options_that_exist(document: str) -> None:
    examples = _examples(DOCUMENTS[document])
    assert len(examples) > 5
    wrong = {example: why for example in examples if (why := _check_example(example))}
    assert not wrong, "\n".join(f"{document}: `{example}`: {why}" for example, why in wrong.items())


def test_the_example_checker_catches_a_renamed_option() -> None:
    assert _check_example("sykj-track status --as-of 2023-06-30 --year 2022 -v") is None
    assert _check_example("sykj-track --data ~/ledger status --year 2022") is None
    assert _check_example("sykj-track status --years 2022") == "--years is no option of status"
    assert _check_example("sykj-track stauts") == "'stauts' is no command"


def test_generated_help_and_check_rules_are_current() -> None:
    """--help and check's rules do not depend on the data, so a stale copy fails here, at once."""
    for name, text in DOCUMENTS.items():
        fresh = generate.regenerate(text, only={"help", "check-rules"})
        assert fresh == text, f"{name} is stale: run `python docs/generate.py`"


def test_every_generated_part_is_closed() -> None:
    for name, text in DOCUMENTS.items():
        opened = re.findall(r"^<!-- generated: ", text, re.MULTILINE)
        closed = re.findall(r"^<!-- end generated -->$", text, re.MULTILINE)
        assert len(opened) == len(generate._PART.findall(text)) == len(closed), name


def test_tests_import_helpers_not_conftest() -> None:
    """conftest.py holds fixtures; shared helpers live in helpers.py, importable like any module."""
    offenders = [path.name for path in (REPO / "tests").glob("*.py")
                 if re.search(r"^\s*(from conftest import|import conftest)", path.read_text(encoding="utf-8"),
                              re.MULTILINE)]
    assert offenders == []


def test_an_excerpt_keeps_the_paragraphs_asked_for_and_marks_the_gaps() -> None:
    text = "one\n\ntwo\n\nthree\n\nfour\n\nlast\n"
    run = generate.parse_run(["keep=1,3,-1", "--", "audit"])
    assert generate.excerpt(text, run) == "one\n\n…\n\nthree\n\n…\n\nlast\n"
    run = generate.parse_run(["from=^ +0", "to=^ +#", "--", "show", "x"])
    assert generate.excerpt("table\n   0  10\n 2018 |##\n   # figure\nafter\n", run) == "  0  10\n2018 |##\n  # figure\n"


def test_a_part_is_made_afresh_between_its_comments() -> None:
    stale = "before\n<!-- generated: run prompt -- --version -->\nold\n<!-- end generated -->\nafter\n"
    fresh = generate.regenerate(stale)
    assert fresh.startswith("before\n<!-- generated: run prompt -- --version -->\n```text\n$ sykj-track --version\n")
    assert fresh.endswith("```\n<!-- end generated -->\nafter\n") and "old" not in fresh
    assert generate.regenerate(fresh) == fresh


def test_the_readme_broken_ledger_shows_each_mistake_once() -> None:
    """tests/fixtures/broken-ledger/ (README's `check --format github` example) holds three mistakes:
    a bound outside its list, a typed number that is not the quote's, a quote changed by one digit."""
    import json

    from click.testing import CliRunner

    result = CliRunner().invoke(GROUP, ["--data", str(REPO / "tests" / "fixtures" / "broken-ledger"), "check",
                                        "--as-of", "2024-06-30", "--format", "json"], env={"SYKJ_TRACK_CACHE": "off"})
    assert result.exit_code == 1
    errors = [(e["line"], e["message"]) for e in json.loads(result.stdout)["errors"]]
    assert [line for line, _ in errors] == [24, 28, 37, 37]
    assert "'exactly'" in errors[0][1] and "420亿元" in errors[1][1] and "361亿元" in errors[2][1]


def test_a_part_that_would_change_with_the_day_is_refused() -> None:
    assert generate.undated(("status", "--year", "2022")) == ["--as-of"]
    assert generate.undated(("changes", "--since", "2023-03-07")) == ["--until"]
    assert generate.undated(("status", "--as-of", "2026-11-22")) == generate.undated(("audit",)) == []
    with pytest.raises(SystemExit, match="--as-of"):
        generate.make_run(["--", "show", "高新技术企业"])


def test_a_new_report_leaves_the_parts_made_from_data_alone_but_not_the_help() -> None:
    """After a report is added the data parts differ from a fresh run; `--check` notes that instead of
    failing, while a part made from the code (the --help copies) is still compared."""
    stale = ("<!-- generated: data -->\n<!-- the ledger's data these parts were made from: 0000000000000000 -->\n"
             "<!-- end generated -->\n"
             "<!-- generated: run prompt -- --version -->\nold data output\n<!-- end generated -->\n"
             "<!-- generated: run prompt data=tests/fixtures/broken-ledger -- --version -->\nold\n"
             "<!-- end generated -->\n")
    notes: list[str] = []
    checked = generate.regenerate(stale, notes=notes, check=True)
    assert "old data output" in checked and "0000000000000000" in checked
    assert "\nold\n" not in checked  # a fixture's output is not data of the ledger: still compared
    assert notes and "changed since they were generated" in notes[0]
    written = generate.regenerate(stale)
    assert "old data output" not in written and generate.data_digest() in written
    assert generate.regenerate(written, check=True) == written
