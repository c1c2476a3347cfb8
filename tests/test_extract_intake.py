"""A new report through the door: encodings read or refused (the same rules as check), the seed's
hash and URL in the draft, and proposed metrics that load once pasted into the registry. The report
is invented for the test."""

from __future__ import annotations

import codecs
import hashlib

import pytest
from click.testing import CliRunner

from sykj_track.cli import main
from sykj_track.extract import ExtractError, decode
from sykj_track.ledger.textfile import TextFileError, sniff

REPORT = """某县科技局2030年工作总结
发布日期：2031-02-18

一、2030年工作情况
全县数字贸易额达到88.6亿元，同比增长9.4%。
新增示范工厂12家，示范工厂总数达到57家。
二、2031年工作安排
力争示范工厂突破70家。
"""


@pytest.mark.parametrize("encoding,name", [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"),
                                           ("gb18030", "gb18030"), ("gbk", "gb18030")])
def test_reports_are_read_in_the_encodings_they_arrive_in(encoding, name):
    decoded = decode(REPORT.encode(encoding))
    assert decoded.encoding == name and "示范工厂" in decoded.text


def test_big5_and_private_use_garbage_are_refused_not_read():
    with pytest.raises(ExtractError, match="Big5"):
        decode("臺北市科技發展，全市高新技術企業達到四千五百家，研發經費投入持續成長。".encode("big5"))
    with pytest.raises(TextFileError, match="private-use"):
        sniff(codecs.BOM_UTF8 + "示范工厂\ue123\ue456".encode("utf-8"))
    with pytest.raises(ExtractError, match="binary"):
        decode(b"\x00\x01\x02\xff\xfe\x00" * 50)


def _ledger(tmp_path, data: bytes):
    runner = CliRunner()
    ledger = tmp_path / "ledger"
    assert runner.invoke(main, ["init", str(ledger), "--agency", "某县科学技术局"]).exit_code == 0
    (ledger / "seeds" / "r.txt").write_bytes(data)
    return runner, ledger


def test_a_gb18030_report_is_converted_on_write_and_its_hashes_kept(tmp_path):
    original = REPORT.encode("gb18030")
    runner, ledger = _ledger(tmp_path, original)
    result = runner.invoke(main, ["--data", str(ledger), "extract", str(ledger / "seeds" / "r.txt"), "--write",
                                  "--id", "2030-work-report", "--url", "https://example.org/r.html"])
    assert result.exit_code == 0, result.output
    seed = (ledger / "seeds" / "r.txt").read_bytes()
    assert seed == REPORT.encode("utf-8")
    draft = (ledger / "targets" / "2030-work-report.toml").read_text(encoding="utf-8")
    assert f'sha256 = "{hashlib.sha256(seed).hexdigest()}"' in draft
    assert hashlib.sha256(original).hexdigest() in draft and "GB18030" in draft
    assert 'url = "https://example.org/r.html"' in draft and 'agency = "某县科学技术局"' in draft


def test_without_write_a_non_utf8_report_gets_the_command_that_converts_it(tmp_path):
    runner, ledger = _ledger(tmp_path, codecs.BOM_UTF16_LE + REPORT.encode("utf-16-le"))
    result = runner.invoke(main, ["--data", str(ledger), "extract", str(ledger / "seeds" / "r.txt")])
    assert result.exit_code == 0
    assert "iconv -f UTF-16 -t UTF-8" in result.stderr


def test_check_refuses_what_extract_converts_with_the_command(tmp_path):
    runner, ledger = _ledger(tmp_path, REPORT.encode("utf-8"))
    assert runner.invoke(main, ["--data", str(ledger), "extract", str(ledger / "seeds" / "r.txt"), "--write",
                                "--id", "r"]).exit_code == 0
    (ledger / "seeds" / "r.txt").write_bytes(REPORT.encode("gb18030"))
    result = runner.invoke(main, ["--data", str(ledger), "check"])
    assert result.exit_code != 0 and "iconv -f GB18030 -t UTF-8" in result.output


def test_proposed_metrics_have_every_field_readable_ids_and_load(tmp_path):
    runner, ledger = _ledger(tmp_path, REPORT.encode("utf-8"))
    result = runner.invoke(main, ["--data", str(ledger), "extract", str(ledger / "seeds" / "r.txt"), "--write",
                                  "--id", "r"])
    assert result.exit_code == 0, result.output
    draft = (ledger / "targets" / "r.toml").read_text(encoding="utf-8")
    block = draft.split("or delete the records.\n#\n", 1)[1].split("\n\n[source]")[0]
    assert "new_" not in block.split("[metric.")[1].split("]")[0]
    pasted = "\n".join(line[2:] if line.startswith("# ") else line.lstrip("#") for line in block.splitlines())
    for field in ("zh =", "en =", "unit =", "kind =", "better ="):
        assert field in pasted
    with open(ledger / "targets" / "metrics.toml", "a", encoding="utf-8") as registry:
        registry.write("\n" + pasted + "\n")
    checked = runner.invoke(main, ["--data", str(ledger), "check"])
    assert checked.exit_code == 0, checked.output
    # the rate of growth is the trade's own, not a measure named 同比增长
    assert "同比增长" not in pasted
