"""export --sqlite: the ledger as an SQLite database for Datasette and sqlite-utils."""

from __future__ import annotations

import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from sykj_track.cli import main
from sykj_track.render.export import TABLES, trigram_supported
from sykj_track.ledger.load import load

from helpers import REPO, figure, goal

pytestmark = pytest.mark.skipif(not trigram_supported(), reason="this SQLite has no trigram tokenizer")


@pytest.fixture
def ledger_dir(data):
    data.metric("hitech_enterprises", zh="高新技术企业数量", aliases=["高企", "高新技术企业"])
    data.metric("tech_contract_value", unit="亿元", kind="flow", zh="技术合同成交额")
    data.source("plan", date(2021, 12, 31),
                "2022年高新技术企业数量达到4500家，技术合同成交额达到360亿元。\n2023年高新技术企业达到5000家。", goals=[
                    goal("hitech_enterprises", 2022, 4500, "高新技术企业数量达到4500家"),
                    goal("tech_contract_value", 2022, 360, "技术合同成交额达到360亿元", unit="亿元"),
                    goal("hitech_enterprises", 2023, 5000, "高新技术企业达到5000家")])
    data.source("news", date(2023, 3, 8), "回顾去年：\n高新技术企业达到 4200家。技术合同成交额超过400亿元。",
                figures=[figure("hitech_enterprises", 2022, 4200, "高新技术企业达到4200家"),
                         figure("tech_contract_value", 2022, 400, "技术合同成交额超过400亿元", unit="亿元",
                                bound="more_than")],
                url="https://example.org/news.html", sha256="ab" * 32)
    return data


def export(data_root: Path, db: Path, *args: str):
    result = CliRunner().invoke(main, ["--data", str(data_root), "export", "--sqlite", str(db), *args],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def query(db: Path, sql: str, *params) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, params).fetchall()


def test_tables_hold_the_ledger_with_quotes_and_places(ledger_dir, tmp_path):
    db = tmp_path / "ledger.db"
    export(ledger_dir.root, db, "--as-of", "2024-01-01")
    assert {t for (t,) in query(db, "select name from sqlite_master where type = 'table'")} >= set(TABLES)
    assert query(db, "select id, url, sha256 from sources order by id") == [
        ("news", "https://example.org/news.html", "ab" * 32), ("plan", None, None)]
    # A quote on the second line of its seed is found there, and its record in targets/ is named.
    assert query(db, "select seed_line, record from figures where metric = 'hitech_enterprises'") == [
        ("seeds/news.txt:2", "targets/news.toml:10")]
    assert query(db, "select status, actual, as_of from verdicts where id = '2022:hitech_enterprises:level'") == [
        ("miss", 4200.0, "2024-01-01")]
    # Every goal statement points at its verdict, every verdict at the statement and figure behind it.
    assert query(db, """select goals.quote, figures.quote from verdicts join goals on goals.id = verdicts.goal
                        join figures on figures.id = verdicts.figure where verdicts.status = 'miss'""") == [
        ("高新技术企业数量达到4500家", "高新技术企业达到4200家")]
    assert query(db, "select count(*) from goals where verdict is null") == [(0,)]


def test_foreign_keys_are_declared_and_hold(ledger_dir, tmp_path):
    db = tmp_path / "ledger.db"
    export(ledger_dir.root, db)
    with sqlite3.connect(db) as conn:
        declared = {(table, row[3], row[2]) for table in ("goals", "figures", "verdicts", "finding_records")
                    for row in conn.execute(f"pragma foreign_key_list({table})")}
        assert conn.execute("pragma foreign_key_check").fetchall() == []
    assert {("goals", "metric", "metrics"), ("goals", "source", "sources"), ("goals", "verdict", "verdicts"),
            ("figures", "source", "sources"), ("verdicts", "goal", "goals"), ("verdicts", "figure", "figures"),
            ("finding_records", "finding", "findings")} <= declared


def test_full_text_search_finds_chinese_inside_a_sentence(ledger_dir, tmp_path):
    db = tmp_path / "ledger.db"
    export(ledger_dir.root, db)
    found = query(db, "select goals.quote from goals_fts join goals on goals.rowid = goals_fts.rowid "
                      "where goals_fts match ? order by goals.id", '"高新技术企业"')
    assert found == [("高新技术企业数量达到4500家",), ("高新技术企业达到5000家",)]
    assert query(db, "select count(*) from figures_fts where figures_fts match ?", '"技术合同成交额"') == [(1,)]


