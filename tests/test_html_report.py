"""`sykj-track report --html`: the page's content, its escaping, findings, and writing the file."""

import re
from datetime import date
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner

from sykj_track.cli import main
from sykj_track.render.html import nice_ticks, render_html, svg_chart
from sykj_track.analysis.reconcile import reconcile
from sykj_track.analysis.series import all_series, metric_series

from helpers import SNAPSHOT, figure, goal

AS_OF = date(2026, 1, 1)
EVIL = '平台1700个<script>alert("x")</script>&amp;'


@pytest.fixture
def ledger(data):
    data.metric("platforms", unit="个", zh="科技创新平台")
    data.metric("contracts", unit="亿元", kind="flow", zh="技术合同成交额")
    data.source("plan", date(2021, 12, 31), "2022年平台达到1500个。成交额达到360亿元。2023年平台达到1600个。", goals=[
        goal("platforms", 2022, 1500, "平台达到1500个", unit="个"),
        goal("contracts", 2022, 360, "成交额达到360亿元", unit="亿元", doubt="<b>bold</b> doubt"),
        goal("platforms", 2023, 1600, "平台达到1600个", unit="个")])
    data.source("news", date(2023, 3, 8), f"平台1420个。成交额超过400亿元。{EVIL}", figures=[
        figure("platforms", 2022, 1420, "平台1420个", unit="个"),
        figure("contracts", 2022, 400, "成交额超过400亿元", unit="亿元", bound="more_than"),
        figure("platforms", 2023, 1700, EVIL, unit="个")])
    data.source("industry", date(2023, 4, 1), "工信局：平台达到1550个。", agency="沈阳市工业和信息化局", goals=[
        goal("platforms", 2023, 1550, "平台达到1550个", unit="个")])
    return data.load()


def page_of(ledger, as_of=AS_OF, findings=None):
    result = reconcile(ledger, as_of)
    return render_html(result.verdicts, all_series(ledger, result), ledger.sources, as_of, findings), result


