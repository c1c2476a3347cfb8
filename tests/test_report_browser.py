"""The HTML report in a real browser: headless Chromium (Debian's chromium and chromium-driver) via selenium.

Skips, saying why, only when there is no Chromium; with SYKJ_TRACK_REQUIRE_BROWSER set (CI sets it) a
missing browser is a failure instead. Screenshots go to tests/artifacts/ (git-ignored).
"""

from __future__ import annotations

import base64
import os
import shutil
import tempfile
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from sykj_track.cli import main

from helpers import SNAPSHOT, figure, goal

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1280,1600", "--hide-scrollbars")
EVIL_QUOTE = '平台1700个<script>alert("x")</script><img src=x onerror=alert(2)>'


def _browser_paths() -> tuple[str, str] | None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    return (chromium, driver) if chromium and driver else None


@pytest.fixture(scope="module")
def browser():
    paths = _browser_paths()
    if paths is None:
        reason = ("no Chromium here: install the Debian packages chromium and chromium-driver "
                  "(apt-get install chromium chromium-driver) to run the browser test")
        if os.environ.get("SYKJ_TRACK_REQUIRE_BROWSER"):
            pytest.fail(reason)
        pytest.skip(reason)
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed: pip install '.[test]'")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = paths[0]
    for flag in FLAGS:
        options.add_argument(flag)
    profile = tempfile.mkdtemp(prefix="sykj-chromium-")
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # An explicit driver path: selenium then never tries to download one.
    driver = webdriver.Chrome(service=Service(paths[1]), options=options)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def _open(browser, path: Path) -> None:
    browser.get(path.as_uri())
    browser.get_log("browser")  # start each page with an empty console


def _console_errors(browser) -> list[dict]:
    return [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]


def _visible_rows(browser) -> int:
    return browser.execute_script(
        "return Array.from(document.querySelectorAll('#goal-table tr.goal')).filter(r => r.offsetParent).length")


def _screenshot(browser, name: str, full_page: bool = False) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    if full_page:
        size = browser.execute_script("return [document.documentElement.scrollWidth, "
                                      "document.documentElement.scrollHeight]")
        shot = browser.execute_cdp_cmd("Page.captureScreenshot", {
            "captureBeyondViewport": True, "clip": {"x": 0, "y": 0, "width": size[0], "height": size[1], "scale": 1}})
        path.write_bytes(base64.b64decode(shot["data"]))
    else:
        browser.save_screenshot(str(path))
    return path


def _write_report(data_dir: Path, out: Path, as_of: str) -> None:
    result = CliRunner().invoke(main, ["--data", str(data_dir), "report", "--html", str(out), "--as-of", as_of])
    assert result.exit_code == 0, result.output