def test_as_of_decides_the_verdicts(ledger_dir, tmp_path):
    db = tmp_path / "early.db"
    export(ledger_dir.root, db, "--as-of", "2022-06-30")
    assert query(db, "select status, reason from verdicts where id = '2022:hitech_enterprises:level'") == [
        ("pending", "not-due")]
    # The figures are all there; only the verdicts are judged as of the date.
    assert query(db, "select count(*) from figures") == [(2,)]
    assert query(db, "select count(*) from goals where verdict is not null") == [(3,)]


def test_metadata_describes_every_column(ledger_dir, tmp_path):
    db = tmp_path / "ledger.db"
    export(ledger_dir.root, db)
    meta = json.loads((tmp_path / "metadata.json").read_text(encoding="utf-8"))
    assert meta["license"] == "MIT" and meta["source"] and meta["title"]
    tables = meta["databases"]["ledger"]["tables"]
    with sqlite3.connect(db) as conn:
        for table in TABLES:
            columns = [row[1] for row in conn.execute(f"pragma table_info({table})")]
            assert set(columns) == set(tables[table]["columns"]), table


def test_metadata_speaks_the_readers_language(ledger_dir, tmp_path):
    """Datasette's metadata holds one text per column: export writes it in the language of --lang."""
    described = {}
    for lang in ("zh", "en"):
        export(ledger_dir.root, tmp_path / "ledger.db", "--lang", lang)
        meta = json.loads((tmp_path / "metadata.json").read_text(encoding="utf-8"))
        described[lang] = meta["databases"]["ledger"]["tables"]["verdicts"]
    assert described["zh"]["title"] == "结论" and described["en"]["title"] == "Verdicts"
    assert "不计入达成率" in described["zh"]["columns"]["revealed"]
    assert "left out of the hit rate" in described["en"]["columns"]["revealed"]
    assert described["zh"]["columns"].keys() == described["en"]["columns"].keys()


def test_reexport_replaces_the_file_and_a_failed_one_leaves_it(ledger_dir, tmp_path, monkeypatch):
    db = tmp_path / "ledger.db"
    export(ledger_dir.root, db, "--as-of", "2022-06-30")
    export(ledger_dir.root, db, "--as-of", "2024-01-01")
    assert query(db, "select distinct as_of from verdicts") == [("2024-01-01",)]
    before = db.read_bytes()

    def broken(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("sykj_track.ledger.atomicwrite.os.replace", broken)
    result = CliRunner().invoke(main, ["--data", str(ledger_dir.root), "export", "--sqlite", str(db)])
    assert result.exit_code == 1 and "No space left on device" in result.output
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "ledger.db", "metadata.json"]


def test_bad_paths_are_usage_errors(ledger_dir, tmp_path):
    runner = CliRunner()
    for args in (["--sqlite", str(tmp_path)], ["--sqlite", str(tmp_path / "no" / "x.db")],
                 ["--sqlite", str(tmp_path / "x.db"), "--metadata", str(tmp_path / "x.db")]):
        result = runner.invoke(main, ["--data", str(ledger_dir.root), "export", *args])
        assert result.exit_code == 2, result.output
        assert "Traceback" not in result.output


def test_real_ledger_exports_whole(tmp_path):
    """Whatever reports are added, every record lands in the database and every quote has its line."""
    real_ledger, problems = load(REPO)
    assert problems == []
    db = tmp_path / "ledger.db"
    export(REPO, db, "--as-of", "2026-01-01")
    assert query(db, "select count(*) from goals") == [(len(real_ledger.goals),)]
    assert query(db, "select count(*) from figures") == [(len(real_ledger.figures),)]
    assert query(db, "select count(*) from sources") == [(len(real_ledger.sources),)]
    assert query(db, "select count(*) from goals where seed_line is null") == [(0,)]
    assert query(db, "select count(*) from figures where seed_line is null") == [(0,)]
    assert query(db, "select count(*) from goals_fts where goals_fts match ?", '"高新技术企业"')[0][0] > 0
    with sqlite3.connect(db) as conn:
        assert conn.execute("pragma foreign_key_check").fetchall() == []


# --- Datasette, as a journalist runs it ----------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> object:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read().decode("utf-8"))