class Collector(HTMLParser):
    """Collects tags, and the text inside <script>, to check the page is what it claims."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


def parse(page: str) -> Collector:
    collector = Collector()
    collector.feed(page)
    return collector


def test_page_has_a_row_and_a_detail_per_goal(ledger):
    page, result = page_of(ledger)
    tags = parse(page).tags
    rows = [attrs for tag, attrs in tags if tag == "tr" and attrs.get("class") == "goal"]
    assert len(rows) == len(result.verdicts) == 4
    assert sum(1 for tag, attrs in tags if tag == "tr" and attrs.get("class") == "detail") == 4
    assert sorted((r["data-year"], r["data-status"]) for r in rows) == [
        ("2022", "hit"), ("2022", "miss"), ("2023", "hit"), ("2023", "hit")]
    assert {r["data-agency"] for r in rows} == {"沈阳市科学技术局", "沈阳市工业和信息化局"}


def test_page_summary_counts_per_year(ledger):
    page, _ = page_of(ledger)
    summary = page[page.index('id="summary"'):page.index('id="goals"')]
    assert summary.count('<span class="k">') == 7 * summary.count('<th scope="row">')  # each number labelled
    summary = re.sub(r'<span class="k">.*?</span></span>', "", summary)  # for a phone, hidden on a desk
    assert re.search(r"<th scope=\"row\">2022</th><td class=\"n\">2</td><td class=\"n c-hit\">1</td>"
                     r"<td class=\"n c-miss\">1</td>", summary)
    assert "50%" in summary and "100%" in summary and "75%" in summary  # 2022, 2023, all


def test_page_is_self_contained(ledger):
    page, _ = page_of(ledger)
    parsed = parse(page)
    for tag, attrs in parsed.tags:
        for name in ("src", "href"):
            value = attrs.get(name) or ""
            assert not value or value.startswith(("#", "data:")), (tag, attrs)
    assert "@import" not in page and "url(" not in page and "http://" not in page.replace("http://www.w3", "")
    assert "Noto Sans CJK SC" in page and "Microsoft YaHei" in page


def test_every_text_is_escaped(ledger):
    page, _ = page_of(ledger)
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;amp;" in page
    assert "&lt;b&gt;bold&lt;/b&gt; doubt" in page
    assert len(parse(page).scripts) == 1  # only the page's own script


def test_detail_shows_quotes_and_sources(ledger):
    page, _ = page_of(ledger)
    assert "<q>平台达到1500个</q>" in page and "<q>平台1420个</q>" in page
    assert "<code>seeds/news.txt</code>" in page and "2023-03-08" in page


def test_findings_render_when_given_and_are_escaped(ledger):
    plain, _ = page_of(ledger)
    assert 'id="findings"' not in plain
    findings = [{"kind": "target-cut", "metric": "platforms", "years": [2022, 2023],
                 "message": "The 2023 target <i>fell</i> from 1600 to 1550.",
                 "quotes": [{"source": "plan", "year": 2023, "quote": "平台达到1600个"}, "平台达到1550个"]}]
    page, _ = page_of(ledger, findings=findings)
    section = page[page.index('id="findings"'):page.index('id="goals"')]
    assert "target-cut" in section and "科技创新平台" in section and "2022、2023" in section
    assert "&lt;i&gt;fell&lt;/i&gt;" in section
    assert "<q>平台达到1600个</q>" in section and "plan · 2023" in section and "<q>平台达到1550个</q>" in section
    assert '<a href="#findings">' in page


def test_as_of_hides_what_was_not_yet_published(ledger):
    page, result = page_of(ledger, as_of=date(2022, 6, 30))
    assert len(result.verdicts) == 3  # the industry bureau's goal is not published yet
    assert page.count('<tr class="goal"') == 3 and page.count('data-status="pending"') == 3
    assert "未到期" in page and "沈阳市工业和信息化局" not in page
    assert "not yet published" in page


def test_chart_draws_bars_and_target_lines(ledger):
    result = reconcile(ledger, AS_OF)
    level = metric_series(ledger, result, "platforms").series[0]
    svg = svg_chart(level)
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert svg.count("<rect") == 2  # 2022 and 2023 figures
    assert svg.count('class="target"') == 3  # 1500, and two agencies' 2023 targets
    assert "#c62828" in svg and "#1a7f37" in svg  # the 2022 miss and the 2023 hit
    assert "目标1500" in svg and "&lt;script&gt;" not in svg  # tooltips name sources, not quotes


@pytest.mark.parametrize("value, ticks", [
    (0, [0.0, 1.0]), (22.2, [0, 10, 20, 30]), (6374, [0, 2000, 4000, 6000, 8000]), (100, [0, 25, 50, 75, 100]),
    (3.2, [0, 1, 2, 3, 4])])
def test_nice_ticks(value, ticks):
    assert nice_ticks(value) == ticks


def test_report_cli_writes_the_file(ledger, tmp_path):
    out = tmp_path / "out" / "report.html"
    out.parent.mkdir()
    out.write_text("old", encoding="utf-8")
    result = CliRunner().invoke(main, ["--data", str(ledger.root), "report", "--html", str(out),
                                       "--as-of", "2026-01-01"])
    assert result.exit_code == 0, result.output
    assert "4 goals as of 2026-01-01, 3 hit, 1 miss, 0 pending" in result.output
    assert out.read_text(encoding="utf-8").startswith("<!doctype html>")
    assert [p.name for p in out.parent.iterdir()] == ["report.html"]  # no temp file left behind


def test_report_cli_to_stdout_and_bad_paths(ledger, tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["--data", str(ledger.root), "report", "--html", "-", "--as-of", "2026-01-01"])
    assert result.exit_code == 0 and result.output.startswith("<!doctype html>")
    missing = runner.invoke(main, ["--data", str(ledger.root), "report", "--html", str(tmp_path / "no" / "r.html")])
    assert missing.exit_code == 2 and "create it first" in missing.output
    directory = runner.invoke(main, ["--data", str(ledger.root), "report", "--html", str(tmp_path)])
    assert directory.exit_code == 2 and "is a directory" in directory.output
    bare = runner.invoke(main, ["--data", str(ledger.root), "report"])
    assert bare.exit_code == 2 and "--html" in bare.output


def test_report_on_real_data(tmp_path):
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["--data", str(SNAPSHOT), "report", "--html", str(out), "--as-of", "2026-11-22"])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.count('<tr class="goal"') == 120
    assert 'id="m-hitech_enterprises"' in page and 'id="m-tech_contract_value"' in page
    assert len(page.encode()) < 1_000_000