def test_real_report_in_chromium(browser, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    out = tmp_path / "report.html"
    _write_report(SNAPSHOT, out, "2026-11-22")
    _open(browser, out)
    assert "沈阳市科学技术局" in browser.title
    _screenshot(browser, "report.png")

    total = len(browser.find_elements(By.CSS_SELECTOR, "#goal-table tr.goal"))
    assert total == 120
    assert _visible_rows(browser) == total
    assert browser.find_element(By.ID, "shown").text == str(total)

    Select(browser.find_element(By.ID, "f-status")).select_by_value("miss")
    assert _visible_rows(browser) == 1 and browser.find_element(By.ID, "shown").text == "1"
    Select(browser.find_element(By.ID, "f-status")).select_by_value("")
    Select(browser.find_element(By.ID, "f-year")).select_by_value("2022")
    assert _visible_rows(browser) == 12
    search = browser.find_element(By.ID, "f-text")
    search.send_keys("技术合同")
    assert 0 < _visible_rows(browser) < 12
    search.clear()
    search.send_keys("no such words at all")
    assert _visible_rows(browser) == 0 and browser.find_element(By.ID, "none").is_displayed()
    browser.find_element(By.ID, "f-reset").click()
    assert _visible_rows(browser) == total

    Select(browser.find_element(By.ID, "f-year")).select_by_value("2022")
    row = browser.find_element(By.CSS_SELECTOR, '#goal-table tr.goal[data-status="miss"]')
    detail = row.find_element(By.XPATH, "following-sibling::tr[1]")
    assert not detail.is_displayed()
    row.click()
    assert detail.is_displayed() and "高新技术企业" in detail.text and "2023-newspaper" in detail.text
    _screenshot(browser, "report-2022.png")

    charts = browser.find_elements(By.CSS_SELECTOR, "#charts svg.chart")
    assert len(charts) > 20 and charts[0].size["height"] > 100
    assert _console_errors(browser) == []
    _screenshot(browser, "report-full.png", full_page=True)


def test_hostile_quote_stays_text(browser, data, tmp_path):
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By

    data.metric("platforms", unit="个", zh="科技创新平台")
    data.source("plan", date(2021, 12, 31), "2023年平台达到1600个。", goals=[
        goal("platforms", 2023, 1600, "平台达到1600个", unit="个")])
    data.source("news", date(2024, 3, 8), EVIL_QUOTE, figures=[figure("platforms", 2023, 1700, EVIL_QUOTE, unit="个")])
    out = tmp_path / "evil.html"
    _write_report(data.root, out, "2026-01-01")
    _open(browser, out)
    row = browser.find_element(By.CSS_SELECTOR, "#goal-table tr.goal")
    row.click()
    detail = row.find_element(By.XPATH, "following-sibling::tr[1]")
    assert '<script>alert("x")</script><img src=x onerror=alert(2)>' in detail.text
    assert browser.find_elements(By.CSS_SELECTOR, "tr.detail img, tr.detail script") == []
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text
    assert _console_errors(browser) == []


# Markup that would run code or restyle the page if any field reached the HTML unescaped: a script, an
# event handler, a tag that ends a script block, a style block and a broken-out attribute.
PWN = "window.__pwned=(window.__pwned||0)+1"
PAYLOADS = (f"<script>{PWN}</script>", f"<img src=x onerror=\"{PWN}\">", f"</script><script>{PWN}</script>",
            f"<svg onload=\"{PWN}\"></svg>", "</style><style>body{display:none!important}</style>",
            f"\" onmouseover=\"{PWN}\" style=\"display:none", f"' onfocus='{PWN}' autofocus='",
            "}body{visibility:hidden}/*", "\u202e")
EVIL = "".join(PAYLOADS)


def test_payloads_in_every_field_stay_text(browser, data, tmp_path):
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By

    import tomli_w

    (data.root / "targets" / "ledger.toml").write_text(
        tomli_w.dumps({"name": EVIL, "agency": "局" + EVIL, "region": "市" + EVIL}), encoding="utf-8")
    data.metric("platforms", unit="个", zh="平台" + EVIL, note="note" + EVIL, aliases=["别名" + EVIL])
    data.metric("firms", unit="家", zh="企业" + EVIL)
    seed = f"2023年平台达到1600个{EVIL}。平台1700个{EVIL}。企业达到50家{EVIL}。企业40家{EVIL}。"
    url = f"https://example.org/\"><script>{PWN}</script>"
    data.source("plan", date(2021, 12, 31), seed, title="title" + EVIL, url=url, archive_url=url, goals=[
        goal("platforms", 2023, 1600, f"2023年平台达到1600个{EVIL}", unit="个", note="n" + EVIL, doubt="d" + EVIL),
        goal("firms", 2023, 50, f"企业达到50家{EVIL}")])
    data.source("news", date(2024, 3, 8), seed, title="t" + EVIL, figures=[
        figure("platforms", 2023, 1700, f"平台1700个{EVIL}", unit="个", doubt="fd" + EVIL),
        figure("firms", 2023, 40, f"企业40家{EVIL}")])
    out = tmp_path / "evil.html"
    _write_report(data.root, out, "2026-01-01")
    _open(browser, out)
    for row in browser.find_elements(By.CSS_SELECTOR, "#goal-table tr.goal"):
        row.click()  # open every detail row, so that everything in them is rendered
    browser.execute_script("document.querySelectorAll('a, [tabindex]').forEach(e => "
                           "{e.dispatchEvent(new MouseEvent('mouseover', {bubbles: true})); e.focus && e.focus()})")
    assert browser.execute_script("return window.__pwned") is None
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text
    # Only the page's own script and style blocks; no element from the data; the page is displayed.
    assert browser.execute_script("return document.scripts.length") == 1
    assert browser.execute_script("return document.querySelectorAll('style').length") == 1
    assert browser.find_elements(By.CSS_SELECTOR, "img, svg:not(.chart) [onload], [onerror], [onmouseover], "
                                                  "[onfocus], [onload]") == []
    assert browser.execute_script("return getComputedStyle(document.body).display") != "none"
    assert browser.execute_script("return getComputedStyle(document.body).visibility") == "visible"
    text = browser.find_element(By.TAG_NAME, "body").text
    assert f"<script>{PWN}</script>" in text and "\\u202e" in text
    hrefs = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "a[href^=http]")]
    assert hrefs and all(h.startswith("https://example.org/") for h in hrefs)
    assert _console_errors(browser) == []


