"""The JSON Schemas of the ledger's files: generated from the loader, committed, and in agreement with it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator, FormatChecker

from sykj_track.cli import main
from sykj_track.ledger.identity import read_identity
from sykj_track.ledger.load import load
from sykj_track.ledger.schema import as_json, for_file, schema_text, schemas

from helpers import REPO, SNAPSHOT

SCHEMA_DIR = REPO / "schema"


def validator(name: str) -> Draft202012Validator:
    schema = schemas()[name]
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


def schema_errors(file_name: str, text: str) -> list[str]:
    data = as_json(tomllib.loads(text))
    return [error.message for error in validator(for_file(file_name)).iter_errors(data)]


def test_committed_schemas_are_the_generated_ones():
    committed = {path.name for path in SCHEMA_DIR.glob("*.json")}
    assert committed == set(schemas()), "run: sykj-track schema --write schema"
    for name, schema in schemas().items():
        assert (SCHEMA_DIR / name).read_text(encoding="utf-8") == schema_text(schema), (
            f"schema/{name} is out of date: run sykj-track schema --write schema")


@pytest.mark.parametrize("root", [REPO, SNAPSHOT], ids=["checkout", "snapshot"])
def test_every_bundled_file_validates(root):
    files = sorted((root / "targets").glob("*.toml"))
    assert files
    for path in files:
        assert schema_errors(path.name, path.read_text(encoding="utf-8")) == [], path


def test_schema_command(tmp_path):
    runner = CliRunner()
    printed = runner.invoke(main, ["schema", "metrics"])
    assert printed.exit_code == 0 and printed.output == schema_text(schemas()["metrics.schema.json"])
    assert runner.invoke(main, ["schema"]).exit_code == 2
    written = runner.invoke(main, ["schema", "--write", str(tmp_path / "schema")])
    assert written.exit_code == 0
    assert sorted(p.name for p in (tmp_path / "schema").iterdir()) == sorted(schemas())


def test_taplo_config_points_at_the_schemas():
    config = tomllib.loads((REPO / ".taplo.toml").read_text(encoding="utf-8"))
    paths = {rule["schema"]["path"].removeprefix("./") for rule in config["rule"]}
    assert paths == {f"schema/{name}" for name in schemas()}


def test_taplo_validates_the_ledger_with_them(tmp_path):
    """Taplo itself, as an editor runs it: the bundled files pass, a broken one fails on its line."""
    taplo = shutil.which("taplo", path=os.path.dirname(sys.executable) + os.pathsep + os.environ["PATH"])
    if taplo is None:
        if os.environ.get("SYKJ_TRACK_REQUIRE_TOOLS"):
            pytest.fail("taplo is not installed, and CI installs it: pip install taplo")
        pytest.skip("taplo is not installed (pip install taplo)")
    work = tmp_path / "repo"
    shutil.copytree(REPO / "targets", work / "targets")
    shutil.copytree(SCHEMA_DIR, work / "schema")
    shutil.copy(REPO / ".taplo.toml", work / ".taplo.toml")
    ok = subprocess.run([taplo, "check"], cwd=work, capture_output=True, text=True, timeout=60)
    assert ok.returncode == 0, ok.stderr
    victim = next(p for p in sorted((work / "targets").glob("*.toml")) if "[[figure]]" in p.read_text(encoding="utf-8"))
    victim.write_text(victim.read_text(encoding="utf-8").replace('bound = "exact"', 'bound = "exactly"', 1),
                      encoding="utf-8")
    broken = subprocess.run([taplo, "check"], cwd=work, capture_output=True, text=True, timeout=60)
    assert broken.returncode != 0 and '"exactly" is not one of' in broken.stderr


# --- the loader and the schema reject the same documents ----------------------------------------------

METRICS = """\
[metric.m]
zh = "高新技术企业数量"
en = "High-tech enterprises"
unit = "家"
kind = "stock"
better = "higher"
aliases = ["高企"]
"""

SOURCE = """\
[source]
id = "doc"
file = "seeds/doc.txt"
title = "报告"
agency = "沈阳市科学技术局"
published = 2023-03-08
url = "https://example.org/report.html"
sha256 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

[[goal]]
metric = "m"
year = 2023
op = ">="
target = 100
unit = "家"
basis = "level"
quote = "达到100家"