@pytest.fixture
def datasette_binary() -> str:
    found = shutil.which("datasette", path=os.path.dirname(sys.executable) + os.pathsep + os.environ["PATH"])
    if found is None:
        if os.environ.get("SYKJ_TRACK_REQUIRE_TOOLS"):
            pytest.fail("datasette is not installed, and CI installs it: pip install '.[datasette]'")
        pytest.skip("datasette is not installed (pip install '.[datasette]')")
    return found


def test_datasette_serves_the_export(ledger_dir, tmp_path, datasette_binary):
    db = tmp_path / "ledger.db"
    export(ledger_dir.root, db, "--as-of", "2024-01-01")
    port = _free_port()
    server = subprocess.Popen([datasette_binary, "serve", str(db), "-m", str(tmp_path / "metadata.json"),
                               "--host", "127.0.0.1", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                _get(f"{base}/-/versions.json")
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"datasette did not start: {server.stderr.read().decode(errors='replace')}")
                time.sleep(0.2)
        search = urllib.parse.quote("高新技术企业")
        rows = _get(f"{base}/ledger/goals.json?_search={search}&_shape=array")
        assert [r["quote"] for r in rows] == ["高新技术企业数量达到4500家", "高新技术企业达到5000家"]
        misses = _get(f"{base}/ledger/verdicts.json?status=miss&year=2022&_shape=array")
        assert [(r["name_zh"], r["actual"]) for r in misses] == [("高新技术企业数量", 4200.0)]
        canned = _get(f"{base}/ledger/misses.json?year=2022&_shape=array")
        assert [r["name_zh"] for r in canned] == ["高新技术企业数量"]
        metadata = _get(f"{base}/-/metadata.json")
        assert metadata["license"] == "MIT"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        server.stderr.close()


def test_verdicts_say_what_status_json_says(data, tmp_path):
    """Each verdict row carries every field of `status --format json`, the derived range flattened into
    actual_lo and actual_hi: a revealed goal, a derived growth, a partial-year figure, the reports' urls."""
    data.metric("firms", zh="科技型企业").metric("value", unit="亿元", kind="flow", zh="技术合同成交额")
    data.source("plan", date(2023, 1, 20), "2023年科技型企业100家。2024年科技型企业增长10%，技术合同成交额达到500亿元。",
                goals=[goal("firms", 2024, 10, "科技型企业增长10%", unit="%", basis="growth"),
                       goal("value", 2024, 500, "技术合同成交额达到500亿元", unit="亿元")],
                figures=[figure("firms", 2023, 100, "2023年科技型企业100家")], url="https://example.org/plan")
    data.source("news", date(2024, 10, 8), "科技型企业115家，超额完成8%省考目标。截至9月底技术合同成交额320亿元。",
                goals=[goal("firms", 2024, 8, "超额完成8%省考目标", unit="%", basis="growth", revealed=True,
                            agency="辽宁省科学技术厅")],
                figures=[figure("firms", 2024, 115, "科技型企业115家"),
                         figure("value", 2024, 320, "截至9月底技术合同成交额320亿元", unit="亿元",
                                as_of=date(2024, 9, 30))])
    db = tmp_path / "ledger.db"
    export(data.root, db, "--as-of", "2025-01-01")
    status = CliRunner().invoke(main, ["--data", str(data.root), "status", "--as-of", "2025-01-01", "--format", "json"])
    goals = {g["id"]: g for g in json.loads(status.output)["goals"]}
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        rows = {r["id"]: dict(r) for r in conn.execute("select * from verdicts")}
    assert set(rows) == set(goals)
    lists = ("sources", "source_urls", "derived_from")
    for goal_id, record in goals.items():
        row = dict(rows[goal_id])
        interval = record.pop("actual_interval") or {}
        assert (row.pop("actual_lo"), row.pop("actual_hi")) == (interval.get("lo"), interval.get("hi"))
        assert {k: json.loads(row[k]) for k in lists} == {k: record.pop(k) for k in lists}
        assert {k: row[k] for k in record} == {k: int(v) if isinstance(v, bool) else v for k, v in record.items()}
    derived = rows["2024:firms:growth"]
    assert derived["evidence"] == "derived" and derived["actual_lo"] <= derived["actual"] == 15 <= derived["actual_hi"]
    assert [r for r in rows.values() if r["revealed"]] == [rows["2024:firms:growth:辽宁省科学技术厅"]]
    assert rows["2024:value:level"]["actual_as_of"] == "2024-09-30"
    assert json.loads(derived["source_urls"]) == ["https://example.org/plan"]