def test_a_javascript_url_is_an_error_in_check(data):
    data.metric("platforms", unit="个")
    data.source("plan", date(2021, 12, 31), "平台达到1600个。", url="javascript:alert(document.cookie)",
                goals=[goal("platforms", 2023, 1600, "平台达到1600个", unit="个")])
    result = CliRunner().invoke(main, ["--data", str(data.root), "check", "--as-of", "2026-01-01"])
    assert result.exit_code == 1 and "is not an http(s) address" in result.output, result.output


@pytest.mark.parametrize("width", [1280, 390, 360])
def test_page_to_send_at_desktop_and_phone_widths(browser, tmp_path, width):
    from selenium.webdriver.common.by import By

    out = tmp_path / "report.html"
    _write_report(SNAPSHOT, out, "2026-11-22")
    browser.set_window_size(width, 1600)
    try:
        _open(browser, out)
        # No sideways scrolling, and no blank option in any filter.
        assert browser.execute_script("return document.documentElement.scrollWidth") <= browser.execute_script(
            "return document.documentElement.clientWidth")
        # Nor inside a box: the summary by year is stacked on a phone rather than scrolled.
        assert browser.execute_script("return [...document.querySelectorAll('#summary .scroll')]"
                                      ".every(box => box.scrollWidth <= box.clientWidth)")
        for option in browser.find_elements(By.CSS_SELECTOR, ".filters option"):
            assert option.get_attribute("textContent").strip()
        # A verdict opens to its quote inside its paragraph, highlighted, with the seed's file:line.
        row = browser.find_element(By.CSS_SELECTOR, '#goal-table tr.goal[data-status="miss"]')
        row.click()
        detail = row.find_element(By.XPATH, "following-sibling::tr[1]")
        marks = detail.find_elements(By.CSS_SELECTOR, "blockquote.para mark")
        assert marks and marks[0].is_displayed() and marks[0].text in detail.find_element(By.CSS_SELECTOR, "blockquote").text
        assert ".txt:" in detail.text
        # Doubts are marked on the row; the audit cards keep the floors explanation.
        assert browser.find_elements(By.CSS_SELECTOR, "#goal-table tr.goal .dmark")
        assert "floors" in browser.find_element(By.ID, "findings").get_attribute("textContent")
        _screenshot(browser, f"report-{width}.png")
        # The switch shows the page in English, then in Chinese again.
        heading = browser.find_element(By.CSS_SELECTOR, "#goals h2")
        first = heading.text  # the tests' language is English (SYKJ_TRACK_LANG=en)
        assert first == "Every goal"
        browser.find_element(By.ID, "lang").click()
        assert heading.text == "目标明细" and "做到了吗" in browser.find_element(By.TAG_NAME, "h1").text
        _screenshot(browser, f"report-{width}-zh.png")
        browser.find_element(By.ID, "lang").click()
        assert heading.text == first
        assert _console_errors(browser) == []
    finally:
        browser.set_window_size(1280, 1600)