[[figure]]
metric = "m"
year = 2022
value = 90
unit = "家"
bound = "exact"
basis = "level"
quote = "达到90家"
"""

LEDGER = 'name = "台账"\nagency = "沈阳市科学技术局"\nregion = "沈阳市"\nlang = "zh"\n'

# (what is broken, file, the replacement that breaks it)
BROKEN = [
    ("unknown goal field", "doc.toml", ('quote = "达到100家"', 'qoute = "达到100家"')),
    ("missing quote", "doc.toml", ('quote = "达到90家"\n', "")),
    ("op outside its list", "doc.toml", ('op = ">="', 'op = "≥"')),
    ("basis outside its list", "doc.toml", ('basis = "level"\nquote = "达到100家"', 'basis = "levels"\nquote = "达到100家"')),
    ("bound outside its list", "doc.toml", ('bound = "exact"', 'bound = "exactly"')),
    ("year out of range", "doc.toml", ("year = 2023", "year = 2203")),
    ("year as a string", "doc.toml", ("year = 2023", 'year = "2023"')),
    ("target true/false", "doc.toml", ("target = 100", "target = true")),
    ("between without target_max", "doc.toml", ('op = ">="', 'op = "between"')),
    ("target_max without between", "doc.toml", ("target = 100", "target = 100\ntarget_max = 120")),
    ("blank quote", "doc.toml", ('quote = "达到90家"', 'quote = "  "')),
    ("estimate as a string", "doc.toml", ('bound = "exact"', 'bound = "exact"\nestimate = "yes"')),
    ("as_of with a time", "doc.toml", ('bound = "exact"', 'bound = "exact"\nas_of = 2022-11-30T10:00:00')),
    ("unknown table", "doc.toml", ("[[goal]]", "[report]\nx = 1\n\n[[goal]]")),
    ("no [source]", "doc.toml", ("[source]", "[sources]")),
    ("source lacks published", "doc.toml", ("published = 2023-03-08\n", "")),
    ("published with a time", "doc.toml", ("published = 2023-03-08", "published = 2023-03-08T09:00:00")),
    ("sha256 not 64 hex digits", "doc.toml", ('sha256 = "0123', 'sha256 = "xyz')),
    ("url not http(s)", "doc.toml", ('url = "https://example.org/report.html"', 'url = "javascript:alert(1)"')),
    ("goal as one table", "doc.toml", ("[[goal]]", "[goal]")),
    ("metric id not snake_case", "metrics.toml", ("[metric.m]", "[metric.HiTech]")),
    ("kind outside its list", "metrics.toml", ('kind = "stock"', 'kind = "stocks"')),
    ("metric lacks en", "metrics.toml", ('en = "High-tech enterprises"\n', "")),
    ("aliases not a list", "metrics.toml", ('aliases = ["高企"]', 'aliases = "高企"')),
    ("unknown metric field", "metrics.toml", ('better = "higher"', 'better = "higher"\nnotes = "x"')),
    ("metrics file with another table", "metrics.toml", ("[metric.m]", "[other]\nx = 1\n\n[metric.m]")),
    ("ledger lang outside its list", "ledger.toml", ('lang = "zh"', 'lang = "fr"')),
    ("unknown ledger field", "ledger.toml", ('name = "台账"', 'name = "台账"\ncity = "沈阳"')),
    ("ledger name not a string", "ledger.toml", ('name = "台账"', "name = 1")),
]
VALID = [
    ("between with target_max", "doc.toml", ('op = ">="\ntarget = 100', 'op = "between"\ntarget = 100\ntarget_max = 120')),
    ("quantity as written", "doc.toml", ('value = 90\nunit = "家"\n', 'value = "90家"\n')),
    ("partial-year figure", "doc.toml", ('bound = "exact"', 'bound = "at_least"\nas_of = 2022-11-30\nestimate = false')),
    ("no provenance", "doc.toml", ('url = "https://example.org/report.html"\n', "")),
]


def _documents(file: str, change: tuple[str, str]) -> dict[str, str]:
    documents = {"metrics.toml": METRICS, "doc.toml": SOURCE, "ledger.toml": LEDGER}
    old, new = change
    assert old in documents[file], old
    documents[file] = documents[file].replace(old, new, 1)
    return documents


def loader_errors(tmp_path: Path, documents: dict[str, str]) -> list[str]:
    root = tmp_path / "ledger"
    (root / "targets").mkdir(parents=True)
    (root / "seeds").mkdir()
    (root / "seeds" / "doc.txt").write_text("达到100家。达到90家。", encoding="utf-8")
    for name, text in documents.items():
        (root / "targets" / name).write_text(text, encoding="utf-8")
    problems = [p for p in load(root)[1] if p.is_error]
    problems += [p for p in read_identity(root)[1] if p.is_error]
    return [str(p) for p in problems]


@pytest.mark.parametrize("what, file, change", BROKEN, ids=[b[0] for b in BROKEN])
def test_loader_and_schema_reject_the_same_broken_files(tmp_path, what, file, change):
    documents = _documents(file, change)
    assert loader_errors(tmp_path, documents), f"the loader accepts: {what}"
    assert schema_errors(file, documents[file]), f"the schema accepts: {what}"


@pytest.mark.parametrize("what, file, change", VALID, ids=[v[0] for v in VALID])
def test_loader_and_schema_accept_the_same_valid_files(tmp_path, what, file, change):
    documents = _documents(file, change)
    assert loader_errors(tmp_path, documents) == []
    assert all(schema_errors(name, text) == [] for name, text in documents.items())


def test_a_quoted_date_is_the_one_known_difference(tmp_path):
    """An editor's validator sees TOML dates as strings, so a date in quotes passes the schema; the
    loader refuses it, with a hint to drop the quotes."""
    documents = _documents("doc.toml", ("published = 2023-03-08", 'published = "2023-03-08"'))
    assert any("not a date" in e for e in loader_errors(tmp_path, documents))
    assert schema_errors("doc.toml", documents["doc.toml"]) == []


def test_every_field_of_every_schema_says_what_it_is_for():
    """An editor shows a field's description on hover: none may be missing."""
    from sykj_track.ledger import schema as schemas

    def walk(node, path):
        for name, sub in node.get("properties", {}).items():
            assert sub.get("description"), f"{path}.{name} has no description"
            walk(sub, f"{path}.{name}")
        for key in ("items", "additionalProperties"):
            if isinstance(node.get(key), dict):
                walk(node[key], path)

    for kind, schema in schemas.schemas().items():
        walk(schema, kind)
