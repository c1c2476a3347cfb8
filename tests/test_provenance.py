"""Where a report came from: url, archive_url, retrieved and the seed's sha256 in [source]."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from datetime import date

import pytest
from click.testing import CliRunner
from helpers import REPO, goal

from sykj_track import api
from sykj_track.cli import main
from sykj_track.ledger.load import load

TEXT = "平台达到5个。"
URL = "https://kjj.example.gov.cn/2024/report.html"
ARCHIVE = "https://web.archive.org/web/2025/https://kjj.example.gov.cn/2024/report.html"


def ledger_with(data, **source):
    data.metric("platforms", unit="个")
    data.source("r", date(2024, 1, 1), TEXT, goals=[goal("platforms", 2025, 5, "平台达到5个", unit="个")], **source)
    return data


def test_provenance_fields_load(data):
    digest = hashlib.sha256(TEXT.encode()).hexdigest()
    ledger = ledger_with(data, url=URL, archive_url=ARCHIVE, retrieved=date(2024, 2, 1), sha256=digest.upper()).load()
    source = ledger.sources[0]
    assert (source.url, source.archive_url, source.retrieved, source.sha256) == (URL, ARCHIVE, date(2024, 2, 1), digest)


@pytest.mark.parametrize("field, value", [("url", "javascript:alert(1)"), ("url", "kjj.example.gov.cn/report"),
                                          ("archive_url", "ftp://example.org/x"), ("url", "https:///no-host"),
                                          ("archive_url", "https://example.org/a b")])
def test_an_address_must_be_http_or_https(data, field, value):
    ledger_with(data, **{field: value})
    ledger, problems = load(data.root)
    assert not ledger.sources and len(problems) == 1
    problem = problems[0]
    assert problem.message.startswith(f"`{field}` ") and "http(s)" in problem.message and "https://" in problem.hint
    lines = (data.root / "targets" / "r.toml").read_text("utf-8").splitlines()
    assert lines[problem.where.line - 1].startswith(f"{field} =")


@pytest.mark.parametrize("value", ["abc", "0" * 63, "g" * 64, 12])
def test_sha256_is_64_hex_digits(data, value):
    ledger_with(data, sha256=value)
    _, problems = load(data.root)
    assert len(problems) == 1 and "sha256" in problems[0].message


def test_retrieved_is_a_date(data):
    ledger_with(data, retrieved="2024-02-01")
    _, problems = load(data.root)
    assert len(problems) == 1 and "`retrieved` is a string" in problems[0].message


def test_check_proves_the_seed_unchanged(data):
    digest = hashlib.sha256(TEXT.encode()).hexdigest()
    ledger_with(data, sha256=digest)
    ledger, problems = load(data.root)
    assert api.check(ledger, problems, as_of=date(2024, 6, 1)).ok
    (data.root / "seeds" / "r.txt").write_text(TEXT + "\n", encoding="utf-8")  # edited after it was recorded
    report = api.check(*load(data.root), as_of=date(2024, 6, 1))
    [error] = report.errors
    edited = hashlib.sha256((TEXT + "\n").encode()).hexdigest()
    assert "seeds/r.txt" in error.message and digest in error.message and edited in error.message
    assert f'sha256 = "{edited}"' in error.hint
    assert error.where.file == "targets/r.toml"


def test_no_hash_recorded_means_nothing_to_prove(data):
    ledger_with(data)
    assert api.check(*load(data.root), as_of=date(2024, 6, 1)).ok


def test_json_csv_and_html_carry_the_url(data):
    ledger_with(data, url=URL, archive_url=ARCHIVE)
    runner = CliRunner()
    args = ["--data", str(data.root)]
    status = json.loads(runner.invoke(main, [*args, "status", "--as-of", "2024-06-01", "--format", "json"]).output)
    assert status["goals"][0]["source_urls"] == [URL]
    rows = list(csv.DictReader(io.StringIO(
        runner.invoke(main, [*args, "status", "--as-of", "2024-06-01", "--format", "csv"]).output)))
    assert rows[0]["source_urls"] == URL
    sources = json.loads(runner.invoke(main, [*args, "sources", "--format", "json"]).output)["sources"]
    assert (sources[0]["url"], sources[0]["archive_url"]) == (URL, ARCHIVE)
    table = list(csv.DictReader(io.StringIO(runner.invoke(main, [*args, "sources", "--format", "csv"]).output)))
    assert table[0]["url"] == URL and table[0]["id"] == "r"
    page = runner.invoke(main, [*args, "report", "--html", "-", "--as-of", "2024-06-01"]).output
    assert f'<a href="{URL}" rel="noopener noreferrer">' in page and f'href="{ARCHIVE}"' in page


def test_a_source_without_url_has_empty_url_cells(data):
    ledger_with(data)
    result = CliRunner().invoke(main, ["--data", str(data.root), "status", "--as-of", "2024-06-01", "--format", "json"])
    assert json.loads(result.output)["goals"][0]["source_urls"] == [None]


FOUNDING = ("2018-work-report", "2021-work-report", "2023-newspaper", "2025-press-conference", "2024-work-report")


def test_the_founding_sources_record_their_seed_hash(real_ledger):
    recorded = {s.id: s for s in real_ledger.sources}
    for source_id in FOUNDING:
        source = recorded[source_id]
        assert source.sha256 == hashlib.sha256((REPO / source.file).read_bytes()).hexdigest(), source_id


def test_retrieved_before_published_is_a_warning_and_the_source_still_loads(data):
    ledger_with(data, retrieved=date(2023, 12, 1))
    ledger, problems = load(data.root)
    assert len(ledger.sources) == 1 and len(ledger.goals) == 1
    [problem] = problems
    assert problem.severity == "warning" and "before published 2024-01-01" in problem.message


def test_retrieved_before_an_approximate_publication_date_is_fine(data):
    ledger_with(data, retrieved=date(2023, 12, 1), published_approx=True)
    assert load(data.root)[1] == []
